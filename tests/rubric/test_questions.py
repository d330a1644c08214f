"""Question classifiers: firing and non-firing tables, written for fields the eval set lacks."""

from __future__ import annotations

import pytest

from coach.rubric.questions import is_closed, is_job_ask, is_referral_ask, is_searchable, tiara_areas
from coach.text import extract_questions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for your time. How did you get started? And what do you wish you'd known?", ["How did you get started?", "And what do you wish you'd known?"]),
        ("No question here, just a statement.", []),
        ("How did you start？ What changed after that？", ["How did you start？", "What changed after that？"]),
        ("¿Cómo empezaste en este campo?", ["¿Cómo empezaste en este campo?"]),
        ("Y tú, ¿cómo empezaste?", ["¿cómo empezaste?"]),
        ('My advisor always asks, "Why law?" and I never know what to say.', []),
        ('She asked me, "Why law?" I froze.', []),
        ('When a client asks "why does this cost so much?", how do you answer?', ['When a client asks "why does this cost so much?", how do you answer?']),
        ('"What would you do differently?"', ['"What would you do differently?"']),
        ("Dr. Okafor, how did you choose cardiology?", ["Dr. Okafor, how did you choose cardiology?"]),
        ("Really?! How?", ["Really?!", "How?"]),
        ("I interned at Acme Inc. What does your team do there?", ["What does your team do there?"]),
        ("We covered soil, water, etc. and then what?", ["We covered soil, water, etc. and then what?"]),
        ("I have two questions:\nWhat changed?\nWhat stayed the same?", ["What changed?", "What stayed the same?"]),
        ("So... what would you say is the hardest part?", ["So... what would you say is the hardest part?"]),
        ("(Is that a silly question?) I hope not.", ["(Is that a silly question?)"]),
    ],
)
def test_extract_questions(text: str, expected: list[str]) -> None:
    assert extract_questions(text) == expected


CLOSED = [
    "Do you like your job?",
    "Is remote work common in your field?",
    "Did you study architecture in college?",
    "Would you rather work at an agency or in-house?",
    "Do you prefer fieldwork or lab work?",
    "Which is harder, the night shifts or the paperwork?",
    "What's more useful, a portfolio or a degree?",
    "How many people are on your team?",
    "How long have you been a paramedic?",
    "When did the studio open?",
    "What year did you graduate?",
    "Where is the firm headquartered?",
    "You started as a line cook, right?",
    "Are there any conferences worth attending?",
    "Okay, and is the pay good?",
    "Could you hire me?",
    "Have you ever thought about leaving teaching?",
    "Thinking about the next decade, will accountants still do audits by hand?",
    "Is it stressful？",
]
OPEN = [
    "Could you walk me through a typical week?",
    "Would you tell me about your first year on the job?",
    "Can you describe what a good mentor looked like for you?",
    "Do you have any advice for someone switching from teaching?",
    "What drew you to forensic accounting?",
    "How did you get your first client?",
    "Why did you leave the newsroom?",
    "Any tips for a first-year nursing student?",
    "When you hire juniors, what do you look for?",
    "Looking back, what would you have done differently?",
    "I'm curious, how do you keep up with new regulations?",
    "If you were starting over, which path would you take?",
    "So, how has the industry changed since you started?",
    "Could you tell me how you chose between two offers?",
    "Do you mind sharing how you negotiated your first salary?",
    "I'd love to hear how you made the switch?",
    "Tell me about a project you're proud of?",
    "Is there anything you wish you had known earlier?",
    "Last question: how do you decide which grants to apply for?",
    "How would you weigh a master's degree against two years of work?",
    "¿What would you tell someone like me?",
    "What books, blogs or podcasts would you point me to as I learn more about urban farming?",
    "ok so wat was it like learning to weld at first?",  # texting spellings read as the words they stand for
    "wat wud u learn if u were me?",
]


@pytest.mark.parametrize("question", CLOSED)
def test_closed_questions_are_closed(question: str) -> None:
    assert is_closed(question)


@pytest.mark.parametrize("question", OPEN)
def test_open_questions_are_open(question: str) -> None:
    assert not is_closed(question)


SEARCHABLE = [
    "How many employees does Brightwater Labs have?",
    "When was the hospital founded?",
    "What year was your agency established?",
    "Where is the company headquartered?",
    "Who owns the magazine now?",
    "Who's running the whole company these days?",
    "Where are your offices?",
    "What's the parent company of your studio?",
    "Is the company publicly traded?",
    "What's your ticker symbol?",
    "What does Northwind Robotics do?",
    "So what does the firm actually do?",
    "What products does the firm sell?",
    "How much money does the fund manage?",
    "How many offices do you have?",
    "Where are your offices located?",
    "How big is the company?",
    "What's the head count at the clinic?",
    "What is the company's mission?",
    "How many clients does your firm serve?",
]
NOT_SEARCHABLE = [
    "How did you get into robotics?",
    "What surprised you about working at a startup?",
    "What does a typical day look like for you?",
    "What do you do on a typical shift?",
    "How many hours a week do you usually work?",
    "What does a junior analyst actually do?",
    "Where do you see the industry going?",
    "When did you decide to leave law?",
    "How did the culture change after the acquisition?",
    "What do you like most about the company?",
    "Where are you hoping to take your career next?",
    "How many clients do you see in a day?",
]


@pytest.mark.parametrize("question", SEARCHABLE)
def test_searchable(question: str) -> None:
    assert is_searchable(question)


@pytest.mark.parametrize("question", NOT_SEARCHABLE)
def test_not_searchable(question: str) -> None:
    assert not is_searchable(question)


@pytest.mark.parametrize(
    ("question", "area"),
    [
        ("Where do you think the field is heading in the next five years?", "trends"),
        ("How is automation changing bookkeeping?", "trends"),
        ("Is demand for translators shrinking?", "trends"),
        ("What does a typical day look like for you?", "insights"),
        ("What's the hardest part of being a charge nurse?", "insights"),
        ("What do you wish someone had told you before your first season?", "insights"),
        ("How did you decide to leave the firm?", "insights"),
        ("How do you think remote work will shape architecture firms?", "trends"),
        ("Do you see more firms hiring generalists or specialists these days?", "trends"),
        ("What was your path from the classroom to instructional design?", "insights"),
        ("How much of your day is spent in meetings?", "insights"),
        ("How important is networking in this field?", "advice"),
        ("What should I read to understand the policy side?", "resources"),
        ("What do you read to stay on top of the field?", "resources"),
        ("What keeps you motivated on the slow weeks, and what do you enjoy most?", "insights"),
        ("If you were in my place, what would you study first?", "advice"),
        ("What skills should I build before applying?", "advice"),
        ("What mistakes do newcomers make that I should avoid?", "advice"),
        ("Who else would you suggest I speak with?", "resources"),
        ("Which journals do you read regularly?", "resources"),
        ("Are there meetups in the area worth going to?", "resources"),
        ("What kind of projects do new hires take on?", "assignments"),
        ("Is there a small project I could try to see if I like the work?", "assignments"),
        ("What tasks would an intern handle in the first month?", "assignments"),
        ("Do you make the braces yourself in the workshop?", "insights"),  # their own work, no other area
        ("You work mostly on locks or on reservoirs?", "insights"),
        ("What's a typical callout like?", "insights"),
        ("Are breweries cutting lab jobs this year?", "trends"),
        ("Whose work should I look at?", "resources"),
    ],
)
def test_tiara_area(question: str, area: str) -> None:
    assert area in tiara_areas(question)


@pytest.mark.parametrize(
    ("question", "forbidden"),
    [
        ("What do you wish you'd known before you started nursing?", "assignments"),
        ("Are there any books about restoration work you'd recommend?", "advice"),
        ("Is there anyone else I should talk to?", "advice"),
        ("Do you still enjoy the festival season, with all the shows and events?", "resources"),
        ("How did you handle changing careers at forty?", "trends"),
        ("What's one thing you'd change about how your team runs meetings?", "trends"),
        ("Would you recommend doing a clinical rotation even if I lean toward research?", "resources"),
        ("How do you explain a new brace to a patient in the first weeks?", "assignments"),
        ("Whose work should I look at?", "advice"),
    ],
)
def test_tiara_area_not_touched(question: str, forbidden: str) -> None:
    assert forbidden not in tiara_areas(question)


@pytest.mark.parametrize(
    "question",
    ["When was the firm founded?", "How many beds does the clinic have?", "Are you hiring any interns this summer?", "Could you refer me for the opening?"],
)
def test_website_facts_and_job_asks_touch_no_area(question: str) -> None:
    assert tiara_areas(question) == set()


def test_one_thing_asked_touches_one_area() -> None:
    assert tiara_areas("If you were me, which conferences would you attend this year?") == {"resources"}


def test_two_things_asked_touch_both_areas() -> None:
    question = "Which trade journals would you recommend, and what would you do differently if you started today?"
    assert tiara_areas(question) == {"resources", "advice"}


REFERRAL_ASKS = [
    "Who else do you think I should talk to?",
    "Is there anyone on your team I could reach out to?",
    "Could you introduce me to someone in the compliance group?",
    "What newsletters would you recommend?",
    "Great. I'd love the names of a couple of people I could talk to.",
    "Who else should I talk to",
    "Who should I talk to next?",
    "Are there any other illustrators I should follow?",
    "Which training providers are any good?",
]
NOT_REFERRAL_ASKS = [
    "Could you refer me for the opening on your team?",
    "How did you meet your cofounder?",
    "What do people in your field talk about at lunch?",
    "I read a great book on this last year.",
    "My mentor suggested I contact you.",
    "Should I get a certification first?",
]


@pytest.mark.parametrize("text", REFERRAL_ASKS)
def test_referral_asks(text: str) -> None:
    assert is_referral_ask(text)


@pytest.mark.parametrize("text", NOT_REFERRAL_ASKS)
def test_not_referral_asks(text: str) -> None:
    assert not is_referral_ask(text)


JOB_ASKS = [
    "Are you hiring for summer interns?",
    "Could you pass my resume along to your recruiter?",
    "Would you be willing to refer me for the analyst role?",
    "Is there an opening on your team for someone like me?",
    "Could you put in a good word for me with the hiring manager?",
    "Would you keep me in mind if a position opens up?",
    "Can I send you my CV?",
    "Could I intern for you next summer?",
    "Any chance you know of openings at other studios?",
]
NOT_JOB_ASKS = [
    "How did you get your first internship?",
    "Would you be open to a 15-minute informational interview next month?",
    "What do hiring managers look for in a resume?",
    "Is a referral important in this industry?",
    "Do you work with your clients directly?",
    "Should I mention my lab job on my resume?",
    "Would it be possible to shadow you for a day?",
]


@pytest.mark.parametrize("question", JOB_ASKS)
def test_job_asks(question: str) -> None:
    assert is_job_ask(question)


@pytest.mark.parametrize("question", NOT_JOB_ASKS)
def test_not_job_asks(question: str) -> None:
    assert not is_job_ask(question)
