"""Bootstrap-styled widgets made of Dash's own html and dcc components: buttons, switches,
tabs, a side panel and a table. No component library of their own, so the browser has one
script fewer to load before the first chart (dash-bootstrap-components was 228 kB)."""

import json
from collections.abc import Mapping, Sequence
from typing import Any

from dash import ALL, MATCH, ClientsideFunction, Input, Output, clientside_callback, dcc, html


def attributes(values: dict[str, str]) -> Any:
    """Hyphenated HTML attributes (aria-*, data-*) as keyword arguments for a component."""
    return values


def dom_id(key: Mapping[str, str]) -> str:
    """The id Dash gives the element of a pattern-matching id (for aria-controls and the like)."""
    return json.dumps(dict(sorted(key.items())), separators=(",", ":"))


def button(label: Any, id: Any, primary: bool = False) -> html.Button:  # noqa: A002
    """A small outlined button (primary: a filled one)."""
    look = "btn btn-primary" if primary else "btn btn-outline-secondary btn-sm me-2 mb-2"
    return html.Button(label, id=id, type="button", n_clicks=0, className=look)


def switch(label: str, id: str, on: bool, hidden: bool = False) -> dcc.Checklist:  # noqa: A002
    """An on/off switch: a one-option checklist styled as Bootstrap's switch."""
    return dcc.Checklist(
        options=[{"label": label, "value": "on"}],
        value=["on"] if on else [],
        id=id,
        className="switch form-switch" + (" d-none" if hidden else ""),
        inputClassName="form-check-input",
    )


def tabs(key: Mapping[str, str], panels: Sequence[tuple[str, str, Any]]) -> html.Div:
    """Tabs over a chart's panels given as (name, label, contents), the first one shown; `key`
    is the chart's {"page", "chart"}, as the callback below matches it.

    Each tab is a button with the tab role; `grapher.chooseTab` (assets/grapher.js) shows its
    panel, marks it selected and stores its name in the `tabs` store; the arrow keys move
    between the tabs of a list."""
    buttons, bodies = [], []
    for number, (name, label, contents) in enumerate(panels):
        tab = {"type": "tab", **key, "tab": name}
        panel = {"type": "tab-panel", **key, "tab": name}
        shown = number == 0
        buttons.append(
            html.Button(
                label,
                id=tab,
                type="button",
                n_clicks=0,
                role="tab",
                className="nav-link active" if shown else "nav-link",
                **attributes({"aria-selected": str(shown).lower(), "aria-controls": dom_id(panel)}),
            )
        )
        bodies.append(
            html.Div(
                contents,
                id=panel,
                role="tabpanel",
                hidden=not shown,
                **attributes({"aria-labelledby": dom_id(tab)}),
            )
        )
    return html.Div(
        [
            html.Div(buttons, role="tablist", className="nav nav-tabs chart-tabs"),
            html.Div(bodies, className="tab-content"),
            dcc.Store(id={"type": "tabs", **key}, data=panels[0][0]),
        ]
    )


# A tab chosen (by click, Enter or Space): its button marked, its panel shown, its name stored.
TAB = {"page": MATCH, "chart": MATCH, "tab": ALL}
clientside_callback(
    ClientsideFunction("grapher", "chooseTab"),
    Output({"type": "tab", **TAB}, "className"),
    Output({"type": "tab", **TAB}, "aria-selected"),
    Output({"type": "tab-panel", **TAB}, "hidden"),
    Output({"type": "tabs", "page": MATCH, "chart": MATCH}, "data"),
    Input({"type": "tab", **TAB}, "n_clicks"),
    prevent_initial_call=True,
)


def side_panel(
    panel_id: str, title: str, body: Any, extra_class: str = "", is_open: bool = False
) -> html.Aside:
    """A panel that slides in from the right, closed unless `is_open`: the class `show` opens
    it, the button `<panel_id>-close` and the Escape key close it (assets/grapher.js)."""
    return html.Aside(
        [
            html.Div(
                [
                    html.H2(title, className="offcanvas-title h5", id=f"{panel_id}-title"),
                    html.Button(
                        id=f"{panel_id}-close",
                        type="button",
                        n_clicks=0,
                        className="btn-close",
                        **attributes({"aria-label": f"Close the {title.lower()}"}),
                    ),
                ],
                className="offcanvas-header",
            ),
            html.Div(body, className="offcanvas-body"),
        ],
        id=panel_id,
        className=side_panel_class(extra_class, is_open=is_open),
        role="dialog",
        tabIndex="-1",
        **attributes({"aria-labelledby": f"{panel_id}-title"}),
    )


def side_panel_class(extra_class: str, is_open: bool) -> str:
    """A side panel's class, open or closed."""
    return (
        "offcanvas offcanvas-end"
        + (f" {extra_class}" if extra_class else "")
        + (" show" if is_open else "")
    )


def table(children: Any, class_name: str, **props: Any) -> html.Table:
    """A compact Bootstrap table, the row under the pointer marked."""
    return html.Table(children, className=f"table table-sm table-hover {class_name}", **props)
