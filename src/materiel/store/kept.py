"""The assertions a writer has merged into lately, kept between its
transactions so that the next document's merge need not read them again.

What is kept is only as good as the store it came from: another connection
that commits anything meanwhile (an analyst's review re-merges groups, a
second ingest merges its own claims) may have changed them. Each transaction
that merges first asks the store whether anyone else has written since this
writer's last transaction, and forgets everything if so:

- SQLite: `PRAGMA data_version` changes when another connection commits;
- PostgreSQL: every writing transaction gets the next transaction id, so this
  writer's transaction follows its last one directly (id + 1) only if no
  other transaction in the cluster began writing in between. Anything else
  (another database's writes, an ANALYZE) only costs a reread.

Both are asked inside the write transaction, after the writer lock (BEGIN
IMMEDIATE, the advisory lock) is held, so nobody can write between the
question and the commit. A transaction that fails forgets everything too:
what was merged in memory never reached the store.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from materiel.store.driver import Driver
from materiel.store.merge import Fact

MAX_FACTS = 50_000  # assertions kept at most (about 1 KB each)

_SQLITE_PROBE = "PRAGMA data_version"
_POSTGRES_PROBE = "SELECT txid_current()"


class KeptAssertions:
    """Whole groups of assertions (oldest first, as merging places claims),
    least recently used dropped first."""

    def __init__(self, max_facts: int = MAX_FACTS) -> None:
        self.max_facts = max_facts
        self.groups: OrderedDict[str, list[Fact]] = OrderedDict()
        self.stamp: int | None = None  # the store's answer in the last transaction
        self.size = 0  # assertions kept

    def check(self, db: Driver) -> Callable[[], None]:
        """Ask the store whether another writer has committed since this
        writer's last transaction; the function it returns forgets all if so."""
        answer = db.query(_SQLITE_PROBE if db.sqlite else _POSTGRES_PROBE)

        def settle() -> None:
            stamp = int(answer()[0][0])
            follows = self.stamp if db.sqlite else None if self.stamp is None else self.stamp + 1
            if stamp != follows:
                self.forget()
            self.stamp = stamp

        return settle

    def missing(self, keys: Iterable[str]) -> list[str]:
        return sorted(key for key in keys if key not in self.groups)

    def add(self, key: str, facts: list[Fact]) -> None:
        self.groups[key] = facts
        self.size += len(facts)

    def group(self, key: str) -> list[Fact]:
        self.groups.move_to_end(key)
        return self.groups[key]

    def merged(self, touched: Iterable[Fact], made: int) -> None:
        """After a merge that `made` new assertions is written: the roots it
        counted are in the store (`assertion_documents`), not needed here;
        the least recently used groups go if there are too many assertions."""
        for fact in touched:
            fact.roots.clear()
            fact.new_roots.clear()
        self.size += made
        while self.size > self.max_facts and len(self.groups) > 1:
            self.size -= len(self.groups.popitem(last=False)[1])

    def forget(self) -> None:
        self.groups.clear()
        self.size = 0
        self.stamp = None
