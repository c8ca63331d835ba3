"""Hard negatives: names without private attributes (policy: clear).

Public figures in their role, news, obituaries (with the funeral venue), election results and
candidate lists, sports, history, cultural events, and public announcements on letterhead.
Every name is a PERSON span; venues are ADDRESS spans; the verdict is still clear.
"""

from __future__ import annotations

from collections.abc import Callable

from leakwatch.entities import EntityType
from leakwatch.synth.attrs import address, write_phone
from leakwatch.synth.context import Ctx
from leakwatch.synth.persons import Person, new_person, relative, write_name
from leakwatch.synth.pools import Lang
from leakwatch.synth.templates.base import Family, Template, family_templates, hashtag, signoff
from leakwatch.synth.templates.documents import letterhead

_ROLES = {
    "ar": (
        "وزير الداخلية",
        "وزير الصحة",
        "وزير التربية",
        "محافظ البصرة",
        "محافظ نينوى",
        "النائب",
        "رئيس مجلس محافظة بغداد",
        "وزير النفط",
        "محافظ كربلاء",
        "السفير العراقي في عمّان",
    ),
    "ku": (
        "وەزیری ناوخۆ",
        "پارێزگاری هەولێر",
        "پەرلەمانتار",
        "وەزیری تەندروستی",
        "پارێزگاری سلێمانی",
    ),
    "en": (
        "Interior Minister",
        "Health Minister",
        "Basra Governor",
        "MP",
        "Erbil Governor",
        "Oil Minister",
    ),
}
_ACTIONS = {
    "ar": (
        "استقبل {role} {name} اليوم وفداً من منظمة الصحة العالمية لبحث سبل التعاون.",
        "أعلن {role} {name} عن إطلاق مشروع لتأهيل شبكات الماء في {gov}.",
        "وجّه {role} {name} بتشكيل لجنة للتحقيق في أسباب انقطاع الكهرباء.",
        "ترأس {role} {name} اجتماعاً موسعاً لمناقشة خطة العام المقبل.",
        "زار {role} {name} محافظة {gov} واطلع على سير العمل في المشاريع المتلكئة.",
    ),
    "ku": (
        "{role} {name} پێشوازی لە شاندێکی ڕێکخراوی تەندروستی جیهانی کرد.",
        "{role} {name} ڕایگەیاند پڕۆژەیەکی نوێ لە {gov} دەست پێدەکات.",
        "{role} {name} سەردانی {gov}ی کرد.",
    ),
    "en": (
        "{role} {name} met a World Health Organization delegation today.",
        "{role} {name} announced a water network project in {gov}.",
        "{role} {name} visited {gov} to inspect delayed projects.",
    ),
}


def _fill(ctx: Ctx, template: str, names: dict[str, Person], **plain: str) -> None:
    """Write `template`, turning each {name*} slot into a PERSON span and the rest into text."""
    rest = template
    while rest:
        i = rest.find("{")
        if i < 0:
            ctx.b.add(rest)
            return
        ctx.b.add(rest[:i])
        j = rest.index("}", i)
        slot = rest[i + 1 : j]
        if slot in names:
            write_name(ctx, names[slot], bold=0.1)
        else:
            ctx.b.add(plain[slot])
        rest = rest[j + 1 :]


def _gov(ctx: Ctx, lang: Lang | None = None) -> str:
    lp = ctx.pools.of(lang or ctx.base)
    return lp.gov(ctx.vpick(lp.hoods)[0])


def public_figure(ctx: Ctx, lang: Lang) -> None:
    _fill(
        ctx,
        ctx.vpick(_ACTIONS[lang]),
        {"name": new_person(ctx, female=False)},
        role=ctx.vpick(_ROLES[lang]),
        gov=_gov(ctx),
    )
    if ctx.chance(0.3):
        ctx.b.add("\n")
        hashtag(ctx, {"ar": "العراق", "ku": "کوردستان", "en": "Iraq"}[lang])
    signoff(ctx, 0.2)


_NEWS = {
    "ar": (
        "فاز الطالب {name} بالمركز الأول في مسابقة الرياضيات الوطنية.",
        "حصلت الطالبة {name} على معدل 100 في امتحانات السادس الإعدادي في {gov}.",
        "توفي المواطن {name} إثر حادث سير على الطريق الدولي قرب {gov}.",
        "أطلق الشاب {name} مبادرة لتنظيف شوارع {gov} بمشاركة العشرات من المتطوعين.",
        "كرّمت نقابة الصحفيين الزميل {name} تقديراً لجهوده في تغطية الأحداث.",
    ),
    "ku": (
        "قوتابی {name} پلەی یەکەمی لە پێشبڕکێی بیرکاری بەدەست هێنا.",
        "گەنجێک بە ناوی {name} هەڵمەتێکی پاککردنەوەی شەقامەکانی {gov} دەستپێکرد.",
        "ڕۆژنامەنووس {name} خەڵاتی ساڵی وەرگرت.",
    ),
    "en": (
        "Student {name} won first place in the national math olympiad.",
        "Local volunteer {name} started a clean-up campaign in {gov}.",
        "Journalist {name} received this year's press award.",
    ),
}


def news(ctx: Ctx, lang: Lang) -> None:
    template = ctx.vpick(_NEWS[lang])
    female = "الطالبة" in template
    _fill(ctx, ctx.num(template), {"name": new_person(ctx, female=female)}, gov=_gov(ctx))


def _venue(ctx: Ctx) -> None:
    ctx.b.entity(address(ctx, public=True), EntityType.ADDRESS)


def obituary(ctx: Ctx, lang: Lang) -> None:
    dead = new_person(ctx)
    if lang == "ar":
        verb = "انتقلت إلى رحمة الله تعالى " if dead.female else "انتقل إلى رحمة الله تعالى "
        ctx.b.add(ctx.vpick(("بسم الله الرحمن الرحيم\n", "", "إنا لله وإنا إليه راجعون\n")) + verb)
        ctx.b.add(
            ctx.vpick(("الحاجة ", "المرحومة ", ""))
            if dead.female
            else ctx.vpick(("الحاج ", "المرحوم ", "السيد ", ""))
        )
        write_name(ctx, dead)
        if ctx.chance(0.5):
            rel = relative(ctx, dead, "son")
            ctx.b.add(
                (" والدة " if dead.female else " والد ") + ctx.vpick(("الأستاذ ", "الدكتور ", ""))
            )
            write_name(ctx, rel)
        ctx.b.add("، وستقام مجالس الفاتحة على روح" + ("ها" if dead.female else "ه") + " في ")
        _venue(ctx)
        ctx.b.add(ctx.vpick((" لمدة ثلاثة أيام.", " بعد صلاة العصر.", ".")))
    elif lang == "ku":
        ctx.b.add("بە داخەوە ")
        write_name(ctx, dead)
        ctx.b.add(" کۆچی دوایی کرد. پرسە لە ")
        _venue(ctx)
        ctx.b.add(" دەگیرێت.")
    else:
        ctx.b.add(ctx.vpick(("With great sorrow we announce that ", "")))
        write_name(ctx, dead)
        ctx.b.add(" passed away. Condolences will be received at ")
        _venue(ctx)
        ctx.b.add(".")


def election(ctx: Ctx, lang: Lang) -> None:
    district = ctx.rng.randint(1, 17)
    head = {
        "ar": f"النتائج الأولية للانتخابات - الدائرة {district} في {_gov(ctx)}:",
        "ku": f"ئەنجامی سەرەتایی هەڵبژاردن - بازنەی {district}:",
        "en": f"Preliminary results, district {district}, {_gov(ctx)}:",
    }[lang]
    ctx.b.add(ctx.num(head))
    unit = {"ar": " صوت", "ku": " دەنگ", "en": " votes"}[lang]
    for i in range(1, ctx.rng.randint(3, 6) + 1):
        ctx.b.add(ctx.num(f"\n{i}- "))
        write_name(ctx, new_person(ctx), bold=0.0)
        ctx.b.add(ctx.num(f" ({ctx.rng.randint(800, 60000):,}{unit})"))


def candidates(ctx: Ctx, lang: Lang) -> None:
    lst = ctx.vpick(
        {
            "ar": ("تحالف النهضة", "ائتلاف البناء", "قائمة الوفاء"),
            "ku": ("لیستی ئاشتی", "لیستی گۆڕان"),
            "en": ("the Renewal Alliance", "the Reform List"),
        }[lang]
    )
    ctx.b.add(
        {
            "ar": f"قائمة مرشحي {lst} في {_gov(ctx)}:",
            "ku": f"کاندیدەکانی {lst}:",
            "en": f"Candidates of {lst}, {_gov(ctx)}:",
        }[lang]
    )
    for i in range(1, ctx.rng.randint(3, 9) + 1):
        ctx.b.add(ctx.num(f"\n{i}. "))
        write_name(ctx, new_person(ctx), bold=0.0)
    signoff(ctx, 0.3)


_TEAMS = {
    "ar": (
        "الزوراء",
        "الشرطة",
        "القوة الجوية",
        "الطلبة",
        "أربيل",
        "دهوك",
        "نفط الوسط",
        "الكرخ",
        "زاخو",
        "النجف",
        "الميناء",
    ),
    "ku": ("هەولێر", "دهۆک", "زاخۆ", "سلێمانی", "براییەتی"),
    "en": ("Al-Zawraa", "Al-Shorta", "Al-Quwa Al-Jawiya", "Erbil SC", "Duhok SC", "Zakho FC"),
}


def sports(ctx: Ctx, lang: Lang) -> None:
    a, b = ctx.rng.sample(_TEAMS[lang], 2)
    s1, s2 = ctx.rng.randint(1, 4), ctx.rng.randint(0, 3)
    minute = ctx.rng.randint(5, 90)
    scorer = new_person(ctx, female=False)
    if lang == "ar":
        ctx.b.add(ctx.num(f"⚽ انتهت مباراة {a} و{b} بنتيجة {s1}-{s2}، وسجل اللاعب "))
        write_name(ctx, scorer)
        ctx.b.add(ctx.num(f" هدف الفوز في الدقيقة {minute}."))
    elif lang == "ku":
        ctx.b.add(ctx.num(f"⚽ یانەی {a} بە ئەنجامی {s1}-{s2} {b}ی بردەوە، یاریزان "))
        write_name(ctx, scorer)
        ctx.b.add(ctx.num(f" لە خولەکی {minute} گۆڵی براوەی تۆمار کرد."))
    else:
        ctx.b.add(f"⚽ {a} beat {b} {s1}-{s2}; ")
        write_name(ctx, scorer)
        ctx.b.add(f" scored the winner in the {minute}th minute.")


_HISTORY = {
    "ar": (
        "في مثل هذا اليوم من عام {year} رحل {name} تاركاً إرثاً أدبياً كبيراً.",
        "في عام {year} افتُتح نصب الحرية في بغداد، ويُذكر معه اسم {name}.",
        "يصادف اليوم ذكرى رحيل {name} الذي توفي عام {year}.",
        "من أقوال {name}: العلم نور. (مقال نُشر عام {year})",
    ),
    "ku": (
        "لە ساڵی {year} {name} کۆچی دوایی کرد.",
        "ئەمڕۆ یادی کۆچی دوایی {name} دەکەینەوە کە لە ساڵی {year} کۆچی کرد.",
    ),
    "en": (
        "On this day in {year}, {name} passed away.",
        "{name}'s work from {year} is still read today.",
    ),
}


def history(ctx: Ctx, lang: Lang) -> None:
    name = ctx.vpick(ctx.pools.of(lang).historic)
    figure = Person(name, "", "", False, lang)
    _fill(
        ctx,
        ctx.vpick(_HISTORY[lang]),
        {"name": figure},
        year=ctx.num(str(ctx.rng.randint(1920, 2010))),
    )


def event(ctx: Ctx, lang: Lang) -> None:
    guest = new_person(ctx)
    day = ctx.vpick(
        {
            "ar": ("الخميس", "السبت", "الجمعة"),
            "ku": ("پێنجشەممە", "شەممە"),
            "en": ("Thursday", "Saturday"),
        }[lang]
    )
    if lang == "ar":
        ctx.b.add(
            f"يقيم بيت الثقافة في {_gov(ctx)} أمسية شعرية "
            + ("للشاعرة " if guest.female else "للشاعر ")
        )
        write_name(ctx, guest)
        ctx.b.add(ctx.num(f" يوم {day} الساعة 6 مساءً. الدعوة عامة."))
    elif lang == "ku":
        ctx.b.add(f"ماڵی ڕۆشنبیری {_gov(ctx)} ئێوارەیەکی شیعری بۆ شاعیر ")
        write_name(ctx, guest)
        ctx.b.add(ctx.num(f" ڕێکدەخات، ڕۆژی {day} کاتژمێر 6. بانگهێشت گشتییە."))
    else:
        ctx.b.add("Poetry evening with ")
        write_name(ctx, guest)
        ctx.b.add(f" at the {_gov(ctx)} culture house, {day} 6 pm. Open to all.")


def notice(ctx: Ctx, lang: Lang) -> None:
    """A public announcement on letterhead: the marker block is labelled, the verdict is clear."""
    ctx.b.add(
        {
            "ar": ctx.vpick(("إعلان\n", "📢 إعلان\n", "إعلان عام\n")),
            "ku": "ئاگاداری گشتی\n",
            "en": "PUBLIC NOTICE\n",
        }[lang]
    )
    letterhead(ctx, lang)
    body = {
        "ar": ctx.vpick(
            (
                "\n\nتعلن الوزارة عن إجراء المقابلات للمتقدمين على التعيين، على الراغبين"
                " مراجعة مقر الدائرة مستصحبين المستمسكات الرسمية.",
                "\n\nتعلن الدائرة عن إطلاق الوجبة الثانية من المنحة الطلابية،"
                " للاطلاع على الأسماء زيارة الموقع الرسمي.",
                "\n\nتعلن المديرية عن عطلة رسمية يوم الأحد المقبل بمناسبة العيد.",
            )
        ),
        "ku": "\n\nوەزارەت ڕادەگەیەنێت کە چاوپێکەوتنی داواکارانی دامەزراندن دەست پێدەکات.",
        "en": "\n\nThe Ministry announces that interviews for applicants will start next week."
        " Applicants should bring their documents.",
    }[lang]
    ctx.b.add(body)
    if ctx.chance(0.4):
        ctx.b.add({"ar": "\nللاستفسار: ", "ku": "\nپەیوەندی: ", "en": "\nInquiries: "}[lang])
        write_phone(ctx)


FAMILIES: dict[str, tuple[str, Callable[[Ctx, Lang], None]]] = {
    "figure": ("public_figure", public_figure),
    "news": ("news", news),
    "obituary": ("obituary", obituary),
    "election": ("election_results", election),
    "candidates": ("candidate_list", candidates),
    "sports": ("sports", sports),
    "history": ("history", history),
    "event": ("event", event),
    "notice": ("public_notice", notice),
}
_MIXED = ("figure", "obituary")


def _mixed(ctx: Ctx, fn: Family) -> None:
    fn(ctx, ctx.base)
    ctx.b.add("\n" + ctx.vpick(("#Iraq", "(translated)", "Source: INA", "#breaking")))


def templates() -> list[Template]:
    return family_templates(FAMILIES, "negative", _mixed, _MIXED)
