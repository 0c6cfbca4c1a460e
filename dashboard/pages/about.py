"""How the figures are built, the verdict rule and the data dictionary."""

import dash
from dash import dcc, html

from dashboard.schema import paths, published

dash.register_page(
    __name__,
    path="/about",
    name="About the data",
    order=7,
    title="About the data · China–Russia figures",
)

HOW = """
## How the figures are built

`make data` rebuilds every table offline from the project's own raw snapshots in
`datasets/raw` (World Bank WDI, IMF Direction of Trade Statistics, the Energy Institute and
BP statistical reviews, official statements quoted from public pages, and the two
articles). Each snapshot folder carries an `origin.json` with where it came from, when it was
taken and its checksum. `make refresh` re-pulls the API sources when online.

Kinds of point, told apart on every chart:

* **official series**: lines (World Bank, IMF, Energy Institute, BP);
* **derived**: dashed lines, dotted when mixed-source; each derived point lists its inputs;
* **official statement**: filled markers; planned capacities and targets as hollow diamonds;
* **article claim**: large hollow markers coloured by verdict (green consistent or target met,
  amber approximate, red inconsistent or target missed, grey unverified or pending).

Click any point for its full citation. Every chart's CSV carries the source columns on every
row, and the full download bundles all tables with `datapackage.json` and a README.
"""


def layout(**_query: object) -> html.Div:
    """The method note followed by the data dictionary (datasets/tidy/README.md)."""
    dictionary = published.load(paths.TIDY).files[published.README_FILE].decode("utf-8")
    return html.Div(
        [
            dcc.Markdown(HOW, className="mt-3"),
            html.Hr(),
            dcc.Markdown(dictionary.split("\n", 1)[1], id="about-dictionary"),
        ]
    )
