"""The routers of the web app, one module per page, and the API."""

from fastapi import APIRouter

from materiel.web.routes import (
    account,
    api_read,
    api_write,
    documents,
    dossier,
    export,
    register,
    review,
    search,
    upload,
)

ROUTERS: list[APIRouter] = [
    account.router,
    register.router,
    documents.router,
    review.router,
    dossier.router,
    search.router,
    upload.router,
    export.router,
    api_read.router,
    api_write.router,
]
