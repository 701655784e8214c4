"""The package's imports go one way: no circle, and no stage imports a stage above it.

Every import is read from the source (top level and inside functions), the
way DESIGN.md's layout lists the stages:
text, records, settings, errors, lexicon < documents < extract < resolve < store < analysis, review, auth
< pipeline < batch < web, cli. `from package import module` is an edge to
that module, not to the package's __init__.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "innoatlas"

# The rank of each top-level part of the package: an import may point to the same or a lower rank.
RANKS = {
    "__init__": 0,
    "__main__": 9,
    "errors": 0,
    "text": 0,
    "records": 0,
    "settings": 0,
    "lexicon": 0,
    "documents": 1,
    "extract": 2,
    "resolve": 3,
    "store": 4,
    "analysis": 5,
    "review": 5,
    "auth": 5,
    "workers": 6,
    "pipeline": 6,
    "batch": 7,
    "web": 8,
    "cli": 8,
}


def module_names() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["innoatlas", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = {f"{target}.{a.name}" for a in node.names} & modules.keys()
            found.update(submodules or {target})
    out = set()
    for target in found:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        if target.startswith("innoatlas") and target != name:
            out.add(target)
    return out


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_part_of_the_package_has_a_rank():
    assert {stage(m) for m in import_graph()} <= RANKS.keys()


def test_no_stage_imports_a_stage_above_it():
    upward = sorted(
        f"{a} -> {b}"
        for a, targets in import_graph().items()
        for b in targets
        if RANKS[stage(b)] > RANKS[stage(a)]
    )
    assert upward == []


def test_there_is_no_import_circle():
    graph = import_graph()
    circles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert circles == []


# Only the store knows its tables: the rest of the package (analysis, web,
# review, auth, ...) sees records, read through store/read and the store's
# review and user modules.
TABLES = "innoatlas.store.schema"


def test_no_module_outside_the_store_imports_the_tables():
    importers = sorted(
        a for a, targets in import_graph().items() if TABLES in targets and stage(a) != "store"
    )
    assert importers == []


# Outside the store a module may hold a session and catch the database's
# errors, but not build a query: it asks store/read and gets records back.
SQL_ALLOWED = {"sqlalchemy.orm": {"Session"}, "sqlalchemy.exc": None}  # None: any name


def sqlalchemy_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "sqlalchemy"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            allowed = SQL_ALLOWED.get(node.module, set())
            found += [
                f"{node.module}.{a.name}" for a in node.names if allowed is not None and a.name not in allowed
            ]
    return found


def test_no_module_outside_the_store_builds_a_query():
    builders = sorted(
        f"{name}: {use}"
        for name, path in module_names().items()
        if stage(name) != "store"
        for use in sqlalchemy_uses(path)
    )
    assert builders == []
