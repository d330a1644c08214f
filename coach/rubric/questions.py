"""Question classifiers: find the questions in a turn and say what kind they are."""

from __future__ import annotations

import re
from functools import lru_cache

from coach.rubric import question_lexicon as lex

AREAS = ("trends", "insights", "advice", "resources", "assignments")
_AREA_PATTERNS = {
    "trends": lex.TRENDS,
    "insights": lex.INSIGHTS,
    "advice": lex.ADVICE,
    "resources": lex.RESOURCES + lex.REFERRAL,
    "assignments": lex.ASSIGNMENTS,
}
# Full-width marks and curly apostrophes map one to one, so positions stay the same.
_WIDE = str.maketrans({"？": "?", "！": "!", "。": ".", "’": "'", "‘": "'", "，": ",",
                       "：": ":"})
_OPEN_QUOTES = "“«「\u201e"
_CLOSE_QUOTES = "”»」"
_TRAILERS = ")]\"'”»」’"
# Titles before a name: a full stop after them never ends a sentence ("Dr. Okafor, what...").
# Words like "Inc." or "etc." can end one, so they are left to the capital-letter test.
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "mx", "prof", "st", "mt", "rev", "fr", "vs", "e.g",
                  "i.e"}


@lru_cache(maxsize=None)
def _compiled(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> tuple[re.Pattern, ...]:
    """Compile a vocabulary once."""
    return tuple(re.compile(p, flags) for p in patterns)


def _matches(patterns: tuple[str, ...], text: str) -> bool:
    """Whether any pattern of a vocabulary occurs in text."""
    return any(p.search(text) for p in _compiled(patterns))


def _is_boundary(text: str, end: int, mark: str) -> bool:
    """Whether a terminator ending at `end` closes a sentence."""
    rest = text[end:]
    if rest and not rest[0].isspace():
        return False
    if mark != ".":
        return True
    following = rest.lstrip()[:1]
    if following.islower():  # "e.g. this", "so... what"
        return False
    words = text[:end].rstrip(".").split()
    last_word = words[-1].lower().strip("(\"'") if words else ""
    return last_word not in _ABBREVIATIONS and not re.fullmatch(r"[a-z]", last_word)


def sentences(text: str) -> list[str]:
    """Split a turn into sentences; a quoted question inside a sentence does not end it."""
    normal = text.translate(_WIDE)
    found: list[str] = []
    start, depth, i = 0, 0, 0
    while i < len(normal):
        char = normal[i]
        if char == "\n":
            found.append(text[start:i])
            start, depth = i + 1, 0
        elif char in _OPEN_QUOTES or (char == '"' and depth == 0):
            depth += 1
        elif char in _CLOSE_QUOTES or char == '"':
            depth = max(0, depth - 1)
        elif char in ".?!":
            end = i
            while end < len(normal) and normal[end] in ".?!":
                end += 1
            closes = end
            while closes < len(normal) and normal[closes] in _TRAILERS:
                closes += 1
            # A terminator inside quotes ends the sentence only when the quote closes with it.
            ends_quote = depth > 0 and closes > end
            if (depth == 0 or ends_quote) and _is_boundary(normal, closes, normal[end - 1]):
                found.append(text[start:closes])
                start, depth = closes, 0
            i = closes
            continue
        i += 1
    found.append(text[start:])
    return [s.strip() for s in found if s.strip()]


def _ends_as_question(sentence: str) -> bool:
    """Whether a sentence is a question: its last mark outside quotes is '?'."""
    normal = sentence.translate(_WIDE).rstrip()
    core = normal.rstrip(_TRAILERS)
    if not core.rstrip("!").endswith("?"):
        return False
    if core == normal:
        return True
    # '?"' at the end: a quoted question counts only when the quote is the whole sentence,
    # otherwise it is reported speech ("My advisor asked, 'Why law?'").
    return normal.lstrip()[:1] in _OPEN_QUOTES + '"' or not any(q in normal for q in '"“«「')


def extract_questions(text: str) -> list[str]:
    """The question sentences of a turn, in order ('¿...?' keeps only the marked span)."""
    questions = []
    for sentence in sentences(text):
        if not _ends_as_question(sentence):
            continue
        if "¿" in sentence:
            sentence = sentence[sentence.rindex("¿"):]
        questions.append(sentence)
    return questions


def normalize(question: str) -> str:
    """Lower-case a question and strip its marks, for matching vocabularies."""
    text = question.translate(_WIDE).lower().replace("¿", "").replace("¡", "")
    text = re.sub(r"\s+", " ", text).strip().strip("\"“”«»「」")
    return text.rstrip("?!. ").strip()


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
    text = _strip_fillers(normalize(question))
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
    original = question.translate(_WIDE).strip()
    if re.search(lex.WHAT_ORG_DOES, original):
        return True
    return _matches(lex.SEARCHABLE, normalize(question))


def is_job_ask(question: str) -> bool:
    """Whether a question or request asks for a job, internship, referral or resume pass-on."""
    return _matches(lex.JOB_ASK, normalize(question))


def asks(text: str) -> list[str]:
    """The questions and polite requests ('I'd love...', 'Please...') in a turn."""
    found = []
    for sentence in sentences(text):
        opening = _strip_fillers(normalize(sentence))
        if _ends_as_question(sentence) or _matches(lex.REQUEST_OPENERS, opening):
            found.append(sentence)
    return found


def is_referral_ask(question_or_text: str) -> bool:
    """Whether the text asks who else to talk to, or for another contact or resource."""
    found = asks(question_or_text)
    if not found and not question_or_text.rstrip().endswith((".", "!")):
        found = [question_or_text]  # a bare question that lost its mark
    for ask in found:
        if is_job_ask(ask):
            continue
        text = normalize(ask)
        if _matches(lex.REFERRAL, text) or _matches(lex.RESOURCES, text):
            return True
    return False


def tiara_areas(question: str) -> set[str]:
    """The TIARA areas a question touches; website facts and job asks touch none."""
    if is_searchable(question) or is_job_ask(question):
        return set()
    text = normalize(question)
    return {area for area, patterns in _AREA_PATTERNS.items() if _matches(patterns, text)}
