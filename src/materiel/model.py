"""The claim types of claims-v1 (see docs/claims-v1 in shared/spec)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["transfer", "stock", "production", "consumption"]
Category = Literal[
    "small_arms",
    "ammunition",
    "artillery",
    "missile",
    "uav",
    "armoured_vehicle",
    "tank",
    "aircraft",
    "helicopter",
    "air_defence",
    "ship",
    "components",
    "protective_gear",
    "weapons_unspecified",
]
Status = Literal[
    "delivered",
    "ongoing",
    "agreed",
    "negotiating",
    "considering",
    "requested",
    "expected",
    "possible",
]
Stance = Literal["asserted", "hedged", "denied"]
Bound = Literal["at_most", "at_least"]
Per = Literal["day", "week", "month", "year"]

KINDS: tuple[str, ...] = ("transfer", "stock", "production", "consumption")
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
STANCES: tuple[str, ...] = Stance.__args__  # type: ignore[attr-defined]


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    designation: str | None = None
    category: Category


class Quantity(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: float
    approximate: bool = False
    bound: Bound | None = None
    per: Per | None = None


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Claim(BaseModel):
    """One statement in one place of a document (claims-v1)."""

    model_config = ConfigDict(extra="allow")
    kind: Kind
    supplier: str | None = None
    recipient: str | None = None
    holder: str | None = None
    item: Item
    quantity: Quantity | None = None
    status: Status | None = None
    stance: Stance = "asserted"
    sources: list[str] = Field(default_factory=list)
    time: str | None = None
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        """The claims-v1 object, with integral quantities written as integers."""
        data = self.model_dump(mode="json")
        quantity = data.get("quantity")
        if quantity and float(quantity["value"]).is_integer():
            quantity["value"] = int(quantity["value"])
        return data


class DocumentResult(BaseModel):
    """One line of `materiel extract` output."""

    doc: str
    lang: str | None
    date: str | None = None
    claims: list[Claim]
    error: str | None = None
    # names seen near arms talk that no catalogue resolves: (name, kind, count, example)
    unknowns: list[tuple[str, str, int, str]] = Field(default_factory=list)
