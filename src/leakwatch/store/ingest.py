"""`ingest`: read exports, skip what the store already holds, scan the rest, store it in batches.

Incremental per channel: each channel's checkpoint (the highest message id stored) is read when the
channel first appears; a message above it is new for certain and goes straight to the scanner, one
at or below it is looked up (a batch of ids at a time) and skipped *before* scanning if stored. So
re-ingesting an export costs a read and a few indexed look-ups, not a scan, and a message whose id
came out of order, or was lost to a crash after a later id committed, is still stored.

Resumable: every batch is one transaction (store.batch), so after a `kill -9` a re-run finds each
message either committed or absent, and stores the absent ones exactly once.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import select

from leakwatch.errors import UsageError
from leakwatch.scan.engine import scan
from leakwatch.sources.discover import Feed
from leakwatch.sources.message import Message
from leakwatch.store.batch import CHANNELS, MESSAGES, BatchResult, write_batch
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store
from leakwatch.store.keybind import bind
from leakwatch.store.message_rows import PendingMessage, channel_key, fits_int64, pending
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

log = logging.getLogger(__name__)

DEFAULT_BATCH = 2000
_LOOKUP = 1000
_PROGRESS_EVERY = 500

#: Called with (messages read, messages stored) as ingest goes.
ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did. `errors` are sources that broke part-way (what came before is kept)."""

    channels: int
    read: int
    stored: int
    already_stored: int
    leaks: int
    findings: int
    skipped_malformed: int
    errors: tuple[str, ...] = ()
    #: Messages whose id does not fit the store's 64-bit id column (skipped, not stored).
    skipped_out_of_range: int = 0


@dataclass
class _Tally:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    leaks: int = 0
    findings: int = 0
    out_of_range: int = 0
    channels: set[str] = field(default_factory=set)

    def add(self, b: BatchResult) -> None:
        self.stored += b.stored
        self.already_stored += b.already_stored
        self.leaks += b.leaks
        self.findings += b.findings


class _Unseen:
    """Filters out messages the store already holds, before they cost a scan."""

    def __init__(self, store: Store, tally: _Tally, progress: ProgressFn | None) -> None:
        self.store = store
        self.tally = tally
        self.progress = progress
        self.checkpoints: dict[str, tuple[int, int] | None] = {}  # key -> (channel id, checkpoint)

    def __call__(self, messages: Iterable[Message]) -> Iterator[Message]:
        it = iter(messages)
        while chunk := list(islice(it, _LOOKUP)):
            group = [m for m in chunk if fits_int64(m.message_id)]
            self.tally.read += len(chunk) - len(group)
            self.tally.out_of_range += len(chunk) - len(group)
            stored = self._stored(group)
            for msg in group:
                self.tally.read += 1
                if self.progress and self.tally.read % _PROGRESS_EVERY == 0:
                    self.progress(self.tally.read, self.tally.stored)
                key = channel_key(msg)
                self.tally.channels.add(key)
                if (key, msg.message_id) in stored:
                    self.tally.already_stored += 1
                else:
                    yield msg

    def _stored(self, group: list[Message]) -> set[tuple[str, int]]:
        """Which of `group`'s (channel, id) pairs at or below their checkpoint are stored."""
        keys = {channel_key(m) for m in group}
        with self.store.session() as s:
            unknown = [k for k in keys if k not in self.checkpoints]
            if unknown:
                self.checkpoints.update(dict.fromkeys(unknown))
                q = select(CHANNELS.c.key, CHANNELS.c.id, CHANNELS.c.last_message_id).where(
                    CHANNELS.c.key.in_(unknown)
                )
                for key, cid, last in s.execute(q):
                    if last is not None:
                        self.checkpoints[key] = (cid, last)
            doubtful: dict[str, list[int]] = {}
            for m in group:
                key = channel_key(m)
                mark = self.checkpoints[key]
                if mark is not None and m.message_id <= mark[1]:
                    doubtful.setdefault(key, []).append(m.message_id)
            found: set[tuple[str, int]] = set()
            for key, ids in doubtful.items():
                mark = self.checkpoints[key]
                assert mark is not None
                q2 = select(MESSAGES.c.message_id).where(
                    MESSAGES.c.channel_id == mark[0], MESSAGES.c.message_id.in_(ids)
                )
                found.update((key, mid) for mid in s.scalars(q2))
        return found


def ingest(
    store: Store,
    keys: KeyRing,
    principal: Principal,
    paths: Sequence[str],
    workers: int = 1,
    batch: int = DEFAULT_BATCH,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Scan `paths` and store every message not stored yet (analyst, admin). `keys` must be the
    store's (store.keybind refuses another key before anything is read)."""
    if workers < 1:
        raise UsageError("the number of workers must be at least 1")
    if batch < 1:
        raise UsageError("the batch size must be at least 1")
    if store.keys != keys:
        store = bind(store, keys)
    require(principal, Operation.INGEST)
    feed = Feed.of_paths(paths)  # a bad path is reported at the end; the others are stored
    tally = _Tally()
    unseen = _Unseen(store, tally, progress)
    in_flight: deque[Message] = deque()

    def to_scan() -> Iterator[Message]:
        for msg in unseen(feed):
            in_flight.append(msg)
            yield msg

    chunk: list[PendingMessage] = []
    for result in scan(to_scan(), workers):
        chunk.append(pending(in_flight.popleft(), result, keys))
        if len(chunk) >= batch:
            tally.add(write_batch(store, principal.name, chunk))
            chunk = []
            if progress:
                progress(tally.read, tally.stored)
    if chunk:
        tally.add(write_batch(store, principal.name, chunk))
    if progress:
        progress(tally.read, tally.stored)
    log.debug(
        "ingest read %d messages, stored %d, %d already stored",
        tally.read,
        tally.stored,
        tally.already_stored,
    )
    return IngestReport(
        channels=len(tally.channels),
        read=tally.read,
        stored=tally.stored,
        already_stored=tally.already_stored,
        leaks=tally.leaks,
        findings=tally.findings,
        skipped_malformed=feed.stats.skipped_malformed,
        errors=tuple(feed.errors),
        skipped_out_of_range=tally.out_of_range,
    )
