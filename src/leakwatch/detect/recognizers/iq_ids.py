"""Iraqi identity numbers: the unified national card, the old civil-status ID, the residence card.

None of them carries a checksum, so context does the work: the national card's 12 digits are
distinctive enough to report alone at a low score, while the civil ID and residence card numbers
(6-10 digits, like any order or document number) are only reported after their cue.
"""

from __future__ import annotations

import re
from typing import ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import (
    NOT_ID_CUES,
    Cues,
    all_same,
    digits_only,
    not_identifier_shape,
)
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

# 12 digits, optionally grouped by spaces or dashes, never a piece of a longer digit sequence.
# (The first digit comes before the look-behinds so the engine can skip to digits quickly.)
_NATIONAL = re.compile(
    r"[0-9](?<![0-9a-z][0-9])(?<![0-9][ \-][0-9])(?:[ \-]?[0-9]){11}(?![0-9a-z])(?![ \-][0-9])"
)
# After a cue: filler without digits (labels, colons, "المرقمة"), then the number itself.
_AFTER_CUE_CIVIL = re.compile(r"[^0-9]{0,30}?(?<![a-z])([0-9]{6,9})(?![0-9a-z])")
_AFTER_CUE_RESIDENCE = re.compile(r"[^0-9]{0,30}?(?<![a-z])([0-9]{5,10})(?![0-9a-z])")
# Record (سجل) and page (صحيفة) numbers that complete an old civil ID: "… سجل 45 صحيفة 89".
_GLUE = r"[ \t]*[,\-–/]?[ \t]*(?:و[ \t]*)?"
_REC_WORD = r"(?:رقم[ \t]*)?(?:ال)?سجل|س(?![\w])|record|rec\.?|registry|reg\.?|تومار|تۆمار"
_PAGE_WORD = r"(?:رقم[ \t]*)?(?:ال)?صحيفه|ص(?![\w])|page|pg\.?|p\.|لاپهڕه"
_NUM_AFTER = r"[ \t]*[:\-.]?[ \t]*[0-9]{1,6}(?![0-9])"
# A number followed by both a record and a page number is an old civil ID even without a cue:
# nothing else in Iraqi documents is written "1234567 سجل 45 صحيفة 89".
_STRUCTURED_CIVIL = re.compile(
    rf"(?<![0-9a-z])([0-9]{{5,9}})(?=(?:{_GLUE}(?:{_REC_WORD}){_NUM_AFTER})"
    rf"(?:{_GLUE}(?:{_PAGE_WORD}){_NUM_AFTER}))"
)
_RECORD_PAGE = re.compile(
    rf"(?:{_GLUE}(?:{_REC_WORD}){_NUM_AFTER})?(?:{_GLUE}(?:{_PAGE_WORD}){_NUM_AFTER})?"
)


class NationalIdRecognizer(Recognizer):
    """The 12-digit unified national card number (البطاقة الوطنية الموحدة).

    Score: 0.85 with a card cue (0.9 when it starts with 1 or 2, the usual century/sex digit);
    without a cue 0.4 for a bare 12-digit run starting with 1 or 2, else 0.3. Nothing when an
    order/invoice/transfer cue says what the number is instead.
    """

    name: ClassVar[str] = "iq_national_id"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.IQ_NATIONAL_ID,)
    PATTERN: ClassVar[re.Pattern[str]] = _NATIONAL
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "البطاقة الوطنية", "البطاقه الوطنيه", "بطاقة وطنية", "الموحدة", "الموحده", "رقم البطاقة",
        "الرقم الوطني", "رقم الهوية", "الهوية الوطنية",
        "کارتی نیشتمانی", "ناسنامە", "ژمارەی ناسنامە",
        "national id", "national card", "unified card", "id number", "id no", "nid",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if doc.digits < 12:
            return out
        for m in _NATIONAL.finditer(norm):
            start, end = m.span()
            digits = digits_only(m.group())
            if all_same(digits) or not_identifier_shape(norm, start, end) is not None:
                continue
            typical = digits[0] in "12"
            cue = self._CUE.near(norm, start, end)
            if cue is not None:
                score, why = (0.9 if typical else 0.85), f"12 digits + context '{cue}'"
            elif NOT_ID_CUES.near(norm, start, end, right=0) or digits.startswith("964"):
                continue
            elif typical and len(digits) == end - start:
                score, why = 0.4, "bare 12-digit run"
            else:
                score, why = 0.3, "12 digits, no context"
            out.append(doc.finding(EntityType.IQ_NATIONAL_ID, start, end, score, self.name, why))
        return out


class _CuedNumberRecognizer(Recognizer):
    """A number that only counts after its cue: find the cues, then the number that follows."""

    _CUE: ClassVar[Cues]
    _AFTER: ClassVar[re.Pattern[str]]
    _ENTITY: ClassVar[EntityType]
    _LABEL: ClassVar[str]
    _MIN_DIGITS: ClassVar[int]  # the shortest number `_AFTER` takes

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if doc.digits < self._MIN_DIGITS or not self._CUE.present(norm):
            return out
        last_end = -1
        for cue_end, cue in self._CUE.find(norm):
            m = self._AFTER.match(norm, cue_end)
            if m is None or m.start(1) < last_end or all_same(m.group(1)):
                continue
            start, end = m.span(1)
            score, why = 0.85, f"{self._LABEL} + context '{cue}'"
            extended = self._extend(norm, end)
            if extended > end:
                end, score, why = extended, 0.95, why + " + record/page"
            last_end = end
            out.append(doc.finding(self._ENTITY, start, end, score, self.name, why))
        return out

    def _extend(self, norm: str, end: int) -> int:
        return end


class CivilIdRecognizer(_CuedNumberRecognizer):
    """Old civil-status ID (هوية الأحوال المدنية): 6-9 digits after its cue, or any 5-9 digit
    number followed by both a record (سجل) and a page (صحيفة) number, a shape nothing else has.

    Where the record and page numbers follow directly, the span runs to the last of their
    digits (docs/spans.md). Score: 0.85 with the cue or the record/page shape, 0.95 with both.
    """

    name: ClassVar[str] = "iq_civil_id"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.IQ_CIVIL_ID,)
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "هوية الأحوال المدنية", "هوية الاحوال", "هويه احوال", "الهوية المدنية", "رقم الهوية",
        "هوية مدنية", "ناسنامە", "civil id", "civil status id", "هويته", "هويتها",
        "هويته المدنية", "هويتها المدنية", "ناسنامەکەی", "ژمارەی ناسنامە",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)
    _AFTER: ClassVar[re.Pattern[str]] = _AFTER_CUE_CIVIL
    _MIN_DIGITS: ClassVar[int] = 6
    _ENTITY: ClassVar[EntityType] = EntityType.IQ_CIVIL_ID
    _LABEL: ClassVar[str] = "civil id"

    def _extend(self, norm: str, end: int) -> int:
        m = _RECORD_PAGE.match(norm, end)
        return m.end() if m else end

    def analyze(self, doc: Document) -> list[Finding]:
        cued = super().analyze(doc)
        out = list(cued)
        norm = doc.norm
        if "سجل" not in norm and "record" not in norm and "تۆمار" not in norm:
            return out
        for m in _STRUCTURED_CIVIL.finditer(norm):
            start, end = m.start(1), self._extend(norm, m.end(1))
            o_start = doc.normalized.to_original(start, end)[0]
            if all_same(m.group(1)) or any(f.start <= o_start < f.end for f in cued):
                continue
            out.append(
                doc.finding(self._ENTITY, start, end, 0.85, self.name, "civil id + record and page")
            )
        return out


class ResidenceCardRecognizer(_CuedNumberRecognizer):
    """Residence card (بطاقة السكن) number: 5-10 digits after its cue, never without one.

    Score: 0.85.
    """

    name: ClassVar[str] = "iq_residence_card"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.IQ_RESIDENCE_CARD,)
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "بطاقة السكن", "بطاقة سكن", "بطاقه السكن", "بطاقه سكن", "residence card",
        "کارتی نیشتەجێبوون", "کارتی نیشتەجێ بوون",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)
    _AFTER: ClassVar[re.Pattern[str]] = _AFTER_CUE_RESIDENCE
    _MIN_DIGITS: ClassVar[int] = 5
    _ENTITY: ClassVar[EntityType] = EntityType.IQ_RESIDENCE_CARD
    _LABEL: ClassVar[str] = "residence card"
