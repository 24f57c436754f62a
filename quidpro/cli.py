"""The command line: a thin layer over the library (``quidpro --help``)."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from quidpro import __version__
from quidpro.article import build_article
from quidpro.errors import QuidproError
from quidpro.extract import extract_claims, supported_languages
from quidpro.models import Extraction
from quidpro.settings import load_settings
from quidpro.sources import expand_refs, read_source

app = typer.Typer(
    help="quidpro reads news pages and extracts who gives what to whom between states: "
         "weapons, troops, aid and pacts, each with the sentence that states it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = Console()
if not out.is_terminal:
    out = Console(width=200)   # piped or redirected: no terminal to fit, keep rows readable
err = Console(stderr=True, soft_wrap=True)   # one line per message, however long


def _version(value: bool) -> None:
    if value:
        out.print(f"quidpro {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """quidpro: a ledger of arms, troops, aid and pacts between states, from the news."""


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from None


def _check_lang(value: Optional[str]) -> Optional[str]:
    if value is not None and value not in supported_languages():
        raise typer.BadParameter(f"'{value}' has no lexicon; supported: {', '.join(supported_languages())}")
    return value


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(metavar="FILE_OR_URL...",
                                                help="HTML pages or plain-text scrapes, as paths or http(s) URLs.")],
    published: Annotated[Optional[str], typer.Option(
        "--published", metavar="YYYY-MM-DD", callback=_check_date,
        help="Publication date, for relative times ('this month', 'en juin'). "
             "Wins over the page's own metadata.")] = None,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", metavar="xx", callback=_check_lang,
        help="Language of the inputs (ISO 639-1); detected per page when left out.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one claim per line, fields as in DESIGN.md.")] = False,
) -> None:
    """Extract claims from news pages.

    Each claim says who gives what to whom (kind, from, to, items), how many, since when, who
    says so and how sure they are, with the sentence as evidence.  A page that cannot be read
    gets one line on stderr and the others go on; the exit status is non-zero only when no
    input could be read.

    [bold]Examples[/bold]

      quidpro extract article.html

      quidpro extract --json --published 2024-11-23 scrape.txt other.html
    """
    results: list[Extraction] = []
    failed = 0
    show_progress = len(inputs) > 3 and err.is_terminal
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("extracting", total=len(inputs))
        for ref in inputs:
            try:
                article = build_article(read_source(ref), published=published, lang=lang)
                result = extract_claims(article)
            except QuidproError as exc:
                failed += 1
                err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True)
            else:
                for note in result.notes:
                    err.print(f"[yellow]note:[/yellow] {note}", highlight=False)
                results.append(result)
                if as_json:
                    _print_json(result, ref)
            progress.advance(task)
    if not as_json:
        _print_table(results)
    if failed and not results:
        raise typer.Exit(code=1)


def _print_json(result: Extraction, ref: str) -> None:
    for claim in result.claims:
        record = claim.to_dict()
        record["file"] = ref
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _fmt_quantity(q) -> str:
    return q.label if q is not None else ""


def _print_table(results: list[Extraction]) -> None:
    for result in results:
        a = result.article
        title = a.title or a.uri
        out.print(f"\n[bold]{title}[/bold]  [dim]{a.uri} · {a.lang or '?'} · published {a.published or 'unknown'}[/dim]")
        if not result.claims:
            out.print("  [dim]no claims[/dim]")
            continue
        table = Table(show_lines=False, header_style="bold")
        for col in ("#", "kind", "from → to", "items", "quantity", "when", "certainty", "source", "evidence"):
            table.add_column(col, overflow="fold")
        for i, c in enumerate(result.claims):
            who = " + ".join(c.parties or ()) if c.kind == "agreement" else f"{c.from_} → {c.to}"
            if c.exchange_for is not None:
                who += f"  (for #{c.exchange_for})"
            text = c.evidence.text if len(c.evidence.text) < 100 else c.evidence.text[:97] + "..."
            table.add_row(str(i), c.kind, who, ", ".join(c.items), _fmt_quantity(c.quantity), c.when or "",
                          c.certainty, c.source or "", text)
        out.print(table)


DbOption = Annotated[Optional[str], typer.Option(
    "--db", metavar="URL", help="The ledger: a SQLAlchemy URL (default: $QUIDPRO_DB, else sqlite:///quidpro.db).")]


def _ledger(db: Optional[str]):
    from quidpro.ledger import Ledger
    try:
        return Ledger.open(db or load_settings().db_url)
    except QuidproError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(code=1) from None


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(
        metavar="PATH|URL|DIR|MANIFEST...",
        help="Pages to add: files, directories (searched recursively), URLs, or .jsonl manifests "
             "of {\"file\", \"published\", \"lang\"} lines.")],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option("--published", metavar="YYYY-MM-DD", callback=_check_date,
                                                     help="Publication date for pages that do not give one.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="xx", callback=_check_lang,
                                                help="Language of the inputs; detected per page when left out.")] = None,
) -> None:
    """Add articles to the ledger and fuse their claims into facts.

    Ingest is idempotent: a page whose text is already stored adds nothing, and a
    syndicated copy is linked to the article it copies so that both count as one source.
    Each article is stored in one transaction.

    [bold]Example[/bold]

      quidpro ingest --db sqlite:///ledger.db demo/corpus/manifest.jsonl
    """
    ledger = _ledger(db)
    try:
        refs = expand_refs(inputs)
    except QuidproError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(code=1) from None
    before = ledger.counts()
    added = duplicates = near = claims = new_facts = 0
    failures: list[str] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=len(refs))
        for entry in refs:
            try:
                article = build_article(read_source(entry.ref), lang=lang or entry.lang,
                                        fallback_published=entry.published or published,
                                        fallback_site=entry.site)
                result = ledger.ingest(extract_claims(article))
            except QuidproError as exc:
                failures.append(str(exc))
                err.print(f"[red]error:[/red] {exc}", highlight=False)
            else:
                if result.duplicate:
                    duplicates += 1
                else:
                    added += 1
                    near += result.near_duplicate_of is not None
                    claims += result.claims
                    new_facts += result.new_facts
            progress.advance(task)
    after = ledger.counts()
    table = Table(title=f"ingest into {ledger.url}", show_header=False, title_justify="left")
    for label, value in (("read", len(refs)), ("added", added), ("skipped as duplicate", duplicates),
                         ("syndicated copies linked", near), ("failed", len(failures)), ("claims", claims),
                         ("new facts", new_facts),
                         ("ledger now", f"{after['articles']} articles, {after['claims']} claims, "
                                        f"{after['facts']} facts (was {before['facts']} facts)")):
        table.add_row(label, str(value))
    out.print(table)
    if failures and not added and not duplicates:
        raise typer.Exit(code=1)


@app.command()
def facts(
    db: DbOption = None,
    from_: Annotated[Optional[str], typer.Option("--from", metavar="CODE", help="Giver (ISO3 or slug).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="CODE", help="Receiver.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="transfer, deployment, agreement or pledge.")] = None,
    item: Annotated[Optional[str], typer.Option("--item", help="An item category, e.g. air_defense.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", callback=_check_date,
                                                 help="Only facts reported on or after this date.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="xx", help="Only facts reported in this language.")] = None,
    min_sources: Annotated[int, typer.Option("--min-sources", min=1, help="Only facts with this many sources.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one fact per line.")] = False,
) -> None:
    """List facts: claims fused across articles, most reported first.

    [bold]Example[/bold]

      quidpro facts --from RUS --to PRK
    """
    found = _ledger(db).facts(from_=from_, to=to, kind=kind, item=item, since=since, lang=lang,
                              min_sources=min_sources)
    if as_json:
        for fact in found:
            sys.stdout.write(json.dumps(_fact_summary(fact), ensure_ascii=False) + "\n")
        return
    table = Table(header_style="bold")
    for col in ("id", "kind", "from → to", "item", "when", "certainty", "sources", "languages", "quantities",
                "reported"):
        table.add_column(col, overflow="fold")
    for f in found:
        table.add_row(str(f.id), f.kind, _who(f), f.item, ", ".join(f.when), f.certainty, str(f.sources),
                      ", ".join(f.languages), "; ".join(_fmt_quantity(q) for q, _ in f.quantities),
                      f"{f.first_reported or '?'} … {f.last_reported or '?'}")
    out.print(table if found else "[dim]no facts match[/dim]")


@app.command()
def fact(
    fact_id: Annotated[int, typer.Argument(metavar="ID", help="A fact's id, as `quidpro facts` lists it.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="The fact and every report, as JSON.")] = False,
) -> None:
    """Show one fact with every source and the sentence it quotes."""
    ledger = _ledger(db)
    try:
        f = ledger.fact(fact_id)
    except QuidproError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(code=1) from None
    if as_json:
        record = _fact_summary(f)
        record["reports"] = [{**r.claim.to_dict(), "site": r.site, "title": r.title, "published": r.published,
                              "duplicate_of": r.duplicate_of} for r in f.reports]
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    out.print(f"[bold]fact {f.id}[/bold]: {f.kind} {_who(f)} · {f.item} · {f.certainty} · "
              f"{f.sources} source(s) in {', '.join(f.languages) or '?'}")
    for q, who in f.quantities:
        out.print(f"  quantity {_fmt_quantity(q)} — {', '.join(who)}")
    for x in ledger.exchanged_for(f.id):
        figures = "; ".join(f"{_fmt_quantity(q)} ({', '.join(w)})" for q, w in x.quantities)
        out.print(f"  given in exchange for fact {x.id}: {x.kind} {_who(x)} · {x.item}"
                  f"{' · ' + figures if figures else ''}", highlight=False)
    for r in f.reports:
        c = r.claim
        copy = f" (copy of article {r.duplicate_of})" if r.duplicate_of else ""
        out.print(f"\n  [bold]{r.site or c.article}[/bold] · {c.lang} · {r.published or 'undated'} · "
                  f"{c.certainty}{' · ' + c.source if c.source else ''}{copy}", highlight=False)
        out.print(f"  “{c.evidence.text}”", highlight=False)


def _who(f) -> str:
    return " + ".join(f.parties or ()) if f.kind == "agreement" else f"{f.from_} → {f.to}"


def _fact_summary(f) -> dict:
    return {
        "id": f.id, "kind": f.kind, "from": f.from_, "to": f.to, "parties": list(f.parties) if f.parties else None,
        "item": f.item, "when": list(f.when), "certainty": f.certainty, "sources": f.sources,
        "languages": list(f.languages), "first_reported": f.first_reported, "last_reported": f.last_reported,
        "quantities": [{"value": q.value, "unit": q.unit, "approx": q.approx, "reported_by": list(who)}
                       for q, who in f.quantities],
        "reports": len(f.reports),
    }


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, parquet or graphml.")] = "csv",
    out_path: Annotated[Optional[Path], typer.Option("--out", "-o", metavar="FILE",
                                                     help="Where to write; csv and jsonl go to stdout without it.")] = None,
    level: Annotated[str, typer.Option("--level", help="facts (one row per fact) or claims (one row per "
                                                       "claim and item, with its quote).")] = "facts",
    db: DbOption = None,
) -> None:
    """Export every fact, or every claim, with its CAMEO code and PLOVER type.

    [bold]Examples[/bold]

      quidpro export --format csv > facts.csv

      quidpro export --format graphml --out network.graphml

      quidpro export --level claims --format parquet --out claims.parquet
    """
    from quidpro.export import export
    try:
        data = export(_ledger(db), fmt, out_path, level)
    except QuidproError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(code=1) from None
    if data is not None:
        sys.stdout.buffer.write(data)
    else:
        err.print(f"wrote {out_path}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse the ledger: network of states, timeline, facts with every quote (API docs at /docs)."""
    import uvicorn

    from quidpro.web import create_app
    app_ = create_app(_ledger(db))
    err.print(f"quidpro is serving the ledger at [bold]http://{host}:{port}/[/bold] (API docs: /docs). Ctrl-C stops.")
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command("eval")
def eval_cmd(
    gold_files: Annotated[list[Path], typer.Argument(metavar="GOLD.jsonl...",
                                                     help="Gold files (CLAIMS.md §6); article paths relative to each.")],
    as_json: Annotated[bool, typer.Option("--json", help="The figures as JSON.")] = False,
    show: Annotated[bool, typer.Option("--show", help="List every missed and every extra claim.")] = False,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="A Markdown page of the figures (docs/).")] = False,
    heading: Annotated[bool, typer.Option("--heading/--no-heading",
                                          help="With --markdown: the page's title and explanation.")] = True,
    split: Annotated[Optional[str], typer.Option(
        "--split", help="Only gold articles whose \"split\" is this (e.g. tune or holdout).")] = None,
    together: Annotated[bool, typer.Option(
        "--together", help="Score all the gold files as one set: one table, not one per file.")] = False,
) -> None:
    """Score extraction against gold claims: precision, recall and F1 per language, per kind and
    overall, matching (kind, from, to, item) and (agreement, parties, item); agreement on source,
    certainty, quantity and when over the matched claims.

    [bold]Example[/bold]

      quidpro eval tests/data/gold/fixtures.jsonl --show
    """
    from quidpro.evaluate import evaluate, load_gold, markdown
    sets: dict[str, list] = {}
    for path in gold_files:
        try:
            gold = [g for g in load_gold(path) if split is None or g.get("split") == split]
        except (OSError, QuidproError) as exc:
            err.print(f"[red]error:[/red] {path}: {exc}" if isinstance(exc, OSError) else f"[red]error:[/red] {exc}",
                      highlight=False)
            raise typer.Exit(code=1) from None
        sets[str(path)] = gold
    if together:
        sets = {" + ".join(sets): [g for gold in sets.values() for g in gold]}
    reports = {}
    for name, gold in sets.items():
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                      transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task(f"evaluating {Path(name).name if len(sets) > 1 else name}", total=len(gold))
            reports[f"{name}{f' ({split})' if split else ''}"] = evaluate(
                gold, progress=lambda t=task: progress.advance(t))
    if as_json:
        sys.stdout.write(json.dumps({k: r.to_dict() for k, r in reports.items()}, ensure_ascii=False) + "\n")
        return
    if as_markdown:
        sys.stdout.write(markdown(reports, heading) + "\n")
        return
    for name, report in reports.items():
        table = Table(title=name, title_justify="left", header_style="bold")
        for col in ("", "P", "R", "F1", "gold", "found", "source", "certainty", "quantity", "when"):
            table.add_column(col, justify="right" if col else "left")
        rows = [("all", report.overall)] + sorted(report.by_lang.items()) + \
               [(f"kind: {k}", v) for k, v in sorted(report.by_kind.items())]
        for label, sc in rows:
            agree = [f"{a / n:.2f}" if n else "–" for a, n in (sc.field_agree[f] for f in
                                                               ("source", "certainty", "quantity", "when"))]
            table.add_row(label, f"{sc.precision:.3f}", f"{sc.recall:.3f}", f"{sc.f1:.3f}", str(sc.tp + sc.fn),
                          str(sc.tp + sc.fp), *agree)
        out.print(table)
        for a in report.articles:
            if a.error:
                err.print(f"[red]error:[/red] {a.error}", highlight=False)
            if show and (a.missed or a.extra):
                out.print(f"[bold]{a.id}[/bold] ({a.lang})")
                for k in a.missed:
                    out.print(f"  [red]missed[/red] {k}", highlight=False)
                for k in a.extra:
                    quote = next((c["evidence"]["text"] for c in a.predicted if k in _keys(c)), "")
                    out.print(f"  [yellow]extra[/yellow]  {k}  [dim]{quote[:120]}[/dim]", highlight=False)


def _keys(claim: dict) -> set:
    from quidpro.evaluate import claim_keys
    return claim_keys(claim)


@app.command()
def languages() -> None:
    """List the languages quidpro has lexicons for."""
    from quidpro.extract.language import load_lexicon
    for code in supported_languages():
        lex = load_lexicon(code)
        blank = f"{lex.tokenizer} tokenizer + sentence rules" if lex.tokenizer else "blank tokeniser + sentence rules"
        out.print(f"{code}  {lex.name:10} spaCy pipeline: {lex.spacy_model or blank}")


if __name__ == "__main__":
    app()
