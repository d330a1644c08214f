"""Rules shared by outreach and thank-you messages: greeting, job ask, attachment."""

from __future__ import annotations

from coach.rubric import concepts, lexicon
from coach.rubric.base import Finding, Kind, finding, rule
from coach.rubric.message import Message, addressee
from coach.rubric.patterns import first_clause, quote
from coach.text import without_placeholders, words

JOB_ASK = concepts.JOB_ASK  # the one job-ask vocabulary (the fixers drop sentences it matches)
ATTACHMENT = concepts.ATTACHMENT  # the one attachment vocabulary (the fixers drop sentences it matches)
MESSAGES: tuple[Kind, ...] = ("outreach", "thank-you")


def names_a_person(greeting: str) -> bool:
    """True when a salutation addresses someone by name, not "Sir or Madam" or "Hiring Manager"."""
    addressed = [part for w in words(addressee(without_placeholders(greeting))) for part in w.lower().split("/") if part]  # "Sir/Madam", not "[Name]"
    if any(w in lexicon.GROUP_ADDRESSEES for w in addressed):
        return False
    # "Hello Captain," and "Dear Chief Perfusionist," name a rank or a role, not a person.
    after_rank = [previous in lexicon.RANKS and w.endswith(lexicon.ROLE_SUFFIXES) for previous, w in zip(["", *addressed], addressed)]
    return any(
        w not in lexicon.GENERIC_ADDRESSEES and w not in lexicon.TITLES and w not in lexicon.RANKS and not role for w, role in zip(addressed, after_rank)
    )


@rule(
    MESSAGES,
    "generic-greeting",
    "The greeting does not name the recipient, or there is none.",
    advice='Open with the recipient\'s name: "Hi Renata," or "Dear Ms. Achterberg,".',
)
def generic_greeting(message: Message) -> Finding | None:
    """Fires on "Hello,", "Dear Sir or Madam," or a message that opens with no greeting."""
    if not message.greeting:
        opening = message.sentences[0] if message.sentences else ""
        return finding(
            "generic-greeting",
            'The message opens without a greeting. Start with the person\'s name, e.g. "Hi Maria," or "Dear Dr. Okafor,".',
            f"no greeting; it opens with {quote(opening)}",
        )
    if names_a_person(message.greeting):
        return None
    return finding(
        "generic-greeting",
        'The greeting does not name the recipient. Address them by name ("Hi Maria,", "Dear Dr. Okafor,"), so it reads as written for them.',
        quote(message.greeting),
    )


@rule(
    MESSAGES,
    "job-ask",
    "Asks for a job, internship, interview, referral or to pass on a resume.",
    advice="Ask for a conversation and advice only; drop any request for a job, internship, referral or resume pass-along.",
)
def job_ask(message: Message) -> Finding | None:
    """Fires on a direct or thinly veiled request for a job or a referral."""
    if found := concepts.job_ask(message.subject_and_sentences, resume_offers=False):
        return finding(
            "job-ask",
            "This asks for a job or a referral. An informational conversation is for learning; drop the request and ask about their work instead.",
            found.describe(quote),
        )
    return None


@rule(
    MESSAGES,
    "attachment",
    "Attaches or offers a resume, CV or portfolio.",
    advice="Remove the attachment and the line offering it; share a resume only if they ask.",
)
def attachment(message: Message) -> Finding | None:
    """Fires when a resume, CV or portfolio is attached or offered."""
    if span := first_clause(ATTACHMENT, message.sentences):
        return finding(
            "attachment",
            "A resume, CV or portfolio is attached or offered. It makes the note read like a job application; leave it out and share it only if they ask.",
            quote(span),
        )
    return None
