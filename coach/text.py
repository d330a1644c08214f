"""Sentences, words, normalisation and questions: the one place text is cut."""

from __future__ import annotations

import re
import unicodedata

WORDS_PER_MINUTE = 150  # speaking rate for untimed transcripts and text chat (rubric.md, Duration)

# Titles before a name: a full stop after them never ends a sentence ("Dr. Okafor, what...").
TITLES = frozenset("dr mr mrs ms mx prof st mt rev fr vs e.g i.e".split())
# Tokens ending in "." that rarely end a sentence in a message; in a spoken turn only the titles are
# trusted, since "Inc." or "etc." often do end one there and the capital-letter test decides.
ABBREVIATIONS = TITLES | frozenset("""jr sr etc no inc ltd co corp approx ph.d b.a m.a m.s b.s a.m p.m ave univ dept fig sen rep gov u.s u.k""".split())

# Characters NFKC leaves alone but that mean plain ASCII punctuation here.
_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None,
        "\ufeff": None, "\u061f": "?", "\u037e": "?", "\t": " ",
    }
)  # fmt: skip
# Full-width marks and curly apostrophes map one to one, so positions in a turn stay the same.
_WIDE = str.maketrans({"？": "?", "！": "!", "。": ".", "’": "'", "‘": "'", "，": ",", "：": ":"})
# Texting spellings and the words they stand for, one word for one, so word counts do not change. Lower
# case only: "U of T", "Ur" (the city) and "IM" are left alone.
CASUAL_SPELLINGS = {
    "u": "you", "ur": "your", "uve": "you've", "im": "I'm", "ive": "I've", "pls": "please", "plz": "please", "msg": "message", "abt": "about",
    "thx": "thanks", "wat": "what", "wats": "what's", "wud": "would", "cud": "could", "shd": "should", "rly": "really", "ppl": "people",
}  # fmt: skip
_CASUAL_WORD = re.compile(r"(?<![\w'.-])(?:" + "|".join(CASUAL_SPELLINGS) + r")(?![\w'-]|\.\w)")
_OPEN_QUOTES = "“«「\u201e"
_CLOSE_QUOTES = "”»」"
_TRAILERS = ")]\"'”»」’"

# A word: letters or digits, joined by inner apostrophes, hyphens or "&" (M&A) (rubric.md, Counting).
WORD = re.compile(r"[^\W_]+(?:['’\-&][^\W_]+)*")
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]")  # "[Name]", "[specific topic]": a gap the writer fills in
# "1." "2)" "-" "•" opening a line are list markers, not words.
LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|\(?[a-z]\)|[-*\u2022\u00b7\u25aa\u25e6\u2023\u2013\u2014])\s+")
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+(?=[\u00bf\u00a1\"'(\[]?[A-Za-z0-9])")


def normalize(text: str) -> str:
    """Unify line endings, quotes, dashes and full-width or foreign punctuation."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_PUNCTUATION)
    return unicodedata.normalize("NFKC", text)


def spelled_out(text: str) -> str:
    """Texting spellings written out ("could u send ur notes" -> "could you send your notes"), for the rules to read."""
    return _CASUAL_WORD.sub(lambda match: CASUAL_SPELLINGS[match.group(0)], text)


def fold(text: str) -> str:
    """Lower-case text and strip its end marks and quotes, for matching vocabularies."""
    folded = text.translate(_WIDE).lower().replace("¿", "").replace("¡", "")
    folded = re.sub(r"\s+", " ", folded).strip().strip('"“”«»「」')
    return folded.rstrip("?!. ").strip()


def words(text: str) -> list[str]:
    """The words of a text, list markers excluded."""
    lines = normalize(text).split("\n")
    return [w for line in lines for w in WORD.findall(LIST_MARKER.sub("", line, count=1))]


def word_count(text: str) -> int:
    """Number of words: runs of letters or digits with inner apostrophes, hyphens or '&'."""
    return len(words(text))


def speaking_minutes(word_total: int) -> float:
    """How long that many words take to say."""
    return word_total / WORDS_PER_MINUTE


# Sentences of written messages: lines, list items, and ". " before a capital.


def split_sentences(text: str) -> list[str]:
    """Sentences of a message (normalised); a line break always ends one, and list markers are dropped."""
    sentences: list[str] = []
    for line in _unwrap(normalize(text).split("\n")):
        line = LIST_MARKER.sub("", line.strip(), count=1)
        if line:
            sentences.extend(_split_line(line))
    return sentences


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: one that ends without a mark, followed by one that opens in lower case."""
    joined: list[str] = []
    for line in lines:
        stripped = line.strip()
        previous = joined[-1].rstrip() if joined else ""
        if previous and stripped[:1].islower() and previous[-1:].isalnum() and not LIST_MARKER.match(line):
            joined[-1] = f"{previous} {stripped}"
        else:
            joined.append(line)
    return joined


def _split_line(line: str) -> list[str]:
    """Split one line at . ! ? and a space, keeping "Dr. Mbeki", "e.g. this" and "so... what" whole.

    A lower-case start still begins a sentence ("im a senior. saw your post. could we talk?"), unless
    an abbreviation or an ellipsis comes before it.
    """
    sentences: list[str] = []
    pending: list[str] = []  # pieces joined once, so "A. B. C. ..." stays linear
    pieces = _SENTENCE_BREAK.split(line)
    for index, piece in enumerate(pieces):
        pending.append(piece)
        following = pieces[index + 1].lstrip("\u00bf\u00a1\"'([")[:1] if index + 1 < len(pieces) else ""
        trailing_ellipsis = piece.rstrip("\"')]").endswith("..") and following.islower()
        if not _ends_with_abbreviation(piece) and not trailing_ellipsis:
            sentences.append(" ".join(pending))
            pending = []
    if pending:
        sentences.append(" ".join(pending))
    return [s.strip() for s in sentences if s.strip()]


def _ends_with_abbreviation(sentence: str) -> bool:
    """True when the final "." belongs to a title, an initial or "e.g."."""
    last = sentence.rsplit(None, 1)[-1].lower().rstrip(".")
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def is_question(sentence: str) -> bool:
    """True for a sentence ending in "?" (or opened with Spanish "¿"); trailing ")", quotes or emoji allowed."""
    end = len(sentence)
    while end and not (sentence[end - 1].isalnum() or sentence[end - 1] in "?_"):
        end -= 1  # a loop, not a regex: "? ? ? ... a" must not backtrack
    return (end > 0 and sentence[end - 1] == "?") or sentence.lstrip().startswith("\u00bf")


# Sentences of spoken turns and replies: the original text, quotes respected.


def _is_boundary(text: str, end: int, mark: str) -> bool:
    """Whether a terminator ending at `end` closes a sentence."""
    rest = text[end:]
    if rest and not rest[0].isspace():
        return False
    if mark != ".":
        return True
    following = rest.lstrip()[:1]
    if following.islower():  # "e.g. this", "so... what" go on; "oof. what's it like?" is written in lower case
        before = text[:end].split()
        last = before[-1].lower().strip("(\"'").rstrip(".") if before else ""
        return not text[:end].endswith("..") and last not in ABBREVIATIONS and len(last) > 1
    before = text[:end].rstrip(".").split()
    last_word = before[-1].lower().strip("(\"'") if before else ""
    return last_word not in TITLES and not re.fullmatch(r"[a-z]", last_word)


def sentences(text: str) -> list[str]:
    """Split a turn into sentences as written; a quoted question inside a sentence does not end it."""
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


def ends_as_question(sentence: str) -> bool:
    """Whether a spoken sentence is a question: its last mark outside quotes is '?'."""
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
        if not ends_as_question(sentence):
            continue
        if "¿" in sentence:
            sentence = sentence[sentence.rindex("¿") :]
        questions.append(sentence)
    return questions


def widen(text: str) -> str:
    """Full-width marks and curly apostrophes as ASCII, positions unchanged."""
    return text.translate(_WIDE)


def without_placeholders(text: str) -> str:
    """A text with its [placeholders] blanked: a gap to fill names nothing."""
    return PLACEHOLDER.sub(" ", text)
