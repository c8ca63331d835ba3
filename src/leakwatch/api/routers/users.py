"""/users (admin): who may act through leakwatch, and with which role."""

from __future__ import annotations

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from leakwatch.api.deps import Caller, StoreDep
from leakwatch.workflow import limits
from leakwatch.workflow.roles import Role
from leakwatch.workflow.users import UserView, add_user, list_users

router = APIRouter(tags=["users"])


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=limits.USER_NAME)
    role: Role
    authority: str | None = Field(default=None, min_length=1, max_length=limits.AUTHORITY)


@router.get("/users")
def get_users(caller: Caller, store: StoreDep) -> list[UserView]:
    """Every user with their role (admin)."""
    return list_users(store, caller)


@router.post("/users", status_code=status.HTTP_201_CREATED)
def post_user(caller: Caller, store: StoreDep, body: UserIn) -> UserView:
    """Add a user (admin); a liaison with the authority they speak for."""
    return add_user(store, caller, body.name, body.role.value, body.authority)
