"""The planner imports without the database or printing code, and each command loads only what
it uses: neither the planner nor the store imports the other."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("sqlalchemy", "alembic", "reportlab", "streamlit", "store")


def _modules_loaded(code: str) -> set[str]:
    probe = (
        f"{code}\nimport json, sys\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, check=True
    )
    return set(json.loads(result.stdout.decode().splitlines()[-1]))


def test_the_planner_imports_without_the_database_or_the_printing_code():
    loaded = _modules_loaded(
        "import planner.suggest, planner.editing, planner.review, planner.explain, "
        "planner.saved_files, planner.html_copy, planner.document, planner.inputs"
    )
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_suggest_loads_neither_the_database_nor_the_printing_code(tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text('{"stage": 2}')
    loaded = _modules_loaded(
        "import contextlib, io\n"
        "from cli.main import planner_main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert planner_main(['suggest', {str(profile)!r}]) == 0"
    )
    assert not loaded & set(HEAVY) - {"store"}, loaded & set(HEAVY)


def test_no_planner_module_imports_the_store_or_the_command_line():
    for path in (ROOT / "planner").glob("*.py"):
        if path.name == "__main__.py":
            continue  # the entry point of `python -m planner` hands over to cli
        text = path.read_text()
        assert "import store" not in text and "from store" not in text, path.name
        assert "from cli" not in text, path.name


def test_no_store_module_imports_the_command_line():
    for path in (ROOT / "store").rglob("*.py"):
        if path.name == "__main__.py":
            continue
        assert "from cli" not in path.read_text(), path.name
