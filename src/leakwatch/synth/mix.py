"""The corpus mix: shares of leaks, hard negatives and chatter, of languages, of label kinds.

`Picker` turns a mix into per-message draws (polarity, then language, then kind, then one of the
style's templates of that kind and language), renormalizing kind weights over the kinds a
style actually has for a language, so the holdout split never leaves a draw without a template.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from leakwatch.errors import UsageError
from leakwatch.synth.context import MsgLang
from leakwatch.synth.pools import Style
from leakwatch.synth.templates import Polarity, Template, templates_for

LEAK_WEIGHTS: dict[str, float] = {
    "bundle_phone": 9,
    "bundle_address": 6,
    "bundle_national_id": 4,
    "bundle_civil_id": 2.5,
    "bundle_passport": 2.5,
    "bundle_residence": 1.5,
    "bundle_dob": 3,
    "bundle_mother": 2,
    "bundle_family": 2.5,
    "bundle_workplace": 3,
    "bundle_iban": 2.5,
    "bundle_card": 2.5,
    "bundle_plate": 2,
    "bundle_multi": 12,
    "framed_identifier": 10,
    "bulk_records": 13,
    "state_document": 7,
    "state_document_classified": 6,
    "state_document_personal": 6,
}
NEGATIVE_WEIGHTS: dict[str, float] = {
    "ad_shop": 9,
    "ad_sale": 8,
    "ad_property": 5,
    "ad_clinic": 5,
    "ad_tutor": 4,
    "ad_service": 5,
    "job_post": 7,
    "hotline": 6,
    "campaign_contact": 3,
    "public_figure": 9,
    "news": 7,
    "obituary": 7,
    "election_results": 4,
    "candidate_list": 4,
    "sports": 6,
    "history": 3,
    "event": 3,
    "public_notice": 5,
    "prices": 5,
    "weather": 3,
    "schedule": 3,
}
CHATTER_WEIGHTS: dict[str, float] = {"chatter": 9, "media_only": 1}


@dataclass(frozen=True, slots=True)
class Mix:
    """Shares of the corpus. Polarity and language shares are drawn per message."""

    leak: float = 0.55
    negative: float = 0.35
    chatter: float = 0.10
    languages: tuple[tuple[MsgLang, float], ...] = (
        ("ar", 0.60),
        ("ku", 0.20),
        ("en", 0.15),
        ("mix", 0.05),
    )
    old_shape_channels: float = 0.15
    forwarded: float = 0.03
    service: float = 0.02
    photo_caption: float = 0.06
    edited: float = 0.05


DEFAULT_MIX = Mix()


class Picker:
    """Draws (template) for a message: polarity, then language, then kind, then a template."""

    def __init__(self, style: Style, mix: Mix) -> None:
        """Index the style's templates by (polarity, language, kind)."""
        self.polarities: tuple[Polarity, ...] = ("leak", "negative", "chatter")
        self.polarity_weights = (mix.leak, mix.negative, mix.chatter)
        self.langs = tuple(lang for lang, _ in mix.languages)
        self.lang_weights = tuple(w for _, w in mix.languages)
        weights = {"leak": LEAK_WEIGHTS, "negative": NEGATIVE_WEIGHTS, "chatter": CHATTER_WEIGHTS}
        by_key: dict[tuple[Polarity, MsgLang, str], list[Template]] = {}
        for t in templates_for(style):
            by_key.setdefault((t.polarity, t.lang, t.kind), []).append(t)
        self.table: dict[
            tuple[Polarity, MsgLang],
            tuple[tuple[str, ...], tuple[float, ...], dict[str, list[Template]]],
        ] = {}
        for pol in self.polarities:
            for lang in ("ar", "ku", "en", "mix"):
                kinds = [k for k in weights[pol] if (pol, lang, k) in by_key]
                if kinds:
                    self.table[(pol, lang)] = (
                        tuple(kinds),
                        tuple(weights[pol][k] for k in kinds),
                        {k: by_key[(pol, lang, k)] for k in kinds},
                    )
        for polarity, share in zip(self.polarities, self.polarity_weights, strict=True):
            if share > 0 and not any((polarity, lang) in self.table for lang in self.langs):
                raise UsageError(f"no {polarity} templates for the requested languages")

    def pick(self, rng: random.Random) -> tuple[Template, MsgLang]:
        pol = rng.choices(self.polarities, self.polarity_weights)[0]
        lang: MsgLang = rng.choices(self.langs, self.lang_weights)[0]
        entry = self.table.get((pol, lang))
        while entry is None:  # a style may lack a (polarity, language) cell: use another language
            lang = rng.choice(self.langs)
            entry = self.table.get((pol, lang))
        kinds, kind_weights, by_kind = entry
        kind = rng.choices(kinds, kind_weights)[0]
        options = by_kind[kind]
        return options[int(rng.random() * len(options))], lang
