"""The console's session: a signed, expiring cookie holding a user id, the password tag and a
CSRF token; no password, no role (the role is read from the store on every request).

The signing key is derived (HKDF, its own label) from the store's audit key, so it is never in
the code or the database, every server process of one store shares it, and rotating the store's
key ends every session. The cookie is HttpOnly, SameSite=Strict, and Secure when the console is
served over https. The CSRF token is per session and checked on every POST (leakwatch.web.deps).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from leakwatch.errors import StoreError
from leakwatch.store.db import Store

COOKIE = "lw_session"
#: A session ends this long after login, however active.
MAX_AGE_S = 8 * 3600


@dataclass(frozen=True, slots=True)
class SessionData:
    """What the cookie says: who (None before login), their password tag, the CSRF token, and
    when it was issued (a logout ends the sessions issued before it)."""

    csrf: str
    user_id: int | None = None
    tag: str = ""
    issued: float = 0.0


def new_session(user_id: int | None = None, tag: str = "") -> SessionData:
    return SessionData(secrets.token_urlsafe(32), user_id, tag, time.time())


def signing_key(store: Store) -> bytes:
    """The session key for `store`: derived from its audit key, so one per store key."""
    if store.keys is None:
        raise StoreError("the console needs the store opened with its key")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"leakwatch console v1")
    return hkdf.derive(store.keys.audit_key)


@dataclass(frozen=True)
class SessionCodec:
    serializer: URLSafeTimedSerializer

    @classmethod
    def for_store(cls, store: Store) -> SessionCodec:
        return cls(URLSafeTimedSerializer(signing_key(store), salt="leakwatch console session"))

    def read(self, request: Request) -> SessionData | None:
        """The request's session, if its cookie is there, signed by us and not expired."""
        raw = request.cookies.get(COOKIE)
        if not raw or len(raw) > 1000:
            return None
        try:
            data = self.serializer.loads(raw, max_age=MAX_AGE_S)
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, dict):
            return None
        csrf, user_id, tag, issued = data.get("c"), data.get("u"), data.get("t"), data.get("i")
        if not isinstance(csrf, str) or not isinstance(tag, str):
            return None
        if user_id is not None and not isinstance(user_id, int):
            return None
        if not isinstance(issued, (int, float)):
            return None
        return SessionData(csrf, user_id, tag, float(issued))

    def write(self, request: Request, response: Response, data: SessionData) -> None:
        response.set_cookie(
            COOKIE,
            self.serializer.dumps(
                {"c": data.csrf, "u": data.user_id, "t": data.tag, "i": data.issued}
            ),
            max_age=MAX_AGE_S,
            path=cookie_path(request),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )

    def clear(self, request: Request, response: Response) -> None:
        response.delete_cookie(
            COOKIE,
            path=cookie_path(request),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )


def cookie_path(request: Request) -> str:
    """The console's own path (where it is mounted), so the cookie goes nowhere else."""
    root: str = request.scope.get("root_path", "")
    return root.rstrip("/") + "/" if root else "/"
