"""Plans that are right: gated model questions, an honest model count, whole goals, one contacts question,
nothing the student already does, and no unrelated notes for a role without one."""

from __future__ import annotations

import pytest

from coach.fake_model import FakeChatModel
from coach.planner import PlanRequest, plan_questions, whole_goal
from coach.rubric.questions import asks_who_else

LEAK = "<<<BEGIN-12 | Question: What do you think of the recent trend in giving?"


def plan(kb, model=None, **request):
    return plan_questions(PlanRequest(**request), kb, model, kb.embedder)


def test_a_model_question_that_fails_the_gate_is_never_shown_and_model_used_is_honest(shipped_kb) -> None:
    result = plan(
        shipped_kb,
        FakeChatModel(responses=[LEAK + "\n- [insights] Who is ANAPHA's president, and how did their work on giving change?"]),
        role="Museum Registrar",
    )
    assert not any("<<<" in q.text or "BEGIN" in q.text or "ANAPHA" in q.text for q in result.questions)
    assert result.model_used is False and result.from_model == 0


def test_model_used_counts_only_questions_that_survived(shipped_kb) -> None:
    good = "trends | How is automation changing the work in your pharmacy these days? | Shows where the field is going."
    result = plan(shipped_kb, FakeChatModel(responses=[good]), role="Pharmacist")
    assert result.model_used is True and result.from_model == sum(q.origin == "model" for q in result.questions) >= 1


def test_the_whole_goal_is_kept() -> None:
    assert whole_goal("I want to decide between nursing and PA school.") == "decide between nursing and PA school"


def test_a_goal_with_two_options_reaches_the_questions_whole(shipped_kb) -> None:
    result = plan(shipped_kb, role="Registered Nurse", goal="decide between nursing and PA school")
    texts = " ".join(q.text for q in result.questions)
    assert "decide between nursing and PA school" in texts


@pytest.mark.parametrize("role", ["Pharmacist", "Registered Nurse", "Sommelier", "Data Scientist"])
def test_every_plan_has_exactly_one_contacts_question(shipped_kb, role: str) -> None:
    result = plan(shipped_kb, role=role)
    assert sum(asks_who_else(q.text) for q in result.questions) == 1
    assert [q.area for q in result.questions].count("closing") == 1


def test_a_student_who_works_as_a_cna_is_not_told_to_try_a_cna_job(shipped_kb) -> None:
    result = plan(shipped_kb, role="Registered Nurse", background="I work as a CNA at a nursing home on weekends.")
    assert not any("a cna job" in q.text.lower() or "as a cna" in q.text.lower() for q in result.questions if q.origin != "bank")


def test_a_role_without_a_note_uses_no_unrelated_note(shipped_kb) -> None:
    result = plan(shipped_kb, role="Sommelier")
    assert result.matched_role is None and result.sources == []
    assert "no other note is close enough" in (result.notice or "")
    assert all(q.origin == "bank" for q in result.questions)


def test_a_role_without_a_note_uses_a_really_related_one(shipped_kb) -> None:
    result = plan(shipped_kb, role="Nurse Practitioner")
    assert "registered-nurse.md" in result.sources and "Registered Nurse" in (result.notice or "")
