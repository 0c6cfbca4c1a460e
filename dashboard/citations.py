"""The citation panel: what one point or event says about itself, and how to cite it."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
from dash import html

from dashboard import data, widgets
from dashboard.charts import encoding
from dashboard.charts.registry import PAGES_BY_ID, chart_for

PROJECT = "China–Russia figures"


def citation_details(
    point: Mapping[str, Any], inputs: pd.DataFrame, origins: pd.DataFrame, claim: Mapping[str, Any]
) -> list[Any]:
    """The full citation of one point, for the citation panel; a derived point also lists
    its inputs and the sources they rest on; a claim shows the official value it was
    compared with."""
    series = ", ".join(
        p for p in (point["economy_label"], point["series_basis"]) if isinstance(p, str) and p
    )
    items = [
        html.H3(point["indicator_title"], className="h6"),
        html.P(series, className="small text-body-secondary"),
        html.P(
            [
                html.Strong(point["period"] + ": "),
                encoding.format_value(point["value"], point["unit"]),
            ]
        ),
        html.Dl(
            [
                *_entry("Kind", encoding.KIND_LABELS[point["kind"]]),
                *_claim_entries(claim),
                *_entry(
                    "Trust tier", encoding.tier_text(point["source_tier"], point["source_cites"])
                ),
                *_entry("Citation", point["source_citation"]),
                *_entry("Link", link(point["source_url"], _host(point["source_url"]))),
                *_entry("Published", point["source_date_published"] or "not stated"),
                *_entry("Accessed", point["source_date_accessed"]),
                *_entry("Licence", point["source_license"]),
                *_entry("Quote", html.Q(point["source_quote"]) if point["source_quote"] else ""),
                *_entry("Where", point["source_locator"]),
                *_entry("Method", point["method"]),
                *_entry("Note", point["note"]),
            ]
        ),
        html.H4("Cite this point", className="h6"),
        html.Pre(cite_point(point), className="citation-text", id=f"cite-{point['obs_id']}"),
        copy_button(f"cite-{point['obs_id']}", "Copy citation"),
        *_point_link(point),
    ]
    if len(inputs):
        items += [
            html.H4("Inputs", className="h6"),
            html.Ul(
                [
                    html.Li(
                        f"{r['indicator_title']}, {r['period']}: "
                        f"{encoding.format_value(r['value'], r['unit'])} ({r['source_short']})"
                    )
                    for r in data.records(inputs)
                ]
            ),
        ]
    if len(origins):
        items += [
            html.H4("Sources of the inputs", className="h6"),
            html.Ul(
                [
                    html.Li([f"{r['citation_full']} ", link(r["url_main"], r["url_main"])])
                    for r in data.records(origins)
                ]
            ),
        ]
    items.append(
        html.P(html.Small(f"Observation id: {point['obs_id']}"), className="text-body-secondary")
    )
    return items


def copy_button(target: str, label: str) -> html.Button:
    """A button that copies the text of the element with id `target` (assets/grapher.js) and
    says so."""
    return html.Button(
        label,
        type="button",
        className="btn btn-outline-secondary btn-sm me-2 mb-2 copy-text",
        **widgets.attributes({"data-copy": target}),
    )


def point_address(point: Mapping[str, Any]) -> str | None:
    """The address (path and query) that opens a point's chart with its citation, or None if
    no chart draws its indicator."""
    chart = chart_for(point["indicator"])
    if chart is None:
        return None
    return f"{PAGES_BY_ID[chart.page].path}?point={point['obs_id']}#{chart.chart_id}"


def _point_link(point: Mapping[str, Any]) -> list[Any]:
    address = point_address(point)
    if address is None:
        return []
    target = f"link-{point['obs_id']}"
    return [
        html.P(
            [
                "Link to this point: ",
                html.A(address, href=address, id=target, className="point-link"),
            ],
            className="small mb-1",
        ),
        copy_button(target, "Copy link"),
    ]


def _claim_entries(claim: Mapping[str, Any]) -> list[Any]:
    """What a claim was compared with, by whom, and the distance its verdict was judged on."""
    if not claim:
        return []
    official = claim["official_value"]
    who = claim.get("official_producer") or claim["official_source_id"]
    compared = (
        "no official value to compare"
        if pd.isna(official)
        else f"{encoding.format_value(official, claim['unit'])} ({who})"
    )
    gap = claim.get("verdict_gap_pct", float("nan"))
    difference = (
        ""
        if pd.isna(gap)
        else "none: within the claim's stated precision"
        if gap == 0
        else f"{gap:.1f} % of the official figure beyond the claim's stated precision"
    )
    word = encoding.verdict_word(claim["verdict"])
    return [
        *_entry("Official value", compared),
        *_entry("Difference", difference),
        *_entry("Verdict", f"{word}: {claim['reason']}"),
    ]


def cite_point(point: Mapping[str, Any]) -> str:
    """A ready-made citation of one point."""
    value = encoding.format_value(point["value"], point["unit"])
    citation = point["source_citation"]
    url = "" if point["source_url"] in citation else f" {point['source_url']}"
    return (
        f"{point['indicator_title']}, {point['period']}: {value}. {citation}{url} "
        f"(accessed {point['source_date_accessed'] or 'n.d.'}). "
        f"Via {PROJECT}, observation {point['obs_id']}."
    )


def event_details(event: Mapping[str, Any], source: Mapping[str, Any]) -> list[Any]:
    """The citation of a dated event."""
    return [
        html.H3(event["label"], className="h6"),
        html.Dl(
            [
                *_entry("Date", f"{event['date']} (precision: {event['date_precision']})"),
                *_entry("Citation", source["citation_full"]),
                *_entry("Link", link(source["url_main"], _host(source["url_main"]))),
                *_entry("Quote", html.Q(source["quote"]) if source["quote"] else ""),
                *_entry("Where", source["locator"]),
                *_entry("Accessed", source["date_accessed"]),
            ]
        ),
    ]


def several(found: list[list[Any]]) -> list[Any]:
    """The citations of several points drawn at one spot, the one on top first."""
    intro = html.P(
        f"{len(found)} points are drawn at this spot; the one on top comes first.",
        className="small text-body-secondary",
    )
    return [intro, *[html.Section(items, className="spot-point") for items in found]]


def _entry(term: str, value: Any) -> list[Any]:
    if value is None or (isinstance(value, str) and not value):
        return []
    return [html.Dt(term), html.Dd(value)]


def _host(url: str) -> str:
    """A link's visible text: the site it leads to (the full address is in the citation)."""
    return urlsplit(url).hostname or url


def link(url: str, text: str | None = None) -> Any:
    """An outside address as a link that opens apart from the site (text alone for anything
    but http(s)): the one way the site links to a source."""
    if not url.startswith(("http://", "https://")):
        return text or url
    return html.A(text or url, href=url, target="_blank", rel="noopener noreferrer")


PANEL_CLASS = "citation-panel"


def citation_panel(body: list[Any] | None = None) -> html.Aside:
    """The side panel that shows a clicked point's citation (its button and Escape close it;
    the page stays usable beside it, so another point can be clicked while it is open); open
    at first with `body`, when given (a page opened with `?point=`)."""
    contents = html.Div(body, id="citation-body", tabIndex="-1")
    return widgets.side_panel("citation-panel", "Citation", contents, PANEL_CLASS, bool(body))


def panel_class(is_open: bool) -> str:
    """The citation panel's class, open or closed."""
    return widgets.side_panel_class(PANEL_CLASS, is_open)
