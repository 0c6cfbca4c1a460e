"""python -m dashboard.check: formats, exit codes and one-line errors."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.check.__main__ import main
from dashboard.check.engine import COLUMNS

TEXT = "China–Russia trade reached $240.11 billion last year, up 26.3%.\n"  # hand-written
REQUIRED = (
    "quote start end indicator economy reporter period value low high unit qualifier "
    "attribution verdict official_value official_unit official_source_id difference_pct reason"
).split()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_csv_has_the_required_columns(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--date", "2024-01-15", str(article)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert set(REQUIRED) <= set(rows[0])
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["indicator"], r["period"], r["verdict"]) for r in rows] == [
        ("trade_total", "2023", "consistent"),
        ("trade_total_yoy", "2023", "approximate"),
    ]
    assert TEXT[int(rows[0]["start"]) : int(rows[0]["end"])] == "$240.11 billion"


def test_json_and_text(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--date", "2024-01-15", "--format", "json", str(article)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["official_source_id"] == "stmt-tass-2024-08-07-trade-2023"
    assert rows[0]["low"] == ""  # NaN is never written as NaN
    assert main(["--date", "2024-01-15", "--format", "text", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "-> consistent" in lines[0]


def test_no_figure_still_exits_zero_and_lists_the_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "none.txt"
    path.write_text("China has 1.4 billion people.", encoding="utf-8")
    assert main([str(path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["text"], r["outcome"], r["indicator"], r["verdict"]) for r in rows] == [
        ("1.4", "not a China–Russia figure", "", "")
    ]


def test_every_number_is_accounted_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(
        "Russia's total foreign trade reached $681 billion in 2023, and trade with China was "
        "$240 billion. Apple sold 230 million phones.",
        encoding="utf-8",
    )
    assert main(["--format", "json", str(path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["text"], r["outcome"]) for r in rows] == [
        ("$681 billion", "found, not checked"),
        ("2023", "not a China–Russia figure"),
        ("$240 billion", "checked"),
        ("230", "not a China–Russia figure"),
    ]
    assert "trade with the world" in rows[0]["reason"]


@pytest.mark.parametrize(
    ("args", "content", "message"),
    [
        (["{missing}"], None, "cannot read"),
        (["{file}"], "   \n", "the text is empty"),
        (["{file}"], b"\xff\xfe\x00bad", "cannot read"),
        (["--date", "2024-13-01", "{file}"], TEXT, "bad date"),
        (["--date", "yesterday", "{file}"], TEXT, "bad date"),
        (["--date", "20240115", "{file}"], TEXT, "bad date"),
        (["--date", "9999-12-31", "{file}"], TEXT, "9999-12-31 is outside 1900-01-01"),
        (["--date", "1899-12-31", "{file}"], TEXT, "1899-12-31 is outside 1900-01-01"),
        (["{dir}"], None, "cannot read"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    content: str | bytes | None,
    message: str,
) -> None:
    path = tmp_path / "in.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    names = {"{missing}": str(tmp_path / "nope.txt"), "{file}": str(path), "{dir}": str(tmp_path)}
    assert main([names.get(a, a) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err
    assert err.count("\n") == 1


def test_stdin_through_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.check", "--format", "text", "-"],
        input="In 2020, Russia's GDP was about $1.46 trillion.",
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "gdp RUS 2020 -> consistent" in done.stdout
    empty = subprocess.run(
        [sys.executable, "-m", "dashboard.check", "-"],
        input="",
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (empty.returncode, empty.stderr) == (2, "error: the text is empty\n")
