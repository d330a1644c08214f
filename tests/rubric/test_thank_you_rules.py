"""Thank-you rules, one table of firing and non-firing cases per code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from coach.rubric import common, thank_you
from coach.rubric.base import Finding
from coach.rubric.lint import lint
from coach.rubric.message import Message, parse

THANKS = "Thank you for talking with me yesterday."
SPECIFIC = "Your advice to shadow a night shift before choosing a residency made a lot of sense."
NEXT_STEP = "I'll let you know how the shadowing goes."


def note(*sentences: str, subject: str | None = "Thank you", greeting: str = "Hi Dr. Amadi,", closing: str = "Best,\nMina Osei") -> str:
    """A thank-you email around the given body sentences."""
    head = f"Subject: {subject}\n" if subject is not None else ""
    return f"{head}{greeting}\n\n{' '.join(sentences)}\n\n{closing}"


def fires(check: Callable[[Message], Finding | None], text: str, channel: str = "email", meeting_date: str | None = None, sent_date: str | None = None) -> bool:
    """True when the rule reports a finding on the note."""
    return check(parse(text, "thank-you", channel, meeting_date, sent_date)) is not None  # type: ignore[arg-type]


def codes(text: str, channel: str = "email", meeting_date: str | None = None, sent_date: str | None = None) -> list[str]:
    """Codes lint reports on a thank-you note."""
    return [f.code for f in lint(text, "thank-you", channel, meeting_date, sent_date)]  # type: ignore[arg-type]


def test_a_prompt_specific_note_with_a_next_step_gets_no_findings() -> None:
    assert codes(note(THANKS, SPECIFIC, NEXT_STEP), meeting_date="2025-03-03", sent_date="2025-03-04") == []


# --- too-long ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        pytest.param("Hi Ana,\n\n" + "word " * 199 + "\n\nBest,\nSam", "email", True, id="201-words"),
        pytest.param("Hi Ana,\n\n" + "word " * 198 + "\n\nBest,\nSam", "email", False, id="exactly-200-words"),
        pytest.param("Hi Ana, " + "word " * 199, "linkedin", True, id="linkedin-uses-words-too"),
        pytest.param("Hi Ana, " + "wonderful " * 40, "linkedin", False, id="300-char-limit-is-outreach-only"),
    ],
)
def test_too_long(text: str, channel: str, expected: bool) -> None:
    assert fires(thank_you.too_long, text, channel) is expected


# --- no-thanks ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(note(SPECIFIC, NEXT_STEP), True, id="no-thanks-anywhere"),
        pytest.param(note(SPECIFIC, NEXT_STEP, closing="Thanks,\nMina"), True, id="closing-thanks-does-not-count"),
        pytest.param(note(SPECIFIC, NEXT_STEP, closing="Thank you so much,\nMina"), True, id="closing-thank-you-so-much-does-not-count"),
        pytest.param(note(SPECIFIC, "I'd appreciate it if you could introduce me to your colleague."), True, id="conditional-appreciation-is-a-request"),
        pytest.param(note(SPECIFIC, "I would be grateful if you could share the reading list."), True, id="grateful-if-is-a-request"),
        pytest.param(note(THANKS, SPECIFIC), False, id="thank-you-in-body"),
        pytest.param(note("Thanks again for the chat.", SPECIFIC), False, id="thanks-again"),
        pytest.param(note("I'm so grateful for your time.", SPECIFIC), False, id="grateful"),
        pytest.param(note("I really appreciated your candour.", SPECIFIC), False, id="appreciated"),
        pytest.param(note("Muchas gracias por la conversación.", SPECIFIC), False, id="gracias"),
        pytest.param("Thank you, Marisa! Your story about the mill-town theater convinced me to apply.", False, id="thanks-in-the-opening-line"),
    ],
)
def test_no_thanks(text: str, expected: bool) -> None:
    assert fires(thank_you.no_thanks, text) is expected


def test_no_thanks_evidence_explains_that_the_closing_does_not_count() -> None:
    finding = thank_you.no_thanks(parse(note(SPECIFIC, closing="Thanks,\nMina"), "thank-you"))
    assert finding is not None and "the closing 'Thanks,' does not count" in finding.evidence


def test_a_job_title_with_thanks_in_the_signature_does_not_count_as_thanks() -> None:
    text = note(SPECIFIC, NEXT_STEP, closing="Best,\nMina Osei\nThanksgiving Food Drive Coordinator")
    assert fires(thank_you.no_thanks, text)


# --- no-specifics ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentences", "subject", "expected"),
    [
        pytest.param((THANKS, "I learned a lot."), "Thank you", True, id="generic"),
        pytest.param((THANKS, "It was helpful to hear your perspective."), "Thank you", True, id="your-perspective"),
        pytest.param(("Thank you for talking with me about your career.",), "Thank you", True, id="your-career"),
        pytest.param((THANKS, "Your advice was great."), "Thank you", True, id="advice-without-content"),
        pytest.param((THANKS, SPECIFIC), "Thank you", False, id="a-piece-of-advice"),
        pytest.param((THANKS, "Your story about the volcano demo made me laugh."), "Thank you", False, id="a-story"),
        pytest.param(("I keep thinking about our conversation about teaching middle school science.",), "Hi", False, id="a-topic"),
        pytest.param(("Thank you for walking me through the Cedar Hollow housing project.",), "Hi", False, id="walked-through"),
        pytest.param((THANKS, "I've emailed Jordan Alvarez, as you suggested."), "Hi", False, id="a-person"),
        pytest.param((THANKS, "I ordered the book you recommended."), "Hi", False, id="a-resource"),
        pytest.param((THANKS,), "Thank you for the advice on IRB amendments", False, id="topic-in-subject"),
        pytest.param(
            (THANKS, "Since then I have handed in my notice at the surveying firm and told my landlord I'm moving north in June."),
            "Hi",
            True,
            id="only-the-writers-own-news",
        ),
        pytest.param(
            (THANKS, "Inking the block twice and pulling a ghost print afterwards is going in my sketchbook."),
            "Hi",
            False,
            id="their-tip-with-the-writer-late-in-the-sentence",
        ),
        pytest.param((THANKS, "I've handed in my notice at the surveying firm, as you suggested."), "Hi", False, id="the-writers-news-told-as-their-advice"),
    ],
)
def test_no_specifics(sentences: tuple[str, ...], subject: str, expected: bool) -> None:
    assert fires(thank_you.no_specifics, note(*sentences, subject=subject)) is expected


# --- no-next-step ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("It was a pleasure to meet you.", True, id="pleasantry"),
        pytest.param("Would you forward my resume to the hiring partner?", True, id="job-request-is-not-a-next-step"),
        pytest.param("I've attached my portfolio.", True, id="attachment-is-not-a-next-step"),
        pytest.param("I'll never forget your story.", True, id="never-forget"),
        pytest.param("I will always be grateful for your time.", True, id="always-grateful"),
        pytest.param(NEXT_STEP, False, id="report-back"),
        pytest.param("I'm going to redo the labels with your advice in mind.", False, id="will-act"),
        pytest.param("I've signed up for the substitute pool.", False, id="already-acted"),
        pytest.param("I spoke with my PI yesterday about the amendment.", False, id="already-spoke"),
        pytest.param("I'll keep you posted!", False, id="keep-you-posted"),
        pytest.param("I hope to see you at the June meeting.", False, id="hope-to-see"),
        pytest.param("Let's stay in touch.", False, id="stay-in-touch"),
    ],
)
def test_no_next_step(sentence: str, expected: bool) -> None:
    assert fires(thank_you.no_next_step, note(THANKS, SPECIFIC, sentence)) is expected


# --- late --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting_date", "sent_date", "expected"),
    [
        pytest.param("2025-03-03", "2025-03-03", False, id="same-day"),
        pytest.param("2025-03-03", "2025-03-04", False, id="next-day"),
        pytest.param("2025-03-03", "2025-03-05", False, id="two-days-is-on-time"),
        pytest.param("2025-03-03", "2025-03-06", True, id="three-days-is-late"),
        pytest.param("2025-01-30", "2025-02-02", True, id="across-a-month-end"),
        pytest.param("2024-12-30", "2025-01-04", True, id="across-a-year-end"),
        pytest.param("2024-02-28", "2024-03-01", False, id="leap-day-two-days"),
        pytest.param(None, "2025-03-20", False, id="no-meeting-date"),
        pytest.param("2025-03-03", None, False, id="no-sent-date"),
        pytest.param("2025-03-10", "2025-03-03", False, id="sent-before-the-meeting"),
    ],
)
def test_late(meeting_date: str | None, sent_date: str | None, expected: bool) -> None:
    assert fires(thank_you.late, note(THANKS), meeting_date=meeting_date, sent_date=sent_date) is expected


def test_late_accepts_dates_as_well_as_strings_and_states_the_gap() -> None:
    finding = thank_you.late(parse(note(THANKS), "thank-you", meeting_date=date(2025, 6, 2), sent_date=date(2025, 6, 12)))
    assert finding is not None and finding.evidence == "sent 10 days after the meeting (limit 2)"


def test_an_apology_for_lateness_without_dates_is_not_late() -> None:
    assert not fires(thank_you.late, note("I'm sorry this note is so late.", THANKS))


# --- shared rules on thank-you notes --------------------------------------------------------------------------


def test_shared_rules_are_one_function_registered_for_both_kinds() -> None:
    from coach.rubric.base import REGISTRY

    for code, check in (("generic-greeting", common.generic_greeting), ("job-ask", common.job_ask), ("attachment", common.attachment)):
        assert REGISTRY[("outreach", code)].check is check
        assert REGISTRY[("thank-you", code)].check is check


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Is your team hiring junior engineers?", ["job-ask"], id="hiring-question"),
        pytest.param("I'd love to be considered for any openings.", ["job-ask"], id="be-considered"),
        pytest.param("I've attached my portfolio with the concept we discussed.", ["attachment"], id="attachment-without-a-request"),
        pytest.param("I've attached my resume. Would you forward it to the hiring partner?", ["attachment", "job-ask"], id="attachment-and-job-ask"),
    ],
)
def test_job_ask_and_attachment_on_thank_you_notes(sentence: str, expected: list[str]) -> None:
    found = codes(note(THANKS, SPECIFIC, NEXT_STEP, sentence))
    assert sorted(found) == sorted(expected)


def test_a_generic_greeting_fires_on_thank_you_notes_too() -> None:
    assert codes(note(THANKS, SPECIFIC, NEXT_STEP, greeting="Hello,")) == ["generic-greeting"]


# --- unseen notes, whole -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel", "dates", "expected"),
    [
        pytest.param(
            "Subject: Following up\nHi Rafael,\n\nIt was great to talk yesterday about your move from journalism "
            "into UX writing. Your point that microcopy is a product decision really changed how I read apps. I'm "
            "going to rewrite the onboarding screens of my class project with that in mind.\n\nThanks,\nJo",
            "email",
            ("2025-03-03", "2025-03-05"),
            ["no-thanks"],
            id="thanks-only-in-the-closing",
        ),
        pytest.param(
            "Subject: Thank you\nHi Ms. Lind,\n\nThank you for your time and insights. It was great to learn about "
            "your career.\n\nAlso, I'd appreciate it if you could forward my resume to the hiring manager.\n\n"
            "Best,\nSol",
            "email",
            ("2025-03-03", "2025-03-06"),
            ["no-specifics", "no-next-step", "job-ask", "late"],
            id="generic-late-job-ask",
        ),
        pytest.param(
            "Thank you, Marisa! Your story about restoring the mill-town theater convinced me to apply for the "
            "preservation summer school, and I'll send you my application essay next week. — Priya",
            "linkedin",
            ("2025-03-03", "2025-03-03"),
            [],
            id="linkedin-vocative-thanks",
        ),
    ],
)
def test_unseen_notes_get_exactly_their_faults(text: str, channel: str, dates: tuple[str, str], expected: list[str]) -> None:
    assert sorted(codes(text, channel, *dates)) == sorted(expected)
