"""The parser tree and the entry point: each group module adds its own subcommands."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from coach.cli import contacts, interview, kb, questions, review, rubric, setup
from coach.errors import BackendError, CoachError, UserInputError
from coach.limits import SURROGATE

# Each group module exposes `register(subcommands)` and sets `handler` on the parsers it adds.
GROUPS = (setup, kb, review, questions, interview, rubric, contacts)
BUG_HINT = "coach: internal error (a bug, not your input): please report it with the traceback above."
POSITIONALS = {"query", "file", "files", "names", "name", "contact", "kind", "event"}


class Parser(argparse.ArgumentParser):
    """argparse with its usage errors on one line (exit 2), like every other user error."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("coach").strip()
        print(f"coach: error: {command + ': ' if command else ''}{message} (see `{self.prog} --help`)", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    """The whole argument tree, built group by group."""
    parser = Parser(prog="coach", description="Practise informational interviews: questions, mock interviews, message review.")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.register(subcommands)
    return parser


def readable_arguments(args: argparse.Namespace) -> None:
    """Refuse text arguments holding bytes that are not UTF-8 (argv keeps them as surrogates), naming the argument."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and SURROGATE.search(v) for v in values):
            what = f"the {name}" if name in POSITIONALS else f"--{name.replace('_', '-')}" if len(name) > 1 else f"-{name}"
            raise UserInputError(f"{what} is not UTF-8 text (it holds undecodable bytes): type it again in a UTF-8 terminal.")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: 0 on success, 1 on a failed check, backend or bug, 2 on a user error.

    Arguments are parsed and checked (limits, dates, files) before the heavy parts are imported, so a bad
    input is refused in a fraction of a second.
    """
    try:
        args = build_parser().parse_args(argv)
        readable_arguments(args)
        if precheck := getattr(args, "precheck", None):
            precheck(args)
        from coach.services import Services

        return int(args.handler(args, Services.from_environment()))
    except BackendError as exc:
        print(f"coach: error: {exc}", file=sys.stderr)
        return 1
    except CoachError as exc:
        print(f"coach: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("coach: interrupted", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug: show where, and ask for a report
        traceback.print_exc()
        print(BUG_HINT, file=sys.stderr)
        return 1
