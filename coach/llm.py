"""The one model seam: a LangChain chat model for the configured backend."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import SecretStr

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
            api_key = settings.api_key_for_base_url()  # the key goes only to the URL it was configured for
            if settings.backend == "openai" and not api_key and not settings.openai_base_url:
                raise ConfigError("COACH_BACKEND=openai needs OPENAI_API_KEY.")
            from coach.llm_http import deadline_client, deadline_timeout

            deadlines = (settings.connect_timeout, settings.first_byte_timeout, settings.request_timeout)
            return ChatOpenAI(
                model=settings.model or DEFAULT_OPENAI_MODEL,
                base_url=settings.openai_base_url,
                api_key=SecretStr(api_key or LOCAL_SERVER_KEY),
                temperature=settings.temperature,
                max_completion_tokens=settings.max_tokens,
                # the client's own per-request timeout overrides the HTTP client's: the same deadlines, or first byte waits for the whole
                timeout=deadline_timeout(*deadlines),
                max_retries=0,  # one deadline per call: a hidden retry would double it
                http_client=deadline_client(*deadlines),
                use_responses_api=False,
            )
    raise ConfigError(f"Unknown backend {settings.backend!r}: use local, openai, openai-compatible or fake.")


def get_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model for these settings, built once per distinct configuration."""
    key = (
        settings.backend,
        settings.model,
        settings.openai_base_url,
        settings.api_key_for_base_url(),
        str(settings.model_path),
        settings.context_size,
        settings.max_tokens,
        settings.temperature,
        settings.connect_timeout,
        settings.first_byte_timeout,
        settings.request_timeout,
    )
    if settings.backend == "fake":
        return _build(settings)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _build(settings)
        return _cache[key]


def server_of(model: BaseChatModel) -> str:
    """Where a model is served, for messages: its base URL, OpenAI, or the local model."""
    base_url = getattr(model, "openai_api_base", None) or getattr(model, "base_url", None)
    if base_url:
        return f"The model server at {base_url}"
    if type(model).__name__ == "ChatOpenAI":
        return "OpenAI's API"
    return "The local model"


def describe_backend_failure(model: BaseChatModel, exc: Exception) -> BackendError:
    """Turn a client exception into one line a user can act on, naming the server."""
    where = server_of(model)
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)
    if "Timeout" in name:
        return BackendError(
            f"{where} did not answer in time ({_first_line(exc)}): is it running and not overloaded? "
            "Check OPENAI_BASE_URL, or raise COACH_FIRST_BYTE_TIMEOUT / COACH_REQUEST_TIMEOUT."
        )
    if "Connection" in name:
        return BackendError(f"{where} could not be reached ({name}): is it running? Check OPENAI_BASE_URL.")
    if "Authentication" in name or "PermissionDenied" in name:
        return BackendError(f"{where} refused the API key: check OPENAI_API_KEY.")
    if "NotFound" in name:
        return BackendError(f"{where} has no such model ({_first_line(exc)}). Check COACH_MODEL.")
    if status is not None:
        return BackendError(f"{where} failed with HTTP {status}: {_server_message(exc)}")
    if isinstance(exc, (ValueError, UnicodeDecodeError)) or "Validation" in name or "Decode" in name:
        return BackendError(f"{where} sent a reply that is not an OpenAI-compatible response ({name}). Check OPENAI_BASE_URL.")
    return BackendError(f"{where} failed: {name}: {_first_line(exc)}")


def _server_message(exc: Exception) -> str:
    """The server's own error message from an HTTP error body, else the exception's first line."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if isinstance(message, str) and message.strip():
            return message.strip().splitlines()[0][:160]
    return _first_line(exc)


def _first_line(exc: Exception) -> str:
    """An exception's message, one line, at most 160 characters."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def complete(model: BaseChatModel, messages: list[BaseMessage], **kwargs) -> str:
    """The model's whole reply as text; backend failures become BackendError."""
    try:
        return str(model.invoke(messages, **kwargs).content)
    except BackendError:
        raise
    except Exception as exc:
        raise describe_backend_failure(model, exc) from exc


def stream(model: BaseChatModel, messages: list[BaseMessage], **kwargs) -> Iterator[str]:
    """The model's reply as text pieces as they arrive."""
    try:
        for chunk in model.stream(messages, **kwargs):
            if chunk.content:
                yield str(chunk.content)
    except BackendError:
        raise
    except Exception as exc:
        raise describe_backend_failure(model, exc) from exc
