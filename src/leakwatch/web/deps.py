"""What console handlers are given: the console's state, the logged-in principal, a checked
CSRF token. A handler that takes `Viewer` never runs without a valid session; one that takes
`Csrf` never runs for a POST whose form token is not the session's."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from leakwatch.errors import InputError, LeakwatchError, PermissionDenied
from leakwatch.store.db import Store
from leakwatch.web.passwords import session_principal
from leakwatch.web.session import SessionCodec, SessionData
from leakwatch.web.throttle import Throttle
from leakwatch.workflow.principal import Principal


class LoginRequired(LeakwatchError):
    """No valid session: the console sends the browser to its login page."""

    exit_code = 5
    http_status = 401


class CsrfRejected(PermissionDenied):
    """A form posted without this session's CSRF token (another site, or a stale page)."""


@dataclass(frozen=True)
class Console:
    store: Store
    codec: SessionCodec
    throttle: Throttle
    templates: Jinja2Templates
    #: user id -> when they last logged out: their sessions issued before are over (a copied
    #: cookie included). Held by the serving process; the session's own expiry bounds the rest.
    logouts: dict[int, float] = field(default_factory=dict)


def get_console(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


ConsoleDep = Annotated[Console, Depends(get_console)]


def get_session(request: Request, console: ConsoleDep) -> SessionData | None:
    return console.codec.read(request)


SessionDep = Annotated[SessionData | None, Depends(get_session)]


@dataclass(frozen=True, slots=True)
class Visit:
    """A logged-in request: who, and their session (its CSRF token goes into every form)."""

    principal: Principal
    session: SessionData


def current_visit(console: ConsoleDep, session: SessionDep) -> Visit:
    if session is None or session.user_id is None:
        raise LoginRequired("please log in")
    principal = session_principal(console.store, session.user_id, session.tag)
    if principal is None or session.issued <= console.logouts.get(session.user_id, 0.0):
        raise LoginRequired("your session has ended; please log in again")
    return Visit(principal, session)


Viewer = Annotated[Visit, Depends(current_visit)]


async def check_csrf(request: Request, session: SessionDep) -> None:
    """Refuse a POST whose form `csrf` field is not this session's token."""
    form = await request.form()
    sent = form.get("csrf")
    if (
        session is None
        or not isinstance(sent, str)
        or not hmac.compare_digest(sent.encode(), session.csrf.encode())
    ):
        raise CsrfRejected("the form's security token is missing or stale; reload the page")


Csrf = Depends(check_csrf)


async def no_nul(request: Request) -> None:
    """Refuse a NUL character anywhere in the path, query or form: PostgreSQL cannot even
    compare a text with one, so it would otherwise surface as a database error."""
    values = [request.url.path, *(x for kv in request.query_params.multi_items() for x in kv)]
    if request.method == "POST":
        form = await request.form()
        values += [x for k, v in form.multi_items() for x in (k, v) if isinstance(x, str)]
    if any("\x00" in v for v in values):
        raise InputError("the request contains a NUL character")
