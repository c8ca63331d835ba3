"""The transparency report as one self-contained HTML file: inline CSS and SVG, no script, no
fonts or images fetched, so it opens offline and can be archived or mailed as it is."""

from __future__ import annotations

from html import escape

from leakwatch.report import dsa
from leakwatch.report.svg import AMBER, BLUE, bar_chart, hours_histogram, hours_strip
from leakwatch.report.transparency import TransparencyReport

MAX_ROWS = 500
PREFIXES = (
    "DECISION_VISIBILITY_",
    "DECISION_GROUND_",
    "STATEMENT_CATEGORY_",
    "SOURCE_",
    "AUTOMATED_DECISION_",
)
LABELS = {
    "personal_data": "Personal data",
    "state_document": "State document",
    "uncategorised": "Uncategorised",
    "remove": "Remove content",
    "restrict_channel": "Restrict channel",
    "no_violation": "No violation",
    "escalate": "Escalate",
    "notice": "Regulator notice",
    "own_detection": "Own detection",
    "Yes": "Automated",
    "No": "Not automated",
    "AUTOMATED_DECISION_FULLY": "Fully automated",
    "AUTOMATED_DECISION_PARTIALLY": "Partly automated",
    "AUTOMATED_DECISION_NOT_AUTOMATED": "Not automated",
}
CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:#1f2937;font:14px/1.45 system-ui,-apple-system,"Segoe UI",
Roboto,sans-serif}
main{max-width:1040px;margin:0 auto;padding:28px 24px 40px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:#6b7280}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;
margin:22px 0}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:12px 14px}
.card .v{font-size:26px;font-weight:700}
.card .k{color:#6b7280;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .s{color:#6b7280;font-size:12px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(470px,1fr));gap:14px}
section{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:14px 16px;
margin-top:14px}
section h2{font-size:15px;margin:0 0 8px}
svg.chart{max-width:100%;height:auto;display:block}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{text-align:left;padding:5px 6px;border-bottom:1px solid #eef0f3;vertical-align:top}
th{color:#6b7280;font-weight:600}
code{font-size:11px}
td:nth-child(2) code,td:nth-child(3) code{white-space:nowrap}
.scroll{overflow-x:auto}
footer,.note{color:#6b7280;font-size:12px;margin-top:18px}
"""


def _short(value: str) -> str:
    """A DSA code without its field prefix, for a table that has to fit a page."""
    for prefix in PREFIXES:
        value = value.replace(prefix, "")
    return value


def _label(key: str) -> str:
    return LABELS.get(key, key.replace("_", " "))


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} h"


def _card(key: str, value: str, sub: str = "") -> str:
    sub_html = f"<div class='s'>{escape(sub)}</div>" if sub else ""
    return (
        f"<div class='card'><div class='k'>{escape(key)}</div>"
        f"<div class='v'>{escape(value)}</div>{sub_html}</div>"
    )


def _chart_section(title: str, items: tuple[tuple[str, int], ...], color: str = BLUE) -> str:
    labelled = [(_label(k), float(v)) for k, v in items]
    return f"<section><h2>{escape(title)}</h2>{bar_chart(title, labelled, color=color)}</section>"


def _rows_table(report: TransparencyReport) -> str:
    cols = (
        "puid",
        "application_date",
        "content_date",
        "decision_visibility",
        "decision_ground",
        "category",
        "source_type",
        "automated_detection",
        "automated_decision",
    )
    head = "".join(f"<th>{c.replace('_', ' ')}</th>" for c in cols)
    body = []
    for sor in report.statements[:MAX_ROWS]:
        d = sor.as_dict()
        cells = []
        for c in cols:
            v = d[c]
            text = ", ".join(v) if isinstance(v, list) else "" if v is None else str(v)
            cells.append(f"<td><code>{escape(_short(text)).replace('_', '_<wbr>')}</code></td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    more = len(report.statements) - MAX_ROWS
    note = (
        "<p class='note'>Values are shown without their field's prefix ("
        + ", ".join(PREFIXES)
        + "); the CSV and JSON exports carry them in full, with every other field."
    )
    note += f" {more} more rows are in the exports.</p>" if more > 0 else "</p>"
    if not body:
        return "<p>No statements of reasons in this period.</p>"
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f"<div class='scroll'>{table}</div>{note}"


def render_html(report: TransparencyReport) -> str:
    """The report page: headline figures, bar charts, notice-to-action times, the rows."""
    period = f"{report.start.isoformat()} – {report.end.isoformat()}"
    sla = (
        f"{report.notices_within_sla} of {report.notices_actioned} within SLA"
        if report.notices_actioned
        else "none actioned"
    )
    cards = "".join(
        (
            _card("Decisions", str(report.decisions)),
            _card("Statements of reasons", str(len(report.statements)), "restrictions"),
            _card("Notices received", str(report.notices_received), sla),
            _card("Median notice → action", _hours(report.median_hours)),
            _card("p90 notice → action", _hours(report.p90_hours)),
            _card(
                "Appeals", str(report.appeals_filed), f"{report.appeals_decided} decided in period"
            ),
        )
    )
    charts = "".join(
        (
            _chart_section("Decisions by category", report.by_category),
            _chart_section("Decisions by outcome", report.by_decision),
            _chart_section("Decisions by source", report.by_source, AMBER),
            _chart_section("Automated detection", report.by_automated_detection),
            _chart_section("Automated decision", report.by_automated_decision),
        )
    )
    if report.appeals_decided:
        charts += _chart_section("Appeals decided, by outcome", report.by_appeal_outcome, AMBER)
    hours = report.notice_to_action_hours
    timing = (
        hours_histogram("Notice-to-action hours", hours)
        + hours_strip("Notice-to-action times", hours, report.median_hours, report.p90_hours)
        if hours
        else "<p>No notice was actioned in this period.</p>"
    )
    headline = (
        f"Median {_hours(report.median_hours)}, p90 {_hours(report.p90_hours)} from notice "
        f"received to action, over {report.notices_actioned} notice(s)."
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{dsa.PLATFORM_NAME} transparency report {escape(period)}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<header>
<h1>{dsa.PLATFORM_NAME} transparency report</h1>
<p>{escape(period)} (UTC) · territorial scope {escape(", ".join(dsa.TERRITORIAL_SCOPE))} ·
generated {escape(report.generated_at.strftime("%Y-%m-%d %H:%M"))} UTC</p>
</header>
<div class="cards">{cards}</div>
<section><h2>Time from notice to action</h2><p>{escape(headline)}</p>{timing}</section>
<div class="grid">{charts}</div>
<section><h2>Statements of reasons ({len(report.statements)})</h2>{_rows_table(report)}</section>
<footer>Counts cover the initial decisions taken in the period. Each restriction is one statement
of reasons whose fields follow the EU DSA transparency database schema; the CSV and JSON exports
carry every field. This report holds aggregates and codes only: no message text, no personal
data.</footer>
</main>
</body>
</html>
"""
