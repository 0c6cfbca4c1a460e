"""Controlled vocabularies and units shared by every table."""

from collections.abc import Iterable

KINDS = ("official_series", "official_statement", "article_claim", "derived")
SOURCE_KINDS = ("official_series", "official_statement", "article", "derived")
QUALIFIERS = ("exact", "about", "more_than", "less_than", "range")
STATUSES = ("reported", "target", "planned")
REPORTERS = ("CHN", "RUS", "")
ECONOMIES = ("CHN", "RUS", "CHN-RUS")
FAMILIES = ("trade_volume", "trade_shares", "settlement", "gdp", "gas", "energy")
FREQUENCIES = ("annual", "quarterly", "monthly", "irregular")
EVENT_CATEGORIES = ("trade", "energy", "finance", "diplomacy", "security")
DATE_PRECISIONS = ("day", "month", "year")
DIRECTIONS = ("CHN→RUS", "RUS→CHN")
PRODUCT_LEVELS = ("chapter", "heading", "hs6")
FLOWS = ("exports", "imports")
PARTNER_ECONOMIES = ("CHN", "RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB", "MNG", "IND")
VERDICTS = (
    "consistent",
    "approximate",
    "inconsistent",
    "unverified",
    "target-met",
    "target-missed",
    "pending",
)
UNITS = {
    "USD bn": "billions of current US dollars",
    "USD": "current US dollars",
    "percent": "percent",
    "ratio": "ratio (times)",
    "bcm": "billion cubic metres",
    "bcm/yr": "billion cubic metres per year",
    "Mt": "million tonnes",
    "intl $": "current international dollars (purchasing power parity)",
    "million people": "millions of people",
}

# a text cell starting with one of these would run as a formula in a spreadsheet
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ECONOMY_LABELS = {"CHN": "China", "RUS": "Russia", "CHN-RUS": "China–Russia"}
REPORTER_LABELS = {"CHN": "China-reported", "RUS": "Russia-reported", "": ""}
PARTNER_LABELS = {
    "CHN": "China",
    "RUS": "Russia",
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan",
    "TKM": "Turkmenistan",
    "UZB": "Uzbekistan",
    "MNG": "Mongolia",
    "IND": "India",
}

TIERS = {
    "producer_dataset": "the producer's own dataset (a statistics office's or agency's data file)",
    "producer_release": "the producer's own release (a customs or ministry press page)",
    "news_agency_official": "an official figure reported by a news agency on its own page",
    "reprint": "a reprint: a page re-publishing another outlet's report of an official figure",
    "third_party_copy": "official data copied unchanged by a third party (a mirror or cache)",
    "research": "a research dataset built from official data (reconciled or estimated)",
    "processed": "official data processed by a third party (sums, conversions, shares)",
    "projection": "an estimate or projection, not an observed figure",
    "article_claim": "a figure claimed in an article",
}
"""Trust tiers of a source, best first, each with its one-line meaning."""


def worst_tier(tiers: Iterable[str]) -> str:
    """The least trusted of some tiers (a derived figure is as trusted as its weakest input)."""
    order = list(TIERS)
    return max(tiers, key=order.index, default="")
