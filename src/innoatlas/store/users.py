"""Users and API tokens as stored (tables users and api_tokens), read and written as records.

The store keeps what it is given: names, roles and hashes. Checking names,
hashing secrets and verifying them is the auth stage's (auth/users.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from innoatlas.store.schema import ApiToken, User


@dataclass(frozen=True)
class UserRecord:
    id: int
    name: str
    role: str
    password_hash: str | None
    created_at: datetime | None


@dataclass(frozen=True)
class TokenRecord:
    id: int
    user: UserRecord
    secret_hash: str


def user_record(row: User) -> UserRecord:
    return UserRecord(row.id, row.name, row.role, row.password_hash, row.created_at)


def insert_user(session: Session, name: str, role: str, password_hash: str | None) -> UserRecord:
    row = User(name=name, role=role, password_hash=password_hash)
    session.add(row)
    session.flush()
    return user_record(row)


def user_by_name(session: Session, name: str) -> UserRecord | None:
    row = session.scalar(select(User).where(User.name == name))
    return user_record(row) if row is not None else None


def all_users(session: Session) -> list[tuple[UserRecord, int]]:
    """Every user by name, with how many API tokens it has."""
    tokens = dict(session.execute(select(ApiToken.user_id, func.count()).group_by(ApiToken.user_id)).all())
    return [(user_record(u), tokens.get(u.id, 0)) for u in session.scalars(select(User).order_by(User.name))]


def delete_user(session: Session, user_id: int) -> None:
    """Remove a user and its tokens (the review log keeps the user's name)."""
    session.delete(session.get(User, user_id))
    session.flush()


def insert_token(session: Session, user_id: int, label: str, secret_hash: str) -> int:
    row = ApiToken(
        user_id=user_id, label=label[: ApiToken.__table__.c.label.type.length], secret_hash=secret_hash
    )
    session.add(row)
    session.flush()
    return row.id


def token_by_id(session: Session, token_id: int) -> TokenRecord | None:
    row = session.get(ApiToken, token_id)
    return TokenRecord(row.id, user_record(row.user), row.secret_hash) if row is not None else None


def delete_token(session: Session, token_id: int) -> bool:
    """Remove a token; False when there is none with this id."""
    row = session.get(ApiToken, token_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def mark_token_used(session: Session, token_id: int, when: datetime) -> None:
    session.get(ApiToken, token_id).last_used_at = when


def an_editor_can_sign_in(session: Session, editor_role: str) -> bool:
    """Whether some user of `editor_role` has a password or a token."""
    editors = select(User.id).where(User.role == editor_role)
    with_password = session.scalar(editors.where(User.password_hash.is_not(None)).limit(1))
    with_token = session.scalar(select(ApiToken.id).where(ApiToken.user_id.in_(editors)).limit(1))
    return with_password is not None or with_token is not None
