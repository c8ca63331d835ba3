"""Channel risk scores: what makes a channel rank higher, people counted by fingerprint, roles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from report_seed import (
    ALI,
    ALI_ID,
    ALI_PHONE,
    KEYS,
    NOW,
    OTHER_PHONE,
    SARA,
    Finding,
    add_channel,
    add_message,
    add_users,
    ago,
)

from leakwatch.errors import NotFound, PermissionDenied, UsageError
from leakwatch.store.db import open_store
from leakwatch.workflow.channels import (
    ChannelScore,
    channel_scores,
    decay,
    people_exposed,
    risk_score,
)
from leakwatch.workflow.principal import resolve

# Every report test acts under the seed's key (report_seed.KEYS), exported for the CLI too.
pytestmark = pytest.mark.usefixtures("master_key")


@dataclass(frozen=True)
class Msg:
    verdict: str = "clear"
    severity: str | None = None
    age_days: float = 1
    findings: Sequence[Finding] = ()


def leaks(n: int, severity: str = "high", age: float = 1, person: str | None = None) -> list[Msg]:
    return [
        Msg("leak", severity, age, [("PERSON", person or f"Person Number{i}")]) for i in range(n)
    ]


def clear(n: int) -> list[Msg]:
    return [Msg() for _ in range(n)]


# (name, higher-ranked channel, lower-ranked channel): each pair differs in one respect.
CASES = [
    ("more leaks", leaks(4) + clear(6), leaks(2) + clear(3)),
    ("severer leaks", leaks(2, "critical") + clear(8), leaks(2, "low") + clear(8)),
    ("more recent leaks", leaks(2, age=1) + clear(8), leaks(2, age=90) + clear(8)),
    ("more people", leaks(3) + clear(7), leaks(3, person=ALI) + clear(7)),
    ("higher leak rate", leaks(2), leaks(2) + clear(18)),
]


def _seed(db_url: str, channels: dict[str, list[Msg]]) -> None:
    store = open_store(db_url, keys=KEYS)
    with store.session() as s:
        add_users(s)
        for key, msgs in channels.items():
            ch = add_channel(s, key, key.upper())
            for i, m in enumerate(msgs):
                add_message(s, ch, i + 1, posted_at=ago(m.age_days), verdict=m.verdict,
                            severity=m.severity, findings=m.findings)  # fmt: skip
    store.close()


def _scores(db_url: str, actor: str = "ana") -> dict[str, ChannelScore]:
    store = open_store(db_url, keys=KEYS)
    try:
        return {c.key: c for c in channel_scores(store, resolve(store, actor), now=NOW)}
    finally:
        store.close()


@pytest.mark.parametrize(("name", "high", "low"), CASES, ids=[c[0] for c in CASES])
def test_ranks_the_riskier_channel_first(
    db_url: str, name: str, high: list[Msg], low: list[Msg]
) -> None:
    _seed(db_url, {"name:low": low, "name:high": high, "name:clean": clear(30)})
    scores = _scores(db_url)
    assert scores["name:high"].score > scores["name:low"].score > 0, name
    assert [scores[k].rank for k in ("name:high", "name:low", "name:clean")] == [1, 2, 3]
    clean = scores["name:clean"]
    assert (clean.score, clean.leaks, clean.people, clean.messages) == (0.0, 0, 0, 30)


def test_numbers_behind_the_score(db_url: str) -> None:
    _seed(db_url, {"name:a": [*leaks(1, "critical", age=30), *leaks(1, "low", age=0), *clear(2)]})
    c = _scores(db_url)["name:a"]
    assert (c.messages, c.leaks, c.critical, c.low, c.people) == (4, 2, 1, 1, 1)
    assert c.leak_rate == pytest.approx(0.5)
    assert c.weighted_leaks == pytest.approx(4 * 0.55 + 1 * 1.0)  # critical 30 days old, low today
    assert c.score == pytest.approx(3.2 * (1 + 1) * (0.5 + 0.5 * 0.5))
    assert c.last_leak_at == NOW


def test_people_are_counted_by_fingerprint(db_url: str) -> None:
    """Ali (named, with his phone and ID), Sara, and one phone that never appears with a name:
    three people, however the phone is written."""
    msgs = [
        Msg("leak", "high", 1, [("PERSON", ALI), ("PHONE_NUMBER", ALI_PHONE)]),
        Msg("leak", "critical", 1, [("PERSON", ALI), ("IQ_NATIONAL_ID", ALI_ID)]),
        Msg("leak", "low", 1, [("PHONE_NUMBER", ALI_PHONE)]),  # Ali's phone, known by name
        Msg("leak", "low", 1, [("PHONE_NUMBER", OTHER_PHONE)]),
        Msg("leak", "low", 1, [("PHONE_NUMBER", "0770 999 8877")]),  # the same phone again
        Msg("leak", "medium", 1, [("PERSON", SARA)]),
        Msg("clear", None, 1, [("PERSON", "Omar Khalid Saeed")]),  # not a leak: not counted
    ]
    _seed(db_url, {"name:a": msgs})
    assert _scores(db_url)["name:a"].people == 3


@pytest.mark.parametrize(
    ("rows", "people"),
    [
        ([], 0),
        ([(1, "PERSON", "p1"), (2, "PERSON", "p1")], 1),
        ([(1, "PERSON", "p1"), (1, "PHONE_NUMBER", "f1")], 1),
        ([(1, "PHONE_NUMBER", "f1"), (2, "PHONE_NUMBER", "f1")], 1),
        ([(1, "PHONE_NUMBER", "f1"), (2, "PERSON", "p1"), (2, "PHONE_NUMBER", "f1")], 1),
        ([(1, "PHONE_NUMBER", "f1"), (1, "IQ_NATIONAL_ID", "f2")], 2),
        ([(1, "ADDRESS", "a1"), (1, "DATE_OF_BIRTH", "d1")], 0),
    ],
)
def test_people_exposed_rule(rows: list[tuple[int, str, str]], people: int) -> None:
    assert people_exposed(rows) == people


@pytest.mark.parametrize(
    ("age", "weight"), [(0, 1.0), (30, 0.55), (60, 0.325), (-5, 1.0), (3650, 0.1)]
)
def test_decay_halves_the_recent_part_every_30_days(age: float, weight: float) -> None:
    assert decay(age) == pytest.approx(weight)


def test_no_leaks_score_zero() -> None:
    assert risk_score(0.0, 5, 1.0) == 0.0


def test_limit_and_json_view(db_url: str) -> None:
    _seed(db_url, {"name:a": leaks(2), "name:b": leaks(1), "name:c": clear(1)})
    store = open_store(db_url, keys=KEYS)
    try:
        top = channel_scores(store, resolve(store, "ana"), now=NOW, limit=2)
        assert [c.key for c in top] == ["name:a", "name:b"]
        view = top[0].as_dict()
        assert set(view) >= {"rank", "key", "title", "score", "people", "leak_rate", "severity"}
        with pytest.raises(UsageError):
            channel_scores(store, resolve(store, "ana"), limit=0)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [("ada", True), ("ana", True), ("rev", True), ("aud", True), ("lia", False)],
)
def test_roles(db_url: str, actor: str, allowed: bool) -> None:
    _seed(db_url, {"name:a": leaks(1)})
    if allowed:
        assert _scores(db_url, actor)["name:a"].leaks == 1
    else:
        with pytest.raises(PermissionDenied):
            _scores(db_url, actor)


def test_unknown_user_is_refused(db_url: str) -> None:
    _seed(db_url, {})
    with pytest.raises(NotFound):
        _scores(db_url, "mallory")
