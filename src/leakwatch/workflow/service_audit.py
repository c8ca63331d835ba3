"""The audit operations users call (verification), behind the role check."""

from __future__ import annotations

from leakwatch.store.db import Store
from leakwatch.workflow.audit import VerifyReport, verify
from leakwatch.workflow.roles import Operation, authorize


def verify_audit(store: Store, actor: str) -> VerifyReport:
    """Verify the whole chain (auditor, admin). Read-only: verification writes no event."""
    with store.session() as s:
        authorize(s, actor, Operation.VERIFY_AUDIT)
        return verify(s)
