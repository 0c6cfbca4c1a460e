"""Dated events, each cited to a source."""

from pathlib import Path

import pandas as pd

from dashboard.build import model
from dashboard.build.raw import check_choice, check_dates, check_known, check_unique, read_table

PRECISIONS = ("day", "month", "year")
CATEGORIES = ("trade", "energy", "finance", "diplomacy", "security")


def read_events(path: Path, source_ids: set[str]) -> pd.DataFrame:
    """Events of one snapshot folder, checked against its sources."""
    table = read_table(path, model.EVENT_COLUMNS)
    check_unique(table, ["event_id"], path)
    check_known(table, "source_id", source_ids, path, "source id")
    check_dates(table, "date", path)
    check_choice(table, "date_precision", PRECISIONS, path)
    check_choice(table, "category", CATEGORIES, path)
    return table[model.EVENT_COLUMNS].reset_index(drop=True)
