"""`coach questions`: a question plan for a target role."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

import coach.limits as limits
from coach.cli.common import Subcommands, checked, emit_json, text_or_file

if TYPE_CHECKING:
    from coach.services import Services


def register(subcommands: Subcommands) -> None:
    """Add `questions`."""
    questions = subcommands.add_parser("questions", help="plan tailored questions for a target role")
    questions.add_argument("--role", required=True, type=checked(limits.label, "--role", required=True))
    questions.add_argument("--industry", type=checked(limits.label, "--industry"))
    questions.add_argument("--company", type=checked(limits.label, "--company"))
    questions.add_argument("--background", help="your background (TEXT or @FILE)")
    questions.add_argument("--about", help="the professional's bio or profile (TEXT or @FILE)")
    questions.add_argument("--goal", type=checked(limits.label, "--goal", max_chars=limits.MAX_GOAL_CHARS))
    questions.add_argument(
        "-n", type=checked(limits.questions_wanted), default=12, help=f"how many questions, {limits.MIN_QUESTIONS} to {limits.MAX_QUESTIONS} (default 12)"
    )
    output = questions.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--markdown", action="store_true")
    questions.set_defaults(handler=run_questions)


def run_questions(args: argparse.Namespace, services: Services) -> int:
    """Print a question plan as text, Markdown or JSON."""
    from coach.services import PlanRequest

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
