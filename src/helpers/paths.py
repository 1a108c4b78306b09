"""Where the study's files live, and the lexicon of an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (``src/helpers/`` is two levels below it).  In an installed wheel this is a
#: folder of site-packages' parents, where no ``data/`` exists: the study's own data (raw texts,
#: annotations, coding, reference facts) is then absent, and only the generic path works.
ROOT: Path = Path(__file__).resolve().parents[2]
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
REFERENCE: Path = DATA / "reference"
#: The copy of ``data/lexicon`` a wheel carries as package data (``helpers._lexicon``, see pyproject.toml).
PACKAGED_LEXICON: Path = Path(__file__).resolve().parent / "_lexicon"
#: The lexicon the generic pipeline needs at run time: the repository's ``data/lexicon`` when it is
#: there (a checkout, an editable install), otherwise the packaged copy (``pip install .``).
LEXICON: Path = DATA / "lexicon" if (DATA / "lexicon" / "entities.csv").is_file() else PACKAGED_LEXICON
ANNOTATIONS: Path = DATA / "annotations"
PROCESSED: Path = DATA / "processed"
NOTEBOOKS: Path = ROOT / "notebooks"


def cache_dir() -> Path:
    """A per-user cache folder outside the repository (jieba's prefix-dictionary cache).

    Raises:
        HelpersError: the folder cannot be created or written; the message names the folder, not
            the document being processed, since the input file is not at fault.
    """
    from .errors import HelpersError

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "arms-control-study"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HelpersError(f"{path}: the cache folder cannot be created ({exc.strerror or exc}); set XDG_CACHE_HOME "
                           "to a writable folder.") from None
    if not os.access(path, os.W_OK):
        raise HelpersError(f"{path}: the cache folder is not writable; set XDG_CACHE_HOME to a writable folder.")
    return path
