"""The role matrix: every service operation × every role, allowed or refused as designed.

The expected answer comes from `roles.ALLOWED`, and every operation in the `Operation` enum must
have a real service call here, so the design and the code cannot drift apart. Each pair runs on a
fresh store (SQLite and PostgreSQL). The liaison's outputs are searched for every raw value,
message text and masked preview the store holds: none may appear.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, is_dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from wf_seed import KEYS, USERS, World, secrets, world

from leakwatch.errors import PermissionDenied
from leakwatch.report.transparency import transparency_report
from leakwatch.store.crypto import KeyRing
from leakwatch.store.models import utcnow
from leakwatch.store.rotate import rotate_key
from leakwatch.workflow.appeals import decide_appeal, file_appeal
from leakwatch.workflow.cases import list_cases, open_channel_cases, queue, show_case
from leakwatch.workflow.channels import channel_scores
from leakwatch.workflow.notices import acknowledge_notice, notice_response, submit_notice
from leakwatch.workflow.principal import Principal
from leakwatch.workflow.retention import purge
from leakwatch.workflow.reveal import reveal
from leakwatch.workflow.review import decide
from leakwatch.workflow.roles import ALLOWED, Operation, Role
from leakwatch.workflow.service_audit import audit_log, verify_audit
from leakwatch.workflow.status import status
from leakwatch.workflow.trace import trace
from leakwatch.workflow.users import add_user, list_users

ROLE_USER = {Role(r): name for name, r in USERS.items() if name not in ("rex",)}


def _case(w: World) -> int:
    return open_channel_cases(w.store, w.as_("ada")).opened[0]


def _notice(w: World) -> int:
    return submit_notice(
        w.store,
        w.as_("ada"),
        "CMC",
        "REF-1",
        "Law 1",
        "personal_data",
        ["telegram:100/1"],
    ).id


def _decided(w: World) -> int:
    return decide(w.store, w.as_("rex"), _case(w), "remove", "identity_bundle").id


def _appeal(w: World) -> int:
    return file_appeal(w.store, w.as_("ada"), _decided(w), "owner", "grounds").id


def _ingest(w: World, actor: Principal, tmp: Path) -> Any:
    from leakwatch.store.ingest import ingest

    posts = tmp / "posts.jsonl"
    posts.write_text(
        '{"channel": "other", "id": 1, "text": "Ali Hassan Kadhim 07701234567"}\n',
        encoding="utf-8",
    )
    return ingest(w.store, KEYS, actor, [str(posts)], workers=1)


CALLS: dict[Operation, Callable[[World, Principal, Path], Any]] = {
    Operation.INGEST: _ingest,
    Operation.VIEW_STATUS: lambda w, a, t: status(w.store, a),
    Operation.VIEW_CHANNELS: lambda w, a, t: channel_scores(w.store, a),
    Operation.TRACE: lambda w, a, t: trace(w.store, a, message="telegram:100/1"),
    Operation.OPEN_CASE: lambda w, a, t: open_channel_cases(w.store, a),
    Operation.VIEW_QUEUE: lambda w, a, t: queue(w.store, a),
    Operation.VIEW_CASE: lambda w, a, t: (
        show_case(w.store, a, _case(w)),
        list_cases(w.store, a),
    ),
    Operation.DECIDE: lambda w, a, t: decide(w.store, a, _case(w), "remove", "identity_bundle"),
    Operation.RECORD_ACTION: lambda w, a, t: decide(
        w.store, a, _case(w), "restrict_channel", "bulk_records"
    ),
    Operation.REVEAL: lambda w, a, t: reveal(w.store, KEYS, a, w.leaks[0], "checking case 1 match"),
    Operation.SUBMIT_NOTICE: lambda w, a, t: submit_notice(
        w.store, a, "CMC", "REF-9", "Law 1", "personal_data", ["telegram:100/1"]
    ),
    Operation.ACKNOWLEDGE_NOTICE: lambda w, a, t: acknowledge_notice(w.store, a, _notice(w)),
    Operation.VIEW_NOTICE: lambda w, a, t: notice_response(w.store, a, _notice(w)),
    Operation.FILE_APPEAL: lambda w, a, t: file_appeal(w.store, a, _decided(w), "owner", "why"),
    Operation.DECIDE_APPEAL: lambda w, a, t: decide_appeal(
        w.store, a, _appeal(w), "upheld", "identity_bundle"
    ),
    Operation.VIEW_AUDIT: lambda w, a, t: audit_log(w.store, a),
    Operation.VERIFY_AUDIT: lambda w, a, t: verify_audit(w.store, a),
    Operation.PURGE: lambda w, a, t: purge(w.store, a, timedelta(days=90), dry_run=True),
    Operation.REPORT: lambda w, a, t: transparency_report(
        w.store, a, date(2020, 1, 1), utcnow().date()
    ),
    Operation.MANAGE_USERS: lambda w, a, t: (
        add_user(w.store, a, "new", "analyst"),
        list_users(w.store, a),
    ),
    Operation.ROTATE_KEY: lambda w, a, t: rotate_key(w.store, a, KeyRing.from_master(b"\x09" * 32)),
}


def test_every_operation_has_a_call() -> None:
    assert set(CALLS) == set(Operation)


@pytest.fixture
def w(db_url: str) -> Iterator[World]:
    with world(db_url) as built:
        yield built


def _dump(value: Any) -> str:
    def plain(v: Any) -> Any:
        if is_dataclass(v) and not isinstance(v, type):
            return asdict(v)
        if isinstance(v, (tuple, list)):
            return [plain(x) for x in v]
        return v

    return json.dumps(plain(value), default=str, ensure_ascii=False)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("op", list(Operation))
def test_role_matrix(w: World, tmp_path: Path, op: Operation, role: Role) -> None:
    actor = ROLE_USER[role]
    if op is Operation.DECIDE_APPEAL and role is Role.REVIEWER:
        actor = "rev"  # the original decision is rex's; another reviewer decides the appeal
    principal = w.as_(actor)
    if op in ALLOWED[role]:
        result = CALLS[op](w, principal, tmp_path)
        if role is Role.LIAISON:
            dumped = _dump(result)
            for secret in secrets(w):
                assert secret not in dumped, f"liaison saw {secret!r} via {op.value}"
    else:
        with pytest.raises(PermissionDenied, match=f"role {role.value} may not"):
            CALLS[op](w, principal, tmp_path)


def test_liaison_may_do_only_what_the_regulator_needs() -> None:
    assert ALLOWED[Role.LIAISON] == {
        Operation.VIEW_STATUS,
        Operation.SUBMIT_NOTICE,
        Operation.VIEW_NOTICE,
        Operation.REPORT,
    }
