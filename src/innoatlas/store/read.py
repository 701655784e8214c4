"""Basic reads of the knowledge base: documents, counts, one entity's profile.

Every function takes a Session and returns plain dataclasses, so the CLI
and the web layer render the same results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from innoatlas.documents.model import PublishedDate
from innoatlas.errors import NotFoundError
from innoatlas.store.schema import Alias, Base, Document, Entity, Indicator, Mention, Relation
from innoatlas.text import fold_name


@dataclass
class DocumentRow:
    id: int
    name: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None  # YYYY-MM-DD, YYYY-MM or YYYY, by precision
    script: str
    duplicate_of_id: int | None
    duplicate_kind: str | None


@dataclass
class DocumentView(DocumentRow):
    format: str = ""
    encoding: str | None = None
    url: str | None = None
    content_hash: str = ""
    body: str = ""
    duplicate_of_title: str | None = None  # the original's title (its name when it has none)
    mentions: int = 0
    indicators: int = 0
    relations: int = 0


@dataclass
class Stats:
    documents: int
    originals: int
    duplicates: dict[str, int]  # kind -> count
    scripts: dict[str, int]
    formats: dict[str, int]
    characters: int  # of cleaned bodies, originals only
    entities: dict[str, int]  # type -> count
    aliases: int
    mentions: int
    indicators: int
    relations: dict[str, int]  # origin -> count


@dataclass
class RelationView:
    subject: str
    predicate: str
    object: str
    origin: str
    quote: str | None
    document: str | None


@dataclass
class IndicatorView:
    metric: str
    metric_key: str | None
    value: float
    unit: str
    approx: str
    kind: str
    period: str | None
    quote: str
    document: str
    id: int | None = None
    conflict: bool = False  # set by the analysis stage's one conflict definition


@dataclass
class EntityProfile:
    id: int
    key: str
    name: str
    type: str
    code: str | None
    aliases: list[str]
    parent: str | None
    region: str | None
    children: list[str] = field(default_factory=list)
    relations: list[RelationView] = field(default_factory=list)
    indicators: list[IndicatorView] = field(default_factory=list)
    documents: list[tuple[str, int]] = field(default_factory=list)  # (title · outlet, mentions)


def published_text(value: date | None, precision: str) -> str | None:
    return PublishedDate(value, precision).as_text()


def list_documents(session: Session, limit: int | None = None) -> list[DocumentRow]:
    query = select(Document).order_by(Document.id)
    if limit is not None:
        query = query.limit(limit)
    return [document_row(d) for d in session.scalars(query)]


def document_row(d: Document) -> DocumentRow:
    return DocumentRow(
        id=d.id,
        name=d.name,
        source=d.source,
        title=d.title,
        outlet=d.outlet,
        published=published_text(d.published, d.published_precision),
        script=d.script,
        duplicate_of_id=d.duplicate_of_id,
        duplicate_kind=d.duplicate_kind,
    )


def get_document(session: Session, ref: str | int) -> DocumentView:
    """One document by id, file name or source."""
    d = find_document(session, ref)
    counts = {
        model: session.scalar(select(func.count()).select_from(model).where(model.document_id == d.id))
        for model in (Mention, Indicator, Relation)
    }
    original = session.get(Document, d.duplicate_of_id) if d.duplicate_of_id else None
    row = document_row(d)
    return DocumentView(
        **vars(row),
        format=d.format,
        encoding=d.encoding,
        url=d.url,
        content_hash=d.content_hash,
        body=d.body,
        duplicate_of_title=(original.title or original.name) if original else None,
        mentions=counts[Mention],
        indicators=counts[Indicator],
        relations=counts[Relation],
    )


def find_document(session: Session, ref: str | int) -> Document:
    text = str(ref).strip()
    if text.isdigit() and (d := session.get(Document, int(text))) is not None:
        return d
    query = select(Document).where(or_(Document.name == text, Document.source == text)).order_by(Document.id)
    d = session.scalars(query).first()
    if d is None:
        raise NotFoundError(
            "document", text, f"no document {text!r} in the knowledge base (list them with: innoatlas docs)"
        )
    return d


def stats(session: Session) -> Stats:
    def count(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    def group(column, *where) -> dict[str, int]:
        query = select(column, func.count()).where(*where).group_by(column).order_by(column)
        return {str(k): n for k, n in session.execute(query)}

    originals = Document.duplicate_of_id.is_(None)
    characters = session.scalar(
        select(func.coalesce(func.sum(func.length(Document.body)), 0)).where(originals)
    )
    return Stats(
        documents=count(Document),
        originals=count(Document, originals),
        duplicates=group(Document.duplicate_kind, Document.duplicate_of_id.is_not(None)),
        scripts=group(Document.script),
        formats=group(Document.format),
        characters=int(characters or 0),
        entities=group(Entity.type),
        aliases=count(Alias),
        mentions=count(Mention),
        indicators=count(Indicator),
        relations=group(Relation.origin),
    )


def find_entity(session: Session, name: str) -> Entity:
    """An entity by canonical name, key, any alias (folded: script, width, spaces) or resolved name."""
    text = name.strip()
    folded = fold_name(text)
    from innoatlas.resolve import lookup_keys

    for query in (
        select(Entity).where(Entity.name == text),
        select(Entity).where(Entity.key.in_([text, folded])),
        select(Entity).join(Alias).where(Alias.alias == text),
        select(Entity).join(Alias).where(Alias.norm == folded),
        # a name no document wrote, read as the resolver would: 重庆两江新区, 拓普集团有限公司
        *(select(Entity).where(Entity.key == key) for key in lookup_keys(text)),
    ):
        entity = session.scalars(query.order_by(Entity.id)).first()
        if entity is not None:
            return entity
    raise NotFoundError(
        "entity", name, f"no entity {name!r} in the knowledge base (ingest documents that mention it first)"
    )


def entity_profile(session: Session, name: str) -> EntityProfile:
    entity = find_entity(session, name)
    parent = session.get(Entity, entity.parent_id) if entity.parent_id else None
    region = session.get(Entity, entity.region_id) if entity.region_id else None
    children = session.scalars(
        select(Entity.name)
        .where(or_(Entity.parent_id == entity.id, Entity.region_id == entity.id))
        .order_by(Entity.name)
    )
    return EntityProfile(
        id=entity.id,
        key=entity.key,
        name=entity.name,
        type=entity.type,
        code=entity.code,
        aliases=sorted({a.alias for a in entity.aliases} - {entity.name}),
        parent=parent.name if parent else None,
        region=region.name if region else None,
        children=list(children),
        relations=entity_relations(session, entity.id),
        indicators=entity_indicators(session, entity.id),
        documents=entity_documents(session, entity.id),
    )


def entity_relations(session: Session, entity_id: int) -> list[RelationView]:
    subject, obj = aliased(Entity), aliased(Entity)
    query = (
        select(
            subject.name,
            Relation.predicate,
            obj.name,
            Relation.origin,
            Relation.quote,
            Document.title,
            Document.name,
            Document.outlet,
        )
        .join(subject, Relation.subject_id == subject.id)
        .join(obj, Relation.object_id == obj.id)
        .outerjoin(Document, Relation.document_id == Document.id)
        .where(or_(Relation.subject_id == entity_id, Relation.object_id == entity_id))
        .order_by(Relation.predicate, subject.name, obj.name, Relation.id)
    )
    return [RelationView(*row[:5], document_label(*row[5:])) for row in session.execute(query)]


def entity_indicators(session: Session, entity_id: int) -> list[IndicatorView]:
    query = (
        select(
            Indicator.metric,
            Indicator.metric_key,
            Indicator.value,
            Indicator.unit,
            Indicator.approx,
            Indicator.kind,
            Indicator.period,
            Indicator.quote,
            Document.title,
            Document.name,
            Document.outlet,
            Indicator.id,
        )
        .join(Document, Indicator.document_id == Document.id)
        .where(Indicator.subject_id == entity_id)
        .order_by(Indicator.metric_key, Indicator.period, Indicator.id)
    )
    return [IndicatorView(*row[:8], document_label(*row[8:11]), row[11]) for row in session.execute(query)]


def entity_documents(session: Session, entity_id: int) -> list[tuple[str, int]]:
    query = (
        select(Document.title, Document.name, Document.outlet, func.count(Mention.id))
        .join(Mention, Mention.document_id == Document.id)
        .where(Mention.entity_id == entity_id)
        .group_by(Document.id, Document.title, Document.name, Document.outlet)
        .order_by(Document.id)
    )
    return [(document_label(title, name, outlet), n) for title, name, outlet, n in session.execute(query)]


def document_label(title: str | None, name: str | None, outlet: str | None) -> str | None:
    """A document as a reader names it: its title and outlet (its file name only where it has no title)."""
    if title is None and name is None:
        return None  # a fact no document gives (the gazetteer's)
    return f"{title or name} · {outlet}" if outlet else (title or name)


def dump_tables(session: Session) -> dict[str, list[tuple]]:
    dump = {}
    for table in Base.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        dump[table.name] = [tuple(row) for row in session.execute(query)]
    return dump
