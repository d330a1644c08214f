"""Fault injection: a local OpenAI-compatible stub that stalls, trickles keepalives, talks garbage or fails.

Each failure ends within the configured deadline with one line naming the server; the API key is sent
only to the server it was configured for.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from langchain_core.messages import HumanMessage

from coach.config import Settings
from coach.errors import BackendError
from coach.llm import complete, get_chat_model, stream

PROMPT = [HumanMessage(content="Say OK.")]
STUB_SECONDS = 20  # every stub connection closes by itself after this, whatever the client does


class Stub(BaseHTTPRequestHandler):
    """Answers every POST as its server's `behaviour` says, and records the Authorization header."""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        self.server.seen_keys.append(self.headers.get("authorization"))  # type: ignore[attr-defined]
        behaviour = self.server.behaviour  # type: ignore[attr-defined]
        if behaviour == "silent":
            time.sleep(STUB_SECONDS)
        elif behaviour == "keepalive":
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.end_headers()
            stop = time.monotonic() + STUB_SECONDS
            try:
                while time.monotonic() < stop:
                    self.wfile.write(b": keepalive\n\n")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif behaviour == "garbage":
            body = bytes(range(256)) * 4
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif behaviour == "500":
            body = b'{"error": {"message": "internal failure"}}'
            self.send_response(500)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:  # "ok": a minimal chat completion
            body = (
                b'{"id":"x","object":"chat.completion","created":0,"model":"stub","choices":[{"index":0,'
                b'"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}]}'
            )
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


def start_stub(behaviour: str) -> ThreadingHTTPServer:
    """A stub server on a free loopback port, serving in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.daemon_threads = True
    server.behaviour = behaviour  # type: ignore[attr-defined]
    server.seen_keys = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def stub(request: pytest.FixtureRequest) -> Iterator[ThreadingHTTPServer]:
    server = start_stub(request.param)
    yield server
    server.shutdown()
    server.server_close()


def url_of(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/v1"


def stub_settings(server: ThreadingHTTPServer, **extra: object) -> Settings:
    return Settings(
        backend="openai-compatible", openai_base_url=url_of(server), connect_timeout=1, first_byte_timeout=1.5, request_timeout=2.5, _env_file=None, **extra
    )


@pytest.mark.parametrize(
    ("stub", "expected"),
    [
        ("silent", "did not answer in time"),
        ("keepalive", "did not answer in time"),
        ("garbage", "not an OpenAI-compatible response"),
        ("500", "HTTP 500"),
    ],
    indirect=["stub"],
)
@pytest.mark.parametrize("call", ["complete", "stream"])
def test_a_faulty_server_fails_within_the_deadline_naming_the_server(stub, expected: str, call: str) -> None:
    model = get_chat_model(stub_settings(stub))
    start = time.monotonic()
    with pytest.raises(BackendError) as caught:
        if call == "complete":
            complete(model, PROMPT)
        else:
            "".join(stream(model, PROMPT))
    elapsed = time.monotonic() - start
    message = str(caught.value)
    assert elapsed < 2.5 + 1.0, f"took {elapsed:.1f} s"
    assert url_of(stub) in message and expected in message and "\n" not in message
    assert len(stub.seen_keys) == 1, "a hidden retry doubled the deadline"


@pytest.mark.parametrize("stub", ["silent"], indirect=True)
def test_a_server_that_never_starts_answering_fails_at_the_first_byte_deadline_not_the_whole_one(stub) -> None:
    settings = Settings(
        backend="openai-compatible", openai_base_url=url_of(stub), connect_timeout=1, first_byte_timeout=1.0, request_timeout=15, _env_file=None
    )
    model = get_chat_model(settings)
    start = time.monotonic()
    with pytest.raises(BackendError, match="did not answer in time"):
        "".join(stream(model, PROMPT))
    assert time.monotonic() - start < 1.0 + 1.5, "the first-byte deadline was not applied"


@pytest.mark.parametrize("stub", ["ok"], indirect=True)
def test_a_healthy_server_still_answers(stub) -> None:
    assert complete(get_chat_model(stub_settings(stub)), PROMPT) == "OK"


def test_the_api_key_goes_only_to_the_server_it_was_configured_for() -> None:
    configured, elsewhere = start_stub("ok"), start_stub("ok")
    try:
        settings = Settings(backend="openai-compatible", openai_base_url=url_of(configured), openai_api_key="sk-test-secret", _env_file=None)
        complete(get_chat_model(settings), PROMPT)
        redirected = settings.model_copy(update={"openai_base_url": url_of(elsewhere)})  # what a browser override does
        complete(get_chat_model(redirected), PROMPT)
        assert configured.seen_keys == ["Bearer sk-test-secret"]
        assert elsewhere.seen_keys and all("sk-test-secret" not in (key or "") for key in elsewhere.seen_keys)
    finally:
        for server in (configured, elsewhere):
            server.shutdown()
            server.server_close()


def test_a_key_typed_for_a_new_server_is_sent_there() -> None:
    server = start_stub("ok")
    try:
        base = Settings(backend="openai-compatible", openai_base_url="http://127.0.0.1:9/v1", openai_api_key="sk-env", _env_file=None)
        mine = base.model_copy(update={"openai_base_url": url_of(server), "openai_api_key": "sk-mine", "key_bound_url": url_of(server)})
        complete(get_chat_model(mine), PROMPT)
        assert server.seen_keys == ["Bearer sk-mine"]
    finally:
        server.shutdown()
        server.server_close()
