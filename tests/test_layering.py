"""The walls between the parts: the app never imports the pipeline, the schema imports
neither, and `datasets` is not a Python package."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.schema import paths

PACKAGE = paths.REPO_ROOT / "dashboard"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def _modules(part: str) -> list[Path]:
    return sorted((PACKAGE / part).rglob("*.py")) if part else sorted(PACKAGE.rglob("*.py"))


APP = [p for p in _modules("") if p.relative_to(PACKAGE).parts[0] not in ("etl", "schema")]


@pytest.mark.parametrize("path", APP, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_app_never_imports_the_pipeline(path):
    bad = {n for n in _imports(path) if n == "dashboard.etl" or n.startswith("dashboard.etl.")}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", _modules("schema"), ids=lambda p: p.name)
def test_the_schema_imports_only_itself(path):
    ours = {n for n in _imports(path) if n.startswith("dashboard")}
    assert all(n.startswith("dashboard.schema") for n in ours), f"{path} imports {ours}"


def test_the_walk_sees_the_whole_app():
    names = {str(p.relative_to(PACKAGE)) for p in APP}
    assert {"app.py", "data.py", "charts/encoding.py", "downloads.py"} <= names


def test_datasets_is_not_a_python_package():
    assert not list(paths.DATASETS.rglob("*.py"))


TESTS = paths.REPO_ROOT / "tests"


@pytest.mark.parametrize(
    "path", sorted(TESTS.rglob("*.py")), ids=lambda p: str(p.relative_to(TESTS))
)
def test_no_test_package_imports_another_ones_conftest(path):
    own = ".".join(("tests", *path.relative_to(TESTS).parent.parts, "conftest"))
    conftests = {n for n in _imports(path) if n.endswith(".conftest")}
    assert conftests <= {own}, f"{path} imports {conftests - {own}}"


def test_the_root_conftest_loads_neither_dash_nor_the_app():
    script = "import sys, tests.conftest; print(sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        cwd=paths.REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'dash'" not in loaded and "'plotly'" not in loaded and "'flask'" not in loaded
