"""The console app factory: `create_console(store)`, a FastAPI app of its own (HTML errors, its
own static files, no OpenAPI), which the API app mounts at /console."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import jinja2
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from leakwatch.errors import LeakwatchError
from leakwatch.store.db import Store
from leakwatch.web import (
    appeal_routes,
    audit_routes,
    auth_routes,
    channel_routes,
    notice_routes,
    report_routes,
    review_routes,
)
from leakwatch.web.deps import Console, LoginRequired, Viewer, no_nul
from leakwatch.web.render import home_route, is_htmx, page
from leakwatch.web.session import SessionCodec
from leakwatch.web.throttle import Throttle

HERE = Path(__file__).parent
STATIC = "/static"
ROUTES = (
    auth_routes,
    review_routes,
    notice_routes,
    channel_routes,
    appeal_routes,
    audit_routes,
    report_routes,
)
#: Scripts and styles from the console's own /static only; no inline script, no framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",  # a revealed text must not linger in any cache
}


def create_console(store: Store, *, throttle: Throttle | None = None) -> FastAPI:
    """The web console over `store` (opened with its keys: sessions, reveal and audit need them)."""
    app = FastAPI(
        title="leakwatch console",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(no_nul)],
    )
    templates = Jinja2Templates(env=template_env())
    app.state.console = Console(
        store, SessionCodec.for_store(store), throttle or Throttle(), templates
    )
    app.mount(STATIC, StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        static = _route_path(request).startswith(STATIC + "/")  # before routing moves root_path
        response = await call_next(request)
        if static:  # scripts, styles, fonts: revalidated (ETag), so never stale after an upgrade
            response.headers.setdefault("Cache-Control", "no-cache")
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/", name="home")
    def home(request: Request, visit: Viewer) -> Response:
        """Each role's first page: the queue, a liaison's notices, an auditor's audit log."""
        route = home_route(visit)
        if route is None:
            return page(templates, request, "home.html", visit)
        return RedirectResponse(request.url_for(route), status_code=303)

    async def login_required(request: Request, exc: Exception) -> Response:
        target = str(request.url_for("login_form"))
        if is_htmx(request):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LeakwatchError)
        return _error(request, templates, exc.http_status, exc.message)

    async def invalid(request: Request, exc: Exception) -> Response:
        return _error(request, templates, 422, "the request is not valid (a field is missing, "
                      "too long or of the wrong kind)")  # fmt: skip

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(request, templates, exc.status_code, str(exc.detail))

    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(LeakwatchError, refused)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
    for module in ROUTES:
        app.include_router(module.router)
    return app


def _route_path(request: Request) -> str:
    """The path inside the console, wherever it is mounted."""
    path: str = request.scope["path"]
    root: str = request.scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def template_env() -> jinja2.Environment:
    """Templates autoescaped, and strict: a name a page uses but was not given (a field a
    service renamed) is an error the tests see, not an empty cell."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def _error(request: Request, templates: Jinja2Templates, status: int, message: str) -> Response:
    name = "error_fragment.html" if is_htmx(request) else "error.html"
    return page(templates, request, name, None, status_code=status, status=status, error=message)
