"""Fixtures of the web tests: a seeded register, the app in process (httpx's
ASGITransport), accounts of each role, and helpers for CSRF tokens."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from materiel.store.engine import open_store
from materiel.store.users import add_user
from materiel.web import create_app
from materiel.web.auth import hash_password
from tests.web.seed import seed

PASSWORD = "correct horse battery"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)  # argon2 is slow on purpose: hash once


@pytest.fixture
def web_db(tmp_path: Path, password_hash: str) -> str:
    """A seeded SQLite register with a viewer, an analyst and an admin."""
    db = str(tmp_path / "web.db")
    with open_store(db) as store:
        seed(store)
        with store.write() as conn:
            for name in ("viewer", "analyst", "admin"):
                add_user(conn, name, name, password_hash)
    return db


def _app(db: str, single_user: bool) -> Iterator[FastAPI]:
    app = create_app(db, single_user=single_user, max_upload=64 * 1024)
    yield app
    app.state.jobs.wait(60)
    app.state.store.close()


@pytest.fixture
def app(web_db: str) -> Iterator[FastAPI]:
    yield from _app(web_db, single_user=False)


@pytest.fixture
def local_app(web_db: str) -> Iterator[FastAPI]:
    yield from _app(web_db, single_user=True)


def client_of(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client_of(app) as c:
        yield c


@pytest.fixture
async def local(local_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client_of(local_app) as c:
        yield c


async def form_token(client: httpx.AsyncClient, path: str = "/login") -> str:
    """The CSRF token of the form on `path`."""
    page = await client.get(path)
    found = _TOKEN.search(page.text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


async def login(client: httpx.AsyncClient, name: str) -> str:
    """Log in through the form; the session's CSRF token."""
    token = await form_token(client)
    answer = await client.post(
        "/login", data={"name": name, "password": PASSWORD, "csrf_token": token, "next": "/"}
    )
    assert answer.status_code == 303, answer.text
    return await form_token(client, "/upload")
