from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seed.jsonl"
OWN_GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def seed_gold() -> Path:
    if not SEED_GOLD.exists():
        pytest.fail(f"the shared gold file is missing: {SEED_GOLD}")
    return SEED_GOLD
