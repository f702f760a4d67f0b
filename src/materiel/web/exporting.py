"""Export downloads: the CLI's exporters write to a temporary file that is
sent and then removed."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime

from fastapi import Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from materiel.export import make_exporter
from materiel.export.run import export
from materiel.store.query import ClaimFilter

SUFFIX = {"csv": ".csv", "jsonl": ".jsonl", "stix": ".json", "sipri": ".csv"}
MEDIA = {".csv": "text/csv", ".jsonl": "application/x-ndjson", ".json": "application/json"}


def download(request: Request, fmt: str, records: str, where: ClaimFilter) -> FileResponse:
    """The export as a file download (named materiel-FORMAT-RECORDS-DATE)."""
    suffix = SUFFIX.get(fmt, ".txt")
    handle, name = tempfile.mkstemp(prefix="materiel-export-", suffix=suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            exporter = make_exporter(fmt, out, records)
            with request.app.state.store.read() as conn:
                export(conn, exporter, where)
    except BaseException:
        os.unlink(name)
        raise
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    kind = "assertions" if fmt == "sipri" else records
    return FileResponse(
        name, media_type=MEDIA[suffix], filename=f"materiel-{fmt}-{kind}-{stamp}{suffix}",
        background=BackgroundTask(os.unlink, name),
    )  # fmt: skip
