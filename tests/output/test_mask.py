"""Masked previews never contain the whole value."""

from __future__ import annotations

import pytest

from leakwatch.entities import EntityType
from leakwatch.output.mask import mask


@pytest.mark.parametrize(
    ("entity_type", "value", "expected"),
    [
        (EntityType.PHONE_NUMBER, "07701234567", "0770*****67"),
        (EntityType.PHONE_NUMBER, "0770 123 4567", "0770*****67"),
        (EntityType.IQ_NATIONAL_ID, "199012345678", "19********78"),
        (EntityType.IQ_CIVIL_ID, "00123456", "0******6"),
        (EntityType.IQ_PASSPORT, "A12345678", "A1******8"),
        (EntityType.IQ_RESIDENCE_CARD, "12", "**"),
        (EntityType.EMAIL_ADDRESS, "ali.h@gmail.com", "a***@gmail.com"),
        (EntityType.PERSON, "علي حسين كاظم", "ع** ح*** ك***"),
        (EntityType.DATE_OF_BIRTH, "1990", "****"),
        (EntityType.DATE_OF_BIRTH, "12/3/1985", "**/*/****"),
        (EntityType.STATE_DOCUMENT, "جمهورية العراق\nوزارة الداخلية", "ج****** ا***** و**** …"),
        (EntityType.ADDRESS, "م 905 ز 12 د 7", "* 9** * 1* * *"),
    ],
)
def test_mask_table(entity_type: EntityType, value: str, expected: str) -> None:
    assert mask(entity_type, value) == expected


@pytest.mark.parametrize("entity_type", list(EntityType))
@pytest.mark.parametrize(
    "value", ["07701234567", "علي حسين", "a@b.iq", "IQ98 NBIQ 8501 2345 6789 012"]
)
def test_mask_never_contains_the_value(entity_type: EntityType, value: str) -> None:
    assert value not in mask(entity_type, value)


@pytest.mark.parametrize(
    "entity_type",
    [EntityType.IQ_NATIONAL_ID, EntityType.IQ_CIVIL_ID, EntityType.IQ_PASSPORT,
     EntityType.IQ_RESIDENCE_CARD],
)  # fmt: skip
@pytest.mark.parametrize("value", ["199012345678", "1990 1234 5678", "A12345678", "12345", "7"])
def test_national_id_masks_show_at_most_4_and_a_third(entity_type: EntityType, value: str) -> None:
    """Issue 8.11: a 12-digit national ID showed 6 of its digits; now at most 4, and never more
    than a third of any identity document number."""
    shown = sum(1 for ch in mask(entity_type, value) if ch != "*")
    length = len(value.replace(" ", ""))
    assert shown <= min(4, length // 3)
