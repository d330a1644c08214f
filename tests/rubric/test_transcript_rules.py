"""Transcript model, loading and rules, on small conversations written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.errors import UserInputError
from coach.rubric.base import rules_for
from coach.rubric.transcript import Transcript, TranscriptError, duration_minutes, load_transcript, talk_ratio, tiara_coverage
from coach.rubric.transcript_rules import lint_transcript

INTRO = (
    "Thanks so much for meeting me. I'm Noor, a second-year geology student, and I asked to "
    "talk because I'm deciding between mining and environmental consulting."
)
GOOD_QUESTIONS = [
    "How is the consulting side of geology changing with all the new remediation rules?",
    "What surprised you most in your first year in the field?",
    "What kinds of projects does a new field geologist usually take on?",
    "If you were in my place, what would you focus on before graduating?",
    "Who else would you suggest I talk to, and are there any groups I should join?",
]
CLOSING = "This was so useful, thank you for your time."


def conversation(*student: str, minutes: int = 20, times: list[float] | None = None, reply: str = "Good question. " * 12) -> Transcript:
    """A transcript: the professional opens and answers each student turn with `reply`."""
    turns = [{"role": "professional", "text": "Hi, glad we could find a time."}]
    for text in student:
        turns += [{"role": "student", "text": text}, {"role": "professional", "text": reply}]
    if times is not None:
        for turn, t in zip(turns, times):
            turn["t"] = t
    return Transcript.model_validate({"minutes_agreed": minutes, "turns": turns})


def good(**changes: str) -> Transcript:
    """A clean conversation, with named student turns replaced."""
    student = {"intro": INTRO, **{f"q{i}": q for i, q in enumerate(GOOD_QUESTIONS)}, "closing": CLOSING}
    student.update(changes)
    return conversation(*student.values())


def codes(transcript: Transcript) -> set[str]:
    return {f.code for f in lint_transcript(transcript)}


def test_every_transcript_code_is_registered() -> None:
    assert [r.code for r in rules_for("transcript")] == [
        "no-intro",
        "job-ask",
        "googleable",
        "closed-questions",
        "narrow-questions",
        "dominates",
        "no-referral-ask",
        "no-thanks",
        "overtime",
    ]


def test_clean_conversation_has_no_findings() -> None:
    assert lint_transcript(good()) == []


# --- no-intro -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first_turn",
    [
        "Hey! What's your favourite part of the job?",
        "Hi, nice to meet you too. So do you travel a lot for work?",
    ],
)
def test_no_intro_fires_on_a_bare_question(first_turn: str) -> None:
    transcript = good(intro=first_turn)
    [found] = [f for f in lint_transcript(transcript) if f.code == "no-intro"]
    assert found.evidence.startswith('Turn 2 (student): "')
    assert first_turn.split("!")[0] in found.evidence


@pytest.mark.parametrize(
    "first_turn",
    [
        "Hi, I'm Priya, a second-year nursing student. Thanks for meeting me.",
        "Hello! My name is Tomás and I study civil engineering.",
        "Thanks for meeting. I work as a paralegal and I'm thinking about law school.",
        "I reached out because I'm weighing a move from retail into supply chain work.",
        "Hi! I'm a high school chemistry teacher exploring industry labs.",
    ],
)
def test_no_intro_quiet_when_the_student_introduces_themselves(first_turn: str) -> None:
    assert "no-intro" not in codes(good(intro=first_turn))


def test_no_intro_judges_the_first_student_turn_only() -> None:
    transcript = conversation("Hi! Is the work fun?", INTRO, *GOOD_QUESTIONS, CLOSING)
    assert "no-intro" in codes(transcript)


# --- job-ask --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        "Could you refer me for the opening on your team?",
        "I'd really appreciate it if you could pass my resume to your recruiter.",
        "Are you hiring any junior surveyors this spring?",
        "Would you keep me in mind if a position opens up?",
    ],
)
def test_job_ask_fires(ask: str) -> None:
    [found] = [f for f in lint_transcript(good(closing=f"{CLOSING} {ask}")) if f.code == "job-ask"]
    assert found.severity == "error"
    assert ask.rstrip("?.") in found.evidence and "Turn 14 (student)" in found.evidence


@pytest.mark.parametrize(
    "statement",
    [
        "I applied to three firms last month and I'm waiting to hear back.",
        "My plan is to apply for field technician jobs after graduation.",
        "Would you be open to another short chat in the spring?",
        "Should I mention my lab job on my resume?",
        "My professor wanted to refer me to you, which is how I got your email.",
    ],
)
def test_job_ask_quiet_on_plans_and_informational_asks(statement: str) -> None:
    assert "job-ask" not in codes(good(closing=f"{statement} {CLOSING}"))


# --- googleable -----------------------------------------------------------------------------


def test_googleable_quotes_the_question_and_what_decided() -> None:
    transcript = good(q1="How many employees does the survey company have?")
    [found] = [f for f in lint_transcript(transcript) if f.code == "googleable"]
    assert found.evidence == 'Turn 6 (student): "How many employees does the survey company have?" (pattern)'


def test_googleable_finds_a_website_fact_by_its_shape_where_no_pattern_does() -> None:
    transcript = good(q1="Roughly how big is the workforce at Marlow Freight these days?")
    [found] = [f for f in lint_transcript(transcript) if f.code == "googleable"]
    assert found.evidence.startswith('Turn 6 (student): "Roughly how big is the workforce at Marlow Freight these days?" (similar to: "')


def test_googleable_quiet_on_personal_questions() -> None:
    assert "googleable" not in codes(good(q1="How did you pick this company over the others?"))


# --- closed-questions -----------------------------------------------------------------------


def test_closed_questions_fires_when_most_are_yes_no() -> None:
    transcript = conversation(
        INTRO,
        "Do you like fieldwork?",
        "Is the travel hard?",
        "Did you always want to be a geologist?",
        "What would you focus on in my place? Who else should I talk to?",
        CLOSING,
    )
    [found] = [f for f in lint_transcript(transcript) if f.code == "closed-questions"]
    assert found.evidence.startswith("3 of 5 student questions are closed: Turn 4 (student)")


def test_closed_questions_quiet_at_exactly_half() -> None:
    transcript = conversation(INTRO, "Do you like fieldwork? How did you get started?", "Is the travel hard? What would you do in my place?", CLOSING)
    assert "closed-questions" not in codes(transcript)


def test_closed_questions_quiet_without_questions() -> None:
    assert "closed-questions" not in codes(conversation(INTRO, CLOSING))


def test_polite_requests_count_as_open() -> None:
    transcript = conversation(
        INTRO,
        "Could you walk me through a typical week?",
        "Would you tell me about your first project?",
        "Do you have any advice for someone in my position?",
        CLOSING,
    )
    assert "closed-questions" not in codes(transcript)


# --- narrow-questions -----------------------------------------------------------------------


def test_narrow_questions_fires_with_two_areas() -> None:
    transcript = conversation(INTRO, "What's the hardest part of your job?", "What surprised you most?", "Who else should I talk to?", CLOSING)
    [found] = [f for f in lint_transcript(transcript) if f.code == "narrow-questions"]
    assert found.evidence == "questions touch 2 of 5 TIARA areas: insights, resources"
    assert "trends, advice, assignments" in found.message


def test_narrow_questions_quiet_with_three_areas() -> None:
    transcript = conversation(INTRO, "What's the hardest part of your job?", "How is the field changing?", "Who else should I talk to?", CLOSING)
    assert "narrow-questions" not in codes(transcript)


def test_narrow_questions_fires_when_no_questions_are_asked() -> None:
    [found] = [f for f in lint_transcript(conversation(INTRO, CLOSING)) if f.code == "narrow-questions"]
    assert found.evidence == "questions touch 0 of 5 TIARA areas"


def test_website_questions_do_not_widen_coverage() -> None:
    transcript = conversation(INTRO, "When was the company founded?", "What surprised you?")
    coverage = tiara_coverage(transcript)
    assert coverage["insights"] == ["What surprised you?"]
    assert sum(map(len, coverage.values())) == 1


# --- dominates ------------------------------------------------------------------------------


def test_dominates_reports_the_word_counts() -> None:
    rambling = INTRO + " " + "I have been reading about rock formations for years. " * 20
    transcript = good(intro=rambling)
    [found] = [f for f in lint_transcript(transcript) if f.code == "dominates"]
    assert found.evidence.startswith("student spoke ") and "%)" in found.evidence
    assert talk_ratio(transcript) > 0.5


def test_dominates_quiet_at_exactly_half() -> None:
    transcript = Transcript(turns=[{"role": "professional", "text": "one two three four"}, {"role": "student", "text": "five six seven eight"}])
    assert talk_ratio(transcript) == 0.5
    assert "dominates" not in codes(transcript)


# --- no-referral-ask ------------------------------------------------------------------------


def test_no_referral_ask_fires_even_when_the_professional_offers_a_contact() -> None:
    transcript = good(q4="What do you enjoy most about the work?")
    transcript.turns[-2].text += " You should talk to my colleague Ines, I'll send her email."
    assert "no-referral-ask" in codes(transcript)


@pytest.mark.parametrize(
    "ask",
    [
        "Which podcasts or newsletters do you follow?",
        "Is there anyone else you'd suggest I reach out to?",
        "I'd love the names of a couple of people I could talk to.",
    ],
)
def test_no_referral_ask_quiet_when_asked(ask: str) -> None:
    assert "no-referral-ask" not in codes(good(q4=ask))


# --- no-thanks ------------------------------------------------------------------------------


def test_no_thanks_fires_when_only_the_professional_thanks() -> None:
    transcript = good(intro=INTRO.replace("Thanks so much for meeting me. ", ""), closing="Thanks to my advisor I found you. Okay, that's all I had. Bye!")
    transcript.turns[-1].text = "Thanks for reaching out, good luck."
    [found] = [f for f in lint_transcript(transcript) if f.code == "no-thanks"]
    assert found.severity == "error"


@pytest.mark.parametrize("closing", ["Thank you!", "I really appreciate your time.", "I'm grateful you made the time."])
def test_no_thanks_quiet_when_the_student_thanks(closing: str) -> None:
    transcript = good(intro=INTRO.replace("Thanks so much for meeting me. ", ""), closing=closing)
    assert "no-thanks" not in codes(transcript)


# --- overtime and duration ------------------------------------------------------------------


def test_overtime_from_words_at_150_a_minute() -> None:
    # 7 replies of 300 words: over 14 minutes
    transcript = conversation(INTRO, *GOOD_QUESTIONS, CLOSING, reply="word " * 300, minutes=10)
    [found] = [f for f in lint_transcript(transcript) if f.code == "overtime"]
    assert "against 10 agreed (estimated from" in found.evidence


def test_t_takes_precedence_over_the_word_estimate_and_holds_count() -> None:
    # Few words, but the professional puts the student on hold for 20 minutes.
    times = [0, 10, 40, 1240, 1290]
    transcript = conversation(INTRO, "What surprised you most?", minutes=15, times=times, reply="Sorry, one moment.")
    assert duration_minutes(transcript) == pytest.approx(1290 / 60)
    [found] = [f for f in lint_transcript(transcript) if f.code == "overtime"]
    assert found.evidence == "21.5 minutes against 15 agreed (timestamps reach 1,290 s)"


def test_t_keeps_a_wordy_call_inside_time() -> None:
    transcript = conversation(INTRO, reply="word " * 4000, minutes=20, times=[0, 10, 400])
    assert duration_minutes(transcript) == pytest.approx(400 / 60)
    assert "overtime" not in codes(transcript)


def test_overtime_quiet_at_exactly_the_agreed_time() -> None:
    transcript = conversation(INTRO, minutes=10, times=[0, 10, 600])
    assert "overtime" not in codes(transcript)


def test_turns_after_the_last_timestamp_are_estimated() -> None:
    transcript = conversation(INTRO, reply="word " * 150, times=[0, 60])
    assert duration_minutes(transcript) == pytest.approx(2.0)


# --- loading --------------------------------------------------------------------------------


def test_load_from_file_ignores_extra_keys(tmp_path: Path) -> None:
    path = tmp_path / "call.json"
    path.write_text(json.dumps({"id": "x", "notes": {}, "turns": [{"role": "student", "text": "Hi, I'm Ana.", "t": 0, "mood": "nervous"}]}))
    transcript = load_transcript(path)
    assert transcript.minutes_agreed == 20 and transcript.turns[0].t == 0


def test_load_from_json_text() -> None:
    transcript = load_transcript('{"minutes_agreed": 15, "turns": [{"role": "professional", "text": "Hello."}]}')
    assert transcript.minutes_agreed == 15


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"turns": [{"role": "student", "text": "hi"}', "not valid JSON"),
        ("", "not valid JSON"),
        ('[{"role": "student", "text": "hi"}]', "must be a JSON object"),
        ('{"minutes_agreed": 20}', "turns: Field required"),
        ('{"turns": []}', "turns: List should have at least 1 item"),
        ('{"turns": [{"role": "interviewer", "text": "hi"}]}', "turn 1 'role'"),
        ('{"turns": [{"role": "student"}]}', "turn 1 'text': Field required"),
        ('{"turns": [{"role": "student", "text": "a", "t": 30}, {"role": "professional", "text": "b", "t": 10}]}', "turn 2 has t=10"),
        ('{"minutes_agreed": 0, "turns": [{"role": "student", "text": "a"}]}', "minutes_agreed"),
        ('{"turns": [{"role": "student", "text": "a", "t": -5}]}', "turn 1 't'"),
    ],
)
def test_corrupted_files_raise_a_clear_error(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content)
    with pytest.raises(TranscriptError) as raised:
        load_transcript(path)
    assert says in str(raised.value) and str(path) in str(raised.value)
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, UserInputError)


def test_missing_and_binary_files_raise_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="does not exist"):
        load_transcript(tmp_path / "nope.json")
    binary = tmp_path / "image.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0")
    with pytest.raises(TranscriptError, match="UTF-8"):
        load_transcript(binary)


# --- unseen conversations -------------------------------------------------------------------


def test_unseen_conversation_with_several_faults() -> None:
    """A call in a field the eval set lacks, written to check the rules generalise."""
    turns = [
        ("professional", "Hey, it's Marguerite. I can do ten minutes.", 0),
        ("student", "Hi! Is beekeeping a good business?", 8),
        ("professional", "It can be, if you diversify. " * 5, 15),
        ("student", "When was your apiary founded? How many hives do you run?", 60),
        ("professional", "In 2009, and about two hundred. " * 3, 70),
        ("student", "Do you sell at farmers markets? Could I work for you this summer?", 110),
        ("professional", "Not this year, sorry. I have to go now.", 700),
    ]
    transcript = Transcript(minutes_agreed=10, turns=[{"role": role, "text": text, "t": t} for role, text, t in turns])
    assert codes(transcript) == {"no-intro", "job-ask", "googleable", "closed-questions", "narrow-questions", "no-referral-ask", "no-thanks", "overtime"}


def test_unseen_good_conversation_is_clean() -> None:
    student = [
        "Thank you for making the time. I'm Idris, a junior in urban studies, and I reached out because I'd like to understand transit planning.",
        "How do you see transit planning changing as cities add bike and scooter networks?",
        "What's a typical week like for you, and what do you find hardest?",
        "Could you walk me through the first projects a new planner gets?",
        "Given my background in statistics, what would you do in my shoes this year?",
        "Are there other planners or associations you'd point me to?",
        "I'll follow up with them next week. Thanks again, I appreciate it.",
    ]
    assert lint_transcript(conversation(*student, minutes=30)) == []


def test_unseen_rambling_conversation_without_timestamps() -> None:
    """A talkative student who hints at a job: dominates, job-ask and no-referral-ask only."""
    story = (
        "I've been volunteering at the animal shelter for three years, mostly with the cats, "
        "and I also did a summer at a dairy farm where I helped with the calves. "
    ) * 4
    student = [
        "Hi Dr. Brandt, thank you for meeting me. I'm Sofia, a sophomore in animal science, and "
        "I asked to talk because I'm deciding between small-animal and large-animal practice. " + story,
        story + "How is rural veterinary work changing with so many practices being bought up?",
        story + "What surprised you most in your first year out of school?",
        story + "What would you do in my place before applying to vet school?",
        story + "It would mean a lot if you could put in a good word for me with your practice manager for the summer assistant spot.",
        "Thanks again, this was really helpful.",
    ]
    transcript = conversation(*student, minutes=30, reply="That's a fair question. " * 10)
    assert codes(transcript) == {"dominates", "job-ask", "no-referral-ask"}
