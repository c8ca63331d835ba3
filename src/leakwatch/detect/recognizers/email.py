"""E-mail addresses.

The local part and domain are ASCII, but in Arabic and Kurdish posts the address often touches
the surrounding script with no space ("ايميله:ali@x.com", "ali@x.comللتواصل"), so the
boundaries are "not an address character" rather than whitespace.
"""

from __future__ import annotations

import re
from typing import ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import Cues
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

_EMAIL = re.compile(
    r"[a-z0-9](?<![a-z0-9._%+\-][a-z0-9])"  # first character, not inside a longer address
    r"(?:[a-z0-9._%+\-]{0,62}[a-z0-9_\-])?"  # rest of the local part, no trailing dot
    r"@(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}"  # domain labels + TLD
    r"(?![a-z0-9\-]|\.[a-z0-9])"
)


class EmailRecognizer(Recognizer):
    """RFC-5322-ish addresses (the practical subset), span = the address.

    Score: 0.85, 0.95 with an e-mail cue.
    """

    name: ClassVar[str] = "email"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.EMAIL_ADDRESS,)
    PATTERN: ClassVar[re.Pattern[str]] = _EMAIL
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "ايميل", "الايميل", "ايميله", "بريد", "البريد الالكتروني", "ئیمەیڵ", "ئیمەیل",
        "email", "e-mail", "mail", "gmail",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if "@" not in norm:
            return out
        for m in _EMAIL.finditer(norm):
            start, end = m.span()
            cue = self._CUE.near(norm, start, end)
            score, why = 0.85, "email address"
            if cue is not None:
                score, why = 0.95, f"email address + context '{cue}'"
            out.append(doc.finding(EntityType.EMAIL_ADDRESS, start, end, score, self.name, why))
        return out
