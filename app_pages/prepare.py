"""Prepare: say who you will talk to and why; get questions by TIARA area, with sources and talking points."""

import streamlit as st

from app_pages import _state
from app_pages._widgets import attempt, autosaved, plan_view
from coach.services import PlanRequest, QuestionPlan

state = st.session_state
st.title("Prepare")
st.write(
    "Tell Coach about the person you will talk to and what you want to learn. "
    "You get open questions for each TIARA area (trends, insights, advice, resources, assignments)."
)

role = autosaved(st.text_input, "Target role", "prepare_role", placeholder="e.g. Data Scientist")
industry, company = st.columns(2)
with industry:
    autosaved(st.text_input, "Industry (optional)", "prepare_industry", placeholder="e.g. Healthcare")
with company:
    autosaved(st.text_input, "Company (optional)", "prepare_company")
autosaved(st.text_area, "Your background (optional)", "prepare_background", height=100, placeholder="e.g. Third-year statistics student who tutors first-years")
autosaved(st.text_input, "What you want from the conversation (optional)", "prepare_goal")
autosaved(
    st.text_area,
    "Their profile (optional): paste the professional's bio or About section",
    "prepare_about",
    height=100,
    help="Talking points quote it, so you can show you did your homework.",
)
count = st.slider("How many questions", min_value=6, max_value=20, value=12, key="prepare_count", persist_state="session")

if st.button("Plan my questions", key="prepare_submit", type="primary", icon=":material/checklist:"):
    request = PlanRequest(
        role=role or "",
        industry=state["prepare_industry"] or None,
        company=state["prepare_company"] or None,
        background=state["prepare_background"] or None,
        goal=state["prepare_goal"] or None,
        about=state["prepare_about"] or None,
        count=count,
    )
    plan = attempt(_state.services().plan, request, spinner="Planning your questions…")
    if plan is not None:
        state["prepare_plan"] = plan.model_dump(mode="json")
        state["prepare_model_down"] = not plan.model_used and _state.current_settings().backend != "fake"

if plan := state.get("prepare_plan"):
    st.divider()
    st.header(f"Questions for a {plan['role']}")
    if state.get("prepare_model_down"):
        st.warning(
            "The model did not answer, so these questions come from the notes and the question bank only. "
            "Check the model on the Settings page, then plan again."
        )
    plan_view(plan)
    markdown = QuestionPlan.model_validate(plan).to_markdown()
    download, save = st.columns(2)
    download.download_button(
        "Download as Markdown", markdown, file_name="questions.md", mime="text/markdown", key="prepare_download", on_click="ignore", icon=":material/download:"
    )
    if save.button("Save to History", key="prepare_save", icon=":material/bookmark_add:"):
        _state.store().save_item("plan", f"Questions for a {plan['role']}", {"plan": plan, "markdown": markdown})
        st.success("Saved to History.")
