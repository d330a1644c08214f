"""Every page through AppTest with the fake backend: the main path, and the error path (backend down, empty input)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from coach.config import DATA_DIR, PROJECT_ROOT, Settings, get_settings
from coach.review import counts
from coach.services import Services
from coach.store import Store

APP = str(PROJECT_ROOT / "app.py")
BACKEND_DOWN = {"COACH_BACKEND": "openai-compatible", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "COACH_REQUEST_TIMEOUT": "3"}
OUTREACH = "Hi Jane, can you get me a job at your company? I attached my resume.\n\nThanks,\nSam"
QUESTION = "What does a typical week look like for you as a data scientist?"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> Path:
    """A data folder with the shipped notes indexed (hash embeddings: real plumbing, no semantics)."""
    folder = tmp_path_factory.mktemp("app-data")
    settings = Settings(backend="fake", embeddings="fake", data_dir=folder, models_path=models_dir, _env_file=None)
    Services(settings).kb.ingest(DATA_DIR / "knowledge")
    return folder


@pytest.fixture
def owner(request: pytest.FixtureRequest) -> str:
    """Each test is its own user of the shared data folder: its own drafts, sessions and saved items."""
    return request.node.name


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_dir: Path, models_dir: Path, owner: str):
    """Set the app's environment (fake backend by default); settings and cached services are rebuilt."""

    def apply(**extra: str) -> None:
        env = {
            "COACH_BACKEND": "fake",
            "COACH_EMBEDDINGS": "fake",
            "COACH_DATA_DIR": str(data_dir),
            "COACH_MODELS_PATH": str(models_dir),
            "COACH_OWNER": owner,
            **extra,
        }
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        st.cache_resource.clear()  # cached Services outlive an AppTest run

    monkeypatch.chdir(tmp_path)  # no developer .env leaks in
    apply()
    yield apply
    get_settings.cache_clear()
    st.cache_resource.clear()


@pytest.fixture
def store(data_dir: Path, owner: str) -> Store:
    with Store(data_dir / "coach.db", owner=owner) as opened:
        yield opened


def open_page(page: str) -> AppTest:
    """The app, switched to one page, run without an exception."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest, kind: str = "markdown") -> str:
    return "\n".join(str(element.value) for element in getattr(at, kind))


def questions_by_heading(at: AppTest) -> dict[str, int]:
    """How many question bullets follow each subheading, in page order."""
    counts: dict[str, int] = {}
    heading = None
    for element in at.main:
        if element.type == "subheader":
            heading = element.value
            counts[heading] = 0
        elif element.type == "markdown" and heading and element.value.startswith("- **"):
            counts[heading] += 1
    return counts


def test_every_page_shows_the_active_model_in_the_sidebar(configure):
    for page in ("prepare", "reach_out", "practise", "follow_up", "library", "history", "settings"):
        at = open_page(f"app_pages/{page}.py")
        assert "fake" in texts(at.sidebar, "caption"), page


def test_prepare_plans_questions_under_each_tiara_heading_and_saves(configure, store):
    at = open_page("app_pages/prepare.py")
    at.text_input(key="prepare_role").input("Data Scientist")
    at.text_area(key="prepare_background").input("Statistics student who tutors first-years")
    at.button(key="prepare_submit").click().run()
    assert not at.error and not at.exception
    counts = questions_by_heading(at)
    for heading in ("Trends", "Insights", "Advice", "Resources", "Assignments", "Who else to talk to"):
        assert counts.get(heading, 0) >= 1, counts
    assert "data-scientist.md" in texts(at, "caption")
    assert at.download_button(key="prepare_download").label == "Download as Markdown"
    before = len(store.list_items("plan"))
    at.button(key="prepare_save").click().run()
    assert "Saved to History" in texts(at, "success")
    assert len(store.list_items("plan")) == before + 1


def test_prepare_without_a_role_says_what_to_do(configure):
    at = open_page("app_pages/prepare.py")
    at.text_input(key="prepare_goal").input("Learn how people get into the field")
    at.button(key="prepare_submit").click().run()
    assert "Name the role" in texts(at, "error")
    assert at.text_input(key="prepare_goal").value == "Learn how people get into the field"


def test_prepare_with_the_backend_down_warns_and_keeps_input(configure):
    configure(**BACKEND_DOWN)
    at = open_page("app_pages/prepare.py")
    at.text_input(key="prepare_role").input("Registered Nurse")
    at.button(key="prepare_submit").click().run()
    assert not at.exception
    assert "did not answer" in texts(at, "warning")
    assert at.text_input(key="prepare_role").value == "Registered Nurse"
    assert questions_by_heading(at).get("Trends", 0) >= 1  # the notes and bank still give a plan


def test_reach_out_reviews_highlights_fixes_polishes_and_saves(configure, store):
    at = open_page("app_pages/reach_out.py")
    at.text_area(key="reach_draft").input(OUTREACH).run()
    words, chars = counts(OUTREACH)
    assert f"{words} words in the body · {chars} characters" in texts(at, "caption")
    at.button(key="reach_review").click().run()
    assert not at.error
    shown = texts(at)
    assert "`job-ask`" in shown and "`attachment`" in shown
    assert ":orange-background[" in shown  # the quoted evidence is highlighted in the draft
    edits = {box.label.split("`")[1]: box for box in at.checkbox}
    assert edits["attachment"].value is True and edits["job-ask"].value is False  # safe on, unsafe off
    assert "I attached my resume" not in at.code[0].value and "get me a job" in at.code[0].value
    edits["job-ask"].check().run()
    assert "get me a job" not in at.code[0].value  # the fixed draft follows the accepted edits
    at.button(key="reach_rewrite").click().run()
    assert not at.error and not at.exception
    assert "The model's version was rejected (" in texts(at, "warning")  # the fake model echoes its prompt
    assert len(at.code) == 1
    before = len(store.list_items("review"))
    at.button(key="reach_save").click().run()
    assert len(store.list_items("review")) == before + 1


def test_using_the_fixed_draft_puts_it_in_the_box_and_reviews_it_again(configure):
    at = open_page("app_pages/reach_out.py")
    at.text_area(key="reach_draft").input(OUTREACH)
    at.button(key="reach_review").click().run()
    fixed = at.code[0].value
    at.button(key="reach_adopt").click().run()
    assert not at.exception
    assert at.text_area(key="reach_draft").value == fixed
    assert at.code[0].value == fixed  # the safe fixes are made: no safe edit is left to accept
    assert all(box.value is False for box in at.checkbox)


def test_reach_out_empty_draft_says_what_to_do(configure):
    at = open_page("app_pages/reach_out.py")
    at.button(key="reach_review").click().run()
    assert "empty" in texts(at, "error")


def test_reach_out_rewrite_with_the_backend_down_shows_an_error_and_keeps_the_draft(configure):
    configure(**BACKEND_DOWN)
    at = open_page("app_pages/reach_out.py")
    at.text_area(key="reach_draft").input(OUTREACH)
    at.button(key="reach_review").click().run()
    assert "`job-ask`" in texts(at)  # the rubric needs no model
    at.button(key="reach_rewrite").click().run()
    assert not at.exception
    assert "127.0.0.1:9" in texts(at, "error") or "did not answer" in texts(at, "error")
    assert at.text_area(key="reach_draft").value == OUTREACH
    assert "`job-ask`" in texts(at)


def test_drafts_are_autosaved_and_come_back_in_a_new_session(configure):
    at = open_page("app_pages/reach_out.py")
    at.text_area(key="reach_draft").input("Hi Maria, a quick question about urban planning.").run()
    again = open_page("app_pages/reach_out.py")
    assert again.text_area(key="reach_draft").value == "Hi Maria, a quick question about urban planning."


def test_follow_up_reviews_a_late_thank_you(configure):
    at = open_page("app_pages/follow_up.py")
    at.text_area(key="follow_draft").input("Hi Dana,\n\nThanks for your time last week.\n\nBest,\nSam")
    at.date_input(key="follow_meeting").set_value(date.today() - timedelta(days=10))
    at.date_input(key="follow_sent").set_value(date.today())
    at.button(key="follow_review").click().run()
    assert not at.error and not at.exception
    assert "`late`" in texts(at)
    at.button(key="follow_rewrite").click().run()
    assert "Polish" in texts(at, "subheader") and "rejected" in texts(at, "warning")


def test_follow_up_empty_note_says_what_to_do(configure):
    at = open_page("app_pages/follow_up.py")
    at.button(key="follow_review").click().run()
    assert "empty" in texts(at, "error")


def start_session(at: AppTest, role: str = "Data Scientist") -> None:
    at.selectbox(key="practise_role").select(role)
    at.button(key="practise_start").click().run()
    assert not at.error and not at.exception


def test_practise_chat_grounding_redo_and_feedback(configure):
    at = open_page("app_pages/practise.py")
    start_session(at)
    assert "Temperament: warm" in texts(at)
    at.chat_input(key="practise_chat").set_value(QUESTION).run()
    assert not at.error and not at.exception
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    reply = at.chat_message[1].markdown[0].value
    assert reply and "(echo)" not in reply  # the fake backend's echo is never shown: the grounded answer is
    assert "Said from the notes below" in at.chat_message[1].caption[0].value
    assert at.expander[0].label.startswith("Grounded on")
    assert "data-scientist.md" in texts(at.expander[0])
    assert at.get("progress")

    at.button(key="practise_redo").click().run()
    assert not at.chat_message
    assert at.chat_input(key="practise_chat").value == QUESTION

    at.chat_input(key="practise_chat").set_value(QUESTION).run()
    at.chat_input(key="practise_chat").set_value("Thank you! Who else should I talk to?").run()
    assert len(at.chat_message) == 4
    at.button(key="practise_end").click().run()
    assert not at.error and not at.exception
    assert at.metric[0].label == "Score" and at.metric[0].value.endswith("/100")
    assert at.get("vega_lite_chart")  # TIARA coverage


def test_practise_without_a_role_says_what_to_do(configure):
    at = open_page("app_pages/practise.py")
    at.button(key="practise_start").click().run()
    assert "Pick a role" in texts(at, "error")


def test_practise_with_the_backend_down_answers_from_the_notes_and_says_so(configure):
    configure(**BACKEND_DOWN)
    at = open_page("app_pages/practise.py")
    start_session(at, "Registered Nurse")
    at.chat_input(key="practise_chat").set_value(QUESTION).run()
    assert not at.exception
    # the professional still answers from the notes, and the page says the model did not
    assert "127.0.0.1:9" in texts(at, "warning") and [m.name for m in at.chat_message] == ["user", "assistant"]


def test_history_lists_resumes_and_deletes_sessions(configure, store, data_dir):
    settings = Settings(backend="fake", embeddings="fake", data_dir=data_dir, _env_file=None)
    session = Services(settings).start_interview("Urban Planner", "busy", 15, store=store)
    store.save_item(
        "plan",
        "Questions for an Urban Planner",
        {
            "plan": {
                "role": "Urban Planner",
                "notice": None,
                "questions": [{"area": "trends", "text": "How is zoning reform changing your work?", "why": "x", "sources": [], "origin": "bank"}],
                "talking_points": [],
                "sources": [],
            },
            "markdown": "# Questions",
        },
    )
    at = open_page("app_pages/history.py")
    assert session.persona.name in texts(at)
    assert at.download_button(key=f"history_export_{session.session_id}")
    assert any("Questions for an Urban Planner" in e.label for e in at.expander)
    at.button(key=f"history_open_{session.session_id}").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Practise"] and session.persona.name in texts(at)
    at.switch_page("app_pages/history.py").run()
    at.button(key=f"history_delete_{session.session_id}").click().run()
    assert "Session deleted" in texts(at, "success")
    assert session.session_id not in {s.id for s in store.list_sessions()}


def test_library_search_read_upload_remove_and_reindex(configure):
    at = open_page("app_pages/library.py")
    at.text_input(key="library_query").input("night shifts on a hospital ward")
    at.button(key="library_search").click().run()
    assert not at.error and "`" in texts(at)
    at.selectbox(key="library_note").select_index(0).run()
    assert "##" in texts(at)
    at.file_uploader(key="library_upload").upload("my-notes.md", b"# Museum curator\n\nCurators plan exhibitions.", "text/markdown")
    at.run()
    at.button(key="library_add").click().run()
    assert "1 added" in texts(at, "success")
    at.multiselect(key="library_remove_pick").select("my-notes.md").run()
    at.button(key="library_remove").click().run()
    assert "Removed 1 note" in texts(at, "success")
    at.button(key="library_reindex").click().run()
    assert "Re-indexed" in texts(at, "success")


def test_library_empty_search_says_what_to_do(configure):
    at = open_page("app_pages/library.py")
    at.button(key="library_search").click().run()
    assert "search query is empty" in texts(at, "error")


def test_settings_test_connection_succeeds_with_the_fake_backend(configure):
    at = open_page("app_pages/settings.py")
    at.button(key="settings_test").click().run()
    assert "Connected" in texts(at, "success")


def test_settings_unreachable_server_shows_an_error_and_never_echoes_the_key(configure):
    at = open_page("app_pages/settings.py")
    at.selectbox(key="settings_backend").select("openai-compatible")
    at.text_input(key="settings_base_url").input(BACKEND_DOWN["OPENAI_BASE_URL"])
    at.text_input(key="settings_api_key").input("sk-test-secret-123")
    at.button(key="settings_test").click().run()
    assert not at.exception
    assert "127.0.0.1:9" in texts(at, "error")
    assert "openai-compatible" in texts(at.sidebar, "caption")
    assert at.text_input(key="settings_api_key").value == ""
    everything = "\n".join(str(getattr(e, "value", "")) for e in [*at.main, *at.sidebar])
    assert "sk-test-secret-123" not in everything
    assert at.text_input(key="settings_base_url").value == BACKEND_DOWN["OPENAI_BASE_URL"]
