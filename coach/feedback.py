"""Feedback on a practice transcript: rubric findings, TIARA coverage, talk ratio, and a short narrative."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from coach.errors import BackendError
from coach.guards import mentions_being_an_ai, strip_wrapping, tidy_reply
from coach.llm import complete
from coach.prompts import render
from coach.rubric.base import Finding, score
from coach.rubric.questions import AREAS, is_closed, is_referral_ask, is_searchable, tiara_areas
from coach.rubric.transcript import Transcript, TranscriptFacts
from coach.rubric.transcript_rules import lint_transcript, says_thanks

QUOTE_CHARS = 140


class Point(BaseModel):
    """A strength or a thing to do next time, tied to a quoted turn."""

    text: str
    quote: str
    turn: int | None = None


class Feedback(BaseModel):
    """Everything the student sees after a session."""

    score: int
    findings: list[Finding]
    tiara: dict[str, list[str]]
    talk_ratio: float
    strengths: list[Point]
    next_time: list[Point]
    summary: str | None

    def public(self) -> dict:
        """The JSON shape of `coach interview feedback --json`."""
        return self.model_dump(mode="json", include={"score", "findings", "tiara", "talk_ratio", "summary", "strengths", "next_time"})


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def strengths_of(facts: TranscriptFacts) -> list[Point]:
    """Up to two things the student did well, each quoting the turn that shows it."""
    found: list[Point] = []
    for number, question in facts.questions:
        areas = tiara_areas(question)
        if areas and not is_closed(question) and not is_searchable(question):
            found.append(Point(text=f"An open {sorted(areas)[0]} question the professional could answer from experience.", quote=_quote(question), turn=number))
            break
    for number, question in facts.questions:
        if is_referral_ask(question):
            found.append(Point(text="You asked who else to talk to, which keeps your network growing.", quote=_quote(question), turn=number))
            break
    student_turns = facts.student_turns
    thanks = [(n, t) for n, t in student_turns if says_thanks(t)]
    if len(found) < 2 and thanks:
        found.append(Point(text="You thanked them for their time.", quote=_quote(thanks[-1][1]), turn=thanks[-1][0]))
    if len(found) < 2 and student_turns and facts.talk_ratio < 0.5:
        number, text = min(student_turns, key=lambda item: len(item[1]))
        found.append(Point(text="You kept your turns short and let the professional do most of the talking.", quote=_quote(text), turn=number))
    return found[:2]


def next_time_of(findings: list[Finding]) -> list[Point]:
    """Up to two improvements, most severe first, each with the rule's evidence."""
    ordered = sorted(findings, key=lambda f: f.severity != "error")
    return [Point(text=f.message, quote=_quote(f.evidence)) for f in ordered[:2]]


def coverage_summary(facts: TranscriptFacts) -> dict[str, list[str]]:
    """The student's questions by TIARA area (every area present, possibly empty)."""
    return {area: facts.coverage.get(area, []) for area in AREAS}


def narrative(strengths: list[Point], next_time: list[Point], model: BaseChatModel | None) -> str | None:
    """A short paragraph from the model, or a plain one when the model fails or drifts."""
    strengths_text = "\n".join(f'- {p.text} ("{p.quote}")' for p in strengths) or "- (none found)"
    next_text = "\n".join(f'- {p.text} ("{p.quote}")' for p in next_time) or "- keep doing what you did"
    if model is not None:
        try:
            reply = tidy_reply(
                strip_wrapping(
                    complete(
                        model,
                        [
                            SystemMessage(content=render("feedback_system")),
                            HumanMessage(content=render("feedback_user", strengths=strengths_text, next_time=next_text)),
                        ],
                    )
                )
            )
            if 20 <= len(reply) <= 1500 and not mentions_being_an_ai(reply) and not reply.lstrip().startswith("{"):
                return reply
        except BackendError:
            pass
    if not strengths and not next_time:
        return None
    parts = [f"Went well: {strengths[0].text}" if strengths else "", f"Next time: {next_time[0].text}" if next_time else ""]
    return " ".join(p for p in parts if p)


def feedback(transcript: Transcript, model: BaseChatModel | None = None) -> Feedback:
    """Feedback on a transcript; the rubric decides, the model only words the summary."""
    facts = TranscriptFacts(transcript)
    findings = lint_transcript(facts)
    strengths, improvements = strengths_of(facts), next_time_of(findings)
    return Feedback(
        score=score(findings),
        findings=findings,
        tiara=coverage_summary(facts),
        talk_ratio=round(facts.talk_ratio, 3),
        strengths=strengths,
        next_time=improvements,
        summary=narrative(strengths, improvements, model),
    )
