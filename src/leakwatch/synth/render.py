"""Build a message from parts while recording spans, and the surface variants real posts show.

Labels are exact by construction: `Builder` appends parts to the flat text and records each
entity's (start, end) as it goes, so nothing is ever searched for afterwards. Variants that change
characters (digit scripts, tatweel, diacritics, letter forms, emoji between digit groups) are
applied to a value *before* it is appended, so spans always cover the text as written.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Literal

from leakwatch.entities import EntityType

DigitMode = Literal["ascii", "arabic", "extended", "mixed"]
Part = str | dict[str, str]

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_EXTENDED = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
#: Letters that do not join to the next letter: tatweel cannot follow them.
_NON_JOINING = frozenset("اأإآٱدذرزوؤةىءەڕژۆ ")
_NO_HARAKA = frozenset("اأإآىةءـ")
_HARAKAT = ("\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b")
_FINAL_YA = re.compile(r"ى\b")
_FINAL_TA = re.compile(r"ة\b")
_PHONE_EMOJI = ("📞", "☎️", "📱", "👈", "🔸", "✅", "⬅️")


def to_script(text: str, mode: Literal["ascii", "arabic", "extended"]) -> str:
    """`text` with ASCII digits rewritten in the given digit script (length is preserved)."""
    if mode == "arabic":
        return text.translate(_ARABIC_INDIC)
    if mode == "extended":
        return text.translate(_EXTENDED)
    return text


def vary_letters(name: str, rng: random.Random) -> str:
    """Spelling variants people type: bare alef for hamza forms, ي for final ى, ه for ة."""
    if rng.random() < 0.35:
        name = name.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    if rng.random() < 0.2:
        name = _FINAL_YA.sub("ي", name)
    if rng.random() < 0.2:
        name = _FINAL_TA.sub("ه", name)
    return name


def add_tatweel(name: str, rng: random.Random) -> str:
    """Insert one tatweel run inside a word, after a letter that joins to the next one."""
    spots = [
        i
        for i in range(len(name) - 1)
        if name[i] not in _NON_JOINING
        and "\u0620" <= name[i] <= "\u06ff"
        and "\u0620" <= name[i + 1] <= "\u06ff"
    ]
    if not spots:
        return name
    i = rng.choice(spots) + 1
    return name[:i] + "ـ" * rng.randint(1, 3) + name[i:]


def add_diacritics(name: str, rng: random.Random) -> str:
    """Put a few harakat after Arabic letters (never at the start, never on spaces)."""
    out: list[str] = []
    for ch in name:
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and ch not in _NO_HARAKA and rng.random() < 0.3:
            out.append(rng.choice(_HARAKAT))
    return "".join(out)


def emojify(value: str, rng: random.Random) -> str:
    """Break a digit sequence with an emoji between two groups, e.g. "0770📞123 4567"."""
    seps = [i for i in range(1, len(value) - 1) if value[i] in " -" and value[i - 1].isdigit()]
    emoji = rng.choice(_PHONE_EMOJI)
    if seps:
        i = rng.choice(seps)
        return value[:i] + emoji + value[i + 1 :]
    cut = 4 if value[0] == "0" and value[:2] != "00" else min(7, len(value) - 2)
    return value[:cut] + emoji + value[cut:]


@dataclass(frozen=True, slots=True)
class Span:
    """One labelled entity: Python code-point offsets into the flat text."""

    entity_type: EntityType
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Rendered:
    """A finished message: Telegram's `text` and `text_entities` plus the exact label spans."""

    flat: str
    text: str | list[Part]
    text_entities: list[dict[str, str]]
    spans: tuple[Span, ...]


class Builder:
    """Accumulates a message part by part, tracking the offset of every labelled value."""

    __slots__ = ("_len", "_parts", "_spans")

    def __init__(self) -> None:
        self._parts: list[Part] = []
        self._spans: list[Span] = []
        self._len = 0

    @property
    def pos(self) -> int:
        """Current length of the flat text (the start of whatever comes next)."""
        return self._len

    def add(self, text: str) -> None:
        """Append plain text."""
        if not text:
            return
        if self._parts and isinstance(self._parts[-1], str):
            self._parts[-1] += text
        else:
            self._parts.append(text)
        self._len += len(text)

    def styled(self, text: str, tg_type: str, **extra: str) -> None:
        """Append text that Telegram marks as an entity (bold, hashtag, link…), not labelled."""
        if not text:
            return
        obj = {"type": tg_type, "text": text}
        obj.update(extra)
        self._parts.append(obj)
        self._len += len(text)

    def entity(self, text: str, entity_type: EntityType, tg_type: str | None = None) -> None:
        """Append a labelled value, optionally wrapped in a Telegram entity object."""
        start = self._len
        if tg_type is None:
            self.add(text)
        else:
            self.styled(text, tg_type)
        self._spans.append(Span(entity_type, start, self._len))

    def label(self, entity_type: EntityType, start: int, end: int) -> None:
        """Label a stretch already appended (e.g. a block of document marker lines)."""
        if end > start:
            self._spans.append(Span(entity_type, start, end))

    def finish(self, trailing_empty: bool = False) -> Rendered:
        """Freeze into Telegram's shapes: a plain string when there is one plain part."""
        parts = list(self._parts)
        flat = "".join(p if isinstance(p, str) else p["text"] for p in parts)
        if not parts:
            text: str | list[Part] = ""
        elif len(parts) == 1 and isinstance(parts[0], str):
            text = parts[0]
        else:
            if trailing_empty and not isinstance(parts[-1], str):
                parts.append("")
            text = parts
        entities = (
            [{"type": "plain", "text": p} if isinstance(p, str) else p for p in parts]
            if parts
            else []
        )
        spans = tuple(sorted(self._spans, key=lambda s: (s.start, s.end)))
        return Rendered(flat=flat, text=text, text_entities=entities, spans=spans)
