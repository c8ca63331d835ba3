"""The shipped PERSON tagger: loads offline, finds names the lists lack, runs where asked."""

from __future__ import annotations

import pytest

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.detect.tagger import NameMode, model
from leakwatch.detect.tagger.features import sentence_features, stem, tokenize
from leakwatch.detect.tagger.stage import RECOGNIZER, _trim
from leakwatch.entities import EntityType
from leakwatch.normalize import normalize


def _names(text: str, mode: NameMode) -> list[tuple[str, str]]:
    _, found = Analyzer(default_recognizers(), mode).analyze(text)
    return [(f.text, f.recognizer) for f in found if f.entity_type is EntityType.PERSON]


def test_model_ships_in_the_package() -> None:
    assert model.available()
    assert model.MODEL_PATH.stat().st_size < 8_000_000


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال وزير الدفاع الأمريكي دونالد رامسفيلد إن القوات ستبقى", "دونالد رامسفيلد"),
        ("التقى الرئيس جورج بوش مع توني بلير في لندن", "توني بلير"),
    ],
)
def test_tags_transliterated_names_no_list_holds(text: str, name: str) -> None:
    n = normalize(text)
    spans = [text[slice(*n.to_original(s.start, s.end))] for s in model.tag(n.text)]
    assert name in spans


@pytest.mark.parametrize(
    "text",
    ["اتحاد صناعة السيارات في المانيا", "تحية طيبة وبعد", "سعر صرف الدولار اليوم 1500 دينار"],
)
def test_everyday_phrases_are_not_names(text: str) -> None:
    assert model.tag(normalize(text).text) == []


def test_all_mode_adds_names_the_rules_miss() -> None:
    text = "وقال وزير الدفاع الأمريكي دونالد رامسفيلد إن القوات ستبقى"
    assert _names(text, NameMode.RULES) == []
    assert _names(text, NameMode.ALL) == [("دونالد رامسفيلد", RECOGNIZER)]


def test_gated_mode_skips_messages_without_a_private_attribute() -> None:
    text = "وقال وزير الدفاع الأمريكي دونالد رامسفيلد إن القوات ستبقى"
    assert _names(text, NameMode.GATED) == []


def test_rule_findings_stand_in_gated_mode() -> None:
    text = "هذا المدعو ستيفن كارتر رقمه 07701234567"
    assert _names(text, NameMode.GATED) == [("ستيفن كارتر", "person_chain")]


@pytest.mark.parametrize(
    ("word", "start"),
    [("وعلي", 1), ("وودورد", 0), ("علي", 0), ("بمحمد", 1)],
)
def test_glued_clitic_trimmed_only_before_a_known_name(word: str, start: int) -> None:
    assert _trim(word, 0, len(word)) == start


@pytest.mark.parametrize(
    ("word", "expected"),
    [("وعلي", "علي"), ("والكاظمي", "كاظمي"), ("ولد", "ولد")],
)
def test_stem_drops_clitics_and_article(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_features_are_one_list_per_token() -> None:
    words = [normalize("علي حسين رقمه 0770").text[s:e] for s, e in tokenize("علي حسين رقمه 0770")]
    feats = sentence_features(words)
    assert len(feats) == len(words) == 4
    assert "w=علي" in feats[0]
    assert any(f.startswith("w+1=") for f in feats[0])


def test_sorani_lines_are_left_to_the_rules() -> None:
    text = "🔧 وەستا حەمە سوور\n📲 0750 772 1408"
    assert all(r != RECOGNIZER for _, r in _names(text, NameMode.GATED))


@pytest.mark.parametrize(
    ("text", "original"),
    [("أَحْمَد علي", "أَحْمَد"), ("0️⃣7️⃣ علي", "علي"), ("plain text", "text")],
)
def test_original_spans_map_back_to_normalized(text: str, original: str) -> None:
    n = normalize(text)
    start = text.index(original)
    n_start, n_end = n.to_norm(start, start + len(original))
    assert n.to_original(n_start, n_end) == (start, start + len(original))
