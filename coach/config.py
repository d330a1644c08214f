"""Settings from the environment and `.env`: one typed object."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Backend = Literal["local", "openai", "openai-compatible", "fake"]
EmbeddingsKind = Literal["local", "openai", "fake"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"  # package data: notes, prompts, bank


def _default_data_dir() -> Path:
    """The project's `data/` folder in a checkout, else a per-user folder."""
    if (PROJECT_ROOT / "pyproject.toml").exists():
        return PROJECT_ROOT / "data"
    return Path.home() / ".local" / "share" / "coach"


class Settings(BaseSettings):
    """Every setting Coach reads; environment variables are COACH_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="COACH_", env_file=".env", extra="ignore", populate_by_name=True)

    backend: Backend | None = None
    model: str = ""
    openai_base_url: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "COACH_OPENAI_BASE_URL"))
    openai_api_key: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "COACH_OPENAI_API_KEY"))
    model_path: Path | None = None
    context_size: int = Field(default=4096, ge=512)
    max_tokens: int = Field(default=384, ge=1)
    temperature: float = Field(default=0.3, ge=0.0, le=2.0)
    # One core is left for the UI, the browser and the embedder: llama.cpp's spinning threads slow
    # to a crawl when they have to share every core (measured: 17 s vs 84-116 s per reply on 2 cores).
    threads: int = Field(default_factory=lambda: max(1, (os.cpu_count() or 2) - 1), ge=1)
    # Weight repacking into the CPU's extra buffer types: "auto" probes it in a child process once per
    # machine and turns it off where it crashes (seen on Intel AMX); "on"/"off" force it.
    llama_repack: Literal["auto", "on", "off"] = "auto"
    # Every model call has one overall deadline (no hidden retry doubles it): a server must accept the
    # connection within connect_timeout, send its first byte within first_byte_timeout, and finish the
    # whole reply within request_timeout, keepalive lines or not.
    connect_timeout: float = Field(default=5.0, gt=0)
    first_byte_timeout: float = Field(default=60.0, gt=0)
    request_timeout: float = Field(default=120.0, gt=0)
    # The base URL the API key was configured for ("" = OpenAI's own): the key is sent there only,
    # so a browser session that points the base URL elsewhere never carries the server's key along.
    key_bound_url: str | None = Field(default=None, exclude=True)
    data_dir: Path = Field(default_factory=_default_data_dir)
    models_path: Path | None = None
    knowledge_dir: Path = DATA_DIR / "knowledge"
    embeddings: EmbeddingsKind = "local"
    embedding_model: str = "text-embedding-3-small"
    chroma_path: Path | None = None
    chroma_url: str | None = None
    owner: str = "local"
    # personal: one local user on 127.0.0.1; shared: a career office's server, every user signs in (OpenID
    # Connect, docs/deploy.md) and owns their rows, and the model, server URL and keys are fixed here.
    mode: Literal["personal", "shared"] = "personal"

    @model_validator(mode="after")
    def _resolve_backend(self) -> Settings:
        """Default to `openai` when a key is set and no backend is named."""
        if self.backend is None:
            self.backend = "openai" if self.openai_api_key else "local"
        if self.openai_api_key and self.key_bound_url is None:
            self.key_bound_url = self.openai_base_url or ""
        return self

    def api_key_for_base_url(self) -> str | None:
        """The API key, only when it was configured for the base URL now in use."""
        if self.openai_api_key and self.key_bound_url == (self.openai_base_url or ""):
            return self.openai_api_key
        return None

    @property
    def chroma_dir(self) -> Path:
        """Where the embedded Chroma store lives."""
        return self.chroma_path or self.data_dir / "chroma"

    @property
    def models_dir(self) -> Path:
        """Where verified offline model files are kept."""
        return self.models_path or self.data_dir / "models"

    @property
    def db_path(self) -> Path:
        """The SQLite file holding sessions, drafts and transcripts."""
        return self.data_dir / "coach.db"

    @property
    def model_label(self) -> str:
        """Backend and model, for display."""
        name = self.model or {"openai": "gpt-4o-mini", "local": "SmolLM2-135M-Instruct"}.get(self.backend or "", self.backend or "")
        return f"{self.backend}: {name}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
