"""Checks on user text and model output: usable input, invented facts, leaked AI talk."""

from __future__ import annotations

import re

from coach.errors import UserInputError
from coach.text import sentences, without_placeholders

MAX_INPUT_CHARS = 2_000_000
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z'’.-]+\b")
NUMBER = re.compile(r"\b\d[\d,.:/-]*\b")
# Capitalised words that are grammar, not facts: a rewrite may use them freely.
COMMON_CAPITALISED = frozenset(
    "I I'm I'd I've I'll Hi Hello Dear Best Thanks Thank Regards Kind Warm Warmly Sincerely Cheers Subject Would Could "
    "Can May Might Will If When What How Why Where Who Which The A An My Your Our This That These Those It It's Its "
    "As At In On For From To With And But Or So Also Since After Before Please Looking Happy Glad Many Much Again "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August "
    "September October November December Sorry Yes No Just Really Great Good Hope Let Since Recently Currently "
    "LinkedIn Mr Mrs Ms Dr Prof Professor P.S. PS Sent Re All Any Some Every Each Here There".split()
)
# The speaker as a machine ("As an AI language model", "I'm not a bot", "being just an AI"), not AI as the
# subject of the work ("regulations such as the EU AI Act", "I'm an AI engineer", "we fine-tune a language model").
AI_TALK = re.compile(
    r"\b(?:as|i'm|i am|i’m|being)\s+(?:not\s+)?(?:just\s+|only\s+|merely\s+|simply\s+)?an?\s+(?:\w+\s+){0,2}"
    r"(?:ai|a\.i\.|chatbot|bot|language model|virtual assistant|ai assistant|computer program)\b"
    r"(?!\s+(?:engineers?|researchers?|scientists?|ethicists?|specialists?|teams?|labs?|products?|polic(?:y|ies)|act|regulations?"
    r"|tools?|start-?ups?|compan(?:y|ies)|practitioners?|consultants?|leads?|projects?|systems?))"
    r"|\bopenai\b|\bsystem prompt\b"
    r"|\bi (?:don't|do not) have (?:personal )?experiences?\b",
    re.IGNORECASE,
)


def clean_user_text(text: str | bytes | None, what: str = "text", max_chars: int = MAX_INPUT_CHARS) -> str:
    """Validated user text: not empty, not binary, within the size limit."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserInputError(f"The {what} is not UTF-8 text: paste it as plain text or save the file as UTF-8.") from exc
    if text is None or not text.strip():
        raise UserInputError(f"The {what} is empty: paste or type it first.")
    if "\x00" in text or len(CONTROL.findall(text[:10000])) > 20:
        raise UserInputError(f"The {what} looks like binary data, not text.")
    if len(text) > max_chars:
        raise UserInputError(f"The {what} is {len(text):,} characters; the limit is {max_chars:,}.")
    return text


def invented_facts(output: str, *sources: str) -> list[str]:
    """Capitalised names and numbers in output that none of the sources contain."""
    known = " ".join(s for s in sources if s).lower()
    output = without_placeholders(output)  # "[mutual contact]" marks a missing fact; it invents nothing
    found: list[str] = []
    for match in CAPITALISED.finditer(output):
        word = match.group(0).strip(".'’-")
        if word in COMMON_CAPITALISED or word.lower() in known or not word:
            continue
        if output[max(0, match.start() - 2) : match.start()].strip() in ("", ".", "!", "?", "\n") and word.lower() in COMMON_WORDS:
            continue
        found.append(word)
    found += [n.group(0) for n in NUMBER.finditer(output) if n.group(0) not in known]
    return sorted(set(found))


# Ordinary words that may start a sentence with a capital: not names.
COMMON_WORDS = frozenset(
    "thank thanks i would could can may might will if when what how why where who which the a an my your our this that "
    "these those it as at in on for from to with and but or so also since after before please looking happy glad many "
    "much again sorry yes no just really great good hope let recently currently hello hi dear best regards sincerely "
    "cheers warmly kind all any some every each here there we you they he she one two three over during while because "
    "although though even not only most more honestly well sure definitely actually usually often sometimes typically "
    "personally overall generally".split()
)


def mentions_being_an_ai(text: str) -> bool:
    """True if a reply breaks role by talking about being an AI or a model."""
    return bool(AI_TALK.search(text))


def strip_wrapping(reply: str) -> str:
    """Remove code fences, quotes and 'Here is…' prefaces a model adds around its answer."""
    text = reply.strip()
    lines = text.split("\n")
    if lines and re.match(r"^(here('s| is)|sure|certainly|rewritten|revised)\b.*:\s*$", lines[0], re.IGNORECASE):
        text = "\n".join(lines[1:]).strip()
    text = re.sub(r"^```[a-zA-Z]*\n|\n?```$", "", text).strip()
    text = re.sub(r"<<<(END-)?[A-Z]+-[0-9a-f]{8}>>>", "", text).strip()
    return text


def tidy_reply(text: str) -> str:
    """Cut a small model's loops: stop at the first repeated sentence, drop a cut-off last sentence."""
    seen: set[str] = set()
    kept: list[str] = []
    for sentence in sentences(text):
        key = re.sub(r"\W+", " ", sentence.lower()).strip()
        if not key:
            continue
        if key in seen:
            break
        seen.add(key)
        kept.append(sentence)
    if len(kept) > 1 and not re.search(r"[.!?][\"'”)]*$", kept[-1]):
        kept.pop()  # the reply ran out of tokens mid-sentence
    return " ".join(kept).strip()
