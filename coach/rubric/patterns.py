"""The lexicon compiled, and the small text tests several rules share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import ClassVar, Literal, Protocol

from coach.rubric import lexicon
from coach.rubric.literals import needs, normalised, present
from coach.text import is_question, words

Side = Literal["writer", "recipient"]


SENTENCE_CACHE = 8192  # sentences whose searches are kept: each is read by several rules, and a draft is linted again and again


class Searchable(Protocol):
    """What the rules need of a pattern: a search."""

    def search(self, text: str, /) -> re.Match[str] | None: ...


class Vocabulary:
    """Lexicon patterns compiled as one, remembering its recent searches: several rules read each sentence."""

    every: ClassVar[list[Vocabulary]] = []

    def __init__(self, patterns: Iterable[str]) -> None:
        patterns = list(patterns)
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        # Without groups to keep apart, each pattern is searched on its own, and only when the text holds what it needs.
        self._alternatives = [] if self.regex.groups else [(needs(p), re.compile(p, re.IGNORECASE)) for p in patterns]
        self._search = lru_cache(maxsize=SENTENCE_CACHE)(self._first if self._alternatives else self.regex.search)
        Vocabulary.every.append(self)

    @classmethod
    def forget(cls) -> None:
        """Empty every vocabulary's remembered searches (benchmarks measure unseen text this way)."""
        for vocabulary in cls.every:
            vocabulary._search.cache_clear()

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first match in a text, or None."""
        return self._search(text)

    def _first(self, text: str) -> re.Match[str] | None:
        """The match the joined pattern finds (leftmost, then earliest pattern), from the patterns the text can match."""
        plain, first = normalised(text), None
        for need, pattern in self._alternatives:
            if (need is None or present(need, plain)) and (found := pattern.search(text)) and (first is None or found.start() < first.start()):
                first = found
        return first

    def match(self, text: str) -> re.Match[str] | None:
        """A match at the start of a text, or None."""
        return self.regex.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in a text."""
        return self.regex.finditer(text)

    def sub(self, replacement: str, text: str) -> str:
        """The text with every match replaced."""
        return self.regex.sub(replacement, text)


def compile_any(patterns: Iterable[str]) -> Vocabulary:
    """One case-insensitive pattern matching any of the given ones."""
    return Vocabulary(patterns)


CONNECTION = compile_any(lexicon.RELATIONAL_CONNECTION + lexicon.WORK_CONNECTION)
ASK = compile_any(lexicon.ASK_MARKERS)
MEETING = compile_any([lexicon.MEETING_NOUNS])
DURATION = re.compile(lexicon.DURATION, re.IGNORECASE)
BREVITY = re.compile(lexicon.BREVITY, re.IGNORECASE)
APOLOGETIC = compile_any(lexicon.APOLOGETIC)
REACTIONS = compile_any(lexicon.REACTIONS)
TOPIC_TRIGGER = compile_any(lexicon.TOPIC_TRIGGERS)

_CLIP = 90  # longest quoted evidence, in characters


def quote(span: str) -> str:
    """A span in double quotes, shortened with an ellipsis when long."""
    span = " ".join(span.split())
    return f'"{span if len(span) <= _CLIP else span[: _CLIP - 1].rstrip() + "…"}"'


def clause(text: str, match: re.Match[str]) -> str:
    """The clause around a match: from the previous to the next , ; : . ! ? (bounded)."""
    floor = text.rfind(" ", 0, max(0, match.start() - 60)) + 1  # a word start, not mid-word
    start = max(text.rfind(mark, floor, match.start()) for mark in ",;:.!?")
    ends = [i for mark in ",;:.!?" if (i := text.find(mark, match.end(), match.end() + 60)) != -1]
    end = min(ends) + 1 if ends else min(len(text), match.end() + 60)
    return text[start + 1 if start != -1 else floor : end].strip()


def first_clause(pattern: Searchable, texts: Iterable[str]) -> str | None:
    """The clause around the first match of a pattern across texts, or None."""
    for text in texts:
        if match := pattern.search(text):
            return clause(text, match)
    return None


def first_match(pattern: Searchable, texts: Iterable[str]) -> re.Match[str] | None:
    """The first match of a pattern across texts, in order."""
    for text in texts:
        if match := pattern.search(text):
            return match
    return None


def is_ask(sentence: str) -> bool:
    """True for a sentence that requests something of the recipient."""
    return bool(ASK.search(sentence))


def is_request_question(sentence: str) -> bool:
    """True for a question put to the recipient, not a rhetorical one ("Ever wondered why...?")."""
    if not is_question(sentence):
        return False
    if sentence.lstrip().startswith("\u00bf") or is_ask(sentence) or MEETING.search(sentence) or durations(sentence):
        return True
    tokens = [w.lower() for w in words(sentence)]
    if tokens and tokens[0] in lexicon.REQUEST_FRAGMENT_OPENERS:
        return True  # "Any chance of 15 minutes next week?", "Free for a call?"
    return any(w in lexicon.RECIPIENT_PRONOUNS or w in lexicon.ASKING_PRONOUNS for w in tokens)


def side(sentence: str) -> Side | None:
    """Whom a sentence is about: the recipient when it opens with them or names them more often than the writer.

    "Your op-ed changed how I think about my work" and "I still remember your relaunch, when you reshot..."
    are about their work; "I'm applying to your program and I've..." is about the writer.
    """
    writer = recipient = 0
    first: Side | None = None
    for word in words(REACTIONS.sub(" ", sentence)):
        lowered = word.lower()
        if lowered in lexicon.WRITER_PRONOUNS:
            writer += 1
            first = first or "writer"
        elif lowered in lexicon.RECIPIENT_PRONOUNS:
            recipient += 1
            first = first or "recipient"
    if first == "writer" and not any(w.lower() in lexicon.WRITER_SUBJECTS for w in words(sentence)) and _opens_with_a_thing(sentence):
        return None  # "The chapter on shorthand let me find my great-grandmother": about the thing, "my" in passing
    return "recipient" if first == "recipient" or recipient > writer else first


def _opens_with_a_thing(sentence: str) -> bool:
    """Whether the sentence's subject is a thing, not a person: "It surfaced...", "The chapter on...", "Your book..."."""
    tokens = words(sentence)
    return bool(tokens) and tokens[0].lower() in lexicon.THING_OPENERS


def durations(sentence: str) -> list[float]:
    """Every duration named in a sentence, in minutes ("20-30 minutes" gives 30)."""
    found = []
    for match in DURATION.finditer(sentence):
        amount = match.group("amount").lower()
        numbers = [int(n) for n in re.findall(r"\d+", amount)]
        unit = match.group("unit").lower()
        if not numbers and unit.startswith("hr"):
            continue  # "an HR business partner" is a department, not an hour
        value = max(numbers) if numbers else lexicon.NUMBER_WORDS[" ".join(amount.split())]
        found.append(value * 60 if unit.startswith("h") else value)  # hours, hrs, horas
    return found


def topic_words(sentence: str) -> list[str]:
    """Words naming a topic: what follows "about", "how", "into"... minus vague words and employers."""
    tokens = words(sentence)
    start = _topic_start([t.lower() for t in tokens])
    if start is None:
        return []
    named, skipping_employer = [], False
    for previous, token in zip(tokens[start - 1 :], tokens[start:]):
        # "your experience at Google" names an employer, not a field: skip "at <Name ...>".
        skipping_employer = token[:1].isupper() and (previous.lower() == "at" or skipping_employer)
        # "a 15-minute call" says how long, not about what: a word that opens with a digit names no topic.
        if not skipping_employer and token.lower() not in lexicon.VAGUE_WORDS and token[:1].isalpha():
            named.append(token)
    return named


def _topic_start(lowered: list[str]) -> int | None:
    """Index of the first word after a topic introducer, if any."""
    for index, token in enumerate(lowered):
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        if token == "which" and following in lexicon.SUBJECT_PRONOUNS:
            continue  # a relative clause ("the club which you started"), not "which path"
        if token == "understand" and following in ("you", "that", "you've", "you're"):
            continue  # what the writer knows of them ("I understand you have led..."), not what they want to learn
        if token == "learn" and following in lexicon.VAGUE_WORDS:
            continue  # "learn from you", "learn more about...": only "learn pearl farming" names what follows
        if token == "on" and index and lowered[index - 1] in lexicon.FOUND_ON:
            continue  # where they were found ("your profile on LinkedIn while searching..."), not what to learn
        if token in lexicon.TOPIC_INTRODUCERS:
            return index + 1
        if token in ("in", "to") and index and lowered[index - 1] in lexicon.TOPIC_PREPOSITION_HEADS:
            return index + 1
    return None


def names_topic(sentence: str) -> bool:
    """True when a request, a question to them, or a sentence about learning or meeting, names what it is about."""
    return bool(TOPIC_TRIGGER.search(sentence) or is_ask(sentence) or is_question(sentence)) and bool(topic_words(sentence))
