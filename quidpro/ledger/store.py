"""The ledger: articles, their claims, and the facts the claims fuse into.

One SQLAlchemy Core code path for SQLite (the default file) and PostgreSQL; the schema is
created and upgraded by the Alembic migrations shipped in ``quidpro/ledger/migrations``.
Ingest is idempotent and transactional: an article and everything derived from it land
together or not at all.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, and_, create_engine, event, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, OperationalError

from quidpro.errors import LedgerError
from quidpro.ledger.fusion import DuplicateIndex, compatible, minhash_bytes, minhash_from_bytes, minhash_of
from quidpro.ledger.schema import articles, claim_facts, claims, facts
from quidpro.models import Claim, Evidence, Extraction, Fact, Quantity, Report

DEFAULT_URL = "sqlite:///quidpro.db"


@dataclass(frozen=True)
class IngestResult:
    """What one article did to the ledger."""

    uri: str
    article_id: int
    duplicate: bool                 # the same text was already stored: nothing added
    near_duplicate_of: int | None   # a syndicated copy of this stored article
    claims: int
    new_facts: int


def content_hash(text_: str) -> str:
    """The identity of an article: its main text, whitespace-normalised."""
    return hashlib.sha256(" ".join(text_.split()).encode("utf-8")).hexdigest()


class Ledger:
    """A ledger in any SQLAlchemy database URL (``sqlite:///file.db``, ``postgresql+psycopg://...``)."""

    def __init__(self, url: str = DEFAULT_URL):
        try:
            self.engine: Engine = create_engine(url)
        except (ArgumentError, ImportError) as exc:
            raise LedgerError(f"cannot open ledger '{url}': {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.url = url
        self._duplicates: DuplicateIndex | None = None

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> None:
        """Create or upgrade the schema to the latest migration."""
        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("quidpro.ledger") / "migrations"))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise LedgerError(f"cannot open ledger '{self.url}': {exc.orig}") from exc

    @classmethod
    def open(cls, url: str = DEFAULT_URL) -> "Ledger":
        ledger = cls(url)
        ledger.migrate()
        return ledger

    # -- writing --------------------------------------------------------------------------
    def ingest(self, extraction: Extraction) -> IngestResult:
        """Store an article and its claims, and fuse the claims into facts."""
        article = extraction.article
        digest = content_hash(article.text)
        index = self._duplicate_index()
        with self.engine.begin() as conn:
            existing = conn.execute(select(articles.c.id).where(articles.c.content_hash == digest)).scalar()
            if existing is not None:
                return IngestResult(article.uri, existing, True, None, 0, 0)
            mh = minhash_of(article.text)
            original = index.original_of(mh)
            article_id = conn.execute(articles.insert().values(
                content_hash=digest, uri=article.uri, site=article.site, title=article.title,
                author=article.author, lang=article.lang, published=article.published, text=article.text,
                minhash=minhash_bytes(mh), duplicate_of=original, ingested_at=datetime.now(timezone.utc),
            )).inserted_primary_key[0]
            if conn.dialect.name == "sqlite":
                conn.execute(text("INSERT INTO article_search(rowid, title, text) VALUES (:id, :t, :x)"),
                             {"id": article_id, "t": article.title or "", "x": article.text})
            new_facts = 0
            for idx, claim in enumerate(extraction.claims):
                claim_id = conn.execute(claims.insert().values(_claim_row(claim, article_id, idx))).inserted_primary_key[0]
                new_facts += self._fuse(conn, claim, claim_id)
        index.add(article_id, mh)
        return IngestResult(article.uri, article_id, False, original, len(extraction.claims), new_facts)

    def _fuse(self, conn: Connection, claim: Claim, claim_id: int) -> int:
        """Attach the claim to the fact of each of its items, creating facts as needed."""
        created = 0
        parties = ",".join(claim.parties) if claim.parties else None
        for item in claim.items:
            key = and_(facts.c.kind == claim.kind, _eq(facts.c.from_code, claim.from_),
                       _eq(facts.c.to_code, claim.to), _eq(facts.c.parties, parties), facts.c.item == item)
            fact_id = None
            for (candidate,) in conn.execute(select(facts.c.id).where(key).order_by(facts.c.id)):
                times = conn.execute(select(claims.c.when).join(claim_facts, claim_facts.c.claim_id == claims.c.id)
                                     .where(claim_facts.c.fact_id == candidate)).scalars()
                if all(compatible(t, claim.when) for t in times):
                    fact_id = candidate
                    break
            if fact_id is None:
                fact_id = conn.execute(facts.insert().values(
                    kind=claim.kind, from_code=claim.from_, to_code=claim.to, parties=parties, item=item,
                )).inserted_primary_key[0]
                created += 1
            conn.execute(claim_facts.insert().values(claim_id=claim_id, fact_id=fact_id))
        return created

    def _duplicate_index(self) -> DuplicateIndex:
        if self._duplicates is None:
            index = DuplicateIndex()
            with self.engine.connect() as conn:
                for article_id, raw in conn.execute(select(articles.c.id, articles.c.minhash)
                                                    .where(articles.c.minhash.is_not(None))):
                    index.add(article_id, minhash_from_bytes(raw))
            self._duplicates = index
        return self._duplicates

    # -- reading --------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in (("articles", articles), ("claims", claims), ("facts", facts))}

    def facts(self, *, from_: str | None = None, to: str | None = None, kind: str | None = None,
              item: str | None = None, since: str | None = None, until: str | None = None,
              lang: str | None = None, certainty: str | None = None, country: str | None = None,
              min_sources: int = 1) -> list[Fact]:
        """Facts matching every given filter, most reported first.  ``country`` matches either
        side or a party; ``since``/``until`` bound the dates on which a fact was reported."""
        query = select(facts)
        for column, value in ((facts.c.from_code, from_), (facts.c.to_code, to), (facts.c.kind, kind),
                              (facts.c.item, item)):
            if value is not None:
                query = query.where(column == value)
        if country is not None:
            query = query.where((facts.c.from_code == country) | (facts.c.to_code == country)
                                | facts.c.parties.contains(country))
        with self.engine.connect() as conn:
            result = self._facts(conn, conn.execute(query.order_by(facts.c.id)).mappings().all())
        # (the country is checked again here: LIKE on the parties column is a substring match)
        result = [f for f in result if f.sources >= min_sources
                  and (lang is None or lang in f.languages)
                  and (certainty is None or f.certainty == certainty)
                  and (country is None or country in (f.from_, f.to) or country in (f.parties or ()))
                  and (since is None or (f.last_reported or "") >= since)
                  and (until is None or (f.first_reported or "9999") <= until)]
        return sorted(result, key=lambda f: (-f.sources, f.id))

    def article(self, article_id: int) -> tuple[dict, list[Claim]]:
        """An article's stored fields and its claims, in order."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.id, articles.c.uri, articles.c.site, articles.c.title,
                                      articles.c.author, articles.c.lang, articles.c.published, articles.c.text,
                                      articles.c.duplicate_of).where(articles.c.id == article_id)).mappings().first()
            if row is None:
                raise LedgerError(f"no article with id {article_id}")
            found = conn.execute(select(claims, articles.c.uri, articles.c.site, articles.c.title,
                                        articles.c.published, articles.c.duplicate_of)
                                 .join(articles, articles.c.id == claims.c.article_id)
                                 .where(claims.c.article_id == article_id).order_by(claims.c.idx)).mappings()
            return dict(row), [_report(r).claim for r in found]

    def fact(self, fact_id: int) -> Fact:
        with self.engine.connect() as conn:
            row = conn.execute(select(facts).where(facts.c.id == fact_id)).mappings().first()
            if row is None:
                raise LedgerError(f"no fact with id {fact_id}")
            return self._facts(conn, [row])[0]

    def _facts(self, conn: Connection, rows) -> list[Fact]:
        """Facts with their reports, read in one query per batch of facts (not one per fact)."""
        reports: dict[int, list[Report]] = {row["id"]: [] for row in rows}
        ids = list(reports)
        for i in range(0, len(ids), 500):
            query = (select(claim_facts.c.fact_id, claims, articles.c.uri, articles.c.site, articles.c.title,
                            articles.c.published, articles.c.duplicate_of)
                     .join(claims, claim_facts.c.claim_id == claims.c.id)
                     .join(articles, articles.c.id == claims.c.article_id)
                     .where(claim_facts.c.fact_id.in_(ids[i:i + 500]))
                     .order_by(articles.c.published, claims.c.id))
            for r in conn.execute(query).mappings():
                reports[r["fact_id"]].append(_report(r))
        return [Fact(id=row["id"], kind=row["kind"], from_=row["from_code"], to=row["to_code"],
                     parties=tuple(row["parties"].split(",")) if row["parties"] else None,
                     item=row["item"], reports=tuple(reports[row["id"]])) for row in rows]

    def actors(self) -> list[str]:
        """Every state or group that is a side or a party of some fact."""
        with self.engine.connect() as conn:
            found = set()
            for frm, to, parties in conn.execute(select(facts.c.from_code, facts.c.to_code, facts.c.parties).distinct()):
                found.update(c for c in (frm, to, *(parties.split(",") if parties else ())) if c)
        return sorted(found)

    def languages(self) -> list[str]:
        """Every language some claim was read in."""
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(claims.c.lang).distinct().where(claims.c.lang.is_not(None))).scalars())

    def exchanged_for(self, fact_id: int) -> list[Fact]:
        """The facts its claims name as given in return ("missiles in exchange for troops")."""
        mine = claims.alias("mine")
        other = claims.alias("other")
        link = claim_facts.alias("link")
        query = (select(link.c.fact_id).distinct()
                 .select_from(claim_facts.join(mine, mine.c.id == claim_facts.c.claim_id)
                              .join(other, and_(other.c.article_id == mine.c.article_id,
                                                other.c.idx == mine.c.exchange_for))
                              .join(link, link.c.claim_id == other.c.id))
                 .where(claim_facts.c.fact_id == fact_id, link.c.fact_id != fact_id))
        with self.engine.connect() as conn:
            ids = sorted(conn.execute(query).scalars())
            return self._facts(conn, conn.execute(select(facts).where(facts.c.id.in_(ids))
                                                  .order_by(facts.c.id)).mappings().all())

    def search(self, query: str, limit: int = 20) -> list[tuple[int, str | None, str]]:
        """Articles whose text matches: (id, title, uri)."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                ids = conn.execute(text("SELECT rowid FROM article_search WHERE article_search MATCH :q "
                                        "ORDER BY rank LIMIT :n"), {"q": _fts5_query(query), "n": limit}).scalars().all()
            else:
                ids = conn.execute(text("SELECT id FROM articles WHERE search @@ plainto_tsquery('simple', :q) "
                                        "ORDER BY ts_rank(search, plainto_tsquery('simple', :q)) DESC LIMIT :n"),
                                   {"q": query, "n": limit}).scalars().all()
            found = {r.id: r for r in conn.execute(select(articles.c.id, articles.c.title, articles.c.uri)
                                                   .where(articles.c.id.in_(ids)))}
        return [(i, found[i].title, found[i].uri) for i in ids if i in found]


def _eq(column, value):
    return column.is_(None) if value is None else column == value


def _fts5_query(query: str) -> str:
    """User words as FTS5 phrases, so punctuation in them is never FTS5 syntax."""
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _claim_row(claim: Claim, article_id: int, idx: int) -> dict:
    q = claim.quantity
    return dict(
        article_id=article_id, idx=idx, kind=claim.kind, from_code=claim.from_, to_code=claim.to,
        parties=",".join(claim.parties) if claim.parties else None, items=",".join(claim.items),
        quantity_value=q.value if q else None, quantity_unit=q.unit if q else None,
        quantity_approx=q.approx if q else None, when=claim.when, source=claim.source,
        certainty=claim.certainty, evidence_text=claim.evidence.text, evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end, exchange_for=claim.exchange_for, lang=claim.lang,
    )


def _report(r) -> Report:
    quantity = Quantity(r["quantity_value"], r["quantity_unit"], bool(r["quantity_approx"])) \
        if r["quantity_value"] is not None else None
    claim = Claim(
        kind=r["kind"], from_=r["from_code"], to=r["to_code"], items=tuple(r["items"].split(",")),
        evidence=Evidence(r["evidence_text"], r["evidence_start"], r["evidence_end"]),
        parties=tuple(r["parties"].split(",")) if r["parties"] else None, quantity=quantity, when=r["when"],
        source=r["source"], certainty=r["certainty"], exchange_for=r["exchange_for"], lang=r["lang"],
        article=r["uri"],
    )
    return Report(claim_id=r["id"], article_id=r["article_id"], claim=claim, site=r["site"], title=r["title"],
                  published=r["published"], duplicate_of=r["duplicate_of"])
