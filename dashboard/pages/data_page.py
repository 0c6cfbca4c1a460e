"""One page per indicator (/data/<id>): what it measures, how it is made, its sources and
claims, a small chart, its data URLs with ready-to-paste snippets, and how to cite it."""

import datetime
from typing import Any

import dash
import flask
import pandas as pd
from dash import dcc, html

from dashboard import api, cards, catalog, citations, data
from dashboard.charts import encoding, plotting
from dashboard.schema.vocabulary import ECONOMY_LABELS, REPORTER_LABELS

SITE = "China–Russia figures"
FALLBACK_HOST = "http://127.0.0.1:8050/"


def title(indicator: str | None = None) -> str:
    """The browser tab's title."""
    tables = data.load()
    if indicator not in catalog.ids(tables):
        return f"Indicator not found · {SITE}"
    return f"{catalog.summary(tables, indicator)['name']} · data · {SITE}"


dash.register_page(__name__, path_template="/data/<indicator>", name="Data", title=title)


def layout(indicator: str | None = None, **_query: object) -> html.Div:
    """The data page of an indicator, or a not-found page listing every indicator."""
    tables = data.load()
    if indicator not in catalog.ids(tables):
        return not_found(tables)
    host = flask.request.host_url if flask.has_request_context() else FALLBACK_HOST
    info = catalog.summary(tables, indicator)
    urls = api.urls(indicator, host)
    cited = catalog.sources_of(tables, indicator)
    return html.Div(
        [
            html.H1(info["name"], className="h3 mt-3"),
            html.P(info["description"], className="lead fs-6"),
            facts(info),
            chart(tables, info),
            made(tables, indicator),
            sources(cited),
            claims(catalog.claims_of(tables, indicator), tables.sources),
            downloads(urls, host),
            how_to_cite(info, cited, urls),
        ],
        id="data-page",
    )


def not_found(tables: data.Tables) -> html.Div:
    """No indicator has this id: say so and list those that exist."""
    return html.Div(
        [
            html.H1("Indicator not found", className="h3 mt-3"),
            html.P("No indicator has this id. The indicators with a data page:"),
            html.Ul([html.Li(_page_link(tables, i)) for i in catalog.ids(tables)]),
        ],
        id="data-not-found",
    )


def _page_link(tables: data.Tables, indicator: str) -> Any:
    name = str(tables.indicators.set_index("indicator").at[indicator, "title"])
    return [dcc.Link(name, href=f"/data/{indicator}"), f" ({indicator})"]


def facts(info: dict[str, Any]) -> html.Dl:
    """Id, unit, coverage and last update."""
    economies = ", ".join(ECONOMY_LABELS[e] for e in info["economies"])
    reporters = ", ".join(REPORTER_LABELS[r] for r in info["reporters"]) or "not by reporter"
    kinds = ", ".join(encoding.KIND_LABELS[k] for k in info["kinds"])
    entries: list[tuple[str, Any]] = [
        ("Indicator id", html.Code(info["id"])),
        ("Unit", _unit(info)),
        ("Economies", economies),
        ("Reporters", reporters),
        ("Kinds of figure", kinds),
        ("Periods", f"{info['first_period']} to {info['last_period']}"),
        ("Observations", str(info["observations"])),
        ("Last updated", f"{info['last_updated'] or 'not dated'} (the sources' own dates)"),
    ]
    return html.Dl(
        [
            part
            for term, value in entries
            for part in (html.Dt(term, className="col-sm-3"), html.Dd(value, className="col-sm-9"))
        ],
        className="row",
        id="data-facts",
    )


def _unit(info: dict[str, Any]) -> str:
    same = info["unit"] == info["unit_label"]
    return info["unit"] if same else f"{info['unit']} ({info['unit_label']})"


def chart(tables: data.Tables, info: dict[str, Any]) -> html.Div:
    """Every observation of the indicator, drawn as on the chart pages (click: citation), with
    its legend and source line."""
    points = catalog.points_of(tables, info["id"])
    spec = plotting.chart_spec(points)
    label: Any = {"aria-label": f"Chart of {info['name']}: every observation, with its source"}
    return html.Div(
        [
            html.Div(
                dcc.Graph(
                    id={"type": "graph", "page": "data", "chart": info["id"]},
                    figure=spec,
                    config=cards.GRAPH_CONFIG,
                    className="data-chart",
                ),
                role="figure",
                **label,
            ),
            cards.series_key(points),
            cards.verdict_key(points),
            html.P(encoding.source_line(points), className="source-line small"),
        ],
        id="data-chart",
    )


def made(tables: data.Tables, indicator: str) -> html.Div:
    """Derived rows: formula and inputs (linked); and what is derived from it."""
    methods = catalog.methods_of(tables, indicator)
    inputs = catalog.inputs_of(tables, indicator)
    used = catalog.used_by(tables, indicator)
    parts: list[Any] = [html.H2("How it is made", className="h5 mt-4")]
    if methods:
        parts += [
            html.P("Derived rows are computed by this project:"),
            html.Ul([html.Li(m) for m in methods]),
        ]
    else:
        parts.append(html.P("Every row is a figure as its source states it (no derivation)."))
    if inputs:
        parts.append(html.P(["Inputs: ", *_links(tables, inputs)], id="data-inputs"))
    if used:
        parts.append(html.P(["Used to derive: ", *_links(tables, used)], id="data-used-by"))
    return html.Div(parts)


def _links(tables: data.Tables, indicators: list[str]) -> list[Any]:
    links: list[Any] = []
    for number, indicator in enumerate(indicators):
        links += ([", "] if number else []) + _page_link(tables, indicator)
    return links


def sources(cited: pd.DataFrame) -> html.Div:
    """Every source behind the indicator, with its full citation, licence, dates and link."""
    items = [
        html.Li(
            [
                html.Strong(s["attribution_short"]),
                f" ({s['source_id']})",
                html.Br(),
                s["citation_full"],
                html.Br(),
                html.Small(
                    [
                        f"Trust tier: {encoding.tier_text(s['tier'], s['cites'])} · ",
                        "Licence: ",
                        _licence(s),
                        f" · published {s['date_published'] or 'n.d.'}",
                        f" · accessed {s['date_accessed'] or '—'}",
                        *([" · ", citations.link(s["url_main"], "link")] if s["url_main"] else []),
                    ],
                    className="text-body-secondary",
                ),
            ],
            className="mb-2",
        )
        for s in data.records(cited)
    ]
    return html.Div(
        [
            html.H2(f"Sources ({len(cited)})", className="h5 mt-4"),
            html.Ul(items, className="list-unstyled text-break", id="data-sources"),
        ]
    )


def _licence(source: dict[str, Any]) -> Any:
    name = source["license_name"] or "not stated"
    return citations.link(source["license_url"], name) if source["license_url"] else name


def claims(checked: pd.DataFrame, cited: pd.DataFrame) -> html.Div:
    """The article claims about the indicator: each passage once, then its checks."""
    heading = html.H2(f"Claims about it ({len(checked)})", className="h5 mt-4")
    if checked.empty:
        return html.Div([heading, html.P("No article makes a claim about this indicator.")])
    names = dict(zip(cited["source_id"], cited["attribution_short"], strict=True))
    passages = [
        html.Div(
            [
                html.Blockquote(
                    [html.Q(str(quote)), " — ", names.get(group["source_id"].iloc[0], "")],
                    className="border-start ps-3 mb-1",
                ),
                html.Ul([_check(c) for c in data.records(group)]),
            ]
        )
        for quote, group in checked.groupby("quote", sort=False)
    ]
    return html.Div([heading, html.Div(passages, id="data-claims")])


def _check(claim: dict[str, Any]) -> html.Li:
    return html.Li(
        [
            cards.verdict_badge(claim["verdict"]),
            f" {claim['period']}: claimed {_stated(claim, 'claimed')}, "
            f"official {_stated(claim, 'official')}; {claim['reason']}",
        ]
    )


def _stated(claim: dict[str, Any], side: str) -> str:
    """The claimed or official value as stated: a range, or a value with its qualifier."""
    value, low, high = (claim[f"{side}_{part}"] for part in ("value", "low", "high"))
    unit = claim["unit"]
    if pd.isna(value):
        return "—"
    if not pd.isna(low) and not pd.isna(high):
        return f"{encoding.format_value(low, unit)} to {encoding.format_value(high, unit)}"
    prefix = encoding.QUALIFIER_WORDS.get(claim["qualifier"], "") if side == "claimed" else ""
    return prefix + encoding.format_value(value, unit)


def snippets(csv_url: str) -> dict[str, str]:
    """Ready-to-paste code that reads the indicator's CSV."""
    return {
        "Python (pandas)": f'import pandas as pd\n\ndf = pd.read_csv("{csv_url}")',
        "R": f'df <- read.csv("{csv_url}", encoding = "UTF-8")',
        "Spreadsheet (Google Sheets; needs a public address)": f'=IMPORTDATA("{csv_url}")',
    }


def downloads(urls: dict[str, str], host: str) -> html.Div:
    """The API URLs of the indicator, and snippets that read them."""
    root = host.rstrip("/") + api.PREFIX
    links = [
        ("CSV, every row cited", urls["csv"]),
        ("JSON (summary and rows)", urls["json"]),
        ("Every source (CSV)", f"{root}/sources.csv"),
        ("Every claim checked (CSV)", f"{root}/claims.csv"),
        ("API description (OpenAPI)", f"{root}/openapi.json"),
    ]
    code = [
        part
        for label, text in snippets(urls["csv"]).items()
        for part in (
            html.H3(label, className="h6 mt-3"),
            html.Pre(html.Code(text), className="bg-light border rounded p-2"),
        )
    ]
    return html.Div(
        [
            html.H2("Download and use", className="h5 mt-4"),
            html.Ul(
                [html.Li([html.A(label, href=url), " ", html.Code(url)]) for label, url in links]
            ),
            html.P(
                "Filter with ?economy=, reporter=, kind=, start= and end= (see the API "
                "description).",
                className="small text-body-secondary",
            ),
            *code,
        ],
        id="data-downloads",
    )


def how_to_cite(info: dict[str, Any], cited: pd.DataFrame, urls: dict[str, str]) -> html.Div:
    """A citation of this indicator, and the reminder to cite the original producers."""
    today = datetime.date.today().isoformat()
    text = (
        f"{SITE}, “{info['name']}” (indicator {info['id']}), {urls['page']}, retrieved "
        f"{today}. Original sources: {'; '.join(cited['attribution_short'])}."
    )
    return html.Div(
        [
            html.H2("How to cite", className="h5 mt-4"),
            html.P(
                "Cite the original producer of each figure (every row names its source and "
                "full citation); to cite this compilation:"
            ),
            html.Blockquote(text, className="border-start ps-3", id="data-cite"),
        ]
    )
