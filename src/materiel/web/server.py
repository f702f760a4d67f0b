"""Starting the app: single-user mode (no login) only on a loopback address;
bound to any other address the server refuses to start without accounts."""

from __future__ import annotations

import ipaddress

import uvicorn

from materiel.exc import MaterielError
from materiel.store.engine import open_store
from materiel.store.users import count_users
from materiel.web.app import create_app


class ServeError(MaterielError):
    """The server may not start this way."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def decide_mode(host: str, accounts: int, single_user: bool | None) -> bool:
    """Whether to run in single-user mode (None: when there are no accounts)."""
    loopback = is_loopback(host)
    if single_user and not loopback:
        raise ServeError(f"single-user mode is only for loopback addresses, not {host}")
    if not loopback and accounts == 0:
        raise ServeError(
            f"refusing to serve on {host} without accounts: add one with "
            "`materiel user add NAME --role admin`, or bind to 127.0.0.1"
        )
    if single_user is None:
        return loopback and accounts == 0
    return single_user


def serve(db: str | None, host: str, port: int, single_user: bool | None = None) -> None:
    """Serve the register at `db` until interrupted."""
    with open_store(db) as store, store.read() as conn:
        accounts = count_users(conn)
    alone = decide_mode(host, accounts, single_user)
    app = create_app(db, single_user=alone)
    shown = f"[{host}]" if ":" in host else host
    mode = "single-user mode, no login" if alone else f"{accounts} accounts, log in"
    print(f"materiel: serving http://{shown}:{port}/ ({mode}); Ctrl-C stops", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
