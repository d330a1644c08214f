"""Question classifiers: find the questions in a turn and say what kind they are."""

from __future__ import annotations

import re
from functools import cache

from coach.rubric import concepts, lexicon, semantic
from coach.rubric import question_lexicon as lex
from coach.text import ends_as_question, fold, sentences, spelled_out, widen

AREAS = ("trends", "insights", "advice", "resources", "assignments")
_AREA_PATTERNS = {
    "trends": lex.TRENDS,
    "insights": lex.INSIGHTS,
    "advice": lex.ADVICE,
    "resources": lex.RESOURCES + lex.REFERRAL,
    "assignments": lex.ASSIGNMENTS,
}


@cache
def _compiled(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> tuple[re.Pattern, ...]:
    """Compile a vocabulary once."""
    return tuple(re.compile(p, flags) for p in patterns)


def _matches(patterns: tuple[str, ...], text: str) -> bool:
    """Whether any pattern of a vocabulary occurs in text."""
    return any(p.search(text) for p in _compiled(patterns))


def _read(text: str) -> str:
    """A question as the classifiers read it: texting spellings written out ("wat wud u do"), then folded."""
    return fold(spelled_out(text))


def _strip_fillers(clause: str) -> str:
    """Drop leading words such as 'so', 'okay', 'and' that do not change the question."""
    words = clause.split()
    while words and words[0].strip(".!'\"") in lex.FILLERS:
        words.pop(0)
    return " ".join(words)


def _question_order(words: list[str]) -> bool:
    """Whether an auxiliary followed by a subject occurs in these words ('would you')."""
    return any(a in lex.AUXILIARIES and b in lex.SUBJECTS for a, b in zip(words, words[1:]))


def _head(text: str) -> tuple[str | None, str]:
    """The question's main clause: its kind ('wh', 'aux' or None) and text to the end."""
    starts = [0] + [m.end() for m in re.finditer(r"\s*(?:[,;:—–]|\s-)\s*", text)]
    for index, start in enumerate(starts):
        rest = _strip_fillers(text[start:])  # the clause and everything after it
        clause = re.split(r"\s*(?:[,;:—–]|\s-)\s*", rest, maxsplit=1)[0]
        words = clause.split()
        if not words:
            continue
        first, second = words[0], words[1] if len(words) > 1 else ""
        if first in lex.WH_WORDS:
            if first in lex.WH_NEEDING_AUX and second not in lex.AUXILIARIES:
                continue  # "When you look at...": subordinate, the question comes later
            if first == "which" and index > 0 and not _question_order(words[1:5]):
                continue  # ", which was hard": a relative clause
            return "wh", rest
        if first in lex.AUXILIARIES:
            return "aux", rest
    return None, text


def is_closed(question: str) -> bool:
    """Whether a question is answerable by yes/no, a choice, or one word or number."""
    text = _strip_fillers(_read(question))
    if _matches(lex.OPEN_FRAGMENTS, text):
        return False
    kind, head = _head(text)
    if kind == "aux":
        return not _matches(lex.POLITE_OPEN, head)
    if kind == "wh":
        return _matches(lex.CLOSED_WH, head)
    return True  # "You started in retail, right?": a statement asking for confirmation


def is_searchable(question: str) -> bool:
    """Whether a company website or a quick search answers the question."""
    return searchable_how(question) is not None


def searchable_how(question: str) -> str | None:
    """What says a website answers the question: 'pattern', the classifier's nearest exemplar, or None."""
    original = widen(question).strip()
    if any(re.search(pattern, original) for pattern in lex.ORG_FACTS_BY_NAME) or _matches(lex.SEARCHABLE, _read(question)):
        return "pattern"
    # Where no pattern knows the fact, a question the classifier is sure has a website fact's shape counts.
    judged = semantic.first_with_label("googleable", [question])
    return judged.evidence if judged else None


def is_job_ask(question: str) -> bool:
    """Whether a question or request asks for a job, internship, referral or resume pass-on (concepts.job_ask)."""
    return concepts.is_job_ask(question)


def asks(text: str) -> list[str]:
    """The questions and polite requests ('I'd love...', 'Please...') in a turn."""
    found = []
    for sentence in sentences(text):
        opening = _strip_fillers(_read(sentence))
        if ends_as_question(sentence) or _matches(lexicon.REQUEST_OPENERS, opening):
            found.append(sentence)
    return found


def is_referral_ask(question_or_text: str) -> bool:
    """Whether the text asks who else to talk to, or for another contact or resource."""
    found = asks(question_or_text)
    if not found and not question_or_text.rstrip().endswith((".", "!")):
        found = [question_or_text]  # a bare question that lost its mark
    candidates = [ask for ask in found if not is_job_ask(ask)]
    if any(_matches(lex.REFERRAL, _read(ask)) or _matches(lex.RESOURCES, _read(ask)) for ask in candidates):
        return True
    # Where no pattern finds one, a question the classifier is sure asks for a contact, a group or reading counts.
    return semantic.first_with_label("referral", candidates) is not None


def asks_who_else(question: str) -> bool:
    """Whether a question asks whom else to talk to (a contact), not what to read or join."""
    return is_referral_ask(question) and _matches(lex.REFERRAL, _read(question))


# How a resource ask is put ("which courses would you recommend?", "whose work should I be reading?"): no advice of its own.
_RECOMMENDING = re.compile(r"\b(?:recommend|suggest)\w*\b|\b(?:should|ought|must)\s+I\b|\bwould\s+you\s+send\b", re.IGNORECASE)


# Where a question asks a second thing: "Which journals would you recommend, and what would you do differently?"
_SECOND_QUESTION = re.compile(r",?\s+and\s+(?=(?:what|how|why|which|who|where|would|could|do|does|did|is|are)\b)|;\s*", re.IGNORECASE)


def tiara_areas(question: str) -> set[str]:
    """The TIARA areas a question touches; website facts and job asks touch none.

    Each thing a question asks has one area, as the labellers gave each question one: the sentence
    classifier's when it is sure ("Do you work weekends?" is Insights though no pattern says so),
    else the areas the patterns recognise, and a question about their own work that touches no
    other area is Insights. A question that asks two things touches the areas of both.
    """
    if is_searchable(question) or is_job_ask(question):
        return set()
    parts = [part for part in _SECOND_QUESTION.split(question) if part.strip()] or [question]
    return set().union(*(_areas_of_one(part, label) for part, label in zip(parts, semantic.labels_of("tiara", parts))))


def _areas_of_one(question: str, label: str | None) -> set[str]:
    """The area of one thing asked: the classifier's sure label, or what the patterns find."""
    if label:
        return {label}
    text = _read(question)
    found = {area for area, patterns in _AREA_PATTERNS.items() if _matches(patterns, text)}
    # "Which courses would you recommend?" asks for a resource; "If you were me, which conferences...?" asks advice too.
    if "resources" in found and is_referral_ask(question) and not _matches(lex.ADVICE, _RECOMMENDING.sub(" ", text)):
        found.discard("advice")
    return found or ({"insights"} if _matches(lex.ABOUT_THEIR_WORK, text) else set())
