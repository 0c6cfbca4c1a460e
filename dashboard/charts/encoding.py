"""How a chart encodes its points: hover text with a citation on every point, legend names,
fixed colours and symbols, source lines, and the layout pieces of exported images (the
figures themselves are drawn in dashboard.charts.plotting)."""

import textwrap
from typing import Any

import pandas as pd
import plotly.io as pio

from dashboard.cache import per_build
from dashboard.schema.vocabulary import TIERS

KIND_LABELS = {
    "official_series": "official series",
    "official_statement": "official statement",
    "article_claim": "article claim",
    "derived": "derived",
}
KIND_ORDER = {"official_series": 0, "derived": 1, "official_statement": 2, "article_claim": 3}
# verdict: legend word, marker symbol, colour (told apart by symbol and word, not colour alone;
# every colour has at least 4.5:1 contrast on white)
VERDICT_STYLES = {
    "consistent": ("consistent", "circle-open", "#1a7f37"),
    "target-met": ("target met", "circle-open", "#1a7f37"),
    "approximate": ("approximate", "hexagon-open", "#8a5a00"),
    "inconsistent": ("inconsistent", "x-thin-open", "#cf222e"),
    "target-missed": ("target missed", "x-thin-open", "#cf222e"),
    "unverified": ("unverified", "square-open", "#57606a"),
    "pending": ("pending", "square-open", "#57606a"),
    "": ("not checked", "square-open", "#57606a"),
}
# Okabe–Ito (colour-blind safe), then three of Paul Tol's muted scheme; yellow left out
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#882255",
    "#117733",
    "#332288",
)
CUSTOM = [
    "obs_id",
    "series_name",
    "period",
    "value_text",
    "source_line",
    "kind_label",
    "detail_text",
]
HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}: %{customdata[3]}<br>"
    "Source: %{customdata[4]}<br>Kind: %{customdata[5]}%{customdata[6]}"
    "<br><i>Click for the full citation</i><extra></extra>"
)
SYMBOLS = {"more_than": "triangle-up", "less_than": "triangle-down"}
QUALIFIER_WORDS = {"about": "about ", "more_than": "more than ", "less_than": "less than "}
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50)
# the point columns a figure reads
COLUMNS = [
    "obs_id",
    "indicator",
    "indicator_title",
    "economy",
    "economy_label",
    "series_id",
    "series_basis",
    "basis_sources",
    "kind",
    "status",
    "x",
    "period",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "source_short",
    "source_title",
    "source_producer",
    "source_tier",
    "source_cites",
    "verdict",
    "reason",
]
# The parts of plotly_white that line and marker charts use (its settings for maps, 3-D
# scenes, colour scales and other trace types would add 6 kB to every figure sent)
CARTESIAN = (
    "xaxis",
    "yaxis",
    "font",
    "hoverlabel",
    "hovermode",
    "paper_bgcolor",
    "plot_bgcolor",
    "title",
    "annotationdefaults",
    "shapedefaults",
    "autotypenumbers",
    "colorway",
)
TEMPLATE = {
    "layout": {
        key: value
        for key, value in pio.templates["plotly_white"].to_plotly_json()["layout"].items()
        if key in CARTESIAN
    }
}


def format_value(value: float, unit: str) -> str:
    """A value with its unit, to a sensible precision."""
    if unit == "percent":
        return f"{value:,.2f} %"
    if unit == "ratio":
        return f"{value:,.2f}×"
    if unit == "USD bn" and abs(value) >= 1000:
        return f"US$ {value / 1000:,.3f} trillion"
    if unit == "USD bn":
        return f"US$ {value:,.2f} bn"
    return f"{value:,.3g} {unit}" if abs(value) < 1 else f"{value:,.2f} {unit}"


def series_labels(every: pd.DataFrame) -> dict[str, str]:
    """Short legend names, from every point of a chart (so a name never changes with the view):
    indicator and economy only where the chart has several, and the words every indicator
    title of the chart shares at its start or end (two or more) left out."""
    first = every.drop_duplicates("series_id")
    titles = _distinct_parts(sorted(set(first["indicator_title"])))
    several_economies = first["economy"].nunique() > 1
    labels = {}
    for row in first.itertuples():
        parts = [titles[str(row.indicator_title)]] if len(titles) > 1 else []
        if several_economies:
            parts.append(str(row.economy_label))
        parts.append(str(row.series_basis))
        labels[str(row.series_id)] = " · ".join(parts)
    return labels


def _distinct_parts(titles: list[str]) -> dict[str, str]:
    """Each title without the words all of them share at the start and at the end."""
    words = [t.split() for t in titles]
    shortest = min((len(w) for w in words), default=0)

    def shared(reverse: bool) -> int:
        count = 0
        while count < shortest - 1:
            index = -(count + 1) if reverse else count
            if len({w[index] for w in words}) > 1:
                break
            count += 1
        return count if count >= 2 else 0

    head, tail = shared(False), shared(True)
    if head + tail >= shortest:
        head, tail = head, 0
    short = {t: " ".join(w[head : len(w) - tail]) for t, w in zip(titles, words, strict=True)}
    return {t: s[:1].upper() + s[1:] for t, s in short.items()}


def tier_words(tier: str) -> str:
    """A source's trust tier in words, for hover lines: 'tier: third party copy'."""
    return "tier: " + tier.replace("_", " ") if tier else "tier not stated"


def tier_text(tier: str, cites: str = "") -> str:
    """A tier with its meaning, and who reports whose figure: for citations and source lists."""
    meaning = TIERS.get(tier, "")
    text = f"{tier.replace('_', ' ')}: {meaning}" if meaning else "not stated"
    return f"{text} ({cites})" if cites else text


def series_names(points: pd.DataFrame, labels: dict[str, str]) -> pd.Series:
    """The legend name of each point's series."""
    return points["series_id"].map(labels)


def hover_frame(points: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Points with the columns the hover text and click handler read."""
    frame = points[COLUMNS].copy()
    frame["x_text"] = frame["x"].dt.strftime("%Y-%m-%d")
    frame["series_name"] = series_names(points, labels)
    frame["value_text"] = [
        _stated(*fields)
        for fields in zip(
            points["qualifier"],
            points["value"],
            points["value_low"],
            points["value_high"],
            points["unit"],
            strict=True,
        )
    ]
    derived = points["kind"] == "derived"
    frame["source_line"] = (points["source_short"] + " — " + points["source_title"]).where(
        ~derived, points["basis_sources"] + " — derived by this project: " + points["source_title"]
    ) + points["source_tier"].map(lambda t: f" ({tier_words(t)})")
    frame["kind_label"] = points["kind"].map(KIND_LABELS)
    frame["detail_text"] = [
        _detail(v, r, n)
        for v, r, n in zip(points["verdict"], points["reason"], points["note"], strict=True)
    ]
    return frame


@per_build(size=4096)
def _detail(verdict: str, reason: str, note: str) -> str:
    """Verdict of a claim and the note of a point, as extra hover lines."""
    lines = [f"Verdict: {verdict} ({reason})"] if verdict else []
    if note:
        lines.append("Note: " + "<br>".join(textwrap.wrap(textwrap.shorten(note, 160), 60)))
    return "".join("<br>" + line for line in lines)


def _stated(qualifier: str, value: float, low: float, high: float, unit: str) -> str:
    if qualifier == "range":
        return f"{format_value(low, unit)} to {format_value(high, unit)}"
    return QUALIFIER_WORDS.get(qualifier, "") + format_value(value, unit)


Spec = dict[str, Any]
EMPTY_MESSAGE = "No data in the selected years: widen the range or show more series."


def series_order(points: pd.DataFrame) -> list[str]:
    """Every series of a chart in a fixed order: kind of source, then indicator, economy,
    reporter and basis (what is shown does not change it)."""
    keys = points.drop_duplicates("series_id").assign(_order=lambda f: f["kind"].map(KIND_ORDER))
    ordered = keys.sort_values(["_order", "indicator", "economy", "reporter", "series_basis"])
    return [str(s) for s in ordered["series_id"]]


def series_colors(points: pd.DataFrame) -> dict[str, str]:
    """One colour per series of a chart, fixed whatever else is shown. Claims are coloured by
    verdict instead, so the palette goes to the other series only."""
    drawn = points[points["kind"] != "article_claim"]
    return {s: PALETTE[n % len(PALETTE)] for n, s in enumerate(series_order(drawn))}


def export_layout(title: str, subtitle: str, sources: str, footer: str = "") -> Spec:
    """Layout additions that make an image self-contained: title, subtitle, source line and
    a footer (page address and licence)."""
    lines = textwrap.wrap(sources, 130) + ([footer] if footer else [])
    return {
        "title": {
            "text": f"{title}<br><span style='font-size:12px'>{subtitle}</span>",
            "x": 0.01,
            "xanchor": "left",
        },
        "margin": {"l": 60, "r": 20, "t": 80, "b": 110 + 14 * len(lines)},
        "showlegend": True,
        "legend": {"orientation": "h", "x": 0, "y": -0.08, "yanchor": "top", "font": {"size": 10}},
        "annotations": [
            {
                "text": "<br>".join(lines),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -0.22,
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "font": {"size": 10, "color": "#57606a"},
            }
        ],
    }


def highlighted(spec: Spec, point: pd.Series) -> Spec:
    """The figure with one point pointed out (a claim reached from the claims table, or a
    point whose link was followed)."""
    note = {
        "text": "this claim" if point["kind"] == "article_claim" else "this point",
        "x": point["x"].strftime("%Y-%m-%d"),
        "y": point["value"],
        "showarrow": True,
        "arrowhead": 2,
        "arrowwidth": 2,
        "arrowcolor": "#24292f",
        "ax": -50,
        "ay": -40,
        "bgcolor": "#fff8c5",
        "bordercolor": "#24292f",
        "font": {"size": 12, "color": "#24292f"},
    }
    layout = spec["layout"] | {"annotations": [*spec["layout"].get("annotations", []), note]}
    return spec | {"layout": layout}


def empty_spec() -> Spec:
    """No axes, only a message, for a view with nothing to draw."""
    return {
        "data": [],
        "layout": {
            "template": TEMPLATE,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "margin": {"l": 12, "r": 12, "t": 12, "b": 12},
            "annotations": [
                {
                    "text": EMPTY_MESSAGE,
                    "showarrow": False,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                    "font": {"size": 14, "color": "#57606a"},
                }
            ],
        },
    }


def verdict_word(verdict: str) -> str:
    """A verdict as the legend and the citation panel say it."""
    return VERDICT_STYLES.get(verdict, VERDICT_STYLES[""])[0]


def claim_style(verdict: str) -> Spec:
    """A claim: large hollow marker whose shape and colour both say the verdict."""
    _, symbol, color = VERDICT_STYLES.get(verdict, VERDICT_STYLES[""])
    return {
        "mode": "markers",
        "marker": {"size": 16, "color": color, "symbol": symbol, "line": {"width": 3}},
    }


def event_line(date: str) -> Spec:
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": date,
        "x1": date,
        "y0": 0,
        "y1": 1,
        "line": {"color": "#8c959f", "dash": "dot", "width": 1},
    }


# the column naming a point's source in a source line, by kind of source (statements by their
# publisher, derived values by their inputs' sources)
SOURCE_NAME_COLUMNS = {"official_statement": "source_producer", "derived": "basis_sources"}


def source_name_column(kind: str) -> str:
    """The column that names a point's source in a source line."""
    return SOURCE_NAME_COLUMNS.get(kind, "source_short")


def credited_names(by_kind: dict[str, set[str]]) -> list[str]:
    """Source names by kind of source, in the order a source line gives them."""
    names: list[str] = []
    for kind in ("official_series", "derived", "official_statement", "article_claim"):
        found = sorted(by_kind.get(kind, set()))
        if not found:
            continue
        if kind == "official_statement":
            names.append(f"official statements reported by {', '.join(found)}")
        elif kind == "derived":
            names.append(f"derived by this project from {', '.join(found)}")
        else:
            names.extend(found)
    return names


def credit(by_kind: dict[str, set[str]]) -> str:
    """The one-line source credit for source names by kind of source ('' for none): the one
    source line of charts, tables, images and embeds."""
    names = credited_names(by_kind)
    return "Sources: " + "; ".join(names) + "." if names else ""


def source_line(points: pd.DataFrame) -> str:
    """The one-line source credit of a chart's points."""
    return credit(
        {
            str(kind): set(group[source_name_column(str(kind))])
            for kind, group in points.groupby("kind")
        }
    )
