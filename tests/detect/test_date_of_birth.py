"""Table tests for `DateOfBirthRecognizer`: only dates and years that follow a birth cue."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, spans

from leakwatch.detect.recognizers.date_of_birth import DateOfBirthRecognizer

R = DateOfBirthRecognizer()

CASES: list[tuple[str, list[str]]] = [
    ("تولد 1985/3/12", ["1985/3/12"]),
    ("مواليد ١٩٩٠", ["١٩٩٠"]),
    ("من مواليد ۱۹۸۷ بغداد", ["۱۹۸۷"]),
    ("born 12 March 1988", ["12 March 1988"]),
    ("Born: March 12, 1988", ["March 12, 1988"]),
    ("من مواليد بغداد عام 1985", ["1985"]),
    ("تاريخ الميلاد: 12-05-1990", ["12-05-1990"]),
    ("تاريخ الولادة 12.5.1990", ["12.5.1990"]),
    ("تولد 12 آذار 1988م", ["12 آذار 1988"]),
    ("المولودة في 3 كانون الثاني 1995", ["3 كانون الثاني 1995"]),
    ("مواليد 15 أغسطس 1979", ["15 أغسطس 1979"]),
    ("تولد/مواليد 1990", ["1990"]),
    ("سنة الولادة: 2001", ["2001"]),
    ("DOB: 03/25/1991", ["03/25/1991"]),
    ("date of birth: March 1988", ["March 1988"]),
    ("Ali Hassan (b. 1975)", ["1975"]),
    ("born in Basra in 1985", ["1985"]),
    ("لەدایکبووی ١٢ی ئازاری ١٩٨٨", ["١٢ی ئازاری ١٩٨٨"]),
    ("ساڵی لەدایکبوون: ۱۹۹۲", ["۱۹۹۲"]),
    ("بەرواری لەدایکبوون 1993/7/4", ["1993/7/4"]),
    ("تاريخ الولادة 1/1/80", ["1/1/80"]),
    ("الاسم: علي، تولد 1985، الام: فاطمة، تولد 1960", ["1985", "1960"]),
    # labels of profile cards: "Birth year:", "سنة الميلاد:", "تاريخ التولد", a cake emoji
    ("Birth year: 14 October 1992", ["14 October 1992"]),
    ("year of birth 1987", ["1987"]),
    ("سنة الميلاد: ١٦/٤/٢٠٠٠", ["١٦/٤/٢٠٠٠"]),
    ("تاريخ التولد 1979/5/2", ["1979/5/2"]),
    ("- اسمها: خديجة نوري سعيد\n- 🎂 2003-08-21", ["2003-08-21"]),
    # hard negatives: history, ages, prices, scores, other dates
    ("ثورة 1958", []),
    ("ثورة 14 تموز 1958", []),
    ("عمره 35 سنة", []),
    ("تأسست الشركة عام 1990", []),
    ("تاريخ الاصدار 2020/1/5", []),
    ("السعر 1990 دينار", []),
    ("النتيجة 2-1", []),
    ("صدر الكتاب في 12 آذار 1988", []),
    ("مواليد 150 طفل في المستشفى", []),
    ("مواليد 1990/13/45", []),
    ("درجة الحرارة 49 مئوية", []),
    ("born to be wild", []),
    ("newborn 2020", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_dob_spans(text: str, values: list[str]) -> None:
    assert found_spans(R, text) == spans(text, *values)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("تولد 1985/3/12", 0.95),
        ("born 12 March 1988", 0.95),
        ("born March 1988", 0.9),
        ("مواليد 1990", 0.85),
    ],
)
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score
