"""Outreach rules, one table of firing and non-firing cases per code."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coach.rubric import common, outreach
from coach.rubric.base import Finding
from coach.rubric.lint import lint
from coach.rubric.message import Message, parse
from coach.text import word_count

CONNECTION = "Professor Li suggested I write to you."
ADMIRATION = "Your paper on kelp forest recovery is the reason I chose marine biology."
ASK = "Would you have 15 minutes for a call about how you moved from fieldwork into kelp restoration?"


def email(
    *sentences: str, subject: str | None = "A question about kelp restoration", greeting: str = "Hi Dr. Kaur,", closing: str = "Best,\nTheo Marsh"
) -> str:
    """An outreach email around the given body sentences."""
    head = f"Subject: {subject}\n" if subject is not None else ""
    return f"{head}{greeting}\n\n{' '.join(sentences)}\n\n{closing}"


def fires(check: Callable[[Message], Finding | None], text: str, channel: str = "email") -> bool:
    """True when the rule reports a finding on the text."""
    return check(parse(text, "outreach", channel)) is not None  # type: ignore[arg-type]


def codes(text: str, channel: str = "email") -> list[str]:
    """Codes lint reports on an outreach text."""
    return [f.code for f in lint(text, "outreach", channel)]  # type: ignore[arg-type]


def test_a_short_connected_specific_bounded_question_gets_no_findings() -> None:
    assert codes(email(CONNECTION, ADMIRATION, ASK)) == []


# --- too-long --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        pytest.param("Hi Ana,\n\n" + "word " * 99 + "\n\nBest,\nSam", "email", True, id="email-101-words"),
        pytest.param("Hi Ana,\n\n" + "word " * 98 + "\n\nBest,\nSam", "email", False, id="email-exactly-100-words"),
        pytest.param("Subject: " + "long " * 50 + "\nHi Ana,\n\nShort body.\n\nBest,\nSam", "email", False, id="subject-not-counted"),
        pytest.param("Hi Ana,\n\nShort body.\n\nBest,\nSam\n" + "Title Line Here\n" * 8, "email", False, id="signature-not-counted"),
        pytest.param("x" * 301, "linkedin", True, id="linkedin-301-chars"),
        pytest.param("x" * 300, "linkedin", False, id="linkedin-exactly-300-chars"),
        pytest.param("Hi Ana, " + "word " * 59 + "Thanks, Sam", "linkedin", True, id="linkedin-sign-off-counts"),
    ],
)
def test_too_long(text: str, channel: str, expected: bool) -> None:
    assert fires(outreach.too_long, text, channel) is expected


def test_too_long_evidence_states_the_count_and_the_limit() -> None:
    finding = outreach.too_long(parse("Hi Ana,\n\n" + "word " * 110))
    assert finding is not None and finding.evidence == "112 words (limit 100)"


# --- missing-subject --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        pytest.param(email(ASK, subject=None), "email", True, id="no-subject-line"),
        pytest.param(email(ASK, subject=""), "email", True, id="empty-subject"),
        pytest.param(email(ASK, subject="   "), "email", True, id="blank-subject"),
        pytest.param(email(ASK), "email", False, id="subject-present"),
        pytest.param("Hi Ana, would you have 15 minutes for a call?", "linkedin", False, id="linkedin-needs-none"),
    ],
)
def test_missing_subject(text: str, channel: str, expected: bool) -> None:
    assert fires(outreach.missing_subject, text, channel) is expected


# --- generic-greeting (shared with thank-you) ---------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "expected"),
    [
        pytest.param("Hello,", True, id="hello"),
        pytest.param("Hi there,", True, id="hi-there"),
        pytest.param("Hi,", True, id="hi"),
        pytest.param("Dear Sir or Madam,", True, id="sir-or-madam"),
        pytest.param("To whom it may concern,", True, id="whom-it-may-concern"),
        pytest.param("Dear Hiring Manager,", True, id="hiring-manager"),
        pytest.param("Hi Acme team,", True, id="a-team-is-not-a-person"),
        pytest.param("Dear Professor,", True, id="title-without-name"),
        pytest.param("Hi Renata,", False, id="first-name"),
        pytest.param("Dear Ms. Achterberg,", False, id="title-and-surname"),
        pytest.param("Hello Dr. Mbeki!", False, id="exclamation"),
        pytest.param("Good morning Mr. Oduya,", False, id="good-morning"),
        pytest.param("Renata,", False, id="bare-name"),
        pytest.param("Hola Lucía,", False, id="spanish-opener"),
        pytest.param("Hi Jun", False, id="no-comma"),
    ],
)
def test_generic_greeting(greeting: str, expected: bool) -> None:
    assert fires(common.generic_greeting, email(ASK, greeting=greeting)) is expected


def test_a_message_with_no_greeting_at_all_is_generic_greeting() -> None:
    note = "Your op-ed on congestion pricing changed my mind. Would you have 15 minutes to talk about transit policy?"
    finding = common.generic_greeting(parse(note, channel="linkedin"))
    assert finding is not None and finding.evidence.startswith("no greeting")


# --- no-connection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("I found your profile on LinkedIn.", True, id="linkedin-profile-is-not-a-connection"),
        pytest.param("I saw your title at Larkspur Bank.", True, id="knowing-their-title"),
        pytest.param("Leading the design team at Acme must be fascinating.", True, id="knowing-their-employer"),
        pytest.param("I'm a research fellow at the Lyman Institute.", True, id="a-research-fellow-is-not-a-fellow-alum"),
        pytest.param("We're both Redfield alumni.", False, id="shared-school"),
        pytest.param("I'm a fellow Haverly graduate.", False, id="fellow-graduate"),
        pytest.param("We met at the Midwest Robotics Expo in April.", False, id="shared-event"),
        pytest.param("We both worked at Fernhill Outfitters.", False, id="shared-employer"),
        pytest.param("I'm a member of the Kestrel Rowing Club.", False, id="shared-group"),
        pytest.param("Dana Ruiz gave me your email address.", False, id="mutual-contact-gave-address"),
        pytest.param("My cousin recommended that I contact you.", False, id="mutual-contact-recommended"),
        pytest.param("Your podcast episode on kelp forests was superb.", False, id="something-they-said"),
        pytest.param("I heard you speak at the Data Ethics Summit.", False, id="heard-them-speak"),
        pytest.param("I toured the footbridge you designed with my class.", False, id="something-they-built"),
        pytest.param("I read your Flight Test Quarterly piece on icing trials.", False, id="something-they-wrote"),
        pytest.param("Like you, I studied chemistry at Redfield.", False, id="like-you"),
        pytest.param("I'm also a Redfield graduate.", False, id="also-a-graduate"),
        pytest.param("I'm a cadet in the same squadron you led.", False, id="same-group-as-you"),
    ],
)
def test_no_connection(sentence: str, expected: bool) -> None:
    assert fires(outreach.no_connection, email(sentence, ASK, subject="A question")) is expected


def test_a_connection_named_only_in_the_subject_counts() -> None:
    assert not fires(outreach.no_connection, email(ASK, subject="Fellow Brightmoor alum - a question"))


# --- vague-interest ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        pytest.param("Would you have 15 minutes? I'd love to pick your brain.", True, id="pick-your-brain"),
        pytest.param("Would you have 15 minutes? I'd love to hear your thoughts.", True, id="your-thoughts"),
        pytest.param("Could we talk for 15 minutes about your career?", True, id="your-career"),
        pytest.param("I'd like 15 minutes to hear about your experience at Google?", True, id="employer-is-not-a-topic"),
        pytest.param("Would you be open to talking sometime?", True, id="talking-sometime"),
        pytest.param("Could I learn more about what you do in 15 minutes?", True, id="what-you-do"),
        pytest.param(ASK, False, id="a-transition"),
        pytest.param("Could we talk for 15 minutes about the product manager role?", False, id="a-role"),
        pytest.param("I'm interested in venture capital. Would you have 15 minutes?", False, id="a-field"),
        pytest.param("Would you be open to a 20-minute informational interview about bridge inspection?", False, id="informational-interview-about-a-field"),
        pytest.param("I have a few questions about breaking into UX research. Do you have 15 minutes?", False, id="questions-about"),
        pytest.param("Would you walk me through how you run an accessibility audit in 15 minutes?", False, id="walk-me-through"),
        pytest.param(
            "Would you be willing to share 20 minutes by phone about how you trained for the sommelier exam?", False, id="any-request-that-names-its-topic"
        ),
    ],
)
def test_vague_interest(ask: str, expected: bool) -> None:
    assert fires(outreach.vague_interest, email(CONNECTION, ask, subject="Hello")) is expected


def test_a_topic_named_in_the_subject_counts() -> None:
    text = email(CONNECTION, "Would you have 15 minutes?", subject="A question about flight test engineering")
    assert not fires(outreach.vague_interest, text)


def test_vague_interest_quotes_the_stock_phrase() -> None:
    finding = outreach.vague_interest(parse(email(CONNECTION, "Would you have 15 minutes? I'd love to pick your brain.", subject="Hello")))
    assert finding is not None and finding.evidence == '"I\'d love to pick your brain." (pattern)'


# --- job-ask (shared with thank-you) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Could you refer me for the analyst role?", True, id="referral"),
        pytest.param("Would you put in a good word for me?", True, id="good-word"),
        pytest.param("If your team is hiring, would you keep me in mind?", True, id="keep-me-in-mind"),
        pytest.param("Could you pass my resume along to your recruiter?", True, id="pass-resume-along"),
        pytest.param("Would you forward my CV to the hiring manager?", True, id="forward-cv"),
        pytest.param("Are there any openings on your team?", True, id="any-openings"),
        pytest.param("Is your firm hiring interns this summer?", True, id="is-hiring"),
        pytest.param("Could you take a look at my resume?", True, id="look-at-resume"),
        pytest.param("Do you have any internships available?", True, id="internship"),
        pytest.param("Could you help me get an interview for the summer program?", True, id="job-interview"),
        pytest.param("Would you be open to a 20-minute informational interview?", False, id="informational-interview-is-not-a-job-ask"),
        pytest.param("Could you refer me to anyone else I should talk to?", False, id="referral-to-another-contact"),
        pytest.param("I'm applying to graduate programs this fall.", False, id="writer-own-plans"),
        pytest.param("I'd love to learn how your team approaches hiring.", False, id="hiring-as-a-topic"),
        pytest.param("I've attached my resume.", False, id="attachment-alone"),
        pytest.param("I enjoyed your interview with the Ledger.", False, id="their-press-interview"),
    ],
)
def test_job_ask(sentence: str, expected: bool) -> None:
    assert fires(common.job_ask, email(CONNECTION, sentence, ASK)) is expected


def test_job_ask_quotes_the_request() -> None:
    finding = common.job_ask(parse(email(CONNECTION, "Would you put in a good word for me?", ASK)))
    assert finding is not None and finding.evidence == '"Would you put in a good word for me?" (pattern)'


# --- attachment (shared with thank-you) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("I've attached my resume.", True, id="attached-resume"),
        pytest.param("My CV is attached.", True, id="cv-is-attached"),
        pytest.param("Please find attached my portfolio.", True, id="please-find-attached"),
        pytest.param("Attached is my updated résumé.", True, id="accented-resume"),
        pytest.param("I have enclosed my writing samples.", True, id="enclosed"),
        pytest.param("I'd be happy to send you my resume.", True, id="offer-to-send"),
        pytest.param("Could you forward my resume to the recruiter?", False, id="job-ask-is-not-attachment"),
        pytest.param("My portfolio is at anasousa.design.", True, id="a-link-to-a-portfolio-offers-it"),
        pytest.param("You advised me to shorten my CV, so I did.", False, id="a-mention-is-not-attached"),
        pytest.param("I read the report you attached to your post.", False, id="their-attachment"),
    ],
)
def test_attachment(sentence: str, expected: bool) -> None:
    assert fires(common.attachment, email(CONNECTION, sentence, ASK)) is expected


def test_an_attached_resume_with_no_request_is_attachment_only() -> None:
    assert codes(email(CONNECTION, ADMIRATION, "I've attached my resume in case it is useful.", ASK)) == ["attachment"]


def test_an_attachment_in_a_postscript_still_counts() -> None:
    assert fires(common.attachment, email(CONNECTION, ASK, closing="Best,\nTheo\n\nP.S. My CV is attached."))


# --- no-question ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        pytest.param("I would welcome 15 minutes to talk about kelp restoration.", True, id="statement"),
        pytest.param("Please let me know a time for a 15-minute call about kelp restoration.", True, id="please"),
        pytest.param("I'd love a 15-minute call about kelp restoration!", True, id="exclamation"),
        pytest.param(
            "Ever wondered why kelp forests vanish? I'd welcome 15 minutes to talk about kelp restoration.", True, id="a-rhetorical-question-is-not-the-request"
        ),
        pytest.param(ASK, False, id="question"),
        pytest.param("¿Tendría 15 minutos para hablar de restauración de kelp?", False, id="spanish-question"),
        pytest.param("Would you have 15 minutes for a call about kelp restoration？", False, id="full-width-mark"),
        pytest.param(f"{ASK} Please also send me the paper.", False, id="question-plus-a-statement-request"),
    ],
)
def test_no_question(ask: str, expected: bool) -> None:
    assert fires(outreach.no_question, email(CONNECTION, ask)) is expected


def test_no_question_quotes_the_statement_request() -> None:
    finding = outreach.no_question(parse(email(CONNECTION, "I would welcome 15 minutes to talk about kelp.")))
    assert finding is not None and finding.evidence.startswith('the request "I would welcome 15 minutes')


# --- no-time-bound ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        pytest.param("Would you be open to talking about kelp restoration?", True, id="no-duration"),
        pytest.param("Could I take you to lunch to hear about kelp restoration?", True, id="lunch-names-no-duration"),
        pytest.param("Would you have time for a call about kelp restoration?", True, id="time-unbounded"),
        pytest.param("I spent 20 minutes on your paper. Would you be open to talking about kelp restoration?", True, id="duration-outside-the-ask"),
        pytest.param(ASK, False, id="15-minutes"),
        pytest.param("Would you have time for a 20-minute call about kelp restoration?", False, id="20-minute-call"),
        pytest.param("Would you be open to a brief call about kelp restoration?", False, id="brief"),
        pytest.param("Could we have a quick chat about kelp restoration?", False, id="quick"),
        pytest.param("Could you spare twenty minutes to talk about kelp restoration?", False, id="spelled-out"),
        pytest.param("Would you have half an hour to talk about kelp restoration?", False, id="half-an-hour"),
        pytest.param("¿Tendría 15 minutos para hablar de kelp?", False, id="minutos"),
        pytest.param("Would you have an hour to talk about kelp restoration?", False, id="an-hour-is-bounded"),
        pytest.param("A 15-minute call about kelp restoration would be wonderful.", False, id="duration-in-a-statement"),
    ],
)
def test_no_time_bound(ask: str, expected: bool) -> None:
    assert fires(outreach.no_time_bound, email(CONNECTION, ask)) is expected


# --- big-ask ------------------------------------------------------------------------------------------

LIST_OF_QUESTIONS = "\n".join(f"- {q}" for q in ("How did you start?", "What is hard?", "What do you read?", "Who hires?", "What changed?"))


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        pytest.param("Would you have an hour to talk about kelp restoration?", True, id="an-hour"),
        pytest.param("Would you have 45 minutes to talk about kelp restoration?", True, id="45-minutes"),
        pytest.param("Could we talk for 30-45 minutes about kelp restoration?", True, id="range-above-30"),
        pytest.param("Could I take you to lunch to hear about kelp restoration?", True, id="lunch"),
        pytest.param("Could I buy you dinner next month to talk about kelp?", True, id="dinner"),
        pytest.param(f"{ASK} Would you also be willing to mentor me this year?", True, id="mentorship"),
        pytest.param("Would you have 20 minutes for a call, and then monthly check-ins about kelp?", True, id="bounded-call-then-recurring"),
        pytest.param("Could we set up a series of calls about kelp restoration?", True, id="series-of-calls"),
        pytest.param("Would you answer the questions below by email?\n- How did you start?\n- What is hard?\n- What do you read?", True, id="written-answers"),
        pytest.param(f"I have some questions about kelp.\n{LIST_OF_QUESTIONS}", True, id="long-list-of-questions"),
        pytest.param(ASK, False, id="15-minutes"),
        pytest.param("Would you have 30 minutes to talk about kelp restoration?", False, id="exactly-30-minutes"),
        pytest.param("Could we grab a quick coffee to talk about kelp restoration?", False, id="coffee-is-not-a-meal"),
        pytest.param("Could we talk for 15 minutes during your lunch break about kelp?", False, id="lunch-break-is-not-a-meal"),
        pytest.param(f"I run weekly meetings for my lab. {ASK}", False, id="writer-meetings-are-not-the-ask"),
    ],
)
def test_big_ask(ask: str, expected: bool) -> None:
    assert fires(outreach.big_ask, email(CONNECTION, ask)) is expected


def test_an_hour_is_big_ask_but_not_no_time_bound() -> None:
    found = codes(email(CONNECTION, ADMIRATION, "Would you have an hour to talk about kelp restoration?"))
    assert found == ["big-ask"]


def test_lunch_is_both_big_ask_and_no_time_bound() -> None:
    found = codes(email(CONNECTION, ADMIRATION, "Could I take you to lunch to hear about kelp restoration?"))
    assert sorted(found) == ["big-ask", "no-time-bound"]


# --- self-focused --------------------------------------------------------------------------------------

WRITER_STORY = (
    "I spent four years as a lab technician, where I ran our sequencing queue and trained new staff. "
    "Last year I started a master's degree in the evenings, and I taught myself Python on weekends. "
    "I'm now trying to decide whether to stay in the lab or move into field ecology."
)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        pytest.param((CONNECTION, WRITER_STORY, ASK), True, id="writer-story-dominates"),
        pytest.param(
            ("We met at the Coastal Ecology Forum.", WRITER_STORY, "Your talk there was good.", ASK), True, id="a-line-of-praise-does-not-balance-a-life-story"
        ),
        pytest.param((CONNECTION, ADMIRATION, ASK), False, id="about-their-work"),
        pytest.param(
            (
                "I'm a biology junior at Redfield.",
                "Your paper on kelp forest recovery changed how I think about marine reserves, especially the urchin-removal trials along the northern coast.",
                ASK,
            ),
            False,
            id="short-intro-long-admiration",
        ),
        pytest.param(
            (
                "I'm a biology junior at Redfield, and we're both members of the Marine Society.",
                "The kelp map your team published is the best survey of the coast I've seen.",
                ASK,
            ),
            False,
            id="connection-sentence-counts-for-neither",
        ),
        pytest.param(
            ("I'm so sorry to bother you, and I know you're incredibly busy with the new survey season.", "Your paper on kelp recovery is superb.", ASK),
            False,
            id="apologies-are-not-about-the-writer",
        ),
        pytest.param(
            ("I'm a paralegal student.", "I'm interested in court reporting and want to know more.", ASK), True, id="nothing-about-the-recipient-at-all"
        ),
        pytest.param(
            ("I'm a second-year engineering student.", "How did you choose your first project?", "What do you wish you had known?", ASK),
            False,
            id="questions-about-their-work",
        ),
    ],
)
def test_self_focused(sentences: tuple[str, ...], expected: bool) -> None:
    assert fires(outreach.self_focused, email(*sentences)) is expected


def test_self_focused_evidence_gives_both_word_counts() -> None:
    finding = outreach.self_focused(parse(email(CONNECTION, WRITER_STORY, ASK)))
    assert finding is not None
    assert finding.evidence == f"{word_count(WRITER_STORY)} words about the writer, 0 about the recipient"


# --- apologetic ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Sorry to bother you out of the blue.", True, id="sorry-to-bother"),
        pytest.param("I know you're incredibly busy.", True, id="i-know-youre-busy"),
        pytest.param("I know you must get many messages like this.", True, id="you-must-get-many"),
        pytest.param("I'm just a student.", True, id="just-a-student"),
        pytest.param("This may be a silly request.", True, id="silly-request"),
        pytest.param("I hate to bother you.", True, id="hate-to-bother"),
        pytest.param("I don't want to take up too much of your time.", True, id="take-up-your-time"),
        pytest.param("I'm not sure I'm qualified to ask.", True, id="not-sure-qualified"),
        pytest.param("Apologies for the cold email.", True, id="apologies"),
        pytest.param("I know you're an expert on kelp.", False, id="i-know-youre-an-expert"),
        pytest.param("I just read your article on urchins.", False, id="i-just-read"),
        pytest.param("I was a busy line cook for years.", False, id="busy-about-the-writer"),
    ],
)
def test_apologetic(sentence: str, expected: bool) -> None:
    assert fires(outreach.apologetic, email(CONNECTION, sentence, ASK)) is expected


def test_apologetic_quotes_the_filler() -> None:
    finding = outreach.apologetic(parse(email(CONNECTION, "I'm so sorry to bother you, but I have a question.", ASK)))
    assert finding is not None and finding.evidence == '"I\'m so sorry to bother you," (pattern)'


# --- unseen messages, whole ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        pytest.param(
            "Hi Lucía, we both studied at Valle Norte, and your podcast episode on bilingual classrooms stayed with "
            "me. Would you have 20 minutes next week to tell me how you became a curriculum designer？",
            "linkedin",
            [],
            id="linkedin-full-width-question",
        ),
        pytest.param(
            "Subject: Hello\nHello,\n\nI found your profile on LinkedIn and saw that you work at Larkspur Bank. "
            "I'd love to take you out to lunch and learn from your experience, and maybe you could mentor me as I "
            "start my career?\n\nBest,\nKai",
            "email",
            ["generic-greeting", "no-connection", "vague-interest", "no-time-bound", "big-ask"],
            id="cold-vague-lunch-and-mentorship",
        ),
        pytest.param(
            "Subject: Fellow Orchard Lane volunteer\nHi Bea,\n\nWe both volunteer at the Orchard Lane food bank, and "
            "you mentioned your move into public health at the spring potluck.\n\nI would love to hear more about "
            "your work. Please let me know if you'd have time to chat.\n\nBest,\nRavi",
            "email",
            ["vague-interest", "no-question", "no-time-bound"],
            id="warm-but-vague-statement",
        ),
        pytest.param(
            "Subject: Quick question from a fellow Haverly grad\r\nHi Mr. Quist,\r\n\r\nI hate to bother you, and I "
            "completely understand if you're too busy. I'm only a sophomore, but your op-ed on rural broadband "
            "funding made me want to work in telecom policy.\r\n\r\nWould you have 15 minutes for a call about how "
            "you moved from engineering into telecom policy?\r\n\r\nBest,\r\nAiyana",
            "email",
            ["apologetic"],
            id="crlf-apologetic",
        ),
    ],
)
def test_unseen_messages_get_exactly_their_faults(text: str, channel: str, expected: list[str]) -> None:
    assert sorted(codes(text, channel)) == sorted(expected)
