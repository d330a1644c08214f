"""Shared fixtures: settings in a temp folder, scripted fakes, real components on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

os.environ["ANONYMIZED_TELEMETRY"] = "False"
for variable in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_BACKEND", "COACH_CHROMA_URL"):
    os.environ.pop(variable, None)

from coach.config import DATA_DIR, PROJECT_ROOT, Settings, get_settings  # noqa: E402
from coach.fake_model import FakeChatModel  # noqa: E402
from coach.services import Services  # noqa: E402

REPO = PROJECT_ROOT
MODELS_DIR = REPO / "data" / "models"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    """Poll url until it answers 200, failing early if the process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextmanager
def serving(args: list[str], log: Path | None, health: str, seconds: float = 60, **popen: Any) -> Iterator[subprocess.Popen]:
    """Start a server process (its output to log, or discarded), wait for its health URL, stop it afterwards."""
    with log.open("w") if log else open(os.devnull, "w") as output:
        process = subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT, **popen)
    try:
        wait_for_http(health, process, seconds=seconds)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """The labelled development set, owned by this repository (tests/data/eval)."""
    from tests.datasets import EVAL_DIR

    return EVAL_DIR


@pytest.fixture(scope="session")
def models_dir() -> Path:
    """Verified offline model files (prepared once, as `coach setup` does)."""
    from coach.assets import prepare_embedding_files, prepare_tiktoken_files

    prepare_embedding_files(MODELS_DIR)
    prepare_tiktoken_files(MODELS_DIR)
    return MODELS_DIR


@pytest.fixture
def settings(tmp_path: Path, models_dir: Path) -> Settings:
    """Fake chat model, hash embeddings, everything stored under tmp_path."""
    return Settings(backend="fake", embeddings="fake", data_dir=tmp_path / "data", models_path=models_dir, chroma_path=tmp_path / "chroma", _env_file=None)


@pytest.fixture(scope="session")
def real_embedder(models_dir: Path):
    """The offline MiniLM embedder (semantic), shared by the session."""
    from coach.embeddings import local_minilm

    return local_minilm(models_dir)


@pytest.fixture(scope="session")
def shipped_kb(tmp_path_factory: pytest.TempPathFactory, real_embedder):
    """The shipped knowledge/ indexed with real embeddings into a temporary Chroma store."""
    from coach.knowledge import KnowledgeBase, open_client

    db = tmp_path_factory.mktemp("shipped-chroma")
    kb = KnowledgeBase(open_client(Settings(_env_file=None), db), real_embedder)
    kb.ingest(DATA_DIR / "knowledge")
    return kb


@pytest.fixture
def fake_chat() -> FakeChatModel:
    """A scripted chat model that records every prompt."""
    return FakeChatModel()


@pytest.fixture(scope="session")
def gguf_path() -> Path:
    """The bundled SmolLM2 GGUF, verified."""
    from coach.assets import bundled_gguf

    return bundled_gguf()


@pytest.fixture(scope="session")
def llama_server(gguf_path: Path):
    """A real OpenAI-compatible llama.cpp server on a free loopback port (loaded in the mode this CPU runs)."""
    port = free_port()
    args = [sys.executable, "-m", "coach.local_server", "--model", str(gguf_path), "--host", "127.0.0.1", "--port", str(port)]
    with serving([*args, "--n_ctx", "2048", "--n_threads", "1"], None, f"http://127.0.0.1:{port}/v1/models", seconds=120):
        yield f"http://127.0.0.1:{port}/v1"


@pytest.fixture
def services(tmp_path: Path, models_dir: Path, shipped_kb) -> Services:
    """The front door on a scripted chat model and the shipped notes (real embeddings), data under tmp_path."""
    settings = Settings(backend="fake", data_dir=tmp_path, models_path=models_dir, _env_file=None)
    built = Services(settings, model=FakeChatModel(), embedder=shipped_kb.embedder)
    built.__dict__["kb"] = shipped_kb
    return built


@pytest.fixture
def patient_deadlines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speed lives in benchmarks/: here a loaded machine must not turn a good reply into a timed-out one."""
    from coach import professional as module

    monkeypatch.setattr(module, "FIRST_TEXT_DEADLINE", 60.0)
    monkeypatch.setattr(module, "REPLY_DEADLINE", 120.0)
    monkeypatch.setattr(module, "TURN_BUDGET", 60.0)


@pytest.fixture
def cli_env(tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The command line on the fake backend and embeddings, data under tmp_path."""
    monkeypatch.setenv("COACH_BACKEND", "fake")
    monkeypatch.setenv("COACH_EMBEDDINGS", "fake")
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COACH_MODELS_PATH", str(models_dir))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()
