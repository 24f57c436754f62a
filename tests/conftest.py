"""Shared fixtures: paths to our test data and to the shared seed article."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ab8cf38a567ce122.txt"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is absent)")
    return SEED


def load_gold() -> list[dict]:
    path = DATA / "gold" / "fixtures.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
