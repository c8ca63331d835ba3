"""Table tests for `VehiclePlateRecognizer`."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, spans

from leakwatch.detect.recognizers.plate import VehiclePlateRecognizer

R = VehiclePlateRecognizer()

CASES: list[tuple[str, list[str]]] = [
    # number + series letter + governorate, both orders, with and without a vehicle cue
    ("رقم السيارة 12345 أ بغداد", ["12345 أ بغداد"]),
    ("بغداد 45678 ب", ["بغداد 45678 ب"]),
    ("اربيل 23456 د", ["اربيل 23456 د"]),
    ("سيارته نوع كيا البصرة 34567 ج", ["البصرة 34567 ج"]),
    ("العجلة المرقمة 56789 ط نينوى", ["56789 ط نينوى"]),
    ("plate Erbil 23456 D", ["Erbil 23456 D"]),
    ("Baghdad 45678 B", ["Baghdad 45678 B"]),
    ("ژمارەی ئۆتۆمبێل: هەولێر ٢٣٤٥٦ د", ["هەولێر ٢٣٤٥٦ د"]),
    ("السيارة ١٢٣٤٥ أ كربلاء", ["١٢٣٤٥ أ كربلاء"]),
    ("لوحة 12345-ب-بغداد", ["12345-ب-بغداد"]),
    ("سيارة في البصرة 12 ب", ["البصرة 12 ب"]),
    # number + series letter with a vehicle cue
    ("سيارة رقم 54321 ج", ["54321 ج"]),
    ("car plate 77123 r", ["77123 r"]),
    # old style and temporary plates
    ("رقم السيارة 123456 بغداد", ["123456 بغداد"]),
    ("رقم العجلة بغداد 654321", ["بغداد 654321"]),
    ("سيارة رقمها 45678 فحص مؤقت", ["45678 فحص مؤقت"]),
    # hard negatives
    ("بغداد 2023م", []),
    ("نينوى 1445 ه", []),
    ("يسكن بغداد - الكرادة - م 905 ز 12 د 7", []),
    ("دار 12 ب بغداد", []),
    ("فاز فريق بغداد 2-1 على اربيل", []),
    ("السيارة بسعر 15000 د.ع", []),
    ("the car was 300 m away", []),
    ("انفجار سيارة في بغداد 2023", []),
    ("12345 ب", []),
    ("الساعة 10 ص", []),
    ("درجة الحرارة في بغداد 49 مئوية", []),
    ("ثورة 1958 في بغداد", []),
    ("سعر 25,000 دينار", []),
    ("درجة الحرارة 49 في بغداد و 50 في البصرة", []),  # "و" is "and" here
    ("للبيع سيارة. الحرارة 49 في بغداد و 50 في البصرة", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_plate_spans(text: str, values: list[str]) -> None:
    assert found_spans(R, text) == spans(text, *values)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("بغداد 45678 ب", 0.8),
        ("رقم السيارة 12345 أ بغداد", 0.95),
        ("سيارة رقم 54321 ج", 0.85),
        ("رقم السيارة 123456 بغداد", 0.8),
    ],
)
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score
