"""What an installed copy needs: a version to report, its data found through the package, and
every package it imports declared. (CI also builds the wheel and the standalone app and uses
each from another folder: .ci/run with packaging/try-commands.)"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

import pytest
from conftest import PROJECT

import composer
from composer import cli, paths


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"foi-composer {composer.__version__}"


def test_the_shipped_data_is_found_through_the_package():
    resources = {p.name for p in paths.bundled("resources").iterdir()}
    templates = {p.name for p in paths.bundled("templates").iterdir()}
    assert {"bank.toml", "forces.json", "glossary.toml", "clauses.toml", "foi-composer.png"} <= resources
    assert {"formal.docx", "email.docx"} <= templates
    assert paths.RESOURCES == paths.bundled("resources") and paths.TEMPLATES == paths.bundled("templates")


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _third_party_imports() -> dict[str, str]:
    """Each top-level module the package imports that is not Python's own, with a file that does."""
    found: dict[str, str] = {}
    for path in sorted((PROJECT / "composer").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "composer":
                    found.setdefault(top, str(path.relative_to(PROJECT)))
    return found


def test_every_imported_package_is_declared():
    with open(PROJECT / "pyproject.toml", "rb") as handle:
        requirements = tomllib.load(handle)["project"]["dependencies"]
    declared = {_normalised(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0]) for r in requirements}
    owners = importlib.metadata.packages_distributions()
    undeclared = {
        f"{module} (imported in {where})": sorted(owners.get(module, [module]))
        for module, where in _third_party_imports().items()
        if not {_normalised(d) for d in owners.get(module, [module])} & declared
    }
    assert undeclared == {}, "add these to [project] dependencies in pyproject.toml"
    assert {"docx", "lxml", "markupsafe", "dateutil", "PySide6"} <= set(_third_party_imports())


def test_no_module_finds_data_by_its_own_file_path():
    """Installed, composer/ has no repository around it: shipped data is found with
    paths.bundled(), never from __file__."""
    offenders = [
        str(path.relative_to(PROJECT))
        for path in (PROJECT / "composer").rglob("*.py")
        if "__file__" in path.read_text("utf-8")
    ]
    assert offenders == []
