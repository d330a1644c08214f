"""Contacts and their pipeline: who you talk to, what happened when, and which moves are allowed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from coach.errors import UserInputError

Stage = Literal["to_contact", "reached_out", "replied", "scheduled", "met", "thanked", "keeping_in_touch", "no_reply", "declined"]
EventKind = Literal["reached_out", "followed_up", "replied", "scheduled", "met", "thanked", "keeping_in_touch", "no_reply", "declined"]
Channel = Literal["email", "linkedin", "phone", "in person", "other"]

PIPELINE: tuple[Stage, ...] = ("to_contact", "reached_out", "replied", "scheduled", "met", "thanked", "keeping_in_touch")
STAGES: tuple[Stage, ...] = (*PIPELINE, "no_reply", "declined")
EVENT_KINDS: tuple[EventKind, ...] = ("reached_out", "followed_up", "replied", "scheduled", "met", "thanked", "keeping_in_touch", "no_reply", "declined")
CHANNELS: tuple[Channel, ...] = ("email", "linkedin", "phone", "in person", "other")
LABELS: dict[str, str] = {
    "to_contact": "to contact",
    "reached_out": "reached out",
    "followed_up": "followed up",
    "replied": "replied",
    "scheduled": "scheduled",
    "met": "met",
    "thanked": "thanked",
    "keeping_in_touch": "keeping in touch",
    "no_reply": "no reply",
    "declined": "declined",
}
# A follow-up is a second message of the same outreach: the contact stays "reached out".
EVENT_STAGE: dict[EventKind, Stage] = {
    "reached_out": "reached_out",
    "followed_up": "reached_out",
    "replied": "replied",
    "scheduled": "scheduled",
    "met": "met",
    "thanked": "thanked",
    "keeping_in_touch": "keeping_in_touch",
    "no_reply": "no_reply",
    "declined": "declined",
}
# What may be logged at each stage. Steps may be skipped (you can meet someone at a fair before writing), never undone;
# a late reply after "no reply" is still welcome, and the relationship can always go round again.
ALLOWED: dict[Stage, frozenset[EventKind]] = {
    "to_contact": frozenset({"reached_out", "replied", "scheduled", "met", "declined"}),
    "reached_out": frozenset({"followed_up", "replied", "scheduled", "met", "no_reply", "declined"}),
    "replied": frozenset({"scheduled", "met", "declined"}),
    "scheduled": frozenset({"scheduled", "met", "declined"}),
    "met": frozenset({"thanked", "met"}),
    "thanked": frozenset({"keeping_in_touch", "scheduled", "met"}),
    "keeping_in_touch": frozenset({"keeping_in_touch", "scheduled", "met"}),
    "no_reply": frozenset({"reached_out", "replied", "scheduled", "met", "declined"}),
    "declined": frozenset({"reached_out"}),
}
MAX_FIELD = 2000


class ContactIn(BaseModel):
    """What the user gives for a new contact (a form, a CLI call, a row of an imported file)."""

    name: str = Field(min_length=1, max_length=200)
    role: str = Field(default="", max_length=200)
    organisation: str = Field(default="", max_length=200)
    connection: str = Field(default="", max_length=MAX_FIELD, description="how you found them: the tie the outreach names")
    channel: Channel = "email"
    email: str = Field(default="", max_length=320)
    url: str = Field(default="", max_length=MAX_FIELD)
    notes: str = Field(default="", max_length=MAX_FIELD)
    source: str = "manual"
    connected_on: date | None = None

    @field_validator("name", "role", "organisation", "connection", "email", "url", "notes", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value


def new_contact(**fields: object) -> ContactIn:
    """A validated ContactIn, or a one-line UserInputError naming the first bad field."""
    try:
        return ContactIn.model_validate(fields)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "contact"
        raise UserInputError(f"{where}: {problem['msg']}.") from exc


class Contact(ContactIn):
    """A stored contact of one owner."""

    id: str
    owner: str
    created_at: str
    updated_at: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


class Event(BaseModel):
    """One dated step with a contact; `ref` links it to a saved draft, plan or practice session."""

    id: str
    contact_id: str
    kind: EventKind
    on: date
    note: str = ""
    ref: str = ""
    created_at: str = ""


def stage_after(events: Iterable[Event]) -> Stage:
    """The stage a contact is at after these events (taken in date order, then in the order logged)."""
    stage: Stage = "to_contact"
    for event in sorted(events, key=lambda e: (e.on, e.created_at)):
        stage = EVENT_STAGE[event.kind]
    return stage


def check_move(name: str, events: list[Event], kind: EventKind, on: date) -> None:
    """Raise UserInputError, saying what is possible instead, unless `kind` may be logged on `on` next."""
    if kind not in EVENT_KINDS:
        raise UserInputError(f"Unknown event {kind!r}: use one of {', '.join(EVENT_KINDS)}.")
    current = stage_after(events)
    if kind not in ALLOWED[current]:
        choices = ", ".join(LABELS[k] for k in EVENT_KINDS if k in ALLOWED[current])
        raise UserInputError(f"{name} is at '{LABELS[current]}': '{LABELS[kind]}' cannot come next (possible: {choices}).")
    last = max((event.on for event in events), default=None)
    if last is not None and on < last:
        raise UserInputError(f"{name}'s last event is on {last.isoformat()}: log events in the order they happened (this one is dated {on.isoformat()}).")


class Funnel(BaseModel):
    """How many contacts reached each step (ever), and the two rates that matter."""

    reached_out: int
    replied: int
    met: int
    thanked: int
    reply_rate: float | None
    meeting_rate: float | None


REPLIED_OR_LATER = frozenset({"replied", "scheduled", "met", "thanked", "keeping_in_touch", "declined"})
MET_OR_LATER = frozenset({"met", "thanked", "keeping_in_touch"})


def funnel(events: Iterable[Event], on: date | None = None) -> Funnel:
    """The funnel reached out -> replied -> met -> thanked up to `on`; rates are of the contacts reached out to."""
    kinds: dict[str, set[str]] = {}
    for event in events:
        if on is None or event.on <= on:
            kinds.setdefault(event.contact_id, set()).add(event.kind)
    reached = sum(1 for seen in kinds.values() if "reached_out" in seen)
    replied = sum(1 for seen in kinds.values() if "reached_out" in seen and seen & REPLIED_OR_LATER)
    met = sum(1 for seen in kinds.values() if seen & MET_OR_LATER)
    met_after_outreach = sum(1 for seen in kinds.values() if "reached_out" in seen and seen & MET_OR_LATER)
    thanked = sum(1 for seen in kinds.values() if seen & {"thanked", "keeping_in_touch"})
    return Funnel(
        reached_out=reached,
        replied=replied,
        met=met,
        thanked=thanked,
        reply_rate=replied / reached if reached else None,
        meeting_rate=met_after_outreach / reached if reached else None,
    )
