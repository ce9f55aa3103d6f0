"""Shared machinery of the fake platform servers: a real HTTP server on
127.0.0.1, fault injection, per-operation throttling on the shared clock,
opaque cursors, and a request log the tests can assert on.
"""

from __future__ import annotations

import base64
import json
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from tests.fakes.platforms.clock import VirtualClock

FAULT_KINDS = ("429", "500", "timeout", "malformed")


@dataclass
class FaultPlan:
    """What goes wrong and how often.

    ``rate`` is the fraction of API requests answered with one of ``kinds``;
    ``expire_tokens_at`` lists request numbers before which every issued
    token is revoked (a token expiring mid-sync); ``repeat_page`` serves that
    page number twice (under a fresh cursor); ``page_hooks`` run after a page
    number is served (e.g. update an order during paging).
    """

    rate: float = 0.0
    kinds: tuple[str, ...] = FAULT_KINDS
    seed: int = 7
    timeout_sleep: float = 0.6
    expire_tokens_at: set[int] = field(default_factory=set)
    repeat_page: int | None = None
    page_hooks: dict[int, Callable[[], None]] = field(default_factory=dict)


@dataclass
class FakeRequest:
    """One decoded request as the platform handlers see it."""

    method: str
    path: str
    raw_query: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def q(self, name: str) -> str | None:
        """First value of a query parameter."""
        values = self.query.get(name)
        return values[0] if values else None

    def header(self, name: str) -> str:
        """Header value ('' when absent), case-insensitive."""
        return self.headers.get(name.lower(), "")

    def json(self) -> Any:
        """The JSON body (None when empty or invalid)."""
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            return None


@dataclass
class FakeResponse:
    """A response to send in one write."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, payload: Any, **headers: str) -> FakeResponse:
        """JSON response helper."""
        return cls(
            status, json.dumps(payload).encode(), {"Content-Type": "application/json", **headers}
        )


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        request = FakeRequest(
            self.command,
            parts.path,
            parts.query,
            parse_qs(parts.query, keep_blank_values=True),
            {k.lower(): v for k, v in self.headers.items()},
            body,
        )
        response = self.server.fake.dispatch(request)
        if response is None:  # simulated timeout: say nothing, drop the connection
            self.close_connection = True
            return
        reason = self.responses.get(response.status, ("",))[0]
        head = [f"HTTP/1.1 {response.status} {reason}"]
        headers = {"Content-Length": str(len(response.body)), **response.headers}
        if self.server.fake.send_date:
            headers["Date"] = format_datetime(self.server.fake.clock.now(), usegmt=True)
        head += [f"{k}: {v}" for k, v in headers.items()]
        raw = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + response.body
        try:
            self.wfile.write(raw)  # one write: no Nagle/delayed-ACK stalls
        except OSError:
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakePlatform


class FakePlatform:
    """Base of the four fakes: lifecycle, faults, throttling, cursors, logging."""

    #: paths never hit by random faults (token endpoints keep tests readable)
    fault_exempt_prefixes: tuple[str, ...] = ()

    def __init__(self, clock: VirtualClock | None = None, faults: FaultPlan | None = None) -> None:
        self.clock = clock or VirtualClock()
        self.faults = faults or FaultPlan()
        self.lock = threading.RLock()
        self.log: list[FakeRequest] = []
        self.fault_log: list[str] = []
        self.limits: dict[str, tuple[float, float]] = {}
        #: requests refused by the configured rate limits (not injected faults)
        self.over_limit = 0
        #: real seconds every answer takes, like a remote platform's processing and network
        #: time (the benchmarks use it; tests leave it at 0)
        self.latency = 0.0
        #: answer with a ``Date`` header, as HTTP servers do; off: a proxy that strips it
        self.send_date = True
        self._buckets: dict[str, tuple[float, float]] = {}
        self._rng = random.Random(self.faults.seed)
        self._cursor_counter = 0
        self._pages_served = 0
        self._repeated = False
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> Self:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and wake any simulated timeout."""
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- dispatch -------------------------------------------------------------------------

    def dispatch(self, request: FakeRequest) -> FakeResponse | None:
        """Count, maybe fault, then route to the platform handler."""
        with self.lock:
            self.log.append(request)
            number = len(self.log)
            if number in self.faults.expire_tokens_at:
                self.revoke_tokens()
            kind = self._pick_fault(request)
        if kind == "timeout":
            self._stop.wait(self.faults.timeout_sleep)
            return None
        if kind is not None:
            return self.fault_response(kind)
        if self.latency > 0:
            self._stop.wait(self.latency)
        try:
            return self.handle(request)
        except Exception as exc:  # a bug in the fake must be visible, not a hang
            return FakeResponse.json(500, {"fake_error": repr(exc)})

    def _pick_fault(self, request: FakeRequest) -> str | None:
        if self.faults.rate <= 0 or request.path.startswith(self.fault_exempt_prefixes):
            return None
        if self._rng.random() >= self.faults.rate:
            return None
        kind = self._rng.choice(self.faults.kinds)
        self.fault_log.append(kind)
        return kind

    # -- platform hooks -------------------------------------------------------------------

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Route one request (implemented by each platform)."""
        raise NotImplementedError

    def fault_response(self, kind: str) -> FakeResponse:
        """The platform's own shape of an injected fault."""
        if kind == "429":
            return self.throttled(1.0)
        if kind == "500":
            return FakeResponse.json(500, {"errors": "Internal Server Error"})
        return FakeResponse(200, b'{"truncated": ', {"Content-Type": "application/json"})

    def throttled(self, retry_after: float) -> FakeResponse:
        """The platform's 429 (implemented by each platform)."""
        raise NotImplementedError

    def revoke_tokens(self) -> None:
        """Invalidate every issued access token (implemented by each platform)."""
        raise NotImplementedError

    # -- helpers for platforms ------------------------------------------------------------

    def take(self, operation: str) -> float | None:
        """Consume from the operation's bucket; None if allowed, else seconds to wait."""
        spec = self.limits.get(operation)
        if spec is None:
            return None
        rate, burst = spec
        with self.lock:
            now = self.clock.monotonic()
            tokens, updated = self._buckets.get(operation, (burst, now))
            tokens = min(burst, tokens + (now - updated) * rate)
            if tokens >= 1:
                self._buckets[operation] = (tokens - 1, now)
                return None
            self._buckets[operation] = (tokens, now)
            self.over_limit += 1
            return (1 - tokens) / rate

    def remaining(self, operation: str) -> float | None:
        """Tokens left in an operation's bucket (for rate headers)."""
        spec = self.limits.get(operation)
        if spec is None:
            return None
        with self.lock:
            tokens, updated = self._buckets.get(operation, (spec[1], self.clock.monotonic()))
            return min(spec[1], tokens + (self.clock.monotonic() - updated) * spec[0])

    def new_cursor(self) -> str:
        """An opaque token that always contains ``+``, ``/`` and ``=``."""
        with self.lock:
            self._cursor_counter += 1
            raw = b"\xfb\xef\xbe\xff\xff\xff" + self._cursor_counter.to_bytes(4, "big")
        return base64.b64encode(raw).decode()

    def page_served(self, repeat_state: Any, next_state: Any) -> Any:
        """Account a served page; return the state the next cursor should point at.

        Runs page hooks and, once, points the next cursor back at this page.
        """
        with self.lock:
            self._pages_served += 1
            number = self._pages_served
            hook = self.faults.page_hooks.pop(number, None)
            repeat = self.faults.repeat_page == number and not self._repeated
            if repeat:
                self._repeated = True
        if hook is not None:
            hook()
        return repeat_state if repeat else next_state

    def requests_to(self, fragment: str) -> list[FakeRequest]:
        """Logged requests whose path contains ``fragment``."""
        with self.lock:
            return [r for r in self.log if fragment in r.path]
