"""Identifier generators produce values that real validators accept."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from leakwatch.synth import values

seeds = st.integers(min_value=0, max_value=2**32)


def test_known_checksums() -> None:
    assert values.iban_is_valid("GB82 WEST 1234 5698 7654 32")
    assert not values.iban_is_valid("GB83 WEST 1234 5698 7654 32")
    assert values.luhn_is_valid("4111 1111 1111 1111")
    assert not values.luhn_is_valid("4111 1111 1111 1112")
    assert values.luhn_check_digit("411111111111111") == "1"


@given(seeds)
def test_iban_is_iraqi_and_valid(seed: int) -> None:
    value = values.iban(random.Random(seed))
    compact = value.replace(" ", "")
    assert re.fullmatch(r"IQ\d{2}[A-Z]{4}\d{15}", compact)
    assert values.iban_is_valid(value)


@given(seeds)
def test_card_is_luhn_valid(seed: int) -> None:
    value = values.card(random.Random(seed))
    assert len(re.sub(r"\D", "", value)) == 16
    assert values.luhn_is_valid(value)


@given(seeds)
def test_mobile_uses_an_operator_prefix(seed: int) -> None:
    value = values.mobile(random.Random(seed))
    digits = re.sub(r"\D", "", value)
    nsn = digits.removeprefix("00964").removeprefix("964").removeprefix("0")
    assert len(nsn) == 10
    assert nsn[:3] in values.MOBILE_PREFIXES
    assert value[0] in "0+("
    assert value[-1].isdigit()


@given(seeds)
def test_identity_numbers_have_their_shapes(seed: int) -> None:
    rng = random.Random(seed)
    assert re.fullmatch(r"\d{12}", values.national_id(rng).replace(" ", ""))
    assert re.fullmatch(r"[ABG]\d{8}", values.passport(rng))
    assert re.fullmatch(r"\d{6,8}", values.residence_card(rng))
    civil = values.civil_id(rng, "ar")
    assert civil[0].isdigit()
    assert civil[-1].isdigit()


@given(seeds, st.sampled_from(["ar", "ku", "en"]))
def test_birth_dates_and_plates_end_cleanly(seed: int, lang: str) -> None:
    rng = random.Random(seed)
    dob = values.birth_date(rng, lang)
    assert re.search(r"(19[5-9]\d|200[0-6])", dob)
    assert dob == dob.strip()
    plate = values.plate(rng, "Erbil" if lang == "en" else "بغداد", lang)
    assert re.search(r"\d{5,6}", plate)


def test_email_is_ascii_address() -> None:
    value = values.email(random.Random(1), "Ahmed", "Al-Rubaie")
    assert re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z]+", value)
