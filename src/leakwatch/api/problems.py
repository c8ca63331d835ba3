"""RFC 9457 problem details for every error the API returns, and nothing else.

Services raise `LeakwatchError` carrying an HTTP status; this module is the only place that turns
one into a response. Request validation errors become 422 problems listing where the input was
wrong (never echoing the input: it may be personal data, or huge); anything unexpected becomes a
500 problem with no detail, never a traceback.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from leakwatch.errors import LeakwatchError

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("leakwatch.api")


class InvalidParam(BaseModel):
    """One place where the request was wrong: `loc` is the path to it (`body`, `query`, …)."""

    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem: `type` names the kind of problem, `title` summarizes it, `status` is
    the HTTP status, `detail` says what happened this time."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[InvalidParam] | None = None


#: For the OpenAPI schema: what every route may answer besides its success.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {
        "model": Problem,
        "content": {MEDIA_TYPE: {}},
        "description": HTTPStatus(status).phrase,
    }
    for status in (400, 401, 403, 404, 409, 413, 422, 429)
}


def _slug(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def problem_response(
    status: int,
    detail: str | None = None,
    *,
    kind: str | None = None,
    errors: list[InvalidParam] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    body = Problem(
        type=f"urn:leakwatch:problem:{kind}" if kind else "about:blank",
        title=title,
        status=status,
        detail=detail,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=MEDIA_TYPE,
        headers=headers,
    )


def _leakwatch_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, LeakwatchError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
    retry_after = getattr(exc, "retry_after_s", None)
    if isinstance(retry_after, int | float):
        headers = {"Retry-After": str(max(1, math.ceil(retry_after)))}
    return problem_response(
        exc.http_status, exc.message, kind=_slug(type(exc).__name__), headers=headers
    )


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        InvalidParam(
            loc=[p if isinstance(p, int) else str(p) for p in e.get("loc", ())],
            msg=str(e.get("msg", "invalid")),
            type=str(e.get("type", "invalid")),
        )
        for e in exc.errors()
    ]
    where = ", ".join(".".join(str(p) for p in e.loc) for e in errors[:5])
    return problem_response(
        422, f"the request is not valid: {where}", kind="validation-error", errors=errors
    )


def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return problem_response(exc.status_code, str(exc.detail), headers=exc.headers)


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(500, "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.add_exception_handler(LeakwatchError, _leakwatch_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
