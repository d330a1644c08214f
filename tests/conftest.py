"""Shared fixtures: settings in a temp folder, scripted fakes, real components on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

os.environ["ANONYMIZED_TELEMETRY"] = "False"
for variable in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_BACKEND", "COACH_CHROMA_URL"):
    os.environ.pop(variable, None)

from coach.config import DATA_DIR, PROJECT_ROOT, Settings  # noqa: E402
from coach.fake_model import FakeChatModel  # noqa: E402

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
    """A real OpenAI-compatible llama.cpp server on a free loopback port."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(gguf_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "2048",
            "--n_threads",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/v1/models", process)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
