"""One professional turn: the grounded answer, an optional model rephrasing through the gate, streamed clean.

The model only rephrases the chosen passages. Its text is checked sentence by sentence as it streams and
shown only once what has been said so far passes the whole gate (so a broken-role opening never flashes
and nothing is printed twice); a failing attempt is regenerated once, then the grounded answer is shown.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from coach.errors import BackendError
from coach.gate import GateSpec, check_output
from coach.grounded import (
    LIMITS,
    Choice,
    Frame,
    Passage,
    PassageIndex,
    choose,
    compose,
    frame_for,
    general_passages,
    kind_of_turn,
    note_passages,
    related_notes,
    reply_spec,
    voice,
)
from coach.knowledge import SHIPPED, USER, KnowledgeBase
from coach.llm import stream
from coach.persona import Persona
from coach.prompts import render
from coach.text import sentences, word_count

MAX_NEW_WORDS = 0.4  # a rephrasing may bring in at most this share of new content words
ON_TOPIC = 0.2  # cosine of the reply to the question and its passages (MiniLM)
FIRST_TEXT_DEADLINE = 1.4  # seconds from the question: with nothing fit to show by then, the grounded answer is shown
REPLY_DEADLINE = 5.0  # seconds from the question: a model reply shown in part ends at its last checked sentence
TURN_BUDGET = 0.9  # seconds: no second attempt once the first has taken this long
NEW_WORDS_AFTER = 20  # words: from here on a rephrasing's new words are counted
SENTENCE_WORDS = {"busy": "two", "skeptical": "three", "warm": "three or four"}


@dataclass
class Attempt:
    """One model attempt: what it passed, why it stopped, how long it took."""

    text: str = ""
    raw: str = ""  # everything the model wrote, shown or not (for benchmarks and debugging)
    shown: bool = False
    reasons: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class TurnPlan:
    """Everything a turn may say: the passages, the temperament's frame, the grounded text and the gate."""

    question: str
    kind: str
    choice: Choice
    frame: Frame
    body: list[str]
    grounded_text: str
    spec: GateSpec
    body_spec: GateSpec
    messages: list[BaseMessage] | None


class Professional:
    """The persona's source of answers: its notes (or related notes and general lines) and the gate."""

    def __init__(self, persona: Persona, kb: KnowledgeBase, index: PassageIndex | None = None) -> None:
        self.persona, self.kb = persona, kb
        self.index = index or PassageIndex(kb.embedder)
        notes = kb.list_notes(SHIPPED)
        self.other_titles = tuple(n["role"] for n in notes)
        self.related = [] if persona.note_path else related_notes(self.index, persona.role, notes)
        self.note_texts: dict[str, str] = {}
        self.candidates: list[Passage] = []
        paths = [persona.note_path] if persona.note_path else [n["path"] for n in self.related]
        for path in paths:
            self._add(path, SHIPPED)
        wanted = persona.role.lower()
        for note in kb.list_notes(USER):  # the user's own notes for this role, voiced from their own sentences
            names = [note["role"].lower()] + [a.strip().lower() for a in note.get("aliases", "").split(",") if a.strip()]
            if wanted in names:
                self._add(note["path"], USER)
        self.fallback = list(general_passages())

    def _add(self, path: str, collection: str) -> None:
        text = self.kb.note_text(path, collection)
        self.note_texts[path] = text
        self.candidates += note_passages(path, text, collection)

    @property
    def limits(self) -> tuple[int, int]:
        """The temperament's word limits for a whole reply."""
        return LIMITS[self.persona.temperament]

    def card_text(self) -> str:
        """What the persona card states, as a source of fact."""
        p = self.persona
        return f"{p.name}, {p.title}, {p.years} years in the field, at {p.employer}. {p.bio or ''}"

    def on_topic(self, question: str, passages: list[str]):
        """Similarity of a text to the question or to the passages that answer it (the better of the two)."""
        anchor = " ".join(passages)

        def similarity(text: str) -> float:
            return max(self.index.similarity(text, question), self.index.similarity(text, anchor) if anchor else 0.0)

        return similarity

    def plan(self, question: str, used: set[str], seed: str = "") -> TurnPlan:
        """Pick the passages for a student turn and build its grounded answer and gate."""
        persona = self.persona
        kind = kind_of_turn(question)
        limits = self.limits if kind != "thanks" else (10, self.limits[1])
        query, topics = (question, None) if kind == "question" else ("What does a typical day look like in your work?", ["day"])
        draft_frame = frame_for(persona.temperament, question, [], kind, persona.title, seed)
        # The opening counts towards the fewest words; a closing (a warm follow-up, of any length) only towards the most.
        before, room = word_count(draft_frame.before), word_count(" ".join(draft_frame.lines()))
        follow_up = 12 if persona.temperament == "warm" and kind == "question" else 0
        body_limits = (max(10, limits[0] - before), max(20, limits[1] - room - follow_up))
        if kind == "greeting":
            body_limits = (body_limits[0], body_limits[0] + 12)  # one passage: the questions come next
        if kind == "thanks":
            choice = Choice([], [], [])
        else:
            choice = choose(query, self.candidates, self.index, used, body_limits, self.fallback, topics)
        frame = frame_for(persona.temperament, question, choice.topics, kind, persona.title, seed)
        note_text = " ".join(self.note_texts.values())
        body: list[str] = []
        framed: Counter[str] = Counter()
        for passage in choice.passages:  # framings rotate within a kind, so one reply never repeats one
            framing = "item" if passage.fragment else passage.kind
            body.append(voice(passage, seed, self.note_texts.get(passage.path or "", note_text), framed[framing]))
            framed[framing] += 1
        grounded_text = compose(frame, body, limits)
        passages = [p.text for p in choice.passages]
        sources = [*passages, *body, question, self.card_text()]
        allowed = tuple(frame.lines())
        spec = reply_spec(
            sources, limits, self.on_topic(question, passages), persona.years, persona.employer, persona.title, self.other_titles, allowed, ON_TOPIC
        )
        spec = replace(spec, max_new_words=MAX_NEW_WORDS if kind == "question" else None)
        frame_words = word_count(" ".join(frame.lines()))
        body_spec = replace(spec, min_words=max(1, limits[0] - frame_words), max_words=max(10, limits[1] - frame_words), allowed=())
        messages = self._messages(question, body) if kind == "question" and choice.passages else None
        return TurnPlan(question, kind, choice, frame, body, grounded_text, spec, body_spec, messages)

    def _messages(self, question: str, body: list[str]) -> list[BaseMessage]:
        """A short prompt: who is speaking (the same every turn, so its prefix is reused), then passages and question."""
        p = self.persona
        system = render("grounded_system", name=p.name, title=p.title, sentences=SENTENCE_WORDS[p.temperament])
        user = render("grounded_user", question=" ".join(question.split())[:400], passages="\n".join(f"- {line}" for line in body))
        return [SystemMessage(content=system), HumanMessage(content=user)]


class GatedReply:
    """A turn's text as it may be shown: model sentences once they pass the gate, else the grounded answer."""

    def __init__(self, plan: TurnPlan, model: BaseChatModel | None, max_tokens: int = 160, started: float | None = None) -> None:
        self.plan, self.model, self.max_tokens = plan, model, max_tokens
        self.started = started  # when the turn began (perf_counter), so timings include choosing the passages
        self.text = ""
        self.source = "grounded"
        self.attempts: list[Attempt] = []
        self.timings: dict[str, float] = {}
        self.gate_reasons: list[str] = []

    def __iter__(self) -> Iterator[str]:
        start = self.started if self.started is not None else time.perf_counter()
        if self.started is not None:
            self.timings["plan_s"] = round(time.perf_counter() - start, 3)
        shown: list[str] = []

        def show(piece: str) -> str:
            if "first_text_s" not in self.timings:
                self.timings["first_text_s"] = round(time.perf_counter() - start, 3)
            shown.append(piece)
            return piece

        plan = self.plan
        if plan.frame.before:
            yield show(plan.frame.before)
        body: str | None = None
        if self.model is not None and plan.messages is not None:
            for number in (1, 2):
                if number == 2 and time.perf_counter() - start > TURN_BUDGET:
                    self.gate_reasons.append("no second attempt: turn budget spent")
                    break
                attempt = Attempt()
                self.attempts.append(attempt)
                for sentence in self._attempt(attempt, start):
                    yield show((" " if shown else "") + sentence)
                if attempt.shown:
                    body = attempt.text
                    self.source = "model"
                    break
                self.gate_reasons += attempt.reasons
        if body is None:
            body = compose(Frame(), plan.body, (0, plan.body_spec.max_words))
            if body:
                yield show((" " if shown else "") + body)
        if plan.frame.after:
            yield show((" " if shown else "") + plan.frame.after)
        self.text = "".join(shown).strip()
        self.timings["total_s"] = round(time.perf_counter() - start, 3)
        self.timings["model_s"] = round(sum(a.seconds for a in self.attempts), 3)

    def _attempt(self, attempt: Attempt, turn_start: float) -> Iterator[str]:
        """Stream one model attempt, yielding sentences only while the text so far passes the body gate."""
        spec = self.plan.body_spec
        early = replace(spec, min_words=1, on_topic=None)  # before the reply is long enough to judge its topic
        accepted: list[str] = []
        buffer = ""
        began = time.perf_counter()

        def offer(sentence: str) -> bool:
            """Whether the attempt goes on after this sentence; a passing one is accepted (and shown once long enough)."""
            candidate = " ".join([*accepted, sentence])
            if word_count(candidate) > spec.max_words:
                return False  # long enough: stop the model here rather than cut a sentence
            enough = word_count(candidate) >= spec.min_words
            # a few words are too few to judge how much a rephrasing adds ("I'm glad you asked.")
            judged = spec if enough else early if word_count(candidate) >= NEW_WORDS_AFTER else replace(early, max_new_words=None)
            result = check_output(candidate, judged)
            if not result.passed:
                attempt.reasons += [r for r in result.reasons if r not in attempt.reasons]
                return False
            accepted.append(sentence)
            if enough:
                attempt.text = candidate
                attempt.shown = True
            return True

        assert self.model is not None and self.plan.messages is not None
        pieces = _Background(self.model, self.plan.messages, self.max_tokens)
        try:
            for piece in pieces.until(lambda: turn_start + (REPLY_DEADLINE if attempt.shown else FIRST_TEXT_DEADLINE)):
                buffer += piece
                attempt.raw += piece
                found = sentences(buffer)
                ended = buffer.rstrip()[-1:] in ".!?" and buffer[-1:].isspace()
                complete, buffer = (found, "") if ended else (found[:-1], found[-1] if found else "")
                for sentence in complete:
                    was_shown, before = attempt.shown, len(accepted)
                    going = offer(sentence)
                    if attempt.shown:
                        yield " ".join(accepted[before:]) if was_shown else attempt.text
                    if not going:
                        return
            if pieces.timed_out:
                if not attempt.shown:
                    attempt.reasons.append(f"nothing fit to show within {FIRST_TEXT_DEADLINE:g} s")
                return  # what was shown already passed the gate: the reply ends there
            tail = buffer.strip()
            if tail and tail[-1:] in ".!?":
                was_shown = attempt.shown
                if offer(tail) and attempt.shown:
                    yield tail if was_shown else attempt.text
            elif tail and not attempt.shown:
                attempt.reasons.append("is cut off mid-sentence")
            if not attempt.shown and not attempt.reasons:
                attempt.reasons.append(f"too short ({word_count(' '.join(accepted))} words, at least {spec.min_words})")
        except BackendError as exc:
            attempt.reasons.append(f"model failed ({str(exc)[:80]})")
        finally:
            pieces.stop()  # the rest will not be shown
            attempt.seconds = round(time.perf_counter() - began, 3)

    def record(self) -> dict:
        """What the transcript keeps about this reply besides its text and passages."""
        return {
            "source": self.source,
            "timings": self.timings,
            "attempts": len(self.attempts),
            "gate_failures": self.gate_reasons,
        }


class _Background:
    """A model stream run in a thread, read with a deadline: a slow prompt cannot hold the student's first words."""

    _END = object()

    def __init__(self, model: BaseChatModel, messages: list[BaseMessage], max_tokens: int) -> None:
        self._queue: queue.Queue = queue.Queue()
        self._stopped = threading.Event()
        self.timed_out = False
        threading.Thread(target=self._run, args=(model, messages, max_tokens), daemon=True).start()

    def _run(self, model: BaseChatModel, messages: list[BaseMessage], max_tokens: int) -> None:
        pieces = stream(model, messages, max_tokens=max_tokens)
        try:
            for piece in pieces:
                if self._stopped.is_set():
                    break  # generation stops at the next token; the model's lock is released
                self._queue.put(piece)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
            self._queue.put(exc)
        finally:
            getattr(pieces, "close", lambda: None)()
            self._queue.put(self._END)

    def until(self, deadline) -> Iterator[str]:
        """Pieces as they come, until the stream ends or `deadline()` (a perf_counter time) passes."""
        while True:
            try:
                item = self._queue.get(timeout=max(0.0, deadline() - time.perf_counter()))
            except queue.Empty:
                self.timed_out = True
                return
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def stop(self) -> None:
        """Ask the thread to stop generating."""
        self._stopped.set()
