"""Identifiers framed as a third party's, with no name (policy clause 2, severity low).

"هذا رقمه", "his number", "ژمارەکەی": the possessive is what makes a bare number someone's.
These messages never contain a name or a second identifier.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from leakwatch.synth.attrs import write_value
from leakwatch.synth.context import Ctx, MsgLang
from leakwatch.synth.persons import Person
from leakwatch.synth.templates.base import Template, signoff
from leakwatch.synth.truth import Fact

_KINDS = ("phone", "national_id", "passport", "iban", "card", "civil_id", "residence")
_WEIGHTS = (45, 12, 10, 10, 10, 8, 5)

_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "ar": {
        "phone": (
            "هذا رقمه: ",
            "رقمه ",
            "رقم النصاب ",
            "هذا رقم الشخص اللي يبتز البنات: ",
            "رقم تلفونه ",
            "رقمها ",
        ),
        "national_id": ("رقم بطاقته الوطنية ", "هذا رقمه الوطني: "),
        "passport": ("رقم جوازه ", "جوازه رقم "),
        "iban": ("رقم حسابه ", "حساب النصاب: ", "الآيبان مال النصاب: "),
        "card": ("رقم بطاقته ", "كي كارد النصاب: "),
        "civil_id": ("رقم هويته ", "هوية أحواله "),
        "residence": ("رقم بطاقة سكنه ",),
    },
    "ku": {
        "phone": ("ژمارەکەی ", "ئەمە ژمارەکەیەتی: ", "ژمارەی فێڵبازەکە: "),
        "national_id": ("ژمارەی کارتی نیشتمانییەکەی ",),
        "passport": ("ژمارەی پاسپۆرتەکەی ",),
        "iban": ("ژمارەی حسابەکەی ",),
        "card": ("ژمارەی کارتەکەی ",),
        "civil_id": ("ژمارەی ناسنامەکەی ",),
        "residence": ("کارتی نیشتەجێبوونەکەی ",),
    },
    "en": {
        "phone": (
            "his number ",
            "this is his number: ",
            "her number is ",
            "the scammer's number: ",
        ),
        "national_id": ("his national ID ",),
        "passport": ("his passport no. ",),
        "iban": ("his IBAN ", "the scammer's account: "),
        "card": ("his card number ",),
        "civil_id": ("his civil ID ",),
        "residence": ("his residence card ",),
    },
}
_INTRO = {
    "ar": ("انتبهوا يا جماعة", "تحذير ⚠️", "واحد دا يتحرش بالبنات", "نصاب جديد", "دا يبتز الناس"),
    "ku": ("ئاگاداربن", "⚠️ ئاگاداری", "کەسێک خەڵک هەڵدەخەڵەتێنێت"),
    "en": ("Heads up", "⚠️ Warning", "Someone is scamming people", "Blackmailer alert"),
}
_OUTRO = {
    "ar": ("", " اللي يعرفه يكلمنا", " لا تتعاملون وياه", " ابتزني", " انشروا", " ❌"),
    "ku": ("", " بڵاوی بکەنەوە", " مامەڵەی لەگەڵ مەکەن"),
    "en": ("", " do not send him money", " share", " ❌"),
}
_AFTER = {
    "ar": (" ← هذا رقمه", " ☝️ هذا رقم الشخص اللي ينصب", " 👈 رقمه"),
    "ku": (" ☝️ ئەمە ژمارەکەیەتی", " ← ژمارەکەی"),
    "en": (" ☝️ that's his number", " <- his number"),
}
_NOBODY = Person("", "", "", False, "en")


def _lang(ctx: Ctx) -> str:
    return ctx.cue()


def _value(ctx: Ctx, ident: str) -> None:
    write_value(ctx, ident, _NOBODY)


def inline(ctx: Ctx, ident: str) -> None:
    lang = _lang(ctx)
    ctx.b.add(ctx.pick(_CUES[lang][ident]))
    _value(ctx, ident)
    ctx.b.add(ctx.pick(_OUTRO[lang]))


def headed(ctx: Ctx, ident: str) -> None:
    lang = _lang(ctx)
    ctx.b.add(ctx.pick(_INTRO[lang]) + ctx.br())
    ctx.b.add(ctx.pick(_CUES[lang][ident]))
    _value(ctx, ident)
    signoff(ctx)


def value_first(ctx: Ctx, ident: str) -> None:
    lang = _lang(ctx)
    _value(ctx, "phone")
    ctx.b.add(ctx.pick(_AFTER[lang]))
    del ident


def question(ctx: Ctx, ident: str) -> None:
    ctx.b.add(ctx.pick(("منو يعرف صاحب هذا الرقم؟ رقمه ", "أحد يعرف منو هذا؟ هذا رقمه ")))
    _value(ctx, "phone")
    ctx.b.add(ctx.pick(("", " ضروري", " دا يتصل علينا بالليل")))
    del ident


LAYOUTS: dict[MsgLang, dict[str, Callable[[Ctx, str], None]]] = {
    "ar": {"inline": inline, "headed": headed, "value_first": value_first, "question": question},
    "ku": {"inline": inline, "headed": headed, "value_first": value_first},
    "en": {"inline": inline, "headed": headed, "value_first": value_first},
    "mix": {"inline": inline, "headed": headed},
}


def _write(ctx: Ctx, layout: Callable[[Ctx, str], None]) -> None:
    layout(ctx, ctx.rng.choices(_KINDS, _WEIGHTS)[0])
    ctx.fact(Fact.FRAMED_IDENTIFIER)


def templates() -> list[Template]:
    return [
        Template(
            f"{lang}.framed.{name}", "framed_identifier", lang, "leak", partial(_write, layout=fn)
        )
        for lang, layouts in LAYOUTS.items()
        for name, fn in layouts.items()
    ]
