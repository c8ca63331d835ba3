"""The families of posts users meet, one table per family (issue 7), end to end through detection.

Each family is a clause or hard negative of the leak policy that posts in the wild reach in a
way the first rules missed; the rows are synthetic, in Arabic, Kurdish and English.
"""

from __future__ import annotations

import pytest

from leakwatch.assess import families
from leakwatch.assess.persons import Spans
from leakwatch.assess.verdict import Assessment, assess
from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.entities import EntityType, Severity, Verdict

ANALYZER = Analyzer(default_recognizers())


def _assess(text: str) -> tuple[Assessment, list[tuple[str, str]]]:
    doc, findings = ANALYZER.analyze(text)
    return assess(text, doc.norm, findings), [(f.entity_type.value, f.text) for f in findings]


def _leak(text: str, severity: Severity, reason: str) -> None:
    result, found = _assess(text)
    assert result.verdict is Verdict.LEAK, (result.reasons, found)
    assert reason in result.reasons, (result.reasons, found)
    assert result.severity is severity, (result.severity, result.reasons, found)


def _clear(text: str) -> None:
    result, found = _assess(text)
    assert result.verdict is Verdict.CLEAR, (result.reasons, found)


# --- e. letterheads written on one line ---------------------------------------------------------
ONE_LINE_LETTERHEADS = [
    (
        "جمهورية العراق - وزارة الداخلية - مديرية شؤون الأفراد - العدد: 1234 - "
        "التاريخ: 2024/3/12 - سري للغاية",
        Severity.CRITICAL,
    ),
    ("جمهورية العراق / وزارة الدفاع / العدد 778 / التاريخ 5/1/2024", Severity.HIGH),
    (
        "REPUBLIC OF IRAQ – Ministry of Interior – Ref: 4471/B – 12/03/2024 – CONFIDENTIAL",
        Severity.CRITICAL,
    ),
    ("Republic of Iraq - Ministry of Health - Ref. No. 221 - Date: 2023-11-02", Severity.HIGH),
    ("حکومەتی هەرێمی کوردستان - وەزارەتی ناوخۆ - ژمارە: 5521 - نهێنی", Severity.CRITICAL),
    ("حکومەتی هەرێمی کوردستان - وەزارەتی پەروەردە - ژمارە: 88 - بەروار: 2024/1/9", Severity.HIGH),
]
# a letter whose body says "until further notice" is no public notice
LETTERS_UNTIL_FURTHER_NOTICE = [
    "Republic of Iraq\nMinistry of Finance\nNo.: 24699\nDate: 6/3/2021\n\nTo: all units\n"
    "All regular leave is suspended until further notice.",
    "حکومەتی هەرێمی کوردستان\nوەزارەتی پێشمەرگە\nژمارە/ 10544/2\n\nبۆ/ نووسینگەی وەزیر\n"
    "مۆڵەتی ئاسایی هەموو فەرمانبەران ڕادەگیرێت تا ئاگاداری دووەم.",
    "جمهورية العراق\nوزارة الداخلية\nالعدد: 4521\nالتاريخ: 2023/7/14\n\nالى/ كافة التشكيلات\n"
    "توقف الاجازات الاعتيادية حتى اشعار اخر",
]
NOT_LETTERHEADS = [
    "اجتماع في وزارة الداخلية - العدد الجديد من المجلة - التاريخ: 2024",
    "وزارة الداخلية - بيان - القبض على عصابة سرقة في بغداد - التفاصيل",
    "Ministry of Interior – press briefing – 12/03/2024 – Baghdad",
    "وەزارەتی ناوخۆ - کۆبوونەوە - هەولێر",
]


@pytest.mark.parametrize(("text", "severity"), ONE_LINE_LETTERHEADS)
def test_one_line_letterhead_is_a_state_document(text: str, severity: Severity) -> None:
    _leak(text, severity, "state_document")
    _, found = _assess(text)
    assert [t for t, _ in found if t == EntityType.STATE_DOCUMENT.value]


@pytest.mark.parametrize("text", LETTERS_UNTIL_FURTHER_NOTICE)
def test_until_further_notice_is_no_public_notice(text: str) -> None:
    _leak(text, Severity.HIGH, "state_document")


@pytest.mark.parametrize("text", NOT_LETTERHEADS)
def test_dashed_news_line_is_no_letterhead(text: str) -> None:
    _clear(text)


# --- a. an identifier framed as a third party's, no name ---------------------------------------
KEYCAP_PHONE = "".join(f"{d}\ufe0f\u20e3" for d in "07701234567")
FRAMED = [
    "رقم الحرامي 07701234567",
    "منو يعرف صاحب هذا الرقم 07811234567 ضروري",
    "هذا رقمه 0770 123 4567 اللي يعرفه يكلمه",
    "هوية الحرامي 199012345678",
    "حساب النصاب IQ98NBIQ850123456789012",
    "رقم الحرامي " + KEYCAP_PHONE,
    "ئەمە ژمارەی دزەکەیە 07501234567",
    "کێ ئەم ژمارەیە دەناسێت؟ 07501234567",
    "ئاگاداربن\nژمارەی فێڵبازەکە: 07509176260",
    "⚠️ ئاگاداری\nژمارەی حسابەکەی IQ98 NBIQ 8501 2345 6789 012",
    "نصاب جديد\nكي كارد النصاب: 5109-5377-3469-6891",
    "أحد يعرف هذا؟ آيبان ماله IQ98NBIQ850123456789012 ضروري",
    "الآيبان مال النصاب: IQ98 NBIQ 8501 2345 6789 012 لا تتعاملون وياه",
    # an identifier noun joined to a culprit or a person word, "this number" doing harm
    "رقم المبتز 07701234567",
    "هاي هوية المتهم 199012345678",
    "هذا حساب الشخص اللي سرقني IQ98NBIQ850123456789012",
    "الرقم هذا يتصل ويهدد البنات 07701234567 انشروه",
    "الرقم 0770 123 4567 يعود لشخص ينتحل صفة ضابط",
    "کارتی ئەو کەسە 4111 1111 1111 1111",
    "ئەم ژمارەیە هی کێیە؟ 07501234567",
    "ئەم ژمارەیە هەڕەشە دەکات لە کچان 07501234567",
    "the blackmailer's number 07701234567",
    "This number keeps harassing my sister: 07701234567",
    "whose number is this? 07701234567",
    "do you know whose number this is: 0780 123 4567",
    "the thief's number: +964 770 123 4567",
    "the scammer's card 4111 1111 1111 1111",
    # the poster's own number and someone else's, in one post: the second is exposed
    "رقمي 07701234567 وهذا رقم الحرامي اللي سرقني 07811234567",
    "my number is 07701234567, and this is the thief's number 07811234567",
]


@pytest.mark.parametrize("text", FRAMED)
def test_identifier_framed_as_someone_elses_is_a_low_leak(text: str) -> None:
    _leak(text, Severity.LOW, "identifier_framed")


@pytest.mark.parametrize(
    "text",
    [
        # a culprit named without an identifier of his: a hotline to report to
        "للإبلاغ عن السراق والحرامية اتصلوا على الخط الساخن 07701234567",
        "Report thieves to the police hotline 07701234567",
        # a person word in an ad: the shop's own contact
        "للاستفسار رقم الشخص المسؤول عن المبيعات 07701234567 - معرض السيارات",
        "For orders call the number of the person in charge 07701234567, delivery available",
        "بۆ ئاگادارکردنەوە لە دزەکان پەیوەندی بە هێڵی گەرمەوە بکەن 07501234567",
    ],
)
def test_a_culprit_word_alone_frames_nothing(text: str) -> None:
    _clear(text)


@pytest.mark.parametrize(
    ("text", "own", "other"),
    [
        ("رقمي 07701234567 وهذا رقم الحرامي 07811234567", "07701234567", "07811234567"),
        ("my number 07701234567 and the thief's number 07811234567", "07701234567", "07811234567"),
        ("ژمارەکەم 07501234567 ئەمە ژمارەی دزەکەیە 07511234567", "07501234567", "07511234567"),
    ],
)
def test_own_contact_and_exposed_contact_stay_apart(text: str, own: str, other: str) -> None:
    doc, findings = ANALYZER.analyze(text)
    spans = Spans(text, doc.norm)
    by_value = {f.text: f for f in findings}
    assert families.own_contact(spans, by_value[own])
    assert not families.own_contact(spans, by_value[other])
    assert families.framed_by_cue(spans, by_value[other])


# --- b. a name with a home address only, or with family and a workplace -------------------------
HOME_OR_FAMILY = [
    ("صاحب محل الموبايلات علي حسين كاظم يسكن في حي الجهاد قرب جامع الرحمن", Severity.HIGH),
    ("The shop owner Ahmed Kareem Hassan lives at Erbil, Ankawa, near the Family Mall",
     Severity.HIGH),
    ("خاوەن دوکان ئاسۆ کەریم مەحمود دەژی لە هەولێر گەڕەکی ئازادی", Severity.HIGH),
    ("علي حسين كاظم بيته بالكرادة قرب ساحة الحرية", Severity.HIGH),
    ("حيدر كريم عباس زوجته زينب علي ويعمل في مديرية مرور بغداد فريق الصيانة", Severity.MEDIUM),
    # the relative named before the person the post is about
    ("⚠️ WARNING: scammer ⚠️\n🔸 Brother: Kareem Waleed Pshtiwan\n"
     "🔸 Full name: Hiba Waleed Al-Hamdani", Severity.MEDIUM),
    ("⚠️ ئاگاداربن لەم کەسە ⚠️\nکچ: هاوژین کەمال\nناوی تەواو: ناسک ئازاد دڵشاد هەورامی",
     Severity.MEDIUM),
    ("انتبهوا\nزوجته: فاطمة جاسم محمد\nالاسم الكامل: حيدر كريم عباس الساعدي", Severity.MEDIUM),
    # a labelled workplace line above the name
    ("⚠️ احذروا من هذا الشخص ⚠️\n🔸 مكان العمل: مركز شرطة السعدون\n🔸 👤 مالك مهند الأسدي",
     Severity.MEDIUM),
    ("▪️ یەکە: پۆلیسی هەولێر\n▪️ ناوی سیانی: مەریەم کاروان ئاوێر\nتکایە شەیری بکەن", Severity.MEDIUM),
    ("Workplace: Basra Education Directorate\nFull name: Omar Khalid Ibrahim\nStay away",
     Severity.MEDIUM),
    # a workplace alone, in the forms posts use
    ("ئەمە ڕوناک ئاکۆ شارەزووری، فەرمانبەرە لە بەڕێوەبەرایەتی باری شارستانی", Severity.MEDIUM),
    ("زهراء عبد السلام الربيعي | دوامها في جامعة بغداد / كلية الهندسة", Severity.MEDIUM),
    ("اسمها ضمياء فرحان عقيل، منتسبة في دائرة صحة ذي قار. انتبهوا منها", Severity.MEDIUM),
    ("Omar Khalid Ibrahim, his wife Noor Abbas, works at the Ministry of Oil IT team",
     Severity.MEDIUM),
    ("کاروان ئەحمەد عومەر ژنەکەی ژیان محەمەد کار دەکات لە فەرمانگەی ئاو، تیمی چاککردنەوە",
     Severity.MEDIUM),
]  # fmt: skip
CLINIC_ADS = [
    "✨ کافێ ڕۆژ بەخێرهاتنتان دەکات\nناونیشان: سلێمانی - گەڕەکی سەرشەقام - شەقامی ۶۰ مەتری\n"
    "📞 +۹۶۴ ۷۹۰ ۰۵۹ ۲۱۴۸",
    # "one of" is no unit
    "کارزان شێرزاد سەرکەوت یەکە لە باشترین یاریزانەکانی ساڵ",
    "عيادة الدكتورة زهرة رزاق\nاختصاص الأطفال\nالعنوان: بغداد حي المعالف قرب المطحنة\n"
    "للحجز: 07801234567",
    "کلینیکی دکتۆر ئاسۆ کامەران\nپسپۆڕی ددان\nناونیشان: گەڕەکی سێمێل نزیک باخی گشتی\n"
    "بۆ کات گرتن: 07701234567",
    "Dr. Sara Ali dental clinic\nAddress: Erbil, Ankawa, near the Family Mall\n"
    "Booking: 07501234567",
]


@pytest.mark.parametrize(("text", "severity"), HOME_OR_FAMILY)
def test_home_address_or_family_and_workplace_is_a_bundle(text: str, severity: Severity) -> None:
    _leak(text, severity, "identity_bundle")


NEWS_PROSE = [
    # family and workplace told in one long paragraph, as news and encyclopedias do
    "وفي عام 1952 انتقل الكاتب سليم داود الحيدري مع زوجته نادية وابنه فراس إلى القاهرة حيث عمل "
    "محررا في صحيفة الأهرام لسنوات طويلة قبل أن يعود إلى بغداد ويؤسس دارا للنشر أصدرت عشرات "
    "الكتب في الأدب والتاريخ",
    "The novelist Karim Yusuf Hadad moved to Paris in 1961 with his wife Leila and their son Sami, "
    "where he taught literature at the Sorbonne for two decades before returning to Baghdad to "
    "found a small publishing house that printed poetry",
]
NOT_NEWS_PROSE = [
    # the same length, but the post says it exposes someone
    ("هذا هو اللي يبتز الناس: سليم داود الحيدري يشتغل بدائرة التقاعد بالكرخ وزوجته نادية "
     "وابنه فراس كلهم بنفس الدائرة وكل معاملة تمر بيهم لازم تدفع حتى تمشي والكل يعرفهم زين "
     "بالمنطقة", Severity.MEDIUM),
    # broken into lines, as exposure posts are
    ("سليم داود الحيدري يشتغل بدائرة التقاعد بالكرخ\nزوجته نادية وابنه فراس بنفس الدائرة\n"
     "كل معاملة تمر بيهم لازم تدفع حتى تمشي والكل يعرفهم زين بالمنطقة وبكل الدوائر اللي حوالينا "
     "وما احد يكدر يحچي", Severity.MEDIUM),
]  # fmt: skip


@pytest.mark.parametrize("text", NEWS_PROSE)
def test_family_and_workplace_in_news_prose_stay_clear(text: str) -> None:
    assert families.news_prose(text)
    _clear(text)


@pytest.mark.parametrize(("text", "severity"), NOT_NEWS_PROSE)
def test_exposure_or_lines_keep_the_family_bundle(text: str, severity: Severity) -> None:
    _leak(text, severity, "identity_bundle")


@pytest.mark.parametrize("text", CLINIC_ADS)
def test_a_clinics_own_address_stays_clear(text: str) -> None:
    _clear(text)


# --- c. lists of customer or delivery records, civil IDs under a plural header ------------------
RECORD_LISTS = [
    "قائمة زبائن التوصيل\nعلي حسين كاظم - 07701234567 - الكرادة\n"
    "زينب عبد الامير جاسم - 07811234567 - المنصور\nحيدر كريم عباس - 07901234567 - الشعلة",
    "طلبات اليوم للتوصيل:\n1. علي حسين كاظم 07701234567\n2. زينب عبد الامير 07811234567",
    "Delivery orders today:\nAhmed Kareem - 07701234567 - Mansour\n"
    "Sara Ali - 07811234567 - Karrada",
    "لیستی کڕیاران\nئاسۆ کەریم مەحمود 07501234567\nژیان محەمەد ئەحمەد 07511234567",
    "الاسم | أرقام الهويات\nعلي حسين كاظم | 00123456\nزينب عبد الامير | 00765432",
    "الاسم، الأرقام الوطنية\nعلي حسين كاظم، 00123456\nزينب عبد الامير، 00765432",
    "Name | National IDs\nAhmed Kareem Hassan | 00123456\nSara Ali Mahmood | 00765432",
    "Name, IDs\nAhmed Kareem Hassan, 1234567\nSara Ali Mahmood, 7654321",
    "ناو | ژمارەی ناسنامەکان\nئاسۆ کەریم مەحمود | 7233144\nژیان محەمەد ئەحمەد | 9288572",
    # "لیستی" is any list in Sorani, not only an electoral one
    "لیستی کارمەندان\n1. ئاسۆ کەریم مەحمود 07501234567\n2. ژیان محەمەد ئەحمەد 07511234567",
    # g. birth dates in a table column
    "ت | الاسم | تولد\n1 | نمير فاضل عواد | 2017\n2 | رغد سامي جليل | 2018/4/2",
    "Name, D.O.B\nAhmed Kareem Hassan, 03/11/1992\nSara Ali Mahmood, 1999",
]
NOT_RECORD_LISTS = [
    "خدمة الزبائن:\nعلي حسين كاظم 07701234567\nحيدر كريم عباس 07811234567",
    "للطلبات والاستفسار:\nالمندوب علي حسين كاظم 07701234567\nالمندوب حيدر كريم عباس 07811234567",
    "مندوبينا في المحافظات:\nعلي حسين كاظم - 07701234567 - بغداد الكرادة\n"
    "حيدر كريم عباس - 07811234567 - البصرة العشار",
    # a party's candidates are public figures
    "کاندیدەکانی لیستی گۆڕان:\n1. ئاسۆ کەریم مەحمود\n2. ژیان محەمەد ئەحمەد\n3. کاروان ئەحمەد",
    # a shop's own branches and its own sales staff
    "فروعنا:\nفرع الكرادة 07701234567\nفرع المنصور 07811234567",
    "للتواصل مع المبيعات:\nالمندوب علي حسين 07701234567\nالمندوب حيدر كريم 07811234567",
    "Our branches:\nMansour branch 07701234567\nKarrada branch 07811234567",
]


@pytest.mark.parametrize("text", RECORD_LISTS)
def test_lists_of_records_are_bulk(text: str) -> None:
    _leak(text, Severity.CRITICAL, "bulk_records")


@pytest.mark.parametrize("text", NOT_RECORD_LISTS)
def test_a_shops_own_contacts_are_not_records(text: str) -> None:
    _clear(text)


# --- d. a private person's "private number" and e-mail ------------------------------------------
PRIVATE = [
    ("Here is the private number of Sarah Jameel Hussein: 07701234567, "
     "her email sarah.jh88@gmail.com", Severity.HIGH, "identity_bundle"),
    ("Private number of Omar Khalid Ibrahim 0780 123 4567 and email omar.k.ibrahim@yahoo.com",
     Severity.HIGH, "identity_bundle"),
    ("This is the private number of the girl who insulted us: 07712345678",
     Severity.LOW, "identifier_framed"),
    ("her personal email is noor.abbas@hotmail.com, contact her there",
     Severity.LOW, "identifier_framed"),
    ("هذا رقمها الخاص 07712345678 البنت اللي سبتنا", Severity.LOW, "identifier_framed"),
    ("ئەمە ژمارەی تایبەتی ئەو کچەیە 07501234567", Severity.LOW, "identifier_framed"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "severity", "reason"), PRIVATE)
def test_private_number_and_email_are_someone_elses(
    text: str, severity: Severity, reason: str
) -> None:
    _leak(text, severity, reason)


@pytest.mark.parametrize(
    "text",
    [
        "For lessons call my private number 07701234567",
        "للحجز على الرقم الخاص بالعيادة 07701234567",
        "Call our private number for orders 07701234567, delivery to all Baghdad",
        "دوکانی ئازادی بۆ مۆبایل، ژمارەی تایبەت بۆ داواکاری 07501234567",
    ],
)
def test_a_private_number_of_ones_own_stays_clear(text: str) -> None:
    _clear(text)


# --- f. contacts published by their owner, and an authority's own notices -----------------------
OWNER_PUBLISHED = [
    # an owner's own lost-ID notice
    "ضاعت هويتي باسمي علي حسين كاظم الرجاء الاتصال بي على الرقم 07701234567",
    "فقدت هوية الاحوال المدنية باسم زينب عبد الامير جاسم، من يجدها يتصل على 07811234567",
    "I lost my ID card in the name of Ahmed Kareem Hassan, please call me on 07701234567",
    "ناسنامەکەم ون بووە بە ناوی ئاسۆ کەریم مەحمود تکایە پەیوەندیم پێوە بکەن 07501234567",
    # a pet for sale: its name is no person's
    "قطة شيرازية اسمها لولو عمرها سنة مطعمة بالكامل 07701234567",
    "Persian kitten, her name is Bella, 2 months old, 07701234567",
    "پشیلەی فارسی ناوی مینا تەمەنی ساڵێکە 07501234567",
    # a tradesman signing with a kunya
    "أبو حسين للكهربائيات 07701234567",
    "ابو علي للتبريد والتكييف - تصليح جميع انواع المبردات 07801234567",
    "Abu Hussein Electric - all repairs 07701234567",
    "ئەبو ئاراس بۆ کارەبا 07501234567",
    # an official wanted notice with its tip line, a ministry's list of top students
    "وزارة الداخلية تعلن عن مطلوب المدعو حيدر كريم عباس للابلاغ الاتصال 07901234567",
    "Ministry of Interior wanted notice: Omar Khalid Ibrahim. Tip line 07701234567",
    "وەزارەتی ناوخۆ: داواکراو ئاسۆ کەریم مەحمود، بۆ ئاگادارکردنەوە 07501234567",
    "وزارة التربية تعلن أسماء الطلبة الأوائل: علي حسين كاظم 99.5 - بغداد الكرخ الاولى، "
    "زينب عبد الامير 99.2 - البصرة",
    "Ministry of Education announces the top students: Ahmed Kareem Hassan 99.1, "
    "Sara Ali Mahmood 98.7",
    "وەزارەتی پەروەردە ناوی خوێندکارانی یەکەم: ئاسۆ کەریم مەحمود 99، ژیان محەمەد ئەحمەد 98",
]
EXPOSED_DESPITE_OWNER_WORDS = [
    # "lost" in a post that exposes someone else
    ("ضاعت فلوسي بسبب النصاب علي حسين كاظم رقمه 07701234567", Severity.HIGH, "identity_bundle"),
    # a pet word used as an insult, with the target's number
    ("هذا الكلب رقمه 07701234567 اتصلوا بيه", Severity.LOW, "identifier_framed"),
    # an insult that names an animal, and a scandal that mentions a ministry and "wanted"
    ("هذا الكلب اسمه علي وبيته في حي الجهاد قرب جامع الرحمن انشروا", Severity.HIGH,
     "identity_bundle"),
    ("فضيحة في وزارة الصحة: الموظف المطلوب علي حسين كاظم يسكن في حي الجهاد قرب جامع الرحمن",
     Severity.HIGH, "identity_bundle"),
    ("Ministry of Health scandal: wanted employee Omar Khalid Ibrahim, his number 07701234567",
     Severity.HIGH, "identity_bundle"),
    # a kunya that is a person, not a trade sign
    ("المدعو أبو حسين يسكن في حي الجهاد قرب جامع الرحمن رقمه 07701234567",
     Severity.HIGH, "identity_bundle"),
]  # fmt: skip


@pytest.mark.parametrize("text", OWNER_PUBLISHED)
def test_owner_published_contacts_are_clear(text: str) -> None:
    _clear(text)


@pytest.mark.parametrize(("text", "severity", "reason"), EXPOSED_DESPITE_OWNER_WORDS)
def test_exposure_wins_over_owner_words(text: str, severity: Severity, reason: str) -> None:
    _leak(text, severity, reason)


@pytest.mark.parametrize(
    "text",
    [
        "انا علي حسين كاظم رقمي 07701234567 والحرامي اسمه حيدر كريم عباس رقمه 07811234567",
        "I am Ahmed Kareem Hassan, my number 07701234567. "
        "The thief is Omar Khalid Ibrahim, his number 07811234567",
        "من ئاسۆ کەریم مەحمود ژمارەکەم 07501234567، فێڵبازەکە کاروان ئەحمەد عومەر ژمارەکەی "
        "07511234567",
    ],
)
def test_the_posters_own_record_is_not_exposed_beside_the_other(text: str) -> None:
    result, found = _assess(text)
    assert result.verdict is Verdict.LEAK, (result.reasons, found)
    assert result.severity is Severity.HIGH, (result.reasons, found)
    assert result.people == 1, (result.reasons, found)


# --- a. framing a line above, or a clause away from the number ---------------------------------
FRAMED_FAR = [
    "هذا رقم الحرامي اللي سرق الدراجة من باب الجامع يوم الجمعة الماضية 🙏\n0771 345 9902",
    "رقم اللي صدم السيارة بالكرادة وانهزم 0790 112 4456 اللي يعرفه يبلغ",
    "انتبهوا هذا الحساب اللي يطلب تحويل الفلوس بحجة الهدايا:\nIQ98 NBIQ 8501 2345 6789 012",
    "ئەمە ژمارەی ئەو کەسەیە کە پارەی خەڵکی دەخوات و وەڵام ناداتەوە\n0750 334 1298",
    "This number is his, the one who sells fake phones at the bazaar: 0770 991 2044",
]
# An institution's own official account: a possessive that is not a third party's.
OWN_OFFICIAL = [
    "مؤسسة الأمل الخيرية تعلن رقم حسابها الرسمي لاستقبال التبرعات:\nIQ98 NBIQ 8501 2345 6789 012",
    "The relief fund's official account for donations: IQ98 NBIQ 8501 2345 6789 012",
]


@pytest.mark.parametrize("text", FRAMED_FAR)
def test_framing_on_the_line_above_or_a_clause_away_is_a_low_leak(text: str) -> None:
    _leak(text, Severity.LOW, "identifier_framed")


@pytest.mark.parametrize("text", OWN_OFFICIAL)
def test_an_institutions_official_account_is_clear(text: str) -> None:
    _clear(text)


# --- f. trades signed with a kunya, cars for sale, authorities' own notices --------------------
OWNER_SIGNS_AND_NOTICES = [
    "🔧 تصليح غسالات وثلاجات بالبيت\nنوصل لكل مناطق الدورة\nأبو مصطفى 0781 220 4471",
    "صباغ بيوت ودهانات حديثة\nالاسطة أبو جاسم 07702233118",
    "چاککردنەوەی بەفرگر و سپلیت لە ماڵەکەتان\nوەستا ئەبو ئاراس 0750 118 2290",
    "للبيع تويوتا كامري 2016 نظيفة\nالرقم بغداد 45120 ج\n07801234599 أبو ليث",
    "مديرية شرطة ديالى: مطلوب للقضاء المتهم الهارب فراس حميد ناصر، على من يملك معلومات عنه "
    "الاتصال بالرقم 07700111222",
    "ئاگاداری لە بەڕێوەبەرایەتی ئاسایشی هەولێر: تۆمەتبار دلێر کەمال ڕەشید داواکراوە، هەرکەسێک "
    "زانیاری هەبێت پەیوەندی بکات بە 0750 111 2233",
    "وزارة الصحة تعلن أسماء المقبولين في الدراسات العليا:\nعلي حسين كاظم\nمريم جبار عودة\n"
    "سجاد فاضل عبد",
]


@pytest.mark.parametrize("text", OWNER_SIGNS_AND_NOTICES)
def test_trade_signs_cars_for_sale_and_authorities_own_notices_are_clear(text: str) -> None:
    _clear(text)


# --- state documents the channel says it got from inside, and markings written out ---------------
LEAKED_LETTERS = [
    # a circular is public unless the channel says the copy came from inside
    ("حصري: تعميم وصل للكروب\nجمهورية العراق\nوزارة الصحة\nالعدد: 4410\nالتاريخ: 2/3/2025\n"
     "يمنع منح الإجازات لحين إشعار آخر", Severity.HIGH),
    # ... even where its body says the allocation is "not to be announced"
    ("نسخة من كتاب المحافظة\nجمهورية العراق\nمحافظة ذي قار\nالعدد: 118\nالتاريخ: 1/4/2025\n"
     "نود إعلامكم بالموافقة على الطلب وعدم الإعلان عنه", Severity.HIGH),
    # markings written out in full
    ("جمهورية العراق\nوزارة النفط\nسري ومكتوم", Severity.CRITICAL),
    ("Republic of Iraq – Ministry of Oil\nNo. 77/2025\nDate 3/3/2025\nLIMITED DISTRIBUTION",
     Severity.CRITICAL),
    ("No. 5512/K\nDate 1/2/2025\nTOP SECRET AND PERSONAL", Severity.CRITICAL),
    # a scan described in words: the stamp and the letter's number
    ('الكتاب عليه ختم "سري للغاية" ويحمل العدد 5190 وموجه إلى مديرية الاستخبارات',
     Severity.CRITICAL),
]  # fmt: skip
NOT_LEAKED_LETTERS = [
    # a marking quoted in news, with no letter number
    'قالت الصحيفة إن الوثيقة تحمل عبارة "سري للغاية" وتتحدث عن خطط الوزارة',
    # the government's own announcement of a holiday
    "ڕاگەیەندراوی فەرمی\nحکومەتی هەرێمی کوردستان\nئەنجومەنی وەزیران\nژمارە: ٢٢٠\n"
    "بەروار: ٢٠٢٥/٣/١\nڕۆژی شەممە پشووی فەرمی دەبێت",
]


@pytest.mark.parametrize(("text", "severity"), LEAKED_LETTERS)
def test_leaked_or_marked_letters_are_state_documents(text: str, severity: Severity) -> None:
    _leak(text, severity, "state_document")


@pytest.mark.parametrize("text", NOT_LEAKED_LETTERS)
def test_quoted_markings_and_own_announcements_stay_clear(text: str) -> None:
    _clear(text)


# --- framing after the number, and the number given to call ------------------------------------
FRAMED_AFTER = [
    "يا جماعة هذا الرقم 0772 118 4093 رقم الحرامي اللي سرق الدراجة",
    "رقم البياع اللي نصب علينا بالسيارة 👇\n0781 220 4417\nلا تتعاملون وياه",
    "ئەم ژمارەیە هی ئەو کەسەیە کە شەوانە پەیام دەنێرێت\n٠٧٥٠ ٤٤١ ٢٢٠٩",
    "someone's cousin posted this by mistake: 4111 1111 1111 1111",
]
CALL_NUMBERS = [
    "عثرنا على هوية في الكراج، صاحبها يراجع مكتب الأمانات\nللاتصال بمكتب الكراج 0770 441 2209",
    "🍽 چێشتخانەی کاکە ئازاد\nدۆڵمە و کفتە\nهەولێر، شەقامی ٦٠ مەتری\n☎️ ۰۷۵۰ ۲۲۱ ۹۸۴۵",
]


@pytest.mark.parametrize("text", FRAMED_AFTER)
def test_framing_after_the_number_or_in_a_relative_clause(text: str) -> None:
    _leak(text, Severity.LOW, "identifier_framed")


@pytest.mark.parametrize("text", CALL_NUMBERS)
def test_a_number_given_to_call_is_not_exposed(text: str) -> None:
    _clear(text)


# --- a workplace glued to "ب" in Iraqi Arabic ends the name and singles the person out ----------
GLUED_WORKPLACES = [
    ("الموظف كرار سالم بدائرة التقاعد هو اللي يأخر المعاملات", "كرار سالم"),
    ("علي حسن بمستشفى الكندي هو اللي رفض يستقبل المريض", "علي حسن"),
]


@pytest.mark.parametrize(("text", "name"), GLUED_WORKPLACES)
def test_a_glued_workplace_ends_the_name_and_counts(text: str, name: str) -> None:
    _, found = _assess(text)
    assert ("PERSON", name) in found
    _leak(text, Severity.MEDIUM, "identity_bundle")


# --- a public figure's named family are private people ------------------------------------------
PUBLIC_FAMILY = [
    "Fun fact: the minister's son Omar Khalid al-Tamimi and his nephew Saif Raad al-Tamimi "
    "were both appointed as directors last month",
    "النائب عين ابنه مصطفى كريم الجبوري مدير قسم ومرته سهى عادل موظفة بنفس الدائرة",
]
RESULTS_WITH_KUNYA = [
    "ئەنجامی هەڵبژاردن - بازنەی ٣:\n١- باوکی ئاراس (١٢,٤٠٠ دەنگ)\n٢- لانە عوسمان دانا (٢,٩١٣ دەنگ)",
]


@pytest.mark.parametrize("text", PUBLIC_FAMILY)
def test_a_public_figures_named_family_is_exposed(text: str) -> None:
    _leak(text, Severity.MEDIUM, "identity_bundle")


@pytest.mark.parametrize("text", RESULTS_WITH_KUNYA)
def test_a_candidates_kunya_in_results_is_no_family(text: str) -> None:
    _clear(text)


# --- hard negatives: history, family occasions, organisations' accounts, finders, notices -------
STORIES_AND_NOTICES = [
    # history and scripture name families
    "حكم الملك غازي بعد أبيه عام 1933، وخلفه ابنه فيصل تحت وصاية خاله عبد الإله",
    "ئیبراهیم پێغەمبەر (د.خ) کوڕەکەی ئیسماعیلی لەگەڵ دایکی هاجەر بە جێهێشت",
    # a known poet's wife and sons are his story
    "كتب بدر شاكر السياب عن زوجته إقبال وابنه غيلان في رسائله",
    # a wedding invitation: names and a hall
    "💍 ندعوكم لحضور حفل زفاف\nعلي كريم & زهراء حسن\nقاعة الماسة – البصرة، الساعة 7 مساءً",
    # a charity appeal: the child's name and the association's account
    "الطفل حسين عمره 6 سنوات يحتاج عملية\nالتبرع عبر حساب الجمعية IQ60AIBI482481251419285",
    # the finder gives their own number
    "لقيت محفظة بسوق الشورجة 🙏 صاحبها يتصل ويوصفها: 07808 112 340",
    # a car sale where "its owner" is the seller
    "للبيع كيا سبورتاج 2019\nالسعر 18 ورقة\nاتصل على 07805 442 190 — صاحبها",
    # the mukhtar's own notice with his number
    "ئاگاداری موختاری گەڕەکی ئازادی کاک سەروەر ئەحمەد: دابەشکردنی نەوت ڕۆژی شەممە دەبێت. "
    "ژمارەی موختار: 0750 219 4433",
    # a university's own admission list
    "زانکۆی هەولێر — ناوی وەرگیراوانی ماستەر\n١- شیلان عەلی ئەحمەد\n٢- ئاسۆ حەسەن فەرەج\n"
    "٣- ڕێبین قادر محەمەد",
]
DUMPS_AND_QUOTED_LETTERS = [
    ("selling fresh cards ✅\n4111 1111 1111 1111 exp 09/28\n5500 0000 0000 0004 exp 03/27",
     Severity.CRITICAL, "bulk_records"),
    ("صورة من كتاب: جمهورية العراق – وزارة الداخلية – مديرية شؤون الأفراد – العدد 3314 – "
     "التاريخ 2025/5/1 بخصوص نقل منتسبين", Severity.HIGH, "state_document"),
]  # fmt: skip


@pytest.mark.parametrize("text", STORIES_AND_NOTICES)
def test_stories_occasions_and_own_notices_stay_clear(text: str) -> None:
    _clear(text)


@pytest.mark.parametrize(("text", "severity", "reason"), DUMPS_AND_QUOTED_LETTERS)
def test_card_dumps_and_quoted_letterheads_are_leaks(
    text: str, severity: Severity, reason: str
) -> None:
    _leak(text, severity, reason)


def test_pointing_at_someone_undoes_the_occasion() -> None:
    text = (
        "This is the girl from the wedding video. Her name is Hiba Saad, she lives in "
        "Baghdad, Zayouna, near Abu Rami restaurant, her brother's number 0771 209 3345"
    )
    _leak(text, Severity.HIGH, "identity_bundle")
