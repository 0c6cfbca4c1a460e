"""What each build of the tables added, revised or removed (point, old → new value, source),
newest first; the same as an Atom feed at /changes.atom."""

from typing import Any

import dash
from dash import dcc, html

from dashboard import changes
from dashboard.cache import per_build

dash.register_page(
    __name__,
    path="/changes",
    name="What changed",
    order=75,
    title="What changed · China–Russia figures",
)

SHOWN_PER_BUILD = 200  # changes listed per build; the CSV holds them all


def _change(row: dict[str, object]) -> html.Li:
    who = " / ".join(str(row[k]) for k in ("economy", "reporter") if row[k])
    return html.Li(
        [
            html.Span(str(row["change"]), className=f"badge change-{row['change']} me-1"),
            dcc.Link(str(row["indicator"]), href=f"/data/{row['indicator']}"),
            f" {who}, {row['series']}, {row['period']}: ",
            html.Strong(
                f"{changes.number(row['old_value'])} {changes.ARROW} "
                f"{changes.number(row['new_value'])}"
            ),
            f" {row['unit']}. Source: {row['source_id']}.",
        ],
        className="change-row",
    )


@per_build(size=1)
def _body() -> list[Any]:
    found = changes.builds()
    if not found:
        return [html.P("No build has changed a published value yet.", className="empty-changes")]
    sections: list[Any] = []
    for build in found:
        shown = build.rows[:SHOWN_PER_BUILD]
        more = len(build.rows) - len(shown)
        sections.append(
            html.Section(
                [
                    html.H2(f"{build.date}: build {build.build}", className="h5"),
                    html.P(build.counts(), className="small text-body-secondary"),
                    html.Ul([_change(r) for r in shown], className="change-list"),
                    html.P(f"… and {more} more in changes.csv.") if more > 0 else None,
                ],
                id=f"build-{build.build}",
                className="mb-4",
            )
        )
    return sections


def layout(**_query: object) -> html.Div:
    """Each build's changes, newest first."""
    return html.Div(
        [
            html.H1("What changed", className="h3 mt-3"),
            html.P(
                [
                    "Each rebuild of the tables (make data, make refresh) is compared with the "
                    "tables it replaces: points added, values revised (old → new) and points "
                    "removed, with their source. The full history is changes.csv in the ",
                    html.A("data bundle", href="/download/china-russia-figures.zip"),
                    "; follow it as a feed: ",
                    html.A("Atom", href="/changes.atom"),
                    ".",
                ],
                className="lead fs-6",
            ),
            *_body(),
        ]
    )
