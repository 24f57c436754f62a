from pathlib import Path

import pytest

from quidpro.article import build_article, clean_scrape, detect_language
from quidpro.errors import ArticleError, SourceError
from quidpro.models import Document
from quidpro.sources import read_path

SCRAPE = """Home WorldBerlin sends more air defence to Kyiv

Berlin sends more air defence to Kyiv

by Anna Keller
Germany, Ukraine, Air defence

Berlin sends more air defence to Kyiv

Germany has delivered a fourth IRIS-T system to Ukraine, the defence ministry in Berlin said on Tuesday.

New deliveries

The system arrived with several hundred missiles, officials added in a short statement.

Share
You may also like
Ukraine asks for more Patriots
Leave a Comment
"""


def test_scrape_keeps_body_and_headings_only():
    body, title = clean_scrape(SCRAPE)
    assert title == "Berlin sends more air defence to Kyiv"
    assert body.startswith("Germany has delivered a fourth IRIS-T")
    assert "New deliveries" in body
    for junk in ("Home", "by Anna", "Share", "You may also like", "Patriots", "Leave a Comment",
                 "Germany, Ukraine, Air defence"):
        assert junk not in body


def test_links_inside_the_body_drop_their_line_only():
    body, _ = clean_scrape(
        "Home | World\n\nRussia ships more shells to the front, officials say\n\n"
        "Russia has shipped more artillery shells to its forces in Ukraine, officials said on Monday.\n\n"
        "Read more: North Korea tests a new missile\n\n"
        "The shipments arrived by rail from North Korea, according to the same officials.\n\n"
        "› South Korea swears in a new defence minister\n\n"
        "Tags: Russia, North Korea\nYou may also like\nSomething else that is long enough to be prose here.\n")
    assert body.split("\n\n") == [
        "Russia has shipped more artillery shells to its forces in Ukraine, officials said on Monday.",
        "The shipments arrived by rail from North Korea, according to the same officials.",
    ]


def test_scrape_of_the_seed(seed_path):
    article = build_article(read_path(seed_path))
    assert article.lang == "fr"
    assert article.title.startswith("La Corée du Sud révèle")
    assert article.text.startswith("La Russie a fourni à la Corée du Nord")
    assert article.text.endswith("aux pays en conflit.")
    assert "You may also like" not in article.text and "by Sara" not in article.text


def test_html_gives_text_and_metadata():
    html = """<html><head><title>T</title>
    <meta property="article:published_time" content="2024-11-23T08:30:00+01:00">
    <meta name="author" content="Marie Dubois"></head><body>
    <nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/defense">Défense</a></nav>
    <article><h1>Berlin livre un système IRIS-T à Kyiv</h1>
    <p>L'Allemagne a livré un quatrième système IRIS-T à l'Ukraine, a indiqué mardi le ministère.</p>
    <p>Le système est arrivé avec plusieurs centaines de missiles, selon des responsables.</p></article>
    <footer>© 2024 Le Journal — Mentions légales — Contact</footer></body></html>"""
    a = build_article(Document("page.html", html.encode(), "text/html"))
    assert a.published == "2024-11-23"
    assert a.lang == "fr"
    assert a.text.startswith("L'Allemagne a livré")
    assert "Mentions légales" not in a.text and "Accueil" not in a.text


def test_caller_published_wins():
    a = build_article(Document("x.txt", SCRAPE.encode()), published="2023-01-02")
    assert a.published == "2023-01-02"


@pytest.mark.parametrize("content,message", [
    (b"", "empty input"),
    (b"   \n\n ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary data"),
    ("La Russie a livré des chars à l'Ukraine.".encode("latin-1"), "not valid UTF-8"),
    (b"Menu\nHome\nContact\n", "no article text"),
])
def test_bad_content_is_named(content, message):
    with pytest.raises(ArticleError, match=message) as info:
        build_article(Document("bad.txt", content))
    assert str(info.value).startswith("bad.txt:")


def test_missing_and_directory_and_huge(tmp_path: Path):
    with pytest.raises(SourceError, match="no such file"):
        read_path(tmp_path / "nope.html")
    with pytest.raises(SourceError, match="is a directory"):
        read_path(tmp_path)
    huge = tmp_path / "huge.html"
    with huge.open("wb") as f:
        f.write(b"<html><body><p>" + b"a" * (50 * 1024 * 1024) + b"</p></body></html>")
    with pytest.raises(SourceError, match="over the 10 MB limit"):
        read_path(huge)


@pytest.mark.parametrize("text,lang", [
    ("La Russie a fourni des missiles anti-aériens à la Corée du Nord, selon Séoul.", "fr"),
    ("Russia supplied North Korea with anti-aircraft missiles, Seoul said on Friday.", "en"),
    ("Russland hat Nordkorea Flugabwehrraketen geliefert, teilte Seoul am Freitag mit.", "de"),
])
def test_language_identification_offline(text, lang):
    assert detect_language(text)[0] == lang
