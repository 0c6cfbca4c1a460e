"""Check a claim: paste text, see each China–Russia figure in it judged against the record.

The same engine as `python -m dashboard.check`; this page only validates input and draws.
"""

import math
import re
from datetime import date
from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboard import widgets
from dashboard.check.engine import check
from dashboard.check.periods import date_problem
from dashboard.schema.vocabulary import ECONOMY_LABELS, REPORTER_LABELS, UNITS

dash.register_page(
    __name__,
    path="/check",
    name="Check a claim",
    order=8,
    title="Check a claim · China–Russia figures",
)

MAX_CHARS = 20_000
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
COLOURS = {  # background, with the verdict also written out (never colour alone)
    "consistent": "#cfe8d5",
    "target-met": "#cfe8d5",
    "approximate": "#fde9b8",
    "inconsistent": "#f6c9c4",
    "target-missed": "#f6c9c4",
    "unverified": "#e2e3e5",
    "pending": "#e2e3e5",
}
UNIT_LABELS = {**UNITS, "CNY bn": "billions of yuan"}
EXAMPLE = (
    "In 2020, Russia's GDP was about $1.46 trillion, compared to China's $14.8 trillion. "
    "Trade between China and Russia reached $240.11 billion in 2023, up 26.3%, according "
    "to China's customs. Since 2018 it has stayed above $100 billion."
)


def layout(**_query: object) -> html.Div:
    """The form, the highlighted text and the detail of the figure clicked."""
    return html.Div(
        [
            html.H1("Check a claim", className="h3 mt-3"),
            html.P(
                "Paste a sentence or a whole article. Every figure about China–Russia trade, "
                "trade shares, ruble/yuan settlement, GDP or gas is found and checked against "
                "the published tables with the project's verdict rule. Click a highlighted "
                "figure for the official figure, its citation and the chart it sits on.",
                className="text-body-secondary",
            ),
            html.Label("Text", htmlFor="check-text", className="form-label"),
            dcc.Textarea(
                id="check-text",
                value=EXAMPLE,
                maxLength=MAX_CHARS,
                style={"width": "100%", "height": "10rem"},
                className="form-control mb-2",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            html.Label(
                                "Publication date, YYYY-MM-DD (resolves 'last year')",
                                htmlFor="check-date",
                                className="form-label",
                            ),
                            dcc.Input(
                                id="check-date",
                                type="text",
                                value=date.today().isoformat(),
                                placeholder="YYYY-MM-DD",
                                pattern=r"\d{4}-\d{2}-\d{2}",
                                maxLength=10,
                                className="form-control",
                            ),
                        ],
                        className="col-12 col-md-5",
                    ),
                    html.Div(
                        widgets.button("Check", "check-submit", primary=True),
                        className="col-12 col-md-3 d-flex align-items-end mt-2 mt-md-0",
                    ),
                ],
                className="row mb-3",
            ),
            html.Div(id="check-message", role="status", className="mb-2"),
            html.Div(
                id="check-output",
                className="border rounded p-3 mb-3",
                style={"whiteSpace": "pre-wrap", "lineHeight": "1.9"},
            ),
            html.Div(id="check-detail", **_polite()),
            dcc.Store(id="check-rows"),
        ]
    )


def _polite() -> Any:
    """Screen readers announce the detail when it changes."""
    return {"aria-live": "polite"}


def validate(text: object, when: object) -> tuple[str, date | None, str]:
    """The text and date to check, or an error message."""
    if not isinstance(text, str) or not text.strip():
        return "", None, "Paste some text to check."
    if len(text) > MAX_CHARS:
        return "", None, f"The text is longer than {MAX_CHARS:,} characters; check it in parts."
    if when in (None, ""):
        return text, None, ""
    if not isinstance(when, str) or not DATE.fullmatch(when):
        return "", None, "The date must be YYYY-MM-DD."
    try:
        published = date.fromisoformat(when)
    except ValueError:
        return "", None, "The date must be YYYY-MM-DD."
    problem = date_problem(published)
    if problem:
        return "", None, f"The {problem}."
    return text, published, ""


@callback(
    Output("check-output", "children"),
    Output("check-message", "children"),
    Output("check-rows", "data"),
    Output("check-detail", "children", allow_duplicate=True),
    Input("check-submit", "n_clicks"),
    State("check-text", "value"),
    State("check-date", "value"),
    prevent_initial_call="initial_duplicate",
)
def run(_clicks: object, text: object, when: object) -> tuple[Any, Any, Any, Any]:
    """Check the text and highlight each figure found."""
    body, published, error = validate(text, when)
    if error:
        return [], html.Div(error, className="alert alert-warning py-2"), None, []
    rows = checked(body, published)
    found = len({(r["start"], r["end"]) for r in rows})
    message = (
        f"{found} figure{'s' if found != 1 else ''} found. Click one for the official figure."
        if rows
        else "No China–Russia figure found in this text."
    )
    asked = {"text": body, "date": published.isoformat() if published else ""}
    return highlight(body, rows), html.P(message, className="mb-0"), asked, []


def checked(body: str, published: date | None) -> list[dict[str, Any]]:
    """The engine's rows for a text, JSON-safe."""
    return [_clean(row) for row in check(body, published)]


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-safe: NaN becomes None."""
    return {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}


def highlight(text: str, rows: list[dict[str, Any]]) -> list[Any]:
    """The text with each figure marked by its verdict ('since 2018' claims share a mark)."""
    spans: dict[tuple[int, int], list[int]] = {}
    for index, row in enumerate(rows):
        spans.setdefault((row["start"], row["end"]), []).append(index)
    children: list[Any] = []
    cursor = 0
    for (start, end), indexes in sorted(spans.items()):
        if start < cursor:
            continue
        children.append(text[cursor:start])
        verdicts = sorted({rows[i]["verdict"] for i in indexes})
        children.append(
            html.Button(
                [text[start:end], html.Small(f" [{', '.join(verdicts)}]", className="ms-1")],
                id={"type": "check-figure", "index": indexes[0]},
                n_clicks=0,
                className="border-0 rounded px-1 py-0 fw-semibold",
                style={"background": COLOURS.get(verdicts[0], "#e2e3e5")},
                title=f"{rows[indexes[0]]['indicator']}: {', '.join(verdicts)}",
            )
        )
        cursor = end
    children.append(text[cursor:])
    return children


@callback(
    Output("check-detail", "children"),
    Input({"type": "check-figure", "index": ALL}, "n_clicks"),
    State("check-rows", "data"),
    prevent_initial_call=True,
)
def detail(clicks: list[int | None], asked: object) -> Any:
    """The official figure, citation and chart of the figure clicked (the text is checked
    again on the server: nothing the browser sends back is trusted as a result)."""
    trigger = ctx.triggered_id
    if not isinstance(asked, dict) or not isinstance(trigger, dict) or not any(clicks or []):
        return dash.no_update
    body, published, error = validate(asked.get("text"), asked.get("date"))
    if error:
        return dash.no_update
    rows = checked(body, published)
    index = trigger.get("index")
    if not isinstance(index, int) or not 0 <= index < len(rows):
        return dash.no_update
    first = rows[index]
    same = [r for r in rows if (r["start"], r["end"]) == (first["start"], first["end"])]
    return [card(row) for row in same]


def _number(value: Any, unit: str) -> str:
    if value is None or value == "":
        return "–"
    return f"{float(value):,.6g} {UNIT_LABELS.get(unit, unit)}"


def card(row: dict[str, Any]) -> html.Div:
    """One claim against its official figure."""
    claimed = _number(row["value"], row["unit"])
    if row["qualifier"] == "range":
        claimed = f"{row['low']:g}–{_number(row['high'], row['unit'])}"
    who = " · ".join(
        p
        for p in (
            ECONOMY_LABELS.get(row["economy"], row["economy"]),
            REPORTER_LABELS.get(row["reporter"], ""),
        )
        if p
    )
    entries = [
        ("Claim", f"{row['text']} → {claimed} ({row['qualifier']}, {row['status']})"),
        ("Indicator", f"{row['indicator']} · {who} · period {row['period'] or 'not stated'}"),
        ("Attributed to", row["attribution"] or "–"),
        ("Official figure", _official(row)),
        ("Difference", "–" if row["difference_pct"] is None else f"{row['difference_pct']:+.2f} %"),
        ("Why", row["reason"]),
        ("Citation", row["official_citation"] or "–"),
    ]
    links = []
    if row["chart"]:
        links.append(html.A("See it on the chart", href=row["chart"], className="me-3"))
    if row["official_url"]:
        links.append(html.A("Source", href=row["official_url"], target="_blank", rel="noopener"))
    return html.Div(
        html.Div(
            [
                html.H2(
                    row["verdict"],
                    className="h6",
                    style={"background": COLOURS.get(row["verdict"]), "padding": "2px 6px"},
                ),
                html.Dl(
                    [part for term, value in entries for part in (html.Dt(term), html.Dd(value))]
                ),
                html.Div(links),
            ],
            className="card-body",
        ),
        className="card mb-2",
    )


def _official(row: dict[str, Any]) -> str:
    if row["official_value"] is None:
        return "none in the published tables"
    text = (
        f"{_number(row['official_value'], row['official_unit'])} "
        f"({row['official_period']}, {row['official_kind'].replace('_', ' ')}, "
        f"{row['official_source_id']})"
    )
    if row["other_reporter_value"] is not None:
        text += f"; the other reporter: {row['other_reporter_value']:,.6g}"
    return text
