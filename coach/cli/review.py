"""`coach review`: lint an outreach or thank-you message, fix it, and optionally polish the fixed draft with the model."""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import TYPE_CHECKING

import coach.limits as limits
from coach.cli.common import Subcommands, checked, emit_json, print_findings, read_text_arg, text_or_file
from coach.errors import BackendError

if TYPE_CHECKING:  # loaded after the arguments are checked (issue 14: a bad date is refused at once)
    from coach.services import Edit, FixResult, Polish, Review, Services


def register(subcommands: Subcommands) -> None:
    """Add `review`."""
    review = subcommands.add_parser("review", help="lint an outreach or thank-you message against the rubric")
    review.add_argument("kind", choices=["outreach", "thank-you"])
    review.add_argument("file", nargs="?", default="-", help="message file, or - for standard input")
    review.add_argument("--channel", choices=["email", "linkedin"], default="email")
    review.add_argument("--meeting-date", type=checked(limits.day, "--meeting-date"), help="YYYY-MM-DD (thank-you notes)")
    review.add_argument("--sent-date", type=checked(limits.day, "--sent-date"), help="YYYY-MM-DD (thank-you notes)")
    review.add_argument("--fix", action="store_true", help="apply the rubric's safe fixes and print the fixed draft and every edit")
    review.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that change what you ask for or say (implies --fix)")
    review.add_argument("--diff", action="store_true", help="show the fixes as a unified diff (implies --fix)")
    review.add_argument("--rewrite", action="store_true", help="fix, then ask the model to polish the fixed draft; shown only if it passes the gate")
    review.add_argument("--polish", action="store_true", help="send the draft to the model even when it has no findings (implies --rewrite)")
    review.add_argument("--profile", help="facts about you the polish may use (TEXT or @FILE)")
    review.add_argument("--json", action="store_true")
    review.set_defaults(handler=run_review, precheck=check_review)


def check_review(args: argparse.Namespace) -> None:
    """A thank-you is sent after its meeting; a message file within the size limit, not empty, not binary (checked before anything loads)."""
    limits.meeting_then_sent(args.meeting_date, args.sent_date)
    if args.file != "-":
        limits.message(read_text_arg(args.file), args.file)


def run_review(args: argparse.Namespace, services: Services) -> int:
    """Lint a message; optionally fix it, and polish the fixed draft with the model."""
    text = read_text_arg(args.file)
    result = services.review(text, args.kind, args.channel, args.meeting_date, args.sent_date)
    polishing = args.rewrite or args.polish
    fixing = args.fix or args.unsafe_fixes or args.diff or polishing
    fixes = services.fix(text, args.kind, args.channel, args.meeting_date, args.sent_date, unsafe=args.unsafe_fixes) if fixing else None
    if not args.json:
        print_review(result, fixes, args.diff)  # the lint results come first, whatever the model does next
    try:
        polished = services.rewrite(result, text_or_file(args.profile) or "", args.unsafe_fixes, args.polish) if polishing else None
    except BackendError as exc:
        if not args.json:
            raise
        emit_json(result.public() | (fixes.public() if fixes else {}) | {"rewrite_error": str(exc)})
        return 1
    if polished:
        result.rewrite = polished.text
    if args.json:
        extra = {"rewrite_source": polished.source, "rewrite_gate": "passed" if polished.passed else polished.reason} if polished else {}
        extra |= {"rewrite_warning": polished.warning} if polished and polished.warning else {}
        emit_json(result.public() | (fixes.public() if fixes else {}) | extra)
        return 0
    if polished:
        print_polish(polished)
    return 0


def print_review(result: Review, fixes: FixResult | None, diff: bool) -> None:
    """Score, findings, then the edits and the fixed draft (or its diff)."""
    print(f"{result.kind} ({result.channel}): score {result.score}/100 · {result.word_count} words · {result.char_count} characters")
    print_findings(result.findings)
    if not result.findings:
        print("  No findings: this message follows the rubric.")
    if fixes is None:
        return
    counts = ", ".join(f"{n} {a}" for a in ("safe", "unsafe") if (n := sum(e.applicability == a for e in fixes.edits)))
    print(f"\nFixes made: {len(fixes.edits)}{f' ({counts})' if counts else ''}")
    for edit in fixes.edits:
        print(f"  {edit.applicability:7} {edit.code:17} {describe(edit)}")
    if fixes.suggestions:
        print("Not applied (display-only ones need your own facts; unsafe ones need --unsafe-fixes):")
        for edit in fixes.suggestions:
            print(f"  {edit.applicability:7} {edit.code:17} {describe(edit)}")
    if diff:
        lines = difflib.unified_diff(fixes.text.splitlines(keepends=True), fixes.fixed.splitlines(keepends=True), "draft", "fixed")
        print("\n" + "".join(lines).rstrip("\n") if fixes.edits else "\nNo changes.")
        return
    left = f"score {fixes.score}/100, {len(fixes.findings)} finding{'s' if len(fixes.findings) != 1 else ''} left"
    print(f"\nFixed draft ({left}):\n{fixes.fixed}")


def describe(edit: Edit) -> str:
    """An edit on one line: what goes, what comes."""
    before, after = " ".join(edit.before.split()), " ".join(edit.after.split())
    if not before:
        return f'+ "{after}"'
    if not after:
        return f'- "{before}"'
    return f'"{before}" -> "{after}"'


def print_polish(polished: Polish) -> None:
    """The model's polish when it passed the gate, else the fixed draft and the one-line reason."""
    if polished.source == "model":
        print(f"\nPolish by the model, passed the gate (score {polished.review.score}/100):\n{polished.text}")
        return
    print(f"\nPolish: {polished.warning}", file=sys.stderr)
    print(f"\nYour fixed draft (score {polished.review.score}/100):\n{polished.text}")
