"""`coach interview`: practise in the terminal, or get feedback on a transcript file."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import coach.limits as limits
from coach.cli.common import Subcommands, checked, emit_json, print_findings, read_text_arg, text_or_file
from coach.errors import CoachError, SessionChanged, Unanswered, UserInputError

if TYPE_CHECKING:
    from coach.services import InterviewSession, Services

KEPT = "Your question is kept: press Enter to send it again, or type another question to replace it."
WAIT_SECONDS = 30.0  # how long a turn waits for another window's reply before it gives up (it is kept, not lost)
ATTEMPTS = 3


def register(subcommands: Subcommands) -> None:
    """Add `interview feedback` and `interview chat`."""
    interview = subcommands.add_parser("interview", help="mock interviews").add_subparsers(dest="interview", required=True, metavar="ACTION")
    feedback = interview.add_parser("feedback", help="feedback on a transcript in the rubric's JSON format")
    feedback.add_argument("file", type=Path)
    feedback.add_argument("--json", action="store_true")
    feedback.add_argument("--no-summary", action="store_true", help="skip the model-written summary")
    feedback.set_defaults(handler=run_feedback, precheck=check_transcript)
    chat = interview.add_parser("chat", help="practise in the terminal (saved like an app session)")
    chat.add_argument("--role", required=True, type=checked(limits.label, "--role", required=True))
    chat.add_argument("--temperament", choices=["warm", "busy", "skeptical"], default="warm")
    chat.add_argument("--minutes", type=int, default=20)
    chat.add_argument("--bio", help="a real person's profile to practise for (TEXT or @FILE)")
    chat.add_argument("--resume", help="session id to continue")
    chat.add_argument("--script", help="run the student turns in this file (one per line) instead of asking")
    chat.add_argument("--json", action="store_true", help="with --script: print the whole session as JSON")
    chat.set_defaults(handler=run_chat)
    register_runs(interview)


def check_transcript(args: argparse.Namespace) -> None:
    """Size, nesting and turns of the transcript file, checked before anything else loads."""
    if not args.file.is_file():
        raise UserInputError(f"{args.file}: no such file.")
    size = args.file.stat().st_size
    if size > limits.MAX_TRANSCRIPT_BYTES:  # refused unread
        raise UserInputError(f"Transcript file {args.file} is {size:,} bytes; the limit for a transcript is {limits.MAX_TRANSCRIPT_BYTES:,}.")
    limits.transcript_json(args.file.read_bytes().decode("utf-8", "replace"), f"Transcript file {args.file}")


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
    """An interactive session in the terminal; /end for feedback, /quit to stop (the session is saved).

    Nothing typed is lost: a turn that fails keeps its question (Enter sends it again), a resumed session
    answers its unanswered question first, and a turn another window or process got in before is
    reloaded and retried, or shown back as not sent.
    """
    if args.script:
        args.bio = text_or_file(args.bio)
        return run_script(args, services)
    if args.resume:
        session = services.open_interview(args.resume)
    else:
        session = services.start_interview(args.role, args.temperament, args.minutes, text_or_file(args.bio))
    print(session.persona.card().replace("**", "").replace("  \n", "\n"))
    print(f"Session {session.session_id}. Type your questions; /end for feedback, /quit to stop.\n")
    turns = session.turns()
    for turn in turns:
        print(f"{'You' if turn.role == 'student' else session.persona.name}: {turn.text}")
    pending: str | None = None  # what the user wrote that has no answer yet
    if turns and turns[-1].role == "student":
        print("(Your last question has no answer yet: asking it again.)")
        session, pending = _send(services, session, turns[-1].text)
    while True:
        try:
            text = input("You: ").strip()
        except EOFError:
            text = "/quit"
        if text in ("/quit", "/end"):
            _say_pending(session, pending)
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
            if pending is None:
                continue
            text = pending  # Enter: send the kept question again
        elif pending is not None and text != pending:
            if _saved_unanswered(session, pending):
                try:
                    session.redo(session.turns()[-1].index)  # replaced at the user's word (they were told)
                except SessionChanged:
                    session = _reload(services, session)
            else:
                print(f"Not sent: {pending}")
        session, pending = _send(services, session, text)


def _saved_unanswered(session: InterviewSession, text: str) -> bool:
    """Whether the session's last turn is this question, still without an answer."""
    turns = session.turns()
    return bool(turns) and turns[-1].role == "student" and turns[-1].text == text


def _say_pending(session: InterviewSession, pending: str | None) -> None:
    if pending is None:
        return
    if _saved_unanswered(session, pending):
        print("(Your last question is saved without an answer: resume the session to get it.)")
    else:
        print(f"Not sent: {pending}")


def _send(services: Services, session: InterviewSession, text: str) -> tuple[InterviewSession, str | None]:
    """Ask one question and stream the reply; return the session (reloaded if another writer changed it) and
    the question if it still has no answer."""
    problem: CoachError | None = None
    turns = session.turns()
    start = len(turns) - 1 if _saved_unanswered(session, text) else len(turns)  # where this question's answer would come
    for attempt in range(ATTEMPTS):
        if attempt and _answered_since(session, text, start):
            return session, None  # another window answered it meanwhile (a resumed question): not asked twice
        print(f"{session.persona.name}: ", end="", flush=True)
        try:
            reply = services.ask(session, text)
            for piece in reply:
                print(piece, end="", flush=True)
            print()  # only gated text is streamed, so a reply is never printed a second time
            return session, None
        except Unanswered as exc:  # another window's question is waiting for its reply: wait for it, then go
            print()
            problem, session = exc, _reload(services, session, until_answered=True)
        except SessionChanged as exc:  # another window or process wrote first: reload, then go again
            print()
            problem, session = exc, _reload(services, session)
        except UserInputError as exc:  # empty or too long: nothing to send again
            print()
            print(f"coach: error: {exc}", file=sys.stderr)
            return session, None
        except CoachError as exc:  # the model failed: the question is saved, the chat goes on
            print()
            print(f"coach: error: {exc}", file=sys.stderr)
            print(KEPT)
            return session, text
    print(f"coach: error: {problem}", file=sys.stderr)
    print(KEPT)
    return session, text


def _answered_since(session: InterviewSession, text: str, start: int) -> bool:
    """Whether this question was asked and answered at or after turn `start`."""
    turns = session.turns()
    return any(turn.role == "student" and turn.text == text and nxt.role == "professional" for turn, nxt in zip(turns[start:], turns[start + 1 :]))


def _reload(services: Services, session: InterviewSession, until_answered: bool = False) -> InterviewSession:
    """The session as the store has it now, printing the turns another writer added; optionally waiting until its last question is answered."""
    seen = len(session.turns())
    deadline = time.monotonic() + (WAIT_SECONDS if until_answered else 0)
    while True:
        fresh = services.open_interview(session.session_id, store=session.store)
        turns = fresh.turns()
        if not until_answered or not turns or turns[-1].role != "student" or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    added = turns[seen:] if len(turns) >= seen else turns
    if added:
        print(f"(This session changed in another window: {len(added)} new turn{'s' if len(added) != 1 else ''}.)")
        for turn in added:
            print(f"{'You (elsewhere)' if turn.role == 'student' else fresh.persona.name}: {turn.text}")
    return fresh


# Scripted sessions, the list and the export (issue 12).


def run_script(args: argparse.Namespace, services: Services) -> int:
    """Run the student turns in a file (one per line) and print the session: as JSON, or as a transcript."""
    lines = [line.strip() for line in read_text_arg(args.script).splitlines()]
    turns = [line for line in lines if line and not line.startswith("#")]
    if not turns:
        raise UserInputError(f"{args.script} has no student turns: write one question per line.")
    session = services.open_interview(args.resume) if args.resume else services.start_interview(args.role, args.temperament, args.minutes, args.bio)
    for text in turns:
        reply = services.ask(session, text)
        if args.json:
            reply.consume()
        else:
            print(f"You: {text}\n{session.persona.name}: ", end="", flush=True)
            for piece in reply:
                print(piece, end="", flush=True)
            print(f"\n  ({reply.source})")
    if args.json:
        emit_json(services.export_json(session.session_id, store=session.store))
    else:
        print(f"Session {session.session_id} saved.")
    return 0


def run_list(args: argparse.Namespace, services: Services) -> int:
    """The saved sessions, newest first."""
    sessions = services.list_interviews(args.limit)
    if args.json:
        emit_json([s.model_dump(include={"id", "title", "role", "temperament", "minutes", "status", "created_at"}) for s in sessions])
        return 0
    if not sessions:
        print("No saved sessions yet: start one with `coach interview chat --role ROLE`.")
    for s in sessions:
        print(f"{s.id}  {s.created_at[:16].replace('T', ' ')}  {s.status:6}  {s.title or s.role}")
    return 0


def run_export(args: argparse.Namespace, services: Services) -> int:
    """One saved session as JSON (every turn with its source, grounding and timings) or Markdown."""
    try:
        if args.json:
            emit_json(services.export_json(args.id))
        else:
            print(services.export_markdown(args.id), end="")
    except KeyError as exc:
        raise UserInputError(f"No saved session {args.id}: `coach interview list` shows them.") from exc
    return 0


def register_runs(interview) -> None:
    """Add `interview list` and `interview export` to the interview group."""
    listing = interview.add_parser("list", help="the saved practice sessions, newest first")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    export = interview.add_parser("export", help="one saved session as JSON or Markdown")
    export.add_argument("id")
    form = export.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="every turn with its source, grounding and timings")
    form.add_argument("--markdown", action="store_true", help="a readable transcript (the default)")
    export.set_defaults(handler=run_export)
