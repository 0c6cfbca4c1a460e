"""The products and partners tables equal their raw files cell by cell, and keep their
checks (values non-negative, listed headings within their chapter, absent never zero)."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd

from dashboard.schema import paths, published
from dashboard.schema.vocabulary import PARTNER_ECONOMIES

PUBLISHED = published.load(paths.TIDY)
PRODUCTS = PUBLISHED.tables["products"]
PARTNERS = PUBLISHED.tables["partners"]
BACI = paths.RAW / "baci_products"
LEVELS = {
    "chapter": ("baci_hs2.csv", "hs2"),
    "heading": ("baci_hs4_5musd.csv", "hs4"),
    "hs6": ("baci_hs6_ch27.csv", "hs6"),
}
DIRECTION = {("156", "643"): "CHN→RUS", ("643", "156"): "RUS→CHN"}


def _raw(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _cells() -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """(year, direction, level, code) -> (value, weight) as the published CSV spells them."""
    text = pd.read_csv(
        io.BytesIO(PUBLISHED.files["products.csv"]), dtype=str, keep_default_na=False
    )
    return {
        (r["year"], r["direction"], r["level"], r["code"]): (r["value_kusd"], r["weight_t"])
        for r in text.to_dict("records")
    }


def test_every_raw_cell_is_published_unchanged():
    cells = _cells()
    count = 0
    for level, (filename, column) in LEVELS.items():
        for row in _raw(BACI / filename):
            key = (row["year"], DIRECTION[(row["exporter"], row["importer"])], level, row[column])
            value, weight = cells[key]
            assert Decimal(value) == Decimal(row["value_kusd"]), key
            assert (weight == "") == (row["quantity_t"] == ""), key
            if weight:
                assert Decimal(weight) == Decimal(row["quantity_t"]), key
            count += 1
    assert count == len(cells) == 1315 + 4997 + 268


def test_names_and_sections_come_from_the_names_file():
    names = {(r["level"], r["code"]): r for r in _raw(BACI / "hs_names.csv")}
    sections = {r["code"]: r["name"] for r in names.values() if r["level"] == "section"}
    level_of = {"chapter": "chapter", "heading": "heading", "hs6": "subheading"}
    for row in PRODUCTS.to_dict("records"):
        named = names.get((level_of[row["level"]], row["code"]))
        assert row["name"] == (named["name"] if named else "")
        assert row["section"] == sections[names[("chapter", row["chapter"])]["section_id"]]
        assert row["code"].startswith(row["chapter"])


def test_direction_totals_are_those_the_raw_notes_state():
    """US$ bn per year, as datasets/raw/NEW-SOURCES.md checked them against the extract."""
    chapters = PRODUCTS[PRODUCTS["level"] == "chapter"]
    totals = chapters.groupby(["direction", "year"])["value_kusd"].sum() / 1e6
    assert round(totals[("CHN→RUS", 2023)], 2) == 110.01
    assert round(totals[("RUS→CHN", 2017)], 2) == 42.12
    assert round(totals[("RUS→CHN", 2023)], 2) == 129.00


def test_headings_stay_within_their_chapter_and_nothing_is_negative():
    assert (PRODUCTS["value_kusd"] >= 0).all()
    assert (PRODUCTS["weight_t"].dropna() >= 0).all()
    key = ["year", "direction", "chapter"]
    chapters = PRODUCTS[PRODUCTS["level"] == "chapter"].set_index(key)["value_kusd"]
    for level in ("heading", "hs6"):
        sums = PRODUCTS[PRODUCTS["level"] == level].groupby(key)["value_kusd"].sum()
        assert (sums <= chapters.reindex(sums.index) + 0.01).all()
    assert set(PRODUCTS.loc[PRODUCTS["level"] == "hs6", "chapter"]) == {"27"}
    headings = PRODUCTS[PRODUCTS["level"] == "heading"]
    assert headings["value_kusd"].min() >= 5000  # the trim: US$ 5 m


def test_partner_rows_equal_the_raw_files():
    dots = _raw(paths.RAW / "imf_dots_partners" / "dots_partners.csv")
    rows = PARTNERS[PARTNERS["source_id"] == "imf-dots-partners"]
    assert len(rows) == len(dots)
    kaz = rows[(rows["reporter"] == "CHN") & (rows["partner"] == "KAZ") & (rows["year"] == 2020)]
    assert dict(zip(kaz["flow"], kaz["value"], strict=True)) == {
        "exports": 11.70698856,  # DOTS_40, Exports, FOB, Kazakhstan, Rep. of, 2020: 11706.98856
        "imports": 9.72632159,
    }
    top15 = _raw(paths.RAW / "imf_imts_top15" / "imts_exports_top15.csv")
    listed = [r for r in top15 if r["in_top15"] == "true"]
    imts = PARTNERS[PARTNERS["source_id"] == "imf-imts-top15"]
    # every listed pair between the table's economies, and no row for an absent partner
    assert len(imts) == sum(
        1 for r in listed if {r["reporter"], r["partner"]} <= set(PARTNER_ECONOMIES)
    )
    absent = {(r["reporter"], r["partner"]) for r in top15 if r["in_top15"] == "false"}
    assert absent and not absent & set(zip(imts["reporter"], imts["partner"], strict=True))
    assert (imts["period"] == "latest").all() and imts["year"].isna().all()
