"""First stage: turn a path or a URL into a Document (raw bytes and where they came from)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import httpx

from quidpro.errors import SourceError
from quidpro.models import Document
from quidpro.settings import Settings, load_settings


def is_url(ref: str) -> bool:
    return ref.startswith(("http://", "https://"))


def read_path(path: str | Path, settings: Settings | None = None) -> Document:
    settings = settings or load_settings()
    p = Path(path)
    if not p.exists():
        raise SourceError(f"{path}: no such file")
    if p.is_dir():
        raise SourceError(f"{path}: is a directory, not a file")
    size = p.stat().st_size
    if size > settings.max_bytes:
        raise SourceError(
            f"{path}: {size / 1e6:.1f} MB is over the {settings.max_bytes / 1e6:.0f} MB limit "
            "(QUIDPRO_MAX_BYTES)"
        )
    try:
        content = p.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from exc
    content_type = "text/html" if p.suffix.lower() in (".html", ".htm", ".xhtml") else None
    return Document(uri=str(path), content=content, content_type=content_type)


def fetch_url(url: str, settings: Settings | None = None) -> Document:
    settings = settings or load_settings()
    headers = {"User-Agent": settings.user_agent}
    try:
        with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=True, headers=headers) as client:
            with client.stream("GET", url) as response:
                response.raise_for_status()
                chunks, total = [], 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > settings.max_bytes:
                        raise SourceError(f"{url}: larger than the {settings.max_bytes / 1e6:.0f} MB limit")
                    chunks.append(chunk)
                ctype = response.headers.get("content-type", "").split(";")[0].strip() or None
    except httpx.HTTPStatusError as exc:
        raise SourceError(f"{url}: HTTP {exc.response.status_code}") from exc
    except httpx.HTTPError as exc:
        raise SourceError(f"{url}: {type(exc).__name__}: {exc}") from exc
    return Document(uri=url, content=b"".join(chunks), content_type=ctype)


ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")


@dataclass(frozen=True)
class Input:
    """One thing to read, with what the caller knows of it."""

    ref: str
    published: str | None = None
    lang: str | None = None
    site: str | None = None


def expand_refs(refs: list[str]) -> list[Input]:
    """Paths, URLs, directories and manifests -> the inputs to read.  A directory gives its
    article files (HTML and text), recursively, in name order; a manifest (``.jsonl``) gives one
    input per line: ``{"file": ..., "published": "YYYY-MM-DD", "lang": "..", "site": ".."}``,
    files relative to the manifest."""
    out: list[Input] = []
    for ref in refs:
        p = Path(ref)
        if not is_url(ref) and p.is_dir():
            out.extend(Input(str(f)) for f in sorted(p.rglob("*"))
                       if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        elif not is_url(ref) and p.suffix == ".jsonl" and p.is_file():
            out.extend(_manifest(p))
        else:
            out.append(Input(ref))
    return out


def _manifest(path: Path) -> list[Input]:
    entries = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            ref = entry.get("file") or entry["url"]
        except (ValueError, KeyError, AttributeError) as exc:
            raise SourceError(f"{path}:{n}: not a manifest line with a 'file' or 'url' ({exc})") from exc
        if not is_url(ref):
            ref = str(path.parent / ref)
        entries.append(Input(ref, entry.get("published"), entry.get("lang"), entry.get("site") or entry.get("outlet")))
    return entries


def read_source(ref: str, settings: Settings | None = None) -> Document:
    """A Document from a file path or an http(s) URL."""
    return fetch_url(ref, settings) if is_url(ref) else read_path(ref, settings)
