"""Small pieces the digit-based recognizers share: separators, digit folding, checksums, cues.

Everything here works on normalized text (ASCII digits, lower-case Latin, folded Arabic letters),
so one pattern serves Arabic-Indic, Extended and ASCII digits alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from leakwatch.detect import lexicon, phrases
from leakwatch.detect.document import Document
from leakwatch.entities import EntityType
from leakwatch.normalize import normalize_token
from leakwatch.sources.message import Hint

#: One separator between two digit groups, as people type them in posts: up to three of
#: space/dash/dot/slash/parenthesis ("0770 - 123", "(0770) 123"), or one or two symbols with
#: optional spaces around them (an emoji such as 📞, which may carry a variation selector, or a
#: keycap "7️⃣"). Newlines never join digits: a table row ends where its line ends.
SEP = r"(?:[ \t\-./()]{1,3}|[ \t]?[^\w\s][^\w\s]?[ \t]?)"

#: Arabic-script letters after normalization (Arabic, Persian and Kurdish additions).
ARABIC_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"

_NON_DIGIT = re.compile(r"[^0-9]+")
#: Per cue list: the last text it was matched in and its cues there, in order of their ends.
_FOUND: dict[int, tuple[str, list[tuple[int, int, str]]]] = {}


def _cue_end(cue: tuple[int, int, str]) -> int:
    return cue[1]


def digits_only(text: str) -> str:
    """The digits of `text` in order; separators and symbols dropped."""
    return _NON_DIGIT.sub("", text)


def all_same(digits: str) -> bool:
    """All-same-digit runs ("0000 0000 …") are placeholders, never identifiers."""
    return len(set(digits)) <= 1


def luhn_valid(digits: str) -> bool:
    """ISO/IEC 7812 check: payment cards end in a Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_mod97(iban: str) -> int:
    """ISO 13616 remainder: move the first four characters to the end, letters to 10..35, mod 97."""
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97


def iban_check_digits(country: str, bban: str) -> str:
    """The two check digits that make `country` + digits + `bban` a valid IBAN."""
    return f"{98 - iban_mod97(country.upper() + '00' + bban.upper()):02d}"


@dataclass(frozen=True)
class Cues:
    """A cue list matched through the shared phrase pass (`phrases`: one C pass per message).

    Words are normalized like the text they are searched in. Latin words must stand alone
    ("tel" must not fire inside "hotel" or "telegram"); Arabic and Kurdish words match anywhere,
    since clitics glue onto them ("ورقمه", "بالبطاقة"). A regex alternation of the same words
    cost several times more per window, and recognizers look up cues for every candidate; an
    automaton per list still walked each message once per list and window.
    """

    words: tuple[str, ...]
    group: int = field(compare=False, repr=False)

    @classmethod
    def of(cls, words: Iterable[str]) -> Cues:
        norms = tuple(sorted({n for n in (normalize_token(w).strip() for w in words) if n}))
        group = phrases.register({word: (len(word), word, word.isascii()) for word in norms})
        return cls(norms, group)

    def _found(self, norm: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every cue in `norm` that keeps the Latin word boundaries, by end.

        Kept for the last text per list: recognizers ask once per candidate, and a message dense
        with candidates (8,000 phone numbers) must not rebuild the list each time.
        """
        cached = _FOUND.get(self.group)
        if cached is not None and cached[0] is norm:
            return cached[1]
        out: list[tuple[int, int, str]] = []
        for last, (length, word, latin) in phrases.hits(norm, self.group):
            cue_end = last + 1
            cue_start = cue_end - length
            if latin and (
                (cue_start and "a" <= norm[cue_start - 1] <= "z")
                or (cue_end < len(norm) and "a" <= norm[cue_end] <= "z")
            ):
                continue
            out.append((cue_start, cue_end, word))
        _FOUND[self.group] = (norm, out)
        return out

    def find(self, norm: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
        """(end offset, word) of each cue inside norm[start:end], in order of their ends."""
        stop = len(norm) if end is None else min(end, len(norm))
        if stop <= start:
            return
        found = self._found(norm)
        # Only cues ending inside the window can lie in it: bisect, not a walk over all cues
        # (recognizers ask once per candidate, and a post may hold thousands).
        first = bisect_left(found, start, key=_cue_end)
        for cue_start, cue_end, word in found[first : bisect_right(found, stop, key=_cue_end)]:
            if cue_start >= start:
                yield cue_end, word

    def present(self, norm: str) -> bool:
        return bool(self._found(norm))

    def near(
        self, norm: str, start: int, end: int, *, left: int = 40, right: int = 25
    ) -> str | None:
        """The longest cue just before the span, else just after it; None if there is none."""
        found = self._found(norm)
        if not found:
            return None
        for lo, hi in ((max(0, start - left), start), (end, min(end + right, len(norm)))):
            # Cues come in order of their ends (the automaton's), and only those ending inside
            # the window can lie in it: bisect, not a walk over every cue per candidate.
            first = bisect_left(found, lo, key=_cue_end)
            stop = bisect_right(found, hi, key=_cue_end)
            words = [word for s, _, word in found[first:stop] if s >= lo]
            if words:
                return max(words, key=len)
        return None


def hinted(doc: Document, entity: EntityType, start: int, end: int) -> bool:
    """Whether the platform marked (a hint of `entity`) part of the normalized span [start, end)."""
    if not doc.hints:
        return False
    o_start, o_end = doc.normalized.to_original(start, end)
    # Hints are the parts of the text in order, never overlapping: walk back from the last one
    # starting before the span's end, not over all of them (a post can mark 8,000 phones).
    i = bisect_left(doc.hints, o_end, key=_hint_start) - 1
    while i >= 0 and doc.hints[i].end > o_start:
        if doc.hints[i].entity_type is entity:
            return True
        i -= 1
    return False


def _hint_start(hint: Hint) -> int:
    return hint.start


#: Words that say what a nearby number is when it is not a personal identifier: order, invoice,
#: transfer and tracking numbers, device serials and IMEIs, IP/MAC addresses, VINs, postal
#: codes (`lexicons/number_kinds.txt`: word → kind).
NUMBER_KINDS: dict[str, str] = dict(lexicon.load("number_kinds").entries)
NOT_ID_WORDS: tuple[str, ...] = tuple(sorted(NUMBER_KINDS))
NOT_ID_CUES = Cues.of(NOT_ID_WORDS)


def number_kind_before(norm: str, start: int, chars: int = 25) -> str | None:
    """The kind of the non-identifier cue just before `start` (within `chars`), if any.

    Through `Cues.near` (a bisect over the message's cues), so a post of thousands of numbers
    does not walk every cue for each of them.
    """
    word = NOT_ID_CUES.near(norm, start, start, left=chars, right=0)
    return None if word is None else NUMBER_KINDS.get(word, "order")


# Shapes of numbers that are not identifiers, looked for in the token around a candidate (the
# candidate plus the letters, digits, dots, dashes and colons glued to it).
_TOKEN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz:.-_")
_IPV4 = re.compile(r"(?<![0-9.])([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})(?![0-9])")
_IPV6 = re.compile(r"[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}")
_MAC = re.compile(
    r"[0-9a-f]{2}([:\-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}"
)
_VIN = re.compile(r"(?<![0-9a-z])[a-hj-npr-z0-9]{17}(?![0-9a-z])")
_ZIP4 = re.compile(r"(?<![0-9\-])[0-9]{5}-[0-9]{4}(?![0-9\-])")
_IMEI = re.compile(r"(?<![0-9])[0-9]{2}[ \-/]?[0-9]{6}[ \-/]?[0-9]{6}[ \-/]?[0-9](?![0-9])")
_LETTER = re.compile(r"[a-z]")
_DATE = re.compile(
    r"[0-3]?[0-9]([/.\-])[01]?[0-9]\1(?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}([/.\-])[01]?[0-9]\2[0-3]?[0-9]"
)
_TIME_ONLY = re.compile(r"[0-9]{1,2}(?::[0-9]{2}){1,2}(?:[.,][0-9]+)?")


def not_identifier_shape(norm: str, start: int, end: int) -> str | None:
    """Why the number at norm[start:end] is something else, by shape, or None.

    "ip" (IPv4 with every part <= 255, IPv6), "mac", "vin" (17 letters and digits; also its
    digit tail), "zip" (ZIP+4), "imei" (15 Luhn-valid digits, bare or in 2-6-6-1 groups),
    "date" (d-m-yyyy or yyyy-m-d with one separator).
    A small pure filter (detect-secrets' heuristic filters): cheap checks first, regexes only on
    the short token around the candidate.
    """
    s, e, n = start, end, len(norm)
    while s > 0 and norm[s - 1] in _TOKEN_CHARS:
        s -= 1
    while e < n and norm[e] in _TOKEN_CHARS:
        e += 1
    token = norm[s:e].strip(".-:_")
    if "." in token:
        for m in _IPV4.finditer(token):
            if all(int(g) <= 255 for g in m.groups()):
                return "ip"
    if (":" in token or "-" in token or "." in token) and _MAC.search(token):
        return "mac"
    if token.count(":") >= 2 and _IPV6.search(token) and not _TIME_ONLY.fullmatch(token):
        return "ip"
    if len(token) >= 17 and _LETTER.search(token) and _VIN.search(token):
        return "vin"
    if "-" in token and _ZIP4.fullmatch(norm, start, end):
        return "zip"
    if _DATE.fullmatch(norm, start, end):
        return "date"
    digits = digits_only(norm[start:end])
    if len(digits) == 15 and luhn_valid(digits) and _IMEI.fullmatch(norm, start, end):
        return "imei"
    return None
