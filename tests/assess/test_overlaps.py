"""Overlap resolution: specific beats generic, containers keep what they contain."""

from __future__ import annotations

from leakwatch.detect.analyzer import resolve_overlaps
from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType


def _f(et: EntityType, start: int, end: int, score: float) -> Finding:
    return Finding(et, start, end, score, "t", "x" * (end - start))


def test_validated_iban_beats_phone_inside_it() -> None:
    iban = _f(EntityType.IBAN_CODE, 0, 27, 0.95)
    phone = _f(EntityType.PHONE_NUMBER, 10, 21, 0.6)
    assert resolve_overlaps([phone, iban]) == [iban]


def test_equal_scores_prefer_the_more_specific_type() -> None:
    card = _f(EntityType.CREDIT_CARD, 0, 19, 0.9)
    phone = _f(EntityType.PHONE_NUMBER, 0, 11, 0.9)
    assert resolve_overlaps([phone, card]) == [card]


def test_state_document_block_keeps_the_entities_inside() -> None:
    block = _f(EntityType.STATE_DOCUMENT, 0, 80, 0.9)
    name = _f(EntityType.PERSON, 30, 40, 0.8)
    assert resolve_overlaps([block, name]) == [block, name]


def test_results_are_in_text_order_without_duplicates() -> None:
    a = _f(EntityType.PERSON, 20, 30, 0.8)
    b = _f(EntityType.PHONE_NUMBER, 0, 11, 0.9)
    assert resolve_overlaps([a, b, b]) == [b, a]
