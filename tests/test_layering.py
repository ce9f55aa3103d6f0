"""The import rules of ARCHITECTURE.md, enforced by reading every module's imports.

Function-level (lazy) imports count too: a rule broken lazily is still broken, and a
circle held together by an import inside a function is still a circle.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _modules() -> list[Path]:
    return sorted(p for top in ("app", "printers") for p in (ROOT / top).rglob("*.py")
                  if "migrations/versions" not in p.as_posix())


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _package(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


#: (the modules a rule applies to, forbidden import prefixes, why)
RULES: list[tuple[str, tuple[str, ...], str]] = [
    ("app", ("PySide6", "shiboken6"), "only app/ui imports Qt"),
    ("printers", ("app",), "printers/ is standalone"),
    ("app.domain", ("sqlalchemy", "app.db", "app.services", "app.ui", "app.channels",
                    "app.hardware", "httpx", "serial"), "domain is pure rules"),
    ("app.db", ("app.services", "app.ui", "app.channels", "app.hardware"),
     "db knows only domain"),
    ("app.services", ("app.ui", "app.cli"), "services are below the UI and CLI"),
    ("app.channels", ("app.ui", "app.services", "app.db", "sqlalchemy"),
     "connectors do HTTP only"),
    ("app.carriers", ("app.ui", "app.services", "app.db", "sqlalchemy"),
     "label providers do HTTP only"),
    ("app.hardware", ("app.ui", "app.services", "app.db", "sqlalchemy"),
     "devices are Qt- and DB-free"),
]


def _applies(module: str, scope: str) -> bool:
    if not (module == scope or module.startswith(scope + ".")):
        return False
    # Qt rule: app/ui is the one place allowed to import it.
    return not (scope == "app" and module.startswith("app.ui"))


@pytest.mark.parametrize(("scope", "forbidden", "why"), RULES, ids=[r[0] for r in RULES])
def test_layering(scope: str, forbidden: tuple[str, ...], why: str) -> None:
    broken = []
    for path in _modules():
        module = _package(path)
        if not _applies(module, scope):
            continue
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                broken.append(f"{module} imports {name}")
    assert broken == [], f"{why}: " + "; ".join(sorted(set(broken)))


def test_the_walker_sees_lazy_imports(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from PySide6.QtWidgets import QLabel\n    import httpx\n")
    assert {"PySide6.QtWidgets", "httpx"} <= _imports(sample)


def test_there_is_code_to_check() -> None:
    modules = {_package(p) for p in _modules()}
    assert {"app.domain.states", "app.db.engine", "app.services.orders", "app.cli"} <= modules


def _import_graph(unit_of: Callable[[str], str | None]) -> dict[str, set[str]]:
    """Which unit imports which: ``unit_of`` maps a module to its unit (None: not counted).

    An imported name that is not a module (``from app.services.x import f``) counts as
    the module it comes from.
    """
    modules = {_package(p): p for p in _modules()}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        unit = unit_of(module)
        if unit is None:
            continue
        targets = graph.setdefault(unit, set())
        for name in _imports(path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            target = unit_of(name) if name else None
            if target is not None and target != unit:
                targets.add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _service_module(module: str) -> str | None:
    return module if module == "app.services" or module.startswith("app.services.") else None


def _top_level_unit(module: str) -> str | None:
    """``app.ui``, ``app.services``, …, ``app.cli`` (a top-level module), or ``printers``."""
    parts = module.split(".")
    if parts[0] == "printers":
        return "printers"
    return ".".join(parts[:2]) if parts[0] == "app" else None


def test_no_cycle_among_service_modules() -> None:
    """Use cases build on lower-level services (a queue, a repository of one table), never
    on each other both ways: a circle makes every module of it load all the others and
    breaks as soon as one of its lazy imports is moved to the top."""
    cycles = _cycles(_import_graph(_service_module))
    assert cycles == [], "app/services modules import each other in a circle: " + "; ".join(
        " <-> ".join(c) for c in cycles)


def test_no_cycle_among_app_packages() -> None:
    cycles = _cycles(_import_graph(_top_level_unit))
    assert cycles == [], "packages import each other in a circle: " + "; ".join(
        " <-> ".join(c) for c in cycles)


def test_the_cycle_finder_sees_circles_and_only_them() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"], ["d", "e"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_counts_names_imported_from_a_module() -> None:
    edges = _import_graph(_service_module)["app.services.fulfilment"]
    assert "app.services.ledger" in edges  # from app.services import ledger
    assert "app.services.dto" in edges  # from app.services.dto import TransitionResult


def test_imports_are_absolute() -> None:
    """The walker reads absolute imports only; a relative one would slip past every rule."""
    relative = [
        _package(path) for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level
    ]
    assert relative == []
