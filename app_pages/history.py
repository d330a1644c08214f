"""History: past practice sessions and saved plans and reviews; resume, export or delete them."""

from functools import partial

import streamlit as st

from app_pages import _state
from app_pages._widgets import escape, findings_list, flash, plan_view, show_flashes

state = st.session_state
services, store = _state.services(), _state.store()
KINDS = {"plan": "Question plan", "review": "Message review"}

st.title("History")
show_flashes()

st.subheader("Practice sessions")
sessions = store.list_sessions()
if not sessions:
    st.info("No practice sessions yet: start one on the Practise page.")
for session in sessions:
    feedback = store.get_feedback(session.id)
    with st.container(border=True):
        score = f" · score {feedback['score']}/100" if feedback else ""
        when = session.created_at[:16].replace("T", " ")
        st.markdown(f"**{escape(session.title or session.role)}**  \n{when} UTC · {session.minutes} min · {session.temperament} · {session.status}{score}")
        resume, export, delete = st.columns(3)
        if resume.button("Resume" if session.status == "active" else "Open", key=f"history_open_{session.id}", icon=":material/play_arrow:"):
            state["practise_session_id"] = session.id
            st.switch_page("app_pages/practise.py")
        export.download_button(
            "Export Markdown",
            partial(services.export_markdown, session.id, store),
            mime="text/markdown",
            file_name=f"interview-{session.created_at[:10]}-{session.id[:6]}.md",
            key=f"history_export_{session.id}",
            on_click="ignore",
            icon=":material/download:",
        )
        if delete.button("Delete", key=f"history_delete_{session.id}", icon=":material/delete:"):
            store.delete_session(session.id)
            if state.get("practise_session_id") == session.id:
                state.pop("practise_session_id")
            flash("Session deleted.")
            st.rerun()

st.subheader("Saved plans and reviews")
items = store.list_items()
if not items:
    st.info("Nothing saved yet: use **Save to History** on the Prepare, Reach out or Follow up pages.")
for item in items:
    with st.expander(f"{KINDS.get(item.kind, item.kind)}: {item.title} · {item.created_at[:10]}"):
        if item.kind == "plan":
            plan_view(item.payload["plan"])
            st.download_button(
                "Download as Markdown",
                item.payload["markdown"],
                file_name="questions.md",
                mime="text/markdown",
                key=f"history_item_download_{item.id}",
                on_click="ignore",
            )
        elif item.kind == "review":
            review, rewrite = item.payload["review"], item.payload.get("rewrite")
            st.markdown(f"**Score {review['score']}/100**")
            st.code(review["text"], language=None, wrap_lines=True)
            findings_list(review["findings"])
            if item.payload.get("fixed") and item.payload["fixed"] != review["text"]:
                st.markdown("**Fixed draft**")
                st.code(item.payload["fixed"], language=None, wrap_lines=True)
            if rewrite and rewrite.get("source", "model") == "model":  # a rejected polish is the fixed draft again
                st.markdown(f"**Model polish** · {rewrite['review']['score']}/100")
                st.code(rewrite["text"], language=None, wrap_lines=True)
        if st.button("Delete", key=f"history_delete_item_{item.id}", icon=":material/delete:"):
            store.delete_item(item.id)
            flash("Saved item deleted.")
            st.rerun()
