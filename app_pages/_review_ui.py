"""The review screen shared by Reach out (outreach notes) and Follow up (thank-you notes)."""

from __future__ import annotations

import streamlit as st

from app_pages import _state
from app_pages._widgets import attempt, autosaved, escape, findings_list, highlighted, quoted_spans
from coach.services import LIMITS, Edit, counts

CHANNELS = {"email": "Email", "linkedin": "LinkedIn"}
NAMES = {"outreach": "Outreach note", "thank-you": "Thank-you note"}
KINDS = {"safe": "keeps your meaning", "unsafe": "changes what you ask or say", "display": "a placeholder for your own facts"}


def review_screen(kind: str, prefix: str) -> None:
    """Draft box, live counts, findings, the fixes beside the fixed draft (accept or reject each), the gated polish, save."""
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
    with st.expander("Facts about you the polish may use (optional)"):
        profile = (
            autosaved(st.text_area, "Your background in a few lines", f"{prefix}_profile", help="The polish may only use facts from your draft and this box.")
            or ""
        )

    if st.button("Review draft", key=f"{prefix}_review", type="primary", icon=":material/fact_check:"):
        _run_review(prefix, draft, kind, channel, dates)
    result = state.get(f"{prefix}_result")
    if not result:
        return
    _review_view(result, draft)
    fixed = _fixes_view(prefix, kind, channel, dates)

    start = attempt(_state.services().review, fixed, kind, channel, **dates)
    if start is not None:
        _polish_controls(prefix, start, profile, result["text"])
    polished = state.get(f"{prefix}_polished")
    if polished:
        _polish_view(polished, fixed, kind, prefix)

    if st.button("Save to History", key=f"{prefix}_save", icon=":material/bookmark_add:"):
        words = " ".join(result["text"].split()[:6])
        title = f"{NAMES[kind]} ({CHANNELS[result['channel']]}) · {result['score']}/100 · {words}…"
        _state.store().save_item("review", title, {"review": result, "fixed": fixed, "rewrite": polished})
        st.success("Saved to History.")


def _run_review(prefix: str, draft: str, kind: str, channel: str, dates: dict) -> None:
    """Lint the draft and ask every fix for its edits; safe edits start accepted, the others rejected."""
    state = st.session_state
    services = _state.services()
    result = attempt(services.review, draft, kind, channel, spinner="Checking your draft…", **dates)
    if result is None:
        return
    base, edits = services.suggest(draft, kind, channel, **dates)
    for key in [k for k in state if str(k).startswith(f"{prefix}_edit_")]:
        del state[key]
    state[f"{prefix}_result"] = result.model_dump(mode="json")
    state[f"{prefix}_base"] = base
    state[f"{prefix}_edits"] = [e.model_dump() for e in edits]
    for index, edit in enumerate(edits):
        state[f"{prefix}_edit_{index}"] = edit.applicability == "safe"
    state.pop(f"{prefix}_polished", None)


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


def _edit_label(edit: dict) -> str:
    before, after = " ".join(edit["before"].split()), " ".join(edit["after"].split())
    change = f"~~{escape(before)}~~ → **{escape(after)}**" if before and after else (f"add **{escape(after)}**" if after else f"cut ~~{escape(before)}~~")
    return f"`{edit['code']}` · {edit['applicability']}: {change}"


def _fixes_view(prefix: str, kind: str, channel: str, dates: dict) -> str:
    """The edits beside the fixed draft; the fixed draft, its counts and score follow the accepted edits."""
    state = st.session_state
    base, edits = state[f"{prefix}_base"], state[f"{prefix}_edits"]
    st.subheader("Fixes")
    suggestions, fixed_column = st.columns([3, 2])
    with suggestions:
        if not edits:
            st.caption("No automatic fixes for this draft.")
        for index, edit in enumerate(edits):
            st.checkbox(_edit_label(edit), key=f"{prefix}_edit_{index}", help=KINDS[edit["applicability"]])
    accepted = [Edit.model_validate(e) for i, e in enumerate(edits) if state.get(f"{prefix}_edit_{i}")]
    services = _state.services()
    fixed = services.apply_edits(base, accepted)
    with fixed_column:
        checked = attempt(services.review, fixed, kind, channel, **dates)
        score = f" · {checked.score}/100" if checked is not None else ""
        st.markdown(f"**Fixed draft**{score}")
        st.code(fixed, language=None, wrap_lines=True)
        words, chars = counts(fixed, kind, channel)
        st.caption(f"{len(accepted)} of {len(edits)} edits accepted · {words} words in the body · {chars} characters")
        st.button("Use as my draft", key=f"{prefix}_adopt", on_click=_adopt, args=(prefix, fixed, kind, channel, dates), icon=":material/check:")
    return fixed


def _adopt(prefix: str, fixed: str, kind: str, channel: str, dates: dict) -> None:
    """Put the fixed draft in the draft box and review it again (the next round offers the fixes it uncovered)."""
    st.session_state[f"{prefix}_draft"] = fixed
    _state.store().save_draft(f"{prefix}_draft", fixed)
    _run_review(prefix, fixed, kind, channel, dates)


def _polish_controls(prefix: str, start, profile: str, original: str) -> None:
    """The polish button; a draft with no findings is sent to the model only when asked explicitly."""
    state = st.session_state
    force = False
    if start.findings:
        asked = st.button("Polish with the model", key=f"{prefix}_rewrite", icon=":material/edit_note:")
    else:
        st.caption("The fixed draft has no findings: it does not need the model.")
        asked = force = st.button("Polish anyway", key=f"{prefix}_polish_anyway", icon=":material/edit_note:")
    if asked:
        polished = attempt(_state.services().polish, start, profile, original, force, spinner="Polishing with the model…")
        if polished is not None:
            state[f"{prefix}_polished"] = polished.model_dump(mode="json")


def _polish_view(polished: dict, fixed: str, kind: str, prefix: str) -> None:
    """The model's text, labelled as such, with its gate result; or why it was rejected."""
    st.subheader("Polish")
    if polished["start"] != fixed:
        st.caption("You changed the accepted edits since this polish: polish again to update it.")
    if polished["source"] != "model":
        if polished["attempts"]:
            st.warning(f"The model's version was rejected ({polished['reason']}). Your fixed draft above is the one to send.", icon=":material/gpp_bad:")
            with st.expander("The rejected model text"):
                st.text(polished["candidate"] or "")
        else:
            st.info(polished["reason"])
        return
    st.success("Model text: it passed the gate (no new findings, nothing invented, your facts kept).", icon=":material/verified:")
    st.markdown(f"**Model polish** · {polished['review']['score']}/100")
    st.code(polished["text"], language=None, wrap_lines=True)
    st.download_button(
        "Download polish",
        polished["text"],
        file_name=f"{kind}-polish.txt",
        mime="text/plain",
        key=f"{prefix}_download",
        on_click="ignore",
        icon=":material/download:",
    )
    st.caption("Copy it with the copy icon at the top right of its box; check it reads as you.")
