"""Production entry point: `gunicorn dashboard.wsgi:server`.

Each chart page's first paint in its default view is drawn here, once, before gunicorn forks
its workers (preload_app): a worker's first visitor of a page does not wait for it (up to 2 s
for /trade on a loaded machine; a few ms once drawn)."""

from dashboard.app import server
from dashboard.charts.registry import PAGES
from dashboard.first_paint import first_paint

for _page in PAGES:
    first_paint(_page.path, {})

__all__ = ["server"]
