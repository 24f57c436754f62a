"""Reading inputs over HTTP from a real server on loopback."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from quidpro.errors import SourceError
from quidpro.settings import Settings
from quidpro.sources import read_source

PAGE = ("<html><head><meta property='article:published_time' content='2024-03-01'></head><body>"
        "<article><p>Germany has delivered more Leopard 2 tanks to Ukraine, the defence ministry "
        "in Berlin said on Friday.</p></article></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the stdlib's name)
        if self.path == "/article":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 5000 + b"</p>")
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_gives_html_document(server):
    doc = read_source(f"{server}/article")
    assert doc.content == PAGE and doc.content_type == "text/html"


def test_url_extracts_claims(server):
    from quidpro.extract import extract_claims
    from quidpro.article import build_article
    claims = extract_claims(build_article(read_source(f"{server}/article"))).claims
    assert [(c.kind, c.from_, c.to, c.items) for c in claims] == [("transfer", "DEU", "UKR", ("armored_vehicles",))]
    assert claims[0].when is None or claims[0].when.startswith("2024")


def test_http_errors_are_named(server):
    with pytest.raises(SourceError, match=r"/missing: HTTP 404"):
        read_source(f"{server}/missing")
    with pytest.raises(SourceError, match="larger than"):
        read_source(f"{server}/big", Settings(max_bytes=1000))
    with pytest.raises(SourceError, match="ConnectError"):
        read_source("http://127.0.0.1:9/nothing-listens-here", Settings(fetch_timeout=2))
