"""Every callback /_dash-dependencies declares, driven with junk: never a 5xx, never an echo."""

import json
from typing import Any

import pytest

from dashboard import data
from tests.server.conftest import UPDATE, body, good_body, good_value

MARKER = "zqjunk9"  # hand-made junk; must never come back in an answer
JUNK: list[Any] = [
    None,
    True,
    0,
    -1,
    10**30,
    1.5,
    float("nan"),
    float("inf"),
    "",
    MARKER,
    f"<script>{MARKER}</script>",
    [],
    [MARKER],
    [[MARKER]],
    [None],
    [1, 2, 3],
    [2000, MARKER],
    [2030, 2000],
    [1000, 3000],
    [2000.5, 2010],
    [True, False],
    ["on", "on"],
    ["off"],
    [f"s{i:07x}" for i in range(60)],
    {"a": MARKER},
    {"years": [2000, 2001], "events": [], "log": [], "shown": {MARKER: [MARKER]}},
    {"years": [2000, MARKER], "events": [MARKER], "log": [], "shown": {}},
    {"points": MARKER},
    {"points": [MARKER]},
    {"points": [{"customdata": MARKER}]},
    {"points": [{"customdata": [MARKER]}]},
    {"points": [{"customdata": [[MARKER]]}]},
    {"start": MARKER, "end": 2000, "series": []},
    {"start": 2000, "end": 2001, "series": MARKER},
    {"start": 2000, "end": 2001, "series": [MARKER], MARKER: 1},
]


def _post(client, payload: Any) -> tuple[int, str]:
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    answer = client.post(UPDATE, data=raw, content_type="application/json")
    return answer.status_code, answer.get_data(as_text=True)


def _slots(dependency: dict[str, Any]) -> list[dict[str, str]]:
    return [*dependency["inputs"], *dependency["state"]]


def test_good_requests_are_answered(client, dependencies):
    assert len(dependencies) >= 8
    for dependency in dependencies:
        status, _ = _post(client, good_body(dependency))
        assert status in (200, 204), dependency["output"]


def test_junk_in_any_input_is_refused_without_echo(client, dependencies):
    answered: dict[int, int] = {}
    for dependency in dependencies:
        good = [good_value(slot) for slot in _slots(dependency)]
        for index in range(len(good)):
            for junk in JUNK:
                values = [*good[:index], junk, *good[index + 1 :]]
                status, text = _post(client, body(dependency, values))
                assert status < 500, (dependency["output"], index, junk)
                pasted = _slots(dependency)[index]["id"] == "check-text"  # shown as text, by design
                assert pasted or MARKER not in text
                answered[status] = answered.get(status, 0) + 1
    assert answered.get(400, 0) > len(dependencies) * 10  # junk is refused, not shrugged off


@pytest.mark.parametrize("junk", JUNK[:14])
def test_junk_everywhere(client, dependencies, junk):
    for dependency in dependencies:
        status, text = _post(client, body(dependency, [junk] * len(_slots(dependency))))
        pasted = any(slot["id"] == "check-text" for slot in _slots(dependency))
        assert status < 500 and (pasted or MARKER not in text)


def _malformed(good: dict[str, Any]) -> list[Any]:
    optional = {"state"} if not good["state"] else set()
    missing = [{k: v for k, v in good.items() if k != key} for key in good.keys() - optional]
    fewer = [good | {"inputs": good["inputs"][:1]}] if len(good["inputs"]) > 1 else []
    return [
        b"not json{",
        b"",
        b"[]",
        b"{}",
        b"null",
        b'"' + MARKER.encode() + b'"',
        *missing,
        good | {"output": MARKER},
        good | {"output": None},
        good | {"inputs": {"a": MARKER}},
        good | {"inputs": good["inputs"] + [MARKER]},
        *fewer,
        good | {"inputs": [[MARKER]] * len(good["inputs"])},
        good | {"inputs": [{"id": [MARKER], "property": "value"}] * len(good["inputs"])},
        good | {"inputs": [{"id": {"a": [MARKER]}, "property": 1}] * len(good["inputs"])},
        good | {"outputs": MARKER},
        good | {"outputs": [[MARKER]]},
        good | {"outputs": {"id": MARKER, "property": MARKER}},
        good | {"state": [MARKER] * 3},
        good | {"changedPropIds": [MARKER]},
        good | {"changedPropIds": [1, None]},
        good | {"changedPropIds": MARKER},
    ]


def test_malformed_bodies_answer_4xx(client, dependencies):
    for dependency in dependencies:
        for payload in _malformed(good_body(dependency)):
            status, text = _post(client, payload)
            assert 400 <= status < 500, (dependency["output"], payload)
            assert MARKER not in text


def test_a_wildcard_with_thousands_of_entries_is_refused(client, dependencies):
    redraw = next(d for d in dependencies if '"page":"gdp"' in d["output"])
    good = good_body(redraw)
    graphs, *others = good["outputs"]
    status, _ = _post(client, good | {"outputs": [graphs * 2000, *others]})
    assert status in (400, 413)
    clicks = next(d for d in dependencies if "citation-panel" in d["output"])
    spot = {"points": [{"customdata": ["o0000000000"]}] * 5000}
    status, _ = _post(client, body(clicks, [spot, None, ""]))
    assert status in (400, 413)


def _answered(text: str) -> set[str]:
    """The charts an answer redraws (figure, rows and source line each)."""
    answer = json.loads(text)["response"]
    charts = [json.loads(key)["chart"] for key in answer]
    assert len(charts) == 3 * len(set(charts))
    return set(charts)


def test_a_redraw_answers_for_the_charts_on_the_page_so_far(client, dependencies):
    redraw = next(d for d in dependencies if '"page":"trade"' in d["output"])
    good = good_body(redraw)
    first = [[outputs[0]] for outputs in good["outputs"]]  # only the first card is in
    status, text = _post(client, good | {"outputs": first})
    assert status == 200 and _answered(text) == {"turnover"}
    swapped = [[outputs[1], outputs[0]] for outputs in good["outputs"]]
    status, text = _post(client, good | {"outputs": swapped})
    assert status == 200 and _answered(text) == {"turnover", "flows"}
    twice = [[outputs[0], outputs[0]] for outputs in good["outputs"]]
    assert _post(client, good | {"outputs": twice})[0] == 400


def test_a_real_click_opens_its_citation(client, dependencies):
    citation = next(d for d in dependencies if "citation-panel" in d["output"])
    obs_id = data.load().points["obs_id"].iloc[0]
    spot = {"points": [{"customdata": [obs_id]}], "at": 1}  # what grapher.pointsAtSpot sends
    status, text = _post(client, body(citation, [spot, None, ""]))
    assert status == 200 and obs_id in text
    cell = {"obs": obs_id, "at": 1}
    status, text = _post(
        client, body(citation, [None, cell, ""]) | {"changedPropIds": ["cite-chosen.data"]}
    )
    assert status == 200 and obs_id in text
    followed = f"?start=2000&point={obs_id}"  # a link to a point followed inside the site
    status, text = _post(
        client,
        body(citation, [None, None, followed]) | {"changedPropIds": ["_pages_location.search"]},
    )
    assert status == 200 and obs_id in text
    status, text = _post(
        client,
        body(citation, [None, None, "?point=<b>x</b>"])
        | {"changedPropIds": ["_pages_location.search"]},
    )
    assert status in (200, 204, 400) and "<b>x</b>" not in text


def test_dash_component_suites_junk_paths_answer_404(client):
    for path in [
        "/_dash-component-suites/nothing/here.js",
        "/_dash-component-suites/dash/../../../etc/passwd",
        "/_dash-component-suites/dash/deps/nothing.v1_0_0m1.min.js",
        "/_dash-component-suites/os/__init__.py",
        f"/_dash-component-suites/dash/{MARKER}.js",
    ]:
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert MARKER not in answer.get_data(as_text=True)
