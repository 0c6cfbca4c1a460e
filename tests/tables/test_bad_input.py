"""Bad raw input: `make data` refuses it with one line naming the file (and line and field where
there is one), and every published file stays byte for byte as it was.

Most cases edit a file and then record its new checksum (`rehash`), as a maintainer would after
a deliberate edit, so that the check behind the checksum is exercised; the checksum cases do not.
"""

import csv
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dashboard.etl.__main__ import main
from dashboard.schema import paths

Rows = list[dict[str, str]]
GDP = "wb_wdi/ny.gdp.mktp.cd.csv"
DOTS = "imf_dots/dots_china_russia.csv"
CLAIMS = "articles/claims.csv"
PASSAGES = "articles/passages.csv"
VALUES = "statements/values.csv"
STATEMENT_SOURCES = "statements/sources.csv"
WEO = "imf_weo/weo_2025oct_chn_rus.csv"
POPULATION = "wb_wdi_macro/sp.pop.totl.csv"
PANEL = "ei_2025/panel_gas_oil.csv"
REHASHED = (
    *("wb_wdi", "imf_dots", "articles", "statements", "imf_weo", "wb_wdi_macro", "ei_2025"),
    *("baci_products", "imf_dots_partners", "imf_imts_top15"),
)
HS2 = "baci_products/baci_hs2.csv"
HS4 = "baci_products/baci_hs4_5musd.csv"
PARTNER_DOTS = "imf_dots_partners/dots_partners.csv"
TOP15 = "imf_imts_top15/imts_exports_top15.csv"
CRUDE_2017 = {"year": "2017", "exporter": "643", "hs4": "2709"}


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """A copy of the raw snapshot and the tables published from it."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(paths.RAW, root / "raw")
    assert main(["build", "--raw", str(root / "raw"), "--out", str(root / "tidy")]) == 0
    return root, _files(root / "tidy")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _rows(path: Path) -> tuple[list[str], Rows]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: Rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@dataclass(frozen=True)
class Edit:
    """A change to one raw file, named by its path in the raw folder."""

    file: str
    change: Callable[[Path], object]  # given the file's path

    def __call__(self, raw: Path) -> None:
        self.change(raw / self.file)


def set_cell(file: str, line: int, field: str, value: str) -> Edit:
    """Change one cell (line numbers as in the file: line 2 is the first row)."""

    def change(path: Path) -> None:
        fields, rows = _rows(path)
        rows[line - 2][field] = value
        _write(path, fields, rows)

    return Edit(file, change)


def where(file: str, match: dict[str, str], field: str, value: str, **more: str) -> Edit:
    """Change one cell (and any `more` cells) of the first row whose cells match."""

    def change(path: Path) -> None:
        fields, rows = _rows(path)
        row = next(r for r in rows if all(r[k] == v for k, v in match.items()))
        row |= {field: value, **more}
        _write(path, fields, rows)

    return Edit(file, change)


def raw_bytes(file: str, change: Callable[[bytes], bytes]) -> Edit:
    return Edit(file, lambda path: path.write_bytes(change(path.read_bytes())))


def drop_column(file: str, column: str) -> Edit:
    def change(path: Path) -> None:
        fields, rows = _rows(path)
        _write(
            path,
            [f for f in fields if f != column],
            [{k: v for k, v in r.items() if k != column} for r in rows],
        )

    return Edit(file, change)


def origin(folder: str, change: Callable[[dict[str, Any]], None]) -> Edit:
    def edit(path: Path) -> None:
        record = json.loads(path.read_text(encoding="utf-8"))
        change(record)
        path.write_text(json.dumps(record, indent=2), encoding="utf-8")

    return Edit(f"{folder}/origin.json", edit)


def _cut(data: bytes) -> bytes:
    """The file cut in the middle of a line (as a broken download leaves it)."""
    end = data.index(b"Russian Federation,RUS,2005,") + len(b"Russian Federation,RUS,2005,") + 3
    return data[:end]


def _cut_halfway(data: bytes) -> bytes:
    """The file cut a few bytes into a line half way through."""
    return data[: data.index(b"\n", len(data) // 2) + 5]


def _doubled(data: bytes) -> bytes:
    """The file with its last row given twice."""
    return data + data.splitlines(keepends=True)[-1]


def _untiered(record: dict[str, Any]) -> None:
    """An origin.json without its trust tier (top level and file)."""
    record.pop("trust_tier")
    record["files"][0].pop("trust_tier")


def _link(path: Path) -> None:
    """The file moved outside the folder and a symbolic link left in its place."""
    outside = path.parent.parent.parent / "outside.csv"
    path.rename(outside)
    path.symlink_to(outside)


RUS_2005 = {"Country Code": "RUS", "Year": "2005"}
WEO_RUS_2010 = {"COUNTRY.ID": "RUS", "Ano": "2010"}
CHN_GAS_2020 = {"iso3": "CHN", "year": "2020", "variable": "gasprod_bcm"}
GAS_IMPORTS = "ei_2024/china_gas_imports.csv"

# name: (edit, text the error's first line holds). The error names the edited file; the edit's
# checksum is recorded first, as a maintainer would after a deliberate edit.
NAMED: dict[str, tuple[Edit, str]] = {
    "file cut mid-line, checksum updated": (raw_bytes(GDP, _cut), "ends in the middle of a line"),
    "row with a field missing": (
        raw_bytes(
            GDP,
            lambda d: d.replace(b"Russian Federation,RUS,2005,", b"Russian Federation,2005,", 1),
        ),
        "3 fields where the header has 4",
    ),
    "NaN text": (where(GDP, RUS_2005, "Value", "NaN"), "field 'Value': not a number: 'NaN'"),
    "Infinity text": (
        set_cell(DOTS, 5, "value_usd_millions", "Infinity"),
        "not a number: 'Infinity'",
    ),
    "non-numeric value": (
        set_cell(CLAIMS, 3, "value", "thirty"),
        "line 3, field 'value': not a number: 'thirty'",
    ),
    "empty file": (raw_bytes(DOTS, lambda d: b""), "file is empty"),
    "wrong encoding": (
        raw_bytes(PASSAGES, lambda d: d.decode("utf-8").encode("utf-16")),
        "not UTF-8 text",
    ),
    "missing column": (drop_column(CLAIMS, "unit"), "missing column(s) unit"),
    "unknown source id": (
        set_cell(CLAIMS, 4, "source_id", "nowhere"),
        "line 4, field 'source_id': unknown source id 'nowhere'",
    ),
    "duplicate key": (
        raw_bytes(
            CLAIMS,
            lambda d: (
                d + d.splitlines(keepends=True)[1].replace(b"wang2021-gas-capacity,", b"copy,", 1)
            ),
        ),
        "duplicate key (source_id, indicator, economy, reporter, period)",
    ),
    "unit mismatch": (
        set_cell(CLAIMS, 2, "unit", "USD bn"),
        "line 2, field 'unit': unit 'USD bn' does not match 'bcm/yr'",
    ),
    "qualifier outside the vocabulary": (
        set_cell(CLAIMS, 2, "qualifier", "roughly"),
        "field 'qualifier': 'roughly' is not one of",
    ),
    "date not ISO": (set_cell(VALUES, 2, "period_start", "1/1/2015"), "not an ISO date"),
    "value_text disagrees with value": (
        set_cell(CLAIMS, 2, "value", "39"),
        "disagrees with value_text",
    ),
    "range around a value outside it": (
        where(VALUES, {"qualifier": "exact"}, "value_low", "1"),
        "value_low and value_high are given together",
    ),
    "value_text inside a longer number": (
        where(VALUES, {"value_text": "$110.75 billion"}, "value", "11", value_text="$11"),
        "does not stand in the quote as whole words",
    ),
    "value_text leaving out its scale word": (
        where(CLAIMS, {"value_text": "$14.8 trillion"}, "value", "14.8", value_text="$14.8"),
        "does not stand in the quote as whole words",
    ),
    "country code in lower case": (
        where(GDP, RUS_2005, "Country Code", "rus"),
        "field 'Country Code': unknown country code 'rus'",
    ),
    "unicode digits": (where(GDP, RUS_2005, "Value", "７６４"), "not a number"),
    "year out of range": (where(GDP, RUS_2005, "Year", "-2005"), "year -2005 outside"),
    "year too long": (where(GDP, RUS_2005, "Year", "9" * 23), "not a whole number"),
    "column named twice": (
        raw_bytes(GDP, lambda d: d.replace(b"Year,Value", b"Year,Value,Value", 1)),
        "column(s) named twice: Value",
    ),
    "IMF WEO cut mid-line, checksum updated": (
        raw_bytes(WEO, _cut_halfway),
        "ends in the middle of a line",
    ),
    "IMF WEO NaN": (where(WEO, WEO_RUS_2010, "gdp_per_capita", "NaN"), "'NaN'"),
    "IMF WEO year given twice": (raw_bytes(WEO, _doubled), "duplicate key"),
    "WDI population NaN": (where(POPULATION, RUS_2005, "Value", "NaN"), "NaN"),
    "WDI population year given twice": (
        raw_bytes(POPULATION, _doubled),
        "duplicate key (Country Code, Year)",
    ),
    "EI panel cut mid-line": (raw_bytes(PANEL, _cut_halfway), "middle of a line"),
    "EI panel NaN": (where(PANEL, CHN_GAS_2020, "value", "NaN"), "'NaN'"),
    "EI panel row given twice": (
        raw_bytes(PANEL, _doubled),
        "duplicate key (iso3, year, variable)",
    ),
    "EI panel variable unknown": (
        where(PANEL, CHN_GAS_2020, "variable", "gasprod_tcf"),
        "field 'variable': 'gasprod_tcf' is not one of",
    ),
    "statement tier outside the vocabulary": (
        set_cell(STATEMENT_SOURCES, 2, "tier", "trusted"),
        "field 'tier': 'trusted' is not one of",
    ),
    "BACI file cut mid-line, checksum updated": (
        raw_bytes(HS4, lambda d: d[: d.index(b"2017,643,156,2709,") + 22]),
        "ends in the middle of a line",
    ),
    "BACI value NaN": (where(HS4, CRUDE_2017, "value_kusd", "NaN"), "not a number"),
    "BACI heading given twice": (
        raw_bytes(HS4, lambda d: d + d.splitlines(keepends=True)[1]),
        "duplicate key (year, exporter, importer, hs4) = 2017 / 156 / 643 / 0303",
    ),
    "BACI chapter without a name": (
        where(HS2, {"year": "2017", "hs2": "01"}, "hs2", "00"),
        "chapter 00 not in hs_names.csv",
    ),
    "BACI code of the wrong length": (
        where(HS4, CRUDE_2017, "hs4", "270"),
        "not a 4-digit HS code: '270'",
    ),
    "DOTS partner value NaN": (
        set_cell(PARTNER_DOTS, 73, "value_usd_millions", "nan"),
        "not a number",
    ),
    "DOTS partner unknown": (
        set_cell(PARTNER_DOTS, 73, "partner", "Kyrgyzstan"),
        "unknown partner 'Kyrgyzstan'",
    ),
    "IMTS partner outside the top 15 given a value": (
        where(TOP15, {"reporter": "KGZ", "partner": "CHN"}, "exports_fob_usd", "0"),
        "in_top15 disagrees with rank/value",
    ),
}
# The same, for an error that names no file: a value or sum the build checks in its tables.
UNNAMED: dict[str, tuple[Edit, str]] = {
    "negative GDP": (where(GDP, RUS_2005, "Value", "-764015973481.11"), "implausible value"),
    "GDP a thousand times too large": (
        where(GDP, RUS_2005, "Value", "764015973481110"),
        "implausible",
    ),
    "negative trade": (
        set_cell(DOTS, 5, "value_usd_millions", "-1693.113"),
        "implausible value",
    ),
    "trade of 1e12": (set_cell(DOTS, 5, "value_usd_millions", "1e12"), "implausible value"),
    "GDP jumps tenfold in one year": (
        where(GDP, RUS_2005, "Value", "7640159734811.1"),
        "implausible move in gdp RUS",
    ),
    "zero GDP": (where(GDP, RUS_2005, "Value", "0"), "implausible value 0 USD bn for gdp"),
    "minus zero GDP": (where(GDP, RUS_2005, "Value", "-0"), "implausible value"),
    "IMF WEO GDP a thousand times too large": (
        where(WEO, WEO_RUS_2010, "gdp", "1524917000000000.0"),
        "implausible value 1.52492e+06 USD bn for gdp RUS 2010 (source imf-weo-2025-10)",
    ),
    "IMF WEO growth of 95 %": (
        where(WEO, WEO_RUS_2010, "growth_pct", "95"),
        "implausible value 95 percent for gdp_real_growth",
    ),
    "WDI population a thousand times too large": (
        where(POPULATION, RUS_2005, "Value", "143518814000"),
        "implausible value 143519 million people for population RUS 2005",
    ),
    "EI gas production jumps fiftyfold": (
        where(PANEL, CHN_GAS_2020, "value", "9700"),
        "implausible value 9700 bcm for gas_cn_production",
    ),
    "EI panel negative production": (
        where(PANEL, CHN_GAS_2020, "value", "-194"),
        "implausible value -194 bcm for gas_cn_production",
    ),
    "BACI negative value": (
        where(HS4, CRUDE_2017, "value_kusd", "-1"),
        "products: negative value or weight for RUS→CHN 2017 heading 2709",
    ),
    "BACI headings above their chapter": (
        where(HS4, CRUDE_2017, "value_kusd", "99999999999"),
        "products: heading rows of chapter 27 (RUS→CHN 2017) sum to",
    ),
    "DOTS partner value in dollars, not millions": (
        set_cell(PARTNER_DOTS, 73, "value_usd_millions", "865923000000"),
        "partners: implausible value 8.65923e+08 USD bn for CHN exports KGZ 2005",
    ),
}
# The error names the edited file; checksums stay as they were (a broken download, a file added
# or removed, an edit of origin.json itself).
NOT_REHASHED: dict[str, tuple[Edit, str]] = {
    "file cut mid-line, checksum not updated": (raw_bytes(GDP, _cut), "SHA-256"),
    "one digit changed": (
        raw_bytes(GDP, lambda d: d.replace(b"RUS,2005,764", b"RUS,2005,964", 1)),
        "differs from",
    ),
    "source id typo in origin.json": (
        origin("wb_wdi", lambda o: o["files"][0].update(source_id="wb-wdi-ny-gdp-mktp-cdd")),
        "source id 'wb-wdi-ny-gdp-mktp-cdd' for ny.gdp.mktp.cd.csv is not one of",
    ),
    "origin.json not JSON": (raw_bytes("bp_2019/origin.json", lambda d: d[:-5]), "not valid JSON"),
    "stray file in a raw folder": (
        Edit("ei_2024/extra.csv", lambda path: path.write_bytes(b"a,b\n")),
        "not listed in",
    ),
    "missing file": (Edit(GAS_IMPORTS, Path.unlink), "not found as a plain file"),
    "origin.json an empty list": (
        raw_bytes("wb_wdi/origin.json", lambda d: b"[]"),
        "not a JSON object",
    ),
    "origin.json nested too deeply": (
        raw_bytes("wb_wdi/origin.json", lambda d: b"[" * 100_000),
        "not valid JSON",
    ),
    "licence as a string": (
        origin("wb_wdi", lambda o: o.update(license="CC")),
        "'license' is not an object",
    ),
    "checksum as a number": (
        origin("wb_wdi", lambda o: o["files"][0].update(sha256=5)),
        "no valid sha256 recorded",
    ),
    "indicator code that is not the file's": (
        origin("wb_wdi", lambda o: o["files"][0].update(indicator_code="XX")),
        "source id 'wb-wdi-ny-gdp-mktp-cd' for ny.gdp.mktp.cd.csv is not one of ['wb-wdi-xx']",
    ),
    "review row feeding an indicator in another unit": (
        origin(
            "ei_2024",
            lambda o: o["files"][0]["series"].update({"China LNG imports": "gas_pos_capacity"}),
        ),
        "series 'China LNG imports' feeds 'gas_pos_capacity', not one in bcm",
    ),
    "series feeding an unknown indicator": (
        origin("wb_wdi", lambda o: o["files"][0].update(indicator="gdp_typo")),
        "ny.gdp.mktp.cd.csv: indicator 'gdp_typo' is not one in US$",
    ),
    "file listed twice": (
        origin("wb_wdi", lambda o: o["files"].append(dict(o["files"][0]))),
        "file(s) listed twice: ny.gdp.mktp.cd.csv",
    ),
    "path outside the folder": (
        origin("ei_2024", lambda o: o["files"][0].update(path="../bp_2019/china_gas_2018.csv")),
        "is not a plain file name in this folder",
    ),
    "row count differs": (
        origin("ei_2024", lambda o: o["files"][0].update(rows=3)),
        "rows 3 differs from the file",
    ),
    "key given twice in origin.json": (
        raw_bytes("bp_2019/origin.json", lambda d: d.replace(b"{", b'{"kind": "x",', 1)),
        "key(s) given twice: kind",
    ),
    "IMF WEO cut mid-line, checksum not updated": (raw_bytes(WEO, _cut_halfway), "SHA-256"),
    "IMF WEO without the first projection year": (
        origin("imf_weo", lambda o: o.pop("projection_from")),
        "no whole-number projection_from",
    ),
    "WDI population cut mid-line": (raw_bytes(POPULATION, _cut_halfway), "SHA-256"),
    "WDI macro series feeding an indicator in another unit": (
        origin("wb_wdi_macro", lambda o: o["files"][0].update(indicator="gas_cn_production")),
        "indicator 'gas_cn_production' is not one in one of",
    ),
    "BACI value changed, checksum not updated": (
        raw_bytes(
            HS2, lambda d: d.replace(b"2017,643,156,27,27238827.369", b"2017,643,156,27,9", 1)
        ),
        "differs from",
    ),
    "raw file replaced by a link": (Edit(GAS_IMPORTS, _link), "not found as a plain file"),
}
# name: (edit, rehash after the edit, file named in the error, expected text)
CASES: dict[str, tuple[Edit, bool, str, str]] = {
    **{name: (edit, True, edit.file, text) for name, (edit, text) in NAMED.items()},
    **{name: (edit, True, "", text) for name, (edit, text) in UNNAMED.items()},
    **{name: (edit, False, edit.file, text) for name, (edit, text) in NOT_REHASHED.items()},
    # the passage edited, the claim that quotes it named
    "quote no longer holds its figure": (
        where(PASSAGES, {"source_id": "wang2021-pos"}, "quote", "It opened in December 2019."),
        True,
        CLAIMS,
        "does not stand in the quote",
    ),
    # a build-wide check of the sources table
    "source without a tier": (
        origin("ei_2025", _untiered),
        False,
        "",
        "table sources is invalid: column tier",
    ),
}


@pytest.mark.parametrize(
    "content",
    [b"not json", b"{}", b'{"files": [{"path": "../x"}]}', b'{"files": [{"path": "gone.csv"}]}'],
)
def test_rehash_refuses_bad_origins_in_one_line(tmp_path, capsys, content):
    (tmp_path / "origin.json").write_bytes(content)
    assert main(["rehash", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert str(tmp_path / "origin.json") in err and "Traceback" not in err
    assert len(err.splitlines()) == 2
    assert (tmp_path / "origin.json").read_bytes() == content


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_named_and_changes_nothing(good, tmp_path, capsys, case):
    root, before = good
    raw, tidy = tmp_path / "raw", tmp_path / "tidy"
    shutil.copytree(root / "raw", raw)
    shutil.copytree(root / "tidy", tidy)
    edit, rehash, file, message = CASES[case]
    edit(raw)
    if rehash:
        for folder in REHASHED:
            main(["rehash", str(raw / folder)])
    capsys.readouterr()
    assert main(["build", "--raw", str(raw), "--out", str(tidy)]) == 1
    error = capsys.readouterr().err
    first = error.splitlines()[0]
    assert message in first, error
    if file:
        assert str(raw / file) in first, error
    assert "Traceback" not in error and len(error.splitlines()) == 2
    assert _files(tidy) == before
