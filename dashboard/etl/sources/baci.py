"""CEPII BACI: Russia–China trade by HS product, both directions, 2017–2023 (the products
table).

Raw layout: datasets/raw/baci_products/ — baci_hs2.csv (every chapter), baci_hs4_5musd.csv
(headings of at least US$ 5 m per year and direction), baci_hs6_ch27.csv (6-digit rows of
chapter 27), columns year, exporter, importer (ISO numeric 156/643), code, value_kusd
(thousand US$, FOB), quantity_t (t); hs_names.csv (section, chapter, heading, subheading
names).
"""

from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import caveated_sources, read_csv, read_origin, records, source_of
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, PRODUCTS, Field, N, S, raw_table, text_fields

NAME = "baci"
FOLDER = "baci_products"
SHIPPED = True
NAMES_FILE = "hs_names.csv"
NAMES_SOURCE = "baci-hs-names"
COUNTRIES = {"156": "CHN", "643": "RUS"}
# product level -> (file, code column, code length, source id, level in hs_names.csv)
LEVELS = {
    "chapter": ("baci_hs2.csv", "hs2", 2, "baci-hs17-ru-cn-hs2", "chapter"),
    "heading": ("baci_hs4_5musd.csv", "hs4", 4, "baci-hs17-ru-cn-hs4", "heading"),
    "hs6": ("baci_hs6_ch27.csv", "hs6", 6, "baci-hs17-ru-cn-hs6-ch27", "subheading"),
}
HS6_CHAPTER = "27"  # the only chapter shipped at 6 digits


def _values_layout(filename: str, code: str) -> Any:
    return raw_table(
        filename.removesuffix(".csv"),
        filename,
        (
            Field("year", INT, "year"),
            *text_fields("exporter", "importer", code),
            Field("value_kusd", N, "thousand US$"),
            Field("quantity_t", N, "metric tons", required=False),
        ),
        ("year", "exporter", "importer", code),
    )


RAW_NAMES = raw_table(
    "hs_names",
    NAMES_FILE,
    (
        Field("level", S, "level", enum=("section", "chapter", "heading", "subheading")),
        Field("code", S, "code"),
        Field("name", S, "name", required=False),
        Field("section_id", S, "section_id", required=False),
        Field("name_from", S, "name_from", enum=("oec", "atlas_hs12", "missing")),
    ),
    ("level", "code"),
)
RAW_VALUES = {level: _values_layout(f, c) for level, (f, c, *_) in LEVELS.items()}


def build(folder: Path, context: Context) -> StepOutput:
    """Every product row, named and placed in its chapter and section."""
    origin = read_origin(folder)
    source_of(origin, folder, NAMES_FILE, {NAMES_SOURCE})
    names = read_csv(folder / NAMES_FILE, RAW_NAMES)
    named = {(r["level"], r["code"]): r for _, r in records(names)}
    rows = [row for level in LEVELS for row in _rows(folder, origin, level, named)]
    return StepOutput(
        frames.observations([]),
        frames.sources(caveated_sources(origin)),
        products=pd.DataFrame(rows, columns=PRODUCTS.columns),
    )


def _rows(
    folder: Path, origin: dict[str, Any], level: str, named: dict[tuple[str, str], Any]
) -> list[dict[str, Any]]:
    filename, column, length, source, names_level = LEVELS[level]
    path = folder / filename
    source_id = source_of(origin, folder, filename, {source})
    out = []
    for line, row in records(read_csv(path, RAW_VALUES[level])):
        pair = (row["exporter"], row["importer"])
        if not set(pair) <= set(COUNTRIES) or pair[0] == pair[1]:
            raise InputError(path, f"unknown exporter/importer pair {pair}", line, "exporter")
        code = row[column]
        if len(code) != length or not code.isdigit():
            raise InputError(path, f"not a {length}-digit HS code: {code!r}", line, column)
        chapter = code[:2]
        if level == "hs6" and chapter != HS6_CHAPTER:
            raise InputError(path, f"6-digit code outside chapter 27: {code}", line, column)
        if ("chapter", chapter) not in named:
            raise InputError(path, f"chapter {chapter} not in {NAMES_FILE}", line, column)
        section_id = named[("chapter", chapter)]["section_id"]
        if ("section", section_id) not in named:
            raise InputError(
                folder / NAMES_FILE, f"section {section_id!r} of chapter {chapter} unknown"
            )
        name = named.get((names_level, code), {}).get("name", "")
        out.append(
            {
                "year": row["year"],
                "direction": f"{COUNTRIES[pair[0]]}→{COUNTRIES[pair[1]]}",
                "level": level,
                "code": code,
                "name": name,
                "chapter": chapter,
                "section": named[("section", section_id)]["name"],
                "value_kusd": row["value_kusd"],
                "weight_t": row["quantity_t"],
                "source_id": source_id,
            }
        )
    return out
