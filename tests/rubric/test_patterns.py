"""A vocabulary is its compiled pattern with a memory: remembering searches never changes what they find."""

from __future__ import annotations

from pathlib import Path

import yaml

import coach.rubric.lint  # noqa: F401  # every rule module, so every vocabulary is compiled
from coach.rubric import concepts
from coach.rubric.patterns import Vocabulary, compile_any
from coach.text import split_sentences
from tests.datasets import labelled_messages

PHRASINGS = Path(__file__).parents[1] / "data" / "phrasings.yaml"


def _span(match) -> tuple[int, int] | None:
    return match.span() if match else None


def test_a_vocabulary_finds_what_its_regex_finds_on_every_development_sentence():
    sentences = [s for item in labelled_messages() for s in split_sentences(item["text"])]
    for vocabulary in (concepts.JOB_ASK, concepts.ATTACHMENT, concepts.CONNECTION):
        for _ in range(2):  # the second pass is answered from memory
            assert [_span(vocabulary.search(s)) for s in sentences] == [_span(vocabulary.regex.search(s)) for s in sentences]


def test_every_vocabulary_finds_what_its_joined_regex_finds_on_every_phrasing_in_any_case_and_spacing():
    said = [line for sides in yaml.safe_load(PHRASINGS.read_text()).values() for lines in sides.values() for line in lines]
    texts = said + [line.upper() for line in said] + [line.replace(" ", "\n  ") for line in said]
    texts += [line.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a") for line in said]
    for vocabulary in Vocabulary.every:
        assert [_span(vocabulary.search(t)) for t in texts] == [_span(vocabulary.regex.search(t)) for t in texts], vocabulary.regex.pattern[:60]


def test_forgetting_empties_every_vocabulary_and_the_next_search_still_matches():
    words = compile_any([r"\bportfolio\b", r"\bcv\b"])
    assert words.search("My CV is attached.") is not None
    Vocabulary.forget()
    assert words._search.cache_info().currsize == 0
    assert _span(words.search("My CV is attached.")) == (3, 5)
    assert words.search("My plan is attached.") is None


def test_sub_match_and_finditer_use_the_whole_pattern_case_insensitively():
    words = compile_any([r"\bsorry\b", r"\bapologi[sz]e\b"])
    assert words.sub(" ", "Sorry, I apologise.") == " , I  ."
    assert [m.group(0) for m in words.finditer("SORRY and Apologize")] == ["SORRY", "Apologize"]
    assert words.match("sorry to bother you") is not None and words.match("I am sorry") is None
