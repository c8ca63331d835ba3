"""Users and their roles.

An empty store gets its first admin only from the command line (`bootstrap_admin`, called by
`leakwatch init` and by `leakwatch user add NAME --role admin`); every other interface needs an
existing user, so no caller over the network can make themselves admin by coming first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from leakwatch.errors import Conflict, UsageError
from leakwatch.store.db import Store
from leakwatch.store.models import User
from leakwatch.workflow import limits
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.limits import USER_NAME, checked
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation, Role


@dataclass(frozen=True, slots=True)
class UserView:
    name: str
    role: str
    active: bool
    authority: str | None = None


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise UsageError(f"unknown role {role!r}; choose one of {choices}") from None


def has_users(store: Store) -> bool:
    """Whether the store has any user yet (an empty one needs its first admin)."""
    with store.session() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


def bootstrap_admin(store: Store, name: str) -> bool:
    """Make `name` the admin of a store that has no users yet; False if it already has some.
    The command line's alone: no other interface may create an admin for its first caller."""
    with store.session() as s:
        if s.scalar(select(func.count()).select_from(User)):
            return False
        checked("the user name", name, USER_NAME)
        s.add(User(name=name, role=Role.ADMIN.value))
        record(s, name, EventType.USER_ADDED, f"user:{name}", {"role": "admin", "bootstrap": True})
        return True


def add_user(
    store: Store, principal: Principal, name: str, role: str, authority: str | None = None
) -> UserView:
    """Add a user with a role (admin only); a liaison with the `authority` they speak for (they
    see only its notices; without one, only the notices they submitted themselves)."""
    r = _role(role)
    if authority is not None:
        if r is not Role.LIAISON:
            raise UsageError("only a liaison speaks for an authority")
        checked("the authority", authority, limits.AUTHORITY)
        if not authority.strip():
            raise UsageError("the authority may not be empty")
    checked("the user name", name, USER_NAME)
    if not name.strip():
        raise UsageError("a user needs a name")
    require(principal, Operation.MANAGE_USERS)
    with store.session() as s:
        if s.scalars(select(User).where(User.name == name)).one_or_none():
            raise Conflict(f"user {name!r} already exists")
        s.add(User(name=name, role=r.value, authority=authority))
        payload: dict[str, str] = {"role": r.value}
        if authority is not None:
            payload["authority"] = authority
        record(s, principal.name, EventType.USER_ADDED, f"user:{name}", payload)
        return UserView(name, r.value, True, authority)


def list_users(store: Store, principal: Principal) -> list[UserView]:
    require(principal, Operation.MANAGE_USERS)
    with store.session() as s:
        return [
            UserView(u.name, u.role, u.active, u.authority)
            for u in s.scalars(select(User).order_by(User.id))
        ]
