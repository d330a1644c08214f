"""HTTP for OpenAI-compatible servers: one overall deadline per request, whatever the server sends."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx


class ReplyDeadlineExceeded(httpx.ReadTimeout):
    """The server kept the connection busy (keepalive lines, a trickle) past the whole-reply deadline."""


class _DeadlineStream(httpx.SyncByteStream):
    """A response body that stops once its request's deadline has passed."""

    def __init__(self, inner: httpx.SyncByteStream, deadline: float, seconds: float, request: httpx.Request) -> None:
        self._inner, self._deadline, self._seconds, self._request = inner, deadline, seconds, request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if time.monotonic() > self._deadline:
                raise ReplyDeadlineExceeded(f"no whole reply within {self._seconds:g} s", request=self._request)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class DeadlineTransport(httpx.BaseTransport):
    """httpx's transport, with the whole exchange bounded by `seconds` from the moment it is sent."""

    def __init__(self, seconds: float) -> None:
        self._inner = httpx.HTTPTransport()
        self._seconds = seconds

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = time.monotonic() + self._seconds
        response = self._inner.handle_request(request)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_DeadlineStream(response.stream, deadline, self._seconds, request),
            extensions=response.extensions,
            request=request,
        )

    def close(self) -> None:
        self._inner.close()


def deadline_timeout(connect: float, first_byte: float, whole: float) -> httpx.Timeout:
    """Connect within `connect`, hear each byte within `first_byte` (never beyond `whole`) seconds."""
    return httpx.Timeout(connect=connect, read=min(first_byte, whole), write=min(first_byte, whole), pool=connect)


def deadline_client(connect: float, first_byte: float, whole: float) -> httpx.Client:
    """A client that connects within `connect`, hears a first byte within `first_byte`, finishes within `whole` seconds."""
    return httpx.Client(transport=DeadlineTransport(whole), timeout=deadline_timeout(connect, first_byte, whole))
