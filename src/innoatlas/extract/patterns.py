"""Pattern files: rules declared as data, loaded, checked and compiled here.

A pattern file is YAML with one list, `patterns`. Each pattern has:

- `name`: unique in its file;
- `predicate`: the relation it states (one of model.PREDICATES), or null
  for a pattern that only frames other rules (the actor of a clause);
- `trigger`: `words` (a list, matched longest first) or `regex` (one
  Python regular expression);
- `arguments`: `subject` and `object` entity types (lists of
  model.ENTITY_TYPES), `order` (subject_first, object_first or either)
  and `side` (where the arguments stand: before, after or around the
  trigger, or inside a name);
- `cues`: optional named sub-patterns the rule also needs (a joining
  word, what may stand between two names), each `words` or `regex` with
  a `reason`;
- `params`: optional named numbers (windows in characters), each with
  a comment in the file on how it was chosen;
- `priority` (0-100) and its one-line `reason`: how the stage ranks the
  pattern against others that bind the same names (each stage says how);
- `examples`: sentences written for the pattern, at least one with
  `expect: [subject, predicate, object]` and one with `absent: [...]`.

The engine does not know what a pattern means: each stage's code runs
its patterns; the examples are checked by the tests of that stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from innoatlas.errors import DataFileError
from innoatlas.extract.model import ENTITY_TYPES, PREDICATES

ORDERS = ("subject_first", "object_first", "either")
SIDES = ("before", "after", "around", "name")
_KEYS = {"name", "predicate", "trigger", "arguments", "cues", "params", "priority", "reason", "examples"}


@dataclass(frozen=True)
class Example:
    text: str
    expect: tuple[str, str, str] | None = None  # a relation the text must give
    absent: tuple[str, str, str] | None = None  # a relation it must not give


@dataclass(frozen=True)
class Pattern:
    name: str
    predicate: str | None
    trigger: re.Pattern
    subject_types: frozenset[str]
    object_types: frozenset[str]
    order: str
    side: str
    priority: int
    reason: str
    cues: dict[str, re.Pattern] = field(default_factory=dict)
    params: dict[str, int] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()

    def cue(self, name: str) -> re.Pattern:
        return self.cues[name]


def load_pattern_file(package: str, filename: str) -> dict[str, Pattern]:
    """The patterns of a file in a package, by name; DataFileError names the file and the pattern."""
    source = f"{package.replace('.', '/')}/{filename}"
    text = (resources.files(package) / filename).read_text("utf-8")
    return parse_patterns(text, source)


@cache
def cached_pattern_file(package: str, filename: str) -> dict[str, Pattern]:
    return load_pattern_file(package, filename)


def parse_patterns(text: str, source: str) -> dict[str, Pattern]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise DataFileError(source, f"not valid YAML: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise DataFileError(source, "expected a list under 'patterns'")
    out: dict[str, Pattern] = {}
    for i, raw in enumerate(data["patterns"]):
        name = raw.get("name") if isinstance(raw, dict) else None
        label = f"pattern {name!r}" if name else f"pattern #{i + 1}"
        if not isinstance(raw, dict) or not name:
            raise DataFileError(source, f"{label}: has no name")
        if name in out:
            raise DataFileError(source, f"{label}: the name is used twice")
        try:
            out[name] = _compile(raw)
        except ValueError as e:
            raise DataFileError(source, f"{label}: {e}") from None
    return out


def _compile(raw: dict) -> Pattern:
    unknown = set(raw) - _KEYS
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r}")
    predicate = raw.get("predicate")
    if predicate is not None and predicate not in PREDICATES:
        raise ValueError(f"predicate {predicate!r} is not one of {', '.join(PREDICATES)}")
    args = raw.get("arguments") or {}
    order, side = args.get("order", "either"), args.get("side", "around")
    if order not in ORDERS:
        raise ValueError(f"order {order!r} is not one of {', '.join(ORDERS)}")
    if side not in SIDES:
        raise ValueError(f"side {side!r} is not one of {', '.join(SIDES)}")
    priority = raw.get("priority")
    if not isinstance(priority, int) or not 0 <= priority <= 100:
        raise ValueError("priority must be a whole number from 0 to 100")
    if not str(raw.get("reason") or "").strip():
        raise ValueError("priority has no reason")
    cues = {}
    for key, spec in (raw.get("cues") or {}).items():
        if not str((spec or {}).get("reason") or "").strip():
            raise ValueError(f"cue {key!r} has no reason")
        cues[key] = _matcher(spec, f"cue {key!r}")
    params = raw.get("params") or {}
    if not all(isinstance(v, int) for v in params.values()):
        raise ValueError("params must be whole numbers")
    return Pattern(
        name=raw["name"],
        predicate=predicate,
        trigger=_matcher(raw.get("trigger"), "trigger"),
        subject_types=_types(args.get("subject"), "subject"),
        object_types=_types(args.get("object"), "object"),
        order=order,
        side=side,
        priority=priority,
        reason=raw["reason"].strip(),
        cues=cues,
        params=dict(params),
        examples=_examples(raw.get("examples"), predicate),
    )


def _matcher(spec, what: str) -> re.Pattern:
    """`words` (longest first, so 龙头企业 wins over 龙头) or `regex`."""
    if not isinstance(spec, dict) or ("words" in spec) == ("regex" in spec):
        raise ValueError(f"{what} needs either 'words' or 'regex'")
    if "words" in spec:
        words = spec["words"]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise ValueError(f"{what}: 'words' must be a list of words")
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    try:
        return re.compile(spec["regex"])
    except (re.error, TypeError) as e:
        raise ValueError(f"{what}: bad regex: {e}") from None


def _types(value, what: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(v in ENTITY_TYPES for v in value):
        raise ValueError(f"{what} types must be a list of {', '.join(ENTITY_TYPES)}")
    return frozenset(value)


def _examples(raw, predicate: str | None) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise ValueError("has no examples")
    out = []
    for ex in raw:
        if not isinstance(ex, dict) or not str(ex.get("text") or "").strip():
            raise ValueError("an example has no text")
        expect, absent = ex.get("expect"), ex.get("absent")
        for triple in (expect, absent):
            if triple is not None and (not isinstance(triple, list) or len(triple) != 3):
                raise ValueError(f"example {ex['text'][:20]!r}: a relation is [subject, predicate, object]")
        if (expect is None) == (absent is None):
            raise ValueError(f"example {ex['text'][:20]!r}: give one of 'expect' or 'absent'")
        out.append(Example(ex["text"], tuple(expect) if expect else None, tuple(absent) if absent else None))
    if not any(e.expect for e in out) or not any(e.absent for e in out):
        raise ValueError("needs at least one positive (expect) and one negative (absent) example")
    if predicate and not any(e.expect and e.expect[1] == predicate for e in out):
        raise ValueError(f"no positive example states {predicate}")
    return tuple(out)
