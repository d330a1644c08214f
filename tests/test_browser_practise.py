"""A 4-turn practice in a real Chromium on the bundled model: each reply shown once, checked, with its sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_support import VIEWPORT, chromium, coach_server, go_to, require_browser, send, start_practice, wait_for_reply, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROLE = "Pharmacist"
QUESTIONS = (
    "What does a typical day look like for you?",
    "How is pharmacy practice changing right now?",
    "What would you do in my place to prepare?",
    "Who else should I talk to?",
)
LOCAL_ENV = {"COACH_THREADS": "1"}
SOURCE_CAPTIONS = ("Worded by the model from the notes below", "Said from the notes below")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, models_dir: Path):
    require_browser()
    with coach_server(tmp_path_factory.mktemp("practise-local"), models_dir, "local", "local", **LOCAL_ENV) as server, chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT)
        opened = context.new_page()
        opened.set_default_timeout(120_000)
        opened.goto(server.url)
        wait_idle(opened, 120_000)
        with server.log_on_failure():
            yield opened


def test_a_four_turn_practice_shows_each_reply_once_with_its_sources(page) -> None:
    go_to(page, "Practise")
    start_practice(page, ROLE)
    for turn, question in enumerate(QUESTIONS, start=1):
        send(page, question)
        reply = wait_for_reply(page, turn, 180_000)
        messages = page.get_by_test_id("stChatMessageContent")
        assert messages.count() == 2 * turn  # nothing doubled: one student message and one reply per turn
        opening = reply.splitlines()[0][:50]
        # once: in one message only (its passages, under "Grounded on", may quote the same note line)
        assert messages.filter(has_text=opening).count() == 1, f"turn {turn}: the reply appears in more than one message"
        assert reply.count(opening) == 1, f"turn {turn}: the reply repeats itself"
        shown = messages.nth(2 * turn - 1)
        assert any(shown.get_by_text(caption, exact=False).count() == 1 for caption in SOURCE_CAPTIONS)
        expander = shown.get_by_test_id("stExpander")
        assert "Grounded on" in expander.inner_text() and "no notes" not in expander.inner_text()
        expander.click()
        assert "pharmacist.md" in expander.inner_text() or "general_lines.yaml" in expander.inner_text()
