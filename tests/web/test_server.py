"""Starting the app: single-user mode only on loopback; elsewhere accounts are
required; `materiel user add` and `materiel serve` as commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.store.engine import open_store
from materiel.store.users import find_user
from materiel.web.auth import check_password
from materiel.web.server import ServeError, decide_mode, is_loopback, serve
from tests.cli.test_cli import run


def test_loopback_addresses() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.5", "::", "example.org"]))


def test_single_user_only_on_loopback_and_accounts_elsewhere() -> None:
    assert decide_mode("127.0.0.1", 0, None) is True
    assert decide_mode("127.0.0.1", 2, None) is False
    assert decide_mode("::1", 2, True) is True
    assert decide_mode("0.0.0.0", 1, None) is False
    with pytest.raises(ServeError, match="without accounts"):
        decide_mode("0.0.0.0", 0, None)
    with pytest.raises(ServeError, match="only for loopback"):
        decide_mode("192.168.1.5", 3, True)


def test_serve_refuses_a_public_address_without_accounts(tmp_path: Path) -> None:
    with pytest.raises(ServeError, match="without accounts"):
        serve(str(tmp_path / "empty.db"), "0.0.0.0", 8765)


def test_user_add_hashes_the_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "users.db")
    monkeypatch.setenv("MATERIEL_PASSWORD", "a long passphrase")
    added = run("user", "add", "ann", "--role", "viewer", "--db", db)
    assert added.returncode == 0, added.stderr
    bad = run("user", "add", "bob", "--role", "owner", "--db", db)
    assert bad.returncode != 0 and b"role must be one of" in bad.stderr
    with open_store(db) as store:
        with store.read() as conn:
            assert find_user(conn, "ann") is not None and find_user(conn, "bob") is None
        assert check_password(store, "ann", "a long passphrase") is not None
        assert check_password(store, "ann", "wrong") is None
    assert b"a long passphrase" not in Path(db).read_bytes()
