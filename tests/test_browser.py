"""The whole student path in a real Chromium against `streamlit run app.py`: fake backend, then the bundled model."""

from __future__ import annotations

import os
import re
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
    screenshot,
    send,
    start_practice,
    wait_for_reply,
    wait_idle,
)

pytestmark = pytest.mark.browser

ROLE = "Data Scientist"
TIARA = ("Trends", "Insights", "Advice", "Resources", "Assignments")
QUESTIONS = (
    "What does a typical week look like for you as a data scientist?",
    "What surprised you most when you started in this field?",
    "What would you do in your first year if you were starting again?",
)
OUTREACH = "Hi Jane, can you get me a job at your company? I attached my resume.\n\nThanks,\nSam"
# One llama.cpp thread: its threads spin while they wait for each other, so with two of them on a two-core
# machine that also runs Chromium a reply took 80 to 120 s instead of about 20 s.
LOCAL_ENV = {"COACH_MAX_TOKENS": "96", "COACH_THREADS": "1"}


@pytest.fixture(scope="module")
def browser():
    """One headless Debian Chromium for the module."""
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def fake_server(tmp_path_factory: pytest.TempPathFactory, models_dir: Path):
    require_browser()
    with coach_server(tmp_path_factory.mktemp("fake-server"), models_dir, "fake", "fake") as server:
        yield server


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory, models_dir: Path):
    """The bundled SmolLM2 and the real MiniLM embeddings, short replies to keep the walk quick."""
    require_browser()
    with coach_server(tmp_path_factory.mktemp("local-server"), models_dir, "local", "local", **LOCAL_ENV) as server:
        yield server


@contextmanager
def open_page(browser, timeout: float) -> Iterator:
    """A page in its own browser context (its own cookies, so its own Streamlit session)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.set_default_timeout(timeout)
        yield page
    finally:
        context.close()


def walk(page, server: CoachServer, shots: Path, reply_timeout: float, publish_to: Path | None = None) -> None:
    """Plan questions, practise three turns and get feedback, review, fix and polish an email, find the session in History."""
    page.goto(server.url)
    page.get_by_role("heading", name="Prepare", exact=True).wait_for(timeout=60_000)
    wait_idle(page)

    page.get_by_label("Target role").fill(ROLE)
    page.get_by_role("button", name="Plan my questions").click()
    page.get_by_role("heading", name=f"Questions for a {ROLE}").wait_for(timeout=reply_timeout)
    for area in TIARA:
        page.get_by_role("heading", name=area, exact=True).wait_for()
    screenshot(page, "prepare", shots, publish_to)

    go_to(page, "Practise")
    persona = start_practice(page, ROLE)
    for turn, question in enumerate(QUESTIONS, start=1):
        send(page, question)
        reply = wait_for_reply(page, turn, reply_timeout)
        assert page.get_by_test_id("stChatMessageContent").nth(2 * turn - 2).inner_text().strip() == question
        assert reply != question
    screenshot(page, "practise", shots, publish_to)
    page.get_by_role("button", name="End session").click()
    page.get_by_role("heading", name="Feedback", exact=True).wait_for(timeout=reply_timeout)
    score = page.get_by_test_id("stMetric").filter(has_text="Score").get_by_test_id("stMetricValue").inner_text()
    assert re.fullmatch(r"\d{1,3}/100", score), score
    screenshot(page, "feedback", shots, publish_to)

    go_to(page, "Reach out")
    page.get_by_label("Your draft").fill(OUTREACH)
    page.get_by_role("button", name="Review draft").click()
    page.get_by_role("heading", name=re.compile(r"^Review: \d+\/100$")).wait_for(timeout=reply_timeout)
    for code in ("job-ask", "attachment", "missing-subject"):
        page.locator("code", has_text=re.compile(rf"^{code}$")).first.wait_for()
    page.get_by_role("heading", name="Fixes", exact=True).wait_for()
    page.get_by_role("button", name="Polish with the model").click()
    page.get_by_role("heading", name="Polish", exact=True).wait_for(timeout=reply_timeout)
    assert page.get_by_test_id("stCode").first.inner_text().strip(), "the fixed draft is empty"
    screenshot(page, "reach-out", shots, publish_to)

    page.reload()  # a new browser session: History must come from the store, not session state
    page.get_by_role("heading", name="Reach out", exact=True).wait_for(timeout=60_000)
    wait_idle(page)
    go_to(page, "History")
    listed = page.get_by_test_id("stVerticalBlock").filter(has_text=persona).filter(has_text=f"score {score}").last
    listed.wait_for()
    assert "ended" in listed.inner_text()
    screenshot(page, "history", shots, publish_to)


def test_full_walk_in_a_real_browser_fake_backend(browser, fake_server: CoachServer, tmp_path: Path):
    """`make screenshots` runs this one: the fake backend makes the pictures repeatable."""
    publish_to = Path(os.environ["COACH_SCREENSHOT_DIR"]) if os.environ.get("COACH_SCREENSHOT_DIR") else None
    with open_page(browser, timeout=30_000) as page, fake_server.log_on_failure():
        walk(page, fake_server, tmp_path, reply_timeout=30_000, publish_to=publish_to)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["feedback.png", "history.png", "practise.png", "prepare.png", "reach-out.png"]


@pytest.mark.slow
def test_full_walk_in_a_real_browser_local_model(browser, local_server: CoachServer, tmp_path: Path):
    with open_page(browser, timeout=60_000) as page, local_server.log_on_failure():
        walk(page, local_server, tmp_path, reply_timeout=180_000)


def mapped_bytes(pid: int, path: Path) -> int:
    """Bytes of the file the process has mmapped (llama.cpp maps the model once and unmaps the header)."""
    total = 0
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        if line.endswith(" " + str(path)):
            start, end = line.split()[0].split("-")
            total += int(end, 16) - int(start, 16)
    return total


@pytest.mark.slow
def test_two_sessions_ask_the_local_model_at_once_and_share_one_copy(browser, local_server: CoachServer, gguf_path: Path):
    with open_page(browser, timeout=60_000) as first, open_page(browser, timeout=60_000) as second, local_server.log_on_failure():
        pages = (first, second)
        for page, role in zip(pages, (ROLE, "Registered Nurse")):
            page.goto(local_server.url)
            page.get_by_role("heading", name="Prepare", exact=True).wait_for()
            go_to(page, "Practise")
            start_practice(page, role)
            page.get_by_test_id("stChatInputTextArea").fill(QUESTIONS[0])
        for page in pages:  # both questions are in before either reply starts
            page.get_by_test_id("stChatInputTextArea").press("Enter")
        replies = [wait_for_reply(page, 1, timeout=180_000) for page in pages]
    assert all(replies)
    # Two copies of the model would map more bytes than the file holds.
    assert 0 < mapped_bytes(local_server.pid, gguf_path.resolve()) <= gguf_path.stat().st_size
