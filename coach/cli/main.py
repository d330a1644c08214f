"""The parser tree and the entry point: each group module adds its own subcommands."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from coach.cli import contacts, interview, kb, questions, review, rubric, setup
from coach.errors import BackendError, CoachError
from coach.services import Services

# Each group module exposes `register(subcommands)` and sets `handler` on the parsers it adds.
GROUPS = (setup, kb, review, questions, interview, rubric, contacts)
BUG_HINT = "coach: internal error (a bug, not your input): please report it with the traceback above."


def build_parser() -> argparse.ArgumentParser:
    """The whole argument tree, built group by group."""
    parser = argparse.ArgumentParser(prog="coach", description="Practise informational interviews: questions, mock interviews, message review.")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: 0 on success, 1 on a failed check, backend or bug, 2 on a user error."""
    args = build_parser().parse_args(argv)
    try:
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
