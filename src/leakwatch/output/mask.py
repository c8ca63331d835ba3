"""Masked previews: enough to recognize a value in review, never the whole value."""

from __future__ import annotations

from leakwatch.entities import EntityType

_KEEP_HEAD = 4
_KEEP_TAIL = 2
#: Identity document numbers show at most this many characters, and never more than a third of
#: them: an ID number with 6 of 12 digits shown leaves a million candidates, one with 4 shown 10^8.
_ID_SHOWN = 4
_IDENTITY_DOCUMENTS = frozenset(
    {
        EntityType.IQ_NATIONAL_ID,
        EntityType.IQ_CIVIL_ID,
        EntityType.IQ_PASSPORT,
        EntityType.IQ_RESIDENCE_CARD,
    }
)


def mask(entity_type: EntityType, value: str) -> str:
    """A preview of `value` that never contains it whole.

    Numbers keep their first 4 and last 2 digits ("0770*****67"), identity document numbers at
    most 4 characters and a third of them ("19********78"); names and addresses keep
    the first letter of each word; e-mails the first letter and the domain; dates of birth
    only their separators; document blocks their first three words' initials.
    """
    if entity_type is EntityType.EMAIL_ADDRESS and "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if entity_type is EntityType.DATE_OF_BIRTH:
        return "".join("*" if ch.isalnum() else ch for ch in value)
    if entity_type is EntityType.STATE_DOCUMENT:
        words = value.split()
        return " ".join(_word(w) for w in words[:3]) + (" …" if len(words) > 3 else "")
    if entity_type in (EntityType.PERSON, EntityType.ADDRESS):
        return " ".join(_word(w) for w in value.split())
    compact = "".join(ch for ch in value if not ch.isspace())
    if entity_type in _IDENTITY_DOCUMENTS:
        shown = min(_ID_SHOWN, len(compact) // 3)
        head, tail = shown - shown // 2, shown // 2
        return compact[:head] + "*" * (len(compact) - shown) + compact[len(compact) - tail :]
    if len(compact) <= _KEEP_HEAD + _KEEP_TAIL:
        return compact[:1] + "*" * (len(compact) - 1)
    hidden = len(compact) - _KEEP_HEAD - _KEEP_TAIL
    return compact[:_KEEP_HEAD] + "*" * hidden + compact[-_KEEP_TAIL:]


def _word(word: str) -> str:
    if len(word) <= 1:
        return "*" if word.isalnum() else word
    return word[0] + "*" * (len(word) - 1)
