"""Network pieces shared by pages: this session's contacts, and a one-line "log this step" control."""

from __future__ import annotations

from datetime import date

import streamlit as st

from app_pages import _state
from app_pages._widgets import attempt
from coach.contact_store import ContactStore
from coach.contacts import LABELS, EventKind


def contacts() -> ContactStore:
    """This browser session's contacts, over the session's store (opened once, reused on every rerun)."""
    store = _state.store()
    cached = st.session_state.get("_contacts")
    if cached is None or cached.store is not store:
        cached = _state.services().contacts(store)
        st.session_state["_contacts"] = cached
    return cached


def log_step(kind: EventKind, prefix: str, ref: str = "", on: date | None = None) -> None:
    """An expander to log `kind` for one of the contacts (e.g. "reached out" after sending the note reviewed here)."""
    people = contacts().list_contacts()
    with st.expander(f"Log “{LABELS[kind]}” in your network", icon=":material/group:"):
        if not people:
            st.caption("Add the people you write to on the Network page, then log each step here.")
            return
        names = {person.id: person.name + (f" ({person.organisation})" if person.organisation else "") for person in people}
        with st.form(f"{prefix}_log_{kind}", border=False):
            who = st.selectbox("Contact", list(names), format_func=names.get, key=f"{prefix}_log_who")
            day = st.date_input("Date", value=on or date.today(), key=f"{prefix}_log_on")
            if st.form_submit_button(f"Log {LABELS[kind]}", icon=":material/event_available:"):
                if attempt(contacts().log_event, who, kind, day, ref=ref) is not None:
                    st.success(f"Logged: {names[who]}, {LABELS[kind]} on {day.isoformat()}.")
