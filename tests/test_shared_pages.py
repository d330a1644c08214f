"""Shared mode and lost work through AppTest: the sign-in gate, owners, read-only settings, unanswered turns."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from coach.config import DATA_DIR, PROJECT_ROOT, Settings, get_settings
from coach.services import Services
from coach.store import Store

APP = str(PROJECT_ROOT / "app.py")
ISSUER = "https://login.uni.example.edu"
AUTH = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "x" * 40,
        "client_id": "coach",
        "client_secret": "s",
        "server_metadata_url": f"{ISSUER}/.well-known/openid-configuration",
    }
}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("shared-app-data")
    Services(Settings(backend="fake", embeddings="fake", data_dir=folder, models_path=models_dir, _env_file=None)).kb.ingest(DATA_DIR / "knowledge")
    return folder


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_dir: Path, models_dir: Path):
    def apply(**extra: str) -> None:
        env = {"COACH_BACKEND": "fake", "COACH_EMBEDDINGS": "fake", "COACH_DATA_DIR": str(data_dir), "COACH_MODELS_PATH": str(models_dir), **extra}
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        st.cache_resource.clear()

    monkeypatch.chdir(tmp_path)
    apply()
    yield apply
    get_settings.cache_clear()
    st.cache_resource.clear()


def app(user: dict | None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets.update(AUTH)
    at.user = user if user is not None else {"is_logged_in": False}
    at.run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def student(sub: str) -> dict:
    return {"is_logged_in": True, "iss": ISSUER, "sub": sub, "email": f"{sub}@uni.example.edu"}


def text(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("title", "markdown", "info", "caption", "error", "subheader") for e in getattr(at, kind))


def test_signed_out_sees_the_sign_in_page_only(configure) -> None:
    configure(COACH_MODE="shared")
    started = time.monotonic()
    at = app(None)
    assert [t.value for t in at.title] == ["Sign in to Coach"]
    assert at.button(key="auth_sign_in").label == "Sign in"
    assert "Prepare" not in text(at) and "Practice sessions" not in text(at)
    assert time.monotonic() - started < 30


def test_each_student_sees_only_their_own_sessions_items_and_drafts(configure, data_dir: Path) -> None:
    configure(COACH_MODE="shared")
    owners = {sub: f"{ISSUER}#{sub}" for sub in ("ines", "tomas")}
    for sub, owner in owners.items():
        with Store(data_dir / "coach.db", owner=owner) as store:
            store.create_session("Data Scientist", "warm", 20, {"name": f"Persona of {sub}"}, title=f"Persona of {sub}, Data Scientist")
            store.save_item("review", f"Review by {sub}", {"review": {"score": 50, "text": f"draft of {sub}", "findings": []}})
            store.save_draft("reach_draft", f"Hi, this is {sub}'s draft.")
    for sub, other in (("ines", "tomas"), ("tomas", "ines")):
        at = app(student(sub), "app_pages/history.py")
        shown = text(at) + "\n".join(e.label for e in at.expander)
        assert f"Persona of {sub}" in shown and f"Review by {sub}" in shown
        assert f"Persona of {other}" not in shown and f"Review by {other}" not in shown
        reach = app(student(sub), "app_pages/reach_out.py")
        assert reach.text_area(key="reach_draft").value == f"Hi, this is {sub}'s draft."
    with Store(data_dir / "coach.db", owner="local") as store:
        assert not store.list_sessions()  # nothing leaked to the personal-mode owner


def test_settings_are_read_only_in_shared_mode(configure) -> None:
    configure(COACH_MODE="shared", OPENAI_API_KEY="sk-server-key")
    at = app(student("ines"), "app_pages/settings.py")
    assert "set by the server" in text(at)
    assert not [b for b in at.button if b.key == "settings_apply"]
    assert all(box.disabled for box in at.text_input)
    assert "sk-server-key" not in text(at)


def test_personal_mode_needs_no_sign_in(configure) -> None:
    at = app({"email": "test@example.com"})
    assert "Sign in to Coach" not in [t.value for t in at.title]


def test_a_resumed_unanswered_question_is_back_in_the_chat_box(configure, data_dir: Path) -> None:
    configure(COACH_OWNER="resumer")
    services = Services(get_settings())
    with Store(data_dir / "coach.db", owner="resumer") as store:
        session_id = services.start_interview("Data Scientist", store=store).session_id
        store.add_turn(session_id, "student", "What does a typical week look like?")  # the reply never came
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["practise_session_id"] = session_id
    at.run()
    at.switch_page("app_pages/practise.py").run()
    assert not at.exception, at.exception
    assert at.chat_input(key="practise_chat").value == "What does a typical week look like?"
    assert "has no answer yet" in text(at)
    at.chat_input(key="practise_chat").set_value("A different question?").run()
    assert not at.exception
    assert any("has no answer yet" in e.value for e in at.error), [e.value for e in at.error]
    with Store(data_dir / "coach.db", owner="resumer") as store:
        turns = store.turns(session_id)
    assert [t.text for t in turns if t.role == "student"] == ["What does a typical week look like?"]


def test_a_damaged_database_is_one_message_not_a_traceback(configure, tmp_path: Path, models_dir: Path) -> None:
    data = tmp_path / "broken"
    data.mkdir()
    (data / "coach.db").write_bytes(b"not a database\n" * 100)
    configure(COACH_DATA_DIR=str(data), COACH_CHROMA_PATH=str(tmp_path / "chroma"))
    started = time.monotonic()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Coach cannot open its database"]
    assert "run `coach doctor` for how to recover" in at.error[0].value
    assert (data / "coach.db").read_bytes() == b"not a database\n" * 100
    assert time.monotonic() - started < 30
