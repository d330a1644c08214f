"""Rules for outreach messages: a short, specific request for a brief conversation."""

from __future__ import annotations

from coach.rubric import common, concepts, lexicon, semantic  # noqa: F401  (common registers the shared rules first)
from coach.rubric.base import Finding, finding, rule
from coach.rubric.message import Message
from coach.rubric.patterns import (
    APOLOGETIC,
    BREVITY,
    MEETING,
    clause,
    compile_any,
    durations,
    first_clause,
    is_ask,
    is_request_question,
    names_topic,
    quote,
    side,
    topic_words,
)
from coach.text import is_question, word_count

FINITE_VERB = compile_any([lexicon.FINITE_VERB])
ABOUT_ME_LABEL = compile_any([lexicon.ABOUT_ME_LABEL])
QUESTION_COUNT = compile_any([lexicon.QUESTION_COUNT])
MOVE_ANAPHORA = compile_any([lexicon.MOVE_ANAPHORA])

EMAIL_WORD_LIMIT = 100
LINKEDIN_CHAR_LIMIT = 300
VAGUE_ASK = compile_any(lexicon.VAGUE_ASKS)
MEAL = compile_any(lexicon.MEAL)
RECURRING = compile_any(lexicon.RECURRING)
MENTORSHIP = compile_any(lexicon.MENTORSHIP)
WRITTEN_ANSWERS = compile_any(lexicon.WRITTEN_ANSWERS)
ANSWERS_IN_WRITING = compile_any(lexicon.ANSWERS_IN_WRITING)


def ask_sentences(message: Message) -> list[str]:
    """Sentences that make a request, ask a question or talk about meeting; all of them if none do.

    Where they met before ("We met at the society's monthly meeting") is the connection, not the ask.
    """
    asks = [s for s in message.sentences if is_ask(s) or is_question(s) or (MEETING.search(s) and not concepts.CONNECTION.search(s))]
    return asks or list(message.sentences)


@rule(
    "outreach",
    "too-long",
    "Email body over 100 words, or LinkedIn note over 300 characters.",
    advice="Keep the connection, one line about you and the ask; cut the rest (under 100 words, 300 characters on LinkedIn).",
)
def too_long(message: Message) -> Finding | None:
    """Fires on an email body over 100 words or a LinkedIn note over 300 characters."""
    if message.channel == "linkedin":
        if message.chars <= LINKEDIN_CHAR_LIMIT:
            return None
        size = f"{message.chars} characters (limit {LINKEDIN_CHAR_LIMIT})"
    else:
        if message.body_words <= EMAIL_WORD_LIMIT:
            return None
        size = f"{message.body_words} words (limit {EMAIL_WORD_LIMIT})"
    return finding(
        "too-long",
        "The message is too long to read at a glance. Keep the connection, one line about you and the ask; cut the rest.",
        size,
    )


@rule(
    "outreach",
    "missing-subject",
    "An email with no subject line, or an empty one.",
    advice="Add a `Subject:` line that names the connection and the topic.",
)
def missing_subject(message: Message) -> Finding | None:
    """Fires on an email whose subject is missing or empty."""
    if message.channel != "email" or message.subject:
        return None
    return finding(
        "missing-subject",
        'Add a subject line that names the connection and the topic, e.g. "Fellow alum - a question about product design".',
        "no subject line" if message.subject is None else '"Subject:" is empty',
    )


@rule(
    "outreach",
    "no-connection",
    "Never says how the writer is connected to or found the recipient.",
    advice="Say how you are connected or found them: a shared school, employer, group or event, a mutual contact, or something they wrote, said or built.",
)
def no_connection(message: Message) -> Finding | None:
    """Fires when no shared school, group, event, contact or piece of their work is mentioned."""
    if concepts.connection(message.subject_and_sentences):
        return None
    return finding(
        "no-connection",
        "Say how you are connected or found them: a shared school, employer or group, an event, "
        "a person who suggested you write, or something they wrote, said or built.",
        "no shared school, employer, group, event, mutual contact or piece of their work",
    )


@rule(
    "outreach",
    "vague-interest",
    "Does not name what the writer wants to learn about.",
    advice="Name what you want to learn about: a field, a role, a kind of work or a transition.",
)
def vague_interest(message: Message) -> Finding | None:
    """Fires when no field, role, kind of work or transition is named as the topic."""
    if any(names_topic(s) for s in message.subject_and_sentences):
        return None
    # "...about how you made that move?" after "you moved from conveyancing into probate" names the move.
    requests = [s for s in message.sentences if concepts.is_request(s)]
    if any(MOVE_ANAPHORA.search(s) for s in requests) and any(topic_words(s) for s in message.subject_and_sentences):
        return None
    # Where no pattern finds a topic, a request the classifier is sure names one still counts.
    if semantic.first_with_label("topic", requests, "named"):
        return None
    vague = first_clause(VAGUE_ASK, message.sentences)
    return finding(
        "vague-interest",
        'Name what you want to learn: a field, a role, a kind of work or a move ("how you moved '
        'from nursing into clinical research"), not just their perspective.',
        f"{quote(vague)} (pattern)" if vague else "no field, role or kind of work named as the thing to learn",
    )


@rule(
    "outreach",
    "no-question",
    "The request is not phrased as a question.",
    advice='Phrase the request as a question: "Would you be open to a 20-minute call?"',
)
def no_question(message: Message) -> Finding | None:
    """Fires when no question is put to the recipient: the request is a statement."""
    if any(is_request_question(s) for s in message.sentences):
        return None
    request = next((s for s in message.sentences if is_ask(s)), None)
    return finding(
        "no-question",
        'Phrase the request as a question ("Would you have 15 minutes for a call next week?"); a question is easier to say yes to than a statement.',
        f'the request {quote(request)} does not end with "?"' if request else 'no sentence ends with "?"',
    )


@rule(
    "outreach",
    "no-time-bound",
    "Names no small, bounded amount of time.",
    advice='Name a small, bounded amount of time: "a 20-minute call", "15 minutes", "a brief chat".',
)
def no_time_bound(message: Message) -> Finding | None:
    """Fires when the ask names no duration and no brevity ("brief", "quick")."""
    asks = ask_sentences(message)
    if any(durations(s) or BREVITY.search(s) for s in asks):
        return None
    return finding(
        "no-time-bound",
        'Ask for a small, fixed amount of time, e.g. "15 minutes" or "a 20-minute call".',
        'no duration such as "15 minutes" or "a brief call" in the ask',
    )


@rule(
    "outreach",
    "big-ask",
    "Asks for over 30 minutes, a meal, several meetings, mentorship or written answers.",
    advice="Ask for one call of 30 minutes or less; leave meals, series of meetings and mentorship for later.",
)
def big_ask(message: Message) -> Finding | None:
    """Fires on a request bigger than one short conversation."""
    asks = ask_sentences(message)
    long_time = next((s for s in asks if any(m > lexicon.SMALL_ASK_MINUTES for m in durations(s))), None)
    span = long_time and quote(long_time)
    span = span or _quoted(first_clause(MEAL, asks) or first_clause(RECURRING, asks) or first_clause(MENTORSHIP, asks))
    span = span or _written_questions(message, asks)
    if not span:
        return None
    return finding(
        "big-ask",
        "The request is bigger than a first contact warrants. Ask for one 15-20 minute call; "
        "a meal, more meetings or mentoring can come later if it goes well.",
        span,
    )


def _quoted(span: str | None) -> str | None:
    """Quote a span when there is one."""
    return quote(span) if span else None


def _written_questions(message: Message, asks: list[str]) -> str | None:
    """Evidence of a long list of questions to answer, or None."""
    if in_writing := first_clause(ANSWERS_IN_WRITING, asks):
        return f"{quote(in_writing)} asks for answers in writing"
    written = next((s for s in asks if WRITTEN_ANSWERS.search(s)), None)
    questions = sum(is_question(s) for s in message.sentences if s != written)
    if written and questions >= 3:
        return f"{quote(written)} followed by {questions} questions"
    if questions >= lexicon.MANY_QUESTIONS:
        return f"{questions} questions to answer"
    for sentence in asks:
        for match in QUESTION_COUNT.finditer(sentence):
            count = match.group("count").lower()
            if (int(count) if count.isdigit() else lexicon.NUMBER_WORDS.get(count, 0)) >= lexicon.MANY_QUESTIONS:
                return f"{quote(sentence)} asks for {match.group(0)}"
    return None


@rule(
    "outreach",
    "self-focused",
    "More of the message is about the writer than about the recipient.",
    advice="Give their work more space than your own story: one line about you is enough.",
)
def self_focused(message: Message) -> Finding | None:
    """Fires when sentences about the writer outweigh sentences about the recipient, in words."""
    writer, recipient = focus_words(message)
    if writer <= recipient:
        return None
    return finding(
        "self-focused",
        "Most of the message is about you. Cut your background to one line and spend the words "
        "on their work: what you read, heard or admire, and what you want to learn from it.",
        f"{writer} words about the writer, {recipient} about the recipient",
    )


def focus_words(message: Message) -> tuple[int, int]:
    """Words of sentences about the writer and of sentences about the recipient."""
    writer = recipient = 0
    connected = False
    sides: list[tuple[str, str | None]] = []
    for sentence in message.sentences:
        about = side(sentence)
        # The ask (a job ask too) counts for neither side, and apologies are judged by `apologetic`.
        if concepts.is_polite_request(sentence) or APOLOGETIC.search(sentence) or concepts.job_ask([sentence], resume_offers=False):
            continue
        # An offered resume is part of the ask (judged by `attachment`): only the rest of its sentence counts.
        if offer := concepts.ATTACHMENT.search(sentence):
            sentence = sentence.replace(clause(sentence, offer), " ")
            if word_count(sentence) < 3:
                continue
            about = side(sentence)
        # So does the connection sentence, unless it is about their work ("Your op-ed changed my mind"); a tie
        # told after it is more about them ("...and your story about the patient was unforgettable").
        if about != "recipient" and concepts.connection([sentence]):
            if not connected:
                connected = True
                continue
            about = "recipient"
        sides.append((sentence, about))
    # "I" opens many sentences about their work ("I still use the parser you wrote"): the classifier
    # may move an "I" sentence to the recipient's side, never the other way.
    sides = _terse_fragments_as_writer(sides)
    moved = iter(semantic.labels_of("about", [text for text, whom in sides if whom == "writer"]))
    for sentence, whom in sides:
        if whom == "writer" and next(moved) != "recipient":
            writer += word_count(sentence)
        else:  # a sentence with neither "I" nor "you" describes the subject matter: their work
            recipient += word_count(sentence)
    return writer, recipient


def _terse_fragments_as_writer(sides: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """CV-style fragments are the writer's: "Me: taught ballet for 10 years. Psych degree. Burned out on recitals."

    A short fragment with no pronoun and no finite verb belongs to the writer after "Me:", after a sentence
    about the writer, or in a run of three or more ("Line cook 4 yrs. Sous since March. Run the rota.").
    """
    fragment = [whom is None and word_count(text) <= 8 and not FINITE_VERB.search(text) for text, whom in sides]
    result: list[tuple[str, str | None]] = []
    for index, (text, whom) in enumerate(sides):
        if ABOUT_ME_LABEL.match(text):
            whom = "writer"
        elif fragment[index]:
            run = _run_length(fragment, index)
            previous = result[-1][1] if result else None
            if previous == "writer" or run >= 3:
                whom = "writer"
        result.append((text, whom))
    return result


def _run_length(flags: list[bool], index: int) -> int:
    """How many consecutive True flags the run through `index` holds."""
    start = end = index
    while start > 0 and flags[start - 1]:
        start -= 1
    while end + 1 < len(flags) and flags[end + 1]:
        end += 1
    return end - start + 1


@rule(
    "outreach",
    "apologetic",
    "Self-deprecating or apologetic filler.",
    advice="Cut the apology and self-deprecation; a short, confident ask respects their time more.",
)
def apologetic(message: Message) -> Finding | None:
    """Fires on "sorry to bother you", "I know you're busy", "I'm just a student"."""
    span = first_clause(APOLOGETIC, message.sentences)
    evidence = f"{quote(span)} (pattern)" if span else None
    if evidence is None and (judged := semantic.first_with_label("apologetic", message.sentences)):
        evidence = f"{quote(judged.sentence)} ({judged.evidence})"
    if evidence is None:
        return None
    return finding(
        "apologetic",
        "Drop the apology and self-deprecation. Writing to learn from someone is normal; say who you are and what you admire in their work.",
        evidence,
    )
