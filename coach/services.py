"""The one front door for the CLI and the pages: settings wired to the model, index, store and features."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage

from coach import limits
from coach.config import Settings, get_settings
from coach.embeddings import Embedder, get_embedder
from coach.export import session_markdown
from coach.feedback import Feedback, feedback
from coach.guards import clean_user_text
from coach.interview import InterviewSession, Reply
from coach.knowledge import SHIPPED, UPLOAD, USER, Hit, IngestReport, KnowledgeBase, open_client
from coach.llm import complete, get_chat_model
from coach.planner import PLAN_AREAS, PlanRequest, QuestionPlan, plan_questions
from coach.polish import Polish, polish, rewrite
from coach.review import LIMITS, Review, counts, review
from coach.rubric.base import Finding
from coach.rubric.fixes import Edit, FixResult, apply_edits, fix_message, suggest
from coach.rubric.transcript import load_transcript
from coach.store import Store
from coach.tokens import TokenCounter, get_token_counter

if TYPE_CHECKING:
    from coach.contact_store import ContactStore
    from coach.contacts import Funnel
    from coach.doctor import Check
    from coach.network_io import ImportResult
    from coach.reminders import Reminder
    from coach.targets import RankedTarget

# What the faces may use without importing the parts behind this door.
__all__ = [
    "LIMITS",
    "PLAN_AREAS",
    "SHIPPED",
    "USER",
    "Feedback",
    "Finding",
    "Hit",
    "IngestReport",
    "InterviewSession",
    "PlanRequest",
    "QuestionPlan",
    "Reply",
    "Edit",
    "FixResult",
    "Polish",
    "Review",
    "Services",
    "Settings",
    "Store",
    "counts",
    "get_settings",
]
Progress = Callable[[int, int, str], None]


class Services:
    """Lazily built components for one configuration; safe to share between threads."""

    def __init__(self, settings: Settings, model: BaseChatModel | None = None, embedder: Embedder | None = None, owner: str | None = None) -> None:
        self.settings = settings
        self._model = model
        self._embedder = embedder
        self._lock = threading.Lock()
        # Whose sessions, drafts, saved items and notes this object reads and writes (shared mode: the signed-in user).
        self.owner = owner or settings.owner
        self._base: Services | None = None
        self._views: dict[str, Services] = {}

    def for_owner(self, owner: str) -> Services:
        """The same components (model, embedder, index) seen by one user: their store, their notes, the shipped notes."""
        base = self._base or self
        if owner == base.owner:
            return base
        with base._lock:
            view = base._views.get(owner)
            if view is None:
                view = Services(base.settings, owner=owner)
                view._base = base
                base._views[owner] = view
        return view

    @classmethod
    def from_environment(cls) -> Services:
        """Services for the settings in the environment and `.env`."""
        return cls(get_settings())

    # Components

    @cached_property
    def embedder(self) -> Embedder:
        """The embedding function for the index."""
        if self._base is not None:
            return self._base.embedder
        return self._embedder or get_embedder(self.settings)

    @cached_property
    def kb(self) -> KnowledgeBase:
        """The configured knowledge base, as this owner sees it."""
        if self._base is not None:
            return self._base.kb.for_owner(self.owner)
        return KnowledgeBase(open_client(self.settings), self.embedder, self.owner)

    def knowledge(self, db: Path | None = None) -> KnowledgeBase:
        """The configured knowledge base, or one in an explicit embedded-Chroma folder."""
        return self.kb if db is None else KnowledgeBase(open_client(self.settings, db), self.embedder, self.owner)

    @property
    def model(self) -> BaseChatModel:
        """The chat model, built on first use (a local model loads once per Services)."""
        if self._base is not None:
            return self._base.model
        with self._lock:
            if self._model is None:
                self._model = get_chat_model(self.settings)
            return self._model

    @property
    def uses_model(self) -> bool:
        """Whether features that only polish with a model should call one: the fake backend echoes, so it does not."""
        return self.settings.backend != "fake"

    @property
    def polishing_model(self) -> BaseChatModel | None:
        """The model for optional wording (plans, summaries), or None on the fake backend."""
        return self.model if self.uses_model else None

    @cached_property
    def count_tokens(self) -> TokenCounter:
        """Token counting for the configured model."""
        if self._base is not None:
            return self._base.count_tokens
        return get_token_counter(self.settings, self.model)

    def store(self, owner: str | None = None) -> Store:
        """The store for an owner (this object's owner by default)."""
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        return Store(self.settings.db_path, owner=owner or self.owner)

    # Setup and checks

    def test_connection(self) -> str:
        """A one-token generation; raises BackendError/ConfigError with an actionable message."""
        reply = complete(self.model, [HumanMessage(content="Say OK.")], max_tokens=1)
        return f"{self.settings.model_label} answered ({reply.strip()[:20]!r})"

    def setup(self, progress: Progress | None = None) -> tuple[dict[str, Path], IngestReport]:
        """Prepare verified offline files, then bring the shipped notes' index up to date."""
        from coach.assets import prepare_all

        prepared = prepare_all(self.settings.models_dir)
        return prepared, self.kb.ingest(self.settings.knowledge_dir, progress=progress)

    def local_runtime(self) -> str:
        """How the bundled llama.cpp model runs on this CPU (probed once, in child processes); BackendError if it cannot."""
        from coach.assets import bundled_gguf
        from coach.local_model import runtime_choice
        from coach.local_runtime import llama_version

        if self.settings.backend != "local":
            return f"not used (backend {self.settings.backend})"
        choice = runtime_choice(self.settings.model_path or bundled_gguf(), self.settings.models_dir, self.settings.llama_repack)
        return f"llama-cpp-python {llama_version()}, {choice.reason}"

    def doctor(self) -> list[Check]:
        """Every health check, each reported rather than raised."""
        from coach.doctor import run_checks

        return run_checks(self)

    def rubric_markdown(self) -> str:
        """The rubric the rules implement, as Markdown."""
        from coach.rubric.docs import rubric_markdown

        return str(rubric_markdown())

    # The knowledge base

    def search(self, query: str, k: int = 5, role: str | None = None, industry: str | None = None) -> list[Hit]:
        """Hybrid search over the notes."""
        if (query or "").strip():  # an empty query gets the index's own message
            limits.query(query, "The search query")
        role, industry = limits.label(role, "The role"), limits.label(industry, "The industry")
        return self.kb.search(query, k=limits.hits_wanted(k, "The number of hits"), role=role, industry=industry)

    def list_notes(self, mine: bool = False, db: Path | None = None) -> list[dict[str, str]]:
        """The shipped notes, or the user's own."""
        return self.knowledge(db).list_notes(USER if mine else SHIPPED)

    def note_text(self, path: str, mine: bool = False) -> str:
        """The Markdown of one indexed note."""
        return self.kb.note_text(path, USER if mine else SHIPPED)

    def roles(self) -> list[str]:
        """The roles of the shipped notes, sorted."""
        return sorted({note["role"] for note in self.kb.list_notes()})

    def add_notes(self, paths: Iterable[Path], uploaded: bool = False) -> IngestReport:
        """Index the user's own files (uploaded ones come from a temporary folder, so only their name identifies them)."""
        return self.kb.add_user_files(paths, origin=UPLOAD if uploaded else None)

    def remove_notes(self, names: Sequence[str] | None) -> int:
        """Remove the user's own notes (all of them for None)."""
        return self.kb.remove_user_notes(names)

    def reindex(self, progress: Progress | None = None) -> IngestReport:
        """Bring the shipped notes' index up to date."""
        return self.kb.ingest(self.settings.knowledge_dir, progress=progress)

    # Features

    def plan(self, request: PlanRequest) -> QuestionPlan:
        """A question plan; without a model the plan is notes and bank."""
        limits.questions_wanted(request.count, "The number of questions")
        limits.label(request.role, "The role")  # an empty role gets the planner's own message
        for value, what in ((request.industry, "The industry"), (request.company, "The company")):
            limits.label(value, what)
        limits.label(request.goal, "The goal", max_chars=limits.MAX_GOAL_CHARS)
        model = self.polishing_model
        return plan_questions(request, self.kb, model, self.embedder, self.count_tokens if model is not None else None)

    def review(
        self, text: str, kind: str = "outreach", channel: str = "email", meeting_date: date | str | None = None, sent_date: date | str | None = None
    ) -> Review:
        """Lint a message against the rubric (dates strict, a thank-you sent after its meeting)."""
        meeting, sent = limits.day(meeting_date or None, "The meeting date"), limits.day(sent_date or None, "The sent date")
        limits.meeting_then_sent(meeting, sent, "the meeting date", "The sent date")
        return review(limits.message(text or ""), kind, channel, meeting, sent)  # type: ignore[arg-type]

    def fix(
        self,
        text: str,
        kind: str = "outreach",
        channel: str = "email",
        meeting_date: date | str | None = None,
        sent_date: date | str | None = None,
        unsafe: bool = False,
    ) -> FixResult:
        """The draft with the rubric's fixes made: safe edits, and unsafe ones when asked; no model is involved."""
        return fix_message(clean_user_text(text, "message"), kind, channel, meeting_date or None, sent_date or None, unsafe=unsafe)  # type: ignore[arg-type]

    def suggest(
        self, text: str, kind: str = "outreach", channel: str = "email", meeting_date: date | str | None = None, sent_date: date | str | None = None
    ) -> tuple[str, list[Edit]]:
        """Every fix's edits on the draft itself, for the writer to accept or reject one by one; and the text they apply to."""
        return suggest(clean_user_text(text, "message"), kind, channel, meeting_date or None, sent_date or None)  # type: ignore[arg-type]

    def apply_edits(self, text: str, edits: Sequence[Edit]) -> str:
        """The text with the accepted edits made."""
        return apply_edits(text, edits)

    def rewrite(self, draft: Review, profile: str = "", unsafe: bool = False, force: bool = False) -> Polish:
        """Fix a reviewed draft, then have the model polish the fixed draft; its text is shown only if it passes the gate."""
        return rewrite(draft, self.model, profile, unsafe, force)

    def polish(self, start: Review, profile: str = "", original: str = "", force: bool = False) -> Polish:
        """Have the model polish a draft the writer already fixed (a draft with no findings only when forced)."""
        return polish(start, self.model, profile, original, force)

    def transcript_feedback(self, path: Path, summary: bool = True) -> Feedback:
        """Feedback on a transcript file (size, nesting and turns checked first); the summary is worded by the model when there is one."""
        if Path(path).is_file():
            limits.transcript_json(Path(path).read_bytes().decode("utf-8", "replace"), f"Transcript file {path}")
        return feedback(load_transcript(path), self.polishing_model if summary else None)

    # The interview

    def start_interview(self, role: str, temperament: str = "warm", minutes: int = 20, bio: str | None = None, store: Store | None = None) -> InterviewSession:
        """A new saved session with a persona for the role."""
        role = limits.label(role, "The role") or role  # an empty role gets the persona's own message
        return InterviewSession.start(
            store or self.store(),
            self.kb,
            self.model,
            self.count_tokens,
            role,
            temperament,
            minutes,
            bio,
            context_size=self.settings.context_size,
            max_tokens=self.settings.max_tokens,
        )

    def open_interview(self, session_id: str, store: Store | None = None) -> InterviewSession:
        """A saved session, loaded once."""
        return InterviewSession(
            store or self.store(),
            session_id,
            self.kb,
            self.model,
            self.count_tokens,
            context_size=self.settings.context_size,
            max_tokens=self.settings.max_tokens,
        )

    def ask(self, session: InterviewSession, text: str) -> Reply:
        """Save the student's turn and stream the reply; the session checks and saves the reply when it has streamed."""
        return session.ask(text)

    def export_json(self, session_id: str, store: Store | None = None) -> dict:
        """A saved session as JSON: every turn, each reply with its source, grounding and timings."""
        from coach.export import session_json

        return session_json(store or self.store(), session_id)

    def list_interviews(self, limit: int = 100, store: Store | None = None) -> list:
        """The saved sessions, newest first."""
        return (store or self.store()).list_sessions(limit)

    def export_markdown(self, session_id: str, store: Store | None = None) -> str:
        """A saved session as a Markdown transcript, with its feedback."""
        return session_markdown(store or self.store(), session_id)

    def end_interview(self, session: InterviewSession) -> Feedback:
        """Feedback for a session, saved with it."""
        result = feedback(session.transcript(), self.polishing_model)
        session.store.save_feedback(session.session_id, result.model_dump(mode="json"))
        session.store.end_session(session.session_id)
        return result

    # Contacts, reminders and the target list (issue 15)

    def contacts(self, store: Store | None = None) -> ContactStore:
        """The contacts, events and targets of a store's owner (the configured owner by default)."""
        from coach.contact_store import ContactStore

        return ContactStore(store or self.store())

    def reminders(self, contacts: ContactStore, on: date) -> list[Reminder]:
        """Every reminder open on a day (upcoming, due, overdue), the list ordered the LAMP way, oldest first."""
        from coach.reminders import open_reminders
        from coach.targets import list_order

        return open_reminders(list_order(contacts.list_contacts(), contacts.list_targets()), contacts.events(), on)

    def due(self, contacts: ContactStore, on: date) -> list[Reminder]:
        """What is due or overdue on a day, oldest first."""
        return [reminder for reminder in self.reminders(contacts, on) if reminder.status != "upcoming"]

    def funnel(self, contacts: ContactStore, on: date | None = None) -> Funnel:
        """Reached out -> replied -> met -> thanked, with the reply and meeting rates."""
        from coach.contacts import funnel

        return funnel(contacts.events(), on)

    def import_contacts(self, contacts: ContactStore, data: bytes, name: str = "the file", fmt: str = "auto") -> tuple[ImportResult, int]:
        """Read a LinkedIn or plain CSV file whole, then save its new contacts in one transaction; (file, added)."""
        from coach.network_io import read_contacts, without_duplicates

        result = read_contacts(data, name, fmt)  # type: ignore[arg-type]
        fresh, _ = without_duplicates(contacts.list_contacts(), result.contacts)
        contacts.add_contacts(fresh)
        return result, len(fresh)

    def export_contacts(self, contacts: ContactStore) -> str:
        """The contacts as CSV, with stage and last event."""
        from coach.network_io import contacts_csv

        return contacts_csv(contacts.list_contacts(), contacts.events())

    def reminders_calendar(self, contacts: ContactStore, on: date) -> bytes:
        """An .ics file of the reminders open on a day, one event each."""
        from coach.network_io import reminders_ics

        return reminders_ics(self.reminders(contacts, on))

    def targets(self, contacts: ContactStore, notes_per_target: int = 2) -> list[RankedTarget]:
        """The target list in LAMP order, each entry with the role notes that match it."""
        from coach.targets import ranked

        return ranked(contacts.list_targets(), lambda query: self.kb.search(query, k=4), notes_per_target)
