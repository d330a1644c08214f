"""Token counting offline and the budget that keeps prompts inside the window."""

from __future__ import annotations

from coach.config import Settings
from coach.tokens import fit, get_token_counter, truncate_to


def test_tiktoken_counts_offline_with_its_real_encoding(settings: Settings) -> None:
    count = get_token_counter(settings)
    assert count("hello world") == 2  # both cl100k and o200k split it into two tokens
    assert count("informational interview " * 100) > 100


def test_a_model_with_its_own_tokenizer_is_counted_with_it(settings: Settings) -> None:
    class Model:
        def count_tokens(self, text: str) -> int:
            return len(text)

    assert get_token_counter(settings, Model())("abcd") == 4


def test_truncate_keeps_head_and_tail_and_fits(settings: Settings) -> None:
    count = get_token_counter(settings)
    text = "START " + "middle words " * 500 + " END"
    short = truncate_to(text, 50, count)
    assert count(short) <= 50 and short.startswith("START") and short.endswith("END")


def test_a_conversation_ten_times_the_window_still_fits_with_system_and_last_turn_intact(settings: Settings) -> None:
    count = get_token_counter(settings)
    window, reserve = 1024, 200
    system = "You are a busy nurse manager answering a student's questions."
    history = [("student" if i % 2 == 0 else "professional", f"Turn {i}: " + "a fairly long remark " * 12) for i in range(200)]
    assert sum(count(t) for _, t in history) > 10 * window
    context = ["A retrieved note about night shifts. " * 8] * 5
    budget = fit(system, history, context, count, window, reserve)
    total = count(system) + sum(count(t) + 4 for _, t in budget.history) + sum(count(c) + 2 for c in budget.context)
    assert total <= window - reserve
    assert budget.history[-1] == history[-1]
    assert budget.dropped_turns > 0 and budget.history == history[-len(budget.history) :]


def test_a_huge_last_turn_is_shortened_rather_than_overflowing(settings: Settings) -> None:
    count = get_token_counter(settings)
    history = [("student", "word " * 5000)]
    budget = fit("system", history, [], count, 512, 100)
    assert count(budget.history[-1][1]) <= 512 - 100
