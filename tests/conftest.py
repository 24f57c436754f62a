"""Shared fixtures: paths to our test data and to the shared seed article."""
from __future__ import annotations

import json
import os
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


@pytest.fixture(scope="session")
def postgres_admin_url():
    """A PostgreSQL server for the session: QUIDPRO_TEST_POSTGRES, or one started here."""
    from postgres import NoPostgres, PostgresServer
    url = os.environ.get("QUIDPRO_TEST_POSTGRES")
    if url:
        yield url
        return
    try:
        server = PostgresServer()
        url = server.start()
    except NoPostgres as exc:
        reason = f"PostgreSQL tests skipped: {exc}"
        print(f"\n{reason}")
        pytest.skip(reason)
    yield url
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    """Each ledger test runs on a fresh SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    from postgres import fresh_database
    return fresh_database(request.getfixturevalue("postgres_admin_url"))


def load_gold() -> list[dict]:
    """The fixture gold, with each "file" made relative to tests/data (gold files name their
    articles relative to themselves)."""
    path = DATA / "gold" / "fixtures.jsonl"
    gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for g in gold:
        g["file"] = str((path.parent / g["file"]).resolve().relative_to(DATA.resolve()))
    return gold
