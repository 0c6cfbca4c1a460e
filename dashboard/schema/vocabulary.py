"""Controlled vocabularies and units shared by every table."""

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
