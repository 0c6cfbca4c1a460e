"""Unknown paths get a friendly page, never a server error."""

import dash
from dash import dcc, html

dash.register_page(__name__, path="/404", name="Not found")


def layout(**_query: object) -> html.Div:
    """A link back to the overview."""
    return html.Div(
        [
            html.H1("Page not found", className="h3 mt-3"),
            dcc.Link("Back to the overview", href="/"),
        ]
    )
