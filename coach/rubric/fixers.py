"""One small fix per fixable rule: the changes it proposes on a draft, built from the draft's own words,
the fixed phrases of coach/data/fix_phrases.yaml, or a [placeholder] the writer fills in."""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.rubric import lexicon
from coach.rubric.common import ATTACHMENT, JOB_ASK, MESSAGES
from coach.rubric.fixes import Change, Draft, Span, fixer, phrases
from coach.rubric.outreach import MEAL, VAGUE_ASK, WRITTEN_ANSWERS
from coach.rubric.patterns import APOLOGETIC, DURATION, MEETING, Searchable, compile_any, durations, is_ask, is_request_question, side, topic_words
from coach.rubric.thank_you import NEXT_STEP, refers_to_conversation, thanks_in
from coach.text import LIST_MARKER, WORD, is_question, word_count

# Sentences that only set up a job ask ("I noticed you posted an opening") go with it.
JOB_CONTEXT = re.compile(r"\b(?:opening|posting|posted|position|vacanc(?:y|ies)|internship|applying|application|hiring)\b", re.IGNORECASE)
# Where a sentence divides into clauses a fix may drop one of.
CLAUSE_BREAK = re.compile(r"\s*(?:[,;]\s+(?:and|but|so|or)\s+(?:then\s+)?|;\s+|,\s+(?=(?:would|could|can|will|may)\s+(?:you|we|I)\b))", re.IGNORECASE)
BIG = compile_any([*lexicon.MEAL, *lexicon.RECURRING, *lexicon.MENTORSHIP, *lexicon.WRITTEN_ANSWERS])
FOLLOW_ON = compile_any([*lexicon.RECURRING, *lexicon.MENTORSHIP])
HOSTED_MEAL = re.compile(
    r"\b(?:take|treat|invite)\s+you\s+(?:out\s+)?(?:to|for)\s+(?:a\s+)?(?:quick\s+)?(?:lunch|dinner|breakfast|brunch|meal|drinks)\b", re.IGNORECASE
)
MEAL_NOUN = re.compile(r"\b(?:a\s+)?(?:quick\s+)?(?:lunch|dinner|breakfast|brunch|meal|drinks)\b", re.IGNORECASE)
WH_QUESTION = re.compile(r"\s*(?:what|how|why|which|who|where|when|is|are|do|does)\b", re.IGNORECASE)  # a question for the call, not the ask
PICK_YOUR_BRAIN = re.compile(r"\bpick\s+your\s+brain\b", re.IGNORECASE)
MEETING_NOUN = re.compile(r"\b(?:a|one)\s+(?=(?:(?:phone|video|zoom|coffee)\s+)?(?:call|chat|conversation|meeting)\b)", re.IGNORECASE)
MEETING_VERB = re.compile(r"\b(?:talk|talking|chat|chatting|speak|speaking|meet|meeting|connect|connecting)\b(?:\s+(?:with|to)\s+(?:you|me))?", re.IGNORECASE)


# Helpers: cutting a sentence or a clause cleanly.


def cut(text: str, span: Span) -> Change:
    """Remove a sentence with the space around it; the whole line when nothing else is on it."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end == -1 else line_end
    before, after = text[line_start : span.start], text[span.end : line_end]
    if (not before.strip() or LIST_MARKER.fullmatch(before + " ")) and not after.strip():
        if line_end < len(text):
            return (line_start, line_end + 1, "")
        return (max(0, line_start - 1), line_end, "")
    if after.strip():
        return (span.start, span.end + len(after) - len(after.lstrip(" \t")), "")
    return (span.start, line_end, "")  # the spaces left before it end the line, and apply_changes trims them


def _clauses(sentence: str) -> tuple[list[tuple[str, str]], str]:
    """The clauses of a sentence, each with the break before it, and the sentence's end mark."""
    mark = re.search(r"[.!?]+[\"')\]]*$", sentence)
    end = mark.group(0) if mark else ""
    core = sentence[: len(sentence) - len(end)]
    parts, cursor, separator = [], 0, ""
    for found in CLAUSE_BREAK.finditer(core):
        parts.append((separator, core[cursor : found.start()]))
        separator, cursor = found.group(0), found.end()
    parts.append((separator, core[cursor:]))
    return parts, end


def without_clauses(sentence: str, pattern: Searchable) -> str | None:
    """The sentence without its clauses that match: None when none does, "" when all do."""
    parts, end = _clauses(sentence)
    kept = [(sep, clause) for sep, clause in parts if not pattern.search(clause)]
    if len(kept) == len(parts):
        return None
    if not kept:
        return ""
    first = kept[0][1]
    dropped_first = parts[0][1]
    if dropped_first != first and dropped_first.lower().startswith("please ") and not first.lower().startswith("please "):
        first = "Please " + first  # "Please put in a word, or spare 15 minutes" -> "Please spare 15 minutes"
    if sentence[:1].isupper():
        first = first[:1].upper() + first[1:]
    return first + "".join(sep + clause for sep, clause in kept[1:]) + end


def drop(draft: Draft, span: Span, pattern: Searchable) -> Change | None:
    """Drop the clauses of a sentence that match, or the whole sentence."""
    rest = without_clauses(span.text, pattern)
    if rest is None:
        return None
    return cut(draft.text, span) if not rest else (span.start, span.end, rest)


def paragraph(text: str, position: int) -> int:
    """Which paragraph a position is in (paragraphs are separated by blank lines)."""
    return len(re.findall(r"\n[ \t]*\n", text[:position]))


def asks(draft: Draft) -> list[Span]:
    """Sentences that request something, ask a question or talk about meeting."""
    return [s for s in draft.sentences if is_ask(s.text) or is_question(s.text) or MEETING.search(s.text)]


def requests(draft: Draft) -> list[Span]:
    """Sentences that request something of the recipient: what a cut never takes."""
    return [s for s in draft.sentences if is_ask(s.text) or is_request_question(s.text)]


def ask_topic(draft: Draft) -> str | None:
    """The last run of topic words in the draft's ask ("marketing analytics"), as the draft spells it."""
    for sentence in sorted(requests(draft), key=lambda s: not is_request_question(s.text)):
        named = {w.lower() for w in topic_words(sentence.text)}
        runs, run = [], []
        for token in WORD.finditer(sentence.text):
            if token.group(0).lower() in named:
                run.append(token)
            elif run:
                runs.append(run)
                run = []
        runs += [run] if run else []
        if runs:
            last = runs[-1][-5:]
            return sentence.text[last[0].start() : last[-1].end()]
    return None


# Shared by outreach and thank-you notes.


@fixer(MESSAGES, "generic-greeting", "display")
def name_the_recipient(draft: Draft) -> list[Change]:
    """A greeting with a [their first name] placeholder."""
    hello = phrases()["placeholders"]["greeting"]
    if draft.greeting:
        return [(draft.greeting.start, draft.greeting.end, hello)]
    return [(draft.body_start, draft.body_start, hello + "\n\n")]


@fixer(MESSAGES, "job-ask", "unsafe")
def drop_the_job_ask(draft: Draft) -> list[Change]:
    """Drop the job or referral request (and the sentences that only set it up); ask to talk instead when nothing else is asked."""
    jobs = [s for s in draft.sentences if JOB_ASK.search(s.text)]
    changes = [change for s in jobs if (change := drop(draft, s, JOB_ASK))]
    kept = [s.text for s in draft.sentences if s not in jobs] + [after for _, _, after in changes if after]
    others = [text for text in kept if is_ask(text) or is_request_question(text)]
    job_paragraphs = {paragraph(draft.text, s.start) for s in jobs}
    for number in job_paragraphs:
        members = [s for s in draft.sentences if paragraph(draft.text, s.start) == number]
        if all(s in jobs or JOB_CONTEXT.search(s.text) for s in members):
            changes += [cut(draft.text, s) for s in members if s not in jobs]
    if draft.message.kind == "outreach" and not others and jobs:
        topic = ask_topic(draft) or "your work"
        changes = [(jobs[0].start, jobs[0].end, phrases()["informational_ask"].format(topic=topic))] + [cut(draft.text, s) for s in jobs[1:]]
    return changes


@fixer(MESSAGES, "attachment", "safe")
def drop_the_attachment(draft: Draft) -> list[Change]:
    """Drop the sentence (or clause) that attaches or offers a resume, CV or portfolio."""
    return [change for s in draft.sentences if ATTACHMENT.search(s.text) and (change := drop(draft, s, ATTACHMENT))]


@fixer(MESSAGES, "too-long", "unsafe", tier=2)
def cut_to_the_limit(draft: Draft) -> list[Change]:
    """Cut the least useful sentences, then trailing clauses, until the note fits; never the ask."""
    return _cut_until(draft, "too-long", _cut_candidates(draft))


def _cut_candidates(draft: Draft) -> list[Change]:
    """Cuts in order of how little they lose: whole sentences about the writer, then the rest, then clauses."""
    protected = set(requests(draft)) if draft.message.kind == "outreach" else set()
    if draft.message.kind == "outreach":
        rank = {"writer": 0, None: 1, "recipient": 2}

        def order(s: Span) -> tuple[int, int]:
            return (rank[side(s.text)], -word_count(s.text))
    else:

        def order(s: Span) -> tuple[int, int]:
            useful = thanks_in(s.text) or refers_to_conversation(s.text) or bool(NEXT_STEP.search(s.text))
            return (int(useful), -word_count(s.text))

    whole = [cut(draft.text, s) for s in sorted((s for s in draft.sentences if s not in protected), key=order)]
    clauses = []
    for s in draft.sentences:
        parts, _ = _clauses(s.text)
        if s not in protected and len(parts) > 1:
            offset = s.start + sum(len(sep) + len(clause) for sep, clause in parts[:-1])
            clauses.append((offset, offset + len(parts[-1][0]) + len(parts[-1][1]), ""))
    return whole + clauses


def _cut_until(draft: Draft, code: str, candidates: Sequence[Change]) -> list[Change]:
    """Take cuts in order, each only if it brings no new finding, until `code` no longer fires; [] if it never stops."""
    taken: list[Change] = []
    for candidate in candidates:
        if any(candidate[0] < end and start < candidate[1] for start, end, _ in taken):
            continue
        codes = draft.relint([*taken, candidate])
        if codes <= draft.codes:
            taken.append(candidate)
            if code not in codes:
                return taken
    return []


# Outreach notes.


@fixer("outreach", "missing-subject", "safe")
def add_a_subject(draft: Draft) -> list[Change]:
    """A subject line built from the topic of the ask, or a plain one."""
    words = phrases()["subject"]
    topic = ask_topic(draft)
    line = words["prefix"] + (words["topic"].format(topic=topic) if topic else words["fallback"])
    if draft.subject_line:
        return [(draft.subject_line.start, draft.subject_line.end, line)]
    return [(0, 0, line + "\n")]


@fixer("outreach", "no-connection", "display")
def say_how_you_found_them(draft: Draft) -> list[Change]:
    """A [how you found them] placeholder before the first sentence."""
    where = draft.sentences[0].start if draft.sentences else draft.body_start
    return [(where, where, phrases()["placeholders"]["connection"] + " ")]


@fixer("outreach", "vague-interest", "display")
def name_the_topic(draft: Draft) -> list[Change]:
    """A [what you want to learn] placeholder after the vague ask."""
    insert = phrases()["placeholders"]["interest"]
    for s in draft.sentences:
        if found := VAGUE_ASK.search(s.text):
            return [(s.start + found.end(), s.start + found.end(), insert)]
    questions = [s for s in asks(draft) if is_question(s.text)]
    if questions:
        end = questions[0].start + len(questions[0].text.rstrip().rstrip("?"))
        return [(end, end, insert)]
    return []


def as_question(sentence: str) -> str:
    """A statement ask as a question: "I would welcome the chance to talk..." -> "Could I talk...?"."""
    core = sentence.rstrip().rstrip(".!")
    for pattern, replacement in phrases()["question_openers"]:
        if found := re.match(pattern, core, re.IGNORECASE):
            question = replacement + core[found.end() :] + "?"
            if is_request_question(question):
                return question
    return sentence + phrases()["question_tail"]


@fixer("outreach", "no-question", "safe")
def ask_as_a_question(draft: Draft) -> list[Change]:
    """Turn the first statement ask (not a job ask) into a question."""
    for s in draft.sentences:
        if is_ask(s.text) and not is_question(s.text) and not JOB_ASK.search(s.text):
            return [(s.start, s.end, as_question(s.text))]
    return []


@fixer("outreach", "no-time-bound", "safe")
def bound_the_time(draft: Draft) -> list[Change]:
    """Put 15-20 minutes on the ask: "pick your brain for 15-20 minutes", "a 15-20 minute call", "talking for 15-20 minutes"."""
    bound = phrases()["time_bound"]
    for s in asks(draft):
        if BIG.search(s.text) or JOB_ASK.search(s.text):
            continue  # a big ask is made small by its own fix
        if found := PICK_YOUR_BRAIN.search(s.text):
            at, insert = found.end(), bound["pick_your_brain"]
        elif found := MEETING_NOUN.search(s.text):
            at, insert = found.end(), bound["before_noun"]
        elif found := MEETING_VERB.search(s.text):
            at, insert = found.end(), bound["after_verb"]
        elif is_ask(s.text) and not WH_QUESTION.match(s.text):
            at, insert = len(s.text.rstrip().rstrip(".?!")), bound["in_a_call"]  # "Could I hear how...?" names no meeting
        else:
            continue
        return [(s.start + at, s.start + at, insert)]
    return []


@fixer("outreach", "big-ask", "unsafe")
def make_the_ask_small(draft: Draft) -> list[Change]:
    """One 15-20 minute call: shorten a long one, swap a meal for a call, drop follow-on meetings or mentoring, trim a questionnaire."""
    small = phrases()["small_ask"]
    sentences = asks(draft)
    plain = [s for s in requests(draft) if not BIG.search(s.text) and not any(m > lexicon.SMALL_ASK_MINUTES for m in durations(s.text))]
    changes: list[Change] = []
    written = next((s for s in sentences if WRITTEN_ANSWERS.search(s.text)), None)
    for s in sentences:
        if s is written:
            changes.append((s.start, s.end, small["written"]))
            continue
        text = _shorter_meeting(s.text, small)
        text = HOSTED_MEAL.sub(small["meal_with_host"], text)
        text = MEAL_NOUN.sub(small["meal"], text) if MEAL.search(text) else text
        if FOLLOW_ON.search(text):
            if plain:
                changes.append(cut(draft.text, s))
                continue
            text = without_clauses(text, FOLLOW_ON) or text
        if text != s.text:
            changes.append((s.start, s.end, text))
    questions = [s for s in draft.sentences if is_question(s.text) and s is not written and not (MEETING.search(s.text) or durations(s.text))]
    if written or len(questions) >= lexicon.MANY_QUESTIONS:
        changes += [cut(draft.text, s) for s in questions[small["questions_kept"] :]]
    return changes


def _shorter_meeting(text: str, small: dict) -> str:
    """Durations over 30 minutes become 15-20 minutes."""

    def shorten(found: re.Match[str]) -> str:
        minutes = durations(found.group(0))
        if not minutes or max(minutes) <= lexicon.SMALL_ASK_MINUTES:
            return found.group(0)
        before_noun = "-" in found.group(0) or re.match(r"\s+(?:call|chat|meeting|conversation)", text[found.end() :]) is not None
        return small["duration_before_noun"] if before_noun else small["duration"]

    return DURATION.sub(shorten, text)


@fixer("outreach", "self-focused", "unsafe", tier=2)
def cut_about_yourself(draft: Draft) -> list[Change]:
    """Cut sentences about the writer, longest first, until their work has at least as many words; never the ask."""
    protected = set(requests(draft))
    mine = sorted((s for s in draft.sentences if side(s.text) == "writer" and s not in protected), key=lambda s: -word_count(s.text))
    return _cut_until(draft, "self-focused", [cut(draft.text, s) for s in mine])


@fixer("outreach", "apologetic", "safe")
def drop_the_apology(draft: Draft) -> list[Change]:
    """Drop apologetic and self-deprecating clauses, or the whole sentence when it is nothing else."""
    return [change for s in draft.sentences if APOLOGETIC.search(s.text) and (change := drop(draft, s, APOLOGETIC))]


# Thank-you notes.


@fixer("thank-you", "no-thanks", "safe")
def say_thank_you(draft: Draft) -> list[Change]:
    """Open the body with a plain thank-you."""
    where = draft.sentences[0].start if draft.sentences else draft.body_start
    return [(where, where, phrases()["thanks"])]


@fixer("thank-you", "no-specifics", "display")
def name_one_thing(draft: Draft) -> list[Change]:
    """A placeholder sentence for one thing they said, after the thanks."""
    after = next((s for s in draft.sentences if thanks_in(s.text)), draft.sentences[0] if draft.sentences else None)
    where = after.end if after else draft.body_start
    return [(where, where, " " + phrases()["placeholders"]["specifics"])]


@fixer("thank-you", "no-next-step", "unsafe")
def promise_an_update(draft: Draft) -> list[Change]:
    """Add a promise to keep them posted, before the closing (it commits the writer to something)."""
    line = phrases()["next_step"]
    if draft.closing_start is not None:
        return [(draft.closing_start, draft.closing_start, line + "\n\n")]
    end = draft.sentences[-1].end if draft.sentences else len(draft.text.rstrip())
    return [(end, end, " " + line)]
