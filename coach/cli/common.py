"""What every command group shares: reading inputs, printing JSON, findings and warnings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.errors import UserInputError

if TYPE_CHECKING:  # the services (and the heavy packages behind them) load only after the arguments are checked
    from coach.services import Finding, Services

Handler = Callable[[argparse.Namespace, "Services"], int]
# argparse keeps its subparsers type private; this is the object `add_subparsers()` returns.
Subcommands = Any


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


def checked(check: Callable[..., Any], *names: Any, **options: Any) -> Callable[[str], Any]:
    """An argparse `type` that runs a coach.limits check on the value; its UserInputError becomes exit 2 with one line."""

    def convert(value: str) -> Any:
        return check(value, *names, **options)

    convert.__name__ = getattr(check, "__name__", "value")
    return convert


def text_or_file(value: str | None) -> str | None:
    """A literal value, or the content of @FILE."""
    if value and value.startswith("@"):
        return read_text_arg(value[1:])
    return value


def print_findings(findings: Iterable[Finding]) -> None:
    """One line per finding, then its evidence underneath."""
    for finding in findings:
        print(f"  {finding.severity:7} {finding.code:17} {finding.message}\n{'':28}↳ {finding.evidence}")


def print_warnings(warnings: Iterable[str]) -> None:
    """Per-file warnings, one line each, on stderr."""
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def progress_bar(unit: str = "notes") -> Callable[[int, int, str], None]:
    """A tqdm progress callback for long ingests (quiet when stderr is not a terminal)."""
    from tqdm import tqdm

    bar = tqdm(unit=unit, disable=None, file=sys.stderr)

    def update(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(name[-40:], refresh=False)
        bar.refresh()
        if done >= total:
            bar.close()

    return update
