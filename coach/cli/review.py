"""`coach review`: lint an outreach or thank-you message, optionally rewrite it."""

from __future__ import annotations

import argparse
import sys

from coach.cli.common import Subcommands, emit_json, print_findings, read_text_arg, text_or_file
from coach.services import Services


def register(subcommands: Subcommands) -> None:
    """Add `review`."""
    review = subcommands.add_parser("review", help="lint an outreach or thank-you message against the rubric")
    review.add_argument("kind", choices=["outreach", "thank-you"])
    review.add_argument("file", nargs="?", default="-", help="message file, or - for standard input")
    review.add_argument("--channel", choices=["email", "linkedin"], default="email")
    review.add_argument("--meeting-date", help="YYYY-MM-DD (thank-you notes)")
    review.add_argument("--sent-date", help="YYYY-MM-DD (thank-you notes)")
    review.add_argument("--rewrite", action="store_true", help="also ask the model for a rewrite that fixes the findings")
    review.add_argument("--profile", help="facts about you the rewrite may use (TEXT or @FILE)")
    review.add_argument("--json", action="store_true")
    review.set_defaults(handler=run_review)


def run_review(args: argparse.Namespace, services: Services) -> int:
    """Lint a message; optionally rewrite it."""
    result = services.review(read_text_arg(args.file), args.kind, args.channel, args.meeting_date, args.sent_date)
    rewritten = services.rewrite(result, text_or_file(args.profile) or "") if args.rewrite else None
    if rewritten:
        result.rewrite = rewritten.text
    if args.json:
        emit_json(result.public() | ({"rewrite_warning": rewritten.warning} if rewritten and rewritten.warning else {}))
        return 0
    print(f"{args.kind} ({args.channel}): score {result.score}/100 · {result.word_count} words · {result.char_count} characters")
    print_findings(result.findings)
    if not result.findings:
        print("  No findings: this message follows the rubric.")
    if rewritten:
        print(f"\nRewrite (score {rewritten.review.score}/100):\n{rewritten.text}")
        if rewritten.warning:
            print(f"\nwarning: {rewritten.warning}", file=sys.stderr)
    return 0
