"""What route handlers are given: the store, and the caller a bearer token authenticates.

`Caller` is the only way a handler learns who is calling; a request without a valid token never
reaches a handler that takes it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from leakwatch.store.db import Store
from leakwatch.workflow.principal import Principal
from leakwatch.workflow.tokens import Unauthenticated, authenticate

_bearer = HTTPBearer(auto_error=False, description="a token from `leakwatch token create USER`")


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def current_principal(
    store: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The principal the request's bearer token stands for; 401 without a valid one."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("missing, unknown, expired or revoked token")
    return authenticate(store, credentials.credentials)


Caller = Annotated[Principal, Depends(current_principal)]

#: The largest id a store row can have (PostgreSQL's `integer`): a larger one is a 422, not a
#: database overflow.
MAX_ID = 2**31 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
