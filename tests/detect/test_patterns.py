"""The shared helpers: digit folding, checksums, cue matching, hint overlap."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from recognizer_contract import luhn_complete
from stdnum import luhn as stdnum_luhn
from stdnum.iso7064 import mod_97_10

from leakwatch.detect.document import Document
from leakwatch.detect.patterns import (
    Cues,
    all_same,
    digits_only,
    hinted,
    iban_check_digits,
    iban_mod97,
    luhn_valid,
)
from leakwatch.entities import EntityType
from leakwatch.normalize import normalize_token
from leakwatch.sources.message import Hint


def test_digits_only() -> None:
    assert digits_only("+964 (770) 123-45📞67") == "9647701234567"
    assert digits_only("abc") == ""


def test_all_same() -> None:
    assert all_same("0000")
    assert not all_same("0001")


def test_luhn_and_completion() -> None:
    assert luhn_valid("79927398713")
    assert not luhn_valid("79927398710")
    assert luhn_valid(luhn_complete("7992739871"))


def test_iban_checksum_roundtrip() -> None:
    bban = "NBIQ850123456789012"
    check = iban_check_digits("IQ", bban)
    assert iban_mod97(f"IQ{check}{bban}") == 1
    assert iban_mod97(f"iq{check}{bban.lower()}") == 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("رقمه 0770", "رقمه"),
        ("ورقمه 0770", "رقمه"),
        ("Tel: 0770", "tel"),
        ("hotel 0770", None),
        ("telegram 0770", None),
        ("ژمارەی 0770", "ژمارەی"),
    ],
)
def test_cue_word_boundaries(text: str, found: str | None) -> None:
    cues = Cues.of(("رقمه", "tel", "phone", "ژمارەی"))
    norm = Document.of(text).norm
    start = norm.index("0770")
    assert cues.near(norm, start, start + 4) == (normalize_token(found) if found else None)
    assert cues.present(norm) or found is None


def test_cue_needles_cover_multiword_cues() -> None:
    cues = Cues.of(("date of birth", "تاريخ الميلاد", "born"))
    assert cues.present(normalize_token("Date of Birth: 1990"))
    assert cues.present(normalize_token("تاريخ الميلاد 1990"))
    assert not cues.present("nothing here")
    assert [w for _, w in cues.find("born, date of birth")] == ["born", "date of birth"]


def test_hinted_maps_offsets_back() -> None:
    text = "رقـــمه 0770"  # tatweel removed by normalization: offsets differ
    doc = Document.of(text, (Hint(EntityType.PHONE_NUMBER, text.index("0770"), len(text)),))
    start = doc.norm.index("0770")
    assert hinted(doc, EntityType.PHONE_NUMBER, start, start + 4)
    assert not hinted(doc, EntityType.CREDIT_CARD, start, start + 4)
    assert not hinted(doc, EntityType.PHONE_NUMBER, 0, 3)


@given(st.text(alphabet="0123456789", min_size=1, max_size=19))
def test_luhn_agrees_with_stdnum(digits: str) -> None:
    """The in-house check (compiled on the hot path) gives python-stdnum's answer."""
    assert luhn_valid(digits) == stdnum_luhn.is_valid(digits)


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_iban_mod97_agrees_with_stdnum(digits: str) -> None:
    assert (iban_mod97("GB00" + digits) == 1) == mod_97_10.is_valid(digits + "161100")
