"""One module per upstream source: its raw layout, source ids, fetch and parse (for the API
sources) and its step into the tidy tables."""

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class StepOutput:
    """What a source contributes to the tidy tables."""

    observations: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
