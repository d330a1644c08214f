"""Reminders computed from a contact's dated events: thank within a day, the 3B7 routine, keep in touch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Literal

import numpy as np
from pydantic import BaseModel

from coach.contacts import Contact, Event, stage_after
from coach.rubric.lexicon import LATE_AFTER_DAYS

Rule = Literal["thank-you", "3B", "7B", "keep-in-touch"]
Status = Literal["upcoming", "due", "overdue"]

THANK_WITHIN_DAYS = 1  # "within 24 hours" of the meeting, counted in calendar days like the `late` rule
NEXT_CONTACT_BUSINESS_DAYS = 3
FOLLOW_UP_BUSINESS_DAYS = 7
KEEP_IN_TOUCH_WEEKS = (4, 8)
RULES: dict[str, str] = {
    "thank-you": "Thank them within 24 hours of meeting; more than 2 days after is late (the rubric's `late` rule).",
    "3B": "3 business days after an outreach with no reply, reach out to the next contact at the same organisation "
    "or on your list (the 3B7 routine of The 2-Hour Job Search).",
    "7B": "7 business days after an outreach with no reply, send one polite follow-up (the 3B7 routine).",
    "keep-in-touch": "4 to 8 weeks after thanking them, tell them how you used their advice.",
}


class Reminder(BaseModel):
    """One thing to do for one contact, the rule that made it due, and a draft where the rule offers one."""

    rule: Rule
    contact_id: str
    contact_name: str
    organisation: str = ""
    since: date  # the event the rule counts from
    due_on: date
    until: date | None = None  # the day it stops applying (exclusive), e.g. when 7B replaces 3B
    overdue_on: date | None = None
    status: Status = "upcoming"
    message: str
    why: str
    draft: str | None = None
    draft_kind: Literal["outreach", "thank-you"] | None = None
    draft_score: int | None = None
    draft_findings: list[str] = []
    next_contact_id: str | None = None

    def status_on(self, on: date) -> Status | None:
        """Upcoming, due or overdue on a day; None once the rule no longer applies."""
        if self.until is not None and on >= self.until:
            return None
        if on < self.due_on:
            return "upcoming"
        return "overdue" if self.overdue_on is not None and on >= self.overdue_on else "due"


def business_days_after(start: date, days: int, holidays: Sequence[date] = ()) -> date:
    """The business day `days` business days after start (an outreach on a weekend counts from the Monday)."""
    shifted = np.busday_offset(np.datetime64(start, "D"), days, roll="forward", holidays=_days(holidays))
    return shifted.astype("datetime64[D]").item()


def business_days_between(start: date, end: date, holidays: Sequence[date] = ()) -> int:
    """Business days from start (included) to end (excluded)."""
    return int(np.busday_count(np.datetime64(start, "D"), np.datetime64(end, "D"), holidays=_days(holidays)))


def _days(holidays: Sequence[date]) -> np.ndarray:
    return np.array(list(holidays), dtype="datetime64[D]")


def open_reminders(contacts: Sequence[Contact], events: Iterable[Event], on: date, holidays: Sequence[date] = ()) -> list[Reminder]:
    """Every reminder that applies on `on` (upcoming, due or overdue), from events dated up to `on`, oldest first."""
    known = [event for event in events if event.on <= on]
    by_contact: dict[str, list[Event]] = {}
    for event in known:
        by_contact.setdefault(event.contact_id, []).append(event)
    found: list[Reminder] = []
    for contact in contacts:
        history = sorted(by_contact.get(contact.id, []), key=lambda e: (e.on, e.created_at))
        for reminder in _rules_for(contact, history, contacts, by_contact, holidays):
            status = reminder.status_on(on)
            if status is not None:
                found.append(reminder.model_copy(update={"status": status}))
    return sorted(found, key=lambda r: (r.due_on, r.since, r.contact_name, r.rule))


def due_reminders(contacts: Sequence[Contact], events: Iterable[Event], on: date, holidays: Sequence[date] = ()) -> list[Reminder]:
    """What is due or overdue on `on`, oldest first."""
    return [r for r in open_reminders(contacts, events, on, holidays) if r.status != "upcoming"]


def week_ahead(contacts: Sequence[Contact], events: Iterable[Event], on: date, holidays: Sequence[date] = ()) -> list[Reminder]:
    """What becomes due in the 6 days after `on` (not yet due on `on`)."""
    end = on + timedelta(days=6)
    return [r for r in open_reminders(contacts, events, on, holidays) if r.status == "upcoming" and r.due_on <= end]


def _rules_for(
    contact: Contact, history: list[Event], contacts: Sequence[Contact], by_contact: dict[str, list[Event]], holidays: Sequence[date]
) -> list[Reminder]:
    """The reminders one contact's history gives rise to, whatever the day."""
    if not history:
        return []
    stage = stage_after(history)
    last = history[-1]
    if stage == "met":
        return [_thank_you(contact, last.on)]
    if stage in ("thanked", "keeping_in_touch"):
        return [_keep_in_touch(contact, last.on)]
    if stage == "reached_out":
        outreach = max(e.on for e in history if e.kind == "reached_out")
        followed_up = any(e.kind == "followed_up" and e.on >= outreach for e in history)
        return _three_b_seven(contact, outreach, followed_up, contacts, by_contact, holidays)
    return []


def _base(contact: Contact, rule: Rule, since: date) -> dict:
    return {"rule": rule, "contact_id": contact.id, "contact_name": contact.name, "organisation": contact.organisation, "since": since, "why": RULES[rule]}


def _thank_you(contact: Contact, met: date) -> Reminder:
    return Reminder(
        **_base(contact, "thank-you", met),
        due_on=met,
        overdue_on=met + timedelta(days=LATE_AFTER_DAYS + 1),
        message=f"Thank {contact.name} for meeting on {met.isoformat()}: send it by {(met + timedelta(days=THANK_WITHIN_DAYS)).isoformat()}.",
    )


def _keep_in_touch(contact: Contact, thanked: date) -> Reminder:
    soonest, latest = (thanked + timedelta(weeks=weeks) for weeks in KEEP_IN_TOUCH_WEEKS)
    return Reminder(
        **_base(contact, "keep-in-touch", thanked),
        due_on=soonest,
        overdue_on=latest + timedelta(days=1),
        message=f"Tell {contact.name} how you used their advice (between {soonest.isoformat()} and {latest.isoformat()}).",
        draft=keep_in_touch_draft(contact, thanked),
        draft_kind=None,
    )


def _three_b_seven(
    contact: Contact, outreach: date, followed_up: bool, contacts: Sequence[Contact], by_contact: dict[str, list[Event]], holidays: Sequence[date]
) -> list[Reminder]:
    three = business_days_after(outreach, NEXT_CONTACT_BUSINESS_DAYS, holidays)
    seven = business_days_after(outreach, FOLLOW_UP_BUSINESS_DAYS, holidays)
    found = []
    someone_else_since = any(e.kind == "reached_out" and e.on > outreach for cid, history in by_contact.items() if cid != contact.id for e in history)
    if not someone_else_since:
        nxt = next_contact(contact, contacts, by_contact)
        where = f" at {contact.organisation}" if nxt is not None and nxt.organisation == contact.organisation else ""
        advice = (
            f"reach out to {nxt.name}{where} next"
            if nxt is not None
            else f"add and reach out to another contact{' at ' + contact.organisation if contact.organisation else ''}"
        )
        found.append(
            Reminder(
                **_base(contact, "3B", outreach),
                due_on=three,
                until=seven,
                next_contact_id=nxt.id if nxt is not None else None,
                message=f"No reply from {contact.name} 3 business days after {outreach.isoformat()}: {advice}.",
            )
        )
    if not followed_up:
        draft = follow_up_draft(contact, outreach)
        found.append(
            _linted(
                Reminder(
                    **_base(contact, "7B", outreach),
                    due_on=seven,
                    draft=draft,
                    draft_kind="outreach",
                    message=f"No reply from {contact.name} 7 business days after {outreach.isoformat()}: send one polite follow-up.",
                ),
                contact,
            )
        )
    return found


def next_contact(contact: Contact, contacts: Sequence[Contact], by_contact: dict[str, list[Event]]) -> Contact | None:
    """The first contact not yet written to: at the same organisation if there is one, else the next on the list."""
    untouched = [c for c in contacts if c.id != contact.id and not by_contact.get(c.id)]
    same_place = [c for c in untouched if contact.organisation and c.organisation.casefold() == contact.organisation.casefold()]
    found = same_place or untouched
    return found[0] if found else None


def follow_up_draft(contact: Contact, outreach: date) -> str:
    """One short, polite follow-up to an unanswered outreach, in the outreach rubric's shape."""
    about = f"your work as {contact.role}" if contact.role else "your work"
    place = f" at {contact.organisation}" if contact.organisation else ""
    tie = f"{contact.connection.rstrip('.')}. " if contact.connection else ""
    ask = f"Would you have 15 minutes in the next two weeks for a short call about {about}{place}?"
    if contact.channel == "linkedin":  # a LinkedIn message has no subject and must stay short
        return f"Hi {contact.first_name}, {tie}Following up on my note of {_day(outreach)}: {ask[0].lower()}{ask[1:]}\n\nThank you,\n[Your name]"
    return (
        f"Subject: Following up: 15 minutes on {about}\n\nHi {contact.first_name},\n\n{tie}You may have missed my note of "
        f"{_day(outreach)}, so here it is once more, briefly. {ask}\n\nThank you,\n[Your name]"
    )


def keep_in_touch_draft(contact: Contact, thanked: date) -> str:
    """A short update that tells them what their advice led to; the brackets are for the student to fill."""
    return (
        f"Subject: How your advice helped\n\nHi {contact.first_name},\n\nThank you again for our conversation"
        f" on {_day(thanked)}. You suggested [their advice]. I took it: [what you did], and [what came of it].\n\n"
        f"I hope things are going well{' at ' + contact.organisation if contact.organisation else ''}.\n\n"
        f"Best,\n[Your name]"
    )


def _day(day: date) -> str:
    """A date as a person writes it in a message: "March 2"."""
    return f"{day.strftime('%B')} {day.day}"


def _linted(reminder: Reminder, contact: Contact) -> Reminder:
    """The reminder with its draft's rubric score and finding codes (the draft is linted as an outreach)."""
    from coach.review import review

    channel: Literal["email", "linkedin"] = "linkedin" if contact.channel == "linkedin" else "email"
    result = review(reminder.draft or "", "outreach", channel)
    return reminder.model_copy(update={"draft_score": result.score, "draft_findings": [f.code for f in result.findings]})
