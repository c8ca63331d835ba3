"""Table tests for the Iraqi ID recognizers: national card, civil ID, residence card."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, spans

from leakwatch.detect.recognizers.iq_ids import (
    CivilIdRecognizer,
    NationalIdRecognizer,
    ResidenceCardRecognizer,
)

NATIONAL = NationalIdRecognizer()
CIVIL = CivilIdRecognizer()
RESIDENCE = ResidenceCardRecognizer()

NATIONAL_CASES: list[tuple[str, list[str]]] = [
    ("البطاقة الوطنية 199012345678", ["199012345678"]),
    ("رقم البطاقة الموحدة: ١٩٩٠١٢٣٤٥٦٧٨", ["١٩٩٠١٢٣٤٥٦٧٨"]),
    ("البطاقـة الوطنيـة رقم 2001 2345 6789", ["2001 2345 6789"]),
    ("الرقم الوطني 1990-1234-5678", ["1990-1234-5678"]),
    ("national id: 200123456789", ["200123456789"]),
    ("Unified card no 199987654321 issued 2019", ["199987654321"]),
    ("کارتی نیشتمانی ۲۰۰۱۲۳۴۵۶۷۸۹", ["۲۰۰۱۲۳۴۵۶۷۸۹"]),
    ("ژمارەی ناسنامە: 199512345678", ["199512345678"]),
    ("علي حسين 199012345678 بغداد", ["199012345678"]),  # bare: reported, low score
    # hard negatives
    ("رقم الطلب 199012345678", []),
    ("order 199012345678 shipped", []),
    ("4111 1111 1111 1111", []),
    ("1990123456789", []),
    ("19901234567", []),
    ("000000000000", []),
    ("07701234567", []),
    ("IQ98 NBIQ 8501 2345 6789 012", []),
    ("سعر 25,000 دينار", []),
]

CIVIL_CASES: list[tuple[str, list[str]]] = [
    ("هوية الأحوال المدنية 00123456", ["00123456"]),
    ("هوية الاحوال المدنية المرقمة ١٢٣٤٥٦٧", ["١٢٣٤٥٦٧"]),
    ("رقم الهوية 1234567 سجل 45 صحيفة 89", ["1234567 سجل 45 صحيفة 89"]),
    ("الهوية المدنية: 7654321، السجل 12، الصحيفة 34 صادرة", ["7654321، السجل 12، الصحيفة 34"]),
    ("رقم الهوية ١٢٣٤٥٦٧ سجل ٤٥ صحيفة ٨٩", ["١٢٣٤٥٦٧ سجل ٤٥ صحيفة ٨٩"]),
    ("رقم الهوية 1234567 س 45 ص 89", ["1234567 س 45 ص 89"]),
    ("رقم الهوية 1234567 وسجل 45 وصحيفة 89", ["1234567 وسجل 45 وصحيفة 89"]),
    ("civil id 1234567 record 45 page 89", ["1234567 record 45 page 89"]),
    ("Civil ID: 987654", ["987654"]),
    ("ناسنامە ۱۲۳۴۵۶۷", ["۱۲۳۴۵۶۷"]),
    ("هوية الأحوال 123456789 والاسم علي", ["123456789"]),
    # hard negatives: no cue, wrong length, other paperwork
    # the record-and-page shape is a civil ID on its own; a record number alone is not
    ("1234567 سجل 45 صحيفة 89", ["1234567 سجل 45 صحيفة 89"]),
    ("45046143 - Record 23 - Page 269", ["45046143 - Record 23 - Page 269"]),
    ("ژیار مەجید ٠٢٥٣٣٦ تۆمار ٢٦٩ لاپەڕە ٢٣٢", ["٠٢٥٣٣٦ تۆمار ٢٦٩ لاپەڕە ٢٣٢"]),
    ("الطلب 1234567 سجل 45", []),
    ("رقم الطلب 1234567", []),
    ("رقم الهوية 12345", []),
    ("رقم الهوية 199012345678", []),
    ("الكتاب ذي العدد 1234567 في 2023/7/14", []),
    ("ثورة 1958", []),
]

RESIDENCE_CASES: list[tuple[str, list[str]]] = [
    ("بطاقة السكن 5512345", ["5512345"]),
    ("رقم بطاقة السكن: ٥٥١٢٣٤٥", ["٥٥١٢٣٤٥"]),
    ("بطاقة سكن مرقمة 12345", ["12345"]),
    ("residence card no. 99812345", ["99812345"]),
    ("کارتی نیشتەجێبوون ۱۲۳۴۵۶", ["۱۲۳۴۵۶"]),
    # hard negatives
    ("5512345", []),
    ("مجمع سكني 5512345", []),
    ("بطاقة السكن 123", []),
    ("بطاقة السكن 12345678901", []),
    ("سعر الشقة 85000 دولار", []),
]


@pytest.mark.parametrize(("text", "values"), NATIONAL_CASES)
def test_national_id_spans(text: str, values: list[str]) -> None:
    assert found_spans(NATIONAL, text) == spans(text, *values)


@pytest.mark.parametrize(("text", "values"), CIVIL_CASES)
def test_civil_id_spans(text: str, values: list[str]) -> None:
    assert found_spans(CIVIL, text) == spans(text, *values)


@pytest.mark.parametrize(("text", "values"), RESIDENCE_CASES)
def test_residence_card_spans(text: str, values: list[str]) -> None:
    assert found_spans(RESIDENCE, text) == spans(text, *values)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("البطاقة الوطنية 199012345678", 0.9),
        ("البطاقة الوطنية 899012345678", 0.85),
        ("199012345678", 0.4),
        ("899012345678", 0.3),
        ("1990 1234 5678", 0.3),
    ],
)
def test_national_id_scores(text: str, score: float) -> None:
    (f,) = find(NATIONAL, text)
    assert f.score == score


def test_national_id_without_context_stays_below_decision_level() -> None:
    assert found_spans(NATIONAL, "199012345678", min_score=0.5) == []


def test_civil_id_record_page_scores_higher() -> None:
    (plain,) = find(CIVIL, "رقم الهوية 1234567")
    (full,) = find(CIVIL, "رقم الهوية 1234567 سجل 45 صحيفة 89")
    assert plain.score == 0.85
    assert full.score == 0.95
    assert "record/page" in full.why


def test_residence_card_score() -> None:
    (f,) = find(RESIDENCE, "بطاقة السكن 5512345")
    assert f.score == 0.85
