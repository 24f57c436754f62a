"""Settings gathered in one place: command-line flags, then environment, then these defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 10 * 1024 * 1024   # larger inputs are refused, not parsed
    fetch_timeout: float = 20.0          # seconds, for URLs
    user_agent: str = "quidpro/0.1 (+arms-transfer research; contact: see README)"
    min_lang_confidence: float = 0.5     # below it the language is reported as unknown
    db_url: str = "sqlite:///quidpro.db"  # the ledger: any SQLAlchemy URL


def load_settings() -> Settings:
    """Defaults overridden by QUIDPRO_MAX_BYTES, QUIDPRO_FETCH_TIMEOUT and QUIDPRO_DB."""
    env = os.environ
    defaults = Settings()
    return Settings(
        max_bytes=int(env.get("QUIDPRO_MAX_BYTES", defaults.max_bytes)),
        fetch_timeout=float(env.get("QUIDPRO_FETCH_TIMEOUT", defaults.fetch_timeout)),
        db_url=env.get("QUIDPRO_DB", defaults.db_url),
    )
