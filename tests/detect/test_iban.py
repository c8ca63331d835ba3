"""Table tests for `IbanRecognizer`; every IBAN here is synthetic, check digits computed."""

from __future__ import annotations

import pytest
from recognizer_contract import find, found_spans, make_iban, spans
from schwifty import IBAN
from schwifty import registry as schwifty_registry

from leakwatch.detect.patterns import iban_check_digits, iban_mod97
from leakwatch.detect.recognizers.iban import IbanRecognizer, iban_structured, iban_valid

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


def test_structure_mismatch_is_found_at_a_lower_score() -> None:
    # Valid mod-97 and length, but digits where the 4-letter bank code belongs.
    bban = "1234850123456789012"
    compact = f"IQ{iban_check_digits('IQ', bban)}{bban}"
    assert iban_valid(compact)
    assert not iban_structured(compact)
    (f,) = find(R, compact)
    assert f.score == 0.85


#: One synthetic BBAN per country, shaped as the SWIFT registry says (check digits computed).
WORLD: list[tuple[str, str]] = [
    ("SA", "80000000608010167519"),
    ("AE", "0331234567890123456"),
    ("KW", "CBKU0000000000001234560101"),
    ("QA", "DOHB00001234567890ABCDEFG"),
    ("BH", "BMAG00001299123456"),
    ("LB", "099900000001001901229114"),
    ("TR", "0006100519786457841326"),
    ("EG", "0019000500000000263180002"),
    ("FR", "20041010050500013M02606"),
    ("IT", "X0542811101000000123456"),
    ("ES", "21000418450200051332"),
    ("NL", "ABNA0417164300"),
    ("BE", "539007547034"),
    ("CH", "00762011623852957"),
    ("NO", "86011117947"),
    ("SE", "50000000058398257466"),
    ("PL", "109010140000071219812874"),
    ("BR", "00360305000010009795493P1"),
    ("PK", "SCBL0000001123456702"),
    ("AZ", "NABZ00000000137010001944"),
    ("GE", "NB0000000101904917"),
    ("UA", "3223130000026007233566001"),
    ("LY", "002048000020100120361"),
    ("SD", "29010501234001"),
    ("MR", "00020001010000123456753"),
    ("IL", "0108000000099999999"),
    ("KZ", "125KZT5004100100"),
]


@pytest.mark.parametrize(("country", "bban"), WORLD)
@pytest.mark.parametrize("grouped", [True, False])
@pytest.mark.parametrize(
    "template", ["IBAN: {}", "رقم الايبان {} باسم المستفيد", "ئایبان: {}", "حوّل إلى {} اليوم"]
)
def test_iban_of_every_country(country: str, bban: str, grouped: bool, template: str) -> None:
    iban = make_iban(country, bban, grouped=grouped)
    assert iban_structured(iban.replace(" ", ""))
    text = template.format(iban)
    assert found_spans(R, text) == spans(text, iban)


@pytest.mark.parametrize(("country", "bban"), WORLD[:5])
def test_wrong_length_for_the_country_is_not_an_iban(country: str, bban: str) -> None:
    assert find(R, make_iban(country, bban + "1")) == []
    assert find(R, make_iban(country, bban[:-1])) == []


def test_mod97_known_value() -> None:
    # The ISO 13616 worked example.
    assert iban_mod97("GB82WEST12345698765432") == 1
    assert iban_check_digits("GB", "WEST12345698765432") == "82"


@pytest.mark.parametrize(("text", "score"), [(IQ, 0.95), (f"الايبان {IQ}", 1.0)])
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score


@pytest.mark.parametrize(("country", "bban"), WORLD)
def test_registry_agrees_with_schwifty(country: str, bban: str) -> None:
    compact = make_iban(country, bban, grouped=False)
    assert iban_valid(compact)
    assert iban_structured(compact)
    IBAN(compact)  # schwifty's own validation (length, structure, mod-97) accepts it
    wrong = compact[:4] + ("A" if compact[4].isdigit() else "1") + compact[5:]
    spec = schwifty_registry.get_iban_spec(country)
    assert iban_structured(wrong) == bool(spec.regex.fullmatch(wrong[4:]))


@pytest.mark.parametrize(
    ("country", "bban"),
    [
        ("IR", "0170000000100324200001"),  # Iran's Sheba, used before SWIFT registration
        ("MA", "011519000001205000534921"),
        ("DZ", "0040017440100105048612"),
        ("GF", "20041010050500013M02606"),  # French Guiana, France's format under its own code
        ("JE", "NWBK60161331926819"),
    ],
)
def test_unregistered_and_territory_ibans(country: str, bban: str) -> None:
    iban = make_iban(country, bban)
    text = f"الايبان {iban} فقط"
    assert found_spans(R, text) == spans(text, iban)
