"""Every report test acts under the seed's key (report_seed.KEYS), exported for the CLI as well."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _store_key(master_key: bytes) -> bytes:
    return master_key
