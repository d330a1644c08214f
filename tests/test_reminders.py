"""Every reminder rule on fixed dates: weekdays, weekends, a year end and 29 February."""

from __future__ import annotations

import inspect
from datetime import date
from itertools import count

import pytest

from coach import reminders
from coach.contacts import Contact, Event
from coach.reminders import RULES, business_days_after, business_days_between, due_reminders, follow_up_draft, open_reminders, week_ahead

_ids = count()


def person(name: str = "Ana Lindqvist", organisation: str = "Fernhill Analytics", **extra) -> Contact:
    return Contact(
        id=f"c{next(_ids)}",
        owner="me",
        name=name,
        organisation=organisation,
        role="Data Scientist",
        connection="We are both alumni of Lakeside College",
        created_at="0",
        updated_at="0",
        **extra,
    )


def event(contact: Contact, kind: str, on: date) -> Event:
    return Event(id=f"e{next(_ids)}", contact_id=contact.id, kind=kind, on=on, created_at=f"{next(_ids):06d}")


def rules_on(contacts, events, on, **kwargs) -> dict[str, str]:
    """rule -> status of what applies on a day."""
    return {r.rule: r.status for r in open_reminders(contacts, events, on, **kwargs)}


@pytest.mark.parametrize(
    ("sent", "three", "seven"),
    [
        (date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 11)),  # Monday: Thursday, then the Wednesday after
        (date(2026, 3, 6), date(2026, 3, 11), date(2026, 3, 17)),  # Friday: the weekend does not count
        (date(2026, 3, 7), date(2026, 3, 12), date(2026, 3, 18)),  # Saturday: counted from the Monday
        (date(2026, 3, 8), date(2026, 3, 12), date(2026, 3, 18)),  # Sunday: likewise
        (date(2025, 12, 31), date(2026, 1, 5), date(2026, 1, 9)),  # a year end
        (date(2028, 2, 29), date(2028, 3, 3), date(2028, 3, 9)),  # 29 February of a leap year
        (date(2028, 2, 28), date(2028, 3, 2), date(2028, 3, 8)),  # the day before it: 29 February is a business day
    ],
)
def test_3b7_dates(sent: date, three: date, seven: date):
    assert business_days_after(sent, 3) == three
    assert business_days_after(sent, 7) == seven
    ana = person()
    found = {r.rule: r for r in open_reminders([ana], [event(ana, "reached_out", sent)], sent)}
    assert (found["3B"].due_on, found["3B"].until, found["7B"].due_on) == (three, seven, seven)


def test_business_days_are_numpys_not_a_loop():
    assert "np.busday_offset" in inspect.getsource(reminders.business_days_after)
    assert "np.busday_count" in inspect.getsource(reminders.business_days_between)
    assert business_days_between(date(2026, 3, 2), date(2026, 3, 11)) == 7


def test_a_holiday_pushes_the_routine_back():
    assert business_days_after(date(2025, 12, 31), 3, holidays=[date(2026, 1, 1)]) == date(2026, 1, 6)


def test_monday_outreach_day_by_day():
    ana, bo = person(), person("Bo Ferreira")
    events = [event(ana, "reached_out", date(2026, 3, 2))]
    assert due_reminders([ana, bo], events, date(2026, 3, 4)) == []
    assert [r.rule for r in week_ahead([ana, bo], events, date(2026, 3, 4))] == ["3B"]
    on_thursday = due_reminders([ana, bo], events, date(2026, 3, 5))
    assert [(r.rule, r.status) for r in on_thursday] == [("3B", "due")]
    assert on_thursday[0].next_contact_id == bo.id and "Bo Ferreira at Fernhill Analytics" in on_thursday[0].message
    assert rules_on([ana, bo], events, date(2026, 3, 10)) == {"3B": "due", "7B": "upcoming"}
    on_wednesday = due_reminders([ana, bo], events, date(2026, 3, 11))
    assert [(r.rule, r.status) for r in on_wednesday] == [("7B", "due")]
    assert on_wednesday[0].draft_kind == "outreach" and on_wednesday[0].draft_score == 100


def test_next_contact_prefers_the_same_organisation_then_the_list():
    ana, cy, bo = person(), person("Cy Okafor", "Tidewater Labs"), person("Bo Ferreira")
    events = [event(ana, "reached_out", date(2026, 3, 2))]
    assert due_reminders([ana, cy, bo], events, date(2026, 3, 5))[0].next_contact_id == bo.id
    alone = person("Di Marsh", "Northgate Studio")
    found = due_reminders([alone, cy], [event(alone, "reached_out", date(2026, 3, 2))], date(2026, 3, 5))
    assert found[0].next_contact_id == cy.id and "Cy Okafor next" in found[0].message
    nobody = due_reminders([alone], [event(alone, "reached_out", date(2026, 3, 2))], date(2026, 3, 5))
    assert nobody[0].next_contact_id is None and "add and reach out to another contact" in nobody[0].message


def test_3b_is_done_once_someone_else_is_written_to():
    ana, bo = person(), person("Bo Ferreira")
    events = [event(ana, "reached_out", date(2026, 3, 2)), event(bo, "reached_out", date(2026, 3, 5))]
    found = open_reminders([ana, bo], events, date(2026, 3, 6))
    assert [(r.rule, r.contact_name) for r in found] == [("3B", "Bo Ferreira"), ("7B", "Ana Lindqvist"), ("7B", "Bo Ferreira")]


def test_a_reply_or_a_follow_up_ends_the_routine():
    ana = person()
    sent = event(ana, "reached_out", date(2026, 3, 2))
    assert rules_on([ana], [sent, event(ana, "replied", date(2026, 3, 4))], date(2026, 3, 11)) == {}
    followed = [sent, event(ana, "followed_up", date(2026, 3, 11))]
    assert "7B" not in rules_on([ana], followed, date(2026, 3, 12))
    assert rules_on([ana], [sent, event(ana, "no_reply", date(2026, 3, 20))], date(2026, 3, 20)) == {}


def test_events_after_the_day_are_not_known_yet():
    ana = person()
    events = [event(ana, "reached_out", date(2026, 3, 2)), event(ana, "replied", date(2026, 3, 12))]
    assert rules_on([ana], events, date(2026, 3, 11)) == {"7B": "due"}


@pytest.mark.parametrize(
    ("met", "deadline_day", "overdue_from"),
    [
        (date(2026, 3, 4), date(2026, 3, 6), date(2026, 3, 7)),  # a Wednesday
        (date(2026, 3, 7), date(2026, 3, 9), date(2026, 3, 10)),  # a Saturday: calendar days, like the `late` rule
        (date(2025, 12, 31), date(2026, 1, 2), date(2026, 1, 3)),  # a year end
        (date(2028, 2, 28), date(2028, 3, 1), date(2028, 3, 2)),  # across 29 February
        (date(2028, 2, 29), date(2028, 3, 2), date(2028, 3, 3)),  # on 29 February
    ],
)
def test_thank_you_due_then_overdue_after_two_days(met: date, deadline_day: date, overdue_from: date):
    ana = person()
    events = [event(ana, "met", met)]
    assert rules_on([ana], events, met) == {"thank-you": "due"}
    assert rules_on([ana], events, deadline_day) == {"thank-you": "due"}  # 2 days after is still on time
    assert rules_on([ana], events, overdue_from) == {"thank-you": "overdue"}
    assert rules_on([ana], [*events, event(ana, "thanked", met)], overdue_from) == {"keep-in-touch": "upcoming"}


@pytest.mark.parametrize(
    ("thanked", "soonest", "latest"),
    [
        (date(2026, 3, 3), date(2026, 3, 31), date(2026, 4, 28)),
        (date(2025, 12, 20), date(2026, 1, 17), date(2026, 2, 14)),  # a year end, and a Saturday
        (date(2028, 2, 29), date(2028, 3, 28), date(2028, 4, 25)),  # 29 February
        (date(2028, 1, 31), date(2028, 2, 28), date(2028, 3, 27)),  # 8 weeks across 29 February
    ],
)
def test_keep_in_touch_four_to_eight_weeks_after_thanking(thanked: date, soonest: date, latest: date):
    ana = person()
    events = [event(ana, "met", thanked), event(ana, "thanked", thanked)]
    assert rules_on([ana], events, soonest.fromordinal(soonest.toordinal() - 1)) == {"keep-in-touch": "upcoming"}
    assert rules_on([ana], events, soonest) == {"keep-in-touch": "due"}
    assert rules_on([ana], events, latest) == {"keep-in-touch": "due"}
    assert rules_on([ana], events, latest.fromordinal(latest.toordinal() + 1)) == {"keep-in-touch": "overdue"}
    reminder = open_reminders([ana], events, soonest)[0]
    assert reminder.draft and "Hi Ana" in reminder.draft and "[what you did]" in reminder.draft


def test_keeping_in_touch_starts_the_next_round():
    ana = person()
    events = [event(ana, "met", date(2026, 3, 2)), event(ana, "thanked", date(2026, 3, 3)), event(ana, "keeping_in_touch", date(2026, 4, 1))]
    assert open_reminders([ana], events, date(2026, 4, 1))[0].due_on == date(2026, 4, 29)


def test_oldest_first_and_every_item_names_its_rule():
    ana, bo, cy = person(), person("Bo Ferreira", "Tidewater Labs"), person("Cy Okafor", "Northgate Studio")
    events = [
        event(bo, "met", date(2026, 3, 9)),
        event(ana, "reached_out", date(2026, 3, 2)),
        event(cy, "met", date(2026, 2, 2)),
        event(cy, "thanked", date(2026, 2, 3)),
    ]
    found = due_reminders([ana, bo, cy], events, date(2026, 3, 11))
    assert [(r.rule, r.contact_name) for r in found] == [("keep-in-touch", "Cy Okafor"), ("thank-you", "Bo Ferreira"), ("7B", "Ana Lindqvist")]
    assert [r.due_on for r in found] == sorted(r.due_on for r in found)
    assert all(r.why == RULES[r.rule] for r in found)


@pytest.mark.parametrize(
    ("channel", "connection", "role", "expected"),
    [
        ("email", "We are both alumni of Lakeside College", "Data Scientist", []),
        ("linkedin", "We are both alumni of Lakeside College", "Data Scientist", []),
        ("email", "", "", ["no-connection", "vague-interest"]),  # the lint says what the contact record lacks
    ],
)
def test_follow_up_draft_is_linted_as_outreach(channel: str, connection: str, role: str, expected: list[str]):
    from coach.review import review

    ana = person(channel=channel).model_copy(update={"connection": connection, "role": role})
    draft = follow_up_draft(ana, date(2026, 3, 2))
    assert "March 2" in draft and "15 minutes" in draft
    found = due_reminders([ana], [event(ana, "reached_out", date(2026, 3, 2))], date(2026, 3, 11))[0]
    assert found.draft == draft
    assert found.draft_findings == [f.code for f in review(draft, "outreach", channel).findings] == expected
