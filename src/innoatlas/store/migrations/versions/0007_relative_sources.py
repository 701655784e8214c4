"""Sources written by older versions as absolute paths become relative, as ingest now writes them.

Older versions stored a document's source as the server's absolute path
(/srv/data/corpus/a.txt); the API, the pages and the review log then
showed the server's directories, and corrections, keyed by the source,
were lost once the corpus folder moved. Ingest now stores the path from
the folder holding what it was given (corpus/a.txt for `ingest corpus`).

The folder an old ingest was given is not recorded, so the absolute
sources are taken from their deepest common folder, keeping that
folder's name: /srv/data/corpus/a.txt and /srv/data/corpus/sub/b.txt
become corpus/a.txt and corpus/sub/b.txt, what `ingest /srv/data/corpus`
stores today, so ingesting the corpus again, wherever it now lies, finds
the same documents. The review log's keys, document sources and
snapshots are rewritten the same way, so corrections still re-apply. A
new source that another document already has keeps its id as a suffix
(#12): sources are unique.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import json
import posixpath
from pathlib import PureWindowsPath

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("source", sa.String))
actions = sa.table(
    "review_actions",
    sa.column("id", sa.Integer),
    sa.column("fact_key", sa.String),
    sa.column("document_source", sa.String),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
)


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(documents.c.id, documents.c.source)).all()
    renamed = relative_sources({id_: source for id_, source in rows})
    if not renamed:
        return
    for id_, source in rows:
        if source in renamed:
            connection.execute(documents.update().where(documents.c.id == id_).values(source=renamed[source]))
    rewrite_review_log(connection, renamed)


def downgrade() -> None:
    pass  # the absolute paths are gone; nothing to undo


def is_absolute(source: str) -> bool:
    return source.startswith("/") or PureWindowsPath(source).is_absolute()


def relative_sources(sources: dict[int, str]) -> dict[str, str]:
    """{absolute source: relative source} of the absolute ones among `sources` (id -> source)."""
    absolute = {i: s.replace("\\", "/") for i, s in sources.items() if is_absolute(s)}
    if not absolute:
        return {}
    folders = [posixpath.dirname(s) for s in absolute.values()]
    root = posixpath.commonpath(folders) if len({f[:1] for f in folders}) == 1 else ""
    keep = posixpath.basename(root)  # the common folder's own name, as ingest keeps it
    taken = {s for i, s in sources.items() if i not in absolute}
    renamed = {}
    for i, path in sorted(absolute.items()):
        rest = posixpath.relpath(path, root) if root else path.split(":", 1)[-1].lstrip("/")
        new = posixpath.join(keep, rest) if keep else rest
        if new in taken:
            new = f"{new}#{i}"
        taken.add(new)
        renamed[sources[i]] = new
    return renamed


def rewrite_review_log(connection, renamed: dict[str, str]) -> None:
    """The review log's keys, sources and snapshots naming a renamed document name it anew."""
    columns = (actions.c.id, actions.c.fact_key, actions.c.document_source, actions.c.before, actions.c.after)
    for id_, key, source, before, after in connection.execute(sa.select(*columns)).all():
        parts = json.loads(key)
        new_key = key
        if len(parts) > 1 and parts[1] in renamed:
            parts[1] = renamed[parts[1]]
            new_key = json.dumps(parts, ensure_ascii=False)
        changes = {
            "fact_key": new_key,
            "document_source": renamed.get(source, source),
            "before": renamed_snapshot(before, renamed),
            "after": renamed_snapshot(after, renamed),
        }
        if changes != {"fact_key": key, "document_source": source, "before": before, "after": after}:
            connection.execute(actions.update().where(actions.c.id == id_).values(**changes))


def renamed_snapshot(snapshot, renamed: dict[str, str]):
    """The snapshot (a row, or rows a merge or split moved) with its documents renamed."""
    if isinstance(snapshot, list):
        return [renamed_snapshot(item, renamed) for item in snapshot]
    if not isinstance(snapshot, dict):
        return snapshot
    copy = {k: renamed_snapshot(v, renamed) for k, v in snapshot.items()}
    if isinstance(copy.get("document"), str) and copy["document"] in renamed:
        copy["document"] = renamed[copy["document"]]
    return copy
