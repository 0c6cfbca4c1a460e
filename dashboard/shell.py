"""The HTML shell of every page: language, and only the scripts the pages use, all at once.

Dash lists every registered component library and @babel/polyfill in each page; the pages use
neither dash_table nor the polyfill (evergreen browsers), and plotly.js comes from assets/
(the basic bundle, scatter only), so those tags are left out.
"""

import re
from typing import Any

from dash import Dash

UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:deps/polyfill@|dash_table/)[^"]*"></script>\s*')
# the chunks dcc.Graph and dcc.RangeSlider fetch on first render, loaded with the page instead
# (one round trip less before the first chart)
CHUNKS = "".join(
    f'<script src="/_dash-component-suites/dash/dcc/async-{name}.js"></script>'
    for name in ("graph", "slider")
)


class Shell(Dash):
    """A Dash app whose index page declares its language and skips unused scripts."""

    def interpolate_index(self, **kwargs: Any) -> str:  # type: ignore[override]
        """The index page with `lang="en"` and without the unused script tags."""
        kwargs["scripts"] = UNUSED_SCRIPTS.sub("", kwargs.get("scripts", "")) + CHUNKS
        page: str = super().interpolate_index(**kwargs)  # type: ignore[no-untyped-call]
        return page.replace("<html>", '<html lang="en">', 1)
