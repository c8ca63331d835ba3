"""Numbers that are not identifiers (prices, rates, temperatures, dates of exams) and chatter.

Price, weather and schedule posts are hard negatives with no spans at all: a detector that
reads any long digit run as an ID fails here. Chatter is the everyday noise of a channel.
"""

from __future__ import annotations

from collections.abc import Callable

from leakwatch.synth.context import Ctx
from leakwatch.synth.pools import Lang
from leakwatch.synth.templates.base import Family, Template, family_templates, hashtag, signoff


def prices(ctx: Ctx, lang: Lang) -> None:
    per_dollar = ctx.rng.randint(1310, 1620)
    per_100 = per_dollar * 100 + ctx.rng.choice((0, 250, 500, 750))
    gold = ctx.rng.randint(380, 720)
    forms = {
        "ar": (
            f"سعر صرف الدولار {per_dollar} دينار",
            f"💵 أسعار صرف الدولار في بورصة الكفاح اليوم: {per_100:,} دينار لكل 100 دولار",
            f"سعر مثقال الذهب عيار 21 اليوم {gold} ألف دينار، وعيار 18 {gold - 60} ألف",
            f"سعر طبقة البيض {ctx.rng.randint(4, 9)} آلاف دينار"
            f" وكيلو الطماطة {ctx.rng.randint(500, 2000)} دينار",
        ),
        "ku": (
            f"نرخی دۆلار لە هەولێر: 100 دۆلار = {per_100:,} دینار",
            f"نرخی زێڕ: مسقاڵی عەیار 21 بە {gold} هەزار دینار",
        ),
        "en": (
            f"USD/IQD today: 100$ = {per_100:,} IQD",
            f"Gold (21k) is at {gold},000 IQD per mithqal today",
            f"Dollar rate in Baghdad: {per_dollar} dinars",
        ),
    }
    ctx.b.add(ctx.num(ctx.vpick(forms[lang])))
    signoff(ctx, 0.2)


def weather(ctx: Ctx, lang: Lang) -> None:
    lp = ctx.pools.of(lang)
    keys = ctx.rng.sample(sorted(lp.governorates), 3)
    temps = [ctx.rng.randint(-2, 51) for _ in keys]
    if lang == "ar":
        body = "، ".join(f"{lp.gov(k)} {t}" for k, t in zip(keys, temps, strict=True))
        text = f"☀️ درجات الحرارة المتوقعة اليوم: {body} درجة مئوية"
    elif lang == "ku":
        body = "، ".join(f"{lp.gov(k)} {t}" for k, t in zip(keys, temps, strict=True))
        text = f"پلەی گەرما ئەمڕۆ: {body} پلەی سەدی"
    else:
        body = ", ".join(f"{lp.gov(k)} {t}°C" for k, t in zip(keys, temps, strict=True))
        text = f"Today's highs: {body}"
    ctx.b.add(ctx.num(text))


def schedule(ctx: Ctx, lang: Lang) -> None:
    y, m, d = ctx.rng.randint(2019, 2025), ctx.rng.randint(1, 12), ctx.rng.randint(1, 28)
    date = ctx.vpick((f"{y}/{m}/{d}", f"{d}/{m}/{y}"))
    hour = ctx.rng.randint(7, 10)
    forms = {
        "ar": (
            f"وزارة التربية: تبدأ امتحانات السادس الإعدادي يوم {date} الساعة {hour}:00 صباحاً",
            f"تعطيل الدوام الرسمي يوم {date} بمناسبة العيد",
            f"آخر موعد للتقديم على المنحة {date}",
        ),
        "ku": (f"تاقیکردنەوەکانی پۆلی 12 لە {date} دەست پێدەکەن", f"پشووی فەرمی لە {date}"),
        "en": (
            f"Exams start on {date} at {hour}:00",
            f"Public holiday on {date}",
            f"Applications close {date}",
        ),
    }
    ctx.b.add(ctx.num(ctx.vpick(forms[lang])))


_CHAT = {
    "ar": (
        (
            "صباح الخير يا أحلى متابعين",
            "مساء الخير",
            "جمعة مباركة",
            "هلا بيكم",
            "شلونكم يا جماعة",
            "تصبحون على خير",
            "صباح النور",
            "مساء الورد",
            "السلام عليكم",
            "يا هلا بالطيبين",
        ),
        (
            "شنو رأيكم بالجو اليوم؟",
            "اكو كهرباء عدكم؟",
            "الزحمة بالطريق ما طبيعية",
            "منو باقي صاحي؟",
            "ادعولنا بالتوفيق",
            "الامتحانات قربت الله يعين الطلاب",
            "شكو ماكو اليوم؟",
            "ترى القناة راح تنزل تحديثات قريباً",
            "الجو اليوم حار كلش",
            "منو متابعنا من البصرة؟",
            "شاركونا آراءكم بالتعليقات",
            "الانترنت اليوم بطيء",
            "الله يحفظ العراق وأهله",
            "رمضان كريم على الجميع",
            "اليوم عطلة لو دوام؟",
            "صار عدنا 50 ألف متابع شكراً إلكم",
            "نعتذر عن التأخير بالنشر",
            "الماي مقطوع من الصبح",
        ),
        ("🌹", "😂", "❤️", "🙏", "☕", "", "🇮🇶", "🌙", "🔥", "💐"),
    ),
    "ku": (
        (
            "بەیانیتان باش",
            "ئێوارەتان باش",
            "هەینیتان پیرۆز",
            "شەوتان باش",
            "سڵاو هاوڕێیان",
            "سڵاو لە هەمووان",
        ),
        (
            "ئەمڕۆ کەشوهەوا خۆشە",
            "کارەبا هەیە لای ئێوە؟",
            "کێ هێشتا بە ئاگایە؟",
            "دوعامان بۆ بکەن",
            "هەواڵی نوێ بەم زووانە",
            "ئینتەرنێت زۆر خاوە",
            "سوپاس بۆ بەدواداچوونتان",
            "ڕاکانتان بنووسن",
            "ئەمڕۆ پشووە یان دەوام؟",
            "هەوا زۆر گەرمە",
        ),
        ("🌹", "😂", "❤️", "☀️", "", "🙏", "💐"),
    ),
    "en": (
        (
            "Good morning everyone",
            "Good evening",
            "Happy Friday",
            "Hi all",
            "Good night",
            "Hello friends",
        ),
        (
            "what a day",
            "who's still awake?",
            "traffic is crazy today",
            "power cut again...",
            "new updates coming soon",
            "thanks for 10k followers",
            "internet is so slow today",
            "tell us what you think in the comments",
            "it's boiling outside",
            "is tomorrow a holiday?",
        ),
        ("☀️", "😂", "❤️", "🙏", "", "🔥", "👀"),
    ),
}
_CLOCK = {"ar": "الساعة ", "ku": "کاتژمێر ", "en": "it's "}


def chatter(ctx: Ctx, lang: Lang, short: bool = False) -> None:
    greet, body, emoji = _CHAT[lang]
    parts = []
    if not short and ctx.chance(0.7):
        parts.append(ctx.vpick(greet))
    parts.append(ctx.vpick(body))
    if not short and ctx.chance(0.5):
        parts.append(ctx.vpick(body))
    if ctx.chance(0.6):
        parts.append(
            _CLOCK[lang] + ctx.num(f"{ctx.rng.randint(1, 12)}:{ctx.rng.randint(0, 59):02d}")
        )
    text = ctx.vpick((" ", "\n", "، " if lang != "en" else ", ")).join(parts)
    ctx.b.add((text + " " + ctx.vpick(emoji) * ctx.rng.randint(1, 3)).rstrip())
    if ctx.chance(0.2):
        ctx.b.add(" ")
        hashtag(ctx, {"ar": "صباحكم_ورد", "ku": "بەیانی_باش", "en": "goodvibes"}[lang])


NEGATIVES: dict[str, tuple[str, Callable[[Ctx, Lang], None]]] = {
    "prices": ("prices", prices),
    "weather": ("weather", weather),
    "schedule": ("schedule", schedule),
}


def _chatter_short(ctx: Ctx, lang: Lang) -> None:
    chatter(ctx, lang, short=True)


def _media_only(ctx: Ctx, lang: Lang) -> None:
    """A photo or video post with no caption (the exporter writes text "")."""
    del ctx, lang


def _mixed_chatter(ctx: Ctx, fn: Family) -> None:
    fn(ctx, "ar")


CHATTER: dict[str, tuple[str, Family]] = {
    "chatter": ("chatter", chatter),
    "chatter_short": ("chatter", _chatter_short),
    "media": ("media_only", _media_only),
}


def templates() -> list[Template]:
    return [
        *family_templates(NEGATIVES, "negative"),
        *family_templates(CHATTER, "chatter", _mixed_chatter, ("chatter",)),
    ]
