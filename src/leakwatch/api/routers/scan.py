"""/scan: findings in a text or an uploaded export, nothing stored. Masked previews only, unless
the caller's role may reveal; a liaison may not scan (the service refuses)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from pydantic import BaseModel, Field

from leakwatch.api.deps import Caller
from leakwatch.errors import InputError
from leakwatch.scan.service import ScanOutcome, scan_file, scan_text

router = APIRouter(tags=["scan"])

#: A message text at most (Telegram caps a post at 4,096 characters).
MAX_TEXT_CHARS = 100_000
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_SUFFIXES = (".json", ".jsonl", ".ndjson")


class ScanTextIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    channel: str | None = Field(default=None, max_length=300)


class ScanOut(BaseModel):
    """Records as `leakwatch scan --format jsonl` writes them (docs/scan-output.md); a finding
    carries `value` only when `revealed`."""

    records: list[dict[str, Any]]
    messages: int
    skipped: int
    errors: list[str]
    revealed: bool

    @classmethod
    def of(cls, o: ScanOutcome) -> ScanOut:
        return cls(
            records=list(o.records),
            messages=o.messages,
            skipped=o.skipped,
            errors=list(o.errors),
            revealed=o.revealed,
        )


@router.post("/scan/text")
def post_scan_text(caller: Caller, body: ScanTextIn) -> ScanOut:
    """Scan one text as one message."""
    return ScanOut.of(scan_text(caller, body.text, body.channel))


@router.post("/scan/file")
def post_scan_file(
    caller: Caller,
    file: Annotated[UploadFile, File(description="result.json (Telegram Desktop) or JSON Lines")],
) -> ScanOut:
    """Scan an uploaded export; the body cap bounds its size."""
    name = _SAFE_NAME.sub("_", Path(file.filename or "upload.json").name)[:100] or "upload.json"
    suffix = Path(name).suffix.lower()
    if suffix not in _SUFFIXES:
        raise InputError(f"{name}: upload a .json export or a .jsonl file")
    with tempfile.TemporaryDirectory(prefix="leakwatch-scan-") as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            while chunk := file.file.read(1 << 20):
                out.write(chunk)
        return ScanOut.of(scan_file(caller, path, name))
