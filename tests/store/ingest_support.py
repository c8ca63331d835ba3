"""Helpers the ingest tests share: small JSON Lines exports with known values, store set-up."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import create_engine, text

from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, open_store
from leakwatch.workflow.users import bootstrap_admin

ADMIN = "root"
#: The keys of the `master_key` fixture (tests/conftest.py), which CLI subprocesses get as well.
KEYS = KeyRing.from_master(bytes(range(32)))
#: Values planted in the test posts; none may ever reach the database or a log in the clear.
PHONE = "07719283746"
NATIONAL_ID = "199012345678"
NAME = "أمير كامل العزاوي"
EMAIL = "zubair.qasim77@example.com"
LEAK = f"فضيحة: الشيخ {NAME} رقمه {PHONE} رقمه الوطني {NATIONAL_ID}"
CONTACT = f"Scammer alert: Zubair Qasim, phone 0771 928 3746, email {EMAIL}"
CHATTER = "Good morning everyone, the meeting is at 10:00 tomorrow."
TEXTS = (LEAK, CONTACT, CHATTER)


def admin_store(db_url: str) -> Store:
    store = open_store(db_url, keys=KEYS)
    bootstrap_admin(store, ADMIN)
    return store


def post(channel: str, message_id: int, body: str | None = None) -> dict[str, object]:
    return {
        "channel": channel,
        "id": message_id,
        "date": f"2024-03-{1 + message_id % 28:02d}T10:00:00Z",
        "text": body if body is not None else TEXTS[message_id % len(TEXTS)],
    }


def write_jsonl(path: Path, posts: Iterable[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for p in posts:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")
    return path


def channel_posts(path: Path, channel: str, ids: Iterable[int]) -> Path:
    return write_jsonl(path, (post(channel, i) for i in ids))


def scalar(db_url: str, sql: str) -> int:
    """One number from a plain connection (no write lock taken, unlike the store's sessions)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def stored_pairs(db_url: str) -> list[tuple[str, int]]:
    """Every stored (channel key, message id), duplicates included."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT c.key, m.message_id FROM messages m "
                    "JOIN channels c ON c.id = m.channel_id"
                )
            )
            return [(str(k), int(i)) for k, i in rows]
    finally:
        engine.dispose()
