"""PERSON: Sorani kinship naming — "تارای کچی حاجی ڕەئووف" (Tara, daughter of Hajji Raouf).

Sorani names a person by a relative the way Arabic uses بن: the first name takes the ezafe
(ی) or the copula (ە), then the kinship word, an optional title, and the relative's name. The
chain rules read Arabic-style chains and leave suffixed Sorani words out, so both names of
such a phrase were missed. The kinship word vouches for the structure; one of the two names
must still be a listed given name and the other a word no list calls everyday ("کچی جوان",
a pretty girl, is no name).
"""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar, Final

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.lexicon import load
from leakwatch.detect.recognizer import Recognizer
from leakwatch.detect.tagger.features import could_be_name
from leakwatch.entities import EntityType

# Normalized kinship words (daughter, son, wife, brother, sister of) and titles between the
# kinship word and the relative's name. Not باوکی/دایکی: "باوکی شوان" is a kunya.
_KIN: Final = ("كچي", "كوڕي", "ژني", "براي", "خوشكي")
_TITLES: Final = ("حاجي", "مام", "كاك", "ماموستا", "شێخ", "ملا", "دكتور")
_WORD: Final = r"[^\W\d_]{2,}"
_PATTERN: Final = re.compile(
    rf"(?<!\w)({_WORD})[ \t]*,?[ \t]+(?:{'|'.join(_KIN)})[ \t]+"
    rf"(?:(?:{'|'.join(_TITLES)})[ \t]+)?({_WORD})(?!\w)"
)
_EZAFE: Final = "ی"  # Kurdish yeh in the original: the ezafe or possessive suffix
_COPULA: Final = "ە"


@cache
def _given() -> frozenset[str]:
    return frozenset(load("given_names").entries)


class SoraniKinRecognizer(Recognizer):
    """Both names of a Sorani "X-ی کچی/کوڕی Y" phrase."""

    name: ClassVar[str] = "sorani_kin"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.PERSON,)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if not any(kin in norm for kin in _KIN):
            return out
        given = _given()
        for m in _PATTERN.finditer(norm):
            if m.group(1) in _KIN or m.group(1) in _TITLES:
                continue  # "کوڕی خوشکی ئاکار": a sister's son, one person
            first = _bare(doc, m.start(1), m.end(1))
            second = _bare(doc, m.start(2), m.end(2))
            words = (norm[m.start(1) : first], norm[m.start(2) : second])
            if not all(len(w) >= 2 and could_be_name(w) for w in words):
                continue
            if not any(w in given for w in words):
                continue
            for start, end in ((m.start(1), first), (m.start(2), second)):
                out.append(doc.finding(EntityType.PERSON, start, end, 0.75, self.name, "kin"))
        return out


def _bare(doc: Document, start: int, end: int) -> int:
    """Where the name ends once a Sorani ezafe (ی) or copula (ە) is taken off it."""
    if end - start < 4:
        return end
    last = doc.original[doc.normalized.to_original(end - 1, end)[1] - 1]
    return end - 1 if last in (_EZAFE, _COPULA) else end
