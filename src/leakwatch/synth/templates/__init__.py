"""The template registry and its deterministic default/holdout split.

Templates are bucketed by (kind, language); in each bucket the lowest-ranked 20 % by CRC-32 of
the template id (at least one when the bucket has two or more) belong to the holdout style and
the rest to the default style, so the two never share a template. Every kind keeps at least one
template on each side, so both styles cover every label kind.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from leakwatch.synth.pools import HOLDOUT_SHARE, Style, stable_rank
from leakwatch.synth.templates import ads, bulk, bundles, documents, framed, plain, public
from leakwatch.synth.templates.base import Polarity, Template

__all__ = ["ALL_TEMPLATES", "Polarity", "Template", "count_templates", "templates_for"]

ALL_TEMPLATES: tuple[Template, ...] = tuple(
    [
        *bundles.templates(),
        *framed.templates(),
        *bulk.templates(),
        *documents.templates(),
        *ads.templates(),
        *public.templates(),
        *plain.templates(),
    ]
)


def _holdout_ids() -> frozenset[str]:
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in ALL_TEMPLATES:
        buckets[(t.kind, t.lang)].append(t.id)
    held: set[str] = set()
    for ids in buckets.values():
        ranked = sorted(ids, key=lambda i: (stable_rank(i), i))
        if len(ranked) >= 2:
            held.update(ranked[: max(1, round(len(ranked) * HOLDOUT_SHARE))])
        elif stable_rank(ranked[0]) % 5 == 0:
            held.add(ranked[0])
    # Every kind with two or more templates must exist in both styles.
    by_kind: dict[str, list[str]] = defaultdict(list)
    for t in ALL_TEMPLATES:
        by_kind[t.kind].append(t.id)
    for ids in by_kind.values():
        ranked = sorted(ids, key=lambda i: (stable_rank(i), i))
        if len(ranked) < 2:
            continue
        if all(i in held for i in ranked):
            held.discard(ranked[-1])
        elif not any(i in held for i in ranked):
            held.add(ranked[0])
    return frozenset(held)


@cache
def templates_for(style: Style) -> tuple[Template, ...]:
    """The templates a style draws from; default and holdout are disjoint."""
    held = _holdout_ids()
    want = style == "holdout"
    return tuple(t for t in ALL_TEMPLATES if (t.id in held) == want)


def count_templates(style: Style | None = None) -> dict[Polarity, int]:
    """How many templates of each polarity exist (in one style, or in all)."""
    pool = ALL_TEMPLATES if style is None else templates_for(style)
    counts: dict[Polarity, int] = {"leak": 0, "negative": 0, "chatter": 0}
    for t in pool:
        counts[t.polarity] += 1
    return counts
