"""Principals: an interface resolves a user once; services check the role it carries."""

from __future__ import annotations

from pathlib import Path

import pytest
from wf_seed import world

from leakwatch.errors import NotFound, PermissionDenied
from leakwatch.store.models import User
from leakwatch.workflow.principal import Principal, require, resolve
from leakwatch.workflow.roles import Operation, Role


def test_resolve_names_the_user_and_their_role(tmp_path: Path) -> None:
    with world(f"sqlite:///{tmp_path / 'p.db'}") as w:
        p = resolve(w.store, "rev")
        assert (p.name, p.role) == ("rev", Role.REVIEWER)
        assert require(p, Operation.DECIDE) is p
        with pytest.raises(PermissionDenied, match="role reviewer may not manage users"):
            require(p, Operation.MANAGE_USERS)
        with pytest.raises(NotFound, match="no active user 'ghost'"):
            resolve(w.store, "ghost")
        with w.store.session() as s:
            user = s.query(User).filter_by(name="ana").one()
            user.active = False
        with pytest.raises(PermissionDenied, match="deactivated"):
            resolve(w.store, "ana")


@pytest.mark.parametrize(("role", "op", "allowed"), [
    (Role.LIAISON, Operation.SUBMIT_NOTICE, True),
    (Role.LIAISON, Operation.REVEAL, False),
    (Role.AUDITOR, Operation.VERIFY_AUDIT, True),
    (Role.ANALYST, Operation.DECIDE, False),
    (Role.ADMIN, Operation.ROTATE_KEY, True),
])  # fmt: skip
def test_require_follows_the_matrix(role: Role, op: Operation, allowed: bool) -> None:
    p = Principal(1, "x", role)
    if allowed:
        assert require(p, op) is p
    else:
        with pytest.raises(PermissionDenied):
            require(p, op)


def test_principal_is_frozen() -> None:
    p = Principal(1, "x", Role.ANALYST)
    with pytest.raises(AttributeError):
        p.role = Role.ADMIN  # type: ignore[misc]
