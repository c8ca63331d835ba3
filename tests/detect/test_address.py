"""AddressRecognizer: Iraqi home addresses and precise locations, in four scripts and styles.

An ADDRESS span runs from the first component to the last and excludes the cue ("يسكن",
"العنوان:", "lives in"); a bare city in prose is not an address. Expected spans come from
`text.index(value)`.
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from recognizer_contract import RecognizerContract, find, found_spans, spans

from leakwatch.detect.recognizer import Recognizer
from leakwatch.detect.recognizers.address import AddressRecognizer

ADDRESS = AddressRecognizer()

ROWS: list[tuple[str, list[str]]] = [
    # --- mahalla / zuqaq / dar, full and abbreviated --------------------------------------
    ("يسكن بغداد - الكرادة - م 905 ز 12 د 7", ["بغداد - الكرادة - م 905 ز 12 د 7"]),
    ("محلة 905 زقاق 12 دار 7", ["محلة 905 زقاق 12 دار 7"]),
    ("العنوان: م٩٠٥ ز١٢ د٧", ["م٩٠٥ ز١٢ د٧"]),
    ("ساكن بغداد - اليرموك - م ٦٢٢ ز ١٤ د ٩", ["بغداد - اليرموك - م ٦٢٢ ز ١٤ د ٩"]),
    (
        "العنوان البصرة - القبلة - محلة 213 زقاق 8 دار 15",
        ["البصرة - القبلة - محلة 213 زقاق 8 دار 15"],
    ),
    ("تولد 1971 - محلة 885 زقاق 34 دار 12", ["محلة 885 زقاق 34 دار 12"]),
    # --- حي / street / near + landmark ----------------------------------------------------
    ("ساكنة حي الجهاد قرب جامع الرحمن", ["حي الجهاد قرب جامع الرحمن"]),
    ("بيته النجف - حي الأنصار - قرب جامع الصادق", ["النجف - حي الأنصار - قرب جامع الصادق"]),
    ("السكن: بعقوبة - حي المعلمين - قرب مدرسة الشهيد", ["بعقوبة - حي المعلمين - قرب مدرسة الشهيد"]),
    ("بيته هو مدينة الصدر قطاع 55 قرب سوق مريدي", ["مدينة الصدر قطاع 55 قرب سوق مريدي"]),
    ("ساكن الموصل - حي الزهور - شارع الجامعة", ["الموصل - حي الزهور - شارع الجامعة"]),
    ("ساكن يم جامع براثا ، وهذا رقمه", ["يم جامع براثا"]),
    ("الموقع: الرمادي - شارع 20 - قرب المجمع الحكومي", ["الرمادي - شارع 20 - قرب المجمع الحكومي"]),
    ("بيت للبيع في الحلة - حي نادر - قرب جامع الحسن", ["الحلة - حي نادر - قرب جامع الحسن"]),
    ("الدروس في حي الجامعة - شارع الربيع أو أونلاين", ["حي الجامعة - شارع الربيع"]),
    ("مولدة الحجي - حي الجهاد\nالاشتراك 12 الف", ["حي الجهاد"]),
    # --- gazetteer neighbourhoods and record fields ----------------------------------------
    ("📍 الكرادة داخل - قرب ساحة كهرمانة", ["الكرادة داخل - قرب ساحة كهرمانة"]),
    ("محلاتنا في الكرادة شارع 62", ["الكرادة شارع 62"]),
    ("4. تورهان أحمد قاسم - كركوك - القورية", ["كركوك - القورية"]),
    (
        "مجلس العزاء في الناصرية - سوق الشيوخ - حسينية آل غرة",
        ["الناصرية - سوق الشيوخ - حسينية آل غرة"],
    ),
    ("المنصور - شارع 14 رمضان - عمارة الأطباء", ["المنصور - شارع 14 رمضان - عمارة الأطباء"]),
    # --- residence cue + city is enough ---------------------------------------------------
    ("يسكن في البصرة", ["البصرة"]),
    ("يسكن في بغداد منذ سنين", ["بغداد"]),
    ("من سكنة ديالى قضاء بعقوبة", ["ديالى قضاء بعقوبة"]),
    # --- English ----------------------------------------------------------------------------
    ("Erbil, Ankawa, near the Family Mall", ["Erbil, Ankawa, near the Family Mall"]),
    ("lives in Mansour, Baghdad", ["Mansour, Baghdad"]),
    ("street 14, house 7", ["street 14, house 7"]),
    ("Address: Karrada district, Baghdad", ["Karrada district, Baghdad"]),
    ("His house: Hay Ur, near Ur market", ["Hay Ur, near Ur market"]),
    (
        "Baghdad, Arasat Al-Hindiya, near Al-Rasheed Bank",
        ["Baghdad, Arasat Al-Hindiya, near Al-Rasheed Bank"],
    ),
    (
        "Erbil, 100 Meter Road, next to Sami Abdulrahman Park",
        ["Erbil, 100 Meter Road, next to Sami Abdulrahman Park"],
    ),
    # --- Kurdish (Sorani) ------------------------------------------------------------------
    (
        "ناونیشان: هەولێر، گەڕەکی ئازادی، نزیک مزگەوتی گەورە",
        ["هەولێر، گەڕەکی ئازادی، نزیک مزگەوتی گەورە"],
    ),
    ("ماڵیان سلێمانی، گەڕەکی ڕزگاری، کۆڵانی 40", ["سلێمانی، گەڕەکی ڕزگاری، کۆڵانی 40"]),
    ("سەردانمان بکەن لە دهۆک، شەقامی کاوە، نزیک پردی دهۆک", ["دهۆک، شەقامی کاوە، نزیک پردی دهۆک"]),
    # --- hard negatives -------------------------------------------------------------------
    ("انفجار في بغداد اليوم", []),
    ("دهس طفل بشارع الربيعي وهرب", []),
    ("عدد محدود من المقاعد في منطقة الشرق الاوسط", []),
    ("مساحة البيت 200 م2 طابقين", []),
    ("الطقس: بغداد 47، البصرة 49، الموصل 44", []),
    ("وصلت الى البصرة وبعدها الى اربيل", []),
    ("قضاء الفلوجة يشهد امطارا غزيرة", []),
    ("انسرقت سيارتي من يم سوق الجمعة بالبياع", []),
    ("تم تتويج الملك في ساحة القشلة ببغداد", []),
    ("اجتمع المحافظ في قضاء الزبير", []),
    ("Baghdad 45° | Erbil 39° | Basra 48°", []),
    ("ولد في قرية جيكور التابعة لقضاء أبي الخصيب", []),
    ("الزوراء 2 - 1 القوة الجوية", []),
    ("طريق الحلة - النجف مغلق بسبب حادث", []),
    ("We met in Baghdad last year", []),
    ("وزارة التعليم العالي تعلن النتائج", []),
]


@pytest.mark.parametrize(("text", "values"), ROWS)
def test_address_spans(text: str, values: list[str]) -> None:
    assert found_spans(ADDRESS, text) == spans(text, *values)


def test_why_names_the_components() -> None:
    (cued,) = find(ADDRESS, "يسكن بغداد - الكرادة - م 905 ز 12 د 7")
    assert cued.why.startswith("cue,")
    assert "mzd_abbr" in cued.why
    assert cued.score >= 0.85
    (labelled,) = find(ADDRESS, "العنوان: بغداد")
    assert labelled.why.startswith("label")


def test_label_fallback_takes_an_unlisted_address() -> None:
    text = "العنوان: بستان ابو علي\nالهاتف 07701234567"
    (finding,) = find(ADDRESS, text)
    assert finding.text == "بستان ابو علي"
    assert finding.why == "label,fallback"


class TestAddressContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = ADDRESS
    samples = (
        "يسكن بغداد - الكرادة - م 905 ز 12 د 7",
        "Erbil, Ankawa, near the Family Mall",
        "ناونیشان: هەولێر، گەڕەکی ئازادی",
        "ساكنة حي الجهاد قرب جامع الرحمن",
    )
