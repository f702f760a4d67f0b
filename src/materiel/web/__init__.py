"""The analysts' web app: review claims in their sentences, browse the
register, dossiers and ledgers, search, upload and export (FastAPI with
server-rendered Jinja2 templates, and a JSON API under /api/v1)."""

from materiel.web.app import create_app

__all__ = ["create_app"]
