"""The app's memos are bounded and keyed only by checked, normalised inputs."""

import functools
import importlib
import pkgutil
from collections.abc import Iterator
from types import ModuleType

import dashboard
from dashboard import views
from dashboard.charts import PAGES_BY_ID
from tests.server.conftest import UPDATE, good_body


def _app_modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(dashboard.__path__, "dashboard."):
        if not info.name.startswith(("dashboard.etl", "dashboard.gunicorn_conf")):
            yield importlib.import_module(info.name)


def test_every_memo_of_the_app_has_a_size_bound():
    memos = [
        (module.__name__, name, value)
        for module in _app_modules()
        for name, value in vars(module).items()
        if isinstance(value, functools._lru_cache_wrapper)
    ]
    assert any(name == "render" for _, name, _ in memos)
    for module, name, memo in memos:
        bound = memo.cache_info().maxsize
        assert bound is not None and bound <= 4096, f"{module}.{name} is unbounded"


def _redraw(dependencies, page: str):
    return next(d for d in dependencies if f'"page":"{page}","type":"graph"' in d["output"])


def test_hostile_redraws_add_nothing_to_the_memo(client, dependencies):
    good = good_body(_redraw(dependencies, "gas"))
    client.post(UPDATE, json=good)
    before = views.render.cache_info().currsize
    (stored,) = good["inputs"]
    view = stored["value"]
    statuses = set()
    for index in range(300):
        flooded = {  # as many ids as each chart offers, none of them offered
            chart: [f"s{index:03d}{n:04d}" for n in range(len(ids))]
            for chart, ids in view["shown"].items()
        }
        shifted = [view["years"][0] - index - 1, view["years"][1]]
        for changed in ({"shown": flooded}, {"years": shifted}):
            inputs = [{**stored, "value": {**view, **changed}}]
            answer = client.post(UPDATE, json=good | {"inputs": inputs})
            assert answer.status_code < 500
            statuses.add(answer.status_code)
    after = views.render.cache_info().currsize
    assert statuses == {200, 400}  # unknown ids are dropped, years outside the range refused
    assert after - before <= len(PAGES_BY_ID["gas"].charts)  # only "no series shown" was new


def test_the_memo_keeps_to_its_bound(client, dependencies):
    good = good_body(_redraw(dependencies, "gdp"))
    (stored,) = good["inputs"]
    low, high = stored["value"]["years"]
    bound = views.render.cache_info().maxsize or 0
    asked = 0
    for start in range(low, high + 1):
        for end in range(high, start - 1, -3):
            ranged = {**stored, "value": {**stored["value"], "years": [start, end]}}
            assert client.post(UPDATE, json=good | {"inputs": [ranged]}).status_code == 200
            asked += 1
            if asked > bound * 0.6:
                break
        if asked > bound * 0.6:
            break
    assert views.render.cache_info().currsize <= bound
