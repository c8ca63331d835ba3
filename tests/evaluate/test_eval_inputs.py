"""Joining by channel or by source, and one-line errors for malformed inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leakwatch.errors import InputError
from leakwatch.evaluate import evaluate
from leakwatch.evaluate.join import same_source

GOOD = {
    "source": "a/result.json",
    "channel_id": 7,
    "message_id": 1,
    "verdict": "leak",
    "severity": "low",
    "categories": [],
    "findings": [{"entity_type": "PHONE_NUMBER", "start": 0, "end": 11}],
    "kind": "framed_identifier",
}


def _lines(path: Path, *rows: object) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), "utf-8"
    )
    return path


def test_source_fallback_when_channel_id_is_null(tmp_path: Path) -> None:
    labels = _lines(tmp_path / "l.jsonl", {**GOOD, "channel_id": None})
    scan = _lines(
        tmp_path / "s.jsonl", {**GOOD, "channel_id": None, "source": "corpus/a/result.json"}
    )
    r = evaluate(labels, scan)
    assert r.message.tp == 1
    assert r.spans_exact.tp == 1
    other = _lines(
        tmp_path / "o.jsonl", {**GOOD, "channel_id": None, "source": "corpus/b/result.json"}
    )
    r = evaluate(labels, other)
    assert r.message.fn == 1
    assert r.unmatched_scan == 1


def test_channel_id_wins_over_source(tmp_path: Path) -> None:
    labels = _lines(tmp_path / "l.jsonl", GOOD)
    scan = _lines(
        tmp_path / "s.jsonl", {**GOOD, "source": "renamed.json"}, {**GOOD, "source": "dup.json"}
    )
    r = evaluate(labels, scan)
    assert r.message.tp == 1
    assert r.duplicate_scan == 1
    wrong_channel = _lines(tmp_path / "w.jsonl", {**GOOD, "channel_id": 8})
    assert evaluate(labels, wrong_channel).message.fn == 1


def test_same_source() -> None:
    assert same_source("chan/result.json", "out/chan/result.json")
    assert same_source("./chan/result.json", "chan\\result.json")
    assert not same_source("chan/result.json", "otherchan/result.json")


def test_scan_without_channel_key_is_accepted(tmp_path: Path) -> None:
    row = {k: v for k, v in GOOD.items() if k != "channel_id"}
    labels = _lines(tmp_path / "l.jsonl", {**GOOD, "channel_id": None})
    assert evaluate(labels, _lines(tmp_path / "s.jsonl", row)).message.tp == 1


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    labels = _lines(tmp_path / "l.jsonl", GOOD, "", "   ")
    assert evaluate(labels, labels).messages == 1


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("{not json", "line 1: not JSON"),
        ("[1, 2]", "not a JSON object"),
        ({k: v for k, v in GOOD.items() if k != "verdict"}, "missing key 'verdict'"),
        ({k: v for k, v in GOOD.items() if k != "channel_id"}, "missing key 'channel_id'"),
        ({**GOOD, "verdict": "maybe"}, "verdict must be"),
        ({**GOOD, "message_id": "1"}, "message_id must be an integer"),
        (
            {**GOOD, "findings": [{"entity_type": "PERSON", "start": "0", "end": 3}]},
            "a finding needs",
        ),
        ({**GOOD, "findings": {}}, "findings must be a list"),
    ],
)
def test_malformed_labels_raise_one_line_input_error(
    tmp_path: Path, row: object, fragment: str
) -> None:
    labels = _lines(tmp_path / "labels.jsonl", row)
    scan = _lines(tmp_path / "scan.jsonl")
    with pytest.raises(InputError) as info:
        evaluate(labels, scan)
    message = str(info.value)
    assert fragment in message
    assert "labels.jsonl" in message
    assert "\n" not in message


def test_missing_and_binary_files(tmp_path: Path) -> None:
    good = _lines(tmp_path / "l.jsonl", GOOD)
    with pytest.raises(InputError, match="cannot be read"):
        evaluate(tmp_path / "nope.jsonl", good)
    binary = tmp_path / "scan.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage\n")
    with pytest.raises(InputError, match="not UTF-8"):
        evaluate(good, binary)
