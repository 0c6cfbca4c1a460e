"""Derived values: sums, reporter gaps, shares and ratios, each naming its inputs and method.

Sums and differences are exact in decimal (at the precision of their inputs); ratios and
percents are rounded to RATIO_DECIMALS decimals.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.sources import (
    bp,
    comtrade_api_monthly,
    comtrade_monthly,
    ei,
    gacc_fossil,
    imf,
    imf_imts_monthly,
)
from dashboard.etl.steps import StepOutput
from dashboard.schema import ids, periods, windows
from dashboard.schema.vocabulary import worst_tier

PRODUCER = "China–Russia Figures (this project)"
IMF = imf.SOURCE_ID
# the World Bank series the derivations use (source ids: wb-wdi- and the WDI code)
WB_GDP = "wb-wdi-ny-gdp-mktp-cd"
WB_EXPORTS = "wb-wdi-tx-val-mrch-cd-wt"
WB_IMPORTS = "wb-wdi-tm-val-mrch-cd-wt"
BP = bp.SOURCE_ID
EI = ei.SOURCE_ID
RATIO_DECIMALS = 4


@dataclass(frozen=True)
class Method:
    """A derivation: its source id, title and how it is computed."""

    source_id: str
    title: str
    processing: str


SUM = Method(
    "derived-sum",
    "Sum of two flows from the same source",
    "value = a + b, for the same period and the same source (e.g. exports + imports).",
)
GAP = Method(
    "derived-mirror-gap",
    "Reporter gap: Russia-reported minus China-reported",
    "value = Russia-reported − China-reported, same flow, same year, same source (IMF DOTS).",
)
GAP_PCT = Method(
    "derived-mirror-gap-pct",
    "Reporter gap as a percent of the China-reported value",
    "value = (Russia-reported − China-reported) / China-reported × 100.",
)
SHARE_SAME = Method(
    "derived-share-same-reporter",
    "Partner share computed from one reporter's own figures",
    "value = reporter's trade with the partner / reporter's trade with the world × 100, "
    "both from IMF DOTS as that reporter reports them.",
)
SHARE_MIXED = Method(
    "derived-share-mixed-source",
    "Partner share from mixed sources: China customs total over World Bank trade",
    "value = China customs (GACC) bilateral total, as stated in official statements, / "
    "World Bank WDI merchandise exports + imports of the economy × 100. Mixed-source: the "
    "numerator and denominator come from different producers and valuation bases.",
)
RATIO = Method(
    "derived-ratio",
    "Ratio of two values from the same source",
    "value = a / b, same period, same source.",
)
POS_SHARE = Method(
    "derived-pos-share-of-imports",
    "Power of Siberia volume as a percent of China's gas imports",
    "value = Power of Siberia capacity or delivered volume (Gazprom, official statements) / "
    "China's total natural gas imports in the year × 100. The review volumes are standardised "
    "to 40 MJ/m3; Gazprom's are not.",
)
SUM_MONTHS = Method(
    "derived-sum-of-months",
    "Sum of 12 months",
    "value = the sum of the 12 monthly values of a calendar year, same series. Where fewer "
    "than 12 months are published the sum is a part of the year: its period names the first "
    "and last month (YYYY-MM/YYYY-MM, frequency year_to_date or irregular), never the year.",
)
ROLLING = Method(
    "derived-rolling-12-months",
    "12-month rolling sum",
    "value = the sum of the 12 consecutive monthly values ending with the month named; no "
    "value where one of the 12 is missing.",
)
YOY = Method(
    "derived-year-on-year",
    "Change on the same month a year earlier",
    "value = (month − same month of the previous year) / same month of the previous year × "
    "100, same series.",
)
METHODS = (SUM, GAP, GAP_PCT, SHARE_SAME, SHARE_MIXED, RATIO, POS_SHARE, SUM_MONTHS, ROLLING, YOY)
MONTHLY_SOURCES = (
    comtrade_monthly.IMPORTS_ID,
    comtrade_monthly.EXPORTS_ID,
    gacc_fossil.SOURCE_ID,
    comtrade_api_monthly.SOURCE_ID,  # fetched by make refresh only
    imf_imts_monthly.SOURCE_ID,  # likewise
)

Op = Callable[[float, float], float]


def run(obs: pd.DataFrame) -> StepOutput:
    """Every derived series; later ones may build on earlier ones."""
    sums = pd.concat([_trade_sums(obs), _world_sums(obs), _bp_import_sum(obs)])
    monthly_total = _monthly_trade_total(obs)
    months = pd.concat([obs, monthly_total], ignore_index=True)
    from_months = pd.concat(
        [monthly_total, _sums_of_months(months), _rolling(monthly_total), _yoy(monthly_total)]
    )
    base = pd.concat([obs, sums], ignore_index=True)
    derived = pd.concat(
        [
            sums,
            from_months,
            _mirror_gaps(base),
            _same_reporter_shares(base),
            _mixed_source_shares(base),
            _gdp_ratio(base),
            _pos_shares(base),
        ],
        ignore_index=True,
    )
    sources = frames.sources(
        {
            "source_id": m.source_id,
            "kind": "derived",
            "producer": PRODUCER,
            "title": m.title,
            "citation_full": f"{PRODUCER}: {m.title}. {m.processing} "
            "Inputs are named on each row (input_obs_ids, input_source_ids).",
            "attribution_short": "Derived by this project",
            "license_name": "CC BY 4.0",
            "license_url": "https://creativecommons.org/licenses/by/4.0/",
            "processing": m.processing,
        }
        for m in METHODS
    )
    return StepOutput(derived, sources)


def with_tiers(sources: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """The sources with each derivation method's tier: the worst tier of every input its
    rows rest on (a derived figure is as trusted as its weakest input)."""
    tiers = dict(zip(sources["source_id"], sources["tier"], strict=True))
    made = observations[observations["kind"] == "derived"]
    inputs: dict[str, set[str]] = {}
    for source_id, names in zip(made["source_id"], made["input_source_ids"], strict=True):
        inputs.setdefault(source_id, set()).update(names.split(";"))
    for _ in range(len(inputs)):  # a method may rest on another's rows
        tiers |= {m: worst_tier(t for i in ns if (t := tiers.get(i))) for m, ns in inputs.items()}
    return sources.assign(tier=sources["source_id"].map(tiers).fillna(""))


def _select(obs: pd.DataFrame, **match: str) -> pd.DataFrame:
    mask = pd.Series(True, index=obs.index)
    for column, value in match.items():
        mask &= obs[column] == value
    return obs[mask]


def _from(obs: pd.DataFrame, indicator: str, source_id: str, **match: str) -> pd.DataFrame:
    """Rows of one indicator taken from, or derived only from, one source."""
    rows = _select(obs, indicator=indicator, **match)
    own = (rows["source_id"] == source_id) | (rows["input_source_ids"] == source_id)
    return rows[own]


PERIOD = ("period", "period_start", "period_end")


def _combine(
    a: pd.DataFrame,
    b: pd.DataFrame,
    op: Op,
    method: Method,
    on: tuple[str, ...] = PERIOD,
    **fields: str,
) -> pd.DataFrame:
    """Derive one value per pair of rows of `a` and `b` that agree on `on` (all pairs if
    `on` is empty); the period is the shared one, else that of `b`."""
    if on:
        pairs = a.merge(b, on=list(on), suffixes=("_a", "_b"))
    else:
        pairs = a.merge(b, how="cross", suffixes=("_a", "_b"))
    rows = []
    for pair in frames.rows_of(pairs):
        inputs = f"{pair['obs_id_a']};{pair['obs_id_b']}"
        row = {c: pair[c] if c in on else pair[f"{c}_b"] for c in PERIOD}
        row |= {
            "value": op(pair["value_a"], pair["value_b"]),
            "qualifier": "exact",
            "status": "reported",
            "kind": "derived",
            "source_id": method.source_id,
            "method": method.processing,
            "input_obs_ids": inputs,
            "input_source_ids": ";".join(sorted(_origins(pair, "_a") | _origins(pair, "_b"))),
            **fields,
        }
        row["obs_id"] = ids.obs_id(
            row["indicator"],
            row["economy"],
            row.get("reporter", ""),
            row["period"],
            row["source_id"],
            inputs,
        )
        rows.append(row)
    return frames.observations(rows)


def _origins(pair: Mapping[str, Any], side: str) -> set[str]:
    """The sources an input rests on: its own, or for a derived input, those of its inputs."""
    if pair[f"kind{side}"] == "derived":
        return set(str(pair[f"input_source_ids{side}"]).split(";"))
    return {str(pair[f"source_id{side}"])}


def _add(a: float, b: float) -> float:
    return float(frames.decimal(a) + frames.decimal(b))


def _sub(a: float, b: float) -> float:
    return float(frames.decimal(a) - frames.decimal(b))


def _ratio(a: float, b: float) -> float:
    return round(a / b, RATIO_DECIMALS)


def _percent(a: float, b: float) -> float:
    return round(a / b * 100, RATIO_DECIMALS)


def _gap_percent(a: float, b: float) -> float:
    return round((a - b) / b * 100, RATIO_DECIMALS)


def _trade_sums(obs: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for reporter in ("CHN", "RUS"):
        exports = _from(obs, "trade_cn_exports_to_ru", IMF, reporter=reporter)
        imports = _from(obs, "trade_cn_imports_from_ru", IMF, reporter=reporter)
        frames.append(
            _combine(
                exports,
                imports,
                _add,
                SUM,
                indicator="trade_total",
                economy="CHN-RUS",
                reporter=reporter,
                unit="USD bn",
            )
        )
    return pd.concat(frames)


# (source of exports to the world, source of imports from the world)
WORLD_SOURCES = ((IMF, IMF), (WB_EXPORTS, WB_IMPORTS))


def _world_sums(obs: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for economy in ("CHN", "RUS"):
        for export_source, import_source in WORLD_SOURCES:
            exports = _from(obs, "goods_exports_world", export_source, economy=economy)
            imports = _from(obs, "goods_imports_world", import_source, economy=economy)
            frames.append(
                _combine(
                    exports,
                    imports,
                    _add,
                    SUM,
                    indicator="goods_trade_world",
                    economy=economy,
                    reporter=economy,
                    unit="USD bn",
                )
            )
    return pd.concat(frames)


def _bp_import_sum(obs: pd.DataFrame) -> pd.DataFrame:
    pipeline = _from(obs, "gas_cn_pipeline_imports", BP)
    lng = _from(obs, "gas_cn_lng_imports", BP)
    return _combine(
        pipeline, lng, _add, SUM, indicator="gas_cn_imports_total", economy="CHN", unit="bcm"
    )


def _mirror_gaps(obs: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for flow in ("trade_total", "trade_cn_exports_to_ru", "trade_cn_imports_from_ru"):
        russia = _from(obs, flow, IMF, reporter="RUS")
        china = _from(obs, flow, IMF, reporter="CHN")
        frames.append(
            _combine(
                russia,
                china,
                _sub,
                GAP,
                indicator=f"{flow}_mirror_gap",
                economy="CHN-RUS",
                unit="USD bn",
            )
        )
    russia = _from(obs, "trade_total", IMF, reporter="RUS")
    china = _from(obs, "trade_total", IMF, reporter="CHN")
    frames.append(
        _combine(
            russia,
            china,
            _gap_percent,
            GAP_PCT,
            indicator="trade_total_mirror_gap_pct",
            economy="CHN-RUS",
            unit="percent",
        )
    )
    return pd.concat(frames)


SHARE_OF = {"RUS": "trade_share_cn_in_ru_trade", "CHN": "trade_share_ru_in_cn_trade"}


def _same_reporter_shares(obs: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for reporter, indicator in SHARE_OF.items():
        bilateral = _from(obs, "trade_total", IMF, reporter=reporter)
        world = _from(obs, "goods_trade_world", IMF, economy=reporter)
        frames.append(
            _combine(
                bilateral,
                world,
                _percent,
                SHARE_SAME,
                indicator=indicator,
                economy=reporter,
                reporter=reporter,
                unit="percent",
            )
        )
    return pd.concat(frames)


def customs_totals(obs: pd.DataFrame) -> pd.DataFrame:
    """One China-customs annual total per year: the most precise statement not flagged
    doubtful (ties go to the first source id)."""
    stated = _select(
        obs, indicator="trade_total", reporter="CHN", kind="official_statement", status="reported"
    )
    annual = stated[
        stated["period"].str.fullmatch(r"\d{4}")
        & ~stated["note"].str.contains("doubtful", case=False)
    ]
    decimals = annual["value"].map(lambda v: len(repr(float(v)).partition(".")[2].rstrip("0")))
    ranked = annual.assign(_decimals=decimals).sort_values(
        ["period", "_decimals", "source_id"], ascending=[True, False, True]
    )
    return ranked.drop_duplicates("period").drop(columns="_decimals")


def _mixed_source_shares(obs: pd.DataFrame) -> pd.DataFrame:
    customs = customs_totals(obs)
    wb_world = f"{WB_IMPORTS};{WB_EXPORTS}"
    frames = []
    for economy, indicator in SHARE_OF.items():
        world = _from(obs, "goods_trade_world", wb_world, economy=economy)
        frames.append(
            _combine(
                customs,
                world,
                _percent,
                SHARE_MIXED,
                indicator=indicator,
                economy=economy,
                unit="percent",
                note="Mixed-source: China customs total over World Bank merchandise trade.",
            )
        )
    return pd.concat(frames)


def _gdp_ratio(obs: pd.DataFrame) -> pd.DataFrame:
    china = _from(obs, "gdp", WB_GDP, economy="CHN")
    russia = _from(obs, "gdp", WB_GDP, economy="RUS")
    return _combine(
        china,
        russia,
        _ratio,
        RATIO,
        indicator="gdp_ratio_cn_to_ru",
        economy="CHN-RUS",
        unit="ratio",
    )


def _pos_shares(obs: pd.DataFrame) -> pd.DataFrame:
    capacity = _select(
        obs, indicator="gas_pos_capacity", kind="official_statement", status="reported"
    )
    imports_2018 = _select(obs, indicator="gas_cn_imports_total", period="2018")
    imports_2018 = imports_2018[imports_2018["kind"].isin(["official_series", "derived"])]
    flows = _select(obs, indicator="gas_pos_flow", kind="official_statement")
    ei_imports = _from(obs, "gas_cn_imports_total", EI)
    return pd.concat(
        [
            _combine(
                capacity,
                imports_2018,
                _percent,
                POS_SHARE,
                on=(),
                indicator="gas_pos_capacity_share_of_cn_imports",
                economy="CHN",
                unit="percent",
            ),
            _combine(
                flows,
                ei_imports,
                _percent,
                POS_SHARE,
                indicator="gas_pos_flow_share_of_cn_imports",
                economy="CHN",
                unit="percent",
            ),
        ]
    )


def _monthly_trade_total(obs: pd.DataFrame) -> pd.DataFrame:
    """China-reported monthly exports + imports (UN Comtrade monthly), month by month."""
    exports = _from(obs, "trade_cn_exports_to_ru", comtrade_monthly.EXPORTS_ID, reporter="CHN")
    imports = _from(obs, "trade_cn_imports_from_ru", comtrade_monthly.IMPORTS_ID, reporter="CHN")
    return _combine(
        exports,
        imports,
        _add,
        SUM,
        indicator="trade_total",
        economy="CHN-RUS",
        reporter="CHN",
        unit="USD bn",
    )


def _monthly_series(obs: pd.DataFrame) -> pd.DataFrame:
    """Monthly rows of the monthly sources (and rows derived only from them), each tagged with
    its series key (`_key`: indicator, economy, reporter, and source or inputs)."""
    monthly = obs[obs["frequency"] == "monthly"]
    origin = monthly["input_source_ids"].where(monthly["kind"] == "derived", monthly["source_id"])
    ours = origin.map(lambda o: set(str(o).split(";")) <= set(MONTHLY_SOURCES))
    monthly = monthly[ours]
    key = monthly["indicator"] + "|" + monthly["economy"] + "|" + monthly["reporter"]
    return monthly.assign(_key=key + "|" + origin[ours])


def _sums_of_months(obs: pd.DataFrame) -> pd.DataFrame:
    """One row per series and calendar year: the sum of its 12 months, or, where fewer are
    published, the sum of those months marked as the part of the year it is."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in frames.rows_of(_monthly_series(obs)):
        groups.setdefault((row["_key"], row["period"][:4]), []).append(row)
    rows = []
    for (_, year), group in sorted(groups.items()):
        if len(group) == 1:
            continue  # the sum of one month is that month
        group.sort(key=lambda r: str(r["period"]))
        first, last = str(group[0]["period"]), str(group[-1]["period"])
        if len(group) == 12:
            period: dict[str, Any] = frames.year_period(int(year))
            note = "sum of 12 months"
        else:
            contiguous = first.endswith("-01") and last == f"{year}-{len(group):02d}"
            period = periods.months_span(first, last) | {
                "frequency": "year_to_date" if contiguous else "incomplete_year"
            }
            months = ", ".join(str(r["period"])[5:] for r in group)
            note = (
                f"part of {year} only: {len(group)} of 12 months published (months {months}); "
                "not a full year"
            )
        rows.append(_from_inputs(group, SUM_MONTHS, period, note))
    return frames.observations(rows)


def _rolling(monthly_total: pd.DataFrame) -> pd.DataFrame:
    """12-month rolling sums of the monthly trade total, dated by their last month."""
    months = sorted(frames.rows_of(monthly_total), key=lambda r: str(r["period"]))
    found = windows.rolling_windows(
        [str(r["period"]) for r in months], [float(r["value"]) for r in months]
    )
    rows = []
    for window in found:
        last = str(months[window[-1]]["period"])
        period = periods.month(int(last[:4]), int(last[5:]))
        inputs = [months[i] for i in window]
        rows.append(_from_inputs(inputs, ROLLING, period, "", indicator="trade_total_12m"))
    return frames.observations(rows)


def _yoy(monthly_total: pd.DataFrame) -> pd.DataFrame:
    """Each month's trade total against the same month a year earlier, in percent."""
    by_period = {str(r["period"]): r for r in frames.rows_of(monthly_total)}
    rows = []
    for period, row in sorted(by_period.items()):
        before = by_period.get(windows.year_earlier(period) or "")
        if before is None:
            continue
        fields = periods.month(int(period[:4]), int(period[5:]))
        change = windows.change_percent(before["value"], row["value"])
        rows.append(
            _from_inputs(
                [before, row],
                YOY,
                fields,
                "",
                indicator="trade_total_yoy_pct",
                unit="percent",
                value=round(change, RATIO_DECIMALS),
            )
        )
    return frames.observations(rows)


def _from_inputs(
    inputs: list[dict[str, Any]],
    method: Method,
    period: Mapping[str, Any],
    note: str,
    **fields: Any,
) -> dict[str, Any]:
    """A derived row made from several rows of one series, naming every input; its value is
    their exact decimal sum unless `fields` give one."""
    first = inputs[0]
    origins: set[str] = set()
    for each in inputs:
        inner = str(each["input_source_ids"]).split(";")
        origins |= set(inner) if each["kind"] == "derived" else {str(each["source_id"])}
    total = sum((frames.decimal(r["value"]) for r in inputs), start=frames.decimal(0))
    row = {
        "indicator": first["indicator"],
        "economy": first["economy"],
        "reporter": first["reporter"],
        "unit": first["unit"],
        **period,
        "value": float(total),
        "qualifier": "exact",
        "status": "reported",
        "kind": "derived",
        "source_id": method.source_id,
        "method": method.processing,
        "input_obs_ids": ";".join(str(r["obs_id"]) for r in inputs),
        "input_source_ids": ";".join(sorted(origins)),
        "note": note,
        **fields,
    }
    row["obs_id"] = ids.obs_id(
        row["indicator"],
        row["economy"],
        row["reporter"],
        row["period"],
        row["source_id"],
        row["input_obs_ids"],
    )
    return row
