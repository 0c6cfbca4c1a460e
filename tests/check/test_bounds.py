"""The work for one request is bounded whatever the date and the text (no timing here: the
times are printed by benchmarks/check_speed.py). Texts are hand-written."""

import json
import tracemalloc
from datetime import date, timedelta

import pytest

from dashboard.check.engine import MAX_ROWS, account, check
from dashboard.check.extract import MAX_CLAIMS, MAX_YEARS, scan

SINCE = "Since 1980 trade between China and Russia stayed above $100 billion."
TODAY = date.today()
SIZE = 20_000


def _fill(piece: str) -> str:
    return (piece * (SIZE // len(piece) + 1))[:SIZE]


@pytest.mark.parametrize(
    "published",
    [date(9999, 12, 31), date(1, 1, 1), date(1899, 12, 31), TODAY + timedelta(days=400)],
)
def test_a_date_outside_the_sane_range_is_refused_with_one_line(published: date) -> None:
    for run in (check, account):
        with pytest.raises(ValueError, match=f"^publication date {published.isoformat()} is "):
            run(SINCE, published)


def test_since_a_far_year_is_listed_not_expanded() -> None:
    claims, skipped = scan(SINCE, TODAY)
    assert claims == []
    assert [k.text for k in skipped] == ["$100 billion"]
    assert f"at most {MAX_YEARS}" in skipped[0].reason
    assert len(account(SINCE, TODAY)) <= 3  # the figure and the year


def test_since_a_near_year_is_checked_year_by_year() -> None:
    text = "Since 2015 trade between China and Russia stayed above $100 billion."
    rows = check(text, date(2024, 6, 1))
    assert [r["period"] for r in rows] == [str(y) for y in range(2015, 2024)]


@pytest.mark.parametrize(
    "text",
    [
        _fill("Since 2015 trade between China and Russia stayed above $100 billion. "),
        _fill("China–Russia trade was $1.5, $2.5 and $3.5 billion in 2021, up 10% and 20%. "),
        _fill("1 2 3 4 5 6 7 8 9 "),
        _fill("China–Russia trade was $1 billion, " * 3 + "in 2021. "),
        "China–Russia trade was " + "$1.5 billion and " * 1500 + "none in 2021.",
    ],
    ids=["since", "dense", "bare-numbers", "one-long-sentence", "list"],
)
def test_rows_and_size_are_bounded_for_repetitive_texts(text: str) -> None:
    tracemalloc.start()
    rows = account(text, date(2024, 6, 1))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    claims = [r for r in rows if r["indicator"]]
    assert len(claims) <= MAX_CLAIMS
    assert len(rows) <= MAX_CLAIMS + MAX_ROWS + 1
    assert len(json.dumps(rows, ensure_ascii=False, default=str)) < 3_000_000
    assert peak < 100_000_000
    assert len(check(text, date(2024, 6, 1))) <= MAX_CLAIMS


def test_the_figures_past_the_limit_are_listed_as_not_checked() -> None:
    text = " ".join(f"China–Russia trade was ${n} billion in 2021." for n in range(1, 21))
    claims, skipped = scan(text, None, limit=5)
    assert len(claims) == 5
    assert [k.reason for k in skipped][:1] == ["over the limit of 5 figures checked per text"]
    assert len(skipped) == 15


def test_the_count_of_numbers_left_out_is_said() -> None:
    rows = account(_fill("7 "), None)
    assert len(rows) == MAX_ROWS + 1
    assert rows[-1]["reason"] == f"{SIZE // 2 - MAX_ROWS} more numbers, not listed"
