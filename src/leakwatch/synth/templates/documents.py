"""State documents (policy clause 4): letterhead, number/date and classification markings.

Each block of consecutive marker lines is one STATE_DOCUMENT span (docs/spans.md); a marking
after the body is a separate span. Bodies are administrative prose, optionally naming a person
with private attributes (adds personal_data) or attaching a list of records (bulk).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from leakwatch.entities import EntityType
from leakwatch.synth.attrs import write_terse, write_value
from leakwatch.synth.context import Ctx, MsgLang
from leakwatch.synth.persons import new_person, write_name
from leakwatch.synth.pools import Lang
from leakwatch.synth.templates.base import Template
from leakwatch.synth.truth import ATTRIBUTE_FACT, Fact

MINISTRIES = {
    "ar": (
        "وزارة الداخلية",
        "وزارة الدفاع",
        "وزارة الصحة",
        "وزارة التربية",
        "وزارة المالية",
        "وزارة النفط",
        "وزارة التعليم العالي والبحث العلمي",
        "وزارة الكهرباء",
        "وزارة العدل",
        "وزارة الخارجية",
        "وزارة النقل",
        "وزارة الاتصالات",
    ),
    "ku": (
        "وەزارەتی ناوخۆ",
        "وەزارەتی پێشمەرگە",
        "وەزارەتی تەندروستی",
        "وەزارەتی دارایی",
        "وەزارەتی پەروەردە",
    ),
    "en": (
        "Ministry of Interior",
        "Ministry of Defence",
        "Ministry of Health",
        "Ministry of Finance",
        "Ministry of Oil",
    ),
}
DIRECTORATES = {
    "ar": (
        "مديرية شؤون الأفراد",
        "المديرية العامة للجوازات",
        "مديرية الاستخبارات",
        "الدائرة الإدارية والمالية",
        "مديرية الأمن الداخلي",
        "دائرة التخطيط والمتابعة",
        "مديرية شرطة محافظة البصرة",
        "المديرية العامة للأحوال المدنية",
        "دائرة صحة بغداد الرصافة",
    ),
    "ku": (
        "بەڕێوەبەرایەتی گشتی پۆلیس",
        "بەڕێوەبەرایەتی کارگێڕی",
        "بەڕێوەبەرایەتی ئاسایش",
        "بەڕێوەبەرایەتی پاسپۆرت",
    ),
    "en": (
        "Directorate of Personnel",
        "General Directorate of Passports",
        "Directorate of Intelligence",
    ),
}
CLASSIFICATIONS = {
    "ar": ("سري", "سري للغاية", "سري وشخصي", "محدود"),
    "ku": ("نهێنی", "زۆر نهێنی", "نهێنی و تایبەت"),
    "en": ("SECRET", "TOP SECRET", "CONFIDENTIAL", "RESTRICTED"),
}
_NUMBER_CUE = {
    "ar": ("العدد: ", "العدد/ ", "العدد : "),
    "ku": ("ژمارە: ", "ژمارە/ "),
    "en": ("No.: ", "Ref: "),
}
_DATE_CUE = {
    "ar": ("التاريخ: ", "التاريخ/ ", "التاريخ : "),
    "ku": ("بەروار: ", "بەروار/ "),
    "en": ("Date: ",),
}
_TO = {
    "ar": ("إلى/ ", "الى/ ", "إلى / "),
    "ku": ("بۆ/ ",),
    "en": ("To: ",),
}
_ADDRESSEES = {
    "ar": (
        "كافة التشكيلات",
        "مديرية الاستخبارات",
        "مكتب السيد الوزير",
        "قسم الموارد البشرية",
        "مقر الفرقة الخامسة",
    ),
    "ku": ("هەموو بەشەکان", "نووسینگەی وەزیر", "بەشی کارگێڕی"),
    "en": ("all units", "the Minister's office", "Human Resources"),
}
_SUBJECTS = {
    "ar": (
        "م/ تعميم",
        "م/ إجراءات أمنية",
        "م/ نقل",
        "م/ معلومات",
        "م/ تأجيل الإجازات",
        "م/ تخصيص مبالغ",
        "م/ تدقيق",
    ),
    "ku": ("بابەت/ ڕێنمایی", "بابەت/ گواستنەوە", "بابەت/ زانیاری"),
    "en": ("Subject: instructions", "Subject: transfer", "Subject: information"),
}
_BODY = {
    "ar": (
        "إشارة إلى كتابكم المرقم {n} في {d} نود إعلامكم بضرورة الالتزام بالتعليمات أعلاه.",
        "نرفق لكم طياً نسخة من محضر الاجتماع للتفضل بالاطلاع واتخاذ ما يلزم.",
        "تقرر إيقاف الإجازات الاعتيادية لكافة المنتسبين اعتباراً من تاريخه ولحين إشعار آخر.",
        "يرجى تزويدنا بالمعلومات المطلوبة خلال مدة أقصاها ثلاثة أيام.",
        "تم تخصيص مبلغ قدره {m} دينار لتأهيل البناية وفق الكشف المرفق.",
    ),
    "ku": (
        "بە پێی نووسراوی ژمارە {n} لە {d} ڕێنماییەکان جێبەجێ بکرێن.",
        "هاوپێچ کۆپی کۆبوونەوەکەتان بۆ دەنێرین بۆ ئاگاداربوون.",
        "مۆڵەتی ئاسایی هەموو فەرمانبەران ڕادەگیرێت تا ئاگاداری دووەم.",
    ),
    "en": (
        "With reference to your letter no. {n} of {d}, the above instructions must be followed.",
        "Attached is a copy of the meeting minutes for your information and action.",
        "All regular leave is suspended until further notice.",
    ),
}
_CLOSING = {
    "ar": ("مع التقدير.", "للتفضل بالاطلاع ... مع التقدير", "مع فائق الاحترام"),
    "ku": ("لەگەڵ ڕێزدا",),
    "en": ("Regards,",),
}
_SIGN_ROLE = {
    "ar": ("المدير العام", "مدير شؤون الأفراد", "معاون المدير", "آمر الفوج"),
    "ku": ("بەڕێوەبەری گشتی", "بەڕێوەبەر"),
    "en": ("Director General", "Director"),
}


def _date(ctx: Ctx) -> str:
    y, m, d = ctx.rng.randint(2015, 2024), ctx.rng.randint(1, 12), ctx.rng.randint(1, 28)
    return ctx.num(ctx.pick((f"{y}/{m}/{d}", f"{d}/{m}/{y}", f"{y}-{m:02d}-{d:02d}")))


def _number(ctx: Ctx, lang: Lang) -> str:
    n = ctx.rng.randint(100, 99999)
    forms = (f"{n}", f"{n}", f"ش/{n}", f"{n}/ت", f"س/ {n}") if lang == "ar" else (f"{n}", f"{n}/2")
    return ctx.num(ctx.pick(forms))


def letterhead(ctx: Ctx, lang: Lang, classification: str | None = None) -> None:
    """Write one block of marker lines and label it as a single STATE_DOCUMENT span."""
    lines: list[str] = []
    if lang == "ar":
        if ctx.chance(0.15):
            lines += ["جمهورية العراق", "رئاسة مجلس الوزراء", "الأمانة العامة لمجلس الوزراء"]
        else:
            lines += ["جمهورية العراق", ctx.pick(MINISTRIES["ar"])]
            if ctx.chance(0.7):
                lines.append(ctx.pick(DIRECTORATES["ar"]))
    elif lang == "ku":
        lines.append(ctx.pick(("هەرێمی کوردستان - عێراق", "هەرێمی کوردستانی عێراق")))
        lines.append("حکومەتی هەرێمی کوردستان")
        lines.append(ctx.pick(MINISTRIES["ku"]))
        if ctx.chance(0.6):
            lines.append(ctx.pick(DIRECTORATES["ku"]))
    else:
        lines += ["Republic of Iraq", ctx.pick(MINISTRIES["en"])]
        if ctx.chance(0.5):
            lines.append(ctx.pick(DIRECTORATES["en"]))
    number = ctx.pick(_NUMBER_CUE[lang]) + _number(ctx, lang)
    date = ctx.pick(_DATE_CUE[lang]) + _date(ctx)
    if ctx.chance(0.2):
        lines.append(number + "    " + date)
    else:
        lines += [number, date] if ctx.chance(0.9) else [number]
    if classification is not None:
        lines.insert(0 if ctx.chance(0.6) else len(lines), classification)
    start = ctx.b.pos
    ctx.b.add("\n".join(lines))
    ctx.b.label(EntityType.STATE_DOCUMENT, start, ctx.b.pos)


def _marking_line(ctx: Ctx, text: str) -> None:
    start = ctx.b.pos
    ctx.b.add(text)
    ctx.b.label(EntityType.STATE_DOCUMENT, start, ctx.b.pos)


def _opening(ctx: Ctx, lang: Lang) -> None:
    ctx.b.add(
        "\n\n"
        + ctx.pick(_TO[lang])
        + ctx.pick(_ADDRESSEES[lang])
        + "\n"
        + ctx.pick(_SUBJECTS[lang])
        + "\n"
    )


def _body(ctx: Ctx, lang: Lang) -> None:
    text = ctx.pick(_BODY[lang]).format(
        n=ctx.rng.randint(100, 9999), d=_date(ctx), m=f"{ctx.rng.randint(5, 900)},000,000"
    )
    ctx.b.add(ctx.num(text))


def _closing(ctx: Ctx, lang: Lang) -> None:
    ctx.b.add("\n" + ctx.pick(_CLOSING[lang]))
    if ctx.chance(0.5):
        ctx.b.add("\n")
        lp = ctx.pools.of(lang)
        if ctx.chance(0.5):
            ctx.b.add(ctx.pick(lp.ranks) + " ")
        write_name(ctx, new_person(ctx, lang, female=False), bold=0.0)
        ctx.b.add("\n" + ctx.pick(_SIGN_ROLE[lang]))


def _personal(ctx: Ctx, lang: Lang) -> None:
    """A named person with attributes inside the body."""
    person = new_person(ctx, lang)
    lp = ctx.pools.of(lang)
    r = ctx.rng.random()
    if r < 0.35:
        rank = ctx.pick(lp.ranks)
        ctx.b.add(
            {
                "ar": f"تقرر نقل {rank} (",
                "ku": f"بڕیار درا {rank} (",
                "en": f"It was decided to transfer {rank} ",
            }[lang]
        )
        write_name(ctx, person, bold=0.0)
        ctx.b.add({"ar": ") من ", "ku": ") لە ", "en": " from "}[lang])
        write_value(ctx, "workplace", person)
        ctx.b.add({"ar": " إلى ", "ku": " بگوازرێتەوە بۆ ", "en": " to "}[lang])
        write_value(ctx, "workplace", person)
        ctx.b.add(".")
        ctx.fact(Fact.WEAK_WITH_NAME)
    elif r < 0.75:
        attrs = ctx.rng.sample(
            ("dob", "address", "national_id", "phone", "mother"), ctx.rng.randint(1, 3)
        )
        ctx.b.add({"ar": "المدعو (", "ku": "ناوبراو (", "en": "The subject, "}[lang])
        write_name(ctx, person, bold=0.0)
        ctx.b.add({"ar": ")", "ku": ")", "en": ","}[lang])
        cue = {
            "ar": {
                "dob": " تولد ",
                "address": " والساكن في ",
                "national_id": " رقم البطاقة الوطنية ",
                "phone": " رقم هاتفه ",
                "mother": " وأمه ",
            },
            "ku": {
                "dob": " لەدایکبووی ",
                "address": " نیشتەجێی ",
                "national_id": " کارتی نیشتمانی ",
                "phone": " مۆبایل ",
                "mother": " دایکی ",
            },
            "en": {
                "dob": " born ",
                "address": " residing at ",
                "national_id": " national ID ",
                "phone": " phone ",
                "mother": " mother ",
            },
        }[lang]
        for a in attrs:
            ctx.b.add(cue[a])
            write_value(ctx, a, person)
            ctx.fact(ATTRIBUTE_FACT[a])
        ctx.b.add(
            {"ar": " مطلوب لدى جهاتنا.", "ku": " داواکراوە.", "en": " is wanted for questioning."}[
                lang
            ]
        )
    else:
        ctx.b.add(
            {"ar": "أدناه أسماء المنتسبين:", "ku": "ناوی فەرمانبەران:", "en": "Names below:"}[lang]
        )
        col = ctx.pick(("national_id", "phone", "dob", "civil_id"))
        for i in range(1, ctx.rng.randint(2, 6) + 1):
            ctx.b.add("\n" + ctx.num(f"{i}- "))
            row = new_person(ctx, lang)
            write_name(ctx, row, bold=0.0)
            ctx.b.add(" - ")
            write_terse(ctx, col, row)
        ctx.fact(Fact.BULK)


def document(ctx: Ctx, lang: Lang, classified: bool, personal: bool, bottom: bool = False) -> None:
    marking = ctx.pick(CLASSIFICATIONS[lang]) if classified else None
    letterhead(ctx, lang, None if bottom else marking)
    _opening(ctx, lang)
    if personal:
        _personal(ctx, lang)
        ctx.b.add("\n")
    _body(ctx, lang)
    _closing(ctx, lang)
    if bottom and marking is not None:
        ctx.b.add("\n\n")
        _marking_line(ctx, marking)
    ctx.fact(Fact.CLASSIFIED_DOC if classified else Fact.DOCUMENT)


def mixed_krg(ctx: Ctx, personal: bool) -> None:
    """A Kurdistan Region letterhead over an Arabic body, as many KRG letters are."""
    letterhead(ctx, "ku")
    _opening(ctx, "ar")
    if personal:
        _personal(ctx, "ar")
        ctx.b.add("\n")
    _body(ctx, "ar")
    _closing(ctx, "ar")
    ctx.fact(Fact.DOCUMENT)


_Writer = Callable[[Ctx], None]


def _variants() -> list[tuple[str, MsgLang, str, _Writer]]:
    out: list[tuple[str, MsgLang, str, _Writer]] = []
    for lang in ("ar", "ku", "en"):
        out.append(
            (
                f"{lang}.doc.plain",
                lang,
                "state_document",
                partial(document, lang=lang, classified=False, personal=False),
            )
        )
        out.append(
            (
                f"{lang}.doc.classified",
                lang,
                "state_document_classified",
                partial(document, lang=lang, classified=True, personal=False),
            )
        )
        out.append(
            (
                f"{lang}.doc.personal",
                lang,
                "state_document_personal",
                partial(document, lang=lang, classified=False, personal=True),
            )
        )
    out += [
        ("ar.doc.plain_short", "ar", "state_document", _short_plain),
        (
            "ar.doc.classified_bottom",
            "ar",
            "state_document_classified",
            partial(document, lang="ar", classified=True, personal=False, bottom=True),
        ),
        ("ar.doc.classified_marking_only", "ar", "state_document_classified", _marking_only),
        (
            "ar.doc.personal_classified",
            "ar",
            "state_document_personal",
            partial(document, lang="ar", classified=True, personal=True),
        ),
        (
            "ar.doc.personal_bottom",
            "ar",
            "state_document_personal",
            partial(document, lang="ar", classified=True, personal=True, bottom=True),
        ),
        (
            "ku.doc.personal_classified",
            "ku",
            "state_document_personal",
            partial(document, lang="ku", classified=True, personal=True),
        ),
        ("mix.doc.krg_arabic", "mix", "state_document", partial(mixed_krg, personal=False)),
        (
            "mix.doc.krg_arabic_personal",
            "mix",
            "state_document_personal",
            partial(mixed_krg, personal=True),
        ),
    ]
    return out


def _short_plain(ctx: Ctx) -> None:
    """A leaked letter's header pasted with one line of comment."""
    ctx.b.add(ctx.pick(("وثيقة مسربة 👇", "كتاب رسمي وصلنا:", "شوفوا هالكتاب")) + "\n")
    letterhead(ctx, "ar")
    _opening(ctx, "ar")
    _body(ctx, "ar")
    ctx.fact(Fact.DOCUMENT)


def _marking_only(ctx: Ctx) -> None:
    """A classified marking with body text and no letterhead (a cropped scan's OCR)."""
    _marking_line(ctx, ctx.pick(CLASSIFICATIONS["ar"]))
    ctx.b.add("\n")
    _body(ctx, "ar")
    ctx.b.add("\n" + ctx.pick(("(صورة الكتاب مرفقة)", "#وثائق", "")))
    ctx.fact(Fact.CLASSIFIED_DOC)


def templates() -> list[Template]:
    return [Template(tid, kind, lang, "leak", fn) for tid, lang, kind, fn in _variants()]
