"""A platform's webhook receiver on loopback, for the webhook tests: a real HTTP server in a
thread that checks every signature, records what it accepted, and can be told to fail."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from leakwatch.store.models import utcnow
from leakwatch.workflow.webhooks import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    signature_ok,
)


@dataclass
class Receiver:
    """A platform's receiver: checks each signature, records what it accepted (by delivery id,
    dropping duplicates as a receiver should), answers `status` (or 400 to `refuse`d ids)."""

    secret: str = ""
    status: int = 200
    refuse: set[int] = field(default_factory=set)
    accepted: list[dict[str, Any]] = field(default_factory=list)
    delivery_ids: list[str] = field(default_factory=list)
    bad_signatures: int = 0
    hits: int = 0
    delay: float = 0.0
    redirect: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.redirect:
                    self.send_response(307)
                    self.send_header("Location", receiver.url)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                time.sleep(receiver.delay)
                with receiver.lock:
                    receiver.hits += 1
                    code = receiver._handle(body, dict(self.headers.items()))
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()
        self.server = None

    def _handle(self, body: bytes, headers: dict[str, str]) -> int:
        if not signature_ok(self.secret, body, headers.get(SIGNATURE_HEADER)):
            self.bad_signatures += 1
            return 401
        if self.status != 200:
            return self.status
        action = json.loads(body)
        if action["id"] in self.refuse:
            return 400
        assert headers[EVENT_HEADER] == action["event"]
        if headers[DELIVERY_HEADER] not in self.delivery_ids:
            self.delivery_ids.append(headers[DELIVERY_HEADER])
            self.accepted.append(action)
        return 204


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    """A receiver listening on a free loopback port until the block ends."""
    r = Receiver()
    r.start()
    try:
        yield r
    finally:
        if r.server is not None:
            r.stop()
