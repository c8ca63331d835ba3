"""Properties of a generated corpus: exact, complete labels and the promised mix."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from leakwatch.entities import EntityType
from leakwatch.synth import LABELS_NAME, Mix, generate
from leakwatch.synth.mix import NEGATIVE_WEIGHTS
from leakwatch.synth.values import iban_is_valid, luhn_is_valid

MESSAGES = 3000
CHANNELS = 6
_ESCAPE = re.compile(rb"\\(?:x([0-9a-fA-F]{2})|[\s\S])")


def load_export(path: Path) -> Any:
    r"""Parse a Telegram Desktop export: rewrite its `\xNN` escapes (not `\\x`) first."""
    raw = path.read_bytes()
    fixed = _ESCAPE.sub(lambda m: b"\\u00" + m.group(1) if m.group(1) else m.group(0), raw)
    return json.loads(fixed)


def flat_text(text: str | list[Any]) -> str:
    if isinstance(text, str):
        return text
    return "".join(p if isinstance(p, str) else p["text"] for p in text)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, MESSAGES, CHANNELS, seed=11, mix=Mix(old_shape_channels=0.4))
    return out


@pytest.fixture(scope="module")
def labels(corpus: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (corpus / LABELS_NAME).read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def exports(corpus: Path) -> dict[str, Any]:
    return {
        str(p.relative_to(corpus)): load_export(p) for p in sorted(corpus.glob("*/result.json"))
    }


@pytest.fixture(scope="module")
def texts(exports: dict[str, Any]) -> dict[tuple[int, int], str]:
    return {
        (chat["id"], m["id"]): flat_text(m["text"])
        for chat in exports.values()
        for m in chat["messages"]
        if m["type"] == "message"
    }


def test_layout_one_export_per_channel(corpus: Path, exports: dict[str, Any]) -> None:
    assert len(exports) == CHANNELS
    assert (corpus / LABELS_NAME).is_file()
    ids = sorted(chat["id"] for chat in exports.values())
    assert ids == list(range(1_700_000_001, 1_700_000_001 + CHANNELS))


def test_every_message_has_exactly_one_label(
    labels: list[dict[str, Any]], texts: dict[tuple[int, int], str], exports: dict[str, Any]
) -> None:
    keys = [(lab["channel_id"], lab["message_id"]) for lab in labels]
    assert len(keys) == len(set(keys)) == MESSAGES
    assert set(keys) == set(texts)
    for lab in labels:
        assert lab["source"] in exports
        assert exports[lab["source"]]["id"] == lab["channel_id"]


def test_spans_are_exact_and_clean(
    labels: list[dict[str, Any]], texts: dict[tuple[int, int], str]
) -> None:
    types = {t.value for t in EntityType}
    for lab in labels:
        text = texts[(lab["channel_id"], lab["message_id"])]
        end_before = 0
        for f in sorted(lab["findings"], key=lambda f: (f["start"], f["end"])):
            assert f["entity_type"] in types
            value = text[f["start"] : f["end"]]
            assert 0 <= f["start"] < f["end"] <= len(text), lab
            assert value == value.strip(), (lab["template"], value)
            assert f["start"] >= end_before, f"overlapping spans in {lab['template']}"
            end_before = f["end"]


_TITLES = {"السيد", "الحاج", "الدكتور", "المهندس", "الأستاذ", "د.", "Mr", "Dr.", "کاک", "مامۆستا"}
_KIN = {"زوجته", "ابنه", "أخوه", "زوجها", "wife", "his", "her", "هاوسەرەکەی", "کوڕەکەی"}
_CUES = ("العنوان", "يسكن", "ساكن", "Address", "lives", "ناونیشان", "مواليد", "تولد", "born")


def test_spans_follow_the_span_conventions(
    labels: list[dict[str, Any]], texts: dict[tuple[int, int], str]
) -> None:
    for lab in labels:
        text = texts[(lab["channel_id"], lab["message_id"])]
        for f in lab["findings"]:
            value, etype = text[f["start"] : f["end"]], f["entity_type"]
            if etype in {"PHONE_NUMBER", "IQ_NATIONAL_ID", "CREDIT_CARD", "IQ_RESIDENCE_CARD"}:
                assert value[0] == "+" or value[0].isdigit(), value
                assert value[-1].isdigit(), value
            elif etype in {"IQ_CIVIL_ID", "DATE_OF_BIRTH"}:
                assert value[-1].isdigit(), value
            elif etype == "IQ_PASSPORT":
                assert re.fullmatch(r"[A-Z]\d{8}", value), value
            elif etype == "IBAN_CODE":
                assert value.startswith("IQ"), value
            elif etype == "EMAIL_ADDRESS":
                assert "@" in value, value
            elif etype == "PERSON":
                first = value.split()[0]
                assert first not in _TITLES, value
                assert first not in _KIN, value
            elif etype == "ADDRESS":
                assert not value.startswith(_CUES), value


def test_checksummed_values_validate(
    labels: list[dict[str, Any]], texts: dict[tuple[int, int], str]
) -> None:
    seen: Counter[str] = Counter()
    for lab in labels:
        text = texts[(lab["channel_id"], lab["message_id"])]
        for f in lab["findings"]:
            value = text[f["start"] : f["end"]]
            if f["entity_type"] == "IBAN_CODE":
                assert iban_is_valid(value), value
                seen["iban"] += 1
            elif f["entity_type"] == "CREDIT_CARD":
                assert luhn_is_valid(value), value
                seen["card"] += 1
    assert seen["iban"] > 20
    assert seen["card"] > 20


def test_verdicts_severities_and_categories_agree(labels: list[dict[str, Any]]) -> None:
    for lab in labels:
        if lab["verdict"] == "clear":
            assert lab["severity"] is None
            assert lab["categories"] == []
        else:
            assert lab["severity"] in {"low", "medium", "high", "critical"}
            assert lab["categories"]
            assert set(lab["categories"]) <= {"personal_data", "state_document"}


def test_mix_of_leaks_and_hard_negatives(labels: list[dict[str, Any]]) -> None:
    leaks = sum(lab["verdict"] == "leak" for lab in labels)
    hard = sum(lab["kind"] in NEGATIVE_WEIGHTS for lab in labels)
    clear_with_findings = sum(lab["verdict"] == "clear" and bool(lab["findings"]) for lab in labels)
    assert 0.50 <= leaks / MESSAGES <= 0.60
    assert hard / MESSAGES >= 0.30
    assert clear_with_findings / MESSAGES >= 0.20
    severities = Counter(lab["severity"] for lab in labels if lab["severity"])
    assert set(severities) == {"low", "medium", "high", "critical"}
    both = sum(set(lab["categories"]) == {"personal_data", "state_document"} for lab in labels)
    assert both > 0


def test_languages_and_digit_scripts_occur(
    labels: list[dict[str, Any]], texts: dict[tuple[int, int], str]
) -> None:
    langs = Counter(lab["lang"] for lab in labels)
    assert 0.5 <= langs["ar"] / MESSAGES <= 0.7
    assert langs["ku"] / MESSAGES >= 0.12
    assert langs["en"] / MESSAGES >= 0.08
    assert langs["mix"] > 0
    joined = "".join(texts.values())
    assert re.search("[٠-٩]", joined), "Arabic-Indic digits"
    assert re.search("[۰-۹]", joined), "Extended Arabic-Indic digits"
    assert re.search("[ێۆڕڵژ]", joined), "Sorani letters"
    assert "ـ" in joined, "tatweel"


def test_messages_are_distinct(texts: dict[tuple[int, int], str]) -> None:
    counts = Counter(t for t in texts.values() if t)
    assert counts.most_common(1)[0][1] == 1


def test_telegram_shapes(exports: dict[str, Any], texts: dict[tuple[int, int], str]) -> None:
    entity_types: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for chat in exports.values():
        messages = chat["messages"]
        assert messages[0]["type"] == "service"
        assert messages[0]["action"] == "create_channel"
        old = "date_unixtime" not in messages[0]
        shapes["old" if old else "new"] += 1
        for m in messages:
            assert ("text_entities" in m) != old
            if m["type"] == "service":
                continue
            assert m["from_id"] == (chat["id"] if old else f"channel{chat['id']}")
            if not old:
                assert m["date_unixtime"].isdigit()
                flat = "".join(e["text"] for e in m["text_entities"])
                assert flat == texts[(chat["id"], m["id"])]
            if isinstance(m["text"], list):
                entity_types.update(p["type"] for p in m["text"] if isinstance(p, dict))
    assert shapes["old"]
    assert shapes["new"]
    assert {"phone", "email", "bank_card", "bold", "hashtag", "link"} <= set(entity_types)


def test_raw_files_are_pretty_printed_like_telegram(corpus: Path) -> None:
    raw = next(iter(sorted(corpus.glob("*/result.json")))).read_text("utf-8")
    assert raw.startswith('{\n "name": ')
    assert '\n "messages": [\n  {\n   "id": 1,\n   "type": "service",' in raw
    assert raw.endswith("\n ]\n}")


def test_control_characters_are_written_as_x_escapes(
    corpus: Path, texts: dict[tuple[int, int], str]
) -> None:
    assert any("\x0b" in t for t in texts.values())
    raws = [p.read_bytes() for p in corpus.glob("*/result.json")]
    assert any(b"\\x0b" in raw for raw in raws)
    broken = next(raw for raw in raws if b"\\x0b" in raw)
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken)
