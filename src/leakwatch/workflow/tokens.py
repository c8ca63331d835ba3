"""API tokens: create (shown once), list, revoke, and turn a presented token into its user.

A token is 256 random bits (`secrets.token_urlsafe(32)`) behind a `lw_` prefix that secret
scanners can spot. Only its SHA-256 is stored: unlike a phone number, 256 random bits cannot be
guessed from the hash, so no key is needed, and a stolen store yields no usable token. Every token
expires; an expired, revoked or unknown token, or one whose user was deactivated, authenticates
nobody, and the refusal does not say which (a guesser learns nothing).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from leakwatch.errors import LeakwatchError, NotFound, UsageError
from leakwatch.store.db import Store, fetch
from leakwatch.store.models import ApiToken, User, utcnow
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.limits import USER_NAME, checked
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation, Role

PREFIX = "lw_"
DEFAULT_DAYS = 90
MAX_DAYS = 366
#: The longest token `authenticate` looks at (a real one is 46 characters); longer is refused
#: before hashing.
MAX_TOKEN_CHARS = 100
#: How stale `last_used_at` may get before a request writes it again (not a write per request).
TOUCH_EVERY = timedelta(minutes=5)


class Unauthenticated(LeakwatchError):
    """No valid credentials: a missing, unknown, expired or revoked token."""

    exit_code = 5
    http_status = 401


@dataclass(frozen=True, slots=True)
class TokenView:
    """A token as anyone may see it: never the token, never its hash."""

    id: int
    user: str
    role: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None

    def active(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A new token: its record, and the token itself (the only time it exists outside a client)."""

    view: TokenView
    secret: str


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _view(t: ApiToken) -> TokenView:
    return TokenView(
        t.id, t.user.name, t.user.role, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
    )


def _user(session: Session, name: str) -> User:
    checked("the user name", name, USER_NAME)
    user = session.scalars(select(User).where(User.name == name)).one_or_none()
    if user is None or not user.active:
        raise NotFound(f"no active user {name!r}")
    return user


def create_token(
    store: Store, principal: Principal, user: str, expires_days: int = DEFAULT_DAYS
) -> IssuedToken:
    """A new token for `user` (admin only), valid for `expires_days` days."""
    if not 1 <= expires_days <= MAX_DAYS:
        raise UsageError(f"a token's lifetime must be 1 to {MAX_DAYS} days, not {expires_days}")
    who = require(principal, Operation.MANAGE_USERS)
    secret = PREFIX + secrets.token_urlsafe(32)
    with store.session() as s:
        owner = _user(s, user)
        now = utcnow()
        row = ApiToken(
            user_id=owner.id,
            token_hash=token_hash(secret),
            created_by=who.id,
            created_at=now,
            expires_at=now + timedelta(days=expires_days),
        )
        s.add(row)
        s.flush()
        record(
            s,
            who.name,
            EventType.TOKEN_CREATED,
            f"token:{row.id}",
            {"user": owner.name, "expires_at": row.expires_at.isoformat()},
        )
        return IssuedToken(_view(row), secret)


def list_tokens(store: Store, principal: Principal, user: str | None = None) -> list[TokenView]:
    """Every token (admin only), or `user`'s, oldest first; revoked and expired ones included."""
    require(principal, Operation.MANAGE_USERS)
    with store.session() as s:
        q = select(ApiToken).order_by(ApiToken.id)
        if user is not None:
            checked("the user name", user, USER_NAME)
            q = q.join(User, ApiToken.user_id == User.id).where(User.name == user)
        return [_view(t) for t in s.scalars(q)]


def revoke_token(store: Store, principal: Principal, token_id: int) -> TokenView:
    """Revoke a token (admin only) at once; revoking a revoked token changes nothing."""
    who = require(principal, Operation.MANAGE_USERS)
    with store.session() as s:
        row = fetch(s, ApiToken, token_id, "token")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            s.flush()
            record(s, who.name, EventType.TOKEN_REVOKED, f"token:{row.id}", {"user": row.user.name})
        return _view(row)


def authenticate(store: Store, secret: str) -> Principal:
    """The user a presented token acts for, or `Unauthenticated` (one message for every cause)."""
    refused = Unauthenticated("missing, unknown, expired or revoked token")
    if not secret.startswith(PREFIX) or len(secret) > MAX_TOKEN_CHARS:
        raise refused
    digest = token_hash(secret)
    with store.session() as s:
        row = s.scalars(select(ApiToken).where(ApiToken.token_hash == digest)).one_or_none()
        now = utcnow()
        if (
            row is None
            or not hmac.compare_digest(row.token_hash, digest)
            or row.revoked_at is not None
            or now >= row.expires_at
            or not row.user.active
        ):
            raise refused
        if row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY:
            row.last_used_at = now
        return Principal(row.user.id, row.user.name, Role(row.user.role))
