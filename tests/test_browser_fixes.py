"""Reach out in a real Chromium: the fixes beside the draft, accepted or rejected one by one, decide the copied text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from coach.rubric.fixes import apply_edits, suggest
from tests.browser_support import VIEWPORT, chromium, coach_server, go_to, require_browser, wait_idle

pytestmark = pytest.mark.browser

DRAFT = (
    "Subject: Tallis alum\nHi Jane,\n\nWe met at the Tallis alumni night. I'm so sorry to bother you. I attached my resume. "
    "Could you refer me for the analyst opening on your urban forestry team?\n\nBest,\nSam"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, models_dir: Path):
    require_browser()
    with coach_server(tmp_path_factory.mktemp("fix-server"), models_dir, "fake", "fake") as running:
        yield running


def checkbox(page, code: str):
    """The suggested edit of a rule code."""
    return page.get_by_test_id("stCheckbox").filter(has=page.locator("code", has_text=re.compile(rf"^{re.escape(code)}$")))


def set_checked(page, code: str, wanted: bool) -> None:
    """Click an edit's checkbox until it shows the wanted state (a click during a rerun can be lost)."""
    box = checkbox(page, code)
    for _ in range(3):
        if box.get_by_role("checkbox").is_checked() == wanted:
            return
        box.locator("label").click()
        wait_idle(page)
        page.wait_for_timeout(500)
    assert box.get_by_role("checkbox").is_checked() == wanted, f"the {code} edit did not become {wanted}"


def text_becomes(locator, expected: str, seconds: float = 30) -> str:
    """The locator's text once it equals expected (after the app's rerun), or the last text seen."""
    deadline = time.monotonic() + seconds
    text = locator.inner_text().strip()
    while text != expected and time.monotonic() < deadline:
        time.sleep(0.3)
        text = locator.inner_text().strip()
    return text


def test_accepting_two_edits_and_rejecting_one_copies_the_draft_with_exactly_those_edits(server, tmp_path: Path) -> None:
    base, edits = suggest(DRAFT, "outreach")
    assert [e.code for e in edits] == ["apologetic", "attachment", "job-ask"]
    expected = apply_edits(base, [edits[0], edits[2]])
    with chromium() as browser, server.log_on_failure():
        context = browser.new_context(viewport=VIEWPORT, permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(server.url)
        page.get_by_role("heading", name="Prepare", exact=True).wait_for(timeout=60_000)
        wait_idle(page)
        go_to(page, "Reach out")
        page.get_by_label("Your draft").fill(DRAFT)
        page.get_by_role("button", name="Review draft").click()
        page.get_by_role("heading", name="Fixes").wait_for()
        wait_idle(page)
        assert checkbox(page, "apologetic").get_by_role("checkbox").is_checked()  # safe edits start accepted
        assert not checkbox(page, "job-ask").get_by_role("checkbox").is_checked()  # unsafe ones do not
        set_checked(page, "attachment", False)  # reject a safe edit
        set_checked(page, "job-ask", True)  # accept an unsafe one
        fixed = page.get_by_test_id("stCode").first
        assert text_becomes(fixed, expected.strip()) == expected.strip()
        fixed.hover()
        fixed.get_by_role("button").first.click()  # st.code's copy button
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == expected.strip()
        assert "I attached my resume." in copied and "sorry" not in copied and "refer me" not in copied
        page.screenshot(path=tmp_path / "reach-out-fixes.png", full_page=True)
        context.close()
