"""/tokens (admin) and /me: API tokens, and who the presented token stands for."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, status
from pydantic import BaseModel, Field

from leakwatch.api.deps import Caller, Id, StoreDep
from leakwatch.store.models import utcnow
from leakwatch.workflow.tokens import (
    MAX_DAYS,
    TokenView,
    create_token,
    list_tokens,
    revoke_token,
)

router = APIRouter(tags=["tokens"])


class Me(BaseModel):
    id: int
    name: str
    role: str


class TokenOut(BaseModel):
    id: int
    user: str
    role: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
    active: bool

    @classmethod
    def of(cls, t: TokenView) -> TokenOut:
        return cls(
            id=t.id,
            user=t.user,
            role=t.role,
            created_at=t.created_at,
            expires_at=t.expires_at,
            revoked_at=t.revoked_at,
            last_used_at=t.last_used_at,
            active=t.active(utcnow()),
        )


class TokenIn(BaseModel):
    user: str = Field(min_length=1, max_length=100)
    expires_days: int | None = Field(
        default=None, ge=1, le=MAX_DAYS, description="default: the server's token lifetime"
    )


class TokenIssued(TokenOut):
    token: str = Field(description="the token itself: shown this once, only its hash is kept")


@router.get("/me")
def me(caller: Caller) -> Me:
    """The user the presented token acts as."""
    return Me(id=caller.id, name=caller.name, role=caller.role.value)


@router.get("/tokens")
def get_tokens(caller: Caller, store: StoreDep, user: str | None = None) -> list[TokenOut]:
    """Every token (admin), or one user's; never a token or its hash."""
    return [TokenOut.of(t) for t in list_tokens(store, caller, user)]


@router.post("/tokens", status_code=status.HTTP_201_CREATED)
def post_token(caller: Caller, store: StoreDep, request: Request, body: TokenIn) -> TokenIssued:
    """A new token for a user (admin), returned once."""
    days: int = body.expires_days or request.app.state.token_days
    issued = create_token(store, caller, body.user, days)
    return TokenIssued(**TokenOut.of(issued.view).model_dump(), token=issued.secret)


@router.delete("/tokens/{token_id}")
def delete_token(caller: Caller, store: StoreDep, token_id: Id) -> TokenOut:
    """Revoke a token (admin) at once."""
    return TokenOut.of(revoke_token(store, caller, token_id))
