"""The extractor beside the writer: results in order, `ready` telling whether
`take` would wait, and the heap frozen for an ingest and given back as found."""

from __future__ import annotations

import gc
import time

from materiel.ingest.readers import RawDocument
from materiel.store.documents import Extracted
from materiel.store.extractor import ChildProcess, InProcess, frozen_heap

TEXTS = [
    "Iran has delivered about 300 Shahed drones to Russia, according to Reuters.",
    "Germany will deliver 14 Leopard 2 tanks to Ukraine, the government said.",
    "North Korea sent artillery shells to Russia, South Korean officials said.",
]


def _raws() -> list[RawDocument]:
    return [RawDocument(f"t{n}", text, "en", "2024-05-01", {}) for n, text in enumerate(TEXTS)]


def _wait_until_ready(extractor: ChildProcess, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not extractor.ready():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_child_gives_results_in_order_and_says_when_one_is_ready() -> None:
    extractor = ChildProcess(())
    try:
        assert not extractor.ready()  # nothing submitted
        for raw in _raws():
            extractor.submit(raw)
        assert _wait_until_ready(extractor)
        results = [extractor.take() for _ in TEXTS]
    finally:
        extractor.close()
    extracted = [outcome for outcome, _ in results]
    assert all(isinstance(outcome, Extracted) for outcome in extracted)
    suppliers = [
        outcome.rows[0]["supplier"] for outcome in extracted if isinstance(outcome, Extracted)
    ]
    assert suppliers == ["IR", "DE", "KP"]


def test_in_process_extraction_is_ready_once_submitted() -> None:
    extractor = InProcess(())
    assert not extractor.ready()
    extractor.submit(_raws()[0])
    assert extractor.ready()
    outcome, seconds = extractor.take()
    assert isinstance(outcome, Extracted) and seconds >= 0
    assert not extractor.ready()


def test_the_heap_is_frozen_for_the_block_and_given_back() -> None:
    assert gc.get_freeze_count() == 0
    with frozen_heap():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_heap_the_caller_froze_stays_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with frozen_heap():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
