"""The data that flows between quidpro's stages.

sources -> Document -> article -> Article -> extract -> Claim.  Every stage takes and returns
these frozen dataclasses; nothing else in the package defines pipeline types.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("transfer", "deployment", "agreement", "pledge")
CERTAINTIES = ("asserted", "reported", "speculative", "denied")   # strongest first
ITEMS = (
    "air_defense", "missiles", "artillery", "small_arms", "armored_vehicles", "aircraft",
    "drones", "naval", "nuclear", "military_technology", "economic_aid", "energy_resources",
    "weapons_unspecified", "troops", "mutual_defense", "military_cooperation", "arms_deal",
)
AGREEMENT_ITEMS = ("mutual_defense", "military_cooperation", "arms_deal")


@dataclass(frozen=True)
class Document:
    """Raw bytes as read, and where they came from."""

    uri: str
    content: bytes
    content_type: str | None = None  # "text/html", "text/plain" or None when unknown


@dataclass(frozen=True)
class Article:
    """The main text of a page and what is known about it."""

    uri: str
    text: str
    lang: str | None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    site: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Quantity:
    value: int
    unit: str
    approx: bool = False

    @property
    def label(self) -> str:
        """As people read it: "~10,000 soldiers"."""
        return f"{'~' if self.approx else ''}{self.value:,} {self.unit}"


@dataclass(frozen=True)
class Evidence:
    """A sentence of the article: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """Who gives what to whom, as one sentence of one article states it (see CLAIMS.md)."""

    kind: str
    from_: str | None
    to: str | None
    items: tuple[str, ...]
    evidence: Evidence
    parties: tuple[str, ...] | None = None
    quantity: Quantity | None = None
    when: str | None = None
    source: str | None = None
    certainty: str = "asserted"
    exchange_for: int | None = None
    lang: str | None = None
    article: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form: field names exactly as DESIGN.md."""
        return {
            "kind": self.kind,
            "from": self.from_,
            "to": self.to,
            "parties": list(self.parties) if self.parties is not None else None,
            "items": list(self.items),
            "quantity": asdict(self.quantity) if self.quantity else None,
            "when": self.when,
            "source": self.source,
            "certainty": self.certainty,
            "evidence": asdict(self.evidence),
            "exchange_for": self.exchange_for,
            "lang": self.lang,
            "article": self.article,
        }


@dataclass(frozen=True)
class Extraction:
    """What extraction made of one article: its claims, and notes for the reader."""

    article: Article
    claims: tuple[Claim, ...]
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Report:
    """One claim inside a fact, with the article that states it."""

    claim_id: int
    article_id: int
    claim: Claim
    site: str | None
    title: str | None
    published: str | None
    duplicate_of: int | None      # the article this one is a syndicated copy of

    @property
    def source_article(self) -> int:
        """Copies of one report count as one source."""
        return self.duplicate_of or self.article_id


@dataclass(frozen=True)
class Fact:
    """Claims from many articles that agree on kind, parties and item, with compatible times."""

    id: int
    kind: str
    from_: str | None
    to: str | None
    parties: tuple[str, ...] | None
    item: str
    reports: tuple[Report, ...]

    @property
    def sources(self) -> int:
        return len({r.source_article for r in self.reports})

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({r.claim.lang for r in self.reports if r.claim.lang}))

    @property
    def first_reported(self) -> str | None:
        dates = [r.published for r in self.reports if r.published]
        return min(dates) if dates else None

    @property
    def last_reported(self) -> str | None:
        dates = [r.published for r in self.reports if r.published]
        return max(dates) if dates else None

    @property
    def certainty(self) -> str:
        """The strongest certainty any report gives it."""
        return min((r.claim.certainty for r in self.reports), key=CERTAINTIES.index, default="asserted")

    @property
    def when(self) -> tuple[str, ...]:
        return tuple(sorted({r.claim.when for r in self.reports if r.claim.when}))

    @property
    def quantities(self) -> tuple[tuple[Quantity, tuple[str, ...]], ...]:
        """Every distinct quantity with who reported it (outlet, or the article's address)."""
        seen: dict[Quantity, list[str]] = {}
        for r in self.reports:
            if r.claim.quantity is not None:
                who = r.site or r.title or r.claim.article or "?"
                if r.claim.source:
                    who = f"{who} ({r.claim.source})"
                seen.setdefault(r.claim.quantity, [])
                if who not in seen[r.claim.quantity]:
                    seen[r.claim.quantity].append(who)
        return tuple((q, tuple(w)) for q, w in seen.items())
