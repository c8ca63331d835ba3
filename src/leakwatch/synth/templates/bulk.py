"""Bulk records (policy clause 3, critical): two or more person records as a list or a table.

Numbered lists, CSV with a header row, pipe tables, salary sheets, voter rolls and "lists of
collaborators". Columns are drawn per message; every row is a name plus those columns.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from leakwatch.synth.attrs import write_terse, write_value
from leakwatch.synth.context import Ctx, MsgLang
from leakwatch.synth.persons import Person, new_person, write_name
from leakwatch.synth.pools import Lang
from leakwatch.synth.templates.base import Template, signoff
from leakwatch.synth.truth import Fact

_COLUMNS = (
    "phone",
    "address",
    "national_id",
    "dob",
    "civil_id",
    "passport",
    "iban",
    "mother",
    "card",
    "residence",
)
_COL_WEIGHTS = (10, 7, 6, 6, 3, 2, 3, 3, 2, 2)
_HEAD: dict[Lang, dict[str, str]] = {
    "ar": {
        "name": "الاسم",
        "phone": "الهاتف",
        "address": "العنوان",
        "national_id": "الرقم الوطني",
        "dob": "التولد",
        "civil_id": "رقم الهوية",
        "passport": "رقم الجواز",
        "iban": "IBAN",
        "mother": "اسم الأم",
        "card": "رقم البطاقة",
        "residence": "بطاقة السكن",
    },
    "ku": {
        "name": "ناو",
        "phone": "مۆبایل",
        "address": "ناونیشان",
        "national_id": "کارتی نیشتمانی",
        "dob": "لەدایکبوون",
        "civil_id": "ناسنامە",
        "passport": "پاسپۆرت",
        "iban": "IBAN",
        "mother": "ناوی دایک",
        "card": "کارت",
        "residence": "کارتی نیشتەجێبوون",
    },
    "en": {
        "name": "Name",
        "phone": "Phone",
        "address": "Address",
        "national_id": "National ID",
        "dob": "DOB",
        "civil_id": "Civil ID",
        "passport": "Passport",
        "iban": "IBAN",
        "mother": "Mother",
        "card": "Card",
        "residence": "Residence card",
    },
}
_TITLES: dict[Lang, tuple[str, ...]] = {
    "ar": (
        "قائمة أسماء المتعاونين",
        "أسماء الموظفين المشمولين بالتوزيع",
        "أسماء المنتسبين المنقولين",
        "قائمة بأسماء المستفيدين من المنحة",
        "قائمة المتعاونين 👇",
        "بيانات موظفي الدائرة (مسربة)",
        "أسماء المقبولين بالتعيين - غير منشورة",
    ),
    "ku": (
        "لیستی ناوی فەرمانبەران",
        "لیستی ناوی هاوکاران",
        "ناوی وەرگیراوان - بڵاونەکراوە",
        "لیستی کارمەندان",
    ),
    "en": (
        "Employee list (leaked)",
        "List of collaborators",
        "Staff records",
        "Beneficiaries list - internal",
    ),
}


def _columns(ctx: Ctx) -> list[str]:
    count = ctx.rng.choice((1, 2, 2, 3))
    cols: list[str] = []
    while len(cols) < count:
        c = ctx.rng.choices(_COLUMNS, _COL_WEIGHTS)[0]
        if c not in cols:
            cols.append(c)
    return cols


def _rows(ctx: Ctx) -> int:
    r = ctx.rng.random()
    if r < 0.85:
        return ctx.rng.randint(2, 7)
    return ctx.rng.randint(8, 20)


def _lang(ctx: Ctx) -> Lang:
    return ctx.cue()


def numbered(ctx: Ctx) -> None:
    lang = _lang(ctx)
    cols = _columns(ctx)
    ctx.b.add(ctx.pick(_TITLES[lang]) + ctx.br())
    style = ctx.pick(("{}- ", "{}. ", "({}) ", "{}) "))
    sep = ctx.pick((" - ", " / ", " | ", "، " if ctx.base != "en" else ", ", "  "))
    for i in range(1, _rows(ctx) + 1):
        if i > 1:
            ctx.b.add("\n")
        ctx.b.add(ctx.num(style.format(i)))
        person = new_person(ctx)
        write_name(ctx, person, bold=0.0)
        for col in cols:
            ctx.b.add(sep)
            write_terse(ctx, col, person)
    signoff(ctx, 0.1)


def _cell_row(ctx: Ctx, person: Person, cols: list[str], sep: str, quote: bool) -> None:
    write_name(ctx, person, bold=0.0)
    for col in cols:
        ctx.b.add(sep)
        if quote and col == "address":
            ctx.b.add('"')
            write_value(ctx, col, person)
            ctx.b.add('"')
        else:
            write_value(ctx, col, person)


def csv(ctx: Ctx) -> None:
    lang = _lang(ctx)
    cols = _columns(ctx)
    head = _HEAD[lang]
    ctx.b.add(",".join([head["name"], *(head[c] for c in cols)]))
    for _ in range(_rows(ctx)):
        ctx.b.add("\n")
        _cell_row(ctx, new_person(ctx), cols, ",", ctx.base == "en")


def table(ctx: Ctx) -> None:
    lang = _lang(ctx)
    cols = _columns(ctx)
    head = _HEAD[lang]
    number = {"ar": "ت", "ku": "ژ", "en": "#"}[lang]
    ctx.b.add(ctx.pick(_TITLES[lang]) + "\n" if ctx.chance(0.5) else "")
    ctx.b.add("| " + " | ".join([number, head["name"], *(head[c] for c in cols)]) + " |")
    for i in range(1, _rows(ctx) + 1):
        ctx.b.add("\n| " + ctx.num(str(i)) + " | ")
        _cell_row(ctx, new_person(ctx), cols, " | ", False)
        ctx.b.add(" |")


def salary(ctx: Ctx) -> None:
    lang = _lang(ctx)
    work = ctx.num(ctx.pick(ctx.lp.workplaces))
    month = ctx.rng.randint(1, 12)
    head = {
        "ar": f"كشف رواتب منتسبي {work} لشهر {month}",
        "ku": f"لیستی مووچەی مانگی {month} - {work}",
        "en": f"Salary sheet, month {month} - {work}",
    }[lang]
    ctx.b.add(ctx.num(head) + "\n")
    money = {"ar": " الراتب: ", "ku": " مووچە: ", "en": " salary: "}[lang]
    for i in range(1, _rows(ctx) + 1):
        if i > 1:
            ctx.b.add("\n")
        ctx.b.add(ctx.num(f"{i}. "))
        person = new_person(ctx)
        write_name(ctx, person, bold=0.0)
        ctx.b.add(" —" + money + ctx.num(f"{ctx.rng.randint(35, 250) * 10_000:,}") + " — ")
        write_value(ctx, ctx.pick(("iban", "iban", "card")), person)


def voters(ctx: Ctx) -> None:
    school = ctx.rng.randint(1, 60)
    ctx.b.add(ctx.num(f"سجل الناخبين - مركز الاقتراع رقم {school} (نسخة داخلية)") + "\n")
    for i in range(1, _rows(ctx) + 1):
        if i > 1:
            ctx.b.add("\n")
        ctx.b.add(ctx.num(f"{i}- "))
        person = new_person(ctx)
        write_name(ctx, person, bold=0.0)
        ctx.b.add(" / مواليد ")
        write_value(ctx, "dob", person)
        ctx.b.add(" / ")
        write_value(ctx, "address", person)


def collaborators(ctx: Ctx) -> None:
    ctx.b.add(
        ctx.pick(("قائمة المتعاونين في المنطقة ⬇️", "هذولة المتعاونين، انشروا", "أسماء المخبرين"))
        + "\n"
    )
    for i in range(1, _rows(ctx) + 1):
        if i > 1:
            ctx.b.add("\n")
        ctx.b.add(ctx.num(f"{i}- "))
        person = new_person(ctx)
        write_name(ctx, person, bold=0.0)
        ctx.b.add(ctx.pick((" ساكن ", " يسكن ", " بيته ب")))
        write_value(ctx, "address", person)
        if ctx.chance(0.4):
            ctx.b.add(" رقمه ")
            write_value(ctx, "phone", person)


LAYOUTS: dict[MsgLang, dict[str, Callable[[Ctx], None]]] = {
    "ar": {
        "numbered": numbered,
        "csv": csv,
        "table": table,
        "salary": salary,
        "voters": voters,
        "collaborators": collaborators,
    },
    "ku": {"numbered": numbered, "csv": csv, "salary": salary, "table": table},
    "en": {"numbered": numbered, "csv": csv, "table": table, "salary": salary},
    "mix": {"numbered": numbered, "csv": csv},
}


def _write(ctx: Ctx, layout: Callable[[Ctx], None]) -> None:
    layout(ctx)
    ctx.fact(Fact.BULK)


def templates() -> list[Template]:
    return [
        Template(f"{lang}.bulk.{name}", "bulk_records", lang, "leak", partial(_write, layout=fn))
        for lang, layouts in LAYOUTS.items()
        for name, fn in layouts.items()
    ]
