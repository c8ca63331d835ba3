"""Identifier recall and precision on the Maqsam Arabic PII sentences (measure only).

Each record holds a sentence (`source`) and its PII values (`masked_value`, joined by " | " in
the order of the `[MASK]`s in `target`). The set labels every PII kind alike, so each gold value
is sorted into a kind by its shape alone; the scan is then asked whether it found it.

Kinds, first rule that holds wins (a value wrapped whole in parentheses is read without them):

* EMAIL: one `@`, no spaces, and a domain with a dot and a 2+ letter top-level label.
* IBAN: spaces/dashes dropped, 2 letters + 2 digits + 11-30 letters/digits, mod-97 == 1.
* CARD: not an IMEI printed 2-6-6-1; spaces/dashes dropped, 13-19 digits, Luhn valid.
* PHONE: an optional `+`, then 7-15 digits in *at least two groups* split by single spaces,
  dashes, dots or a parenthesised area code, with an optional extension (`x123`, `ext. 123`,
  `#123`); or `+`/`00` and 7-15 digits without groups. A bare digit run is not a phone (the set
  uses those for accounts, cards, social-security numbers). Shapes that are something else are
  excluded: an IPv4 address (four dot groups of 1-3 digits, each <= 255), a social-security
  number (3-2-4 digits), a ZIP+4 code (5-4), and dates (d-m-yyyy, yyyy-m-d).
  A value right after a social-security/ID label ("الضمان الاجتماعي", "SSN") is an ID, not a
  phone, whatever its grouping.
* OTHER: everything else (names, addresses, dates, IPs, user agents, ...), not scored.

A gold value counts as found when a finding of its kind's entity type overlaps its span; a
finding of PHONE_NUMBER / IBAN_CODE / EMAIL_ADDRESS / CREDIT_CARD is correct when it overlaps a
gold value of the matching kind.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.patterns import luhn_valid
from leakwatch.detect.registry import default_recognizers
from leakwatch.entities import EntityType
from leakwatch.errors import LeakwatchError
from leakwatch.scan.engine import scan_message
from leakwatch.sources.message import Message

DEFAULT_PATH = Path("/work/shared/data/arabic_pii_maqsam/arabic_pii_maqsam.jsonl")


class Kind(StrEnum):
    EMAIL = "EMAIL"
    IBAN = "IBAN"
    CARD = "CARD"
    PHONE = "PHONE"
    OTHER = "OTHER"


#: The entity type that finds each scored kind.
ENTITY_OF: dict[Kind, EntityType] = {
    Kind.EMAIL: EntityType.EMAIL_ADDRESS,
    Kind.IBAN: EntityType.IBAN_CODE,
    Kind.CARD: EntityType.CREDIT_CARD,
    Kind.PHONE: EntityType.PHONE_NUMBER,
}
_KIND_OF: dict[EntityType, Kind] = {e: k for k, e in ENTITY_OF.items()}

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_IBAN = re.compile(r"[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{11,30}")
_CARD = re.compile(r"[0-9]{13,19}")
_EXTENSION = re.compile(r"[ \t]*(?:x|ext\.?|#)[ \t]*[0-9]{1,6}$", re.IGNORECASE)
_GROUPED = re.compile(r"\+?(?:\([0-9]{1,5}\)[ \-.]?)?[0-9]+(?:[ \-.][0-9]+|\([0-9]{1,5}\))*")
_BARE_INTL = re.compile(r"(?:\+|00)[0-9]{7,15}")
_IPV4 = re.compile(r"([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})")
_NOT_PHONE = re.compile(
    r"[0-9]{3}([ \-.])[0-9]{2}\1[0-9]{4}"  # social-security number 3-2-4
    r"|[0-9]{5}-[0-9]{4}"  # ZIP+4
    r"|[0-9]{1,2}([\-.])[0-9]{1,2}\2[0-9]{4}|[0-9]{4}([\-.])[0-9]{1,2}\3[0-9]{1,2}"  # dates
)
_IMEI = re.compile(r"[0-9]{2}-[0-9]{6}-[0-9]{6}-[0-9]")  # as printed in its allocation groups
_ID_LABEL = re.compile(r"(?:الضمان الاجتماعي|social security|ssn)", re.IGNORECASE)
_SEPARATORS = re.compile(r"[ \-]")


class MaqsamError(LeakwatchError):
    """The Maqsam file is missing or not in the expected shape."""


def classify(value: str, before: str = "") -> Kind:
    """The kind of a gold value by its shape (module docstring), `before` = text preceding it."""
    value = value.strip()
    if value.startswith("(") and value.endswith(")") and "(" not in value[1:-1]:
        inner = value[1:-1]
        if not re.fullmatch(r"[0-9]{1,5}", inner):
            value = inner
    if _EMAIL.fullmatch(value):
        return Kind.EMAIL
    compact = _SEPARATORS.sub("", value)
    if _IBAN.fullmatch(compact) and _mod97(compact.upper()) == 1:
        return Kind.IBAN
    if _IMEI.fullmatch(value):
        return Kind.OTHER
    if _CARD.fullmatch(compact) and luhn_valid(compact):
        return Kind.CARD
    if _is_phone(value) and not _ID_LABEL.search(before[-40:]):
        return Kind.PHONE
    return Kind.OTHER


def _mod97(iban: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])) % 97


def _is_phone(value: str) -> bool:
    body = _EXTENSION.sub("", value)
    digits = sum(ch.isdigit() for ch in body)
    if not 7 <= digits <= 15:
        return False
    if _BARE_INTL.fullmatch(body):
        return True
    if not _GROUPED.fullmatch(body) or body.lstrip("+").isdigit():
        return False
    ip = _IPV4.fullmatch(body)
    if ip and all(int(g) <= 255 for g in ip.groups()):
        return False
    return not _NOT_PHONE.fullmatch(body)


@dataclass(frozen=True, slots=True)
class Gold:
    kind: Kind
    start: int
    end: int


@dataclass(slots=True)
class KindScore:
    """Recall of one kind's gold values and precision of its entity type's findings."""

    kind: Kind
    gold: int = 0
    found: int = 0
    findings: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.findings if self.findings else 0.0


@dataclass(slots=True)
class MaqsamReport:
    """Per-kind figures over `sentences` scanned sentences."""

    sentences: int = 0
    unlocated: int = 0  # gold values not found verbatim in their sentence (not scored)
    kinds: dict[Kind, KindScore] = field(
        default_factory=lambda: {k: KindScore(k) for k in ENTITY_OF}
    )

    def rows(self) -> list[tuple[str, str, int, float, int, float]]:
        """(kind, entity type, gold, recall, findings, precision) per scored kind."""
        return [
            (k.value, ENTITY_OF[k].value, s.gold, s.recall, s.findings, s.precision)
            for k, s in self.kinds.items()
        ]

    def format(self) -> str:
        lines = [
            f"Maqsam Arabic PII: {self.sentences} sentences, "
            f"{self.unlocated} gold values unlocated",
            f"{'kind':<6} {'entity':<14} {'gold':>5} {'recall':>7} {'found':>6} {'precision':>9}",
        ]
        for kind, entity, gold, recall, findings, precision in self.rows():
            lines.append(
                f"{kind:<6} {entity:<14} {gold:>5} {recall:>7.3f} {findings:>6} {precision:>9.3f}"
            )
        return "\n".join(lines)


def gold_spans(source: str, masked_value: str) -> tuple[list[Gold], int]:
    """The gold values located in `source` in order (each search starts after the previous
    value), with their kinds; and how many could not be located."""
    spans: list[Gold] = []
    missing = 0
    pos = 0
    for raw in masked_value.split(" | "):
        value = raw.strip()
        if not value:
            continue
        at = source.find(value, pos)
        if at < 0:
            at = source.find(value)
        if at < 0:
            missing += 1
            continue
        spans.append(Gold(classify(value, source[:at]), at, at + len(value)))
        pos = at + len(value)
    return spans, missing


def score(path: Path = DEFAULT_PATH, limit: int | None = None) -> MaqsamReport:
    """Scan each sentence of the Maqsam file and score the identifier kinds."""
    analyzer = Analyzer(default_recognizers())
    report = MaqsamReport()
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise MaqsamError(f"cannot read {path}: {exc.strerror}") from exc
    for number, line in enumerate(lines[:limit] if limit is not None else lines, 1):
        try:
            record = json.loads(line)
            source, masked = str(record["source"]), str(record["masked_value"])
        except (ValueError, KeyError, TypeError) as exc:
            raise MaqsamError(f"{path}:{number}: not a Maqsam record") from exc
        _score_sentence(analyzer, report, number, source, masked)
    return report


def _score_sentence(
    analyzer: Analyzer, report: MaqsamReport, number: int, source: str, masked: str
) -> None:
    report.sentences += 1
    golds, missing = gold_spans(source, masked)
    report.unlocated += missing
    msg = Message("maqsam", None, None, number, None, source)
    findings = scan_message(analyzer, msg).findings
    for gold in golds:
        if gold.kind is Kind.OTHER:
            continue
        entry = report.kinds[gold.kind]
        entry.gold += 1
        entity = ENTITY_OF[gold.kind]
        if any(
            f.entity_type is entity and f.start < gold.end and gold.start < f.end for f in findings
        ):
            entry.found += 1
    for f in findings:
        kind = _KIND_OF.get(f.entity_type)
        if kind is None:
            continue
        entry = report.kinds[kind]
        entry.findings += 1
        if any(g.kind is kind and f.start < g.end and g.start < f.end for g in golds):
            entry.correct += 1


def main() -> None:
    """`python -m leakwatch.evaluate.maqsam [PATH] [LIMIT]`: print the table."""
    import sys

    args = sys.argv[1:]
    path = Path(args[0]) if args else DEFAULT_PATH
    try:
        limit = int(args[1]) if len(args) > 1 else None
        print(score(path, limit).format())
    except (MaqsamError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
