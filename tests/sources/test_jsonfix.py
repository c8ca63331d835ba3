r"""The `\xNN` rewriter must agree with a whole-string reference at every chunk boundary."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from leakwatch.sources.jsonfix import EscapeFixingReader, fix_escapes

_HEX = re.compile(rb"[0-9a-fA-F]{2}")


def reference(data: bytes) -> bytes:
    r"""Whole-input reference: walk escape by escape, rewrite `\xNN`, copy everything else."""
    out = bytearray()
    i = 0
    while i < len(data):
        if data[i : i + 1] != b"\\":
            out += data[i : i + 1]
            i += 1
        elif data[i + 1 : i + 2] == b"x" and _HEX.fullmatch(data[i + 2 : i + 4]):
            out += b"\\u00" + data[i + 2 : i + 4]
            i += 4
        else:
            out += data[i : i + 2]  # a whole escape (or a lone trailing backslash)
            i += 2
    return bytes(out)


def read_all(reader: io.RawIOBase, sizes: list[int]) -> bytes:
    out = bytearray()
    k = 0
    while True:
        chunk = reader.read(sizes[k % len(sizes)])
        k += 1
        assert chunk is not None
        if not chunk:
            return bytes(out)
        out += chunk


# Tokens are a run of backslashes then a tail, so that odd and even runs, `\x`, and hex digits
# meet chunk boundaries often.
_TAILS = [
    b"x0b",
    b"x1F",
    b"xA",
    b"x",
    b"xg0",
    b"n",
    b'"',
    b"",
    b"u00e9",
    "é".encode(),
    "٣".encode(),
]
_TOKEN = st.builds(lambda n, tail: b"\\" * n + tail, st.integers(0, 5), st.sampled_from(_TAILS))
_DATA = st.lists(_TOKEN, max_size=30).map(b"".join)


@settings(max_examples=1000, deadline=None)
@example(data=b"\\\\x00", chunk_size=1, read_sizes=[1])
@example(data=b"\\\\\\x0b", chunk_size=2, read_sizes=[3])
@given(
    data=_DATA,
    chunk_size=st.integers(min_value=1, max_value=9),
    read_sizes=st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=5),
)
def test_streaming_matches_reference(data: bytes, chunk_size: int, read_sizes: list[int]) -> None:
    reader = EscapeFixingReader(io.BytesIO(data), chunk_size=chunk_size)
    assert read_all(reader, read_sizes) == reference(data)


@given(data=_DATA)
def test_whole_string_fix_matches_reference(data: bytes) -> None:
    assert fix_escapes(data) == reference(data)


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        (rb'"a\x0bb"', rb'"a\u000bb"'),
        (rb'"\\x41"', rb'"\\x41"'),  # escaped backslash, then the letters x41
        (rb'"\\\x41"', rb'"\\\u0041"'),  # escaped backslash, then a real escape
        (rb'"\x4"', rb'"\x4"'),  # not two hex digits: left for the parser to reject
        (rb'"\n\x1F\t"', rb'"\n\u001F\t"'),
        (rb'"\u00e9"', rb'"\u00e9"'),
        (b"", b""),
    ],
)
@pytest.mark.parametrize("chunk_size", [1, 2, 3, 4, 64])
def test_examples(raw: bytes, fixed: bytes, chunk_size: int) -> None:
    reader = EscapeFixingReader(io.BytesIO(raw), chunk_size=chunk_size)
    assert read_all(reader, [5]) == fixed


def test_fixed_output_is_valid_json() -> None:
    raw = rb'{"t": "tab\x0bhere \\x41 \x1f"}'
    fixed = read_all(EscapeFixingReader(io.BytesIO(raw), chunk_size=3), [2])
    assert json.loads(fixed) == {"t": "tab\x0bhere \\x41 \x1f"}


def test_read_zero_and_close() -> None:
    raw = io.BytesIO(b"abc")
    reader = EscapeFixingReader(raw)
    assert reader.read(0) == b""  # ijson probes the stream type this way
    assert reader.readable()
    reader.close()
    assert raw.closed


def test_rejects_nonpositive_chunk_size() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        EscapeFixingReader(io.BytesIO(b""), chunk_size=0)
