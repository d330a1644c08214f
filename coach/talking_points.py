"""Talking points and points of connection drawn from a professional's profile, each quoting it."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from coach.lexical import STOPWORDS
from coach.text import sentences

PointKind = Literal["shared school", "shared employer", "shared interest", "talking point"]
INSTITUTION = re.compile(r"\b(?:[A-Z][\w'&.-]*\s+){0,4}(?:University|College|School|Institute|Academy|Polytechnic)(?:\s+of(?:\s+[A-Z][\w'&.-]*){1,3})?")
EMPLOYER = re.compile(r"\b(?:at|with|for|joined)\s+((?:[A-Z][\w'&.-]*)(?:\s+[A-Z][\w'&.-]*){0,3})")
NOTABLE = re.compile(
    r"\b(wrote|written|writes|published|author|spoke|speaks|talk|keynote|podcast|presented|led|leads|launched|built|founded|co-founded|hosts|mentors|volunteers?|teaches|award)\b",
    re.IGNORECASE,
)
INJECTION = re.compile(r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompt|rules)\b|\bsystem prompt\b|\byou are now\b|\bact as\b", re.IGNORECASE)


class TalkingPoint(BaseModel):
    """Something to mention, with the exact profile text it comes from."""

    kind: PointKind
    text: str
    quote: str


def profile_sentences(profile: str) -> list[str]:
    """Sentences and lines of a profile, as they appear in it."""
    return [part for part in sentences(profile) if len(part) > 3]


def is_quoted_from(quote: str, profile: str) -> bool:
    """True if the quote appears in the profile (whitespace and case aside)."""
    squash = lambda s: " ".join(s.lower().split()).strip(" .\"'“”")  # noqa: E731
    return bool(quote.strip()) and squash(quote) in squash(profile)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{4,}", text.lower()) if w not in STOPWORDS}


def connection_points(profile: str, background: str = "", goal: str = "", limit: int = 6) -> list[TalkingPoint]:
    """Shared schools, employers and interests, then notable work, found by rule in the profile."""
    mine = f"{background}\n{goal}".lower()
    points: list[TalkingPoint] = []
    for sentence in profile_sentences(profile):
        if INJECTION.search(sentence):
            continue  # instructions aimed at a model are not facts about the person
        schools = [s.strip() for s in INSTITUTION.findall(sentence) if s.strip().lower() in mine]
        employers = [e for e in EMPLOYER.findall(sentence) if len(e) > 2 and e.lower() in mine]
        shared = _content_words(sentence) & _content_words(mine)
        if schools:
            points.append(TalkingPoint(kind="shared school", text=f"You both have a link to {schools[0]}.", quote=sentence))
        elif employers:
            points.append(TalkingPoint(kind="shared employer", text=f"You have both been connected with {employers[0]}.", quote=sentence))
        elif len(shared) >= 2:
            points.append(TalkingPoint(kind="shared interest", text=f"Shared interest: {', '.join(sorted(shared)[:3])}.", quote=sentence))
        elif NOTABLE.search(sentence):
            points.append(TalkingPoint(kind="talking point", text="Ask about this: it is something they chose to put forward.", quote=sentence))
    order = {"shared school": 0, "shared employer": 1, "shared interest": 2, "talking point": 3}
    return sorted(points, key=lambda p: order[p.kind])[:limit]
