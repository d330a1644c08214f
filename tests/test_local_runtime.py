"""The local model's CPU probe: repacking where it runs, plain where it crashes, a clear error where nothing runs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from coach import local_runtime
from coach.errors import BackendError
from coach.local_runtime import Attempt, Mode, decide, run_child

SEGFAULT = [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"]


def scripted(outcomes: dict[Mode, bool]):
    """An attempt function whose modes succeed or fail as given, recording what was tried."""
    tried: list[Mode] = []

    def attempt(mode: Mode) -> Attempt:
        tried.append(mode)
        return Attempt(mode, outcomes[mode], "ok" if outcomes[mode] else "crashed with SIGSEGV")

    return attempt, tried


def test_repacking_is_kept_where_it_runs() -> None:
    attempt, tried = scripted({"repack": True, "plain": True})
    choice = decide(attempt)
    assert choice.mode == "repack" and tried == ["repack"]


def test_a_crash_with_repacking_falls_back_to_plain_loading() -> None:
    attempt, tried = scripted({"repack": False, "plain": True})
    choice = decide(attempt)
    assert choice.mode == "plain" and tried == ["repack", "plain"]
    assert "crashed with SIGSEGV" in choice.reason


def test_when_nothing_runs_the_reason_says_what_to_do() -> None:
    attempt, _ = scripted({"repack": False, "plain": False})
    choice = decide(attempt)
    assert choice.mode is None
    assert "cannot run on this CPU" in choice.reason and "COACH_BACKEND" in choice.reason
    assert "\n" not in choice.reason


@pytest.mark.parametrize(("preference", "expected"), [("on", ["repack"]), ("off", ["plain"])])
def test_a_forced_preference_tries_only_that_mode(preference, expected) -> None:
    attempt, tried = scripted({"repack": True, "plain": True})
    decide(attempt, preference)
    assert tried == expected


def test_a_child_that_segfaults_is_a_failed_attempt_not_a_dead_parent() -> None:
    result = run_child(SEGFAULT, "repack")
    assert not result.ok and result.detail.startswith("crashed with SIGSEGV")


def test_a_child_that_hangs_is_stopped_at_its_deadline() -> None:
    result = run_child([sys.executable, "-c", "import time; time.sleep(30)"], "plain", seconds=0.5)
    assert not result.ok and "did not finish" in result.detail


def test_the_verdict_is_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    calls: list[Mode] = []
    monkeypatch.setattr(local_runtime, "run_child", lambda command, mode: calls.append(mode) or Attempt(mode, True, "ok"))
    first = local_runtime.choose_mode(model, tmp_path / "cache")
    local_runtime._choices.clear()  # a new process: only the file remains
    second = local_runtime.choose_mode(model, tmp_path / "cache")
    assert first == second and calls == ["repack"]
    assert list((tmp_path / "cache").glob("llama-runtime-*.json"))


@pytest.mark.slow
def test_the_bundled_model_generates_after_a_real_crash_of_the_repacking_child(gguf_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stands in for the Intel AMX machine: the repacking child really segfaults, the plain one really runs."""
    from langchain_core.messages import HumanMessage

    from coach import local_model

    real_command = local_runtime.probe_command
    monkeypatch.setattr(local_runtime, "probe_command", lambda path, mode: SEGFAULT if mode == "repack" else real_command(path, mode))
    monkeypatch.setattr(local_model, "_models", {})
    local_runtime._choices.clear()
    choice = local_model.runtime_choice(gguf_path, tmp_path)
    assert choice.mode == "plain" and "SIGSEGV" in choice.reason
    model = local_model.LocalChatModel(model_path=gguf_path, context_size=1024, threads=1, max_tokens=8, runtime_cache=tmp_path)
    assert model.invoke([HumanMessage(content="Say hello.")]).content
    local_runtime._choices.clear()


def test_a_model_that_cannot_run_anywhere_is_a_one_line_backend_error(tmp_path: Path, monkeypatch) -> None:
    from coach import local_model

    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    monkeypatch.setattr(local_runtime, "run_child", lambda command, mode: Attempt(mode, False, "crashed with SIGILL"))
    local_runtime._choices.clear()
    with pytest.raises(BackendError, match="cannot run on this CPU"):
        local_model.runtime_choice(model, tmp_path)
    local_runtime._choices.clear()


def test_doctor_and_setup_say_in_one_line_when_the_local_model_cannot_run(tmp_path: Path, models_dir: Path) -> None:
    """A saved verdict of 'cannot run' (as the probe writes on such a CPU) is reported, not crashed on."""
    import json
    import os
    import shutil
    import subprocess

    from coach.assets import bundled_gguf

    models = tmp_path / "models"
    shutil.copytree(models_dir, models)
    verdict = local_runtime.verdict_file(bundled_gguf(), models)
    reason = "The local model cannot run on this CPU (repack: crashed with SIGSEGV; plain: crashed with SIGSEGV): switch."
    verdict.write_text(json.dumps({"mode": None, "reason": reason, "attempts": []}), encoding="utf-8")
    env = {**os.environ, "COACH_BACKEND": "local", "COACH_EMBEDDINGS": "fake", "COACH_DATA_DIR": str(tmp_path / "data"), "COACH_MODELS_PATH": str(models)}
    doctor = subprocess.run([sys.executable, "-m", "coach", "doctor"], env=env, capture_output=True, text=True, timeout=120)
    assert doctor.returncode == 1
    assert f"FAIL local model: {reason}" in doctor.stdout.splitlines()
    assert "Traceback" not in doctor.stdout + doctor.stderr


def test_the_server_launcher_reads_the_model_from_llama_cpp_server_arguments() -> None:
    from coach.local_server import model_argument

    assert model_argument(["--model", "a.gguf", "--port", "8000"]) == Path("a.gguf")
    assert model_argument(["--host", "127.0.0.1", "--model=b.gguf"]) == Path("b.gguf")
    assert model_argument(["--port", "8000"]) is None


def test_the_server_launcher_refuses_without_a_model_or_with_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from coach.local_server import main

    assert main(["--port", "8000"]) == 2
    assert "usage" in capsys.readouterr().err
    assert main(["--model", str(tmp_path / "none.gguf")]) == 1
    assert "does not exist" in capsys.readouterr().err
