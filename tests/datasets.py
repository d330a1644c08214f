"""Where the labelled sets live (tests/data/): the one locator for tests and benchmarks."""

from __future__ import annotations

import json
from pathlib import Path

from coach.rubric.base import Finding

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


LABELLED_DIR = DATA_DIR / "labelled"  # the independent set: each item split tune/holdout by the hash of its id
SEARCH_NOTES_DIR = DATA_DIR / "search_notes"  # notes that exist only in the test data, for search evaluations


def _jsonl(path: Path) -> list[dict]:
    """Every JSON object of a .jsonl file."""
    assert path.is_file(), f"{path} is missing"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def lint_record(record: dict, text: str | None = None) -> list[Finding]:
    """What the linter finds in a labelled message (or in `text` instead), with the record's channel and dates."""
    from coach.rubric.lint import lint

    return lint(
        text if text is not None else record["text"], record["kind"], record.get("channel", "email"), record.get("meeting_date"), record.get("sent_date")
    )


def independent_messages(split: str) -> list[dict]:
    """Outreach and thank-you messages of the independent set, from one split ('tune' or 'holdout')."""
    files = sorted(LABELLED_DIR.glob("outreach-*.jsonl")) + sorted(LABELLED_DIR.glob("thank-you*.jsonl"))
    records = [r for path in files for r in _jsonl(path)]
    return [r for r in records if r["split"] == split]


def independent_transcripts(split: str) -> list[dict]:
    """Transcripts of the independent set, from one split."""
    files = sorted((LABELLED_DIR / "transcripts").glob("*.json"))
    records = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    return [r for r in records if r["split"] == split]


def better_worse_pairs(split: str) -> list[dict]:
    """Pairs of messages for the same situation, one labelled better, from one split."""
    return [r for r in _jsonl(LABELLED_DIR / "pairs.jsonl") if r["split"] == split]


def search_queries(split: str) -> list[dict]:
    """Descriptive, multi-role, paraphrase, typo and alias queries for the search-only notes, from one split."""
    return [r for r in _jsonl(DATA_DIR / "search_queries.jsonl") if r["split"] == split]
