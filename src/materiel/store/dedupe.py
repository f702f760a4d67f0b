"""Near-duplicate documents (the same wire story in two outlets): MinHash over
word shingles (datasketch), an LSH index of their bands for the store's
original documents, and a Jaccard estimate of at least `THRESHOLD` to link a document
to its original."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from sqlalchemy import Connection, select

from materiel.store.schema import documents

NUM_PERM = 128
THRESHOLD = 0.8
# A candidate the LSH index returns is confirmed when its estimated Jaccard
# similarity is at least this: 128 permutations estimate with a standard error
# of about 0.035, so a pair truly at 0.8 often estimates a little lower.
CONFIRM = THRESHOLD - 0.05
# 20 bands of 6 rows: a pair at 0.8 becomes a candidate with probability 0.998
# (0.92 at 0.7, 0.27 at 0.5); datasketch's default for 0.8 (9 bands of 13)
# would miss 60% of pairs at exactly 0.8. Candidates are then confirmed.
BANDS = (20, 6)
SHINGLE = 5  # words
SCHEME = "affine32"  # fixed, so that stored signatures stay comparable
WORD = re.compile(r"\w+")
# made once: drawing the permutations costs as much as hashing a document
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
_A, _B = _PERMUTATIONS
# MurmurHash3's 32-bit finalizer, which the affine32 scheme applies to each
# shingle's hash before its permutations
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


def signature(text: str) -> MinHash | None:
    """The MinHash of `text`'s word shingles; None for a text without words.

    The values datasketch's `MinHash.update_batch` gives (its default SHA-1
    hash, the affine32 scheme), computed here for all shingles at once: the
    writer signs every document, and datasketch's per-shingle calls were a
    fifth of its time (a test keeps the two equal, so stored signatures stay
    comparable)."""
    words = WORD.findall(text.lower())
    if not words:
        return None
    width = min(SHINGLE, len(words))
    shingles = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}
    sha1 = hashlib.sha1
    digests = b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in shingles])
    hashes = np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    shift1, times1, shift2, times2 = _FMIX
    hashes = hashes ^ (hashes >> shift1)
    hashes = hashes * times1
    hashes = hashes ^ (hashes >> shift2)
    hashes = hashes * times2
    hashes = hashes ^ (hashes >> shift1)
    values = (hashes * _A + _B).min(axis=0)
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=values, permutations=_PERMUTATIONS)


def to_bytes(minhash: MinHash) -> bytes:
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint32)
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=values, permutations=_PERMUTATIONS)


@dataclass(frozen=True)
class Match:
    document_id: int
    similarity: float


class NearDuplicates:
    """The LSH index of the originals in one store (near-duplicates are not
    indexed, so a link always points at the first of its kind): `BANDS`
    buckets of signature slices, as datasketch's MinHashLSH with these
    parameters keeps them. Built here because every ingest loads it whole
    from the store: datasketch inserts a signature in about 0.2 ms, a
    register of 100,000 documents would take 20 s to open; the slices of
    all signatures are cut at once here (a few ms a thousand documents)."""

    def __init__(self) -> None:
        self.buckets: list[dict[bytes, list[int]]] = [{} for _ in range(BANDS[0])]
        self.hashes: dict[int, str] = {}
        self.signatures: dict[int, np.ndarray] = {}

    def load(self, conn: Connection) -> None:
        query = select(documents.c.id, documents.c.hash, documents.c.minhash).where(
            documents.c.duplicate_of.is_(None), documents.c.minhash.is_not(None)
        )
        rows = [r for r in conn.execute(query) if len(r.minhash) == NUM_PERM * 4]
        rows = [r for r in rows if r.id not in self.hashes]
        if not rows:
            return
        matrix = np.frombuffer(b"".join(r.minhash for r in rows), dtype=np.uint32)
        matrix = matrix.reshape(len(rows), NUM_PERM)
        ids = [r.id for r in rows]
        for buckets, (start, end) in zip(self.buckets, _BAND_RANGES, strict=True):
            for doc_id, key in zip(ids, _band_keys(matrix[:, start:end]), strict=True):
                buckets.setdefault(key, []).append(doc_id)
        for doc_id, row, values in zip(ids, rows, matrix, strict=True):
            self.hashes[doc_id] = row.hash
            self.signatures[doc_id] = values

    def add(self, doc_id: int, content_hash: str, minhash: MinHash) -> None:
        if doc_id in self.hashes:
            return
        values = _values(minhash)
        for buckets, (start, end) in zip(self.buckets, _BAND_RANGES, strict=True):
            buckets.setdefault(values[start:end].tobytes(), []).append(doc_id)
        self.hashes[doc_id] = content_hash
        self.signatures[doc_id] = values

    def discard(self, doc_id: int) -> None:
        """Take out a document `add` put in (its transaction failed)."""
        values = self.signatures.pop(doc_id, None)
        if values is None:
            return
        del self.hashes[doc_id]
        for buckets, (start, end) in zip(self.buckets, _BAND_RANGES, strict=True):
            key = values[start:end].tobytes()
            bucket = buckets[key]
            bucket.remove(doc_id)
            if not bucket:
                del buckets[key]

    def candidates(self, minhash: MinHash) -> set[int]:
        """The originals sharing at least one band with `minhash`."""
        values = _values(minhash)
        found: set[int] = set()
        for buckets, (start, end) in zip(self.buckets, _BAND_RANGES, strict=True):
            found.update(buckets.get(values[start:end].tobytes(), ()))
        return found

    def find(self, minhash: MinHash) -> Match | None:
        """The most similar original the index confirms (ties broken by
        content hash, so that the choice does not depend on row ids)."""
        values = _values(minhash)
        best: tuple[float, str, int] | None = None
        for doc_id in self.candidates(minhash):
            similarity = np.count_nonzero(self.signatures[doc_id] == values) / NUM_PERM
            if similarity < CONFIRM:
                continue
            candidate = (-similarity, self.hashes[doc_id], doc_id)
            if best is None or candidate < best:
                best = candidate
        return None if best is None else Match(best[2], -best[0])


_BAND_RANGES = [(band * BANDS[1], (band + 1) * BANDS[1]) for band in range(BANDS[0])]


def _values(minhash: MinHash) -> np.ndarray:
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def _band_keys(band: np.ndarray) -> list[bytes]:
    """Each row's slice as bytes (as `ndarray.tobytes` gives it), for all rows at once."""
    width = band.shape[1] * band.itemsize
    keys: list[bytes] = np.ascontiguousarray(band).view(f"V{width}").ravel().tolist()
    return keys
