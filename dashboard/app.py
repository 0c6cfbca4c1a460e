"""The Dash app: navigation, page container and the citation panel. Pages live in pages/."""

import dash
import dash_bootstrap_components as dbc
from dash import Dash, html
from flask import Response

from dashboard import api, callbacks, components, downloads, hardening  # noqa: F401 (callbacks)

app = Dash(
    __name__,
    use_pages=True,
    title="China–Russia figures",
    serve_locally=True,
    compress=True,
    suppress_callback_exceptions=True,
    include_pages_meta=False,  # its meta tags would echo the request URL
)
server = app.server
api.register(server)


def download_bundle() -> Response:
    """All tidy tables, datapackage.json and the README, as one zip."""
    return Response(
        downloads.bundle(),
        mimetype="application/zip",
        headers={"Content-Disposition": f"attachment; filename={downloads.BUNDLE_NAME}"},
    )


server.add_url_rule(f"/download/{downloads.BUNDLE_NAME}", view_func=download_bundle)


def navbar() -> dbc.Navbar:
    """Links to every page, in page order, and the full download."""
    links = [
        dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact"))
        for page in dash.page_registry.values()
        if page["path"] != "/404" and not page.get("path_template")
    ]
    download = dbc.NavItem(
        dbc.NavLink(
            "Download all data (zip)", href=f"/download/{downloads.BUNDLE_NAME}", external_link=True
        )
    )
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("China–Russia figures", href="/"),
                dbc.Nav([*links, download], navbar=True, className="flex-wrap"),
            ],
            fluid=True,
        ),
        color="light",
        dark=False,
        className="mb-2 border-bottom",
    )


app.layout = html.Div(
    [
        navbar(),
        dbc.Container(dash.page_container, fluid="lg", id="page-content"),
        components.citation_panel(),
    ]
)

hardening.protect(app)
