#!/usr/bin/env python3
"""Build the hand-written held-out evaluation set from its markup file.

Source: ``tests/data/heldout/heldout.md``. Outputs, next to it:

* ``posts.jsonl``  -- ``{"channel": "heldout", "channel_id": 1799000001, "id": N, "text": ...}``
* ``labels.jsonl`` -- the labels format of ``docs/spans.md`` (one object per message).

Markup
------
The file is a sequence of blocks separated by lines that are exactly ``---``. Each block starts
with a header line::

    # verdict=leak severity=high categories=personal_data lang=ar kind=doxx_phone

``verdict`` is ``leak`` or ``clear``; ``severity`` is ``critical|high|medium|low`` for a leak and
``none`` for a clear message; ``categories`` is a comma-separated subset of ``personal_data`` and
``state_document`` (``none`` for a clear message); ``lang`` is ``ar``, ``ku``, ``en`` or ``mixed``
(used only for the summary); ``kind`` is a short ``snake_case`` tag written to the labels.

The lines after the header are the message (leading and trailing newlines of the block are
stripped, nothing else). Entities are marked inline as ``[[TYPE|value]]``; the value may span
several lines (``STATE_DOCUMENT`` blocks do). The message text is the body with every markup
replaced by its value, and each finding's ``start``/``end`` are code-point offsets into that text.

Messages are numbered 1, 2, ... in file order. Errors (unknown entity types, unbalanced markup,
spans with leading/trailing whitespace or punctuation, values that are not valid for their type,
inconsistent verdict/severity/categories) are all reported with their block number, and nothing
is written. The output is a pure function of the markup file.

Usage::

    python scripts/make_heldout.py           # validate, write posts.jsonl and labels.jsonl
    python scripts/make_heldout.py --check   # validate, fail if the written files are stale
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT_DIR = ROOT / "tests" / "data" / "heldout"
MARKUP_FILE = HELDOUT_DIR / "heldout.md"
POSTS_FILE = HELDOUT_DIR / "posts.jsonl"
LABELS_FILE = HELDOUT_DIR / "labels.jsonl"
SOURCE = "tests/data/heldout/posts.jsonl"
CHANNEL = "heldout"
CHANNEL_ID = 1799000001

ENTITY_TYPES = frozenset(
    {
        "PERSON",
        "PHONE_NUMBER",
        "IQ_NATIONAL_ID",
        "IQ_CIVIL_ID",
        "IQ_PASSPORT",
        "IQ_RESIDENCE_CARD",
        "ADDRESS",
        "DATE_OF_BIRTH",
        "EMAIL_ADDRESS",
        "IBAN_CODE",
        "CREDIT_CARD",
        "VEHICLE_PLATE",
        "STATE_DOCUMENT",
    }
)
LEAK_SEVERITIES = ("critical", "high", "medium", "low")
CATEGORIES = ("personal_data", "state_document")
LANGS = ("ar", "ku", "en", "mixed")
HEADER_KEYS = ("verdict", "severity", "categories", "lang", "kind")
KIND_RE = re.compile(r"[a-z][a-z0-9_]*")
EDGE_PUNCT = frozenset(".,،:;؛!?؟-–—/()[]{}\"'«»")
OPEN, CLOSE, SEP = "[[", "]]", "|"


class BlockError(Exception):
    """A problem in one block of the markup file."""

    def __init__(self, block: int, line: int, message: str) -> None:
        super().__init__(f"block {block} (line {line}): {message}")


@dataclass(frozen=True)
class Finding:
    entity_type: str
    start: int
    end: int


@dataclass(frozen=True)
class Message:
    block: int
    verdict: str
    severity: str | None
    categories: tuple[str, ...]
    lang: str
    kind: str
    text: str
    findings: tuple[Finding, ...]


def ascii_digits(value: str) -> str:
    """The decimal digits of ``value`` (any script) as ASCII, everything else dropped."""
    return "".join(str(unicodedata.decimal(ch)) for ch in value if unicodedata.decimal(ch, -1) >= 0)


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def value_problem(entity_type: str, value: str) -> str | None:
    """Why ``value`` cannot be a span of ``entity_type`` (None when it can)."""
    if not value:
        return "empty span"
    if value != value.strip():
        return "span has leading or trailing whitespace"
    if entity_type != "STATE_DOCUMENT" and "\n" in value:
        return "only STATE_DOCUMENT spans may cross lines"
    if entity_type != "STATE_DOCUMENT":
        if value[-1] in EDGE_PUNCT:
            return f"span ends with punctuation {value[-1]!r}"
        if value[0] in EDGE_PUNCT:
            return f"span starts with punctuation {value[0]!r}"
    digits = ascii_digits(value)
    if entity_type == "PHONE_NUMBER":
        first_ok = value[0] == "+" or unicodedata.decimal(value[0], -1) >= 0
        last = value.rstrip("\ufe0e\ufe0f\u20e3")  # a keycap digit is the whole emoji
        if not first_ok or not last or unicodedata.decimal(last[-1], -1) < 0:
            return "phone span must run from '+' or the first digit to the last digit"
        if not 5 <= len(digits) <= 15:
            return f"phone number with {len(digits)} digits"
    elif entity_type == "IQ_NATIONAL_ID":
        if len(digits) != 12 or re.search(r"[^\d\s-]", value):
            return "national ID must be 12 digits"
    elif entity_type == "IQ_PASSPORT":
        if not re.fullmatch(r"[A-Z] ?[0-9]{8}", value.translate(_DIGITS)):
            return "passport must be one letter and 8 digits"
    elif entity_type == "IBAN_CODE":
        if not iban_ok(value):
            return "IBAN fails the mod-97 check"
    elif entity_type == "CREDIT_CARD":
        if re.search(r"[^\d\s-]", value) or not 13 <= len(digits) <= 19 or not luhn_ok(digits):
            return "card number fails the Luhn check"
    elif entity_type == "EMAIL_ADDRESS":
        if not re.fullmatch(r"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}", value):
            return "not an e-mail address"
    elif entity_type in ("DATE_OF_BIRTH", "VEHICLE_PLATE", "IQ_CIVIL_ID", "IQ_RESIDENCE_CARD"):
        if not digits:
            return f"{entity_type} without digits"
    elif entity_type == "PERSON" and digits:
        return "PERSON with digits"
    return None


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def parse_header(line: str, block: int, lineno: int) -> dict[str, str]:
    if not line.startswith("# "):
        raise BlockError(block, lineno, f"expected a header line '# verdict=...', got {line!r}")
    fields: dict[str, str] = {}
    for item in line[2:].split():
        key, eq, value = item.partition("=")
        if not eq or key not in HEADER_KEYS:
            raise BlockError(block, lineno, f"bad header field {item!r}")
        if key in fields:
            raise BlockError(block, lineno, f"header field {key!r} given twice")
        fields[key] = value
    missing = [k for k in HEADER_KEYS if k not in fields]
    if missing:
        raise BlockError(block, lineno, f"header lacks {', '.join(missing)}")
    return fields


def parse_markup(body: str, block: int, lineno: int) -> tuple[str, tuple[Finding, ...]]:
    """Strip the ``[[TYPE|value]]`` markup from ``body``; return the text and its findings."""
    chunks: list[str] = []
    findings: list[Finding] = []
    length = 0
    i = 0
    while i < len(body):
        at_line = lineno + body.count("\n", 0, i)
        if body.startswith(OPEN, i):
            close = body.find(CLOSE, i + len(OPEN))
            if close < 0:
                raise BlockError(block, at_line, "'[[' without a closing ']]'")
            inner = body[i + len(OPEN) : close]
            if OPEN in inner:
                raise BlockError(block, at_line, "nested or unclosed '[['")
            entity_type, sep, value = inner.partition(SEP)
            if not sep:
                raise BlockError(block, at_line, f"markup without '|': {inner[:40]!r}")
            if entity_type not in ENTITY_TYPES:
                raise BlockError(block, at_line, f"unknown entity type {entity_type!r}")
            problem = value_problem(entity_type, value)
            if problem:
                raise BlockError(block, at_line, f"{entity_type} {value[:40]!r}: {problem}")
            chunks.append(value)
            findings.append(Finding(entity_type, length, length + len(value)))
            length += len(value)
            i = close + len(CLOSE)
        elif body.startswith(CLOSE, i):
            raise BlockError(block, at_line, "']]' without an opening '[['")
        else:
            nxt = min(
                (p for p in (body.find(OPEN, i), body.find(CLOSE, i)) if p >= 0),
                default=len(body),
            )
            chunks.append(body[i:nxt])
            length += nxt - i
            i = nxt
    return "".join(chunks), tuple(findings)


def parse_block(lines: list[str], first_line: int, block: int) -> Message:
    while lines and not lines[0].strip():
        lines = lines[1:]
        first_line += 1
    header = parse_header(lines[0], block, first_line)
    raw_body = "\n".join(lines[1:])
    body = raw_body.strip("\n")
    body_line = first_line + 1 + (len(raw_body) - len(raw_body.lstrip("\n")))
    if not body.strip():
        raise BlockError(block, first_line, "empty message")
    text, findings = parse_markup(body, block, body_line)

    verdict, severity_field = header["verdict"], header["severity"]
    cats_field, lang, kind = header["categories"], header["lang"], header["kind"]
    categories = () if cats_field in ("", "none", "-") else tuple(cats_field.split(","))
    for cat in categories:
        if cat not in CATEGORIES:
            raise BlockError(block, first_line, f"unknown category {cat!r}")
    if len(set(categories)) != len(categories):
        raise BlockError(block, first_line, "category given twice")
    severity: str | None
    if verdict == "leak":
        if severity_field not in LEAK_SEVERITIES:
            raise BlockError(block, first_line, f"leak with severity {severity_field!r}")
        if not categories:
            raise BlockError(block, first_line, "leak without categories")
        if not findings:
            raise BlockError(block, first_line, "leak without any finding")
        has_doc = any(f.entity_type == "STATE_DOCUMENT" for f in findings)
        if ("state_document" in categories) != has_doc:
            raise BlockError(
                block, first_line, "state_document category and STATE_DOCUMENT spans disagree"
            )
        if categories == ("state_document",) and severity_field in ("medium", "low"):
            raise BlockError(block, first_line, "a state document leak is high or critical")
        severity = severity_field
    elif verdict == "clear":
        if severity_field != "none":
            raise BlockError(block, first_line, f"clear with severity {severity_field!r}")
        if categories:
            raise BlockError(block, first_line, "clear with categories")
        severity = None
    else:
        raise BlockError(block, first_line, f"unknown verdict {verdict!r}")
    if lang not in LANGS:
        raise BlockError(block, first_line, f"unknown lang {lang!r}")
    if not KIND_RE.fullmatch(kind):
        raise BlockError(block, first_line, f"bad kind {kind!r}")
    ordered = tuple(c for c in CATEGORIES if c in categories)
    return Message(block, verdict, severity, ordered, lang, kind, text, findings)


def parse_file(source: str) -> tuple[list[Message], list[str]]:
    if "\r" in source:
        return [], ["the markup file must use LF line endings"]
    messages: list[Message] = []
    errors: list[str] = []
    current: list[str] = []
    start_line = 1
    block = 0

    def flush() -> None:
        nonlocal block
        if not any(line.strip() for line in current):
            return
        block += 1
        try:
            messages.append(parse_block(list(current), start_line, block))
        except BlockError as exc:
            errors.append(str(exc))

    for lineno, line in enumerate(source.split("\n"), start=1):
        if line == "---":
            flush()
            current.clear()
            start_line = lineno + 1
        else:
            current.append(line)
    flush()
    return messages, errors


def render(
    messages: list[Message],
    channel: str = CHANNEL,
    channel_id: int = CHANNEL_ID,
    source: str = SOURCE,
) -> tuple[str, str]:
    posts: list[str] = []
    labels: list[str] = []
    for n, msg in enumerate(messages, start=1):
        post = {"channel": channel, "channel_id": channel_id, "id": n, "text": msg.text}
        label = {
            "source": source,
            "channel_id": channel_id,
            "message_id": n,
            "verdict": msg.verdict,
            "severity": msg.severity,
            "categories": list(msg.categories),
            "findings": [
                {"entity_type": f.entity_type, "start": f.start, "end": f.end}
                for f in sorted(msg.findings, key=lambda f: (f.start, f.end, f.entity_type))
            ],
            "kind": msg.kind,
        }
        posts.append(json.dumps(post, ensure_ascii=False))
        labels.append(json.dumps(label, ensure_ascii=False))
    return "\n".join(posts) + "\n", "\n".join(labels) + "\n"


def summary(messages: list[Message]) -> str:
    verdicts = Counter(m.verdict for m in messages)
    langs = Counter(m.lang for m in messages)
    severities = Counter(m.severity or "none" for m in messages)
    entities = Counter(f.entity_type for m in messages for f in m.findings)
    hard = sum(1 for m in messages if m.verdict == "clear" and m.findings)
    by_lang = Counter((m.lang, m.verdict) for m in messages)
    out = [f"messages: {len(messages)}"]
    out.append("verdicts: " + ", ".join(f"{k}={v}" for k, v in sorted(verdicts.items())))
    total = max(len(messages), 1)
    out.append(f"hard negatives (clear with findings): {hard} ({100 * hard / total:.0f}%)")
    out.append(
        "languages: "
        + ", ".join(
            f"{lang}={langs[lang]} ({100 * langs[lang] / total:.0f}%; "
            f"leak={by_lang[(lang, 'leak')]} clear={by_lang[(lang, 'clear')]})"
            for lang in LANGS
        )
    )
    out.append(
        "severities: " + ", ".join(f"{s}={severities[s]}" for s in (*LEAK_SEVERITIES, "none"))
    )
    out.append("entities: " + ", ".join(f"{k}={v}" for k, v in entities.most_common()))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=MARKUP_FILE, help="markup file")
    parser.add_argument("--out-dir", type=Path, default=HELDOUT_DIR, help="output folder")
    parser.add_argument("--check", action="store_true", help="fail if outputs are stale")
    parser.add_argument("--quiet", action="store_true", help="no summary")
    parser.add_argument("--channel", default=CHANNEL, help="channel name written to posts.jsonl")
    parser.add_argument("--channel-id", type=int, default=CHANNEL_ID, help="channel id")
    args = parser.parse_args(argv)

    messages, errors = parse_file(args.source.read_text(encoding="utf-8"))
    if errors:
        for err in errors:
            print(f"{args.source}: {err}", file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    posts_file, labels_file = args.out_dir / POSTS_FILE.name, args.out_dir / LABELS_FILE.name
    out_dir = args.out_dir.resolve()
    source = (
        str((out_dir / POSTS_FILE.name).relative_to(ROOT))
        if out_dir.is_relative_to(ROOT)
        else str(posts_file)
    )
    posts, labels = render(messages, args.channel, args.channel_id, source)
    if args.check:
        stale = [
            str(path)
            for path, content in ((posts_file, posts), (labels_file, labels))
            if not path.exists() or path.read_text(encoding="utf-8") != content
        ]
        if stale:
            print("stale: " + ", ".join(stale), file=sys.stderr)
            return 1
    else:
        posts_file.write_text(posts, encoding="utf-8", newline="\n")
        labels_file.write_text(labels, encoding="utf-8", newline="\n")
    if not args.quiet:
        print(summary(messages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
