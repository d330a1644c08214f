"""A scripted chat model for tests and the `fake` backend; it records what it was sent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field


def echo_reply(messages: list[BaseMessage]) -> str:
    """A readable echo of the last message (tests read the whole prompt from `calls`)."""
    last = " ".join(str(messages[-1].content).split()) if messages else ""
    return f"(echo) {last[-400:]}"


class FakeChatModel(BaseChatModel):
    """Replies with scripted responses in turn, or echoes the last message when none are left."""

    responses: list[str] = Field(default_factory=list)
    calls: list[list[BaseMessage]] = Field(default_factory=list)
    fail_with: str | None = None

    @property
    def _llm_type(self) -> str:
        return "coach-fake"

    @property
    def last_prompt(self) -> list[BaseMessage]:
        """The messages of the latest call."""
        return self.calls[-1]

    def _next_reply(self, messages: list[BaseMessage]) -> str:
        self.calls.append(list(messages))
        if self.fail_with:
            from coach.errors import BackendError

            raise BackendError(self.fail_with)
        if self.responses:
            return self.responses.pop(0)
        return echo_reply(messages)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._next_reply(messages)))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        reply = self._next_reply(messages)
        for index, word in enumerate(reply.split(" ")):
            piece = word if index == 0 else " " + word
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
