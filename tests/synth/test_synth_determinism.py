"""Same arguments, same bytes; a different seed or style, a different corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leakwatch.errors import UsageError
from leakwatch.synth import LABELS_NAME, generate
from leakwatch.synth.pools import pools_for
from leakwatch.synth.templates import templates_for


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 800, 3, seed=5)
    second = generate(tmp_path / "b", 800, 3, seed=5)
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")
    assert first.by_kind == second.by_kind
    assert first.leaks == second.leaks


def test_other_seed_other_corpus(tmp_path: Path) -> None:
    generate(tmp_path / "a", 300, 2, seed=5)
    generate(tmp_path / "b", 300, 2, seed=6)
    assert (tmp_path / "a" / LABELS_NAME).read_bytes() != (
        tmp_path / "b" / LABELS_NAME
    ).read_bytes()


def test_summary_counts_match_files(tmp_path: Path) -> None:
    summary = generate(tmp_path, 500, 4, seed=1)
    lines = (tmp_path / LABELS_NAME).read_text("utf-8").splitlines()
    assert len(lines) == summary.messages == 500
    assert summary.leaks + summary.clear == 500
    assert summary.leaks == sum(json.loads(line)["verdict"] == "leak" for line in lines)
    assert sum(n for _, n in summary.by_kind) == 500
    assert summary.service_messages >= 4
    assert summary.messages_per_second > 0


def test_holdout_uses_only_holdout_templates(tmp_path: Path) -> None:
    generate(tmp_path, 600, 2, seed=3, style="holdout")
    held = {t.id for t in templates_for("holdout")}
    used = {
        json.loads(line)["template"]
        for line in (tmp_path / LABELS_NAME).read_text("utf-8").splitlines()
    }
    assert used <= held


def test_holdout_names_come_from_holdout_pools(tmp_path: Path) -> None:
    generate(tmp_path, 1500, 3, seed=4, style="holdout")
    en = pools_for("holdout").en
    allowed = {
        w for name in (*en.male, *en.female, *en.surnames, *en.historic) for w in name.split()
    }
    allowed |= {"Abu", "Umm"}
    chats = {
        p.parent.name: json.loads(p.read_text("utf-8").replace("\\x0b", "\\u000b"))
        for p in tmp_path.glob("*/result.json")
    }
    checked = 0
    for line in (tmp_path / LABELS_NAME).read_text("utf-8").splitlines():
        label = json.loads(line)
        if label["lang"] != "en":
            continue
        chat = chats[label["source"].split("/")[0]]
        message = next(m for m in chat["messages"] if m["id"] == label["message_id"])
        text = message["text"]
        flat = (
            text
            if isinstance(text, str)
            else "".join(p if isinstance(p, str) else p["text"] for p in text)
        )
        for f in label["findings"]:
            if f["entity_type"] == "PERSON":
                assert set(flat[f["start"] : f["end"]].split()) <= allowed
                checked += 1
    assert checked > 50


def test_zero_messages_still_writes_valid_channels(tmp_path: Path) -> None:
    summary = generate(tmp_path, 0, 2, seed=1)
    assert summary.messages == 0
    assert (tmp_path / LABELS_NAME).read_text("utf-8") == ""
    chats = [json.loads(p.read_text("utf-8")) for p in tmp_path.glob("*/result.json")]
    assert len(chats) == 2
    assert all(len(c["messages"]) == 1 for c in chats)


@pytest.mark.parametrize(
    ("messages", "channels", "style"), [(-1, 1, "default"), (10, 0, "default"), (10, 1, "other")]
)
def test_bad_arguments(tmp_path: Path, messages: int, channels: int, style: str) -> None:
    with pytest.raises(UsageError):
        generate(tmp_path, messages, channels, seed=1, style=style)  # type: ignore[arg-type]
