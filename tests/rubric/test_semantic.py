"""The sentence classifier: its data, its shipped vectors, and how it joins the patterns."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from coach.rubric import semantic
from coach.rubric.lint import lint
from coach.rubric.questions import searchable_how

CONCEPTS = {"job-ask", "connection", "topic", "apologetic", "next-step", "about", "tiara", "referral", "googleable"}


def test_every_concept_has_labelled_sentences_of_each_label() -> None:
    records = semantic.load_sentences()
    counts = Counter((r["concept"], r["label"]) for r in records)
    assert {c for c, _ in counts} == CONCEPTS
    assert all(n >= 8 for n in counts.values()), counts
    # Sentences come from the project's own writing or the tune half only, never the held-out half.
    assert {r["source"].split(":")[0] for r in records} <= {"own", "tune"}


def test_the_shipped_vectors_match_the_sentences() -> None:
    stored = np.load(semantic.VECTORS)
    digest = semantic._digest(semantic.SENTENCES.read_text(encoding="utf-8"))
    assert str(stored["digest"]) == digest, "run `python -m coach.rubric.semantic` after editing the sentences"
    assert stored["vectors"].shape == (len(semantic.load_sentences()), semantic.DIMENSIONS)


def test_shape_concepts_are_judged_with_names_and_numbers_masked() -> None:
    assert semantic.shape("I met Ana Ruiz at the Rail Tech Meetup in 2023.") == "I met X X at the X X X in 5."
    assert semantic.shape("Your talk at Harrow changed how I work.") == "Your talk at X changed how I work."


@pytest.mark.parametrize(
    ("concept", "sentence", "label"),
    [
        ("job-ask", "Would your clinic be able to take me on as a summer assistant?", "yes"),
        ("connection", "I still use the checklist your team published for new charge nurses.", "yes"),
        ("tiara", "What does an ordinary Tuesday look like for you?", "insights"),
        ("tiara", "How do you think remote work will change the profession?", "trends"),
        ("googleable", "Roughly how big is the workforce at Marlow Freight these days?", "yes"),
    ],
)
def test_the_classifier_labels_paraphrases(concept: str, sentence: str, label: str) -> None:
    judged = semantic.judge(concept, [sentence])[0]
    assert judged.label == label
    assert judged.evidence.startswith('similar to: "')


def test_it_never_labels_what_is_unlike_its_examples() -> None:
    judged = semantic.judge("job-ask", ["Is the headquarters still in Harwick?"])[0]
    assert not (judged.label == "yes" and semantic.trusted(judged, "job-ask"))


def test_a_finding_says_whether_a_pattern_or_the_classifier_decided() -> None:
    text = "Subject: A question\nHi Ana,\n\nI loved your talk on bridges. Could we have a 15-minute call about bridge design? Do you have any internships this summer?\n\nBest,\nLi"
    evidence = next(f.evidence for f in lint(text, "outreach") if f.code == "job-ask")
    assert evidence.endswith("(pattern)")


def test_switched_off_the_rules_run_on_patterns_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_SEMANTIC", "off")
    assert not semantic.enabled()
    assert semantic.first_with_label("job-ask", ["Would your clinic be able to take me on as a summer assistant?"]) is None


def test_a_website_fact_no_pattern_knows_is_found_by_its_shape_and_says_so() -> None:
    assert searchable_how("Where is the company's head office?") == "pattern"
    how = searchable_how("Roughly how big is the workforce at Marlow Freight these days?")
    assert how is not None and how.startswith('similar to: "')
    assert searchable_how("What was the hardest part of your first year?") is None
