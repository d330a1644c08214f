"""llama.cpp called directly, without Coach: the baseline the model benchmarks compare the seam with."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator


def raw_pieces(llama, messages: list[dict], max_tokens: int, temperature: float, repeat_penalty: float) -> Iterator[str]:
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
