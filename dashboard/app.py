"""The Dash app: page container and the citation panel (the navigation is in shell.py's index
page). Pages live in pages/."""

from urllib.parse import parse_qs, urlsplit

import flask
from dash import dcc, html
from flask import Response

from dashboard import (  # noqa: F401
    api,
    callbacks,
    cards,
    changes,
    citations,
    critical_css,
    downloads,
    embed,
    hardening,
    precompressed,
    view,
)
from dashboard.shell import Shell, page_container

app = Shell(
    __name__,
    use_pages=True,
    title="China–Russia figures",
    serve_locally=True,
    compress=True,
    suppress_callback_exceptions=True,
    include_pages_meta=False,  # its meta tags would echo the request URL
    assets_ignore=r"embed\.(css|js)$|start-dash-renderer\.js$",  # shell.py names it
)
server = app.server
api.register(server)
critical_css.register(server)
precompressed.install(server)


def download_bundle() -> Response:
    """All tidy tables, datapackage.json and the README, as one zip."""
    return Response(
        downloads.bundle(),
        mimetype="application/zip",
        headers={"Content-Disposition": f"attachment; filename={downloads.BUNDLE_NAME}"},
    )


server.add_url_rule(f"/download/{downloads.BUNDLE_NAME}", view_func=download_bundle)
server.add_url_rule("/embed/<page_id>/<chart_id>", view_func=embed.embed)
server.add_url_rule("/changes.atom", view_func=changes.feed)


def layout() -> html.Div:
    """The site around the page the browser asked for (the page already inside), with the
    citation of the point its `?point=` names open."""
    url = flask.request.referrer if flask.has_request_context() else None
    query = {key: values[0] for key, values in parse_qs(urlsplit(url or "").query).items()}
    point = view.observation(query, "point")
    return html.Div(
        [
            html.Main(html.Div(page_container(url), className="container-lg"), id="page-content"),
            citations.citation_panel(callbacks.details(point) if point else None),
            dcc.Store(id="cite-chosen"),  # a table cell chosen for its citation
            dcc.Store(id="cite-clicked"),  # the points at the spot clicked on a chart
        ]
    )


app.layout = layout
hardening.protect(app)
