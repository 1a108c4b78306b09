"""The study's hand-reviewed quality flags: ``data/annotations/quality_review.csv``.

Careful reading of the two study texts, recorded as reviewable data (doc_id, sentence_id,
passage, kind, severity, quote, note).  A test checks that every reviewed row's sentence
exists and contains its quote.  These flags hold for the study's texts only; the study's
layer (:mod:`helpers.study.layer`) adds them to those texts and to no other document.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import HelpersError
from ..paths import ANNOTATIONS
from ..text.quality import KINDS, SEVERITIES, Flag


@dataclass(frozen=True)
class ReviewRow:
    """A flag recorded by careful reading.

    ``passage`` is empty, or, for a defect that runs over consecutive sentences (a phrase
    torn in two, a list inserted item by item), the id of the run's first sentence: the
    flags on all sentences of the run are then one problem (see :func:`passage_starts`).
    """

    doc_id: str
    sentence_id: str
    passage: str
    kind: str
    severity: str
    quote: str
    note: str


@lru_cache(maxsize=None)
def reviewed(path: Path = ANNOTATIONS / "quality_review.csv") -> tuple[ReviewRow, ...]:
    """The hand-recorded quality flags (validated kinds, severities and passages)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [ReviewRow(**{k: (v or "") for k, v in row.items()}) for row in csv.DictReader(handle)]
    except FileNotFoundError:
        raise HelpersError(f"{path}: not found; restore it from the repository.") from None
    for row in rows:
        if row.kind not in KINDS:
            raise HelpersError(f"{path}: unknown kind {row.kind!r} for {row.sentence_id}; use one of {', '.join(KINDS)}.")
        if row.severity not in SEVERITIES:
            raise HelpersError(f"{path}: severity {row.severity!r} for {row.sentence_id}; "
                               f"set one of {', '.join(SEVERITIES)}.")
        if row.passage and not (row.passage.rsplit("-", 1)[0] == row.doc_id and row.passage < row.sentence_id):
            raise HelpersError(f"{path}: passage {row.passage!r} of {row.sentence_id} must be an earlier sentence "
                               "of the same document (the first sentence of the run), or empty.")
    return tuple(rows)


def review_flags(doc_id: str) -> list[Flag]:
    """The reviewed flags of one document, as :class:`Flag` rows."""
    return [Flag(r.doc_id, r.sentence_id, r.kind, r.quote, r.note, "review", r.severity)
            for r in reviewed() if r.doc_id == doc_id]


def passage_starts() -> dict[str, str]:
    """Sentence id → the first sentence of the reviewed run it belongs to.

    Only sentences that continue a run are keys (carnegie2024-0074 → carnegie2024-0073);
    every other sentence is a passage of its own.
    """
    return {r.sentence_id: r.passage for r in reviewed() if r.passage}
