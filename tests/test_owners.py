"""Owners and writers in-process: each user's notes and rows are their own, and two writers on one session never interleave."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.config import DATA_DIR, Settings
from coach.errors import NotFound, SessionChanged, Unanswered
from coach.fake_model import FakeChatModel
from coach.services import USER, Services
from coach.store import Store

INES, TOMAS = "https://login.uni.example.edu#ines", "https://login.uni.example.edu#tomas"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> Settings:
    """The shipped notes indexed once with hash embeddings (real plumbing, no semantics)."""
    folder = tmp_path_factory.mktemp("owners")
    settings = Settings(backend="fake", embeddings="fake", data_dir=folder, models_path=models_dir, _env_file=None)
    Services(settings).kb.ingest(DATA_DIR / "knowledge")
    return settings


@pytest.fixture
def services(indexed: Settings, tmp_path: Path) -> Services:
    settings = indexed.model_copy(update={"data_dir": tmp_path, "chroma_path": indexed.chroma_dir})
    return Services(settings, model=FakeChatModel(responses=["Handoffs start at seven on my unit."] * 20))


def test_a_users_notes_are_theirs_and_the_shipped_notes_everyones(services: Services, tmp_path: Path) -> None:
    note = tmp_path / "beekeeping.md"
    note.write_text("# Beekeeper\n\n## A day\nI inspect the hives for the queen every spring morning.\n")
    ines, tomas = services.for_owner(INES), services.for_owner(TOMAS)
    try:
        assert ines.add_notes([note]).added == 1
        assert [n["path"] for n in ines.list_notes(mine=True)] == ["beekeeping.md"]
        assert tomas.list_notes(mine=True) == []
        assert any(hit.source == USER for hit in ines.search("beekeeper inspect hives queen spring", k=10))
        assert all(hit.source != USER for hit in tomas.search("beekeeper inspect hives queen spring", k=10))
        assert tomas.note_text("beekeeping.md", mine=True) == ""
        assert tomas.remove_notes(["beekeeping.md"]) == 0 and ines.list_notes(mine=True)
        assert ines.list_notes() == tomas.list_notes() != []  # the shipped notes, shared and read-only
        assert ines.model is tomas.model is services.model  # one model for everyone
    finally:
        ines.remove_notes(None)


def test_views_share_components_but_not_rows(services: Services) -> None:
    ines, tomas = services.for_owner(INES), services.for_owner(TOMAS)
    assert services.for_owner(INES) is ines and ines.for_owner(services.owner) is services
    session = ines.start_interview("Registered Nurse", store=ines.store())
    with pytest.raises(NotFound, match="No session"):
        tomas.open_interview(session.session_id)
    assert [s.id for s in ines.store().list_sessions()] == [session.session_id]
    assert tomas.store().list_sessions() == []


def test_a_second_writer_is_refused_and_nothing_is_deleted(services: Services) -> None:
    store = services.store()
    first = services.start_interview("Registered Nurse", store=store)
    second = services.open_interview(first.session_id, store=Store(store.path))
    first.ask("What does a typical shift look like?").consume()
    with pytest.raises(SessionChanged):
        second.ask("How do handoffs work on your unit?")  # its view is stale: refused, not interleaved
    turns = services.open_interview(first.session_id).turns()
    assert [t.role for t in turns] == ["student", "professional"]
    reloaded = services.open_interview(first.session_id)
    reloaded.ask("How do handoffs work on your unit?").consume()
    assert [t.role for t in services.open_interview(first.session_id).turns()] == ["student", "professional"] * 2


def test_an_unanswered_question_is_never_dropped_to_make_room(services: Services) -> None:
    store = services.store()
    session = services.start_interview("Registered Nurse", store=store)
    store.add_turn(session.session_id, "student", "What does a typical shift look like?")
    resumed = services.open_interview(session.session_id)
    with pytest.raises(Unanswered, match="no answer yet"):
        resumed.ask("Something else entirely?")
    assert [t.text for t in resumed.turns()] == ["What does a typical shift look like?"]
    resumed.ask("What does a typical shift look like?").consume()  # sent again: answered, not doubled
    assert [(t.role, t.text) for t in resumed.turns()][0] == ("student", "What does a typical shift look like?")
    assert [t.role for t in resumed.turns()] == ["student", "professional"]
