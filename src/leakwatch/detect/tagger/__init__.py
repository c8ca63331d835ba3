"""The trained PERSON tagger: a CRF over token features, shipped in the package.

The lexicon-and-context rules stay the first word on names (chains, kinship, Kurdish); the
tagger adds recall on names no list holds and vetoes everyday phrases the rules mistook for
names. It is run where a name matters — the message holds a private attribute or a record
structure — unless `NameMode.ALL` asks for every message (evaluation, `scan --names all`).
"""

from __future__ import annotations

from enum import StrEnum


class NameMode(StrEnum):
    GATED = "gated"  # tag only messages where a name would make a leak
    ALL = "all"  # tag every message
    RULES = "rules"  # never run the tagger: lexicon and context rules alone
