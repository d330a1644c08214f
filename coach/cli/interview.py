"""`coach interview`: practise in the terminal, or get feedback on a transcript file."""

from __future__ import annotations

import argparse
from pathlib import Path

from coach.cli.common import Subcommands, emit_json, print_findings, text_or_file
from coach.errors import UserInputError
from coach.services import Services


def register(subcommands: Subcommands) -> None:
    """Add `interview feedback` and `interview chat`."""
    interview = subcommands.add_parser("interview", help="mock interviews").add_subparsers(dest="interview", required=True, metavar="ACTION")
    feedback = interview.add_parser("feedback", help="feedback on a transcript in the rubric's JSON format")
    feedback.add_argument("file", type=Path)
    feedback.add_argument("--json", action="store_true")
    feedback.add_argument("--no-summary", action="store_true", help="skip the model-written summary")
    feedback.set_defaults(handler=run_feedback)
    chat = interview.add_parser("chat", help="practise in the terminal (saved like an app session)")
    chat.add_argument("--role", required=True)
    chat.add_argument("--temperament", choices=["warm", "busy", "skeptical"], default="warm")
    chat.add_argument("--minutes", type=int, default=20)
    chat.add_argument("--bio", help="a real person's profile to practise for (TEXT or @FILE)")
    chat.add_argument("--resume", help="session id to continue")
    chat.set_defaults(handler=run_chat)


def run_feedback(args: argparse.Namespace, services: Services) -> int:
    """Feedback on a saved transcript file."""
    if not args.file.is_file():
        raise UserInputError(f"{args.file}: no such file.")
    result = services.transcript_feedback(args.file, summary=not args.no_summary)
    if args.json:
        emit_json(result.public())
        return 0
    print(f"Score {result.score}/100 · you spoke {result.talk_ratio:.0%} of the words")
    print_findings(result.findings)
    print("TIARA: " + ", ".join(f"{area} {len(qs)}" for area, qs in result.tiara.items()))
    if result.summary:
        print(f"\n{result.summary}")
    return 0


def run_chat(args: argparse.Namespace, services: Services) -> int:
    """An interactive session in the terminal; /end for feedback, /quit to stop (the session is saved)."""
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
        reply = services.ask(session, text)
        for piece in reply:
            print(piece, end="", flush=True)
        print()
        if reply.replaced:
            print(f"(revised) {reply.text}")
