"""Writing JSON lines to a file or `-`, and one-line error reports."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def open_output(target: str | None) -> Iterator[TextIO]:
    """A text stream for `target`; `-` or None is standard output. A file is
    written to a temporary name and renamed at the end, so an interrupted run
    leaves no half-written output behind."""
    if target in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(target)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        yield handle
    partial.replace(path)


def report_error(where: str, message: str) -> None:
    print(f"materiel: {where}: {message}", file=sys.stderr)
