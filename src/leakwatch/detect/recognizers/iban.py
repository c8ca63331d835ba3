"""IBANs (ISO 13616) of every country that issues them, Iraqi ones included.

The per-country length and BBAN structure come from `schwifty`'s registry (SWIFT's published
IBAN registry, the territories that borrow a country's format such as French overseas
departments or Jersey, and the countries that use IBANs before registering them, such as Iran
or Morocco), read once at import, instead of a hand-kept table that dropped every country it
forgot. The mod-97 check plus the country's length make a random match vanishingly unlikely, so
an IBAN that validates is reported with a high score even without a cue. National check
digits inside some BBANs are not asked for: a number that passes the registry and mod-97 is
what a reader would take for an IBAN, and that is what leaks.
"""

from __future__ import annotations

import re
from string import ascii_uppercase
from typing import ClassVar

from schwifty import exceptions as schwifty_errors
from schwifty import registry as schwifty_registry

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import Cues, iban_mod97
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

_STRUCTURE_PART = re.compile(r"([1-9][0-9]*)!([nac])")
_CLASS = {"n": "[0-9]", "a": "[a-z]", "c": "[0-9a-z]"}


def _registry() -> dict[str, tuple[int, re.Pattern[str]]]:
    """Lower-case country code → (IBAN length, BBAN structure as a lower-case regex), from
    schwifty's registry (read once, so no per-number lookups)."""
    out: dict[str, tuple[int, re.Pattern[str]]] = {}
    for a in ascii_uppercase:
        for b in ascii_uppercase:
            try:
                spec = schwifty_registry.get_iban_spec(a + b)
            except schwifty_errors.InvalidCountryCode:
                continue
            groups = _STRUCTURE_PART.findall(spec.bban_spec)
            if groups:
                pattern = "".join(f"{_CLASS[kind]}{{{n}}}" for n, kind in groups)
                out[(a + b).lower()] = (spec.iban_length, re.compile(pattern))
    return out


_REGISTRY: dict[str, tuple[int, re.Pattern[str]]] = _registry()
#: IBAN length of every country with IBANs (schwifty's registry).
IBAN_LENGTHS: dict[str, int] = {cc: length for cc, (length, _) in _REGISTRY.items()}
# Country + check digits, then groups of up to 4 characters with an optional space or dash
# between them. A greedy match that swallowed a following word is cut back below.
_IBAN = re.compile(
    r"[a-z](?<![0-9a-z][a-z])[a-z][0-9]{2}(?:[ \-]?[0-9a-z]{4}){2,7}(?:[ \-]?[0-9a-z]{1,3})?"
    r"(?![0-9a-z])"
)
_SEPARATORS = re.compile(r"[ \-]")
_GROUP = re.compile(r"[0-9a-z]+")
_MIN_LENGTH = 12  # below the shortest registry IBAN (Norway: 15)


def iban_valid(compact: str) -> bool:
    """The country's registry length, then mod-97 (== 1)."""
    if IBAN_LENGTHS.get(compact[:2].lower()) != len(compact):
        return False
    return iban_mod97(compact.lower()) == 1


def iban_structured(compact: str) -> bool:
    """Whether the BBAN also has the letters and digits where the registry puts them."""
    entry = _REGISTRY.get(compact[:2].lower())
    return entry is not None and entry[1].fullmatch(compact[4:].lower()) is not None


class IbanRecognizer(Recognizer):
    """IBANs with or without grouping spaces, validated by mod-97 and the registry.

    Score: 0.95 for a valid IBAN, 1.0 with an account/IBAN cue; 0.85 (+0.05 with a cue) where
    the length and mod-97 hold but letters and digits sit elsewhere than the registry's BBAN
    structure says (generators and hand-typed numbers get that wrong; it is still an IBAN).
    """

    name: ClassVar[str] = "iban"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.IBAN_CODE,)
    PATTERN: ClassVar[re.Pattern[str]] = _IBAN
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "iban", "ايبان", "الايبان", "حساب", "الحساب", "رقم الحساب", "مصرف", "بنك", "تحويل",
        "ئایبان", "هەژمار", "ژمارەی هەژمار", "account", "bank", "transfer",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if doc.digits < 2:  # `_IBAN` needs the two check digits
            return out
        for m in _IBAN.finditer(norm):
            raw = m.group()
            if raw[:2] not in IBAN_LENGTHS:
                continue
            # Longest first: drop trailing groups that were another word ("… 012 to").
            for g in reversed(list(_GROUP.finditer(raw))):
                compact = _SEPARATORS.sub("", raw[: g.end()])
                if len(compact) < _MIN_LENGTH:
                    break
                if iban_valid(compact):
                    start, end = m.start(), m.start() + g.end()
                    cue = self._CUE.near(norm, start, end)
                    score, why = 0.95, f"iban {raw[:2].upper()} mod-97 + registry"
                    if not iban_structured(compact):
                        score, why = 0.85, f"iban {raw[:2].upper()} mod-97 + registry length"
                    if cue is not None:
                        score, why = round(min(score + 0.05, 1.0), 2), f"{why} + context '{cue}'"
                    out.append(doc.finding(EntityType.IBAN_CODE, start, end, score, self.name, why))
                    break
        return out
