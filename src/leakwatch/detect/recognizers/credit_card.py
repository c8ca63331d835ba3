"""Payment card numbers: 13-19 digits, Luhn-valid, with a known issuer prefix (or a card cue).

Iraqi cards (Qi Card, bank debit cards) are Visa, Mastercard or UnionPay; the issuer prefix
table plus the Luhn digit keeps random long numbers (orders, transfers) out.
"""

from __future__ import annotations

import re
from typing import ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import (
    NOT_ID_CUES,
    Cues,
    all_same,
    digits_only,
    hinted,
    luhn_valid,
)
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

# The first digit comes before the look-behinds (not part of a longer number or word) so the
# engine can skip ahead to digits; each alternative then reads the rest of the number.
_CARD = re.compile(
    r"[0-9](?<![0-9a-z][0-9])(?<![0-9][ \-][0-9])(?:"
    r"[0-9]{3}(?:[ \-]{1,2}[0-9]{4}){3}(?:[ \-]{1,2}[0-9]{1,3})?"  # 4-4-4-4, 4-4-4-4-3
    r"|[0-9]{3}[ \-]{1,2}[0-9]{6}[ \-]{1,2}[0-9]{4,5}"  # Amex 4-6-5, Diners 4-6-4
    r"|[0-9]{12,18}"  # 13-19 digits without separators
    r")(?![0-9a-z])"
)
_DIGIT_RUN = re.compile(r"[0-9]+")


def card_brand(digits: str) -> str | None:
    """The scheme an issuer prefix (IIN) and length belong to, or None if none does."""
    n = len(digits)
    p2, p3, p4 = int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649) and 16 <= n <= 19:
        return "discover"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if (300 <= p3 <= 305 or p2 in (36, 38)) and 14 <= n <= 19:
        return "diners"
    return None


_CUE_REACH = 64  # characters before the number a card cue may stand


class CreditCardRecognizer(Recognizer):
    """Luhn-valid card numbers with or without space/dash groups.

    Score: 0.7 for a known issuer prefix, +0.2 with a card cue; a 16-digit Luhn-valid number of
    unknown issuer only with a cue (0.65); at least 0.9 where Telegram marked it as a card.
    Nothing for all-same-digit placeholders or numbers an order/transfer cue explains.
    """

    name: ClassVar[str] = "credit_card"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.CREDIT_CARD,)
    PATTERN: ClassVar[re.Pattern[str]] = _CARD
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "بطاقة", "بطاقه", "ماستر", "ماستر كارد", "فيزا", "كي كارد", "كارد", "الدفع الالكتروني",
        "کارت", "ڤیزا", "card", "visa", "mastercard", "master card", "qi card", "debit", "credit",
        "cvv", "expiry", "exp",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if doc.digits < 13:  # every shape of `_CARD` holds at least 13 digits
            return out
        for m in _CARD.finditer(norm):
            raw = m.group()
            # A trailing short group may be an expiry or CVV that followed the number.
            for g in reversed(list(_DIGIT_RUN.finditer(raw))):
                digits = digits_only(raw[: g.end()])
                if len(digits) < 13:
                    break
                if all_same(digits) or not luhn_valid(digits):
                    continue
                start, end = m.start(), m.start() + g.end()
                found = self._score(doc, norm, digits, start, end)
                if found is not None:
                    score, why = found
                    out.append(
                        doc.finding(EntityType.CREDIT_CARD, start, end, score, self.name, why)
                    )
                    break
        return out

    def _score(
        self, doc: Document, norm: str, digits: str, start: int, end: int
    ) -> tuple[float, str] | None:
        brand = card_brand(digits)
        # Posts say "his card" and then talk before the number ("كارته بالستوري… الرقم واضح"):
        # a Luhn-valid 16-digit run may find its cue further back than other numbers do.
        cue = self._CUE.near(norm, start, end, left=_CUE_REACH)
        if brand is not None:
            score, why = 0.7, f"{brand} prefix + luhn"
            if cue is not None:
                score, why = 0.9, f"{why} + context '{cue}'"
            elif NOT_ID_CUES.near(norm, start, end, right=0):
                return None
        elif cue is not None and len(digits) == 16:
            score, why = 0.65, f"16 digits + luhn + context '{cue}'"
        else:
            return None
        if hinted(doc, EntityType.CREDIT_CARD, start, end):
            score, why = max(score + 0.05, 0.9), why + " + telegram card mark"
        return round(min(score, 1.0), 2), why
