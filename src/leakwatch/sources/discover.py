"""Turn the paths a user names into readers, choosing each file's format by its content.

A file is sniffed, not judged by its extension alone: a JSON object with Telegram export keys is a
Telegram Desktop export, a `.jsonl`/`.ndjson` file or one whose first line is a message object is
JSON Lines. A directory contributes every `result.json`, every `*.jsonl`/`*.ndjson` whose first
line is a post (labels and earlier scan outputs lying beside the exports are left alone) and any
other `*.json` that sniffs as a Telegram export (or looks like a damaged one: it is read, and the
reader says what is wrong), recursively (hidden directories skipped, linked folders followed once),
sorted so that scans are reproducible. Problems visible up front (missing path, empty or binary
file, a small file that is not an export, an unreadable folder, a link that loops) are collected
one line each in `errors`, and every other path is still opened; problems deep inside a big file
surface while iterating, through `Feed.errors`.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final, Protocol

from leakwatch.errors import InputError
from leakwatch.sources.jsonl import JsonlReader
from leakwatch.sources.message import Message, ReadStats
from leakwatch.sources.telegram_desktop import (
    TelegramDesktopReader,
    looks_binary,
    looks_like_telegram_export,
)

_HEAD_BYTES: Final = 16 * 1024
_BOM: Final = b"\xef\xbb\xbf"
_JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
_EXPORT_NAME: Final = "result.json"
#: Keys only a Telegram export writes: a `*.json` whose head has one but does not sniff as an
#: export is a damaged export, read (and reported) rather than passed over.
_EXPORT_MARKS: Final = (b'"date_unixtime"', b'"text_entities"', b'"messages"')


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

    def __init__(self, readers: Sequence[Reader], errors: Sequence[str] = ()) -> None:
        self.readers = readers
        self.errors: list[str] = list(errors)

    @classmethod
    def of_paths(cls, paths: Sequence[str]) -> Feed:
        """A feed over every readable source under `paths`; the others are in `errors` already."""
        errors: list[str] = []
        readers = open_sources(paths, errors)
        return cls(readers, errors)

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
            total.damaged_regions += s.damaged_regions
            total.skipped_bytes += s.skipped_bytes
            total.lost_messages += s.lost_messages
        return total


def open_sources(paths: Sequence[str], errors: list[str] | None = None) -> list[Reader]:
    """One reader per scannable file under `paths`, in order, each file once.

    A path that cannot be used is reported in `errors`, one line each, and the others are still
    opened; without `errors`, the first such problem raises `InputError`.
    """
    found_errors: list[str] = []
    readers: list[Reader] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            found = _open_path(path, given, found_errors)
        except InputError as exc:
            found_errors.append(str(exc))
            found = []
        if found_errors and errors is None:
            raise InputError(found_errors[0])
        for file, reader in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                readers.append(reader)
    if errors is not None:
        errors.extend(found_errors)
    return readers


def _open_path(path: Path, given: str, errors: list[str]) -> list[tuple[Path, Reader]]:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ENOENT and not path.is_symlink():
            raise InputError(f"{given}: no such file or directory") from None
        raise InputError(f"{given}: cannot read ({_why(exc)})") from None
    if path.is_dir():
        found = _scan_directory(path, errors)
        if not found:
            raise InputError(f"{given}: no Telegram export or JSON Lines file in directory")
        return found
    return [(path, _open_file(path, given))]


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "dangling symbolic link"
    return exc.strerror or type(exc).__name__


def _scan_directory(root: Path, errors: list[str]) -> list[tuple[Path, Reader]]:
    found: list[tuple[Path, Reader]] = []
    for file in _walk(root, errors):
        display = str(file)
        if file.name == _EXPORT_NAME:
            found.append((file, TelegramDesktopReader(file, display)))
        elif file.suffix.lower() in _JSONL_SUFFIXES and _holds_posts(file):
            found.append((file, JsonlReader(file, display)))
        elif file.suffix.lower() == ".json" and _export_like(file, errors):
            found.append((file, TelegramDesktopReader(file, display)))
    return found


def _walk(root: Path, errors: list[str]) -> list[Path]:
    """Every regular file under `root`, sorted by path; hidden folders skipped, linked folders
    followed once each, and what cannot be entered or resolved reported in `errors`."""
    files: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        errors.append(f"{exc.filename}: cannot read folder ({_why(exc)})")

    for current, dirs, names in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            st = os.stat(current)
        except OSError as exc:
            errors.append(f"{current}: cannot read folder ({_why(exc)})")
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:
            errors.append(f"{current}: link loops back to a folder already scanned (not followed)")
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".") and _entry_ok(current, d, errors)]
        for name in names:
            if _entry_ok(current, name, errors):
                files.append(Path(current) / name)
    return sorted((f for f in files if f.is_file()), key=lambda f: f.relative_to(root).parts)


def _entry_ok(folder: str, name: str, errors: list[str]) -> bool:
    """Whether a folder entry can be resolved; a looping or dangling link is reported."""
    path = os.path.join(folder, name)
    try:
        os.stat(path)
    except OSError as exc:
        errors.append(f"{path}: cannot read ({_why(exc)})")
        return False
    return True


def _export_like(file: Path, errors: list[str]) -> bool:
    """A `*.json` to read as an export: it sniffs as one, or its head carries export keys."""
    try:
        with file.open("rb") as raw:
            head = raw.read(_HEAD_BYTES)
    except OSError as exc:
        errors.append(f"{file}: cannot read ({_why(exc)})")
        return False
    if looks_like_telegram_export(file):
        return True
    return any(mark in head for mark in _EXPORT_MARKS)


def _open_file(path: Path, display: str) -> Reader:
    """The reader for a file the user named, or an `InputError` saying why there is none."""
    try:
        with path.open("rb") as raw:
            head = raw.read(_HEAD_BYTES)
            whole = not raw.read(1)
    except OSError as exc:
        raise InputError(f"{display}: cannot read ({_why(exc)})") from None
    start = head.removeprefix(_BOM).lstrip()
    if not start:
        raise InputError(f"{display}: file is empty")
    if looks_binary(head):
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
    if whole and not any(mark in head for mark in _EXPORT_MARKS):
        for _ in reader:  # small, and no export key: raises the reader's own precise error
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
    except (ValueError, RecursionError):  # RecursionError: a line nested thousands deep
        return False
    return isinstance(obj, dict) and "text" in obj
