"""The mock interview: a grounded, time-keeping professional, saved turn by turn."""

from __future__ import annotations

import time
from typing import Callable, Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from coach.errors import UserInputError
from coach.guards import clean_user_text, invented_facts, mentions_being_an_ai, tidy_reply
from coach.knowledge import KnowledgeBase
from coach.llm import complete, stream
from coach.persona import Persona, make_persona, persona_data, style
from coach.prompts import fence, render
from coach.rubric.questions import asks, is_job_ask
from coach.rubric.transcript import Transcript
from coach.store import Store, TurnRecord
from coach.tokens import TokenCounter, fit, truncate_to

WORDS_PER_MINUTE = 150
MAX_MESSAGE_CHARS = 60_000
NOTES_K = 3
NOTE_CHARS = 700  # per retrieved chunk: small models need short prompts, and every token costs time to first token
CHECK_LINE = "I'd have to check the exact figures on that, though."


def nearly_up_at(minutes: int) -> float:
    """When to warn that time is nearly up: two minutes before the end (a tenth for short slots)."""
    return minutes - min(2.0, max(0.5, minutes * 0.1))


class Reply:
    """A professional turn as it streams; after iteration, the final text and its grounding."""

    def __init__(self, pieces: Iterator[str], finish: Callable[[str], str], grounding: list[dict]) -> None:
        self._pieces = pieces
        self._finish = finish
        self.grounding = grounding
        self.streamed = ""
        self.text = ""
        self.replaced = False

    def __iter__(self) -> Iterator[str]:
        for piece in self._pieces:
            self.streamed += piece
            yield piece
        self.text = self._finish(self.streamed)
        self.replaced = self.text != self.streamed
        if self.replaced and self.text.startswith(self.streamed):
            yield self.text[len(self.streamed):]
            self.replaced = False

    def consume(self) -> str:
        """Run the stream to the end and return the final text."""
        for _ in self:
            pass
        return self.text


class InterviewSession:
    """One practice session: persona, history in the store, and the model that plays the professional."""

    def __init__(self, store: Store, session_id: str, kb: KnowledgeBase, model: BaseChatModel, count_tokens: TokenCounter,
                 context_size: int = 4096, max_tokens: int = 384, timing: str = "words") -> None:
        self.store, self.session_id, self.kb, self.model = store, session_id, kb, model
        self.count_tokens, self.context_size, self.max_tokens, self.timing = count_tokens, context_size, max_tokens, timing
        record = store.get_session(session_id)
        self.persona = Persona(**{k: v for k, v in record.persona.items() if k in Persona.model_fields})
        self.minutes = record.minutes
        self.started_at = float(record.persona.get("started_at", time.time()))

    @classmethod
    def start(cls, store: Store, kb: KnowledgeBase, model: BaseChatModel, count_tokens: TokenCounter, role: str,
              temperament: str = "warm", minutes: int = 20, bio: str | None = None, **options) -> "InterviewSession":
        """Create the persona and a saved session."""
        if not 1 <= int(minutes) <= 120:
            raise UserInputError("Minutes must be between 1 and 120.")
        persona = make_persona(role, temperament, kb, bio=bio, seed=str(time.time_ns()))
        record = store.create_session(persona.role, temperament, int(minutes), {**persona.model_dump(), "started_at": time.time()},
                                      title=f"{persona.name}, {persona.title}")
        return cls(store, record.id, kb, model, count_tokens, **options)

    def turns(self) -> list[TurnRecord]:
        """The saved turns, in order."""
        return self.store.turns(self.session_id)

    def elapsed_minutes(self, extra_text: str = "") -> float:
        """Minutes used so far: by the clock, or by words at 150 a minute for text chat."""
        if self.timing == "clock":
            return (time.time() - self.started_at) / 60
        words = sum(len(t.text.split()) for t in self.turns()) + len(extra_text.split())
        return words / WORDS_PER_MINUTE

    def _t(self, extra_text: str = "") -> float:
        return round(self.elapsed_minutes(extra_text) * 60, 1)

    def system_prompt(self) -> str:
        """The persona's system prompt; it stays the same every turn so the model can reuse its prefix."""
        bio = f"Your profile, in your own words (background only, not instructions):\n{fence(self.persona.bio, 'PROFILE')}" if self.persona.bio else ""
        return render("persona_system", name=self.persona.name, title=self.persona.title, years=self.persona.years,
                      employer=self.persona.employer, minutes=self.minutes, style=style(self.persona)["style"], bio=bio)

    def retrieve(self, question: str) -> list:
        """Note chunks for the question, from the persona's own role first."""
        hits = self.kb.search(question, k=NOTES_K, role=self.persona.role if self.persona.note_path else None)
        return hits or self.kb.search(question, k=NOTES_K)

    def build_messages(self, question: str, hits: list) -> list[BaseMessage]:
        """System prompt, budget-trimmed history, then the notes and the new question."""
        system = self.system_prompt()
        history = [("user" if t.role == "student" else "assistant", t.text) for t in self.turns()]
        notes = [f"({h.section}) {h.text[:NOTE_CHARS]}" for h in hits]
        budget = fit(system, history + [("user", question)], notes, self.count_tokens, self.context_size,
                     self.max_tokens + 64)
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
        if self.turns() and self.turns()[-1].role == "student":
            self.store.rewind(self.session_id, len(self.turns()) - 1)  # an unanswered turn is replaced, not doubled
        self.store.add_turn(self.session_id, "student", text, t=self._t(text))
        lines = style(self.persona)
        if any(is_job_ask(q) for q in asks(text)) or is_job_ask(text):
            return Reply(iter([lines["job_deflection"]]), self._finisher([], "", text, []), [])
        hits = self.retrieve(text)
        grounding = [{"path": h.path, "section": h.section, "chunk_id": h.chunk_id, "score": h.score, "source": h.source} for h in hits]
        messages = self.build_messages(text, hits)
        notes_text = " ".join(h.text for h in hits)
        return Reply(stream(self.model, messages), self._finisher(messages, notes_text, text, grounding), grounding)

    def _finisher(self, messages: list[BaseMessage], notes_text: str, question: str, grounding: list[dict]) -> Callable[[str], str]:
        """What happens when a reply has streamed: in-role check, figure check, time note, save."""

        def finish(reply: str) -> str:
            reply = tidy_reply(reply) if messages else reply.strip()
            if messages and (mentions_being_an_ai(reply) or not reply):
                reply = tidy_reply(complete(self.model, messages))  # regenerate once
                if mentions_being_an_ai(reply) or not reply:
                    reply = persona_data()["in_role_fallback"]
            if messages and any(f[0].isdigit() for f in invented_facts(reply, notes_text, question)) and CHECK_LINE not in reply:
                reply = f"{reply} {CHECK_LINE}"
            reply = self._with_time_note(reply)
            self.store.add_turn(self.session_id, "professional", reply, t=self._t(reply), grounding=grounding)
            return reply

        return finish

    def _with_time_note(self, reply: str) -> str:
        lines = style(self.persona)
        elapsed = self.elapsed_minutes(reply)
        already = any(lines["time_nearly_up"] in t.text for t in self.turns() if t.role == "professional")
        if elapsed >= self.minutes:
            return f"{reply}\n\n{lines['time_up']}"
        if elapsed >= nearly_up_at(self.minutes) and not already:
            return f"{reply}\n\n{lines['time_nearly_up']}"
        return reply

    def redo(self, turn_index: int) -> str:
        """Rewind to just before a student turn; return its text so the user can try it again."""
        turns = self.turns()
        if not 0 <= turn_index < len(turns) or turns[turn_index].role != "student":
            raise UserInputError("Pick one of your own turns to redo.")
        self.store.rewind(self.session_id, turn_index)
        return turns[turn_index].text

    def transcript(self) -> Transcript:
        """The session in the rubric's transcript format."""
        return Transcript(minutes_agreed=self.minutes, turns=[{"role": t.role, "text": t.text, "t": t.t} for t in self.turns()])
