"""STATE_DOCUMENT: the marker block of an official letter (letterhead, number/date, classification).

Official Iraqi and KRG letters open with lines that stand alone: "جمهورية العراق", the ministry
and directorate, "العدد: …", "التاريخ: …", and a marking such as "سري للغاية". The recognizer
reads lines, not words: a marker only counts where it opens a line (so a news sentence that
mentions "وزارة الداخلية" or "رئيس جمهورية العراق" is no letterhead), a classification only when
the line holds nothing else ("عدد محدود من المقاعد" is prose, "محدود" alone is a marking), and a
number or date only with a digit right after its label. Consecutive marker lines form one block
(docs/spans.md); a block needs a strong marker (state header, classification) or two kinds.

`why` lists what the block has — letterhead, ref, date, classification — plus "public" when the
message reads as a public announcement (إعلان، تنويه، مناقصة), which the policy clears.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.lexicon import (
    Entry,
    Match,
    add_channel,
    channel_hits,
    hits_tokens,
    load,
    patterns,
    word_key,
    word_spans,
)
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

COUNTRY = "country"
AGENCY = "agency"
UNIT = "unit"  # sub-unit or state company: continues a letterhead, never makes one
CLASS = "classification"
WEAK_CLASS = "weak_classification"
EXTRA = "extra"  # "عاجل", "urgent": part of a marking line, never a marker alone
REF = "ref"
DATE = "date"
PUBLIC = "public"
PROSE = "prose"  # body text that holds a cue word: "until further notice" is no public notice

CLASSIFICATIONS = (
    "سري",
    "سري للغايه",
    "سري وشخصي",
    "سري و شخصي",
    "شخصي وسري",
    "شخصي و سري",
    "سري جدا",
    "سري وفوري",
    "سري وعاجل",
    "سري ومستعجل",
    "سري ومكتوم",
    "سري و مكتوم",
    "كتمان",
    "مكتوم",
    "محجوب",
    "confidential",
    "secret",
    "top secret",
    "strictly confidential",
    "top secret and personal",
    "secret and personal",
    "confidential and personal",
    "personal and confidential",
    "classified",
    "نهێنی",
    "زۆر نهێنی",
    "نهێنی و تایبەت",
    "نهێنی و بەپەلە",
)
WEAK_CLASSIFICATIONS = (
    "محدود",
    "محدود التوزيع",
    "restricted",
    "restricted distribution",
    "limited distribution",
    "for official use only",
    "سنووردار",
)
EXTRAS = (
    "عاجل",
    "فوري",
    "وفوري",
    "مستعجل",
    "عاجل جدا",
    "على الفور",
    "وعلى الفور",
    "شخصي",
    "urgent",
    "immediate",
    "بەپەلە",
    "تایبەت",
)
REF_LABELS = (
    "العدد",
    "الرقم",
    "رقم الكتاب",
    "رقم الوثيقه",
    "ref",
    "ref no",
    "reference",
    "no",
    "ژمارە",
    "ژ",
)
DATE_LABELS = ("التاريخ", "تاريخ", "date", "بەروار", "ڕێکەوت")
PUBLIC_CUES = (
    "اعلان",
    "الاعلان",
    "بيان",
    "تنويه",
    "للعموم",
    "يعلن",
    "تعلن",
    "نعلن",
    "مناقصه",
    "اعلان مناقصه",
    "المناقصه",
    "تعميم للعموم",
    "public notice",
    "announcement",
    "notice",
    "tender",
    "ڕاگەیاندن",
    "ئاگاداری",
    "ئاگادارکردنەوە",
    "ڕادەگەیەنێت",
    "ڕایدەگەیەنێت",
    "ڕاگەیەندراو",
    "ڕاگەیەندراوی فەرمی",
)
# Longer than the cue inside them and starting before it, so they win the match.
PROSE_PHRASES = (
    "until further notice",
    "till further notice",
    "تا ئاگاداری دووەم",
    "تا ئاگاداری دواتر",
    "تا ئاگاداریی دووەم",
    "لحين صدور اعلان اخر",
    "لحين اشعار اخر",
    "حتى اشعار اخر",
    # "and not to announce it": a letter that says it is not public
    "عدم الاعلان",
    "بعدم الاعلان",
    "وعدم الاعلان",
    "عدم اعلان",
    "not to be announced",
)
# Words that say a letter bears a marking, and how far before the marking they may stand.
STAMP_WORDS = ("ختم", "مختوم", "عليه عباره", "stamped", "marked", "مۆر", "موهر")
_STAMP_REACH = 16
# What a letter described inside a sentence starts from: a state header or a marking.
_IN_PROSE = frozenset((COUNTRY, CLASS))
_REF_NUMBER = re.compile(r"(?:العدد|الرقم|رقم الكتاب|ref|no\.?|ژماره)\s*:?\s*[^\s\d]{0,3}\d{2,}")
_KIND_ORDER = ("letterhead", "ref", "date", "classification", "public")

_WORDS = re.compile(r"[^\W_]+")
_VALUE_DIGIT = re.compile(r"[ \t]*[:/.\-–=]?[^\n\d]{0,20}\d")
_MAX_LINE = 90
_BODY_HEADS = frozenset({"الي", "م", "الموضوع", "to", "subject", "re", "بابهت", "بۆ"})
_AGENCY_WORDS = 9
# Between the parts of a letterhead written on one line; "/" only with spaces round it.
_SEGMENT_SEP = re.compile(r"[ \t]+[-–—|/][ \t]+")
_BARE_DATE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


@cache
def _patterns() -> dict[str, Entry]:
    kinds: dict[str, str] = dict(load("state_markers").entries)
    for words, kind in (
        (CLASSIFICATIONS, CLASS),
        (WEAK_CLASSIFICATIONS, WEAK_CLASS),
        (EXTRAS, EXTRA),
        (REF_LABELS, REF),
        (DATE_LABELS, DATE),
        (PUBLIC_CUES, PUBLIC),
        (PROSE_PHRASES, PROSE),
    ):
        for word in words:
            kinds.setdefault(word_key(word), kind)
    return patterns(kinds, ("و", "ب", "ف"), lambda k: k == PUBLIC)


_CHANNEL = add_channel(_patterns)


class StateDocumentRecognizer(Recognizer):
    """Finds blocks of official-letter marker lines."""

    name: ClassVar[str] = "state_document"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.STATE_DOCUMENT,)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        hits = channel_hits(norm, _CHANNEL)
        if not any(_opens_line(norm, last - 1 - e[0] - e[1]) for last, e in hits):
            # no marker opens a line: no letterhead, number line or marking — but a post may
            # describe the letter it holds ("عليه ختم سري للغاية ويحمل العدد 7721")
            if not any(e[3] in _IN_PROSE for _, e in hits):
                return out  # most messages: neither a state header nor a marking at all
            in_prose = hits_tokens(hits)
            quoted = _quoted_letterhead(norm, in_prose)
            if quoted is not None:
                start, end, kinds = quoted
                why = _why(kinds, public=False)
                out.append(doc.finding(EntityType.STATE_DOCUMENT, start, end, 0.8, self.name, why))
                return out
            described = _described_marking(norm, in_prose)
            if described is not None:
                start, end = described
                out.append(
                    doc.finding(EntityType.STATE_DOCUMENT, start, end, 0.7, self.name, CLASS)
                )
            return out
        matches = hits_tokens(hits)
        public = any(m.value == PUBLIC for m in matches)
        for start, end, kinds, lines in _blocks(norm, matches):
            score = _score(kinds, lines)
            if not score:
                continue
            why = _why(kinds, public)
            out.append(doc.finding(EntityType.STATE_DOCUMENT, start, end, score, self.name, why))
        return out


def _blocks(norm: str, matches: list[Match[Any]]) -> Iterator[tuple[int, int, set[str], int]]:
    """Runs of marker lines; blank lines and up to two short unit-name lines inside a
    letterhead ("شركة نفط الجنوب" between the ministry and "العدد") do not break a run."""
    block: list[Any] = []  # [start, end, kinds, marker lines, letterhead still open]
    bridges = 0
    m_i = 0
    line_start = 0
    for line_end in _line_ends(norm):
        line_matches = []
        while m_i < len(matches) and matches[m_i].start < line_end:
            if matches[m_i].start >= line_start:
                line_matches.append(matches[m_i])
            m_i += 1
        marker = _marker_line(norm, line_start, line_end, line_matches)
        if marker is not None:
            start, end, kinds = marker
            if block and (bridges == 0 or (block[4] and bridges <= 2)):
                block[1] = end
                block[2] |= kinds
                block[3] += 1
            else:
                if block:
                    yield block[0], block[1], block[2], block[3]
                block = [start, end, set(kinds), 1, False]
            block[4] = bool(kinds & {COUNTRY, AGENCY, UNIT}) and not kinds & {REF, DATE}
            bridges = 0
        elif any(c.isalnum() for c in norm[line_start:line_end]):
            if block and _bridge(norm, line_start, line_end):
                bridges += 1
            elif block:
                yield block[0], block[1], block[2], block[3]
                block, bridges = [], 0
        line_start = line_end + 1
    if block:
        yield block[0], block[1], block[2], block[3]


def _bridge(norm: str, start: int, end: int) -> bool:
    """A short line without digits that may name a unit inside a letterhead."""
    words = _WORDS.findall(norm, start, end)
    if not words or len(words) > 6 or any(c.isdigit() for c in norm[start:end]):
        return False
    return words[0] not in _BODY_HEADS


def _why(kinds: set[str], public: bool) -> str:
    """The evidence codes of a block: its marker kinds, a weak marking read as a marking."""
    found = {"letterhead" if k in (COUNTRY, AGENCY, UNIT) else k for k in kinds}
    if WEAK_CLASS in found:
        found.discard(WEAK_CLASS)
        found.add(CLASS)
    if public:
        found.add(PUBLIC)
    return ",".join(k for k in _KIND_ORDER if k in found)


def _quoted_letterhead(norm: str, matches: list[Match[Any]]) -> tuple[int, int, set[str]] | None:
    """A one-line letterhead quoted after a colon in a post's own sentence ("صورة من كتاب:
    جمهورية العراق – إقليم كوردستان – … – العدد ٣٣١٤ – سري للغاية"): read from the state
    header on, as if it opened its line."""
    for m in matches:
        if m.value != COUNTRY or ":" not in norm[max(0, m.outer - 3) : m.outer]:
            continue
        end = norm.find("\n", m.outer)
        end = len(norm) if end < 0 else end
        part = [x for x in matches if x.start >= m.start]
        found = _one_line_letterhead(norm, m.outer, end, part)
        if found is not None:
            return found
    return None


def _described_marking(norm: str, matches: list[Match[Any]]) -> tuple[int, int] | None:
    """A strong classification the text says a letter is stamped with ("ختم «سري للغاية»",
    "stamped TOP SECRET"), in a post that also gives the letter's number: a described scan is
    the document leaked in words. A marking only quoted in a news sentence without a number,
    or a number without a stamp, is not."""
    for m in matches:
        if m.value != CLASS:
            continue
        before = norm[max(0, m.outer - _STAMP_REACH) : m.outer]
        if not any(word in before for word in STAMP_WORDS):
            continue
        if _REF_NUMBER.search(norm) is not None:
            return m.start, m.end
    return None


def _opens_line(norm: str, pos: int) -> bool:
    """Only symbols and spaces stand between the line start and `pos`: no word of the message
    (its cached word spans) reaches into [line start, pos)."""
    line_start = norm.rfind("\n", 0, pos) + 1
    starts, ends = word_spans(norm)
    k = bisect_right(ends, line_start)
    return k >= len(starts) or starts[k] >= pos


def _line_ends(norm: str) -> Iterator[int]:
    pos = norm.find("\n")
    while pos != -1:
        yield pos
        pos = norm.find("\n", pos + 1)
    yield len(norm)


def _marker_line(
    norm: str, start: int, end: int, matches: list[Match[Any]]
) -> tuple[int, int, set[str]] | None:
    """(first marker char, last alnum char + 1, kinds) when the line is a marker line."""
    if not matches:
        return None
    content = start
    while content < end and not norm[content].isalnum():
        content += 1
    lead = matches[0]
    if lead.outer != content or lead.value in (PUBLIC, EXTRA, PROSE):
        return None
    last = end
    while last > content and not norm[last - 1].isalnum():
        last -= 1
    if _SEGMENT_SEP.search(norm, content, last) is not None:
        one_line = _one_line_letterhead(norm, content, last, matches)
        if one_line is not None:
            return one_line
    if last - content > _MAX_LINE:
        return None
    kinds: set[str] = set()
    if lead.value in (CLASS, WEAK_CLASS):
        if not _only_markers(norm, content, last, matches):
            return None
    elif lead.value in (AGENCY, UNIT):
        words = len(_WORDS.findall(norm, content, last))
        if words > _AGENCY_WORDS or any(m.value == PUBLIC for m in matches):
            return None
    elif lead.value in (REF, DATE) and not _VALUE_DIGIT.match(norm, lead.end):
        return None
    for m in matches:
        if m.value in (REF, DATE):
            if _VALUE_DIGIT.match(norm, m.end):
                kinds.add(m.value)
        elif m.value in (COUNTRY, AGENCY, UNIT, CLASS):
            kinds.add(m.value)
        elif m.value == WEAK_CLASS and (m is lead or kinds):
            kinds.add(WEAK_CLASS)
    if not kinds:
        return None
    return lead.start, last, kinds


def _one_line_letterhead(
    norm: str, start: int, end: int, matches: list[Match[Any]]
) -> tuple[int, int, set[str]] | None:
    """A whole letterhead written on one line, its parts joined by " - " or " / ":
    "جمهورية العراق - وزارة الداخلية - مديرية … - العدد: 1234 - التاريخ: … - سري للغاية".

    Each part is read as a marker line of its own; a bare date or a short unit name may stand
    between them. It needs three parts or more, the first a state header (country or agency),
    and another kind besides: "جمهورية العراق - بغداد" stays a one-part reading.
    """
    bounds = [start]
    for sep in _SEGMENT_SEP.finditer(norm, start, end):
        bounds.extend(sep.span())
    bounds.append(end)
    if len(bounds) < 6:
        return None
    kinds: set[str] = set()
    markers = 0
    last = start
    for k in range(0, len(bounds), 2):
        a, b = bounds[k], bounds[k + 1]
        part = [m for m in matches if a <= m.start < b]
        found = _marker_line(norm, a, b, part) if part else None
        if found is not None:
            if k == 0 and not found[2] & {COUNTRY, AGENCY}:
                return None
            kinds |= found[2]
            markers += 1
            last = found[1]
        elif k == 0:
            return None
        elif _BARE_DATE.fullmatch(norm, a, b):
            kinds.add(DATE)
            last = b
        elif not _bridge(norm, a, b):
            break
    if markers < 2 or (markers < 3 and not kinds - {COUNTRY, AGENCY, UNIT}):
        return None
    return matches[0].start, last, kinds


def _only_markers(norm: str, start: int, end: int, matches: list[Match[Any]]) -> bool:
    """Every word of the line is a marking (or sits in a number/date value after a label)."""
    covered: list[tuple[int, int]] = []
    for m in matches:
        if m.value in (REF, DATE):
            covered.append((m.outer, end))
            break
        if m.value in (PUBLIC, PROSE):
            return False
        covered.append((m.outer, m.end))
    for w in _WORDS.finditer(norm, start, end):
        if not any(a <= w.start() and w.end() <= b for a, b in covered):
            return False
    return True


def _score(kinds: set[str], lines: int) -> float:
    """0 when the block lacks a strong marker; stronger blocks score higher."""
    strong = kinds & {COUNTRY, CLASS, WEAK_CLASS}
    structure = len(kinds & {AGENCY, REF, DATE})
    if not strong and structure < 2 and not (AGENCY in kinds and lines >= 2):
        return 0.0
    if CLASS in kinds or (COUNTRY in kinds and structure):
        return 0.9
    if structure >= 2 or (strong and structure):
        return 0.85
    return 0.75
