"""Turn the paths a user names into readers, choosing each file's format by its content.

A file is sniffed, not judged by its extension alone: a JSON object with Telegram export keys is a
Telegram Desktop export, a `.jsonl`/`.ndjson` file or one whose first line is a message object is
JSON Lines. A directory contributes every `result.json`, every `*.jsonl`/`*.ndjson` whose first
line is a post (labels and earlier scan outputs lying beside the exports are left alone) and any
other `*.json` that sniffs as a Telegram export, recursively (hidden directories skipped), sorted
so that scans are reproducible. Problems visible up front (missing path, empty or binary file,
a small file that is not an export) raise `InputError` here; problems deep inside a big file
surface while iterating.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final, Protocol

from leakwatch.errors import InputError
from leakwatch.sources.jsonl import JsonlReader
from leakwatch.sources.message import Message, ReadStats
from leakwatch.sources.telegram_desktop import TelegramDesktopReader, looks_like_telegram_export

_HEAD_BYTES: Final = 16 * 1024
_BOM: Final = b"\xef\xbb\xbf"
_JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
_EXPORT_NAME: Final = "result.json"


class Reader(Protocol):
    """What every source gives the scanner: messages, then what was skipped while reading them."""

    stats: ReadStats

    @property
    def display(self) -> str:
        """The path as the user named it; also each message's `source`."""
        ...

    def __iter__(self) -> Iterator[Message]: ...


class Feed:
    """The readers' messages one after another; a source that breaks part-way is noted in
    `errors` and the next one read, so nothing readable is lost to one bad file."""

    def __init__(self, readers: Sequence[Reader]) -> None:
        self.readers = readers
        self.errors: list[str] = []

    def __iter__(self) -> Iterator[Message]:
        for reader in self.readers:
            try:
                yield from reader
            except InputError as exc:
                self.errors.append(str(exc))

    @property
    def stats(self) -> ReadStats:
        """The readers' counts added up (complete once iteration has ended)."""
        total = ReadStats()
        for reader in self.readers:
            s = reader.stats
            total.messages += s.messages
            total.skipped_service += s.skipped_service
            total.skipped_malformed += s.skipped_malformed
        return total


def open_sources(paths: Sequence[str]) -> list[Reader]:
    """One reader per scannable file under `paths`, in order, each file once."""
    readers: list[Reader] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or directory")
        if path.is_dir():
            found = _scan_directory(path)
            if not found:
                raise InputError(f"{given}: no Telegram export or JSON Lines file in directory")
        else:
            found = [(path, _open_file(path, given))]
        for file, reader in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                readers.append(reader)
    return readers


def _scan_directory(root: Path) -> list[tuple[Path, Reader]]:
    found: list[tuple[Path, Reader]] = []
    for file in _walk(root):
        display = str(file)
        if file.name == _EXPORT_NAME:
            found.append((file, TelegramDesktopReader(file, display)))
        elif file.suffix.lower() in _JSONL_SUFFIXES and _holds_posts(file):
            found.append((file, JsonlReader(file, display)))
        elif file.suffix.lower() == ".json" and looks_like_telegram_export(file):
            found.append((file, TelegramDesktopReader(file, display)))
    return found


def _walk(root: Path) -> list[Path]:
    """Every regular file under `root`, sorted by path, without following links or hidden dirs."""
    files: list[Path] = []
    for current, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(current) / name for name in names)
    return sorted((f for f in files if f.is_file()), key=lambda f: f.relative_to(root).parts)


def _open_file(path: Path, display: str) -> Reader:
    """The reader for a file the user named, or an `InputError` saying why there is none."""
    try:
        with path.open("rb") as raw:
            head = raw.read(_HEAD_BYTES)
            whole = not raw.read(1)
    except OSError as exc:
        raise InputError(f"{display}: cannot read ({exc.strerror})") from None
    start = head.removeprefix(_BOM).lstrip()
    if not start:
        raise InputError(f"{display}: file is empty")
    if b"\x00" in head:
        raise InputError(f"{display}: binary file, not a Telegram export or JSON Lines")
    if path.suffix.lower() in _JSONL_SUFFIXES:
        return JsonlReader(path, display)
    if start.startswith(b"["):
        raise InputError(f"{display}: not a Telegram export (top level is a list)")
    if not start.startswith(b"{"):
        raise InputError(f"{display}: not a Telegram export or JSON Lines file")
    if looks_like_telegram_export(path):
        return TelegramDesktopReader(path, display)
    if _first_line_is_message(start):
        return JsonlReader(path, display)
    reader = TelegramDesktopReader(path, display)
    if whole:
        for _ in reader:  # small enough to read now: raises the reader's own precise error
            pass
    return reader


def _holds_posts(file: Path) -> bool:
    """A folder's JSONL file is scanned only if it holds posts: labels and scan outputs are not."""
    try:
        with file.open("rb") as raw:
            head = raw.read(_HEAD_BYTES)
    except OSError:
        return True  # let the reader report it
    return _first_line_is_message(head.removeprefix(_BOM).lstrip())


def _first_line_is_message(head: bytes) -> bool:
    line = head.split(b"\n", 1)[0]
    try:
        obj: object = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "text" in obj
