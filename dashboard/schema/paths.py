"""Where the project's data lives."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATASETS = REPO_ROOT / "datasets"
RAW = DATASETS / "raw"
TIDY = DATASETS / "tidy"
