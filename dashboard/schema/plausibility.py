"""What a believable value of each indicator looks like: sign, range, year-on-year move.

A value outside its range, or an official series whose value moves by more than `max_yoy`
times (up or down) from one year to the next within the same series, stops the build.
Ranges are generous on purpose: they catch unit slips (×1000), signs and corrupt digits,
not surprising economics.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Plausible:
    """The believable values of one indicator."""

    low: float
    high: float
    max_yoy: float | None = None  # factor; None where the year-on-year test does not apply

    def admits(self, value: float) -> bool:
        """Whether a value lies in the range."""
        return self.low <= value <= self.high


# trade and GDP rarely move more than 2.5× in a year here; 5× is a unit slip or a bad digit.
# They are never zero: the lower bounds (US$ 10 million, 100 million, 1 billion) are far below
# the smallest value in the record and far above a zero or a sign slip.
BILATERAL_TRADE = Plausible(0.01, 2_000, max_yoy=5)
WORLD_TRADE = Plausible(0.1, 20_000, max_yoy=5)
GAP = Plausible(-1_000, 1_000)
SHARE = Plausible(0, 100)
CAPACITY = Plausible(0, 200)
# gas imports grow from near zero: up to 14× seen in the reviews; 25× is not believable
GAS_VOLUME = Plausible(0, 1_000, max_yoy=25)

BY_INDICATOR = {
    "trade_total": BILATERAL_TRADE,
    "trade_cn_exports_to_ru": BILATERAL_TRADE,
    "trade_cn_imports_from_ru": BILATERAL_TRADE,
    "trade_total_mirror_gap": GAP,
    "trade_cn_exports_to_ru_mirror_gap": GAP,
    "trade_cn_imports_from_ru_mirror_gap": GAP,
    "trade_total_mirror_gap_pct": Plausible(-100, 1_000),
    "goods_exports_world": WORLD_TRADE,
    "goods_imports_world": WORLD_TRADE,
    "goods_trade_world": WORLD_TRADE,
    "trade_share_cn_in_ru_trade": SHARE,
    "trade_share_ru_in_cn_trade": SHARE,
    "settlement_national_currencies_share": SHARE,
    "settlement_yuan_share": SHARE,
    "settlement_ruble_share": SHARE,
    "settlement_ruble_share_ru_exports_to_cn": SHARE,
    "settlement_yuan_share_ru_imports_from_cn": SHARE,
    "gdp": Plausible(1, 100_000, max_yoy=5),
    "gdp_ratio_cn_to_ru": Plausible(0.01, 100),
    "gas_pos_capacity": CAPACITY,
    "gas_pos2_capacity": CAPACITY,
    "gas_far_eastern_route_capacity": CAPACITY,
    "gas_pos_flow": CAPACITY,
    "gas_pos_capacity_share_of_cn_imports": Plausible(0, 1_000),
    "gas_pos_flow_share_of_cn_imports": SHARE,
    "gas_cn_imports_total": GAS_VOLUME,
    "gas_cn_imports_total_mass": Plausible(0, 1_000, max_yoy=25),
    "gas_cn_pipeline_imports": GAS_VOLUME,
    "gas_cn_lng_imports": GAS_VOLUME,
    "gas_cn_pipeline_imports_from_ru": GAS_VOLUME,
    "gas_cn_lng_imports_from_ru": GAS_VOLUME,
    "gas_cn_consumption": GAS_VOLUME,
}
