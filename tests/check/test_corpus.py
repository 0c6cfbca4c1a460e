"""The real-text evaluation corpus (tests/check/corpus) is well-formed, split by page, its
held-out set (second pass) is apart from both halves, and its final (third pass), fourth
(fourth pass) and fifth (fifth pass) held-out sets are each apart from every other split."""

import csv
import hashlib
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "check" / "corpus"
SENTENCE_COLUMNS = "sentence_id split url site published date_source lang text".split()
MENTION_COLUMNS = (
    "mention_id sentence_id value_text label indicator economy reporter period value unit "
    "qualifier status reason note"
).split()
LABELS = {"in_scope", "out_of_scope", "not_a_claim"}
REASONS = {
    "world_trade",
    "total_trade",
    "other_pipeline",
    "russia_wide_currency",
    "other_country",
    "no_period",
    "other",
}
DATE_INDICATORS = {"gas_pos_start_date", "gas_pos_full_capacity_date"}  # events.csv, as dates
LATE_SETS = {"final", "fourth", "fifth"}  # held-out sets kept apart from every other split
PERIOD = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?")


def _rows(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


SENTENCES = _rows("sentences.csv")
MENTIONS = _rows("mentions.csv")
BY_ID = {s["sentence_id"]: s for s in SENTENCES}


def _units() -> dict[str, str]:
    with (ROOT / "datasets" / "tidy" / "indicators.csv").open(encoding="utf-8") as handle:
        units = {row["indicator"]: row["unit"] for row in csv.DictReader(handle)}
    units |= {f"{name}_yoy": "percent" for name in list(units)}  # growth, derived at check time
    return units | dict.fromkeys(DATE_INDICATORS, "date")


def test_columns() -> None:
    for name, columns in (("sentences.csv", SENTENCE_COLUMNS), ("mentions.csv", MENTION_COLUMNS)):
        with (CORPUS / name).open(encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == columns, name


def test_sentences_have_an_http_url_a_site_a_date_and_a_mention() -> None:
    assert len({s["sentence_id"] for s in SENTENCES}) == len(SENTENCES)
    mentioned = {m["sentence_id"] for m in MENTIONS}
    for s in SENTENCES:
        where = f"{s['sentence_id']} ({s['url']})"
        assert urlparse(s["url"]).scheme in ("http", "https"), where
        assert s["site"] == (urlparse(s["url"]).hostname or "").removeprefix("www."), where
        assert s["lang"] in ("en", "ru", "zh"), where
        assert s["text"].strip() == s["text"] and s["text"], where
        assert s["sentence_id"] in mentioned, where
        if s["published"]:
            assert s["date_source"] in ("page", "url"), where
            day = s["published"] + ("-01" if len(s["published"]) == 7 else "")
            assert date.fromisoformat(day) <= date.today(), where
        else:
            assert s["date_source"] == "", where


def _bare(url: str) -> str:
    """Host and path of a URL, without scheme, www., query or trailing slash."""
    return re.sub(r"^https?://(www\.)?", "", url).split("?")[0].rstrip("/")


def test_split_once_by_page_from_a_hash_of_the_url() -> None:
    """dev and test by a hash of the URL; the later held-out sets are exempt (see below)."""
    splits: dict[str, set[str]] = defaultdict(set)
    for s in SENTENCES:
        splits[s["url"]].add(s["split"])
        assert s["split"] in LATE_SETS | {"dev", "test", "holdout"}, s["sentence_id"]
        if s["split"] in LATE_SETS | {"holdout"}:
            continue
        half = "dev" if hashlib.sha256(s["url"].encode()).digest()[0] % 2 == 0 else "test"
        assert s["split"] == half, s["sentence_id"]
    assert all(len(halves) == 1 for halves in splits.values())
    per_half = Counter(BY_ID[m["sentence_id"]]["split"] for m in MENTIONS)
    assert abs(per_half["dev"] - per_half["test"]) < 0.2 * (per_half["dev"] + per_half["test"])


def test_holdout_pages_are_apart_from_dev_and_test() -> None:
    """The held-out set (second pass) shares no page with the halves, by URL or by site and path."""
    holdout = {s["url"] for s in SENTENCES if s["split"] == "holdout"}
    halves = {s["url"] for s in SENTENCES if s["split"] in ("dev", "test")}
    assert holdout and not holdout & halves
    assert not {_bare(url) for url in holdout} & {_bare(url) for url in halves}


@pytest.mark.parametrize("split", sorted(LATE_SETS))
def test_late_held_out_pages_are_apart_from_every_other_split(split: str) -> None:
    """The final (third pass), fourth (fourth pass) and fifth (fifth pass) held-out sets share
    no page with any other split, by URL or by site and path."""
    held = {s["url"] for s in SENTENCES if s["split"] == split}
    others = {s["url"] for s in SENTENCES if s["split"] != split}
    assert held and not held & others
    assert not {_bare(url) for url in held} & {_bare(url) for url in others}


def test_value_text_occurs_in_its_sentence_once_per_mention() -> None:
    wanted = Counter((m["sentence_id"], m["value_text"]) for m in MENTIONS)
    for (sentence_id, value_text), times in wanted.items():
        assert value_text, sentence_id
        assert BY_ID[sentence_id]["text"].count(value_text) >= times, (sentence_id, value_text)


@pytest.mark.parametrize("mention", MENTIONS, ids=lambda m: m["mention_id"])
def test_annotation(mention: dict[str, str]) -> None:
    assert mention["label"] in LABELS
    if mention["label"] == "out_of_scope":
        assert mention["reason"] in REASONS
    if mention["label"] != "in_scope":
        assert not any(mention[k] for k in ("indicator", "period", "value", "unit"))
        return
    units = _units()
    assert mention["indicator"] in units
    assert mention["unit"] == units[mention["indicator"]]
    assert mention["economy"] in ("CHN", "RUS", "CHN-RUS")
    assert mention["reporter"] in ("", "CHN", "RUS")
    assert PERIOD.fullmatch(mention["period"]), mention["period"]
    assert mention["qualifier"] in ("about", "over", "under", "exact")
    assert mention["status"] in ("reported", "target", "forecast")
    assert mention["reason"] == ""
    if mention["unit"] == "date":
        assert mention["value"] == ""
    else:
        float(mention["value"])


def test_no_page_is_one_the_project_cites() -> None:
    """A page the tables or statements quote would be checked against itself."""
    cited = "".join(
        path.read_text(encoding="utf-8", errors="ignore")
        for path in (ROOT / "datasets").rglob("*")
        if path.is_file() and path.suffix in (".csv", ".json", ".md")
    )
    for url in {s["url"] for s in SENTENCES}:
        assert _bare(url) not in cited, f"{url} is cited under datasets/: drop it from the corpus"


@pytest.mark.parametrize(
    "sets",
    [("dev", "test"), ("holdout",), ("final",), ("fourth",)],
    ids=["dev+test", "holdout", "final", "fourth"],
)
def test_size_and_breadth(sets: tuple[str, ...]) -> None:
    sentences = [s for s in SENTENCES if s["split"] in sets]
    mentions = [m for m in MENTIONS if BY_ID[m["sentence_id"]]["split"] in sets]
    assert len(mentions) >= 200
    assert len({s["url"] for s in sentences}) >= 60
    assert len({s["site"] for s in sentences}) >= 30
    assert {s["lang"] for s in sentences} == {"en", "ru", "zh"}
    assert LABELS == {m["label"] for m in mentions}


def test_fifth_pass_size_and_breadth() -> None:
    """The fifth-pass held-out set: its English part alone, then the whole set. The whole-set
    floor passes only once the Russian and Chinese part (built on its own branch) is merged; until
    then that half of the test is skipped, never silently passed."""
    sentences = [s for s in SENTENCES if s["split"] == "fifth"]
    mentions = [m for m in MENTIONS if BY_ID[m["sentence_id"]]["split"] == "fifth"]
    english = [s for s in sentences if s["lang"] == "en"]
    english_ids = {s["sentence_id"] for s in english}
    english_mentions = [m for m in mentions if m["sentence_id"] in english_ids]
    assert len(english_mentions) >= 400
    assert sum(m["label"] == "in_scope" for m in english_mentions) >= 150
    assert len({s["url"] for s in english}) >= 55
    assert len({s["site"] for s in english}) >= 45
    if {s["lang"] for s in sentences} == {"en"}:
        pytest.skip("the Russian and Chinese part of the fifth set is not merged yet")
    assert {s["lang"] for s in sentences} == {"en", "ru", "zh"}
    assert sum(m["label"] == "in_scope" for m in mentions) >= 200
    assert len({s["url"] for s in sentences}) >= 80
    assert len({s["site"] for s in sentences}) >= 60
    assert LABELS == {m["label"] for m in mentions}
