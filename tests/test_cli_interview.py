"""`coach interview chat --script --json`, `interview list` and `interview export`: scripted sessions read back whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cli import main
from coach.config import DATA_DIR, get_settings
from coach.services import Services


@pytest.fixture
def cli_env(cli_env: Path) -> Path:
    """The command line of tests/conftest.py, with the shipped notes indexed."""
    Services(get_settings()).kb.ingest(DATA_DIR / "knowledge")
    return cli_env


def run(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_a_scripted_session_prints_every_turn_as_json_then_lists_and_exports(cli_env: Path, capsys: pytest.CaptureFixture) -> None:
    script = cli_env / "turns.txt"
    script.write_text(
        "Hi, I'm Sam, a chemistry student. Thank you for your time!\n\nWhat does a typical day look like for you?\n"
        "Could you refer me for an internship?\nWho else should I talk to?\n",
        encoding="utf-8",
    )
    code, out = run(["interview", "chat", "--role", "Pharmacist", "--temperament", "busy", "--script", str(script), "--json"], capsys)
    session = json.loads(out)
    assert code == 0 and [t["role"] for t in session["turns"]] == ["student", "professional"] * 4
    replies = [t for t in session["turns"] if t["role"] == "professional"]
    assert all(r["text"] and r["source"] in ("model", "grounded") and "timings" in r for r in replies)
    assert replies[1]["grounding"] and all("text" in g and "path" in g for g in replies[1]["grounding"])
    assert replies[2]["grounding"] == []  # the job request gets the persona's deflection, no notes
    code, out = run(["interview", "list", "--json"], capsys)
    assert code == 0 and json.loads(out)[0]["id"] == session["id"]
    code, out = run(["interview", "export", session["id"], "--json"], capsys)
    assert code == 0 and json.loads(out)["turns"] == session["turns"]
    code, out = run(["interview", "export", session["id"], "--markdown"], capsys)
    assert code == 0 and replies[1]["text"][:40] in out and "grounded" in out


def test_an_empty_script_is_a_user_error(cli_env: Path, capsys: pytest.CaptureFixture) -> None:
    script = cli_env / "empty.txt"
    script.write_text("\n# only a comment\n", encoding="utf-8")
    assert main(["interview", "chat", "--role", "Pharmacist", "--script", str(script), "--json"]) == 2
