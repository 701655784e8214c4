"""The longest known name a text starts with: the place a body's name opens with.

青溪市科学技术局 opens with 青溪市, 江川高新区管委会 with 江川高新区 (or 江川, when the
caller's list has no zones); extraction and resolution read the place of a name
this one way, each with its own list of places and its own longest name.
"""

from __future__ import annotations

from collections.abc import Callable, Container


def leading_name(
    text: str, known: Container[str] | Callable[[str], bool], max_chars: int, keep: int = 1
) -> str | None:
    """The longest prefix of `text`, of two to `max_chars` characters, that `known` holds (a set
    or mapping of names, or a test of one), leaving at least `keep` characters after it."""
    is_known = known if callable(known) else known.__contains__
    for k in range(min(max_chars, len(text) - keep), 1, -1):
        if is_known(text[:k]):
            return text[:k]
    return None
