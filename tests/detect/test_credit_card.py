"""Table tests for `CreditCardRecognizer`; numbers are synthetic (test ranges, Luhn-completed)."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, luhn_complete, make_iban, spans

from leakwatch.detect.patterns import luhn_valid
from leakwatch.detect.recognizers.credit_card import CreditCardRecognizer, card_brand
from leakwatch.entities import EntityType
from leakwatch.sources.message import Hint

R = CreditCardRecognizer()

UNIONPAY = luhn_complete("621234567890123")
UNKNOWN_IIN = luhn_complete("912345678901234")
MC2 = luhn_complete("222100000000000")
MC2_GROUPED = f"{MC2[:4]} {MC2[4:8]} {MC2[8:12]} {MC2[12:]}"

CASES: list[tuple[str, list[str]]] = [
    ("4111 1111 1111 1111", ["4111 1111 1111 1111"]),
    ("بطاقة كي كارد 4111 1111 1111 1111", ["4111 1111 1111 1111"]),
    ("ماستر 5500-0000-0000-0004", ["5500-0000-0000-0004"]),
    ("4111111111111111", ["4111111111111111"]),
    ("Amex 3782 822463 10005", ["3782 822463 10005"]),
    (f"UnionPay {UNIONPAY}", [UNIONPAY]),
    (f"mastercard {MC2_GROUPED}", [MC2_GROUPED]),
    ("فيزا ٤١١١ ١١١١ ١١١١ ١١١١", ["٤١١١ ١١١١ ١١١١ ١١١١"]),
    ("card 4111 1111 1111 1111 12/26", ["4111 1111 1111 1111"]),
    ("card 4111 1111 1111 1111 123", ["4111 1111 1111 1111"]),
    ("البطاقة4111111111111111شكرا", ["4111111111111111"]),
    (f"رقم البطاقة {UNKNOWN_IIN}", [UNKNOWN_IIN]),  # unknown issuer, but cue + Luhn
    # the cue said first, then talk, then the number
    (f"نزل صورة كارته بالستوري وهو يفتخر بالراتب 😂 الرقم واضح {UNKNOWN_IIN}", [UNKNOWN_IIN]),
    # hard negatives
    (UNKNOWN_IIN, []),  # unknown issuer, no cue
    ("4111 1111 1111 1112", []),  # Luhn fails
    ("0000 0000 0000 0000", []),
    ("رقم الطلب 4111111111111111", []),
    ("07701234567", []),
    ("199012345678", []),
    (make_iban("IQ", "NBIQ850123456789012"), []),
    ("سعر 25,000,000 دينار", []),
    ("41111111111111111111", []),  # 20 digits
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_card_spans(text: str, values: list[str]) -> None:
    assert found_spans(R, text) == spans(text, *values)


@pytest.mark.parametrize(
    ("digits", "brand"),
    [
        ("4111111111111111", "visa"),
        ("5500000000000004", "mastercard"),
        ("2221000000000009", "mastercard"),
        ("378282246310005", "amex"),
        ("6011111111111117", "discover"),
        ("6212345678901232", "unionpay"),
        ("3530111333300000", "jcb"),
        ("9123456789012345", None),
    ],
)
def test_brands(digits: str, brand: str | None) -> None:
    assert card_brand(digits) == brand


def test_luhn() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert luhn_valid(luhn_complete("400000000000000"))


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("4111 1111 1111 1111", 0.7),
        ("visa 4111 1111 1111 1111", 0.9),
        (f"card {UNKNOWN_IIN}", 0.65),
    ],
)
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score


def test_telegram_card_mark_boosts_score() -> None:
    text = "4111 1111 1111 1111"
    (f,) = find(R, text, (Hint(EntityType.CREDIT_CARD, 0, len(text)),))
    assert f.score >= 0.9
