"""A small store for the console tests, written through the ORM, with a console password for
every user and one channel case open.

Channel "Leaks" (telegram:100) has three leak messages, one of them in Arabic; the liaison "lia"
speaks for the authority "CMC". Raw values and texts stay here so the tests can check that no
page a liaison sees carries them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from leakwatch.entities import EntityType
from leakwatch.output.mask import mask
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, open_store
from leakwatch.store.models import Channel, FindingRow, StoredMessage, User, utcnow
from leakwatch.web import passwords
from leakwatch.web.passwords import set_password
from leakwatch.workflow.cases import open_channel_cases
from leakwatch.workflow.principal import Principal, resolve

KEYS = KeyRing.from_master(bytes(range(32)))
#: The console tests hash with argon2id's cheapest parameters: the real ones cost 0.1-0.3 s a
#: hash on this machine, several per test. What is hashed and checked is the same.
passwords._hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
USERS = {"ada": "admin", "rev": "reviewer", "lia": "liaison", "aud": "auditor"}
PASSWORD = "correct horse battery"
RAW = {
    "person": "Ali Hassan Kadhim",
    "phone": "07701234567",
    "national": "199012345678",
    "person_ar": "علي حسن كاظم",
    "phone_ar": "07809876543",
}
_ROWS: list[tuple[str, list[tuple[str, str]], str]] = [
    ("name {person} phone {phone}", [("PERSON", "person"), ("PHONE_NUMBER", "phone")], "high"),
    ("ID {national} of {person}", [("IQ_NATIONAL_ID", "national"), ("PERSON", "person")],
     "critical"),
    ("الاسم {person_ar} الهاتف {phone_ar}", [("PERSON", "person_ar"),
     ("PHONE_NUMBER", "phone_ar")], "high"),
]  # fmt: skip


@dataclass(frozen=True)
class World:
    store: Store
    messages: tuple[int, ...]
    texts: tuple[str, ...]
    case_id: int

    def as_(self, name: str) -> Principal:
        return resolve(self.store, name)

    def secrets(self) -> list[str]:
        """What no liaison page may contain: raw values, message texts, masked previews."""
        masked = [mask(EntityType(t), RAW[k]) for _, fs, _ in _ROWS for t, k in fs]
        return [*RAW.values(), *self.texts, *masked]


def _message(
    s: Session, channel: Channel, message_id: int, template: str,
    findings: Sequence[tuple[str, str]], severity: str,
) -> tuple[int, str]:  # fmt: skip
    text = template.format(**RAW)
    nonce, cipher = KEYS.seal(text, f"{channel.key}:{message_id}")
    m = StoredMessage(
        channel_id=channel.id, message_id=message_id, posted_at=utcnow(), date_text=None,
        source="seed", text_length=len(text), text_nonce=nonce, text_cipher=cipher,
        verdict="leak", severity=severity, risk=0.9, categories="personal_data",
        people=sum(1 for t, _ in findings if t == "PERSON"),
    )  # fmt: skip
    s.add(m)
    s.flush()
    for entity_type, key in findings:
        value = RAW[key]
        start = text.index(value)
        s.add(
            FindingRow(
                message_pk=m.id, entity_type=entity_type, start=start, end=start + len(value),
                score=0.9, recognizer="seed",
                fingerprint=KEYS.fingerprint(EntityType(entity_type), value),
                masked=mask(EntityType(entity_type), value),
            )
        )  # fmt: skip
    s.flush()
    return m.id, text


@contextmanager
def world(db: Path | str) -> Iterator[World]:
    """The seeded store in a SQLite file at `db`, or at the database URL `db`."""
    store = open_store(db if isinstance(db, str) else f"sqlite:///{db}", keys=KEYS)
    pks: list[int] = []
    texts: list[str] = []
    with store.session() as s:
        s.add_all(
            User(name=n, role=r, authority="CMC" if r == "liaison" else None)
            for n, r in USERS.items()
        )
        channel = Channel(key="telegram:100", platform_id=100, title="Leaks")
        s.add(channel)
        s.flush()
        for i, (template, findings, severity) in enumerate(_ROWS, start=1):
            pk, text = _message(s, channel, i, template, findings, severity)
            pks.append(pk)
            texts.append(text)
    admin = resolve(store, "ada")
    for name in USERS:
        set_password(store, admin, name, PASSWORD)
    opened = open_channel_cases(store, admin)
    try:
        yield World(store, tuple(pks), tuple(texts), opened.opened[0])
    finally:
        store.close()
