"""Sums of 12 months against China customs' annual totals: for each year and flow, the
China-reported sum of UN Comtrade's monthly data (derived rows) beside the customs total
stated officially, and the difference in percent. The trade chart's Sources tab shows it;
a test holds every difference within TOLERANCE_PCT (datasets/raw/NEW-SOURCES.md)."""

import pandas as pd

SUM_OF_MONTHS = "derived-sum-of-months"
TOLERANCE_PCT = 1.2
FLOWS = ("trade_total", "trade_cn_exports_to_ru", "trade_cn_imports_from_ru")
COLUMNS = ["indicator", "period", "sum_of_months", "customs", "customs_source_id", "gap_pct"]


def differences(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per flow, year and customs statement: the sum of 12 months (US$ bn), the stated
    total, its source and (sum − stated) / stated × 100, rounded to 2 decimals."""
    obs = observations[observations["indicator"].isin(FLOWS) & (observations["reporter"] == "CHN")]
    annual = obs[obs["frequency"] == "annual"]
    sums = annual[annual["source_id"] == SUM_OF_MONTHS]
    stated = annual[
        (annual["kind"] == "official_statement")
        & (annual["status"] == "reported")
        & ~annual["note"].str.contains("doubtful", case=False)
    ]
    pairs = sums.merge(stated, on=["indicator", "period"], suffixes=("", "_stated"))
    frame = pd.DataFrame(
        {
            "indicator": pairs["indicator"],
            "period": pairs["period"],
            "sum_of_months": pairs["value"],
            "customs": pairs["value_stated"],
            "customs_source_id": pairs["source_id_stated"],
            "gap_pct": ((pairs["value"] - pairs["value_stated"]) / pairs["value_stated"] * 100)
            .astype(float)
            .round(2),
        },
        columns=COLUMNS,
    )
    return frame.sort_values(["period", "indicator", "customs_source_id"]).reset_index(drop=True)
