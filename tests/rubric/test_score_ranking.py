"""The score ranks: of two messages written for the same situation, the better one scores higher.

Measured as AUC over the labelled better/worse pairs (tests/data/labelled/pairs.jsonl): a pair counts
1 when the better message scores higher, 0.5 on a tie, 0 otherwise. Both halves are printed; the
held-out half is asserted.
"""

from __future__ import annotations

import pytest

from coach.rubric.base import score
from tests.datasets import better_worse_pairs, lint_record

MIN_AUC = 0.90
SPLITS = ("tune", "holdout")


def message_score(pair: dict, text: str) -> int:
    """The rubric score of one side of a pair."""
    return score(lint_record(pair, text))


def auc(pairs: list[dict]) -> tuple[float, list[str]]:
    """Share of pairs ranked the right way (ties count half), and the pairs ranked wrong or tied."""
    total, wrong = 0.0, []
    for pair in pairs:
        better, worse = message_score(pair, pair["better"]), message_score(pair, pair["worse"])
        total += 1.0 if better > worse else 0.5 if better == worse else 0.0
        if better <= worse:
            wrong.append(f"  {pair['id']}: better {better}, worse {worse}")
    return total / len(pairs), wrong


@pytest.mark.parametrize("split", SPLITS)
def test_the_better_message_scores_higher(split: str, capsys: pytest.CaptureFixture) -> None:
    pairs = better_worse_pairs(split)
    value, wrong = auc(pairs)
    with capsys.disabled():
        print(f"\nscore AUC, {split} half: {value:.3f} over {len(pairs)} pairs" + ("\n" + "\n".join(wrong) if wrong else ""))
    if split == "holdout":
        assert value >= MIN_AUC
