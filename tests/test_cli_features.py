"""`coach review`, `coach questions`, `coach interview`: JSON shapes and user errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> dict:
    """Fake backend and embeddings over an index of the shipped notes in a temp data dir."""
    import os

    from coach.config import DATA_DIR, Settings
    from coach.services import Services

    data = tmp_path_factory.mktemp("cli-data")
    Services(Settings(backend="fake", embeddings="fake", data_dir=data, models_path=models_dir, _env_file=None)).kb.ingest(DATA_DIR / "knowledge")
    return {**os.environ, "COACH_BACKEND": "fake", "COACH_EMBEDDINGS": "fake", "COACH_DATA_DIR": str(data), "COACH_MODELS_PATH": str(models_dir)}


def coach(env: dict, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coach", *args], input=stdin, capture_output=True, env=env, cwd=REPO, timeout=120)


def test_review_json_has_the_documented_shape(env: dict, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hello,\n\nI attached my resume. Do you have any openings on your team?\n\nBest,\nSam")
    result = coach(env, "review", "outreach", str(draft), "--json")
    payload = json.loads(result.stdout)
    assert result.returncode == 0
    assert set(payload) == {"kind", "channel", "score", "word_count", "char_count", "findings", "rewrite"}
    assert {"generic-greeting", "job-ask", "attachment", "missing-subject"} <= {f["code"] for f in payload["findings"]}
    assert all(set(f) == {"code", "severity", "message", "evidence"} for f in payload["findings"])
    assert payload["rewrite"] is None


def test_review_with_rewrite_fills_the_rewrite_field(env: dict) -> None:
    result = coach(env, "review", "thank-you", "-", "--json", "--rewrite", stdin=b"Hi Ana,\n\nThanks for the chat about grant writing.\n\nBest,\nSam")
    assert result.returncode == 0 and json.loads(result.stdout)["rewrite"]


@pytest.mark.parametrize("stdin", [b"", b"   \n", b"\xff\xfe\xfa not utf8"])
def test_review_of_empty_or_non_utf8_input_exits_2_with_one_line(env: dict, stdin: bytes) -> None:
    result = coach(env, "review", "outreach", "-", stdin=stdin)
    assert result.returncode == 2 and result.stderr.decode().count("\n") == 1 and b"Traceback" not in result.stderr


def test_late_thank_you_from_dates(env: dict) -> None:
    result = coach(
        env,
        "review",
        "thank-you",
        "-",
        "--meeting-date",
        "2026-03-02",
        "--sent-date",
        "2026-03-09",
        "--json",
        stdin=b"Hi Ana,\n\nThank you for explaining how grant cycles work. I will draft a budget this week and send you an update.\n\nBest,\nSam",
    )
    assert "late" in {f["code"] for f in json.loads(result.stdout)["findings"]}


def test_questions_json_and_markdown(env: dict) -> None:
    result = coach(env, "questions", "--role", "Pharmacist", "--goal", "work in a hospital", "--json")
    plan = json.loads(result.stdout)
    assert result.returncode == 0 and len(plan["questions"]) >= 10
    assert {"area", "text", "why", "sources"} <= set(plan["questions"][0])
    markdown = coach(env, "questions", "--role", "Pharmacist", "--markdown").stdout.decode()
    assert markdown.startswith("# Questions for a Pharmacist")


def test_questions_with_an_empty_role_exits_2(env: dict) -> None:
    assert coach(env, "questions", "--role", " ").returncode == 2


def test_interview_feedback_json_shape(env: dict, eval_dir: Path) -> None:
    result = coach(env, "interview", "feedback", str(eval_dir / "transcripts" / "d-tr-03.json"), "--json")
    payload = json.loads(result.stdout)
    assert result.returncode == 0
    assert {"score", "findings", "tiara", "talk_ratio", "summary"} <= set(payload)
    assert {"overtime", "job-ask"} <= {f["code"] for f in payload["findings"]}
    assert isinstance(payload["talk_ratio"], float)


def test_a_corrupted_transcript_exits_2_and_names_the_problem(env: dict, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"minutes_agreed": 20, "turns": [{"role": "student"}]}')
    result = coach(env, "interview", "feedback", str(broken))
    assert result.returncode == 2 and b"text" in result.stderr and b"Traceback" not in result.stderr


def test_interview_chat_saves_the_session_and_can_resume(env: dict) -> None:
    first = coach(env, "interview", "chat", "--role", "Teacher", stdin=b"Hi, I'm Sam, a history student. How do you plan a week of lessons?\n/quit\n")
    output = first.stdout.decode()
    assert first.returncode == 0 and "--resume" in output
    session_id = output.rsplit("--resume ", 1)[1].split()[0]
    again = coach(env, "interview", "chat", "--role", "Teacher", "--resume", session_id, stdin=b"/end\n")
    assert again.returncode == 0 and "How do you plan a week of lessons?" in again.stdout.decode() and "Score" in again.stdout.decode()


BAD = b"Hello,\n\nI'm so sorry to bother you. I attached my resume. Could you refer me for the analyst opening on your team? I would love to hear how you moved into urban forestry.\n\nBest,\nSam"


def test_review_fix_json_adds_the_fixed_text_and_every_edit(env: dict) -> None:
    result = coach(env, "review", "outreach", "-", "--fix", "--json", stdin=BAD)
    payload = json.loads(result.stdout)
    assert result.returncode == 0
    assert set(payload) == {"kind", "channel", "score", "word_count", "char_count", "findings", "rewrite", "fixed", "edits"}
    assert all(set(e) == {"code", "applicability", "before", "after"} for e in payload["edits"])
    assert {e["applicability"] for e in payload["edits"]} == {"safe"} and "refer me" in payload["fixed"]
    assert "I attached my resume." not in payload["fixed"] and payload["fixed"].startswith("Subject: ")
    unsafe = json.loads(coach(env, "review", "outreach", "-", "--unsafe-fixes", "--json", stdin=BAD).stdout)
    assert "refer me" not in unsafe["fixed"] and "unsafe" in {e["applicability"] for e in unsafe["edits"]}


def test_review_fix_prints_the_edits_and_a_diff(env: dict) -> None:
    result = coach(env, "review", "outreach", "-", "--diff", stdin=BAD)
    out = result.stdout.decode()
    assert result.returncode == 0 and "Fixes made: 4 (4 safe)" in out
    assert "--- draft\n+++ fixed" in out and "+Subject: A question about urban forestry" in out
    assert "display generic-greeting" in out and "unsafe  job-ask" in out  # shown, not applied


def test_review_rewrite_prints_the_lint_results_and_the_gate_result(env: dict) -> None:
    result = coach(env, "review", "outreach", "-", "--rewrite", "--json", stdin=BAD)
    payload = json.loads(result.stdout)
    assert payload["rewrite_source"] == "fixed" and payload["rewrite"] == payload["fixed"]  # the fake model echoes
    assert payload["rewrite_gate"] and payload["rewrite_warning"].startswith("The model's version was rejected")
