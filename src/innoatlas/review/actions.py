"""The analyst's actions: confirm, reject, correct, add, merge, split, and undo.

Each takes a session, the acting user and what the API or the CLI
received (ids of rows, field values), records a ReviewAction (who, when,
before, after, why) and applies it through review/apply.py, the same code
that replays it after a re-ingest. Entities in an action are stored by
key, documents by source: see store/review.py.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from innoatlas.errors import NotFoundError, ReviewError
from innoatlas.extract.model import ENTITY_TYPES, PREDICATES
from innoatlas.review.apply import apply_live
from innoatlas.store import review as rows
from innoatlas.store.review import (
    TARGETS,
    entity_by_key,
    fact_key,
    key_of_entity_id,
    moved_keys,
    referencing_rows,
    rows_to_split,
    snapshot,
    snapshot_entity_facts,
)
from innoatlas.store.review_log import action_by_id, action_row, add_action, latest_active
from innoatlas.store.users import UserRecord as User
from innoatlas.text import fold_name

APPROX = ("exact", "over", "about", "under")
KINDS = ("level", "change", "rank")
# ANNOTATION.md's period forms: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q3, YYYY-Q1..Q3, YYYY-01..05.
PERIOD = re.compile(r"\d{4}(-(\d{2}(-\d{2})?|H[12]|Q[1-4](\.\.Q[1-4])?|\d{2}\.\.\d{2}))?")
CORRECTABLE = {
    "entity": ("name", "type", "code", "parent", "region"),
    "mention": ("entity",),
    "indicator": (
        "subject",
        "subject_text",
        "metric",
        "metric_key",
        "value",
        "unit",
        "period",
        "approx",
        "kind",
    ),
    "relation": ("subject", "predicate", "object"),
}
MAX_REASON = 2000


# -- confirm, reject, correct ------------------------------------------------------


def confirm(session: Session, user: User, target: str, row_id: int, reason: str = "") -> dict:
    row = load_row(session, target, row_id)
    status = row.review_status or "confirmed"
    return record(session, user, "confirm", target, row, {"review_status": status}, reason)


def reject(session: Session, user: User, target: str, row_id: int, reason: str = "") -> dict:
    row = load_row(session, target, row_id)
    return record(session, user, "reject", target, row, None, reason)


def correct(session: Session, user: User, target: str, row_id: int, changes: dict, reason: str = "") -> dict:
    row = load_row(session, target, row_id)
    fields = clean_changes(session, target, row, changes)
    status = "added" if row.review_status == "added" else "corrected"
    return record(session, user, "correct", target, row, {"fields": fields, "review_status": status}, reason)


# -- merge and split ------------------------------------------------------------------


def merge(session: Session, user: User, entity_id: int, into_id: int, reason: str = "") -> dict:
    """Merge one entity into another: its mentions, facts and aliases go to `into`, it goes away."""
    merged, into = load_row(session, "entity", entity_id), load_row(session, "entity", into_id)
    if merged.id == into.id:
        raise ReviewError(f"cannot merge entity {entity_id} into itself")
    between = rows.relations_between(session, merged.id, into.id)
    dropped = {r.id for r in between}
    staying = [
        (t, c, r)
        for t, c, r in referencing_rows(session, merged.id)
        if not (t == "relation" and r.id in dropped)
    ]
    extra = {
        "moved": moved_keys(session, staying),
        "into_aliases": snapshot(session, "entity", into)["aliases"],
        "into_status": into.review_status,
        # Relations between the two would loop onto one entity and are dropped: kept here for an undo.
        "dropped": [snapshot(session, "relation", r) for r in between],
    }
    return record(session, user, "merge", "entity", merged, {"into": into.key}, reason, extra)


def split(
    session: Session, user: User, entity_id: int, name: str, type: str, aliases: list[str], reason: str = ""
) -> dict:
    """Split the mentions written as `aliases` off an entity into a new (or existing) entity `name`."""
    source = load_row(session, "entity", entity_id)
    name = clean_name(name)
    aliases = sorted({clean_name(a) for a in [*(aliases or []), name]})
    check_choice("type", type, ENTITY_TYPES)
    key = new_entity_key(name, type)
    if key == source.key or fold_name(name) == fold_name(source.name):
        raise ReviewError(f"the new entity {name!r} is the entity it would be split from")
    existing = rows.entity_with_key(session, key)
    own = set(snapshot(session, "entity", source)["aliases"])
    extra = {
        "moved": moved_keys(session, rows_to_split(session, source, aliases)),
        "aliases": sorted(own & set(aliases)),
        "created": existing is None,
    }
    new = _new_entity(key, name, type)
    return record(
        session, user, "split", "entity", source, {"entity": new, "aliases": aliases}, reason, extra
    )


# -- add ----------------------------------------------------------------------------


def add(session: Session, user: User, target: str, values: dict, reason: str = "") -> dict:
    """Add a fact the extractor missed: an entity, or a mention, indicator or relation in a document."""
    check_choice("target", target, TARGETS)
    after = ADDERS[target](session, values)
    action = add_action(
        session,
        action="add",
        target=target,
        fact_key="",
        document_source=after.get("fact", {}).get("document"),
        before=None,
        after=after,
        **who(user, reason),
    )
    apply_live(session, action)
    row = (
        entity_by_key(session, after["entity"]["key"]) if target == "entity" else newest_added(session, after)
    )
    action.fact_key = fact_key(session, target, row)[0]
    session.flush()
    return {**action_row(action), "row_id": row.id}


def newest_added(session: Session, after: dict):
    fact = after["fact"]
    return rows.newest_at_span(session, after["target"], fact["document"], fact["start"], fact["end"])


def _add_entity(session: Session, values: dict) -> dict:
    name = clean_name(values.get("name"))
    check_choice("type", values.get("type"), ENTITY_TYPES)
    key = new_entity_key(name, values["type"])
    if rows.entity_with_name(session, name) is not None or entity_by_key(session, key) is not None:
        raise ReviewError(f"an entity with the name {name!r} exists already")
    entity = {
        "key": key,
        "name": name,
        "type": values["type"],
        "code": values.get("code"),
        "review_status": "added",
        "parent": key_of_entity_id(session, values.get("parent")),
        "region": key_of_entity_id(session, values.get("region")),
        "aliases": [name],
    }
    return {"target": "entity", "entity": entity}


def _add_mention(session: Session, values: dict) -> dict:
    doc = load_document(session, values.get("document"))
    start, end, quote = locate(doc, values.get("text"), values.get("start"), values.get("end"))
    after: dict = {"target": "mention"}
    if values.get("entity") is not None:
        entity_key = key_of_entity_id(session, values["entity"])
    else:
        added = _existing_or_new_entity(session, values.get("name") or quote, values.get("type"))
        entity_key = added["key"]
        if added.get("review_status") == "added":
            after["entity"] = added
    after["fact"] = {
        "document": doc.source,
        "entity": entity_key,
        "text": quote,
        "start": start,
        "end": end,
        "extractor": "review",
        "confidence": 1.0,
        "review_status": "added",
    }
    return after


def _existing_or_new_entity(session: Session, name: str, type: str | None) -> dict:
    name = clean_name(name)
    existing = rows.entity_with_name(session, name)
    if existing is not None:
        return {"key": existing.key}
    check_choice("type", type, ENTITY_TYPES)
    return {**_new_entity(new_entity_key(name, type), name, type), "aliases": [name]}


def _new_entity(key: str, name: str, type: str | None) -> dict:
    """An entity a reviewer adds, as its snapshot: no code, parent or region yet."""
    return {
        "key": key,
        "name": name,
        "type": type,
        "code": None,
        "review_status": "added",
        "parent": None,
        "region": None,
    }


def _add_indicator(session: Session, values: dict) -> dict:
    doc = load_document(session, values.get("document"))
    start, end, quote = locate(doc, values.get("quote"), values.get("start"), values.get("end"))
    fact = {
        "document": doc.source,
        "start": start,
        "end": end,
        "quote": quote,
        "review_status": "added",
        "subject": None,
        "subject_text": None,
        "metric": "",
        "metric_key": None,
        "value": None,
        "unit": "",
        "period": None,
        "approx": "exact",
        "kind": "level",
    }
    if values.get("value") is None:
        raise ReviewError("an indicator needs a value")
    fields = clean_changes(
        session,
        "indicator",
        None,
        {k: v for k, v in values.items() if k in CORRECTABLE["indicator"]},
        base=fact,
    )
    return {"target": "indicator", "fact": {**fact, **fields}}


def _add_relation(session: Session, values: dict) -> dict:
    doc = load_document(session, values.get("document"))
    start, end, quote = locate(doc, values.get("quote"), values.get("start"), values.get("end"))
    for end_name in ("subject", "predicate", "object"):
        if values.get(end_name) is None:
            raise ReviewError(f"a relation needs a {end_name}")
    fact = {
        "document": doc.source,
        "start": start,
        "end": end,
        "quote": quote,
        "origin": "text",
        "review_status": "added",
    }
    fields = clean_changes(
        session, "relation", None, {k: values[k] for k in CORRECTABLE["relation"]}, base=fact
    )
    return {"target": "relation", "fact": {**fact, **fields}}


ADDERS = {
    "entity": _add_entity,
    "mention": _add_mention,
    "indicator": _add_indicator,
    "relation": _add_relation,
}


# -- undo ---------------------------------------------------------------------------


def undo(session: Session, user: User, action_id: int, reason: str = "") -> dict:
    """Undo an action: its fact goes back to its state before; the record stays, marked undone."""
    action = action_by_id(session, action_id)
    if action is None:
        raise NotFoundError("review action", action_id)
    if action.undone_at is not None:
        raise ReviewError(f"review action {action_id} was undone already")
    latest = latest_active(session, action.fact_key)
    if latest is not None and latest.id != action.id:
        raise ReviewError(f"review action {latest.id} changed the same fact later: undo it first")
    apply_live(session, action, forward=False)
    action.undone_at = now()
    action.undone_by = user.name
    action.undo_reason = clean_reason(reason)
    session.flush()
    return action_row(action)


# -- helpers ------------------------------------------------------------------------


def record(session, user, name, target, row, after, reason, extra: dict | None = None) -> dict:
    key, source = fact_key(session, target, row)
    before = {"fact": snapshot(session, target, row), **(extra or {})}
    if name == "reject" and target == "entity":
        before.update(snapshot_entity_facts(session, row))
    action = add_action(
        session,
        action=name,
        target=target,
        fact_key=key,
        document_source=source,
        before=before,
        after=after,
        **who(user, reason),
    )
    apply_live(session, action)
    return action_row(action)


def new_entity_key(name: str, type: str) -> str:
    """The key the resolve stage gives a name no gazetteer knows, so a re-ingest finds the same entity."""
    try:
        from innoatlas.resolve.names import name_key
    except ImportError:  # a resolve stage without name keys: the folded name
        return fold_name(name)
    return name_key(fold_name(name), type)


def who(user: User, reason: str) -> dict:
    return {"user_id": user.id, "user_name": user.name, "created_at": now(), "reason": clean_reason(reason)}


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def clean_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise ReviewError(f"the reason is longer than {MAX_REASON} characters")
    return reason


def clean_name(name) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ReviewError("a name must be a non-empty text")
    if len(name.strip()) > 300:
        raise ReviewError("a name is longer than 300 characters")
    return name.strip()


def check_choice(field: str, value, choices) -> None:
    if value not in choices:
        raise ReviewError(f"{field} must be one of {', '.join(choices)}, not {value!r}")


def load_row(session: Session, target: str, row_id: int):
    check_choice("target", target, TARGETS)
    row = rows.row_by_id(session, target, row_id)
    if row is None:
        raise NotFoundError(target, row_id)
    return row


def load_document(session: Session, document_id):
    if document_id is None:
        raise ReviewError("give the document (its id) the fact is in")
    doc = rows.document_by_id(session, document_id)
    if doc is None:
        raise NotFoundError("document", document_id)
    return doc


def locate(doc, quote: str | None, start: int | None, end: int | None) -> tuple[int, int, str]:
    """(start, end) in the normalised text and the original quote of a span given either way."""
    mapping = doc.norm_to_original or list(range(len(doc.norm)))
    if start is not None and end is not None:
        if not 0 <= start < end <= len(doc.norm):
            raise ReviewError(f"span {start}-{end} is outside the document (0-{len(doc.norm)})")
    elif quote:
        start, end = find_quote(doc, quote, mapping)
    else:
        raise ReviewError("give the quote, or start and end, of the fact in the document")
    return start, end, doc.original[mapping[start] : mapping[end - 1] + 1]


def find_quote(doc, quote: str, mapping: list[int]) -> tuple[int, int]:
    at = doc.norm.find(quote)
    if at >= 0:
        return at, at + len(quote)
    at = doc.original.find(quote)
    if at < 0:
        raise ReviewError(f"the quote {quote!r} is not in document {doc.id}")
    start = next(i for i, o in enumerate(mapping) if o >= at)
    end = next((i for i, o in enumerate(mapping) if o >= at + len(quote)), len(mapping))
    return start, end


def clean_changes(session: Session, target: str, row, changes: dict, base: dict | None = None) -> dict:
    """Checked field values to store: entity ids become keys; derived indicator fields follow."""
    if not isinstance(changes, dict) or not changes:
        raise ReviewError("give at least one field to change")
    unknown = sorted(set(changes) - set(CORRECTABLE[target]))
    if unknown:
        raise ReviewError(
            f"{target} fields {', '.join(unknown)} cannot be changed "
            f"(correctable: {', '.join(CORRECTABLE[target])})"
        )
    fields = {}
    for field, value in changes.items():
        fields[field] = clean_value(session, target, field, value)
    if target == "indicator":
        current = base if row is None else snapshot(session, "indicator", row)
        derive_indicator_fields(session, fields, {**current, **fields})
    return fields


def clean_value(session: Session, target: str, field: str, value):
    if field in ("subject", "object", "entity", "parent", "region"):
        if value is None and field in ("subject", "parent", "region") and target != "relation":
            return None
        return key_of_entity_id(session, _as_int(field, value))
    if field == "type":
        check_choice(field, value, ENTITY_TYPES)
    elif field == "predicate":
        check_choice(field, value, PREDICATES)
    elif field == "approx":
        check_choice(field, value, APPROX)
    elif field == "kind":
        check_choice(field, value, KINDS)
    elif field == "value":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ReviewError(f"value must be a number, not {value!r}")
        return float(value)
    elif field == "period":
        if value is not None and (not isinstance(value, str) or not PERIOD.fullmatch(value)):
            raise ReviewError(f"period must be like 2024, 2024-05, 2024-H1 or 2024-Q1..Q3, not {value!r}")
    elif field == "name":
        return clean_name(value)
    elif value is not None and not isinstance(value, str):
        raise ReviewError(f"{field} must be a text, not {value!r}")
    return value


def _as_int(field: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReviewError(f"{field} must be an entity id, not {value!r}")
    return value


def derive_indicator_fields(session: Session, fields: dict, merged: dict) -> None:
    """Base value, base unit, metric key and subject text follow the corrected fields."""
    from innoatlas.extract.indicators import metric_key
    from innoatlas.extract.indicators.numbers import fold_unit

    if "value" in fields or "unit" in fields:
        fields["value_base"], fields["base_unit"] = fold_unit(merged["value"], merged["unit"] or "")
        merged.update(fields)
    if ("metric" in fields or "kind" in fields or "unit" in fields) and "metric_key" not in fields:
        fields["metric_key"] = metric_key(merged["metric"], merged["kind"], merged["base_unit"])
    if "subject" in fields and "subject_text" not in fields:
        subject = entity_by_key(session, fields["subject"]) if fields["subject"] else None
        fields["subject_text"] = subject.name if subject else None
