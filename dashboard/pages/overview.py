"""Overview: the latest figure of each family, then the articles' claims against the official
figures."""

from typing import Any

import dash
import pandas as pd
from dash import dcc, html

from dashboard import citations, data, headlines, memo
from dashboard.cache import per_build
from dashboard.cards import verdict_badge
from dashboard.charts import encoding
from dashboard.charts.registry import PAGES_BY_ID, chart_for
from dashboard.widgets import attributes, table

dash.register_page(
    __name__,
    path="/",
    name="Claims vs record",
    order=0,  # places in the navigation are sparse numbers (indicator pages: charts/registry.py)
    title="Claims vs record · China–Russia figures",
)

COLUMNS = (
    "Claim (quote)",
    "Period",
    "Claimed",
    "Official figure",
    "Difference beyond the claim's precision",
    "Verdict",
    "Chart",
)


def chart_link(claim: pd.Series) -> str | None:
    """The chart where a claim is drawn beside its series, framed from a few years before its
    period to the chart page's last year; None if no chart draws its indicator."""
    chart = chart_for(claim["indicator"])
    if chart is None:
        return None
    page = PAGES_BY_ID[chart.page]
    low, high = memo.offer(page).bounds
    start = max(int(claim["period"][:4]) - 4, low) if claim["period"][:4].isdigit() else low
    return f"{page.path}?start={start}&end={high}&claim={claim['obs_id']}#{chart.chart_id}"


def _chart_cell(link: str | None) -> Any:
    return dcc.Link("View on chart", href=link) if link else "—"


def _value(value: float, unit: str) -> str:
    return "—" if pd.isna(value) else encoding.format_value(value, unit)


def gap_text(gap: float) -> str:
    """The distance a verdict was judged on, in the About page's words: measured against the
    precision the claim itself uses."""
    if pd.isna(gap):
        return "—"
    return "none: within it" if gap == 0 else f"{gap:.1f} % of the official figure"


def official_cell(claim: pd.Series, sources: pd.DataFrame) -> Any:
    """The official figure compared with, named by its producer (and trust tier, where the
    sources table gives one), linked to its citation on the chart."""
    if pd.isna(claim["official_value"]):
        return "—"
    source = sources.loc[claim["official_source_id"]]
    who = [str(source["producer"])]
    tier = str(source.get("tier", "") or "")
    if tier:
        who.append(tier.replace("_", " "))
    point = {"indicator": claim["indicator"], "obs_id": claim["official_obs_id"]}
    address = citations.point_address(point)
    value = _value(claim["official_value"], claim["unit"])
    return [
        dcc.Link(value, href=address) if address else value,
        html.Br(),
        html.Small(" · ".join(who), className="text-body-secondary"),
    ]


def claims_table(check: pd.DataFrame, sources: pd.DataFrame) -> html.Table:
    """Every claim with its official comparison and verdict."""
    header = html.Thead(html.Tr([html.Th(h, scope="col") for h in COLUMNS]))
    by_id = sources.set_index("source_id")
    rows = []
    for _, c in check.iterrows():
        cells = [
            [
                html.Q(c["quote"]),
                html.Br(),
                html.Small(f"{c['article_id']} · {c['claim_id']}", className="text-body-secondary"),
            ],
            c["period"],
            _value(c["claimed_value"], c["unit"]),
            official_cell(c, by_id),
            gap_text(c["verdict_gap_pct"]),
            [verdict_badge(c["verdict"]), html.Br(), html.Small(c["reason"])],
            _chart_cell(chart_link(c)),
        ]
        rows.append(
            html.Tr(
                [
                    html.Td(cell, **attributes({"data-label": label}))
                    for label, cell in zip(COLUMNS, cells, strict=True)
                ]
            )
        )
    return table([header, html.Tbody(rows)], "claims-table", id="overview-claims")


def layout(**_query: object) -> html.Div:
    """The claims table with a count of verdicts."""
    return _layout()


@per_build(size=1)
def _layout() -> html.Div:
    """The page for one build of the tables."""
    tables = data.load()
    check = tables.claims_check
    counts = check["verdict"].value_counts()
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    return html.Div(
        [
            headlines.section(tables),
            html.H2("The articles' claims against the record", className="h3 mt-4"),
            html.P(
                [
                    "Every figure stated in two opinion articles on China–Russia relations, set "
                    "beside the official figure it can be checked against. The difference is "
                    'measured against the precision the claim itself uses ("about 200 '
                    'billion" is not held to the dollar). The rule behind each verdict is on '
                    "the ",
                    dcc.Link("About page", href="/about"),
                    ". ",
                    f"{len(check)} claims: {summary}.",
                ],
                className="lead fs-6",
            ),
            claims_table(check, tables.sources),
        ]
    )
