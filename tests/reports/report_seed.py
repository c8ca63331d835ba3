"""Test data for channels, trace and the transparency report, written straight through the ORM.

It does not go through ingest or the review workflow, so these tests depend on the schema only.
Raw values and texts are kept here so tests can check that no output ever carries them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from leakwatch.entities import EntityType
from leakwatch.output.mask import mask
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store
from leakwatch.store.models import (
    Action,
    Appeal,
    Case,
    CaseMessage,
    Channel,
    Decision,
    FindingRow,
    Notice,
    NoticeItem,
    StoredMessage,
    User,
)

#: The `master_key` fixture's key (tests/conftest.py): CLI tests open the same store with it.
KEYS = KeyRing.from_master(bytes(range(32)))
NOW = datetime(2024, 3, 31, 12, 0, tzinfo=UTC)
USERS = {
    "ada": "admin",
    "ana": "analyst",
    "rev": "reviewer",
    "rex": "reviewer",
    "lia": "liaison",
    "aud": "auditor",
}
ALI = "Ali Hassan Kadhim"
SARA = "Sara Ahmed Jasim"
ALI_PHONE = "07701234567"
OTHER_PHONE = "07709998877"
ALI_ID = "199012345678"
UNKNOWN_FORWARDER = "Zaid Private Person"
SECRET_FACTS = "Facts naming Ali Hassan Kadhim, phone 07701234567"
Finding = tuple[str, str]  # (entity type, raw value)


def fingerprint(entity_type: str, value: str) -> str:
    return KEYS.fingerprint(EntityType(entity_type), value)


def add_users(s: Session) -> dict[str, int]:
    users = {name: User(name=name, role=role) for name, role in USERS.items()}
    s.add_all(users.values())
    s.flush()
    return {name: u.id for name, u in users.items()}


def add_channel(s: Session, key: str, title: str | None = None) -> Channel:
    channel = Channel(key=key, title=title)
    s.add(channel)
    s.flush()
    return channel


def add_message(
    s: Session,
    channel: Channel,
    message_id: int,
    *,
    posted_at: datetime | None,
    verdict: str = "clear",
    severity: str | None = None,
    findings: Sequence[Finding] = (),
    forwarded_from: str | None = None,
    categories: str = "",
) -> StoredMessage:
    text = " ".join(value for _, value in findings) or "nothing to see"
    nonce, cipher = KEYS.seal(text, f"{channel.key}:{message_id}")
    message = StoredMessage(
        channel_id=channel.id, message_id=message_id, posted_at=posted_at,
        date_text=posted_at.isoformat() if posted_at else None, forwarded_from=forwarded_from,
        source="seed", text_length=len(text), text_nonce=nonce, text_cipher=cipher,
        verdict=verdict, severity=severity, risk=0.9 if verdict == "leak" else 0.1,
        categories=categories or ("personal_data" if verdict == "leak" else ""),
        people=sum(1 for t, _ in findings if t == "PERSON"),
    )  # fmt: skip
    s.add(message)
    s.flush()
    start = 0
    for entity_type, value in findings:
        s.add(
            FindingRow(
                message_pk=message.id, entity_type=entity_type, start=start,
                end=start + len(value), score=0.9, recognizer="seed",
                fingerprint=fingerprint(entity_type, value),
                masked=mask(EntityType(entity_type), value),
            )
        )  # fmt: skip
        start += len(value) + 1
    s.flush()
    return message


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


# --- the provenance world -------------------------------------------------------------------


def seed_trace_world(store: Store) -> None:
    """Ali's name and phone first in "Leaks Central", forwarded to "Mirror News", then to
    "Forwarder"; the phone also reaches "Other" from an unknown (personal) account."""
    with store.session() as s:
        add_users(s)
        a = add_channel(s, "telegram:100", "Leaks Central")
        b = add_channel(s, "telegram:200", "Mirror News")
        e = add_channel(s, "name:Forwarder", "Forwarder")
        c = add_channel(s, "telegram:300", "Other")
        bundle: list[Finding] = [("PERSON", ALI), ("PHONE_NUMBER", ALI_PHONE)]
        add_message(s, a, 10, posted_at=ago(10), verdict="leak", severity="high", findings=bundle)
        add_message(s, b, 20, posted_at=ago(9), verdict="leak", severity="high",
                    findings=bundle, forwarded_from="Leaks Central")  # fmt: skip
        add_message(s, e, 30, posted_at=ago(8), verdict="leak", severity="low",
                    findings=[("PHONE_NUMBER", "+964 770 123 4567")],
                    forwarded_from="  mirror   NEWS ")  # fmt: skip
        add_message(s, c, 40, posted_at=ago(12), verdict="leak", severity="medium",
                    findings=[("PERSON", SARA)])  # fmt: skip
        add_message(s, c, 41, posted_at=ago(5), verdict="leak", severity="low",
                    findings=[("PHONE_NUMBER", ALI_PHONE)],
                    forwarded_from=UNKNOWN_FORWARDER)  # fmt: skip
        add_message(s, c, 42, posted_at=ago(4))
        add_channel(s, "telegram:500", "Dup")
        add_channel(s, "telegram:501", "dup")


# --- the transparency world -----------------------------------------------------------------


def _at(day: int, hour: float = 0, month: int = 3) -> datetime:
    return datetime(2024, month, day, tzinfo=UTC) + timedelta(hours=hour)


def _notice(
    s: Session, users: dict[str, int], ref: str, received: datetime, *,
    category: str = "personal_data", legal_basis: str = "Iraqi Constitution, Art. 17",
    actioned: datetime | None = None, message: StoredMessage | None = None,
) -> Notice:  # fmt: skip
    notice = Notice(
        authority="CMC", reference=ref, legal_basis=legal_basis, category=category,
        status="actioned" if actioned else "received", submitted_by=users["lia"],
        received_at=received, actioned_at=actioned,
    )  # fmt: skip
    s.add(notice)
    s.flush()
    if message is not None:
        s.add(NoticeItem(notice_id=notice.id, link=f"https://t.me/c/100/{message.message_id}",
                         channel_id=message.channel_id, message_pk=message.id))  # fmt: skip
    return notice


def _case(
    s: Session, *, channel: Channel | None = None, notice: Notice | None = None,
    messages: Sequence[StoredMessage] = (),
) -> Case:  # fmt: skip
    case = Case(
        kind="notice" if notice else "channel", channel_id=channel.id if channel else None,
        notice_id=notice.id if notice else None, status="closed", severity="high",
    )  # fmt: skip
    s.add(case)
    s.flush()
    for m in messages:
        s.add(CaseMessage(case_id=case.id, message_pk=m.id))
    s.flush()
    return case


def _decide(
    s: Session, case: Case, decision: str, reason: str, by: int, at: datetime, *,
    stage: str = "initial", auto_detection: bool = True, action_at: datetime | None = None,
) -> Decision:  # fmt: skip
    statement: dict[str, Any] = {"decision": decision, "facts": SECRET_FACTS, "reason": reason}
    d = Decision(
        case_id=case.id, stage=stage, decision=decision, reason_code=reason, decided_by=by,
        decided_at=at, automated_detection=auto_detection, automated_decision=False,
        statement=statement,
    )  # fmt: skip
    s.add(d)
    s.flush()
    if action_at is not None:
        s.add(Action(decision_id=d.id, action=decision, target=f"case:{case.id}",
                     performed_by=by, performed_at=action_at))  # fmt: skip
        s.flush()
    return d


def seed_report_world(store: Store) -> dict[str, int]:
    """March 2024: six notices (1, 2, 6, 24 and 72 hours to action, one not actioned), four
    channel cases, one upheld appeal, and decisions just outside the period on both sides.

    Returns decision ids by name.
    """
    ids: dict[str, int] = {}
    with store.session() as s:
        u = add_users(s)
        a = add_channel(s, "telegram:100", "Leaks Central")
        b = add_channel(s, "telegram:200", "Mirror News")
        c = add_channel(s, "telegram:300", "Other")
        bundle: list[Finding] = [("PERSON", ALI), ("PHONE_NUMBER", ALI_PHONE),
                                 ("IQ_NATIONAL_ID", ALI_ID)]  # fmt: skip
        msgs = [
            add_message(s, ch, 100 + i, posted_at=_at(1 + i, month=2), verdict="leak",
                        severity="high", findings=bundle, forwarded_from="Leaks Central")
            for i, ch in enumerate([a, a, a, b, b, b, c, c, c, a, a, a])
        ]  # fmt: skip
        doc = add_message(s, b, 200, posted_at=_at(14, month=2), verdict="leak",
                          severity="critical", findings=[("STATE_DOCUMENT", "سري للغاية")],
                          categories="state_document,personal_data")  # fmt: skip
        rev, rex = u["rev"], u["rex"]

        n0 = _notice(s, u, "CMC-0", _at(25, month=2), actioned=_at(2, month=4), message=msgs[0])
        ids["n0"] = _decide(s, _case(s, notice=n0, messages=[msgs[0]]), "remove",
                            "identity_bundle", rev, _at(26, month=2), auto_detection=False,
                            action_at=_at(2, month=4)).id  # fmt: skip
        n1 = _notice(s, u, "CMC-1", _at(2, 10), actioned=_at(2, 16), message=msgs[1])
        ids["n1"] = _decide(s, _case(s, notice=n1, messages=[msgs[1]]), "remove",
                            "identity_bundle", rev, _at(2, 14), auto_detection=False,
                            action_at=_at(2, 16)).id  # fmt: skip
        n2 = _notice(s, u, "CMC-2", _at(5), message=msgs[2])  # actioned_at unset: the action
        ids["n2"] = _decide(s, _case(s, notice=n2), "remove", "identity_bundle", rev,
                            _at(5, 20), auto_detection=False, action_at=_at(6)).id  # fmt: skip
        n3 = _notice(s, u, "CMC-3", _at(10), category="state_document", actioned=_at(10, 2),
                     message=doc)  # fmt: skip
        ids["n3"] = _decide(s, _case(s, notice=n3, messages=[doc]), "remove", "state_document",
                            rev, _at(10, 1), auto_detection=False,
                            action_at=_at(10, 2)).id  # fmt: skip
        n4 = _notice(s, u, "CMC-4", _at(11), message=msgs[3])
        ids["n4"] = _decide(s, _case(s, notice=n4, messages=[msgs[3]]), "no_violation",
                            "public_figure", rex, _at(11, 5),
                            auto_detection=False).id  # fmt: skip
        n5 = _notice(s, u, "CMC-5", _at(20), legal_basis="  ", actioned=_at(23),
                     message=msgs[4])  # fmt: skip
        ids["n5"] = _decide(s, _case(s, notice=n5, messages=[msgs[4]]), "remove",
                            "third_party_identifier", rev, _at(22), auto_detection=False,
                            action_at=_at(23)).id  # fmt: skip
        n6 = _notice(s, u, "CMC-6", _at(25), actioned=_at(25, 1), message=msgs[5])
        ids["n6"] = _decide(s, _case(s, notice=n6, messages=[msgs[5]]), "remove",
                            "bulk_records", rex, _at(25, 0.5), auto_detection=False,
                            action_at=_at(25, 1)).id  # fmt: skip

        c1 = _case(s, channel=a, messages=[msgs[9], msgs[10]])
        ids["c1"] = _decide(s, c1, "remove", "identity_bundle", rev, _at(15, 10),
                            action_at=_at(15, 11)).id  # fmt: skip
        ids["c2"] = _decide(s, _case(s, channel=b, messages=[doc, msgs[3]]), "restrict_channel",
                            "state_document", rex, _at(16), action_at=_at(16, 3)).id  # fmt: skip
        ids["c3"] = _decide(s, _case(s, channel=c, messages=[msgs[6]]), "escalate",
                            "bulk_records", rev, _at(17), stage="escalation").id  # fmt: skip
        ids["c4"] = _decide(s, _case(s, channel=a, messages=[msgs[11]]), "remove",
                            "identity_bundle", rev, _at(31, 23.5),
                            action_at=_at(1, 1, month=4)).id  # fmt: skip
        ids["c5"] = _decide(s, _case(s, channel=a, messages=[msgs[7]]), "remove",
                            "identity_bundle", rev, _at(1, month=4)).id  # fmt: skip

        ids["c1_appeal"] = _decide(s, c1, "remove", "identity_bundle", rex, _at(20),
                                   stage="appeal").id  # fmt: skip
        s.add(Appeal(decision_id=ids["c1"], appellant="owner of Leaks Central",
                     grounds=f"please restore, {ALI} agreed", filed_by=u["ana"],
                     filed_at=_at(18), status="decided", outcome="upheld",
                     decided_by=rex, decided_at=_at(20)))  # fmt: skip
    return ids


#: Strings no liaison-facing output may contain.
PRIVATE = (ALI, SARA, ALI_PHONE, ALI_ID, SECRET_FACTS, "Leaks Central", "Mirror News",
           "telegram:100", mask(EntityType.PERSON, ALI),
           mask(EntityType.PHONE_NUMBER, ALI_PHONE), fingerprint("PERSON", ALI))  # fmt: skip
