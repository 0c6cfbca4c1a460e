"""Quantities in text: a number with its scale and unit ("$64.2bn", "24-25%", "38 bcm a year").

Numbers without a unit this project holds (years, days, kilometres, degrees, people) are not
quantities here, so they never become claims.

quantulum3 (0.10) was tried on the project's own quotes and dropped: it read "$64.2bn" as
"dollar bit newton", "56.83 billion U.S. dollars" as atomic mass units, split "$89,21 млрд"
into $89 and 21, took "$190,27 billion" for 19,027 billion, and spent 5 s loading its model
on the first call. One regular expression over the project's few units does better here.
"""

import re
from dataclasses import dataclass

from dashboard.schema.verdict import parse_number, scale

NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
CURRENCY = r"US\s?\$|\$|USD\s?|¥|RMB\s?|CNY\s?"
SCALE = r"trillions?|tn|trn|billions?|bln|bn|b(?=\W)|millions?|mln|mn|млрд|миллиард\w*|трлн|亿"
UNIT = (
    r"U\.\s?S\.\s?dollars|US dollars|dollars|долларов|доллар\w*|美元|USD"
    r"|yuan|renminbi|RMB|CNY"
    r"|percent|per cent|pct|%|процент\w*"
    r"|cubic met(?:er|re)s?|cu\.? m|кубометр\w*|куб\. м"
    r"|bcm|Bcm|BCM|tonnes|tons|mt|metric tons|тонн"
    r"|times"
)
PER_YEAR = r"\s*(?:of (?:natural )?gas )?(?:per year|a year|per annum|annually|/yr|в год)"
QUANTITY = re.compile(
    rf"(?P<currency>{CURRENCY})?(?<![\d.,])(?P<num>(?!(?:19|20)\d\d\b){NUMBER})"
    rf"(?:\s*(?P<dash>[-–]|to|and)\s*(?(currency)(?:{CURRENCY})?|)(?P<num2>{NUMBER}))?"
    rf"(?:\s*(?P<scale>{SCALE}))?\.?(?:\s*(?P<unit>{UNIT}))?(?P<year>{PER_YEAR})?",
    re.IGNORECASE,
)
RANGE_START = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number with a unit, as written, converted to the project's units."""

    start: int
    end: int
    text: str
    unit: str  # USD bn, CNY bn, percent, bcm, bcm/yr, Mt, ratio
    value: float
    low: float | None = None
    high: float | None = None


def to_float(text: str) -> float:
    """1,234,567 / 1,000 / 89,21 / 1.46 as a float."""
    return float(text.replace(",", "")) if text.count(",") > 1 else parse_number(text)


def unit_of(currency: str, scale_word: str, unit: str, per_year: bool) -> str | None:
    """The project unit a written unit stands for, or None when it is none of them."""
    unit = unit.lower().replace(" ", "").replace(".", "")
    cur = currency.strip().lower()
    if unit in ("percent", "pct", "%") or unit.startswith("процент"):
        return "percent"
    if unit == "times":
        return "ratio"
    if unit in ("yuan", "renminbi", "rmb", "cny") or cur in ("¥", "rmb", "cny"):
        return "CNY bn" if scale_word else None
    if cur or unit in ("usdollars", "dollars", "usd", "美元") or "доллар" in unit:
        return "USD bn" if scale_word else None
    if unit == "bcm" or (scale_word and ("cubic" in unit or "куб" in unit or unit == "cum")):
        return "bcm/yr" if per_year else "bcm"
    if scale_word.lower().startswith("million") and unit in ("tonnes", "tons", "mt", "metrictons"):
        return "Mt"
    return None


def factor(scale_word: str, unit: str) -> float:
    """From the written scale to the unit's (billions for money and gas)."""
    if unit not in ("USD bn", "CNY bn"):
        return 1.0
    word = scale_word.lower()
    if word in ("млрд",) or word.startswith("миллиард") or word == "亿":
        return 0.1 if word == "亿" else 1.0
    if word == "трлн":
        return 1000.0
    return scale(word, "USD bn") if word.startswith(("trillion", "million")) else _short(word)


def _short(word: str) -> float:
    return {"tn": 1000.0, "trn": 1000.0, "mln": 0.001, "mn": 0.001}.get(word, 1.0)


def find(text: str) -> list[Quantity]:
    """Every quantity in a text with a unit the project holds."""
    found = []
    for match in QUANTITY.finditer(text):
        quantity = _quantity(text, match)
        if quantity is not None:
            found.extend(quantity)
    return found


def _quantity(text: str, match: re.Match[str]) -> list[Quantity] | None:
    g = {k: v or "" for k, v in match.groupdict().items()}
    unit = unit_of(g["currency"], g["scale"], g["unit"], bool(g["year"]))
    if unit is None:
        return None
    if unit == "percent" and g["num"] and _is_year_like(g["num"]) and not g["num2"]:
        return None
    f = factor(g["scale"], unit)
    start, end = match.span()
    while text[end - 1] in ". ":
        end -= 1
    first = to_float(g["num"]) * f
    if not g["num2"]:
        return [Quantity(start, end, text[start:end], unit, first)]
    second = to_float(g["num2"]) * f
    if (
        g["dash"].lower() == "to"
        and RANGE_START.search(text[:start])
        and "from" in text[max(0, start - 6) : start].lower()
    ):
        split = match.start("num2")
        return [
            Quantity(start, match.end("num"), g["num"], unit, first),
            Quantity(split, end, text[split:end], unit, second),
        ]
    if g["dash"].lower() == "and" and not RANGE_START.search(text[:start]):
        return None
    low, high = min(first, second), max(first, second)
    return [Quantity(start, end, text[start:end], unit, (low + high) / 2, low, high)]


def _is_year_like(number: str) -> bool:
    return number.isdigit() and len(number) == 4
