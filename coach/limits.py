"""Size and count limits on every input, each refused at once with a one-line reason that names the input.

The CLI and the pages share these checks (through `Services` and the argument parser), so a limit is the
same wherever the input comes from, and an oversized or malformed input is refused before any work starts.
"""

from __future__ import annotations

import json
import re
import string
from datetime import date

from coach.errors import UserInputError
from coach.guards import clean_user_text

# Search
MAX_K = 50
MAX_QUERY_CHARS = 1_000
MAX_QUERIES = 500
MAX_QUERIES_BYTES = 256_000
# Question plans (the Prepare page offers 6 to 20; the notes and the bank do not hold many more distinct questions)
MIN_QUESTIONS, MAX_QUESTIONS = 6, 20
# Short labels: a role, an industry, a company, a goal
MAX_LABEL_CHARS = 80
MAX_GOAL_CHARS = 300
# Transcripts given to `interview feedback` (a 60-minute call is about 9,000 words, some 50,000 characters)
MAX_TRANSCRIPT_BYTES = 1_000_000
MAX_TURNS = 400
MAX_TURN_CHARS = 10_000
MAX_JSON_DEPTH = 32
# Messages given to `review` (an outreach note is under 300 words)
MAX_MESSAGE_CHARS = 20_000

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SURROGATE = re.compile(r"[\ud800-\udfff]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def whole_number(value: object, what: str, low: int, high: int) -> int:
    """An integer between low and high inclusive, or a UserInputError naming the input."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise UserInputError(f"{what} must be a whole number between {low} and {high}, not {str(value)[:20]!r}.") from None
    if not low <= number <= high:
        raise UserInputError(f"{what} must be between {low} and {high} (got {number}).")
    return number


def hits_wanted(k: object, what: str = "-k") -> int:
    """How many search hits: 1 to MAX_K."""
    return whole_number(k, what, 1, MAX_K)


def questions_wanted(n: object, what: str = "-n") -> int:
    """How many planned questions: MIN_QUESTIONS to MAX_QUESTIONS."""
    return whole_number(n, what, MIN_QUESTIONS, MAX_QUESTIONS)


def readable(value: str, what: str) -> str:
    """Text that came from the command line or a form: refused if it holds bytes that are not UTF-8."""
    if SURROGATE.search(value):
        raise UserInputError(f"{what} is not UTF-8 text (it holds undecodable bytes): type it again in a UTF-8 terminal.")
    return value


def label(value: str | None, what: str, max_chars: int = MAX_LABEL_CHARS, required: bool = False) -> str | None:
    """A short one-line label (a role, an industry): UTF-8, no control characters, within max_chars."""
    if value is None or not value.strip():
        if required:
            raise UserInputError(f"{what} is empty: name it in a few words.")
        return None
    readable(value, what)
    if CONTROL.search(value):
        raise UserInputError(f"{what} holds control characters: type it as plain text on one line.")
    value = " ".join(value.split())
    if len(value) > max_chars:
        raise UserInputError(f"{what} is {len(value):,} characters; the limit is {max_chars}.")
    return value


def query(value: str, what: str = "the query") -> str:
    """One search query: readable text within MAX_QUERY_CHARS."""
    readable(value, what)
    if not value.strip():
        raise UserInputError(f"{what} is empty: type a few words about a role or question.")
    if len(value) > MAX_QUERY_CHARS:
        raise UserInputError(f"{what} is {len(value):,} characters; the limit is {MAX_QUERY_CHARS:,}.")
    return value


def queries(text: str, name: str) -> list[str]:
    """The non-empty lines of a queries file, each a valid query; the whole file is checked before any search."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERIES_BYTES:
        raise UserInputError(f"{name} is {size:,} bytes; a queries file may hold at most {MAX_QUERIES_BYTES:,} bytes ({MAX_QUERIES} queries).")
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    if len(lines) > MAX_QUERIES:
        raise UserInputError(f"{name} has {len(lines):,} queries; the limit is {MAX_QUERIES}.")
    for number, line in lines:
        query(line, f"{name} line {number}")
    return [line for _, line in lines]


def day(value: str | date | None, flag: str) -> date | None:
    """A strict YYYY-MM-DD date (a real day), or a UserInputError naming the flag."""
    if value is None or isinstance(value, date):
        return value
    text = readable(str(value), flag).strip()
    if not text:
        return None
    if not ISO_DAY.fullmatch(text):
        raise UserInputError(f"{flag} {text[:40]!r} is not a date: use YYYY-MM-DD, e.g. 2026-03-02.")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserInputError(f"{flag} {text} is not a real day ({exc}): use YYYY-MM-DD.") from None


def meeting_then_sent(meeting: date | None, sent: date | None, meeting_flag: str = "--meeting-date", sent_flag: str = "--sent-date") -> None:
    """A thank-you is sent on or after the meeting it thanks for."""
    if meeting and sent and sent < meeting:
        raise UserInputError(f"{sent_flag} {sent.isoformat()} is before {meeting_flag} {meeting.isoformat()}: a thank-you is sent after the meeting.")


def message(text: str, what: str = "the message") -> str:
    """A message to review: within MAX_MESSAGE_CHARS, not empty, not binary."""
    if len(text) > MAX_MESSAGE_CHARS:
        raise UserInputError(f"{what} is {len(text):,} characters; the limit for a message is {MAX_MESSAGE_CHARS:,}.")
    return clean_user_text(text, "message")


def json_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (strings skipped); linear, no recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def transcript_json(text: str, name: str) -> None:
    """Transcript JSON small and flat enough to work on: size and nesting before parsing, then turns and their length.

    Malformed JSON is left for the transcript loader, which says where it breaks.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TRANSCRIPT_BYTES:
        raise UserInputError(f"{name} is {size:,} bytes; the limit for a transcript is {MAX_TRANSCRIPT_BYTES:,}.")
    if json_depth(text) > MAX_JSON_DEPTH:
        raise UserInputError(f"{name} nests deeper than {MAX_JSON_DEPTH} levels: a transcript is an object with a flat list of turns.")
    try:
        data = json.loads(text)
    except ValueError:
        return
    turns = data.get("turns") if isinstance(data, dict) else None
    if not isinstance(turns, list):
        return
    if len(turns) > MAX_TURNS:
        raise UserInputError(f"{name} has {len(turns):,} turns; the limit is {MAX_TURNS}.")
    for number, turn in enumerate(turns, 1):
        length = len(turn.get("text") or "") if isinstance(turn, dict) and isinstance(turn.get("text"), str) else 0
        if length > MAX_TURN_CHARS:
            raise UserInputError(f"{name}: turn {number} is {length:,} characters; the limit for one turn is {MAX_TURN_CHARS:,}.")


TEXT_PUNCTUATION = frozenset(string.punctuation + "’‘“”„–—…•·«»°€£¥§©®™×÷±½¼¾¹²³")
MIN_TEXT_SHARE = 0.85


def looks_like_text(text: str) -> bool:
    """Whether decoded bytes read as writing: letters, digits, spaces and punctuation make up most of it.

    Random bytes decode (as UTF-8 with replacements, or cp1252) to a soup of symbols and control characters
    where fewer than two thirds of the characters are of those kinds; prose in any script is above 95%.
    """
    sample = text[:20_000]
    if not sample:
        return True
    plain = sum(1 for char in sample if char.isalnum() or char.isspace() or char in TEXT_PUNCTUATION)
    return plain / len(sample) >= MIN_TEXT_SHARE and sample.count("\ufffd") <= len(sample) // 100
