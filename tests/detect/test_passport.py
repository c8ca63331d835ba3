"""Table tests for `PassportRecognizer`."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, spans

from leakwatch.detect.recognizers.passport import PassportRecognizer

R = PassportRecognizer()

CASES: list[tuple[str, list[str]]] = [
    ("جواز A12345678", ["A12345678"]),
    ("رقم الجواز: a12345678", ["a12345678"]),
    ("جواز السفر المرقم B87654321 صادر من بغداد", ["B87654321"]),
    ("جوازA12345678", ["A12345678"]),
    ("passport no. G00112233", ["G00112233"]),
    ("پاسپۆرت: A١٢٣٤٥٦٧٨", ["A١٢٣٤٥٦٧٨"]),
    ("A12345678", ["A12345678"]),  # no cue: reported at a moderate score
    ("جوازات: A12345678، A87654321", ["A12345678", "A87654321"]),
    # hard negatives
    ("A123456789", []),
    ("AB12345678", []),
    ("A1234567", []),
    ("order A12345678 shipped", []),
    ("model X12345678", []),
    ("رقم الطلب A12345678", []),
    ("12345678", []),
    ("سعر 25,000 دينار", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_passport_spans(text: str, values: list[str]) -> None:
    assert found_spans(R, text) == spans(text, *values)


@pytest.mark.parametrize(
    ("text", "score"),
    [("جواز A12345678", 0.9), ("passport A12345678", 0.9), ("A12345678", 0.5)],
)
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score
