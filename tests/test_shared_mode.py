"""Shared mode in a real Chromium against a real OpenID Connect provider on 127.0.0.1 (oidc-provider-mock).

Two students sign in from two browser contexts: each sees only their own history, and the Settings page is
read-only; a signed-out browser sees the sign-in page and nothing else, whatever URL it opens.
"""

from __future__ import annotations

import importlib.util
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser_support import (
    VIEWPORT,
    CoachServer,
    chromium,
    coach_server,
    go_to,
    require_browser,
    send,
    start_practice,
    wait_for_reply,
    wait_idle,
)
from tests.conftest import free_port, serving

pytestmark = pytest.mark.browser

STUDENTS = ("student-ines-ferreira", "student-tomas-okafor")
ROLES = {STUDENTS[0]: "Data Scientist", STUDENTS[1]: "Registered Nurse"}
TIMEOUT = 60_000
INSTALL_HINT = "pip install -c constraints.txt -e '.[dev]' (it carries oidc-provider-mock and authlib)"


def require_oidc() -> None:
    for module in ("oidc_provider_mock", "authlib"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is missing: {INSTALL_HINT}")


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real OpenID Connect provider on a free loopback port, with the two students predefined."""
    require_browser()
    require_oidc()
    port = free_port()
    users = [arg for sub in STUDENTS for arg in ("--user-claims", f'{{"sub": "{sub}", "email": "{sub}@uni.example.edu", "name": "{sub}"}}')]
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    url = f"http://127.0.0.1:{port}"
    with serving([sys.executable, "-m", "oidc_provider_mock", "--port", str(port), *users], log, f"{url}/.well-known/openid-configuration"):
        yield url


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory, models_dir: Path, provider: str) -> Iterator[CoachServer]:
    """`streamlit run app.py` in shared mode, its secrets file pointing at the provider."""
    folder = tmp_path_factory.mktemp("shared-server")
    port = free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-that-is-long-enough-0123456789"\n'
        'client_id = "coach"\n'
        'client_secret = "coach-test-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    shared = {"COACH_MODE": "shared", "OPENAI_API_KEY": "sk-server-key-never-shown"}
    with coach_server(folder, models_dir, "fake", "fake", ["--secrets.files", str(secrets)], port, **shared) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    """One headless Debian Chromium for the module."""
    with chromium() as launched:
        yield launched


@contextmanager
def context_page(browser) -> Iterator:
    """A page in its own browser context (its own cookies); nothing outside loopback is fetched."""
    context = browser.new_context(viewport=VIEWPORT)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"), lambda route: route.abort())  # the provider's page links a CDN stylesheet
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        yield page
    finally:
        context.close()


def sign_in(page, server: CoachServer, provider: str, student: str) -> None:
    page.goto(server.url)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(re.escape(provider) + "/oauth2/authorize"))
    page.get_by_role("button", name=student, exact=True).click()
    page.wait_for_url(re.compile(re.escape(server.url) + r"/?$"))
    page.get_by_role("heading", name="Prepare", exact=True).wait_for()
    wait_idle(page)
    assert student in page.get_by_test_id("stSidebar").inner_text()


def history_titles(page) -> list[str]:
    go_to(page, "History")
    return [title.inner_text() for title in page.get_by_test_id("stMarkdownContainer").locator("strong").all() if "·" not in title.inner_text()]


def test_a_signed_out_browser_sees_only_the_sign_in_page(browser, shared_server: CoachServer) -> None:
    with context_page(browser) as page, shared_server.log_on_failure():
        for path in ("/", "/history", "/practise", "/settings"):
            page.goto(shared_server.url + path)
            page.get_by_role("heading", name="Sign in to Coach").wait_for()
            wait_idle(page)
            assert page.get_by_test_id("stSidebarNavLink").count() == 0
            text = page.get_by_test_id("stApp").inner_text()
            assert "History" not in text and "Practice sessions" not in text and "Practise" not in text, text


def test_two_students_each_see_only_their_own_history(browser, shared_server: CoachServer, provider: str) -> None:
    personas = {}
    with shared_server.log_on_failure():
        for student in STUDENTS:
            with context_page(browser) as page:
                sign_in(page, shared_server, provider, student)
                go_to(page, "Practise")
                # Names come from one bank whatever the role, so two students can draw the same one: a session is
                # told apart by its History title, "Name, Role", and the two roles differ.
                personas[student] = f"{start_practice(page, ROLES[student])}, {ROLES[student]}"
                send(page, f"What does a typical week look like for you, {student.split('-')[1]}?")
                wait_for_reply(page, 1, TIMEOUT)
                assert any(personas[student] in title for title in history_titles(page))
        for student, other in (STUDENTS, STUDENTS[::-1]):
            with context_page(browser) as page:
                sign_in(page, shared_server, provider, student)
                titles = history_titles(page)
                assert any(personas[student] in title for title in titles), titles
                assert not any(personas[other] in title for title in titles), f"{student} sees {other}'s session: {titles}"
                text = page.get_by_test_id("stMain").inner_text()
                assert other.split("-")[1] not in text
    with sqlite3.connect(Path(shared_server.log.parent / "data" / "coach.db")) as db:
        owners = {row[0] for row in db.execute("SELECT DISTINCT owner FROM sessions")}
    assert owners == {f"{provider}#{student}" for student in STUDENTS}, owners


def test_settings_are_read_only_and_the_server_key_never_shows(browser, shared_server: CoachServer, provider: str) -> None:
    with context_page(browser) as page, shared_server.log_on_failure():
        sign_in(page, shared_server, provider, STUDENTS[0])
        page.goto(shared_server.url + "/settings")
        page.get_by_role("heading", name="Settings", exact=True).wait_for()
        wait_idle(page)
        text = page.get_by_test_id("stMain").inner_text()
        assert "set by the server" in text, text
        assert page.get_by_role("button", name="Save").count() == 0
        assert page.get_by_label("Base URL").count() == 0 or page.get_by_label("Base URL").is_disabled()
        assert "sk-server-key-never-shown" not in page.content()
        page.get_by_test_id("stSidebar").get_by_role("button", name="Sign out").click()
        end_session, signed_out = page.get_by_role("button", name="End session"), page.get_by_role("heading", name="Sign in to Coach")
        end_session.or_(signed_out).wait_for()
        if end_session.is_visible():  # the provider asks before it ends its own session, then sends the browser back
            end_session.click()
        signed_out.wait_for()
        page.goto(shared_server.url + "/history")
        page.get_by_role("heading", name="Sign in to Coach").wait_for()
        assert page.get_by_test_id("stSidebarNavLink").count() == 0
