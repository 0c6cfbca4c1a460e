"""Bad input gets an error naming file, line and field, and the tidy tables stay as they were."""

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from dashboard.build.__main__ import main

from dashboard.schema import paths

Rows = list[dict[str, str]]


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """A copy of the raw snapshot and the tables built from it."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(paths.RAW, root / "raw")
    assert main(["--raw", str(root / "raw"), "--out", str(root / "tidy")]) == 0
    return root, {p.name: p.read_bytes() for p in (root / "tidy").iterdir()}


def _edit(path: Path, change: Callable[[Rows], Rows], drop: str | None = None) -> None:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    fields = [f for f in rows[0] if f != drop]
    rows = change([{k: v for k, v in r.items() if k != drop} for r in rows])
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _set(line: int, field: str, value: str) -> Callable[[Rows], Rows]:
    def change(rows: Rows) -> Rows:
        rows[line - 2][field] = value
        return rows

    return change


CLAIMS = "articles/claims.csv"
GDP = "wb_wdi/ny.gdp.mktp.cd.csv"
CASES = {
    "missing column": (CLAIMS, lambda r: r, "unit", "missing column(s): unit"),
    "non-numeric value": (
        CLAIMS,
        _set(3, "value", "thirty"),
        None,
        "line 3, field 'value': not a number: 'thirty'",
    ),
    "non-numeric official value": (
        GDP,
        _set(5, "Value", "n/a"),
        None,
        "line 5, field 'Value': not a number: 'n/a'",
    ),
    "unknown source id": (
        CLAIMS,
        _set(4, "source_id", "nowhere"),
        None,
        "line 4, field 'source_id': unknown source id 'nowhere'",
    ),
    "duplicate key": (
        CLAIMS,
        lambda r: [*r, dict(r[0], claim_id="copy")],
        None,
        "duplicate key (source_id, indicator, economy, reporter, period)",
    ),
    "unit mismatch": (
        CLAIMS,
        _set(2, "unit", "USD bn"),
        None,
        "line 2, field 'unit': unit 'USD bn' does not match 'bcm/yr'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_named_and_changes_nothing(good, tmp_path, capsys, case):
    root, before = good
    raw, tidy = tmp_path / "raw", tmp_path / "tidy"
    shutil.copytree(root / "raw", raw)
    shutil.copytree(root / "tidy", tidy)
    file, change, drop, message = CASES[case]
    _edit(raw / file, change, drop)
    assert main(["--raw", str(raw), "--out", str(tidy)]) == 1
    error = capsys.readouterr().err
    assert str(raw / file) in error
    assert message in error
    assert {p.name: p.read_bytes() for p in tidy.iterdir()} == before


def test_missing_file_is_named(good, tmp_path, capsys):
    root, before = good
    raw, tidy = tmp_path / "raw", tmp_path / "tidy"
    shutil.copytree(root / "raw", raw)
    shutil.copytree(root / "tidy", tidy)
    (raw / "ei_2024" / "china_gas_imports.csv").unlink()
    assert main(["--raw", str(raw), "--out", str(tidy)]) == 1
    assert "china_gas_imports.csv: file not found" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in tidy.iterdir()} == before
