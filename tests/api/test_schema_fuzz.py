"""Schemathesis against the app's own OpenAPI schema: every operation, called as every role
with generated inputs (a bounded number each), answers no 5xx and nothing its schema does not
allow. The operations are driven by hand (hypothesis over each operation's strategy) rather
than through schemathesis' pytest plugin, which does not run under pytest 9."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from api_seed import KEYS, USERS, World, populate, world
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Ok

from leakwatch.api.app import create_app
from leakwatch.web.throttle import Throttle

#: Generated examples per operation (each one called once per role).
EXAMPLES = 8
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def fuzz_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    with world(folder) as w:
        populate(w)
        yield w


def _schema(w: World) -> schemathesis.BaseSchema:
    # Wrong tokens are not what this test is about: no lockout. Revoking tokens would lock the
    # roles out of the rest of the run, so that one operation is left to test_app.
    app = create_app(w.store, throttle=Throttle(limit=10**9))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return schema.exclude(method="DELETE", path="/tokens/{token_id}")


def _labels() -> list[str]:
    """Every operation's label (`GET /cases`), read from a throwaway app's schema."""
    from leakwatch.api.app import create_app as make
    from leakwatch.store.db import open_store

    store = open_store("sqlite://", keys=KEYS)
    try:
        schema = schemathesis.openapi.from_asgi("/openapi.json", make(store))
        labels = [op.ok().label for op in schema.get_all_operations() if isinstance(op, Ok)]
    finally:
        store.close()
    return [label for label in labels if label != "DELETE /tokens/{token_id}"]


@pytest.mark.parametrize("label", _labels())
def test_every_operation_as_every_role(fuzz_world: World, label: str) -> None:
    operation = _schema(fuzz_world).find_operation_by_label(label)
    assert operation is not None

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case[Any]) -> None:
        for who in USERS:
            case.call_and_validate(headers=fuzz_world.auth(who), checks=CHECKS)

    run()
