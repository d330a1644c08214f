"""Parsing a message the way the rubric counts it: subject, greeting, body, signature, words."""

from __future__ import annotations

from datetime import date

import pytest

from coach.rubric.message import is_closing_line, parse, parse_date, salutation
from coach.text import is_question, normalize, spelled_out, split_sentences, word_count

EMAIL = """Subject: Fellow Brightmoor alum - a question about urban forestry
Hi Ms. Castellanos,

Your interview about replacing ash trees block by block was great.

Could we talk for 15 minutes about urban forestry planning?

Thanks so much,
Owen Pritchard
Environmental Science '27 | Brightmoor University"""


# --- subject ---------------------------------------------------------------


def test_first_line_subject_is_the_subject_and_not_body() -> None:
    message = parse(EMAIL)
    assert message.subject == "Fellow Brightmoor alum - a question about urban forestry"
    assert "Subject" not in message.body


def test_empty_subject_line_is_empty_string_not_none() -> None:
    assert parse("Subject:\nHi Ana,\n\nHello there.").subject == ""


def test_no_subject_line_is_none() -> None:
    assert parse("Hi Ana,\n\nHello there.").subject is None


def test_subject_only_counts_on_the_first_line() -> None:
    message = parse("Hi Ana,\n\nSubject: my thesis is about tides.")
    assert message.subject is None
    assert "thesis" in message.body


# --- greeting ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "greeting"),
    [
        ("Hi Renata,", "Hi Renata,"),
        ("Dear Dr. Mbeki,", "Dear Dr. Mbeki,"),
        ("Hi Mateo, I'm an architecture student.", "Hi Mateo,"),
        ("Hello!", "Hello!"),
        ("Hi there", "Hi there"),
        ("To whom it may concern:", "To whom it may concern:"),
        ("Renata,", "Renata,"),
        ("Thank you, Marisa! Your story stayed with me.", "Thank you, Marisa!"),
        ("Hola Lucía,", "Hola Lucía,"),
        ("Your op-ed changed my mind.", ""),
        ("I've been thinking about our chat.", ""),
    ],
)
def test_salutation_is_the_opening_address(first_line: str, greeting: str) -> None:
    assert salutation(first_line) == greeting


# --- closings and signature ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Best,",
        "Thanks,",
        "Thanks so much,",
        "Thank you so much,",
        "Kind regards,",
        "With gratitude,",
        "Cheers,",
        "Sincerely,",
        "Warmly,",
        "All the best,",
        "Many thanks,",
        "Best regards",
        "Thanks!",
        "Gratefully yours,",
        "Un saludo,",
    ],
)
def test_closing_lines_are_recognised(line: str) -> None:
    assert is_closing_line(line)


@pytest.mark.parametrize(
    "line",
    ["Thank you again for your time today!", "Thanks for the advice on my portfolio.", "Best of all, the talk was recorded.", "I would love to hear more,"],
)
def test_sentences_are_not_closings(line: str) -> None:
    assert not is_closing_line(line)


def test_closing_and_everything_after_it_is_the_signature() -> None:
    message = parse(EMAIL)
    assert message.closing == "Thanks so much,"
    assert message.signature.startswith("Thanks so much,\nOwen Pritchard")
    assert "Owen" not in message.body and "Brightmoor University" not in message.body


def test_body_runs_from_greeting_to_the_line_before_the_closing() -> None:
    message = parse(EMAIL)
    assert message.body.startswith("Hi Ms. Castellanos,")
    assert message.body.endswith("urban forestry planning?")


def test_a_thanks_line_in_the_body_is_not_taken_for_the_closing() -> None:
    text = "Hi Ana,\n\nThanks again!\n\nYour advice to build one end-to-end project changed my spring plans entirely.\n\nBest,\nJo"
    message = parse(text, "thank-you")
    assert message.closing == "Best,"
    assert "Thanks again!" in message.body


def test_without_a_closing_a_trailing_name_block_is_the_signature() -> None:
    text = "Hi Ana,\n\nWould you have 15 minutes for a call?\n\nJordan Blake\nUX Design, Class of 2026"
    message = parse(text)
    assert message.closing == ""
    assert message.signature == "Jordan Blake\nUX Design, Class of 2026"
    assert message.body_words == 10


def test_without_a_closing_or_name_the_body_runs_to_the_end() -> None:
    message = parse("Hi Ana,\n\nWould you have 15 minutes for a call next week?")
    assert message.signature == ""
    assert message.body.endswith("next week?")


def test_inline_closing_ends_a_one_paragraph_note() -> None:
    message = parse("Hi Ana, would you have 15 minutes for a call? Thanks so much, Sam Lee", channel="linkedin")
    assert message.closing == "Thanks so much,"
    assert message.body.endswith("call?")


def test_dash_signature_ends_a_one_paragraph_note() -> None:
    message = parse("Hi Ana, would you have 15 minutes for a call? — Sam", channel="linkedin")
    assert message.signature == "— Sam"
    assert message.body.endswith("call?")


def test_a_postscript_is_not_counted_but_is_read() -> None:
    text = "Hi Ana,\n\nWould you have 15 minutes?\n\nBest,\nSam\n\nP.S. My CV is attached."
    message = parse(text)
    assert message.body_words == 7
    assert message.postscript == "P.S. My CV is attached."
    assert "My CV is attached." in message.sentences


# --- word counting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("I don't know", 3),
        ("a mid-career move", 3),
        ("Brightwater & Lowe", 2),
        ("M&A and R&D", 3),
        ("front-end — back-end", 2),
        ("1. What is hard?\n2. What is fun?", 6),
        ("- first\n- second", 2),
        ("15 minutes, a 20-minute call", 5),
        ("students' work", 2),
        ("don’t “quote” me", 3),
        ("", 0),
    ],
)
def test_word_count_follows_the_rubric_convention(text: str, count: int) -> None:
    assert word_count(text) == count


def test_body_words_exclude_subject_and_signature_but_include_greeting() -> None:
    text = "Subject: Hello there friend\nHi Ana,\n\nWould you have 15 minutes?\n\nBest,\nSam Lee"
    assert parse(text).body_words == 7


def test_linkedin_characters_are_the_whole_note_sign_off_included() -> None:
    note = "Hi Ana, would you have 15 minutes? Thanks, Sam"
    assert parse(note, channel="linkedin").chars == len(note)


# --- line endings, quotes and foreign punctuation -------------------------------------


def test_crlf_parses_like_lf() -> None:
    crlf = parse(EMAIL.replace("\n", "\r\n"))
    lf = parse(EMAIL)
    assert (crlf.subject, crlf.greeting, crlf.body, crlf.closing, crlf.body_words) == (lf.subject, lf.greeting, lf.body, lf.closing, lf.body_words)


def test_curly_quotes_and_non_breaking_spaces_become_plain() -> None:
    assert normalize("I’m “here”\u00a0now") == 'I\'m "here" now'


def test_full_width_punctuation_becomes_ascii() -> None:
    assert normalize("可以吗？是，的：") == "可以吗?是,的:"


@pytest.mark.parametrize(
    "sentence",
    [
        "Would you have 15 minutes?",
        "¿Tendría 15 minutos?",
        "Would you have 15 minutes？",
        "Could we talk? :)",
        "هل لديك وقت؟",
        "¿Tendría 15 minutos para una llamada",
    ],
)
def test_questions_are_recognised_in_several_scripts(sentence: str) -> None:
    assert is_question(normalize(sentence))


def test_sentences_split_on_end_punctuation_but_not_on_titles() -> None:
    text = "I met Dr. Mbeki at the fair. She was kind! Would you talk?"
    assert split_sentences(text) == ["I met Dr. Mbeki at the fair.", "She was kind!", "Would you talk?"]


def test_each_list_item_is_its_own_sentence_without_its_marker() -> None:
    text = "Questions:\n1. How did you start?\n2. What is hard?\n- What would you change?"
    assert split_sentences(text) == ["Questions:", "How did you start?", "What is hard?", "What would you change?"]


# --- dates and validation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-03-04", date(2025, 3, 4)), (date(2025, 3, 4), date(2025, 3, 4)), (None, None), ("", None)],
)
def test_dates_come_from_iso_strings_or_dates(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected  # type: ignore[arg-type]


def test_unknown_kind_or_channel_is_refused_with_the_allowed_values() -> None:
    with pytest.raises(ValueError, match="outreach"):
        parse("Hi", kind="transcript")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="linkedin"):
        parse("Hi", channel="sms")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("could u send ur notes", "could you send your notes"),
        ("sorry for the random msg, im no expert", "sorry for the random message, I'm no expert"),
        ("U of T and Ur are places; IM is not im", "U of T and Ur are places; IM is not I'm"),
        ("your umbrella, a menu, u.s. law", "your umbrella, a menu, u.s. law"),
        ("wat wud u do, wats hard, whats the worst burn uve had", "what would you do, what's hard, whats the worst burn you've had"),
    ],
)
def test_texting_spellings_are_written_out_word_for_word(text: str, read_as: str) -> None:
    assert spelled_out(text) == read_as
    assert word_count(spelled_out(text)) == word_count(text)


def test_the_rules_read_a_texted_note_with_its_spellings_written_out() -> None:
    message = parse("hey Dr. Tanaka!! i was at ur lecture on slow slip. could u spare 15 min?", "outreach", "linkedin")
    assert message.sentences == ("i was at your lecture on slow slip.", "could you spare 15 min?")
    assert "ur lecture" in message.body  # the counted text is the writer's own
