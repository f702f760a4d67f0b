"""The app as a person uses it: Playwright drives Debian's Chromium against a
uvicorn server on a free loopback port. Screenshots are kept under
test-artifacts/screenshots/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from materiel.web import create_app
from tests.web.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (.ci/run installs it)"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(web_db: str) -> Iterator[str]:
    """The app (with accounts) served by uvicorn in a thread; its address."""
    app = create_app(web_db, single_user=False)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        context = browser.new_context(base_url=server, accept_downloads=True)
        opened = context.new_page()
        dialogs: list[str] = []
        opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        yield opened
        browser.close()
    assert dialogs == [], f"a payload ran: {dialogs}"


def shot(page: object, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_an_analyst_corrects_a_quantity_and_exports(page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto("/claims")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Name").fill("analyst")
    page.get_by_label("Password").fill(PASSWORD)
    shot(page, "01-login")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Register: claims")).to_be_visible()
    shot(page, "02-register")

    page.get_by_role("link", name="Shells <b>and</b> more").first.click()
    expect(page.locator("mark").first).to_be_visible()
    assert page.locator("#doc-text script").count() == 0
    page.keyboard.press("j")
    expect(page.locator("li.claim").first).to_be_focused()
    shot(page, "03-document")

    page.locator("li.claim").first.get_by_role("link", name="Review or correct").click()
    page.get_by_label("Quantity").fill("1500")
    page.get_by_role("button", name="Save correction").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.locator("tr.changed")).to_have_count(1)
    shot(page, "04-review")

    page.goto("/claims?supplier=KP")
    expect(page.locator("#claims tbody")).to_contain_text("1,500")
    expect(page.locator("#claims tbody")).to_contain_text("corrected")
    shot(page, "05-register-corrected")

    page.goto("/dossier?a=KP&b=RU")
    expect(page.locator("#timeline")).to_contain_text("1,500")
    expect(page.locator("#assessment")).to_contain_text("that KP is")
    shot(page, "06-dossier")

    page.goto("/export")
    shot(page, "07-export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    saved = Path(download.value.path())
    assert download.value.suggested_filename.startswith("materiel-csv-claims-")
    assert ",1500," in saved.read_text(encoding="utf-8")
