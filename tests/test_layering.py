"""The import rules of ARCHITECTURE.md, enforced by reading every module's imports.

Function-level (lazy) imports count too: a rule broken lazily is still broken.
"""

from __future__ import annotations

import ast
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
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


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
