"""One detector per concept: the same job-ask and thanks judgement in messages, transcripts and the interview."""

from __future__ import annotations

import pytest

from coach import interview
from coach.fake_model import FakeChatModel
from coach.persona import persona_data
from coach.rubric import concepts, questions, transcript_rules
from coach.rubric.lint import lint
from coach.rubric.transcript import Transcript
from coach.rubric.transcript_rules import lint_transcript
from coach.services import Services

JOB_ASKS = [
    "I am looking for a full-time software engineering position starting in June.",
    "Do you have any internships this summer?",
    "Is your newsroom taking summer interns?",
    "Could you forward my name to whoever hires for your team?",
    "Would your agency have room for a summer intern like me?",
]
NOT_JOB_ASKS = [
    "Could we have a 15-minute call about how you moved into nursing informatics?",
    "Who else do you think I should talk to?",
    "Could you refer me to anyone else I should speak with?",
    "Is a referral important in this industry?",
    "How did you get your first internship?",
    "I'm looking for advice on choosing between two residency programs.",
]


def outreach(ask: str) -> str:
    return (
        "Subject: Fellow Corbel alum - a question about product design\nHi Renata,\n\n"
        f"We both studied at Corbel College. Would you have 15 minutes to talk about how you moved into product design? {ask}\n\nBest,\nSam"
    )


def transcript(question: str) -> Transcript:
    return Transcript(
        minutes_agreed=20,
        turns=[
            {"role": "student", "text": "Hi, I'm Sam, a junior at Corbel, and I wanted to learn about design."},
            {"role": "professional", "text": "Happy to help."},
            {"role": "student", "text": question},
            {"role": "professional", "text": "Let's keep today about learning."},
        ],
    )


@pytest.mark.parametrize("ask", JOB_ASKS)
def test_a_job_ask_is_one_everywhere(ask: str) -> None:
    assert concepts.is_job_ask(ask)
    assert questions.is_job_ask(ask) and interview.is_job_ask(ask)  # the interview's deflection uses this detector
    assert "job-ask" in {f.code for f in lint(outreach(ask), "outreach")}
    if ask.endswith("?"):  # the transcript rule reads the student's questions and requests
        assert "job-ask" in {f.code for f in lint_transcript(transcript(ask))}


@pytest.mark.parametrize("ask", NOT_JOB_ASKS)
def test_learning_and_referral_asks_are_not_job_asks(ask: str) -> None:
    assert not concepts.is_job_ask(ask)
    assert "job-ask" not in {f.code for f in lint(outreach(ask), "outreach")}


def test_the_job_ask_evidence_says_what_decided_it() -> None:
    found = concepts.job_ask(["Do you have any internships this summer?"])
    assert found is not None and found.how == "pattern"


@pytest.mark.parametrize(
    ("text", "thanks"),
    [
        ("Thank you so much for your time!", True),
        ("Thanks to Dr. Ruiz, I found the program.", False),
        ("I'd appreciate it if you could reply.", False),
        ("I'm grateful for your advice.", True),
    ],
)
def test_one_thanks_detector_for_messages_and_turns(text: str, thanks: bool) -> None:
    assert concepts.thanks_in(text) is thanks
    assert transcript_rules.says_thanks(text) is thanks


@pytest.mark.parametrize("ask", JOB_ASKS[:2])
def test_the_interview_deflects_the_same_job_asks(services: Services, ask: str) -> None:
    model = FakeChatModel()
    services._model = model
    session = services.start_interview("Registered Nurse", "skeptical", 20)
    text = session.ask(ask).consume()
    assert text.startswith(persona_data()["temperaments"]["skeptical"]["job_deflection"])
    assert model.calls == []
