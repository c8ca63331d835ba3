"""Numbers that are not identifiers stay out of every identifier type (issue 7, item 3).

ZIP+4 codes, IMEIs, IP and MAC addresses, VINs (and their digit tails), order, invoice,
tracking and serial numbers: the whole analyzer runs, so no recognizer may claim them as a
phone, plate, ID, passport or card. Every value is synthetic.
"""

from __future__ import annotations

from importlib import resources

import pytest

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.lexicon import word_key
from leakwatch.detect.patterns import not_identifier_shape, number_kind_before
from leakwatch.detect.registry import default_recognizers
from leakwatch.entities import EntityType

A = Analyzer(default_recognizers())
IDENTIFIERS = frozenset(
    {
        EntityType.PHONE_NUMBER,
        EntityType.VEHICLE_PLATE,
        EntityType.IQ_NATIONAL_ID,
        EntityType.IQ_CIVIL_ID,
        EntityType.IQ_PASSPORT,
        EntityType.IQ_RESIDENCE_CARD,
        EntityType.CREDIT_CARD,
        EntityType.IBAN_CODE,
    }
)

REJECTIONS: list[str] = [
    # ZIP / ZIP+4
    "ZIP: Dearborn MI 48126-1234, call us",
    "الرمز البريدي 48126-1234 للتواصل",
    "کۆدی پۆستە 48126-1234",
    # IMEI in phone-for-sale ads, bare, grouped, with a cue
    "ايفون 13 للبيع IMEI: 356938035643809 اتصل",
    "للبيع موبايل سامسونج سيريال 356938035643809",
    "IMEI 35-693803-564380-9 phone for sale",
    "مۆبایل بۆ فرۆشتن imei 490154203237518",
    # IP addresses, v4 and v6
    "server IP 192.168.1.10 phone support",
    "عنوان الايبي 10.0.0.138 رقم الهاتف",
    "IP 172.16.254.1 mobile",
    "IPv6 2001:db8:85a3::8a2e:370:7334 contact",
    "ژمارەی ip 192.168.100.200",
    # MAC addresses
    "MAC 00:1A:2B:3C:4D:5E phone",
    "عنوان الماك 00-1a-2b-3c-4d-5e",
    # VINs and their tails
    "VIN 1HGCM82633A004352 car for sale",
    "السيارة رقم الشاصي 1HGCM82633A004352 بغداد",
    "السيارة شاصي 33A004352 بغداد",
    "ئۆتۆمبێل شاسی WVWZZZ1JZXW000001 هەولێر",
    # order, invoice, tracking, reference numbers
    "رقم الطلب 07701234567",
    "order 0770 123 4567 shipped",
    "tracking number 0501234567",
    "رقم الوصل 123456789012",
    "invoice 199012345678",
    "ref 0791234567 jordan",
    "رقم الحوالة 0532 123 45 67 تركيا",
    "ژمارەی داواکاری 07501234567",
    # dates and amounts next to phone cues or country words
    "اتصل بنا يوم 01-05-2023",
    "واتساب 07.12.2023",
    "call us 2023-05-01",
    "قطر 50000000 ريال",
    "ژمارەی مۆبایل 2023/05/01",
]


@pytest.mark.parametrize("text", REJECTIONS)
def test_not_an_identifier(text: str) -> None:
    _, findings = A.analyze(text)
    assert [(f.entity_type, f.text) for f in findings if f.entity_type in IDENTIFIERS] == []


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("192.168.1.10", "ip"),
        ("2001:db8::1", "ip"),
        ("00:1a:2b:3c:4d:5e", "mac"),
        ("1hgcm82633a004352", "vin"),
        ("48126-1234", "zip"),
        ("356938035643809", "imei"),
        ("35-693803-564380-9", "imei"),
        ("01-05-2023", "date"),
        ("2023.05.01", "date"),
        ("0770 123 4567", None),
        ("077.012.345.67", None),  # a dotted phone, not an IP (345 > 255)
        ("10:30:45", None),
        ("356938035643808", None),  # 15 digits, not Luhn-valid
    ],
)
def test_shape(value: str, kind: str | None) -> None:
    assert not_identifier_shape(value, 0, len(value)) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("رقم الطلب ", "order"),
        ("invoice: ", "order"),
        ("سيريال ", "device"),
        ("imei ", "device"),
        ("vin ", "vehicle"),
        ("الرمز البريدي ", "postal"),
        ("ip ", "network"),
        ("رقمه ", None),
        ("hotel ref", "order"),
    ],
)
def test_number_kind_before(text: str, kind: str | None) -> None:
    assert number_kind_before(text, len(text)) == kind


@pytest.mark.parametrize(
    "text",
    [
        "رقمه 0770 123 4567 ورقم الطلب 4521",  # the order cue follows the phone
        "للطلب اتصل 0770 123 4567",  # "للطلب" (to order) is an ad, the phone stays
        "رقم الطلب عبر الواتساب 0770 123 4567",  # a phone cue closer to the number wins
        "server down? call 0770 123 4567",
    ],
)
def test_phones_next_to_other_numbers_survive(text: str) -> None:
    _, findings = A.analyze(text)
    assert [f.text for f in findings if f.entity_type is EntityType.PHONE_NUMBER] == [
        "0770 123 4567"
    ]


@pytest.mark.parametrize("name", ["number_kinds", "phone_countries", "phone_cues"])
def test_issue7_lexicons_are_normalized_sorted_and_sourced(name: str) -> None:
    """The word lists this module and phone.py read keep the shipped-lexicon format."""
    path = resources.files("leakwatch.detect").joinpath("lexicons", f"{name}.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("# source:") for line in lines if line.startswith("#"))
    body = [line for line in lines if line and not line.startswith("#")]
    keys = [line.split("\t", 1)[0] for line in body]
    assert body == sorted(body)
    assert len(keys) == len(set(keys))
    assert all(word_key(k) == k for k in keys)
    assert all("\t" in line and line.split("\t", 1)[1] for line in body)
