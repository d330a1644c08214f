"""The Network page in a real Chromium: add a contact, log "reached out" on a Monday, see the 3B7 routine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser_support import VIEWPORT, chromium, coach_server, require_browser, screenshot, wait_idle

pytestmark = pytest.mark.browser

MONDAY, THURSDAY, WEDNESDAY_AFTER = "2026/03/02", "2026/03/05", "2026/03/11"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, models_dir: Path):
    require_browser()
    with coach_server(tmp_path_factory.mktemp("network-server"), models_dir, "fake", "fake") as running:
        yield running


@pytest.fixture
def page(server):
    with chromium() as browser:
        opened = browser.new_context(viewport=VIEWPORT).new_page()
        opened.set_default_timeout(30_000)
        yield opened


def set_date(page, label: str, value: str, within=None) -> None:
    """Type a date (YYYY/MM/DD) into a Streamlit date input's year, month and day segments and commit it."""
    year, month, day = value.split("/")
    (within or page).get_by_role("spinbutton", name=f"year, {label}", exact=True).click()
    page.keyboard.type(year + month + day)  # each full segment moves the caret to the next one
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Network", exact=True).click()  # leave the field: it commits on blur
    wait_idle(page)


def reminder(page, rule: str, status: str):
    """The card of a reminder by rule code and badge text ("due", or a date for one later this week)."""
    return page.get_by_test_id("stVerticalBlock").filter(has=page.locator("code", has_text=re.compile(rf"^{rule}$"))).filter(has_text=status).last


def test_3b7_reminders_on_thursday_and_the_wednesday_after(page, server, tmp_path: Path):
    with server.log_on_failure():
        page.goto(server.url)
        page.get_by_role("heading", name="Prepare", exact=True).wait_for(timeout=60_000)
        wait_idle(page)
        page.get_by_test_id("stSidebarNavLink").filter(has_text=re.compile(r"Network$")).click()
        page.wait_for_url(re.compile(r"/network$"))
        page.get_by_role("heading", name="Network", exact=True).wait_for()
        wait_idle(page)

        add_form = page.get_by_test_id("stForm").filter(has_text="Add a contact")
        add_form.get_by_label("Name", exact=True).fill("Ana Lindqvist")
        add_form.get_by_label("Role", exact=True).fill("Data Scientist")
        add_form.get_by_label("Organisation", exact=True).fill("Fernhill Analytics")
        add_form.get_by_role("textbox", name="How you found them").fill("We are both alumni of Lakeside College")
        add_form.get_by_role("button", name="Add contact").click()
        page.get_by_text("Added Ana Lindqvist.").wait_for()
        wait_idle(page)

        log_form = page.get_by_test_id("stForm").filter(has_text="Log an event")
        assert log_form.get_by_role("combobox", name="Event").input_value() == "reached out"  # the first step
        set_date(page, "Date", MONDAY, within=log_form)
        log_form.get_by_role("button", name="Log event").click()
        page.get_by_text("Logged: Ana Lindqvist (Fernhill Analytics), reached out on 2026-03-02.").wait_for()
        wait_idle(page)

        set_date(page, "As of", THURSDAY)
        page.get_by_role("heading", name="Due on 2026-03-05").wait_for()
        reminder(page, "3B", "due").wait_for()
        assert "3 business days after 2026-03-02" in reminder(page, "3B", "due").inner_text()
        reminder(page, "7B", "2026-03-11").wait_for()  # listed under "This week", not due yet
        screenshot(page, "network-thursday", tmp_path)

        set_date(page, "As of", WEDNESDAY_AFTER)
        page.get_by_role("heading", name="Due on 2026-03-11").wait_for()
        follow_up = reminder(page, "7B", "due")
        follow_up.wait_for()
        assert "7 business days after 2026-03-02" in follow_up.inner_text()
        assert page.locator("code", has_text=re.compile(r"^3B$")).count() == 0
        follow_up.get_by_text(re.compile(r"^Draft · outreach rubric 100/100")).click()
        follow_up.get_by_test_id("stCode").filter(has_text="Subject: Following up").wait_for()
        screenshot(page, "network-wednesday", tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["network-thursday.png", "network-wednesday.png"]
