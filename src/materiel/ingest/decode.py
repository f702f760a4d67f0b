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
    if _looks_binary(data):
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _guess(data[:200_000])
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(f"cannot decode as {encoding}") from err


# On short texts several encodings fit equally well; news files in the wild
# are far more often Windows-1252 than, say, Mac Central European.
_PREFERRED = {
    "cp1252": 0,
    "iso8859_15": 1,
    "latin_1": 1,
    "cp1250": 2,
    "cp1251": 2,
    "iso8859_2": 3,
    "koi8_r": 3,
    "cp1253": 3,
    "cp1254": 3,
}


def _guess(sample: bytes) -> str:
    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        raise InputError("unknown text encoding")
    best = matches[0]
    close = [m for m in matches if m.chaos <= best.chaos + 0.05 and m.encoding in _PREFERRED]
    if close:
        return str(min(close, key=lambda m: _PREFERRED[m.encoding]).encoding)
    return str(best.encoding)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _BINARY_CONTROL)
    return control > len(sample) * 0.05
