"""The contract every recognizer keeps (Presidio's shape, with a real ABC)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType


class Recognizer(ABC):
    """Finds spans of one or a few entity types in a `Document`.

    Subclasses declare `name` (written as `recognizer` in the output) and `entities`, and
    implement `analyze`. They search `doc.norm` and build results with `doc.finding(...)`.
    They must be pure (no I/O) and picklable, since scans run them in worker processes.
    """

    name: ClassVar[str]
    entities: ClassVar[tuple[EntityType, ...]]

    @abstractmethod
    def analyze(self, doc: Document) -> Iterable[Finding]:
        """Yield every finding in `doc`; overlaps are resolved by the analyzer, not here."""
