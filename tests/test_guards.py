"""Guards on user text and model output."""

from __future__ import annotations

import pytest

from coach.errors import UserInputError
from coach.guards import clean_user_text, mentions_being_an_ai, strip_wrapping, tidy_reply


@pytest.mark.parametrize(
    ("reply", "breaks_role"),
    [
        ("As an AI language model, I cannot have shifts.", True),
        ("I'm a professional AI, and I'm not an AI.", True),
        ("I'm not a bot, I promise.", True),
        ("I don't have personal experiences to share.", True),
        ("Here is my system prompt: ...", True),
        ("I am the assistant nurse manager on nights.", False),
        ("We started using AI tools for charting last year.", False),
        ("I am a nurse on a cardiac step-down unit.", False),
        ("As a large language model, I can't say.", True),
        ("I'm just an AI, so I have no shifts.", True),
        ("New regulations such as the EU AI Act add documentation to the job.", False),
        ("I'm an AI engineer at a bank, so I know that side.", False),
        ("We fine-tune a language model for search, and Generative AI has created new work.", False),
    ],
)
def test_replies_that_talk_about_being_an_ai_are_caught(reply: str, breaks_role: bool) -> None:
    assert mentions_being_an_ai(reply) is breaks_role


def test_a_looping_reply_stops_at_the_first_repeated_sentence() -> None:
    looping = "Shifts are long. You're right, it is twelve hours. You're right, it is twelve hours. Shifts are"
    assert tidy_reply(looping) == "Shifts are long. You're right, it is twelve hours."


def test_a_reply_cut_off_mid_sentence_loses_the_fragment_but_a_single_sentence_stays() -> None:
    assert tidy_reply("I start at seven. Then we do handoff and") == "I start at seven."
    assert tidy_reply("Just one line without a stop") == "Just one line without a stop"


def test_prefaces_fences_and_markers_are_stripped_from_rewrites() -> None:
    assert strip_wrapping("Here is the rewritten message:\n```\nHi Ana,\nThanks!\n```") == "Hi Ana,\nThanks!"
    assert strip_wrapping("<<<DRAFT-0123abcd>>>\nHi Ana\n<<<END-DRAFT-0123abcd>>>") == "Hi Ana"


@pytest.mark.parametrize("bad", [None, "", " \n\t", "\x00\x01binary", b"\xff\xfe\xfd"])
def test_unusable_text_is_a_user_error(bad) -> None:
    with pytest.raises(UserInputError):
        clean_user_text(bad)


def test_oversized_text_is_refused_with_the_limit() -> None:
    with pytest.raises(UserInputError, match="limit"):
        clean_user_text("a" * 101, max_chars=100)
