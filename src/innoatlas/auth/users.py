"""Users, roles and API tokens: who may write, checked here, stored by store/users.py.

A token reads `ia_<token id>_<secret>`: the id finds its row, the secret
is checked against the stored scrypt hash. It is shown once, when made.
"""

from __future__ import annotations

import functools
import re
import secrets
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from innoatlas.auth.hashing import TOKEN_COST, hash_secret, verify_secret
from innoatlas.errors import InnoatlasError
from innoatlas.store import users as stored
from innoatlas.store.users import UserRecord

ROLES = ("editor", "viewer")
EDITOR = "editor"
# Short passwords fall to guessing whatever the hash; 10 is NIST's floor of 8 plus a margin.
MIN_PASSWORD_CHARS = 10
USER_NAME = re.compile(r"[\w.@-]{1,100}")
TOKEN = re.compile(r"ia_(\d{1,18})_([\w-]{20,200})")  # an id fits a 64-bit integer


class AuthError(InnoatlasError):
    """A user or token that cannot be made, found or used."""


def add_user(session: Session, name: str, role: str, password: str | None = None) -> UserRecord:
    """A new user; without a password it can only use API tokens."""
    if not USER_NAME.fullmatch(name or ""):
        raise AuthError(f"user name {name!r}: use 1-100 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise AuthError(f"role {role!r}: must be one of {', '.join(ROLES)}")
    if stored.user_by_name(session, name) is not None:
        raise AuthError(f"user {name!r} exists already")
    if password is not None and len(password) < MIN_PASSWORD_CHARS:
        raise AuthError(f"the password of {name!r} is shorter than {MIN_PASSWORD_CHARS} characters")
    return stored.insert_user(session, name, role, hash_secret(password) if password is not None else None)


def find_user(session: Session, name: str) -> UserRecord:
    user = stored.user_by_name(session, name)
    if user is None:
        raise AuthError(f"no user {name!r} (see innoatlas user list)")
    return user


def list_users(session: Session) -> list[dict]:
    return [
        {
            "name": u.name,
            "role": u.role,
            "password": u.password_hash is not None,
            "tokens": tokens,
            "created_at": u.created_at.isoformat(timespec="seconds") if u.created_at else None,
        }
        for u, tokens in stored.all_users(session)
    ]


def remove_user(session: Session, name: str) -> None:
    """Remove a user and its tokens; its review actions keep its name."""
    stored.delete_user(session, find_user(session, name).id)


def create_token(session: Session, name: str, label: str = "") -> str:
    """A new API token for user `name`: the full token, which is not stored and cannot be shown again."""
    user = find_user(session, name)
    secret = secrets.token_urlsafe(32)
    token_id = stored.insert_token(session, user.id, label, hash_secret(secret, TOKEN_COST))
    return f"ia_{token_id}_{secret}"


def revoke_token(session: Session, token_id: int) -> None:
    if not stored.delete_token(session, token_id):
        raise AuthError(f"no API token with id {token_id}")


def authenticate_token(session: Session, token: str) -> UserRecord | None:
    """The user of a valid token, else None (marks when the token was last used)."""
    match = TOKEN.fullmatch(token or "")
    if match is None:
        return None
    row = stored.token_by_id(session, int(match.group(1)))
    if row is None or not verify_secret(match.group(2), row.secret_hash):
        return None
    stored.mark_token_used(session, row.id, datetime.now(UTC).replace(tzinfo=None, microsecond=0))
    return row.user


def authenticate_password(session: Session, name: str, password: str) -> UserRecord | None:
    """The user if the password is theirs; as slow when there is no such user (no telling who exists)."""
    user = stored.user_by_name(session, name)
    hashed = user.password_hash if user is not None else None
    matches = verify_secret(password, hashed or _no_ones_hash())
    return user if matches and hashed else None


@functools.cache
def _no_ones_hash() -> str:
    return hash_secret(secrets.token_hex(16))


def auth_configured(session: Session) -> bool:
    """Whether some editor can authenticate (by password or token)."""
    return stored.an_editor_can_sign_in(session, EDITOR)
