"""Health checks behind `coach doctor`: one line each, with what to do."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import Callable

from langchain_core.messages import HumanMessage

from coach.config import Settings


@dataclass
class Check:
    """The outcome of one check."""

    name: str
    ok: bool
    detail: str


def _data_dir(settings: Settings) -> str:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=settings.data_dir):
        pass
    return f"{settings.data_dir} is writable"


def _model(settings: Settings) -> str:
    from coach.llm import complete, get_chat_model

    model = get_chat_model(settings)
    reply = complete(model, [HumanMessage(content="Say OK.")], max_tokens=1)
    return f"{settings.model_label} answered ({reply.strip()[:20]!r})"


def _embeddings(settings: Settings) -> str:
    from coach.embeddings import get_embedder

    vector = get_embedder(settings)(["informational interview"])[0]
    return f"{settings.embeddings} embeddings, {len(vector)} dimensions"


def _tokens(settings: Settings) -> str:
    from coach.tokens import get_token_counter

    return f"tiktoken offline: {get_token_counter(settings)('informational interview')} tokens for a test phrase"


def _knowledge(settings: Settings) -> str:
    from coach.embeddings import get_embedder
    from coach.knowledge import KnowledgeBase, open_client

    kb = KnowledgeBase(open_client(settings), get_embedder(settings))
    notes = kb.list_notes()
    if not notes:
        raise RuntimeError("the knowledge index is empty: run `coach kb ingest` (or `make run`)")
    where = settings.chroma_url or settings.chroma_dir
    return f"{len(notes)} notes, {kb.count()} chunks at {where}"


CHECKS: list[tuple[str, Callable[[Settings], str]]] = [
    ("data directory", _data_dir),
    ("model", _model),
    ("embeddings", _embeddings),
    ("tokens", _tokens),
    ("knowledge index", _knowledge),
]


def run_checks(settings: Settings) -> list[Check]:
    """Run every check; a failure is reported, never raised."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    results = []
    for name, check in CHECKS:
        try:
            results.append(Check(name, True, check(settings)))
        except Exception as exc:  # noqa: BLE001 - doctor reports every failure as one line
            results.append(Check(name, False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
    return results
