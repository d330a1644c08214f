"""Feature subcommands of `coach`: review, questions, interview."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach.cli import command, emit_json, read_text_arg, text_or_file
from coach.config import Settings
from coach.errors import UserInputError


def add_all(sub: argparse._SubParsersAction) -> None:
    """Add the feature subcommands."""
    review = sub.add_parser("review", help="lint an outreach or thank-you message against the rubric")
    review.add_argument("kind", choices=["outreach", "thank-you"])
    review.add_argument("file", nargs="?", default="-", help="message file, or - for standard input")
    review.add_argument("--channel", choices=["email", "linkedin"], default="email")
    review.add_argument("--meeting-date", help="YYYY-MM-DD (thank-you notes)")
    review.add_argument("--sent-date", help="YYYY-MM-DD (thank-you notes)")
    review.add_argument("--rewrite", action="store_true", help="also ask the model for a rewrite that fixes the findings")
    review.add_argument("--profile", help="facts about you the rewrite may use (TEXT or @FILE)")
    review.add_argument("--json", action="store_true")
    review.set_defaults(handler="review")

    questions = sub.add_parser("questions", help="plan tailored questions for a target role")
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
    questions.set_defaults(handler="questions")

    interview = sub.add_parser("interview", help="mock interviews").add_subparsers(dest="interview", required=True, metavar="ACTION")
    fb = interview.add_parser("feedback", help="feedback on a transcript in the rubric's JSON format")
    fb.add_argument("file")
    fb.add_argument("--json", action="store_true")
    fb.add_argument("--no-summary", action="store_true", help="skip the model-written summary")
    fb.set_defaults(handler="interview feedback")
    chat = interview.add_parser("chat", help="practise in the terminal (saved like an app session)")
    chat.add_argument("--role", required=True)
    chat.add_argument("--temperament", choices=["warm", "busy", "skeptical"], default="warm")
    chat.add_argument("--minutes", type=int, default=20)
    chat.add_argument("--bio", help="a real person's profile to practise for (TEXT or @FILE)")
    chat.add_argument("--resume", help="session id to continue")
    chat.set_defaults(handler="interview chat")


def print_findings(findings: list) -> None:
    """One line per finding, then its evidence underneath."""
    for finding in findings:
        print(f"  {finding.severity:7} {finding.code:17} {finding.message}\n{'':28}↳ {finding.evidence}")


def _services(settings: Settings):
    from coach.services import Services

    return Services(settings)


@command("review")
def review_command(args: argparse.Namespace, settings: Settings) -> int:
    """Lint a message; optionally rewrite it."""
    services = _services(settings)
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


@command("questions")
def questions_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print a question plan as text, Markdown or JSON."""
    from coach.questions import PlanRequest

    plan = _services(settings).plan(PlanRequest(role=args.role, industry=args.industry, company=args.company,
                                                background=text_or_file(args.background), about=text_or_file(args.about),
                                                goal=args.goal, count=args.n))
    if args.json:
        emit_json(plan.model_dump(mode="json"))
    else:
        print(plan.to_markdown())
    return 0


@command("interview feedback")
def feedback_command(args: argparse.Namespace, settings: Settings) -> int:
    """Feedback on a saved transcript file."""
    from coach.feedback import feedback
    from coach.rubric.transcript import load_transcript

    if not Path(args.file).is_file():
        raise UserInputError(f"{args.file}: no such file.")
    transcript = load_transcript(Path(args.file))
    model = None if args.no_summary or settings.backend == "fake" else _services(settings).model
    result = feedback(transcript, model)
    if args.json:
        emit_json(result.public())
        return 0
    print(f"Score {result.score}/100 · you spoke {result.talk_ratio:.0%} of the words")
    print_findings(result.findings)
    print("TIARA: " + ", ".join(f"{area} {len(qs)}" for area, qs in result.tiara.items()))
    if result.summary:
        print(f"\n{result.summary}")
    return 0


@command("interview chat")
def chat_command(args: argparse.Namespace, settings: Settings) -> int:
    """An interactive session in the terminal; /end for feedback, /quit to stop (the session is saved)."""
    services = _services(settings)
    if args.resume:
        session = services.open_interview(args.resume)
    else:
        session = services.start_interview(args.role, args.temperament, args.minutes, text_or_file(args.bio))
    print(session.persona.card().replace("**", "").replace("  \n", "\n"))
    print(f"Session {session.session_id}. Type your questions; /end for feedback, /quit to stop.\n")
    for turn in session.turns():
        print(f"{'You' if turn.role == 'student' else session.persona.name}: {turn.text}")
    while True:
        try:
            text = input("You: ").strip()
        except EOFError:
            text = "/quit"
        if text == "/quit":
            print(f"Saved. Resume with: coach interview chat --role '{session.persona.role}' --resume {session.session_id}")
            return 0
        if text == "/end":
            result = services.end_interview(session)
            print(f"\nScore {result.score}/100")
            for finding in result.findings:
                print(f"  {finding.code}: {finding.message}")
            if result.summary:
                print(result.summary)
            return 0
        if not text:
            continue
        print(f"{session.persona.name}: ", end="", flush=True)
        reply = session.ask(text)
        for piece in reply:
            print(piece, end="", flush=True)
        print()
        if reply.replaced:
            print(f"(revised) {reply.text}")
