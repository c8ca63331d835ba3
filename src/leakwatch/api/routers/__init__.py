"""One router per resource; each handler is thin: parse, call a service, shape the response."""

from __future__ import annotations

from fastapi import APIRouter

from leakwatch.api.routers import tokens

ROUTERS: tuple[APIRouter, ...] = (tokens.router,)
