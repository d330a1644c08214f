"""Mock interview transcripts: the model, loading, and the measures the rules use."""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from coach.errors import UserInputError
from coach.rubric.questions import AREAS, tiara_areas
from coach.text import extract_questions, speaking_minutes, word_count


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
                raise ValueError(f"turn {number} has t={after:g}, earlier than the turn before it (t={before:g}); t must be seconds since the start")
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
        raise TranscriptError(f"Transcript file {path} cannot be read as UTF-8 text: {exc}") from None


def load_transcript(path_or_text: str | Path) -> Transcript:
    """Parse a transcript from a file path or a JSON string, with a clear error if it is wrong."""
    raw, name = _read(path_or_text)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
    if not isinstance(data, dict):
        raise TranscriptError(f"{name} must be a JSON object with 'minutes_agreed' and 'turns', not a {type(data).__name__}.")
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        raise TranscriptError(f"{name} has the wrong shape: {_describe(exc)}.") from None


class TranscriptFacts:
    """What the rules and the feedback read from a transcript, each computed once."""

    def __init__(self, transcript: Transcript) -> None:
        self.transcript = transcript

    @cached_property
    def turn_words(self) -> list[int]:
        """Spoken words of each turn."""
        return [word_count(turn.text) for turn in self.transcript.turns]

    @cached_property
    def student_turns(self) -> list[tuple[int, str]]:
        """The student's turns with their 1-based numbers."""
        return [(n, turn.text) for n, turn in enumerate(self.transcript.turns, 1) if turn.role == "student"]

    @cached_property
    def questions(self) -> list[tuple[int, str]]:
        """Every question the student asks, with its 1-based turn number."""
        return [(number, question) for number, text in self.student_turns for question in extract_questions(text)]

    @cached_property
    def coverage(self) -> dict[str, list[str]]:
        """Each TIARA area and the student questions that touch it."""
        found: dict[str, list[str]] = {area: [] for area in AREAS}
        for _, question in self.questions:
            for area in tiara_areas(question):
                found[area].append(question)
        return found

    @property
    def total_words(self) -> int:
        """Words said by both speakers."""
        return sum(self.turn_words)

    @cached_property
    def student_words(self) -> int:
        """Words the student said."""
        return sum(n for n, turn in zip(self.turn_words, self.transcript.turns) if turn.role == "student")

    @property
    def talk_ratio(self) -> float:
        """The student's share of all words, 0.0 when nobody says anything."""
        return self.student_words / self.total_words if self.total_words else 0.0

    @cached_property
    def duration_minutes(self) -> float:
        """Minutes from the start to the last turn: clock time from `t`, else words at 150 a minute."""
        turns = self.transcript.turns
        last_timed = max((i for i, turn in enumerate(turns) if turn.t is not None), default=None)
        if last_timed is None:
            return speaking_minutes(self.total_words)
        # Turns after the last timestamp (a partly timed file) are added at the speaking rate.
        return (turns[last_timed].t or 0.0) / 60 + speaking_minutes(sum(self.turn_words[last_timed + 1 :]))


def facts_of(transcript: Transcript | TranscriptFacts) -> TranscriptFacts:
    """The facts of a transcript (already computed ones as they are)."""
    return transcript if isinstance(transcript, TranscriptFacts) else TranscriptFacts(transcript)


def duration_minutes(transcript: Transcript) -> float:
    """Minutes from the start to the last turn."""
    return TranscriptFacts(transcript).duration_minutes


def talk_ratio(transcript: Transcript) -> float:
    """The student's share of all words."""
    return TranscriptFacts(transcript).talk_ratio


def tiara_coverage(transcript: Transcript) -> dict[str, list[str]]:
    """Each TIARA area and the student questions that touch it."""
    return TranscriptFacts(transcript).coverage
