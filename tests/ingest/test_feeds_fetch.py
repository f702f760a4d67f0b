"""Feeds, URL lists and fetching (httpx with a mock transport; offline fails
per URL)."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx

from materiel.ingest.collect import collect
from materiel.ingest.feeds import html_text, parse_feed
from materiel.ingest.readers import RawDocument, ReadError

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Drones</title><link>https://news.example/1</link>
<pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Iran has delivered 300 Shahed drones to Russia.&lt;/p&gt;
&lt;p&gt;Second.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://news.example/2</link><description></description></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Tanks</title><link href="https://atom.example/t"/><id>urn:1</id>
<updated>2023-01-25T10:00:00Z</updated>
<content type="html">Germany will deliver 14 Leopard 2 tanks to Ukraine.</content></entry></feed>"""
PAGE = b"""<html><head><title>Shells</title></head><body><article><h1>Shells</h1>
<p>North Korea has shipped one million artillery shells to Russia, the Pentagon said on
Tuesday. The shipments went by rail and by sea over several months last year.</p>
<p>Officials said the shells were of poor quality, and many failed to explode.</p>
</article></body></html>"""


def documents(items: list[RawDocument | ReadError]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def test_rss_entries_become_documents() -> None:
    items = list(parse_feed(RSS, "wire.rss"))
    first = documents(items)[0]
    assert first.id == "https://news.example/1"
    assert first.text == "Iran has delivered 300 Shahed drones to Russia.\nSecond."
    assert first.date == "2025-06-10"
    assert first.meta == {"title": "Drones", "url": "https://news.example/1",
                          "outlet": "Example Wire"}  # fmt: skip
    assert isinstance(items[1], ReadError) and "without text" in items[1].message


def test_atom_and_bad_feeds() -> None:
    (entry,) = documents(list(parse_feed(ATOM, "desk.atom")))
    assert entry.meta["outlet"] == "Atom Desk" and entry.date == "2023-01-25"
    (error,) = list(parse_feed(b"<html>no feed</html>", "x.xml"))
    assert isinstance(error, ReadError) and "not an RSS or Atom feed" in error.message


def test_html_text_keeps_blocks_apart() -> None:
    assert html_text("<p>One &amp; two</p><p>three<br>four</p>") == "One & two\nthree\nfour"


def _transport(request: httpx.Request) -> httpx.Response:
    pages = {
        "/feed": (200, RSS, "application/rss+xml"),
        "/page": (200, PAGE, "text/html; charset=utf-8"),
        "/gone": (404, b"not here", "text/plain"),
    }
    status, body, kind = pages.get(request.url.path, (500, b"", "text/plain"))
    return httpx.Response(status, content=body, headers={"content-type": kind})


def test_url_list_fetches_pages_and_feeds(tmp_path: Path) -> None:
    listing = tmp_path / "sources.urls"
    listing.write_text(
        "# morning sources\nhttps://site.example/feed\nhttps://site.example/page\n"
        "https://site.example/gone\n"
    )
    items = list(collect([str(listing)], transport=httpx.MockTransport(_transport)))
    docs = documents(items)
    assert [d.id for d in docs] == ["https://news.example/1", "https://site.example/page"]
    assert "one million artillery shells" in docs[1].text
    assert docs[1].meta["url"] == "https://site.example/page"
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [(e.where, e.message) for e in errors][-1] == ("https://site.example/gone", "HTTP 404")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_fails_per_url_and_the_rest_go_in(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran has delivered 300 Shahed drones to Russia.")
    listing = tmp_path / "links.txt"
    port = _closed_port()
    listing.write_text(f"http://127.0.0.1:{port}/one\nhttp://127.0.0.1:{port}/two\n")
    items = list(collect([str(tmp_path)]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.where for e in errors] == [f"http://127.0.0.1:{port}/one",
                                         f"http://127.0.0.1:{port}/two"]  # fmt: skip
    assert all(e.message.startswith("cannot fetch") for e in errors)
    assert [d.id for d in documents(items)] == [str(tmp_path / "a.txt")]


def test_folders_are_read_recursively_with_feeds(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "desk.atom").write_bytes(ATOM)
    (tmp_path / "b.txt").write_text("North Korea shipped shells to Russia.")
    (tmp_path / "broken.xml").write_bytes(b"\x00\x01binary")
    items = list(collect([str(tmp_path)]))
    assert [d.id for d in documents(items)] == [str(tmp_path / "b.txt"), "https://atom.example/t"]
    assert [i.where for i in items if isinstance(i, ReadError)] == [str(tmp_path / "broken.xml")]
