"""One place that wires settings to the knowledge base, model, store and features (for the CLI and the UI)."""

from __future__ import annotations

import threading
from datetime import date
from functools import cached_property

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage

from coach.config import Settings
from coach.embeddings import Embedder, get_embedder
from coach.feedback import Feedback, feedback
from coach.interview import InterviewSession
from coach.knowledge import KnowledgeBase, open_client
from coach.llm import complete, get_chat_model
from coach.questions import PlanRequest, QuestionPlan, plan_questions
from coach.review import Review, Rewrite, review, rewrite
from coach.store import Store
from coach.tokens import TokenCounter, get_token_counter


class Services:
    """Lazily built components for one configuration; safe to share between threads."""

    def __init__(self, settings: Settings, model: BaseChatModel | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self._model = model
        self._embedder = embedder
        self._lock = threading.Lock()

    @cached_property
    def embedder(self) -> Embedder:
        return self._embedder or get_embedder(self.settings)

    @cached_property
    def kb(self) -> KnowledgeBase:
        return KnowledgeBase(open_client(self.settings), self.embedder)

    @property
    def model(self) -> BaseChatModel:
        with self._lock:
            if self._model is None:
                self._model = get_chat_model(self.settings)
            return self._model

    @cached_property
    def count_tokens(self) -> TokenCounter:
        return get_token_counter(self.settings, self.model)

    def store(self, owner: str | None = None) -> Store:
        """The store for an owner (the configured local owner by default)."""
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        return Store(self.settings.db_path, owner=owner or self.settings.owner)

    def test_connection(self) -> str:
        """A one-token generation; raises BackendError/ConfigError with an actionable message."""
        reply = complete(self.model, [HumanMessage(content="Say OK.")], max_tokens=1)
        return f"{self.settings.model_label} answered ({reply.strip()[:20]!r})"

    def plan(self, request: PlanRequest) -> QuestionPlan:
        """A question plan; the fake backend contributes nothing, so the plan is notes and bank."""
        model = None if self.settings.backend == "fake" else self.model
        return plan_questions(request, self.kb, model, self.embedder, self.count_tokens if model is not None else None)

    def review(self, text: str, kind: str = "outreach", channel: str = "email",
               meeting_date: date | str | None = None, sent_date: date | str | None = None) -> Review:
        return review(text, kind, channel, meeting_date or None, sent_date or None)

    def rewrite(self, draft: Review, profile: str = "") -> Rewrite:
        return rewrite(draft, self.model, profile)

    def start_interview(self, role: str, temperament: str = "warm", minutes: int = 20, bio: str | None = None,
                        store: Store | None = None) -> InterviewSession:
        return InterviewSession.start(store or self.store(), self.kb, self.model, self.count_tokens, role, temperament, minutes, bio,
                                      context_size=self.settings.context_size, max_tokens=self.settings.max_tokens)

    def open_interview(self, session_id: str, store: Store | None = None) -> InterviewSession:
        return InterviewSession(store or self.store(), session_id, self.kb, self.model, self.count_tokens,
                                context_size=self.settings.context_size, max_tokens=self.settings.max_tokens)

    def end_interview(self, session: InterviewSession) -> Feedback:
        """Feedback for a session, saved with it."""
        result = feedback(session.transcript(), None if self.settings.backend == "fake" else self.model)
        session.store.save_feedback(session.session_id, result.model_dump(mode="json"))
        session.store.end_session(session.session_id)
        return result
