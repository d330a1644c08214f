"""`coach questions`: a question plan for a target role."""

from __future__ import annotations

import argparse

from coach.cli.common import Subcommands, emit_json, text_or_file
from coach.services import PlanRequest, Services


def register(subcommands: Subcommands) -> None:
    """Add `questions`."""
    questions = subcommands.add_parser("questions", help="plan tailored questions for a target role")
    questions.add_argument("--role", required=True)
    questions.add_argument("--industry")
    questions.add_argument("--company")
    questions.add_argument("--background", help="your background (TEXT or @FILE)")
    questions.add_argument("--about", help="the professional's bio or profile (TEXT or @FILE)")
    questions.add_argument("--goal")
    questions.add_argument("-n", type=int, default=12, help="how many questions (default 12)")
    output = questions.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--markdown", action="store_true")
    questions.set_defaults(handler=run_questions)


def run_questions(args: argparse.Namespace, services: Services) -> int:
    """Print a question plan as text, Markdown or JSON."""
    request = PlanRequest(
        role=args.role,
        industry=args.industry,
        company=args.company,
        background=text_or_file(args.background),
        about=text_or_file(args.about),
        goal=args.goal,
        count=args.n,
    )
    plan = services.plan(request)
    if args.json:
        emit_json(plan.model_dump(mode="json"))
    else:
        print(plan.to_markdown())
    return 0
