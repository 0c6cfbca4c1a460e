"""Every indicator page of the chart registry (dashboard/charts/registry.py), registered with
Dash in its own place in the navigation: a new indicator page is a new Page there, nothing here.

Dash imports only page files that mention register_page, hence the helper's name.
"""

from dashboard.charts.registry import PAGES
from dashboard.indicator_page import register_page_for

LAYOUTS = {page.page: register_page_for(page) for page in PAGES}
