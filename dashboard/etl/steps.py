"""The contract every source keeps: what a step reads besides its folder, what it returns,
and what an API source adds (its refresh).

A source is a module of `dashboard.etl.sources` listed in `sources.ALL`. The build and the
refresh loop over that list; `tests/refresh/test_contract.py` holds every listed source to
this contract.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol, runtime_checkable

import pandas as pd

from dashboard.etl.http import Client, Deadline
from dashboard.etl.snapshot import Snapshot


@dataclass(frozen=True)
class Context:
    """What a step may read besides its own raw folder: the indicator table."""

    indicators: pd.DataFrame

    @cached_property
    def units(self) -> Mapping[str, str]:
        """Each indicator's unit."""
        return dict(zip(self.indicators["indicator"], self.indicators["unit"], strict=True))


def _empty() -> pd.DataFrame:
    return pd.DataFrame()


@dataclass
class StepOutput:
    """What a source contributes to the tidy tables (claims: the articles' claims, checked
    against the official figures once every step has run; products and partners: rows of
    the tables of those names)."""

    observations: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame = field(default_factory=_empty)
    claims: pd.DataFrame = field(default_factory=_empty)
    products: pd.DataFrame = field(default_factory=_empty)
    partners: pd.DataFrame = field(default_factory=_empty)


class Source(Protocol):
    """A static source: the raw folder it reads and its step into the tidy tables."""

    NAME: str  # the source's name in the refresh's --source and summaries
    FOLDER: str  # its folder under datasets/raw
    SHIPPED: bool  # whether the repository ships that folder (else it is fetched online)

    def build(self, folder: Path, context: Context) -> StepOutput:
        """The source's rows, read strictly from its folder (nothing when not SHIPPED and
        the folder is absent)."""
        ...


@runtime_checkable
class Refreshable(Source, Protocol):
    """An API source: it can fetch a new snapshot of its folder."""

    ENV: str  # the environment variable that overrides the API root (mirrors, tests)

    def refresh(
        self,
        folder: Path,
        client: Client,
        timeout: float,
        deadline: Deadline,
        progress: Callable[[str], None],
    ) -> Snapshot:
        """Fetch and parse the upstream into the raw layout, with its provenance."""
        ...
