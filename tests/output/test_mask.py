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
        (EntityType.IQ_NATIONAL_ID, "199012345678", "1990******78"),
        (EntityType.IQ_PASSPORT, "A12345678", "A123***78"),
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
