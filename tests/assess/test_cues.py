"""The assessment's cue vocabulary is data: one file per set, kinship and residence words once."""

from __future__ import annotations

from importlib import resources

import pytest

from leakwatch.assess import cues, pairs
from leakwatch.detect.lexicon import load, word_key
from leakwatch.normalize import normalize_token

CUE_FILES = sorted(
    p.name.removesuffix(".txt")
    for p in resources.files("leakwatch.assess").joinpath("cue_words").iterdir()
    if p.name.endswith(".txt")
)
SETS = [value for value in vars(cues).values() if isinstance(value, cues.CueSet)]


def _kinds(lexicon: str, kind: str) -> set[str]:
    return {k for k, v in load(lexicon).entries.items() if kind in v.split(",")}


@pytest.mark.parametrize("name", CUE_FILES)
def test_every_cue_file_is_read_by_a_set_and_has_no_repeats(name: str) -> None:
    phrases = cues.words(name)
    assert phrases, name
    normalized = [normalize_token(p).strip() for p in phrases]
    assert len(set(normalized)) == len(normalized), name
    assert name in {s.name for s in SETS} | set(pairs.SOURCES)


@pytest.mark.parametrize(
    ("cue_set", "file", "lexicon", "kind"),
    [
        (cues.FAMILY, "family", "person_context", "kin"),
        (cues.RESIDENCE, "residence", "address_context", "cue"),
    ],
)
def test_kinship_and_residence_words_live_once(
    cue_set: cues.CueSet, file: str, lexicon: str, kind: str
) -> None:
    shared = _kinds(lexicon, kind)
    assert shared <= set(cue_set.phrases)  # the set reads the recognizers' list …
    own = {word_key(p) for p in cues.words(file)} - {""}  # emoji have no word key
    assert not own & shared  # … and its own file adds labels only, no second copy


@pytest.mark.parametrize(
    ("cue_set", "text", "found"),
    [
        (cues.FAMILY, "المدعو علي وزوجته فاطمة", True),
        (cues.FAMILY, "his wife Zainab", True),
        (cues.FAMILY, "ژنەکەی ژیان", True),
        (cues.RESIDENCE, "يسكن في حي الجهاد", True),
        (cues.RESIDENCE, "lives in Mansour", True),
        (cues.THIRD_PARTY, "whose number is this", True),
        (cues.THIRD_PARTY, "ئەمە ژمارەی دزەکەیە", True),
        (cues.SELF, "اتصل بي على", True),
        (cues.AD, "سيارة للبيع", True),
        (cues.THIRD_PARTY, "للإبلاغ عن السارق", False),
        (pairs.FRAMING_PAIRS, "هاي هوية المتهم", True),
        (pairs.FRAMING_PAIRS, "the blackmailer's number", True),
        (pairs.FRAMING_PAIRS, "کارتی ئەو کەسە", True),
        (pairs.FRAMING_PAIRS, "الرقم هذا يتصل ويهدد", True),
        (pairs.FRAMING_PAIRS, "للإبلاغ عن السارق", False),
    ],
)
def test_sets_match_their_words(cue_set: cues.CueSet, text: str, found: bool) -> None:
    assert cue_set.search(normalize_token(text)) is found
