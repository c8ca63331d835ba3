"""Counting and scoring: message verdicts, severities, and spans (exact and overlap).

Scores with an empty denominator are 0.0 (no predictions means no precision to claim). Exact
span matching compares (entity_type, start, end) as multisets. Overlap matching is the lenient
secondary number: a predicted span counts for precision if it overlaps any gold span of the same
type, a gold span counts for recall if any predicted span of its type overlaps it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from leakwatch.evaluate.labels import Span


def ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Binary:
    """Message-level confusion counts, leak being the positive class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def fpr(self) -> float:
        """False-positive rate FP / (FP + TN): the share of clear messages flagged."""
        return ratio(self.fp, self.fp + self.tn)


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """Exact-match span counts: gold and predicted totals and how many matched."""

    gold: int = 0
    pred: int = 0
    tp: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.pred)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(self.gold + other.gold, self.pred + other.pred, self.tp + other.tp)


@dataclass(frozen=True, slots=True)
class OverlapCounts:
    """Overlap-match counts: predictions touching a gold span, gold spans touched by one."""

    gold: int = 0
    pred: int = 0
    pred_hit: int = 0
    gold_hit: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.pred_hit, self.pred)

    @property
    def recall(self) -> float:
        return ratio(self.gold_hit, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def __add__(self, other: OverlapCounts) -> OverlapCounts:
        return OverlapCounts(
            self.gold + other.gold,
            self.pred + other.pred,
            self.pred_hit + other.pred_hit,
            self.gold_hit + other.gold_hit,
        )


def _by_type(spans: Iterable[Span]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for etype, start, end in spans:
        out.setdefault(etype, []).append((start, end))
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def compare_spans(
    gold: Iterable[Span], pred: Iterable[Span]
) -> dict[str, tuple[SpanCounts, OverlapCounts]]:
    """Per entity type, the exact and overlap counts of one message."""
    g, p = _by_type(gold), _by_type(pred)
    if not p:  # the common case: a clear message the scan did not report
        return {t: (SpanCounts(len(s), 0, 0), OverlapCounts(len(s), 0, 0, 0)) for t, s in g.items()}
    out: dict[str, tuple[SpanCounts, OverlapCounts]] = {}
    for etype in g.keys() | p.keys():
        gs, ps = g.get(etype, []), p.get(etype, [])
        tp = sum((Counter(gs) & Counter(ps)).values())
        overlap = OverlapCounts(
            gold=len(gs),
            pred=len(ps),
            pred_hit=sum(_overlaps(x, gs) for x in ps),
            gold_hit=sum(_overlaps(x, ps) for x in gs),
        )
        out[etype] = (SpanCounts(len(gs), len(ps), tp), overlap)
    return out


@dataclass(frozen=True, slots=True)
class KindStats:
    """Message-level errors of one label kind (template family), for error analysis."""

    kind: str
    messages: int = 0
    leaks: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def errors(self) -> int:
        return self.false_positives + self.false_negatives

    @property
    def error_rate(self) -> float:
        return ratio(self.errors, self.messages)


@dataclass(frozen=True, slots=True)
class TypeScores:
    """Span scores of one entity type."""

    entity_type: str
    exact: SpanCounts
    overlap: OverlapCounts

    @property
    def support(self) -> int:
        return self.exact.gold
