"""Background ingest of uploaded documents: an in-memory registry of jobs,
each run in a thread (extraction in that thread, so no process is forked from
the server), its progress polled by the upload page."""

from __future__ import annotations

import secrets
import shutil
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from materiel.exc import MaterielError
from materiel.ingest.feeds import FEED_SUFFIXES, parse_feed
from materiel.ingest.readers import Item, RawDocument, read_file
from materiel.store.engine import Store
from materiel.store.ingest import IngestReport, ingest
from materiel.store.review import log_action

KEEP = 200  # finished jobs remembered


@dataclass
class Job:
    id: str
    name: str
    user: str
    state: str = "queued"  # queued, running, done, failed
    seen: int = 0
    new: int = 0
    known: int = 0
    claims: int = 0
    failed: list[str] = field(default_factory=list)
    message: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Jobs:
    """The jobs of this server process; one ingest runs at a time."""

    def __init__(self, store: Store, max_bytes: int) -> None:
        self.store = store
        self.max_bytes = max_bytes
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()  # one writer at a time
        self.threads: list[threading.Thread] = []

    def start(self, path: Path, name: str, user: str) -> Job:
        job = Job(secrets.token_hex(8), name, user)
        self.jobs[job.id] = job
        self._forget_old()
        thread = threading.Thread(target=self._run, args=(job, path), daemon=True)
        self.threads.append(thread)
        thread.start()
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def wait(self, timeout: float = 60) -> None:
        """Wait for the running jobs (tests, shutdown)."""
        for thread in list(self.threads):
            thread.join(timeout)

    def _run(self, job: Job, path: Path) -> None:
        def progress(report: IngestReport, _where: str) -> None:
            _copy(report, job)

        try:
            with self.lock:
                job.state = "running"
                report = ingest(self.store, _items(path, self.max_bytes), (), progress, 0)
            _copy(report, job)
            job.state = "done"
            job.message = f"{job.new} new documents, {job.known} known, {job.claims} claims"
            with self.store.write() as conn:
                log_action(conn, job.user, "upload", {"file": job.name, "new": job.new})
        except MaterielError as err:
            job.state, job.message = "failed", str(err)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)

    def _forget_old(self) -> None:
        finished = [j for j in self.jobs.values() if j.state in ("done", "failed")]
        for job in finished[: max(0, len(finished) - KEEP)]:
            self.jobs.pop(job.id, None)
        self.threads = [t for t in self.threads if t.is_alive()]


def _items(path: Path, max_bytes: int) -> Iterator[Item]:
    """The documents of an uploaded file. Unlike `materiel ingest`, a text file
    of URLs is text here: the server fetches nothing an upload names."""
    items = (
        parse_feed(path.read_bytes(), str(path))
        if path.suffix.lower() in FEED_SUFFIXES
        else read_file(path, max_bytes)
    )
    folder = str(path.parent)
    for item in items:  # known as upload/NAME, not by the temporary folder
        if isinstance(item, RawDocument):
            item.id = item.id.replace(folder, "upload", 1)
        else:
            item.where = item.where.replace(folder, "upload", 1)
        yield item


def _copy(report: IngestReport, job: Job) -> None:
    job.seen, job.new, job.known, job.claims = report.seen, report.new, report.known, report.claims
    job.failed = [f"{Path(f.where).name}: {f.message}" for f in report.failed]
