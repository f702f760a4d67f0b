"""Security: inert payloads, CSRF, roles, unauthenticated writes, SQL
metacharacters in filters, upload limits, cookie flags, redirects."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import PASSWORD, form_token, login

pytestmark = pytest.mark.anyio


async def test_script_and_html_in_a_document_render_inert(local: httpx.AsyncClient) -> None:
    for path in ("/documents/2", "/claims", "/search?q=alert", "/dossier/IR/RU"):
        page = await local.get(path)
        assert page.status_code == 200, path
        assert "<script>alert" not in page.text, path
        assert "<img src=x" not in page.text and "<b>Spy</b>" not in page.text, path
    document = (await local.get("/documents/2")).text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in document
    assert "Shells &lt;b&gt;and&lt;/b&gt; more" in document
    assert document.count("<script") == 1  # the app's own /static/app.js


async def test_posts_without_a_valid_csrf_token_are_refused(local: httpx.AsyncClient) -> None:
    for data in ({}, {"csrf_token": "forged"}):
        answer = await local.post("/claims/1/accept", data=data)
        assert answer.status_code == 403 and "CSRF" in answer.text
    api = await local.post("/api/v1/claims/1/accept", headers={"X-CSRF-Token": "forged"})
    assert api.status_code == 403
    audit = (await local.get("/api/v1/audit")).json()
    assert audit == []


async def test_a_viewer_cannot_write(client: httpx.AsyncClient) -> None:
    token = await login(client, "viewer")
    assert (await client.get("/claims")).status_code == 200
    form = await client.post("/claims/1/reject", data={"csrf_token": token, "reason": "no"})
    assert form.status_code == 403 and "viewer" in form.text
    api = await client.post("/api/v1/claims/1/accept", headers={"X-CSRF-Token": token})
    assert api.status_code == 403
    upload = await client.post(
        "/upload", data={"csrf_token": token}, files={"document": ("a.txt", b"text")}
    )
    assert upload.status_code == 403


async def test_unauthenticated_clients_can_neither_read_nor_write(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/claims?supplier=IR")
    assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")
    assert (await client.get("/api/v1/claims")).status_code == 401
    token = (await client.get("/api/v1/session")).json()["csrf_token"]
    write = await client.post("/api/v1/claims/1/accept", headers={"X-CSRF-Token": token})
    assert write.status_code == 401
    form = await client.post("/claims/1/accept", data={"csrf_token": token})
    assert form.status_code == 401


async def test_login_sets_a_safe_cookie_and_refuses_bad_passwords(
    client: httpx.AsyncClient,
) -> None:
    token = await form_token(client)
    wrong = await client.post(
        "/login", data={"name": "analyst", "password": "guess", "csrf_token": token}
    )
    assert wrong.status_code == 401 and "wrong password" in wrong.text
    right = await client.post(
        "/login",
        data={"name": "analyst", "password": PASSWORD, "csrf_token": token,
              "next": "//evil.example/"},
    )  # fmt: skip
    assert right.status_code == 303 and right.headers["location"] == "/claims"
    cookie = right.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    api = await client.post("/api/v1/login", json={"name": "analyst", "password": "nope"})
    assert api.status_code == 401


SQL = ["' OR 1=1 --", "x'; DROP TABLE claims; --", '" OR ""="', "%", "_", "\\", "RU') --"]


async def test_sql_metacharacters_in_filters_do_nothing_harmful(local: httpx.AsyncClient) -> None:
    for value in SQL:
        for name in ("supplier", "item", "category", "stance", "review"):
            page = await local.get("/api/v1/claims", params={name: value})
            assert page.status_code in (200, 422), (name, value)  # 422: too long for review
            assert page.status_code == 422 or page.json()["items"] == [], (name, value)
        assert (await local.get("/claims", params={"recipient": value})).status_code == 200
        assert (await local.get("/assertions", params={"holder": value})).status_code == 200
        assert (await local.get("/search", params={"q": value})).status_code == 200
        assert (await local.get(f"/dossier/{value}/RU")).status_code in (200, 404)
    assert (await local.get("/api/v1/claims")).json()["total"] == 4


async def test_uploads_over_the_cap_or_of_the_wrong_type_are_refused(
    local: httpx.AsyncClient,
) -> None:
    token = await form_token(local, "/upload")
    cases = [
        (("big.txt", b"x" * (200 * 1024)), 413, "larger than the upload limit"),
        (("big.txt", b"y" * (64 * 1024 + 10)), 413, "larger than the upload limit"),
        (("report.pdf", b"%PDF-1.7"), 415, "not a type the register takes"),
        (("run.exe", b"MZ"), 415, "not a type"),
        (("binary.txt", b"abc\x00def"), 415, "binary"),
        (("empty.txt", b""), 400, "empty"),
    ]
    for file, status, message in cases:
        for path, data in (("/upload", {"csrf_token": token}), ("/api/v1/documents", None)):
            headers = {"X-CSRF-Token": token}
            answer = await local.post(path, data=data, files={"document": file}, headers=headers)
            assert answer.status_code == status, (path, file[0], answer.text)
            assert message in answer.text, (path, file[0])
