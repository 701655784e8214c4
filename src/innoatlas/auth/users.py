"""Users, roles and API tokens in the knowledge base (tables users and api_tokens).

A token reads `ia_<token id>_<secret>`: the id finds its row, the secret
is checked against the stored scrypt hash. It is shown once, when made.
"""

from __future__ import annotations

import functools
import re
import secrets
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from innoatlas.auth.hashing import TOKEN_COST, hash_secret, verify_secret
from innoatlas.errors import InnoatlasError
from innoatlas.store.schema import ApiToken, User

ROLES = ("editor", "viewer")
EDITOR = "editor"
# Short passwords fall to guessing whatever the hash; 10 is NIST's floor of 8 plus a margin.
MIN_PASSWORD_CHARS = 10
USER_NAME = re.compile(r"[\w.@-]{1,100}")
TOKEN = re.compile(r"ia_(\d{1,18})_([\w-]{20,200})")  # an id fits a 64-bit integer


class AuthError(InnoatlasError):
    """A user or token that cannot be made, found or used."""


def add_user(session: Session, name: str, role: str, password: str | None = None) -> User:
    """A new user; without a password it can only use API tokens."""
    if not USER_NAME.fullmatch(name or ""):
        raise AuthError(f"user name {name!r}: use 1-100 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise AuthError(f"role {role!r}: must be one of {', '.join(ROLES)}")
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise AuthError(f"user {name!r} exists already")
    if password is not None and len(password) < MIN_PASSWORD_CHARS:
        raise AuthError(f"the password of {name!r} is shorter than {MIN_PASSWORD_CHARS} characters")
    user = User(name=name, role=role, password_hash=hash_secret(password) if password is not None else None)
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise AuthError(f"no user {name!r} (see innoatlas user list)")
    return user


def list_users(session: Session) -> list[dict]:
    tokens = dict(session.execute(select(ApiToken.user_id, func.count()).group_by(ApiToken.user_id)).all())
    return [
        {
            "name": u.name,
            "role": u.role,
            "password": u.password_hash is not None,
            "tokens": tokens.get(u.id, 0),
            "created_at": u.created_at.isoformat(timespec="seconds") if u.created_at else None,
        }
        for u in session.scalars(select(User).order_by(User.name))
    ]


def remove_user(session: Session, name: str) -> None:
    """Remove a user and its tokens; its review actions keep its name."""
    session.delete(find_user(session, name))
    session.flush()


def create_token(session: Session, name: str, label: str = "") -> str:
    """A new API token for user `name`: the full token, which is not stored and cannot be shown again."""
    user = find_user(session, name)
    secret = secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, label=label[:100], secret_hash=hash_secret(secret, TOKEN_COST))
    session.add(row)
    session.flush()
    return f"ia_{row.id}_{secret}"


def revoke_token(session: Session, token_id: int) -> None:
    row = session.get(ApiToken, token_id)
    if row is None:
        raise AuthError(f"no API token with id {token_id}")
    session.delete(row)
    session.flush()


def authenticate_token(session: Session, token: str) -> User | None:
    """The user of a valid token, else None (marks when the token was last used)."""
    match = TOKEN.fullmatch(token or "")
    if match is None:
        return None
    row = session.get(ApiToken, int(match.group(1)))
    if row is None or not verify_secret(match.group(2), row.secret_hash):
        return None
    row.last_used_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    return row.user


def authenticate_password(session: Session, name: str, password: str) -> User | None:
    """The user if the password is theirs; as slow when there is no such user (no telling who exists)."""
    user = session.scalar(select(User).where(User.name == name))
    stored = user.password_hash if user is not None else None
    matches = verify_secret(password, stored or _no_ones_hash())
    return user if matches and stored else None


@functools.cache
def _no_ones_hash() -> str:
    return hash_secret(secrets.token_hex(16))


def auth_configured(session: Session) -> bool:
    """Whether some editor can authenticate (by password or token)."""
    editors = select(User.id).where(User.role == EDITOR)
    with_password = session.scalar(editors.where(User.password_hash.is_not(None)).limit(1))
    with_token = session.scalar(select(ApiToken.id).where(ApiToken.user_id.in_(editors)).limit(1))
    return with_password is not None or with_token is not None
