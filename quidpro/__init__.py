"""quidpro: a ledger of who gives what to whom between states, read from the news.

    >>> import quidpro
    >>> claims = quidpro.extract(open("page.html").read(), published="2024-11-23")

The pipeline's stages are modules: ``sources`` (path/URL -> Document), ``article`` (Document ->
Article), ``extract`` (Article -> claims).  This module is the small public surface over them.
"""
from __future__ import annotations

from quidpro.article import build_article
from quidpro.errors import ArticleError, LexiconError, QuidproError, SourceError
from quidpro import extract  # the stage package, callable: quidpro.extract(html, published=...)
from quidpro.extract import extract_claims, supported_languages
from quidpro.models import Article, Claim, Document, Extraction
from quidpro.sources import read_source

__version__ = "0.1.0"


def read_article(ref: str, published: str | None = None, lang: str | None = None) -> Article:
    """The Article behind a file path or URL."""
    return build_article(read_source(ref), published=published, lang=lang)


__all__ = [
    "Article", "ArticleError", "Claim", "Document", "Extraction", "LexiconError", "QuidproError",
    "SourceError", "build_article", "extract", "extract_claims", "read_article", "read_source",
    "supported_languages",
]
