"""The JSON API: a review round trip, and schemathesis against its OpenAPI
document (bounded examples; no request may cause a server error)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.web.conftest import PASSWORD, client_of


@pytest.mark.anyio
async def test_log_in_correct_reject_and_read_back(client: httpx.AsyncClient) -> None:
    session = await client.post("/api/v1/login", json={"name": "analyst", "password": PASSWORD})
    assert session.status_code == 200 and session.json()["role"] == "analyst"
    headers = {"X-CSRF-Token": session.json()["csrf_token"]}
    claims = await client.get("/api/v1/claims", params={"supplier": "IR", "sort": "quantity"})
    first = claims.json()["items"][0]
    assert first["quantity"]["value"] == 300
    fixed = await client.post(
        f"/api/v1/claims/{first['id']}/correct",
        json={"qty_value": 320, "sources": ["Reuters", "AP"]}, headers=headers,
    )  # fmt: skip
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["changed"] == ["qty_value", "sources"]
    detail = (await client.get(f"/api/v1/claims/{first['id']}")).json()
    assert detail["machine"]["qty_value"] == 300 and detail["claim"]["quantity"]["value"] == 320
    assert detail["history"][0]["user_name"] == "analyst"
    bad = await client.post(
        f"/api/v1/claims/{first['id']}/correct", json={"stance": "sure"}, headers=headers
    )
    assert bad.status_code == 400 and "stance" in bad.json()["detail"]
    gone = await client.post(
        f"/api/v1/claims/{first['id']}/reject", json={"reason": "duplicate"}, headers=headers
    )
    assert gone.json()["claim"]["review"] == "rejected"
    dossier = (await client.get("/api/v1/dossier/Iran/Russia")).json()
    assert 320 not in [a["qty_high"] for a in dossier["assertions"]]
    assert dossier["assessment"]["summary"]  # the assessment of the pair, or why there is none
    missing = await client.post("/api/v1/claims/99999/accept", headers=headers)
    assert missing.status_code == 404


async def _session(app: FastAPI) -> tuple[str, str]:
    async with client_of(app) as client:
        answer = await client.get("/api/v1/session")
        return answer.json()["csrf_token"], answer.cookies["materiel_session"]


@pytest.fixture
def api_app(local_app: FastAPI) -> dict[str, Any]:
    """The single-user app, with a session cookie and its CSRF token."""
    token, cookie = asyncio.run(_session(local_app))
    return {
        "app": local_app,
        "headers": {"X-CSRF-Token": token},
        "cookies": {"materiel_session": cookie},
    }


EXAMPLES = 12  # per operation: the whole run stays well under a minute


def test_the_api_has_no_server_errors(api_app: dict[str, Any]) -> None:
    """Every operation of the OpenAPI document, with generated parameters and
    bodies (schemathesis' pytest plugin does not run on pytest 9.2 yet, so the
    operations are driven here with hypothesis directly)."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", api_app["app"])
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def run(case: Any) -> None:
            case.call_and_validate(
                headers=api_app["headers"], cookies=api_app["cookies"],
                checks=[not_a_server_error],
            )  # fmt: skip

        run()
