"""Practise: a timed mock interview with a grounded AI professional, then a feedback report."""

import streamlit as st

from app_pages import _state
from app_pages._network_ui import log_step
from app_pages._widgets import attempt, autosaved, escape, feedback_report, grounding
from coach.errors import CoachError

state = st.session_state
TEMPERAMENTS = {
    "warm": "Warm: chatty and encouraging",
    "busy": "Busy: short answers, watches the clock",
    "skeptical": "Skeptical: pushes back on vague questions",
}
services, store = _state.services(), _state.store()
# Where a reply's words came from (saved with the turn).
SOURCES = {
    "model": "Worded by the model from the notes below, checked by the gate.",
    "grounded": "Said from the notes below (the model's wording did not pass the gate, or was not needed).",
}


def open_session():
    """The session picked here or in History, or None (a deleted one is forgotten)."""
    session_id = state.get("practise_session_id")
    if not session_id:
        return None
    try:
        with st.spinner("Opening the session…"):
            return services.open_interview(session_id, store=store)
    except KeyError:  # deleted, or not this user's (NotFound): forgotten
        state.pop("practise_session_id", None)
        return None
    except CoachError as exc:
        st.error(str(exc), icon=":material/error:")
        return None


def redo(session, turn_index: int) -> None:
    """Rewind to before one of the student's turns and put its text back in the chat box."""
    try:
        state["practise_chat"] = session.redo(turn_index)
    except CoachError as exc:
        state["practise_error"] = str(exc)


def setup() -> None:
    st.write("Pick the professional you want to practise with. The conversation is timed by the words you both use (about 150 a minute), like a real call.")
    roles = attempt(services.roles, spinner="Reading the notes…") or []
    st.selectbox("Role", roles, index=None, key="practise_role", placeholder="Choose a role", persist_state="session")
    autosaved(st.text_input, "Or type another role", "practise_role_other", placeholder="e.g. Museum Curator")
    temperament = st.radio("Temperament", list(TEMPERAMENTS), format_func=TEMPERAMENTS.get, key="practise_temperament", persist_state="session")
    minutes = st.slider("Minutes", min_value=5, max_value=60, value=20, step=5, key="practise_minutes", persist_state="session")
    bio = autosaved(st.text_area, "Their bio (optional): paste a real professional's profile to shape the persona", "practise_bio", height=100)
    if st.button("Start session", key="practise_start", type="primary", icon=":material/play_arrow:"):
        role = (state.get("practise_role_other") or "").strip() or state.get("practise_role") or ""
        session = attempt(services.start_interview, role, temperament, minutes, bio or None, store=store, spinner="Setting up the professional…")
        if session is not None:
            state["practise_session_id"] = session.session_id
            st.rerun()


def conversation(session) -> None:
    with st.container(border=True):
        st.markdown(session.persona.card())
    elapsed = session.elapsed_minutes()
    st.progress(min(elapsed / session.minutes, 1.0), text=f"Time used: {elapsed:.1f} of {session.minutes} minutes")
    if elapsed >= session.minutes:
        st.warning("Time is up: thank them, ask who else to talk to, and end the session.")
    turns = session.turns()
    for turn in turns:
        with st.chat_message("user" if turn.role == "student" else "assistant"):
            st.markdown(escape(turn.text) if turn.role == "student" else turn.text.replace("$", "\\$"))
            if turn.role == "professional":
                if source := turn.reply.get("source"):
                    st.caption(SOURCES.get(source, source))
                down = [r for r in turn.reply.get("gate_failures", []) if r.startswith("model failed")]
                if down and turn.index == len(turns) - 1:
                    st.warning(
                        f"The model did not answer ({down[-1][len('model failed (') : -1]}); this reply comes straight from the notes.",
                        icon=":material/cloud_off:",
                    )
                grounding(turn.grounding)
    if feedback := store.get_feedback(session.session_id):
        st.subheader("Feedback")
        feedback_report(feedback)
        log_step("met", "practise", ref=f"session:{session.session_id}")
    mine = [t for t in turns if t.role == "student"]
    if mine:
        with st.expander("Redo one of your turns"):
            pick = st.selectbox(
                "Your turn", [t.index for t in mine], index=len(mine) - 1, key="practise_redo_pick", format_func=lambda i: f"Turn {i + 1}: {turns[i].text[:60]}"
            )
            st.button(
                "Redo this turn",
                key="practise_redo",
                on_click=redo,
                args=(session, pick),
                icon=":material/undo:",
                help="Removes this turn and everything after it, and puts its text back in the chat box.",
            )
    end, new = st.columns(2)
    if end.button("End session", key="practise_end", type="primary", disabled=not turns, icon=":material/flag:"):
        if attempt(services.end_interview, session, spinner="Writing your feedback…") is not None:
            st.rerun()
    if new.button("New session", key="practise_new", icon=":material/add:"):
        state.pop("practise_session_id", None)
        st.rerun()

    if error := state.pop("practise_error", None):
        st.error(error, icon=":material/error:")
    if turns and turns[-1].role == "student":  # never dropped: put back in the chat box once, to be sent again
        st.info("Your last question has no answer yet: it is back in the chat box; send it to get the answer.", icon=":material/replay:")
        offered = f"practise_offered_{session.session_id}_{turns[-1].index}"
        if not state.get(offered) and "practise_restore" not in state:
            state[offered], state["practise_restore"] = True, turns[-1].text
    if restored := state.pop("practise_restore", None):
        state["practise_chat"] = restored
    if question := st.chat_input("Ask your question", key="practise_chat"):
        failed = state.pop("practise_failed", None)
        if turns and turns[-1].role == "student" and failed == (session.session_id, turns[-1].text) and question != failed[1]:
            session.redo(turns[-1].index)  # the question that just failed, replaced at the user's word
        with st.chat_message("user"):
            st.markdown(escape(question))
        with st.chat_message("assistant"):
            try:
                st.write_stream(services.ask(session, question))
            except CoachError as exc:
                state["practise_error"] = f"{exc} Your question is back in the chat box: send it again when ready."
                state["practise_restore"] = question
                if session.turns() and session.turns()[-1].text == question:  # saved, unanswered: the user may replace it
                    state["practise_failed"] = (session.session_id, question)
        # Redraw from the store: only checked text was streamed, and the store holds it with its sources.
        st.rerun()


st.title("Practise")
current = open_session()
if current is None:
    setup()
else:
    conversation(current)
