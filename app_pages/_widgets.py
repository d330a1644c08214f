"""Rendering shared by the pages: error banners, autosaved inputs, findings, plans, grounding, feedback."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from app_pages import _state
from coach.errors import CoachError
from coach.services import PLAN_AREAS

T = TypeVar("T")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:])")
QUOTED = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
AREA_TITLES = {
    "trends": "Trends",
    "insights": "Insights",
    "advice": "Advice",
    "resources": "Resources",
    "assignments": "Assignments",
    "closing": "Who else to talk to",
}


def sidebar_status() -> None:
    """The active model, shown in the sidebar of every page."""
    st.sidebar.caption(f"Model: `{_state.current_settings().model_label}`")


def attempt(action: Callable[..., T], *args, spinner: str = "Working…", **kwargs) -> T | None:
    """Run a library call under a spinner; a CoachError becomes an error banner and None."""
    try:
        with st.spinner(spinner):
            return action(*args, **kwargs)
    except CoachError as exc:
        st.error(str(exc), icon=":material/error:")
        return None


def flash(message: str, kind: str = "success") -> None:
    """A message to show after the next rerun (a rerun clears what this run drew)."""
    st.session_state.setdefault("_flash", []).append((kind, message))


def show_flashes() -> None:
    """Show and forget the messages queued by flash()."""
    for kind, message in st.session_state.pop("_flash", []):
        getattr(st, kind)(message)


def autosaved(widget: Callable, label: str, key: str, **kwargs):
    """A text widget that keeps its value across pages and autosaves it as a draft."""
    if key not in st.session_state:
        st.session_state[key] = _state.store().load_draft(key) or ""
    return widget(label, key=key, on_change=_save_draft, args=(key,), persist_state="session", **kwargs)


def _save_draft(key: str) -> None:
    _state.store().save_draft(key, st.session_state.get(key) or "")


def escape(text: str) -> str:
    """User or model text made safe to show as Markdown, line breaks kept."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text or "").replace("\n", "  \n")


def quoted_spans(evidence: str, text: str) -> list[str]:
    """The quotes in a finding's evidence that occur word for word in the text."""
    return [quote for quote in QUOTED.findall(evidence or "") if quote in text]


def highlighted(text: str, spans: list[str]) -> str:
    """Markdown of text with every occurrence of the spans highlighted, line by line."""
    marked = [False] * len(text)
    for span in spans:
        for match in re.finditer(re.escape(span), text):
            marked[match.start() : match.end()] = [True] * (match.end() - match.start())
    lines, start = [], 0
    for line in text.split("\n"):
        parts, run, flag = [], "", None
        for offset, char in enumerate(line):
            if flag is not None and marked[start + offset] != flag:
                parts.append(f":orange-background[{escape(run)}]" if flag else escape(run))
                run = ""
            run, flag = run + char, marked[start + offset]
        if run:
            parts.append(f":orange-background[{escape(run)}]" if flag else escape(run))
        lines.append("".join(parts))
        start += len(line) + 1
    return "  \n".join(lines)


def findings_list(findings: list[dict]) -> None:
    """Each finding beside its quoted evidence."""
    if not findings:
        st.success("No problems found.")
    for finding in findings:
        with st.container(border=True):
            message, evidence = st.columns([3, 2])
            icon = ":material/block:" if finding["severity"] == "error" else ":material/warning:"
            message.markdown(f"{icon} **`{finding['code']}`** ({finding['severity']})  \n{escape(finding['message'])}")
            evidence.markdown(f"Evidence:\n\n> {escape(finding['evidence'])}")


def plan_view(plan: dict) -> None:
    """A question plan: questions under each TIARA heading, then talking points and sources."""
    if plan.get("notice"):
        st.info(plan["notice"])
    for area in PLAN_AREAS:
        chosen = [q for q in plan["questions"] if q["area"] == area]
        if chosen:
            st.subheader(AREA_TITLES[area])
        for question in chosen:
            sources = f"  \n*Sources: {escape(', '.join(question['sources']))}*" if question["sources"] else ""
            st.markdown(f"- **{escape(question['text'])}**  \n{escape(question['why'])}{sources}")
    if plan.get("talking_points"):
        st.subheader("Talking points")
        for point in plan["talking_points"]:
            st.markdown(f"- {escape(point['text'])} (“{escape(point['quote'])}”)")
    if plan.get("sources"):
        st.caption("Notes used: " + ", ".join(plan["sources"]))


def grounding(notes: list[dict]) -> None:
    """The notes a professional reply drew on, in a collapsed expander."""
    label = f"Grounded on {len(notes)} note{'s' if len(notes) != 1 else ''}" if notes else "Grounded on no notes"
    with st.expander(label, icon=":material/menu_book:"):
        if not notes:
            st.caption("This reply did not need the notes (for example, a polite answer to a job request).")
        for note in notes:
            mine = " (your note)" if note.get("source") == "user_notes" else ""
            st.markdown(f"- `{note['path']}` · {escape(note['section'])}{mine}")
            if note.get("text"):
                st.caption(escape(note["text"]))


def feedback_report(feedback: dict) -> None:
    """Score, TIARA coverage chart, talk ratio, findings, strengths and next-time points."""
    score, ratio = st.columns(2)
    score.metric("Score", f"{feedback['score']}/100")
    ratio.metric("You talked", f"{feedback['talk_ratio']:.0%} of the words")
    if feedback.get("summary"):
        st.info(feedback["summary"])
    counts = {AREA_TITLES[area]: len(questions) for area, questions in feedback["tiara"].items()}
    st.markdown("**TIARA coverage**: your questions per area")
    st.bar_chart(
        {"questions": counts},
        horizontal=True,
        sort=False,
        x_label="area",
        y_label="questions",
        alt="Questions per TIARA area: " + ", ".join(f"{a} {n}" for a, n in counts.items()),
    )
    for title, points in (("What went well", feedback["strengths"]), ("Next time", feedback["next_time"])):
        if points:
            st.markdown(f"**{title}**")
            for point in points:
                st.markdown(f"- {escape(point['text'])}  \n  > {escape(point['quote'])}")
    if feedback["findings"]:
        st.markdown("**Findings**")
        findings_list(feedback["findings"])
