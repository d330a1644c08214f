"""Token counting (tiktoken offline, or the local model's tokenizer) and prompt budgets."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from coach.config import Settings

TokenCounter = Callable[[str], int]
MESSAGE_OVERHEAD = 4  # role markers and separators a chat template adds per message
TRIM_MARK = " […] "


@lru_cache(maxsize=4)
def tiktoken_encoding(name: str, cache_dir: str):
    """A tiktoken encoding read from the verified offline cache (never downloaded)."""
    from coach.assets import prepare_tiktoken_files

    prepare_tiktoken_files(Path(cache_dir).parent)
    os.environ["TIKTOKEN_CACHE_DIR"] = cache_dir
    import tiktoken

    return tiktoken.get_encoding(name)


def encoding_name_for(model: str) -> str:
    """o200k_base for the GPT-4o family and newer, cl100k_base otherwise."""
    return "o200k_base" if any(tag in model for tag in ("gpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4")) else "cl100k_base"


def get_token_counter(settings: Settings, chat_model: object | None = None) -> TokenCounter:
    """Counter for the active model: its own tokenizer if it has one, else tiktoken."""
    own = getattr(chat_model, "count_tokens", None)
    if callable(own):
        return own
    from coach.assets import tiktoken_cache_dir

    encoding = tiktoken_encoding(encoding_name_for(settings.model or "gpt-4o-mini"), str(tiktoken_cache_dir(settings.models_dir)))
    return lambda text: len(encoding.encode(text, disallowed_special=()))


def truncate_to(text: str, max_tokens: int, count: TokenCounter) -> str:
    """Shorten text to fit max_tokens, keeping its head and tail."""
    if count(text) <= max_tokens:
        return text
    if max_tokens <= 0:
        return ""
    low, high = 0, len(text) // 2
    while low < high:  # largest keep-length per side that still fits
        mid = (low + high + 1) // 2
        if count(text[:mid] + TRIM_MARK + text[-mid:]) <= max_tokens:
            low = mid
        else:
            high = mid - 1
    return text[:low] + TRIM_MARK + text[-low:] if low else ""


@dataclass
class Budget:
    """What fits in the window: context chunks and history turns that were kept."""

    context: list[str] = field(default_factory=list)
    history: list[tuple[str, str]] = field(default_factory=list)
    dropped_turns: int = 0
    tokens: int = 0


def fit(
    system: str,
    history: list[tuple[str, str]],
    context: list[str],
    count: TokenCounter,
    window: int,
    reserve: int,
    context_share: float = 0.5,
) -> Budget:
    """Keep the system prompt and newest turn; fill with context then older turns, newest first."""
    available = window - reserve - count(system) - MESSAGE_OVERHEAD
    if available <= 0:
        raise ValueError("The system prompt alone does not fit the context window.")
    budget = Budget()
    newest = history[-1:] if history else []
    older = history[:-1]
    if newest:
        role, text = newest[0]
        room = max(available - MESSAGE_OVERHEAD, 0)
        limit = room * 3 // 4 if context else room  # leave retrieved context a quarter at least
        text = truncate_to(text, limit, count)
        newest = [(role, text)]
        available -= count(text) + MESSAGE_OVERHEAD
    context_room = int(available * context_share) if older else available
    for chunk in context:
        cost = count(chunk) + 2
        if cost <= context_room:
            budget.context.append(chunk)
            context_room -= cost
            available -= cost
    kept: list[tuple[str, str]] = []
    for role, text in reversed(older):
        cost = count(text) + MESSAGE_OVERHEAD
        if cost > available:
            break
        kept.append((role, text))
        available -= cost
    budget.history = list(reversed(kept)) + newest
    budget.dropped_turns = len(history) - len(budget.history)
    budget.tokens = window - reserve - available
    return budget
