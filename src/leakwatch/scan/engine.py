"""Turn messages into results: one process or a pool, same output in the same order.

The reader runs in the parent (it streams, so memory stays flat); batches of messages go to
worker processes that each build the recognizers once. At most a few batches per worker are in
flight, and results are taken in submission order, so the output is identical whatever
`workers` is. A worker that dies raises `BrokenProcessPool` instead of hanging the scan; a parent
that dies (even by `kill -9`) takes its workers with it: the kernel's parent-death signal on
Linux, a thread watching the parent pid elsewhere.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from leakwatch.assess.verdict import assess
from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.detect.tagger import NameMode
from leakwatch.scan.result import ScanResult
from leakwatch.scan.wire import ResultWire, decode, encode
from leakwatch.sources.message import Message

BATCH = 256
IN_FLIGHT_PER_WORKER = 3
_worker_analyzer: Analyzer | None = None


#: Characters of one message that are scanned; Telegram caps a post at 4,096, so only a
#: hand-made or hostile input is longer, and it is scanned up to here and marked truncated.
MAX_SCAN_CHARS = 200_000
#: Findings kept per message (the first ones in text order); more marks the result truncated,
#: so assessment work per message is bounded too.
MAX_FINDINGS = 10_000


def scan_message(analyzer: Analyzer, msg: Message) -> ScanResult:
    """Detect and assess one message, within `MAX_SCAN_CHARS` and `MAX_FINDINGS`."""
    text, hints, truncated = msg.text, msg.hints, False
    if len(text) > MAX_SCAN_CHARS:
        text, truncated = text[:MAX_SCAN_CHARS], True
        hints = tuple(h for h in hints if h.end <= MAX_SCAN_CHARS)
    doc, findings = analyzer.analyze(text, hints)
    if len(findings) > MAX_FINDINGS:
        findings, truncated = findings[:MAX_FINDINGS], True
    assessment = assess(text, doc.norm, findings, doc.normalized)
    return ScanResult.of(msg, findings, assessment, truncated)


_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 1.0


def _init_worker(parent: int, names: NameMode = NameMode.GATED) -> None:
    global _worker_analyzer  # noqa: PLW0603 - one analyzer per worker process, built once
    die_with_parent(parent)
    _worker_analyzer = Analyzer(default_recognizers(), names)


def die_with_parent(parent: int) -> None:
    """End this process when `parent` ends, so a killed scan or ingest leaves no orphans.

    On Linux the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere, or if that call
    fails, a daemon thread polls the parent pid. The parent may already be gone by the time this
    runs, hence the check after arming.
    """
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="watch-parent").start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


def _scan_batch(batch: list[Message]) -> list[ResultWire]:
    assert _worker_analyzer is not None
    return [encode(scan_message(_worker_analyzer, m)) for m in batch]


def _batches(messages: Iterable[Message], size: int) -> Iterator[list[Message]]:
    it = iter(messages)
    while batch := list(islice(it, size)):
        yield batch


def scan(
    messages: Iterable[Message], workers: int = 1, names: NameMode = NameMode.GATED
) -> Iterator[ScanResult]:
    """Scan `messages` in order; `workers` > 1 uses that many processes; `names`: tagger use."""
    if workers <= 1:
        analyzer = Analyzer(default_recognizers(), names)
        for msg in messages:
            yield scan_message(analyzer, msg)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init_worker, initargs=(os.getpid(), names)
    ) as pool:
        pending: deque[Future[list[ResultWire]]] = deque()
        for batch in _batches(messages, BATCH):
            pending.append(pool.submit(_scan_batch, batch))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from map(decode, pending.popleft().result())
        while pending:
            yield from map(decode, pending.popleft().result())
