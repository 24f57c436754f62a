"""Third stage: Article -> claims (who gives what to whom, with evidence).

Each sentence is read by ``reader.SentenceReader``; this module then works at the level of the
article: it fills a giver the sentence leaves implicit from the claims before it, merges what
one sentence says twice, links exchanges, and applies CLAIMS.md's rule for unspecified weapons.
"""
from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass

from quidpro.article import build_article
from quidpro.extract.language import LanguagePack, load_pack, supported_languages
from quidpro.extract.linear import LinearReader
from quidpro.extract.reader import RawClaim, SentenceContext, SentenceReader
from quidpro.extract.when import find_times
from quidpro.models import Article, Claim, Document, Evidence, Extraction

_PARAGRAPH = re.compile(r"[^\n]+")
_SPECIFIC_EXEMPT = {"weapons_unspecified", "troops", "economic_aid", "energy_resources"}
_KIND_GROUP = {"transfer": "goods", "pledge": "goods", "deployment": "troops", "agreement": "agreement"}


@dataclass
class _Pending:
    raw: RawClaim
    evidence: Evidence
    exchange_target: _Pending | None = None


def extract_claims(article: Article) -> Extraction:
    """Every claim the article states, in the order of its sentences."""
    if article.lang not in supported_languages():
        lang = article.lang or "unknown"
        note = (f"{article.uri}: language '{lang}' is not supported "
                f"(supported: {', '.join(supported_languages())}); no claims extracted")
        return Extraction(article=article, claims=(), notes=(note,))
    pack = load_pack(article.lang)
    pending = _read_sentences(article, pack)
    pending = _fill_from_context(pending)
    pending = _merge_in_sentence(pending)
    pending = _prune_unspecified(pending)
    return Extraction(article=article, claims=tuple(_finalise(pending, article)))


def _read_sentences(article: Article, pack: LanguagePack) -> list[_Pending]:
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(article.text) if m.group().strip()]
    docs = [pack.parse(text) for _, text in paragraphs]
    named = {m.label for doc in docs for m in pack.find_actors(doc)
             if doc[m.start:m.end].text not in pack.gazetteer.contextual}
    ctx = SentenceContext(named_codes=named)
    out: list[_Pending] = []
    for (offset, text), doc in zip(paragraphs, docs):
        times = find_times(text, pack.lexicon.code, article.published)
        reader_class = SentenceReader if doc.has_annotation("DEP") else LinearReader
        for sent in doc.sents:
            reader = reader_class(pack, sent, times, ctx)
            raws = reader.read()
            evidence = Evidence(sent.text, offset + sent.start_char, offset + sent.end_char)
            items = [_Pending(r, evidence) for r in raws]
            for p in items:
                if p.raw.exchange_of is not None:
                    main = items[p.raw.exchange_of].raw
                    p.raw.from_ = p.raw.from_ or main.to
                    p.raw.to = p.raw.to or main.from_
                    p.exchange_target = items[p.raw.exchange_of]
                    items[p.raw.exchange_of].exchange_target = p
            out.extend(items)
            for r in raws:
                if r.source:
                    ctx.last_source = r.source
                    ctx.proper_names.append(r.source)
            ctx.proper_names.extend(_proper_names(sent))
            states = {m.label for m in pack.find_actors(doc) if sent.start <= m.start < sent.end and m.label.isupper()}
            if states:
                ctx.previous_states = states
    return out


def _proper_names(sent) -> list[str]:
    names, run = [], []
    for t in list(sent) + [None]:
        if t is not None and (t.pos_ == "PROPN" or (run and t.text == "-" and not run[-1].whitespace_)):
            run.append(t)
            continue
        while run and run[-1].text == "-":
            run.pop()
        name = sent.doc[run[0].i:run[-1].i + 1].text if run else ""
        if len(name.split()) >= 2:      # a full name, maybe one merged token ("Shin Won-sik")
            names.append(name)
        run = []
    return names


def _fill_from_context(pending: list[_Pending]) -> list[_Pending]:
    """A giver (or a deployment's host) left implicit is the one of the last claim before it
    with the same kind of goods and the same other party; claims still missing one are dropped."""
    _complete_in_sentence(pending)
    kept: list[_Pending] = []
    for p in pending:
        r = p.raw
        if r.reciprocal and r.from_ is not None and r.to is None:
            paid = next((k for k in reversed(kept) if k.raw.to == r.from_ and k.raw.kind != "agreement"), None)
            if paid is not None:
                r.to = paid.raw.from_
                p.exchange_target = paid
                paid.exchange_target = paid.exchange_target or p
        if r.kind == "agreement":
            if len(r.parties) < 2:
                prior = next((k.raw for k in reversed(kept) if k.raw.kind == "agreement"
                              and r.parties <= k.raw.parties), None)
                if prior is not None:
                    r.parties = set(prior.parties)
                elif r.pair and kept and r.parties <= _pair_of(kept[-1].raw):
                    # "the two countries signed ... in Cairo": the two the last claim was about
                    r.parties = _pair_of(kept[-1].raw)
                else:
                    continue
            if not r.items:
                prior = next((k.raw for k in reversed(kept) if k.raw.kind == "agreement"
                              and k.raw.parties == r.parties), None)
                r.items = set(prior.items) if prior else {"military_cooperation"}
            kept.append(p)
            continue
        group = _KIND_GROUP[r.kind]
        earlier = [k.raw for k in reversed(kept) if _KIND_GROUP[k.raw.kind] == group]
        if r.from_ is None and r.to is not None:
            r.from_ = next((k.from_ for k in earlier if k.to == r.to), None) or next(
                # "Hungary bought two of them in 2020": from whoever supplies the same goods
                (k.from_ for k in earlier if k.items & r.items and k.from_ != r.to), None)
        if r.to is None and r.from_ is not None:
            # "Macron also promised 40 more missiles": to the one the giver's last act was for;
            # "South Africa and Botswana also sent troops": where the last troops went
            r.to = next((k.to for k in earlier if k.from_ == r.from_), None) or (
                next((k.to for k in earlier if k.to != r.from_), None) if r.kind == "deployment" else None)
        if r.from_ is None or r.to is None or r.from_ == r.to:
            continue
        kept.append(p)
    return _without_dangling_links(kept)


def _pair_of(r: RawClaim) -> set[str]:
    return set(r.parties) if r.kind == "agreement" else {r.from_, r.to}


def _complete_in_sentence(pending: list[_Pending]) -> None:
    """Two acts of one sentence about the same goods, one missing its giver and the other its
    receiver ("took delivery of the radar it ordered from Japan"), complete each other."""
    half = [(p, p.raw.from_, p.raw.to) for p in pending
            if p.raw.kind != "agreement" and (p.raw.from_ is None) != (p.raw.to is None)]
    for p, giver, receiver in half:
        for q, other_giver, other_receiver in half:
            if q is p or q.evidence.start != p.evidence.start or not (p.raw.items & q.raw.items):
                continue
            if giver is None and other_giver is not None and other_giver != receiver:
                p.raw.from_ = other_giver
            elif receiver is None and other_receiver is not None and other_receiver != giver:
                p.raw.to = other_receiver


def _key(r: RawClaim) -> tuple:
    return (r.kind, r.from_, r.to, tuple(sorted(r.parties)), r.certainty)


def _merge_in_sentence(pending: list[_Pending]) -> list[_Pending]:
    """One claim per (kind, from, to, certainty) in a sentence: items are pooled."""
    out: list[_Pending] = []
    seen: dict[tuple, _Pending] = {}
    for p in pending:
        key = (p.evidence.start, *_key(p.raw))
        first = seen.get(key)
        if first is None:
            seen[key] = p
            out.append(p)
            continue
        first.raw.items |= p.raw.items
        for attr in ("quantity", "when", "source"):
            if getattr(first.raw, attr) is None:
                setattr(first.raw, attr, getattr(p.raw, attr))
        if first.exchange_target is None and p.exchange_target is not None:
            first.exchange_target = p.exchange_target
        for q in out:
            if q.exchange_target is p:
                q.exchange_target = first
    return out


def _prune_unspecified(pending: list[_Pending]) -> list[_Pending]:
    """'weapons_unspecified' only where the article names no specific item for the same
    (kind, from, to) and polarity (CLAIMS.md section 4)."""
    def polarity(r: RawClaim) -> tuple:
        return (r.kind, r.from_, r.to, r.certainty == "denied")

    specific = {polarity(p.raw) for p in pending if p.raw.items - _SPECIFIC_EXEMPT}
    out = []
    for p in pending:
        r = p.raw
        if "weapons_unspecified" in r.items and polarity(r) in specific:
            r.items.discard("weapons_unspecified")
            if not r.items:
                continue
        out.append(p)
    return _without_dangling_links(out)


def _without_dangling_links(pending: list[_Pending]) -> list[_Pending]:
    """Exchange links to claims that were dropped are cut."""
    live = {id(p) for p in pending}
    for p in pending:
        if p.exchange_target is not None and id(p.exchange_target) not in live:
            p.exchange_target = None
    return pending


def _finalise(pending: list[_Pending], article: Article) -> list[Claim]:
    index = {id(p): i for i, p in enumerate(pending)}
    claims = []
    for p in pending:
        r = p.raw
        claims.append(Claim(
            kind=r.kind,
            from_=None if r.kind == "agreement" else r.from_,
            to=None if r.kind == "agreement" else r.to,
            parties=tuple(sorted(r.parties)) if r.kind == "agreement" else None,
            items=tuple(sorted(r.items)),
            evidence=p.evidence,
            quantity=r.quantity,
            when=r.when,
            source=r.source if r.certainty != "asserted" else None,
            certainty=r.certainty,
            exchange_for=index.get(id(p.exchange_target)) if p.exchange_target else None,
            lang=article.lang,
            article=article.uri,
        ))
    return claims


def extract(text_or_html: str | bytes, published: str | None = None, lang: str | None = None,
            uri: str = "<text>") -> list[Claim]:
    """Claims in a page given as text or HTML; ``published`` (YYYY-MM-DD) anchors relative dates."""
    content = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    article = build_article(Document(uri=uri, content=content), published=published, lang=lang)
    return list(extract_claims(article).claims)


class _CallableModule(types.ModuleType):
    """``quidpro.extract`` is both the extraction stage and the one-call API:
    ``quidpro.extract(html, published=...)`` calls ``extract()`` above."""

    def __call__(self, *args, **kwargs) -> list[Claim]:
        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["extract", "extract_claims", "supported_languages"]
