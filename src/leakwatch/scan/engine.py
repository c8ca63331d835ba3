"""Turn messages into results: one process or a pool, same output in the same order.

The reader runs in the parent (it streams, so memory stays flat); batches of messages go to
worker processes that each build the recognizers once; `imap` returns batches in submission
order, so the output is identical whatever `workers` is.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from leakwatch.assess.verdict import assess
from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.scan.result import ScanResult
from leakwatch.sources.message import Message

BATCH = 256
_worker_analyzer: Analyzer | None = None


def scan_message(analyzer: Analyzer, msg: Message) -> ScanResult:
    doc, findings = analyzer.analyze(msg.text, msg.hints)
    return ScanResult.of(msg, findings, assess(msg.text, doc.norm, findings, doc.normalized))


def _init_worker() -> None:
    global _worker_analyzer  # noqa: PLW0603 - one analyzer per worker process, built once
    _worker_analyzer = Analyzer(default_recognizers())


def _scan_batch(batch: list[Message]) -> list[ScanResult]:
    assert _worker_analyzer is not None
    return [scan_message(_worker_analyzer, m) for m in batch]


def _batches(messages: Iterable[Message], size: int) -> Iterator[list[Message]]:
    it = iter(messages)
    while batch := list(islice(it, size)):
        yield batch


def scan(messages: Iterable[Message], workers: int = 1) -> Iterator[ScanResult]:
    """Scan `messages` in order; `workers` > 1 uses that many processes."""
    if workers <= 1:
        analyzer = Analyzer(default_recognizers())
        for msg in messages:
            yield scan_message(analyzer, msg)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        for results in pool.imap(_scan_batch, _batches(messages, BATCH), chunksize=1):
            yield from results
