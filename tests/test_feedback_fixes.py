"""Feedback that is right: the summary comes from the report, TIARA counts each question once, quotes match."""

from __future__ import annotations

import pytest

from coach.fake_model import FakeChatModel
from coach.feedback import coverage_summary, feedback, primary_area, strengths_of
from coach.rubric.transcript import Transcript, TranscriptFacts, Turn

TURNS = [
    ("student", "Hi, I'm Lena, a chemistry student. Thank you so much for your time!"),
    ("professional", "Happy to help. What would you like to know?"),
    ("student", "Could you walk me through a typical shift at your pharmacy?"),
    ("professional", "Most of my shift is verifying prescriptions and counseling patients."),
    ("student", "How has your day-to-day work changed in recent years?"),
    ("professional", "Our scope has expanded to include test-and-treat services."),
    ("student", "Which associations or journals do you read?"),
    ("professional", "I read the society's journal and go to its meetings."),
    ("student", "Who else should I talk to for a different perspective? Thank you!"),
    ("professional", "Talk to someone in industry or ambulatory care."),
]


def transcript() -> Transcript:
    return Transcript(minutes_agreed=20, turns=[Turn(role=r, text=t) for r, t in TURNS])


def test_a_trends_question_is_not_also_counted_as_insights() -> None:
    question = "How has your day-to-day work changed in recent years?"
    assert primary_area(question) == "trends"
    coverage = coverage_summary(TranscriptFacts(transcript()))
    assert question in coverage["trends"] and question not in coverage["insights"]
    assert sum(len(qs) for qs in coverage.values()) == len({q for qs in coverage.values() for q in qs})


def test_walking_through_a_typical_shift_is_an_open_insights_question() -> None:
    coverage = coverage_summary(TranscriptFacts(transcript()))
    assert "Could you walk me through a typical shift at your pharmacy?" in coverage["insights"]
    strengths = strengths_of(TranscriptFacts(transcript()))
    assert strengths[0].quote.startswith("Could you walk me through a typical shift")


def test_who_else_to_talk_to_quotes_the_question_that_asks_it() -> None:
    points = strengths_of(TranscriptFacts(transcript()))
    who_else = next(p for p in points if "who else" in p.text)
    assert who_else.quote.startswith("Who else should I talk to") and who_else.turn == 9


@pytest.mark.parametrize(
    "wording",
    [
        "You're looking for a job or internship at a hospital; just let me know your preference, and we can discuss it further in person.",
        "This is a great example of how to make your career coaching more engaging and fun for everyone involved in the programme.",
        "<<<BEGIN-12 | Summary: you did well.",
    ],
)
def test_a_model_summary_that_fails_the_gate_is_replaced_by_the_grounded_one(wording: str) -> None:
    model = FakeChatModel(responses=[wording, wording])
    result = feedback(transcript(), model)
    assert result.summary_source == "grounded" and wording not in (result.summary or "")
    assert len(model.calls) == 2  # regenerated once
    assert "trends" in result.summary and "Went well" in result.summary


def test_the_grounded_summary_is_built_from_coverage_strengths_and_findings() -> None:
    result = feedback(transcript())
    assert result.summary_source == "grounded" and result.summary
    assert "covered" in result.summary and result.strengths[0].quote in result.summary


def test_a_faithful_model_summary_passes_the_gate() -> None:
    base = feedback(transcript())
    wording = f"Well done overall. {base.summary}"
    result = feedback(transcript(), FakeChatModel(responses=[wording]))
    assert result.summary_source == "model" and result.summary == wording
