"""Id formats: short, stable keys for observations."""

import hashlib
import re

OBS_ID = re.compile(r"^o[0-9a-f]{10}$")


def obs_id(
    indicator: str, economy: str, reporter: str, period: str, source_id: str, inputs: str = ""
) -> str:
    """'o' and 10 hex digits of a digest of the row's key fields (and, if derived, inputs)."""
    key = "\x1f".join([indicator, economy, reporter, period, source_id, inputs])
    return "o" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
