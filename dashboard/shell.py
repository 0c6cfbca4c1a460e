"""The HTML shell of every page: language, and only the scripts the pages use, started once
the first frame is painted.

Dash lists every registered component library and @babel/polyfill in each page; the pages use
neither dash_table nor the polyfill (evergreen browsers), and plotly.js comes from assets/
(the basic bundle, scatter only), so those tags are left out. Of the polyfill, dcc needs only
`regeneratorRuntime` (for its lazily loaded components): assets/ carries that runtime alone.

The first frame waits only on the page's HTML: its head carries the critical CSS (the rules
that style the markup the server sends, critical_css.py) and a preload of the stylesheets, as
one; nothing is parsed, fetched on the main thread or run before that frame but the page.
Dash's scripts are listed in a type the browser does not run, and Dash's renderer script
(assets/start-dash-renderer.js, inline) applies the stylesheet, asks for plotly.js, the page's
layout and callbacks and runs Dash's scripts once a frame is painted. plotly.js is `async`: by
V8's compile hint at the top of the bundle it compiles off the main thread, and dcc.Graph
waits for it. Without scripts, a `noscript` link applies the stylesheet.
The layout Dash's renderer asks for is made from the page's URL alone, so it is serialised
once per URL and build (`layout_json`).

The skip links and the site navigation are plain HTML in the index page, outside Dash's React
tree (they never change with callbacks, and every Dash component costs the renderer work);
assets/navigation.js opens the menu and follows links without reloading, as dcc.Link does.
On a page of charts the first chart comes drawn in the index page (first_paint.py).
"""

import re
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import dash
import flask
from dash import Dash, dcc, html
from dash._utils import to_json

from dashboard import cards, critical_css, downloads
from dashboard.cache import per_build
from dashboard.citations import PROJECT
from dashboard.first_paint import first_paint, page_for

UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:deps/polyfill@|dash_table/)[^"]*"></script>\s*')
SCRIPT = re.compile(r'<script src="([^"]*)"></script>\s*')
PLOTLY = re.compile(r"/assets/plotly-basic-[^/]*$")
# the chunk dcc.Graph fetches on first render, loaded with the page instead (one round trip
# less before the first chart); the slider's waits, as the controls do, for the first chart
CHUNK = "/_dash-component-suites/dash/dcc/async-graph.js"
LAYOUTS = 24  # page URLs whose serialised layout is kept (about 400 kB each)
START = Path(__file__).with_name("assets") / "start-dash-renderer.js"


class Shell(Dash):
    """A Dash app whose index page declares its language, skips unused scripts and starts
    the others once the first frame is painted."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # inline (its comment left out), hashed in the CSP as Dash's own renderer script is
        self.renderer = START.read_text(encoding="utf-8").split("*/", 1)[1].strip()

    def interpolate_index(self, **kwargs: Any) -> str:  # type: ignore[override]
        """The index page with `lang="en"`, the critical CSS and the stylesheet's preload in its
        head, the skip links, navigation and first paint before Dash's entry point, and
        Dash's scripts (but the unused ones) listed for assets/start-dash-renderer.js to start."""
        sources = SCRIPT.findall(UNUSED_SCRIPTS.sub("", kwargs.get("scripts", ""))) + [CHUNK]
        kwargs["scripts"] = SCRIPT.sub("", kwargs.get("scripts", "")) + "".join(
            f'<script type="text/x-dash-deferred" src="{escape(src)}"'
            f"{' data-async' if PLOTLY.search(src) else ''}></script>"
            for src in sources
        )
        path = flask.request.path if flask.has_request_context() else ""
        query = flask.request.args.to_dict() if flask.has_request_context() else {}
        kwargs["app_entry"] = (
            skip_links(path)
            + navigation(path)
            + first_paint(path, query)
            + kwargs.get("app_entry", "")
            + f"<noscript>{critical_css.link_tag()}</noscript>"
        )
        # Dash's links to the sheets: one, preloaded, in the head
        kwargs["css"] = critical_css.style_tag() + critical_css.preload_tag()
        page: str = super().interpolate_index(**kwargs)  # type: ignore[no-untyped-call]
        return page.replace("<html>", '<html lang="en">', 1)

    def serve_layout(self) -> flask.Response:
        """Dash's layout, serialised once per page URL (the layout is made from the URL the
        browser shows, its Referer, alone) and build."""
        parts = urlsplit(flask.request.referrer or "")
        return flask.Response(
            layout_json(self, f"{parts.path}?{parts.query}"), mimetype="application/json"
        )


@per_build(size=LAYOUTS)
def layout_json(app: Shell, page_url: str) -> str:
    """The app's layout for the page at `page_url`, as JSON; called while answering a request
    from that page."""
    return str(to_json(app.get_layout()))


SKIP_LINK = '<a class="skip-link" href="#{target}">{text}</a>'


def skip_links(path: str) -> str:
    """Links the keyboard meets first: to the page's content and, on a page of charts, to its
    first chart's download panel (assets/access.js opens it)."""
    links = SKIP_LINK.format(target="page-content", text="Skip to content")
    page = page_for(path)
    if page is not None:
        target = escape(cards.downloads_id(page.charts[0].chart_id))
        links += SKIP_LINK.format(target=target, text="Skip to the first chart's downloads")
    return links


NAVIGATION = (
    '<nav class="mb-2 border-bottom navbar navbar-expand-lg navbar-light bg-light">'
    '<div class="container-fluid">'
    '<a href="/" class="navbar-brand">{project}</a>'
    '<button type="button" class="navbar-toggler collapsed" aria-label="Toggle navigation"'
    ' aria-controls="nav-collapse" aria-expanded="false">'
    '<span class="navbar-toggler-icon"></span></button>'
    '<div class="navbar-collapse collapse" id="nav-collapse"><ul class="navbar-nav">{items}</ul>'
    "</div></div></nav>"
)


def navigation(current: str) -> str:
    """The site navigation: every page in page order, the link to `current` marked as the
    page shown, and the full download (a plain link: the browser downloads it)."""
    items = [
        nav_item(str(page["name"]), str(page["relative_path"]), current)
        for page in dash.page_registry.values()
        if page["path"] != "/404" and not page.get("path_template")
        if page.get("in_navigation", True)
    ]
    bundle = escape(f"/download/{downloads.BUNDLE_NAME}")
    items.append(
        f'<li class="nav-item"><a href="{bundle}" class="nav-link" download>'
        "Download all data (zip)</a></li>"
    )
    return NAVIGATION.format(project=escape(PROJECT), items="".join(items))


def nav_item(name: str, path: str, current: str) -> str:
    """One page's link; assets/navigation.js moves `active` as the browser navigates."""
    marks = 'class="nav-link active" aria-current="page"' if path == current else 'class="nav-link"'
    return f'<li class="nav-item"><a href="{escape(path)}" {marks}>{escape(name)}</a></li>'


def page_container(url: str | None) -> html.Div:
    """Dash's page container with the page at `url` already inside it, so the first view
    needs no routing callback (the location is preset, so it does not fire on load). Without
    a usable `url` (no Referer), the container is empty and the routing callback fills it."""
    parts = urlsplit(url or "")
    page = next((p for p in dash.page_registry.values() if p["path"] == parts.path), None)
    if page is None or not callable(page["layout"]):
        return dash.page_container  # type: ignore[no-any-return]
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return html.Div(
        [
            dcc.Location(
                id="_pages_location",
                refresh="callback-nav",
                pathname=parts.path,
                search=f"?{parts.query}" if parts.query else "",
            ),
            html.Div(page["layout"](**query), id="_pages_content", disable_n_clicks=True),
            dcc.Store(id="_pages_store", data={"title": str(page["title"])}),
            html.Div(id="_pages_dummy", disable_n_clicks=True),
        ]
    )
