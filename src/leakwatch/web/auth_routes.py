"""Login and logout. A login form carries a CSRF token from a pre-login session; a successful
login replaces that session (new token: no fixation); failures are throttled per user name and
per client address, and each lockout is audited."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from leakwatch.errors import UsageError
from leakwatch.web.deps import (
    ConsoleDep,
    Csrf,
    LoginRequired,
    SessionDep,
    Viewer,
    current_visit,
)
from leakwatch.web.labels import COOKIE as LANG_COOKIE
from leakwatch.web.labels import Lang
from leakwatch.web.passwords import login
from leakwatch.web.render import page
from leakwatch.web.session import cookie_path, new_session
from leakwatch.web.throttle import address_key, minutes, user_key
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.tokens import Unauthenticated

router = APIRouter()
#: The language choice lasts a year (it is no secret and grants nothing).
LANG_MAX_AGE_S = 365 * 24 * 3600


@router.get("/login", name="login_form")
def login_form(request: Request, console: ConsoleDep, session: SessionDep) -> Response:
    if session is not None and session.user_id is not None:
        try:
            current_visit(console, session)
            return RedirectResponse(request.url_for("home"), status_code=303)
        except LoginRequired:
            session = None  # ended (logout, new password): a fresh pre-login session
    session = session or new_session()
    response = page(
        console.templates, request, "login.html", None, csrf=session.csrf, error=None, name=""
    )
    console.codec.write(request, response, session)
    return response


@router.post("/login", name="login", dependencies=[Csrf])
def do_login(
    request: Request,
    console: ConsoleDep,
    session: SessionDep,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
) -> Response:
    assert session is not None  # the CSRF check needs one
    keys = [user_key(name), address_key(request.client.host if request.client else None)]
    wait = console.throttle.wait_s(keys)
    if wait > 0:
        return _refused(
            request,
            console,
            session.csrf,
            name,
            429,
            f"too many failed logins for this user or address; try again in {minutes(wait)} "
            "minutes",
        )
    try:
        principal, tag = login(console.store, name, password)
    except Unauthenticated as exc:
        locked = console.throttle.failed(keys)
        if locked:
            with console.store.session() as s:
                record(
                    s,
                    "console",
                    EventType.LOGIN_LOCKED,
                    "login",
                    {"by": sorted(k.split(":", 1)[0] for k in locked)},
                )
        return _refused(request, console, session.csrf, name, 401, exc.message)
    console.throttle.succeeded(keys[0])
    response = RedirectResponse(request.url_for("home"), status_code=303)
    console.codec.write(request, response, new_session(principal.id, tag))
    return response


def _refused(
    request: Request, console: ConsoleDep, csrf: str, name: str, status: int, message: str
) -> HTMLResponse:
    return page(
        console.templates,
        request,
        "login.html",
        None,
        status_code=status,
        csrf=csrf,
        error=message,
        name=name[:100],
    )


@router.post("/logout", name="logout", dependencies=[Csrf])
def logout(request: Request, console: ConsoleDep, visit: Viewer) -> Response:
    console.logouts[visit.principal.id] = time.time()
    response = RedirectResponse(request.url_for("login_form"), status_code=303)
    console.codec.clear(request, response)
    return response


@router.get("/language", name="language")
def language(
    request: Request,
    to: Annotated[str, Query(max_length=5)],
    back_to: Annotated[str, Query(alias="next", max_length=500)] = "",
) -> Response:
    """Switch the interface language (a cookie) and go back to the page it was switched on:
    only a page of the console itself, never another site."""
    try:
        lang = Lang(to)
    except ValueError:
        raise UsageError(f"no interface language {to[:5]!r}; choose en or ar") from None
    own = cookie_path(request)
    safe = back_to.startswith(own) and "//" not in back_to and "\\" not in back_to
    back = back_to if safe else ""
    response = RedirectResponse(back or request.url_for("home"), status_code=303)
    response.set_cookie(
        LANG_COOKIE,
        lang.value,
        max_age=LANG_MAX_AGE_S,
        path=own,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response
