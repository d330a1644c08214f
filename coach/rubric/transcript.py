"""Mock interview transcripts: the model, loading, and the measures the rules use."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from coach.errors import UserInputError
from coach.rubric.questions import AREAS, extract_questions, tiara_areas

WORDS_PER_MINUTE = 150
# A word is a run of letters or digits with inner apostrophes or hyphens (rubric.md, Counting).
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


class TranscriptError(UserInputError, ValueError):
    """A transcript file or text that is not valid transcript JSON."""


class Turn(BaseModel):
    """One turn of the conversation; `t` is seconds since the start."""

    model_config = ConfigDict(extra="ignore")

    role: Literal["student", "professional"]
    text: str
    t: float | None = Field(default=None, ge=0)


class Transcript(BaseModel):
    """A conversation and the minutes the student asked for."""

    model_config = ConfigDict(extra="ignore")  # eval files carry id, expect, notes

    minutes_agreed: int = Field(default=20, gt=0)
    turns: list[Turn] = Field(min_length=1)

    @model_validator(mode="after")
    def _times_run_forward(self) -> Transcript:
        """Reject timestamps that go backwards: `t` is clock time since the start."""
        times = [(i, turn.t) for i, turn in enumerate(self.turns, 1) if turn.t is not None]
        for (_, before), (number, after) in zip(times, times[1:]):
            if after < before:
                raise ValueError(f"turn {number} has t={after:g}, earlier than the turn before it "
                                 f"(t={before:g}); t must be seconds since the start")
        return self


def _describe(error: ValidationError) -> str:
    """One readable line per problem, naming where in the JSON it is."""
    lines = []
    for problem in error.errors():
        loc = problem["loc"]
        if len(loc) >= 2 and loc[0] == "turns" and isinstance(loc[1], int):
            field = ".".join(str(part) for part in loc[2:])
            place = f"turn {loc[1] + 1}" + (f" '{field}'" if field else "")
        else:
            place = ".".join(str(part) for part in loc) or "transcript"
        lines.append(f"{place}: {problem['msg']}")
    return "; ".join(lines)


def _read(path_or_text: str | Path) -> tuple[str, str]:
    """The JSON text and a name for messages; a string starting with '{' or '[' is JSON itself."""
    if isinstance(path_or_text, str) and path_or_text.lstrip()[:1] in ("{", "["):
        return path_or_text, "Transcript text"
    path = Path(path_or_text)
    try:
        return path.read_text(encoding="utf-8"), f"Transcript file {path}"
    except FileNotFoundError:
        raise TranscriptError(f"Transcript file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TranscriptError(f"Transcript file {path} cannot be read as UTF-8 text: "
                              f"{exc}") from None


def load_transcript(path_or_text: str | Path) -> Transcript:
    """Parse a transcript from a file path or a JSON string, with a clear error if it is wrong."""
    raw, name = _read(path_or_text)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                              f"column {exc.colno}.") from None
    if not isinstance(data, dict):
        raise TranscriptError(f"{name} must be a JSON object with 'minutes_agreed' and 'turns', "
                              f"not a {type(data).__name__}.")
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        raise TranscriptError(f"{name} has the wrong shape: {_describe(exc)}.") from None


def word_count(text: str) -> int:
    """Spoken words in a text."""
    return len(WORD.findall(text))


def duration_minutes(transcript: Transcript) -> float:
    """Minutes from the start to the last turn: clock time from `t`, else words at 150 a minute."""
    last_timed = max((i for i, turn in enumerate(transcript.turns) if turn.t is not None),
                     default=None)
    if last_timed is None:
        words = sum(word_count(turn.text) for turn in transcript.turns)
        return words / WORDS_PER_MINUTE
    # Turns after the last timestamp (a partly timed file) are added at the speaking rate.
    untimed_words = sum(word_count(turn.text) for turn in transcript.turns[last_timed + 1:])
    return transcript.turns[last_timed].t / 60 + untimed_words / WORDS_PER_MINUTE


def talk_ratio(transcript: Transcript) -> float:
    """The student's share of all words, 0.0 when nobody says anything."""
    total = sum(word_count(turn.text) for turn in transcript.turns)
    student = sum(word_count(turn.text) for turn in transcript.turns if turn.role == "student")
    return student / total if total else 0.0


def student_questions(transcript: Transcript) -> list[tuple[int, str]]:
    """Every question the student asks, with its 1-based turn number."""
    return [(number, question)
            for number, turn in enumerate(transcript.turns, 1) if turn.role == "student"
            for question in extract_questions(turn.text)]


def tiara_coverage(transcript: Transcript) -> dict[str, list[str]]:
    """Each TIARA area and the student questions that touch it."""
    coverage: dict[str, list[str]] = {area: [] for area in AREAS}
    for _, question in student_questions(transcript):
        for area in tiara_areas(question):
            coverage[area].append(question)
    return coverage
