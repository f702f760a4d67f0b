"""The exporter contract: `write()` each record, then `finalize()` once.

A driver (`materiel.export.run`) streams the claims that match a filter and
then their assertions to an exporter; `wants` says which of the two it takes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar, TextIO

from materiel.store.dossier import Assertion
from materiel.store.names import Catalogue

Record = Any  # a claim row (see materiel.store.query.CLAIM_COLUMNS) or an Assertion


class Exporter(ABC):
    """Writes records to `out`; `records` picks claims or assertions for the
    formats that write either."""

    name: ClassVar[str]
    # assertions need their history (the claims about them, report by report)
    needs_history: ClassVar[bool] = False

    def __init__(self, out: TextIO, catalogue: Catalogue, records: str = "claims") -> None:
        self.out = out
        self.catalogue = catalogue
        self.records = records
        self.count = 0

    @property
    def wants(self) -> frozenset[str]:
        return frozenset({self.records})

    def write(self, record: Record) -> None:
        written = (
            self.write_assertion(record)
            if isinstance(record, Assertion)
            else self.write_claim(record)
        )
        self.count += int(written)

    def write_claim(self, row: Any) -> bool:
        """Write one claim; False if this format leaves it out."""
        raise NotImplementedError(f"{self.name} does not export claims")

    def write_assertion(self, assertion: Assertion) -> bool:
        """Write one assertion; False if this format leaves it out."""
        raise NotImplementedError(f"{self.name} does not export assertions")

    @abstractmethod
    def finalize(self) -> None:
        """Finish the output (write what was held back, close structures)."""
