"""A pattern's needs: the strings a text must hold before the pattern can match it, never one it can do without."""

from __future__ import annotations

import re

from coach.rubric.literals import needs, normalised, present


def test_a_run_of_literal_characters_is_needed_with_white_space_as_one_space():
    assert needs(r"\bjob\s+offers?\b") == {"job offer"}
    assert needs(r"\bpass\s+(?:it|this)\s+on\b") == {"pass"}


def test_a_branch_is_needed_as_any_one_of_its_branches():
    assert needs(r"\b(?:internship|placement|apprenticeship)s?\b") == {"internship", "placement", "apprenticeship"}


def test_optional_parts_short_literals_and_classes_are_never_needed():
    assert needs(r"\b(?:full-time\s+)?\w+\s+role\b") == {"role"}
    assert needs(r"\bcv\b") is None  # two letters: in nearly every sentence
    assert needs(r"[A-Z]\w+\s*,") is None
    assert needs(r"\b(?:job|\w+s)\b") is None  # one branch needs nothing, so the branch needs nothing


def test_the_longest_shortest_literal_is_the_need_kept():
    assert needs(r"\bsend\s+\w+\s+resume\b") == {"resume"}


def test_a_text_is_compared_folded_and_single_spaced_as_the_regex_would_match_it():
    for text in ("Any JOB\n   OFFERS?", "a job\toffer", "a \u212aelvin job offer", "\u0130tem"):
        assert present(needs(r"\bjob\s+offers?\b") or frozenset(), normalised(text)) == bool(re.search(r"\bjob\s+offers?\b", text, re.I))
    assert present(needs(r"\bitem\b") or frozenset(), normalised("An \u0130tem")) and re.search(r"\bitem\b", "An \u0130tem", re.I)
    assert present(needs(r"\bsince\b") or frozenset(), normalised("\u017fince")) and re.search(r"\bsince\b", "\u017fince", re.I)
