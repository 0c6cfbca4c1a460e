"""What Russia sells China, and China Russia: the products table (CEPII BACI) by HS chapter
per year, the top headings of a chosen year and direction, and chapter 27 at 6 digits."""

from typing import Any

import dash
import pandas as pd
from dash import MATCH, Input, Output, callback, ctx, dcc, html

from dashboard import citations, data
from dashboard.cache import per_build
from dashboard.cards import GRAPH_CONFIG
from dashboard.charts.encoding import PALETTE
from dashboard.widgets import attributes, table

dash.register_page(
    __name__,
    path="/products",
    name="Products",
    order=52,
    title="What Russia sells China, and China Russia · China–Russia figures",
)

DIRECTIONS = {"RUS→CHN": "Russia's exports to China", "CHN→RUS": "China's exports to Russia"}
SLUGS = {"RUS→CHN": "ru-cn", "CHN→RUS": "cn-ru"}  # a direction in element ids
TOP_CHAPTERS = 7  # chapters drawn by name in each direction; the rest stacked as one
TOP_HEADINGS = 15
OTHER = "All other chapters"
OTHER_COLOUR = "#8c959f"
CSV_URL = "/api/v1/products.csv"
CONFIG: Any = {**GRAPH_CONFIG, "displayModeBar": False}
HEADING_COLUMNS = ("Rank", "Heading", "Chapter", "US$ m", "Share", "Tonnes")


def layout(**_query: object) -> html.Div:
    """Two stacked bar charts (one per direction), then the top headings of a chosen year."""
    return _layout()


@per_build(size=1)
def _layout() -> html.Div:
    tables = data.load()
    products, sources = tables.products, tables.sources
    years = sorted(int(y) for y in products["year"].unique())
    cited = sources[sources["source_id"].isin(set(products["source_id"]) | {"baci-hs-names"})]
    short = _short(cited)
    return html.Div(
        [
            html.H1("What Russia sells China, and China Russia", className="h3 mt-3"),
            html.P(
                "Goods traded between the two countries by HS product, "
                f"{years[0]}–{years[-1]}, both directions, from CEPII's BACI (a research "
                "dataset). BACI reconciles what the exporter and the importer report, so its "
                "totals differ from either country's customs. Values are in current US dollars "
                "(FOB); the file lists every chapter, headings of at least US$ 5 m in a year and "
                "direction (smaller headings are omitted), and mineral fuels (chapter 27) at 6 "
                "digits.",
                className="lead fs-6",
            ),
            *[_chart_block(products, direction, short) for direction in DIRECTIONS],
            html.H2("Top headings of one year", className="h5 mt-4"),
            html.Div(
                [
                    html.Fieldset(
                        [
                            html.Legend("Direction", className="fs-6 mb-1"),
                            dcc.RadioItems(
                                id="products-direction",
                                options=[{"label": v, "value": k} for k, v in DIRECTIONS.items()],
                                value="RUS→CHN",
                                inline=True,
                                inputClassName="me-1",
                                labelClassName="me-3",
                            ),
                        ]
                    ),
                    html.Fieldset(
                        [
                            html.Legend("Year", className="fs-6 mb-1"),
                            dcc.RadioItems(
                                id="products-year",
                                options=[{"label": str(y), "value": y} for y in years],
                                value=years[-1],
                                inline=True,
                                inputClassName="me-1",
                                labelClassName="me-3",
                            ),
                        ]
                    ),
                ],
                className="d-flex flex-column gap-2 mb-2",
            ),
            html.Div(id="products-headings"),
            html.P(
                [
                    f"Source: {short}. ",
                    html.A(
                        "Download the product table (CSV, with the citation on every row)",
                        href=CSV_URL,
                        download="china-russia-figures-products.csv",
                        id="products-csv",
                    ),
                ],
                className="source-line small",
            ),
            html.H2("Sources", className="h5 mt-4"),
            html.Ul(
                [_source_item(s) for _, s in cited.iterrows()],
                id="products-sources",
                style={"overflowWrap": "anywhere"},
            ),
        ],
        id="products-page",
    )


def _short(cited: pd.DataFrame) -> str:
    return "; ".join(sorted(set(cited["attribution_short"])))


def _source_item(source: pd.Series) -> html.Li:
    return html.Li(
        [
            html.Strong(source["title"]),
            html.Br(),
            source["citation_full"],
            html.Br(),
            citations.link(source["url_main"]) if source["url_main"] else "",
            html.Br(),
            html.Small(source["note"], className="text-body-secondary"),
        ],
        id=f"products-source-{source['source_id']}",
        className="mb-2",
    )


def chapter_frame(products: pd.DataFrame, direction: str) -> pd.DataFrame:
    """Chapter values of one direction per year, the largest chapters by name and the rest as
    one, with each one's share of the year's total."""
    chapters = products[(products["level"] == "chapter") & (products["direction"] == direction)]
    ranked = chapters.groupby("code")["value_kusd"].sum().sort_values(ascending=False)
    top = list(ranked.index[:TOP_CHAPTERS])
    names = dict(zip(chapters["code"], chapters["name"], strict=False))
    label = chapters["code"].map(lambda c: f"{c} {names[c]}" if c in top else OTHER)
    frame = (
        chapters.assign(label=label)
        .groupby(["year", "label"], as_index=False)
        .agg(
            value_kusd=("value_kusd", "sum"),
            source_id=("source_id", "first"),
            section=("section", lambda s: s.iloc[0] if s.nunique() == 1 else "several"),
        )
    )
    totals = frame.groupby("year")["value_kusd"].transform("sum")
    frame["share"] = frame["value_kusd"] / totals * 100
    order = {f"{c} {names[c]}": i for i, c in enumerate(top)} | {OTHER: len(top)}
    return frame.sort_values(
        ["label", "year"], key=lambda s: s.map(order) if s.name == "label" else s
    )


def chapter_figure(frame: pd.DataFrame, short: str) -> dict[str, Any]:
    """A stacked bar per year, one colour per chapter, the citation in every hover."""
    traces = []
    for number, (label, rows) in enumerate(frame.groupby("label", sort=False)):
        colour = OTHER_COLOUR if label == OTHER else PALETTE[number % len(PALETTE)]
        traces.append(
            {
                "type": "bar",
                "name": _wrap(str(label)),
                "x": rows["year"].astype(int).tolist(),
                "y": (rows["value_kusd"] / 1e6).round(3).tolist(),
                "marker": {"color": colour},
                "customdata": [
                    [label, f"{v / 1e6:.2f}", f"{s:.1f}", short, source, section]
                    for v, s, source, section in zip(
                        rows["value_kusd"],
                        rows["share"],
                        rows["source_id"],
                        rows["section"],
                        strict=True,
                    )
                ],
                "hovertemplate": "<b>%{customdata[0]}</b><br>Section: %{customdata[5]}"
                "<br>%{x}: US$ %{customdata[1]} bn "
                "(%{customdata[2]} % of the year)<br>Source: %{customdata[3]}<extra></extra>",
            }
        )
    return {
        "data": traces,
        "layout": {
            "barmode": "stack",
            "margin": {"l": 48, "r": 8, "t": 8, "b": 8},
            "height": 460,
            "yaxis": {"title": {"text": "US$ bn"}, "fixedrange": True},
            "xaxis": {"dtick": 1, "fixedrange": True},
            "legend": {"orientation": "h", "y": -0.12, "yanchor": "top", "font": {"size": 11}},
            "hoverlabel": {"align": "left"},
            "font": {"family": "system-ui, sans-serif"},
        },
    }


def _wrap(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _chart_block(products: pd.DataFrame, direction: str, short: str) -> html.Section:
    frame = chapter_frame(products, direction)
    slug = SLUGS[direction]
    title = f"{DIRECTIONS[direction]} by HS chapter, per year"
    description = (
        f"{title}: the {TOP_CHAPTERS} largest chapters over the period and all others stacked, "
        "US$ bn. The table below lists the headings."
    )
    return html.Section(
        [
            html.H2(title, className="h5 mt-4"),
            html.Div(
                dcc.Graph(
                    id={"type": "products-chart", "direction": slug},
                    figure=chapter_figure(frame, short),
                    config=CONFIG,
                    className="products-chart",
                ),
                role="figure",
                **attributes({"aria-label": description}),
            ),
            html.P(
                f"Source: {short} (research dataset; reconciled, differs from customs). "
                "Click a bar for its full citation.",
                className="source-line small",
            ),
            html.Div(
                id={"type": "products-cite", "direction": slug},
                className="products-cite small",
                **attributes({"aria-live": "polite"}),
            ),
        ],
        className="products-section",
    )


def headings_table(products: pd.DataFrame, direction: str, year: int) -> html.Div:
    """The largest headings of one year and direction, their share of the direction's total,
    the headings under US$ 5 m as one line, and chapter 27 at 6 digits."""
    rows = products[(products["direction"] == direction) & (products["year"] == year)]
    total = rows.loc[rows["level"] == "chapter", "value_kusd"].sum()
    headings = rows[rows["level"] == "heading"].sort_values("value_kusd", ascending=False)
    omitted = total - headings["value_kusd"].sum()
    body = [
        _heading_row(rank, h, total)
        for rank, (_, h) in enumerate(headings.head(TOP_HEADINGS).iterrows(), 1)
    ]
    fuels = rows[rows["level"] == "hs6"].sort_values("value_kusd", ascending=False).head(8)
    return html.Div(
        [
            html.P(
                f"{DIRECTIONS[direction]}, {year}: US$ {total / 1e6:,.2f} bn in all chapters; "
                f"{len(headings)} headings of at least US$ 5 m listed; headings under US$ 5 m "
                f"(omitted by the file's trim) add up to US$ {omitted / 1e3:,.1f} m.",
                id="products-headings-summary",
            ),
            html.Div(
                table(
                    [
                        html.Thead(html.Tr([html.Th(h, scope="col") for h in HEADING_COLUMNS])),
                        html.Tbody(body),
                    ],
                    "products-table",
                ),
                className="table-responsive",
                tabIndex=0,
                **attributes({"role": "region", "aria-label": "Top headings"}),
            ),
            html.H3("Mineral fuels (chapter 27) at 6 digits", className="h6 mt-3"),
            html.Div(
                table(
                    [
                        html.Thead(html.Tr([html.Th(h, scope="col") for h in HEADING_COLUMNS])),
                        html.Tbody(
                            [
                                _heading_row(r, f, total)
                                for r, (_, f) in enumerate(fuels.iterrows(), 1)
                            ]
                        ),
                    ],
                    "products-table",
                ),
                className="table-responsive",
                tabIndex=0,
                **attributes({"role": "region", "aria-label": "Chapter 27 at 6 digits"}),
            ),
        ]
    )


def _heading_row(rank: int, row: pd.Series, total: float) -> html.Tr:
    weight = "—" if pd.isna(row["weight_t"]) else f"{row['weight_t']:,.0f}"
    cells = [
        str(rank),
        [html.Strong(row["code"]), " ", row["name"] or "(no name in the names file)"],
        row["chapter"],
        f"{row['value_kusd'] / 1e3:,.1f}",
        f"{row['value_kusd'] / total * 100:.1f} %",
        weight,
    ]
    return html.Tr(
        [
            html.Td(c, **attributes({"data-label": label}))
            for c, label in zip(cells, HEADING_COLUMNS, strict=True)
        ]
    )


@callback(
    Output("products-headings", "children"),
    Input("products-direction", "value"),
    Input("products-year", "value"),
)
def show_headings(direction: object, year: object) -> html.Div:
    """The headings table of the chosen direction and year."""
    products = data.load().products
    chosen = direction if isinstance(direction, str) and direction in DIRECTIONS else "RUS→CHN"
    years = set(products["year"].astype(int))
    known = isinstance(year, int) and not isinstance(year, bool) and year in years
    when = year if known and isinstance(year, int) else max(years)
    return headings_table(products, chosen, when)


@callback(
    Output({"type": "products-cite", "direction": MATCH}, "children"),
    Input({"type": "products-chart", "direction": MATCH}, "clickData"),
    prevent_initial_call=True,
)
def cite_bar(click: object) -> Any:
    """The full citation of the bar clicked, its value and share looked up on the server
    (nothing the browser sends is shown back)."""
    trigger = ctx.triggered_id
    slugs = {slug: d for d, slug in SLUGS.items()}
    try:
        point = click["points"][0]  # type: ignore[index]
        label, year = str(point["customdata"][0]), int(point["x"])
        direction = slugs[trigger["direction"]]
    except (TypeError, KeyError, IndexError, ValueError):
        return dash.no_update
    tables = data.load()
    frame = chapter_frame(tables.products, direction)
    found = data.records(frame[(frame["year"] == year) & (frame["label"] == label)])
    if not found:
        return dash.no_update
    bar = found[0]
    source = data.records(tables.sources[tables.sources["source_id"] == bar["source_id"]])[0]
    what = "the sum of the chapters not drawn by name" if label == OTHER else f"chapter {label}"
    return html.Div(
        [
            html.P(
                [
                    html.Strong(
                        f"{DIRECTIONS[direction]}, {year}, {what}: US$ "
                        f"{bar['value_kusd'] / 1e6:.2f} bn ({bar['share']:.1f} % of the year)"
                    ),
                    html.Br(),
                    f"Section: {bar['section']}",
                ]
            ),
            html.Dl(
                [
                    html.Dt("Citation"),
                    html.Dd(source["citation_full"]),
                    html.Dt("Link"),
                    html.Dd(citations.link(source["url_main"])),
                    html.Dt("Accessed"),
                    html.Dd(source["date_accessed"]),
                    html.Dt("Caveats"),
                    html.Dd(source["note"]),
                ]
            ),
        ],
        className="border rounded p-2 mt-2",
        style={"overflowWrap": "anywhere"},
    )
