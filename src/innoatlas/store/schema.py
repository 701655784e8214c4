"""SQLAlchemy 2 schema of the knowledge base (DESIGN.md's domain model).

Offsets (`start`, `end`) are into Document.norm; quotes are original text.
Indexes follow the queries of the CLI, API and UI: entities by type and
name, mentions and indicators by entity and document, indicators by
(subject, metric_key, period), relations by either end.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints: Alembic's SQLite batch mode can only alter what has a name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(1000), unique=True)  # path or URL
    name: Mapped[str] = mapped_column(String(500), index=True)
    format: Mapped[str] = mapped_column(String(10))
    encoding: Mapped[str | None] = mapped_column(String(40))
    url: Mapped[str | None] = mapped_column(String(1000))
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    published_precision: Mapped[str] = mapped_column(String(10), default="unknown")
    script: Mapped[str] = mapped_column(String(4))  # Hans / Hant
    # The text and its offset map are loaded only when read: a query about
    # facts joins documents for their names and dates, and loading a long
    # text (and its offset map, a list of ints) once per fact row made one
    # 100,000-character report cost gigabytes.
    original: Mapped[str] = mapped_column(Text, deferred=True)
    body: Mapped[str] = mapped_column(Text, deferred=True)
    norm: Mapped[str] = mapped_column(Text, deferred=True)
    norm_to_original: Mapped[list] = mapped_column(JSON, deferred=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    duplicate_kind: Mapped[str | None] = mapped_column(String(10))  # exact / near
    ingested_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    mentions: Mapped[list[Mention]] = relationship(back_populates="document", cascade="all, delete-orphan")
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )
    relations: Mapped[list[Relation]] = relationship(back_populates="document", cascade="all, delete-orphan")


class Entity(Base):
    __tablename__ = "entities"
    __table_args__ = (
        UniqueConstraint("key", name="uq_entity_key"),
        Index("ix_entity_type_name", "type", "name"),
        Index("ix_entities_name", "name"),  # profile look-up by written name
        # a search's entities, shortest name first (migration 0010)
        Index("ix_entities_name_length", func.length(literal_column("name")), "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300))  # canonical normalised name (resolve stage)
    name: Mapped[str] = mapped_column(String(300))  # canonical display name
    type: Mapped[str] = mapped_column(String(20))
    code: Mapped[str | None] = mapped_column(String(20))  # administrative division code, if any
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    review_status: Mapped[str | None] = mapped_column(String(10))  # null until reviewed (see ReviewAction)

    aliases: Mapped[list[Alias]] = relationship(back_populates="entity", cascade="all, delete-orphan")


class Alias(Base):
    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias", name="uq_alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300), index=True)  # as written
    norm: Mapped[str] = mapped_column(String(300), index=True)  # folded form for lookup

    entity: Mapped[Entity] = relationship(back_populates="aliases")


class Mention(Base):
    __tablename__ = "mentions"
    # Entity pages count and list documents per entity; documents list their entities.
    __table_args__ = (
        Index("ix_mention_entity_document", "entity_id", "document_id"),
        Index("ix_mention_document_entity", "document_id", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))  # as written in the original
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(40))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    review_status: Mapped[str | None] = mapped_column(String(10))  # null until reviewed (see ReviewAction)

    document: Mapped[Document] = relationship(back_populates="mentions")
    entity: Mapped[Entity] = relationship()


class Indicator(Base):
    __tablename__ = "indicators"
    __table_args__ = (
        Index("ix_indicator_series", "subject_id", "metric_key", "period"),
        # Lists of a subject's / a metric's indicators, newest document first (store/read/indicators.py).
        Index("ix_indicator_subject_document", "subject_id", "document_id", "start"),
        Index("ix_indicator_metric_document", "metric_key", "document_id", "start"),
        # A subject's metrics with counts, from the index alone.
        Index("ix_indicator_subject_metric", "subject_id", "metric_key", "metric"),
        # A series (subject + metric) in period order, reposts left out, from the index alone.
        Index("ix_indicator_series_documents", "subject_id", "metric_key", "period", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    subject_text: Mapped[str | None] = mapped_column(String(300))
    metric: Mapped[str] = mapped_column(String(300))
    metric_key: Mapped[str | None] = mapped_column(String(60), index=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40))
    value_base: Mapped[float | None] = mapped_column(Float)
    base_unit: Mapped[str] = mapped_column(String(40))
    approx: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10))
    period: Mapped[str | None] = mapped_column(String(30), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    review_status: Mapped[str | None] = mapped_column(String(10))  # null until reviewed (see ReviewAction)

    document: Mapped[Document] = relationship(back_populates="indicators")
    subject: Mapped[Entity | None] = relationship()


class Relation(Base):
    __tablename__ = "relations"
    # Graph walks go out from either end and aggregate by predicate; the
    # relations list is read in (predicate, subject, id) order.
    __table_args__ = (
        Index("ix_relation_subject_edge", "subject_id", "predicate", "object_id"),
        Index("ix_relation_object_edge", "object_id", "predicate", "subject_id"),
        Index("ix_relation_list_order", "predicate", "subject_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    subject_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    predicate: Mapped[str] = mapped_column(String(30), index=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default="text")  # text / gazetteer
    review_status: Mapped[str | None] = mapped_column(String(10))  # null until reviewed (see ReviewAction)

    document: Mapped[Document | None] = relationship(back_populates="relations")
    subject: Mapped[Entity] = relationship(foreign_keys=[subject_id])
    object: Mapped[Entity] = relationship(foreign_keys=[object_id])


# -- links between entities (store/links.py) -------------------------------------------
# Derived from the facts above in the transaction that writes them: the
# collaboration network reads these instead of every relation, mention and
# text of the base.


class EntityLink(Base):
    """One stated relation, or one sentence naming both entities: a link between a pair (a < b)."""

    __tablename__ = "entity_links"
    __table_args__ = (
        # A pair's links in evidence order (relations first, then sentences in text order).
        Index("ix_entity_link_pair", "a_id", "b_id", "is_sentence", "relation_id", "document_id", "start"),
        Index("ix_entity_link_b", "b_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    a_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    b_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))  # the relation's predicate, or co_mention
    is_sentence: Mapped[int] = mapped_column(Integer)  # 0: a relation, 1: a co-mention
    weight: Mapped[float] = mapped_column(Float)
    # No foreign key: a rejected relation's link must stay until its document's links are refreshed.
    relation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    quoted: Mapped[int] = mapped_column(Integer)  # 1: the relation has a quote, or it is a sentence
    start: Mapped[int | None] = mapped_column(Integer)  # a co-mention's sentence in Document.norm
    end: Mapped[int | None] = mapped_column(Integer)


class EntityLinkTotal(Base):
    """A pair's links summed: what ranks the network's nodes and edges."""

    __tablename__ = "entity_link_totals"
    __table_args__ = (Index("ix_entity_link_total_b", "b_id"),)

    a_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    b_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    weight: Mapped[float] = mapped_column(Float)
    relation_weight: Mapped[float] = mapped_column(Float)  # without co-mentions
    relations: Mapped[int] = mapped_column(Integer)
    co_mentions: Mapped[int] = mapped_column(Integer)


# -- review and access control -------------------------------------------------------
# An analyst's verdict on a fact is kept on the fact (`review_status`, null
# until reviewed) and, durably, as a ReviewAction keyed by the fact's stable
# identity: re-ingesting a document deletes and re-inserts its facts, and the
# actions are replayed onto the new rows (review/apply.py).


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(10))  # editor / viewer
    password_hash: Mapped[str | None] = mapped_column(String(300))  # scrypt; null: tokens only
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", cascade="all, delete-orphan")


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(300))  # scrypt of the token's secret part
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship(back_populates="tokens")


class ReviewAction(Base):
    """One analyst change: the audit record (who, when, before, after, why) and the correction."""

    __tablename__ = "review_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(10))  # confirm / reject / correct / add / merge / split
    target: Mapped[str] = mapped_column(String(10))  # entity / mention / indicator / relation
    fact_key: Mapped[str] = mapped_column(String(1500))  # stable identity (review/identity.py)
    document_source: Mapped[str | None] = mapped_column(String(1000), index=True)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    user_name: Mapped[str] = mapped_column(String(100))  # kept when the user is removed
    created_at: Mapped[datetime] = mapped_column(DateTime)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str | None] = mapped_column(String(100))
    undo_reason: Mapped[str | None] = mapped_column(Text)
