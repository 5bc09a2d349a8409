"""No import circle among the checker's modules: each can be read knowing only those below it."""

from __future__ import annotations

import ast
from pathlib import Path

import composer.checker

PACKAGE = Path(composer.checker.__file__).parent
NAMES = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}


def _imports(path: Path) -> set[str]:
    """The checker modules `path` imports when it runs (at the top or inside a function; imports
    only for type checking do not count)."""
    tree = ast.parse(path.read_text("utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "composer.checker":
                found.update(a.name for a in node.names if a.name in NAMES)
            elif node.module.startswith("composer.checker."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("composer.checker."))
    return found - {path.stem}


def test_no_import_circle_in_the_checker():
    graph = {name: _imports(PACKAGE / f"{name}.py") for name in NAMES}
    assert graph["engine"], "the graph was read"  # the engine imports the modules below it
    state: dict[str, int] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, "import circle: " + " -> ".join((*path, name))
        state[name] = 1
        for other in sorted(graph[name]):
            visit(other, (*path, name))
        state[name] = 2

    for name in sorted(graph):
        visit(name, ())
