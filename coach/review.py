"""Outreach and thank-you review: the rubric's findings and counts, and the prompt a polish sends (coach/polish.py gates it)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from coach.guards import clean_user_text
from coach.prompts import fence, render
from coach.rubric.base import Finding, score
from coach.rubric.lint import lint_message
from coach.rubric.message import parse

MAX_REWRITE_WORDS = 600  # a rewrite must fit the local model's window with room for the reply
MAX_PROFILE_CHARS = 4000
MessageKind = Literal["outreach", "thank-you"]
Channel = Literal["email", "linkedin"]
LIMITS = {
    ("outreach", "email"): "Keep the body under 100 words and include a 'Subject:' line.",
    ("outreach", "linkedin"): "Keep the whole note under 300 characters.",
    ("thank-you", "email"): "Keep the body under 200 words.",
    ("thank-you", "linkedin"): "Keep the body under 200 words.",
}


class Review(BaseModel):
    """A linted message: score, counts and findings; the rewrite is filled in separately."""

    kind: MessageKind
    channel: Channel
    score: int
    word_count: int
    char_count: int
    findings: list[Finding]
    rewrite: str | None = None
    text: str = ""
    meeting_date: date | None = None
    sent_date: date | None = None

    def public(self) -> dict:
        """The JSON shape of `coach review --json`."""
        return self.model_dump(mode="json", include={"kind", "channel", "score", "word_count", "char_count", "findings", "rewrite"})


def review(
    text: str | bytes,
    kind: MessageKind = "outreach",
    channel: Channel = "email",
    meeting_date: date | str | None = None,
    sent_date: date | str | None = None,
) -> Review:
    """Lint a message against the rubric; no model is involved."""
    text = clean_user_text(text, "message")
    message = parse(text, kind, channel, meeting_date, sent_date)
    findings = lint_message(message)
    return Review(
        kind=kind,
        channel=channel,
        score=score(findings),
        word_count=message.body_words,
        char_count=message.chars,
        findings=findings,
        text=text,
        meeting_date=message.meeting_date,
        sent_date=message.sent_date,
    )


def counts(text: str, kind: MessageKind = "outreach", channel: Channel = "email") -> tuple[int, int]:
    """Body words and characters as the rubric counts them, for a live counter (0, 0 when empty)."""
    if not text or not text.strip():
        return 0, 0
    message = parse(text, kind, channel)
    return message.body_words, message.chars


def rewrite_prompt(draft: Review, profile: str = "") -> list:
    """The messages that ask the model to fix the findings in the fenced draft."""
    problems = "\n".join(f"- {f.code}: {f.message}" for f in draft.findings) or "- none: tighten wording only"
    user = render(
        "rewrite_user",
        kind=draft.kind,
        channel=draft.channel,
        limits=LIMITS[(draft.kind, draft.channel)],
        problems=problems,
        profile=fence(profile or "(none given)", "PROFILE"),
        draft=fence(draft.text, "DRAFT"),
    )
    return [SystemMessage(content=render("rewrite_system")), HumanMessage(content=user)]
