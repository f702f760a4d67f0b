"""A SIPRI-style trade register (CSV): one row per transfer assertion with
supplier, recipient, designation, description, number ordered, order year,
delivery years, number delivered, status, and comments that cite sources."""

from __future__ import annotations

import csv
from typing import TextIO

from materiel.export.base import Exporter
from materiel.store.dossier import Assertion, Report
from materiel.store.names import Catalogue

COLUMNS = (
    "Supplier", "Recipient", "Designation", "Description", "Number ordered", "Order year",
    "Delivery years", "Number delivered", "Status", "Comments",
)  # fmt: skip
ORDERED = {"agreed", "negotiating", "expected"}
DELIVERED = {"delivered", "ongoing"}
DESCRIPTIONS = {
    "small_arms": "small arms", "ammunition": "ammunition", "artillery": "artillery",
    "missile": "missile", "uav": "UAV", "armoured_vehicle": "armoured vehicle", "tank": "tank",
    "aircraft": "aircraft", "helicopter": "helicopter", "air_defence": "air defence system",
    "ship": "ship", "components": "components", "protective_gear": "protective gear",
    "weapons_unspecified": "weapons (unspecified)",
}  # fmt: skip


class SipriExporter(Exporter):
    name = "sipri"
    needs_history = True

    def __init__(self, out: TextIO, catalogue: Catalogue, records: str = "assertions") -> None:
        super().__init__(out, catalogue, "assertions")
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def write_assertion(self, assertion: Assertion) -> bool:
        if assertion.kind != "transfer":
            return False
        support = [r for r in assertion.history if r.stance != "denied"]
        ordered = [r for r in support if r.status in ORDERED]
        delivered = [r for r in support if r.status in DELIVERED]
        self.writer.writerow(
            [
                self.catalogue.party_name(assertion.supplier),
                self.catalogue.party_name(assertion.recipient),
                assertion.designation or "",
                DESCRIPTIONS.get(assertion.category, assertion.category),
                _number(ordered or support),
                min((y for r in ordered if (y := _year(r))), default=""),
                _years(delivered),
                _number(delivered),
                _status(assertion),
                _comments(assertion),
            ]
        )
        return True

    def finalize(self) -> None:
        self.out.flush()


def _year(report: Report) -> str:
    return (report.time or report.date or "")[:4]


def _number(reports: list[Report]) -> str:
    values = [r.quantity for r in reports if r.quantity is not None]
    return f"{max(values):g}" if values else ""


def _years(reports: list[Report]) -> str:
    years = sorted({y for r in reports if (y := _year(r))})
    if len(years) > 2 and int(years[-1]) - int(years[0]) == len(years) - 1:
        return f"{years[0]}-{years[-1]}"
    return "; ".join(years)


def _status(assertion: Assertion) -> str:
    status = assertion.status or "reported"
    if assertion.stance in ("contested", "denied", "hedged"):
        return f"{status} ({assertion.stance})"
    return status


def _comments(assertion: Assertion) -> str:
    cited: dict[str, str] = {}
    for report in assertion.history:
        for name in report.sources or [report.outlet or report.doc]:
            label = name if report.stance != "denied" else f"denied by {name}"
            cited.setdefault(label, report.date or "undated")
    parts = [f"{label} ({date})" for label, date in cited.items()]
    return f"{assertion.n_sources} independent source(s): " + "; ".join(parts)
