"""Fetching URLs (httpx, with timeouts): a page becomes a document through the
HTML reader, a feed its entries. Each failure is a `ReadError` for that URL
alone, so an offline run says so per URL and goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx

from materiel.exc import InputError
from materiel.ingest.decode import decode
from materiel.ingest.feeds import looks_like_feed, parse_feed
from materiel.ingest.readers import MAX_BYTES, Item, ReadError, html_document, text_document

TIMEOUT = httpx.Timeout(20.0, connect=5.0)
USER_AGENT = "materiel/0.1 (+arms-transfer register)"
URL_LIST_SUFFIXES = {".urls"}


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def is_url_list(path: Path) -> bool:
    """A `.urls` file, or a `.txt` file whose lines are all URLs."""
    if path.suffix.lower() in URL_LIST_SUFFIXES:
        return True
    if path.suffix.lower() != ".txt" or path.stat().st_size > 1_000_000:
        return False
    lines = url_lines(path)
    return bool(lines) and all(is_url(line) for line in lines)


def url_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


class Fetcher:
    """One HTTP client for a run, made on first use and closed at the end."""

    def __init__(self, transport: httpx.BaseTransport | None = None) -> None:
        self.transport = transport
        self._client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=TIMEOUT,
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT},
                transport=self.transport,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
        """The documents at `url`: a feed's entries or one page."""
        try:
            data, kind = self._get(url, max_bytes)
        except InputError as err:
            yield ReadError(url, str(err))
            return
        if looks_like_feed(data) or "xml" in kind:
            yield from parse_feed(data, url)
            return
        yield from _page(url, data, kind)

    def _get(self, url: str, max_bytes: int) -> tuple[bytes, str]:
        try:
            with self.client().stream("GET", url) as response:
                response.raise_for_status()
                data = b""
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > max_bytes:
                        raise InputError("page larger than the size limit")
                return data, response.headers.get("content-type", "").lower()
        except httpx.TimeoutException as err:
            raise InputError(f"timed out ({type(err).__name__})") from err
        except httpx.HTTPStatusError as err:
            raise InputError(f"HTTP {err.response.status_code}") from err
        except httpx.HTTPError as err:
            raise InputError(f"cannot fetch: {err or type(err).__name__}") from err


def _page(url: str, data: bytes, kind: str) -> Iterator[Item]:
    try:
        text = decode(data)
        if "html" in kind or text.lstrip()[:1] == "<":
            document = html_document(url, text)
        else:
            document = text_document(url, text)
    except InputError as err:
        yield ReadError(url, str(err))
        return
    document.meta.setdefault("url", url)
    yield document
