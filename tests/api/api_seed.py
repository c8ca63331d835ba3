"""A small store for the API tests, written through the ORM (independent of ingest), with every
role's user and a bearer token for each.

Channel "Leaks" (telegram:100) has four leak messages and one clear one; channel "News"
(telegram:200) one medium leak. The liaison "lia" speaks for the authority "CMC". Raw values and
texts stay here so tests can check that no response carries them to a liaison.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from leakwatch.entities import EntityType
from leakwatch.output.mask import mask
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, open_store
from leakwatch.store.models import Channel, FindingRow, StoredMessage, User, utcnow
from leakwatch.workflow.principal import Principal, resolve
from leakwatch.workflow.tokens import create_token

KEYS = KeyRing.from_master(bytes(range(32)))
USERS = {
    "ada": "admin",
    "ana": "analyst",
    "rev": "reviewer",
    "rex": "reviewer",
    "lia": "liaison",
    "aud": "auditor",
}
RAW = {
    "person": "Ali Hassan Kadhim",
    "person2": "Sara Ahmed Jasim",
    "phone": "07701234567",
    "phone2": "07809876543",
    "national": "199012345678",
    "address": "Baghdad Karrada m 905 z 12 d 7",
}


@dataclass
class World:
    store: Store
    leaks: tuple[int, ...]
    clear: int
    news: int
    texts: tuple[str, ...]
    tokens: dict[str, str] = field(default_factory=dict)

    def principal(self, name: str) -> Principal:
        return resolve(self.store, name)

    def auth(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[name]}"}

    def secrets(self) -> list[str]:
        """What no liaison response may contain: raw values, message texts, masked previews."""
        out = list(RAW.values()) + list(self.texts)
        out += [mask(EntityType(t), v) for t, v in _ALL_FINDINGS]
        return out


_ROWS: list[tuple[list[tuple[str, str]], str, str | None]] = [
    ([("PERSON", RAW["person"]), ("PHONE_NUMBER", RAW["phone"])], "leak", "high"),
    ([("PERSON", RAW["person"]), ("ADDRESS", RAW["address"])], "leak", "high"),
    ([("PERSON", RAW["person2"]), ("IQ_NATIONAL_ID", RAW["national"])], "leak", "critical"),
    ([("PERSON", RAW["person2"]), ("PHONE_NUMBER", RAW["phone2"])], "leak", "high"),
]
_ALL_FINDINGS = {f for row, _, _ in _ROWS for f in row}


def _message(
    s: Session,
    channel: Channel,
    message_id: int,
    findings: Sequence[tuple[str, str]],
    verdict: str,
    severity: str | None,
) -> tuple[StoredMessage, str]:
    text = "posted: " + " | ".join(v for _, v in findings) if findings else "weather is fine"
    nonce, cipher = KEYS.seal(text, f"{channel.key}:{message_id}")
    m = StoredMessage(
        channel_id=channel.id, message_id=message_id, posted_at=utcnow(), date_text=None,
        source="seed", text_length=len(text), text_nonce=nonce, text_cipher=cipher,
        verdict=verdict, severity=severity, risk=0.9 if verdict == "leak" else 0.05,
        categories="personal_data" if verdict == "leak" else "",
        people=sum(1 for t, _ in findings if t == "PERSON"),
    )  # fmt: skip
    s.add(m)
    s.flush()
    for entity_type, value in findings:
        kind = EntityType(entity_type)
        start = text.index(value)
        s.add(
            FindingRow(
                message_pk=m.id, entity_type=entity_type, start=start, end=start + len(value),
                score=0.9, recognizer="seed", fingerprint=KEYS.fingerprint(kind, value),
                masked=mask(kind, value),
            )
        )  # fmt: skip
    s.flush()
    return m, text


@contextmanager
def world(where: Path | str) -> Iterator[World]:
    """The seeded store in folder `where` (SQLite), or at database URL `where`."""
    url = where if isinstance(where, str) else f"sqlite:///{where / 'api.db'}"
    store = open_store(url, keys=KEYS)
    texts: list[str] = []
    with store.session() as s:
        s.add_all(
            User(name=n, role=r, authority="CMC" if r == "liaison" else None)
            for n, r in USERS.items()
        )
        leaks_ch = Channel(key="telegram:100", platform_id=100, title="Leaks")
        news_ch = Channel(key="telegram:200", platform_id=200, title="News")
        s.add_all([leaks_ch, news_ch])
        s.flush()
        leaks = []
        for i, (findings, verdict, severity) in enumerate(_ROWS, start=1):
            m, text = _message(s, leaks_ch, i, findings, verdict, severity)
            leaks.append(m.id)
            texts.append(text)
        clear, text = _message(s, leaks_ch, 6, [], "clear", None)
        texts.append(text)
        news, text = _message(s, news_ch, 1, _ROWS[0][0], "leak", "medium")
        texts.append(text)
        ids = (tuple(leaks), clear.id, news.id)
    w = World(store, ids[0], ids[1], ids[2], tuple(texts))
    admin = w.principal("ada")
    for name in USERS:
        w.tokens[name] = create_token(store, admin, name).secret
    try:
        yield w
    finally:
        store.close()


@dataclass(frozen=True)
class Loop:
    """Ids of what `populate` made: the channel case, its removal, the appeal against it, the
    notice with its case, and a finding."""

    case: int
    decision: int
    appeal: int
    notice: int
    notice_case: int
    finding: int


def populate(w: World) -> Loop:
    """The whole loop through the services: a channel case decided (remove) and appealed, and a
    liaison's notice with its case left open."""
    from sqlalchemy import select

    from leakwatch.workflow.appeals import file_appeal
    from leakwatch.workflow.cases import open_channel_cases
    from leakwatch.workflow.notices import submit_notice
    from leakwatch.workflow.review import decide

    opened = open_channel_cases(w.store, w.principal("ana"))
    case = opened.opened[0]
    decision = decide(w.store, w.principal("rev"), case, "remove", "identity_bundle")
    appeal = file_appeal(w.store, w.principal("ana"), decision.id, "owner of Leaks", "consent")
    notice = submit_notice(
        w.store, w.principal("lia"), "CMC", "CMC/1", "Law 1", "personal_data", ["telegram:200/1"]
    )
    assert notice.case_id is not None
    with w.store.session() as s:
        finding = s.scalars(select(FindingRow.id).order_by(FindingRow.id)).first()
    assert finding is not None
    return Loop(case, decision.id, appeal.id, notice.id, notice.case_id, finding)
