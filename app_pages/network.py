"""Network: your contacts, what is due today and this week, the funnel, the target list, import and export."""

from __future__ import annotations

from datetime import date

import streamlit as st

from app_pages import _state
from app_pages._network_ui import contacts
from app_pages._widgets import attempt, escape, flash, show_flashes
from coach.contacts import CHANNELS, EVENT_KINDS, LABELS, new_contact, stage_after
from coach.errors import CoachError
from coach.reminders import RULES, Reminder
from coach.targets import TargetIn

state = st.session_state
services, people = _state.services(), contacts()
TABLE_COLUMNS = ("name", "role", "organisation", "connection", "channel", "email", "url", "notes")


def reminder_card(reminder: Reminder) -> None:
    """One reminder: its rule, what to do, why, and the draft it offers."""
    with st.container(border=True):
        flag = (
            ":red-badge[overdue]"
            if reminder.status == "overdue"
            else (":orange-badge[due]" if reminder.status == "due" else f":blue-badge[{reminder.due_on.isoformat()}]")
        )
        st.markdown(f"{flag} **`{reminder.rule}`** {escape(reminder.message)}")
        st.caption(RULES[reminder.rule])
        if reminder.draft:
            score = f" · outreach rubric {reminder.draft_score}/100" if reminder.draft_score is not None else ""
            codes = f" ({', '.join(reminder.draft_findings)})" if reminder.draft_findings else ""
            with st.expander(f"Draft{score}{codes}"):
                st.code(reminder.draft, language=None, wrap_lines=True)


def save_edits(rows: list[dict]) -> None:
    """Apply the table's edits to the store, one contact at a time; a bad value is reported, not saved."""
    edits = state.get("network_table", {}).get("edited_rows", {})
    for index, changes in edits.items():
        contact_id = rows[int(index)]["id"]
        try:
            people.update_contact(contact_id, **{k: ("" if v is None else v) for k, v in changes.items()})
        except (CoachError, ValueError) as exc:
            flash(f"Not saved for {rows[int(index)]['name']}: {str(exc).splitlines()[0]}", "error")


def add_contact_form() -> None:
    with st.form("network_add", clear_on_submit=True):
        st.markdown("**Add a contact**")
        name, role = st.columns(2)
        fields = {"name": name.text_input("Name"), "role": role.text_input("Role")}
        organisation, channel = st.columns(2)
        fields["organisation"] = organisation.text_input("Organisation")
        fields["channel"] = channel.selectbox("Channel", CHANNELS)
        fields["connection"] = st.text_input("How you found them", help="The tie your outreach will name: alumni, a talk they gave, a mutual contact.")
        email, url = st.columns(2)
        fields["email"], fields["url"] = email.text_input("E-mail"), url.text_input("Profile URL")
        if st.form_submit_button("Add contact", icon=":material/person_add:"):
            added = attempt(lambda: people.add_contact(new_contact(**fields)))
            if added is not None:
                flash(f"Added {added.name}.")
                st.rerun()


def log_event_form(on: date) -> None:
    everyone = people.list_contacts()
    if not everyone:
        return
    names = {person.id: person.name + (f" ({person.organisation})" if person.organisation else "") for person in everyone}
    with st.form("network_log"):
        st.markdown("**Log an event**")
        who, what, when = st.columns([2, 2, 1])
        contact_id = who.selectbox("Contact", list(names), format_func=names.get)
        kind = what.selectbox("Event", EVENT_KINDS, format_func=LABELS.get)
        day = when.date_input("Date", value=on, key="network_log_on")
        note = st.text_input("Note (optional)")
        if st.form_submit_button("Log event", icon=":material/event_available:"):
            if attempt(people.log_event, contact_id, kind, day, note) is not None:
                flash(f"Logged: {names[contact_id]}, {LABELS[kind]} on {day.isoformat()}.")
                st.rerun()


def funnel_view(on: date) -> None:
    funnel = services.funnel(people, on)
    steps = {"reached out": funnel.reached_out, "replied": funnel.replied, "met": funnel.met, "thanked": funnel.thanked}
    replies, meetings = st.columns(2)
    replies.metric("Reply rate", "–" if funnel.reply_rate is None else f"{funnel.reply_rate:.0%}")
    meetings.metric("Meeting rate", "–" if funnel.meeting_rate is None else f"{funnel.meeting_rate:.0%}")
    st.bar_chart(
        {"contacts": steps},
        horizontal=True,
        sort=False,
        x_label="step",
        y_label="contacts",
        alt="Funnel: " + ", ".join(f"{step} {count}" for step, count in steps.items()),
    )


def contacts_table() -> None:
    events = people.events()
    rows = [
        {"id": c.id, **{name: getattr(c, name) for name in TABLE_COLUMNS}, "stage": LABELS[stage_after(e for e in events if e.contact_id == c.id)]}
        for c in people.list_contacts()
    ]
    if not rows:
        st.info("No contacts yet: add one below, or import LinkedIn's Connections.csv.")
        return
    st.data_editor(
        rows,
        key="network_table",
        on_change=save_edits,
        args=(rows,),
        hide_index=True,
        disabled=("id", "stage"),
        column_order=(*TABLE_COLUMNS, "stage"),
        column_config={"channel": st.column_config.SelectboxColumn("channel", options=CHANNELS)},
    )


def targets_view() -> None:
    with st.expander("Target list (LAMP: Alumni, Motivation, Posting)", icon=":material/flag:"):
        with st.form("network_target", clear_on_submit=True):
            organisation, role = st.columns(2)
            fields = {"organisation": organisation.text_input("Organisation"), "role": role.text_input("Role there")}
            alumni, motivation, posting = st.columns(3)
            fields["alumni"] = alumni.checkbox("Alumni there")
            fields["motivation"] = motivation.select_slider("Motivation", options=[1, 2, 3], value=2)
            fields["posting"] = posting.checkbox("Hiring in your field")
            if st.form_submit_button("Add target", icon=":material/add:"):
                if attempt(lambda: people.add_target(TargetIn(**fields))) is not None:
                    st.rerun()
        for entry in attempt(services.targets, people, spinner="Matching role notes…") or []:
            target = entry.target
            lamp = f"A {'yes' if target.alumni else 'no'} · M {target.motivation} · P {'yes' if target.posting else 'no'}"
            notes = ", ".join(f"`{note.path}`" for note in entry.notes) or "no matching note"
            st.markdown(
                f"{entry.rank}. **{escape(target.organisation or target.role)}**"
                f"{' · ' + escape(target.role) if target.organisation and target.role else ''} ({lamp})  \n"
                f"Notes: {notes}"
            )


def import_export(on: date) -> None:
    with st.expander("Import and export", icon=":material/import_export:"):
        upload = st.file_uploader("LinkedIn Connections.csv or a CSV with a Name column", type=["csv"])
        if upload is not None and st.button("Import contacts", icon=":material/upload:"):
            outcome = attempt(services.import_contacts, people, upload.getvalue(), upload.name)
            if outcome is not None:
                result, added = outcome
                flash(f"{upload.name} ({result.format}): {added} added, {len(result.contacts) - added} already known.")
                st.rerun()
        csv_file, calendar = st.columns(2)
        csv_file.download_button(
            "Contacts (.csv)", services.export_contacts(people), file_name="contacts.csv", mime="text/csv", on_click="ignore", icon=":material/download:"
        )
        calendar.download_button(
            "Reminders (.ics)",
            services.reminders_calendar(people, on),
            file_name="reminders.ics",
            mime="text/calendar",
            on_click="ignore",
            icon=":material/calendar_month:",
        )


st.title("Network")
show_flashes()
on = st.date_input("As of", value="today", key="network_on", help="See what is due on another day.")
reminders = attempt(services.reminders, people, on) or []
due = [r for r in reminders if r.status != "upcoming"]
week = [r for r in reminders if r.status == "upcoming" and (r.due_on - on).days <= 6]
st.subheader(f"Due on {on.isoformat()}")
if not due:
    st.caption("Nothing due.")
for reminder in due:
    reminder_card(reminder)
st.subheader("This week")
if not week:
    st.caption("Nothing else falls due in the next 6 days.")
for reminder in week:
    reminder_card(reminder)
st.subheader("Funnel")
funnel_view(on)
st.subheader("Contacts")
contacts_table()
add_contact_form()
log_event_form(on)
targets_view()
import_export(on)
