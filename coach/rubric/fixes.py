"""Fixes: edits a rule proposes on a draft, each with an applicability, applied deterministically.

As in ruff, a fix is *safe* when it keeps the writer's meaning, *unsafe* when it changes what the writer
asks for or says, and *display* when it needs facts only the writer has (it inserts a placeholder and is
never applied on its own). `fix_message` applies the safe edits (and the unsafe ones when asked), one
pass at a time, and keeps an edit only when the draft lints with no finding it did not have before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, cached_property
from typing import Literal, NamedTuple

import yaml
from pydantic import BaseModel

from coach.config import DATA_DIR
from coach.rubric.base import FIXES, Finding, Kind, score
from coach.rubric.lint import READ_LIMIT, lint_message
from coach.rubric.message import Channel, Message, MessageKind, parse
from coach.text import normalize

Applicability = Literal["safe", "unsafe", "display"]
PHRASES_FILE = DATA_DIR / "fix_phrases.yaml"
MAX_PASSES = 8  # a pass applies what it can; the next lints again and fixes what the first one uncovered
TIERS = (0, 1, 2)  # safe edits first, then unsafe rewording, then unsafe cuts: each pass applies one tier


class Edit(BaseModel):
    """Replace text[start:end] (`before`) with `after`, for one rule code."""

    code: str
    applicability: Applicability
    start: int
    end: int
    before: str
    after: str

    def public(self) -> dict:
        """The JSON shape: code, applicability, before, after."""
        return self.model_dump(include={"code", "applicability", "before", "after"})


class Span(NamedTuple):
    """A piece of the draft and where it is."""

    start: int
    end: int
    text: str


Change = tuple[int, int, str]  # what a fixer returns: (start, end, replacement)


@dataclass(frozen=True)
class Fixer:
    """A rule's fix: its applicability, its tier and the function that proposes the changes."""

    kind: Kind
    code: str
    applicability: Applicability
    tier: int
    propose: Callable[[Draft], list[Change]]


FIXERS: dict[tuple[Kind, str], Fixer] = {}
DEFAULT_TIER: dict[str, int] = {"safe": 0, "unsafe": 1, "display": 3}


def fixer(kinds: Kind | Iterable[Kind], code: str, applicability: Applicability, tier: int | None = None) -> Callable:
    """Register a fix for a rule code of one or more kinds."""
    kind_list = [kinds] if isinstance(kinds, str) else list(kinds)

    def register(propose: Callable[[Draft], list[Change]]) -> Callable[[Draft], list[Change]]:
        for kind in kind_list:
            FIXERS[(kind, code)] = Fixer(kind, code, applicability, DEFAULT_TIER[applicability] if tier is None else tier, propose)
            FIXES[(kind, code)] = applicability
        return propose

    return register


@cache
def phrases() -> dict:
    """The fixed phrases fixes may add (coach/data/fix_phrases.yaml)."""
    return yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))


def _flexible(text: str) -> re.Pattern[str]:
    """A pattern for text with any run of whitespace between its tokens."""
    return re.compile(r"\s+".join(re.escape(token) for token in text.split()))


@dataclass(frozen=True)
class Draft:
    """A normalised draft, parsed as the rules read it, with its sentences located in the text."""

    text: str
    message: Message
    findings: tuple[Finding, ...]

    @cached_property
    def codes(self) -> frozenset[str]:
        """The codes that fire on the draft."""
        return frozenset(f.code for f in self.findings)

    @cached_property
    def subject_line(self) -> Span | None:
        """The "Subject:" line, when the draft opens with one."""
        match = re.match(r"[ \t]*subject[ \t]*:[^\n]*", self.text, re.IGNORECASE)
        return Span(match.start(), match.end(), match.group(0)) if match and self.message.subject is not None else None

    @cached_property
    def body_start(self) -> int:
        """Where the greeting (or the first line of the body) starts."""
        after = self.subject_line.end if self.subject_line else 0
        rest = self.text[after:]
        return after + len(rest) - len(rest.lstrip())

    @cached_property
    def greeting(self) -> Span | None:
        """The salutation, located."""
        if not self.message.greeting:
            return None
        found = _flexible(self.message.greeting).search(self.text, self.body_start)
        return Span(found.start(), found.end(), found.group(0)) if found else None

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The content sentences (no greeting, no signature), each located in order."""
        cursor = self.greeting.end if self.greeting else self.body_start
        located = []
        for sentence in self.message.sentences:
            found = _flexible(sentence).search(self.text, cursor)
            if found is None:
                continue  # a sentence the splitter rejoined differently: its fixes are skipped
            located.append(Span(found.start(), found.end(), found.group(0)))
            cursor = found.end()
        return tuple(located)

    @cached_property
    def closing_start(self) -> int | None:
        """Where the closing line starts, when there is one."""
        if not self.message.closing:
            return None
        last = self.sentences[-1].end if self.sentences else self.body_start
        found = re.compile(rf"^[ \t]*{re.escape(self.message.closing)}", re.MULTILINE).search(self.text, last)
        return found.start() if found else None

    def relint(self, changes: Sequence[Change]) -> frozenset[str]:
        """The codes that fire once these changes are made."""
        return frozenset(f.code for f in lint_draft(apply_changes(self.text, changes), self.message).findings)


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """Text with non-overlapping changes made (later overlapping ones are dropped), blank-line runs collapsed."""
    kept: list[Change] = []
    # At one position, a line of its own (a subject, a greeting) goes before text that continues the line.
    for change in sorted(changes, key=lambda c: (c[0], c[1], not c[2].endswith("\n"))):
        if any(change[0] < end and start < change[1] for start, end, _ in kept):
            continue
        kept.append(change)
    pieces, cursor = [], 0
    for start, end, after in kept:
        pieces += [text[cursor:start], after]
        cursor = end
    joined = re.sub(r"[ \t]+(?=\n|$)", "", "".join(pieces) + text[cursor:])
    return re.sub(r"\n\n\n+", "\n\n", joined)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The draft with the edits made, in a deterministic order; an edit overlapping an earlier one is skipped."""
    return apply_changes(text, [(e.start, e.end, e.after) for e in edits])


def lint_draft(text: str, like: Message) -> Draft:
    """A draft of the same kind, channel and dates as `like`, linted."""
    message = parse(text, like.kind, like.channel, like.meeting_date, like.sent_date)
    return Draft(text, message, tuple(lint_message(message)))


def make_draft(
    text: str, kind: MessageKind, channel: Channel = "email", meeting_date: date | datetime | str | None = None, sent_date: date | datetime | str | None = None
) -> Draft:
    """The normalised, linted draft fixes are computed on."""
    base = normalize(text)
    return lint_draft(base, parse(base, kind, channel, meeting_date, sent_date))


def _fixers() -> dict[tuple[Kind, str], Fixer]:
    from coach.rubric import fixers  # noqa: F401  (importing registers every fix)

    return FIXERS


def proposed(draft: Draft, tiers: Iterable[int]) -> list[Edit]:
    """The edits the fixes of the draft's findings propose, tier by tier, in the rules' order."""
    registry = _fixers()
    wanted = set(tiers)
    edits: list[Edit] = []
    for tier in sorted(wanted):
        for found in draft.findings:
            fix = registry.get((draft.message.kind, found.code))
            if fix is None or fix.tier != tier:
                continue
            for start, end, after in fix.propose(draft):
                edits.append(Edit(code=fix.code, applicability=fix.applicability, start=start, end=end, before=draft.text[start:end], after=after))
    return edits


def choose(draft: Draft, edits: Iterable[Edit], allowed: frozenset[str]) -> list[Edit]:
    """The edits that do not overlap an earlier one and bring no finding outside `allowed`."""
    chosen: list[Edit] = []
    for edit in edits:
        if any(edit.start < c.end and c.start < edit.end for c in chosen):
            continue
        if draft.relint([(e.start, e.end, e.after) for e in [*chosen, edit]]) <= allowed:
            chosen.append(edit)
    return chosen


def with_repairs(draft: Draft, edit: Edit, allowed: frozenset[str]) -> tuple[Draft, list[Edit]] | None:
    """An edit that brings a new finding, and the safe edits that clear it again ("Could you refer me...?" gone
    leaves a statement ask: it becomes a question); None when they cannot."""
    trial = lint_draft(apply_edits(draft.text, [edit]), draft.message)
    new = trial.codes - allowed
    if not new:
        return trial, [edit]
    repairs = choose(trial, [e for e in proposed(trial, [0]) if e.code in new], allowed | new)
    repaired = lint_draft(apply_edits(trial.text, repairs), trial.message) if repairs else trial
    return (repaired, [edit, *repairs]) if repairs and repaired.codes <= allowed else None


class FixResult(BaseModel):
    """A draft, the draft with its fixes made, the edits made, what is left, and suggestions for the writer."""

    kind: MessageKind
    channel: Channel
    text: str  # the draft the edits read (normalised: straight quotes, \n line ends)
    fixed: str
    edits: list[Edit]  # applied in order; each one's before/after are on the text of its pass
    findings: list[Finding]  # what still fires on the fixed draft
    suggestions: list[Edit] = []  # on the fixed draft: placeholders, and unsafe edits when they were not asked for

    @property
    def score(self) -> int:
        """The rubric's score of the fixed draft."""
        return score(self.findings)

    def public(self) -> dict:
        """What `coach review --fix --json` adds to the review."""
        return {"fixed": self.fixed, "edits": [e.public() for e in self.edits]}


def fix_message(
    text: str,
    kind: MessageKind,
    channel: Channel = "email",
    meeting_date: date | datetime | str | None = None,
    sent_date: date | datetime | str | None = None,
    unsafe: bool = False,
) -> FixResult:
    """Lint, apply the fixes' safe edits (and unsafe ones when asked) pass by pass, lint again."""
    draft = make_draft(text, kind, channel, meeting_date, sent_date)
    if len(draft.text) > READ_LIMIT:  # a pasted book: report it, do not search it for cuts
        return FixResult(kind=kind, channel=channel, text=draft.text, fixed=draft.text, edits=[], findings=list(draft.findings))
    allowed = draft.codes
    tiers = [t for t in TIERS if t == 0 or unsafe]
    current, applied = draft, []
    for _ in range(MAX_PASSES):
        chosen: list[Edit] = []
        for tier in tiers:
            chosen = choose(current, proposed(current, [tier]), allowed)
            if chosen:
                break
        if chosen:
            applied += sorted(chosen, key=lambda e: e.start)
            current = lint_draft(apply_edits(current.text, chosen), current.message)
            continue
        repaired = next((r for e in proposed(current, tiers) if (r := with_repairs(current, e, allowed))), None)
        if repaired is None:
            break
        current, edits = repaired
        applied += edits
    left = [e for e in proposed(current, [1, 2, 3]) if e.applicability == "display" or not unsafe]
    return FixResult(kind=kind, channel=channel, text=draft.text, fixed=current.text, edits=applied, findings=list(current.findings), suggestions=left)


def suggest(
    text: str,
    kind: MessageKind,
    channel: Channel = "email",
    meeting_date: date | datetime | str | None = None,
    sent_date: date | datetime | str | None = None,
) -> tuple[str, list[Edit]]:
    """One pass of every fix on the draft itself, for a writer to accept or reject edit by edit.

    Returns the normalised draft the edits apply to, and non-overlapping edits (safe first, then unsafe, then
    display), each of which brings no new finding on its own.
    """
    draft = make_draft(text, kind, channel, meeting_date, sent_date)
    if len(draft.text) > READ_LIMIT:
        return draft.text, []
    edits: list[Edit] = []
    for edit in proposed(draft, [*TIERS, 3]):
        if any(edit.start < e.end and e.start < edit.end for e in edits):
            continue
        # An edit whose new finding a later safe edit clears is offered too: the next round offers the repair.
        if edit.applicability == "display" or with_repairs(draft, edit, draft.codes):
            edits.append(edit)
    return draft.text, sorted(edits, key=lambda e: (e.start, e.end))
