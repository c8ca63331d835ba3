"""Table tests for `EmailRecognizer`."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, spans

from leakwatch.detect.recognizers.email import EmailRecognizer

R = EmailRecognizer()

CASES: list[tuple[str, list[str]]] = [
    ("ali.h@gmail.com", ["ali.h@gmail.com"]),
    ("ايميله:ali.h@gmail.com", ["ali.h@gmail.com"]),
    ("للتواصلkarwan@example.iqشكرا", ["karwan@example.iq"]),
    ("Email: Zainab.K@Yahoo.COM.", ["Zainab.K@Yahoo.COM"]),
    (
        "user+tag@mail.co.uk, second_one@uni.edu.iq",
        ["user+tag@mail.co.uk", "second_one@uni.edu.iq"],
    ),
    ("ئیمەیڵ: rebin-88@hotmail.com", ["rebin-88@hotmail.com"]),
    ("(ahmed.k@gov.iq)", ["ahmed.k@gov.iq"]),
    ("البريد الالكتروني <info@company.com>", ["info@company.com"]),
    # hard negatives
    ("@username تابعونا", []),
    ("ali@", []),
    ("ali@gmail", []),
    ("x@y.z", []),
    ("سعر 5@10 دينار", []),
    ("a@b", []),
    ("سعر 25,000 دينار", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_email_spans(text: str, values: list[str]) -> None:
    assert found_spans(R, text) == spans(text, *values)


@pytest.mark.parametrize(("text", "score"), [("ali@x.com", 0.85), ("ايميله ali@x.com", 0.95)])
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score
