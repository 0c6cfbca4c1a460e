"""Check a claim: paste text, see each China–Russia figure in it judged against the record.

The same engine as `python -m dashboard.check`; this page only validates input and draws.
Every number of the text is listed: checked (verdict), found but not checked (why), or not a
China–Russia figure. The result downloads as CSV or JSON. A short text gets a link that
carries it in the URL fragment: the browser never sends a fragment in a request, the page's
script reads it and posts it to this server only, as a pasted text is.
"""

import math
import re
from datetime import date
from typing import Any
from urllib.parse import urlencode

import dash
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html
from dash.dcc.express import send_string

from dashboard import citations, widgets
from dashboard.check.engine import CHECKED, NOT_CHECKED, account
from dashboard.check.export import render
from dashboard.check.periods import date_problem
from dashboard.schema.vocabulary import ECONOMY_LABELS, REPORTER_LABELS, UNITS

dash.register_page(
    __name__,
    path="/check",
    name="Check a claim",
    order=80,
    title="Check a claim · China–Russia figures",
)

MAX_CHARS = 20_000
SHARE_CHARS = 1_500  # longer texts get no link (a URL that long is unwieldy)
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
                "figure for the official figure, its citation and the chart it sits on. Every "
                "number in the text is listed below it: checked, found but not checked (and "
                "why), or not a China–Russia figure.",
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
            html.Div(
                [
                    widgets.button("Download CSV", "check-csv"),
                    widgets.button("Download JSON", "check-json"),
                    html.Span(id="check-share", className="ms-2"),
                ],
                id="check-exports",
                className="d-flex flex-wrap gap-2 align-items-center mb-3",
                hidden=True,
            ),
            html.Div(id="check-list"),
            dcc.Store(id="check-rows"),
            dcc.Download(id="check-download"),
            dcc.Location(id="check-location", refresh=False),
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


# a link opened with "#text=…&date=…" fills the form and checks it (the fragment stays here)
clientside_callback(
    """function (hash, clicks) {
        const none = window.dash_clientside.no_update;
        if (!hash || hash.length < 2) { return [none, none, none]; }
        const params = new URLSearchParams(hash.slice(1));
        const text = params.get("text");
        if (!text) { return [none, none, none]; }
        return [text, params.get("date") || "", (clicks || 0) + 1];
    }""",
    Output("check-text", "value"),
    Output("check-date", "value"),
    Output("check-submit", "n_clicks"),
    Input("check-location", "hash"),
    State("check-submit", "n_clicks"),
)


@callback(
    Output("check-output", "children"),
    Output("check-message", "children"),
    Output("check-rows", "data"),
    Output("check-detail", "children", allow_duplicate=True),
    Output("check-list", "children"),
    Output("check-exports", "hidden"),
    Output("check-share", "children"),
    Input("check-submit", "n_clicks"),
    State("check-text", "value"),
    State("check-date", "value"),
    prevent_initial_call="initial_duplicate",
)
def run(_clicks: object, text: object, when: object) -> tuple[Any, ...]:
    """Check the text, highlight each number and list them all."""
    body, published, error = validate(text, when)
    if error:
        warning = html.Div(error, className="alert alert-warning py-2")
        return [], warning, None, [], [], True, []
    rows = checked(body, published)
    found = len({(r["start"], r["end"]) for r in rows if r["indicator"]})
    message = (
        f"{found} figure{'s' if found != 1 else ''} found. Click one for the official figure."
        if found
        else "No China–Russia figure found in this text."
    )
    day = published.isoformat() if published else ""
    asked = {"text": body, "date": day}
    return (
        highlight(body, rows),
        html.P(message, className="mb-0"),
        asked,
        [],
        listing(rows),
        False,
        share_link(body, day),
    )


def checked(body: str, published: date | None) -> list[dict[str, Any]]:
    """The engine's rows for a text (every number), JSON-safe."""
    return [_clean(row) for row in account(body, published)]


def share_link(body: str, day: str) -> Any:
    """A link carrying a short text in its fragment, never in its path or query."""
    if len(body) > SHARE_CHARS:
        return html.Small(
            f"No link for texts over {SHARE_CHARS:,} characters: download the result instead.",
            className="text-body-secondary",
        )
    fragment = urlencode({"text": body, "date": day})
    return html.A("Link to this check", href=f"/check#{fragment}", id="check-share-link")


@callback(
    Output("check-download", "data"),
    Input("check-csv", "n_clicks"),
    Input("check-json", "n_clicks"),
    State("check-rows", "data"),
    prevent_initial_call=True,
)
def download(_csv: object, _json: object, asked: object) -> Any:
    """The result as CSV or JSON (the text is checked again: nothing sent back is trusted)."""
    if not isinstance(asked, dict):
        return dash.no_update
    body, published, error = validate(asked.get("text"), asked.get("date"))
    if error:
        return dash.no_update
    form = "json" if ctx.triggered_id == "check-json" else "csv"
    media = "application/json" if form == "json" else "text/csv"
    text = render(account(body, published), form)
    return dict(send_string(text, f"china-russia-check.{form}", type=media))


OUTCOME_STYLE = {  # the figures found but not checked dotted, other numbers left plain
    NOT_CHECKED: {"borderBottom": "2px dotted #6c757d"},
}


def listing(rows: list[dict[str, Any]]) -> Any:
    """Every number of the text, what became of it and why."""
    if not rows:
        return html.P("No number in this text.", className="text-body-secondary")
    head = html.Thead(
        html.Tr([html.Th(t, scope="col") for t in ("Number", "Outcome", "Figure", "Why")])
    )
    body = html.Tbody([_listed(row) for row in rows])
    counts = {o: sum(r["outcome"] == o for r in rows) for o in (CHECKED, NOT_CHECKED)}
    other = len(rows) - sum(counts.values())
    return html.Details(
        [
            html.Summary(
                f"Every number in the text: {counts[CHECKED]} checked, {counts[NOT_CHECKED]} "
                f"found but not checked, {other} not a China–Russia figure"
            ),
            html.Div(
                widgets.table([head, body], "mt-2 small", id="check-numbers"),
                className="table-responsive",
                tabIndex=0,
                **widgets.attributes({"role": "region", "aria-label": "Every number in the text"}),
            ),
        ],
        open=True,
        className="mb-3",
    )


def _listed(row: dict[str, Any]) -> html.Tr:
    outcome = row["outcome"]
    if row["verdict"] and outcome == CHECKED:
        outcome = f"{outcome}: {row['verdict']}"
    figure = " · ".join(p for p in (row["indicator"], row["economy"], row["period"]) if p)
    return html.Tr(
        [html.Td(row["text"]), html.Td(outcome), html.Td(figure), html.Td(row["reason"])]
    )


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-safe: NaN becomes None."""
    return {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}


def highlight(text: str, rows: list[dict[str, Any]]) -> list[Any]:
    """The text with each figure marked by its verdict ('since 2018' claims share a mark);
    the figures found but not checked underlined, with why on hover."""
    spans: dict[tuple[int, int], list[int]] = {}
    for index, row in enumerate(rows):
        if row["indicator"] or row["outcome"] == NOT_CHECKED:
            spans.setdefault((row["start"], row["end"]), []).append(index)
    children: list[Any] = []
    cursor = 0
    for (start, end), indexes in sorted(spans.items()):
        if start < cursor:
            continue
        children.append(text[cursor:start])
        cursor = end
        first = rows[indexes[0]]
        if not first["indicator"]:
            children.append(
                html.Span(
                    text[start:end],
                    title=f"found, not checked: {first['reason']}",
                    style=OUTCOME_STYLE[NOT_CHECKED],
                )
            )
            continue
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
        links.append(citations.link(row["official_url"], "Source"))
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
