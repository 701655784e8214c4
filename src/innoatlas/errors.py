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
