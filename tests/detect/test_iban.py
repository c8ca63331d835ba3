"""Table tests for `IbanRecognizer`; every IBAN here is synthetic, check digits computed."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, make_iban, spans

from leakwatch.detect.patterns import iban_check_digits, iban_mod97
from leakwatch.detect.recognizers.iban import IbanRecognizer, iban_valid

R = IbanRecognizer()

IQ = make_iban("IQ", "NBIQ850123456789012")  # IQ98 NBIQ 8501 2345 6789 012
IQ_COMPACT = make_iban("IQ", "RAFB001234567890123", grouped=False)
DE = make_iban("DE", "370400440532013000")
GB = make_iban("GB", "WEST12345698765432")
JO = make_iban("JO", "CBJO0010000000000131000302")
_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
IQ_ARABIC_DIGITS = IQ.translate(_TO_ARABIC_INDIC)
IQ_BAD_CHECK = "IQ00" + IQ[4:]

CASES: list[tuple[str, list[str]]] = [
    (f"IBAN: {IQ}", [IQ]),
    (f"رقم الايبان {IQ_COMPACT} باسم المستفيد", [IQ_COMPACT]),
    (f"الحساب {IQ.lower()}", [IQ.lower()]),
    (f"حسابه{IQ}شكرا", [IQ]),
    (f"ئایبان: {IQ_ARABIC_DIGITS}", [IQ_ARABIC_DIGITS]),
    (f"{IQ} to Ali", [IQ]),
    (f"{IQ}.", [IQ]),
    (f"transfer to {DE} or {GB}", [DE, GB]),
    (f"Jordan account {JO}", [JO]),
    (IQ.replace(" ", "-"), [IQ.replace(" ", "-")]),
    # hard negatives
    (IQ_BAD_CHECK, []),
    ("IQ98 NBIQ 8501 2345 6789 01", []),  # one digit short for Iraq
    ("XX98 NBIQ 8501 2345 6789 012", []),  # not a country with IBANs in the table
    ("AB12 CDEF 1234", []),
    ("4111 1111 1111 1111", []),
    ("سعر 25,000 دينار", []),
    ("الكتاب ذي العدد 4521 في 2023/7/14", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_iban_spans(text: str, values: list[str]) -> None:
    assert found_spans(R, text) == spans(text, *values)


def test_iraqi_shape_is_enforced() -> None:
    # Valid mod-97 and length, but digits where the 4-letter bank code belongs.
    bban = "1234850123456789012"
    assert not iban_valid(f"IQ{iban_check_digits('IQ', bban)}{bban}")


def test_mod97_known_value() -> None:
    # The ISO 13616 worked example.
    assert iban_mod97("GB82WEST12345698765432") == 1
    assert iban_check_digits("GB", "WEST12345698765432") == "82"


@pytest.mark.parametrize(("text", "score"), [(IQ, 0.95), (f"الايبان {IQ}", 1.0)])
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score
