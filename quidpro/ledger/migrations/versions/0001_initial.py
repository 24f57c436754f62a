"""The first ledger: articles, claims, facts, their links, and full-text search.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("uri", sa.Text, nullable=False),
        sa.Column("site", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("lang", sa.String(8)),
        sa.Column("published", sa.String(10)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("articles.id")),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("from_code", sa.String(32)),
        sa.Column("to_code", sa.String(32)),
        sa.Column("parties", sa.Text),
        sa.Column("items", sa.Text, nullable=False),
        sa.Column("quantity_value", sa.BigInteger),
        sa.Column("quantity_unit", sa.String(32)),
        sa.Column("quantity_approx", sa.Boolean),
        sa.Column("when", sa.String(32)),
        sa.Column("source", sa.Text),
        sa.Column("certainty", sa.String(16), nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("exchange_for", sa.Integer),
        sa.Column("lang", sa.String(8)),
        sa.UniqueConstraint("article_id", "idx"),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("from_code", sa.String(32)),
        sa.Column("to_code", sa.String(32)),
        sa.Column("parties", sa.Text),
        sa.Column("item", sa.String(32), nullable=False),
    )
    op.create_index("ix_facts_key", "facts", ["kind", "from_code", "to_code", "item"])
    op.create_table(
        "claim_facts",
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    )
    # Full-text search over articles: FTS5 on SQLite, a tsvector column on PostgreSQL.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE article_search USING fts5(title, text)")
    else:
        op.execute("ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED")
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_search")
    for table in ("claim_facts", "facts", "claims", "articles"):
        op.drop_table(table)
