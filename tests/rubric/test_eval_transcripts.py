"""Transcript rules against the labelled development set in tests/data/eval/transcripts/."""

from __future__ import annotations

import json

import pytest

from coach.rubric.base import rules_for
from coach.rubric.evaluate import exact_accuracy, format_table, per_code_scores
from coach.rubric.transcript import load_transcript
from coach.rubric.transcript_rules import lint_transcript
from tests.datasets import transcript_files

MIN_PRECISION = 0.95
MIN_RECALL = 0.95


def test_transcript_rules_reach_precision_and_recall(capsys: pytest.CaptureFixture) -> None:
    codes = [r.code for r in rules_for("transcript")]
    pairs, misses = [], []
    for path in transcript_files():
        expected = set(json.loads(path.read_text(encoding="utf-8"))["expect"])
        assert expected <= set(codes), f"{path.name} expects unknown codes {expected - set(codes)}"
        predicted = {f.code for f in lint_transcript(load_transcript(path))}
        pairs.append((expected, predicted))
        if predicted != expected:
            misses.append(f"{path.name}: missing {sorted(expected - predicted)}, extra {sorted(predicted - expected)}")
    rows = per_code_scores(pairs, codes)
    report = f"{format_table(rows)}\nexact-set accuracy: {exact_accuracy(pairs):.2f} over {len(pairs)} transcripts\n" + "\n".join(misses)
    with capsys.disabled():
        print("\n" + report)
    weak = [r.code for r in rows if r.precision < MIN_PRECISION or r.recall < MIN_RECALL]
    assert not weak, f"below {MIN_PRECISION:.0%} precision or {MIN_RECALL:.0%} recall: {weak}\n{report}"
