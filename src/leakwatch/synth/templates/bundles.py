"""Identity bundles (policy clause 1): a private person's name with private attributes.

Each (layout, language, attribute profile) is its own template, so the holdout split can keep
whole layouts of a profile unseen. Layouts: a labelled card, a prose sentence, a scam warning, a
terse pipe line, and in Arabic a "who knows him?" question and a hashtag exposure post.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from leakwatch.synth.attrs import ATTRS, write_attr, write_terse
from leakwatch.synth.context import Ctx, MsgLang
from leakwatch.synth.persons import Person, new_person, title_for, write_name
from leakwatch.synth.phrases import cues
from leakwatch.synth.templates.base import Template, hashtag, link, maybe_line, signoff
from leakwatch.synth.truth import ATTRIBUTE_FACT

Layout = Callable[[Ctx, Person, list[str]], None]

#: Label kind -> the attributes it puts next to the name ("bundle_multi" draws 2-5).
PROFILES: dict[str, tuple[str, ...]] = {f"bundle_{a}": (a,) for a in ATTRS if a != "email"}
PROFILES["bundle_multi"] = ()
_MULTI_WEIGHTS = (8, 6, 3, 2, 2, 1, 4, 3, 3, 2, 2, 2, 2, 2)


def _attrs_for(ctx: Ctx, kind: str) -> list[str]:
    fixed = PROFILES[kind]
    if fixed:
        return list(fixed)
    count = ctx.rng.choice((2, 2, 3, 3, 4, 5))
    chosen: list[str] = []
    while len(chosen) < count:
        a = ctx.rng.choices(ATTRS, _MULTI_WEIGHTS)[0]
        if a not in chosen:
            chosen.append(a)
    return chosen


def _name_line(ctx: Ctx, person: Person) -> None:
    ctx.b.add(ctx.pick(cues(ctx.cue(), "name.label", person.female)))
    write_name(ctx, person)


def _named_intro(ctx: Ctx, person: Person) -> None:
    """Intro cue or title before the name; neither is part of the PERSON span."""
    if ctx.chance(0.2):
        ctx.b.add(title_for(ctx, person) + " ")
    else:
        ctx.b.add(ctx.pick(cues(ctx.cue(), "name.intro", person.female)))
    write_name(ctx, person)


def _lines(ctx: Ctx, person: Person, attrs: list[str], bullet: str) -> None:
    order: list[str | None] = list(attrs)
    ctx.rng.shuffle(order)
    order.insert(0 if ctx.chance(0.85) else ctx.rng.randint(0, len(order)), None)
    for i, attr in enumerate(order):
        if i:
            ctx.b.add(ctx.br() + ("\n" if ctx.chance(0.05) else ""))
        ctx.b.add(bullet)
        if attr is None:
            _name_line(ctx, person)
        else:
            write_attr(ctx, attr, person, "label")


def card(ctx: Ctx, person: Person, attrs: list[str]) -> None:
    lang = ctx.cue()
    maybe_line(ctx, cues(lang, "card.header"), 0.5)
    _lines(ctx, person, attrs, ctx.pick(("", "", "▪️ ", "🔹 ", "- ", "• ", "✅ ")))
    maybe_line(ctx, cues(lang, "card.footer"), 0.3, after=True)
    signoff(ctx)


def _prose_body(ctx: Ctx, person: Person, attrs: list[str]) -> None:
    seps = cues(ctx.base, "sep")
    for attr in attrs:
        ctx.b.add(ctx.pick(seps) if ctx.chance(0.85) else " ")
        write_attr(ctx, attr, person, "prose")


def prose(ctx: Ctx, person: Person, attrs: list[str]) -> None:
    lang = ctx.cue()
    ctx.b.add(ctx.pick(cues(lang, "prose.intro")))
    _named_intro(ctx, person)
    _prose_body(ctx, person, attrs)
    ctx.b.add(ctx.pick(cues(lang, "prose.outro")))
    signoff(ctx, 0.1)


def warning(ctx: Ctx, person: Person, attrs: list[str]) -> None:
    lang = ctx.cue()
    ctx.b.add(ctx.pick(cues(lang, "warn.header")) + ctx.br())
    _lines(ctx, person, attrs, ctx.pick(("", "", "🔸 ", "❌ ")))
    ctx.b.add(ctx.br() + ctx.pick(cues(lang, "warn.outro")))
    signoff(ctx)


def pipe(ctx: Ctx, person: Person, attrs: list[str]) -> None:
    sep = ctx.pick(cues(ctx.base, "pipe.sep"))
    write_name(ctx, person)
    for attr in attrs:
        ctx.b.add(sep)
        write_terse(ctx, attr, person)
    if ctx.chance(0.3):
        ctx.b.add(" " + ctx.pick(("❌", "⚠️", "‼️", "🔴")))


def question(ctx: Ctx, person: Person, attrs: list[str]) -> None:
    lang = ctx.cue()
    ctx.b.add(ctx.pick(cues(lang, "qa.header")))
    ctx.b.add(
        ctx.pick(("اسمه ", "هذا ", "")) if not person.female else ctx.pick(("اسمها ", "هاي ", ""))
    )
    write_name(ctx, person)
    _prose_body(ctx, person, attrs)
    ctx.b.add(ctx.pick(cues(lang, "qa.outro")))


def exposure(ctx: Ctx, person: Person, attrs: list[str]) -> None:
    tags = ("فضيحة", "فضائح", "عاجل", "تسريب", "نصاب", "ابتزاز", "العراق")
    for tag in ctx.rng.sample(tags, ctx.rng.randint(1, 3)):
        hashtag(ctx, tag)
        ctx.b.add(" ")
    ctx.b.add(ctx.br())
    if ctx.chance(0.5):
        _named_intro(ctx, person)
        _prose_body(ctx, person, attrs)
    else:
        _lines(ctx, person, attrs, "")
    ctx.b.add(ctx.br() + ctx.pick(("رابط القناة: ", "تابعونا: ", "")))
    link(ctx)


LAYOUTS: dict[MsgLang, dict[str, Layout]] = {
    "ar": {
        "card": card,
        "prose": prose,
        "warning": warning,
        "pipe": pipe,
        "question": question,
        "exposure": exposure,
    },
    "ku": {"card": card, "prose": prose, "warning": warning, "pipe": pipe},
    "en": {"card": card, "prose": prose, "warning": warning, "pipe": pipe},
    "mix": {"card": card, "prose": prose, "warning": warning, "pipe": pipe},
}


def _write(ctx: Ctx, layout: Layout, kind: str) -> None:
    person = new_person(ctx)
    attrs = _attrs_for(ctx, kind)
    layout(ctx, person, attrs)
    for attr in attrs:
        ctx.fact(ATTRIBUTE_FACT[attr])


def templates() -> list[Template]:
    out: list[Template] = []
    for lang, layouts in LAYOUTS.items():
        for name, layout in layouts.items():
            for kind in PROFILES:
                out.append(
                    Template(
                        f"{lang}.{name}.{kind}",
                        kind,
                        lang,
                        "leak",
                        partial(_write, layout=layout, kind=kind),
                    )
                )
    return out
