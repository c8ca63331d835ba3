"""The unit every source yields and every detector reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from leakwatch.entities import EntityType


@dataclass(frozen=True, slots=True)
class Hint:
    """A span the platform itself marked (Telegram's `phone`, `email`, `bank_card` entities).

    Offsets are code-point indices into `Message.text`.
    """

    entity_type: EntityType
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Message:
    """One post with its flat text.

    `text` is the concatenation, in order, of every part of Telegram's `text` field; every span
    leakwatch reports is an index into it. `date` is ISO-8601 UTC with a `Z`; old exports without
    `date_unixtime` give the exporter's local time as written (no `Z`); None means unknown.
    """

    source: str
    channel_id: int | None
    channel: str | None
    message_id: int
    date: str | None
    text: str
    hints: tuple[Hint, ...] = ()
    forwarded_from: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())


@dataclass(slots=True)
class ReadStats:
    """What a reader saw besides the messages it yielded; mutable, filled while iterating."""

    messages: int = 0
    skipped_service: int = 0
    skipped_malformed: int = 0
    chats: int = 0
    #: Corrupt regions read past (Telegram exports): how many, their bytes, messages in them.
    damaged_regions: int = 0
    skipped_bytes: int = 0
    lost_messages: int = 0


def clean(text: str) -> str:
    """`text` with lone surrogates (from escapes such as `\\ud800`) as U+FFFD: they cannot be
    written as UTF-8, so one would break every output and the store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
