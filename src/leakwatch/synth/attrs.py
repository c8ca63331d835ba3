"""Write a person's private attributes into a message: cue, then the value as a labelled span.

`write_value` appends just the value (labelled with its entity type); `write_attr` adds the cue
word in "label" form ("الهاتف: …") or "prose" form ("ورقمه …"). Workplaces have no entity type
and are written unlabelled: the policy still counts them as an attribute of the named person.
"""

from __future__ import annotations

from typing import Literal

from leakwatch.entities import EntityType
from leakwatch.synth import values
from leakwatch.synth.context import Ctx
from leakwatch.synth.persons import Person, relative, write_name
from leakwatch.synth.phrases import cues
from leakwatch.synth.pools import Lang
from leakwatch.synth.render import emojify

Form = Literal["label", "prose"]

#: Private attributes a bundle can carry (policy clause 1).
ATTRS = (
    "phone",
    "address",
    "national_id",
    "civil_id",
    "passport",
    "residence",
    "dob",
    "mother",
    "family",
    "workplace",
    "iban",
    "card",
    "plate",
    "email",
)
#: Attributes whose value is a name of its own and so needs a cue even in terse layouts.
NEEDS_CUE = frozenset({"mother", "family", "workplace"})
_MALE_RELATIONS = ("wife", "son", "daughter", "brother", "sister")
_FEMALE_RELATIONS = ("husband", "son", "daughter", "brother", "sister")


_SHOP_FORMS = {"ar": (2, 3, 4, 6, 7), "ku": (0, 1, 2, 4, 6), "en": (0, 3, 4, 5)}


def address(ctx: Ctx, lang: Lang | None = None, public: bool = False) -> str:
    """An address phrase, from governorate down to mahalla/zuqaq/dar or a landmark.

    `public` picks the forms shops and venues use (street, landmark), never mahalla/zuqaq/dar.
    """
    lang = lang or ctx.base
    lp = ctx.pools.of(lang)
    rng = ctx.rng
    gov_key, hood = ctx.pick(lp.hoods)
    gov = lp.gov(gov_key)
    mark = ctx.pick(lp.landmarks)
    street = ctx.pick(lp.streets)
    m, z, d = rng.randint(101, 999), rng.randint(1, 99), rng.randint(1, 150)
    r = ctx.pick(_SHOP_FORMS[lang]) if public else rng.randrange(8)
    if lang == "ar":
        near = ctx.pick(("قرب", "قرب", "مقابل", "خلف", "يم", "قريب من", "جوة"))
        forms = (
            f"{gov} - {hood} - م {m} ز {z} د {d}",
            f"{gov}/{hood}/محلة {m} زقاق {z} دار {d}",
            f"{hood} {near} {mark}",
            f"{gov} {hood} {near} {mark}",
            f"{gov} - {hood} - {street}",
            f"{hood} - م {m} - ز {z} - د {d}",
            f"{gov}، {hood}، {near} {mark}",
            f"{hood} {street} {near} {mark}",
        )
    elif lang == "ku":
        forms = (
            f"{gov}، گەڕەکی {hood}، نزیک {mark}",
            f"{gov} - گەڕەکی {hood} - {street}",
            f"گەڕەکی {hood} نزیک {mark}",
            f"{gov}، {hood}، کۆڵانی {z}، خانووی {d}",
            f"{hood} - {street} - نزیک {mark}",
            f"{gov}، گەڕەکی {hood}، کۆڵانی {z}",
            f"{gov} {hood} نزیک {mark}",
            f"گەڕەکی {hood}، {street}، خانووی {d}",
        )
    else:
        forms = (
            f"{gov}, {hood}, near {mark}",
            f"{hood}, {street}, house {d}",
            f"{gov} - {hood} - Mahalla {m}, Zuqaq {z}, House {d}",
            f"{hood}, {gov}",
            f"{gov}, {hood}, {street}",
            f"{hood}, near {mark}",
            f"{gov}, {hood}, Mahalla {m} Alley {z} House {d}",
            f"house {d}, {street}, {hood}, {gov}",
        )
    return ctx.num(forms[r])


def phone_value(ctx: Ctx) -> tuple[str, str | None]:
    """A phone as written, and the Telegram entity type when Telegram would mark it."""
    raw = values.mobile(ctx.rng) if ctx.chance(0.9) else values.landline(ctx.rng)
    if ctx.chance(0.06):
        return ctx.num(emojify(raw, ctx.rng)), None
    text = ctx.num(raw)
    tg = "phone" if text.isascii() and ctx.chance(0.25) else None
    return text, tg


def write_phone(ctx: Ctx) -> None:
    """Append a phone number; an opening "(" before "+964" stays outside the span."""
    text, tg = phone_value(ctx)
    if text.startswith("("):
        ctx.b.add("(")
        text = text[1:]
    ctx.b.entity(text, EntityType.PHONE_NUMBER, tg)


def _latin_pair(ctx: Ctx) -> tuple[str, str]:
    en = ctx.pools.en
    return ctx.pick(en.male), ctx.pick(en.surnames)


def email_value(ctx: Ctx, person: Person | None = None) -> str:
    if person is not None and person.lang == "en":
        first, _, rest = person.name.partition(" ")
        return values.email(ctx.rng, first, rest.split(" ")[-1] if rest else first)
    return values.email(ctx.rng, *_latin_pair(ctx))


def write_value(ctx: Ctx, attr: str, person: Person) -> None:
    """Append the value of `attr` (no cue). Name-valued attributes append a relative's name."""
    b, rng, lang = ctx.b, ctx.rng, ctx.base
    if attr == "phone":
        write_phone(ctx)
    elif attr == "address":
        b.entity(address(ctx), EntityType.ADDRESS)
    elif attr == "national_id":
        b.entity(ctx.num(values.national_id(rng)), EntityType.IQ_NATIONAL_ID)
    elif attr == "civil_id":
        b.entity(ctx.num(values.civil_id(rng, lang)), EntityType.IQ_CIVIL_ID)
    elif attr == "passport":
        b.entity(values.passport(rng), EntityType.IQ_PASSPORT)
    elif attr == "residence":
        b.entity(ctx.num(values.residence_card(rng)), EntityType.IQ_RESIDENCE_CARD)
    elif attr == "dob":
        b.entity(ctx.num(values.birth_date(rng, lang)), EntityType.DATE_OF_BIRTH)
    elif attr == "iban":
        b.entity(values.iban(rng), EntityType.IBAN_CODE)
    elif attr == "card":
        b.entity(values.card(rng), EntityType.CREDIT_CARD, "bank_card" if ctx.chance(0.4) else None)
    elif attr == "plate":
        gov_key = ctx.pick(ctx.lp.hoods)[0]
        b.entity(ctx.num(values.plate(rng, ctx.lp.gov(gov_key), lang)), EntityType.VEHICLE_PLATE)
    elif attr == "email":
        b.entity(
            email_value(ctx, person), EntityType.EMAIL_ADDRESS, "email" if ctx.chance(0.7) else None
        )
    elif attr == "workplace":
        b.add(ctx.num(ctx.pick(ctx.lp.workplaces)))
    elif attr == "mother":
        write_name(ctx, relative(ctx, person, "mother"), bold=0.0)
    else:
        raise ValueError(f"no plain value for {attr!r}")


def _write_cue_then(ctx: Ctx, cue: str, attr: str, person: Person) -> None:
    prefix, _, suffix = cue.partition("|")
    ctx.b.add(prefix)
    write_value(ctx, attr, person)
    ctx.b.add(suffix)


def write_attr(ctx: Ctx, attr: str, person: Person, form: Form) -> None:
    """Append cue + value of one private attribute of `person`."""
    lang = ctx.cue()
    if attr == "family":
        relation = ctx.pick(_FEMALE_RELATIONS if person.female else _MALE_RELATIONS)
        ctx.b.add(ctx.pick(cues(lang, f"rel.{relation}.{form}", person.female)))
        write_name(ctx, relative(ctx, person, relation), bold=0.0)
        return
    _write_cue_then(ctx, ctx.pick(cues(lang, f"{attr}.{form}", person.female)), attr, person)


def write_terse(ctx: Ctx, attr: str, person: Person) -> None:
    """Append an attribute tersely (pipes, CSV cells): the bare value where it speaks for itself."""
    if attr in NEEDS_CUE or attr == "family":
        write_attr(ctx, attr, person, "prose")
    else:
        write_value(ctx, attr, person)
