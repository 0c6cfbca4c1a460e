"""The gas page (charts defined in dashboard/charts.py).

Dash imports only page files that mention register_page, hence the helper's name.
"""

from dashboard.charts.registry import PAGES_BY_ID
from dashboard.indicator_page import register_page_for

layout = register_page_for(__name__, PAGES_BY_ID["gas"], order=5)
