"""The near-duplicate index: the same candidates as datasketch's MinHashLSH
with the same bands, whether signatures are added one by one or loaded from
the store; a wire copy is linked to its original."""

from __future__ import annotations

import random

from datasketch import MinHash, MinHashLSH

from materiel.store.dedupe import (
    BANDS,
    NUM_PERM,
    SCHEME,
    SHINGLE,
    THRESHOLD,
    WORD,
    NearDuplicates,
    from_bytes,
    signature,
    to_bytes,
)
from materiel.store.documents import DocumentRecord, content_hash, ingest_document
from materiel.store.engine import Store

WORDS = [f"word{i}" for i in range(400)] + ["Iran", "drones", "Rusland", "levert", "granaten"]


def _story(rng: random.Random, length: int = 120) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length))


def _edited(rng: random.Random, text: str, changes: int) -> str:
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def _copies() -> tuple[list[MinHash], list[tuple[MinHash, int, int]]]:
    """Originals, and copies of them (signature, original, words changed)."""
    rng = random.Random(5)
    stories = [_story(rng) for _ in range(60)]
    copies = []
    for _ in range(60):
        source, changes = rng.randrange(len(stories)), rng.choice([0, 1, 3, 8, 20])
        copies.append((_signed(_edited(rng, stories[source], changes)), source, changes))
    return [_signed(text) for text in stories], copies


def _signed(text: str) -> MinHash:
    minhash = signature(text)
    assert minhash is not None
    return minhash


def test_the_candidates_are_datasketchs() -> None:
    originals, copies = _copies()
    ours = NearDuplicates()
    theirs = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=BANDS)
    for doc_id, minhash in enumerate(originals):
        ours.add(doc_id, f"hash{doc_id}", minhash)
        theirs.insert(doc_id, minhash)
    for minhash in originals + [copy for copy, _, _ in copies]:
        assert ours.candidates(minhash) == set(theirs.query(minhash))
    for copy, source, changes in copies:
        match = ours.find(copy)
        if changes <= 1:  # of 120 words: at most 5 of ~115 shingles differ
            assert match is not None and match.document_id == source
        if changes == 20:
            assert match is None


def test_signatures_are_datasketchs_update_batch() -> None:
    """Computed at once here; stored signatures must stay comparable with
    those datasketch made (and with those of earlier versions)."""
    rng = random.Random(11)
    texts = [_story(rng, length) for length in (1, 3, 5, 6, 40, 300)]
    texts += ["Iran levert drones aan Rusland, zegt de Oekraïense regering.", "één"]
    for text in texts:
        words = WORD.findall(text.lower())
        width = min(SHINGLE, len(words))
        shingles = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}
        theirs = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        theirs.update_batch([s.encode("utf-8") for s in shingles])
        ours = _signed(text)
        assert ours.hashvalues.dtype == theirs.hashvalues.dtype
        assert (ours.hashvalues == theirs.hashvalues).all()
    assert signature(" ... ") is None


def test_signatures_survive_the_store_byte_for_byte() -> None:
    for minhash in _copies()[0][:10]:
        assert (from_bytes(to_bytes(minhash)).hashvalues == minhash.hashvalues).all()


def test_an_index_loaded_from_the_store_finds_what_the_writer_added(store: Store) -> None:
    rng = random.Random(9)
    texts = [_story(rng) for _ in range(30)]
    added = NearDuplicates()
    with store.write() as conn:
        for key, text in enumerate(texts):
            minhash = signature(text)
            assert minhash is not None
            record = DocumentRecord(content_hash(text), str(key), text, [], minhash=minhash)
            added.add(ingest_document(conn, record, None), record.hash, minhash)
    loaded = NearDuplicates()
    with store.read() as conn:
        loaded.load(conn)
    assert loaded.hashes == added.hashes
    for text in texts:
        copy = signature(_edited(rng, text, 2))
        assert copy is not None
        assert loaded.find(copy) == added.find(copy) is not None
