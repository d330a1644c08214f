"""Embedding functions in Chroma's interface: offline MiniLM, OpenAI, or a hash fake."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from coach.config import Settings
from coach.errors import ConfigError

_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


class Embedder(Protocol):
    """Anything that turns texts into vectors (Chroma's EmbeddingFunction shape)."""

    def __call__(self, input: list[str]) -> list: ...


def local_minilm(models_dir: Path) -> Embedder:
    """all-MiniLM-L6-v2 on onnxruntime, from verified files under models_dir (never downloaded)."""
    from functools import cached_property

    from chromadb.utils.embedding_functions import ONNXMiniLM_L6_V2

    from coach.assets import prepare_embedding_files

    folder = prepare_embedding_files(models_dir)

    class OfflineMiniLM(ONNXMiniLM_L6_V2):
        """Chroma's MiniLM reading the project's verified copy."""

        DOWNLOAD_PATH = folder

        @cached_property
        def tokenizer(self):
            """Pad each batch to its longest text, not to 256: same vectors, far less work."""
            tokenizer = self.Tokenizer.from_file(str(folder / "onnx" / "tokenizer.json"))
            tokenizer.enable_truncation(max_length=256)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            return tokenizer

        def _forward(self, documents: list[str], batch_size: int = 32) -> np.ndarray:
            """Mean-pooled, normalised vectors; each batch padded to its longest text."""
            out = []
            for start in range(0, len(documents), batch_size):
                encoded = self.tokenizer.encode_batch(documents[start : start + batch_size])
                ids = np.array([e.ids for e in encoded], dtype=np.int64)
                mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
                hidden = self.model.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
                weights = mask[..., None].astype(np.float32)
                pooled = (hidden * weights).sum(1) / np.clip(weights.sum(1), 1e-9, None)
                out.append(self._normalize(pooled).astype(np.float32))
            return np.concatenate(out)

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
