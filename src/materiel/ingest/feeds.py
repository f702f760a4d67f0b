"""RSS and Atom feeds (feedparser): one document per entry, its text from the
entry's content or summary with the HTML tags taken out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import feedparser

from materiel.ingest.readers import Item, RawDocument, ReadError

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_BLOCKS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"}


def looks_like_feed(data: bytes) -> bool:
    head = data[:4000].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(data: bytes, where: str) -> Iterator[Item]:
    """The entries of the feed in `data` (`where` names it in messages)."""
    if not looks_like_feed(data):
        yield ReadError(where, "not an RSS or Atom feed")
        return
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield ReadError(where, f"malformed feed: {parsed.get('bozo_exception')}")
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry(entry, f"{where}#{number}", outlet)


def _entry(entry: Any, where: str, outlet: str | None) -> Item:
    content = entry.get("content")
    markup = content[0].get("value", "") if content else entry.get("summary", "")
    text = html_text(markup or "")
    if not text.strip():
        return ReadError(where, "feed entry without text")
    url = entry.get("link")
    meta = {"title": entry.get("title"), "url": url, "outlet": outlet}
    return RawDocument(
        id=str(url or entry.get("id") or where),
        text=text,
        date=_date(entry),
        meta={k: v for k, v in meta.items() if v},
    )


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The text of an HTML fragment, one line per block."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
