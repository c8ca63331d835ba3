"""The RFC 3161 timestamp request `audit anchor --tsq` writes is one a real tool parses, over the
anchor file's SHA-256."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from leakwatch.workflow.tsq import timestamp_request

ANCHOR = b'{"seq": 7, "hash": "ab", "at": "2026-12-02T10:00:00+00:00"}\n'


def test_request_carries_the_sha256_of_the_anchor() -> None:
    req = timestamp_request(ANCHOR, nonce=0x1234)
    digest = hashlib.sha256(ANCHOR).digest()
    assert req[0] == 0x30  # a SEQUENCE
    assert req[2:5] == bytes.fromhex("020101")  # version 1
    assert bytes.fromhex("0420") + digest in req  # the OCTET STRING of the imprint
    assert req.endswith(bytes.fromhex("0202123401 01ff".replace(" ", "")))  # nonce, certReq


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_reads_the_request(tmp_path: Path) -> None:
    tsq = tmp_path / "a.tsq"
    tsq.write_bytes(timestamp_request(ANCHOR, nonce=99))
    out = subprocess.run(
        ["openssl", "ts", "-query", "-in", str(tsq), "-text"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "Hash Algorithm: sha256" in out.stdout
    assert "Nonce: 0x63" in out.stdout
    assert "Certificate required: yes" in out.stdout
    shown = "".join(
        part for line in out.stdout.splitlines() if " - " in line
        for part in line.split(" - ", 1)[1].split("   ")[0].replace("-", " ").split()
    )  # fmt: skip
    assert shown == hashlib.sha256(ANCHOR).hexdigest()


def test_cli_anchor_with_request_then_verify_against_it(master_key: bytes, tmp_path: Path) -> None:
    from leakwatch.cli.main import main

    db = ["--db", str(tmp_path / "lw.db"), "--as", "root"]
    anchor, tsq = tmp_path / "anchor.json", tmp_path / "anchor.tsq"
    assert main(["init", *db]) == 0
    assert main(["audit", "anchor", "-o", str(anchor), "--tsq", str(tsq), *db]) == 0
    assert main(["user", "add", "ana", "--role", "analyst", *db]) == 0  # the log moves on
    assert main(["audit", "verify", "--anchor", str(anchor), *db]) == 0
    assert bytes.fromhex("0420") + hashlib.sha256(anchor.read_bytes()).digest() in tsq.read_bytes()
    anchor.write_text(anchor.read_text().replace('"seq": 2', '"seq": 1'))
    assert main(["audit", "verify", "--anchor", str(anchor), *db]) == 1
