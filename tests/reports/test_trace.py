"""Provenance: the same fingerprints across channels, first seen, forwarding chains, refusals."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from report_seed import (
    ALI,
    ALI_PHONE,
    KEYS,
    UNKNOWN_FORWARDER,
    fingerprint,
    seed_trace_world,
)

from leakwatch.entities import EntityType
from leakwatch.errors import NotFound, PermissionDenied, UsageError
from leakwatch.output.mask import mask
from leakwatch.store.db import Store, open_store
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.trace import FingerprintTrace, parse_message_ref, trace

# Every report test acts under the seed's key (report_seed.KEYS), exported for the CLI too.
pytestmark = pytest.mark.usefixtures("master_key")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    st = open_store(db_url, keys=KEYS)
    seed_trace_world(st)
    yield st
    st.close()


def _by_type(traces: tuple[FingerprintTrace, ...]) -> dict[str, FingerprintTrace]:
    return {t.entity_type: t for t in traces}


def test_message_ref_expands_to_its_fingerprints(store: Store) -> None:
    view = trace(store, resolve(store, "ana"), message="Mirror News/20")
    assert (view.channel_key, view.message_id) == ("telegram:200", 20)
    found = _by_type(view.traces)
    assert set(found) == {"PERSON", "PHONE_NUMBER"}
    person, phone = found["PERSON"], found["PHONE_NUMBER"]
    assert person.fingerprint == fingerprint("PERSON", ALI)
    assert person.masked == mask(EntityType.PERSON, ALI)
    assert [(s.channel_key, s.message_id) for s in person.sightings] == [
        ("telegram:100", 10),
        ("telegram:200", 20),
    ]
    # "+964 770 123 4567" in Forwarder is the same phone: one fingerprint, four messages.
    assert [(s.channel_key, s.message_id) for s in phone.sightings] == [
        ("telegram:100", 10),
        ("telegram:200", 20),
        ("name:Forwarder", 30),
        ("telegram:300", 41),
    ]
    assert (phone.messages, phone.channels) == (4, 4)


def test_first_seen_is_the_likely_source(store: Store) -> None:
    phone = _by_type(trace(store, resolve(store, "rev"), message="telegram:300/41").traces)[
        "PHONE_NUMBER"
    ]
    assert phone.source is not None
    assert (phone.source.channel_title, phone.source.first_seen) == ("Leaks Central", True)
    assert [s.first_seen for s in phone.sightings] == [True, False, False, False]
    times = [s.posted_at for s in phone.sightings]
    assert times == sorted(t for t in times if t is not None)


def test_forwarding_chains(store: Store) -> None:
    found = _by_type(trace(store, resolve(store, "ana"), message="Forwarder/30").traces)
    phone = found["PHONE_NUMBER"]
    chains = {tuple(h.label for h in chain) for chain in phone.chains}
    masked_forwarder = f"unknown source {mask(EntityType.PERSON, UNKNOWN_FORWARDER)}"
    assert chains == {
        ("Leaks Central", "Mirror News", "Forwarder"),
        (masked_forwarder, "Other"),
    }
    full = next(c for c in phone.chains if len(c) == 3)
    assert [(h.channel_key, h.message_id) for h in full] == [
        ("telegram:100", 10),
        ("telegram:200", 20),
        ("name:Forwarder", 30),
    ]
    forwarded = {s.message_id: s for s in phone.sightings}
    assert forwarded[30].forwarded_from == "Mirror News"
    assert forwarded[30].forwarded_from_key == "telegram:200"
    assert forwarded[41].forwarded_from == masked_forwarder
    assert forwarded[41].forwarded_from_key is None


def test_no_raw_value_or_forwarder_name_in_the_view(store: Store) -> None:
    text = json.dumps(trace(store, resolve(store, "ana"), message="Leaks Central/10").as_dict())
    for raw in (ALI, ALI_PHONE, UNKNOWN_FORWARDER, "770 123 4567"):
        assert raw not in text


def test_by_fingerprint_and_prefix(store: Store) -> None:
    fp = fingerprint("PHONE_NUMBER", ALI_PHONE)
    full = trace(store, resolve(store, "ana"), fingerprint=fp)
    short = trace(store, resolve(store, "ana"), fingerprint=fp[:10].upper())
    assert full.target == short.target == fp
    assert full.traces[0].messages == 4
    limited = trace(store, resolve(store, "ana"), fingerprint=fp, limit=2)
    assert len(limited.traces[0].sightings) == 2
    assert limited.traces[0].messages == 4


def test_a_message_without_findings_traces_nothing(store: Store) -> None:
    assert trace(store, resolve(store, "ana"), message="telegram:300/42").traces == ()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"message": "no-slash"}, UsageError),
        ({"message": "Mirror News/abc"}, UsageError),
        ({"message": "Nowhere/1"}, NotFound),
        ({"message": "Mirror News/999"}, NotFound),
        ({"message": "DUP/1"}, UsageError),  # two channels with that title
        ({"fingerprint": "xyz"}, UsageError),
        ({"fingerprint": "abc"}, UsageError),  # prefix too short
        ({"fingerprint": "0" * 64}, NotFound),
        ({}, UsageError),
        ({"message": "Mirror News/20", "fingerprint": "0" * 64}, UsageError),
        ({"message": "Mirror News/20", "limit": 0}, UsageError),
    ],
)
def test_bad_targets(store: Store, kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        trace(store, resolve(store, "ana"), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ref", "parsed"),
    [
        ("telegram:1001/42", ("telegram:1001", 42)),
        ("A/B channel/7", ("A/B channel", 7)),
        (" Mirror News / 20 ", ("Mirror News", 20)),
    ],
)
def test_parse_message_ref(ref: str, parsed: tuple[str, int]) -> None:
    assert parse_message_ref(ref) == parsed


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [("ada", True), ("ana", True), ("rev", True), ("aud", False), ("lia", False)],
)
def test_roles(store: Store, actor: str, allowed: bool) -> None:
    if allowed:
        assert trace(store, resolve(store, actor), message="Mirror News/20").traces
    else:
        with pytest.raises(PermissionDenied):
            trace(store, resolve(store, actor), message="Mirror News/20")
