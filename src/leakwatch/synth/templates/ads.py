"""Hard negatives: contacts published by their owners (policy: clear).

Shop and restaurant ads, for-sale and property posts, a doctor's clinic, a private tutor, job
posts with an HR address, service ads, institutions' hotlines and a candidate's campaign office.
Phones, addresses, names and e-mails here are still labelled: a phone number is a phone number.
"""

from __future__ import annotations

from collections.abc import Callable

from leakwatch.entities import EntityType
from leakwatch.synth import values
from leakwatch.synth.attrs import address, write_phone
from leakwatch.synth.context import Ctx
from leakwatch.synth.persons import new_person, write_name
from leakwatch.synth.pools import Lang
from leakwatch.synth.templates.base import Family, Template, family_templates, hashtag, signoff


def phone(ctx: Ctx) -> None:
    write_phone(ctx)


def place(ctx: Ctx) -> None:
    ctx.b.entity(address(ctx, public=True), EntityType.ADDRESS)


def _gov(ctx: Ctx) -> str:
    return ctx.lp.gov(ctx.vpick(ctx.lp.hoods)[0])


_SHOPS = {
    "ar": (
        "مطعم الريف",
        "أسواق النخيل",
        "معجنات الشام",
        "صالون لمسات",
        "محل الأمل للموبايلات",
        "مخبز الفرات",
        "كافيه ليالي",
        "صيدلية النور",
        "مطعم ومشويات السلطان",
        "أسواق الهدى المركزية",
    ),
    "ku": (
        "چێشتخانەی گوندەکە",
        "فرۆشگای نەورۆز",
        "کافێ ڕۆژ",
        "نانەواخانەی شار",
        "سوپەرمارکێتی هەولێر",
        "دەرمانخانەی ژیان",
    ),
    "en": (
        "Golden Grill Restaurant",
        "City Mobile Store",
        "Ankawa Bakery",
        "Sunrise Cafe",
        "Royal Pharmacy",
        "Green Valley Market",
    ),
}
_WELCOME = {
    "ar": (
        "يرحب بزبائنه الكرام",
        "افتتاح الفرع الجديد 🎉",
        "عروض نهاية الأسبوع 🔥",
        "خصم 20% بمناسبة الافتتاح",
        "",
    ),
    "ku": ("بەخێرهاتنتان دەکات", "کردنەوەی لقی نوێ 🎉", "داشکاندنی 20%", ""),
    "en": ("welcomes you", "grand opening 🎉", "weekend offers 🔥", "20% off this week", ""),
}
_ADDR_CUE = {
    "ar": ("العنوان: ", "📍 ", "موقعنا: ", "نقع في "),
    "ku": ("ناونیشان: ", "📍 ", "شوێن: "),
    "en": ("Address: ", "📍 ", "Find us at "),
}
_CALL_CUE = {
    "ar": (
        "للحجز والتوصيل: ",
        "للطلب: ",
        "📞 ",
        "للتواصل واتساب: ",
        "خدمة التوصيل: ",
        "للاستفسار: ",
    ),
    "ku": ("بۆ پەیوەندی: ", "بۆ داواکردن: ", "📞 "),
    "en": ("Call/WhatsApp: ", "Delivery: ", "📞 ", "Orders: "),
}
_HOURS = {
    "ar": ("أوقات الدوام من 9 صباحاً إلى 11 ليلاً", "التوصيل مجاني داخل المنطقة", "مفتوح 24 ساعة"),
    "ku": ("کاتی کار: 9ی بەیانی تا 11ی شەو", "گەیاندنی بێبەرامبەر"),
    "en": ("Open daily 9am-11pm", "Free delivery", "Open 24/7"),
}


def shop(ctx: Ctx, lang: Lang) -> None:
    ctx.b.add(
        ctx.vpick(("🍔 ", "🛒 ", "✨ ", "", ""))
        + ctx.vpick(_SHOPS[lang])
        + " "
        + ctx.vpick(_WELCOME[lang])
        + "\n"
    )
    ctx.b.add(ctx.vpick(_ADDR_CUE[lang]))
    place(ctx)
    ctx.b.add("\n" + ctx.vpick(_CALL_CUE[lang]))
    phone(ctx)
    if ctx.chance(0.3):
        ctx.b.add(ctx.vpick((" - ", " / ", "\n")))
        phone(ctx)
    if ctx.chance(0.5):
        ctx.b.add("\n" + ctx.num(ctx.vpick(_HOURS[lang])))
    signoff(ctx, 0.2)


_ITEMS = {
    "ar": (
        "سيارة كيا سبورتاج 2016 لون أبيض",
        "تويوتا كامري موديل 2014 سنوية جديدة رقم بغداد",
        "آيفون 13 برو ماكس نظيف جداً",
        "مولدة 50 أمبير شغالة",
        "ثلاجة LG مستعملة نظيفة",
        "هيونداي النترا 2019 رقم أربيل",
    ),
    "ku": ("ئۆتۆمبێلی تۆیۆتا 2015", "مۆبایلی سامسۆنگ S22 پاک", "مۆلیدەی 30 ئەمپێر"),
    "en": (
        "Toyota Land Cruiser 2012",
        "iPhone 14, like new",
        "Kia Sorento 2018, clean title",
        "50 kVA generator",
    ),
}


def sale(ctx: Ctx, lang: Lang) -> None:
    price = ctx.num(
        ctx.vpick(
            (
                f"{ctx.rng.randint(5, 40)},500$",
                f"{ctx.rng.randint(150, 950)} ألف"
                if lang == "ar"
                else f"${ctx.rng.randint(200, 900)}",
                f"{ctx.rng.randint(6, 30)},000 $",
            )
        )
    )
    head = {
        "ar": ("للبيع ", "للبيع: ", "🔥 للبيع "),
        "ku": ("بۆ فرۆشتن: ",),
        "en": ("For sale: ", "FOR SALE "),
    }[lang]
    price_cue = {"ar": "السعر ", "ku": "نرخ: ", "en": "price "}[lang]
    ctx.b.add(
        ctx.vpick(head)
        + ctx.num(ctx.vpick(_ITEMS[lang]))
        + ctx.vpick(("، ", "\n", " - "))
        + price_cue
        + price
    )
    if ctx.chance(0.12):
        ctx.b.add({"ar": "، رقم السيارة ", "ku": "، ژمارە ", "en": ", plate "}[lang])
        ctx.b.entity(ctx.num(values.plate(ctx.rng, _gov(ctx), lang)), EntityType.VEHICLE_PLATE)
    ctx.b.add(
        "\n"
        + {"ar": ctx.vpick(("للاستفسار ", "للتواصل: ", "📞 ")), "ku": "پەیوەندی: ", "en": "call "}[
            lang
        ]
    )
    phone(ctx)
    if ctx.chance(0.3):
        ctx.b.add(" ")
        hashtag(ctx, {"ar": "سوق_العراق", "ku": "بازاڕ", "en": "IraqMarket"}[lang])


def property_sale(ctx: Ctx, lang: Lang) -> None:
    size, price = ctx.rng.choice((100, 150, 200, 250, 300, 600)), ctx.rng.randint(90, 900)
    head = {
        "ar": ctx.vpick(("بيت للبيع في ", "قطعة أرض للبيع في ", "شقة للإيجار في ")),
        "ku": ctx.vpick(("خانوو بۆ فرۆشتن لە ", "شوقە بۆ کرێ لە ")),
        "en": ctx.vpick(("House for sale in ", "Apartment for rent in ")),
    }[lang]
    ctx.b.add(head)
    place(ctx)
    tail = {
        "ar": f"\nالمساحة {size} متر، السعر {price} مليون قابل للتفاوض\nللاستفسار ",
        "ku": f"\nڕووبەر {size} مەتر، نرخ {price} هەزار دۆلار\nپەیوەندی: ",
        "en": f"\n{size} m², asking ${price},000\nCall ",
    }[lang]
    ctx.b.add(ctx.num(tail))
    phone(ctx)


_SPECIALTIES = {
    "ar": (
        "الباطنية",
        "الأطفال",
        "طب وجراحة الأسنان",
        "النسائية والتوليد",
        "الجلدية والتجميل",
        "العظام والكسور",
    ),
    "ku": ("ناوەکی", "منداڵان", "ددان", "ئافرەتان و منداڵبوون"),
    "en": ("internal medicine", "pediatrics", "dentistry", "dermatology"),
}


def clinic(ctx: Ctx, lang: Lang) -> None:
    doctor = new_person(ctx)
    if lang == "ar":
        ctx.b.add(
            ctx.vpick(("عيادة ", "🩺 عيادة ", "")) + ("الدكتورة " if doctor.female else "الدكتور ")
        )
        write_name(ctx, doctor, bold=0.3)
        ctx.b.add("\nاختصاص " + ctx.vpick(_SPECIALTIES[lang]) + "\nالعنوان: ")
    elif lang == "ku":
        ctx.b.add("کلینیکی دکتۆر ")
        write_name(ctx, doctor, bold=0.3)
        ctx.b.add("\nپسپۆڕی " + ctx.vpick(_SPECIALTIES[lang]) + "\nناونیشان: ")
    else:
        ctx.b.add("Dr. ")
        write_name(ctx, doctor, bold=0.3)
        ctx.b.add(", " + ctx.vpick(_SPECIALTIES[lang]) + "\nClinic: ")
    place(ctx)
    ctx.b.add({"ar": "\nللحجز: ", "ku": "\nبۆ کات گرتن: ", "en": "\nAppointments: "}[lang])
    phone(ctx)
    ctx.b.add(
        ctx.num(
            {
                "ar": "\nالدوام يومياً من 4 إلى 9 مساءً",
                "ku": "\nڕۆژانە 4 تا 9ی ئێوارە",
                "en": "\nDaily 4-9 pm",
            }[lang]
        )
    )


def tutor(ctx: Ctx, lang: Lang) -> None:
    teacher = new_person(ctx)
    years = ctx.rng.randint(3, 25)
    if lang == "ar":
        subject = ctx.vpick(("الرياضيات", "الفيزياء", "اللغة الإنكليزية", "الكيمياء", "الأحياء"))
        ctx.b.add(
            f"مدرس خصوصي لمادة {subject} للسادس الإعدادي\n"
            + ("الست " if teacher.female else "الأستاذ ")
        )
        write_name(ctx, teacher)
        ctx.b.add(ctx.num(f"، خبرة {years} سنة\nللتواصل "))
    elif lang == "ku":
        ctx.b.add("مامۆستای تایبەت بۆ بیرکاری و فیزیا\nمامۆستا ")
        write_name(ctx, teacher)
        ctx.b.add(ctx.num(f"، {years} ساڵ ئەزموون\nپەیوەندی: "))
    else:
        ctx.b.add("Ms. " if teacher.female else "Mr. ")
        write_name(ctx, teacher)
        ctx.b.add(ctx.num(f", private English tutor, {years} years of experience. WhatsApp "))
    phone(ctx)


_ROLES = {
    "ar": ("محاسب", "مهندس مدني", "موظفة استقبال", "مندوب مبيعات", "سائق", "مبرمج"),
    "ku": ("ژمێریار", "ئەندازیاری شارستانی", "فرۆشیار", "شۆفێر"),
    "en": (
        "Accountant",
        "Civil Engineer",
        "Sales Representative",
        "Software Developer",
        "Receptionist",
    ),
}
_COMPANIES = (
    ("alnoor-group.iq", "مجموعة النور", "کۆمپانیای نوور", "Al-Noor Group"),
    ("rafidain-tech.com", "شركة الرافدين للتقنية", "کۆمپانیای ڕافیدەین", "Rafidain Tech"),
    ("babylon-trading.com", "شركة بابل التجارية", "کۆمپانیای بابل", "Babylon Trading"),
    ("erbil-steel.com", "معمل أربيل للحديد", "کارگەی ئاسنی هەولێر", "Erbil Steel"),
    ("kurdgroup.net", "مجموعة كرد", "گرووپی کورد", "Kurd Group"),
)


def job(ctx: Ctx, lang: Lang) -> None:
    domain, *names = ctx.vpick(_COMPANIES)
    company = names[("ar", "ku", "en").index(lang)]
    mail = ctx.vpick(("hr", "jobs", "careers", "info")) + "@" + domain
    role, gov = ctx.vpick(_ROLES[lang]), _gov(ctx)
    if lang == "ar":
        ctx.b.add(
            f"{ctx.vpick(('مطلوب', 'فرصة عمل:', '📢 مطلوب'))} {role} لـ{company} في {gov}\n"
            "الشروط: خبرة لا تقل عن سنتين\nترسل السيرة الذاتية على "
        )
    elif lang == "ku":
        ctx.b.add(f"هەلی کار: پێویستمان بە {role} هەیە لە {company} لە {gov}\nCV بنێرن بۆ ")
    else:
        ctx.b.add(f"We're hiring: {role} at {company}, {gov}.\nSend your CV to ")
    ctx.b.entity(mail, EntityType.EMAIL_ADDRESS, "email" if ctx.chance(0.7) else None)
    if ctx.chance(0.6):
        ctx.b.add(
            {
                "ar": " أو واتساب الموارد البشرية ",
                "ku": " یان پەیوەندی بکەن بە ",
                "en": " or call HR on ",
            }[lang]
        )
        phone(ctx)
    if ctx.chance(0.3):
        ctx.b.add("\n")
        hashtag(ctx, {"ar": "وظائف", "ku": "هەلی_کار", "en": "jobs"}[lang])


_INSTITUTIONS = {
    "ar": (
        "مديرية شرطة البصرة",
        "دائرة صحة كربلاء",
        "مديرية الدفاع المدني في نينوى",
        "مديرية توزيع كهرباء بغداد",
        "قيادة عمليات بغداد",
        "مديرية ماء الديوانية",
    ),
    "ku": ("پۆلیسی هەولێر", "بەڕێوەبەرایەتی تەندروستی سلێمانی", "بەرگری شارستانی دهۆک"),
    "en": ("Basra Police Directorate", "Karbala Health Directorate", "Erbil Civil Defence"),
}
_SHORT = {
    "ar": (
        "رقم الطوارئ 104",
        "الخط الساخن 911",
        "الدفاع المدني 115",
        "الإسعاف 122",
        "خط الشكاوى 5599",
        "الرقم المجاني 139",
    ),
    "ku": ("ژمارەی فریاکەوتن 104", "هێڵی گەرم 911", "ئاگرکوژێنەوە 115"),
    "en": ("Emergency 104", "Hotline 911", "Ambulance 122", "Complaints line 5599"),
}


def hotline(ctx: Ctx, lang: Lang) -> None:
    inst = ctx.vpick(_INSTITUTIONS[lang])
    ctx.b.add(
        {
            "ar": f"{inst} تعلن أرقام الطوارئ للمواطنين:\n",
            "ku": f"{inst} ژمارەکانی فریاکەوتن ڕادەگەیەنێت:\n",
            "en": f"{inst} emergency numbers:\n",
        }[lang]
    )
    ctx.b.add(ctx.num(ctx.vpick(_SHORT[lang])))
    if ctx.chance(0.85):
        ctx.b.add(
            "\n"
            + {
                "ar": ctx.vpick(("غرفة العمليات: ", "غرفة العمليات ", "رقم الاستعلامات: ")),
                "ku": "ژووری ئۆپەراسیۆن: ",
                "en": "Operations room: ",
            }[lang]
        )
        phone(ctx)
    if ctx.chance(0.5):
        ctx.b.add("\n" + ctx.num(ctx.vpick(_SHORT[lang])))


_LISTS = {
    "ar": ("تحالف النهضة", "ائتلاف البناء", "قائمة الوفاء", "تيار الإصلاح"),
    "ku": ("لیستی ئاشتی", "لیستی گۆڕان"),
    "en": ("the Renewal Alliance", "the Reform List"),
}


def campaign(ctx: Ctx, lang: Lang) -> None:
    cand = new_person(ctx)
    seq = ctx.num(str(ctx.rng.randint(1, 40)))
    lst = ctx.vpick(_LISTS[lang])
    ctx.b.add(
        {"ar": "المرشح" + ("ة " if cand.female else " "), "ku": "کاندید ", "en": "Candidate "}[lang]
    )
    write_name(ctx, cand, bold=0.4)
    ctx.b.add(
        {
            "ar": f" تسلسل {seq} ضمن {lst}\nللتواصل مع مكتب الحملة الانتخابية: ",
            "ku": f" ژمارە {seq} لە {lst}\nبۆ پەیوەندی بە بنکەی هەڵمەتەوە: ",
            "en": f", no. {seq} on {lst}\nCampaign office: ",
        }[lang]
    )
    phone(ctx)
    ctx.b.add({"ar": "\nصوتك أمانة 🗳", "ku": "\nدەنگت ئەمانەتە 🗳", "en": "\nVote! 🗳"}[lang])


_SERVICES = {
    "ar": (
        "صيانة مولدات وسبالت",
        "نقل عفش داخل بغداد",
        "تصليح موبايلات بأسرع وقت",
        "تكسي المطار 24 ساعة",
        "تنظيف منازل وسجاد",
    ),
    "ku": ("چاککردنەوەی سپلیت", "گواستنەوەی کەلوپەل", "تەکسی فڕۆکەخانە"),
    "en": ("AC & generator repair", "Airport taxi 24/7", "Home cleaning service"),
}


def service(ctx: Ctx, lang: Lang) -> None:
    ctx.b.add(
        ctx.vpick(("🔧 ", "🚕 ", "✅ ", ""))
        + ctx.vpick(_SERVICES[lang])
        + ctx.vpick(("\n", " - ", "، "))
    )
    ctx.b.add(
        {
            "ar": ctx.vpick(("اتصل بنا: ", "للحجز ", "📞 ")),
            "ku": "پەیوەندی: ",
            "en": ctx.vpick(("Call ", "📞 ")),
        }[lang]
    )
    phone(ctx)
    if ctx.chance(0.4):
        ctx.b.add(ctx.vpick((" / ", "\n")))
        phone(ctx)


FAMILIES: dict[str, tuple[str, Callable[[Ctx, Lang], None]]] = {
    "shop": ("ad_shop", shop),
    "sale": ("ad_sale", sale),
    "property": ("ad_property", property_sale),
    "clinic": ("ad_clinic", clinic),
    "tutor": ("ad_tutor", tutor),
    "job": ("job_post", job),
    "hotline": ("hotline", hotline),
    "campaign": ("campaign_contact", campaign),
    "service": ("ad_service", service),
}
_MIXED = ("shop", "job")


def _mixed(ctx: Ctx, fn: Family) -> None:
    fn(ctx, ctx.cue_langs[-1])


def templates() -> list[Template]:
    return family_templates(FAMILIES, "negative", _mixed, _MIXED)
