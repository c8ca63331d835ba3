"""Decide verdict, severity, categories and risk for one message, per the leak policy."""

from __future__ import annotations

import re
from typing import ClassVar, Final

from leakwatch.assess import cues, families
from leakwatch.assess.persons import (
    PersonRecord,
    Spans,
    cue_before,
    group_records,
)
from leakwatch.detect.finding import Evidence, Finding
from leakwatch.entities import Category, EntityType, Severity, Verdict
from leakwatch.frozen import Frozen
from leakwatch.normalize import NormalizedText

_GOVERNMENT_ID = frozenset(
    {
        EntityType.IQ_NATIONAL_ID,
        EntityType.IQ_CIVIL_ID,
        EntityType.IQ_PASSPORT,
        EntityType.IQ_RESIDENCE_CARD,
    }
)
_BANK = frozenset({EntityType.IBAN_CODE, EntityType.CREDIT_CARD})
_CRITICAL_ATTR = _GOVERNMENT_ID | _BANK
_HIGH_ATTR = frozenset({EntityType.PHONE_NUMBER, EntityType.ADDRESS})
_CRITICAL_KINDS = frozenset(t.value for t in _CRITICAL_ATTR)
_HIGH_KINDS = frozenset(t.value for t in _HIGH_ATTR)
# Attributes that make even a public figure's record a bundle: IDs, bank data, a home address.
_PRIVATE_EVEN_IF_PUBLIC = _CRITICAL_KINDS | {EntityType.ADDRESS.value}
_STORY_KINDS = frozenset({"family", "workplace"})  # what news tells of people it names
_HISTORY_KINDS = _STORY_KINDS | {"mother"}  # scripture and history name mothers too
_CONTACT = frozenset({EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS, EntityType.ADDRESS})
_FRAMED = _GOVERNMENT_ID | _BANK | frozenset({EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS})
# Enum lookups done once: `.value`, `.rank` and iterating an enum run interpreted Python.
_KIND: Final = {t: t.value for t in EntityType}
_RANK: Final = {s: s.rank for s in Severity}
_CATEGORIES: Final = tuple(Category)


# "إلى/ قسم الموارد البشرية", "To: HR": a document addressed to someone is internal.
_ADDRESSEE = re.compile(r"(?m)^\s*(?:الي|to|بو|بۆ)\s*[/:]")
_ADDRESSEE_WORDS: Final = ("الي", "to", "بو", "بۆ")  # one of them must occur for a match
_CIRCULAR: Final = ("تعميم", "بخشنامه", "circular")


class Assessment(Frozen):
    """The decision on one message and the reasons for it (reason codes, never values)."""

    __slots__ = ("categories", "people", "reasons", "risk", "severity", "verdict")
    _NAMES: ClassVar = ("verdict", "severity", "categories", "risk", "reasons", "people")

    def __init__(
        self,
        verdict: Verdict,
        severity: Severity | None,
        categories: tuple[Category, ...],
        risk: float,
        reasons: tuple[str, ...],
        people: int,
    ) -> None:
        self.verdict: Final = verdict
        self.severity: Final = severity
        self.categories: Final = categories
        self.risk: Final = risk
        self.reasons: Final = reasons
        self.people: Final = people


class Context:
    """Message-level cues that turn contacts and names into hard negatives.

    A plain class with read-only attributes (not a frozen dataclass) so that, compiled, its
    constructor stays native.
    """

    __slots__ = (
        "ad",
        "addressee",
        "circular",
        "election",
        "exposure",
        "history",
        "hotline",
        "leaked",
        "listing",
        "lost",
        "obituary",
        "official",
        "pet",
        "private",
        "professional",
        "prose",
        "public_notice",
        "records",
        "self_contact",
        "sports",
        "third_party",
    )

    def __init__(
        self,
        ad: bool,
        hotline: bool,
        obituary: bool,
        election: bool,
        sports: bool,
        public_notice: bool,
        exposure: bool,
        self_contact: bool,
        listing: bool,
        third_party: bool,
        addressee: bool,
        circular: bool,
        professional: bool = False,
        records: bool = False,
        private: bool = False,
        lost: bool = False,
        pet: bool = False,
        official: bool = False,
        prose: bool = False,
        leaked: bool = False,
        history: bool = False,
    ) -> None:
        self.ad: Final = ad
        self.hotline: Final = hotline
        self.obituary: Final = obituary
        self.election: Final = election
        self.sports: Final = sports
        self.public_notice: Final = public_notice
        self.exposure: Final = exposure
        self.self_contact: Final = self_contact
        self.listing: Final = listing
        self.third_party: Final = third_party
        self.addressee: Final = addressee
        self.circular: Final = circular
        self.professional: Final = professional
        self.records: Final = records  # customer / delivery rows (family c)
        self.private: Final = private  # "private number": someone else's contact (family d)
        self.lost: Final = lost  # a lost-ID notice: the owner's own contact (family f)
        self.pet: Final = pet  # a pet post: "اسمها لولو" names the pet (family f)
        self.official: Final = official  # an authority's own notice about people (family f)
        self.history: Final = history  # honorifics of the dead and holy, kings: a story
        self.leaked: Final = leaked  # "exclusive", "a copy of": a document from inside
        self.prose: Final = prose  # one long paragraph that points at nobody: news (family b)

    @classmethod
    def of(cls, norm: str, professional: bool = False, spans: Spans | None = None) -> Context:
        hit = cues.MESSAGE_CUES.present(norm)
        official = spans is not None and families.official_notice(spans, hit)
        return cls(
            ad="ad" in hit,
            hotline="hotline" in hit,
            # a family's own announcement; "this is the girl from the wedding video" is not one
            obituary="obituary" in hit or ("occasion" in hit and "pointing" not in hit),
            election="election" in hit,
            sports="sports" in hit,
            public_notice="public_notice" in hit,
            exposure="exposure" in hit,
            self_contact="self" in hit,
            listing="list" in hit,
            third_party="third_party" in hit,
            addressee=_addressee(norm),
            circular=any(word in norm for word in _CIRCULAR),
            professional=professional,
            records="records" in hit and "hotline" not in hit,  # not "خدمة الزبائن"
            private="private" in hit
            or ("private_bare" in hit and not ("ad" in hit or "hotline" in hit)),
            lost="lost" in hit,
            pet="pet" in hit and not ("exposure" in hit or "third_party" in hit),
            official=official,
            leaked="leaked_document" in hit,
            history="history" in hit and "pointing" not in hit,
            prose=spans is not None and "pointing" not in hit and families.news_prose(spans.text),
        )

    @property
    def owner_contact(self) -> bool:
        """Contacts published by their owner: an ad, a hotline, "call me", a lost-ID notice."""
        owner = self.ad or self.hotline or self.self_contact or self.professional or self.lost
        return owner and not (self.exposure or self.third_party or self.private)


def _addressee(norm: str) -> bool:
    """`_ADDRESSEE.search(norm)`, skipped where the "/" or ":" and the word it needs are missing
    (most messages): substring tests cost far less than the line-by-line regex."""
    if "/" not in norm and ":" not in norm:
        return False
    return any(word in norm for word in _ADDRESSEE_WORDS) and _ADDRESSEE.search(norm) is not None


def assess(
    text: str, norm: str, findings: list[Finding], normalized: NormalizedText | None = None
) -> Assessment:
    """Apply the leak policy to one message's findings.

    `normalized` is `normalize(text)` when the caller has it (`norm` is its text); without it
    the offsets are computed again.
    """
    if not findings:
        return Assessment(Verdict.CLEAR, None, (), 0.02, (), 0)
    spans = Spans(text, norm, normalized)
    professional = any(
        f.entity_type is EntityType.PERSON
        and (cue_before(spans, f.start, cues.PROFESSIONAL, 12) or families.trade_kunya(spans, f))
        for f in findings
    )
    ctx = Context.of(norm, professional, spans)
    reasons: list[str] = []
    severities: list[Severity] = []
    categories: set[Category] = set()

    people = findings
    if ctx.pet:
        people = [
            f
            for f in findings
            if not (f.entity_type is EntityType.PERSON and families.pet_name(spans, f))
        ]
    records = group_records(text, people, ctx.election or ctx.sports or ctx.official, spans)
    homes: frozenset[tuple[int, int]] = frozenset()
    if ctx.owner_contact:  # only there can a home address be mistaken for a published one
        homes = frozenset(
            (f.start, f.end)
            for f in findings
            if f.entity_type is EntityType.ADDRESS and families.home_address(spans, f)
        )
    own: frozenset[tuple[int, int]] = frozenset()
    if ctx.self_contact:  # the poster's own number beside someone else's: not an attribute
        own = frozenset(
            (f.start, f.end)
            for f in findings
            if f.entity_type in _CONTACT and families.own_contact(spans, f)
        )
    own |= frozenset(  # "حساب الجمعية IQ…": an organisation's account in its own appeal
        (f.start, f.end) for f in findings if families.organisation_account(spans, f)
    )
    bundles = [(r, kinds) for r in records if (kinds := _private_attributes(r, ctx, homes, own))]
    exposed = [r for r, _ in bundles]
    severities.extend(_bundle_severity(kinds) for _, kinds in bundles)
    if exposed:
        reasons.append("identity_bundle")
        categories.add(Category.PERSONAL_DATA)
    if _is_bulk(text, records, exposed, ctx) or families.card_dump(findings):
        reasons.append("bulk_records")
        severities.append(Severity.CRITICAL)
        categories.add(Category.PERSONAL_DATA)
    if not exposed:
        framed = _framed_identifiers(spans, findings, ctx)
        if framed:
            reasons.append("identifier_framed")
            severities.append(Severity.LOW)
            categories.add(Category.PERSONAL_DATA)
    doc_severity = _state_document(findings, ctx)
    if doc_severity is not None:
        reasons.append("state_document")
        severities.append(doc_severity)
        categories.add(Category.STATE_DOCUMENT)

    if not severities:
        return Assessment(
            Verdict.CLEAR, None, (), _clear_risk(findings, records, ctx), (), len(records)
        )
    severity = severities[0]
    for other in severities:
        if _RANK[other] > _RANK[severity]:
            severity = other  # the first of the highest, as max() picks
    ordered = tuple(c for c in _CATEGORIES if c in categories)
    risk = _leak_risk(severity, findings)
    return Assessment(Verdict.LEAK, severity, ordered, risk, tuple(reasons), len(exposed))


def _private_attributes(
    record: PersonRecord,
    ctx: Context,
    homes: frozenset[tuple[int, int]] = frozenset(),
    own: frozenset[tuple[int, int]] = frozenset(),
) -> set[str]:
    """The attribute kinds that make this record an identity bundle (empty if none count).

    `homes` are the addresses given as where someone lives: never an owner's published contact;
    `own` the contacts the poster gives as their own ("رقمي", "my number"): never exposed.
    """
    kinds: set[str] = set()
    for attr in record.attributes:
        et = attr.entity_type
        if ctx.official and et not in _CRITICAL_ATTR:
            continue  # an authority's own notice: its tip line, the names it publishes
        if own and (attr.start, attr.end) in own:
            continue
        home = et is EntityType.ADDRESS and (attr.start, attr.end) in homes
        if et in _CONTACT and ctx.owner_contact and not home:
            continue
        if et is EntityType.VEHICLE_PLATE and ctx.ad and ctx.owner_contact:
            continue  # the plate of the car a for-sale post offers
        if ctx.obituary and not ctx.exposure and et not in _CRITICAL_ATTR:
            continue
        kinds.add(_KIND[et])
    if not (ctx.obituary and not ctx.exposure):
        if record.family:
            kinds.add("family")
        if record.mother is not None:
            kinds.add("mother")
        if record.workplace:
            kinds.add("workplace")
    if ctx.official:
        kinds -= {"family", "mother", "workplace"}
    if (ctx.prose and kinds <= _STORY_KINDS) or (ctx.history and kinds <= _HISTORY_KINDS):
        return set()  # family and workplace told in news prose or history (families.news_prose)
    if (
        record.public
        and not kinds & _PRIVATE_EVEN_IF_PUBLIC
        and not (
            "family" in kinds and families.family_of_public(record, ctx.election or ctx.sports)
        )
    ):
        return set()
    return kinds


def _bundle_severity(kinds: set[str]) -> Severity:
    if kinds & _CRITICAL_KINDS:
        return Severity.CRITICAL
    if kinds & _HIGH_KINDS:
        return Severity.HIGH
    return Severity.MEDIUM


def _is_bulk(
    text: str, records: list[PersonRecord], exposed: list[PersonRecord], ctx: Context
) -> bool:
    """Two or more person records with data, or a list of private people under a list header."""
    if len(exposed) >= 2:
        return True
    if ctx.official:
        return False
    if families.customer_rows(text, records, ctx.records):
        return True
    if ctx.election or ctx.sports or (ctx.obituary and not ctx.exposure):
        return False
    private = [r for r in records if not r.public]
    if len(private) < 3 or not (ctx.listing or ctx.exposure):
        return False
    lines = {text.count("\n", 0, r.name.start) for r in private}
    return len(lines) >= 3


def _framed_identifiers(spans: Spans, findings: list[Finding], ctx: Context) -> list[Finding]:
    """Identifiers presented as a third party's, without a name (policy clause 2)."""
    framed = []
    for f in findings:
        if f.entity_type not in _FRAMED:
            continue
        if f.entity_type in _CONTACT and ctx.self_contact and families.own_contact(spans, f):
            continue
        if (ctx.official or ctx.lost) and f.entity_type in _CONTACT:
            continue  # an authority's tip line; a finder's number ("صاحبها يتصل": its owner calls)
        if (f.entity_type in _GOVERNMENT_ID and f.score >= 0.7) or (
            (families.framed_by_cue(spans, f) or (ctx.private and f.entity_type in _CONTACT))
            and not (ctx.owner_contact and f.entity_type in _CONTACT)
        ):
            framed.append(f)
    return framed


def _state_document(findings: list[Finding], ctx: Context) -> Severity | None:
    blocks = [f for f in findings if f.entity_type is EntityType.STATE_DOCUMENT]
    if not blocks:
        return None
    codes = {code for b in blocks for code in b.evidence}
    if Evidence.CLASSIFICATION in codes:
        return Severity.CRITICAL
    if not ctx.leaked:  # a letter the channel says it got from inside is not an announcement
        if Evidence.PUBLIC in codes or ctx.public_notice:
            return None
        if ctx.circular and not ctx.addressee:
            return None  # a circular to everyone, with no addressee, is a public announcement
    if Evidence.LETTERHEAD in codes and (Evidence.REF in codes or Evidence.DATE in codes):
        return Severity.HIGH
    return None


_SEVERITY_RISK = {
    Severity.CRITICAL: 0.97,
    Severity.HIGH: 0.93,
    Severity.MEDIUM: 0.85,
    Severity.LOW: 0.75,
}


def _leak_risk(severity: Severity, findings: list[Finding]) -> float:
    top = max(f.score for f in findings)
    return round(min(0.99, _SEVERITY_RISK[severity] * (0.85 + 0.15 * top)), 3)


def _clear_risk(findings: list[Finding], records: list[PersonRecord], ctx: Context) -> float:
    """Low, but higher where a human might disagree: names with contacts in an ad, say."""
    risk = 0.05 + 0.04 * min(len(findings), 4)
    if records and any(r.attributes for r in records):
        risk += 0.15
    if ctx.exposure:
        risk += 0.1
    return round(min(risk, 0.45), 3)
