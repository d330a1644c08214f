"""Specification of coach.store: what is kept, for whom, and what survives a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from coach.export import session_markdown
from coach.store import SessionRecord, Store

REPO = Path(__file__).resolve().parents[1]
PERSONA = {"name": "Dr. Ana Ruiz", "title": "Charge nurse"}


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "coach.db") as opened:
        yield opened


@pytest.fixture
def session(store: Store) -> SessionRecord:
    return store.create_session("nurse", "warm", 20, PERSONA, title="Nursing chat")


# Sessions


def test_a_new_session_is_active_and_has_a_uuid_hex_id(session: SessionRecord):
    assert len(session.id) == 32 and int(session.id, 16) >= 0
    assert session.status == "active"
    assert session.owner == "local"
    assert session.created_at == session.updated_at


def test_a_session_can_be_resumed_after_reopening_the_file(tmp_path: Path):
    with Store(tmp_path / "coach.db") as first:
        created = first.create_session("nurse", "warm", 20, PERSONA)
        first.add_turn(created.id, "student", "Hello")
    with Store(tmp_path / "coach.db") as second:
        assert second.get_session(created.id) == second.list_sessions()[0]
        assert second.get_session(created.id).persona == PERSONA
        assert [turn.text for turn in second.turns(created.id)] == ["Hello"]


def test_sessions_are_listed_newest_first_and_limited(store: Store):
    ids = [store.create_session(f"role {n}", "warm", 10, {}).id for n in range(3)]
    assert [s.id for s in store.list_sessions()] == ids[::-1]
    assert [s.id for s in store.list_sessions(limit=2)] == ids[:0:-1]


def test_ending_a_session_marks_it_ended(store: Store, session: SessionRecord):
    store.end_session(session.id)
    assert store.get_session(session.id).status == "ended"


def test_an_unknown_session_id_raises_key_error_naming_it(store: Store):
    with pytest.raises(KeyError, match="nope"):
        store.get_session("nope")
    for call in (store.turns, store.end_session, store.delete_session, store.get_feedback):
        with pytest.raises(KeyError):
            call("nope")
    with pytest.raises(KeyError):
        store.add_turn("nope", "student", "hi")


# Turns


def test_turns_come_back_in_order_with_grounding_and_time(store: Store, session: SessionRecord):
    grounding = [{"source": "nurse.md", "chunk": 3, "score": 0.71}]
    store.add_turn(session.id, "student", "What is a shift like?", t=12.5)
    store.add_turn(session.id, "professional", "Twelve hours.", grounding=grounding)
    turns = store.turns(session.id)
    assert [(t.index, t.role, t.text) for t in turns] == [
        (0, "student", "What is a shift like?"),
        (1, "professional", "Twelve hours."),
    ]
    assert turns[0].t == 12.5 and turns[0].grounding == []
    assert turns[1].t is None and turns[1].grounding == grounding


def test_adding_a_turn_bumps_the_session_updated_at(store: Store, session: SessionRecord):
    turn = store.add_turn(session.id, "student", "Hi")
    assert store.get_session(session.id).updated_at == turn.created_at >= session.created_at


def test_text_is_stored_exactly_as_given_even_unicode_and_50_kb(store, session):
    text = "Ça va? 日本語 🙂 \n\ttabs and  spaces " + "x" * 50_000
    store.add_turn(session.id, "student", text)
    assert store.turns(session.id)[0].text == text


def test_a_turn_role_other_than_student_or_professional_is_refused(store, session):
    with pytest.raises(ValueError, match="assistant"):
        store.add_turn(session.id, "assistant", "Hi")
    assert store.turns(session.id) == []


def test_rewind_deletes_turns_from_keep_on_and_numbering_continues(store, session):
    for n in range(5):
        store.add_turn(session.id, "student" if n % 2 == 0 else "professional", f"turn {n}")
    assert store.rewind(session.id, keep=3) == 2
    assert [t.text for t in store.turns(session.id)] == ["turn 0", "turn 1", "turn 2"]
    assert store.add_turn(session.id, "professional", "redo").index == 3
    assert store.rewind(session.id, keep=10) == 0


def test_deleting_a_session_deletes_its_turns_and_feedback(tmp_path: Path):
    with Store(tmp_path / "coach.db") as store:
        doomed = store.create_session("nurse", "warm", 20, {})
        kept = store.create_session("chef", "brisk", 15, {})
        for session_id in (doomed.id, kept.id):
            store.add_turn(session_id, "student", "Hi")
            store.save_feedback(session_id, {"score": 3})
        store.delete_session(doomed.id)
        assert [s.id for s in store.list_sessions()] == [kept.id]
        assert store.get_feedback(kept.id) == {"score": 3}
        rows = store._read("SELECT count(*) FROM turns UNION ALL SELECT count(*) FROM feedback")
        assert [row[0] for row in rows] == [1, 1]


# Feedback, items, drafts


def test_feedback_is_none_until_saved_and_can_be_replaced(store, session):
    assert store.get_feedback(session.id) is None
    store.save_feedback(session.id, {"score": 2})
    store.save_feedback(session.id, {"score": 4, "summary": "Better."})
    assert store.get_feedback(session.id) == {"score": 4, "summary": "Better."}


def test_items_are_saved_listed_newest_first_filtered_and_deleted(store: Store):
    review = store.save_item("review", "Email to Ana", {"findings": [{"code": "R001"}]})
    plan = store.save_item("plan", "Nurse questions", {"questions": ["Why nursing?"]})
    assert [i.id for i in store.list_items()] == [plan.id, review.id]
    assert store.list_items("review") == [review]
    assert store.get_item(plan.id).payload == {"questions": ["Why nursing?"]}
    store.delete_item(plan.id)
    assert store.list_items() == [review]
    with pytest.raises(KeyError):
        store.get_item(plan.id)
    with pytest.raises(KeyError):
        store.delete_item(plan.id)


def test_a_draft_is_one_text_per_key_last_write_wins(store: Store):
    assert store.load_draft("outreach") is None
    store.save_draft("outreach", "Dear Ana,")
    store.save_draft("outreach", "Dear Dr. Ruiz, ✉")
    store.save_draft("thanks", "Thank you")
    assert store.load_draft("outreach") == "Dear Dr. Ruiz, ✉"
    assert store.load_draft("thanks") == "Thank you"


# Owners


def test_an_owner_cannot_see_change_or_delete_another_owners_records(tmp_path: Path):
    path = tmp_path / "coach.db"
    with Store(path, owner="b") as b:
        b_session = b.create_session("nurse", "warm", 20, PERSONA)
        b.add_turn(b_session.id, "student", "mine")
        b.save_feedback(b_session.id, {"score": 5})
        b_item = b.save_item("plan", "b's plan", {})
        b.save_draft("outreach", "b's draft")
    with Store(path, owner="a") as a:
        assert a.list_sessions() == [] and a.list_items() == []
        assert a.load_draft("outreach") is None
        for call in (a.get_session, a.turns, a.get_feedback, a.end_session, a.delete_session):
            with pytest.raises(KeyError):
                call(b_session.id)
        for call in (a.get_item, a.delete_item):
            with pytest.raises(KeyError):
                call(b_item.id)
        with pytest.raises(KeyError):
            a.add_turn(b_session.id, "student", "intruding")
        with pytest.raises(KeyError):
            a.rewind(b_session.id, 0)
        with pytest.raises(KeyError):
            a.save_feedback(b_session.id, {"score": 0})
        a.save_draft("outreach", "a's draft")
    with Store(path, owner="b") as b:
        assert b.get_session(b_session.id).status == "active"
        assert [t.text for t in b.turns(b_session.id)] == ["mine"]
        assert b.get_feedback(b_session.id) == {"score": 5}
        assert b.list_items() == [b_item]
        assert b.load_draft("outreach") == "b's draft"


# Exports


def test_markdown_export_reads_as_a_transcript_with_feedback(store, session):
    store.add_turn(session.id, "student", "What surprised you?")
    store.add_turn(session.id, "professional", "The paperwork.")
    store.save_feedback(
        session.id,
        {
            "score": 7,
            "findings": [{"code": "I003", "message": "Ask a follow-up.", "evidence": "paperwork"}],
            "summary": "Good opening.",
        },
    )
    markdown = session_markdown(store, session.id)
    for expected in (
        "# Nursing chat",
        "nurse",
        "warm",
        "20",
        session.created_at[:10],
        "Dr. Ana Ruiz, Charge nurse",
        "**Student:** What surprised you?",
        "**Dr. Ana Ruiz:** The paperwork.",
        "## Feedback",
        "7",
        "I003",
        "Ask a follow-up.",
        "paperwork",
        "Good opening.",
    ):
        assert expected in markdown
    assert markdown.index("What surprised") < markdown.index("The paperwork")


def test_markdown_export_without_persona_name_or_feedback(store: Store):
    bare = store.create_session("chef", "brisk", 15, {})
    store.add_turn(bare.id, "professional", "Yes?")
    markdown = session_markdown(store, bare.id)
    assert "**Professional:** Yes?" in markdown
    assert "Feedback" not in markdown and "Persona" not in markdown


# Durability and concurrency


def test_the_file_is_in_wal_mode_with_full_sync_and_a_schema_version(store: Store):
    assert store._read("PRAGMA journal_mode")[0][0] == "wal"
    assert store._read("PRAGMA synchronous")[0][0] == 2  # FULL
    assert store._read("SELECT version FROM schema_version")[0][0] == 1


def test_two_threads_writing_turns_to_different_sessions_lose_nothing(store: Store):
    sessions = [store.create_session(f"role {n}", "warm", 10, {}).id for n in range(2)]
    errors: list[BaseException] = []

    def write(session_id: str) -> None:
        try:
            for n in range(100):
                store.add_turn(session_id, "student", f"{session_id} {n}")
        except BaseException as error:  # noqa: BLE001 - surfaced by the assert below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for session_id in sessions:
        turns = store.turns(session_id)
        assert [t.index for t in turns] == list(range(100))
        assert [t.text for t in turns] == [f"{session_id} {n}" for n in range(100)]


def test_two_stores_on_one_file_writing_at_once_wait_for_each_other(tmp_path: Path):
    path = tmp_path / "coach.db"
    with Store(path) as first, Store(path) as second:
        session = first.create_session("nurse", "warm", 20, {})
        writers = [threading.Thread(target=lambda s=s: [s.add_turn(session.id, "student", "x") for _ in range(50)]) for s in (first, second)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert [t.index for t in first.turns(session.id)] == list(range(100))


def test_committed_turns_survive_a_killed_process(tmp_path: Path):
    path = tmp_path / "coach.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    writer = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "store_writer.py"), str(path), "5"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        session_id = writer.stdout.readline().split()[1]
        committed = [writer.stdout.readline().strip() for _ in range(5)]
        assert committed == [f"committed {n}" for n in range(5)]
        # The turns live only in the WAL: the writer never checkpointed or closed.
        assert Path(f"{path}-wal").stat().st_size > 0
    finally:
        writer.kill()
        writer.wait(timeout=5)
        writer.stdout.close()
    with Store(path) as reopened:
        assert [t.text for t in reopened.turns(session_id)] == [f"turn {n}" for n in range(5)]
        assert reopened.add_turn(session_id, "student", "after the crash").index == 5
