"""The verdict rule: how a claimed figure is judged against an official one.

The tolerance follows the precision the claim states:

* ``exact`` (a plain figure): consistent when the official value rounds to the claimed one at
  the claim's stated precision (8.12 covers 8.115–8.125); approximate within 5 %; else
  inconsistent.
* ``about`` ("about", "nearly"): consistent within 5 %; approximate within 15 %; else inconsistent.
* ``range`` ("2 to 3 percent"): consistent when the official value (or range) overlaps it;
  approximate within 5 % of it; else inconsistent.
* ``more_than`` / ``less_than`` ("more than", "over"): consistent when the official value
  lies on the stated side, or is itself stated as the same or a stronger bound; approximate
  when it misses by at most 5 %; else inconsistent.
* Targets: ``target-met`` when the official value reaches the target, ``target-missed``
  when it does not, ``pending`` when there is no official value for the period yet.
* ``unverified`` when there is no official value to compare with.

Percent distances are taken relative to the official value.
"""

import math
import re
from dataclasses import dataclass

APPROXIMATE_PCT = 5.0
ABOUT_CONSISTENT_PCT = 5.0
ABOUT_APPROXIMATE_PCT = 15.0

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Figure:
    """A value with its qualifier and, for ranges, its bounds."""

    value: float
    qualifier: str = "exact"
    low: float = math.nan
    high: float = math.nan
    precision: float = 0.0  # the unit of the last stated digit, in the indicator's unit

    def interval(self) -> tuple[float, float]:
        """The values this figure admits, before any tolerance."""
        if self.qualifier == "range":
            return self.low, self.high
        half = self.precision / 2 if self.qualifier == "exact" else 0.0
        return self.value - half, self.value + half


def parse_number(text: str) -> float:
    """A number as written in a quote: 1.46, 89,21 (decimal comma) or 1,000 (thousands)."""
    head, sep, tail = text.partition(",")
    if sep and len(tail) == 3:
        return float(head + tail)
    return float(text.replace(",", "."))


def scale(text: str, unit: str) -> float:
    """Factor from the words of a quoted value to the indicator's unit."""
    lowered = text.lower()
    if unit == "USD bn" and "trillion" in lowered:
        return 1000.0
    if unit == "USD bn" and "million" in lowered:
        return 0.001
    return 1.0


def quoted_values(text: str, unit: str) -> list[float]:
    """The numbers a quoted value states, in the indicator's unit."""
    factor = scale(text, unit)
    return [parse_number(n) * factor for n in NUMBER.findall(text)]


def precision(text: str, unit: str) -> float:
    """The unit of the last digit of the last number stated, in the indicator's unit."""
    numbers = NUMBER.findall(text)
    if not numbers:
        return 0.0
    last = numbers[-1]
    _, sep, decimals = last.replace(",", ".").partition(".")
    digits = len(decimals) if sep and not (last.count(",") and len(decimals) == 3) else 0
    return 10.0**-digits * scale(text, unit)


def difference_pct(claimed: Figure, official: Figure) -> float:
    """Claimed minus official, as a percent of the official value."""
    return (claimed.value - official.value) / abs(official.value) * 100


def gap_pct(claimed: Figure, official: Figure) -> float:
    """How far the official figure lies outside what the claim states (its stated precision,
    range or bound), as a percent of the official value: the distance a verdict is judged
    on, 0 when the official figure is inside (targets are judged as met or missed instead)."""
    if claimed.qualifier in ("more_than", "less_than"):
        if _bound_holds(claimed, official):
            return 0.0
        return abs(official.value - claimed.value) / abs(official.value) * 100
    return _distance_pct(claimed.interval(), official.interval(), official.value)


def judge(claimed: Figure, official: Figure | None, target: bool = False) -> tuple[str, str]:
    """The verdict and a one-line reason."""
    if official is None:
        if target:
            return "pending", "no official figure for the target period yet"
        return "unverified", "no official figure to compare with"
    if target:
        met = official.interval()[1] >= claimed.value
        word = "reached" if met else "fell short of"
        return ("target-met" if met else "target-missed"), f"the official figure {word} the goal"
    if claimed.qualifier in ("more_than", "less_than"):
        return _judge_bound(claimed, official)
    distance = gap_pct(claimed, official)
    if distance == 0:
        return "consistent", _reason_within(claimed)
    limit = ABOUT_APPROXIMATE_PCT if claimed.qualifier == "about" else APPROXIMATE_PCT
    if claimed.qualifier == "about" and distance <= ABOUT_CONSISTENT_PCT:
        return (
            "consistent",
            f"within {ABOUT_CONSISTENT_PCT:g} % of the official figure, as 'about' allows",
        )
    if distance <= limit:
        return "approximate", f"off by {distance:.1f} % (within {limit:g} %)"
    return "inconsistent", f"off by {distance:.1f} % (more than {limit:g} %)"


def _reason_within(claimed: Figure) -> str:
    if claimed.qualifier == "range":
        return "the official figure lies within the stated range"
    if claimed.qualifier == "about":
        return "matches the official figure"
    return "matches the official figure at the stated precision"


def _distance_pct(a: tuple[float, float], b: tuple[float, float], reference: float) -> float:
    gap = max(0.0, a[0] - b[1], b[0] - a[1])
    return gap / abs(reference) * 100


def _same_or_stronger_bound(claimed: Figure, official: Figure) -> bool:
    return official.qualifier == claimed.qualifier and (
        official.value >= claimed.value
        if claimed.qualifier == "more_than"
        else official.value <= claimed.value
    )


def _bound_holds(claimed: Figure, official: Figure) -> bool:
    if _same_or_stronger_bound(claimed, official):
        return True
    low, high = official.interval()
    return high > claimed.value if claimed.qualifier == "more_than" else low < claimed.value


def _judge_bound(claimed: Figure, official: Figure) -> tuple[str, str]:
    if _same_or_stronger_bound(claimed, official):
        return "consistent", "the official figure states the same bound or a stronger one"
    side = "above" if claimed.qualifier == "more_than" else "below"
    if _bound_holds(claimed, official):
        return "consistent", f"the official figure is {side} the stated bound"
    miss = gap_pct(claimed, official)
    if miss <= APPROXIMATE_PCT:
        return "approximate", f"the official figure misses the bound by {miss:.1f} %"
    return "inconsistent", f"the official figure misses the bound by {miss:.1f} %"
