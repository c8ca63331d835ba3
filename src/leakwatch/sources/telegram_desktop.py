"""Stream `Message`s out of a Telegram Desktop JSON export (`result.json`) without loading it.

Reads both shapes Telegram Desktop writes: a single-chat export (the root object is the chat) and a
full-account export (`chats.list[]` and `left_chats.list[]`); everything else in a full export
(`personal_information`, `contacts`, ...) is parsed past and never yielded. Format facts are in
`shared/data/telegram_export_examples/SCHEMA.md`.

Streaming contract, for the CLI:
* Messages are yielded as they are read; only one message is ever held in memory.
* A chat's `name`/`id` are remembered as they go by. Telegram writes them before `messages`; if a
  reordered file puts them after, the messages before them are yielded with `channel`/`channel_id`
  None (buffering the messages instead would break the memory bound).
* Unreadable input raises `InputError` with one line. Damage does not stop the reading: after a
  corrupt region the reader resynchronises on the next message (`sources.export_stream`), and
  once every readable message has been yielded it raises one `InputError` saying how many bytes
  and messages it skipped. A file that breaks off (truncated) yields every message before the cut,
  then raises. A caller that wants both iterates, catches `InputError`, and still has the
  messages and `stats`.
* Messages that cannot be read (not an object, non-integer `id`, `text` of a wrong type, an unknown
  `type`) are skipped and counted in `stats.skipped_malformed`; `service`/`unsupported` ones are
  skipped and counted in `stats.skipped_service`.
* `date` is UTC (`YYYY-MM-DDTHH:MM:SSZ`) from `date_unixtime`; old exports without it get `date` as
  written, with no `Z`, because Telegram writes it in the exporting machine's unknown local zone.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Final, Literal, TypeAlias

import ijson

from leakwatch.entities import EntityType
from leakwatch.errors import InputError
from leakwatch.sources.export_stream import Damage, ExportStream, Truncated
from leakwatch.sources.jsonfix import EscapeFixingReader
from leakwatch.sources.message import Hint, Message, ReadStats, clean

try:
    _BACKEND: Any = ijson.get_backend("yajl2_c")
except ImportError:  # pragma: no cover - depends on how ijson was built
    _BACKEND = ijson

_BOM: Final = b"\xef\xbb\xbf"
_HEAD_BYTES: Final = 16 * 1024
_BUF_SIZE: Final = 64 * 1024

#: Telegram's own entity marks that are personal data, as leakwatch entity types.
_HINT_TYPES: Final = {
    "phone": EntityType.PHONE_NUMBER,
    "email": EntityType.EMAIL_ADDRESS,
    "bank_card": EntityType.CREDIT_CARD,
}
_SKIPPED_TYPES: Final = frozenset({"service", "unsupported"})
_CHAT_TYPES: Final = frozenset(
    {
        "personal_chat",
        "bot_chat",
        "private_group",
        "private_supergroup",
        "public_supergroup",
        "private_channel",
        "public_channel",
        "saved_messages",
        "replies",
    }
)
#: Root keys that only a Telegram export has.
_EXPORT_KEYS: Final = frozenset({"messages", "chats", "left_chats", "personal_information"})

# Where chats live: the root (single-chat export) or an item of a full export's chat lists.
_LIST_CHATS: Final = ("chats.list.item", "left_chats.list.item")
_CHAT_PREFIXES: Final = frozenset({"", *_LIST_CHATS})
_MESSAGES_ARRAYS: Final = frozenset({"messages", *(f"{c}.messages" for c in _LIST_CHATS)})
_MESSAGE_ITEMS: Final = frozenset(f"{m}.item" for m in _MESSAGES_ARRAYS)
_META_KEYS: Final = {
    **{"name": "name", "id": "id"},
    **{f"{c}.{k}": k for c in _LIST_CHATS for k in ("name", "id")},
}
_CONTAINERS: Final = {
    "chats": "start_map",
    "left_chats": "start_map",
    "chats.list": "start_array",
    "left_chats.list": "start_array",
}
_OPEN = frozenset({"start_map", "start_array"})
_CLOSE = frozenset({"end_map", "end_array"})
#: Events that say nothing about a container's type: it ends, or names its next key.
_PASSIVE = frozenset({*_CLOSE, "map_key"})
_KIND: Final = {
    "start_map": "an object",
    "start_array": "a list",
    "string": "a string",
    "number": "a number",
    "boolean": "a boolean",
    "null": "null",
}
_UNIXTIME = re.compile(r"-?[0-9]+")
_Outcome: TypeAlias = Message | Literal["service", "malformed"]


def looks_like_telegram_export(path: Path | str) -> bool:
    """Cheap sniff on the first 16 KB: a JSON object whose root keys only a Telegram export has."""
    try:
        with Path(path).open("rb") as raw:
            head = raw.read(_HEAD_BYTES)
    except OSError:
        return False
    return _sniff_head(head)


def _sniff_head(head: bytes) -> bool:
    """Root keys and the root `type`, by depth (no prefixes: a deeply nested head stays cheap)."""
    head = head.removeprefix(_BOM)
    if not head.lstrip().startswith(b"{"):
        return False
    depth = 0
    root_type = False
    events = _BACKEND.basic_parse(EscapeFixingReader(io.BytesIO(head)))
    try:
        for event, value in events:
            if event in _OPEN:
                depth += 1
            elif event in _CLOSE:
                depth -= 1
            elif depth == 1 and event == "map_key":
                if value in _EXPORT_KEYS:
                    return True
                root_type = value == "type"
                continue
            elif depth == 1 and root_type and event == "string" and value in _CHAT_TYPES:
                return True
            root_type = False
    except (ijson.JSONError, UnicodeDecodeError, ValueError):
        pass  # the head ends mid-document, or the file is not JSON
    return False


@dataclass(slots=True)
class _Chat:
    """What is known so far about the chat whose messages are being read."""

    name: str | None = None
    id: int | None = None


class TelegramDesktopReader:
    """Yields the messages of one Telegram Desktop export; `stats` describe the latest iteration."""

    def __init__(self, path: Path, display: str | None = None) -> None:
        self.path = path
        self.display = display if display is not None else str(path)
        self.stats = ReadStats()

    def __iter__(self) -> Iterator[Message]:
        self.stats = ReadStats()
        walker = _Walker(self.display, self.stats)
        before_damage: int | None = None
        with self._open() as raw:
            stream = ExportStream(raw)
            try:
                for prefix, event, value in stream:
                    if before_damage is None and stream.damage.regions:
                        before_damage = self.stats.messages
                    message = walker.feed(prefix, event, value)
                    if message is not None:
                        yield message
            except Truncated:
                self._note(stream.damage)
                raise InputError(self._truncated(stream.damage)) from None
            except OSError as exc:
                raise InputError(f"{self.display}: cannot read ({exc.strerror})") from None
        damage = stream.damage
        self._note(damage)
        if damage.regions and not walker.started:
            raise InputError(f"{self.display}: not a JSON file ({damage.first})")
        if damage.regions and not walker.is_export:
            raise InputError(f"{self.display}: not a Telegram export ({damage.first})")
        walker.finish()
        if damage.regions:
            n = self.stats.messages if before_damage is None else before_damage
            raise InputError(
                f"{self.display}: invalid JSON after {n:,} messages ({damage.first}); "
                f"read on past {damage.regions:,} damaged region(s), skipping "
                f"{damage.skipped_bytes:,} bytes and {damage.lost_messages:,} message(s); "
                f"{self.stats.messages:,} messages read"
            )
        if damage.bad_utf8:
            raise InputError(
                f"{self.display}: invalid UTF-8 in {damage.bad_utf8:,} place(s), read as U+FFFD; "
                f"{self.stats.messages:,} messages read"
            )

    def _note(self, damage: Damage) -> None:
        self.stats.damaged_regions = damage.regions
        self.stats.skipped_bytes = damage.skipped_bytes
        self.stats.lost_messages = damage.lost_messages

    def _truncated(self, damage: Damage) -> str:
        line = (
            f"{self.display}: export is truncated after {self.stats.messages:,} messages "
            "(unexpected end of JSON)"
        )
        if damage.regions:
            line += (
                f"; before that, read on past {damage.regions:,} damaged region(s), skipping "
                f"{damage.skipped_bytes:,} bytes and {damage.lost_messages:,} message(s)"
            )
        return line

    def _open(self) -> BinaryIO:
        """Open the file, rejecting empty and binary ones and skipping a UTF-8 byte-order mark."""
        try:
            raw = self.path.open("rb")
        except OSError as exc:
            raise InputError(f"{self.display}: cannot read ({exc.strerror})") from None
        try:
            head = raw.read(_HEAD_BYTES)
            problem = _head_problem(head)
            if problem is not None:
                raise InputError(f"{self.display}: {problem}")
            raw.seek(len(_BOM) if head.startswith(_BOM) else 0)
        except OSError as exc:
            raw.close()
            raise InputError(f"{self.display}: cannot read ({exc.strerror or exc})") from None
        except InputError:
            raw.close()
            raise
        return raw


def _head_problem(head: bytes) -> str | None:
    """Why the first bytes already show the file is not a JSON export, if they do."""
    if not head.removeprefix(_BOM).strip():
        return "file is empty"
    if looks_binary(head):
        return "binary file, not a JSON export"
    return None


def looks_binary(head: bytes) -> bool:
    """A NUL in a file that does not even open like JSON: a NUL inside a JSON export is damage
    that the reader reads past, not a reason to reject the file."""
    start = head.removeprefix(_BOM).lstrip()
    return b"\x00" in head and not start.startswith((b"{", b"["))


class _Walker:
    """Turns the stream's (prefix, event, value) events into messages, one object at a time."""

    def __init__(self, source: str, stats: ReadStats) -> None:
        self.source = source
        self.stats = stats
        self.started = False
        self.is_export = False
        self.chat = _Chat()

    def feed(self, prefix: str, event: str, value: object) -> Message | None:
        if event == "resync":  # the stream rebuilt its stack after damage, inside an export
            self.started = self.is_export = True
            return None
        if not self.started:
            self.started = True
            if event != "start_map":
                raise InputError(
                    f"{self.source}: not a Telegram export (top level is {_KIND[event]})"
                )
        if prefix in _MESSAGE_ITEMS:
            return self._start_message(event, value)
        if prefix in _META_KEYS:
            self._set_meta(_META_KEYS[prefix], value)
        elif prefix in _MESSAGES_ARRAYS:
            self._check_messages_array(prefix, event)
        elif prefix in _CHAT_PREFIXES:
            if event == "start_map":
                self.chat = _Chat()
            elif prefix and event not in _PASSIVE:
                self.stats.skipped_malformed += 1  # a chat-list item that is not an object
        elif prefix in _CONTAINERS:
            self._check_container(prefix, event)
        return None

    def finish(self) -> None:
        if not self.is_export:
            raise InputError(f"{self.source}: not a Telegram export (no 'messages' or 'chats')")

    def _start_message(self, event: str, value: object) -> Message | None:
        if event == "message":
            return self._count(_to_message(value, self.chat, self.source))
        if event not in _PASSIVE:
            self.stats.skipped_malformed += 1  # a list or a bare scalar where a message belongs
        return None

    def _count(self, outcome: _Outcome) -> Message | None:
        if outcome == "service":
            self.stats.skipped_service += 1
            return None
        if outcome == "malformed":
            self.stats.skipped_malformed += 1
            return None
        self.stats.messages += 1
        return outcome

    def _set_meta(self, key: str, value: object) -> None:
        if key == "name":
            self.chat.name = clean(value) if isinstance(value, str) else None
        else:
            self.chat.id = value if isinstance(value, int) and not isinstance(value, bool) else None

    def _check_messages_array(self, prefix: str, event: str) -> None:
        if event == "start_array":
            self.is_export = True
            self.stats.chats += 1
        elif event != "end_array":
            raise self._wrong_type(prefix, event, "start_array")

    def _check_container(self, prefix: str, event: str) -> None:
        expected = _CONTAINERS[prefix]
        if event == expected:
            self.is_export = True
        elif event not in _PASSIVE:
            raise self._wrong_type(prefix, event, expected)

    def _wrong_type(self, prefix: str, event: str, expected: str) -> InputError:
        found, want = _KIND[event], _KIND[expected]
        return InputError(
            f"{self.source}: not a Telegram export ('{prefix}' is {found}, expected {want})"
        )


def _to_message(obj: object, chat: _Chat, source: str) -> _Outcome:
    """One message object as Telegram wrote it → a `Message`, or why it yields none."""
    if not isinstance(obj, dict):
        return "malformed"
    kind = obj.get("type")
    if not isinstance(kind, str):  # `"type": []` must not reach a set lookup (unhashable)
        return "malformed"
    if kind in _SKIPPED_TYPES:
        return "service"
    message_id = obj.get("id")
    if kind != "message" or not isinstance(message_id, int) or isinstance(message_id, bool):
        return "malformed"
    if "text" in obj:
        flat = _flatten(obj["text"])
    elif "text_entities" in obj:  # always a list of objects; never a bare string
        entities = obj["text_entities"]
        flat = _flatten(entities) if isinstance(entities, list) else None
    else:
        flat = ("", ())
    if flat is None:
        return "malformed"
    text, hints = flat
    text = clean(text)
    from_id = obj.get("from_id")
    extra: tuple[tuple[str, str], ...] = ()
    if isinstance(from_id, str | int) and not isinstance(from_id, bool):
        extra = (("from_id", clean(str(from_id))),)
    forwarded_from = obj.get("forwarded_from")
    return Message(
        source=source,
        channel_id=chat.id,
        channel=chat.name,
        message_id=message_id,
        date=_date(obj),
        text=text,
        hints=hints,
        forwarded_from=clean(forwarded_from) if isinstance(forwarded_from, str) else None,
        extra=extra,
    )


def _flatten(parts: object) -> tuple[str, tuple[Hint, ...]] | None:
    """Flat text and Telegram's PII marks from a `text`/`text_entities` value; None if malformed.

    Strings count as they are and entity objects by their `text`, so offsets match what
    Telegram shows; a part that is neither makes the whole message unreadable.
    """
    if isinstance(parts, str):
        return parts, ()
    if not isinstance(parts, list):
        return None
    pieces: list[str] = []
    hints: list[Hint] = []
    pos = 0
    for part in parts:
        if isinstance(part, str):
            piece = part
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            piece = part["text"]
            kind = part.get("type")
            entity = _HINT_TYPES.get(kind) if isinstance(kind, str) else None
            if entity is not None and piece:
                hints.append(Hint(entity, pos, pos + len(piece)))
        else:
            return None
        pieces.append(piece)
        pos += len(piece)
    return "".join(pieces), tuple(hints)


def _date(obj: dict[str, object]) -> str | None:
    """UTC from `date_unixtime` (a string; a number in hand-made files), else `date` as written."""
    raw = obj.get("date_unixtime")
    seconds: int | None = None
    digits = raw.strip() if isinstance(raw, str) else ""
    if len(digits) <= 20 and _UNIXTIME.fullmatch(digits):  # int() refuses "\x1f" and 5,000 digits
        seconds = int(digits)
    elif isinstance(raw, int) and not isinstance(raw, bool):
        seconds = raw
    if seconds is not None:
        try:
            moment = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            pass
        else:
            return moment.isoformat(timespec="seconds").replace("+00:00", "Z")
    local = obj.get("date")
    return clean(local) if isinstance(local, str) and local else None
