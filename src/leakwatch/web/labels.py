"""The console's two interface languages: every label in English and Arabic (labels.toml), the
chosen one first and the other beside it, and the page laid out right to left in Arabic.

The choice is a cookie (`lw_lang`), set by the switch in the page header; English by default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape
from starlette.requests import Request

COOKIE = "lw_lang"
LABELS = Path(__file__).with_name("labels.toml")


class Lang(StrEnum):
    EN = "en"
    AR = "ar"

    @property
    def dir(self) -> str:
        return "rtl" if self is Lang.AR else "ltr"

    @property
    def other(self) -> Lang:
        return Lang.EN if self is Lang.AR else Lang.AR


@dataclass(frozen=True, slots=True)
class Label:
    en: str
    ar: str

    def text(self, lang: Lang) -> str:
        return self.ar if lang is Lang.AR else self.en


@cache
def labels() -> dict[str, Label]:
    with LABELS.open("rb") as f:
        table = tomllib.load(f)["labels"]
    return {key: Label(v["en"], v["ar"]) for key, v in table.items()}


def lang_of(request: Request) -> Lang:
    try:
        return Lang(request.cookies.get(COOKIE, Lang.EN.value))
    except ValueError:
        return Lang.EN


def bilingual(key: str, lang: Lang) -> Markup:
    """Label `key` in `lang`, then in the other language beside it (marked up for direction)."""
    label = labels()[key]  # an unknown key is a template bug: the tests render every page
    first, second = lang, lang.other
    return Markup(
        f'<span lang="{first.value}">{escape(label.text(first))}</span> '
        f'<span class="alt" lang="{second.value}" dir="{second.dir}">'
        f"{escape(label.text(second))}</span>"
    )
