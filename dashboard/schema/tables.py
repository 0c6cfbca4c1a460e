"""Every table's layout, defined once: tidy tables (published) and raw snapshot files.

The pipeline validates against these, writes datapackage.json and the data dictionary from
them, and the app reads the published tables with their types.
"""

from dataclasses import dataclass

import pandera.pandas as pa

from dashboard.schema import vocabulary as v
from dashboard.schema.periods import FREQUENCIES


@dataclass(frozen=True)
class Field:
    """One column (Frictionless Table Schema vocabulary)."""

    name: str
    type: str  # "string", "number", "integer" or "date"
    description: str
    required: bool = True
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One table: its file name, columns and key."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    filename: str = ""

    @property
    def path(self) -> str:
        """File name inside its folder."""
        return self.filename or f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        """Column names in order."""
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        """The field of that name."""
        return next(f for f in self.fields if f.name == name)


S, N, INT, D = "string", "number", "integer", "date"
CITES = Field("source_id", S, "The source this row cites (sources.csv).")

OBSERVATIONS = Table(
    "observations",
    "Observations",
    "Every figure, one row per point: official series, official statements, article claims "
    "and values derived from them. Each row cites exactly one source.",
    (
        Field(
            "obs_id",
            S,
            "Unique key: 'o' and 10 hex digits, a digest of indicator, economy, reporter, "
            "period and source_id (derived rows add their inputs). Stable across builds.",
        ),
        Field("indicator", S, "Indicator id; see indicators.csv for title, family and unit."),
        Field(
            "economy",
            S,
            "Economy or pair the figure describes: CHN, RUS, or CHN-RUS.",
            enum=v.ECONOMIES,
        ),
        Field(
            "reporter",
            S,
            "For trade figures, who reports them (CHN = China's statistics "
            "and customs, RUS = Russia's); empty where not applicable or mixed-source.",
            required=False,
            enum=v.REPORTERS,
        ),
        Field(
            "series",
            S,
            "The line the row belongs to, in the words of the charts' legends (economy where "
            "the indicator has several, reporter, source or basis, status); where several "
            "statements or claims give the same period each source is its own series. "
            "(indicator, series, period) is unique: pivot an indicator's rows by series.",
        ),
        Field("period", S, "Period as labelled by the source (2018, 2013-2014, 2020-Q1, …)."),
        Field(
            "year",
            INT,
            "The calendar year, for rows whose period is one calendar year; empty otherwise.",
            required=False,
        ),
        Field("period_start", D, "First day of the period (ISO 8601)."),
        Field("period_end", D, "Last day of the period (ISO 8601)."),
        Field(
            "frequency",
            S,
            "What the period is, read from its first and last day: annual (a calendar year), "
            "quarterly, monthly (a calendar month, period YYYY-MM), year_to_date (January to "
            "a month's end, fewer than 12 months: never a full year), incomplete_year (a sum of "
            "the months published in a year, some missing) or irregular.",
            enum=FREQUENCIES,
        ),
        Field(
            "value",
            N,
            "The value in the indicator's unit (the midpoint for a range), with the digits its "
            "source shows (at most 15 significant digits, a spreadsheet's precision); sums "
            "and differences are exact in decimal; ratios and percents have 4 decimals.",
        ),
        Field("value_low", N, "Lower end when the source states a range.", required=False),
        Field("value_high", N, "Upper end when the source states a range.", required=False),
        Field(
            "qualifier",
            S,
            "How the source states the value: exact, about, more_than, less_than or range.",
            enum=v.QUALIFIERS,
        ),
        Field(
            "unit",
            S,
            "Unit: " + ", ".join(f"{u} ({d})" for u, d in v.UNITS.items()) + ".",
            enum=tuple(v.UNITS),
        ),
        Field(
            "status",
            S,
            "reported (actual), target (a goal), planned (announced, not built).",
            enum=v.STATUSES,
        ),
        Field(
            "kind",
            S,
            "Kind of source: official_series, official_statement, article_claim, derived.",
            enum=v.KINDS,
        ),
        CITES,
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
            enum=v.SOURCE_KINDS,
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
        Field(
            "tier",
            S,
            "How far the source can be trusted, best first: "
            + "; ".join(f"{k} = {d}" for k, d in v.TIERS.items())
            + ". A derived source takes the worst tier of its inputs.",
            enum=tuple(v.TIERS),
        ),
        Field(
            "cites",
            S,
            "Where the source reports another's figure, in words: 'reported by X, citing Y'.",
            required=False,
        ),
    ),
    ("source_id",),
)

INDICATOR_FIELDS = (
    Field("indicator", S, "Indicator id."),
    Field(
        "family",
        S,
        "trade_volume, trade_shares, settlement, gdp or gas.",
        enum=v.FAMILIES,
    ),
    Field("title", S, "Readable title."),
    Field("unit", S, "Unit of every value of this indicator.", enum=tuple(v.UNITS)),
    Field("description", S, "What it measures."),
    Field(
        "frequency",
        S,
        "annual where every figure covers one calendar year; monthly where the sources give "
        "calendar months (annual sums are derived from them); irregular where sources state "
        "figures for periods of their own (half-years, stated capacities).",
        enum=v.FREQUENCIES,
    ),
    Field(
        "plausible_min",
        N,
        "The smallest believable value: a value below it stops the build (ranges are "
        "generous on purpose; they catch unit slips, signs and corrupt digits).",
    ),
    Field("plausible_max", N, "The largest believable value: a value above it stops the build."),
    Field(
        "max_period_factor",
        N,
        "The largest believable move of an official series from one period to the next, as a "
        "factor up or down (5 for trade and GDP: more is a unit slip or a bad digit; 25 for "
        "gas imports, which grow from near zero); empty where the test does not apply.",
        required=False,
    ),
    Field(
        "max_month_factor",
        N,
        "The same test for monthly rows (period YYYY-MM), from one month to the next: months "
        "move more than years (Lunar New Year, start-ups); empty where it does not apply.",
        required=False,
    ),
)
"""The columns of an indicator, as written in datasets/raw/indicators/indicators.csv."""

INDICATORS = Table(
    "indicators",
    "Indicators",
    "The indicators: family (dashboard page), unit, meaning, frequency and believable values, "
    "and the sources that feed each.",
    (
        *INDICATOR_FIELDS,
        Field(
            "source_ids",
            S,
            "The sources whose figures give this indicator (official series and statements, "
            "and the inputs of derived rows), ';'-separated; written by the build.",
            required=False,
        ),
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
        Field("date_precision", S, "day, month or year.", enum=v.DATE_PRECISIONS),
        Field("label", S, "What happened."),
        Field(
            "category",
            S,
            "trade, energy, finance, diplomacy or security.",
            enum=v.EVENT_CATEGORIES,
        ),
        Field("source_id", S, "The source that states it (sources.csv)."),
    ),
    ("event_id",),
)

CLAIMS_CHECK = Table(
    "claims_check",
    "Claims checked against the record",
    "Every figure the articles state, the official figure it is compared with, the "
    "difference and a verdict (rule: dashboard/schema/verdict.py, summarised in this "
    "data dictionary).",
    (
        Field("claim_id", S, "Unique key."),
        Field("obs_id", S, "The claim's own row in observations.csv (kind article_claim)."),
        Field("source_id", S, "The article passage that states the claim (sources.csv)."),
        Field("article_id", S, "The article."),
        Field("quote", S, "The passage, verbatim."),
        Field("indicator", S, "Indicator the claim asserts."),
        Field("economy", S, "Economy or pair."),
        Field(
            "reporter",
            S,
            "The reporter the claim names (CHN or RUS), empty when it names none.",
            required=False,
            enum=v.REPORTERS,
        ),
        Field("period", S, "Period the claim refers to."),
        Field("claimed_value", N, "The claimed value in the indicator's unit."),
        Field("claimed_low", N, "Lower end of a claimed range.", required=False),
        Field("claimed_high", N, "Upper end of a claimed range.", required=False),
        Field(
            "qualifier",
            S,
            "How the claim states its value: exact, about, more_than, less_than or range.",
            enum=v.QUALIFIERS,
        ),
        Field("unit", S, "Unit.", enum=tuple(v.UNITS)),
        Field("status", S, "reported, or target for a goal.", enum=v.STATUSES),
        Field("official_value", N, "The official value compared with.", required=False),
        Field("official_low", N, "Lower end, when the official figure is a range.", required=False),
        Field(
            "official_high", N, "Upper end, when the official figure is a range.", required=False
        ),
        Field(
            "official_obs_id",
            S,
            "The observation compared with (observations.csv).",
            required=False,
        ),
        Field("official_source_id", S, "Its source.", required=False),
        Field(
            "official_tier",
            S,
            "The tier of the official figure (of its source; of its weakest input when "
            "derived): the best tier the record has for the period decides, a projection "
            "never does.",
            required=False,
            enum=("", *v.TIERS),
        ),
        Field("difference_pct", N, "(claimed − official) / official × 100.", required=False),
        Field(
            "verdict_gap_pct",
            N,
            "How far the official figure lies outside what the claim states (its stated "
            "precision, range or bound), as % of the official value: the distance the verdict "
            "is judged on; 0 inside; empty for targets and unverified claims.",
            required=False,
        ),
        Field(
            "verdict",
            S,
            "consistent, approximate, inconsistent, unverified, target-met, "
            "target-missed or pending.",
            enum=v.VERDICTS,
        ),
        Field("reason", S, "One line on why."),
    ),
    ("claim_id",),
)

PRODUCTS = Table(
    "products",
    "Russia–China trade by product",
    "CEPII BACI trade between China and Russia by HS product, both directions, 2017–2023: "
    "every HS chapter (complete), the headings of at least US$ 5 m in a year and direction "
    "(smaller headings are omitted; chapter total minus its listed headings is their sum), "
    "and the 6-digit products of chapter 27 (mineral fuels). BACI reconciles the exporter's "
    "and the importer's reports, so its totals differ from either customs.",
    (
        Field("year", INT, "Calendar year."),
        Field("direction", S, "Exporter→importer: CHN→RUS or RUS→CHN.", enum=v.DIRECTIONS),
        Field(
            "level",
            S,
            "chapter (HS 2 digits), heading (HS 4 digits) or hs6 (6 digits, chapter 27 only).",
            enum=v.PRODUCT_LEVELS,
        ),
        Field("code", S, "HS code (2, 4 or 6 digits, zero-padded)."),
        Field(
            "name",
            S,
            "Product name (OEC / Atlas HS2012); empty where none is known.",
            required=False,
        ),
        Field("chapter", S, "The HS chapter the code belongs to (2 digits)."),
        Field("section", S, "HS section name of the chapter (OEC)."),
        Field("value_kusd", N, "Trade value in thousands of current US dollars (FOB)."),
        Field(
            "weight_t",
            N,
            "Quantity in metric tons; empty where a summed 6-digit row had no quantity.",
            required=False,
        ),
        CITES,
    ),
    ("year", "direction", "level", "code"),
)

PARTNERS = Table(
    "partners",
    "China's and Russia's trade with Central Asia, Mongolia and India",
    "Goods trade of a reporter with a partner, as the reporter declares it: IMF Direction of "
    "Trade (annual, to 2020) and the IMF IMTS latest-year top-15 snapshot (a partner outside "
    "a reporter's top 15 has no row: absent, not zero).",
    (
        Field("reporter", S, "Declaring economy (ISO 3166 alpha-3).", enum=v.PARTNER_ECONOMIES),
        Field("partner", S, "Partner economy (ISO 3166 alpha-3).", enum=v.PARTNER_ECONOMIES),
        Field("flow", S, "exports (FOB) or imports (CIF) of the reporter.", enum=v.FLOWS),
        Field("period", S, "The year, or 'latest' where the source gives no year per partner."),
        Field("year", INT, "The calendar year; empty for 'latest'.", required=False),
        Field("value", N, "Value in billions of current US dollars (USD bn)."),
        Field(
            "rank",
            INT,
            "The partner's rank among the reporter's top 15, where given.",
            required=False,
        ),
        CITES,
        Field("note", S, "What the source row says.", required=False),
    ),
    ("reporter", "partner", "flow", "period", "source_id"),
)

TABLES = (OBSERVATIONS, SOURCES, INDICATORS, EVENTS, CLAIMS_CHECK, PRODUCTS, PARTNERS)

CHANGE_KINDS = ("added", "revised", "removed")
CHANGES = Table(
    "changes",
    "What each build changed",
    "The observations each build added, revised (value, low or high changed) or removed, "
    "compared with the tables it replaced; appended by every build that changed something "
    "(a rebuild without change adds nothing), oldest builds dropped beyond a bound. Written "
    "at publishing, outside the build's digest.",
    (
        Field("build", S, "The build that made the change (datapackage.json `build`)."),
        Field("date", D, "The day the build was published."),
        Field("change", S, "added, revised or removed.", enum=CHANGE_KINDS),
        Field("obs_id", S, "The observation (for a removed one, its last id)."),
        Field("indicator", S, "Indicator id."),
        Field("economy", S, "Economy or pair."),
        Field("reporter", S, "Reporting side, where one is.", required=False),
        Field("series", S, "The series the point belongs to."),
        Field("period", S, "The period of the point."),
        Field("unit", S, "Unit of both values."),
        Field("old_value", N, "The value before (empty when added).", required=False),
        Field("new_value", N, "The value after (empty when removed).", required=False),
        Field("source_id", S, "The source of the value after (before, when removed)."),
    ),
    ("build", "change", "obs_id"),
)


# -- raw snapshot files (datasets/raw/<folder>/<file>): the shared ones; each source module ----
# -- of dashboard.etl.sources defines its own files' layouts with raw_table -----------------


def raw_table(name: str, filename: str, fields: tuple[Field, ...], key: tuple[str, ...]) -> Table:
    """The layout of a raw snapshot file (a source module holds its own)."""
    return Table(name, filename, f"Raw file {filename}.", fields, key, filename)


def text_fields(*names: str, required: bool = True) -> tuple[Field, ...]:
    """Text columns named for themselves."""
    return tuple(Field(n, S, n, required=required) for n in names)


STATED = (
    *map(
        OBSERVATIONS.field,
        (
            *("indicator", "economy", "reporter", "period", "period_start", "period_end"),
            *("value", "value_low", "value_high", "qualifier", "unit"),
        ),
    ),
    Field("value_text", S, "the words of the quote that state the value", required=False),
    OBSERVATIONS.field("status"),
)
"""The columns of a hand-entered figure (an official statement or an article claim): those of an
observation, plus the words that state the value."""

RAW_INDICATORS = raw_table("indicators", "indicators.csv", INDICATOR_FIELDS, ("indicator",))
RAW_EVENTS = raw_table("events", "events.csv", EVENTS.fields, EVENTS.primary_key)


# -- pandera schemas, generated from the layouts above -----------------------------------------

ISO_DATE = r"\d{4}-\d{2}-\d{2}"
PARTIAL_DATE = r"\d{4}(-\d{2}){0,2}"


def pandera_schema(table: Table, raw: bool = False) -> pa.DataFrameSchema:
    """The schema a frame of `table` must pass (raw frames allow partial dates)."""
    columns = {}
    for field in table.fields:
        checks = []
        if field.enum:
            checks.append(pa.Check.isin(list(field.enum)))
        if field.type == "date":
            pattern = PARTIAL_DATE if raw else ISO_DATE
            checks.append(
                pa.Check.str_matches(f"^{pattern}$" if field.required else f"^(?:{pattern})?$")
            )
        if field.type == "number":
            columns[field.name] = pa.Column(float, checks, nullable=not field.required)
        elif field.type == "integer":
            columns[field.name] = pa.Column("Int64", checks, nullable=not field.required)
        else:
            if field.required and not field.enum:
                checks.append(pa.Check.str_length(min_value=1))
            columns[field.name] = pa.Column(str, checks)
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=list(table.primary_key),
        report_duplicates="all",
    )
