"""The web app's factory: `create_app(db_url, single_user)` opens the store,
mounts the pages, the JSON API under /api/v1 and the static files, and turns
errors into pages (or JSON under /api)."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from materiel import __version__
from materiel.exc import MaterielError, StoreError
from materiel.store.engine import open_store
from materiel.web.auth import Forbidden, LoginRequired
from materiel.web.jobs import Jobs
from materiel.web.render import page
from materiel.web.routes import ROUTERS

STATIC = Path(__file__).resolve().parent / "static"
MAX_UPLOAD = 10 * 2**20  # bytes
SESSION_SECONDS = 12 * 3600


def create_app(
    db_url: str | None = None, single_user: bool = False, max_upload: int = MAX_UPLOAD
) -> FastAPI:
    """The app over the register at `db_url`. `single_user` lets everyone in as
    the local admin: only for a server bound to loopback (`materiel.web.server`
    checks that)."""
    app = FastAPI(
        title="materiel", version=__version__, lifespan=_lifespan,
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
    )  # fmt: skip
    store = open_store(db_url)
    app.state.store = store
    app.state.single_user = single_user
    app.state.max_upload = max_upload
    app.state.jobs = Jobs(store, max_upload)
    _mount(app)
    _handlers(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.jobs.wait(30)
    app.state.store.close()


def _mount(app: FastAPI) -> None:
    secret = os.environ.get("MATERIEL_SECRET") or secrets.token_hex(32)
    app.add_middleware(
        SessionMiddleware, secret_key=secret, session_cookie="materiel_session",
        max_age=SESSION_SECONDS, same_site="lax",
    )  # fmt: skip
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return page(request, "error.html", status_code=status, status=status, message=message)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired) -> Response:
        if _api(request) or request.method != "GET":
            return _error(request, 401, "log in first")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={_quote(target)}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return _error(request, 403, exc.message)

    @app.exception_handler(MaterielError)
    async def refused(request: Request, exc: MaterielError) -> Response:
        status = 503 if isinstance(exc, StoreError) else int(getattr(exc, "status", 400))
        return _error(request, status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _api(request):
            return JSONResponse({"detail": _plain(exc.errors())}, status_code=422)
        return _error(request, 400, "; ".join(_describe(e) for e in exc.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))


def _describe(error: object) -> str:
    if not isinstance(error, dict):
        return str(error)
    where = ".".join(str(p) for p in error.get("loc", ())[1:])
    return f"{where}: {error.get('msg', 'invalid')}"


def _plain(errors: object) -> list[str]:
    return [_describe(e) for e in errors] if isinstance(errors, list | tuple) else []


def _quote(path: str) -> str:
    return quote(path, safe="/")
