"""Dates and years of birth, and only those: a date counts when a birth cue comes just before it.

Posts are full of dates and years (history, prices, match results, document dates); what makes
one a date of birth is the cue ("مواليد", "تولد", "born", "لەدایکبووی"), so the recognizer
finds cues first and then reads the date that follows within a few words.
"""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import Cues
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType
from leakwatch.normalize import normalize_token

#: Month names: Iraqi/Levantine (كانون الثاني…), Egyptian/MSA (يناير…), Kurdish, English.
MONTHS: tuple[str, ...] = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول",
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
    "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
    "کانوونی دووەم", "شوبات", "ئازار", "نیسان", "ئایار", "حوزەیران", "تەمموز", "ئاب",
    "ئەیلوول", "تشرینی یەکەم", "تشرینی دووەم", "کانوونی یەکەم",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
)  # fmt: skip
_MONTH_ALT = "|".join(
    sorted(
        {re.escape(normalize_token(m)).replace(r"\ ", r"\s+") for m in MONTHS},
        key=len,
        reverse=True,
    )
)
_YYYY = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|ي)?"
_MONTH = rf"(?<![\w])(?:{_MONTH_ALT})\.?(?:ي(?![\w]))?"  # Kurdish izafe: "ئازاری"
_DSEP = r"[ \t]*[/\-.][ \t]*"
_TSEP = r"[ \t]*[,/\-.]?[ \t]*"
_DATE = (
    rf"(?P<ymd>{_YYYY}{_DSEP}\d{{1,2}}{_DSEP}\d{{1,2}})(?!\d)"
    rf"|(?P<dmy>\d{{1,2}}{_DSEP}\d{{1,2}}{_DSEP}(?:{_YYYY}|\d\d))(?!\d)"
    rf"|(?P<text>(?:{_DAY}{_TSEP}(?:of[ \t]+)?)?{_MONTH}{_TSEP}(?:{_DAY}[ \t]*,?[ \t]*)?"
    rf"{_YYYY})(?!\d)"
    rf"|(?P<year>{_YYYY})(?!\d|[/\-.]\d)"
)
# Up to 25 characters of words between cue and date, no digits, no line break:
# "من مواليد بغداد عام 1985", "born in Basra in 1985", "تاريخ الميلاد: 1985/3/12".
_AFTER_CUE = re.compile(rf"[^\d\n]{{0,25}}?(?<!\d)(?:{_DATE})")
_NUMBERS = re.compile(r"\d+")


def _plausible(m: re.Match[str]) -> bool:
    """A numeric date must be a real calendar date (day-first or month-first) in 1900-2030."""
    kind = m.lastgroup
    if kind == "year":
        return 1900 <= int(m.group("year")) <= 2030
    if kind not in ("ymd", "dmy"):
        return True
    a, b, c = (int(x) for x in _NUMBERS.findall(m.group(kind)))
    if kind == "ymd":
        candidates = [(a, b, c)]
    else:
        year = c if c >= 100 else (1900 + c if c > 30 else 2000 + c)
        candidates = [(year, b, a), (year, a, b)]
    for y, mo, d in candidates:
        if 1900 <= y <= 2030:
            try:
                date(y, mo, d)
            except ValueError:
                continue
            return True
    return False


class DateOfBirthRecognizer(Recognizer):
    """A date or year that follows a birth cue within a few words; span = the date only.

    Score: 0.95 for a full date, 0.9 for month + year, 0.85 for a bare year. Never without a
    cue; age ("عمره 35") is not a date of birth.
    """

    name: ClassVar[str] = "date_of_birth"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.DATE_OF_BIRTH,)
    PATTERN: ClassVar[re.Pattern[str]] = _AFTER_CUE
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "تولد", "مواليد", "من مواليد", "المولود", "المولودة", "مولود", "مولودة",
        "تاريخ الميلاد", "تاريخ الولادة", "سنة الولادة", "محل وتاريخ الولادة", "تاريخ التولد",
        "لەدایکبووی", "لەدایکبوون", "ساڵی لەدایکبوون", "بەرواری لەدایکبوون", "لە دایکبووی",
        "born", "dob", "d.o.b", "date of birth", "birth date", "b.", "birth year",
        "year of birth", "سنة الميلاد", "سنة التولد", "🎂",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)
    _SCORES: ClassVar[dict[str, float]] = {"ymd": 0.95, "dmy": 0.95, "text": 0.9, "year": 0.85}

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if not doc.digits or not self._CUE.present(norm):
            return out
        last_end = -1
        for cue_end, cue in self._CUE.find(norm):
            m = _AFTER_CUE.match(norm, cue_end)
            if m is None or m.lastgroup is None or not _plausible(m):
                continue
            kind = m.lastgroup
            start, end = m.span(kind)
            if start < last_end:
                continue
            last_end = end
            score = self._SCORES[kind]
            if kind == "text" and m.group(kind)[0].isdigit():
                score = 0.95  # day + month + year, not just month + year
            why = f"{'year' if kind == 'year' else 'date'} after birth cue '{cue}'"
            out.append(doc.finding(EntityType.DATE_OF_BIRTH, start, end, score, self.name, why))
        return out
