"""The layout's import boundaries (docs/architecture.md), and the work a turn or a review may do."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from coach.config import PROJECT_ROOT, Settings
from coach.fake_model import FakeChatModel
from coach.services import Services
from coach.store import Store

# What each face may import from coach: the front door, the errors, and result types and vocabularies.
RESULT_TYPES = {"coach.contacts", "coach.reminders", "coach.targets"}
# The input limits are a vocabulary too: the CLI checks its arguments with them before the front door (and the heavy
# packages behind it) is imported, so a bad input is refused in a fraction of a second (issue 14).
RESULT_TYPES |= {"coach.limits"}
FACES = {
    "app_pages": {"coach.services", "coach.errors"} | RESULT_TYPES,
    "coach/cli": {"coach.services", "coach.errors"} | RESULT_TYPES,
}
# Imports that break a boundary today and are on their way out (named so they cannot grow).
PENDING = {("app_pages/_network_ui.py", "coach.contact_store")}


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def python_files(folder: str) -> list[Path]:
    return sorted((PROJECT_ROOT / folder).rglob("*.py"))


def test_nothing_in_coach_imports_streamlit_or_a_face() -> None:
    for path in python_files("coach"):
        bad = {m for m in imports_of(path) if m.split(".")[0] in {"streamlit", "app_pages"}}
        if path.parent.name != "cli" and path.name != "__main__.py":
            bad |= {m for m in imports_of(path) if m == "coach.cli" or m.startswith("coach.cli.")}
        assert not bad, f"{path.relative_to(PROJECT_ROOT)} imports {sorted(bad)}"


@pytest.mark.parametrize("face", sorted(FACES))
def test_the_faces_reach_coach_only_through_the_front_door(face: str) -> None:
    for path in python_files(face):
        relative = str(path.relative_to(PROJECT_ROOT))
        coach_imports = {m for m in imports_of(path) if m == "coach" or m.startswith("coach.")}
        own = {m for m in coach_imports if m == "coach.cli" or m.startswith("coach.cli.")}
        bad = {m for m in coach_imports - own - FACES[face] if (relative, m) not in PENDING}
        assert not bad, f"{relative} imports {sorted(bad)}: go through coach.services"


def test_app_py_only_navigates() -> None:
    assert not {m for m in imports_of(PROJECT_ROOT / "app.py") if m.startswith("coach")}


def test_cli_groups_do_not_import_each_other() -> None:
    for path in python_files("coach/cli"):
        if path.name in {"__init__.py", "main.py"}:
            continue
        siblings = {m for m in imports_of(path) if m.startswith("coach.cli.") and m != "coach.cli.common"}
        assert not siblings, f"{path.name} imports {sorted(siblings)}"


@pytest.fixture
def counted_services(tmp_path: Path, models_dir: Path, shipped_kb) -> Services:
    settings = Settings(backend="fake", data_dir=tmp_path, models_path=models_dir, _env_file=None)
    built = Services(settings, model=FakeChatModel(responses=["Handoff starts at seven on my unit."] * 4), embedder=shipped_kb.embedder)
    built.__dict__["kb"] = shipped_kb
    return built


def test_a_chat_turn_reads_the_session_from_the_store_at_most_twice(counted_services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    store = counted_services.store()
    session_id = counted_services.start_interview("Registered Nurse", "warm", 20, store=store).session_id
    reads: list[str] = []
    original = Store._read
    monkeypatch.setattr(Store, "_read", lambda self, sql, params=(): reads.append(sql) or original(self, sql, params))
    for question in ("What does a typical shift look like?", "How do handoffs work on your unit?"):
        reads.clear()
        session = counted_services.open_interview(session_id, store=store)  # as a page does on every rerun
        counted_services.ask(session, question).consume()
        assert len(reads) <= 2, reads
    assert len(counted_services.open_interview(session_id, store=store).turns()) == 4


def test_a_review_parses_the_draft_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.rubric import message

    calls: list[str] = []
    original = message.parse
    monkeypatch.setattr(message, "parse", lambda *args, **kwargs: calls.append("parse") or original(*args, **kwargs))
    for module in ("coach.review", "coach.rubric.lint"):
        monkeypatch.setattr(f"{module}.parse", message.parse)
    result = Services(Settings(backend="fake", _env_file=None)).review("Hi Ana,\n\nCould we talk for 15 minutes about grant writing?\n\nBest,\nSam")
    assert result.findings is not None and calls == ["parse"]


def test_feedback_finds_the_students_questions_once(monkeypatch: pytest.MonkeyPatch, eval_dir: Path) -> None:
    from coach.feedback import feedback
    from coach.rubric import transcript as transcript_module
    from coach.rubric.transcript import load_transcript

    calls: list[str] = []
    original = transcript_module.extract_questions
    monkeypatch.setattr(transcript_module, "extract_questions", lambda text: calls.append(text) or original(text))
    loaded = load_transcript(eval_dir / "transcripts" / "d-tr-03.json")
    feedback(loaded)
    assert len(calls) == sum(1 for turn in loaded.turns if turn.role == "student")
