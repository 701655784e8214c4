"""Exception classes of the library; the CLI turns each into one clear line."""

from __future__ import annotations


class InnoatlasError(Exception):
    """Base class: every error the library raises on purpose."""


class DocumentError(InnoatlasError):
    """A document that cannot be read: names the file and the problem."""

    def __init__(self, source: str, problem: str, hint: str = ""):
        self.source = source
        self.problem = problem
        self.hint = hint
        message = f"{source}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class StoreError(InnoatlasError):
    """The knowledge base cannot be opened or written."""


class NotFoundError(StoreError):
    """A requested row (entity, document, indicator, ...) is not in the knowledge base.

    `what` and `ref` name the row; `message` replaces the default
    "no <what> with id <ref>" where a name, not an id, was asked for.
    """

    def __init__(self, what: str, ref: object, message: str | None = None):
        self.what = what
        self.ref = ref
        super().__init__(message or f"no {what} with id {ref}")


class ReviewError(InnoatlasError):
    """A review action that cannot be done (bad field, unknown entity, nothing to undo)."""


class DataFileError(InnoatlasError):
    """A bundled or user-supplied data file that cannot be used: names the file and the problem."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")
