"""Accounts, sessions and CSRF.

Passwords are hashed with argon2. The session is a cookie signed with
itsdangerous (Starlette's SessionMiddleware: HttpOnly, SameSite=Lax) that
holds the user's name and a CSRF token. Every POST form carries the token in
a `csrf_token` field, every API write in an `X-CSRF-Token` header; viewers
cannot write. In single-user mode (loopback only) everyone is the local admin,
but the CSRF token is still required, so other sites cannot post to the app.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request

from materiel.store.engine import Store
from materiel.store.users import User, find_user, password_hash

LOCAL = User(0, "local", "admin")
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password of anyone")


class LoginRequired(Exception):
    """No user is logged in (pages redirect to the login form; the API says 401)."""


class Forbidden(Exception):
    """The request may not do this: a viewer writing, or no valid CSRF token."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(store: Store, name: str, password: str) -> User | None:
    """The user if `password` is theirs (the time taken does not tell whether
    the name exists)."""
    with store.read() as conn:
        stored = password_hash(conn, name)
        user = find_user(conn, name)
    try:
        _hasher.verify(stored or _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    return user if stored else None


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def start_session(request: Request, user: User) -> None:
    request.session.clear()
    request.session["user"] = user.name
    request.session["csrf"] = secrets.token_urlsafe(32)


def end_session(request: Request) -> None:
    request.session.clear()


def current_user(request: Request) -> User | None:
    """The logged-in user (looked up once per request)."""
    if request.app.state.single_user:
        return LOCAL
    if "user" not in request.state._state:
        name = request.session.get("user")
        found = None
        if isinstance(name, str):
            with request.app.state.store.read() as conn:
                found = find_user(conn, name)
        request.state.user = found
    user: User | None = request.state.user
    return user


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise LoginRequired()
    return user


def check_csrf(request: Request, token: str | None) -> None:
    """Refuse unless `token` is the session's CSRF token."""
    expected = request.session.get("csrf")
    if not token or not isinstance(expected, str) or not secrets.compare_digest(token, expected):
        raise Forbidden("missing or invalid CSRF token: reload the page and try again")


def require_writer(request: Request, token: str | None) -> User:
    """The user, if they may write and `token` is their session's CSRF token."""
    check_csrf(request, token)
    user = require_user(request)
    if not user.can_write:
        raise Forbidden(f"{user.name} is a viewer and cannot change the register")
    return user


async def form_writer(request: Request) -> User:
    """Dependency of the POST forms: CSRF token from the form, a writing role."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    return require_writer(request, token if isinstance(token, str) else None)


def api_writer(request: Request) -> User:
    """Dependency of the API's writes: CSRF token from the header, a writing role."""
    return require_writer(request, request.headers.get(CSRF_HEADER))
