"""Table tests for `PhoneRecognizer` (Presidio's `test_us_ssn_recognizer.py` style).

Each row: original text and the values expected as PHONE_NUMBER spans; spans are computed with
`text.index(value)` and compared exactly, against the original (un-normalized) text.
"""

from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat
from recognizer_contract import find, found_spans, make_iban, spans

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.recognizers.phone import COUNTRY_REGIONS, PhoneRecognizer
from leakwatch.detect.registry import default_recognizers
from leakwatch.entities import EntityType
from leakwatch.sources.message import Hint

R = PhoneRecognizer()

CASES: list[tuple[str, list[str]]] = [
    # Iraqi mobiles, local forms
    ("رقمه 0770 123 4567", ["0770 123 4567"]),
    ("رقمها 07801234567 للتواصل", ["07801234567"]),
    ("موبايل: 0750-123-4567", ["0750-123-4567"]),
    ("اتصل على 0790.765.4321", ["0790.765.4321"]),
    ("0770/1234567 ابو علي", ["0770/1234567"]),
    ("0 770 123 45 67", ["0 770 123 45 67"]),
    ("الرقم (0770) 123 4567", ["0770) 123 4567"]),
    # digits broken by emoji / keycaps
    ("0770📞123 4567", ["0770📞123 4567"]),
    ("واتساب 0781 ☎️ 234 5678", ["0781 ☎️ 234 5678"]),
    ("0️⃣7️⃣7️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣", ["0️⃣7️⃣7️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣"]),
    # Arabic-Indic and Extended Arabic-Indic digits
    ("رقمه ٠٧٧٠ ١٢٣ ٤٥٦٧", ["٠٧٧٠ ١٢٣ ٤٥٦٧"]),
    ("٠٧٨١-٢٣٤-٥٦٧٨", ["٠٧٨١-٢٣٤-٥٦٧٨"]),
    ("ژمارەی مۆبایل: ۰۷۵۰ ۱۲۳ ۴۵۶۷", ["۰۷۵۰ ۱۲۳ ۴۵۶۷"]),
    # international forms of Iraqi mobiles
    ("+964 750 123 4567", ["+964 750 123 4567"]),
    ("00964 770 123 4567", ["00964 770 123 4567"]),
    ("964 781 234 5678", ["964 781 234 5678"]),
    ("+9647701234567", ["+9647701234567"]),
    ("+964 (0) 770 123 4567", ["+964 (0) 770 123 4567"]),
    ("(+964) 770-123-4567", ["+964) 770-123-4567"]),
    # landlines
    ("هاتف المكتب 01 234 5678", ["01 234 5678"]),
    ("+964 1 234 5678", ["+964 1 234 5678"]),
    ("تلفون البيت 066 223 4567", ["066 223 4567"]),
    # foreign numbers
    ("call +44 20 7946 0958", ["+44 20 7946 0958"]),
    ("his US number +1 202-555-0123", ["+1 202-555-0123"]),
    ("0044 20 7946 0958", ["0044 20 7946 0958"]),
    ("+44 20 7946 0958, 2023", ["+44 20 7946 0958"]),
    ("+44 1632 960001", ["+44 1632 960001"]),  # possible, not valid: the + makes it a phone
    ("السعر +150000000 دينار", []),  # an amount, not a number to dial
    # Arabic touching the digits, normalization removing characters before the number
    ("رقمه0770 123 4567", ["0770 123 4567"]),
    ("رقـــمـه: 0770 123 4567", ["0770 123 4567"]),
    ("رَقَمُهُ 0770 123 4567", ["0770 123 4567"]),
    # lists
    ("07701234567,07801234567", ["07701234567", "07801234567"]),
    ("07701234567 07801234567", ["07701234567", "07801234567"]),
    ("علي 0770 123 4567\nحسن 0781 234 5678", ["0770 123 4567", "0781 234 5678"]),
    ("Ali: 0771 234 5678, Omar: +964 750 765 4321", ["0771 234 5678", "+964 750 765 4321"]),
    ("Room ab12 call 0770 123 4567", ["0770 123 4567"]),
    # hard negatives: prices, rates, scores, years, temperatures, document and order numbers
    ("سعر 25,000 دينار", []),
    ("سعر الصرف 1480 دينار للدولار", []),
    ("النتيجة 2-1 لصالح الزوراء", []),
    ("ثورة 14 تموز 1958", []),
    ("درجة الحرارة 49 مئوية", []),
    ("الكتاب ذي العدد 4521 في 2023/7/14", []),
    ("رقم الطلب 123456789012", []),
    ("199012345678", []),
    ("077012345678", []),
    ("9647701234567890", []),
    ("0770 123 456", []),
    ("+964 770 123 45", []),
    ("15/01/2023", []),
    ("01/12/2023 10:30", []),
    ("4111 1111 1111 1111", []),
    (f"IBAN {make_iban('IQ', 'NBIQ850107701234567')}", []),
    ("hotel room 0123", []),
    ("01:23:45 67", []),
    ("الساعة 06:30 يوم 2024/05/01", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_phone_spans(text: str, values: list[str]) -> None:
    assert found_spans(R, text) == spans(text, *values)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("0770 123 4567", 0.6),
        ("رقمه 0770 123 4567", 0.9),
        ("0770 123 4567 واتساب", 0.9),
        ("ژمارەکەی 0770 123 4567", 0.9),
        ("phone: +44 20 7946 0958", 0.9),
        ("066 223 4567", 0.5),
        ("+964 66 223 4567", 0.6),
        ("join our telegram 0770 123 4567", 0.6),  # "tel" inside "telegram" is no cue
    ],
)
def test_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score
    assert f.entity_type is EntityType.PHONE_NUMBER


def test_telegram_phone_mark_boosts_score() -> None:
    text = "0770 123 4567"
    (f,) = find(R, text, (Hint(EntityType.PHONE_NUMBER, 0, len(text)),))
    assert f.score >= 0.9
    (g,) = find(R, "رقمه " + text, (Hint(EntityType.PHONE_NUMBER, 5, 5 + len(text)),))
    assert g.score >= 0.95


def test_unrelated_hint_does_not_boost() -> None:
    text = "0770 123 4567 ali@x.com"
    (f,) = find(R, text, (Hint(EntityType.EMAIL_ADDRESS, 14, len(text)),))
    assert f.score == 0.6


def test_why_names_rule_not_value() -> None:
    (f,) = find(R, "رقمه 0770 123 4567")
    assert "iq mobile" in f.why
    assert "رقمه" in f.why
    assert "4567" not in f.why


# Foreign numbers in national format: found when a phone cue or a country word is near
# (the region comes from the words), never from the digits alone.
FOREIGN: list[tuple[str, str]] = [
    # Jordan
    ("رقمه الأردني 0791234567", "0791234567"),
    ("Jordan mobile: 079 123 4567", "079 123 4567"),
    ("ژمارەی مۆبایلی ئوردن 0791234567", "0791234567"),
    # Turkey
    ("رقمه التركي 0532 123 45 67", "0532 123 45 67"),
    ("his Turkish number 0532 123 45 67", "0532 123 45 67"),
    ("ژمارەکەی لە تورکیا 0532 123 45 67", "0532 123 45 67"),
    # Saudi Arabia
    ("جواله في السعودية 0501234567", "0501234567"),
    ("Saudi mobile 050 123 4567", "050 123 4567"),
    # Egypt
    ("موبايل مصري 01012345678", "01012345678"),
    ("call his Egyptian number 010 1234 5678", "010 1234 5678"),
    # Germany
    ("رقمه في ألمانيا 0151 23456789", "0151 23456789"),
    ("Germany: 0151 23456789", "0151 23456789"),
    ("ژمارەی تەلەفۆن لە ئەڵمانیا 0151 23456789", "0151 23456789"),
    # United Kingdom (07700 900123 is an Iraqi-shaped mobile too: found either way)
    ("UK mobile 07700 900123", "07700 900123"),
    ("رقمه في بريطانيا 07911 123456", "07911 123456"),
    # United States
    ("US phone (313) 555-0142", "313) 555-0142"),
    ("رقمه الامريكي 313-555-0142", "313-555-0142"),
    # cue only: the fallback regions (trunk 0 or North American grouping)
    ("اتصل على 0532 123 45 67", "0532 123 45 67"),
    ("واتساب 0151 23456789", "0151 23456789"),
    ("phone 070 123 45 67", "070 123 45 67"),
    ("call 313.555.0142", "313.555.0142"),
    # cues with clitics: Sorani possessives, Iraqi "عال"
    ("ژمارەی مۆبایلەکەم 0532 123 45 67", "0532 123 45 67"),
    ("تەلەفۆنەکەی 0151 23456789", "0151 23456789"),
    ("راسلني عالواتساب 0151 23456789", "0151 23456789"),
    ("وبموبايله 0791234567", "0791234567"),
    # North American grouping is a phone by its shape
    ("for details 313-555-0142 anytime", "313-555-0142"),
]


@pytest.mark.parametrize(("text", "value"), FOREIGN)
def test_foreign_national_numbers(text: str, value: str) -> None:
    assert found_spans(R, text) == spans(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "0791234567",  # no cue, no country: an order or account number as likely
        "0532 123 45 67",
        "01012345678",
        "0151 23456789",
        "الرقم 0151 23456789",  # "رقم" names any number, not a phone
        "account number 0532 123 45 67",
        "مصرف 0791234567",  # "مصر" inside "مصرف" (bank) is no country
        "تركيز 0532 123 45 67",  # nor "تركي" inside "تركيز"
        "his Kuwaiti ID 199012345678",  # a country word does not make any number a phone
        "313 555 0142",  # North American digits without its dashes, dots or parentheses
        "phone 12345678",  # a bare 8-digit run needs a country that dials it so
    ],
)
def test_foreign_national_numbers_need_words(text: str) -> None:
    assert find(R, text) == []


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("رقمه الأردني 0791234567", "JO"),
        ("تركي 0532 123 45 67", "TR"),
        ("UK mobile 07911 123456", "GB"),
        ("Kuwait 99123456", "KW"),  # no trunk 0, so only with the country named
        ("قطر 50123456", "QA"),
    ],
)
def test_country_word_names_the_region(text: str, region: str) -> None:
    (f,) = find(R, text)
    assert f"({region})" in f.why


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("phone (Kuwait) 12345678", "12345678"),
        ("UK phone 01632 960001", "01632 960001"),  # a range kept for drama, never dialled
        ("هاتف كويتي 12345678", "12345678"),
    ],
)
def test_possible_number_with_country_and_cue(text: str, value: str) -> None:
    (f,) = find(R, text)
    assert (f.start, f.end) == spans(text, value)[0]
    assert f.score == 0.5


@pytest.mark.parametrize("text", ["Kuwait 12345678", "UK 01632 960001", "phone 12345678"])
def test_possible_number_needs_both_country_and_cue(text: str) -> None:
    assert find(R, text) == []


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("الأردن 0791234567", 0.7),  # country word only
        ("واتساب 0791234567", 0.85),  # cue only
        ("واتساب الأردن 0791234567", 0.9),  # both
        ("313-555-0142", 0.6),  # North American shape, valid
        ("call 313-555-0142", 0.9),
    ],
)
def test_foreign_scores(text: str, score: float) -> None:
    (f,) = find(R, text)
    assert f.score == score


@pytest.mark.parametrize(
    "decorated",
    [
        "0️⃣7️⃣7️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣",
        "0⃣7⃣7⃣0⃣1⃣2⃣3⃣4⃣5⃣6⃣7⃣",  # keycaps without the variation selector
        "０７７０ １２３ ４５６７",
        "𝟎𝟕𝟕𝟎 𝟏𝟐𝟑 𝟒𝟓𝟔𝟕",
        "⓪⑦⑦⓪ ①②③ ④⑤⑥⑦",
        "⓿❼❼⓿ ❶❷❸ ❹❺❻❼",
    ],
)
@pytest.mark.parametrize("template", ["{}", "رقمه {} للتواصل", "ژمارەکەی {}", "call {} now"])
def test_decorated_digits_are_one_phone_over_the_original(decorated: str, template: str) -> None:
    text = template.format(decorated)
    (f,) = find(R, text)
    assert f.text == decorated
    assert (f.start, f.end) == spans(text, decorated)[0]


def _examples() -> list[tuple[str, str, str]]:
    """(region, national, international) example numbers of every region the country lexicon
    names, mobile and fixed line, from phonenumbers' own metadata (synthetic by design)."""
    out = []
    for region in sorted({r for regions in COUNTRY_REGIONS.values() for r in regions}):
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                national = phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)
                intl = phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL)
                out.append((region, national, intl))
    return out


_WORD_FOR = {r: w for w, regions in sorted(COUNTRY_REGIONS.items()) for r in regions}


@pytest.mark.parametrize(("region", "national", "intl"), _examples())
def test_every_named_region_in_both_forms(region: str, national: str, intl: str) -> None:
    text = f"{_WORD_FOR[region]} {national}"
    value = national.lstrip("(")  # a span starts at the first digit (docs/spans.md)
    assert found_spans(R, text) == spans(text, value)
    text = f"call {intl}"
    assert found_spans(R, text) == spans(text, intl)


def test_keycap_number_is_one_phone_for_the_whole_analyzer() -> None:
    text = "رقمه 0️⃣7️⃣7️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣ للتواصل"
    value = "0️⃣7️⃣7️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣"
    _, findings = Analyzer(default_recognizers()).analyze(text)
    assert [(f.entity_type, f.start, f.end) for f in findings] == [
        (EntityType.PHONE_NUMBER, *spans(text, value)[0])
    ]
