"""Embedding functions in Chroma's interface: offline MiniLM, OpenAI, or a hash fake."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from coach.config import Settings
from coach.errors import ConfigError

_shared: dict[str, "Embedder"] = {}
_shared_lock = threading.Lock()


class Embedder(Protocol):
    """Anything that turns texts into vectors (Chroma's EmbeddingFunction shape)."""

    def __call__(self, input: list[str]) -> list: ...


def local_minilm(models_dir: Path) -> Embedder:
    """all-MiniLM-L6-v2 on onnxruntime, from verified files under models_dir (never downloaded)."""
    from chromadb.utils.embedding_functions import ONNXMiniLM_L6_V2

    from coach.assets import prepare_embedding_files

    folder = prepare_embedding_files(models_dir)

    class OfflineMiniLM(ONNXMiniLM_L6_V2):
        """Chroma's MiniLM reading the project's verified copy."""

        DOWNLOAD_PATH = folder

    return OfflineMiniLM(preferred_providers=["CPUExecutionProvider"])


class HashEmbedding:
    """Deterministic, non-semantic vectors for fast plumbing tests."""

    def __init__(self, size: int = 64) -> None:
        self.size = size

    def __call__(self, input: list[str]) -> list:
        vectors = []
        for text in input:
            seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
            vector = np.random.default_rng(seed).standard_normal(self.size)
            vectors.append((vector / np.linalg.norm(vector)).astype(np.float32))
        return vectors


class CountingEmbedder:
    """Wraps an embedder and counts the texts it embedded."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.texts_embedded = 0
        self.calls = 0

    def __call__(self, input: list[str]) -> list:
        self.calls += 1
        self.texts_embedded += len(input)
        return self.inner(input)


def get_embedder(settings: Settings) -> Embedder:
    """The configured embedder, created once per process and kind."""
    key = f"{settings.embeddings}:{settings.models_dir}:{settings.embedding_model}"
    with _shared_lock:
        if key not in _shared:
            _shared[key] = _build(settings)
        return _shared[key]


def _build(settings: Settings) -> Embedder:
    match settings.embeddings:
        case "local":
            return local_minilm(settings.models_dir)
        case "fake":
            return HashEmbedding()
        case "openai":
            if not settings.openai_api_key:
                raise ConfigError("COACH_EMBEDDINGS=openai needs OPENAI_API_KEY.")
            from chromadb.utils.embedding_functions import OpenAIEmbeddingFunction

            return OpenAIEmbeddingFunction(
                api_key=settings.openai_api_key,
                model_name=settings.embedding_model,
                api_base=settings.openai_base_url,
            )
    raise ConfigError(f"Unknown embeddings {settings.embeddings!r}: use local, openai or fake.")


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two vectors."""
    return float(np.dot(a, b) / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0))
