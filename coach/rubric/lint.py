"""Lint a message: run every registered rule of its kind and collect the findings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from coach.rubric import outreach, thank_you  # noqa: F401  (importing registers the rules)
from coach.rubric.base import Finding, rules_for
from coach.rubric.message import Channel, Message, MessageKind, parse

# Real messages are a few hundred words. Past this size the rules read the opening and the
# closing (where greetings, asks and sign-offs live) while counts still cover the whole text,
# so a pasted book is linted in well under a second.
READ_LIMIT = 20_000
TAIL = 2_000


def check(message: Message) -> list[Finding]:
    """Findings of every rule for the message's kind, in registration order, one per code."""
    findings: list[Finding] = []
    for registered in rules_for(message.kind):
        if any(f.code == registered.code for f in findings):
            continue
        if found := registered.check(message):
            findings.append(found)
    return findings


def lint(
    text: str,
    kind: MessageKind,
    channel: Channel = "email",
    meeting_date: date | datetime | str | None = None,
    sent_date: date | datetime | str | None = None,
) -> list[Finding]:
    """Parse an outreach or thank-you message and report what the rubric finds."""
    return lint_message(parse(text, kind, channel, meeting_date, sent_date))


def lint_message(message: Message) -> list[Finding]:
    """What the rubric finds in a parsed message (a very long one is read at its two ends)."""
    text = message.raw
    if len(text) > READ_LIMIT:
        excerpt = parse(f"{text[: READ_LIMIT - TAIL]}\n\n{text[-TAIL:]}", message.kind, message.channel, message.meeting_date, message.sent_date)
        message = replace(excerpt, raw=text, counted_words=message.body_words, counted_chars=message.chars)
    return check(message)
