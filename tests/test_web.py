"""The web app and its API: real HTTP against a real server, and a real headless Chromium
(Debian's, launched by path) that clicks through the pages and takes screenshots."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from quidpro.article import build_article
from quidpro.extract import extract_claims
from quidpro.ledger import Ledger
from quidpro.models import Document
from quidpro.web import create_app

from conftest import DATA

OUTPUT = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
PAGES = ["en_seed_events_rus_prk.html", "fr_iris_t_ukraine.html", "fr_coree_nord_obus_russie.txt",
         "en_k2_tanks_poland.txt"]
SCRIPT_PAGE = ("<html><head><title>Seoul &lt;script&gt;alert('title')&lt;/script&gt; watch</title></head><body>"
               "<article><p>Russia supplied North Korea with anti-aircraft missiles, the &lt;script&gt;alert(1)"
               "&lt;/script&gt; agency said on Friday in a statement to the press.</p></article></body></html>")


def _fill(ledger: Ledger) -> None:
    for name in PAGES:
        path = DATA / "articles" / name
        doc = Document(str(path), path.read_bytes(), "text/html" if name.endswith(".html") else None)
        ledger.ingest(extract_claims(build_article(doc, fallback_published="2023-11-02")))
    ledger.ingest(extract_claims(build_article(Document("https://evil.example/x", SCRIPT_PAGE.encode(),
                                                        "text/html"), published="2024-11-22")))


@pytest.fixture
def client(ledger_url):
    ledger = Ledger.open(ledger_url)
    _fill(ledger)
    yield TestClient(create_app(ledger))
    ledger.engine.dispose()


def test_openapi_schema_validates(client):
    schema = client.get("/openapi.json").json()
    validate(schema)
    assert {"/api/facts", "/api/facts/{fact_id}", "/api/articles/{article_id}", "/api/search"} <= set(schema["paths"])


def test_api_facts_and_filters(client):
    facts = client.get("/api/facts", params={"country": "PRK"}).json()
    assert facts and all("PRK" in (f["from_"], f["to"]) or "PRK" in (f["parties"] or []) for f in facts)
    air = client.get("/api/facts", params={"item": "air_defense", "kind": "transfer"}).json()
    rus_prk = [f for f in air if (f["from_"], f["to"]) == ("RUS", "PRK")]
    assert rus_prk and rus_prk[0]["sources"] == 2        # our article and the one with a <script> in it
    detail = client.get(f"/api/facts/{rus_prk[0]['id']}").json()
    assert {r["lang"] for r in detail["report_list"]} == {"en"}
    assert all(r["evidence"]["text"] for r in detail["report_list"])
    assert client.get("/api/facts/99999").status_code == 404
    assert client.get("/api/facts", params={"min_sources": 0}).status_code == 422


def test_api_article_and_search(client):
    hits = client.get("/api/search", params={"q": "IRIS-T"}).json()
    assert len(hits) == 1
    art = client.get(f"/api/articles/{hits[0]['id']}").json()
    assert art["lang"] == "fr" and art["claims"]
    for c in art["claims"]:
        assert art["text"][c["evidence"]["start"]:c["evidence"]["end"]] == c["evidence"]["text"]


def test_pages_show_text_escaped(client):
    hits = client.get("/api/search", params={"q": "statement"}).json()
    page = client.get(f"/articles/{hits[0]['id']}").text
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    index = client.get("/", params={"q": "statement"}).text
    assert "<script>alert" not in index and "&lt;script&gt;" in index
    for fact in client.get("/api/facts").json():
        assert "<script>" not in client.get(f"/facts/{fact['id']}").text


def test_docs_page_is_served_from_the_package(client):
    html = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    for page in ("/", "/docs"):
        assert "http://" not in client.get(page).text.split("<body", 1)[0].replace("http://www.w3.org", "")


# -- a real browser -------------------------------------------------------------------------
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    ledger = Ledger.open(f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}")
    _fill(ledger)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(ledger), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"browser tests skipped: no Chromium at {CHROMIUM} (`make test` installs Debian's chromium)"
        print(f"\n{reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


def test_click_through_network_fact_and_article(server, browser):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    assert page.locator("svg#network a.node").count() >= 4
    page.screenshot(path=str(OUTPUT / "network.png"), full_page=True)

    page.click("svg#network a.node[data-code='PRK']")
    page.wait_for_url("**/?country=PRK")
    links = page.locator("a.fact-link")
    assert links.count() >= 1 and all("PRK" in t for t in links.all_inner_texts())
    page.screenshot(path=str(OUTPUT / "network-prk.png"), full_page=True)

    page.locator("a.fact-link", has_text="RUS → PRK: transfer, air_defense").first.click()
    page.wait_for_url("**/facts/*")
    marks = page.locator("blockquote mark")
    assert marks.count() >= 2          # one highlighted quote per report
    assert "PRK → RUS: deployment, troops" in page.locator("a.exchange-link").first.inner_text()
    assert "anti-aircraft missiles" in marks.first.inner_text()
    page.screenshot(path=str(OUTPUT / "fact.png"), full_page=True)

    page.locator("li.quote", has_text="in exchange for").locator("a", has_text="read the article").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("mark.claim").count() >= 3
    page.screenshot(path=str(OUTPUT / "article.png"), full_page=True)
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "quidpro" in page.locator(".swagger-ui .info .title").inner_text()
    page.screenshot(path=str(OUTPUT / "api-docs.png"))
    # Nothing was fetched from anywhere but our own server.
    assert requests and all(u.startswith(server) for u in requests), [u for u in requests if not u.startswith(server)]
