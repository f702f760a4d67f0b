"""Checking an upload before it is ingested: its size (the cap) and type
(.txt, .html, .jsonl, and .xml, .rss or .atom feeds), and that it is text."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi import Request
from starlette.datastructures import UploadFile

from materiel.exc import InputError

ALLOWED = (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom")
CHUNK = 1 << 16


class UploadRefused(InputError):
    """An upload that is too large or of a type the app does not take."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def check_length(request: Request) -> None:
    """Refuse at once a body that declares itself over the cap."""
    cap = request.app.state.max_upload
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap + CHUNK:
        raise UploadRefused(_too_large(cap), 413)


async def uploaded_file(request: Request) -> UploadFile:
    """The `document` field of a multipart form (read after `check_length`)."""
    form = await request.form()
    found = form.get("document")
    if not isinstance(found, UploadFile):
        raise UploadRefused("choose a file to upload (form field `document`)", 400)
    return found


def _too_large(cap: int) -> str:
    return f"the file is larger than the upload limit of {cap / 2**20:g} MiB"


def suffix_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED:
        shown = suffix or "no extension"
        raise UploadRefused(
            f"{shown}: not a type the register takes (allowed: {', '.join(ALLOWED)})", 415
        )
    return suffix


async def close_form(request: Request) -> None:
    """Release the form's spooled files (after saving, or on refusal)."""
    form = await request.form()
    await form.close()


async def save(upload: UploadFile, cap: int) -> Path:
    """The upload in a new private folder (size and type checked)."""
    name = upload.filename or ""
    suffix = suffix_of(name)
    folder = Path(tempfile.mkdtemp(prefix="materiel-upload-"))
    stem = re.sub(r"[^\w.-]", "_", Path(name).stem)[:80] or "upload"
    path = folder / f"{stem}{suffix}"
    size = 0
    with path.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > cap:
                break
            if b"\x00" in chunk:
                size = -1
                break
            out.write(chunk)
    return _checked(path, size, cap)


def _checked(path: Path, size: int, cap: int) -> Path:
    problem = None
    if size > cap:
        problem = UploadRefused(_too_large(cap), 413)
    elif size < 0:
        problem = UploadRefused("the file is binary, not text", 415)
    elif size == 0:
        problem = UploadRefused("the file is empty", 400)
    if problem is not None:
        path.unlink(missing_ok=True)
        path.parent.rmdir()
        raise problem
    return path
