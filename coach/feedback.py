"""Feedback on a practice transcript: rubric findings, TIARA coverage, talk ratio, and a short narrative."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from coach.errors import BackendError
from coach.gate import GateSpec, check_output
from coach.guards import strip_wrapping
from coach.llm import complete
from coach.prompts import render
from coach.rubric.base import Finding, score
from coach.rubric.questions import AREAS, asks_who_else, is_closed, is_searchable, tiara_areas
from coach.rubric.transcript import Transcript, TranscriptFacts
from coach.rubric.transcript_rules import lint_transcript, says_thanks

QUOTE_CHARS = 140
# A question counts once, under its most specific area: "insights" catches much, so it comes last.
AREA_PRIORITY = ("trends", "assignments", "resources", "advice", "insights")
SUMMARY_WORDS = (15, 140)


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
    summary_source: str = "grounded"  # "model" when the model's wording passed the gate

    def public(self) -> dict:
        """The JSON shape of `coach interview feedback --json`."""
        return self.model_dump(mode="json", include={"score", "findings", "tiara", "talk_ratio", "summary", "summary_source", "strengths", "next_time"})


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def strengths_of(facts: TranscriptFacts) -> list[Point]:
    """Up to two things the student did well, each quoting the turn that shows it."""
    found: list[Point] = []
    for number, question in facts.questions:
        area = primary_area(question)
        if area and not is_closed(question) and not is_searchable(question):
            found.append(Point(text=f"An open {area} question the professional could answer from experience.", quote=_quote(question), turn=number))
            break
    for number, question in facts.questions:
        if asks_who_else(question):
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


def primary_area(question: str) -> str | None:
    """The one TIARA area a question is counted under: the most specific it touches."""
    areas = tiara_areas(question)
    return next((area for area in AREA_PRIORITY if area in areas), None)


def coverage_summary(facts: TranscriptFacts) -> dict[str, list[str]]:
    """The student's questions by TIARA area, each counted once (every area present, possibly empty)."""
    found: dict[str, list[str]] = {area: [] for area in AREAS}
    for _, question in facts.questions:
        if area := primary_area(question):
            found[area].append(question)
    return found


def grounded_summary(strengths: list[Point], next_time: list[Point], coverage: dict[str, list[str]]) -> str | None:
    """The summary from the findings, the TIARA coverage and the quotes: every word traceable to the report."""
    covered = [area for area in AREAS if coverage.get(area)]
    missing = [area for area in AREAS if not coverage.get(area)]
    parts = []
    if covered:
        parts.append(f"Your questions covered {_listed(covered)}" + (f"; next time add {_listed(missing)}." if missing else ", every TIARA area."))
    if strengths:
        parts.append(f'Went well: {strengths[0].text} ("{strengths[0].quote}")')
    if next_time:
        parts.append(f"Next time: {next_time[0].text}")
    return " ".join(parts) or None


def _listed(areas: list[str]) -> str:
    return areas[0] if len(areas) == 1 else f"{', '.join(areas[:-1])} and {areas[-1]}"


def narrative(
    strengths: list[Point], next_time: list[Point], model: BaseChatModel | None, coverage: dict[str, list[str]] | None = None
) -> tuple[str | None, str]:
    """The summary and where its wording came from: the model's, only if it passes the gate, else the grounded one."""
    grounded = grounded_summary(strengths, next_time, coverage or {})
    if model is None or grounded is None:
        return grounded, "grounded"
    strengths_text = "\n".join(f'- {p.text} ("{p.quote}")' for p in strengths) or "- (none found)"
    next_text = "\n".join(f'- {p.text} ("{p.quote}")' for p in next_time) or "- keep doing what you did"
    sources = [grounded, strengths_text, next_text]
    spec = GateSpec(sources=sources, min_words=SUMMARY_WORDS[0], max_words=SUMMARY_WORDS[1], in_role=True, max_new_words=0.35)
    messages = [SystemMessage(content=render("feedback_system")), HumanMessage(content=render("feedback_user", strengths=strengths_text, next_time=next_text))]
    for _ in range(2):  # regenerate once
        try:
            reply = strip_wrapping(complete(model, messages))
        except BackendError:
            break
        if check_output(reply, spec).passed:
            return reply, "model"
    return grounded, "grounded"


def feedback(transcript: Transcript, model: BaseChatModel | None = None) -> Feedback:
    """Feedback on a transcript; the rubric decides, the model only words the summary."""
    facts = TranscriptFacts(transcript)
    findings = lint_transcript(facts)
    strengths, improvements = strengths_of(facts), next_time_of(findings)
    coverage = coverage_summary(facts)
    summary, summary_source = narrative(strengths, improvements, model, coverage)
    return Feedback(
        score=score(findings),
        findings=findings,
        tiara=coverage,
        talk_ratio=round(facts.talk_ratio, 3),
        strengths=strengths,
        next_time=improvements,
        summary=summary,
        summary_source=summary_source,
    )
