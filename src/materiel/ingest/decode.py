"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary refused."""

from __future__ import annotations

import charset_normalizer

from materiel.exc import InputError

_BINARY_CONTROL = set(range(0, 9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
}


def decode(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty document")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise InputError("binary data, not text")
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("unknown text encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(f"cannot decode as {best.encoding}") from err


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _BINARY_CONTROL)
    return control > len(sample) * 0.05
