"""The blind second annotation (tests/check/corpus/second/mentions.csv) has the corpus's columns
and vocabularies, and annotates mentions of the corpus (same ids, passages and value texts)."""

import csv

import pytest

from tests.check.test_corpus import CORPUS, MENTION_COLUMNS, MENTIONS
from tests.check.test_corpus import test_annotation as check_row

SECOND = CORPUS / "second" / "mentions.csv"


def _second() -> list[dict[str, str]]:
    with SECOND.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_columns_are_the_corpus_columns() -> None:
    with SECOND.open(encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == MENTION_COLUMNS


def test_ids_are_corpus_mentions_with_the_same_passage_and_text() -> None:
    first = {m["mention_id"]: m for m in MENTIONS}
    rows = _second()
    assert len({m["mention_id"] for m in rows}) == len(rows) > 0
    for row in rows:
        assert row["mention_id"] in first, row["mention_id"]
        for key in ("sentence_id", "value_text"):
            assert row[key] == first[row["mention_id"]][key], (row["mention_id"], key)


@pytest.mark.parametrize("mention", _second(), ids=lambda m: m["mention_id"])
def test_vocabularies(mention: dict[str, str]) -> None:
    """The corpus's own per-row check: label, reason, indicator and unit, economy, period..."""
    check_row(mention)
