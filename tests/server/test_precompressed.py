"""The brotli cache holds one entry per file, however the path spells it, and keeps to its bound."""

import re

import pytest

from dashboard import precompressed
from dashboard.precompressed import ASSET_URL

BR = {"Accept-Encoding": "br"}


@pytest.fixture(scope="module")
def urls(client) -> list[str]:
    return ASSET_URL.findall(client.get("/").get_data(as_text=True))


def _games(url: str, index: int) -> list[str]:
    """Other spellings of a script's URL that resolve to the same file."""
    path = url.split("?")[0]
    if path.startswith("/assets/"):
        name = path.removeprefix("/assets/")
        return [f"/assets/x{index}/../{name}", f"/assets/./{name}", f"/assets/x/y/../../{name}"]
    return [re.sub(r"\.v[\w-]+m[0-9a-fA-F]+\.", f".v9_{index}_0m{index:x}abc.", path)]


def test_path_games_add_no_cache_entry(client, urls):
    played = [u for u in urls if "plotly-basic" in u or "dash_renderer" in u]
    assert len(played) == 2
    bodies = {}
    for url in played:
        answer = client.get(url, headers=BR)
        assert answer.headers["Content-Encoding"] == "br"
        bodies[url] = answer.data
    before = len(precompressed._cache)
    for index in range(60):
        for url in played:
            for game in _games(url, index):
                answer = client.get(game, headers=BR)
                assert answer.status_code == 200, game
                assert answer.data == bodies[url], game
    assert len(precompressed._cache) == before


def test_the_cache_keeps_to_its_bound(client, urls, monkeypatch):
    for url in urls:
        client.get(url, headers=BR)
    monkeypatch.setattr(precompressed, "MAX_ENTRIES", len(precompressed._cache))
    before = dict(precompressed._cache)
    assert client.get("/assets/x/../embed.css", headers=BR).status_code == 200
    assert precompressed._cache == before  # left to Flask-Compress
