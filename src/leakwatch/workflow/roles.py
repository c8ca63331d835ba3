"""Who may do what: one matrix, checked in the service layer so every interface inherits it
(workflow.principal.require).

The liaison (the regulator's side) may submit and follow notices and read aggregate reports; no
operation open to that role returns a raw value or a message text.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ANALYST = "analyst"
    REVIEWER = "reviewer"
    LIAISON = "liaison"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Operation(StrEnum):
    INGEST = "ingest"
    VIEW_STATUS = "view_status"
    VIEW_CHANNELS = "view_channels"
    TRACE = "trace"
    OPEN_CASE = "open_case"
    VIEW_QUEUE = "view_queue"
    VIEW_CASE = "view_case"
    DECIDE = "decide"
    RECORD_ACTION = "record_action"
    REVEAL = "reveal"
    SUBMIT_NOTICE = "submit_notice"
    ACKNOWLEDGE_NOTICE = "acknowledge_notice"
    VIEW_NOTICE = "view_notice"
    FILE_APPEAL = "file_appeal"
    DECIDE_APPEAL = "decide_appeal"
    VIEW_AUDIT = "view_audit"
    VERIFY_AUDIT = "verify_audit"
    PURGE = "purge"
    REPORT = "report"
    MANAGE_USERS = "manage_users"
    ROTATE_KEY = "rotate_key"


_O = Operation
ALLOWED: dict[Role, frozenset[Operation]] = {
    Role.ANALYST: frozenset(
        {
            _O.INGEST,
            _O.VIEW_STATUS,
            _O.VIEW_CHANNELS,
            _O.TRACE,
            _O.OPEN_CASE,
            _O.VIEW_QUEUE,
            _O.VIEW_CASE,
            _O.ACKNOWLEDGE_NOTICE,
            _O.VIEW_NOTICE,
            _O.FILE_APPEAL,
            _O.REPORT,
        }
    ),
    Role.REVIEWER: frozenset(
        {
            _O.VIEW_STATUS,
            _O.VIEW_CHANNELS,
            _O.TRACE,
            _O.OPEN_CASE,
            _O.VIEW_QUEUE,
            _O.VIEW_CASE,
            _O.DECIDE,
            _O.RECORD_ACTION,
            _O.REVEAL,
            _O.ACKNOWLEDGE_NOTICE,
            _O.VIEW_NOTICE,
            _O.DECIDE_APPEAL,
            _O.REPORT,
        }
    ),
    Role.LIAISON: frozenset({_O.VIEW_STATUS, _O.SUBMIT_NOTICE, _O.VIEW_NOTICE, _O.REPORT}),
    Role.AUDITOR: frozenset(
        {
            _O.VIEW_STATUS,
            _O.VIEW_CHANNELS,
            _O.VIEW_CASE,
            _O.VIEW_NOTICE,
            _O.VIEW_AUDIT,
            _O.VERIFY_AUDIT,
            _O.REPORT,
        }
    ),
    Role.ADMIN: frozenset(Operation),
}


def may(role: Role, op: Operation) -> bool:
    return op in ALLOWED[role]
