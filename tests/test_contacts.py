"""Contacts, the pipeline's moves, the store's owner rules, the LAMP list, the Network page and `coach contacts`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from coach.config import PROJECT_ROOT, Settings
from coach.contact_store import ContactStore
from coach.contacts import ALLOWED, EVENT_KINDS, STAGES, ContactIn, funnel, new_contact
from coach.errors import UserInputError
from coach.services import Services
from coach.store import Store
from coach.targets import Target, TargetIn, lamp_key, list_order, ranked


@pytest.fixture
def services(settings: Settings) -> Services:
    return Services(settings)


@pytest.fixture
def contacts(services: Services) -> ContactStore:
    return services.contacts()


def add(contacts: ContactStore, name: str, organisation: str = "Fernhill Analytics", **extra):
    return contacts.add_contact(ContactIn(name=name, organisation=organisation, **extra))


def test_every_stage_has_its_moves():
    assert set(ALLOWED) == set(STAGES)
    assert all(moves <= set(EVENT_KINDS) for moves in ALLOWED.values())


def test_pipeline_moves_forward_and_explains_a_wrong_move(contacts: ContactStore):
    ana = add(contacts, "Ana Lindqvist")
    for kind, day in (("reached_out", 2), ("replied", 4), ("scheduled", 5), ("met", 9), ("thanked", 9), ("keeping_in_touch", 30)):
        contacts.log_event(ana.id, kind, date(2026, 3, day))
    with pytest.raises(UserInputError, match=r"at 'keeping in touch': 'replied' cannot come next \(possible: .*met"):
        contacts.log_event(ana.id, "replied", date(2026, 4, 1))
    with pytest.raises(UserInputError, match="log events in the order they happened"):
        contacts.log_event(ana.id, "met", date(2026, 3, 1))
    bo = add(contacts, "Bo Ferreira")
    contacts.log_event(bo.id, "met", date(2026, 3, 3))  # met at a fair before writing: steps may be skipped
    with pytest.raises(UserInputError, match="'followed up' cannot come next"):
        contacts.log_event(bo.id, "followed_up", date(2026, 3, 4))


def test_contacts_persist_update_and_delete_with_their_events(services: Services, contacts: ContactStore):
    ana = add(contacts, "Ana Lindqvist", role="Data Scientist", channel="linkedin")
    contacts.log_event(ana.id, "reached_out", date(2026, 3, 2), note="sent via LinkedIn")
    changed = contacts.update_contact(ana.id, role="Lead Data Scientist", notes="Prefers mornings")
    reopened = services.contacts(services.store())
    assert reopened.get_contact(ana.id) == changed and changed.role == "Lead Data Scientist"
    assert [(e.kind, e.on, e.note) for e in reopened.events(ana.id)] == [("reached_out", date(2026, 3, 2), "sent via LinkedIn")]
    with pytest.raises(UserInputError, match="cannot be edited: source"):
        contacts.update_contact(ana.id, source="linkedin")
    with pytest.raises(ValueError):
        contacts.update_contact(ana.id, channel="carrier pigeon")
    contacts.delete_contact(ana.id)
    assert contacts.list_contacts() == [] and contacts.events() == []


def test_same_database_file_and_pragmas_as_the_store(settings: Settings, contacts: ContactStore):
    add(contacts, "Ana Lindqvist")
    assert contacts.store.path == settings.db_path
    mode = contacts.store._db.execute("PRAGMA journal_mode").fetchone()[0]
    sync = contacts.store._db.execute("PRAGMA synchronous").fetchone()[0]
    assert (mode, sync) == ("wal", 2)  # 2 is FULL
    with sqlite3.connect(settings.db_path) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "contacts", "contact_events", "targets"} <= tables


def test_a_second_owner_sees_none_of_the_first_owners_contacts(settings: Settings):
    settings.data_dir.mkdir(parents=True)
    with Store(settings.db_path, owner="first") as first_store, Store(settings.db_path, owner="second") as second_store:
        first, second = ContactStore(first_store), ContactStore(second_store)
        ana = add(first, "Ana Lindqvist")
        first.log_event(ana.id, "reached_out", date(2026, 3, 2))
        first.add_target(TargetIn(organisation="Fernhill Analytics", motivation=3))
        assert second.list_contacts() == [] and second.events() == [] and second.list_targets() == []
        for attempt in (
            lambda: second.get_contact(ana.id),
            lambda: second.delete_contact(ana.id),
            lambda: second.log_event(ana.id, "replied", date(2026, 3, 3)),
        ):
            with pytest.raises(KeyError):
                attempt()
        with pytest.raises(UserInputError):
            second.find_contact("Ana")
        with pytest.raises(KeyError):
            second.update_contact(ana.id, role="x")
        assert [c.name for c in first.list_contacts()] == ["Ana Lindqvist"] and len(first.events()) == 1


def test_find_contact_by_id_prefix_or_name(contacts: ContactStore):
    ana, _ = add(contacts, "Ana Lindqvist"), add(contacts, "Anders Holm")
    assert contacts.find_contact(ana.id[:6]) == ana
    assert contacts.find_contact("ana lindqvist") == ana
    with pytest.raises(UserInputError, match="2 contacts match 'An'"):
        contacts.find_contact("An")


def test_new_contact_errors_name_the_field():
    with pytest.raises(UserInputError, match=r"^name: String should have at least 1 character\.$"):
        new_contact(name="")


def test_funnel_counts_each_contact_once(contacts: ContactStore):
    people = [add(contacts, name) for name in ("Ana Lindqvist", "Bo Ferreira", "Cy Okafor", "Di Marsh")]
    steps = [("reached_out", "replied", "met", "thanked"), ("reached_out", "declined"), ("reached_out",), ("met",)]
    for person, kinds in zip(people, steps):
        for kind in kinds:
            contacts.log_event(person.id, kind, date(2026, 3, 2))
    result = funnel(contacts.events())
    assert (result.reached_out, result.replied, result.met, result.thanked) == (3, 2, 2, 1)
    assert result.reply_rate == pytest.approx(2 / 3) and result.meeting_rate == pytest.approx(1 / 3)
    assert funnel(contacts.events(), date(2026, 3, 1)).reply_rate is None


def test_lamp_order_and_matching_notes():
    listed = [
        TargetIn(organisation="Northgate Studio", motivation=2, posting=True),
        TargetIn(organisation="Fernhill Analytics", role="Data Scientist", motivation=3, alumni=True),
        TargetIn(organisation="Tidewater Labs", motivation=3, posting=True),
        TargetIn(organisation="Harbourline Health", motivation=2, posting=True, alumni=True),
        TargetIn(organisation="Quarry Books", motivation=2, posting=True),
    ]
    targets = [Target(**t.model_dump(), id=str(i), owner="me", created_at=str(i)) for i, t in enumerate(listed)]
    hits = {
        "Data Scientist": [
            SimpleNamespace(path="data-scientist.md", role="Data Scientist", section="A week"),
            SimpleNamespace(path="data-scientist.md", role="Data Scientist", section="Paths in"),
            SimpleNamespace(path="data-analyst.md", role="Data Analyst", section="Tools"),
        ]
    }
    result = ranked(targets, lambda query: hits.get(query, []))
    assert [r.target.organisation for r in result] == ["Tidewater Labs", "Fernhill Analytics", "Harbourline Health", "Northgate Studio", "Quarry Books"]
    assert [r.rank for r in result] == [1, 2, 3, 4, 5]
    assert [n.path for n in result[1].notes] == ["data-scientist.md", "data-analyst.md"] and result[0].notes == []
    assert lamp_key(listed[2]) < lamp_key(listed[1])  # Motivation first, then Posting, then Alumni
    with pytest.raises(ValueError, match="organisation or a role"):
        TargetIn(organisation=" ")


def test_the_next_contact_comes_from_the_top_of_the_target_list(services: Services, contacts: ContactStore):
    ana = add(contacts, "Ana Lindqvist", "Quarry Books")
    add(contacts, "Bo Ferreira", "Northgate Studio")
    add(contacts, "Cy Okafor", "Tidewater Labs")
    contacts.add_target(TargetIn(organisation="Tidewater Labs", motivation=3))
    contacts.add_target(TargetIn(organisation="Northgate Studio", motivation=1))
    assert [c.name for c in list_order(contacts.list_contacts(), contacts.list_targets())] == ["Cy Okafor", "Bo Ferreira", "Ana Lindqvist"]
    contacts.log_event(ana.id, "reached_out", date(2026, 3, 2))
    (three_b,) = services.due(contacts, date(2026, 3, 5))
    assert three_b.rule == "3B" and "Cy Okafor" in three_b.message


def coach(data_dir: Path, *args: str, owner: str = "cli-user") -> subprocess.CompletedProcess:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))},
        "COACH_BACKEND": "fake",
        "COACH_EMBEDDINGS": "fake",
        "COACH_DATA_DIR": str(data_dir),
        "COACH_OWNER": owner,
    }
    return subprocess.run([sys.executable, "-m", "coach", "contacts", *args], capture_output=True, text=True, env=env, cwd=data_dir, timeout=120)


def test_cli_add_log_due_import_export(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    assert (
        coach(
            data, "add", "Ana Lindqvist", "--role", "Data Scientist", "--org", "Fernhill Analytics", "--connection", "We are both alumni of Lakeside College"
        ).returncode
        == 0
    )
    assert coach(data, "log", "Ana", "reached_out", "--on", "2026-03-02").stdout.strip() == "Ana Lindqvist: reached out on 2026-03-02"
    thursday = json.loads(coach(data, "due", "--on", "2026-03-05", "--json").stdout)
    assert [(item["rule"], item["due_on"]) for item in thursday] == [("3B", "2026-03-05")]
    wednesday = coach(data, "due", "--on", "2026-03-11")
    assert "[7B]" in wednesday.stdout and "outreach rubric: 100/100" in wednesday.stdout
    assert "Nothing due on 2026-03-04." in coach(data, "due", "--on", "2026-03-04").stdout
    wrong = coach(data, "log", "Ana", "thanked", "--on", "2026-03-03")
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "cannot come next" in wrong.stderr
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"Name,Company\nIda Voss,Fernhill, Inc.\n")
    refused = coach(data, "import", str(bad))
    assert refused.returncode == 2 and "bad.csv, line 2: 3 fields where the header has 2" in refused.stderr
    good = tmp_path / "people.csv"
    good.write_text("Name,Company\nBo Ferreira,Fernhill Analytics\n", encoding="utf-8")
    assert json.loads(coach(data, "import", str(good), "--json").stdout)["added"] == 1
    listed = json.loads(coach(data, "list", "--json").stdout)
    assert [(row["name"], row["stage"]) for row in listed] == [("Ana Lindqvist", "reached_out"), ("Bo Ferreira", "to_contact")]
    assert "Bo Ferreira,,Fernhill Analytics" in coach(data, "export").stdout
    ics = tmp_path / "reminders.ics"
    assert coach(data, "export", "--format", "ics", "--on", "2026-03-02", "-o", str(ics)).returncode == 0
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 2
    assert json.loads(coach(data, "list", "--json", owner="someone-else").stdout) == []


def test_network_page_shows_the_3b7_routine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, models_dir: Path):
    """The page through AppTest: the "as of" date moves the reminders (the browser test does the same in Chromium)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from coach.config import get_settings

    data = tmp_path / "data"
    for name, value in {
        "COACH_BACKEND": "fake",
        "COACH_EMBEDDINGS": "fake",
        "COACH_DATA_DIR": str(data),
        "COACH_MODELS_PATH": str(models_dir),
        "COACH_OWNER": "page-user",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    st.cache_resource.clear()
    try:
        store = ContactStore(Store(data / "coach.db", owner="page-user"))
        ana = add(store, "Ana Lindqvist", role="Data Scientist", connection="We are both alumni of Lakeside College")
        store.log_event(ana.id, "reached_out", date(2026, 3, 2))
        at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60).run()
        at.switch_page("app_pages/network.py").run()
        assert not at.exception, at.exception
        at.date_input(key="network_on").set_value(date(2026, 3, 5)).run()
        shown = "\n".join(str(m.value) for m in at.markdown)
        assert "Due on 2026-03-05" in [h.value for h in at.subheader]
        assert "[due] **`3B`**" in shown and ":blue-badge[2026-03-11] **`7B`**" in shown  # 7B: later this week
        at.date_input(key="network_on").set_value(date(2026, 3, 11)).run()
        shown = "\n".join(str(m.value) for m in at.markdown)
        assert "[due] **`7B`**" in shown and "`3B`" not in shown
        assert [m.value for m in at.metric] == ["0%", "0%"]
    finally:
        get_settings.cache_clear()
        st.cache_resource.clear()


def test_reach_out_page_logs_reached_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, models_dir: Path):
    """The hook on Reach out: pick a contact and a date, and the step is in the pipeline."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from coach.config import get_settings

    data = tmp_path / "data"
    for name, value in {
        "COACH_BACKEND": "fake",
        "COACH_EMBEDDINGS": "fake",
        "COACH_DATA_DIR": str(data),
        "COACH_MODELS_PATH": str(models_dir),
        "COACH_OWNER": "hook-user",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    st.cache_resource.clear()
    try:
        store = ContactStore(Store(data / "coach.db", owner="hook-user"))
        ana = add(store, "Ana Lindqvist")
        at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60).run()
        at.switch_page("app_pages/reach_out.py").run()
        assert not at.exception, at.exception
        at.date_input(key="reach_log_on").set_value(date(2026, 3, 2))
        next(b for b in at.button if b.label == "Log reached out").click().run()
        assert not at.exception, at.exception
        assert [(e.kind, e.on) for e in store.events(ana.id)] == [("reached_out", date(2026, 3, 2))]
    finally:
        get_settings.cache_clear()
        st.cache_resource.clear()
