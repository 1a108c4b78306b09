"""Hand-coded analysis: reviewable tables in ``data/coding/`` and their checks.

Some findings cannot be computed by rule: which issue a sentence is about, whether
two positions converge, which fact a claim rests on.  They are coded by hand, as
CSV files that a reviewer can read and correct, following the codebook in
``docs/codebook.md``.  Every row cites its evidence as sentence ids and, for each
id, the Chinese phrase the row rests on; :func:`check_evidence` verifies that each
cited sentence exists and contains its phrase.

Multi-valued cells (evidence ids, quotes, references) are separated by ``;``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import HelpersError
from ..paths import DATA

CODING = DATA / "coding"


@dataclass(frozen=True)
class Schema:
    """Columns of a coded table, the allowed values of its categorical columns,
    where its evidence is (a list column pair, or a single sentence and quote; an
    empty quote column means every row codes the whole sentence), and the document
    its evidence must come from."""

    columns: tuple[str, ...]
    vocab: dict[str, frozenset[str]]
    evidence: tuple[str, str]
    doc_id: str
    more_evidence: tuple[tuple[str, str, str], ...] = ()


#: The codebook's categories that more than one table shares (see ``docs/codebook.md``).
RELATIONS: tuple[str, ...] = ("converge", "diverge", "unclear", "one side only")
VERDICTS: tuple[str, ...] = ("consistent", "imprecise", "overstated", "conflict", "unverifiable")
DRIVERS: tuple[str, ...] = ("threat_response", "ambition", "domestic_politics", "other")
THEMES: tuple[str, ...] = ("dialogue", "transparency", "risk reduction", "technical cooperation", "norms",
                           "regional conflict", "political relations", "internal policy-making", "other")
FORMATS: tuple[str, ...] = ("official", "Track 1.5", "Track 2", "multilateral forum", "unilateral", "unspecified")


def _vocab(**columns: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return {name: frozenset(values) for name, values in columns.items()}


SCHEMAS: dict[str, Schema] = {
    "fes_positions": Schema(
        ("issue", "issue_zh", "relation", "qualified", "basis", "context", "germany", "china", "evidence", "quotes", "note"),
        _vocab(relation=RELATIONS, qualified=("yes", "no", ""), basis=("stated", "inferred")), ("evidence", "quotes"),
        "fes2024"),
    "fes_china_russia": Schema(
        ("topic", "topic_zh", "relation", "china", "russia", "evidence", "quotes", "note"),
        _vocab(relation=("distances", "mixed", "aligns")), ("evidence", "quotes"), "fes2024"),
    "fes_obstacles": Schema(
        ("obstacle", "kind", "where", "evidence", "quotes", "note"),
        _vocab(kind=("economic", "arms-control dispute", "external", "political", "strategic", "normative",
                     "institutional"), where=("obstacles section", "elsewhere")), ("evidence", "quotes"), "fes2024"),
    "fes_proposals": Schema(
        ("proposal_id", "proposal", "theme", "format", "ranking", "forum", "actors", "evidence", "quotes", "note"),
        _vocab(theme=THEMES, format=FORMATS, ranking=("more promising", "starting point", "complement", "")),
        ("evidence", "quotes"), "fes2024"),
    "fes_claims": Schema(
        ("sentence_id", "quote", "claim", "verdict", "reference", "knowable", "note"),
        _vocab(verdict=VERDICTS, knowable=("before publication", "after publication", "mixed", "")), ("sentence_id", "quote"),
        "fes2024"),
    "fes_events": Schema(("sentence_id", "quote", "date", "event", "verdict"), _vocab(verdict=(*VERDICTS, "not checked")),
                         ("sentence_id", "quote"), "fes2024"),
    "fes_sources": Schema(
        ("number", "item", "year", "source_type", "language", "publisher", "sentence_id", "quote", "note"),
        _vocab(source_type=("think-tank or foundation report", "news media", "academic journal", "government",
                            "international organisation", "video"), language=("de", "en", "zh")),
        ("sentence_id", "quote"), "fes2024"),
    "carnegie_toc": Schema(
        ("entry", "page", "kind", "title_en", "certainty", "sentence_id", "quote", "covered", "note"),
        _vocab(kind=("front", "chapter", "back"), certainty=("certain", "probable", "uncertain"),
               covered=("full", "partial", "none")), ("sentence_id", "quote"), "carnegie2024"),
    "carnegie_concepts": Schema(
        ("term", "entity", "label_en", "definition", "sentence_id", "quote"), {}, ("sentence_id", "quote"),
        "carnegie2024"),
    "carnegie_drivers": Schema(
        ("sentence_id", "driver", "stance", "note"), _vocab(driver=DRIVERS, stance=("report", "reported view")),
        ("sentence_id", ""), "carnegie2024"),
    "carnegie_actors": Schema(
        ("actor", "actor_zh", "shift", "role", "evidence", "quotes"),
        _vocab(shift=("gains", "loses", "constant", "earlier")), ("evidence", "quotes"), "carnegie2024"),
    "carnegie_recommendations": Schema(
        ("rec_id", "parent_id", "addressee", "theme", "format", "text", "sentence_id", "quote"),
        _vocab(addressee=("Washington", "Beijing", "both"), theme=THEMES, format=FORMATS), ("sentence_id", "quote"),
        "carnegie2024"),
    "carnegie_segments": Schema(("segment", "first_sentence", "last_sentence", "note"), {}, ("", ""),
                                "carnegie2024"),
    "carnegie_events": Schema(("sentence_id", "quote", "date", "event"), {}, ("sentence_id", "quote"), "carnegie2024"),
    "adjudication": Schema(
        ("table", "sentence_id", "first", "second", "decision", "adjudicator", "reason"),
        _vocab(decision=("first", "second", "revised")),
        ("sentence_id", ""), ""),
    "fes_uncoded": Schema(
        ("sentence_id", "reason", "note"),
        _vocab(reason=("heading", "context", "authors' view", "elaboration", "forecast")), ("sentence_id", ""), "fes2024"),
    "links": Schema(
        ("link", "kind", "fes_sentence_id", "fes_quote", "carnegie_sentence_id", "carnegie_quote", "note"),
        _vocab(kind=("person", "institution", "work", "concept")), ("fes_sentence_id", "fes_quote"), "fes2024",
        (("carnegie_sentence_id", "carnegie_quote", "carnegie2024"),)),
    "conclusions": Schema(
        ("finding", "relation", "headline", "fes_sentence_id", "fes_quote", "carnegie_sentence_id", "carnegie_quote"),
        _vocab(relation=("agree", "differ"), headline=("yes", "no")), ("fes_sentence_id", "fes_quote"), "fes2024",
        (("carnegie_sentence_id", "carnegie_quote", "carnegie2024"),)),
    "dates_heldout": Schema(("sentence_id", "quote", "date"), {}, ("sentence_id", "quote"), ""),
    "fes_treaty_statements": Schema(
        ("entity", "country", "paper_says", "sentence_id", "quote"),
        _vocab(paper_says=("supports", "party", "not party", "participant")), ("sentence_id", "quote"), "fes2024"),
}


@lru_cache(maxsize=None)
def load_coded(name: str, folder: Path = CODING) -> pd.DataFrame:
    """Load one coded table by name, validated against its :data:`SCHEMAS` entry.

    Raises:
        HelpersError: unknown table, missing file or column, a value outside the
            codebook's categories, or evidence ids and quotes that do not pair up.
    """
    if name not in SCHEMAS:
        raise HelpersError(f"{folder}: unknown coded table {name!r}; use one of {', '.join(SCHEMAS)}.")
    schema = SCHEMAS[name]
    path = folder / f"{name}.csv"
    if not path.is_file():
        raise HelpersError(f"{path}: not found; restore it from the repository.")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in schema.columns if c not in table.columns]
    if missing:
        raise HelpersError(f"{path}: missing column {', '.join(missing)}; see docs/codebook.md.")
    for column, allowed in schema.vocab.items():
        bad = sorted(set(table[column]) - allowed)
        if bad:
            raise HelpersError(f"{path}: {column} {bad[0]!r} is not in the codebook; use one of {', '.join(sorted(allowed))}.")
    ids, quotes = schema.evidence
    if ids and quotes:
        for index, row in table.iterrows():
            if len(row[ids].split(";")) != len(row[quotes].split(";")):
                raise HelpersError(f"{path}, line {index + 2}: {ids} and {quotes} must pair up one to one.")
    return table


def evidence_pairs(name: str, folder: Path = CODING) -> list[tuple[int, str, str, str]]:
    """(row number, sentence id, quote, document) for every piece of evidence in a coded table."""
    schema = SCHEMAS[name]
    columns = [(*schema.evidence, schema.doc_id), *schema.more_evidence]
    table = load_coded(name, folder)
    pairs = []
    for ids, quotes, doc_id in columns:
        if not ids:
            continue
        for index, row in table.iterrows():
            sentence_ids = row[ids].split(";")
            phrases = row[quotes].split(";") if quotes else [""] * len(sentence_ids)
            for sentence_id, quote in zip(sentence_ids, phrases):
                pairs.append((index, sentence_id.strip(), quote.strip(), doc_id))
    return pairs


def check_evidence(name: str, sentences: pd.DataFrame, folder: Path = CODING) -> list[str]:
    """Problems with a coded table's evidence (in *folder*): unknown sentences, quotes not in them.

    Returns:
        One message per problem (an empty list when all evidence holds).
    """
    text = sentences.set_index("sentence_id")["text"]
    problems = []
    for index, sentence_id, quote, doc_id in evidence_pairs(name, folder):
        if doc_id and not sentence_id.startswith(f"{doc_id}-"):
            problems.append(f"{name} line {index + 2}: {sentence_id} is not a sentence of {doc_id}")
        elif quotes_required(name) and not quote:
            problems.append(f"{name} line {index + 2}: empty quotation for {sentence_id}")
        elif sentence_id not in text.index:
            problems.append(f"{name} line {index + 2}: sentence {sentence_id} does not exist")
        elif quote not in text[sentence_id]:
            problems.append(f"{name} line {index + 2}: {sentence_id} does not contain {quote!r}")
    return problems


def quotes_required(name: str) -> bool:
    """True when a coded table's evidence carries quotations (all but the sentence-level driver codes)."""
    schema = SCHEMAS[name]
    return bool(schema.evidence[1]) or bool(schema.more_evidence)


def format_evidence(ids: str, quotes: str) -> str:
    """``fes2024-0009 「…」; fes2024-0010 「…」`` for display in a table."""
    return "; ".join(f"{i.strip()} 「{q.strip()}」" for i, q in zip(ids.split(";"), quotes.split(";")))
