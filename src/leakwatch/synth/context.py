"""Per-message generation state: the random source, the language, the digit script, the facts.

One `Ctx` lives for one message. Templates write through `ctx.b` and record policy facts with
`ctx.fact`; they never touch global state, so generation is a pure function of the seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Literal, TypeVar

from leakwatch.synth.pools import Lang, LangPools, Pools
from leakwatch.synth.render import Builder, DigitMode, to_script
from leakwatch.synth.truth import Fact

MsgLang = Literal["ar", "ku", "en", "mix"]
T = TypeVar("T")

_DIGIT_MODES: dict[MsgLang, tuple[tuple[DigitMode, ...], tuple[float, ...]]] = {
    "ar": (("ascii", "arabic", "extended", "mixed"), (0.55, 0.3, 0.05, 0.1)),
    "ku": (("ascii", "arabic", "extended", "mixed"), (0.45, 0.2, 0.25, 0.1)),
    "en": (("ascii", "arabic"), (0.95, 0.05)),
    "mix": (("ascii", "arabic", "extended", "mixed"), (0.6, 0.2, 0.1, 0.1)),
}
_SCRIPTS: tuple[Literal["ascii", "arabic", "extended"], ...] = ("ascii", "arabic", "extended")


class Ctx:
    """Everything a template needs to write one message."""

    __slots__ = ("b", "base", "cue_langs", "digit_mode", "facts", "lang", "pools", "rng", "variant")

    def __init__(self, rng: random.Random, pools: Pools, lang: MsgLang) -> None:
        self.rng = rng
        self.pools = pools
        self.lang: MsgLang = lang
        self.b = Builder()
        self.facts: set[Fact] = set()
        self.variant: int | None = None
        if lang == "mix":
            self.base: Lang = rng.choice(("ar", "ar", "ku"))
            other: Lang = "en" if self.base == "ku" or rng.random() < 0.7 else "ku"
            self.cue_langs: tuple[Lang, ...] = (self.base, other)
        else:
            self.base = lang
            self.cue_langs = (lang,)
        modes, weights = _DIGIT_MODES[lang]
        self.digit_mode: DigitMode = rng.choices(modes, weights)[0]

    @property
    def lp(self) -> LangPools:
        """Pools of the message's base language (names and places are written in it)."""
        return self.pools.of(self.base)

    def cue(self) -> Lang:
        """Language of the next cue word: fixed, or drawn per cue in a mixed-language post."""
        if len(self.cue_langs) == 1:
            return self.cue_langs[0]
        return self.rng.choice(self.cue_langs)

    def num(self, text: str) -> str:
        """`text` with its digits in this message's script (per value when the post mixes)."""
        mode = self.digit_mode
        if mode == "mixed":
            return to_script(text, self.rng.choice(_SCRIPTS))
        return to_script(text, mode)

    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.rng.random() * len(seq))]

    def vpick(self, seq: Sequence[T]) -> T:
        """Pick from this template variant's half of `seq` (every other item), or from all.

        Two variants of a template use disjoint phrasings, so a holdout variant is really unseen.
        """
        if self.variant is None or len(seq) < 2:
            return self.pick(seq)
        return self.pick(seq[self.variant :: 2])

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def br(self) -> str:
        """A line break; rarely the control characters real exports carry (\\x0b, U+2028)."""
        r = self.rng.random()
        if r < 0.004:
            return "\x0b"
        if r < 0.006:
            return "\u2028"
        return "\n"

    def fact(self, fact: Fact) -> None:
        self.facts.add(fact)
