"""Pushing the actions outbox to webhook endpoints: signed, in order, at least once.

Each endpoint has a cursor: the last action it acknowledged with a 2xx. A pass sends it the
actions after its cursor one at a time, oldest first (requeued dead letters before them), and
moves the cursor only on a 2xx, so a receiver that is down gets the whole backlog, in order, when
it returns; a crash between its 2xx and the cursor's update repeats one delivery with the same
delivery id, which the receiver drops. A failure (a non-2xx answer, a timeout, a refused
connection) stops the endpoint until `next_attempt_at`, `base_delay` doubled per consecutive
failure up to `max_delay`; after `max_attempts` failures that action goes to the dead-letter list
(workflow.webhooks.replay requeues it) and the endpoint moves on, so one action its receiver
refuses cannot hold back every later one. No database transaction stays open across an HTTP call.
Run one deliverer per store (`leakwatch webhook deliver`, a systemd unit).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

import httpx
from sqlalchemy import select

from leakwatch import __version__
from leakwatch.errors import UsageError
from leakwatch.store.db import Store
from leakwatch.store.models import ActionEvent, WebhookDeadLetter, WebhookEndpoint, utcnow
from leakwatch.workflow.outbox import record_of
from leakwatch.workflow.webhooks import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    delivery_id,
    secret_of,
    sign,
)

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try: attempts per action before it is dead-lettered, the backoff's first and
    largest delay (seconds), the HTTP timeout, and the most deliveries to one endpoint per pass."""

    max_attempts: int = 8
    base_delay: float = 30.0
    max_delay: float = 3600.0
    timeout: float = 10.0
    batch: int = 100

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.batch < 1:
            raise UsageError("max attempts and batch must be at least 1")
        if not 0 <= self.base_delay <= self.max_delay or self.timeout <= 0:
            raise UsageError("delays must satisfy 0 <= base <= max, and the timeout be positive")

    def delay(self, failures: int) -> timedelta:
        """The wait after the `failures`-th consecutive failure (1, 2, ...)."""
        return timedelta(seconds=min(self.base_delay * 2 ** max(failures - 1, 0), self.max_delay))


@dataclass(frozen=True, slots=True)
class Outcome:
    """One attempt's result; `error` is a short reason (never the URL, body or secret)."""

    ok: bool
    error: str | None = None


class Sender(Protocol):
    def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Outcome: ...


class HttpSender:
    """POSTs with httpx: bounded timeouts, no redirects followed (a redirect is a failure), and
    the answer's body never read: only its status counts, so no receiver can flood memory."""

    def __init__(self, timeout: float = 10.0) -> None:
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)), follow_redirects=False
        )

    def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Outcome:
        try:
            with self._client.stream("POST", url, content=body, headers=headers) as response:
                code = response.status_code
        except httpx.HTTPError as exc:
            return Outcome(False, type(exc).__name__)
        if 200 <= code < 300:
            return Outcome(True)
        return Outcome(False, f"HTTP {code}")

    def close(self) -> None:
        self._client.close()


@dataclass
class PassReport:
    """What passes did: deliveries acknowledged, attempts failed, actions dead-lettered."""

    delivered: int = 0
    failed: int = 0
    dead: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: PassReport) -> None:
        self.delivered += other.delivered
        self.failed += other.failed
        self.dead += other.dead
        self.errors += other.errors


@dataclass(frozen=True, slots=True)
class _Job:
    endpoint_id: int
    url: str
    body: bytes
    headers: dict[str, str]
    action_id: int
    dead_letter_id: int | None


def encode(wire: dict[str, object]) -> bytes:
    """The body's bytes: compact, key-sorted JSON in UTF-8 (what the signature covers)."""
    return json.dumps(wire, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


class Deliverer:
    """Delivers every endpoint's backlog; `clock` and `sleep` are injectable for tests."""

    def __init__(
        self,
        store: Store,
        sender: Sender | None = None,
        policy: RetryPolicy | None = None,
        clock: Clock = utcnow,
    ) -> None:
        if store.keys is None:
            raise UsageError("delivery needs the store's key to unseal webhook secrets")
        self.store = store
        self.policy = policy or RetryPolicy()
        self.sender: Sender = sender or HttpSender(self.policy.timeout)
        self.clock = clock

    def run_once(self) -> PassReport:
        """One pass: each live endpoint that is due gets what is waiting for it."""
        report = PassReport()
        with self.store.session() as s:
            ids = list(
                s.scalars(
                    select(WebhookEndpoint.id)
                    .where(WebhookEndpoint.removed_at.is_(None))
                    .order_by(WebhookEndpoint.id)
                )
            )
        for endpoint_id in ids:
            for _ in range(self.policy.batch):
                job = self._next(endpoint_id)
                if job is None:
                    break
                if not self._settle(job, self.sender(job.url, job.body, job.headers), report):
                    break
        return report

    def run(
        self,
        *,
        poll: float = 2.0,
        passes: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
        on_pass: Callable[[PassReport], None] | None = None,
    ) -> PassReport:
        """Pass after pass (`passes` of them, or until interrupted), resting `poll` seconds
        after a pass that found nothing to deliver; `on_pass` sees each pass's report."""
        total = PassReport()
        done = 0
        while passes is None or done < passes:
            report = self.run_once()
            if on_pass is not None:
                on_pass(report)
            total.add(report)
            done += 1
            if report.delivered == 0 and report.dead == 0 and (passes is None or done < passes):
                sleep(poll)
        return total

    def _next(self, endpoint_id: int) -> _Job | None:
        """The endpoint's next delivery, if it is due: a requeued dead letter, else the first
        action after its cursor."""
        keys = self.store.keys
        assert keys is not None
        with self.store.session() as s:
            ep = s.get(WebhookEndpoint, endpoint_id)
            if ep is None or ep.removed_at is not None:
                return None
            if ep.next_attempt_at is not None and ep.next_attempt_at > self.clock():
                return None
            dead = s.scalars(
                select(WebhookDeadLetter)
                .where(
                    WebhookDeadLetter.endpoint_id == ep.id,
                    WebhookDeadLetter.requeued_at.is_not(None),
                    WebhookDeadLetter.delivered_at.is_(None),
                )
                .order_by(WebhookDeadLetter.action_id)
                .limit(1)
            ).first()
            if dead is not None:
                row = s.get(ActionEvent, dead.action_id)
            else:
                row = s.scalars(
                    select(ActionEvent)
                    .where(ActionEvent.id > ep.cursor)
                    .order_by(ActionEvent.id)
                    .limit(1)
                ).first()
            if row is None:
                return None
            secret = secret_of(keys, ep)
            body = encode(record_of(row).wire())
            headers = {
                "Content-Type": "application/json",
                "User-Agent": f"leakwatch/{__version__}",
                SIGNATURE_HEADER: sign(secret, body),
                DELIVERY_HEADER: delivery_id(ep.uid, row.id),
                EVENT_HEADER: row.event,
            }
            return _Job(ep.id, ep.url, body, headers, row.id, dead.id if dead else None)

    def _settle(self, job: _Job, outcome: Outcome, report: PassReport) -> bool:
        """Record an attempt's outcome; True when the endpoint may take its next delivery now."""
        now = self.clock()
        with self.store.session() as s:
            ep = s.get(WebhookEndpoint, job.endpoint_id)
            if ep is None:
                return False
            dead = s.get(WebhookDeadLetter, job.dead_letter_id) if job.dead_letter_id else None
            if outcome.ok:
                if dead is not None:
                    dead.delivered_at = now
                else:
                    ep.cursor = max(ep.cursor, job.action_id)
                ep.failures, ep.next_attempt_at, ep.last_error = 0, None, None
                ep.delivered += 1
                report.delivered += 1
                return True
            report.failed += 1
            report.errors.append(f"webhook {ep.id}, action {job.action_id}: {outcome.error}")
            ep.failures += 1
            ep.last_error = (outcome.error or "failed")[:300]
            if ep.failures < self.policy.max_attempts:
                ep.next_attempt_at = now + self.policy.delay(ep.failures)
                return False
            if dead is not None:  # a replay that failed again waits for the next replay
                dead.requeued_at = None
                dead.attempts += ep.failures
                dead.last_error = ep.last_error
                dead.dead_at = now
            else:
                s.add(
                    WebhookDeadLetter(
                        endpoint_id=ep.id,
                        action_id=job.action_id,
                        attempts=ep.failures,
                        last_error=ep.last_error,
                        dead_at=now,
                    )
                )
                ep.cursor = max(ep.cursor, job.action_id)
            ep.failures, ep.next_attempt_at = 0, None
            report.dead += 1
            return True
