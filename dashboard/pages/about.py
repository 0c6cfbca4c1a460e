"""About the data, for readers; the data dictionary on a page of its own, linked from here."""

import dash
from dash import dcc, html

from dashboard import downloads
from dashboard.schema import paths, published

dash.register_page(
    __name__,
    path="/about",
    name="About the data",
    order=70,
    title="About the data · China–Russia figures",
)

DICTIONARY_PATH = "/about/dictionary"

ABOUT = f"""
## What this is

Two opinion articles on China–Russia relations state economic figures: trade volumes,
shares of each other's trade, the currency trade is settled in, the size of each economy,
gas flows. This site puts every one of those figures beside the official series it can be
checked against, and says where every point on every chart comes from.

## Reading the charts

* **Lines** are official series (World Bank, IMF, Energy Institute, BP).
* **Dashed lines** are values this project derived from them; dotted when the inputs come
  from different producers ("mixed-source").
* **Filled markers** are official statements; planned capacities and targets are hollow
  diamonds.
* **Large hollow markers** are the articles' claims. Their shape says the verdict:
  ○ consistent (or target met), ⬡ approximate, ✕ inconsistent (or target missed),
  □ unverified or pending. Colour repeats it but never carries it alone.

Each series keeps its colour whatever else is shown. Click or tap any point for its full
citation: who published it, when, the exact passage, the licence, and a ready-made
citation. Each chart's **Table** tab gives the numbers as the source states them, its
**Sources** tab the sources behind it, and **Download, share, cite** gives the image,
the CSV (with the source on every row), a link to the view and a citation.

## How a claim is judged

A claim is compared with the official figure for the same indicator, economy and period.
The difference is measured against the precision the claim itself uses ("about 200 billion"
is not held to the dollar). The exact rule and its thresholds are in the
[data dictionary]({DICTIONARY_PATH}) (section "Verdict rule").

## Where the data comes from

Every table is rebuilt offline from the project's own copies of its inputs; nothing is
typed in by hand without a quoted source. The full set of tables, with a machine-readable
description and the data dictionary, is one download:
[{downloads.BUNDLE_NAME}](/download/{downloads.BUNDLE_NAME}). The tables are published
under CC BY 4.0; each source keeps its own terms, listed on the [Sources](/sources) page.
"""


def layout(**_query: object) -> html.Div:
    """The reader's guide."""
    return html.Div(
        [
            html.H1("About the data", className="h3 mt-3"),
            dcc.Markdown(ABOUT, className="readable", link_target="_self"),
            html.P(dcc.Link("Data dictionary: every table and column", href=DICTIONARY_PATH)),
        ]
    )


def dictionary(**_query: object) -> html.Div:
    """The data dictionary (datasets/tidy/README.md of the published build)."""
    text = published.load(paths.TIDY).files[published.README_FILE].decode("utf-8")
    return html.Div(
        [
            html.H1("Data dictionary", className="h3 mt-3"),
            html.P(dcc.Link("← About the data", href="/about")),
            dcc.Markdown(text.split("\n", 1)[1], id="about-dictionary", className="wide-text"),
        ]
    )


dash.register_page(
    f"{__name__}.dictionary",
    path=DICTIONARY_PATH,
    name="Data dictionary",
    order=90,
    title="Data dictionary · China–Russia figures",
    layout=dictionary,
    in_navigation=False,
)
