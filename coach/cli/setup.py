"""`coach setup` and `coach doctor`: prepare the offline files, then check everything."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coach.cli.common import Subcommands, emit_json, print_warnings, progress_bar
from coach.errors import CoachError

if TYPE_CHECKING:
    from coach.services import Services


def register(subcommands: Subcommands) -> None:
    """Add `setup` and `doctor`."""
    setup = subcommands.add_parser("setup", help="prepare offline model files and build or update the knowledge index")
    setup.set_defaults(handler=run_setup)
    doctor = subcommands.add_parser("doctor", help="check the backend, model, embeddings, index and data directory")
    doctor.add_argument("--json", action="store_true", help="print the checks as JSON")
    doctor.set_defaults(handler=run_doctor)


def run_setup(args: argparse.Namespace, services: Services) -> int:
    """Prepare verified offline files and bring the shipped notes' index up to date."""
    prepared, report = services.setup(progress=progress_bar())
    for group, path in prepared.items():
        print(f"ok  {group}: {path}")
    print_warnings(report.warnings)
    print(f"ok  knowledge index: {report.summary()}")
    try:  # a model that cannot run here is said in one line, before it can crash anything
        print(f"ok  local model: {services.local_runtime()}")
    except CoachError as exc:
        print(f"FAIL local model: {exc}")
    return 0


def run_doctor(args: argparse.Namespace, services: Services) -> int:
    """Report each check on one line; exit 1 if any failed."""
    checks = services.doctor()
    if args.json:
        emit_json([c.__dict__ for c in checks])
    else:
        for check in checks:
            print(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
    return 0 if all(c.ok for c in checks) else 1
