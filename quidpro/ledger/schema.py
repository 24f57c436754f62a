"""The ledger's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Migrations in ``migrations/versions`` create exactly these tables; ``tests/test_ledger.py``
checks that the migrated database and this metadata agree.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, DateTime, ForeignKey, Index, Integer, LargeBinary,
                        MetaData, String, Table, Text, UniqueConstraint)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("uri", Text, nullable=False),
    Column("site", Text),
    Column("title", Text),
    Column("author", Text),
    Column("lang", String(8)),
    Column("published", String(10)),                       # YYYY-MM-DD
    Column("text", Text, nullable=False),
    Column("minhash", LargeBinary),                        # for near-duplicate search
    Column("duplicate_of", Integer, ForeignKey("articles.id")),   # a syndicated copy of
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),                 # position in the article's claim list
    Column("kind", String(16), nullable=False),
    Column("from_code", String(32)),
    Column("to_code", String(32)),
    Column("parties", Text),                                # agreements: sorted codes, comma-joined
    Column("items", Text, nullable=False),                  # comma-joined categories
    Column("quantity_value", BigInteger),
    Column("quantity_unit", String(32)),
    Column("quantity_approx", Boolean),
    Column("when", String(32)),                             # EDTF
    Column("source", Text),
    Column("certainty", String(16), nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("exchange_for", Integer),                        # idx of the claim given in return
    Column("lang", String(8)),
    UniqueConstraint("article_id", "idx"),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("from_code", String(32)),
    Column("to_code", String(32)),
    Column("parties", Text),
    Column("item", String(32), nullable=False),
    Index("ix_facts_key", "kind", "from_code", "to_code", "item"),
)

claim_facts = Table(
    "claim_facts", metadata,
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
)
