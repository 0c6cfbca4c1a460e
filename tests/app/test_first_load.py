"""What the first load of a page is made of: the shell's scripts, listed for its renderer script
to start after the first frame, with their preloads; the scripts sent brotli-compressed from
memory, and chart cards after the first arriving empty."""

import json
import re
from pathlib import Path
from typing import Any

import brotli
import pytest
from plotly.offline import get_plotlyjs_version

import dashboard
from dashboard import critical_css
from dashboard.app import app
from dashboard.charts.registry import PAGES_BY_ID

BUNDLE = f"plotly-basic-{get_plotlyjs_version()}.min.js"


@pytest.fixture(scope="module")
def client():
    return app.server.test_client()


@pytest.fixture(scope="module")
def shell(client) -> str:
    return str(client.get("/trade").get_data(as_text=True))


def _renderer(shell: str) -> str:
    (script,) = re.findall(r'<script id="_dash-renderer"[^>]*>(.*?)</script>', shell, re.S)
    return str(script)


def test_no_script_runs_before_the_first_frame_but_the_renderer_script(shell):
    # every script with a source is listed in a type the browser does not run; the inline
    # ones define clientside callbacks, or are the renderer script that starts the others
    tags = re.findall(r"<script[^>]*>", shell)
    assert all('type="text/x-dash-deferred"' in tag for tag in tags if " src=" in tag)
    assert "new DashRenderer()" in _renderer(shell) and "requestAnimationFrame" in _renderer(shell)
    # nothing is asked for before the first frame but the stylesheet, preloaded (the critical
    # CSS in the head styles the server's markup; the renderer script applies the sheet)
    assert re.findall(r'<link rel="preload"[^>]*>', shell) == [critical_css.preload_tag()]
    script = _renderer(shell)
    started = script.index("const start = () => {")
    assert script.index("applyStylesheet()") > script.index('preload(href, "fetch")') > started
    assert script.index("styled.then(") > script.index("applyStylesheet()")


def test_layout_and_callbacks_are_preloaded_as_the_renderer_fetches_them(shell):
    # as=fetch with crossorigin="anonymous": mode cors, credentials same-origin, as Dash's
    # renderer fetches them, so the browser hands it the preloaded answers
    script = _renderer(shell)
    assert '["/_dash-layout", "/_dash-dependencies"].forEach((href) => preload(href, "fetch"))' in (
        script
    )
    assert 'link.crossOrigin = "anonymous"' in script


def test_plotly_is_loaded_once_async_and_waited_for(shell):
    tags = re.findall(r"<script[^>]*>", shell)
    plotly = [tag for tag in tags if BUNDLE in tag]
    assert len(plotly) == 1 and " data-async" in plotly[0]
    script = _renderer(shell)
    # a placeholder until the bundle has run, put in before it is asked for
    placeholder = script.index('Object.defineProperty(window, "Plotly"')
    assert placeholder < script.index("add(plotly, true)")


def test_the_shell_loads_no_component_library_but_dash_s_own(shell):
    # the widgets are Dash's html and dcc components: no dash-bootstrap-components (228 kB),
    # and of @babel/polyfill only the regenerator runtime dcc's lazy components call
    sources = re.findall(r'<script type="text/x-dash-deferred" src="([^"]+)"', shell)
    libraries = {url.split("/")[2] for url in sources if url.startswith("/_dash-component-suites/")}
    assert libraries == {"dash"}
    runtime = [i for i, url in enumerate(sources) if "regenerator-runtime" in url]
    core = next(i for i, url in enumerate(sources) if "dash_core_components" in url)
    assert len(runtime) == 1 and runtime[0] < core
    assert "polyfill" not in shell


def test_the_bundle_asks_v8_to_compile_it_off_the_main_thread():
    bundle = Path(dashboard.__file__).parent / "assets" / BUNDLE
    assert bundle.read_text(encoding="utf-8").startswith("//# allFunctionsCalledOnLoad\n")


def _script_urls(shell: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css)(?:\?[^"]*)?)"', shell)


def test_scripts_and_styles_are_sent_brotli_compressed(client, shell):
    urls = _script_urls(shell)
    assert any(BUNDLE in url for url in urls) and any(".css" in url for url in urls)
    for url in urls:
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        sent = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
        assert sent.headers["Content-Encoding"] == "br", url
        assert brotli.decompress(sent.data) == plain.data, url
        assert "Accept-Encoding" in sent.headers["Vary"]


def test_a_cached_script_is_revalidated_and_other_encodings_still_work(client, shell):
    url = next(url for url in _script_urls(shell) if "grapher.js" in url)
    first = client.get(url, headers={"Accept-Encoding": "br"})
    again = client.get(
        url, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    gzip = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gzip.headers.get("Content-Encoding") != "br"


def test_layouts_are_never_served_from_the_script_cache(client):
    def layout(path: str) -> bytes:
        answer = client.get(
            "/_dash-layout",
            headers={"Accept-Encoding": "br", "Referer": f"http://localhost{path}"},
        )
        encoding = answer.headers.get("Content-Encoding")
        return bytes(brotli.decompress(answer.data) if encoding == "br" else answer.data)

    assert b'"page":"trade"' in layout("/trade")
    assert b'"page":"trade"' not in layout("/gdp")


def _find(node: Any, kind: str) -> list[dict[str, Any]]:
    """Every component of a type (by its JSON) in a layout tree, stores' data included."""
    found = []
    if isinstance(node, dict):
        if node.get("type") == kind:
            found.append(node)
        found += [c for value in node.values() for c in _find(value, kind)]
    elif isinstance(node, list):
        found += [c for value in node for c in _find(value, kind)]
    return found


def _buttons(node: Any, tabs: bool = False) -> list[dict[str, Any]]:
    """The buttons with ids of a layout tree: its tabs, or the others (the share panel's;
    its copy buttons have none: assets/grapher.js handles them)."""
    found = [b for b in _find(node, "Button") if isinstance(b["props"].get("id"), dict)]
    return [b for b in found if (b["props"]["id"]["type"] == "tab") == tabs]


def _waiting(node: Any, slot: str) -> list[Any]:
    """What waits in the store of a `later` slot, the slot itself checked empty."""
    found = [
        n
        for n in _find(node, "Div") + _find(node, "Store")
        if isinstance(n["props"].get("id"), dict) and n["props"]["id"].get("slot") == slot
    ]
    empty, store = sorted(found, key=lambda n: n["props"]["id"]["type"])
    assert empty["props"]["id"]["type"] == "later" and not empty["props"].get("children")
    assert store["props"]["id"]["type"] == "later-contents"
    return list(store["props"]["data"])


@pytest.mark.parametrize("page_id", ["trade", "gas", "gdp"])
def test_only_the_first_chart_its_tabs_and_source_line_come_at_first(client, page_id):
    layout = json.loads(
        client.get("/_dash-layout", headers={"Referer": f"http://localhost/{page_id}"}).data
    )
    page = PAGES_BY_ID[page_id]
    first, *others = page.charts
    controls = _waiting(layout, f"{page_id}/controls")  # years and switches wait too
    assert _find(layout, "RangeSlider") == _find(controls, "RangeSlider") != []
    rest = _waiting(layout, f"{page_id}/cards")
    drawn = [g for g in _find(layout, "Graph") if g not in _find(rest, "Graph")]
    assert [g["props"]["id"]["chart"] for g in drawn] == [first.chart_id]
    assert drawn[0]["props"]["figure"]["data"]
    (card,) = [s for s in _find(layout, "Section") if s["props"]["id"] == first.chart_id]
    assert any(
        "source-line" in p["props"].get("className", "") for p in _find(card, "P")
    )  # the source line comes with the chart
    assert [b["props"]["children"] for b in _buttons(card, tabs=True)] == [
        "Chart",
        "Table",
        "Sources",
    ]  # the tabs come with the chart
    waiting = _waiting(card, f"{page_id}/{first.chart_id}")  # legend, panel and stores wait
    assert len(_find(waiting, "Checklist")) == 1 and len(_buttons(waiting)) == 4
    assert _find(card, "Checklist") == _find(waiting, "Checklist")
    sections = {s["props"]["id"]: s for s in _find(rest, "Section")}
    assert list(sections) == [chart.chart_id for chart in others]  # whole cards, in order
    for section in sections.values():
        (graph,) = _find(section, "Graph")
        assert graph["props"]["figure"]["data"]
        assert len(_buttons(section)) == 4 and len(_buttons(section, tabs=True)) == 3


def test_the_layout_is_serialised_once_per_page_url(client):
    from dashboard.shell import LAYOUTS, layout_json

    layout_json.clear()
    trade = client.get("/_dash-layout", headers={"Referer": "http://host/trade"}).get_data()
    again = client.get("/_dash-layout", headers={"Referer": "http://other/trade"}).get_data()
    indexed = client.get(
        "/_dash-layout", headers={"Referer": "http://host/trade?transform=index"}
    ).get_data()
    gas = client.get("/_dash-layout", headers={"Referer": "http://host/gas"}).get_data()
    assert trade == again and len(layout_json.entries) == 3
    assert b'"transform-choice"' in trade or trade != indexed
    assert trade != indexed and trade != gas
    assert json.loads(gas)["props"]["children"]
    for n in range(LAYOUTS + 5):  # made-up queries cost one entry each, up to the bound
        client.get("/_dash-layout", headers={"Referer": f"http://host/gas?point={n}"})
    assert len(layout_json.entries) == LAYOUTS
