"""An indicator page registered with Dash: its path and place in the navigation, its layout,
and the callbacks that keep its view (years, switches, series shown) in one page store, redraw
its charts from it and write its address."""

from collections.abc import Callable
from typing import Any

import dash
from dash import ALL, ClientsideFunction, Input, Output, State, callback, html

from dashboard import guards, layouts, memo, view
from dashboard.charts.registry import Page


def register_page_for(page: Page) -> Callable[..., html.Div]:
    """Register an indicator page and its callbacks; return its layout function."""

    def layout(**query: object) -> html.Div:
        return layouts.page_layout(page, query)

    dash.register_page(
        f"pages.{page.page}",
        path=page.path,
        name=page.name,
        order=page.order,
        title=f"{page.name} · China–Russia figures",
        layout=layout,
    )
    series = {"type": "series", "page": page.page, "chart": ALL}
    # The controls and series lists write the page store (a control put in with its card or
    # slot changes nothing, so fires nothing); the redraw and the address read it.
    stored = f"{page.page}-view"

    @callback(
        Output({"type": "graph", "page": page.page, "chart": ALL}, "figure"),
        Output({"type": "rows", "page": page.page, "chart": ALL}, "data"),
        Output({"type": "source", "page": page.page, "chart": ALL}, "children"),
        Input(stored, "data"),
        prevent_initial_call=True,
    )
    def redraw(value: object) -> tuple[list[Any], ...]:
        """Every chart on the page so far (cards still to come were drawn for this view)."""
        offered = memo.offer(page)
        drawn = layouts.update_charts(page, view.from_store(offered, value))
        return tuple(
            [values[i] for i in guards.drawn_charts(outputs, offered)]
            for values, outputs in zip(drawn, dash.ctx.outputs_list, strict=True)
        )

    @callback(
        Output(f"{page.page}-address", "data"),
        Input(stored, "data"),
        prevent_initial_call=True,
    )
    def address(value: object) -> str:
        """The page's address in its view (the browser puts it in its address bar)."""
        ids = set(memo.page_points(page)["series_id"])
        return f"{page.path}?{view.from_store(memo.offer(page), value).query(ids)}"

    def in_browser(function: str, *dependencies: Input | Output | State) -> None:
        """A grapher.js function run in the browser when its inputs change (never on load)."""
        dash.clientside_callback(
            ClientsideFunction("grapher", function), *dependencies, prevent_initial_call=True
        )

    def control(name: str, prop: str = "value") -> Input:
        return Input(f"{page.page}-{name}", prop)

    to_store, store = Output(stored, "data", allow_duplicate=True), State(stored, "data")
    in_browser(
        "collectControls", to_store, control("years"), control("events"), control("log"), store
    )
    in_browser(
        "applyTransform",
        Output(f"{page.page}-reload", "data"),
        control("transform"),
        control("base"),
        store,
    )
    in_browser("collectSeries", to_store, Input(series, "value"), store)
    in_browser("followAddress", Output(f"{page.page}-url", "data"), control("address", "data"))

    return layout
