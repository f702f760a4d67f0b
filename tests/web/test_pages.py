"""The pages as an analyst uses them (in process, single-user and logged in)."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi import FastAPI

from tests.web.conftest import form_token, login

pytestmark = pytest.mark.anyio


async def _claim_id(client: httpx.AsyncClient, **params: str) -> int:
    found = (await client.get("/api/v1/claims", params=params)).json()["items"]
    assert found, params
    return int(found[0]["id"])


async def test_register_filters_sorts_and_pages(local: httpx.AsyncClient) -> None:
    page = await local.get("/claims")
    assert page.status_code == 200
    assert page.text.count('class="review-machine"') == 4
    only = await local.get("/claims", params={"supplier": "North Korea", "sort": "quantity"})
    assert only.text.count("<tr class=") == 1 and "1,000" in only.text
    paged = await local.get("/claims", params={"limit": 1, "offset": 1})
    assert paged.text.count("<tr class=") == 1
    assert 'rel="next"' in paged.text and 'rel="prev"' in paged.text
    bad = await local.get("/claims", params={"since": "last year"})
    assert bad.status_code == 400 and "not a date" in bad.text
    merged = await local.get("/assertions", params={"stance": "contested"})
    assert merged.status_code == 200 and "/dossier/IR/RU" in merged.text


async def test_document_highlights_each_claims_evidence(local: httpx.AsyncClient) -> None:
    claim = await _claim_id(local, supplier="KP")
    page = await local.get("/documents/2")
    assert page.status_code == 200
    mark = re.search(rf'<mark id="ev-{claim}"[^>]*>(.*?)</mark>', page.text, re.S)
    assert mark and "North Korea shipped 1,000 shells to Russia" in mark.group(1)
    assert f'id="claim-{claim}"' in page.text
    assert (await local.get("/documents/999")).status_code == 404


async def test_correct_a_quantity_and_see_register_and_dossier_change(
    local: httpx.AsyncClient,
) -> None:
    claim = await _claim_id(local, supplier="KP")
    token = await form_token(local, f"/claims/{claim}")
    form = {"csrf_token": token, "kind": "transfer", "supplier": "KP", "recipient": "RU",
            "holder": "", "item_text": "ammunition", "designation": "", "category": "ammunition",
            "qty_value": "1,200", "qty_bound": "", "qty_per": "", "status": "delivered",
            "stance": "asserted", "sources": "", "time": ""}  # fmt: skip
    done = await local.post(f"/claims/{claim}/correct", data=form)
    assert done.status_code == 303
    review = await local.get(done.headers["location"])
    assert "Saved." in review.text and "The machine's version" in review.text
    assert "qty_value: 1000<" in review.text and "qty_value: 1200<" in review.text
    register = await local.get("/claims", params={"supplier": "KP"})
    assert "1,200" in register.text and "corrected" in register.text
    dossier = await local.get("/dossier/KP/RU")
    assert "1,200" in dossier.text and "that KP is" in dossier.text


async def test_reject_with_a_reason_and_accept_again(local: httpx.AsyncClient) -> None:
    claim = await _claim_id(local, supplier="KP")
    token = await form_token(local, f"/claims/{claim}")
    refused = await local.post(f"/claims/{claim}/reject", data={"csrf_token": token})
    assert refused.status_code == 400 and "needs a reason" in refused.text
    done = await local.post(
        f"/claims/{claim}/reject", data={"csrf_token": token, "reason": "a shipment of rice"}
    )
    assert done.status_code == 303
    assert "1,000" not in (await local.get("/claims", params={"supplier": "KP"})).text
    assert "a shipment of rice" in (await local.get("/audit")).text
    await local.post(f"/claims/{claim}/accept", data={"csrf_token": token})
    assert "1,000" in (await local.get("/claims", params={"supplier": "KP"})).text


async def test_search_ledger_and_export(local: httpx.AsyncClient) -> None:
    hits = await local.get("/search", params={"q": "Shahed"})
    assert "<mark>Shahed</mark>" in hits.text
    for query in ('"', "OR", "NEAR(", "*", "KN-23 OR"):
        assert (await local.get("/search", params={"q": query})).status_code == 200
    ledger = await local.get("/ledger", params={"party": "Russia"})
    assert ledger.status_code == 200
    assert "figure" in ledger.text or "no stock, production" in ledger.text
    got = await local.get("/export/download", params={"format": "csv", "supplier": "IR"})
    assert got.status_code == 200
    assert "attachment" in got.headers["content-disposition"]
    assert got.text.startswith("document_id,") and got.text.count("\n") == 4
    stix = await local.get("/export/download", params={"format": "stix"})
    assert stix.json()["type"] == "bundle"


async def test_upload_is_ingested_in_the_background(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    token = await login(client, "analyst")
    text = b"Iran heeft volgens Reuters 200 Shahed-drones aan Rusland geleverd.\n"
    sent = await client.post(
        "/upload", data={"csrf_token": token}, files={"document": ("nieuws.txt", text)}
    )
    assert sent.status_code == 303
    app.state.jobs.wait(120)
    job = (await client.get("/api/v1/jobs/" + sent.headers["location"].rsplit("/", 1)[1])).json()
    assert (job["state"], job["new"]) == ("done", 1), job
    page = await client.get(sent.headers["location"])
    assert "done" in page.text
    found = await client.get("/claims", params={"supplier": "IR", "sort": "quantity"})
    assert "upload/nieuws.txt" in found.text or "nieuws" in found.text
