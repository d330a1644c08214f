"""The mock interview: a grounded, time-keeping professional, saved turn by turn."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from functools import cached_property

from langchain_core.language_models import BaseChatModel

from coach.errors import Unanswered, UserInputError
from coach.fake_model import FakeChatModel
from coach.guards import clean_user_text
from coach.knowledge import KnowledgeBase
from coach.persona import Persona, make_persona, style
from coach.professional import GatedReply, Professional
from coach.rubric.questions import asks, is_job_ask
from coach.rubric.transcript import Transcript, Turn
from coach.store import Store, TurnRecord
from coach.text import speaking_minutes, word_count
from coach.tokens import TokenCounter

MAX_MESSAGE_CHARS = 60_000
REPLY_TOKENS = 170  # a rephrasing of at most 120 words: more would only be cut
UNANSWERED = "The last question in this session has no answer yet: send it again first (or redo it to remove it)."


def nearly_up_at(minutes: int) -> float:
    """When to warn that time is nearly up: two minutes before the end (a tenth for short slots)."""
    return minutes - min(2.0, max(0.5, minutes * 0.1))


class Reply:
    """A professional turn as it streams, only text that passed the gate; when it ends the session saves it (`finish`)."""

    def __init__(self, session: InterviewSession, gated: GatedReply | None, deflection: str = "") -> None:
        self._session, self.gated, self.deflection = session, gated, deflection
        self.streamed = ""
        self.text = ""
        self.replaced = False  # kept for the faces: a reply is never shown and then replaced

    @property
    def deflected(self) -> bool:
        """Whether this is the persona's set answer to a job request (no model call)."""
        return self.gated is None

    @property
    def grounding(self) -> list[dict]:
        """The passages the reply was built from."""
        return self.gated.plan.choice.grounding() if self.gated else []

    @property
    def source(self) -> str:
        """Where the shown text came from: the model (through the gate) or the grounded answer."""
        return self.gated.source if self.gated else "grounded"

    def record(self) -> dict:
        """Source, timings and gate failures, as saved with the turn."""
        return self.gated.record() if self.gated else {"source": "grounded", "timings": {}, "attempts": 0, "gate_failures": []}

    def __iter__(self) -> Iterator[str]:
        for piece in self.gated if self.gated is not None else iter([self.deflection]):
            self.streamed += piece
            yield piece
        self.text = self._session.finish(self)
        if self.text.startswith(self.streamed) and self.text != self.streamed:
            yield self.text[len(self.streamed) :]  # the time note, after the reply

    def consume(self) -> str:
        """Run the stream to the end and return the final text."""
        for _ in self:
            pass
        return self.text


class InterviewSession:
    """One practice session: persona, history in the store, and the model that plays the professional."""

    def __init__(
        self,
        store: Store,
        session_id: str,
        kb: KnowledgeBase,
        model: BaseChatModel,
        count_tokens: TokenCounter,
        context_size: int = 4096,
        max_tokens: int = 384,
        timing: str = "words",
    ) -> None:
        self.store, self.session_id, self.kb, self.model = store, session_id, kb, model
        self.count_tokens, self.context_size, self.max_tokens, self.timing = count_tokens, context_size, max_tokens, timing
        record, turns = store.load_session(session_id)  # read once, then kept in step with each write
        self.persona = Persona(**{k: v for k, v in record.persona.items() if k in Persona.model_fields})
        self.minutes = record.minutes
        self.started_at = datetime.fromisoformat(record.created_at).timestamp()
        self._turns: list[TurnRecord] = turns

    @classmethod
    def start(
        cls,
        store: Store,
        kb: KnowledgeBase,
        model: BaseChatModel,
        count_tokens: TokenCounter,
        role: str,
        temperament: str = "warm",
        minutes: int = 20,
        bio: str | None = None,
        **options,
    ) -> InterviewSession:
        """Create the persona and a saved session."""
        if not 1 <= int(minutes) <= 120:
            raise UserInputError("Minutes must be between 1 and 120.")
        persona = make_persona(role, temperament, kb, bio=bio, seed=str(time.time_ns()))
        record = store.create_session(persona.role, temperament, int(minutes), persona.model_dump(), title=f"{persona.name}, {persona.title}")
        return cls(store, record.id, kb, model, count_tokens, **options)

    def turns(self) -> list[TurnRecord]:
        """The saved turns, in order."""
        return list(self._turns)

    def _save(self, role: str, text: str, grounding: list[dict] | None = None, record: dict | None = None) -> None:
        # expect_index: a write on top of another window's or process's turns is refused (SessionChanged), never interleaved
        self._turns.append(self.store.add_turn(self.session_id, role, text, t=self._t(text), grounding=grounding, expect_index=len(self._turns), reply=record))

    def _rewind(self, keep: int) -> None:
        self.store.rewind(self.session_id, keep, expect_count=len(self._turns))
        del self._turns[keep:]

    def elapsed_minutes(self, extra_text: str = "") -> float:
        """Minutes used so far: by the clock, or by words at 150 a minute for text chat."""
        if self.timing == "clock":
            return (time.time() - self.started_at) / 60
        return speaking_minutes(sum(word_count(t.text) for t in self._turns) + word_count(extra_text))

    def _t(self, extra_text: str = "") -> float:
        return round(self.elapsed_minutes(extra_text) * 60, 1)

    @cached_property
    def professional(self) -> Professional:
        """The persona's notes, passages and gate (built on the first question)."""
        return Professional(self.persona, self.kb)

    def used_passages(self) -> set[str]:
        """Passages already said in this session: a new question gets fresh ones."""
        return {g["passage_id"] for t in self._turns if t.role == "professional" for g in t.grounding if "passage_id" in g}

    def rephraser(self) -> BaseChatModel | None:
        """The model that may rephrase the grounded answer; None for the fake backend's echo, which has nothing to say."""
        model = self.model
        if isinstance(model, FakeChatModel) and not model.responses and not model.fail_with:
            return None
        return model

    def ask(self, text: str) -> Reply:
        """Save the student's turn, then stream the professional's grounded reply (saved when complete)."""
        text = clean_user_text(text, "message", max_chars=MAX_MESSAGE_CHARS)
        if self._turns and self._turns[-1].role == "student":
            if self._turns[-1].text != text:  # never dropped to make room: it is answered first, or redone on purpose
                raise Unanswered(UNANSWERED)
            self._rewind(len(self._turns) - 1)  # sent again: replaced, not doubled
        self._save("student", text)
        if any(is_job_ask(q) for q in asks(text)) or is_job_ask(text):
            return Reply(self, None, style(self.persona)["job_deflection"])
        started = time.perf_counter()
        plan = self.professional.plan(text, self.used_passages(), seed=f"{self.session_id}:{len(self._turns)}")
        return Reply(self, GatedReply(plan, self.rephraser(), max_tokens=min(self.max_tokens, REPLY_TOKENS), started=started))

    def finish(self, reply: Reply) -> str:
        """Save a reply that has streamed (already through the gate), with the time note if due; return its text."""
        text = self._with_time_note(reply.streamed.strip())
        self._save("professional", text, reply.grounding, reply.record())
        return text

    def _with_time_note(self, reply: str) -> str:
        lines = style(self.persona)
        elapsed = self.elapsed_minutes(reply)
        already = any(lines["time_nearly_up"] in t.text for t in self._turns if t.role == "professional")
        if elapsed >= self.minutes:
            return f"{reply}\n\n{lines['time_up']}"
        if elapsed >= nearly_up_at(self.minutes) and not already:
            return f"{reply}\n\n{lines['time_nearly_up']}"
        return reply

    def redo(self, turn_index: int) -> str:
        """Rewind to just before a student turn; return its text so the user can try it again."""
        turns = self._turns
        if not 0 <= turn_index < len(turns) or turns[turn_index].role != "student":
            raise UserInputError("Pick one of your own turns to redo.")
        text = turns[turn_index].text
        self._rewind(turn_index)
        return text

    def transcript(self) -> Transcript:
        """The session in the rubric's transcript format."""
        return Transcript(minutes_agreed=self.minutes, turns=[Turn(role=t.role, text=t.text, t=t.t) for t in self._turns])
