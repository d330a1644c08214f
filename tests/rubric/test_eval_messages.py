"""Outreach and thank-you rules against the labelled development set in tests/data/eval/messages.jsonl."""

from __future__ import annotations

import pytest

from coach.rubric.base import rules_for
from coach.rubric.evaluate import exact_accuracy, format_table, per_code_scores
from tests.datasets import labelled_messages, lint_record

MIN_PRECISION = 0.95
MIN_RECALL = 0.95
MIN_EXACT = 0.80
KINDS = ("outreach", "thank-you")


def predicted_codes(record: dict) -> set[str]:
    """Codes lint reports for one labelled record, with its channel and dates."""
    return {f.code for f in lint_record(record)}


def test_every_expected_code_is_a_registered_code_of_its_kind() -> None:
    for record in labelled_messages():
        known = {r.code for r in rules_for(record["kind"])}
        assert set(record["expect"]) <= known, f"{record['id']} expects unknown codes"


def test_message_rules_reach_precision_recall_and_exact_set_targets(capsys: pytest.CaptureFixture) -> None:
    records = labelled_messages()
    all_pairs, weak, reports = [], [], []
    for kind in KINDS:
        codes = [r.code for r in rules_for(kind)]
        items = [r for r in records if r["kind"] == kind]
        pairs = [(set(r["expect"]), predicted_codes(r)) for r in items]
        all_pairs += pairs
        rows = per_code_scores(pairs, codes)
        weak += [f"{kind}/{r.code}" for r in rows if r.precision < MIN_PRECISION or r.recall < MIN_RECALL]
        misses = [f"  {r['id']}: missing {sorted(e - p)}, extra {sorted(p - e)}" for r, (e, p) in zip(items, pairs) if e != p]
        reports.append(f"{kind} ({len(items)} messages)\n{format_table(rows)}\n" + "\n".join(misses))
    accuracy = exact_accuracy(all_pairs)
    report = "\n\n".join(reports) + f"\n\nexact-set accuracy: {accuracy:.2f} over {len(all_pairs)} messages"
    with capsys.disabled():
        print("\n" + report)
    assert not weak, f"below {MIN_PRECISION:.0%} precision or {MIN_RECALL:.0%} recall: {weak}\n{report}"
    assert accuracy >= MIN_EXACT, report
