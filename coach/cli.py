"""The `coach` command: a thin face over the same functions the app uses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

from coach.config import Settings, get_settings
from coach.errors import BackendError, CoachError, UserInputError

Handler = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    """Register a handler for a (sub)command path such as 'kb search'."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        return handler

    return register


def emit_json(value: object) -> None:
    """Print a JSON document (pydantic models included)."""
    print(json.dumps(value, ensure_ascii=False, indent=2, default=lambda o: o.model_dump() if hasattr(o, "model_dump") else str(o)))


def read_text_arg(source: str | None) -> str:
    """Text from a file path, '-' or nothing (stdin); non-UTF-8 is a user error."""
    if source in (None, "-"):
        raw = sys.stdin.buffer.read()
        name = "standard input"
    else:
        path = Path(source)
        if not path.is_file():
            raise UserInputError(f"{source}: no such file.")
        raw, name = path.read_bytes(), source
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserInputError(f"{name} is not UTF-8 text (byte {exc.start}): save it as UTF-8 and try again.") from exc


def text_or_file(value: str | None) -> str | None:
    """A literal value, or the content of @FILE."""
    if value and value.startswith("@"):
        return read_text_arg(value[1:])
    return value


def build_parser() -> argparse.ArgumentParser:
    """The whole argument tree."""
    from coach import cli_commands

    parser = argparse.ArgumentParser(prog="coach", description="Practise informational interviews: questions, mock interviews, message review.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    cli_commands.add_all(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: exit 0 on success, 1 on a failed check or backend, 2 on a user error."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = get_settings()
        return COMMANDS[args.handler](args, settings)
    except (UserInputError, ValueError) as exc:
        print(f"coach: error: {exc}", file=sys.stderr)
        return 2
    except BackendError as exc:
        print(f"coach: error: {exc}", file=sys.stderr)
        return 1
    except CoachError as exc:
        print(f"coach: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("coach: interrupted", file=sys.stderr)
        return 130
