"""The command line: a thin layer over the library (``quidpro --help``)."""
from __future__ import annotations

import json
import sys
from datetime import date
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
from quidpro.sources import read_source

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
    if q is None:
        return ""
    return f"{'~' if q.approx else ''}{q.value:,} {q.unit}"


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


@app.command()
def languages() -> None:
    """List the languages quidpro has lexicons for."""
    from quidpro.extract.language import load_lexicon
    for code in supported_languages():
        lex = load_lexicon(code)
        out.print(f"{code}  {lex.name:10} spaCy pipeline: {lex.spacy_model or 'blank tokeniser + sentence rules'}")


if __name__ == "__main__":
    app()
