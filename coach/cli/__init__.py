"""The `coach` command: one module per command group, each a thin face over `coach.services`."""

from coach.cli.main import GROUPS, build_parser, main

__all__ = ["GROUPS", "build_parser", "main"]
