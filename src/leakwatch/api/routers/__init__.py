"""One router per resource; each handler is thin: parse, call a service, shape the response."""

from __future__ import annotations

from fastapi import APIRouter

from leakwatch.api.routers import (
    actions,
    appeals,
    audit,
    cases,
    channels,
    decisions,
    findings,
    notices,
    reports,
    reveal,
    scan,
    tokens,
    users,
)

ROUTERS: tuple[APIRouter, ...] = (
    scan.router,
    channels.router,
    cases.router,
    decisions.router,
    findings.router,
    reveal.router,
    notices.router,
    appeals.router,
    actions.router,
    audit.router,
    reports.router,
    users.router,
    tokens.router,
)
