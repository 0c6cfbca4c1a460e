"""The HTML shell of every page: language, and only the scripts the pages use.

Dash lists every registered component library and @babel/polyfill in each page; the pages use
neither dash_table nor the polyfill (evergreen browsers), and plotly.js comes from assets/
(the basic bundle, scatter only), so those tags are left out.
"""

import re

from dash import Dash

UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:deps/polyfill@|dash_table/)[^"]*"></script>\s*')


class Shell(Dash):  # type: ignore[misc]
    """A Dash app whose index page declares its language and skips unused scripts."""

    def interpolate_index(self, **kwargs: str) -> str:
        """The index page with `lang="en"` and without the unused script tags."""
        kwargs["scripts"] = UNUSED_SCRIPTS.sub("", kwargs.get("scripts", ""))
        page: str = super().interpolate_index(**kwargs)
        return page.replace("<html>", '<html lang="en">', 1)
