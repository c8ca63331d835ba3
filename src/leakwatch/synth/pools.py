"""Name and place pools per language, split deterministically into a default and a holdout part.

The holdout style (`style="holdout"`) draws only from the 20 % part, the default style only from
the 80 % part, so a detector tuned on default data can be checked on names, neighbourhoods and
landmarks it has never seen. The split ranks entries by CRC-32 (stable across runs and Python
versions, unlike `hash`). Governorates, titles and ranks are closed vocabularies every reader is
expected to know, so they are shared, not split.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Literal, TypeVar

from leakwatch.synth import data_names as n
from leakwatch.synth import data_places as p

Style = Literal["default", "holdout"]
Lang = Literal["ar", "ku", "en"]
STYLES: tuple[Style, ...] = ("default", "holdout")
HOLDOUT_SHARE = 0.2

T = TypeVar("T")


def stable_rank(key: str) -> int:
    """A process-independent hash used for every deterministic split."""
    return zlib.crc32(key.encode("utf-8"))


def split(items: Sequence[T], style: Style, key: Callable[[T], str] = str) -> tuple[T, ...]:
    """The `style` part of `items`: the lowest-ranked 20 % (at least one) is the holdout part.

    Entries with equal keys always land on the same side, so the parts never share a key.
    """
    keys = sorted(dict.fromkeys(key(it) for it in items), key=lambda k: (stable_rank(k), k))
    count = max(1, round(len(keys) * HOLDOUT_SHARE)) if len(keys) >= 2 else 0
    held = set(keys[:count])
    want_held = style == "holdout"
    return tuple(it for it in items if (key(it) in held) == want_held)


def _hood_key(item: tuple[str, str]) -> str:
    return item[1]


@dataclass(frozen=True, slots=True)
class LangPools:
    """Everything one language's templates draw names and places from."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    historic: tuple[str, ...]
    hoods: tuple[tuple[str, str], ...]
    landmarks: tuple[str, ...]
    streets: tuple[str, ...]
    workplaces: tuple[str, ...]
    governorates: Mapping[str, str]
    ranks: tuple[str, ...]
    titles: tuple[str, ...]
    female_titles: tuple[str, ...]

    def gov(self, key: str) -> str:
        return self.governorates[key]


#: Fields that are split between the styles (the rest are shared vocabulary).
SPLIT_FIELDS = (
    "male",
    "female",
    "surnames",
    "historic",
    "hoods",
    "landmarks",
    "streets",
    "workplaces",
)


@dataclass(frozen=True, slots=True)
class Pools:
    """The pools of one style, per language."""

    style: Style
    ar: LangPools
    ku: LangPools
    en: LangPools

    def of(self, lang: Lang) -> LangPools:
        return self.ar if lang == "ar" else self.ku if lang == "ku" else self.en


def _lang_pools(
    style: Style, column: int, raw: dict[str, Sequence[str]], hoods: Sequence[tuple[str, str]]
) -> LangPools:
    govs = MappingProxyType({row[0]: row[column] for row in p.GOVERNORATES})
    return LangPools(
        male=split(raw["male"], style),
        female=split(raw["female"], style),
        surnames=split(raw["surnames"], style),
        historic=split(raw["historic"], style),
        hoods=split(hoods, style, key=_hood_key),
        landmarks=split(raw["landmarks"], style),
        streets=split(raw["streets"], style),
        workplaces=split(raw["workplaces"], style),
        governorates=govs,
        ranks=tuple(raw["ranks"]),
        titles=tuple(raw["titles"]),
        female_titles=tuple(raw["female_titles"]),
    )


@cache
def pools_for(style: Style) -> Pools:
    """The pools of `style` (cached: pools are immutable)."""
    ar = _lang_pools(
        style,
        1,
        {
            "male": n.AR_MALE,
            "female": n.AR_FEMALE,
            "surnames": n.AR_SURNAMES,
            "historic": n.AR_HISTORIC,
            "landmarks": p.AR_LANDMARKS,
            "streets": p.AR_STREETS,
            "workplaces": p.AR_WORKPLACES,
            "ranks": p.AR_RANKS,
            "titles": p.AR_TITLES,
            "female_titles": p.AR_FEMALE_TITLES,
        },
        p.AR_HOODS,
    )
    ku = _lang_pools(
        style,
        2,
        {
            "male": n.KU_MALE,
            "female": n.KU_FEMALE,
            "surnames": n.KU_SURNAMES,
            "historic": n.KU_HISTORIC,
            "landmarks": p.KU_LANDMARKS,
            "streets": p.KU_STREETS,
            "workplaces": p.KU_WORKPLACES,
            "ranks": p.KU_RANKS,
            "titles": p.KU_TITLES,
            "female_titles": p.KU_FEMALE_TITLES,
        },
        p.KU_HOODS,
    )
    en = _lang_pools(
        style,
        3,
        {
            "male": n.EN_MALE,
            "female": n.EN_FEMALE,
            "surnames": n.EN_SURNAMES,
            "historic": n.EN_HISTORIC,
            "landmarks": p.EN_LANDMARKS,
            "streets": p.EN_STREETS,
            "workplaces": p.EN_WORKPLACES,
            "ranks": p.EN_RANKS,
            "titles": p.EN_TITLES,
            "female_titles": p.EN_FEMALE_TITLES,
        },
        p.EN_HOODS,
    )
    return Pools(style=style, ar=ar, ku=ku, en=en)
