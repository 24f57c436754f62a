"""Second stage: Document -> Article (main text, title, date, site, author, language).

HTML goes through trafilatura (htmldate when it finds no date).  Plain-text scrapes lose their
navigation, bylines, tag lines, share and related blocks and repeated titles, by the rules and
the multilingual furniture patterns of ``quidpro/data/boilerplate.toml``.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import lru_cache
from importlib import resources

import htmldate
import trafilatura
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from quidpro.errors import ArticleError
from quidpro.models import Article, Document
from quidpro.settings import Settings, load_settings

_HTML_SNIFF = re.compile(r"<(!doctype html|html|head|body|article|p|div)[\s>]", re.I)
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)
_SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern, list[re.Pattern]]:
    raw = tomllib.loads(resources.files("quidpro.data").joinpath("boilerplate.toml").read_text("utf-8"))
    tail = re.compile(r"(%s)(?!\w).*" % "|".join(raw["tail"]), re.I)
    drop = [re.compile(p, re.I) for p in raw["drop"]]
    return tail, drop


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability, from py3langid's offline model."""
    lang, prob = _identifier().classify(text[:5000])
    return lang, float(prob)


def decode(document: Document) -> str:
    """The document's text; binary or undecodable bytes raise ArticleError naming the file."""
    data = document.content
    if not data.strip():
        raise ArticleError(f"{document.uri}: empty input")
    head = data[:4096]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
        raise ArticleError(f"{document.uri}: binary data, not a text or HTML page")
    encoding = "utf-8-sig"
    declared = _CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        if isinstance(exc, UnicodeDecodeError):
            raise ArticleError(
                f"{document.uri}: not valid {encoding.replace('-sig', '').upper()} "
                f"(byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from exc
        raise ArticleError(f"{document.uri}: unknown charset '{encoding}'") from exc


def looks_like_html(document: Document, text: str) -> bool:
    if document.content_type:
        return "html" in document.content_type
    return bool(_HTML_SNIFF.search(text[:2000]))


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 5 and bool(_SENTENCE_END.search(line))


def clean_scrape(text: str) -> tuple[str, str | None]:
    """Article body and title from a plain-text scrape with its page furniture left in."""
    tail, drop = _boilerplate()
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    counts = Counter(ln for ln in lines if len(ln) >= 15)
    repeated = [ln for ln, n in counts.most_common() if n >= 2 and not _is_prose(ln)]
    title = repeated[0] if repeated else None
    start = next((i for i, ln in enumerate(lines) if _is_prose(ln)), None)
    if start is None:
        return "", title
    if title is None:
        title = next((ln for ln in lines[:start] if ln and not any(p.fullmatch(ln) for p in drop)), None)
    body: list[str] = []
    for ln in lines[start:]:
        if tail.match(ln):
            break
        if not ln or ln == title or any(p.fullmatch(ln) for p in drop):
            continue
        body.append(ln)
    return "\n\n".join(body), title


def _from_html(html: str, uri: str) -> dict:
    result = trafilatura.bare_extraction(
        html, url=uri if uri.startswith("http") else None, with_metadata=True,
        include_comments=False, include_tables=False, favor_precision=True,
    )
    if result is None or not (result.text or "").strip():
        return {"text": ""}
    title = (result.title or "").strip() or None
    paragraphs = [p.strip() for p in result.text.split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    date = result.date or htmldate.find_date(html, extensive_search=False)
    return {
        "text": "\n\n".join(paragraphs),
        "title": title,
        "published": date if date and _DATE_ONLY.fullmatch(date) else None,
        "site": result.sitename or result.hostname,
        "author": result.author,
    }


def build_article(document: Document, published: str | None = None, lang: str | None = None,
                  settings: Settings | None = None, fallback_published: str | None = None,
                  fallback_site: str | None = None) -> Article:
    """Main text and metadata of a document.  ``published`` and ``lang`` from the caller win;
    ``fallback_published`` is used only when the page gives no date of its own."""
    settings = settings or load_settings()
    text = decode(document)
    if looks_like_html(document, text):
        meta = _from_html(text, document.uri)
    else:
        body, title = clean_scrape(text)
        meta = {"text": body, "title": title}
    body = meta["text"]
    if not body.strip():
        raise ArticleError(f"{document.uri}: no article text found")
    if lang is None:
        detected, prob = detect_language(body)
        lang = detected if prob >= settings.min_lang_confidence else None
    return Article(
        uri=document.uri, text=body, lang=lang, title=meta.get("title"),
        published=published or meta.get("published") or fallback_published,
        site=meta.get("site") or fallback_site,
        author=meta.get("author"),
    )
