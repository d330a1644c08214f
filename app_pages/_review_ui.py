"""The review screen shared by Reach out (outreach notes) and Follow up (thank-you notes)."""

from __future__ import annotations

import streamlit as st

from app_pages import _state
from app_pages._widgets import attempt, autosaved, findings_list, highlighted, quoted_spans
from coach.services import LIMITS, Review, counts

CHANNELS = {"email": "Email", "linkedin": "LinkedIn"}
NAMES = {"outreach": "Outreach note", "thank-you": "Thank-you note"}


def review_screen(kind: str, prefix: str) -> None:
    """Draft box, live counts, review with findings, side-by-side rewrite, copy, download and save."""
    state = st.session_state
    draft = autosaved(st.text_area, "Your draft", f"{prefix}_draft", height=240, placeholder="Subject: …\n\nHi …,") or ""
    channel = st.radio("Channel", list(CHANNELS), format_func=CHANNELS.get, horizontal=True, key=f"{prefix}_channel", persist_state="session")
    dates = {}
    if kind == "thank-you":
        met, sent = st.columns(2)
        dates["meeting_date"] = met.date_input("Meeting date", value="today", key=f"{prefix}_meeting", persist_state="session")
        dates["sent_date"] = sent.date_input("Date you send it", value="today", key=f"{prefix}_sent", persist_state="session")
    words, chars = counts(draft, kind, channel)
    st.caption(f"{words} words in the body · {chars} characters. {LIMITS[(kind, channel)]}")
    with st.expander("Facts about you the rewrite may use (optional)"):
        profile = (
            autosaved(
                st.text_area, "Your background in a few lines", f"{prefix}_profile", help="The rewrite should only use facts from your draft and this box."
            )
            or ""
        )

    if st.button("Review draft", key=f"{prefix}_review", type="primary", icon=":material/fact_check:"):
        result = attempt(_state.services().review, draft, kind, channel, spinner="Checking your draft…", **dates)
        if result is not None:
            state[f"{prefix}_result"] = result.model_dump(mode="json")
            state.pop(f"{prefix}_rewritten", None)
    result = state.get(f"{prefix}_result")
    if not result:
        return
    _review_view(result, draft)

    if st.button("Rewrite for me", key=f"{prefix}_rewrite", icon=":material/edit_note:"):
        rewritten = attempt(_state.services().rewrite, Review.model_validate(result), profile, spinner="Rewriting with the model…")
        if rewritten is not None:
            state[f"{prefix}_rewritten"] = rewritten.model_dump(mode="json")
    rewritten = state.get(f"{prefix}_rewritten")
    if rewritten:
        _rewrite_view(result, rewritten, kind, prefix)

    if st.button("Save to History", key=f"{prefix}_save", icon=":material/bookmark_add:"):
        words = " ".join(result["text"].split()[:6])
        title = f"{NAMES[kind]} ({CHANNELS[result['channel']]}) · {result['score']}/100 · {words}…"
        _state.store().save_item("review", title, {"review": result, "rewrite": rewritten})
        st.success("Saved to History.")


def _review_view(result: dict, draft: str) -> None:
    st.subheader(f"Review: {result['score']}/100")
    if result["text"] != draft:
        st.caption("You changed the draft since this review: review it again to update it.")
    st.caption(f"{result['word_count']} words in the body · {result['char_count']} characters")
    findings_list(result["findings"])
    spans = [span for finding in result["findings"] for span in quoted_spans(finding["evidence"], result["text"])]
    if spans:
        st.markdown("**Your draft, with the flagged passages highlighted**")
        with st.container(border=True):
            st.markdown(highlighted(result["text"], spans))


def _rewrite_view(result: dict, rewritten: dict, kind: str, prefix: str) -> None:
    if rewritten.get("warning"):
        st.warning(rewritten["warning"])
    original, new = st.columns(2)
    with original:
        st.markdown(f"**Your draft** · {result['score']}/100")
        st.code(result["text"], language=None, wrap_lines=True)
    with new:
        st.markdown(f"**Rewrite** · {rewritten['review']['score']}/100")
        st.code(rewritten["text"], language=None, wrap_lines=True)
        st.download_button(
            "Download rewrite",
            rewritten["text"],
            file_name=f"{kind}-rewrite.txt",
            mime="text/plain",
            key=f"{prefix}_download",
            on_click="ignore",
            icon=":material/download:",
        )
    st.caption("Copy either version with the copy icon at the top right of its box.")
    with st.expander(f"Findings on the rewrite ({len(rewritten['review']['findings'])})"):
        findings_list(rewritten["review"]["findings"])
