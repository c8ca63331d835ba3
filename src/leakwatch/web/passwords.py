"""Console passwords: argon2id hashes in `users.password_hash`, set on the command line.

Only the hash is stored (argon2-cffi's defaults, RFC 9106's second recommended profile). A login
for a user who does not exist, has no password or is deactivated costs the same hash check and
gets the same refusal as a wrong password, so neither the time nor the message tells a guesser
which names exist.
"""

from __future__ import annotations

import hashlib
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select

from leakwatch.errors import NotFound, UsageError
from leakwatch.store.db import Store
from leakwatch.store.models import User
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation, Role
from leakwatch.workflow.tokens import Unauthenticated

MIN_CHARS = 12
#: Longer input is refused before hashing: argon2 over megabytes is a denial of service.
MAX_CHARS = 256
REFUSED = "wrong user name or password"

_hasher = PasswordHasher()


@cache
def _dummy() -> str:
    """A hash to verify against when there is no real one, so a missing user costs a real
    check (made on first use: importing this module hashes nothing)."""
    return _hasher.hash("leakwatch: no such user")


def check_strength(password: str) -> None:
    """Refuse a password too short or too long to be a password (one clear line)."""
    if len(password) < MIN_CHARS:
        raise UsageError(f"a password needs at least {MIN_CHARS} characters")
    if len(password) > MAX_CHARS:
        raise UsageError(f"a password may have at most {MAX_CHARS} characters")
    if not password.strip():
        raise UsageError("a password may not be only spaces")


def set_password(store: Store, principal: Principal, name: str, password: str) -> None:
    """Set `name`'s console password (an admin for anyone, a user for themselves); audited
    without the password or its hash."""
    own = principal.name == name
    if not own:
        require(principal, Operation.MANAGE_USERS)
    check_strength(password)
    digest = _hasher.hash(password)
    with store.session() as s:
        user = s.scalars(select(User).where(User.name == name)).one_or_none()
        if user is None:
            raise NotFound(f"no user {name!r}")
        user.password_hash = digest
        s.flush()
        record(s, principal.name, EventType.PASSWORD_SET, f"user:{name}", {"own": own})


def session_tag(password_hash: str | None) -> str:
    """A short tag of the current hash a session carries: setting a new password changes it,
    which ends every session opened with the old one."""
    return hashlib.sha256((password_hash or "").encode()).hexdigest()[:16]


def login(store: Store, name: str, password: str) -> tuple[Principal, str]:
    """The principal `name` and `password` authenticate, with their session tag; otherwise
    `Unauthenticated` with one message for every cause."""
    if not name or len(name) > 100 or len(password) > MAX_CHARS:
        _check(_dummy(), password[:MAX_CHARS])
        raise Unauthenticated(REFUSED)
    with store.session() as s:
        user = s.scalars(select(User).where(User.name == name)).one_or_none()
        stored = user.password_hash if user is not None else None
        ok = _check(stored or _dummy(), password)
        if not ok or stored is None or user is None or not user.active:
            raise Unauthenticated(REFUSED)
        if _hasher.check_needs_rehash(stored):
            user.password_hash = _hasher.hash(password)
        return Principal(user.id, user.name, Role(user.role)), session_tag(user.password_hash)


def _check(digest: str, password: str) -> bool:
    try:
        return _hasher.verify(digest, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def session_principal(store: Store, user_id: int, tag: str) -> Principal | None:
    """The principal a session cookie stands for, if the user is still active and their
    password unchanged since the session began; None otherwise."""
    with store.session() as s:
        user = s.get(User, user_id)
        if user is None or not user.active or user.password_hash is None:
            return None
        if session_tag(user.password_hash) != tag:
            return None
        return Principal(user.id, user.name, Role(user.role))
