"""Rules for thank-you and follow-up notes after an informational interview."""

from __future__ import annotations

import re

from coach.rubric import common, concepts, lexicon, semantic  # noqa: F401  (common registers the shared rules first)
from coach.rubric.base import Finding, finding, rule
from coach.rubric.message import Message
from coach.rubric.patterns import compile_any
from coach.text import without_placeholders, words

WORD_LIMIT = 200
SPECIFIC_REFERENCE = compile_any(lexicon.SPECIFIC_REFERENCE)
SELF_CONTAINED_REFERENCE = compile_any(lexicon.SELF_CONTAINED_REFERENCE)
_CLAUSE_END = re.compile(r"[,;:.!?()]|\s[\u2014\u2013-]\s")
_PHRASE_END = re.compile(rf"{_CLAUSE_END.pattern}|\b(?:was|were|is|are|has|had|and|but|which|really|so)\b", re.IGNORECASE)
_OPENS_CLAUSE = re.compile(r"\b(?:that|how|why|what|when|know|knew|reali[sz]ed?|expect(?:ed)?|think|thought|idea)$", re.IGNORECASE)
NEXT_STEP = compile_any(lexicon.NEXT_STEP)


@rule(
    "thank-you",
    "too-long",
    "Body over 200 words.",
    advice="Keep it under 200 words: the thanks, one specific point, what you will do next.",
)
def too_long(message: Message) -> Finding | None:
    """Fires on a body over 200 words, on every channel."""
    if message.body_words <= WORD_LIMIT:
        return None
    return finding(
        "too-long",
        "The note is long for a thank-you. Keep the thanks, one or two things you took away and your next step.",
        f"{message.body_words} words (limit {WORD_LIMIT})",
    )


def thanks_in(sentence: str) -> bool:
    """True when a sentence thanks someone; "I'd appreciate it if..." is a request, not thanks (concepts.thanks_in)."""
    return concepts.thanks_in(sentence)


@rule(
    "thank-you",
    "no-thanks",
    "Never thanks the recipient in the body.",
    advice="Say thank you in the body, for their time and for something specific they shared.",
)
def no_thanks(message: Message) -> Finding | None:
    """Fires when the body never thanks them; a closing "Thanks," does not count."""
    # The greeting line is body too: "Thank you, Marisa!" thanks her.
    if thanks_in(message.greeting) or any(thanks_in(s) for s in message.sentences):
        return None
    closing_note = f" (the closing {message.closing!r} does not count)" if thanks_in(message.closing) else ""
    return finding(
        "no-thanks",
        "Say thank you in the body, for their time and for something specific they shared.",
        f'no "thank you", "grateful" or "appreciate" in the body{closing_note}',
    )


def names_something(text: str) -> bool:
    """True when a text has at least one word that is not vague or a function word."""
    return any(w.lower() not in lexicon.VAGUE_WORDS and w.lower() not in lexicon.GENERIC_NOTE_WORDS and any(c.isalpha() for c in w) for w in words(text))


def refers_to_conversation(sentence: str) -> bool:
    """True when a sentence names a piece of advice, story, topic, person or resource."""
    sentence = without_placeholders(sentence)  # "your advice about [specific topic]" names nothing yet
    if SELF_CONTAINED_REFERENCE.search(sentence) or _concrete(sentence):
        return True
    return any(_names_its_object(m, sentence[m.end() :]) for m in SPECIFIC_REFERENCE.finditer(sentence))


def _names_its_object(reference: re.Match[str], rest: str) -> bool:
    """Whether the words after a reference name something.

    A clause after it ("hearing that | most of the job is writing") is read to the clause's end; a noun phrase
    ("your advice about | the field | was...") to its verb; with neither, the rest ("the digester tour | was...").
    """
    ends = _CLAUSE_END if _OPENS_CLAUSE.search(reference.group(0)) else _PHRASE_END
    head = ends.split(rest, maxsplit=1)[0]
    return names_something(head if words(head) else rest)


def _concrete(sentence: str) -> bool:
    """A sentence that names enough concrete things ("the indicator tape changing colour in the autoclave").

    An attached resume names nothing from the conversation however concrete its link is.
    """
    if concepts.ATTACHMENT.search(sentence) or _writers_own(sentence):
        return False
    return len(concrete_words(sentence)) >= lexicon.CONCRETE_WORDS


def _writers_own(sentence: str) -> bool:
    """A sentence of the writer's own life, without the recipient in it: "Since then I have handed in my notice"."""
    tokens = words(sentence)
    return any(w.lower() in lexicon.WRITER_SUBJECTS for w in tokens[:4]) and not concepts.mentions_recipient(sentence)


def concrete_words(sentence: str) -> list[str]:
    """Lowercase words that are neither vague, nor praise or feeling, nor adverbs, nor short: "indicator", "tape", "autoclave"."""
    return [
        w
        for w in words(sentence)
        if w.replace("-", "").isalpha()
        and len(w) > 2
        and w.islower()
        and w not in lexicon.VAGUE_WORDS
        and w not in lexicon.GENERIC_NOTE_WORDS
        and (not w.endswith("ly") or w in lexicon.LY_NOUNS)
    ]


@rule(
    "thank-you",
    "no-specifics",
    "Names nothing specific from the conversation.",
    advice="Name one piece of advice, story, person or resource from the conversation.",
)
def no_specifics(message: Message) -> Finding | None:
    """Fires when no advice, story, topic, person or resource from the conversation is named."""
    if any(refers_to_conversation(s) for s in message.subject_and_sentences):
        return None
    return finding(
        "no-specifics",
        'Name one thing from the conversation: a piece of advice, a story or a person they mentioned ("your advice to volunteer for the next IRB amendment").',
        "no advice, story, topic, person or resource from the conversation is named",
    )


@rule(
    "thank-you",
    "no-next-step",
    "Says neither what the writer will do nor how they will keep in touch.",
    advice="Say what you will do with the advice, or how you will keep in touch and report back.",
)
def no_next_step(message: Message) -> Finding | None:
    """Fires when there is no plan to act on the advice and no promise to report back."""
    if any(NEXT_STEP.search(s) for s in message.sentences):
        return None
    # Where no pattern finds one, a sentence the classifier is sure states a plan still counts.
    if semantic.first_with_label("next-step", message.sentences):
        return None
    return finding(
        "no-next-step",
        'Close with a next step: what you will do with their advice, or when you will report back ("I\'ll let you know how the application goes").',
        "no plan to act on the advice and no promise to keep in touch",
    )


@rule(
    "thank-you",
    "late",
    "Sent more than 2 days after the meeting.",
    advice="Send the thank-you within 24 to 48 hours of the meeting.",
)
def late(message: Message) -> Finding | None:
    """Fires when sent_date is more than 2 calendar days after meeting_date (both given)."""
    if message.meeting_date is None or message.sent_date is None:
        return None
    days = (message.sent_date - message.meeting_date).days
    if days <= lexicon.LATE_AFTER_DAYS:
        return None
    return finding(
        "late",
        "Send thank-you notes within a day or two of the conversation, while it is fresh for both of you.",
        f"sent {days} days after the meeting (limit {lexicon.LATE_AFTER_DAYS})",
    )
