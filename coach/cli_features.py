"""Feature subcommands of `coach`: review, questions, interview."""

from __future__ import annotations

import argparse


def add_all(sub: argparse._SubParsersAction) -> None:
    """Add the feature subcommands (filled in as features land)."""
