"""The lexicon engine (word-bounded leftmost-longest Aho-Corasick) and the shipped word lists."""

from __future__ import annotations

import pickle
from importlib import resources
from typing import Any

import pytest

from leakwatch.detect.lexicon import (
    Lexicon,
    build_automaton,
    find_tokens,
    load,
    padded,
    word_key,
)
from leakwatch.normalize import normalize_token

LEXICONS = (
    "given_names",
    "family_names",
    "ambiguous_names",
    "common_words",
    "places_governorates",
    "places_districts",
    "places_neighbourhoods",
    "places_world",
    "landmarks",
    "titles",
    "public_roles",
    "public_figures",
    "state_markers",
    "person_context",
    "address_context",
)


def _auto(*words: str, clitics: tuple[str, ...] = ()) -> Any:
    return build_automaton({word_key(w): w for w in words}, clitics)


def _found(text: str, automaton: Any) -> list[str]:
    norm = normalize_token(text)
    return [norm[m.start : m.end] for m in find_tokens(norm, automaton)]


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (("علي",), "والعلي عليوي علي", ["علي"]),  # never inside a word
        (("علي",), "علي,حسين", ["علي"]),  # punctuation is a boundary
        (("علي",), "علي5", []),  # a digit glued on is part of the word
        (("حي", "حي الجهاد"), "يسكن حي الجهاد", ["حي الجهاد"]),  # longest match
        (("حي", "حي الجهاد"), "حي الجهادية", ["حي"]),  # the longer one would cut a word
        (("بغداد", "بغداد الجديدة"), "بغداد الجديدة بغداد", ["بغداد الجديده", "بغداد"]),
        (("ali",), "ALI, Ali and ali", ["ali", "ali", "ali"]),  # Latin is lower-cased
        (("al-falluja",), "in Al Falluja today", ["al falluja"]),  # non-word chars fold
        (("أحمد",), "احمد وأحمد إحمد", ["احمد", "احمد"]),  # hamza forms fold
        (("زينب",), "زيـنـب زَيْنَب", ["زينب", "زينب"]),  # tatweel and harakat vanish
        (("الكرادة",), "الكراده الكرادة", ["الكراده", "الكراده"]),  # ة/ه fold
        (("سري",), "سريع سرير سري أسرية", ["سري"]),
        (("محلة",), "محلة٩٠٥", []),
    ],
)
def test_find_tokens_is_word_bounded_and_longest(
    words: tuple[str, ...], text: str, expected: list[str]
) -> None:
    assert _found(text, _auto(*words)) == expected


def test_proclitic_waw_is_outside_the_entry() -> None:
    automaton = _auto("زينب", "وليد", "ليد", clitics=("و",))
    norm = normalize_token("وزينب وليد")
    matches = find_tokens(norm, automaton)
    assert [(norm[m.start : m.end], m.outer < m.start) for m in matches] == [
        ("زينب", True),
        ("وليد", False),  # the real entry wins over و + "ليد"
    ]


def test_clitic_filter_limits_variants() -> None:
    automaton = build_automaton({"زينب": 1, "قال": 2}, ("و",), lambda v: v == 1)
    assert [m.value for m in find_tokens("وزينب وقال", automaton)] == [1]


def test_matches_map_to_normalized_offsets() -> None:
    automaton = _auto("بغداد")
    norm = normalize_token("من بغداد.")
    (m,) = find_tokens(norm, automaton, padded(norm))
    assert (m.start, m.end, m.key, m.value) == (3, 8, "بغداد", "بغداد")


def test_automaton_pickles() -> None:
    automaton = _auto("علي", "حسين")
    clone = pickle.loads(pickle.dumps(automaton))
    assert _found("علي حسين", clone) == ["علي", "حسين"]


@pytest.mark.parametrize("name", LEXICONS)
def test_shipped_lexicon_is_normalized_sorted_and_sourced(name: str) -> None:
    path = resources.files("leakwatch.detect").joinpath("lexicons", f"{name}.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if line and not line.startswith("#")]
    assert any(line.startswith("# source:") for line in header)
    keys = [line.split("\t", 1)[0] for line in body]
    assert body == sorted(body)
    assert len(keys) == len(set(keys))
    assert all(word_key(k) == k for k in keys)
    lexicon = load(name)
    assert isinstance(lexicon, Lexicon)
    assert len(lexicon.entries) == len(keys) > 50


def test_lexicons_stay_small() -> None:
    total = sum(
        len(resources.files("leakwatch.detect").joinpath("lexicons", f"{n}.txt").read_bytes())
        for n in LEXICONS
    )
    assert total < 5_000_000


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("given_names", "حيدر"),
        ("given_names", "زينب"),
        ("given_names", "ئاسۆ"),
        ("given_names", "ریبوار"),  # Sorani name typed on an Arabic keyboard
        ("given_names", "haider"),
        ("given_names", "عبد الامير"),
        ("family_names", "الربيعي"),
        ("family_names", "الفتلاوي"),
        ("ambiguous_names", "أمل"),
        ("ambiguous_names", "سعيد"),
        ("places_governorates", "هەولێر"),
        ("places_governorates", "basra"),
        ("places_districts", "تلعفر"),
        ("places_governorates", "الفلوجة"),
        ("places_neighbourhoods", "الكرادة"),
        ("landmarks", "حسينية"),
        ("titles", "الحاج"),
        ("titles", "کاک"),
        ("public_roles", "وزير"),
        ("public_roles", "پەرلەمانتار"),
        ("public_figures", "محمد شياع السوداني"),
        ("state_markers", "جمهورية العراق"),
        ("state_markers", "وەزارەتی ناوخۆ"),
        ("person_context", "المدعو"),
        ("person_context", "هاوسەری"),
        ("address_context", "يسكن"),
        ("address_context", "نزیک"),
    ],
)
def test_lexicons_hold_expected_entries(name: str, entry: str) -> None:
    assert word_key(entry) in load(name)


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("given_names", "على"),  # folds to علي: the name is listed, the recognizer decides
        ("family_names", "العراقي"),
        ("family_names", "الوطني"),
        ("places_neighbourhoods", "شركات"),
        ("places_neighbourhoods", "بغداد"),
    ],
)
def test_lexicons_leave_out_everyday_words(name: str, entry: str) -> None:
    if entry == "على":
        assert "علي" not in load("ambiguous_names")
        return
    assert word_key(entry) not in load(name)


def test_places_carry_their_governorate() -> None:
    assert load("places_neighbourhoods").entries[word_key("الكرادة")] == "Baghdad"
    assert load("places_districts").entries[word_key("تلعفر")] == "Ninewa"
    assert load("places_governorates").entries[word_key("الفلوجة")] == "Al-Anbar"
    assert load("state_markers").entries[word_key("جمهورية العراق")] == "country"
