"""The official figure a claim is compared with, chosen by one rule for the build
(claims_check.csv) and the checker (dashboard.check).

Candidates: official rows (official series, derived values, official statements; never
article claims) that are reported (planned, for a claim about a plan), of the claim's
indicator and economy (the caller's rows), of the reporter asked (any when none is asked),
of the kinds asked and resting on the pinned source where the claim pins one. Their period
must be the claim's, except for shares and settlement (states, not flows), where an
overlapping period will do, and capacities, where the one in force at the end of the
claim's period (or the latest announced, for a plan) is taken.

Tiers (sources.csv `tier`, dashboard/schema/vocabulary.py TIERS): a row's tier is its
source's, a derived row's the worst of its inputs'. A projection never decides; a claim is
never checked against its own page (a row whose source, or an input's source, has the claim's
URL is no candidate).

Among candidates: the same period first, then the longest overlap; then the best tier; then,
for trade flows,
the reporter's own official statement (what its customs announced) before the official
series and derived values, and for everything else official series before derived values
before statements; then the most precise value, then source id.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from dashboard.schema.vocabulary import TIERS, worst_tier

Row = Mapping[str, Any]
NEVER_DECIDES = ("projection", "article_claim")

KIND_ORDER = {"official_series": 0, "derived": 1, "official_statement": 2}
FLOW_KIND_ORDER = {"official_statement": 0, "official_series": 1, "derived": 2}
FLOWS = ("trade_total", "trade_cn_exports_to_ru", "trade_cn_imports_from_ru")
STATE_PREFIXES = ("settlement", "trade_share")
KINDS = tuple(KIND_ORDER)


def choose(
    rows: Sequence[Row],
    reporter: str | None,
    start: str,
    end: str,
    status: str = "reported",
    kinds: Sequence[str] = KINDS,
    pinned: str = "",
    sources: Mapping[str, Row] | None = None,
    own_url: str = "",
) -> Row | None:
    """The official row of `rows` (one indicator, one economy) for a claim about the period
    start..end (ISO dates), or None; `sources` (source id -> sources.csv row) gives tiers and
    links, `own_url` the claim's own page."""
    if not rows:
        return None
    cited = sources or {}
    usable = [
        r
        for r in rows
        if r["kind"] in kinds
        and r["kind"] in KIND_ORDER
        and (reporter is None or r["reporter"] == reporter)
        and (not pinned or pinned in _sources(r))
        and tier(r, cited) not in NEVER_DECIDES
        and not (own_url and own_url in {cited.get(i, {}).get("url_main") for i in _sources(r)})
    ]
    indicator = str(rows[0]["indicator"])
    if indicator.endswith("_capacity"):
        return _capacity(usable, end, status)
    state = indicator.startswith(STATE_PREFIXES)
    candidates = [
        r
        for r in usable
        if r["status"] == "reported"
        and (
            (r["period_start"] == start and r["period_end"] == end)
            or (state and r["period_start"] <= end and r["period_end"] >= start)
        )
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda r: rank(r, start, end, cited))


def rank(row: Row, start: str, end: str, sources: Mapping[str, Row]) -> tuple[Any, ...]:
    """Sort key of a candidate: lower is better."""
    first = max(date.fromisoformat(row["period_start"]), date.fromisoformat(start))
    last = min(date.fromisoformat(row["period_end"]), date.fromisoformat(end))
    same = row["period_start"] == start and row["period_end"] == end
    order = FLOW_KIND_ORDER if row["indicator"] in FLOWS else KIND_ORDER
    return (
        not same,
        -(last - first).days,
        TIER_ORDER.get(tier(row, sources), len(TIER_ORDER)),
        order[row["kind"]],
        -decimals(row),
        row["source_id"],
    )


TIER_ORDER = {t: n for n, t in enumerate(TIERS)}


def tier(row: Row, sources: Mapping[str, Row]) -> str:
    """A row's tier: its source's, or for a derived row the worst of its inputs' ('' where
    unknown)."""
    inputs = str(row.get("input_source_ids") or "")
    ids = inputs.split(";") if inputs else [str(row["source_id"])]
    return worst_tier(t for i in ids if (t := str(sources.get(i, {}).get("tier") or "")))


def decimals(row: Row) -> int:
    """How many decimals the value shows: its precision."""
    return len(repr(float(row["value"])).partition(".")[2].rstrip("0"))


def _sources(row: Row) -> set[str]:
    return {str(row["source_id"]), *str(row.get("input_source_ids") or "").split(";")}


def _capacity(rows: Sequence[Row], end: str, status: str) -> Row | None:
    """A capacity in force by the end of the period (the latest), or the latest announced."""
    wanted = "planned" if status == "planned" else "reported"
    candidates = [
        r
        for r in rows
        if r["status"] == wanted and (wanted == "planned" or r["period_start"] <= end)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r["period_start"], -KIND_ORDER[r["kind"]]))
