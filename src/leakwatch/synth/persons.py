"""Invented people: name chains as Iraqis and Kurds write them, and their relatives' names.

A name is assembled from pool parts (given, father, grandfather, tribal or family surname, the
occasional بن/بنت or a kunya used as the name) and then decorated the way posts misspell it.
The decorated form is what is written and labelled.
"""

from __future__ import annotations

from dataclasses import dataclass

from leakwatch.entities import EntityType
from leakwatch.synth.context import Ctx
from leakwatch.synth.pools import Lang
from leakwatch.synth.render import add_diacritics, add_tatweel, vary_letters


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a message talks about; `name` is the chain exactly as written."""

    name: str
    given: str
    father: str
    female: bool
    lang: Lang


def decorate(ctx: Ctx, name: str, lang: Lang) -> str:
    """Surface variants: letter forms, tatweel, diacritics (Arabic script only)."""
    if lang == "en":
        return name
    rng = ctx.rng
    if lang == "ar":
        name = vary_letters(name, rng)
        if rng.random() < 0.04:
            name = add_diacritics(name, rng)
    if rng.random() < 0.05:
        name = add_tatweel(name, rng)
    return name


def _chain(ctx: Ctx, lang: Lang, given: str, father: str, female: bool) -> str:
    lp = ctx.pools.of(lang)
    rng = ctx.rng
    parts = [given, father]
    extra = rng.random()
    if lang == "ar":
        if extra < 0.45:
            parts.append(ctx.pick(lp.male))
        if extra < 0.2:
            parts.append(ctx.pick(lp.male))
        if rng.random() < 0.04:
            parts.insert(1, "بنت" if female else "بن")
        if rng.random() < 0.5:
            parts.append(ctx.pick(lp.surnames))
    else:
        if extra < 0.3:
            parts.append(ctx.pick(lp.male))
        if rng.random() < (0.3 if lang == "ku" else 0.5):
            parts.append(ctx.pick(lp.surnames))
    return " ".join(parts)


def new_person(ctx: Ctx, lang: Lang | None = None, female: bool | None = None) -> Person:
    """A private individual with a 2-5 part name in `lang` (the message's base language)."""
    lang = lang or ctx.base
    lp = ctx.pools.of(lang)
    rng = ctx.rng
    if female is None:
        female = rng.random() < 0.3
    given = ctx.pick(lp.female if female else lp.male)
    father = ctx.pick(lp.male)
    if rng.random() < 0.04:
        kunya = {"ar": ("أم " if female else "أبو "), "ku": ("دایکی " if female else "باوکی ")}
        prefix = kunya.get(lang, "Umm " if female else "Abu ")
        name = prefix + ctx.pick(lp.male)
    else:
        name = _chain(ctx, lang, given, father, female)
    return Person(decorate(ctx, name, lang), given, father, female, lang)


def relative(ctx: Ctx, person: Person, relation: str) -> Person:
    """A named relative: children carry the person's given name, siblings the father's."""
    lp = ctx.pools.of(person.lang)
    female = relation in {"wife", "daughter", "sister", "mother"}
    given = ctx.pick(lp.female if female else lp.male)
    if relation in {"son", "daughter"}:
        father = person.given if not person.female else ctx.pick(lp.male)
    elif relation in {"brother", "sister"}:
        father = person.father
    else:
        father = ctx.pick(lp.male)
    parts = [given, father]
    if ctx.chance(0.3):
        parts.append(ctx.pick(lp.male))
    if ctx.chance(0.25):
        parts.append(ctx.pick(lp.surnames))
    return Person(decorate(ctx, " ".join(parts), person.lang), given, father, female, person.lang)


def title_for(ctx: Ctx, person: Person) -> str:
    """An honorific that goes before the name and stays outside its span."""
    lp = ctx.pools.of(person.lang)
    return ctx.pick(lp.female_titles if person.female else lp.titles)


def write_name(ctx: Ctx, person: Person, bold: float = 0.12) -> None:
    """Append the name as a PERSON span, sometimes in Telegram bold."""
    ctx.b.entity(person.name, EntityType.PERSON, "bold" if ctx.chance(bold) else None)
