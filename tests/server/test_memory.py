"""The app's memos are keyed only by checked, normalised inputs (their bounds and eviction:
tests/app/test_cache.py)."""

from dashboard import memo
from dashboard.charts.registry import PAGES_BY_ID
from tests.server.conftest import UPDATE, good_body


def _redraw(dependencies, page: str):
    return next(d for d in dependencies if f'"page":"{page}","type":"graph"' in d["output"])


def test_hostile_redraws_add_nothing_to_the_memo(client, dependencies):
    good = good_body(_redraw(dependencies, "gas"))
    client.post(UPDATE, json=good)
    before = len(memo.render)
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
    after = len(memo.render)
    assert statuses == {200, 400}  # unknown ids are dropped, years outside the range refused
    assert after - before <= len(PAGES_BY_ID["gas"].charts)  # only "no series shown" was new
