"""A small store for workflow tests, written through the ORM (independent of ingest).

Channel "Leaks" (telegram:100) has five leak messages and one clear one; channel "News"
(telegram:200) has one medium leak. Every role has a user; two reviewers so appeals can go to a
different one; the liaison "lia" speaks for the authority "CMC". Raw values and texts stay here
so tests can check no output carries them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from leakwatch.entities import EntityType
from leakwatch.output.mask import mask
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, open_store
from leakwatch.store.models import Channel, FindingRow, StoredMessage, User, utcnow
from leakwatch.workflow.audit import verify
from leakwatch.workflow.principal import Principal, resolve

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


@dataclass(frozen=True)
class World:
    store: Store
    leaks: tuple[int, ...]  # message pks in "Leaks"
    clear: int
    news: int
    texts: tuple[str, ...]

    def as_(self, name: str) -> Principal:
        """The user called `name`, resolved as an interface would before calling a service."""
        return resolve(self.store, name)

    def close(self) -> None:
        self.store.close()


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
def world(db_url: str) -> Iterator[World]:
    store = open_store(db_url, keys=KEYS)
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
        rows = [
            ([("PERSON", RAW["person"]), ("PHONE_NUMBER", RAW["phone"])], "leak", "high"),
            ([("PERSON", RAW["person"]), ("ADDRESS", RAW["address"])], "leak", "high"),
            ([("PERSON", RAW["person2"]), ("IQ_NATIONAL_ID", RAW["national"])], "leak", "critical"),
            ([("PHONE_NUMBER", RAW["phone2"])], "leak", "low"),
            ([("PERSON", RAW["person2"]), ("PHONE_NUMBER", RAW["phone2"])], "leak", "high"),
        ]
        leaks = []
        for i, (findings, verdict, severity) in enumerate(rows, start=1):
            m, text = _message(s, leaks_ch, i, findings, verdict, severity)
            leaks.append(m.id)
            texts.append(text)
        clear, text = _message(s, leaks_ch, 6, [], "clear", None)
        texts.append(text)
        news, text = _message(
            s,
            news_ch,
            1,
            [("PERSON", RAW["person"]), ("PHONE_NUMBER", RAW["phone"])],
            "leak",
            "medium",
        )
        texts.append(text)
        ids = (tuple(leaks), clear.id, news.id)
    w = World(store, ids[0], ids[1], ids[2], tuple(texts))
    try:
        yield w
    finally:
        w.close()


def secrets(w: World) -> list[str]:
    """Every string no liaison output may contain: raw values, texts and masked previews."""
    out = list(RAW.values()) + list(w.texts)
    out += [mask(EntityType.PERSON, RAW["person"]), mask(EntityType.PHONE_NUMBER, RAW["phone"])]
    return out


def audit_ok(w: World) -> None:
    """Fail with the first problem `audit verify` finds in the world's log."""
    with w.store.session() as s:
        report = verify(s)
    assert report.ok, report.problem
