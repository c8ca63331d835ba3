"""Rendering helpers: a page with the visitor's context, and the pieces of text pages show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from leakwatch.web.deps import Visit
from leakwatch.web.labels import bilingual, lang_of
from leakwatch.workflow.roles import Operation, Role, may


@dataclass(frozen=True, slots=True)
class NavItem:
    route: str
    label: str  # a key of labels.toml
    operation: Operation


NAV = (
    NavItem("queue", "review_queue", Operation.VIEW_QUEUE),
    NavItem("notices", "notices", Operation.VIEW_NOTICE),
    NavItem("channels", "channels", Operation.VIEW_CHANNELS),
    NavItem("appeals", "appeals", Operation.VIEW_CASE),
    NavItem("audit", "audit_log", Operation.VIEW_AUDIT),
    NavItem("transparency", "transparency", Operation.REPORT),
)
#: Where a role lands after logging in, if not on the first page of its menu.
HOME = {Role.LIAISON: "notices", Role.AUDITOR: "audit"}


def nav_for(visit: Visit) -> list[NavItem]:
    return [n for n in NAV if may(visit.principal.role, n.operation)]


def home_route(visit: Visit) -> str | None:
    """The page `visit`'s role starts on: its own, else the first of its menu (None: none)."""
    items = nav_for(visit)
    own = HOME.get(visit.principal.role)
    if own is not None and any(n.route == own for n in items):
        return own
    return items[0].route if items else None


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def page(
    templates: Jinja2Templates,
    request: Request,
    template: str,
    visit: Visit | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render `template` with the visitor, their menu and their session's CSRF token."""
    lang = lang_of(request)
    base: dict[str, Any] = {
        "lang": lang,
        "t": lambda key: bilingual(key, lang),
        "visit": visit,
        "nav": nav_for(visit) if visit else [],
        "csrf": visit.session.csrf if visit else context.pop("csrf", ""),
        "can": lambda op: visit is not None and may(visit.principal.role, Operation(op)),
    }
    return templates.TemplateResponse(request, template, base | context, status_code=status_code)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of revealed text: plain (`kind` None) or one finding's span (its entity type)."""

    text: str
    kind: str | None = None


def segments(text: str, spans: Sequence[tuple[int, int, str]]) -> list[Segment]:
    """`text` cut at the findings' spans (start, end, type), for highlighting; overlapping or
    out-of-range spans are clipped so every character appears exactly once."""
    out: list[Segment] = []
    pos = 0
    for s, e, kind in sorted(spans):
        start, end = max(s, pos), min(e, len(text))
        if start >= end:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
