"""IBANs (ISO 13616), Iraqi ones first: IQkk BBBB SSS AAAAAAAAAAAA, 23 characters.

The mod-97 check and the per-country length make a random match vanishingly unlikely, so an
IBAN that validates is reported with a high score even without a cue.
"""

from __future__ import annotations

import re
from typing import ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import Cues, iban_mod97
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

#: Length by country (ISO 13616 registry): Iraq, its neighbours, the Gulf, and the European
#: banks that diaspora transfers go through.
IBAN_LENGTHS: dict[str, int] = {
    "iq": 23, "jo": 30, "kw": 30, "sa": 24, "ae": 23, "qa": 29, "bh": 22, "lb": 28, "tr": 26,
    "eg": 29, "ps": 29,
    "de": 22, "gb": 22, "fr": 27, "nl": 18, "be": 16, "se": 24, "no": 15, "dk": 18, "fi": 18,
    "at": 20, "ch": 21, "it": 27, "es": 24, "pl": 28, "gr": 27, "ie": 22, "lu": 20, "pt": 25,
    "cy": 28, "cz": 24, "hu": 28, "ro": 24, "bg": 22, "hr": 21, "si": 19, "sk": 24,
}  # fmt: skip
_IQ_SHAPE = re.compile(r"iq[0-9]{2}[a-z]{4}[0-9]{15}")
# Country + check digits, then 4-character groups with an optional space or dash between them,
# and a last short group. A greedy match that swallowed a following word is cut back below.
_IBAN = re.compile(
    r"[a-z](?<![0-9a-z][a-z])[a-z][0-9]{2}(?:[ \-]?[0-9a-z]{4}){2,7}(?:[ \-]?[0-9a-z]{1,3})?"
    r"(?![0-9a-z])"
)
_SEPARATORS = re.compile(r"[ \-]")
_GROUP = re.compile(r"[0-9a-z]+")


def iban_valid(compact: str) -> bool:
    """Length for its country, the Iraqi structure, and the mod-97 check (== 1)."""
    compact = compact.lower()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    if compact.startswith("iq") and not _IQ_SHAPE.fullmatch(compact):
        return False
    return iban_mod97(compact) == 1


class IbanRecognizer(Recognizer):
    """IBANs with or without grouping spaces, validated by length table and mod-97.

    Score: 0.95 for a valid IBAN, 1.0 with an account/IBAN cue.
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
                if len(compact) < 15:
                    break
                if iban_valid(compact):
                    start, end = m.start(), m.start() + g.end()
                    cue = self._CUE.near(norm, start, end)
                    score, why = 0.95, f"iban {raw[:2].upper()} mod-97"
                    if cue is not None:
                        score, why = 1.0, f"{why} + context '{cue}'"
                    out.append(doc.finding(EntityType.IBAN_CODE, start, end, score, self.name, why))
                    break
        return out
