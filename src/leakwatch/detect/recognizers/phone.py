"""Phone numbers: Iraqi mobiles and landlines in every local spelling, foreign numbers in +CC form.

One regex finds candidates (digits broken by spaces, dashes, dots, slashes, parentheses or an
emoji); `phonenumbers` then decides, on the digits alone, whether the candidate is a real
number. Fixed digit counts plus digit boundaries keep the pattern out of IBANs, cards and IDs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

import phonenumbers
from phonenumbers import PhoneNumber

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import SEP, Cues, digits_only, hinted
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

_D = rf"(?:{SEP}?[0-9])"
_CC = r"(?:\+|00)[ \t]?"
_PHONE = re.compile(
    r"(?<![0-9a-z_+])(?:"
    # Iraqi mobile: 07[3-9]X XXX XXXX, +964 / 00964 / 964 7XX…, optionally with the trunk 0 kept.
    rf"(?P<mobile>(?:{_CC}964|964){SEP}?(?:0{SEP}?)?7{SEP}?[3-9]{_D}{{8}}|0{SEP}?7{SEP}?[3-9]{_D}{{8}})"
    # Iraqi landline: 01 XXX XXXX (Baghdad), 0AA XXX XXXX (other governorates), +964 1 …
    rf"|(?P<landline>(?:{_CC}964{SEP}?(?:0{SEP}?)?|0{SEP}?)[1-6]{_D}{{6,8}})"
    # Foreign number in international form.
    rf"|(?P<intl>{_CC}[1-9]{_D}{{6,14}})"
    r")(?![0-9])"
)
# Where a candidate can start: a `+` or digit that no digit, Latin letter or `+` precedes.
# Scanning for these (a charset first, so the engine skips ahead fast) and matching `_PHONE`
# only there is several times cheaper than letting `_PHONE` try every position.
_START = re.compile(r"[+0-9](?<![0-9a-z_+][+0-9])")
_DIGIT_RUN = re.compile(r"[0-9]+")
# The tail of an IBAN ("iq98 nbiq 8501 "): digits after it belong to the account, not a phone.
_IBAN_BEFORE = re.compile(r"[a-z]{2}[0-9]{2}(?:[ \-]?[a-z0-9]{4})*[ \-]?[0-9]{4}[ \-]?$")
_DATE_LIKE = re.compile(r"[0-9]{1,4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,4}")


@lru_cache(maxsize=8192)
def _check(e164_digits: str) -> tuple[bool, bool, str | None]:
    """(valid, possible, region) for a number given as its digits after the `+`.

    A valid number counts as possible without asking: `possible` only matters for the
    numbers that are not valid.
    """
    national = e164_digits[3:]
    if e164_digits.startswith("964") and 2 <= len(national) <= 17 and national[0] != "0":
        # What `parse("+964…")` builds for such digits (no national prefix or leading zero to
        # strip), without its generic text handling: parsing was most of the validation cost,
        # and nearly every candidate is Iraqi.
        number = PhoneNumber(country_code=964, national_number=int(national))
    else:
        try:
            number = phonenumbers.parse("+" + e164_digits, None)
        except phonenumbers.NumberParseException:
            return False, False, None
    valid = phonenumbers.is_valid_number(number)
    possible = valid or phonenumbers.is_possible_number(number)
    return valid, possible, phonenumbers.region_code_for_number(number)


def _e164(raw: str, kind: str) -> str:
    """Digits after the `+` for a candidate: domestic trunk 0 replaced by 964, 00 dropped."""
    digits = digits_only(raw)
    if digits.startswith("00"):
        digits = digits[2:]
    elif kind != "intl" and not digits.startswith("964"):
        digits = "964" + digits[1:]
    if digits.startswith("9640"):  # "+964 (0) 770 …": the trunk 0 is not dialled
        digits = "964" + digits[4:]
    return digits


class PhoneRecognizer(Recognizer):
    """Iraqi and foreign phone numbers, validated by `phonenumbers` on their digits.

    Score: 0.6 for a valid number (0.5 for a domestic landline, which order and document
    numbers imitate), +0.3 with a phone cue near it, at least 0.9 where Telegram itself marked
    the span as a phone. A foreign number that is only "possible" needs a cue.
    """

    name: ClassVar[str] = "iq_phone"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.PHONE_NUMBER,)
    PATTERN: ClassVar[re.Pattern[str]] = _PHONE
    CONTEXT: ClassVar[tuple[str, ...]] = (
        # Arabic (MSA + Iraqi)
        "رقم", "رقمه", "رقمها", "موبايل", "موبايله", "هاتف", "تلفون", "تليفون", "جوال",
        "اتصال", "اتصل", "واتساب", "واتس", "فايبر", "تواصل", "للتواصل", "سيل",
        # Kurdish (Sorani)
        "ژمارە", "ژمارەی", "ژمارەکەی", "مۆبایل", "تەلەفۆن", "پەیوەندی",
        # English
        "phone", "tel", "mobile", "mob", "cell", "number", "whatsapp", "viber", "call", "contact",
    )  # fmt: skip
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if doc.digits < 7:  # the shortest candidate, a foreign number, has seven digits
            return out
        covered = 0
        for candidate in _START.finditer(norm):
            if candidate.start() < covered:
                continue
            m = _PHONE.match(norm, candidate.start())
            if m is None:
                continue
            accepted = self._accept(norm, m, m.lastgroup or "intl")
            if accepted is None:
                continue
            start, end, score, why = accepted
            covered = end
            if hinted(doc, EntityType.PHONE_NUMBER, start, end):
                score, why = max(score + 0.05, 0.9), why + " + telegram phone mark"
            out.append(
                doc.finding(
                    EntityType.PHONE_NUMBER, start, end, round(min(score, 1.0), 2), self.name, why
                )
            )
        return out

    def _accept(self, norm: str, m: re.Match[str], kind: str) -> tuple[int, int, float, str] | None:
        """Validate a candidate (shortening a greedy foreign/landline match group by group)."""
        start = m.start()
        raw = m.group()
        if _IBAN_BEFORE.search(norm, max(0, start - 40), start):
            return None
        if ":" in raw:  # a time or a ratio, never how a number is written
            return None
        domestic = raw[0] == "0" and not raw.startswith("00")
        if kind == "landline" and domestic and ("/" in raw or _DATE_LIKE.fullmatch(raw)):
            return None
        # Greedy variable-length candidates may have swallowed a trailing group ("…, 2023").
        ends = [g.end() for g in _DIGIT_RUN.finditer(raw)]
        tries = ends[::-1] if kind != "mobile" else ends[-1:]
        cue = None
        for cut in tries:
            e164 = _e164(raw[:cut], kind)
            if len(e164) < 8:
                break
            valid, possible, region = _check(e164)
            if not valid:
                if not possible or kind != "intl":
                    continue
                cue = cue or self._CUE.near(norm, start, start + cut)
                if cue is None:
                    continue
            if kind == "mobile" and region == "IQ":
                score, why = 0.6, "iq mobile"
            elif kind == "landline" and region == "IQ":
                score, why = (0.5 if domestic else 0.6), "iq landline"
            elif kind == "intl":
                score, why = (0.6, f"intl number ({region})") if valid else (0.4, "possible intl")
            else:
                continue
            cue = cue or self._CUE.near(norm, start, start + cut)
            if cue is not None:
                score, why = score + 0.3, f"{why} + context '{cue}'"
            return start, start + cut, score, why
        return None
