"""The JSON API's bodies (pydantic), which its OpenAPI document describes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from materiel.store.query import claim_object


class ClaimOut(BaseModel):
    """A claims-v1 object with its place in the register and its review state."""

    model_config = ConfigDict(extra="allow")
    id: int
    kind: str
    supplier: str | None
    recipient: str | None
    holder: str | None
    item: dict[str, Any]
    quantity: dict[str, Any] | None
    status: str | None
    stance: str
    sources: list[str]
    time: str | None
    evidence: dict[str, Any]
    doc: str
    document_id: int
    assertion_id: str | None
    review: str
    review_note: str | None

    @classmethod
    def of(cls, row: Any) -> ClaimOut:
        values = claim_object(row)
        values.update(id=row.id, review=row.review, review_note=row.review_note)
        return cls.model_validate(values)


class PageInfo(BaseModel):
    total: int = Field(description="Matching rows, counted up to 1,001.")
    offset: int
    limit: int


class ClaimPage(PageInfo):
    items: list[ClaimOut]


class AssertionOut(BaseModel):
    key: str
    kind: str
    supplier: str | None
    recipient: str | None
    holder: str | None
    designation: str | None
    category: str
    time: str | None
    qty_low: float | None
    qty_high: float | None
    qty_per: str | None
    status: str | None
    stance: str
    n_claims: int
    n_support: int
    n_deny: int
    n_documents: int
    n_sources: int
    sources: list[str]
    deniers: list[str]
    first_seen: str | None
    last_seen: str | None
    history: list[dict[str, Any]] = Field(default_factory=list)


class AssertionPage(PageInfo):
    items: list[AssertionOut]


class ClaimDetail(BaseModel):
    claim: ClaimOut
    machine: dict[str, Any] | None = Field(description="The machine's version, if changed.")
    history: list[dict[str, Any]] = Field(description="Audit entries, oldest first.")


class DossierOut(BaseModel):
    first: str
    second: str
    assertions: list[AssertionOut]
    assessment: dict[str, Any]


class DocumentOut(BaseModel):
    id: int
    doc_key: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    lang: str | None
    text: str
    duplicate_of: int | None
    claims: list[ClaimOut]


class HitOut(BaseModel):
    document_id: int
    doc: str
    title: str | None
    outlet: str | None
    date: str | None
    snippet: str


class JobOut(BaseModel):
    id: str
    name: str
    user: str
    state: str
    seen: int
    new: int
    known: int
    claims: int
    failed: list[str]
    message: str


class SessionOut(BaseModel):
    user: str | None
    role: str | None
    csrf_token: str = Field(description="Send it as the X-CSRF-Token header of every write.")
    single_user: bool


class LoginIn(BaseModel):
    name: str = Field(max_length=64)
    password: str = Field(max_length=200)


class CorrectionIn(BaseModel):
    """The fields to change; the others stay as they are."""

    model_config = ConfigDict(extra="forbid")
    kind: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    holder: str | None = None
    item_text: str | None = None
    designation: str | None = None
    category: str | None = None
    qty_value: float | None = None
    qty_approximate: bool | None = None
    qty_bound: str | None = None
    qty_per: str | None = None
    status: str | None = None
    stance: str | None = None
    sources: list[str] | None = None
    time: str | None = None


class RejectIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class ReviewOut(BaseModel):
    claim: ClaimOut
    changed: list[str] = Field(default_factory=list)
