"""The model polish of a fixed draft: a candidate that must pass the gate, else the fixed draft stands.

The deterministic fixes do the work (coach/rubric/fixes.py); the model only rewords the fixed draft, and its
text is shown only when it lints no worse, invents nothing, keeps the person, the connection and the ask,
and stays within the channel's limit. One retry, then the fixed draft, with the model's version rejected
in one line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel

from coach.errors import UserInputError
from coach.gate import GateResult, GateSpec, check_output, cut_off
from coach.guards import COMMON_CAPITALISED, strip_wrapping
from coach.llm import complete
from coach.review import MAX_PROFILE_CHARS, MAX_REWRITE_WORDS, Review, review, rewrite_prompt
from coach.rubric import concepts, lexicon
from coach.rubric.fixes import PHRASES_FILE, FixResult, fix_message
from coach.rubric.message import addressee, parse
from coach.rubric.patterns import durations, is_ask, is_request_question
from coach.text import normalize, words

MAX_NEW_WORDS = 0.5  # a polish rewords the draft: at most half its content words may be new
NOT_ASKED = "The draft has no findings, so it was not sent to the model (ask for a polish to send it anyway)."
TOKEN = re.compile(r"[^\W_]+")
CAPITALISED = re.compile(r"\b[A-Z][\w'’&.-]*[\w]")


class Polish(BaseModel):
    """What a polish gives the writer: the model's text when it passed the gate, else the fixed draft, and why."""

    text: str  # what the writer gets
    source: Literal["model", "fixed"]
    start: str  # the fixed draft the polish started from
    review: Review  # of `text`
    candidate: str | None = None  # the model's last text, shown as rejected when it failed
    passed: bool = False
    reason: str = ""  # one line: why the model's version was rejected, or why it was not asked
    attempts: int = 0
    fixes: FixResult | None = None  # the fixes made before the polish, when the polish did them

    @property
    def warning(self) -> str | None:
        """The line a face prints when the model's version was not used."""
        if self.source == "model":
            return None
        if self.attempts == 0:
            return self.reason or None
        return f"The model's version was rejected ({self.reason}); this is your fixed draft."


def own_facts(start: Review) -> list[str]:
    """What a polish must keep: the person's name, the names in the connection, the ask's numbers."""
    message = parse(start.text, start.kind, start.channel)
    facts = [w for w in words(addressee(message.greeting)) if w.lower() not in lexicon.TITLES | lexicon.GENERIC_ADDRESSEES]
    connection = next((s for s in message.subject_and_sentences[1:] if concepts.connection([s])), "")
    facts += [m.group(0) for m in CAPITALISED.finditer(connection) if m.start() > 0 and m.group(0) not in COMMON_CAPITALISED]
    ask = next((s for s in message.sentences if is_request_question(s) or is_ask(s)), "")
    facts += [str(int(m)) for m in durations(ask)]
    return list(dict.fromkeys(facts))


def _same(first: str, second: str) -> bool:
    return " ".join(first.split()).lower() == " ".join(second.split()).lower()


def check_polish(text: str, start: Review, sources: Sequence[str]) -> tuple[GateResult, Review]:
    """The gate for a polish of the fixed draft `start`, and the polish's own review."""
    if not text.strip():
        return GateResult(False, ("is empty",)), start
    allowed = PHRASES_FILE.read_text(encoding="utf-8")
    general = check_output(text, GateSpec(sources=sources, allowed=(allowed,), strict=True, max_new_words=MAX_NEW_WORDS))
    reasons = ["returns the draft unchanged"] if _same(text, start.text) else []
    # A signed note ends with a name, not a full stop: only the body can be cut off.
    body = parse(text, start.kind, start.channel).body
    reasons += [r for r in general.reasons if r != cut_off(text)]
    if body.strip() and (stops := cut_off(body)):
        reasons.append(stops)
    checked = review(text, start.kind, start.channel, start.meeting_date, start.sent_date)
    if over := next((f for f in checked.findings if f.code == "too-long"), None):
        reasons.append(f"over the channel's limit ({over.evidence})")
    new = sorted({f.code for f in checked.findings} - {f.code for f in start.findings} - {"too-long"})
    if new or checked.score < start.score:
        reasons.append(f"lints worse than the fixed draft ({', '.join(new) or f'score {checked.score} < {start.score}'})")
    kept = set(TOKEN.findall(text.lower()))
    if dropped := [fact for fact in own_facts(start) if not set(TOKEN.findall(fact.lower())) <= kept]:
        reasons.append(f"drops the draft's own facts ({', '.join(dropped[:5])})")
    return GateResult(not reasons, tuple(dict.fromkeys(reasons))), checked


def _check_size(draft: Review, profile: str) -> None:
    """A polish is for a message, not a book: the model's window must hold it with room for the reply."""
    if draft.word_count > MAX_REWRITE_WORDS or len(profile) > MAX_PROFILE_CHARS:
        raise UserInputError(
            f"This draft is {draft.word_count:,} words; polishing is for messages under {MAX_REWRITE_WORDS} words "
            f"(and profiles under {MAX_PROFILE_CHARS:,} characters). Cut it down first: the findings above say where."
        )


def polish(start: Review, model: BaseChatModel, profile: str = "", original: str = "", force: bool = False) -> Polish:
    """Ask the model to polish the fixed draft `start`; show its text only when it passes the gate (one retry)."""
    _check_size(start, profile)
    fixed = Polish(text=start.text, source="fixed", start=start.text, review=start)
    if not start.findings and not force:
        return fixed.model_copy(update={"reason": NOT_ASKED})
    messages = rewrite_prompt(start, profile)
    sources = [start.text, original, profile]
    for attempt in (1, 2):
        candidate = normalize(strip_wrapping(complete(model, messages)))  # straight quotes: "I’m" is not a name
        result, checked = check_polish(candidate, start, sources)
        if result.passed:
            return Polish(text=candidate, source="model", start=start.text, review=checked, candidate=candidate, passed=True, attempts=attempt)
        fixed = fixed.model_copy(update={"candidate": candidate, "reason": result.reason, "attempts": attempt})
    return fixed


def rewrite(draft: Review, model: BaseChatModel, profile: str = "", unsafe: bool = False, force: bool = False) -> Polish:
    """Fix the draft (safe edits, and unsafe ones when asked), then polish the fixed draft through the gate."""
    _check_size(draft, profile)
    fixes = fix_message(draft.text, draft.kind, draft.channel, draft.meeting_date, draft.sent_date, unsafe=unsafe)
    start = review(fixes.fixed, draft.kind, draft.channel, draft.meeting_date, draft.sent_date)
    return polish(start, model, profile, draft.text, force).model_copy(update={"fixes": fixes})
