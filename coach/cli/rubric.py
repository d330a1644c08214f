"""`coach rubric`: the published rubric, generated from the rule registry."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coach.cli.common import Subcommands

if TYPE_CHECKING:
    from coach.services import Services


def register(subcommands: Subcommands) -> None:
    """Add `rubric`."""
    rubric = subcommands.add_parser("rubric", help="print the rubric the rules implement")
    rubric.add_argument("--markdown", action="store_true", help="as Markdown (the default and only format for now)")
    rubric.set_defaults(handler=run_rubric)


def run_rubric(args: argparse.Namespace, services: Services) -> int:
    """Print the rubric as Markdown."""
    print(services.rubric_markdown(), end="")
    return 0
