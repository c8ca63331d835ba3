"""What route handlers are given: the store, and the caller a bearer token authenticates.

`Caller` is the only way a handler learns who is calling; a request without a valid token never
reaches a handler that takes it. Wrong tokens are throttled per client address (the console's
`Throttle`): past `BAD_TOKEN_LIMIT` in its window the address gets 429 until the oldest failure
ages out, even with a good token, and each lockout is audited.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from leakwatch.errors import InputError, LeakwatchError
from leakwatch.store.db import Store
from leakwatch.web.throttle import Throttle, address_key, minutes
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.principal import Principal
from leakwatch.workflow.tokens import Unauthenticated, authenticate

#: Wrong tokens one address may present per window before it is locked out.
BAD_TOKEN_LIMIT = 20

_bearer = HTTPBearer(auto_error=False, description="a token from `leakwatch token create USER`")


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


class TooManyAttempts(LeakwatchError):
    """Too many wrong credentials from one address: try again after `retry_after_s`."""

    exit_code = 5
    http_status = 429

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


def token_throttle() -> Throttle:
    return Throttle(limit=BAD_TOKEN_LIMIT)


def current_principal(
    request: Request,
    store: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The principal the request's bearer token stands for; 401 without a valid one, 429 for an
    address that presented too many wrong ones."""
    throttle: Throttle = request.app.state.token_throttle
    key = address_key(request.client.host if request.client else None)
    wait = throttle.wait_s([key])
    if wait > 0:
        raise TooManyAttempts(
            f"too many wrong tokens from this address; try again in {minutes(wait)} minutes",
            wait,
        )
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("missing, unknown, expired or revoked token")
    try:
        return authenticate(store, credentials.credentials)
    except Unauthenticated:
        if throttle.failed([key]):
            with store.session() as s:
                record(s, "api", EventType.LOGIN_LOCKED, "api-token", {"by": ["addr"]})
        raise


Caller = Annotated[Principal, Depends(current_principal)]


def no_nul(request: Request) -> None:
    """Refuse a NUL character anywhere in the path or query: PostgreSQL cannot even compare a
    text with one, so it would otherwise surface as a database error."""
    if "\x00" in request.url.path or any(
        "\x00" in k or "\x00" in v for k, v in request.query_params.multi_items()
    ):
        raise InputError("the request's path or query contains a NUL character")


#: The largest id a store row can have (PostgreSQL's `integer`): a larger one is a 422, not a
#: database overflow.
MAX_ID = 2**31 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
