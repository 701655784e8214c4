"""Documents from a file's bytes, for a Spark task (which gets bytes, not a local path).

The same readers, limits and error messages as documents.read.read_file,
which reads a local path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from innoatlas.documents.model import RawDocument
from innoatlas.documents.read import (
    MAX_FILE_BYTES,
    READERS,
    SUPPORTED,
    SUPPORTED_HINT,
    checked_text,
    read_jsonl,
)
from innoatlas.errors import DocumentError


def read_data(source: str, name: str, data: bytes) -> Iterator[RawDocument | DocumentError]:
    """One file's documents (a JSONL file: one per record), or DocumentErrors naming it."""
    kind = SUPPORTED.get(PurePosixPath(name).suffix.lower())
    if kind is None:
        yield DocumentError(
            source, f"unsupported file type '{PurePosixPath(name).suffix or name}'", SUPPORTED_HINT
        )
        return
    if len(data) > MAX_FILE_BYTES:
        yield DocumentError(
            source,
            f"file too large ({len(data) / 1024 / 1024:.1f} MB, the limit is {MAX_FILE_BYTES // 1024 // 1024} MB)",
            "split it into smaller files",
        )
        return
    if not data:
        yield DocumentError(source, "the file is empty", "nothing to read")
        return
    try:
        if kind == "jsonl":
            yield from read_jsonl(source, name, data)
            return
        yield checked_text(READERS[kind](source, name, data))
    except DocumentError as err:
        yield err
    except Exception as err:  # a parser's bug on one hostile file must not stop a job
        yield DocumentError(
            source,
            f"cannot parse the {kind} file ({type(err).__name__}: {err})",
            "check that it is not damaged",
        )
