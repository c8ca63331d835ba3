"""Iraqi vehicle plates as people write them: number, series letter, governorate, in any order.

"12345 ب بغداد", "بغداد 12345 ب", "Baghdad 45678 B", old-style "بغداد 123456", "فحص مؤقت".
The full number + letter + governorate shape is distinctive on its own; shorter shapes (number
and letter, or number and governorate) look like times, addresses and years, so they need a
vehicle cue nearby.

Matching starts from the numbers (few per post) and looks at the tokens on either side; the
governorate names are found with one Aho-Corasick pass, since a regex alternation of ~90 names
tried at every position of every post was the most expensive step of the whole detector.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import ahocorasick

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import (
    ARABIC_LETTERS,
    Cues,
    not_identifier_shape,
    number_kind_before,
)
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType
from leakwatch.normalize import normalize_token

#: Governorates (all 18 plus Halabja) and the country words, as written on plates and in posts.
GOVERNORATES: tuple[str, ...] = (
    # Arabic
    "بغداد", "البصرة", "بصرة", "نينوى", "الموصل", "موصل", "أربيل", "السليمانية", "سليمانية",
    "دهوك", "كركوك", "ديالى", "الأنبار", "انبار", "صلاح الدين", "بابل", "كربلاء", "كربلا",
    "النجف", "نجف", "واسط", "القادسية", "قادسية", "الديوانية", "ديوانية", "ميسان", "ذي قار",
    "ذيقار", "المثنى", "مثنى", "حلبجة", "العراق", "كردستان", "كوردستان",
    # Kurdish (Sorani)
    "هەولێر", "سلێمانی", "دهۆک", "کەرکووک", "هەڵەبجە", "بەغدا", "عێراق", "کوردستان",
    # English
    "baghdad", "basra", "basrah", "nineveh", "ninawa", "mosul", "erbil", "arbil", "irbil",
    "hawler", "sulaymaniyah", "sulaimaniyah", "sulaimani", "slemani", "duhok", "dohuk",
    "kirkuk", "diyala", "anbar", "salahuddin", "salah al-din", "salah aldin", "babil", "babylon",
    "karbala", "kerbala", "najaf", "wasit", "qadisiyah", "qadisiya", "diwaniyah", "maysan",
    "missan", "dhi qar", "thi qar", "muthanna", "halabja", "iraq", "kurdistan",
)  # fmt: skip
_TEMPORARY: tuple[str, ...] = ("فحص مؤقت", "فحص موقت")
#: Plate series letters (أ is folded to ا by normalization).
_SERIES = frozenset("ابجدهوزحطيكلمنسعفصقرشتثخذضظغ")

_AR = ARABIC_LETTERS
_AR_SET = frozenset(chr(c) for c in range(0x0600, 0x0780) if re.match(f"[{_AR}]", chr(c)))
# 1-6 digits that are not part of a longer number, a decimal, a date or a time.
_NUMBER = re.compile(r"[0-9](?<![0-9.,/:][0-9])[0-9]{0,5}(?![0-9]|[.,/:][0-9])")
_SPACES = " \t"
_MARKS = "-–/|"
# Years written with their era letter ("2023 م", "1445 ه") look like a number + series letter.
_YEAR = re.compile(r"(?:19|20|13|14)[0-9]{2}")
# Address notation nearby ("م 905 ز 12 د 7", "دار 12 ب"): mahalla/zuqaq/dar, not a plate.
_MZD = re.compile(rf"(?<![{_AR}])[مز][ \t]*[0-9]{{1,4}}[ \t,\-–]*(?<![{_AR}])[زد][ \t]*[0-9]")
_ADDRESS_BEFORE = re.compile(rf"(?<![{_AR}])(?:دار|زقاق|محله|شارع|حي|عماره|بنايه|شقه|قطعه)\W*$")
# A price or measure, not a plate: "السيارة بسعر 15000 د", "car 300 m".
_PRICE = Cues.of(
    ("سعر", "دينار", "الف", "مليون", "دولار", "ورقه", "$", "price", "usd", "iqd", "km", "kg")
)
_UNIT_LETTERS = frozenset("mkglshxt")
_TEMP_NEEDLE = "فحص"

#: A place word found in the text: (start, end, is the temporary-plate phrase).
_Place = tuple[int, int, bool]


def _build_places() -> Any:
    automaton = ahocorasick.Automaton()
    for word, temporary in [(g, False) for g in GOVERNORATES] + [(t, True) for t in _TEMPORARY]:
        norm = normalize_token(word)
        automaton.add_word(norm, (len(norm), temporary))
    automaton.make_automaton()
    return automaton


_PLACES = _build_places()


def _is_letter(ch: str) -> bool:
    return ch in _AR_SET or "a" <= ch <= "z"


def _places(norm: str) -> tuple[dict[int, _Place], dict[int, _Place]]:
    """Governorate / temporary-plate words standing alone, indexed by start and by end."""
    by_start: dict[int, _Place] = {}
    by_end: dict[int, _Place] = {}
    n = len(norm)
    for last, (length, temporary) in _PLACES.iter(norm):
        start, end = last - length + 1, last + 1
        if (start and _is_letter(norm[start - 1])) or (end < n and _is_letter(norm[end])):
            continue
        by_start[start] = by_end[end] = (start, end, temporary)
    return by_start, by_end


def _gap_forward(norm: str, pos: int) -> int:
    """Skip the separator between plate parts: spaces, one dash/slash/bar, spaces."""
    n = len(norm)
    while pos < n and norm[pos] in _SPACES:
        pos += 1
    if pos < n and norm[pos] in _MARKS:
        pos += 1
        while pos < n and norm[pos] in _SPACES:
            pos += 1
    return pos


def _gap_back(norm: str, pos: int) -> int:
    while pos > 0 and norm[pos - 1] in _SPACES:
        pos -= 1
    if pos > 0 and norm[pos - 1] in _MARKS:
        pos -= 1
        while pos > 0 and norm[pos - 1] in _SPACES:
            pos -= 1
    return pos


def _series_letter_at(norm: str, pos: int) -> bool:
    """A lone series letter at `pos`: Arabic (not part of a word) or one Latin letter."""
    if not 0 <= pos < len(norm):
        return False
    ch = norm[pos]
    before = norm[pos - 1] if pos else " "
    after = norm[pos + 1] if pos + 1 < len(norm) else " "
    if ch in _SERIES:
        return before not in _AR_SET and after not in _AR_SET
    if "a" <= ch <= "z":
        return not ("a" <= before <= "z") and not ("a" <= after <= "z" or "0" <= after <= "9")
    return False


class _Candidate:
    """A plate shape around a number (a plain class: compiled, its constructor stays native)."""

    __slots__ = ("end", "letter", "number", "shape", "start", "temporary")

    def __init__(
        self,
        start: int,
        end: int,
        shape: str,  # "full" (number+letter+place), "letter", "place"
        number: str,
        letter: str = "",
        temporary: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.shape = shape
        self.number = number
        self.letter = letter
        self.temporary = temporary


class _Neighbours:
    """Where the separators around one number end, and where a series letter sits (or -1).

    "و" is also the word "and" ("بغداد و 1475", "في بغداد و 50"): it never counts before a
    number, and after one only where a vehicle cue is near.
    """

    __slots__ = ("after", "before", "letter_after", "letter_before")

    def __init__(self, norm: str, s: int, e: int, has_cue: bool) -> None:
        self.after = after = _gap_forward(norm, e)
        self.before = before = _gap_back(norm, s)
        self.letter_after = -1
        self.letter_before = -1
        if _series_letter_at(norm, after) and (has_cue or norm[after] != "و"):
            self.letter_after = after
        if _series_letter_at(norm, before - 1) and norm[before - 1] != "و":
            self.letter_before = before - 1


def _candidate(
    norm: str, span: tuple[int, int], near: _Neighbours, places: tuple[dict[int, _Place], ...]
) -> _Candidate | None:
    """The plate shape around the number at `span`, longest shape first."""
    s, e = span
    by_start, by_end = places
    number = norm[s:e]
    la, lb = near.letter_after, near.letter_before
    if la >= 0:
        place = by_end.get(near.before)
        if place and not place[2]:  # "بغداد 12345 ب"
            return _Candidate(place[0], la + 1, "full", number, norm[la])
        place = by_start.get(_gap_forward(norm, la + 1))
        if place and not place[2]:  # "12345 ب بغداد"
            return _Candidate(s, place[1], "full", number, norm[la])
    if lb >= 0:
        place = by_end.get(_gap_back(norm, lb))
        if place and not place[2]:  # "بغداد ب 12345"
            return _Candidate(place[0], e, "full", number, norm[lb])
        place = by_start.get(near.after)
        if place and not place[2]:  # "ب 12345 بغداد"
            return _Candidate(lb, place[1], "full", number, norm[lb])
    if la >= 0:  # "12345 ب"
        return _Candidate(s, la + 1, "letter", number, norm[la])
    if lb >= 0:  # "ب 12345"
        return _Candidate(lb, e, "letter", number, norm[lb])
    place = by_start.get(near.after)
    if place:  # "123456 بغداد", "45678 فحص مؤقت"
        return _Candidate(s, place[1], "place", number, temporary=place[2])
    place = by_end.get(near.before)
    if place:  # "بغداد 123456"
        return _Candidate(place[0], e, "place", number, temporary=place[2])
    return None


def _other_number(norm: str, start: int, end: int) -> bool:
    """A number that a cue just before it (VIN/chassis, order, serial, postal code) or its own
    shape (IP, VIN, ZIP+4) says is no plate."""
    return (
        number_kind_before(norm, start) is not None
        or not_identifier_shape(norm, start, end) is not None
    )


class VehiclePlateRecognizer(Recognizer):
    """Iraqi vehicle plates in the shapes people type them.

    Score: number + letter + governorate 0.8 alone, 0.95 with a vehicle cue; number + letter
    (3+ digits) with a cue 0.85; number + governorate (4-6 digits, not a year) with a cue 0.8;
    a "فحص مؤقت" (temporary plate) number 0.85.
    """

    name: ClassVar[str] = "iq_plate"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.VEHICLE_PLATE,)
    PATTERN: ClassVar[re.Pattern[str]] = _NUMBER
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "سيارة", "السيارة", "سيارته", "لوحة", "رقم السيارة", "العجلة", "عجلة", "مركبة", "المركبة",
        "ئۆتۆمبێل", "ژمارەی ئۆتۆمبێل", "plate", "car", "vehicle", "licence plate", "license plate",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if not doc.digits:
            return out
        has_cue = self._CUE.present(norm)
        # Without a vehicle cue only the full shape (or a temporary plate) can count, and the
        # full shape needs a series letter next to the number: check that before anything else.
        needs_letter = not has_cue and _TEMP_NEEDLE not in norm
        places: tuple[dict[int, _Place], dict[int, _Place]] | None = None
        covered = 0
        for m in _NUMBER.finditer(norm):
            s, e = m.span()
            if s < covered or (s and "a" <= norm[s - 1] <= "z"):
                continue  # glued to a Latin letter: a VIN tail, serial or model code
            near = _Neighbours(norm, s, e, has_cue)
            if needs_letter and near.letter_after < 0 and near.letter_before < 0:
                continue
            if places is None:
                places = _places(norm)
            cand = _candidate(norm, (s, e), near, places)
            if cand is None or _other_number(norm, s, e):
                continue
            cue = self._CUE.near(norm, cand.start, cand.end) if has_cue else None
            judged = self._judge(norm, cand, cue)
            if judged is not None:
                covered = cand.end
                score, why = judged
                out.append(
                    doc.finding(
                        EntityType.VEHICLE_PLATE, cand.start, cand.end, score, self.name, why
                    )
                )
        return out

    @staticmethod
    def _judge(norm: str, cand: _Candidate, cue: str | None) -> tuple[float, str] | None:
        """Score a candidate shape, or None where it is more likely a year, address or price."""
        start, end, number = cand.start, cand.end, cand.number
        if cand.shape == "place":
            if cand.temporary:
                return 0.85, "temporary plate number"
            if cue is None or not 4 <= len(number) <= 6 or _YEAR.fullmatch(number):
                return None
            return 0.8, f"number + governorate + context '{cue}'"
        if (
            (cand.letter in ("م", "ه") and _YEAR.fullmatch(number))
            or _ADDRESS_BEFORE.search(norm, max(0, start - 12), start)
            or _MZD.search(norm, max(0, start - 15), end + 15)
        ):
            return None
        if cand.shape == "full":
            if cue is not None:
                return 0.95, f"number + series letter + governorate + context '{cue}'"
            return (0.8, "number + series letter + governorate") if len(number) >= 3 else None
        if (
            cue is None
            or len(number) < 3
            or cand.letter in _UNIT_LETTERS
            or norm[end : end + 1] == "."
            or _PRICE.near(norm, start, end, left=20, right=10)
        ):
            return None
        return 0.85, f"number + series letter + context '{cue}'"
