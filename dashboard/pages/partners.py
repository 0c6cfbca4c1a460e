"""Partners: China's and Russia's trade with the Central Asian states, Mongolia and India side
by side (IMF Direction of Trade, to 2020), and the IMF IMTS latest-year top-15 snapshot."""

from typing import Any

import dash
import pandas as pd
from dash import dcc, html

from dashboard import citations, data
from dashboard.cache import per_build
from dashboard.cards import GRAPH_CONFIG
from dashboard.charts.encoding import PALETTE
from dashboard.schema.vocabulary import PARTNER_LABELS
from dashboard.widgets import attributes, table

dash.register_page(
    __name__,
    path="/partners",
    name="Partners",
    order=56,
    title="Partners: Central Asia, Mongolia, India · China–Russia figures",
)

PARTNERS = ("KAZ", "UZB", "KGZ", "TJK", "TKM", "MNG", "IND")
REPORTERS = {"CHN": "#D55E00", "RUS": "#0072B2"}
DOTS = "imf-dots-partners"
IMTS = "imf-imts-top15"
FIRST_YEAR = 2000
CONFIG: Any = {**GRAPH_CONFIG, "displayModeBar": False}
CSV_URL = "/api/v1/partners.csv"
SNAPSHOT_COLUMNS = (
    "Partner",
    "China's exports to it",
    "Russia's exports to it",
    "Its exports to China",
    "Its exports to Russia",
)
ABSENT = "not in its top 15"


def layout(**_query: object) -> html.Div:
    """Side-by-side bars of the last DOTS year, lines per reporter, the IMTS snapshot."""
    return _layout()


@per_build(size=1)
def _layout() -> html.Div:
    tables = data.load()
    partners, sources = tables.partners, tables.sources
    short = dict(zip(sources["source_id"], sources["attribution_short"], strict=True))
    dots = turnover(partners[partners["source_id"] == DOTS])
    last = int(dots["year"].max())
    cited = sources[sources["source_id"].isin(set(partners["source_id"]))]
    return html.Div(
        [
            html.H1(
                "China's and Russia's trade with Central Asia, Mongolia and India",
                className="h3 mt-3",
            ),
            html.P(
                "Goods trade (exports plus imports) of each reporter with Kazakhstan, "
                "Uzbekistan, Kyrgyzstan, Tajikistan, Turkmenistan, Mongolia and India, as "
                f"China and Russia each report it to the IMF (Direction of Trade, to {last}), "
                "and the latest year of IMF IMTS exports where a partner is among a reporter's "
                "top 15. No statement in this project's record gives these partners' trade "
                f"after {last}; the gap stays visible.",
                className="lead fs-6",
            ),
            _figure_block(
                "partners-bars",
                f"Trade with each partner in {last}, China and Russia side by side",
                bars_figure(dots[dots["year"] == last], short[DOTS]),
                f"Source: {short[DOTS]} (each reporter's own figures; exports FOB + imports CIF).",
            ),
            *[
                _figure_block(
                    f"partners-lines-{reporter.lower()}",
                    f"{PARTNER_LABELS[reporter]}'s trade with each partner, {FIRST_YEAR}–{last}",
                    lines_figure(
                        dots[(dots["reporter"] == reporter) & (dots["year"] >= FIRST_YEAR)],
                        short[DOTS],
                    ),
                    f"Source: {short[DOTS]} ({PARTNER_LABELS[reporter]}-reported).",
                )
                for reporter in REPORTERS
            ],
            html.H2("Latest year: IMF IMTS, top 15 partners only", className="h5 mt-4"),
            html.P(
                "Exports as each reporter declares them, US$ bn, the latest observation of "
                "each partner series (2022–2025; the year of each value is not stored). The "
                "snapshot keeps each reporter's top 15 partners only: a partner missing from a "
                "list (“not in its top 15”) is absent, not zero.",
                className="small",
            ),
            html.Div(
                snapshot_table(partners[partners["source_id"] == IMTS]),
                className="table-responsive",
                tabIndex=0,
                **attributes({"role": "region", "aria-label": "IMTS top-15 snapshot"}),
            ),
            html.P(
                [
                    f"Source: {short[IMTS]}. ",
                    html.A(
                        "Download the partners table (CSV, with the citation on every row)",
                        href=CSV_URL,
                        download="china-russia-figures-partners.csv",
                        id="partners-csv",
                    ),
                ],
                className="source-line small",
            ),
            html.H2("Sources", className="h5 mt-4"),
            html.Ul(
                [
                    html.Li(
                        [
                            html.Strong(s["title"]),
                            html.Br(),
                            s["citation_full"],
                            html.Br(),
                            citations.link(s["url_main"]) if s["url_main"] else "",
                            html.Br(),
                            html.Small(s["note"], className="text-body-secondary"),
                        ],
                        className="mb-2",
                    )
                    for _, s in cited.iterrows()
                ],
                id="partners-sources",
                style={"overflowWrap": "anywhere"},
            ),
        ],
        id="partners-page",
    )


def turnover(rows: pd.DataFrame) -> pd.DataFrame:
    """Exports plus imports per reporter, partner and year (only years with both flows)."""
    both = rows.groupby(["reporter", "partner", "year"]).filter(lambda g: len(g) == 2)
    return both.groupby(["reporter", "partner", "year"], as_index=False).agg(value=("value", "sum"))


def _hover(short: str) -> str:
    return (
        "<b>%{customdata[0]}</b><br>%{customdata[1]}: US$ %{customdata[2]} bn"
        f"<br>Source: {short}<extra></extra>"
    )


def bars_figure(year_rows: pd.DataFrame, short: str) -> dict[str, Any]:
    """One pair of bars per partner: China's and Russia's trade with it."""
    traces = []
    for reporter, colour in REPORTERS.items():
        rows = year_rows[year_rows["reporter"] == reporter].set_index("partner")
        values = [rows["value"].get(p) for p in PARTNERS]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": f"{PARTNER_LABELS[reporter]}-reported",
                "y": [PARTNER_LABELS[p] for p in PARTNERS],
                "x": [None if v is None else round(v, 3) for v in values],
                "marker": {"color": colour},
                "customdata": [
                    [
                        f"{PARTNER_LABELS[reporter]} ↔ {PARTNER_LABELS[p]}",
                        str(int(year_rows["year"].iloc[0])),
                        "no data" if v is None else f"{v:.2f}",
                    ]
                    for p, v in zip(PARTNERS, values, strict=True)
                ],
                "hovertemplate": _hover(short),
            }
        )
    return {
        "data": traces,
        "layout": {
            "barmode": "group",
            "height": 420,
            "margin": {"l": 96, "r": 8, "t": 8, "b": 40},
            "xaxis": {"title": {"text": "US$ bn"}, "fixedrange": True},
            "yaxis": {"autorange": "reversed", "fixedrange": True},
            "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom"},
            "font": {"family": "system-ui, sans-serif"},
        },
    }


def lines_figure(rows: pd.DataFrame, short: str) -> dict[str, Any]:
    """One line per partner over the years."""
    traces = []
    for number, partner in enumerate(PARTNERS):
        line = rows[rows["partner"] == partner].sort_values("year")
        reporter = PARTNER_LABELS[str(rows["reporter"].iloc[0])] if len(rows) else ""
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": PARTNER_LABELS[partner],
                "x": line["year"].astype(int).tolist(),
                "y": line["value"].round(3).tolist(),
                "line": {"color": PALETTE[number % len(PALETTE)], "width": 2},
                "marker": {"size": 4},
                "customdata": [
                    [f"{reporter} ↔ {PARTNER_LABELS[partner]}", str(int(y)), f"{v:.2f}"]
                    for y, v in zip(line["year"], line["value"], strict=True)
                ],
                "hovertemplate": _hover(short),
            }
        )
    return {
        "data": traces,
        "layout": {
            "height": 400,
            "margin": {"l": 48, "r": 8, "t": 8, "b": 8},
            "yaxis": {"title": {"text": "US$ bn"}, "fixedrange": True},
            "xaxis": {"fixedrange": True},
            "legend": {"orientation": "h", "y": -0.1, "yanchor": "top"},
            "font": {"family": "system-ui, sans-serif"},
        },
    }


def _figure_block(chart_id: str, title: str, figure: dict[str, Any], source: str) -> html.Section:
    return html.Section(
        [
            html.H2(title, className="h5 mt-4"),
            html.Div(
                dcc.Graph(id=chart_id, figure=figure, config=CONFIG, className="partners-chart"),
                role="figure",
                **attributes({"aria-label": f"{title}, US$ bn. {source}"}),
            ),
            html.P(source, className="source-line small"),
        ]
    )


def snapshot_table(rows: pd.DataFrame) -> html.Table:
    """Each partner's row of the top-15 snapshot; an absent pair says so, never 0."""
    found = {(r["reporter"], r["partner"]): r for _, r in rows.iterrows()}

    def cell(reporter: str, partner: str) -> str:
        row = found.get((reporter, partner))
        if row is None:
            return ABSENT
        return f"{row['value']:,.2f} (rank {int(row['rank'])})"

    body = []
    for partner in PARTNERS:
        cells = [
            PARTNER_LABELS[partner],
            cell("CHN", partner),
            cell("RUS", partner),
            cell(partner, "CHN"),
            cell(partner, "RUS"),
        ]
        body.append(
            html.Tr(
                [
                    html.Td(c, **attributes({"data-label": label}))
                    for c, label in zip(cells, SNAPSHOT_COLUMNS, strict=True)
                ]
            )
        )
    header = html.Thead(html.Tr([html.Th(h, scope="col") for h in SNAPSHOT_COLUMNS]))
    return table([header, html.Tbody(body)], "partners-table", id="partners-snapshot")
