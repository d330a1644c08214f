"""One detector per judgement concept, used by every rule, the interview and the feedback.

Each detector tries the concept's patterns first (coach/rubric/lexicon.py) and, where they are
silent, the sentence classifier (coach/rubric/semantic.py). What it returns says which decided:
`Evidence.how` is 'pattern' or 'similar to: "..." (0.71; classifier 0.93)'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from coach.rubric import lexicon, semantic
from coach.rubric.patterns import BREVITY, CONNECTION, SENTENCE_CACHE, Vocabulary, clause, compile_any, durations, is_ask
from coach.text import fold, is_question, normalize, words

CAREER_FACT = compile_any(lexicon.CAREER_FACT)
CAREER_SENSITIVE_CONNECTION = compile_any(lexicon.CAREER_SENSITIVE_CONNECTION)
JOB_ASK = compile_any(lexicon.JOB_ASK)
JOB_ASK_IN_REQUEST = compile_any(lexicon.JOB_ASK_IN_REQUEST)
PASS_IT_ON = compile_any(lexicon.PASS_IT_ON)
DOCUMENT = compile_any([lexicon.DOCUMENT])
ATTACHMENT = compile_any(lexicon.ATTACHMENT)
THANKS = compile_any(lexicon.THANKS)
CONDITIONAL_THANKS = compile_any(lexicon.CONDITIONAL_THANKS)
REQUEST_OPENER = compile_any(lexicon.REQUEST_OPENERS)


@dataclass(frozen=True)
class Evidence:
    """Where a concept was found and what decided it."""

    span: str  # the clause or sentence that shows it
    how: str  # "pattern" or the classifier's nearest exemplar

    def describe(self, quote) -> str:
        """The finding's evidence: the quoted span and what decided it."""
        return f"{quote(self.span)} ({self.how})"


def _pattern(pattern: Vocabulary, texts: Iterable[str]) -> Evidence | None:
    for text in texts:
        if span := _clause_matching(pattern, text):
            return Evidence(span, "pattern")
    return None


@lru_cache(maxsize=SENTENCE_CACHE)
def _clause_matching(pattern: Vocabulary, text: str) -> str | None:
    """The clause around a pattern's first match in a text (a sentence is often read by several rules)."""
    normal = normalize(text)
    match = pattern.search(normal)
    return clause(normal, match) if match else None


def _classifier(concept: str, sentences: Sequence[str], label: str = "yes") -> Evidence | None:
    if judged := semantic.first_with_label(concept, sentences, label):
        return Evidence(judged.sentence, judged.evidence)
    return None


@lru_cache(maxsize=SENTENCE_CACHE)
def is_request(sentence: str) -> bool:
    """A sentence that asks the reader for something: a question, or a polite request."""
    return is_question(sentence) or is_polite_request(sentence)


def is_polite_request(sentence: str) -> bool:
    """A request made with an ask marker or a polite opener ("Any chance...", "I'd be grateful if..."), question or not."""
    return is_ask(sentence) or bool(REQUEST_OPENER.search(fold(sentence)))


# --- Job ask -------------------------------------------------------------------------------


def job_ask(texts: Sequence[str], resume_offers: bool = True) -> Evidence | None:
    """A request for a job, internship, referral or resume pass-on, in any of the texts.

    In a message an offered resume is the `attachment` code's business, so `resume_offers=False` keeps the
    classifier off sentences that offer one; in a conversation "Can I send you my CV?" is a job ask.
    """
    requests = [t for t in texts if is_request(t)]
    if found := _pattern(JOB_ASK, texts) or _pattern(JOB_ASK_IN_REQUEST, requests) or _passing_a_document_on(texts):
        return found
    # Thanks ("Please accept my thanks for receiving me") ask for nothing, whatever they sound like.
    candidates = [t for t in requests if not thanks_in(t) and (resume_offers or not ATTACHMENT.search(normalize(t)))]
    return _classifier("job-ask", candidates)


def _passing_a_document_on(texts: Sequence[str]) -> Evidence | None:
    """A request to pass on or look over "it", where the same or the previous text names a resume or portfolio."""
    for index, text in enumerate(texts):
        if is_request(text) and PASS_IT_ON.search(normalize(text)):
            if any(DOCUMENT.search(normalize(t)) for t in texts[max(0, index - 1) : index + 1]):
                return Evidence(_clause_matching(PASS_IT_ON, text) or text, "pattern")
    return None


def is_job_ask(text: str) -> bool:
    """Whether one question, request or turn asks for a job (the interview deflects these)."""
    return job_ask([text]) is not None


# --- Thanks --------------------------------------------------------------------------------


def thanks_in(text: str) -> bool:
    """Whether a text thanks someone; "I'd appreciate it if...", "thanks to X" are not thanks."""
    return bool(THANKS.search(CONDITIONAL_THANKS.sub(" ", normalize(text))))


# --- Connection ----------------------------------------------------------------------------


def connection(texts: Sequence[str]) -> Evidence | None:
    """A shared school, employer, group, event, mutual contact or piece of their work."""
    if found := _pattern(CONNECTION, texts):
        return found
    # A career read off their profile ("Your bio says you've led the team since 2020") is no tie, however close
    # it sounds: such sentences go to neither the career-sensitive patterns nor the classifier.
    plain = [t for t in texts if not CAREER_FACT.search(normalize(t))]
    if found := _pattern(CAREER_SENSITIVE_CONNECTION, plain):
        return found
    # A tie names the recipient ("the tour you led"); requests rarely carry it, and "Could we talk?"
    # is no evidence either way.
    return _classifier("connection", [t for t in plain if mentions_recipient(t) and not is_request(t)])


def mentions_recipient(text: str) -> bool:
    """Whether a text speaks of the recipient: "you", "your"..."""
    return any(w.lower() in lexicon.RECIPIENT_PRONOUNS for w in words(text))


# --- Time bound ----------------------------------------------------------------------------


def time_bound(sentence: str) -> bool:
    """Whether a sentence names a duration or explicit brevity ("15 minutes", "a quick call")."""
    return bool(durations(sentence) or BREVITY.search(sentence))
