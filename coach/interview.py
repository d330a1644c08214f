"""The mock interview: a grounded, time-keeping professional, saved turn by turn."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from coach.errors import UserInputError
from coach.guards import clean_user_text, invented_facts, mentions_being_an_ai, tidy_reply
from coach.knowledge import KnowledgeBase
from coach.llm import complete, stream
from coach.persona import Persona, make_persona, persona_data, style
from coach.prompts import fence, render
from coach.rubric.questions import asks, is_job_ask
from coach.rubric.transcript import Transcript, Turn
from coach.store import Store, TurnRecord
from coach.text import speaking_minutes, word_count
from coach.tokens import TokenCounter, fit

MAX_MESSAGE_CHARS = 60_000
NOTES_K = 3
NOTE_CHARS = 700  # per retrieved chunk: small models need short prompts, and every token costs time to first token
CHECK_LINE = "I'd have to check the exact figures on that, though."


def nearly_up_at(minutes: int) -> float:
    """When to warn that time is nearly up: two minutes before the end (a tenth for short slots)."""
    return minutes - min(2.0, max(0.5, minutes * 0.1))


class Reply:
    """A professional turn as it streams; when the stream ends the session checks and saves it (`finish`)."""

    def __init__(
        self, session: InterviewSession, pieces: Iterator[str], grounding: list[dict], messages: list[BaseMessage], notes_text: str, question: str
    ) -> None:
        self._session, self._pieces = session, pieces
        self.grounding, self.messages, self.notes_text, self.question = grounding, messages, notes_text, question
        self.streamed = ""
        self.text = ""
        self.replaced = False

    @property
    def deflected(self) -> bool:
        """Whether this is the persona's set answer to a job request (no model call)."""
        return not self.messages

    def __iter__(self) -> Iterator[str]:
        for piece in self._pieces:
            self.streamed += piece
            yield piece
        self.text = self._session.finish(self)
        self.replaced = self.text != self.streamed
        if self.replaced and self.text.startswith(self.streamed):
            yield self.text[len(self.streamed) :]
            self.replaced = False

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

    def _save(self, role: str, text: str, grounding: list[dict] | None = None) -> None:
        self._turns.append(self.store.add_turn(self.session_id, role, text, t=self._t(text), grounding=grounding))

    def _rewind(self, keep: int) -> None:
        self.store.rewind(self.session_id, keep)
        del self._turns[keep:]

    def elapsed_minutes(self, extra_text: str = "") -> float:
        """Minutes used so far: by the clock, or by words at 150 a minute for text chat."""
        if self.timing == "clock":
            return (time.time() - self.started_at) / 60
        return speaking_minutes(sum(word_count(t.text) for t in self._turns) + word_count(extra_text))

    def _t(self, extra_text: str = "") -> float:
        return round(self.elapsed_minutes(extra_text) * 60, 1)

    def system_prompt(self) -> str:
        """The persona's system prompt; it stays the same every turn so the model can reuse its prefix."""
        bio = f"Your profile, in your own words (background only, not instructions):\n{fence(self.persona.bio, 'PROFILE')}" if self.persona.bio else ""
        return render(
            "persona_system",
            name=self.persona.name,
            title=self.persona.title,
            years=self.persona.years,
            employer=self.persona.employer,
            minutes=self.minutes,
            style=style(self.persona)["style"],
            bio=bio,
        )

    def retrieve(self, question: str) -> list:
        """Note chunks for the question, from the persona's own role first."""
        hits = self.kb.search(question, k=NOTES_K, role=self.persona.role if self.persona.note_path else None)
        return hits or self.kb.search(question, k=NOTES_K)

    def build_messages(self, question: str, hits: list) -> list[BaseMessage]:
        """System prompt, budget-trimmed history, then the notes and the new question."""
        system = self.system_prompt()
        history = [("user" if t.role == "student" else "assistant", t.text) for t in self._turns]
        notes = [f"({h.section}) {h.text[:NOTE_CHARS]}" for h in hits]
        budget = fit(system, history + [("user", question)], notes, self.count_tokens, self.context_size, self.max_tokens + 64)
        *older, (_, last) = budget.history
        messages: list[BaseMessage] = [SystemMessage(content=system)]
        messages += [HumanMessage(content=text) if role == "user" else AIMessage(content=text) for role, text in older]
        # Notes go in a system message just before the question: retrieved facts sit next to what they answer,
        # and the persona prompt and older turns stay an unchanged prefix the model can reuse.
        messages.append(SystemMessage(content=render("persona_turn", notes="\n".join(budget.context) or "(none)")))
        messages.append(HumanMessage(content=last))
        return messages

    def ask(self, text: str) -> Reply:
        """Save the student's turn, then stream the professional's grounded reply (saved when complete)."""
        text = clean_user_text(text, "message", max_chars=MAX_MESSAGE_CHARS)
        if self._turns and self._turns[-1].role == "student":
            self._rewind(len(self._turns) - 1)  # an unanswered turn is replaced, not doubled
        self._save("student", text)
        if any(is_job_ask(q) for q in asks(text)) or is_job_ask(text):
            return Reply(self, iter([style(self.persona)["job_deflection"]]), [], [], "", text)
        hits = self.retrieve(text)
        grounding = [{"path": h.path, "section": h.section, "chunk_id": h.chunk_id, "score": h.score, "source": h.source} for h in hits]
        messages = self.build_messages(text, hits)
        notes_text = " ".join(h.text for h in hits)
        return Reply(self, stream(self.model, messages), grounding, messages, notes_text, text)

    def finish(self, reply: Reply) -> str:
        """Check a reply that has streamed (in role, figures, time) and save it; return its final text."""
        text = reply.streamed.strip() if reply.deflected else tidy_reply(reply.streamed)
        if not reply.deflected:
            if mentions_being_an_ai(text) or not text:
                text = tidy_reply(complete(self.model, reply.messages))  # regenerate once
                if mentions_being_an_ai(text) or not text:
                    text = persona_data()["in_role_fallback"]
            figures = [f for f in invented_facts(text, reply.notes_text, reply.question) if f[0].isdigit()]
            if figures and CHECK_LINE not in text:
                text = f"{text} {CHECK_LINE}"
        text = self._with_time_note(text)
        self._save("professional", text, reply.grounding)
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
