"""Webhook endpoints (admin): where the actions outbox is pushed, and how each push is signed.

An endpoint is a URL and a shared secret. leakwatch makes the secret (256 random bits), shows it
once and keeps it only sealed under the store's key (AES-GCM, bound to the endpoint's uid), so a
copy of the database alone signs nothing and no listing or log shows it. A delivery is a POST of
the action's JSON with `X-Leakwatch-Signature: sha256=<HMAC-SHA256 of the raw body under the
secret>`, `X-Leakwatch-Delivery` (a UUID that stays the same across retries of one action to one
endpoint, so a receiver can drop duplicates) and `X-Leakwatch-Event` (workflow.outbox.ActionKind).
A new endpoint receives actions from the moment it is added (`backfill`: from the first one).
Deliveries that ran out of retries wait in the dead-letter list until `replay` requeues them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leakwatch.errors import Conflict, NotFound, PermissionDenied, UsageError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, fetch
from leakwatch.store.models import WebhookDeadLetter, WebhookEndpoint, utcnow
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.outbox import last_id
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

SIGNATURE_HEADER = "X-Leakwatch-Signature"
DELIVERY_HEADER = "X-Leakwatch-Delivery"
EVENT_HEADER = "X-Leakwatch-Event"
MAX_URL = 2000
#: Managing endpoints is an admin's business, like tokens: the operation admins alone hold.
MANAGE = Operation.MANAGE_USERS


@dataclass(frozen=True, slots=True)
class EndpointView:
    """An endpoint as an admin sees it: never its secret."""

    id: int
    url: str
    created_at: datetime
    removed: bool
    cursor: int
    delivered: int
    failures: int
    next_attempt_at: datetime | None
    last_error: str | None
    dead_letters: int


@dataclass(frozen=True, slots=True)
class NewEndpoint:
    """A registered endpoint and its secret, shown this once."""

    view: EndpointView
    secret: str


@dataclass(frozen=True, slots=True)
class DeadLetterView:
    id: int
    endpoint_id: int
    action_id: int
    attempts: int
    last_error: str | None
    dead_at: datetime
    requeued: bool
    delivered: bool


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for `body`."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_ok(secret: str, body: bytes, header: str | None) -> bool:
    """What a receiver checks: the header matches the body (constant-time comparison)."""
    return header is not None and hmac.compare_digest(sign(secret, body), header)


def delivery_id(endpoint_uid: str, action_id: int) -> str:
    """The same id for every attempt (and replay) of one action to one endpoint."""
    return str(uuid.uuid5(uuid.UUID(endpoint_uid), str(action_id)))


def _aad(uid: str) -> str:
    return f"leakwatch webhook secret\x00{uid}"


def secret_of(keys: KeyRing, endpoint: WebhookEndpoint) -> str:
    return keys.open(endpoint.secret_nonce, endpoint.secret_cipher, _aad(endpoint.uid))


def reseal(session: Session, old: KeyRing, new: KeyRing) -> int:
    """Seal every endpoint's secret under `new` (a key rotation, store.rotate); returns how many."""
    count = 0
    for ep in session.scalars(select(WebhookEndpoint)):
        ep.secret_nonce, ep.secret_cipher = new.seal(secret_of(old, ep), _aad(ep.uid))
        count += 1
    session.flush()
    return count


def check_url(url: str) -> str:
    """An http(s) URL with a host and no credentials in it (they belong in the secret)."""
    url = url.strip()
    if len(url) > MAX_URL:
        raise UsageError(f"the URL is longer than {MAX_URL} characters")
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port out of range or not a number raises here
    except ValueError:
        raise UsageError("not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError("a webhook URL starts with https:// (or http://) and names a host")
    if parts.username or parts.password:
        raise UsageError("a webhook URL carries no user or password; the secret signs deliveries")
    return url


def _admin(principal: Principal) -> None:
    try:
        require(principal, MANAGE)
    except PermissionDenied:
        raise PermissionDenied(
            f"role {principal.role.value} may not manage webhooks (an admin does)"
        ) from None


def _view(session: Session, ep: WebhookEndpoint) -> EndpointView:
    dead = session.scalar(
        select(func.count())
        .select_from(WebhookDeadLetter)
        .where(WebhookDeadLetter.endpoint_id == ep.id, WebhookDeadLetter.delivered_at.is_(None))
    )
    return EndpointView(
        ep.id,
        ep.url,
        ep.created_at,
        ep.removed_at is not None,
        ep.cursor,
        ep.delivered,
        ep.failures,
        ep.next_attempt_at,
        ep.last_error,
        int(dead or 0),
    )


def _keys(store: Store) -> KeyRing:
    if store.keys is None:
        raise UsageError("webhook secrets need the store's key: open the store with its key")
    return store.keys


def add_endpoint(
    store: Store, principal: Principal, url: str, *, backfill: bool = False
) -> NewEndpoint:
    """Register an endpoint (admin); its secret is returned once and never again."""
    _admin(principal)
    url = check_url(url)
    keys = _keys(store)
    secret = secrets.token_urlsafe(32)
    uid = str(uuid.uuid4())
    nonce, cipher = keys.seal(secret, _aad(uid))
    with store.session() as s:
        ep = WebhookEndpoint(
            uid=uid,
            url=url,
            secret_nonce=nonce,
            secret_cipher=cipher,
            created_by=principal.id,
            cursor=0 if backfill else last_id(s),
            failures=0,
            delivered=0,
        )
        s.add(ep)
        s.flush()
        record(
            s,
            principal.name,
            EventType.WEBHOOK_ADDED,
            f"webhook:{ep.id}",
            {"host": urlsplit(url).hostname, "cursor": ep.cursor},
        )
        return NewEndpoint(_view(s, ep), secret)


def list_endpoints(
    store: Store, principal: Principal, *, removed: bool = False
) -> list[EndpointView]:
    _admin(principal)
    with store.session() as s:
        q = select(WebhookEndpoint).order_by(WebhookEndpoint.id)
        if not removed:
            q = q.where(WebhookEndpoint.removed_at.is_(None))
        return [_view(s, ep) for ep in s.scalars(q)]


def _live(session: Session, endpoint_id: int) -> WebhookEndpoint:
    ep = fetch(session, WebhookEndpoint, endpoint_id, "webhook")
    if ep.removed_at is not None:
        raise NotFound(f"no webhook {endpoint_id}")
    return ep


def remove_endpoint(store: Store, principal: Principal, endpoint_id: int) -> EndpointView:
    """Stop delivering to an endpoint (admin); its history and dead letters stay on record."""
    _admin(principal)
    with store.session() as s:
        ep = _live(s, endpoint_id)
        ep.removed_at = utcnow()
        s.flush()
        record(s, principal.name, EventType.WEBHOOK_REMOVED, f"webhook:{ep.id}", {})
        return _view(s, ep)


def rotate_secret(store: Store, principal: Principal, endpoint_id: int) -> NewEndpoint:
    """A new secret for an endpoint (admin), returned once; the old one stops signing at once.
    The cursor stays, so the receiver misses nothing while it switches."""
    _admin(principal)
    keys = _keys(store)
    secret = secrets.token_urlsafe(32)
    with store.session() as s:
        ep = _live(s, endpoint_id)
        ep.secret_nonce, ep.secret_cipher = keys.seal(secret, _aad(ep.uid))
        s.flush()
        record(s, principal.name, EventType.WEBHOOK_SECRET_ROTATED, f"webhook:{ep.id}", {})
        return NewEndpoint(_view(s, ep), secret)


def dead_letters(
    store: Store, principal: Principal, endpoint_id: int | None = None
) -> list[DeadLetterView]:
    """The deliveries not yet got through after every retry, oldest action first."""
    _admin(principal)
    with store.session() as s:
        q = select(WebhookDeadLetter).where(WebhookDeadLetter.delivered_at.is_(None))
        if endpoint_id is not None:
            q = q.where(WebhookDeadLetter.endpoint_id == endpoint_id)
        q = q.order_by(WebhookDeadLetter.endpoint_id, WebhookDeadLetter.action_id)
        return [
            DeadLetterView(
                d.id,
                d.endpoint_id,
                d.action_id,
                d.attempts,
                d.last_error,
                d.dead_at,
                d.requeued_at is not None,
                d.delivered_at is not None,
            )
            for d in s.scalars(q)
        ]


def replay(store: Store, principal: Principal, endpoint_id: int, *, retry_now: bool = True) -> int:
    """Put an endpoint's dead letters back in line (admin): the deliverer sends them, oldest
    first, before the endpoint's next new action. `retry_now` also lifts a pending backoff.
    Returns how many were requeued."""
    _admin(principal)
    now = utcnow()
    with store.session() as s:
        ep = _live(s, endpoint_id)
        waiting = s.scalars(
            select(WebhookDeadLetter).where(
                WebhookDeadLetter.endpoint_id == ep.id,
                WebhookDeadLetter.delivered_at.is_(None),
                WebhookDeadLetter.requeued_at.is_(None),
            )
        ).all()
        if not waiting:
            raise Conflict(f"webhook {endpoint_id} has no dead letters to replay")
        for d in waiting:
            d.requeued_at = now
        if retry_now:
            ep.next_attempt_at = None
            ep.failures = 0
        s.flush()
        record(
            s,
            principal.name,
            EventType.WEBHOOK_REPLAYED,
            f"webhook:{ep.id}",
            {"actions": [d.action_id for d in waiting]},
        )
        return len(waiting)
