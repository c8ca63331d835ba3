"""ADDRESS: where a person lives or can be found, down to neighbourhood, mahalla/zuqaq/dar or
"near <landmark>".

An address is a phrase of components — governorate, district, neighbourhood (gazetteers), حي X,
شارع X, sector/mahalla/zuqaq/dar numbers (full or abbreviated), "قرب/near/نزیک + landmark",
a named facility (جامع الرحمن, Family Mall) — joined by spaces, dashes, slashes or commas; the
span runs from the first component to the last (docs/spans.md). Iraqi records also carry area
names no gazetteer lists ("كركوك - القورية"), so a short unknown chunk between separators next
to a component joins the phrase.

A bare city ("انفجار في بغداد") or an event's street ("دهس طفل بشارع الربيعي") is not an
address. A phrase counts when a residence cue stands before it ("يسكن", "العنوان:", "lives in",
"ناونیشان"), when it has two components one of which is precise, or when a single precise
component stands as a field of its own (after a dash, a colon, a pin emoji, at line start)
rather than inside prose after a preposition.

Components come from one Aho-Corasick pass (gazetteers, landmark heads, cue and marker words in
one automaton) and one regex for the numbered parts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import pairwise
from typing import Any, ClassVar, Final

from leakwatch.detect.chars import is_alpha
from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.lexicon import (
    Entry,
    add_channel,
    channel_hits,
    hits_token_map,
    load,
    patterns,
    word_key,
    word_spans,
)
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

GOV: Final = 1 << 0
DIST: Final = 1 << 1
HOOD: Final = 1 << 2
WORLD: Final = 1 << 3
LANDMARK: Final = 1 << 4
NEAR: Final = 1 << 5
CUE: Final = 1 << 6
LABEL: Final = 1 << 7
AREA: Final = 1 << 8  # حي / منطقة / گەڕەک: precise
TOWN: Final = 1 << 9  # قضاء / ناحية: names a town, not a home
STREET: Final = 1 << 10
POSTFIX: Final = 1 << 11  # English "X district", "X Street"
STOP: Final = 1 << 12
PREP: Final = 1 << 13
COMMON: Final = 1 << 14
FLOOR: Final = 1 << 15
PLACE_ADJ: Final = 1 << 16  # الجديدة, داخل: extends the place before it
NUM_SUFFIX: Final = 1 << 17  # "14 رمضان", "100 مەتری", "60 Meter": part of a numbered name
ORG: Final = 1 << 18  # ministry / directorate words: never part of an area name
FAMILY: Final = 1 << 19  # a surname that is also a place (العبيدي)
KU_HEAD: Final = 1 << 20  # a Sorani landmark head: its name follows without ال
DIGITS: Final = 1 << 21  # a number token
PLACE: Final = GOV | DIST | HOOD | WORLD
MARKERS: Final = NEAR | CUE | LABEL | AREA | TOWN | STREET | STOP | FLOOR
# A message with none of these (and no number after a marker letter) holds no address.
_RELEVANT: Final = PLACE | LANDMARK | NEAR | CUE | LABEL | AREA | TOWN | STREET | POSTFIX
# Words an address phrase is built around; a bare city or district never starts one (a cue or
# a precise component would, and its window takes the city in).
_ANCHORS: Final = HOOD | LANDMARK | NEAR | CUE | LABEL | AREA | STREET | POSTFIX | FLOOR
# Flags that can open a component in the word walk.
_ACTIVE: Final = _RELEVANT | FLOOR | DIGITS

# The kinds of `address_context.txt` (residence cues, labels, area / street / near words …).
_CONTEXT_BITS: Final = {
    "cue": CUE,
    "label": LABEL,
    "area": AREA,
    "town": TOWN,
    "street": STREET,
    "postfix": POSTFIX,
    "floor": FLOOR,
    "place_adjective": PLACE_ADJ,
    "number_suffix": NUM_SUFFIX,
    "near": NEAR,
    "preposition": PREP,
    "stop": STOP,
}
# After these any ال-word is a neighbourhood name (حي الجهاد); after منطقة it must look like one.
LOOSE_AREAS: Final = frozenset(
    word_key(w) for w in ("حي", "الحي", "محله", "گەڕەک", "گەڕەکی", "hay")
)
# After these a landmark name goes on with any word ("مطعم ابو رامي", "جامع الحاج علي").
_NAME_LINKS: Final = frozenset(
    word_key(w)
    for w in (
        *("ابو", "ام", "ال", "الحاج", "الشيخ", "الامام", "السيد", "الشهيد", "بن", "ابن", "مار"),
        *("عبد", "ابي", "حجي", "سيد", "شيخ"),
    )
)
# Proximity words that are also names or plain prepositions: a landmark head must follow.
HEAD_ONLY_NEAR: Final = frozenset(word_key(w) for w in ("خلف", "امام", "وراء", "فوق", "above"))

# Numbered parts: sector / mahalla / zuqaq / dar (full or abbreviated), house, street, alley.
_NUMBERED: Final = re.compile(
    r"(?<![^\W\d_])(?P<kw>"
    r"محله|زقاق|قطاع|دار|بيت|منزل|شقه|عماره|بنايه|قطعه|بلوك|شارع|حي|م|ز|د|ش|"
    r"كۆڵاني|كۆڵان|كولاني|كولان|ماڵي|ماڵ|خانووي|خانوو|شهقامي|شهقام|گهڕهكي|گهڕهك|"
    r"house|home|flat|apt|apartment|building|bldg|block|alley|lane|mahallah|mahalla|mahala|"
    r"zuqaq|zukak|sector|street|st|road|rd|m)"
    r"\.?[ \t]*(?:(?:رقم|ژمارهي|ژماره|no|number|num)\.?[ \t]*)?[:#]?[ \t]*"
    r"(?P<num>[a-z]?\d+(?:[/-]\d+)?)(?![\d])"
)
_KW_KIND: Final = {
    **dict.fromkeys(("شارع", "ش", "شهقامي", "شهقام", "street", "st", "road", "rd"), "street"),
    **dict.fromkeys(("حي", "گهڕهكي", "گهڕهك"), "area"),
    **dict.fromkeys(("محله", "زقاق", "قطاع", "كۆڵان", "كۆڵاني", "كولان", "كولاني"), "mzd"),
    **dict.fromkeys(
        ("mahalla", "mahala", "mahallah", "zuqaq", "zukak", "sector", "alley", "lane"), "mzd"
    ),
    **dict.fromkeys(("م", "ز", "د", "m"), "mzd_abbr"),
}
_PRECISE: Final = frozenset({"mzd", "area", "street", "landmark", "hood", "chunk"})
_FIELD_KINDS: Final = frozenset({"mzd", "area", "street", "landmark"})
_PLACE_KINDS: Final = frozenset({"place", "hood", "area", "town", "street"})
_ANCHOR_KINDS: Final = _PLACE_KINDS | {"mzd", "mzd_abbr", "house", "landmark"}
_ORDINAL: Final = re.compile(r"^\d+(?:st|nd|rd|th)$")
# Non-space characters a numbered part can hold before its number (keyword, "رقم", ".:#").
_KW_REACH: Final = 24
_KW_PUNCT: Final = frozenset((ord("."), ord(":"), ord("#")))
_SPACE: Final = ord(" ")
_TAB: Final = ord("\t")

_BEFORE: Final = 30  # characters of context kept before an anchor (cues, leading area names)
_AFTER: Final = 50  # and after it (landmark names, the rest of a comma-separated address)
_DIGIT: Final = re.compile(r"\d")
# The digits a numbered part's number can be read from ("12", "12/4", "3-17").
_DIGIT_CLUSTER: Final = re.compile(r"\d+(?:[/-]\d+)?")
_SEP_CHARS: Final = frozenset("-–—/,|\\")
_GAP_CHARS: Final = frozenset(" \t-–—/,|\\")
_CUE_GAP: Final = frozenset(" \t:-–—=")
_HYPHEN: Final = frozenset("-")
_AREA_HEADS: Final = frozenset(word_key(w) for w in ("حي", "مدينه", "منطقه", "مجمع", "قريه", "hay"))


class _Part:
    """One address component in normalized offsets (`outer` includes an attached ب/و)."""

    __slots__ = ("end", "kind", "outer", "start")

    def __init__(self, outer: int, start: int, end: int, kind: str) -> None:
        self.outer = outer
        self.start = start
        self.end = end
        self.kind = kind


class _Unit:
    """A word (or a multi-word lexicon hit) with its flags; `outer` includes an attached ب/و."""

    __slots__ = ("end", "flags", "outer", "start")

    def __init__(self, outer: int, start: int, end: int, flags: int) -> None:
        self.outer = outer
        self.start = start
        self.end = end
        self.flags = flags


@cache
def _tables() -> tuple[dict[str, Entry], dict[str, int]]:
    """The address patterns and the side table of words kept out of them (built once).

    Everyday words, prepositions and surnames would be most matches in a message while
    opening no address; the words near an address component look them up in the side table.
    """
    flags: dict[str, int] = {}

    def put(keys: Any, bit: int) -> None:
        for key in keys:
            flags[key] = flags.get(key, 0) | bit

    put(load("places_governorates").entries, GOV)
    put(load("places_districts").entries, DIST)
    put(load("places_neighbourhoods").entries, HOOD)
    put(load("places_world").entries, WORLD)
    landmarks = load("landmarks").entries
    put(landmarks, LANDMARK)
    put((k for k, v in landmarks.items() if v == "ku"), KU_HEAD)
    put(load("common_words").entries, COMMON)
    put(load("state_markers").entries, ORG)
    put(load("family_names").entries, FAMILY)
    for key, kinds in load("address_context").entries.items():
        for kind in kinds.split(","):
            put((key,), _CONTEXT_BITS[kind])
    clitic_bits = PLACE | AREA | TOWN | STREET | NEAR | CUE | LABEL | LANDMARK
    side_bits = COMMON | STOP | PREP | FAMILY
    side = {k: f for k, f in flags.items() if not f & ~side_bits and " " not in k}
    kept = {k: f for k, f in flags.items() if k not in side}
    return patterns(kept, ("و", "ب"), lambda f: bool(f & clitic_bits)), side


def _patterns() -> dict[str, Entry]:
    return _tables()[0]


_CHANNEL: Final = add_channel(_patterns)


class AddressRecognizer(Recognizer):
    """Finds home addresses and precise locations; bare city names need a residence cue."""

    name: ClassVar[str] = "iq_address"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.ADDRESS,)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        matches = hits_token_map(channel_hits(norm, _CHANNEL))
        parts = _numbered(norm) if doc.digits or _DIGIT.search(norm) else []
        anchors = [p.start for p in parts]
        for s, (_, end, _, flags) in matches.items():
            if flags & _ANCHORS or (flags & (GOV | DIST) and _listed(norm, end)):
                anchors.append(s)
        if not anchors:
            return out
        units = _units(doc, matches, anchors)
        for p in parts:
            _extend_number(norm, units, p)
        taken = [False] * len(units)
        starts = [u.start for u in units]
        for p in parts:
            for k in range(max(0, bisect_left(starts, p.start) - 1), len(units)):
                if units[k].start >= p.end:
                    break
                if units[k].end > p.start:
                    taken[k] = True
        parts += _components(doc, units, taken)
        found: list[tuple[int, int]] = []
        if parts:
            parts.sort(key=lambda p: (p.start, -p.end))
            for group in _group(doc, units, parts):
                result = _judge(doc, units, group)
                if result is not None:
                    start, end, score, why = result
                    found.append((start, end))
                    out.append(doc.finding(EntityType.ADDRESS, start, end, score, self.name, why))
        _label_fallback(doc, units, found, out)
        return out


# --------------------------------------------------------------------------- components


def _listed(norm: str, end: int) -> bool:
    """A city followed by a separator starts a list-style address ("كركوك - القورية")."""
    k = end
    while k < len(norm) and norm[k] in " \t":
        k += 1
    return k < len(norm) and norm[k] in _SEP_CHARS


def _units(
    doc: Document, matches: dict[int, tuple[int, int, str, Any]], anchors: list[int]
) -> list[_Unit]:
    """Words with their flags, only in windows around the words that can start an address
    (the rest of a long message cannot be part of one). Windows are cut at word edges; the
    text between two windows has letters, so no component or separator joins across it."""
    norm = doc.norm
    side = _tables()[1]
    n = len(norm)
    windows: list[list[int]] = []
    for a in sorted(anchors):
        lo, hi = max(0, a - _BEFORE), min(n, a + _AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    units: list[_Unit] = []
    skip_to = -1
    # The message's words, found once for the shared lexicon pass; a window reads them clipped
    # to [pos, hi), as a word regex searching norm[pos:hi] would find them.
    starts, ends = word_spans(norm)
    count = len(starts)
    for window_lo, hi in windows:
        lo = window_lo
        k = bisect_left(ends, lo)
        if k < count and starts[k] < lo:
            lo = starts[k]  # back to the start of the word the window cuts
        pos = max(lo, skip_to)
        if pos >= hi:
            continue
        for k in range(bisect_right(ends, pos), count):
            if starts[k] >= hi:
                break
            s = max(starts[k], pos)
            e = min(ends[k], hi)
            if s < skip_to:
                continue
            m = matches.get(s)
            if m is not None:
                units.append(_Unit(s, m[0], m[1], m[3]))
                skip_to = m[1]
            else:
                token = norm[s:e]
                flags = DIGITS if token.isdigit() else side.get(token, 0)
                units.append(_Unit(s, s, e, flags))
                skip_to = e
    return units


def _numbered(norm: str) -> list[_Part]:
    """`_NUMBERED.finditer(norm)`, searched only in the stretch before each run of digits.

    A match's number starts at the first digit after its start, and what precedes it (keyword,
    "رقم", punctuation) is letters, spaces and ".:#" with at most ~20 non-space characters; so
    no match starts before that stretch, and none ends past the digit cluster (digits, one
    [/-], digits) the number is read from. Inside the stretch a match can start only where a
    run of letters does. Trying those positions finds the same matches as the full scan.
    """
    parts: list[_Part] = []
    n = len(norm)
    pos = 0
    while pos < n:
        cluster = _DIGIT_CLUSTER.search(norm, pos)
        if cluster is None:
            break
        d, e = cluster.span()
        lo = d
        budget = _KW_REACH
        while lo > pos:
            c = ord(norm[lo - 1])
            if c not in (_SPACE, _TAB):
                if not (is_alpha(norm, lo - 1) or c in _KW_PUNCT):
                    break
                budget -= 1
                if budget < 0:
                    break
            lo -= 1
        # A match starts a run of letters (its keyword does, after the look-behind): try those.
        m = None
        prev_alpha = lo > 0 and is_alpha(norm, lo - 1)
        for k in range(lo, d):
            alpha = is_alpha(norm, k)
            if alpha and not prev_alpha:
                m = _NUMBERED.match(norm, k, e)
                if m is not None:
                    break
            prev_alpha = alpha
        if m is None:
            pos = e
            continue
        pos = m.end()
        kw = m.group("kw")
        kind = _KW_KIND.get(kw, "house")
        if kw in ("م", "m") and len(m.group("num")) < 3:
            continue  # "م2" is square metres; mahalla numbers have three digits
        parts.append(_Part(m.start(), m.start(), m.end(), kind))
    return parts


def _extend_number(norm: str, units: list[_Unit], part: _Part) -> None:
    """ "شارع 14 رمضان", "شەقامی 100 مەتری", "Street 14 Ramadan": the number's name word."""
    k = _unit_at(units, part.end, after=True)
    if k < len(units) and units[k].flags & NUM_SUFFIX and _joined(norm, part.end, units[k].outer):
        part.end = units[k].end


def _joined(
    norm: str, a_end: int, b_start: int, allowed: frozenset[str] = frozenset(" \t")
) -> bool:
    gap = norm[a_end:b_start]
    return bool(gap) and all(c in allowed for c in gap)


def _word(norm: str, u: _Unit) -> str:
    return norm[u.start : u.end]


def _name_word(doc: Document, u: _Unit) -> bool:
    """A word that can continue a landmark, street or area name."""
    if u.flags & MARKERS or u.outer < u.start:
        return False
    word = _word(doc.norm, u)
    if word.isascii() and not word.isdigit():
        return _capitalized(doc, u)
    # "وشغله", "وأخته": a conjunction starts the next clause.
    return not (word.startswith("و") and not u.flags & (PLACE | LANDMARK))


def _capitalized(doc: Document, u: _Unit) -> bool:
    o_start = doc.normalized.to_original(u.start, u.start + 1)[0]
    return doc.original[o_start].isupper()


def _components(doc: Document, units: list[_Unit], taken: list[bool]) -> list[_Part]:
    norm = doc.norm
    parts: list[_Part] = []
    n = len(units)
    i = 0
    while i < n:
        u = units[i]
        f = u.flags
        if taken[i] or not f & _ACTIVE:
            i += 1
            continue
        follows = i + 1 < n and not taken[i + 1] and _joined(norm, u.end, units[i + 1].outer)
        last: int | None = None
        kind = ""
        word = _word(norm, u)
        if f & NEAR and follows:
            near = _landmark(doc, units, i + 1, word in HEAD_ONLY_NEAR)
            if near is not None:
                last, kind = near
        if last is None and f & (AREA | TOWN | STREET) and follows:
            loose = word in LOOSE_AREAS or bool(f & STREET)
            last = _named(doc, units, i + 1, loose)
            kind = "street" if f & STREET else ("area" if f & AREA else "town")
            if word == "طريق" and units[i + 1].flags & (GOV | DIST):
                kind = "town"  # "طريق الحلة - النجف" is a highway, not a street address
        if last is None and f & FLOOR and follows:
            nxt = _word(norm, units[i + 1])
            if nxt.isdigit() or nxt.startswith("ال"):
                last, kind = i + 1, "house"
        if last is None and f & FLOOR and i > 0 and _ORDINAL.match(_word(norm, units[i - 1])):
            u = units[i - 1]  # "3rd floor"
            last, kind = i, "house"
        if last is None and word.isdigit() and follows and units[i + 1].flags & NUM_SUFFIX:
            last, kind = i + 1, "street"  # "100 Meter Road", "شارع 60 متري"
            if last + 1 < n and units[last + 1].flags & (STREET | POSTFIX):
                last += 1
        if last is None and f & LANDMARK and not word.isascii():
            # A head that is also a courier-list place ("حسينية", "سوق") is a facility
            # when a name follows it.
            named = follows and _name_word(doc, units[i + 1])
            named = named and not _word(norm, units[i + 1]).isdigit()
            if named or not f & PLACE:
                last, kind = _facility(doc, units, i), "facility"
        if last is not None:
            parts.append(_Part(u.outer, u.start, units[last].end, kind))
            i = last + 1
            continue
        if f & POSTFIX and parts and _joined(norm, parts[-1].end, u.outer):
            # "Karrada district", "Palestine Street": the marker closes the name before it.
            parts[-1].end = u.end
            parts[-1].kind = "street" if f & STREET else "area"
        elif f & POSTFIX and i > 0 and _latin_word(doc, units[i - 1]):
            if _joined(norm, units[i - 1].end, u.outer):
                prev = units[i - 1]
                parts.append(
                    _Part(prev.start, prev.start, u.end, "street" if f & STREET else "area")
                )
        elif f & LANDMARK and i > 0 and _latin_word(doc, units[i - 1], common=True):
            first = i - 1
            while first > 0 and i - first < 3 and _latin_word(doc, units[first - 1], True):
                if not _joined(norm, units[first - 1].end, units[first].outer, frozenset(" -'.")):
                    break
                first -= 1
            parts.append(_Part(units[first].start, units[first].start, u.end, "facility"))
        elif f & PLACE and not _surname(norm, units, i):
            kind = "hood" if f & HOOD else ("world" if not f & (GOV | DIST) else "place")
            end = _extend_place(norm, units, i) if f & HOOD else i
            start = u.start
            article = i > 0 and _word(norm, units[i - 1]) in ("al", "el")
            if article and _joined(norm, units[i - 1].end, u.outer, frozenset(" -")):
                start = units[i - 1].start  # "Al-Yarmouk" where the list has "Yarmouk"
            parts.append(_Part(min(u.outer, start), start, units[end].end, kind))
            i = end
        i += 1
    return parts


def _surname(norm: str, units: list[_Unit], i: int) -> bool:
    """ "جاسم محمد خلف العبيدي": a surname that is also a place, right after a name word."""
    u = units[i]
    if not u.flags & FAMILY or u.flags & (GOV | HOOD) or i == 0:
        return False
    prev = units[i - 1]
    glued = prev.flags & (PREP | PLACE | CUE | LABEL | AREA | TOWN | STREET)
    return _joined(norm, prev.end, u.outer) and not glued


def _latin_word(doc: Document, u: _Unit, common: bool = False) -> bool:
    """A capitalized Latin word that is not a function word (English "Mansour district");
    with `common`, everyday words count too ("Medical City Tower")."""
    if u.flags & (STOP | MARKERS) or (u.flags & COMMON and not common):
        return False
    word = _word(doc.norm, u)
    return word.isascii() and not word.isdigit() and _capitalized(doc, u)


def _extend_place(norm: str, units: list[_Unit], i: int) -> int:
    """ "الموصل الجديدة", "الكرادة داخل", "Italian Village 2": a place and its qualifier."""
    k = i
    while k + 1 < len(units) and k - i < 2 and _joined(norm, units[k].end, units[k + 1].outer):
        nxt = units[k + 1]
        word = _word(norm, nxt)
        if not (nxt.flags & PLACE_ADJ or (word.isdigit() and len(word) <= 3)):
            break
        k += 1
    return k


def _named(doc: Document, units: list[_Unit], k: int, loose: bool) -> int | None:
    """Index of the last word of the name after حي / شارع / منطقة (one to three words).

    `loose` markers (حي, شارع) take any ال-word; others want an unlisted, non-everyday word.
    """
    norm = doc.norm
    first = units[k]
    if first.flags & PLACE and not first.flags & MARKERS:
        return _extend_place(norm, units, k)
    word = _word(norm, first)
    if not _name_word(doc, first) or first.flags & ORG:
        return None
    if first.flags & COMMON and not (loose and word.startswith("ال")) and not word.isascii():
        return None
    joiners = frozenset(" \t-'") if word.isascii() else frozenset(" \t")
    last = k
    while last + 1 < len(units) and last - k < 2:
        nxt = units[last + 1]
        w2 = _word(norm, nxt)
        if not _joined(norm, units[last].end, nxt.outer, joiners) or not _name_word(doc, nxt):
            break
        if _word(norm, units[last]).isdigit():
            ok = bool(nxt.flags & NUM_SUFFIX)  # "حي 14 تموز"
        elif w2.isascii():
            ok = not w2.isdigit()
        else:
            ok = w2.startswith("ال") and (not nxt.flags & COMMON or bool(nxt.flags & PLACE_ADJ))
        if not ok:
            break
        last += 1
    return last


def _landmark(doc: Document, units: list[_Unit], k: int, head_only: bool) -> tuple[int, str] | None:
    """After a proximity word: landmark head + up to three name words, or a neighbourhood."""
    norm = doc.norm
    u = units[k]
    if u.flags & HOOD and not u.flags & LANDMARK and not head_only:
        return _extend_place(norm, units, k), "landmark"
    if u.flags & (LANDMARK | ORG):  # "مجاور مصرف الرافدين"
        return _facility(doc, units, k), "landmark"
    if _word(norm, u).isascii():
        # English puts the head last: "near the Family Mall", "near the university gate".
        head = None
        last = k
        while last < len(units) and last - k < 4:
            w = units[last]
            if last > k and not _joined(norm, units[last - 1].end, w.outer, frozenset(" \t-'")):
                break
            if w.flags & LANDMARK:
                head = last
            elif w.flags & (NEAR | CUE | LABEL) or (w.flags & STOP and last > k):
                break
            last += 1
        if head is not None:
            return head, "landmark"
    return None


def _facility(doc: Document, units: list[_Unit], k: int) -> int:
    """A landmark head and up to three words of its name ("جامع الإمام علي").

    Arabic names continue with ال-words ("مستشفى ابن النفيس" after a link word); a Sorani
    head takes up to two words, which carry no article.
    """
    norm = doc.norm
    kurdish = bool(units[k].flags & KU_HEAD)
    last = k
    while last + 1 < len(units) and last - k < (2 if kurdish else 3):
        nxt = units[last + 1]
        if not _joined(norm, units[last].end, nxt.outer) or not _name_word(doc, nxt):
            break
        word = _word(norm, nxt)
        if last > k and not kurdish and not word.isascii():
            prev = _word(norm, units[last])
            if not (word.startswith(("ال", "لل")) or prev in _NAME_LINKS or word.isdigit()):
                break
        last += 1
    return last


# --------------------------------------------------------------------------- phrases


def _chunk(doc: Document, units: list[_Unit], first: int, last: int, inner: bool = False) -> bool:
    """1-3 unknown words that can name an area no gazetteer lists ("القورية", "Al-Saydiya").

    `inner` chunks sit between two components and may hold everyday words ("خمسة ميل").
    """
    if not 0 <= first <= last < len(units) or last - first > 2:
        return False
    for k in range(first, last + 1):
        u = units[k]
        word = _word(doc.norm, u)
        if u.flags & (MARKERS | PREP | ORG | LANDMARK) or any(c.isdigit() for c in word):
            return False
        if word.startswith("و") and not u.flags & PLACE:
            return False  # "وأطلق": a conjunction opens a clause, not a place name
        if word.isascii():
            if not _capitalized(doc, u):
                return False
        elif u.flags & COMMON and not word.startswith("ال") and not inner:
            return False
        if k > first and not _joined(doc.norm, units[k - 1].end, u.outer, frozenset(" \t-")):
            return False
    return True


def _unit_at(units: list[_Unit], pos: int, after: bool) -> int:
    """Index of the first unit starting at or after `pos` (after=True) or ending at or before it."""
    if after:
        k = bisect_left(units, pos, key=_outer)
        return k
    return bisect_right(units, pos, key=_end) - 1


def _outer(u: _Unit) -> int:
    return u.outer


def _end(u: _Unit) -> int:
    return u.end


def _sep_between(norm: str, a: int, b: int) -> bool:
    gap = norm[a:b]
    return bool(gap) and all(c in _GAP_CHARS for c in gap) and any(c in _SEP_CHARS for c in gap)


def _group(doc: Document, units: list[_Unit], parts: list[_Part]) -> list[list[_Part]]:
    norm = doc.norm
    groups: list[list[_Part]] = []
    for p in parts:
        if groups:
            last = groups[-1][-1]
            if p.outer < last.end:
                last.end = max(last.end, p.end)
                if p.kind in _PRECISE:
                    last.kind = p.kind
                continue
            gap = norm[last.end : p.outer]
            if _joined(norm, last.end, p.outer, frozenset(_GAP_CHARS)) and len(gap) <= 5:
                groups[-1].append(p)
                continue
            bridge = _bridge(doc, units, last.end, p.outer)
            if bridge is not None:
                groups[-1] += [bridge, p]
                continue
        groups.append([p])
    for group in groups:
        _extend_ends(doc, units, group)
    return groups


def _bridge(doc: Document, units: list[_Unit], end: int, start: int) -> _Part | None:
    """An unknown area name between two components: "البصرة - الجمعيات - قرب ساحة سعد"."""
    first = _unit_at(units, end, after=True)
    last = _unit_at(units, start, after=False)
    if first > last or not _chunk(doc, units, first, last, inner=True):
        return None
    norm = doc.norm
    if not _sep_between(norm, end, units[first].outer):
        return None
    # "Baghdad, Arasat Al-Hindiya": a Latin chunk may be glued to the next place by a space.
    glued = (
        _joined(norm, units[last].end, start)
        and _word(norm, units[last]).isascii()
        and bool(units[_unit_at(units, start, after=True)].flags & PLACE)
    )
    if not (glued or _sep_between(norm, units[last].end, start)):
        return None
    return _Part(units[first].outer, units[first].start, units[last].end, "chunk")


def _extend_ends(doc: Document, units: list[_Unit], group: list[_Part]) -> None:
    """A trailing or leading unknown area name set off by a separator ("كركوك - القورية")."""
    norm = doc.norm
    tail = _unit_at(units, group[-1].end, after=True)
    if (
        group[-1].kind == "place"
        and tail < len(units)
        and _sep_between(norm, group[-1].end, units[tail].outer)
    ):
        last = tail
        if tail + 1 < len(units) and _joined(norm, units[tail].end, units[tail + 1].outer, _HYPHEN):
            last = tail + 1  # "Al-Kifah" is one name
        if _chunk(doc, units, tail, last) and _closes(norm, units[last].end):
            group.append(_Part(units[tail].outer, units[tail].start, units[last].end, "chunk"))
    head = _unit_at(units, group[0].outer, after=False)
    if (
        group[0].kind != "hood"
        and head >= 0
        and _sep_between(norm, units[head].end, group[0].outer)
    ):
        first = head
        if first > 0 and _chunk(doc, units, first - 1, head):
            first -= 1
        if _chunk(doc, units, first, head) and _opens(doc, units, first):
            group.insert(0, _Part(units[first].outer, units[first].start, units[head].end, "chunk"))


def _closes(norm: str, pos: int) -> bool:
    """The text after `pos` ends the field: end of line or a separator."""
    k = pos
    while k < len(norm) and norm[k] in " \t":
        k += 1
    return k >= len(norm) or norm[k] == "\n" or norm[k] in _SEP_CHARS


def _opens(doc: Document, units: list[_Unit], k: int) -> bool:
    """Unit k starts a field: line start, after a separator or symbol, or after a cue."""
    norm = doc.norm
    pos = units[k].outer - 1
    while pos >= 0 and norm[pos] in " \t":
        pos -= 1
    if pos < 0 or not norm[pos].isalnum():
        return True
    return k > 0 and bool(units[k - 1].flags & (CUE | LABEL))


def _cue_before(doc: Document, units: list[_Unit], start: int) -> str:
    """ "cue" / "label" when a residence cue or address label stands right before `start`."""
    norm = doc.norm
    k = _unit_at(units, start, after=False)
    right = start
    hops = 0
    while k >= 0 and hops < 2:
        u = units[k]
        if not _joined(norm, u.end, right, _CUE_GAP):
            return ""
        if u.flags & LABEL:
            return "label"
        if u.flags & CUE:
            return "cue"
        if not u.flags & PREP:
            return ""
        right = u.outer
        hops += 1
        k -= 1
    return ""


def _judge(
    doc: Document, units: list[_Unit], group: list[_Part]
) -> tuple[int, int, float, str] | None:
    kinds = [p.kind for p in group]
    kind_set = set(kinds)
    cue = _cue_before(doc, units, group[0].outer)
    numbered = sum(1 for k in kinds if k in ("mzd", "mzd_abbr", "house"))
    # "الكرادة شارع 62": a numbered street pins a phrase down like a house number does.
    digits = any(any(c.isdigit() for c in doc.norm[p.start : p.end]) for p in group)
    # An unknown chunk is an area name only next to a place ("كركوك - القورية").
    separated = len(group) > 1 and _separated(doc.norm, group)
    precise = numbered >= 2 or any(
        (k in _PRECISE and (k != "chunk" or kind_set & _PLACE_KINDS))
        # "الناصرية - سوق الشيوخ - حسينية آل غرة", "Baghdad - Al-Saydiya - M 822"
        or (k in ("facility", "mzd_abbr") and separated and bool(kind_set & _ANCHOR_KINDS))
        for k in kinds
    )
    if cue:
        ok = kinds != ["facility"]
    elif len(group) >= 2:
        # In prose ("سرقت من يم سوق الجمعة بالبياع") a phrase needs separators or numbers.
        ok = precise and (digits or _field(doc, group[0]) or separated)
    else:
        fieldable = kinds[0] in _FIELD_KINDS or (
            kinds[0] == "hood" and _area_named(doc.norm, group[0])
        )
        ok = kinds[0] == "mzd" or (fieldable and _field(doc, group[0]))
    if not ok:
        return None
    why = sorted(kind_set)
    if cue:
        why.insert(0, cue)
    if precise and cue:
        score = 0.9
    elif precise and {"mzd", "landmark", "mzd_abbr", "house"} & kind_set:
        score = 0.85
    elif precise:
        score = 0.75
    else:
        score = 0.7
    return group[0].start, group[-1].end, score, ",".join(why)


def _area_named(norm: str, part: _Part) -> bool:
    """A gazetteer neighbourhood that names itself an area: "حي العامل", "مدينة الصدر"."""
    head = norm[part.start : part.end].split(" ", 1)[0]
    return head in _AREA_HEADS


def _separated(norm: str, group: list[_Part]) -> bool:
    return any(_sep_between(norm, a.end, b.outer) for a, b in pairwise(group))


def _field(doc: Document, part: _Part) -> bool:
    """A lone component counts only where it stands as a field, not inside prose."""
    norm = doc.norm
    if part.outer < part.start:
        return False  # "بشارع الربيعي": a preposition glued on
    pos = part.outer - 1
    while pos >= 0 and norm[pos] in " \t":
        pos -= 1
    return pos < 0 or not norm[pos].isalnum()


def _label_fallback(
    doc: Document, units: list[_Unit], found: list[tuple[int, int]], out: list[Finding]
) -> None:
    """After "العنوان:" / "Address:" with nothing recognized, the rest of the line is it
    (appended to `out`)."""
    norm = doc.norm
    for k, u in enumerate(units):
        if not u.flags & LABEL or k + 1 >= len(units):
            continue
        colon = norm[u.end : units[k + 1].outer]
        if ":" not in colon or "\n" in colon:
            continue
        start = units[k + 1].start
        if any(s <= start < e or start <= s <= start + 2 for s, e in found):
            continue
        last = k
        for j in range(k + 1, min(len(units), k + 9)):
            w = units[j]
            if "\n" in norm[units[j - 1].end : w.outer] or w.flags & (LABEL | CUE):
                break
            if _word(norm, w) in _FALLBACK_STOPS or any(c.isdigit() for c in _word(norm, w)):
                break
            last = j
        if last > k:
            out.append(
                doc.finding(
                    EntityType.ADDRESS,
                    start,
                    units[last].end,
                    0.6,
                    AddressRecognizer.name,
                    "label,fallback",
                )
            )


_FALLBACK_STOPS: Final = frozenset(
    {"رقم", "هاتف", "الهاتف", "موبايل", "تلفون", "phone", "tel", "mobile", "ژماره", "مواليد"}
)
