"""A 50 MB export must stream: memory stays bounded by one message, not by the file."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from leakwatch.sources.telegram_desktop import TelegramDesktopReader

TARGET_BYTES = 50 * 1024 * 1024
PEAK_LIMIT = 20 * 1024 * 1024


def _write_big_export(path: Path) -> int:
    r"""Write a Telegram-style single-chat export of `TARGET_BYTES`; return its message count.

    Control characters are written as Telegram does (`\x0b`), so the escape fixer is on the path.
    """
    filler = "نص تجريبي fake filler text \x0b " * 20
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "Fake Big Channel",\n "type": "public_channel",\n "id": 1,\n')
        out.write(' "messages": [\n')
        while out.tell() < TARGET_BYTES:
            text = [filler, {"type": "phone", "text": "07700000000"}, f" #{count}"]
            entities = [
                {"type": "plain", "text": filler},
                text[1],
                {"type": "plain", "text": text[2]},
            ]
            message = {
                "id": count,
                "type": "message",
                "date": "2025-01-01T00:00:00",
                "date_unixtime": "1735689600",
                "from": "Fake Big Channel",
                "from_id": "channel1",
                "text": text,
                "text_entities": entities,
            }
            out.write(("  " if count == 0 else ",\n  ") + _telegram_json(message))
            count += 1
        out.write("\n ]\n}\n")
    return count


def _telegram_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False).replace("\\u000b", "\\x0b")


def test_peak_memory_stays_low(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    expected = _write_big_export(path)
    assert path.stat().st_size >= TARGET_BYTES
    with path.open("rb") as head:
        assert b"\\x0b" in head.read(4096)
    reader = TelegramDesktopReader(path)
    seen = 0
    tracemalloc.start()
    try:
        for message in reader:
            assert message.text.count("\x0b") == 20
            seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == expected == reader.stats.messages
    assert peak < PEAK_LIMIT, f"peak {peak / 1e6:.1f} MB"
