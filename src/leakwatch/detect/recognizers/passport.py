"""Iraqi passport numbers: one Latin letter and eight digits (A12345678).

The shape is common enough in product codes and serials that the cue matters: with a passport
cue the number is near-certain, without one it is only a moderate guess.
"""

from __future__ import annotations

import re
from typing import ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import NOT_ID_CUES, Cues
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

# Normalized text is lower-case, so [a-z]; an Arabic letter may touch it ("جوازA12345678").
_PASSPORT = re.compile(r"[a-z](?<![0-9a-z_][a-z])[0-9]{8}(?![0-9a-z_])")


class PassportRecognizer(Recognizer):
    """One letter + 8 digits, word-bounded.

    Score: 0.9 with a passport cue, 0.5 without; nothing when a serial/order/model cue says
    what the code is instead.
    """

    name: ClassVar[str] = "iq_passport"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.IQ_PASSPORT,)
    PATTERN: ClassVar[re.Pattern[str]] = _PASSPORT
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "جواز", "جواز السفر", "رقم الجواز", "الجواز", "باسبورت", "پاسپۆرت", "پاسەپۆرت",
        "passport", "passport no", "pass no",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if doc.digits < 8:  # a letter and eight digits
            return out
        for m in _PASSPORT.finditer(norm):
            start, end = m.span()
            cue = self._CUE.near(norm, start, end)
            if cue is not None:
                score, why = 0.9, f"letter + 8 digits + context '{cue}'"
            elif NOT_ID_CUES.near(norm, start, end, right=0):
                continue
            else:
                score, why = 0.5, "letter + 8 digits, no context"
            out.append(doc.finding(EntityType.IQ_PASSPORT, start, end, score, self.name, why))
        return out
