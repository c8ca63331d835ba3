"""Pagination for list routes: `limit` and `offset` in, a page with the total out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

T = TypeVar("T")

MAX_LIMIT = 500
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1, description="items skipped")]


class Page(BaseModel, Generic[T]):
    """One page of a list: `items`, and `total` matching items in all pages."""

    items: list[T]
    total: int
    limit: int
    offset: int


def page(items: Sequence[T], limit: int, offset: int) -> Page[T]:
    return Page[T](
        items=list(items[offset : offset + limit]), total=len(items), limit=limit, offset=offset
    )
