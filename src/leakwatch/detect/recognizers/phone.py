"""Phone numbers of every region: Iraqi mobiles and landlines in every local spelling, foreign
numbers in +CC / 00CC form, and foreign numbers in their national format when words say so.

Pass 1: one regex finds Iraqi and international candidates (digits broken by spaces, dashes,
dots, slashes, parentheses or an emoji); `phonenumbers` decides, on the digits alone, whether a
candidate is a real number. Fixed digit counts plus digit boundaries keep the pattern out of
IBANs, cards and IDs.

Pass 2, only in messages with a phone cue, a country word or a North American grouping:
national-format numbers of other regions ("0532 123 45 67", "(313) 555-0142"). Without a
country code the digits do not say whose numbering they follow, so the region comes from the
words: a country name or demonym near the number (`lexicons/phone_countries.txt`) names it; a
phone cue alone (`lexicons/phone_cues.txt`) allows the regions Iraqis most often call that dial
a trunk 0 (`FALLBACK_REGIONS`). The number must be valid for that region
(`phonenumbers.is_valid_number`); with both a country word and a cue, a possible length is
enough. The North American grouping ((313) 555-0142, 313-555-0142, 313.555.0142) is a phone by
its shape alone. Any other bare digit run with neither a cue nor a country word is not
reported: order, account and reference numbers look the same.

Both passes drop numbers whose shape or cue says they are something else: IP and MAC addresses,
VINs, ZIP+4 codes, IMEIs, and numbers right after an order/invoice/tracking/serial cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import ClassVar

import phonenumbers
from phonenumbers import PhoneNumber

from leakwatch.detect import lexicon
from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import (
    ARABIC_LETTERS,
    SEP,
    Cues,
    digits_only,
    hinted,
    not_identifier_shape,
    number_kind_before,
)
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
# The same grouping carries on after a candidate: "0532 123 45| 67" is one longer number.
_CONTINUES = re.compile(r"[ \t\-.]?[0-9]")
_DATE_LIKE = re.compile(r"[0-9]{1,4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,4}")

# A national-format number: an optional parenthesised area code, then 7-15 digits in groups
# split by one space, dash or dot (with spaces around it) or a parenthesis. No slashes (dates)
# and no emoji: a foreign number earns its place by shape and words, not by loose matching.
_NAT_GAP = r"(?:[ \t]?[\-.][ \t]?|[ \t]|\)[ \t]?|[ \t]?\()"
_NATIONAL = re.compile(
    rf"(?:\([0-9]{{1,5}}\)[ \t]?[\-.]?[ \t]?|[0-9])(?:{_NAT_GAP}?[0-9]){{5,14}}(?![0-9])"
)
_NAT_START = re.compile(r"[(0-9](?<![0-9a-z_+(][(0-9])(?<![0-9][.\-][(0-9])")
# The North American grouping: (313) 555-0142, 313-555-0142, 1-313-555-0142, 313.555.0142.
_NANP = re.compile(
    r"(?:1[ \t]?[\-.]?[ \t]?)?"
    r"(?:\([2-9][0-9]{2}\)[ \t]?[\-.]?[ \t]?|[2-9][0-9]{2}[ \t]?[\-.][ \t]?)"
    r"[2-9][0-9]{2}[ \t]?[\-.][ \t]?[0-9]{4}"
)
_NANP_HINT = re.compile(r"[0-9]{3}[\-.)][ \t]?[0-9]{3}[ \t]?[\-.][ \t]?[0-9]{4}")
_AR_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
# Arabic/Kurdish words take proclitics (و ف + ب ل ك, the article, Iraqi "عال" for "على ال")
# and, for cues, pronoun suffixes (Arabic ـه ـها ـي …, Sorani ـەکە ـەکەی ـم ـت …); anything
# else glued on makes another word ("مصرف" is a bank, not Egypt).
_PREFIX_OK = re.compile(r"(?:[وف]?(?:[بلك]|ال|لل|بال|كال|ع|عال)?)")
_CUE_SUFFIX_OK = re.compile(r"(?:ه|ها|ي|نا|ك|كم|هم|ات|اتنا|اتكم|هكه|هكهي|هكهم|هكهت|م|ت|مان)?")
_COUNTRY_SUFFIX_OK = re.compile(r"(?:ي|يه|يين|يون)?")

#: Regions tried when a phone cue but no country word is near a national-format number: the
#: neighbourhood and the diaspora's countries that dial a trunk 0 before the national number
#: (North American numbers are tried by their grouping instead; countries without a trunk
#: prefix, such as Kuwait or Denmark, need their name).
FALLBACK_REGIONS: tuple[str, ...] = (
    "TR", "IR", "SY", "JO", "SA", "LB", "EG", "AE",
    "DE", "GB", "SE", "NL", "FI", "AT", "BE", "FR", "CH", "AU",
)  # fmt: skip


def _lengths(region: str) -> frozenset[int]:
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    desc = meta.general_desc if meta is not None else None
    return frozenset(desc.possible_length) if desc is not None else frozenset()


#: (country code, possible national-number lengths) of each fallback region: a candidate of
#: another length is turned away before `phonenumbers` is asked anything.
_FALLBACK_PLAN: tuple[tuple[str, int, frozenset[int]], ...] = tuple(
    (r, phonenumbers.country_code_for_region(r), _lengths(r)) for r in FALLBACK_REGIONS
)


def _load_countries() -> dict[str, tuple[str, ...]]:
    entries = lexicon.load("phone_countries").entries
    return {word: tuple(r for r in regions.split(",") if r) for word, regions in entries.items()}


#: Country word (normalized) → the regions whose national numbering it names.
COUNTRY_REGIONS: dict[str, tuple[str, ...]] = _load_countries()
_PHONE_CUES: dict[str, str] = dict(lexicon.load("phone_cues").entries)


@lru_cache(maxsize=8192)
def _nanp(digits: str) -> tuple[bool, bool]:
    """(valid, possible) for North-American digits (10, or 11 with the leading 1)."""
    try:
        number = phonenumbers.parse(digits, "US")
    except phonenumbers.NumberParseException:
        return False, False
    valid = phonenumbers.is_valid_number(number)
    return valid, valid or phonenumbers.is_possible_number(number)


@lru_cache(maxsize=8192)
def _fallback_region(digits: str) -> str | None:
    """The first fallback region in which `digits` (trunk 0 + national number) are valid.

    The number is built from the digits directly (no `parse`): most of the cost of asking
    `phonenumbers` about many regions was its generic text handling.
    """
    if len(digits) < 8 or digits[0] != "0" or digits[1] == "0":
        return None
    nsn = digits[1:]
    size = len(nsn)
    value = int(nsn)
    for region, code, lengths in _FALLBACK_PLAN:
        if size in lengths and phonenumbers.is_valid_number(
            PhoneNumber(country_code=code, national_number=value)
        ):
            return region
    return None


@lru_cache(maxsize=8192)
def _possible_national(digits: str, region: str) -> bool:
    """Whether `digits`, dialled inside `region`, have a length its numbering allows."""
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(number))


@lru_cache(maxsize=8192)
def _valid_national(digits: str, region: str) -> bool:
    """Whether `digits`, dialled inside `region`, are a valid number there (of any region that
    shares its country code: a UK mobile may be registered to Jersey, a +1 number to Canada)."""
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def _bounded(norm: str, start: int, end: int, suffix_ok: re.Pattern[str]) -> bool:
    """Whether an Arabic-script word found at [start, end) stands as a word of its own."""
    if not _AR_LETTER.match(norm, start):
        return True  # Latin words: `Cues` already kept their boundaries
    s = start
    while s > 0 and _AR_LETTER.match(norm, s - 1):
        s -= 1
    e = end
    while e < len(norm) and _AR_LETTER.match(norm, e):
        e += 1
    return bool(_PREFIX_OK.fullmatch(norm, s, start)) and bool(suffix_ok.fullmatch(norm, end, e))


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
    the span as a phone. A foreign number that is only "possible" scores 0.4 and needs a cue
    unless it is written with its `+`. National numbers of other regions: 0.7 with a country
    word, 0.85 with a phone cue, 0.9 with both; 0.5 for a merely possible one with both; North
    American grouping alone 0.6 (0.4 possible), +0.3 with a cue.
    """

    name: ClassVar[str] = "iq_phone"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.PHONE_NUMBER,)
    PATTERN: ClassVar[re.Pattern[str]] = _PHONE
    CONTEXT: ClassVar[tuple[str, ...]] = tuple(sorted(_PHONE_CUES))
    _CUE: ClassVar[Cues] = Cues.of(CONTEXT)
    #: Cues that name a phone ("هاتف", "mobile"), not any number ("رقم", "number").
    _STRONG: ClassVar[Cues] = Cues.of(w for w, kind in _PHONE_CUES.items() if kind == "strong")
    _COUNTRY: ClassVar[Cues] = Cues.of(COUNTRY_REGIONS)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        norm = doc.norm
        if doc.digits < 7:  # the shortest candidate, a foreign number, has seven digits
            return out
        spans: list[tuple[int, int, float, str]] = []
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
            covered = accepted[1]
            spans.append(accepted)
        if (
            self._STRONG.present(norm)
            or self._COUNTRY.present(norm)
            or (doc.digits >= 10 and _NANP_HINT.search(norm))
        ):
            spans = self._national(norm, spans)
        for start, end, base, reason in spans:
            score, why = base, reason
            if hinted(doc, EntityType.PHONE_NUMBER, start, end):
                score, why = max(score + 0.05, 0.9), why + " + telegram phone mark"
            out.append(
                doc.finding(
                    EntityType.PHONE_NUMBER, start, end, round(min(score, 1.0), 2), self.name, why
                )
            )
        return out

    def _rejected(self, norm: str, start: int, end: int) -> bool:
        """A number whose shape or the cue just before it says it is no phone."""
        if not_identifier_shape(norm, start, end) is not None:
            return True
        kind = number_kind_before(norm, start)
        if kind is None:
            return False
        # "رقم الطلب عبر الواتساب 0770…": a phone cue closer to the number wins.
        return self._STRONG.near(norm, start, start, left=12, right=0) is None

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
                if not possible or kind != "intl" or e164.endswith("00000"):
                    continue
                cue = cue or self._CUE.near(norm, start, start + cut)
                # "+CC …" is a phone by how it is written; an Iraqi one must also be valid
                # (a mobile cut short is a typo or a fragment, not a number to report).
                if cue is None and (raw[0] != "+" or e164.startswith("964")):
                    continue
            if kind == "mobile" and region == "IQ":
                score, why = 0.6, "iq mobile"
            elif kind == "landline" and region == "IQ":
                score, why = (0.5 if domestic else 0.6), "iq landline"
            elif kind == "intl":
                score, why = (0.6, f"intl number ({region})") if valid else (0.4, "possible intl")
            else:
                continue
            if self._rejected(norm, start, start + cut) or (
                kind == "landline" and cut == len(raw) and _CONTINUES.match(norm, start + cut)
            ):
                return None  # (an Iraqi landline cannot be the head of a longer number)
            cue = cue or self._CUE.near(norm, start, start + cut)
            if cue is not None:
                score, why = score + 0.3, f"{why} + context '{cue}'"
            return start, start + cut, score, why
        return None

    def _national(
        self, norm: str, found: list[tuple[int, int, float, str]]
    ) -> list[tuple[int, int, float, str]]:
        """Add national-format numbers of other regions; one that a country word places
        replaces the pass-1 numbers inside it (a Turkish "0532 123 45 67" is no Iraqi
        "0532 123 45"), one that only a cue allows replaces only shorter ones."""
        out = sorted(found)
        starts = [f[0] for f in out]
        replaced: set[int] = set()
        added: list[tuple[int, int, float, str]] = []
        next_free = 0
        countries = self._COUNTRY.present(norm)
        for candidate in _NAT_START.finditer(norm):
            pos = candidate.start()
            # `out` never overlaps itself, so only the last number starting at or before `pos`
            # can hold it: a bisect, not a walk over all of them (quadratic in a dense post).
            i = bisect_right(starts, pos) - 1
            holder = out[i] if i >= 0 and pos < out[i][1] else None
            if pos < next_free or (holder is not None and holder[0] < pos):
                continue
            m = _NATIONAL.match(norm, pos)
            if m is None:
                continue
            if (holder is not None and m.end() <= holder[1]) and not (
                countries and self._named_near(norm, pos, m.end())
            ):
                continue  # pass 1 already holds these digits, and no country says otherwise
            accepted = self._accept_national(norm, m, countries)
            if accepted is None:
                continue
            start, end, _, _ = accepted
            named = "country" in accepted[3]
            # The pass-1 numbers overlapping [start, end): a contiguous run of `out`.
            lo = bisect_right(starts, start) - 1
            if lo < 0 or out[lo][1] <= start:
                lo += 1
            inside = range(lo, bisect_left(starts, end))
            if any(not (start <= out[j][0] and out[j][1] <= end) for j in inside):
                continue  # straddles a pass-1 number: keep that one
            if not named and any(out[j][1] - out[j][0] >= end - start for j in inside):
                continue
            replaced.update(inside)
            added.append(accepted)
            next_free = end
        if not added:
            return out
        return sorted([f for j, f in enumerate(out) if j not in replaced] + added)

    def _accept_national(
        self, norm: str, m: re.Match[str], countries: bool
    ) -> tuple[int, int, float, str] | None:
        """A national-format number valid in a region its words name (module docstring)."""
        raw = m.group()
        start = m.start()
        digit_start = start + (1 if raw[0] == "(" else 0)
        ends = [g.end() for g in _DIGIT_RUN.finditer(raw)]
        for cut in ends[::-1]:
            digits = digits_only(raw[:cut])
            if len(digits) < 7:
                break
            if len(digits) > 15:
                continue
            end = start + cut
            nanp = _NANP.fullmatch(raw, 0, cut) is not None
            if not (countries or nanp or digits[0] == "0") or digits.endswith("00000"):
                continue  # no country named, no trunk 0, not North American; or an amount
            named, has_cue = self._words(norm, start, end)
            region = next((r for r in named if _valid_national(digits, r)), None)
            if region is None and named and has_cue and len(digits) >= 8:
                # Country and phone both named: a number of a possible length is enough
                # (new ranges, generated test numbers), at a lower score.
                possible = next((r for r in named if _possible_national(digits, r)), None)
                if possible is not None:
                    if self._rejected(norm, digit_start, end):
                        return None
                    return digit_start, end, 0.5, f"possible national number ({possible})"
            if region is None and has_cue:
                region = _fallback_region(digits)
            if region is None:
                if nanp:
                    return self._nanp_shape(norm, digits, digit_start, end)
                continue
            if self._rejected(norm, digit_start, end):
                return None
            cue = self._STRONG.near(norm, start, end, left=60, right=30)
            if region in named:
                score, why = 0.7, f"national number ({region}) + country word"
                if cue is not None:
                    score, why = 0.9, f"{why} + context '{cue}'"
            else:
                score, why = 0.85, f"national number ({region}) + context '{cue}'"
            return digit_start, end, score, why
        return None

    def _nanp_shape(
        self, norm: str, digits: str, start: int, end: int
    ) -> tuple[int, int, float, str] | None:
        """A number in the North American grouping needs no cue: "(313) 555-0142" and
        "313-555-0142" are phone numbers by their shape (Presidio's default leniency: a
        possible number), though a merely possible one scores low."""
        valid, possible = _nanp(digits)
        if not possible or self._rejected(norm, start, end):
            return None
        score, why = (0.6, "nanp number") if valid else (0.4, "possible nanp number")
        cue = self._CUE.near(norm, start, end, left=60, right=30)
        if cue is not None:
            score, why = score + 0.3, f"{why} + context '{cue}'"
        return start, end, score, why

    def _named_near(self, norm: str, start: int, end: int) -> bool:
        return bool(self._words(norm, start, end)[0])

    def _words(self, norm: str, start: int, end: int) -> tuple[tuple[str, ...], bool]:
        """The regions the country words near [start, end) name, and whether a phone cue is
        near (which opens the fallback regions)."""
        named: list[str] = []
        lo, hi = max(0, start - 60), min(len(norm), end + 40)
        for cue_end, word in self._COUNTRY.find(norm, lo, hi):
            if _bounded(norm, cue_end - len(word), cue_end, _COUNTRY_SUFFIX_OK):
                named.extend(r for r in COUNTRY_REGIONS.get(word, ()) if r not in named)
        has_cue = any(
            _bounded(norm, cue_end - len(word), cue_end, _CUE_SUFFIX_OK)
            for cue_end, word in self._STRONG.find(norm, max(0, start - 60), hi)
        )
        return tuple(named), has_cue
