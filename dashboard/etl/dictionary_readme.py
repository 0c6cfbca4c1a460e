"""datasets/tidy/README.md: the data dictionary and how to cite, written with the tables."""

import math
from collections.abc import Mapping

import pandas as pd

from dashboard.schema import verdict
from dashboard.schema.tables import TABLES

CITE = """\
## How to cite

Cite the original producer of each figure: every row of `observations.csv` names its
`source_id`, and `sources.csv` gives the full citation (`citation_full`), the link
(`url_main`), the date the project took its copy (`date_accessed`) and the licence. For
official statements and article passages it also gives the quoted sentence (`quote`) and
where it stands (`locator`). Derived rows list their inputs (`input_obs_ids`) and the
sources of those inputs (`input_source_ids`).

To cite these tables as a whole: *China–Russia Figures: economic figures behind the
China–Russia relationship, with a citation on every point* (tables built from the raw
snapshots in `datasets/raw`; see `datapackage.json` for `last_updated`).
"""


CHANGES = """\
## Format notes (version 0.2)

* `obs_id` is a short stable key, `o` and 10 hex digits (a digest of indicator, economy,
  reporter, period and source, plus the inputs of a derived row). The readable key fields
  are columns of their own.
* `year` is an integer column for rows whose period is one calendar year (empty otherwise).
* `series` names the line a row belongs to, in the words of the charts' legends;
  (indicator, series, period) is unique, so one indicator's rows pivot by series.
* `indicators.csv` carries each indicator's frequency, believable range
  (`plausible_min`, `plausible_max`), largest period-on-period factor
  (`max_period_factor`) and the sources that feed it (`source_ids`): the values `make data`
  checks every figure against.
* Values carry the digits their source shows (at most 15 significant digits, a
  spreadsheet's precision: no `4.0507290000000005`). Sums and differences are exact in
  decimal; ratios and percents are rounded to 4 decimals.
* `claims_check.csv` names the claim's own observation (`obs_id`) and the one it was
  compared with (`official_obs_id`), and the reporter a claim names.
* `datapackage.json` records each file's SHA-256 (`hash`) and a `build` id; the folder is
  replaced as a whole, so a reader never mixes two builds.
* `changes.csv` lists what each build added, revised (old → new value) or removed against
  the tables it replaced, with the build id and date (described in `datapackage.json`; shown
  at /changes and in the feed /changes.atom).
"""


def render(tables: Mapping[str, pd.DataFrame]) -> str:
    """The README text for the tidy folder."""
    parts = [
        "# China–Russia figures: tidy tables\n",
        "Built by `make data` from `datasets/raw` (offline, deterministic). "
        "`datapackage.json` describes the same tables in Frictionless form.\n",
        CITE,
        CHANGES,
        "## Tables\n",
    ]
    for table in TABLES:
        parts.append(f"### `{table.path}`: {table.title} ({len(tables[table.name])} rows)\n")
        parts.append(f"{table.description} Key: `{', '.join(table.primary_key)}`.\n")
        parts.append("| column | type | meaning |\n|---|---|---|")
        parts.extend(f"| `{f.name}` | {f.type} | {f.description} |" for f in table.fields)
        parts.append("")
    parts.append("## Indicators\n")
    parts.append(
        "| indicator | family | unit | frequency | believable values | title |\n"
        "|---|---|---|---|---|---|"
    )
    for row in tables["indicators"].itertuples():
        believable = f"{row.plausible_min:g} to {row.plausible_max:g}"
        factor = float(str(row.max_period_factor))
        if not math.isnan(factor):
            believable += f", at most ×{factor:g} a period"
        parts.append(
            f"| `{row.indicator}` | {row.family} | {row.unit} | {row.frequency} | {believable} "
            f"| {row.title} |"
        )
    parts.append("\n## Verdict rule (claims_check.csv)\n")
    parts.append(_verdict_rule())
    return "\n".join(parts) + "\n"


def _verdict_rule() -> str:
    doc = verdict.__doc__ or ""
    return doc.split("\n", 2)[2].strip() + "\n"
