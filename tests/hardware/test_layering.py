"""app.hardware stays Qt-free and below the services layer (ARCHITECTURE.md, "Layers")."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = ("PySide6", "app.ui", "app.db", "app.services")
PACKAGE = Path(__file__).resolve().parents[2] / "app" / "hardware"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_forbidden_imports() -> None:
    files = list(PACKAGE.rglob("*.py"))
    assert files
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in files
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    }
    assert offenders == set()
