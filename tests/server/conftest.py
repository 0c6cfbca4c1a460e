"""The app's Flask server driven in-process, and requests for the callbacks it declares."""

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from dash._utils import split_callback_id
from flask.testing import FlaskClient

from dashboard import memo
from dashboard.app import app
from dashboard.charts.registry import CHARTS, PAGES_BY_ID

UPDATE = "/_dash-update-component"
Value = Any | Callable[[Any], Any]  # a value, or a function of the concrete id


@pytest.fixture(scope="session")
def client() -> Iterator[FlaskClient]:
    yield app.server.test_client()


@pytest.fixture(scope="session")
def dependencies(client: FlaskClient) -> list[dict[str, Any]]:
    """Every server-side callback as /_dash-dependencies lists it."""
    declared = client.get("/_dash-dependencies").get_json()
    return [d for d in declared if not d.get("clientside_function")]


def concrete_ids(pattern: str) -> list[Any]:
    """The ids a dependency id stands for: a wildcard id becomes one id per matching chart."""
    if not pattern.startswith("{"):
        return [pattern]
    key = json.loads(pattern)
    if "page" not in key:  # e.g. the claim checker's highlighted figures: the first of them
        return [{k: 0 if isinstance(v, list) else v for k, v in key.items()}]
    found = []
    for page, chart in CHARTS:
        wanted = {"page": page, "chart": chart}
        if all(isinstance(v, list) or wanted.get(k, v) == v for k, v in key.items()):
            found.append({k: wanted[k] if isinstance(v, list) else v for k, v in key.items()})
    return found


def _entries(slot: dict[str, str], value: Value) -> Any:
    ids = concrete_ids(slot["id"])
    if '["ALL' not in slot["id"]:
        ids = ids[:1]
    entries = [
        {"id": i, "property": slot["property"], "value": value(i) if callable(value) else value}
        for i in ids
    ]
    return entries if '["ALL' in slot["id"] else entries[0]


def _prop_id(entry: Any) -> str:
    first = entry[0] if isinstance(entry, list) else entry
    key = first["id"]
    text = json.dumps(key, separators=(",", ":"), sort_keys=True) if isinstance(key, dict) else key
    return f"{text}.{first['property']}"


def body(dependency: dict[str, Any], values: list[Value]) -> dict[str, Any]:
    """A request for a callback, its inputs then its states taking `values` in order."""
    slots = [*dependency["inputs"], *dependency["state"]]
    entries = [_entries(slot, value) for slot, value in zip(slots, values, strict=True)]
    outputs = split_callback_id(dependency["output"])
    outputs = outputs if isinstance(outputs, list) else [outputs]
    shaped = [_entries(o, None) for o in outputs]
    for output in shaped:
        for entry in output if isinstance(output, list) else [output]:
            entry.pop("value")
    inputs = entries[: len(dependency["inputs"])]
    return {
        "output": dependency["output"],
        "outputs": shaped if len(shaped) > 1 else shaped[0],
        "inputs": inputs,
        "state": entries[len(dependency["inputs"]) :],
        "changedPropIds": [_prop_id(inputs[0])],
    }


SENTENCE = "China–Russia trade hit $240.11 billion in 2023."  # hand-made input
FIXED: dict[str, Value] = {  # what the page sends for these ids
    "check-text": SENTENCE,
    "check-date": "",
    "check-rows": {"text": SENTENCE, "date": ""},
    "cite-chosen": None,
    "cite-clicked": None,
    "products-direction": "RUS→CHN",
    "products-year": 2023,
}
BY_PROPERTY: dict[str, Value] = {
    "pathname": "/trade",
    "search": "?start=2000",
    "clickData": None,
    "n_clicks": 1,
}


def good_value(slot: dict[str, str]) -> Value:
    """A value the page itself would send for a dependency."""
    key, prop = slot["id"], slot["property"]
    if prop in BY_PROPERTY:
        return BY_PROPERTY[prop]
    if key in FIXED:
        return FIXED[key]
    if key.endswith(("-events", "-log")):
        return []
    if key.endswith("-transform"):
        return "level"
    if key.endswith("-base"):
        return memo.offer(PAGES_BY_ID[key.removesuffix("-base")]).bounds[0]
    if key.endswith("-years"):
        return list(memo.offer(PAGES_BY_ID[key.removesuffix("-years")]).bounds)
    if key.endswith("-view"):  # the whole range, every series of every chart, switches off
        offer = memo.offer(PAGES_BY_ID[key.removesuffix("-view")])
        shown = {chart: sorted(ids) for chart, ids in zip(offer.charts, offer.series, strict=True)}
        return {"years": list(offer.bounds), "events": [], "log": [], "shown": shown} | {
            "transform": "level",
            "base": offer.bounds[0],
        }
    if '"tab-view"' in key:  # the Table tab opened on the whole range
        return lambda i: {"tab": "table", "rows": _rows(i)}
    if prop == "data":
        return _rows
    return _offered


def _rows(key: dict[str, str]) -> dict[str, Any]:
    """What a chart's rows store holds for the whole range and every series."""
    start, end = _bounds(key)
    return {"start": start, "end": end, "series": _offered(key), "transform": "level"} | {
        "base": start
    }


def _bounds(key: dict[str, str]) -> tuple[int, int]:
    return memo.offer(PAGES_BY_ID[key["page"]]).bounds


def _offered(key: dict[str, str]) -> list[str]:
    page = PAGES_BY_ID[key["page"]]
    index = [c.chart_id for c in page.charts].index(key["chart"])
    return sorted(memo.offer(page).series[index])


def good_body(dependency: dict[str, Any]) -> dict[str, Any]:
    slots = [*dependency["inputs"], *dependency["state"]]
    return body(dependency, [good_value(slot) for slot in slots])
