"""The web app and REST API over the ledger (FastAPI + Jinja2), working offline.

Pages are rendered on the server: the network is an SVG laid out with networkx, filters are a
plain form, and no asset is fetched from outside the package (the API docs at /docs use the
Swagger UI files that the swagger-ui-bundle package installs).
"""
from __future__ import annotations

from importlib import resources
from typing import Optional

import swagger_ui_bundle
from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from quidpro import __version__
from quidpro.errors import LedgerError
from quidpro.ledger import Ledger
from quidpro.models import CERTAINTIES, ITEMS, KINDS, Claim, Fact
from quidpro.web.views import KIND_COLOURS, highlight, network, paragraph_of, timeline


# -- API shapes (documented at /docs) ---------------------------------------------------------
class QuantityOut(BaseModel):
    value: int
    unit: str
    approx: bool
    reported_by: list[str]


class FactOut(BaseModel):
    id: int
    kind: str
    from_: Optional[str] = None
    to: Optional[str] = None
    parties: Optional[list[str]] = None
    item: str
    when: list[str]
    certainty: str
    sources: int
    languages: list[str]
    first_reported: Optional[str] = None
    last_reported: Optional[str] = None
    quantities: list[QuantityOut]
    reports: int


class ReportOut(BaseModel):
    article_id: int
    claim_id: int
    uri: Optional[str] = None
    site: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    lang: Optional[str] = None
    certainty: str
    source: Optional[str] = None
    when: Optional[str] = None
    quantity: Optional[dict] = None
    evidence: dict
    duplicate_of: Optional[int] = None


class FactDetailOut(FactOut):
    report_list: list[ReportOut]
    exchanged_for: list[FactOut]


class ArticleOut(BaseModel):
    id: int
    uri: str
    site: Optional[str] = None
    title: Optional[str] = None
    lang: Optional[str] = None
    published: Optional[str] = None
    text: str
    duplicate_of: Optional[int] = None
    claims: list[dict]


class SearchHit(BaseModel):
    id: int
    title: Optional[str] = None
    uri: str


def fact_out(f: Fact) -> FactOut:
    return FactOut(id=f.id, kind=f.kind, from_=f.from_, to=f.to, parties=list(f.parties) if f.parties else None,
                   item=f.item, when=list(f.when), certainty=f.certainty, sources=f.sources,
                   languages=list(f.languages), first_reported=f.first_reported, last_reported=f.last_reported,
                   quantities=[QuantityOut(value=q.value, unit=q.unit, approx=q.approx, reported_by=list(who))
                               for q, who in f.quantities], reports=len(f.reports))


def create_app(ledger: Ledger) -> FastAPI:
    app = FastAPI(title="quidpro", version=__version__, docs_url=None, redoc_url=None,
                  description="Who gives what to whom between states: facts fused from news reports, "
                              "each traced to the sentences that state it.")
    static = resources.files("quidpro.web") / "static"
    # (the more specific mount first: Starlette takes the first that matches)
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    templates = Jinja2Templates(directory=str(resources.files("quidpro.web") / "templates"))
    templates.env.globals.update(KIND_COLOURS=KIND_COLOURS, version=__version__)

    @app.exception_handler(LedgerError)
    async def ledger_error(request: Request, exc: LedgerError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=404)
        return HTMLResponse(templates.get_template("error.html").render(message=str(exc)), status_code=404)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> str:
        return templates.get_template("docs.html").render()

    def filtered(country, kind, item, since, until, lang, certainty, min_sources) -> list[Fact]:
        return ledger.facts(country=country or None, kind=kind or None, item=item or None, since=since or None,
                            until=until or None, lang=lang or None, certainty=certainty or None,
                            min_sources=min_sources or 1)

    # -- API ---------------------------------------------------------------------------------
    @app.get("/api/facts", response_model=list[FactOut], tags=["facts"])
    def api_facts(country: Optional[str] = None, kind: Optional[str] = None, item: Optional[str] = None,
                  since: Optional[str] = None, until: Optional[str] = None, lang: Optional[str] = None,
                  certainty: Optional[str] = None, min_sources: int = Query(1, ge=1)):
        """Facts matching the filters, most reported first."""
        return [fact_out(f) for f in filtered(country, kind, item, since, until, lang, certainty, min_sources)]

    @app.get("/api/facts/{fact_id}", response_model=FactDetailOut, tags=["facts"])
    def api_fact(fact_id: int):
        """One fact with every report: outlet, language, date, certainty, source and quote."""
        f = ledger.fact(fact_id)
        reports = [ReportOut(article_id=r.article_id, claim_id=r.claim_id, uri=r.claim.article, site=r.site,
                             title=r.title, published=r.published, lang=r.claim.lang, certainty=r.claim.certainty,
                             source=r.claim.source, when=r.claim.when,
                             quantity=r.claim.to_dict()["quantity"], evidence=r.claim.to_dict()["evidence"],
                             duplicate_of=r.duplicate_of) for r in f.reports]
        return FactDetailOut(**fact_out(f).model_dump(), report_list=reports,
                             exchanged_for=[fact_out(x) for x in ledger.exchanged_for(fact_id)])

    @app.get("/api/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
    def api_article(article_id: int):
        """An article's clean text and the claims extracted from it."""
        row, claims = ledger.article(article_id)
        return ArticleOut(**row, claims=[c.to_dict() for c in claims])

    @app.get("/api/search", response_model=list[SearchHit], tags=["articles"])
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=200)):
        """Articles whose text matches the words of ``q``."""
        return [SearchHit(id=i, title=t, uri=u) for i, t, u in ledger.search(q, limit)]

    # -- pages ---------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, country: str = "", kind: str = "", item: str = "", since: str = "",
              until: str = "", lang: str = "", certainty: str = "", min_sources: int = 1, q: str = ""):
        found = filtered(country, kind, item, since, until, lang, certainty, min_sources)
        nodes, edges = network(found)
        hits = ledger.search(q) if q else []
        return templates.TemplateResponse(request, "index.html", dict(
            facts=found, nodes=nodes, edges=edges, timeline=timeline(found), hits=hits, q=q,
            filters=dict(country=country, kind=kind, item=item, since=since, until=until, lang=lang,
                         certainty=certainty, min_sources=min_sources),
            countries=ledger.actors(), languages=ledger.languages(), kinds=KINDS, items=ITEMS, certainties=CERTAINTIES,
            counts=ledger.counts()))

    @app.get("/facts/{fact_id}", response_class=HTMLResponse, include_in_schema=False)
    def fact_page(request: Request, fact_id: int):
        f = ledger.fact(fact_id)
        quotes = []
        texts: dict[int, str] = {}
        for r in f.reports:
            if r.article_id not in texts:
                texts[r.article_id] = ledger.article(r.article_id)[0]["text"]
            ev = r.claim.evidence
            quotes.append((r, paragraph_of(texts[r.article_id], ev.start, ev.end)))
        return templates.TemplateResponse(request, "fact.html", dict(fact=f, quotes=quotes,
                                                                     exchanged=ledger.exchanged_for(fact_id)))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: int):
        row, claims = ledger.article(article_id)
        return templates.TemplateResponse(request, "article.html", dict(
            article=row, claims=claims, paragraphs=highlight(row["text"], claims), describe=_describe))

    return app


def _describe(c: Claim) -> str:
    who = " + ".join(c.parties or ()) if c.kind == "agreement" else f"{c.from_} → {c.to}"
    return f"{c.kind}: {who} · {', '.join(c.items)} · {c.certainty}"
