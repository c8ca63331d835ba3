"""Verdict table: the leak policy's clauses and hard negatives, end to end through detection."""

from __future__ import annotations

import pytest

from leakwatch.assess.verdict import assess
from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.entities import Severity, Verdict

ANALYZER = Analyzer(default_recognizers())

LEAKS = [
    # identity bundles
    ("المدعو علي حسين كاظم الربيعي رقمه 07701234567", Severity.HIGH),
    ("الاسم: زينب عبد الامير جاسم\nالهاتف: ٠٧٨١٢٣٤٥٦٧٨", Severity.HIGH),
    ("حيدر كريم عباس الساعدي يسكن بغداد - الكرادة - م 905 ز 12 د 7", Severity.HIGH),
    ("مصطفى جبار حسن البطاقة الوطنية 199012345678", Severity.CRITICAL),
    ("Name: Ahmed Kareem Hassan, phone +964 770 123 4567", Severity.HIGH),
    ("ناو: ئاسۆ کەریم مەحمود ژمارەی مۆبایل 07501234567", Severity.HIGH),
    ("المدعو سجاد علي حسين زوجته فاطمة جاسم محمد", Severity.MEDIUM),
    ("محمد عبد الله صالح مواليد 1988", Severity.MEDIUM),
    # identifier framed as a third party's, no name
    ("هذا رقمه 07801234567 اللي يعرفه يكلمه", Severity.LOW),
    # state document
    ("جمهورية العراق\nوزارة الداخلية\nمديرية شؤون الأفراد\nالعدد: 4521\n"
     "التاريخ: 2023/7/14\nسري للغاية", Severity.CRITICAL),
]  # fmt: skip

CLEAR = [
    "مطعم الريم للمشويات - للحجز والاستفسار 07701234567 - الكرادة داخل",
    "سيارة للبيع موديل 2019 السعر 15 ورقة للتواصل 07711234567",
    "الخط الساخن لمديرية الدفاع المدني 07901234567",
    "وزير الداخلية عبد الامير الشمري يزور محافظة البصرة",
    "انتقل الى رحمة الله الحاج كاظم جواد الموسوي ومجلس الفاتحة في حي الجهاد قرب جامع الرحمن",
    "فوز الزوراء على الطلبة 2-1 في الدوري العراقي",
    "سعر صرف الدولار اليوم 1460 دينار",
    "درجات الحرارة في بغداد 48 مئوية",
    "ثورة 14 تموز 1958",
    "اجتماع لمجلس محافظة بغداد لمناقشة الخدمات",
    "",
]


@pytest.mark.parametrize(("text", "severity"), LEAKS)
def test_leaks(text: str, severity: Severity) -> None:
    doc, findings = ANALYZER.analyze(text)
    result = assess(text, doc.norm, findings)
    assert result.verdict is Verdict.LEAK, [(f.entity_type, f.text) for f in findings]
    assert result.severity is severity
    assert 0.5 < result.risk <= 1.0


@pytest.mark.parametrize("text", CLEAR)
def test_hard_negatives_are_clear(text: str) -> None:
    doc, findings = ANALYZER.analyze(text)
    result = assess(text, doc.norm, findings)
    assert result.verdict is Verdict.CLEAR, (
        result.reasons,
        [(f.entity_type, f.text) for f in findings],
    )
    assert result.severity is None
    assert 0.0 <= result.risk < 0.5
