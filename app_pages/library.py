"""Library: search the notes, read one, add or remove your own notes, and re-index."""

import tempfile
from pathlib import Path

import streamlit as st

from app_pages import _state
from app_pages._widgets import attempt, escape, flash, show_flashes
from coach.services import USER

state = st.session_state
services = _state.services()

st.title("Library")
st.write("The notes Coach draws on: one per role, plus any notes of your own.")
show_flashes()

st.subheader("Search")
query = st.text_input("Search the notes", key="library_query", placeholder="e.g. what does a nurse do on a night shift", persist_state="session")
if st.button("Search", key="library_search", icon=":material/search:"):
    hits = attempt(services.search, query, 5, spinner="Searching…")
    if hits is not None:
        state["library_hits"] = [hit.model_dump() for hit in hits]
for hit in state.get("library_hits", []):
    with st.container(border=True):
        mine = " (your note)" if hit["source"] == USER else ""
        st.markdown(f"**{escape(hit['role'])}** · {escape(hit['section'])} · `{hit['path']}`{mine}")
        st.markdown(escape(hit["text"][:600] + ("…" if len(hit["text"]) > 600 else "")))
if state.get("library_hits") == []:
    st.info("No notes matched. Try other words, or re-index below if the library is empty.")

st.subheader("Read a note")
notes = attempt(services.list_notes, spinner="Reading the notes…") or []
mine = attempt(services.list_notes, mine=True) or []
choices = {n["role"]: (False, n["path"]) for n in notes} | {f"{n['path']} (yours)": (True, n["path"]) for n in mine}
if not choices:
    st.info("The library is empty: click **Re-index notes** below to build it.")
else:
    picked = st.selectbox("Note", list(choices), index=None, key="library_note", placeholder="Choose a note to read")
    if picked:
        is_mine, path = choices[picked]
        with st.container(border=True):
            st.markdown(services.note_text(path, mine=is_mine).replace("$", "\\$"))

st.subheader("Your own notes")
uploads = st.file_uploader("Add notes (Markdown, text or PDF)", type=["md", "txt", "pdf"], accept_multiple_files=True, key="library_upload")
if st.button("Add to my notes", key="library_add", disabled=not uploads, icon=":material/upload:"):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for upload in uploads:
            path = Path(folder) / Path(upload.name).name  # the file name becomes the note's name
            path.write_bytes(upload.getvalue())
            paths.append(path)
        report = attempt(services.add_notes, paths, uploaded=True, spinner="Indexing your notes…")
    if report is not None:
        flash(f"Your notes: {report.summary()}")
        for warning in report.warnings:
            flash(warning, "warning")
        st.rerun()
if mine:
    remove = st.multiselect("Notes to remove", [n["path"] for n in mine], key="library_remove_pick")
    if st.button("Remove selected", key="library_remove", disabled=not remove, icon=":material/delete:"):
        removed = attempt(services.remove_notes, remove, spinner="Removing…")
        if removed is not None:
            flash(f"Removed {removed} note{'s' if removed != 1 else ''}.")
            st.rerun()

st.subheader("Re-index")
folder = _state.current_settings().knowledge_dir
st.caption(f"Reads the shipped notes in `{folder}`; only changed notes are embedded again.")
if st.button("Re-index notes", key="library_reindex", icon=":material/refresh:"):
    bar = st.progress(0.0, text="Starting…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total if total else 1.0, text=f"{done} of {total} notes · {name}")

    report = attempt(services.reindex, progress=progress, spinner="Indexing the notes…")
    if report is not None:
        flash(f"Re-indexed: {report.summary()}")
        for warning in report.warnings:
            flash(warning, "warning")
        st.rerun()
