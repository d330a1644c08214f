"""The bundled llama.cpp model as a LangChain chat model, loaded once per process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

from coach.errors import BackendError
from coach.local_runtime import Preference, RuntimeChoice, choose_mode, model_params_for

ROLE_OF = {"system": "system", "human": "user", "ai": "assistant"}

_models: dict[tuple[str, int, int], tuple[Any, threading.Lock]] = {}
_models_lock = threading.Lock()


def runtime_choice(model_path: Path, cache_dir: Path, preference: Preference = "auto") -> RuntimeChoice:
    """How this CPU can run the model (probed once in child processes); BackendError if it cannot."""
    if not Path(model_path).is_file():
        raise BackendError(f"The local model file {model_path} does not exist. Set COACH_MODEL_PATH or run `make run` to install the bundled model.")
    try:
        import llama_cpp  # noqa: F401
    except ImportError as exc:
        raise BackendError("llama-cpp-python is not installed: `pip install 'llama-cpp-python[server]'`.") from exc
    choice = choose_mode(Path(model_path), cache_dir, preference)
    if choice.mode is None:
        raise BackendError(choice.reason)
    return choice


def load_llama(model_path: Path, context_size: int, threads: int, cache_dir: Path, preference: Preference = "auto") -> tuple[Any, threading.Lock]:
    """The process-wide Llama for a file and its lock (llama.cpp is not thread-safe)."""
    key = (str(model_path), context_size, threads)
    with _models_lock:
        if key not in _models:
            choice = runtime_choice(model_path, cache_dir, preference)
            from llama_cpp import Llama

            assert choice.mode is not None
            with model_params_for(choice.mode):
                llama = Llama(model_path=str(model_path), n_ctx=context_size, n_threads=threads, verbose=False)
            _models[key] = (llama, threading.Lock())
        return _models[key]


def loaded_model_count() -> int:
    """How many llama.cpp models this process holds (for tests)."""
    return len(_models)


def to_llama_messages(messages: list[BaseMessage]) -> list[dict[str, str]]:
    """LangChain messages as llama.cpp chat dicts."""
    return [{"role": ROLE_OF.get(m.type, "user"), "content": str(m.content)} for m in messages]


class LocalChatModel(BaseChatModel):
    """A chat model served in-process by llama.cpp."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_path: Path
    context_size: int = 4096
    threads: int = 2
    max_tokens: int = 384
    temperature: float = 0.3
    repeat_penalty: float = 1.15  # small models loop without it
    runtime_cache: Path = Path("data/models")  # where the CPU probe's verdict is kept
    repack: Preference = "auto"
    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock | None = PrivateAttr(default=None)

    def model_post_init(self, __context: Any) -> None:
        """Load (or reuse) the shared Llama for this file."""
        self._llama, self._lock = load_llama(self.model_path, self.context_size, self.threads, self.runtime_cache, self.repack)

    @property
    def _llm_type(self) -> str:
        return "coach-llama-cpp"

    @property
    def llama(self) -> Any:
        """The underlying llama_cpp.Llama (shared)."""
        return self._llama

    def count_tokens(self, text: str) -> int:
        """Tokens in text under the model's own tokenizer."""
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def _params(self, stop: list[str] | None, kwargs: dict[str, Any]) -> dict[str, Any]:
        return {
            "max_tokens": kwargs.get("max_tokens", self.max_tokens),
            "temperature": kwargs.get("temperature", self.temperature),
            "repeat_penalty": kwargs.get("repeat_penalty", self.repeat_penalty),
            "stop": stop or [],
        }

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(chunk.text for chunk in self._stream(messages, stop, run_manager, **kwargs))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        assert self._lock is not None
        with self._lock:
            stream = self._llama.create_chat_completion(messages=to_llama_messages(messages), stream=True, **self._params(stop, kwargs))
            produced = False
            for part in stream:
                delta = part["choices"][0].get("delta", {}).get("content")
                if not delta:
                    continue
                produced = True
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk
            if not produced:  # the model stopped at once: an empty reply, not an error
                yield ChatGenerationChunk(message=AIMessageChunk(content=""))
