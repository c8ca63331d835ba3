"""Named rules for the families of posts users meet, each one policy clause or hard negative.

The verdict (`assess.verdict`) applies the policy to person records; these rules settle the
readings that records alone get wrong: whose contact a number is (the owner's own, or someone
else's exposed), which "names" are not people (a pet's, a trade sign's kunya), which lists are
published by an authority, and which rows are other people's records. Each takes the message's
`Spans` and findings and answers one question; the tables in tests/assess/test_families.py hold
their examples in Arabic, Kurdish and English.
"""

from __future__ import annotations

from typing import Final

from leakwatch.assess import cues
from leakwatch.assess.pairs import FRAMING_PAIRS
from leakwatch.assess.persons import PersonRecord, Spans, cue_after, cue_before
from leakwatch.detect.finding import Evidence, Finding
from leakwatch.entities import EntityType

# Normalized first words of a kunya ("أبو حسين", "Abu Ali", "ئەبو ئاراس").
_KUNYA: Final = frozenset({"ابو", "ام", "ابي", "abu", "um", "umm", "ئهبو", "ئهبوو"})
_KUNYA_INITIALS: Final = frozenset("اأإآٱئAaUu")
_WANTED: Final = "مطلوب"  # "مطلوب القبض": a wanted notice's own words, not an exposure
_PROSE_WORDS: Final = 30
_ACCOUNTS: Final = frozenset({EntityType.IBAN_CODE, EntityType.CREDIT_CARD})
_ACCOUNT_REACH: Final = 40  # "حساب الجمعية IQ…", "account at Rasheed Bank: IQ…"
_CALL_REACH: Final = 24
_DUMP_CARDS: Final = 2  # "للاتصال بمكتب الكراج" and the number after it
_CONTACTS: Final = frozenset(
    {EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS, EntityType.ADDRESS}
)


def own_contact(spans: Spans, finding: Finding) -> bool:
    """a/f. The poster's own contact: a self cue ("رقمي", "call me on") just before it.

    Read per finding, so a post that gives the poster's number and exposes someone else's
    ("رقمي 0770… وهذا رقم الحرامي 0781…") frames only the second.
    """
    return cue_before(spans, finding.start, cues.SELF, 20) and not cue_before(
        spans, finding.start, cues.THIRD_PARTY, 12
    )


def organisation_account(spans: Spans, finding: Finding) -> bool:
    """f. An account an appeal names as an organisation's ("حساب الجمعية", "the committee's
    account", "حیسابی ڕێکخراو") right before it: the charity's, not the named child's or
    manager's."""
    return finding.entity_type in _ACCOUNTS and cue_before(
        spans, finding.start, cues.OWN_OFFICIAL, _ACCOUNT_REACH
    )


def framed_by_cue(spans: Spans, finding: Finding) -> bool:
    """a. A third-party cue around an identifier: "رقمه", "whose number is this", "يعود لشخص",
    or an identifier noun joined to a culprit ("رقم المبتز", "کارتی ئەو کەسە", "the
    blackmailer's number", `pairs`)."""
    before, after = _frame_window(spans.text, finding.start, finding.end)
    if cue_before(spans, finding.start, cues.OWN_OFFICIAL, before):
        return False  # "يعلن رقم حسابه الرسمي": an institution's own account
    if cue_before(spans, finding.start, cues.CALL, _CALL_REACH):
        return False  # "للاتصال بمكتب الكراج 0770…": the number given to call
    return (
        cue_before(spans, finding.start, cues.THIRD_PARTY, before)
        or cue_after(spans, finding.end, cues.THIRD_PARTY, after)
        or cue_before(spans, finding.start, FRAMING_PAIRS, before)
        or cue_after(spans, finding.end, FRAMING_PAIRS, after)  # "0771… رقم الولد اللي…"
    )


def _frame_window(text: str, start: int, end: int) -> tuple[int, int]:
    """How far before and after an identifier its framing may stand: the rest of its line and
    the line above (posts put "هذا رقمه اللي…" above the number or a long clause between),
    at least 40 and 30 characters, at most 160 and 80."""
    line_start = text.rfind("\n", 0, start)
    above = text.rfind("\n", 0, line_start) if line_start > 0 else -1
    line_end = text.find("\n", end)
    before = start - (above + 1)
    after = (line_end if line_end >= 0 else len(text)) - end
    return min(max(before, 40), 160), min(max(after, 30), 80)


def pet_name(spans: Spans, person: Finding) -> bool:
    """f. In a pet post, a one-word "name" after "اسمها" / "her name is" / "ناوی" is the pet's."""
    return " " not in person.text.strip() and cue_before(spans, person.start, cues.PET_NAME, 14)


def trade_kunya(spans: Spans, person: Finding) -> bool:
    """f. A kunya used as a trade sign ("أبو حسين للكهربائيات", "Abu Ali Electric", "ئەبو ئاراس
    بۆ کارەبا"): the tradesman's own contact, not an exposed person."""
    if person.text[:1] not in _KUNYA_INITIALS:
        return False  # most names: no normalizing
    words = spans.of(person.start, person.end).split()
    if len(words) not in (2, 3) or words[0] not in _KUNYA:
        return False
    after = spans.of(person.end, person.end + 24).lstrip(" -–:،,")
    if after.startswith("لل") or cue_after(spans, person.end, cues.TRADE, 24):
        return True
    # A post that offers a trade and signs with a kunya ("سباك … / أبو حسين 0772…"): the sign
    # is the tradesman's, unless the post exposes or frames someone.
    end = len(spans.text)
    return bool(spans.positions(cues.TRADE, 0, end)) and not (
        spans.positions(cues.EXPOSURE, 0, end) or spans.positions(cues.THIRD_PARTY, 0, end)
    )


def official_notice(spans: Spans, hit: frozenset[str]) -> bool:
    """f. An authority's own notice about named people: a wanted notice with its tip line, a
    ministry's list of top students. The authority speaks first (within the opening words),
    and nothing in the post exposes or frames anyone: the only exposure word allowed is the
    notice's own "مطلوب القبض"."""
    if "official" not in hit or "third_party" in hit or "private" in hit:
        return False
    if not spans.positions(cues.AUTHORITY, 0, 60):
        return False
    if "exposure" not in hit:
        return True
    end = len(spans.text)
    window = spans.of(0, end)
    asks = spans.positions(cues.TIP_REQUEST, 0, end)
    return all(
        window[a:b].startswith(_WANTED) or any(x <= a and b <= y for x, y in asks)
        for a, b in spans.positions(cues.EXPOSURE, 0, end)
    )


def home_address(spans: Spans, address: Finding) -> bool:
    """b. An address given as where someone lives ("يسكن في", "lives at", "دەژی لە", "بيته"):
    a home address even in a post that also reads like an ad."""
    return cue_before(spans, address.start, cues.RESIDENCE, 20)


def family_and_workplace(record: PersonRecord) -> bool:
    """b. Named family members and a workplace single out a private person even in a post
    with sports or election words; only a name known as public is exempt."""
    return bool(record.family) and record.workplace and not record.name.public


def family_of_public(record: PersonRecord, results: bool) -> bool:
    """b. A public figure's named wife, son or nephew are private people: naming them exposes
    the family ("the MP's son Hamza …", "Judge Firas's son Yaseen"). Not in a list of
    election or match results, where "باوکی شوان" (Shwan's father) is how a candidate is
    known, not his family."""
    if Evidence.PUBLIC_FIGURE.value in record.name.evidence:
        return False  # a known figure's wife and sons (a poet's, a king's) are his story
    return bool(record.family) and (not results or family_and_workplace(record))


def news_prose(text: str) -> bool:
    """b. One unbroken paragraph of 30 words or more: how news and encyclopedia prose reads
    ("... and his wife ...", "... worked at ..."). There a name's family and workplace tell a
    story about a public or historical person; a post that exposes someone breaks into lines,
    points at the person ("هو اللي", "this is": the verdict checks those cues) or adds a
    contact, birth date or mother's name."""
    body = text.strip()
    return "\n" not in body and len(body.split()) >= _PROSE_WORDS


def card_dump(findings: list[Finding]) -> bool:
    """c. Two or more card numbers in one post: a dump of other people's cards ("selling
    fresh cards, tested today"); nobody publishes their customers' cards, named or not."""
    return sum(f.entity_type is EntityType.CREDIT_CARD for f in findings) >= _DUMP_CARDS


def customer_rows(text: str, records: list[PersonRecord], records_cue: bool) -> bool:
    """c. Rows of other people's contacts: two or more records on separate lines, each with a
    phone or address, under a records cue ("الزبائن", "delivery list", "کڕیاران") — or three
    or more with both a phone and an address in each row. A shop's list of customers is not
    its own ad, and the records cue outweighs words that read as an election or match."""
    rows = []
    for record in records:
        if record.name.public or (record.public and not records_cue):
            continue
        kinds = {a.entity_type for a in record.attributes if a.entity_type in _CONTACTS}
        if kinds and (records_cue or len(kinds) >= 2):
            rows.append(record)
    lines = {text.count("\n", 0, r.name.start) for r in rows}
    return len(lines) >= (2 if records_cue else 3)
