"""The data dictionary: every tidy table and column, its type and meaning.

It drives the table schemas (validate.py), datapackage.json and datasets/DATA_DICTIONARY.md.
"""

from dataclasses import dataclass

from dashboard.build import model


@dataclass(frozen=True)
class Field:
    """One column of a tidy table (Frictionless Table Schema vocabulary)."""

    name: str
    type: str  # "string", "number" or "date"
    description: str
    required: bool = True
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One tidy table."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]

    @property
    def path(self) -> str:
        """File name inside datasets/tidy."""
        return f"{self.name}.csv"


S, N, D = "string", "number", "date"

OBSERVATIONS = Table(
    "observations",
    "Observations",
    "Every figure, one row per point: official series, official statements, article claims "
    "and values derived from them. Each row cites exactly one source.",
    (
        Field(
            "obs_id",
            S,
            "Unique key: indicator:economy:reporter:period:source_id "
            "(derived rows add a digest of their inputs).",
        ),
        Field("indicator", S, "Indicator id; see indicators.csv for title, family and unit."),
        Field(
            "economy",
            S,
            "Economy or pair the figure describes: CHN, RUS, or CHN-RUS.",
            enum=model.ECONOMIES,
        ),
        Field(
            "reporter",
            S,
            "For trade figures, who reports them (CHN = China's statistics "
            "and customs, RUS = Russia's); empty where not applicable or mixed-source.",
            required=False,
            enum=model.REPORTERS,
        ),
        Field("period", S, "Period as labelled by the source (2018, 2013-2014, 2020-Q1, …)."),
        Field("period_start", D, "First day of the period (ISO 8601)."),
        Field("period_end", D, "Last day of the period (ISO 8601)."),
        Field("value", N, "The value in the indicator's unit (the midpoint for a range)."),
        Field("value_low", N, "Lower end when the source states a range.", required=False),
        Field("value_high", N, "Upper end when the source states a range.", required=False),
        Field(
            "qualifier",
            S,
            "How the source states the value: exact, about, more_than, less_than or range.",
            enum=model.QUALIFIERS,
        ),
        Field(
            "unit",
            S,
            "Unit: USD bn (billions of current US dollars), percent, ratio, bcm "
            "(billion cubic metres), bcm/yr, Mt (million tonnes).",
        ),
        Field(
            "status",
            S,
            "reported (actual), target (a goal), planned (announced, not built).",
            enum=model.STATUSES,
        ),
        Field(
            "kind",
            S,
            "Kind of source: official_series, official_statement, article_claim, derived.",
            enum=model.KINDS,
        ),
        Field("source_id", S, "The source this row cites (sources.csv)."),
        Field("method", S, "For derived rows: how the value is computed.", required=False),
        Field(
            "input_obs_ids",
            S,
            "For derived rows: the obs_id of each input, ';'-separated.",
            required=False,
        ),
        Field(
            "input_source_ids",
            S,
            "For derived rows: the sources of the inputs, ';'-separated.",
            required=False,
        ),
        Field("note", S, "Caveats and what the source row says.", required=False),
    ),
    ("obs_id",),
)

SOURCES = Table(
    "sources",
    "Sources",
    "One row per source: a data product, a quoted sentence of a public page, a quoted "
    "passage of an article, or a derivation method. Field names follow Our World in Data's "
    "origin.",
    (
        Field("source_id", S, "Unique key."),
        Field(
            "kind",
            S,
            "official_series, official_statement, article or derived.",
            enum=model.SOURCE_KINDS,
        ),
        Field("producer", S, "Institution, publisher or author."),
        Field(
            "title",
            S,
            "Title of the data product, page or article (a description where "
            "the page title is not known).",
        ),
        Field(
            "date_published",
            S,
            "Publication date or vintage (YYYY, YYYY-MM or YYYY-MM-DD).",
            required=False,
        ),
        Field("date_accessed", S, "Date the project took its copy.", required=False),
        Field("url_main", S, "Page describing the source.", required=False),
        Field("url_download", S, "Direct download, where there is one.", required=False),
        Field("citation_full", S, "Full citation."),
        Field("attribution_short", S, "Short form: producer (year)."),
        Field("license_name", S, "Licence or terms of reuse.", required=False),
        Field("license_url", S, "Link to the licence.", required=False),
        Field(
            "quote",
            S,
            "For statements and article passages: the sentence that carries the "
            "figure or event, verbatim.",
            required=False,
        ),
        Field(
            "document_id",
            S,
            "For article passages: the article (articles.csv in datasets/raw/articles).",
            required=False,
        ),
        Field("locator", S, "Where in the document the quote stands.", required=False),
        Field("language", S, "Language of the quote.", required=False),
        Field(
            "attribution",
            S,
            "Who the figure comes from, where a page reports someone else's figure.",
            required=False,
        ),
        Field("processing", S, "What the project did to the figures.", required=False),
        Field("retrieved_from", S, "Where the project's copy came from.", required=False),
        Field("note", S, "Caveats.", required=False),
    ),
    ("source_id",),
)

INDICATORS = Table(
    "indicators",
    "Indicators",
    "The indicators, their family (dashboard page), unit and meaning.",
    (
        Field("indicator", S, "Indicator id."),
        Field(
            "family",
            S,
            "trade_volume, trade_shares, settlement, gdp or gas.",
            enum=("trade_volume", "trade_shares", "settlement", "gdp", "gas"),
        ),
        Field("title", S, "Readable title."),
        Field("unit", S, "Unit of every value of this indicator."),
        Field("description", S, "What it measures."),
    ),
    ("indicator",),
)

EVENTS = Table(
    "events",
    "Events",
    "Dated events from the articles and official statements, each cited.",
    (
        Field("event_id", S, "Unique key."),
        Field(
            "date",
            D,
            "Date of the event (first day of the month or year when the source gives only that).",
        ),
        Field("date_precision", S, "day, month or year.", enum=("day", "month", "year")),
        Field("label", S, "What happened."),
        Field(
            "category",
            S,
            "trade, energy, finance, diplomacy or security.",
            enum=("trade", "energy", "finance", "diplomacy", "security"),
        ),
        Field("source_id", S, "The source that states it (sources.csv)."),
    ),
    ("event_id",),
)

CLAIMS_CHECK = Table(
    "claims_check",
    "Claims checked against the record",
    "Every figure the articles state, the official figure it is compared with, the "
    "difference and a verdict (rule: dashboard/build/verdict.py, summarised in "
    "DATA_DICTIONARY.md).",
    (
        Field("claim_id", S, "Unique key."),
        Field("source_id", S, "The article passage that states the claim (sources.csv)."),
        Field("article_id", S, "The article."),
        Field("quote", S, "The passage, verbatim."),
        Field("indicator", S, "Indicator the claim asserts."),
        Field("economy", S, "Economy or pair."),
        Field("period", S, "Period the claim refers to."),
        Field("claimed_value", N, "The claimed value in the indicator's unit."),
        Field("claimed_low", N, "Lower end of a claimed range.", required=False),
        Field("claimed_high", N, "Upper end of a claimed range.", required=False),
        Field(
            "qualifier",
            S,
            "How the claim states its value: exact, about, more_than, less_than or range.",
            enum=model.QUALIFIERS,
        ),
        Field("unit", S, "Unit."),
        Field("status", S, "reported, or target for a goal.", enum=model.STATUSES),
        Field("official_value", N, "The official value compared with.", required=False),
        Field("official_low", N, "Lower end, when the official figure is a range.", required=False),
        Field(
            "official_high", N, "Upper end, when the official figure is a range.", required=False
        ),
        Field("official_obs_id", S, "The observation compared with.", required=False),
        Field("official_source_id", S, "Its source.", required=False),
        Field("difference_pct", N, "(claimed − official) / official × 100.", required=False),
        Field(
            "verdict",
            S,
            "consistent, approximate, inconsistent, unverified, target-met, "
            "target-missed or pending.",
            enum=model.VERDICTS,
        ),
        Field("reason", S, "One line on why."),
    ),
    ("claim_id",),
)

TABLES = (OBSERVATIONS, SOURCES, INDICATORS, EVENTS, CLAIMS_CHECK)
