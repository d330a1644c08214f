"""llama.cpp called directly, without Coach: the baseline the model benchmarks compare the seam with."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from coach.local_model import LocalChatModel, to_llama_messages


def local(model: BaseChatModel) -> LocalChatModel:
    """The in-process llama.cpp model behind a chat model; the model benchmarks need the bundled one."""
    if not isinstance(model, LocalChatModel):
        raise SystemExit(f"this benchmark needs the local model, not {type(model).__name__}")
    return model


def raw_pieces(llama: Any, messages: list[dict[str, str]], max_tokens: int, temperature: float, repeat_penalty: float) -> Iterator[str]:
    """The text pieces llama.cpp streams for chat messages, with nothing of Coach in between."""
    stream = llama.create_chat_completion(messages=messages, stream=True, max_tokens=max_tokens, temperature=temperature, repeat_penalty=repeat_penalty)
    for part in stream:
        yield part["choices"][0].get("delta", {}).get("content") or ""


def timed(pieces: Iterable[str]) -> tuple[float, float, str]:
    """(time to first text, total time, text) of a stream of text pieces."""
    start = time.perf_counter()
    first = None
    text = ""
    for piece in pieces:
        if piece and first is None:
            first = time.perf_counter() - start
        text += piece
    return first or 0.0, time.perf_counter() - start, text


def raw_timing(model: LocalChatModel, messages: list[BaseMessage], max_tokens: int) -> tuple[float, float]:
    """(time to first text, total time) of llama.cpp itself on a prompt Coach sent, its cache reset so it pays the whole prompt."""
    assert model._lock is not None
    with model._lock:  # an abandoned attempt may still be generating in its thread: llama.cpp is not thread-safe
        model.llama.reset()
        pieces = raw_pieces(model.llama, to_llama_messages(messages), max_tokens, model.temperature, model.repeat_penalty)
        first, total, _ = timed(pieces)
    return first, total
