"""Where the study's files live."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (``src/helpers/`` is two levels below it).
ROOT: Path = Path(__file__).resolve().parents[2]
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
REFERENCE: Path = DATA / "reference"
LEXICON: Path = DATA / "lexicon"
ANNOTATIONS: Path = DATA / "annotations"
PROCESSED: Path = DATA / "processed"
NOTEBOOKS: Path = ROOT / "notebooks"


def cache_dir() -> Path:
    """A per-user cache folder outside the repository (jieba's prefix-dictionary cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "arms-control-study"
    path.mkdir(parents=True, exist_ok=True)
    return path
