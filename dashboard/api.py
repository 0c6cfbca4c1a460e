"""The read-only data API under /api/v1: every indicator's observations with a citation on
every row, the claims and the sources, as CSV or JSON. The route table below is the one
place the Flask rules, the query parameters and the OpenAPI document come from.

Each answer is made from one snapshot of the published build: its ETag and its `build` are the
id of the build its rows come from. Links in answers start with PUBLIC_URL (the site's public
address, e.g. https://figures.example.org, set in the environment) or, without it, are relative:
nothing of the request's Host goes into an answer a cache may keep."""

import calendar
import datetime
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from flask import Blueprint, Flask, Response, request

from dashboard import catalog, data
from dashboard.downloads import as_csv
from dashboard.schema import paths, published
from dashboard.schema.periods import FREQUENCIES
from dashboard.schema.tables import CLAIMS_CHECK, OBSERVATIONS, PARTNERS, PRODUCTS, SOURCES, Field
from dashboard.schema.vocabulary import ECONOMIES, KINDS

PREFIX = "/api/v1"
FILE_PREFIX = "china-russia-figures"
CACHE_CONTROL = "public, max-age=300"
MAX_VALUE_LENGTH = 64
PUBLIC_URL = os.environ.get("PUBLIC_URL", "").rstrip("/")
if PUBLIC_URL and not re.fullmatch(r"https?://[^/?#\s]+(/[^?#\s]*)?", PUBLIC_URL):
    raise ValueError(f"PUBLIC_URL must be http(s)://host[/path], not {PUBLIC_URL!r}")

OBSERVATION_COLUMNS = published.CITED_ROW  # the cited row, as the chart CSVs have it
CLAIM_SOURCE_COLUMNS = {
    "source_citation": "Full citation of the article passage (source_id).",
    "source_url": "Link to the article.",
    "official_source_citation": "Full citation of the official source (official_source_id).",
    "official_source_url": "Link to the official source.",
}
CLAIM_COLUMNS: dict[str, str] = {
    **{f.name: f.description for f in CLAIMS_CHECK.fields},
    **CLAIM_SOURCE_COLUMNS,
}
SOURCE_COLUMNS: dict[str, str] = {f.name: f.description for f in SOURCES.fields}


class ApiError(Exception):
    """A request the API refuses: an HTTP status and a one-line reason (never raw input)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Param:
    """A query parameter: its values (empty for a date), and what it does."""

    name: str
    description: str
    values: tuple[str, ...] = ()


DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
REPORTER_NONE = "none"
FILTERS = (
    Param("economy", "Economy or pair; comma-separated for several.", ECONOMIES),
    Param(
        "reporter",
        f"Who reports the figure; '{REPORTER_NONE}' for rows without a reporter. "
        "Comma-separated for several.",
        ("CHN", "RUS", REPORTER_NONE),
    ),
    Param("kind", "Kind of source; comma-separated for several.", KINDS),
    Param(
        "frequency",
        "What a row's period is: annual (a calendar year), monthly (YYYY-MM), quarterly, "
        "year_to_date or incomplete_year (part of a year, never a full year) or irregular; "
        "comma-separated for several.",
        FREQUENCIES,
    ),
    Param("start", "Rows whose period ends on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    Param("end", "Rows whose period starts on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
)


@dataclass(frozen=True)
class Filters:
    """Validated filters of an indicator request (empty sets: no filter)."""

    economies: frozenset[str]
    reporters: frozenset[str]
    kinds: frozenset[str]
    start: str
    end: str
    frequencies: frozenset[str] = frozenset()


def parse_filters(args: dict[str, list[str]]) -> Filters:
    """The filters of a query string, or an ApiError naming what is wrong."""
    _only(args, FILTERS)
    choices = {p.name: _choices(p, args.get(p.name, [])) for p in FILTERS if p.values}
    start = _date(args.get("start", []), "start", last=False)
    end = _date(args.get("end", []), "end", last=True)
    if start and end and start > end:
        raise ApiError(400, "start must not be after end")
    reporters = {"" if r == REPORTER_NONE else r for r in choices["reporter"]}
    return Filters(
        frozenset(choices["economy"]),
        frozenset(reporters),
        frozenset(choices["kind"]),
        start,
        end,
        frozenset(choices["frequency"]),
    )


def _only(args: dict[str, list[str]], params: tuple[Param, ...]) -> None:
    names = [p.name for p in params]
    if set(args) - set(names):
        allowed = ", ".join(names) if names else "none"
        raise ApiError(400, f"unknown query parameter (allowed: {allowed})")
    for name, values in args.items():
        if len(values) > 1:
            raise ApiError(400, f"{name} is given more than once (use commas for several values)")
        if len(values[0]) > MAX_VALUE_LENGTH:
            raise ApiError(400, f"{name} is too long")


def _choices(param: Param, values: list[str]) -> set[str]:
    chosen = {v.strip() for value in values for v in value.split(",")}
    if values and not chosen <= set(param.values):
        raise ApiError(400, f"{param.name} must be among: {', '.join(param.values)}")
    return chosen if values else set()


def _date(values: list[str], name: str, last: bool) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound as an ISO day: the first or last day it covers."""
    if not values:
        return ""
    text = values[0].strip()
    if not DATE.fullmatch(text):
        raise ApiError(400, f"{name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if last else 1)
    if not 1 <= month <= 12 or year < 1:
        raise ApiError(400, f"{name} is not a valid date")
    day = parts[2] if len(parts) > 2 else (calendar.monthrange(year, month)[1] if last else 1)
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise ApiError(400, f"{name} is not a valid date") from None


def filtered(points: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows that pass every filter (periods overlapping [start, end])."""
    keep = pd.Series(True, index=points.index)
    for column, allowed in (
        ("economy", filters.economies),
        ("reporter", filters.reporters),
        ("kind", filters.kinds),
        ("frequency", filters.frequencies),
    ):
        if allowed:
            keep &= points[column].isin(allowed)
    if filters.start:
        keep &= points["period_end"] >= filters.start
    if filters.end:
        keep &= points["period_start"] <= filters.end
    rows: pd.DataFrame = points[keep]
    return rows


# tables served


@dataclass(frozen=True)
class Snapshot:
    """One build of the published tables: its id (the answers' ETag) and its tables."""

    build: str
    tables: data.Tables


def snapshot() -> Snapshot:
    """The published build's id and tables, read together: the descriptor's stamp is the same
    before and after, so no new build was swapped in between."""
    for _ in range(published.ATTEMPTS):
        stamp = published.stamp(paths.TIDY)
        build = published.load(paths.TIDY).build
        tables = data.load(paths.TIDY)
        if published.stamp(paths.TIDY) == stamp:
            return Snapshot(build, tables)
    raise ApiError(503, "a new build is being published; try again")


def checked(tables: data.Tables, indicator: str) -> Filters:
    """The request's filters, once the indicator and the query are known to be valid."""
    filters = parse_filters(request.args.to_dict(flat=False))
    if indicator not in catalog.ids(tables):
        raise ApiError(404, "no such indicator (the list: /api/v1/indicators.json)")
    return filters


def indicator_rows(tables: data.Tables, indicator: str, filters: Filters) -> pd.DataFrame:
    """Every observation of an indicator that passes the filters, with its citation columns."""
    return data.cited_rows(filtered(catalog.points_of(tables, indicator), filters))


def claims_table(tables: data.Tables) -> pd.DataFrame:
    """Every checked claim, with the citation and link of the article and official source."""
    cited = tables.sources.set_index("source_id")
    claims = tables.claims_check.copy()
    for prefix, column in (("", "source_id"), ("official_", "official_source_id")):
        claims[f"{prefix}source_citation"] = claims[column].map(cited["citation_full"])
        claims[f"{prefix}source_url"] = claims[column].map(cited["url_main"])
    return claims.fillna({c: "" for c in CLAIM_SOURCE_COLUMNS})[list(CLAIM_COLUMNS)]


def indicator_list(tables: data.Tables) -> list[dict[str, Any]]:
    """Every indicator with its coverage, last update and URLs."""
    summaries = catalog.summaries(tables).values()
    return [s | {"urls": urls(s["id"], PUBLIC_URL)} for s in summaries]


def summary_with_urls(tables: data.Tables, indicator: str) -> dict[str, Any]:
    """An indicator's summary and the URLs of its page and tables."""
    return catalog.summary(tables, indicator) | {"urls": urls(indicator, PUBLIC_URL)}


def urls(indicator: str, root: str) -> dict[str, str]:
    """The data page, CSV and JSON of an indicator under `root` (relative if empty)."""
    root = root.rstrip("/")
    return {
        "page": f"{root}/data/{indicator}",
        "csv": f"{root}{PREFIX}/indicators/{indicator}.csv",
        "json": f"{root}{PREFIX}/indicators/{indicator}.json",
    }


# responses


def as_json(document: Any) -> str:
    """Compact JSON; missing values are null, never NaN."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def json_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame's rows with None for missing values."""
    return [
        {str(k): (None if v is None or v is pd.NA or v != v else v) for k, v in row.items()}
        for row in frame.astype(object).to_dict("records")
    ]


def send(snap: Snapshot, body: Callable[[], str], media_type: str, filename: str) -> Response:
    """A cacheable answer made from one snapshot: 304 when the client holds its build, else
    the body, tagged with its build."""
    if request.if_none_match.contains_weak(snap.build):
        response = Response(status=304)
    else:
        response = Response(body(), mimetype=media_type)
        disposition = "attachment" if media_type == "text/csv" else "inline"
        response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response.set_etag(snap.build, weak=True)  # weak: gzip and plain bytes are the same content
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def refuse(error: ApiError) -> Response:
    """A one-line reason, as JSON for .json routes and plain text otherwise."""
    if request.path.endswith(".json"):
        response = Response(as_json({"error": error.reason}), mimetype="application/json")
    else:
        response = Response(error.reason + "\n", mimetype="text/plain")
    response.status_code = error.status
    response.headers["Cache-Control"] = "no-store"
    return response


# routes


def get_indicators() -> Response:
    _only(request.args.to_dict(flat=False), ())
    snap = snapshot()
    return send(
        snap,
        lambda: as_json({"build": snap.build, "indicators": indicator_list(snap.tables)}),
        "application/json",
        f"{FILE_PREFIX}-indicators.json",
    )


def get_indicator_csv(indicator: str) -> Response:
    snap = snapshot()
    filters = checked(snap.tables, indicator)
    return send(
        snap,
        lambda: as_csv(indicator_rows(snap.tables, indicator, filters)),
        "text/csv",
        f"{FILE_PREFIX}-{indicator}.csv",
    )


def get_indicator_json(indicator: str) -> Response:
    snap = snapshot()
    filters = checked(snap.tables, indicator)
    return send(
        snap,
        lambda: as_json(
            {
                "build": snap.build,
                "indicator": summary_with_urls(snap.tables, indicator),
                "rows": json_rows(indicator_rows(snap.tables, indicator, filters)),
            }
        ),
        "application/json",
        f"{FILE_PREFIX}-{indicator}.json",
    )


def get_claims() -> Response:
    _only(request.args.to_dict(flat=False), ())
    snap = snapshot()
    return send(
        snap, lambda: as_csv(claims_table(snap.tables)), "text/csv", f"{FILE_PREFIX}-claims.csv"
    )


def get_sources() -> Response:
    _only(request.args.to_dict(flat=False), ())
    snap = snapshot()
    return send(
        snap,
        lambda: as_csv(snap.tables.sources[list(SOURCE_COLUMNS)]),
        "text/csv",
        f"{FILE_PREFIX}-sources.csv",
    )


def get_products() -> Response:
    _only(request.args.to_dict(flat=False), ())
    snap = snapshot()
    return send(
        snap,
        lambda: as_csv(table_rows(snap.tables, "products", published.CITED_PRODUCT)),
        "text/csv",
        f"{FILE_PREFIX}-products.csv",
    )


def get_partners() -> Response:
    _only(request.args.to_dict(flat=False), ())
    snap = snapshot()
    return send(
        snap,
        lambda: as_csv(table_rows(snap.tables, "partners", published.CITED_PARTNER)),
        "text/csv",
        f"{FILE_PREFIX}-partners.csv",
    )


def table_rows(tables: data.Tables, name: str, row: dict[str, str]) -> pd.DataFrame:
    """The products or partners table of one snapshot, each row with its source's citation."""
    return data.cited_table(getattr(tables, name), tables.sources, row)


def get_openapi() -> Response:
    _only(request.args.to_dict(flat=False), ())
    filename = f"{FILE_PREFIX}-openapi.json"
    return send(snapshot(), lambda: as_json(openapi()), "application/json", filename)


@dataclass(frozen=True)
class Route:
    """One route: its path under PREFIX (OpenAPI notation), view, answer and description."""

    path: str
    view: Callable[..., Response]
    media_type: str
    summary: str
    params: tuple[Param, ...] = ()
    row: str = ""  # the components.schemas entry of its rows, if it serves a table


INDICATOR_ID = "{indicator}"
ROUTES = (
    Route(
        "/indicators.json",
        get_indicators,
        "application/json",
        "Every indicator: name, unit, description, family, economies, reporters, kinds, "
        "first and last period, last updated (the sources' own dates), sources and URLs.",
    ),
    Route(
        f"/indicators/{INDICATOR_ID}.csv",
        get_indicator_csv,
        "text/csv",
        "Every observation of one indicator, with its source's citation on every row.",
        FILTERS,
        "Observation",
    ),
    Route(
        f"/indicators/{INDICATOR_ID}.json",
        get_indicator_json,
        "application/json",
        "The indicator's summary (as in indicators.json) and every observation in `rows`, "
        "with the same columns as the CSV.",
        FILTERS,
        "Observation",
    ),
    Route(
        "/claims.csv",
        get_claims,
        "text/csv",
        "Every figure the articles state, checked against the official figure, with both "
        "sources cited.",
        row="Claim",
    ),
    Route("/sources.csv", get_sources, "text/csv", "Every source.", row="Source"),
    Route(
        "/products.csv",
        get_products,
        "text/csv",
        "Russia–China trade by HS product (CEPII BACI, 2017–2023, both directions; chapters "
        "complete, headings of at least US$ 5 m, 6-digit rows of chapter 27), values in "
        "thousand US$, with its source's citation and caveats on every row.",
        row="Product",
    ),
    Route(
        "/partners.csv",
        get_partners,
        "text/csv",
        "China's and Russia's trade with Central Asia, Mongolia and India (IMF DOTS to 2020; "
        "IMF IMTS latest-year top-15 exports, where a partner outside the top 15 has no row: "
        "absent, not zero), US$ bn, with its source's citation on every row.",
        row="Partner",
    ),
    Route("/openapi.json", get_openapi, "application/json", "This description (OpenAPI 3.1)."),
)
ROWS = {
    "Observation": OBSERVATION_COLUMNS,
    "Claim": CLAIM_COLUMNS,
    "Source": SOURCE_COLUMNS,
    "Product": published.CITED_PRODUCT,
    "Partner": published.CITED_PARTNER,
}


def openapi() -> dict[str, Any]:
    """The OpenAPI 3.1 document of ROUTES."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "China–Russia figures data API",
            "version": "1",
            "description": "Read-only. Every observation carries its source id, full citation "
            "and link. CSV is UTF-8; a text cell that would start a spreadsheet formula gets a "
            "leading apostrophe. ETag = the published build id; send If-None-Match for a 304.",
        },
        "servers": [{"url": PREFIX}],
        "paths": {route.path: {"get": _operation(route)} for route in ROUTES},
        "components": {"schemas": {name: _row_schema(cols) for name, cols in ROWS.items()}},
    }


def _operation(route: Route) -> dict[str, Any]:
    params = [_parameter(p) for p in route.params]
    responses: dict[str, Any] = {
        "200": {"description": "OK", "content": {route.media_type: _content(route)}},
        "304": {"description": "Not modified (If-None-Match holds the current ETag)."},
        "400": {"description": "A bad query parameter: a one-line reason."},
    }
    if INDICATOR_ID in route.path:
        params.insert(0, INDICATOR_PARAMETER)
        responses["404"] = {"description": "No such indicator."}
    return {
        "summary": route.summary,
        "operationId": route.view.__name__,
        "parameters": params,
        "responses": responses,
    }


INDICATOR_PARAMETER = {
    "name": "indicator",
    "in": "path",
    "required": True,
    "description": "Indicator id, as listed by /indicators.json.",
    "schema": {"type": "string"},
}


def _content(route: Route) -> dict[str, Any]:
    if not route.row:
        return {"schema": {"type": "object"}}
    ref = {"$ref": f"#/components/schemas/{route.row}"}
    if route.media_type == "text/csv":
        return {"schema": {"type": "array", "items": ref}}
    rows = {"type": "array", "items": ref}
    return {"schema": {"type": "object", "properties": {"build": {"type": "string"}, "rows": rows}}}


def _parameter(param: Param) -> dict[str, Any]:
    if param.values:
        one = "|".join(map(re.escape, param.values))
        pattern = f"^({one})(,({one}))*$"
    else:
        pattern = f"^{DATE.pattern}$"
    return {
        "name": param.name,
        "in": "query",
        "required": False,
        "description": param.description,
        "schema": {"type": "string", "pattern": pattern},
    }


FIELD_TYPES = {"string": "string", "date": "string", "number": "number", "integer": "integer"}


def _row_schema(columns: dict[str, str]) -> dict[str, Any]:
    """A table row: every column, in order, with its description."""
    tables = (OBSERVATIONS, CLAIMS_CHECK, SOURCES, PRODUCTS, PARTNERS)
    fields = {f.name: f for t in tables for f in t.fields}
    properties = {
        name: {"type": _json_type(fields.get(name)), "description": description}
        for name, description in columns.items()
    }
    return {"type": "object", "properties": properties, "required": list(columns)}


def _json_type(field: Field | None) -> str | list[str]:
    kind = FIELD_TYPES[field.type] if field else "string"
    return kind if kind == "string" else [kind, "null"]


def handle_unknown(rest: str = "") -> Response:
    raise ApiError(404, "no such API route (see /api/v1/openapi.json)")


def blueprint() -> Blueprint:
    """The API's routes, from ROUTES, and a 404 for anything else under PREFIX."""
    api = Blueprint("api", __name__, url_prefix=PREFIX)
    for route in ROUTES:
        rule = route.path.replace(INDICATOR_ID, "<indicator>")
        api.add_url_rule(rule, endpoint=route.view.__name__, view_func=route.view)
    for rule in ("", "/", "/<path:rest>"):
        api.add_url_rule(rule, endpoint="unknown", view_func=handle_unknown)
    api.register_error_handler(ApiError, refuse)
    return api


def register(server: Flask) -> None:
    """Mount the API, and answer 404 to a direct request for an unknown indicator's page."""
    server.register_blueprint(blueprint())
    server.after_request(_data_page_status)


def _data_page_status(response: Response) -> Response:
    match = re.fullmatch(r"/data/(.*)", request.path)
    if match and response.status_code == 200 and match[1] not in catalog.ids(data.load()):
        response.status_code = 404
    return response
