"""Shared test set-up: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FOI_COMPOSER_SHARED", PROJECT.parent / "shared"))


def bench_script(name: str, module_name: str | None = None):
    """A script in bench/ loaded as a module (bench/ on the path, as when it is run), registered
    under `module_name` (default: its own name) so that scripts importing it get this copy."""
    import importlib.util
    import sys

    sys.path.insert(0, str(PROJECT / "bench"))
    spec = importlib.util.spec_from_file_location(module_name or name, PROJECT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name or name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch) -> Path:
    """Point the app's data folder at a fresh temporary one, never the developer's own."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(home))
    return home


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here: these tests read the shared/ folder that comes with the "
                    "project, placed beside the checkout (or named by FOI_COMPOSER_SHARED)")
    return path


def seed_text(number: str) -> str:
    """The text of seed `000`, `001` …, read from ../shared/seeds at run time."""
    folder = shared_file("seeds")
    matches = sorted(folder.glob(f"{number}_*.txt"))
    if not matches:
        pytest.skip(f"seed {number} is not in {folder}")
    return matches[0].read_text("utf-8")


def corpus_cases() -> list[dict]:
    path = shared_file("corpus", "dev.jsonl")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def corpus_case(case_id: str) -> dict:
    """One case of ../shared/corpus/dev.jsonl by its id (skips when the corpus is not here)."""
    return next(c for c in corpus_cases() if c["id"] == case_id)


def listed_corpus_ids() -> list[str]:
    """The corpus case ids listed in tests/corpus_ids.txt: parametrizing over these rather than
    over the corpus itself collects the same tests whether or not ../shared is here."""
    text = (PROJECT / "tests" / "corpus_ids.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
