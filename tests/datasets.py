"""Where the labelled sets live (tests/data/): the one locator for tests and benchmarks."""

from __future__ import annotations

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
EVAL_DIR = DATA_DIR / "eval"  # the development set, copied in and owned by this repository


def labelled_messages() -> list[dict]:
    """Every labelled development-set message; a missing set is a failure, never a skip."""
    path = EVAL_DIR / "messages.jsonl"
    assert path.is_file(), f"The labelled messages are missing: {path} does not exist."
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert records, f"{path} holds no messages"
    return records


def transcript_files() -> list[Path]:
    """Every labelled development-set transcript file."""
    files = sorted((EVAL_DIR / "transcripts").glob("*.json"))
    assert files, f"No labelled transcripts in {EVAL_DIR / 'transcripts'}."
    return files
