"""Logging in to the console from a TestClient, as a browser would: the form's CSRF token first."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    m = _CSRF.search(html)
    assert m is not None, "no CSRF field on the page"
    return m.group(1)


def field(html: str, name: str) -> str:
    """The value of the hidden field `name` on a page."""
    m = re.search(f'name="{name}" value="([^"]+)"', html)
    assert m is not None, f"no field {name} on the page"
    return m.group(1)


def log_in(client: TestClient, name: str, password: str, prefix: str = "") -> Response:
    form = client.get(f"{prefix}/login")
    response: Response = client.post(
        f"{prefix}/login",
        data={"name": name, "password": password, "csrf": csrf_of(form.text)},
        follow_redirects=False,
    )
    return response
