"""Scoring a linter against labels: per-code precision and recall, exact-set accuracy, the table."""

from __future__ import annotations

import pytest

from coach.rubric.evaluate import exact_accuracy, format_table, per_code_scores

PAIRS = [
    ({"a"}, {"a"}),  # a: true positive
    ({"a", "b"}, {"a"}),  # a: tp; b: false negative
    (set(), {"b"}),  # b: false positive
    (set(), set()),
]


def test_per_code_scores_count_tp_fp_fn_for_each_code_in_order() -> None:
    a, b, c = per_code_scores(PAIRS, ["a", "b", "c"])
    assert (a.code, a.tp, a.fp, a.fn, a.precision, a.recall) == ("a", 2, 0, 0, 1.0, 1.0)
    assert (b.code, b.tp, b.fp, b.fn, b.precision, b.recall) == ("b", 0, 1, 1, 0.0, 0.0)
    assert (c.tp, c.fp, c.fn, c.precision, c.recall) == (0, 0, 0, 1.0, 1.0)


def test_pairs_may_hold_lists_instead_of_sets() -> None:
    assert per_code_scores([(["a"], ["a", "a"])], ["a"])[0].tp == 1


def test_exact_accuracy_is_the_share_of_items_with_exactly_the_expected_codes() -> None:
    assert exact_accuracy(PAIRS) == 0.5


def test_exact_accuracy_of_nothing_is_an_error_not_a_perfect_score() -> None:
    with pytest.raises(ValueError):
        exact_accuracy([])


def test_format_table_has_a_header_and_one_line_per_code() -> None:
    table = format_table(per_code_scores(PAIRS, ["a", "generic-greeting"]))
    header, first, second = table.splitlines()
    assert header.split() == ["code", "tp", "fp", "fn", "precision", "recall"]
    assert first.split() == ["a", "2", "0", "0", "1.00", "1.00"]
    assert second.startswith("generic-greeting")
