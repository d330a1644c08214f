"""Health checks behind `coach doctor`: one line each, with what to do."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.services import Services


@dataclass
class Check:
    """The outcome of one check."""

    name: str
    ok: bool
    detail: str


def _data_dir(services: Services) -> str:
    settings = services.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=settings.data_dir):
        pass
    return f"{settings.data_dir} is writable"


def _model(services: Services) -> str:
    return services.test_connection()


def _embeddings(services: Services) -> str:
    vector = services.embedder(["informational interview"])[0]
    return f"{services.settings.embeddings} embeddings, {len(vector)} dimensions"


def _tokens(services: Services) -> str:
    from coach.tokens import get_token_counter

    # The tiktoken files, not the model's own tokenizer: this check must not load a model.
    return f"tiktoken offline: {get_token_counter(services.settings)('informational interview')} tokens for a test phrase"


def _knowledge(services: Services) -> str:
    settings, kb = services.settings, services.kb
    notes = kb.list_notes()
    if not notes:
        raise RuntimeError("the knowledge index is empty: run `coach kb ingest` (or `make run`)")
    where = settings.chroma_url or settings.chroma_dir
    return f"{len(notes)} notes, {kb.count()} chunks at {where}"


def _database(services: Services) -> str:
    from coach.dbcheck import check_database
    from coach.store import SCHEMA_VERSION

    # PRAGMA integrity_check and the schema version; a damaged file is kept, copied aside, and the way back is spelt out.
    return check_database(services.settings.db_path, SCHEMA_VERSION)


CHECKS: list[tuple[str, Callable[[Services], str]]] = [
    ("data directory", _data_dir),
    ("database", _database),
    ("local model", lambda services: services.local_runtime()),
    ("model", _model),
    ("embeddings", _embeddings),
    ("tokens", _tokens),
    ("knowledge index", _knowledge),
]


def run_checks(services: Services) -> list[Check]:
    """Run every check; a failure is reported, never raised."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    results = []
    for name, check in CHECKS:
        try:
            results.append(Check(name, True, check(services)))
        except Exception as exc:  # noqa: BLE001 - doctor reports every failure as one line
            results.append(Check(name, False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
    return results
