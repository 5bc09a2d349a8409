"""The core never imports Qt: checked by import-linter's contracts in pyproject.toml, and by a
direct scan so that a new core module cannot slip outside the contract's list."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import PROJECT

QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|composer\.ui)\b", re.MULTILINE)


def test_no_core_module_imports_qt():
    offenders = [
        str(path.relative_to(PROJECT))
        for path in (PROJECT / "composer").rglob("*.py")
        if "ui" not in path.relative_to(PROJECT / "composer").parts[:1]
        and path.name != "gui.py"
        and QT_IMPORT.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports", path=str(__import__("pathlib").Path(sys.executable).parent))
    exe = exe or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency: pip install -e '.[test]'"
    result = subprocess.run([exe], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, composer.cli, composer.library, composer.forces, composer.outline;"
        "composer.cli.build_parser();"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _contracts() -> list[dict]:
    import tomllib

    return tomllib.loads((PROJECT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]


def _top_level_modules() -> set[str]:
    root = PROJECT / "composer"
    return {p.stem for p in root.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def test_the_qt_free_contract_names_every_core_module():
    [qt_free] = [c for c in _contracts() if c["type"] == "forbidden"]
    named = {m.removeprefix("composer.") for m in qt_free["source_modules"]}
    assert _top_level_modules() - {"ui"} - named == set()


def test_the_layers_contract_places_every_module():
    [layers] = [c for c in _contracts() if c["type"] == "layers"]
    placed = {m.strip() for layer in layers["layers"] for m in re.split(r"[|:]", layer)}
    assert _top_level_modules() - placed - set(layers.get("exhaustive_ignores", [])) == set()
