"""Each concept's detector on the many ways people say it, and on near-misses that say something else.

The phrasings (tests/data/phrasings.yaml) were written from the rubric, one per line; a detector that
misses a "yes" or fires on a "no" fails with that line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml

from coach.rubric import concepts, semantic
from coach.rubric.common import names_a_person
from coach.rubric.lint import lint
from coach.rubric.message import salutation
from coach.rubric.questions import is_referral_ask, is_searchable
from coach.rubric.thank_you import NEXT_STEP, refers_to_conversation
from coach.rubric.transcript import Transcript
from coach.rubric.transcript_rules import facts_of, no_intro
from coach.text import normalize, sentences, split_sentences
from tests.datasets import DATA_DIR

PHRASINGS = yaml.safe_load((DATA_DIR / "phrasings.yaml").read_text(encoding="utf-8"))

DETECTORS: dict[str, Callable[[str], bool]] = {
    "attachment": lambda text: bool(concepts.ATTACHMENT.search(normalize(text))),
    "job-ask": lambda text: concepts.job_ask(split_sentences(text)) is not None,
    "connection": lambda text: concepts.connection(split_sentences(text)) is not None,
    "next-step": lambda text: bool(NEXT_STEP.search(normalize(text)) or semantic.first_with_label("next-step", [text])),
    "specifics": lambda text: refers_to_conversation(normalize(text)),
    "referral-ask": is_referral_ask,
    "googleable": is_searchable,
    "greeting-names-them": lambda line: names_a_person(salutation(line)),
    "first-turn-introduces": lambda turn: no_intro(facts_of(opening(turn))) is None,
    "big-ask": lambda ask: "big-ask" in {f.code for f in lint(outreach_asking(ask), "outreach")},
    "job-ask-in-conversation": lambda turn: concepts.job_ask(sentences(turn)) is not None,
}


def outreach_asking(ask: str) -> str:
    """An outreach email with a connection and the given ask."""
    return f"Subject: Your talk on kelp\nHi Dr. Kaur,\n\nYour talk at the Marine Forum on kelp recovery stayed with me. {ask}\n\nBest,\nTheo"


def opening(turn: str) -> Transcript:
    """A transcript whose first student turn is the given text."""
    return Transcript(minutes_agreed=20, turns=[{"role": "professional", "text": "Hi, good to meet you."}, {"role": "student", "text": turn}])


CASES = [
    pytest.param(concept, text, answer == "yes", id=f"{concept}-{answer}-{n}")
    for concept, answers in PHRASINGS.items()
    for answer, texts in answers.items()
    for n, text in enumerate(texts)
]


def test_every_concept_has_a_detector_and_both_kinds_of_line() -> None:
    assert set(PHRASINGS) == set(DETECTORS)
    assert all(answers.get("yes") and answers.get("no") for answers in PHRASINGS.values())


@pytest.mark.parametrize(("concept", "text", "expected"), CASES)
def test_the_detector_reads_the_phrasing(concept: str, text: str, expected: bool) -> None:
    assert DETECTORS[concept](text) is expected, f"{concept}: {text!r} should {'' if expected else 'not '}be found"
