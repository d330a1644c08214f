"""Parse an outreach or thank-you message into subject, greeting, body and signature."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Literal

from coach.errors import UserInputError
from coach.rubric import lexicon
from coach.text import LIST_MARKER, normalize, spelled_out, split_sentences, word_count

MessageKind = Literal["outreach", "thank-you"]
Channel = Literal["email", "linkedin"]

_VOCATIVE_THANKS = re.compile(rf"^\s*(?i:{lexicon.THANKS_OPENER}),\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,2}}\s*[!,.]")
_THANKS_OPENER = re.compile(rf"^\s*{lexicon.THANKS_OPENER}\b", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*subject\s*:(.*)$", re.IGNORECASE)
_GREETING = re.compile(rf"^\s*(?:{'|'.join(lexicon.GREETING_OPENERS)})\b", re.IGNORECASE)
_CLOSING = re.compile(rf"^\s*(?:{'|'.join(lexicon.CLOSING_PHRASES)}){lexicon.CLOSING_TAILS}\s*[,!.]?\s*$", re.IGNORECASE)
# "Thanks so much, Sam" at the end of a one-paragraph note.
# The name must be capitalised, so only the closing phrase ignores case.
_INLINE_CLOSING = re.compile(
    rf"^(?P<body>.*[.!?])\s+(?P<closing>(?i:(?:{'|'.join(lexicon.CLOSING_PHRASES)}){lexicon.CLOSING_TAILS})[,!.]?)"
    r"\s+(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})\s*$"
)
# "...that one? — Sam"
_DASH_SIGNATURE = re.compile(r"^(?P<body>.*[.!?)])\s*(?P<closing>[\u2014\u2013-]{1,2})\s?(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})\s*$")
_POSTSCRIPT = re.compile(r"^\s*p\.?\s?s\.?\b", re.IGNORECASE)
_SALUTATION_END = re.compile(r"[,:;!]+|\s[\u2014\u2013-]\s|(?<=\w)\s*[\u2600-\u27bf\U0001f300-\U0001faff]+")  # "hii 👋 we were..."

MAX_SIGNATURE_LINES = 8  # name, title, school, links... more than this is body text
MAX_SIGNATURE_LINE_WORDS = 10


def is_closing_line(line: str) -> bool:
    """True for a sign-off such as "Best," or "Thanks so much,": a known phrase or a short comma line."""
    stripped = line.strip()
    if _CLOSING.match(stripped):
        return True
    tokens = stripped.rstrip(",").split()
    # "Gratefully yours," "Onward," "Fondly," — short, capitalised, ends in a comma, no sentence in it.
    return stripped.endswith(",") and 1 <= len(tokens) <= 3 and tokens[0][:1].isupper() and not _GREETING.match(stripped)


def _signature_starts(lines: list[str]) -> list[bool]:
    """For each index, whether the lines after it look like a sign-off block, not more body text."""
    # One backward pass, so a long message costs linear time.
    plausible = [False] * len(lines)
    count, short = 0, True
    for index in range(len(lines) - 1, -1, -1):
        plausible[index] = count <= MAX_SIGNATURE_LINES and short
        line = lines[index]
        if _POSTSCRIPT.match(line):
            count, short = 0, True  # a P.S. may be long; it is read separately
        elif line.strip():
            count += 1
            short = short and len(line.split()) <= MAX_SIGNATURE_LINE_WORDS
    return plausible


def parse_date(value: date | datetime | str | None) -> date | None:
    """A date from a date, a datetime or an ISO string; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise UserInputError(f"{value!r} is not a date: write it as YYYY-MM-DD.") from None


@dataclass(frozen=True)
class Message:
    """A message split the way the rubric counts it."""

    kind: MessageKind
    channel: Channel
    raw: str
    subject: str | None  # None: no "Subject:" line; "": an empty one
    greeting: str  # the salutation ("Hi Renata,"), "" when the body opens without one
    body: str  # greeting line through the line before the closing
    closing: str  # "Best," or "" when there is none
    signature: str  # the closing line and everything after it
    postscript: str = ""  # a "P.S." after the signature: not counted, still read
    meeting_date: date | None = None
    sent_date: date | None = None
    counted_words: int | None = None  # set when the rules read an excerpt of a longer message
    counted_chars: int | None = None

    @cached_property
    def body_words(self) -> int:
        """Words in the body, the greeting included."""
        return self.counted_words if self.counted_words is not None else word_count(self.body)

    @cached_property
    def chars(self) -> int:
        """Characters of the whole note, sign-off included (LinkedIn's measure)."""
        return self.counted_chars if self.counted_chars is not None else len(self.raw.replace("\r\n", "\n").strip())

    @cached_property
    def content(self) -> str:
        """The body after the salutation, plus any P.S.: the text rules read."""
        after_greeting = self.body[len(self.greeting) :] if self.body.startswith(self.greeting) else self.body
        return "\n".join(part for part in (after_greeting.strip(), self.postscript) if part)

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        """Sentences of the content, without the greeting or the signature, texting spellings written out."""
        return tuple(spelled_out(sentence) for sentence in split_sentences(self.content))

    @cached_property
    def subject_and_sentences(self) -> tuple[str, ...]:
        """The subject line (or "") followed by the sentences: what topic and connection rules read."""
        return (self.subject or "", *self.sentences)


def parse(
    text: str,
    kind: MessageKind = "outreach",
    channel: Channel = "email",
    meeting_date: date | datetime | str | None = None,
    sent_date: date | datetime | str | None = None,
) -> Message:
    """Split a message into subject, greeting, body, closing and signature."""
    if kind not in ("outreach", "thank-you"):
        raise ValueError(f"kind must be 'outreach' or 'thank-you', not {kind!r}")
    if channel not in ("email", "linkedin"):
        raise ValueError(f"channel must be 'email' or 'linkedin', not {channel!r}")
    lines = normalize(text).strip().split("\n")
    subject = None
    if lines and (match := _SUBJECT.match(lines[0])):
        subject, lines = match.group(1).strip(), lines[1:]
    while lines and not lines[0].strip():
        lines = lines[1:]
    greeting = salutation(lines[0]) if lines else ""
    body_lines, closing, signature_lines = _split_signature(lines)
    return Message(
        kind=kind,
        channel=channel,
        raw=text,
        subject=subject,
        greeting=greeting,
        body="\n".join(body_lines).strip(),
        closing=closing,
        signature="\n".join(signature_lines).strip(),
        postscript=_postscript(signature_lines),
        meeting_date=parse_date(meeting_date),
        sent_date=parse_date(sent_date),
    )


def salutation(first_line: str) -> str:
    """The greeting that opens a line ("Hi Mateo," of "Hi Mateo, I'm..."), or ""."""
    line = first_line.strip()
    if _GREETING.match(line):
        end = _SALUTATION_END.search(line)
        if end and not _GREETING.sub("", line[: end.start()], count=1).strip():
            # "Morning, Tariq!": the name comes after the first mark (a short name, not "Hello, I came across...")
            after = _SALUTATION_END.search(line, end.end())
            named = line[end.end() : after.start()].split() if after else []
            if 1 <= len(named) <= 3 and all(w[:1].isupper() for w in named) and not {w.lower() for w in named} & {"i", "i'm", "i've"}:
                end = after
        if end:
            return line[: end.end()].strip()
        tokens = line.split()
        return line if len(tokens) <= 6 else " ".join(tokens[:3])
    if vocative := _VOCATIVE_THANKS.match(line):
        return vocative.group(0).strip()
    # "Mr. Duarte, I took your class..." or "Captain Reyes, sorry...": a title and a name, then the note.
    if (head := re.match(r"([^,:;!?]{2,40})[,:!]\s", line)) and _titled_name(head.group(1)):
        return line[: head.end()].strip()
    # "Roxy! thank you for..." or "Gareth — cheers for...": a bare name called out, then the note.
    if (head := re.match(r"([A-Z][\w'-]+)(?:!|\s+[\u2014\u2013-])\s", line)) and head.group(1).lower() not in lexicon.NOT_A_NAME:
        return head.group(0).strip()
    # "Renata," "Dr. Mbeki:" or "Chef Maren!" alone on the first line is a salutation too.
    tokens = line.rstrip(",:!\u2014\u2013- ").split()
    if line.rstrip().endswith((",", ":", "!", "\u2014", "\u2013", "-")) and 1 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens):
        return line
    return ""


def _titled_name(text: str) -> bool:
    """Whether text is a title or rank and a capitalised name: "Mr. Duarte", "Captain Reyes", "Dr. Ana Osei"."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or not all(t[:1].isupper() for t in tokens):
        return False
    return tokens[0].lower().rstrip(".") in lexicon.TITLES | lexicon.RANKS


def addressee(greeting: str) -> str:
    """Whom a salutation addresses: "Dr. Mbeki" of "Hi Dr. Mbeki,"."""
    opener = _GREETING if _GREETING.match(greeting) else _THANKS_OPENER
    return opener.sub("", greeting, count=1).strip(" ,:;!.-\u2013\u2014")


def _split_signature(lines: list[str]) -> tuple[list[str], str, list[str]]:
    """Body lines, the closing, and the signature lines (closing first)."""
    plausible = _signature_starts(lines)
    for index in range(1, len(lines)):
        if plausible[index] and is_closing_line(lines[index]):
            return lines[:index], lines[index].strip(), lines[index:]
    if inline := _split_inline_signature(lines):
        return inline
    return _split_bare_name(lines)


def _split_inline_signature(lines: list[str]) -> tuple[list[str], str, list[str]] | None:
    """One-paragraph notes: "...? Thanks, Sam" or "...? — Sam" ending the last line."""
    if not lines:
        return None
    last = lines[-1]
    for pattern in (_INLINE_CLOSING, _DASH_SIGNATURE):
        match = pattern.match(last)
        if match and match.group("body").strip():
            closing = match.group("closing") if pattern is _INLINE_CLOSING else ""
            return lines[:-1] + [match.group("body")], closing, [last[match.start("closing") :].strip()]
    return None


def _split_bare_name(lines: list[str]) -> tuple[list[str], str, list[str]]:
    """Without a closing, a last short block of name-like lines is still the signature."""
    last_blank = max((i for i, line in enumerate(lines) if not line.strip()), default=-1)
    block = [line.strip() for line in lines[last_blank + 1 :] if line.strip()]
    namelike = all(
        len(line.split()) <= 5 and line[-1] not in ".?!:;," and not LIST_MARKER.match(line + " ") and (line[0].isupper() or line[0] in "-\u2013\u2014")
        for line in block
    )
    if last_blank > 0 and block and len(block) <= 4 and namelike:
        return lines[:last_blank], "", lines[last_blank + 1 :]
    return lines, "", []


def _postscript(signature_lines: list[str]) -> str:
    """The "P.S." paragraph(s) inside a signature block."""
    for index, line in enumerate(signature_lines):
        if _POSTSCRIPT.match(line):
            return "\n".join(signature_lines[index:]).strip()
    return ""
