"""Every shipped note follows the schema: front matter, the seven sections, tagged questions, sourced figures."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from coach.config import DATA_DIR
from coach.notes import split_front_matter

KNOWLEDGE = DATA_DIR / "knowledge"
NOTES = sorted(KNOWLEDGE.glob("*.md"))
SECTIONS = ["Day to day", "Skills that matter", "Career paths", "Culture and work environment", "Trends", "Questions worth asking", "In my words", "Sources"]
# First-person lines the interview's professional voices: "- [topic] sentence", one topic of VOICE_TOPICS each.
VOICE_LINE = re.compile(r"^- \[(day|path|skills|hard|surprise|culture|trends|advice|resources|try)\] (.+)$", re.MULTILINE)
TIARA_TAG = re.compile(r"^- \[(Trends|Insights|Advice|Resources|Assignments)\] (.+\?)$", re.MULTILINE)
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent\b)|[$£€]\s?\d|\b\d[\d,]*\s+(?:out of|in every)\b", re.IGNORECASE)
SOURCED = re.compile(r"\((?:[^()]*[A-Z][^()]*),?\s*(?:19|20)\d\d\)")
MUST_HAVE = [
    "software-engineer",
    "data-scientist",
    "product-manager",
    "ux-designer",
    "management-consultant",
    "investment-banker",
    "registered-nurse",
    "physician-assistant",
    "teacher",
    "lawyer",
    "policy-analyst",
    "marketing-manager",
    "financial-analyst",
    "mechanical-engineer",
    "research-scientist",
    "journalist",
]


def test_the_library_spans_at_least_40_roles_in_12_industries() -> None:
    industries = {split_front_matter(p.read_text())[0]["industry"] for p in NOTES}
    assert len(NOTES) >= 40 and len(industries) >= 12
    assert {p.stem for p in NOTES} >= set(MUST_HAVE)


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
def test_note_has_front_matter_sections_and_tagged_open_questions(path: Path) -> None:
    meta, body, warnings = split_front_matter(path.read_text(encoding="utf-8"))
    assert not warnings
    assert {"role", "industry", "aliases", "seniority", "last_reviewed"} <= set(meta)
    assert isinstance(meta["aliases"], list) and len(meta["aliases"]) >= 3
    assert isinstance(meta["seniority"], list) and meta["seniority"]
    assert isinstance(meta["last_reviewed"], date)
    assert re.findall(r"^## (.+)$", body, re.MULTILINE) == SECTIONS
    questions = TIARA_TAG.findall(body)
    assert len(questions) >= 6
    assert {area for area, _ in questions} == {"Trends", "Insights", "Advice", "Resources", "Assignments"}
    voice = body.split("## In my words", 1)[1].split("## Sources", 1)[0]
    lines = [line for line in voice.splitlines() if line.strip()]
    assert len(lines) >= 12 and all(VOICE_LINE.match(line) for line in lines), "every In my words line is '- [topic] text'"
    assert {topic for topic, _ in VOICE_LINE.findall(voice)} >= {"day", "path", "hard", "advice", "trends", "resources", "try"}


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
def test_every_figure_names_a_public_source_and_year(path: Path) -> None:
    body = split_front_matter(path.read_text(encoding="utf-8"))[1]
    for sentence in re.split(r"(?<=[.!?])\s+|\n", body):
        if FIGURE.search(sentence):
            assert SOURCED.search(sentence), f"unsourced figure in {path.name}: {sentence.strip()}"
