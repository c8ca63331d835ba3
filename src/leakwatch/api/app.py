"""The app factory: `create_app(store)` wires the routers, the bearer-token check, the problem
handlers, the body cap and the local docs around one open store."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from pydantic import BaseModel

from leakwatch import __version__
from leakwatch.api import docs, problems
from leakwatch.api.body_limit import BodyLimit
from leakwatch.api.deps import no_nul, token_throttle
from leakwatch.api.headers import SecurityHeaders
from leakwatch.store.db import Store
from leakwatch.web.throttle import Throttle
from leakwatch.workflow.tokens import DEFAULT_DAYS

#: The largest request body accepted (an export file uploaded for a scan included).
MAX_BODY_BYTES = 8 * 1024 * 1024


class Health(BaseModel):
    status: str
    version: str


def create_app(
    store: Store,
    *,
    max_body_bytes: int = MAX_BODY_BYTES,
    throttle: Throttle | None = None,
    token_days: int = DEFAULT_DAYS,
) -> FastAPI:
    """An API over `store` (opened with its keys: the audit chain and reveal need them);
    `token_days`: the lifetime of a token created without one."""
    app = FastAPI(
        title="leakwatch",
        version=__version__,
        description="Leaks of personal data and state documents in public channels: scan, "
        "review, notices, appeals, audit, transparency. Authenticate with "
        "`Authorization: Bearer <token>` (`leakwatch token create USER`).",
        docs_url=None,
        redoc_url=None,
        responses=problems.PROBLEM_RESPONSES,
        dependencies=[Depends(no_nul)],
        # operationId = the handler's name (get_cases, post_decision): what client generators name
        # their methods after, instead of FastAPI's path-derived get_cases_cases_get
        generate_unique_id_function=lambda route: route.name,
    )
    app.state.store = store
    app.state.token_throttle = throttle or token_throttle()
    app.state.token_days = token_days
    problems.install(app)
    docs.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)

    @app.get("/health", tags=["health"])
    def health() -> Health:
        """Unauthenticated liveness check."""
        return Health(status="ok", version=__version__)

    from leakwatch.api.routers import ROUTERS

    for router in ROUTERS:
        app.include_router(router)
    from leakwatch.web.app import create_console

    app.mount("/console", create_console(store))  # the web console (leakwatch.web)
    return app
