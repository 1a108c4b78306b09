"""The study's layer: what holds for the two study texts only.

The generic pipeline (:mod:`helpers.tables`) runs on any corpus.  This layer adds, for the
study's own texts and no others:

- the names the study's texts mistranslate (《奥斯陆协定》 for the Convention on Cluster
  Munitions, 童招 for Tong Zhao …), from ``data/annotations/study_aliases.csv``: on another
  text 奥斯陆协定 is the Oslo Accords and must not become the CCM;
- the hand-reviewed quality flags (:mod:`helpers.study.review`);
- the tables built from hand coding (positions, proposals, claims_check, events,
  recommendations, concepts, drivers) and the keyness table of notebook 03.

A document is the study's when its doc_id *and* its checksum match the study's manifest
(``data/raw/manifest.csv``): a user's file that happens to be called ``fes2024`` gets
nothing from here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING
from pathlib import Path

from ..language.lexicon import Alias, read_aliases
from ..paths import ANNOTATIONS, RAW
from ..tables import Layer
from ..text.corpus import Document, read_manifest
from ..text.quality import Flag

if TYPE_CHECKING:
    import pandas as pd

#: The study's tables, in the order they are written after the generic ones.
STUDY_TABLES: tuple[str, ...] = (
    "positions", "proposals", "claims_check", "events", "recommendations", "concepts", "drivers", "keyness",
)

#: Columns of the tables built from hand coding.
CODED_COLUMNS: dict[str, list[str]] = {
    "positions": ["doc_id", "issue", "relation", "qualified", "basis", "germany", "china", "evidence", "issue_zh", "quotes",
                  "note"],
    "proposals": ["doc_id", "proposal_id", "proposal", "theme", "format", "ranking", "forum", "actors", "evidence", "quotes",
                  "note"],
    "claims_check": ["doc_id", "sentence_id", "claim", "verdict", "knowable", "reference", "note", "quote"],
    "events": ["doc_id", "sentence_id", "date", "event", "quote"],
    "recommendations": ["doc_id", "rec_id", "parent_id", "addressee", "theme", "format", "text", "sentence_id", "quote"],
    "concepts": ["doc_id", "term", "label_en", "definition", "sentence_id", "entity", "quote"],
    "drivers": ["doc_id", "sentence_id", "driver", "stance", "note"],
}


@lru_cache(maxsize=1)
def study_documents() -> frozenset[tuple[str, str]]:
    """(doc_id, sha256) of the study's texts, from the study's manifest; none in an installed wheel,
    which carries no ``data/raw`` (the layer then applies to no document)."""
    if not (RAW / "manifest.csv").is_file():
        return frozenset()
    return frozenset((row["doc_id"], row.get("sha256", "")) for row in read_manifest(RAW))


def is_study_text(doc_id: str, sha256: str) -> bool:
    """True when (doc_id, sha256) is one of the study's texts, byte for byte."""
    return (doc_id, sha256) in study_documents()


@lru_cache(maxsize=1)
def study_aliases(path: Path = ANNOTATIONS / "study_aliases.csv") -> tuple[Alias, ...]:
    """The names the study's texts render wrongly or idiosyncratically (with a note on each)."""
    return read_aliases(path)


@lru_cache(maxsize=1)
def heading_glosses(path: Path = ANNOTATIONS / "section_glosses.csv") -> dict[str, str]:
    """English glosses of the study texts' section headings (reviewable data)."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        return {row["heading"]: row["heading_en"] for row in csv.DictReader(handle)}


class StudyLayer(Layer):
    """The study's additions to the generic pipeline (see the module's docstring).

    The study's texts are linked with the domain lexicon alone: it was written for them and its
    linking is evaluated against a gold sample (notebook 00), so the general layer of states,
    organisations and offices, meant for other texts, does not change their mentions.
    """

    general_lexicon = False
    table_names = STUDY_TABLES

    def applies(self, document: Document) -> bool:
        """True for the study's own texts only."""
        return is_study_text(document.doc_id, document.sha256)

    def needs(self, document: Document) -> bool:
        """The tables read the rows of a document under a study text's doc_id, whatever its bytes
        (keyness compares the two doc_ids of :data:`helpers.study.comparison.STUDY_PAIR`)."""
        return document.doc_id in {doc_id for doc_id, _ in study_documents()}

    def aliases(self, document: Document) -> tuple[Alias, ...]:
        """The study's record of mistranslated names."""
        return study_aliases()

    def flags(self, document: Document) -> list[Flag]:
        """The reviewed quality flags of one study text."""
        from .review import review_flags

        return review_flags(document.doc_id)

    def passage_starts(self) -> dict[str, str]:
        """Runs of sentences that the review treats as one problem."""
        from .review import passage_starts

        return passage_starts()

    def heading_glosses(self) -> dict[str, str]:
        """The reviewed English glosses of the study texts' headings."""
        return heading_glosses()

    def tables(self, tables: dict[str, pd.DataFrame], documents: list[Document]) -> dict[str, pd.DataFrame]:
        """The coded tables and keyness, when the corpus holds a study text; nothing otherwise."""
        held = {d.doc_id for d in documents if self.applies(d)}
        if not held:
            return {}
        out = coded_tables(held)
        out["keyness"] = _keyness(tables)
        return {name: out[name] for name in STUDY_TABLES}


STUDY = StudyLayer()


def coded_tables(held: set[str]) -> dict[str, pd.DataFrame]:
    """The tables built from hand coding of the study texts in *held* (see :data:`CODED_COLUMNS`).

    Coded rows cite sentence ids of the study's own texts, so a text's rows are included
    only when the corpus holds that text unchanged.
    """
    from . import sino_german, sino_us

    import pandas as pd

    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in CODED_COLUMNS}
    if sino_german.DOC in held:
        parts["positions"].append(sino_german.export_positions())
        parts["proposals"].append(sino_german.export_proposals())
        parts["claims_check"].append(sino_german.export_claims())
        parts["events"].append(sino_german.export_events())
    if sino_us.DOC in held:
        parts["recommendations"].append(sino_us.export_recommendations())
        parts["concepts"].append(sino_us.export_concepts())
        parts["drivers"].append(sino_us.export_drivers())
        parts["events"].append(sino_us.export_events())
    return {name: pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=CODED_COLUMNS[name])
            for name, frames in parts.items()}


def _keyness(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """keyness.csv: which words are distinctive of the FES or the Carnegie text (notebook 03)."""
    from types import SimpleNamespace

    from .comparison import export_keyness

    return export_keyness(SimpleNamespace(tables=tables))


def load_study():
    """The study: the pipeline with this layer over the study's two texts (cached)."""
    from ..audit import load_study as load

    return load(RAW, STUDY)
