"""The state enums hold exactly the strings the store already holds, so no migration is needed."""

from __future__ import annotations

from enum import StrEnum

import pytest

from leakwatch.store.models import Appeal, Case, Decision, Notice
from leakwatch.workflow.states import (
    AppealOutcome,
    AppealStatus,
    CaseKind,
    CaseStatus,
    DecisionStage,
    NoticeStatus,
)


@pytest.mark.parametrize(("enum", "stored"), [
    (CaseStatus, ("open", "escalated", "closed")),
    (CaseKind, ("channel", "notice")),
    (NoticeStatus, ("received", "acknowledged", "decided", "actioned")),
    (DecisionStage, ("initial", "escalation", "appeal")),
    (AppealStatus, ("open", "decided")),
    (AppealOutcome, ("upheld", "reversed")),
])  # fmt: skip
def test_values_are_the_stored_strings(enum: type[StrEnum], stored: tuple[str, ...]) -> None:
    assert tuple(m.value for m in enum) == stored
    assert all(enum(v) == v for v in stored)  # a row read back is the same member


@pytest.mark.parametrize(("column", "enum"), [
    (Case.status, CaseStatus),
    (Notice.status, NoticeStatus),
    (Decision.stage, DecisionStage),
    (Appeal.status, AppealStatus),
])  # fmt: skip
def test_column_defaults_are_members(column: object, enum: type[StrEnum]) -> None:
    default = column.default.arg  # type: ignore[attr-defined]
    assert enum(default) == default
    width = column.type.length  # type: ignore[attr-defined]
    assert max(len(m.value) for m in enum) <= width
