"""Issue 8 at ingest (repros 3 and 4): a message of the wrong JSON type costs that message only,
not the batch in flight or the files after it, and a bad path named beside good ones is reported
while the good ones are stored."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_support import ADMIN, KEYS, admin_store, channel_posts, stored_pairs

from leakwatch.store.ingest import ingest
from leakwatch.workflow.principal import resolve


def _export(path: Path, messages: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    root = {"name": "Fake", "type": "public_channel", "id": 77, "messages": messages}
    path.write_text(json.dumps(root, indent=1), encoding="utf-8")
    return path


def test_wrong_type_keeps_the_batch_in_flight_and_later_files(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'lw.db'}"
    store = admin_store(db_url)
    messages: list[dict[str, object]] = [
        {"id": i, "type": "message", "text": f"post {i}"} for i in range(1, 11)
    ]
    messages[4]["type"] = []
    messages[6]["text"] = {}
    _export(tmp_path / "in" / "a_chan" / "result.json", messages)
    channel_posts(tmp_path / "in" / "b_posts.jsonl", "b", range(1, 6))
    report = ingest(store, KEYS, resolve(store, ADMIN), [str(tmp_path / "in")], batch=4)
    assert report.errors == ()
    assert report.skipped_malformed == 2
    assert report.stored == 8 + 5
    assert len(stored_pairs(db_url)) == 13


def test_bad_path_is_reported_and_the_good_ones_stored(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'lw.db'}"
    store = admin_store(db_url)
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    good = channel_posts(tmp_path / "posts.jsonl", "c", range(1, 4))
    missing = tmp_path / "missing.json"
    report = ingest(store, KEYS, resolve(store, ADMIN), [str(empty), str(good), str(missing)])
    assert report.stored == 3
    assert report.errors == (
        f"{empty}: file is empty",
        f"{missing}: no such file or directory",
    )
