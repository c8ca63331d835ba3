"""An RFC 3161 timestamp request for an audit anchor, so a timestamping authority can date it.

`leakwatch audit anchor --tsq FILE` writes a DER `TimeStampReq` over the SHA-256 of the anchor
file's bytes; send it to any RFC 3161 authority (`curl -H 'Content-Type:
application/timestamp-query' --data-binary @anchor.tsq URL > anchor.tsr`) and keep the reply with
the anchor: it proves the log reached that head no later than the authority's time. leakwatch
makes no network call itself. The request is encoded by hand (a few fixed DER structures) rather
than pulling in an ASN.1 library for one message.
"""

from __future__ import annotations

import hashlib
import os

#: DER of AlgorithmIdentifier { id-sha256 (2.16.840.1.101.3.4.2.1), NULL }.
_SHA256_ALGORITHM = bytes.fromhex("300d06096086480165030402010500")


def _der(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + body


def _integer(value: int) -> bytes:
    raw = value.to_bytes(value.bit_length() // 8 + 1, "big")  # a leading 0 keeps it positive
    return _der(0x02, raw)


def timestamp_request(data: bytes, nonce: int | None = None) -> bytes:
    """TimeStampReq { version 1, messageImprint (SHA-256 of `data`), nonce, certReq TRUE }."""
    imprint = _der(0x30, _SHA256_ALGORITHM + _der(0x04, hashlib.sha256(data).digest()))
    nonce = int.from_bytes(os.urandom(8), "big") if nonce is None else nonce
    cert_req = bytes.fromhex("0101ff")
    return _der(0x30, _integer(1) + imprint + _integer(nonce) + cert_req)
