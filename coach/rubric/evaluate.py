"""Scoring a linter against labelled items: per-code precision and recall, exact-set accuracy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# One labelled item: the codes it should get and the codes the linter reported.
Pair = tuple[Iterable[str], Iterable[str]]


@dataclass(frozen=True)
class CodeScore:
    """True/false positives and false negatives of one code, with precision and recall."""

    code: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float


def _ratio(hits: int, total: int) -> float:
    """hits / total, and 1.0 when there was nothing to get right."""
    return hits / total if total else 1.0


def score_code(pairs: Sequence[Pair], code: str) -> CodeScore:
    """Count one code over every (expected, predicted) pair."""
    tp = fp = fn = 0
    for expected, predicted in pairs:
        want, got = code in set(expected), code in set(predicted)
        tp += want and got
        fp += got and not want
        fn += want and not got
    return CodeScore(code, tp, fp, fn, _ratio(tp, tp + fp), _ratio(tp, tp + fn))


def per_code_scores(pairs: Sequence[Pair], codes: Iterable[str]) -> list[CodeScore]:
    """One row per code, in the order the codes are given."""
    materialised = [(set(expected), set(predicted)) for expected, predicted in pairs]
    return [score_code(materialised, code) for code in codes]


def exact_accuracy(pairs: Sequence[Pair]) -> float:
    """Share of items whose reported codes are exactly the expected ones."""
    if not pairs:
        raise ValueError("exact_accuracy needs at least one labelled item")
    exact = sum(set(expected) == set(predicted) for expected, predicted in pairs)
    return exact / len(pairs)


def format_table(rows: Sequence[CodeScore]) -> str:
    """A fixed-width text table of per-code scores."""
    width = max([len("code"), *(len(row.code) for row in rows)])
    lines = [f"{'code':<{width}}  {'tp':>3} {'fp':>3} {'fn':>3}  precision  recall"]
    for row in rows:
        lines.append(f"{row.code:<{width}}  {row.tp:>3} {row.fp:>3} {row.fn:>3}  {row.precision:>9.2f}  {row.recall:>6.2f}")
    return "\n".join(lines)
