"""Review and login routes of the JSON API (/api/review/..., /api/auth/...).

Reading is public. Every write needs `Authorization: Bearer <token>` of a
user with the editor role: without a valid token the answer is 401, with
a viewer's token 403. `require_editor` (or the `Editor` parameter type)
is what any write route uses, as POST /api/ingest does.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm import Session

from innoatlas.auth import AuthError, authenticate_password, authenticate_token, create_token
from innoatlas.auth.users import EDITOR
from innoatlas.errors import ReviewError
from innoatlas.review import actions
from innoatlas.review.export import export_gold
from innoatlas.settings import settings
from innoatlas.store import review_log as log
from innoatlas.store.read.common import list_page
from innoatlas.store.review_export import count_facts, export_facts
from innoatlas.store.users import UserRecord

router = APIRouter(prefix="/api", tags=["review"])

# One request stays a few seconds of extraction; larger batches go through `innoatlas ingest`.
MAX_INGEST_DOCUMENTS = 100
logger = logging.getLogger(__name__)
TARGETS = {"entities": "entity", "mentions": "mention", "indicators": "indicator", "relations": "relation"}
Target = Literal["entities", "mentions", "indicators", "relations"]
LOGIN_TOKEN_LABEL = "web login"


def write_session(request: Request) -> Iterator[Session]:
    """One transaction per write request: the action and its audit record commit together."""
    with request.app.state.store.transaction() as session:
        yield session


def read_session(request: Request) -> Iterator[Session]:
    with request.app.state.store.session() as session:
        yield session


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def require_user(request: Request) -> UserRecord:
    """The token's user, checked in its own short transaction (a SQLite writer must not wait on it)."""
    token = bearer_token(request)
    if token is None:
        raise HTTPException(401, "authentication required: send Authorization: Bearer <token>")
    with request.app.state.store.transaction() as session:
        user = authenticate_token(session, token)
    if user is None:
        raise HTTPException(401, "invalid or revoked API token")
    return user


def require_editor(user: Annotated[UserRecord, Depends(require_user)]) -> UserRecord:
    if user.role != EDITOR:
        raise HTTPException(403, f"user {user.name!r} has the role {user.role!r}; writing needs {EDITOR!r}")
    return user


WriteDB = Annotated[Session, Depends(write_session)]
ReadDB = Annotated[Session, Depends(read_session)]
Editor = Annotated[UserRecord, Depends(require_editor)]


class Reason(BaseModel):
    reason: str = Field("", max_length=actions.MAX_REASON, description="why (kept in the audit log)")


class Correction(Reason):
    changes: dict[str, Any] = Field(description="fields and their new values; entities by id")


class Merge(Reason):
    into: int = Field(description="id of the entity that stays")


class Split(Reason):
    name: str = Field(description="name of the entity split off")
    type: str = Field(description="its type")
    aliases: list[str] = Field(default_factory=list, description="written names whose mentions move to it")


class Addition(Reason):
    values: dict[str, Any] = Field(description="the fact: document id, quote or span, and its fields")


class Login(BaseModel):
    name: str
    password: str


def run(action, *args) -> dict:
    """Call a review action; a refused one is a 400 with its reason."""
    try:
        return action(*args)
    except (ReviewError, AuthError) as e:
        raise HTTPException(400, str(e)) from None


@router.post("/review/{target}/{row_id}/confirm", summary="Confirm an extracted fact")
def confirm(target: Target, row_id: int, body: Reason, user: Editor, session: WriteDB) -> dict:
    return run(actions.confirm, session, user, TARGETS[target], row_id, body.reason)


@router.post(
    "/review/{target}/{row_id}/reject", summary="Reject an extracted fact (it leaves the knowledge base)"
)
def reject(target: Target, row_id: int, body: Reason, user: Editor, session: WriteDB) -> dict:
    return run(actions.reject, session, user, TARGETS[target], row_id, body.reason)


@router.post("/review/{target}/{row_id}/correct", summary="Correct fields of a fact")
def correct(target: Target, row_id: int, body: Correction, user: Editor, session: WriteDB) -> dict:
    return run(actions.correct, session, user, TARGETS[target], row_id, body.changes, body.reason)


@router.post("/review/entities/{entity_id}/merge", summary="Merge an entity into another")
def merge(entity_id: int, body: Merge, user: Editor, session: WriteDB) -> dict:
    return run(actions.merge, session, user, entity_id, body.into, body.reason)


@router.post("/review/entities/{entity_id}/split", summary="Split mentions off an entity into a new one")
def split(entity_id: int, body: Split, user: Editor, session: WriteDB) -> dict:
    return run(actions.split, session, user, entity_id, body.name, body.type, body.aliases, body.reason)


@router.post("/review/{target}", summary="Add a fact the extractor missed")
def add(target: Target, body: Addition, user: Editor, session: WriteDB) -> dict:
    return run(actions.add, session, user, TARGETS[target], body.values, body.reason)


@router.post("/review/actions/{action_id}/undo", summary="Undo a review action")
def undo(action_id: int, body: Reason, user: Editor, session: WriteDB) -> dict:
    return run(actions.undo, session, user, action_id, body.reason)


@router.get("/review/actions", summary="The audit log of review actions, newest first")
def audit_log(
    session: ReadDB,
    target: Literal["entity", "mention", "indicator", "relation"] | None = None,
    user: str | None = None,
    limit: Annotated[int, Query(ge=0, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    return log.list_actions(session, target=target, user=user, limit=limit, offset=offset)


@router.get("/review/gold", summary="Reviewed facts as gold annotations (ANNOTATION.md), one per document")
def gold(session: ReadDB) -> dict:
    return list_page(export_gold(session))  # every document at once: the whole list is one page


@router.get("/review/facts/{target}", summary="Indicators, relations or entities with their review status")
def facts(
    session: ReadDB,
    target: Literal["indicators", "relations", "entities"],
    reviewed_only: bool = False,
    limit: Annotated[int, Query(ge=0, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    items = export_facts(session, target, reviewed_only, limit, offset)
    return list_page(items, count_facts(session, target, reviewed_only), limit, offset)


class IncomingDocument(BaseModel):
    name: str = Field(min_length=1, max_length=500, description="file name shown for the document")
    text: str = Field(description="the document's text (at most the max_document_chars setting)")
    title: str | None = None
    url: str | None = Field(
        None, max_length=1000, description="where it was published; its identity if given"
    )
    published: str | None = Field(None, description="publication date, e.g. 2024-03-05")
    outlet: str | None = None

    @field_validator("text")
    @classmethod
    def _within_the_limit(cls, text: str) -> str:
        limit = settings().max_document_chars  # the limit of every other way in
        if len(text) > limit:
            raise ValueError(f"the text has {len(text):,} characters, the limit is {limit:,}")
        return text


class Ingest(BaseModel):
    documents: list[IncomingDocument] = Field(max_length=MAX_INGEST_DOCUMENTS)


@router.post("/ingest", summary="Ingest documents given as text (editors only)")
def ingest(body: Ingest, request: Request, user: Editor) -> dict:
    """Each document is stored under its URL, else `api:<name>`: posting it again replaces it."""
    from innoatlas.store.lock import IngestBusyError

    store = request.app.state.store
    try:
        with store.ingest_lock():  # one ingest at a time (store/lock.py)
            report = ingest_documents(store, body.documents)
    except IngestBusyError:  # the message names the database: not for the API
        raise HTTPException(
            409, "another ingest is writing to the knowledge base; try again when it has finished"
        ) from None
    logger.info("%s ingested %d documents through the API", user.name, len(body.documents))
    return {
        "counts": report.counts,
        "documents": [
            {"name": o.name, "status": o.status, "id": o.document_id, "reason": o.reason}
            for o in report.outcomes
        ],
    }


def ingest_documents(store, documents: list[IncomingDocument]):
    from innoatlas.documents.model import RawDocument
    from innoatlas.pipeline import DuplicateFinder, IngestOptions, IngestReport, ingest_item

    finder = DuplicateFinder(store)
    report = IngestReport()
    for d in documents:
        raw = RawDocument(
            source=d.url or f"api:{d.name}",
            name=d.name,
            text=d.text,
            format="txt",
            title=d.title,
            url=d.url,
            published=d.published,
            outlet=d.outlet,
        )
        report.outcomes.append(ingest_item(raw, store, IngestOptions(), finder))
    return report


@router.post("/auth/login", summary="Exchange a user name and password for an API token")
def login(body: Login, session: WriteDB, request: Request) -> dict:
    throttle = request.app.state.login_throttle  # failed logins of this server (auth/throttle.py)
    keys = (f"client:{request.client.host if request.client else ''}", f"user:{body.name}")
    wait = throttle.wait_s(*keys)
    if wait > 0:
        raise HTTPException(
            429,
            f"too many failed logins; try again in {math.ceil(wait)} s",
            headers={"Retry-After": str(math.ceil(wait))},
        )
    user = authenticate_password(session, body.name, body.password)
    if user is None:
        throttle.failed(*keys)
        raise HTTPException(401, "wrong user name or password")
    throttle.succeeded(*keys)
    return {
        "token": create_token(session, user.name, LOGIN_TOKEN_LABEL),
        "user": user.name,
        "role": user.role,
    }


@router.get("/auth/me", summary="Who the token belongs to")
def me(user: Annotated[UserRecord, Depends(require_user)]) -> dict:
    return {"user": user.name, "role": user.role}
