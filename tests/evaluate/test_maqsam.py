"""The Maqsam scorer: gold kinds by shape, span location, and recall/precision on a tiny file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leakwatch.evaluate.maqsam import Kind, MaqsamError, classify, gold_spans, score


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("ali.hassan@example.com", Kind.EMAIL),
        ("GB82 WEST 1234 5698 7654 32", Kind.IBAN),
        ("GB82WEST12345698765432", Kind.IBAN),
        ("GB83WEST12345698765432", Kind.OTHER),  # mod-97 fails
        ("4111 1111 1111 1111", Kind.CARD),
        ("(4111111111111111)", Kind.CARD),
        ("313-555-0142", Kind.PHONE),
        ("(313) 555-0142", Kind.PHONE),
        ("1-313-555-0142 x1234", Kind.PHONE),
        ("313.555.0142", Kind.PHONE),
        ("+1-313-555-0142", Kind.PHONE),
        ("+96477012345678", Kind.PHONE),
        ("0770 123 4567", Kind.PHONE),
        ("07701234567", Kind.OTHER),  # a bare run: account, ID or card tail in this set
        ("12345678", Kind.OTHER),
        ("192.168.1.10", Kind.OTHER),  # IPv4
        ("123-45-6789", Kind.OTHER),  # social-security number
        ("35-209900-176148-1", Kind.OTHER),  # IMEI
        ("48126-1234", Kind.OTHER),  # ZIP+4
        ("04-09-1975", Kind.OTHER),  # date
        ("1975-09-04", Kind.OTHER),
        ("علي حسين", Kind.OTHER),
    ],
)
def test_classify(value: str, kind: Kind) -> None:
    assert classify(value) is kind


def test_id_label_before_a_phone_shape_makes_it_other() -> None:
    assert classify("313.5550.1423", "رقم الضمان الاجتماعي الخاص بك ") is Kind.OTHER
    assert classify("313.5550.1423", "اتصل على ") is Kind.PHONE


def test_gold_spans_in_mask_order() -> None:
    source = "اتصل على 313-555-0142 أو راسل a@b.com ثم 313-555-0142"
    spans, missing = gold_spans(source, "313-555-0142 | a@b.com | 313-555-0142 | غائب")
    assert missing == 1
    assert [(g.kind, source[g.start : g.end]) for g in spans] == [
        (Kind.PHONE, "313-555-0142"),
        (Kind.EMAIL, "a@b.com"),
        (Kind.PHONE, "313-555-0142"),
    ]
    assert spans[0].start != spans[2].start


def _write(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"source": s, "target": "", "masked_value": m}, ensure_ascii=False) + "\n"
            for s, m in rows
        ),
        "utf-8",
    )
    return path


def test_score_counts_recall_and_precision(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "m.jsonl",
        [
            ("راسلني على ali.hassan@example.com رجاء", "ali.hassan@example.com"),
            ("الاسم علي حسين فقط", "علي حسين"),
        ],
    )
    report = score(path)
    assert report.sentences == 2
    email = report.kinds[Kind.EMAIL]
    assert (email.gold, email.found, email.findings, email.correct) == (1, 1, 1, 1)
    assert report.kinds[Kind.PHONE].gold == 0
    assert "EMAIL_ADDRESS" in report.format()
    assert len(report.rows()) == 4


def test_score_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.jsonl", [("a", "a"), ("b", "b"), ("c", "c")])
    assert score(path, limit=2).sentences == 2


def test_bad_file_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(MaqsamError):
        score(tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", "utf-8")
    with pytest.raises(MaqsamError, match=r"bad\.jsonl:1"):
        score(bad)
