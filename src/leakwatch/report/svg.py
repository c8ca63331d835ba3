"""Small inline SVG charts (bars, a histogram, a distribution strip): no script, no network, so a
report opens the same anywhere, offline, and can be archived as one file."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

FONT = "font-family='system-ui, -apple-system, Segoe UI, Roboto, sans-serif'"
INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
BLUE = "#2563eb"
AMBER = "#d97706"
RED = "#dc2626"
#: Hours buckets for notice-to-action times: (label, upper bound, inclusive).
HOUR_BUCKETS: tuple[tuple[str, float], ...] = (
    ("≤1 h", 1),
    ("1–2 h", 2),
    ("2–4 h", 4),
    ("4–8 h", 8),
    ("8–12 h", 12),
    ("12–24 h", 24),
    ("24–48 h", 48),
    ("48–72 h", 72),
    (">72 h", math.inf),
)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _open(width: int, height: int, title: str) -> str:
    t = escape(title)
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' class='chart' role='img' aria-label='{t}' "
        f"viewBox='0 0 {width} {height}' width='{width}' height='{height}' {FONT}>"
        f"<title>{t}</title>"
    )


def bar_chart(
    title: str, items: Sequence[tuple[str, float]], *, color: str = BLUE, width: int = 460
) -> str:
    """Horizontal bars, one per (label, value), the value written after each bar."""
    label_w, row_h, top = 150, 30, 8
    bar_max = width - label_w - 60
    peak = max((v for _, v in items), default=0) or 1
    height = top * 2 + row_h * max(len(items), 1)
    parts = [_open(width, height, title)]
    if not items:
        parts.append(f"<text x='0' y='24' font-size='13' fill='{MUTED}'>nothing to show</text>")
    for i, (label, value) in enumerate(items):
        y = top + i * row_h
        w = bar_max * value / peak
        parts.append(
            f"<text x='{label_w - 8}' y='{y + 19}' font-size='13' text-anchor='end' "
            f"fill='{INK}'>{escape(label)}</text>"
            f"<rect x='{label_w}' y='{y + 5}' width='{bar_max}' height='{row_h - 10}' "
            f"rx='3' fill='{GRID}' opacity='0.5'/>"
            f"<rect class='bar' x='{label_w}' y='{y + 5}' width='{w:.1f}' height='{row_h - 10}' "
            f"rx='3' fill='{color}'><title>{escape(label)}: {_fmt(value)}</title></rect>"
            f"<text x='{label_w + w + 6:.1f}' y='{y + 19}' font-size='13' font-weight='600' "
            f"fill='{INK}'>{_fmt(value)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def bucket_hours(values: Sequence[float]) -> list[tuple[str, int, float]]:
    """(label, count, upper bound) per HOUR_BUCKETS bucket."""
    counts = [0] * len(HOUR_BUCKETS)
    for v in values:
        for i, (_, upper) in enumerate(HOUR_BUCKETS):
            if v <= upper:
                counts[i] += 1
                break
    return [(label, n, upper) for (label, upper), n in zip(HOUR_BUCKETS, counts, strict=True)]


def hours_histogram(
    title: str, values: Sequence[float], sla_hours: float = 24, width: int = 960
) -> str:
    """Vertical bars of notice-to-action hours per bucket; buckets past the SLA in amber."""
    height = 240
    left, right, top, bottom = 36, 10, 18, 44
    buckets = bucket_hours(values)
    most = max((n for _, n, _ in buckets), default=0) or 1
    count_step = math.ceil(most / 4)
    peak = math.ceil(most / count_step) * count_step
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / len(buckets)
    parts = [_open(width, height, title)]
    for tick in range(0, peak + 1, count_step):
        y = top + plot_h - plot_h * tick / peak
        parts.append(
            f"<line x1='{left}' x2='{width - right}' y1='{y:.1f}' y2='{y:.1f}' stroke='{GRID}'/>"
            f"<text x='{left - 6}' y='{y + 4:.1f}' font-size='11' text-anchor='end' "
            f"fill='{MUTED}'>{tick}</text>"
        )
    for i, (label, n, upper) in enumerate(buckets):
        x = left + i * slot + slot * 0.15
        h = plot_h * n / peak
        color = BLUE if upper <= sla_hours else AMBER
        parts.append(
            f"<rect class='bar' x='{x:.1f}' y='{top + plot_h - h:.1f}' width='{slot * 0.7:.1f}' "
            f"height='{h:.1f}' rx='2' fill='{color}'><title>{escape(label)}: {n}</title></rect>"
            f"<text x='{x + slot * 0.35:.1f}' y='{height - bottom + 16}' font-size='11' "
            f"text-anchor='middle' fill='{INK}'>{escape(label)}</text>"
        )
        if n:
            parts.append(
                f"<text x='{x + slot * 0.35:.1f}' y='{top + plot_h - h - 4:.1f}' font-size='11' "
                f"font-weight='600' text-anchor='middle' fill='{INK}'>{n}</text>"
            )
    parts.append(
        f"<text x='{left + plot_w / 2:.1f}' y='{height - 6}' font-size='11' text-anchor='middle' "
        f"fill='{MUTED}'>hours from notice received to action (amber: past the "
        f"{_fmt(sla_hours)} h SLA)</text></svg>"
    )
    return "".join(parts)


def _step(span: float) -> float:
    for step in (1, 2, 4, 6, 12, 24, 48, 72, 168, 336, 720, 1440):
        if span / step <= 8:
            return step
    return math.ceil(span / 8)


def hours_strip(
    title: str,
    values: Sequence[float],
    median: float | None,
    p90: float | None,
    sla_hours: float = 24,
    width: int = 960,
) -> str:
    """Every notice as a dot on a linear hours axis, with the median, p90 and SLA marked."""
    height = 170
    left, right, top = 24, 24, 50
    span = max([*values, sla_hours, 1.0]) * 1.05
    plot_w = width - left - right
    axis_y = 118

    def x(h: float) -> float:
        return left + plot_w * h / span

    parts = [_open(width, height, title)]
    step = _step(span)
    tick = 0.0
    while tick <= span:
        parts.append(
            f"<line x1='{x(tick):.1f}' x2='{x(tick):.1f}' y1='{top}' y2='{axis_y}' "
            f"stroke='{GRID}'/><text x='{x(tick):.1f}' y='{axis_y + 16}' font-size='11' "
            f"text-anchor='middle' fill='{MUTED}'>{_fmt(tick)} h</text>"
        )
        tick += step
    parts.append(
        f"<line x1='{left}' x2='{width - right}' y1='{axis_y}' y2='{axis_y}' stroke='{MUTED}'/>"
    )
    for i, v in enumerate(sorted(values)):
        jitter = (i * 7) % 5 - 2
        parts.append(
            f"<circle class='dot' cx='{x(v):.1f}' cy='{(top + axis_y) / 2 + jitter * 5:.1f}' "
            f"r='4' fill='{BLUE}' fill-opacity='0.55'><title>{v:.1f} h</title></circle>"
        )
    marks = [(sla_hours, f"SLA {_fmt(sla_hours)} h", RED, "2,3")]
    if median is not None:
        marks.append((median, f"median {median:.1f} h", INK, ""))
    if p90 is not None:
        marks.append((p90, f"p90 {p90:.1f} h", AMBER, "6,3"))
    for i, (h, label, color, dash) in enumerate(marks):
        label_y = 12 + 14 * i
        anchor = "end" if x(h) > width - 110 else "start"
        dx = -5 if anchor == "end" else 5
        parts.append(
            f"<line class='marker' x1='{x(h):.1f}' x2='{x(h):.1f}' y1='{label_y - 4}' "
            f"y2='{axis_y}' stroke='{color}' stroke-width='2' stroke-dasharray='{dash}'/>"
            f"<text x='{x(h) + dx:.1f}' y='{label_y + 4}' font-size='11' font-weight='600' "
            f"text-anchor='{anchor}' fill='{color}'>{escape(label)}</text>"
        )
    parts.append(
        f"<text x='{left + plot_w / 2:.1f}' y='{height - 12}' font-size='11' text-anchor='middle' "
        f"fill='{MUTED}'>one dot per notice actioned in the period</text></svg>"
    )
    return "".join(parts)
