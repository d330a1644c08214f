"""The one model seam: a LangChain chat model for the configured backend."""

from __future__ import annotations

import threading
from typing import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from coach.config import Settings
from coach.errors import BackendError, ConfigError

LOCAL_SERVER_KEY = "not-needed"  # compatible servers ignore the key, the SDK wants one
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"

_cache: dict[tuple, BaseChatModel] = {}
_cache_lock = threading.Lock()


def _build(settings: Settings) -> BaseChatModel:
    """Construct the model; heavy backends are imported inside their branch."""
    match settings.backend:
        case "fake":
            from coach.fake_model import FakeChatModel

            return FakeChatModel()
        case "local":
            from coach.assets import bundled_gguf
            from coach.local_model import LocalChatModel

            return LocalChatModel(
                model_path=settings.model_path or bundled_gguf(),
                context_size=settings.context_size,
                threads=settings.threads,
                max_tokens=settings.max_tokens,
                temperature=settings.temperature,
                runtime_cache=settings.models_dir,
                repack=settings.llama_repack,
            )
        case "openai" | "openai-compatible":
            try:
                from langchain_openai import ChatOpenAI
            except ImportError as exc:
                raise BackendError("langchain-openai is not installed: `pip install langchain-openai`.") from exc
            if settings.backend == "openai-compatible" and not settings.openai_base_url:
                raise ConfigError("COACH_BACKEND=openai-compatible needs OPENAI_BASE_URL (e.g. http://127.0.0.1:8000/v1).")
            if settings.backend == "openai" and not settings.openai_api_key and not settings.openai_base_url:
                raise ConfigError("COACH_BACKEND=openai needs OPENAI_API_KEY.")
            return ChatOpenAI(
                model=settings.model or DEFAULT_OPENAI_MODEL,
                base_url=settings.openai_base_url,
                api_key=settings.openai_api_key or LOCAL_SERVER_KEY,
                temperature=settings.temperature,
                max_tokens=settings.max_tokens,
                timeout=settings.request_timeout,
                max_retries=1,
                use_responses_api=False,
            )
    raise ConfigError(f"Unknown backend {settings.backend!r}: use local, openai, openai-compatible or fake.")


def get_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model for these settings, built once per distinct configuration."""
    key = (
        settings.backend, settings.model, settings.openai_base_url, settings.openai_api_key,
        str(settings.model_path), settings.context_size, settings.max_tokens, settings.temperature,
    )
    if settings.backend == "fake":
        return _build(settings)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _build(settings)
        return _cache[key]


def describe_backend_failure(model: BaseChatModel, exc: Exception) -> BackendError:
    """Turn a client exception into one line a user can act on."""
    base_url = getattr(model, "openai_api_base", None) or getattr(model, "base_url", None)
    name = type(exc).__name__
    if "Connection" in name or "Timeout" in name:
        where = f"at {base_url} " if base_url else ""
        return BackendError(f"The model server {where}did not answer ({name}): is it running? Check OPENAI_BASE_URL.")
    if "Authentication" in name or "PermissionDenied" in name:
        return BackendError("The model server refused the API key: check OPENAI_API_KEY.")
    if "NotFound" in name:
        return BackendError(f"The model server has no such model ({exc}). Check COACH_MODEL.")
    return BackendError(f"The model failed: {name}: {exc}")


def complete(model: BaseChatModel, messages: list[BaseMessage], **kwargs) -> str:
    """The model's whole reply as text; backend failures become BackendError."""
    try:
        return str(model.invoke(messages, **kwargs).content)
    except BackendError:
        raise
    except Exception as exc:  # noqa: BLE001 - every client error gets one clear message
        raise describe_backend_failure(model, exc) from exc


def stream(model: BaseChatModel, messages: list[BaseMessage], **kwargs) -> Iterator[str]:
    """The model's reply as text pieces as they arrive."""
    try:
        for chunk in model.stream(messages, **kwargs):
            if chunk.content:
                yield str(chunk.content)
    except BackendError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise describe_backend_failure(model, exc) from exc
