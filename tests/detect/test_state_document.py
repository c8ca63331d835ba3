"""StateDocumentRecognizer: marker blocks of official letters, and the prose that is not one.

A block is a run of consecutive marker lines (letterhead, العدد / التاريخ with values,
classification), from the first marker to the end of the last marker line (docs/spans.md).
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from recognizer_contract import RecognizerContract, find, found_spans, spans

from leakwatch.detect.recognizer import Recognizer
from leakwatch.detect.recognizers.state_document import StateDocumentRecognizer

STATE = StateDocumentRecognizer()

LETTERHEAD = "جمهورية العراق\nوزارة الداخلية\nمديرية شؤون الأفراد\nالعدد: 4521\nالتاريخ: 2023/7/14"
KRG = "حکومەتی هەرێمی کوردستان\nوەزارەتی ناوخۆ\nژمارە: 556\nبەروار: 2023/5/1\nنهێنی"
TENDER_HEAD = "جمهورية العراق\nوزارة الكهرباء\nالشركة العامة لتوزيع كهرباء الوسط"
ONE_LINE_AR = (
    "جمهورية العراق - وزارة الداخلية - مديرية شؤون الأفراد - العدد: 1234 - "
    "التاريخ: 2024/3/12 - سري للغاية"
)
ONE_LINE_EN = "REPUBLIC OF IRAQ – Ministry of Interior – Ref: 4471/B – 12/03/2024 – CONFIDENTIAL"
ONE_LINE_KRG = "حکومەتی هەرێمی کوردستان - وەزارەتی ناوخۆ - ژمارە: 5521 - نهێنی"
ENGLISH = "Republic of Iraq\nMinistry of Interior\nRef: 123/45\nDate: 12/3/2023\nCONFIDENTIAL"

ROWS: list[tuple[str, list[str]]] = [
    # --- full letterheads ----------------------------------------------------------------
    (LETTERHEAD, [LETTERHEAD]),
    (LETTERHEAD + "\n\nنود اعلامكم بنقل المنتسب", [LETTERHEAD]),
    ("وثيقة مسربة 👇\n" + LETTERHEAD + "\nم/ نقل", [LETTERHEAD]),
    (KRG, [KRG]),
    (ENGLISH, [ENGLISH]),
    (
        "جمهورية العراق\nوزارة الدفاع\nالعدد: ٤٥٢١\nالتاريخ: ٢٠٢٣/٧/١٤",
        ["جمهورية العراق\nوزارة الدفاع\nالعدد: ٤٥٢١\nالتاريخ: ٢٠٢٣/٧/١٤"],
    ),
    (
        "جمهوريـة العـراق\nوزارة النفـط\nشركة نفط الجنوب\nهيأة الموارد البشرية\nالعدد: م ب/ 6612",
        ["جمهوريـة العـراق\nوزارة النفـط\nشركة نفط الجنوب\nهيأة الموارد البشرية\nالعدد: م ب/ 6612"],
    ),
    (
        "جمهورية العراق\nوزارة الدفاع\nدائرة شؤون الأفراد\nالعدد/ 9/ش/ 21455\nالتاريخ/ 2023/4/11",
        ["جمهورية العراق\nوزارة الدفاع\nدائرة شؤون الأفراد\nالعدد/ 9/ش/ 21455\nالتاريخ/ 2023/4/11"],
    ),
    (
        "جمهورية العراق / وزارة الدفاع / دائرة شؤون الأفراد",
        ["جمهورية العراق / وزارة الدفاع / دائرة شؤون الأفراد"],
    ),
    (
        "مجلس القضاء الأعلى\nمحكمة تحقيق الكرخ الثانية\nالعدد: 3318/ق/2023",
        ["مجلس القضاء الأعلى\nمحكمة تحقيق الكرخ الثانية\nالعدد: 3318/ق/2023"],
    ),
    ("العدد: 12\nالتاريخ: 2023/5/5", ["العدد: 12\nالتاريخ: 2023/5/5"]),
    ("  جمهورية العراق  \n  وزارة الصحة  ", ["جمهورية العراق  \n  وزارة الصحة"]),
    # --- classification markings ---------------------------------------------------------
    ("سري للغاية", ["سري للغاية"]),
    ("صورة من كتاب داخلي 👇\nسري للغاية\nيمنع دخول المدعو", ["سري للغاية"]),
    ("سري وشخصي / عاجل", ["سري وشخصي / عاجل"]),
    ("شخصي وسري", ["شخصي وسري"]),
    ("كتمان", ["كتمان"]),
    ("(سري)", ["سري"]),
    ("محدود", ["محدود"]),
    ("TOP SECRET", ["TOP SECRET"]),
    ("Confidential", ["Confidential"]),
    ("نهێنی و تایبەت", ["نهێنی و تایبەت"]),
    (
        "سري وشخصي\nجمهورية العراق\nوزارة الداخلية\nوكالة الوزارة لشؤون الشرطة\nالعدد: ق س/ 7741",
        ["سري وشخصي\nجمهورية العراق\nوزارة الداخلية\nوكالة الوزارة لشؤون الشرطة\nالعدد: ق س/ 7741"],
    ),
    (
        "محدود\nجمهورية العراق\nهيأة النزاهة الاتحادية\nالتاريخ: 2024/2/6",
        ["محدود\nجمهورية العراق\nهيأة النزاهة الاتحادية\nالتاريخ: 2024/2/6"],
    ),
    ("سري\nنص الكتاب هنا يتحدث عن النقل\nسري للغاية", ["سري", "سري للغاية"]),
    # --- public announcements: still a block ("public" in why) ----------------------------
    (
        TENDER_HEAD + "\nإعلان مناقصة عامة رقم (14)",
        [TENDER_HEAD],
    ),
    ("العدد 123 التاريخ 2023/1/1\nاعلان للعموم", ["العدد 123 التاريخ 2023/1/1"]),
    # "the ministry announces" opens the body, not another letterhead line
    (
        KRG + "\n\nوەزارەت ڕادەگەیەنێت کە چاوپێکەوتنی داواکارانی دامەزراندن دەست پێدەکات",
        [KRG],
    ),
    # --- letterheads written on one line (parts joined by " - ", " – " or " / ") ----------
    (ONE_LINE_AR, [ONE_LINE_AR]),
    ("وثيقة مسربة 👇\n" + ONE_LINE_AR, [ONE_LINE_AR]),
    (ONE_LINE_EN, [ONE_LINE_EN]),
    (ONE_LINE_KRG, [ONE_LINE_KRG]),
    (ONE_LINE_AR + "\nنود اعلامكم بنقل المنتسب المذكور", [ONE_LINE_AR]),
    (
        "جمهورية العراق / وزارة الدفاع / العدد 778 / التاريخ 5/1/2024",
        ["جمهورية العراق / وزارة الدفاع / العدد 778 / التاريخ 5/1/2024"],
    ),
    # --- hard negatives -------------------------------------------------------------------
    ("اجتماع في وزارة الداخلية - العدد الجديد من المجلة - التاريخ: 2024", []),
    ("وزارة الداخلية - بيان - القبض على عصابة سرقة في بغداد - التفاصيل", []),
    ("Ministry of Interior – press briefing – 12/03/2024 – Baghdad", []),
    ("وەزارەتی ناوخۆ - کۆبوونەوە - هەولێر", []),
    ("سيارة سريعة وسرير مريح", []),
    ("عدد محدود من المقاعد", []),
    ("وقت محدود للعرض فقط", []),
    ("محدود الدخل يستحق الدعم", []),
    ("هذه معلومات سرية جدا", []),
    ("أسرار الطبخ العراقي", []),
    ("secret recipe for dolma", []),
    ("وزارة الداخلية تعلن القبض على عصابة", []),
    ("رئيس جمهورية العراق يستقبل السفير", []),
    ("بلغ العدد الكلي للزوار 21 مليون زائر", []),
    ("العدد 45 من مجلة الاسبوع", []),
    ("التاريخ: 2023/5/1\nسعر الدولار 1500", []),
    ("تاريخ العراق القديم", []),
    ("Ministry of Health: vaccination campaign starts Sunday", []),
    ("قسم الصيانة - الجزائر 07801010951\nقسم الصيانة - الزبير 07801010957", []),
    ("وزارة الصحة: تسجيل 50 اصابة جديدة", []),
]


@pytest.mark.parametrize(("text", "values"), ROWS)
def test_state_document_spans(text: str, values: list[str]) -> None:
    assert found_spans(STATE, text) == spans(text, *values)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (LETTERHEAD, "letterhead,ref,date"),
        (ENGLISH, "letterhead,ref,date,classification"),
        (ONE_LINE_AR, "letterhead,ref,date,classification"),
        (ONE_LINE_EN, "letterhead,ref,date,classification"),
        (ONE_LINE_KRG, "letterhead,ref,classification"),
        ("سري للغاية", "classification"),
        ("محدود", "classification"),
        ("العدد 123 التاريخ 2023/1/1\nاعلان للعموم", "ref,date,public"),
        ("جمهورية العراق\nوزارة التربية\nتعلن المديرية عن موعد الامتحانات", "letterhead,public"),
        # "until further notice" in the body is no public notice
        (
            ENGLISH + "\n\nTo: all units\nAll leave is suspended until further notice.",
            "letterhead,ref,date,classification",
        ),
        (
            KRG + "\n\nبۆ/ نووسینگەی وەزیر\nمۆڵەت ڕادەگیرێت تا ئاگاداری دووەم.",
            "letterhead,ref,date,classification",
        ),
        (
            LETTERHEAD + "\n\nالى/ كافة التشكيلات\nتوقف الاجازات حتى اشعار اخر",
            "letterhead,ref,date",
        ),
    ],
)
def test_why_lists_marker_kinds(text: str, why: str) -> None:
    (finding,) = find(STATE, text)
    assert finding.why == why


def test_classification_and_letterhead_score_high() -> None:
    assert find(STATE, LETTERHEAD)[0].score >= 0.85
    assert find(STATE, "سري للغاية")[0].score >= 0.85


class TestStateDocumentContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = STATE
    samples = (LETTERHEAD, KRG, ENGLISH, "سري للغاية")
