"""The model seam: every backend answers and streams; heavy backends load lazily and once."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from coach.config import Settings
from coach.errors import BackendError, ConfigError
from coach.fake_model import FakeChatModel
from coach.llm import complete, get_chat_model, stream

PROMPT = [SystemMessage(content="You are terse."), HumanMessage(content="Name one colour.")]


def test_fake_backend_echoes_the_prompt_and_records_it(settings: Settings) -> None:
    model = get_chat_model(settings)
    assert isinstance(model, FakeChatModel)
    reply = complete(model, PROMPT)
    assert "Name one colour." in reply and model.last_prompt[0].content == "You are terse."
    assert model.last_prompt[1].content == "Name one colour."


def test_fake_backend_streams_its_scripted_reply_in_pieces() -> None:
    model = FakeChatModel(responses=["red and then blue"])
    pieces = list(stream(model, PROMPT))
    assert len(pieces) > 1 and "".join(pieces) == "red and then blue"


def test_a_failing_fake_raises_a_backend_error() -> None:
    with pytest.raises(BackendError, match="down"):
        complete(FakeChatModel(fail_with="server down"), PROMPT)


def test_openai_compatible_without_a_base_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="OPENAI_BASE_URL"):
        get_chat_model(Settings(backend="openai-compatible", _env_file=None))


def test_unreachable_server_gives_one_actionable_line() -> None:
    settings = Settings(backend="openai-compatible", openai_base_url="http://127.0.0.1:9/v1", request_timeout=5, _env_file=None)
    with pytest.raises(BackendError) as caught:
        complete(get_chat_model(settings), PROMPT)
    message = str(caught.value)
    assert "http://127.0.0.1:9/v1" in message and "is it running" in message and "\n" not in message


@pytest.mark.parametrize(
    ("backend", "absent"),
    [("fake", "llama_cpp"), ("fake", "langchain_openai"), ("openai-compatible", "llama_cpp"), ("local", "langchain_openai")],
)
def test_heavy_backends_are_imported_only_when_chosen(backend: str, absent: str) -> None:
    code = (
        "import sys; from coach.config import Settings; from coach.llm import get_chat_model; "
        f"get_chat_model(Settings(backend={backend!r}, openai_base_url='http://127.0.0.1:9/v1', _env_file=None)); "
        f"print({absent!r} in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.slow
def test_local_model_generates_and_streams_tokens(gguf_path) -> None:
    settings = Settings(backend="local", model_path=gguf_path, max_tokens=8, temperature=0, _env_file=None)
    model = get_chat_model(settings)
    assert complete(model, PROMPT).strip()
    pieces = list(stream(model, PROMPT))
    assert len(pieces) >= 2 and "".join(pieces).strip()
    assert model.count_tokens("informational interview") > 0


@pytest.mark.slow
def test_local_model_is_loaded_once_and_serves_several_threads(gguf_path) -> None:
    from coach.local_model import loaded_model_count

    settings = Settings(backend="local", model_path=gguf_path, max_tokens=6, temperature=0, _env_file=None)
    first = get_chat_model(settings)
    before = loaded_model_count()
    replies: list[str] = []

    def ask() -> None:
        replies.append(complete(get_chat_model(settings), PROMPT))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert get_chat_model(settings) is first
    assert loaded_model_count() == before
    assert len(replies) == 3 and all(r.strip() for r in replies)


@pytest.mark.slow
def test_openai_compatible_backend_talks_to_a_real_llama_cpp_server(llama_server: str) -> None:
    settings = Settings(backend="openai-compatible", openai_base_url=llama_server, max_tokens=8, temperature=0, _env_file=None)
    model = get_chat_model(settings)
    assert complete(model, PROMPT).strip()
    pieces = list(stream(model, PROMPT))
    assert len(pieces) >= 2 and "".join(pieces).strip()


def test_backend_defaults_to_local_or_openai_when_a_key_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(_env_file=None).backend == "local"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:1234/v1")
    settings = Settings(_env_file=None)
    assert settings.backend == "openai" and settings.openai_base_url == "http://127.0.0.1:1234/v1"
    monkeypatch.setenv("COACH_BACKEND", "fake")
    assert Settings(_env_file=None).backend == "fake"
