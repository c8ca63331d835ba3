"""Webhooks against a real HTTP receiver on loopback: every action arrives exactly once, signed
and in order; a receiver that is down (503, or not listening at all) gets the backlog when it
returns; a tampered body fails the receiver's signature check; a delivery that runs out of
retries lands in the dead-letter list, and a replay delivers it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hook_receiver import Clock, Receiver, running_receiver
from wf_seed import KEYS, World, audit_ok, world

from leakwatch.errors import Conflict, NotFound, PermissionDenied, UsageError
from leakwatch.store.models import WebhookEndpoint, utcnow
from leakwatch.workflow.appeals import decide_appeal, file_appeal
from leakwatch.workflow.cases import open_channel_cases
from leakwatch.workflow.delivery import Deliverer, HttpSender, Outcome, RetryPolicy
from leakwatch.workflow.notices import acknowledge_notice, submit_notice
from leakwatch.workflow.outbox import feed
from leakwatch.workflow.review import decide
from leakwatch.workflow.webhooks import (
    add_endpoint,
    check_url,
    dead_letters,
    list_endpoints,
    remove_endpoint,
    replay,
    rotate_secret,
)


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(f"sqlite:///{tmp_path / 'hooks.db'}") as built:
        yield built


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as r:
        yield r


def _register(w: World, receiver: Receiver, *, backfill: bool = True) -> int:
    new = add_endpoint(w.store, w.as_("ada"), receiver.url, backfill=backfill)
    receiver.secret = new.secret
    return new.view.id


def _loop(w: World) -> None:
    case = open_channel_cases(w.store, w.as_("ana")).opened[0]
    d = decide(w.store, w.as_("rev"), case, "remove", "identity_bundle")
    appeal = file_appeal(w.store, w.as_("ana"), d.id, "owner of Leaks", "consent")
    decide_appeal(w.store, w.as_("rex"), appeal.id, "reversed", "not_a_leak")
    notice = submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC/1", "Law 1", "personal_data", ["telegram:200/1"]
    )
    acknowledge_notice(w.store, w.as_("ana"), notice.id)
    assert notice.case_id is not None
    decide(w.store, w.as_("rev"), notice.case_id, "remove", "identity_bundle")


def _feed_ids(w: World) -> list[int]:
    return [a.id for a in feed(w.store, w.as_("ada"), 0, 500).items]


FAST = RetryPolicy(max_attempts=3, base_delay=10.0, max_delay=40.0, timeout=2.0)


def test_every_action_arrives_exactly_once_signed_and_in_order(
    w: World, receiver: Receiver
) -> None:
    _register(w, receiver)
    _loop(w)
    deliverer = Deliverer(w.store, policy=FAST)
    report = deliverer.run_once()
    assert report.failed == 0
    assert report.delivered == len(_feed_ids(w)) == 6
    assert [a["id"] for a in receiver.accepted] == _feed_ids(w)
    assert len(set(receiver.delivery_ids)) == len(receiver.delivery_ids) == receiver.hits
    assert receiver.bad_signatures == 0
    assert deliverer.run_once().delivered == 0  # nothing twice
    submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC/2", "Law 1", "personal_data", ["telegram:100/4"]
    )
    assert deliverer.run_once().delivered == 1
    assert [a["id"] for a in receiver.accepted] == _feed_ids(w)
    (view,) = list_endpoints(w.store, w.as_("ada"))
    assert view.cursor == _feed_ids(w)[-1]
    assert view.delivered == 7
    assert view.dead_letters == 0


def test_a_receiver_that_is_down_gets_the_backlog_when_it_returns(
    w: World, receiver: Receiver
) -> None:
    endpoint = _register(w, receiver)
    clock = Clock()
    patient = RetryPolicy(max_attempts=50, base_delay=10.0, max_delay=40.0, timeout=2.0)
    deliverer = Deliverer(w.store, policy=patient, clock=clock)
    receiver.status = 503
    _loop(w)
    assert deliverer.run_once().failed == 1
    assert deliverer.run_once().failed == 0  # backing off: not even tried
    assert receiver.hits == 1
    clock.advance(10)
    assert deliverer.run_once().failed == 1  # 503 again; now waits 20 s
    clock.advance(19)
    assert deliverer.run_once().failed == 0
    receiver.stop()  # not listening at all now
    clock.advance(1)
    report = deliverer.run_once()
    assert report.failed == 1
    assert report.errors[0].endswith("ConnectError")
    (view,) = list_endpoints(w.store, w.as_("ada"))
    assert view.failures == 3
    assert view.last_error == "ConnectError"
    assert view.cursor == 0
    receiver.status = 200
    receiver.start()  # back, on the same port
    clock.advance(40)
    assert deliverer.run_once().delivered == 6
    assert [a["id"] for a in receiver.accepted] == _feed_ids(w)
    assert len(receiver.delivery_ids) == 6
    assert receiver.bad_signatures == 0
    (view,) = list_endpoints(w.store, w.as_("ada"))
    assert (view.id, view.failures, view.next_attempt_at) == (endpoint, 0, None)


def test_a_tampered_body_fails_the_receivers_signature_check(w: World, receiver: Receiver) -> None:
    _register(w, receiver)
    _loop(w)
    http = HttpSender(2.0)

    def tamper(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
        forged = body.replace(b'"remove"', b'"no_violation"').replace(b'"decision"', b'"x"')
        assert forged != body
        return http(url, forged, headers)

    report = Deliverer(w.store, sender=tamper, policy=FAST).run_once()
    assert report.failed == 1
    assert report.errors == [f"webhook 1, action {_feed_ids(w)[0]}: HTTP 401"]
    assert receiver.bad_signatures == 1
    assert receiver.accepted == []
    receiver.secret = "not the secret"
    assert (
        Deliverer(w.store, policy=FAST, clock=lambda: utcnow() + timedelta(hours=1))
        .run_once()
        .delivered
        == 0
    )
    assert receiver.bad_signatures == 2


def test_dead_letters_and_replay(w: World, receiver: Receiver) -> None:
    endpoint = _register(w, receiver)
    _loop(w)
    first, second, *rest = _feed_ids(w)
    receiver.refuse = {second}
    clock = Clock()
    deliverer = Deliverer(w.store, policy=FAST, clock=clock)
    for _ in range(FAST.max_attempts):
        deliverer.run_once()
        clock.advance(FAST.max_delay)
    assert [a["id"] for a in receiver.accepted] == [first, *rest]  # the rest were not held back
    (dead,) = dead_letters(w.store, w.as_("ada"))
    assert (dead.endpoint_id, dead.action_id, dead.attempts) == (endpoint, second, 3)
    assert dead.last_error == "HTTP 400"
    assert not dead.requeued
    assert list_endpoints(w.store, w.as_("ada"))[0].dead_letters == 1
    assert deliverer.run_once().delivered == 0  # a dead letter waits for a replay
    receiver.refuse = set()
    assert replay(w.store, w.as_("ada"), endpoint) == 1
    with pytest.raises(Conflict):
        replay(w.store, w.as_("ada"), endpoint)
    assert deliverer.run_once().delivered == 1
    assert [a["id"] for a in receiver.accepted] == [first, *rest, second]
    assert dead_letters(w.store, w.as_("ada")) == []
    audit_ok(w)


def test_a_replay_that_fails_again_goes_back_to_the_list(w: World, receiver: Receiver) -> None:
    endpoint = _register(w, receiver)
    _loop(w)
    receiver.refuse = {_feed_ids(w)[0]}
    policy = RetryPolicy(max_attempts=2, base_delay=0.0, max_delay=0.0, timeout=2.0)
    deliverer = Deliverer(w.store, policy=policy)
    deliverer.run_once()
    deliverer.run_once()
    assert len(receiver.accepted) == 5
    replay(w.store, w.as_("ada"), endpoint)
    assert deliverer.run_once().dead == 0  # first failed attempt of the replay
    assert deliverer.run_once().dead == 1
    (dead,) = dead_letters(w.store, w.as_("ada"))
    assert dead.attempts == 4
    assert not dead.requeued


def test_delivery_on_both_backends(db_url: str, receiver: Receiver) -> None:
    """The same loop, on SQLite and on PostgreSQL: in order, once, signed."""
    with world(db_url) as w:
        _register(w, receiver)
        _loop(w)
        assert Deliverer(w.store, policy=FAST).run_once().delivered == 6
        assert [a["id"] for a in receiver.accepted] == _feed_ids(w)
        assert receiver.bad_signatures == 0
        audit_ok(w)


@pytest.mark.parametrize(
    ("slow", "redirect", "error"), [(True, False, "ReadTimeout"), (False, True, "HTTP 307")]
)
def test_a_slow_or_redirecting_receiver_is_a_failure(
    w: World, receiver: Receiver, slow: bool, redirect: bool, error: str
) -> None:
    _register(w, receiver)
    _loop(w)
    receiver.delay = 1.0 if slow else 0.0
    receiver.redirect = redirect
    policy = RetryPolicy(max_attempts=3, base_delay=10.0, max_delay=40.0, timeout=0.2)
    report = Deliverer(w.store, policy=policy).run_once()
    assert report.delivered == 0
    assert report.errors[0].endswith(error)
    assert receiver.accepted == []


def test_a_new_endpoint_starts_at_the_next_action_unless_it_backfills(
    w: World, receiver: Receiver
) -> None:
    _loop(w)
    _register(w, receiver, backfill=False)
    deliverer = Deliverer(w.store, policy=FAST)
    assert deliverer.run_once().delivered == 0
    notice = submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC/2", "Law 1", "personal_data", ["telegram:100/4"]
    )
    assert deliverer.run_once().delivered == 1
    assert receiver.accepted[0]["notice_id"] == notice.id


def test_a_removed_endpoint_gets_nothing(w: World, receiver: Receiver) -> None:
    endpoint = _register(w, receiver)
    remove_endpoint(w.store, w.as_("ada"), endpoint)
    _loop(w)
    assert Deliverer(w.store, policy=FAST).run_once().delivered == 0
    assert receiver.hits == 0
    assert list_endpoints(w.store, w.as_("ada")) == []
    assert list_endpoints(w.store, w.as_("ada"), removed=True)[0].removed
    with pytest.raises(NotFound):
        remove_endpoint(w.store, w.as_("ada"), endpoint)


def test_a_rotated_secret_signs_from_then_on_and_the_cursor_stays(
    w: World, receiver: Receiver
) -> None:
    endpoint = _register(w, receiver)
    _loop(w)
    deliverer = Deliverer(w.store, policy=FAST)
    assert deliverer.run_once().delivered == 6
    old = receiver.secret
    new = rotate_secret(w.store, w.as_("ada"), endpoint)
    assert new.secret != old
    assert new.view.cursor == _feed_ids(w)[-1]
    submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC/2", "Law 1", "personal_data", ["telegram:100/4"]
    )
    assert deliverer.run_once().failed == 1  # the receiver still holds the old secret
    assert receiver.bad_signatures == 1
    receiver.secret = new.secret
    clock_later = Deliverer(w.store, policy=FAST, clock=lambda: utcnow() + timedelta(hours=1))
    assert clock_later.run_once().delivered == 1
    assert len(receiver.accepted) == 7
    audit_ok(w)


def test_the_secret_is_stored_sealed_and_shown_once(w: World, tmp_path: Path) -> None:
    new = add_endpoint(w.store, w.as_("ada"), "https://hooks.example.org/leakwatch")
    assert len(new.secret) >= 40
    assert new.secret not in repr(list_endpoints(w.store, w.as_("ada")))
    with w.store.session() as s:
        row = s.get(WebhookEndpoint, new.view.id)
        assert row is not None
        assert new.secret.encode() not in row.secret_cipher
    w.store.close()
    assert new.secret.encode() not in (tmp_path / "hooks.db").read_bytes()


@pytest.mark.parametrize("who", ["ana", "rev", "lia", "aud"])
def test_only_an_admin_manages_webhooks(w: World, who: str) -> None:
    with pytest.raises(PermissionDenied):
        add_endpoint(w.store, w.as_(who), "https://hooks.example.org/x")
    with pytest.raises(PermissionDenied):
        list_endpoints(w.store, w.as_(who))
    with pytest.raises(PermissionDenied):
        dead_letters(w.store, w.as_(who))


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://hooks.example.org/leakwatch", True),
        ("http://127.0.0.1:8080/hook", True),
        ("ftp://example.org/x", False),
        ("https:///nohost", False),
        ("https://user:pw@example.org/x", False),
        ("https://example.org:99999/x", False),
        ("not a url", False),
        ("https://example.org/" + "a" * 2000, False),
    ],
)
def test_urls(url: str, ok: bool) -> None:
    if ok:
        assert check_url(url) == url
    else:
        with pytest.raises(UsageError):
            check_url(url)


@pytest.mark.parametrize(
    ("failures", "seconds"), [(1, 30), (2, 60), (3, 120), (7, 1920), (8, 3600), (30, 3600)]
)
def test_backoff_doubles_up_to_its_cap(failures: int, seconds: int) -> None:
    assert RetryPolicy().delay(failures) == timedelta(seconds=seconds)


def test_a_key_rotation_keeps_the_secrets(w: World, receiver: Receiver) -> None:
    from leakwatch.store.crypto import KeyRing
    from leakwatch.store.db import open_store
    from leakwatch.store.rotate import rotate_key

    _loop(w)
    _register(w, receiver)
    new_keys = KeyRing.from_master(bytes(range(1, 33)))
    assert new_keys != KEYS
    rotate_key(w.store, w.as_("ada"), new_keys)
    rotated = open_store(w.store.engine.url.render_as_string(), keys=new_keys)
    try:
        assert Deliverer(rotated, policy=FAST).run_once().delivered == 6
        assert receiver.bad_signatures == 0
    finally:
        rotated.close()
