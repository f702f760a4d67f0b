"""`materiel serve` and `materiel user add`: thin wrappers over materiel.web."""

from __future__ import annotations

import getpass
import os
from typing import Annotated

import typer

from materiel.cli.options import Db
from materiel.exc import ReviewError
from materiel.store.engine import open_store
from materiel.store.review import log_action
from materiel.store.users import ROLES, add_user

users = typer.Typer(help="Accounts of the web app.", no_args_is_help=True)


def serve_cli(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    single_user: Annotated[
        bool | None,
        typer.Option(
            "--single-user/--login",
            help="No login, everyone is the local admin (loopback only). "
            "Default: single-user when the register has no accounts.",
        ),
    ] = None,
) -> None:
    """Serve the analysts' web app (review, dossiers, search, upload, export)."""
    from materiel.web.server import serve

    serve(db, host, port, single_user)


def user_add_cli(
    name: Annotated[str, typer.Argument(help="The user's name.")],
    role: Annotated[str, typer.Option(help="viewer, analyst or admin.")] = "analyst",
    db: Db = None,
) -> None:
    """Add an account (or set an existing one's role and password). The password
    is asked for, or read from $MATERIEL_PASSWORD."""
    from materiel.web.auth import hash_password

    if role not in ROLES:
        raise ReviewError(f"role must be one of {', '.join(ROLES)}")
    password = os.environ.get("MATERIEL_PASSWORD") or _ask()
    if len(password) < 8:
        raise ReviewError("a password needs at least 8 characters")
    with open_store(db) as store, store.write() as conn:
        user = add_user(conn, name, role, hash_password(password))
        log_action(conn, "cli", "user_add", {"name": user.name, "role": user.role})
    typer.echo(f"user {user.name} ({user.role}) saved")


def _ask() -> str:
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise ReviewError("the passwords differ")
    return first


users.command("add")(user_add_cli)
