"""Who a service call acts for, established once by the interface that authenticated them.

An interface (the command line, the HTTP API) turns whatever it trusts (a login name, a token)
into a `Principal` with `resolve`; services take that record and only check its role with
`require`. No service looks a user up by a name it was handed, so no interface can make a
service act for someone it did not authenticate, and no service creates a user on first use.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from leakwatch.errors import NotFound, PermissionDenied
from leakwatch.store.db import Store
from leakwatch.store.models import User
from leakwatch.workflow.roles import Operation, Role, may


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated, active user as the store knew them when the interface resolved them."""

    id: int
    name: str
    role: Role


def principal_in(session: Session, name: str) -> Principal:
    """The active user called `name`, read inside `session`."""
    user = session.scalars(select(User).where(User.name == name)).one_or_none()
    if user is None:
        raise NotFound(f"no active user {name!r}")
    if not user.active:
        raise PermissionDenied(f"user {name!r} is deactivated")
    return Principal(user.id, user.name, Role(user.role))


def resolve(store: Store, name: str) -> Principal:
    """The active user called `name` (NotFound if there is none, PermissionDenied if
    deactivated). Only an interface calls this, after it has authenticated `name`."""
    with store.session() as s:
        return principal_in(s, name)


def require(principal: Principal, op: Operation) -> Principal:
    """`principal` itself if their role allows `op`; otherwise a PermissionDenied."""
    if not may(principal.role, op):
        raise PermissionDenied(f"role {principal.role.value} may not {op.value.replace('_', ' ')}")
    return principal
