"""The `coach` command: help everywhere, JSON output, one-line errors with exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main

REPO = Path(__file__).resolve().parents[1]


def run(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [["--help"], ["kb", "--help"], ["kb", "search", "--help"], ["doctor", "--help"]])
def test_every_command_has_help(args: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 0
    assert "usage: coach" in capsys.readouterr().out


def test_ingest_then_search_json_on_any_folder(cli_env: Path, capsys: pytest.CaptureFixture) -> None:
    notes = cli_env / "notes"
    notes.mkdir()
    (notes / "beekeeper.md").write_text("# Beekeeper\n\n## Seasons\nInspecting hives for the queen in spring.\n")
    db = cli_env / "db"
    code, out, _ = run(["kb", "ingest", "--dir", str(notes), "--db", str(db)], capsys)
    assert code == 0 and "1 added" in out
    code, out, _ = run(["kb", "search", "queen hives", "--json", "--db", str(db)], capsys)
    hits = json.loads(out)
    assert code == 0 and hits[0]["path"] == "beekeeper.md"
    assert {"path", "role", "section", "score", "text"} <= set(hits[0])


def test_queries_file_prints_one_json_line_per_query(cli_env: Path, capsys: pytest.CaptureFixture) -> None:
    notes = cli_env / "notes"
    notes.mkdir()
    (notes / "luthier.md").write_text("# Luthier\n\nBuilding and repairing guitars and violins.\n")
    db = cli_env / "db"
    run(["kb", "ingest", "--dir", str(notes), "--db", str(db)], capsys)
    queries = cli_env / "q.txt"
    queries.write_text("guitar repair\nviolin making\n\n")
    code, out, _ = run(["kb", "search", "--queries", str(queries), "-k", "1", "--db", str(db)], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["query"] for line in lines] == ["guitar repair", "violin making"]
    assert lines[0]["hits"][0]["path"] == "luthier.md"


def test_user_errors_exit_2_with_one_line(cli_env: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, err = run(["kb", "ingest", "--dir", str(cli_env / "nowhere"), "--db", str(cli_env / "db")], capsys)
    assert code == 2 and err.count("\n") == 1 and err.startswith("coach: error:")
    code, _, err = run(["kb", "search", "   ", "--db", str(cli_env / "db")], capsys)
    assert code == 2 and "empty" in err


def test_doctor_reports_an_unreachable_server_in_one_line_and_fails(tmp_path: Path, models_dir: Path) -> None:
    env = {
        **os.environ,
        "COACH_BACKEND": "openai-compatible",
        "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
        "COACH_DATA_DIR": str(tmp_path),
        "COACH_MODELS_PATH": str(models_dir),
        "COACH_REQUEST_TIMEOUT": "5",
    }
    result = subprocess.run([sys.executable, "-m", "coach", "doctor"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    model_line = next(line for line in result.stdout.splitlines() if line.split(None, 1)[-1].startswith("model:"))
    assert model_line.startswith("FAIL") and "127.0.0.1:9" in model_line and "is it running" in model_line
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_doctor_passes_on_the_default_local_setup() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    result = subprocess.run([sys.executable, "-m", "coach", "doctor"], capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    from coach.doctor import CHECKS

    assert len([line for line in result.stdout.splitlines() if line.startswith("ok")]) == len(CHECKS)
