"""One module per raw snapshot: each turns its files into observations and sources."""

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class StepOutput:
    """What a step contributes to the tidy tables."""

    observations: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
