"""The rubric on the independent labelled set: reported on both halves, asserted on the held-out half only.

The set (tests/data/labelled/) was written by labellers who never saw the rules; each item's half was
fixed by the hash of its id before any rule ran on it. Rules are tuned on `tune` and judged on `holdout`.
"""

from __future__ import annotations

from functools import cache

import pytest

from coach.rubric.base import rules_for
from coach.rubric.evaluate import exact_accuracy, format_table, per_code_scores
from coach.rubric.transcript import Transcript
from coach.rubric.transcript_rules import lint_transcript
from tests.datasets import independent_messages, independent_transcripts, lint_record

MIN_PRECISION = 0.90
MIN_RECALL = 0.90
MIN_EXACT = 0.80
SPLITS = ("tune", "holdout")


def message_codes(record: dict) -> set[str]:
    """Codes the linter reports for one labelled message."""
    return {f.code for f in lint_record(record)}


def transcript_codes(record: dict) -> set[str]:
    """Codes the transcript rules report for one labelled transcript."""
    return {f.code for f in lint_transcript(Transcript.model_validate(record))}  # extra keys (id, expect, notes) are ignored


@cache  # both tests below read the held-out half: lint it once
def evaluate(split: str) -> tuple[list[str], float, str]:
    """(codes below target, exact-set accuracy, printable report) for one half of the set."""
    groups = [(kind, [r for r in independent_messages(split) if r["kind"] == kind], message_codes) for kind in ("outreach", "thank-you")]
    groups.append(("transcript", independent_transcripts(split), transcript_codes))
    weak, everything, parts = [], [], []
    for kind, items, predict in groups:
        pairs = [(set(r["expect"]), predict(r)) for r in items]
        everything += pairs
        rows = per_code_scores(pairs, [rule.code for rule in rules_for(kind)])  # type: ignore[arg-type]
        weak += [f"{kind}/{row.code}" for row in rows if row.precision < MIN_PRECISION or row.recall < MIN_RECALL]
        # Only the tune half names its misses: the held-out half is reported as totals, so nobody tunes to it.
        misses = [f"  {r['id']}: missing {sorted(e - p)}, extra {sorted(p - e)}" for r, (e, p) in zip(items, pairs) if e != p and split == "tune"]
        parts.append(f"{kind} ({len(items)} items, exact {exact_accuracy(pairs):.2f})\n{format_table(rows)}\n" + "\n".join(misses))
    accuracy = exact_accuracy(everything)
    report = f"== {split} half ==\n" + "\n\n".join(parts) + f"\n\nexact-set accuracy ({split}): {accuracy:.2f} over {len(everything)} items"
    return weak, accuracy, report


HELD_OUT_OPEN = pytest.mark.xfail(
    reason="issue 13 is open: on the held-out half (2,177 items, eighteen waves) exact-set accuracy is 0.86, but job-ask, "
    "no-connection, vague-interest, big-ask and self-focused in outreach, job-ask, attachment and no-specifics in "
    "thank-you notes, and no-intro and job-ask in transcripts are still below 0.90 "
    "(the note on issue 13 has the table)",
    strict=False,
)
# A floor under the held-out exact-set accuracy last measured (0.86 over 2,177 items, eighteen waves, with the website-fact and TIARA classifiers), so a change that
# makes unseen text worse fails here even while the full targets above are open.
HELD_OUT_EXACT_FLOOR = 0.85


@pytest.mark.parametrize("split", ["tune", pytest.param("holdout", marks=HELD_OUT_OPEN)])
def test_each_half_reaches_every_target(split: str, capsys: pytest.CaptureFixture) -> None:
    """Both halves are printed; the held-out half is the one the issue's targets are judged on."""
    weak, accuracy, report = evaluate(split)
    with capsys.disabled():
        print("\n" + report)
    assert not weak, f"below {MIN_PRECISION:.0%} precision or {MIN_RECALL:.0%} recall on the {split} half: {weak}"
    assert accuracy >= MIN_EXACT, f"{split} exact-set accuracy {accuracy:.2f} < {MIN_EXACT}"


def test_the_held_out_half_does_not_fall_below_its_measured_floor() -> None:
    _, accuracy, _ = evaluate("holdout")
    assert accuracy >= HELD_OUT_EXACT_FLOOR, f"held-out exact-set accuracy fell to {accuracy:.2f}"
