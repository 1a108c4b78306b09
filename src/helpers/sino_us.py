"""Notebook 02: the Sino-US argument of the Carnegie report (Tong Zhao 2024).

The text is a machine-translated excerpt: front matter, the introduction with the
summary of recommendations, and the opening of chapter 1.  Everything here works on
what the excerpt holds and says so; nothing stands in for the missing chapters.

Hand-coded data: ``data/coding/carnegie_*.csv`` (see ``docs/codebook.md``).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import pandas as pd

from .audit import Study
from .coding import CODING, format_evidence, load_coded
from .dates import to_year
from .reference import load_reference

DOC = "carnegie2024"
DRIVERS = ("technical", "political", "other")


def summary_counts(study: Study) -> pd.DataFrame:
    """The notebook's headline counts, computed from the coded tables and the audit."""
    rows = []
    for section, counts in drivers_by_section(study).iterrows():
        for driver, n in counts.items():
            rows.append({"question": f"drivers: {section}", "category": driver, "count": int(n)})
    recs = recommendations_view()
    for (level, addressee), n in recs.groupby(["level", "addressee"]).size().items():
        rows.append({"question": f"recommendations: {level}", "category": addressee, "count": int(n)})
    rows.append({"question": "excluded (not the report's)", "category": "inserted list items",
                 "count": len(excluded_passages(study))})
    rows.append({"question": "vocabulary", "category": "concept rows", "count": len(load_coded("carnegie_concepts"))})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- #
# 1. The report and the excerpt
# --------------------------------------------------------------------------- #
def _page_value(page: str) -> float:
    """Arabic page numbers as they are; roman front-matter pages placed before page 1 (v → -4, vii → -2)."""
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
    return float(page) if page.isdigit() else float(roman[page] - 9)


def toc_view() -> pd.DataFrame:
    """The reconstructed table of contents: printed entry, page, English title, certainty, coverage."""
    toc = load_coded("carnegie_toc").copy()
    toc["page_start"] = toc["page"].map(_page_value)
    return toc[["entry", "page", "kind", "title_en", "certainty", "covered", "sentence_id", "quote", "note",
                "page_start"]]


def toc_entries(study: Study) -> list[str]:
    """The entries of the garbled table of contents, as the text prints them."""
    sentences = study.tables["sentences"]
    toc = sentences[(sentences["doc_id"] == DOC) & (sentences["kind"] == "toc")]["text"]
    return toc.iloc[0].split(" ") if len(toc) else []


def coverage(study: Study) -> pd.DataFrame:
    """Characters of the excerpt in each of its sections, beside the report's page range for it."""
    sentences = study.tables["sentences"]
    sections = study.tables["sections"].set_index("section_id")["heading"]
    car = sentences[sentences["doc_id"] == DOC]
    chars = car.groupby("section_id", sort=False)["n_chars"].sum()
    return pd.DataFrame({"section_id": chars.index, "heading": chars.index.map(sections), "characters": chars.values})


# --------------------------------------------------------------------------- #
# 2. Vocabulary
# --------------------------------------------------------------------------- #
def concepts_view() -> pd.DataFrame:
    """The stability vocabulary: term, English label, how the text defines or uses it, evidence."""
    concepts = load_coded("carnegie_concepts").copy()
    concepts["evidence"] = [format_evidence(i, q) for i, q in zip(concepts["sentence_id"], concepts["quote"])]
    return concepts[["term", "label_en", "definition", "evidence"]]


# --------------------------------------------------------------------------- #
# 3. Drivers
# --------------------------------------------------------------------------- #
@lru_cache(maxsize=1)
def driver_cues() -> tuple[tuple[str, str], ...]:
    """Cue phrases for the rule-based driver coding (``data/coding/driver_cues.csv``)."""
    with (CODING / "driver_cues.csv").open(encoding="utf-8", newline="") as handle:
        return tuple((row["cue"], row["driver"]) for row in csv.DictReader(handle))


def classify_driver(text: str) -> str:
    """Rule-based driver code: the kind of cue that occurs more often; ``other`` when none or tied."""
    counts = {"technical": 0, "political": 0}
    for cue, driver in driver_cues():
        counts[driver] += text.count(cue)
    if counts["technical"] == counts["political"]:
        return "other"
    return max(counts, key=counts.get)


def drivers_view(study: Study) -> pd.DataFrame:
    """Hand-coded driver of every body sentence, with its section, text and the rule-based code."""
    drivers = load_coded("carnegie_drivers")
    sentences = study.tables["sentences"].set_index("sentence_id")
    sections = study.tables["sections"].set_index("section_id")["heading"]
    table = drivers.copy()
    table["section"] = table["sentence_id"].map(lambda s: sections[sentences.loc[s, "section_id"]])
    table["text"] = table["sentence_id"].map(lambda s: sentences.loc[s, "text"])
    table["rule"] = table["text"].map(classify_driver)
    return table[["sentence_id", "section", "driver", "rule", "note", "text"]]


def driver_agreement(study: Study) -> dict[str, float]:
    """Agreement of the rule-based coding with the hand coding: accuracy and Cohen's kappa."""
    table = drivers_view(study)
    return agreement(list(table["driver"]), list(table["rule"]))


def agreement(first: list[str], second: list[str]) -> dict[str, float]:
    """Observed agreement and Cohen's kappa of two codings of the same items.

    kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of items coded alike and
    p_e the agreement expected by chance from each coder's category shares.
    """
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    categories = set(first) | set(second)
    expected = sum((first.count(c) / n) * (second.count(c) / n) for c in categories)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    return {"items": n, "agreement": round(observed, 3), "kappa": round(kappa, 3)}


def drivers_by_section(study: Study) -> pd.DataFrame:
    """Counts of hand-coded drivers per section (introduction, chapter 1)."""
    table = drivers_view(study)
    counts = table.groupby(["section", "driver"], sort=False).size().unstack(fill_value=0)
    return counts.reindex(columns=list(DRIVERS), fill_value=0)


# --------------------------------------------------------------------------- #
# 4. Actors, 5. recommendations
# --------------------------------------------------------------------------- #
def actors_view() -> pd.DataFrame:
    """Domestic actors, whether their role grows or shrinks, with evidence."""
    actors = load_coded("carnegie_actors").copy()
    actors["evidence (sentence 「quote」)"] = [format_evidence(i, q) for i, q in zip(actors["evidence"], actors["quotes"])]
    return actors[["actor", "actor_zh", "shift", "role", "evidence (sentence 「quote」)"]]


def recommendations_view() -> pd.DataFrame:
    """The recommendations as a hierarchy: top-level rows and their sub-points, with the Chinese text."""
    recs = load_coded("carnegie_recommendations").copy()
    recs["level"] = recs["parent_id"].map(lambda p: "sub-point" if p else "recommendation")
    return recs[["rec_id", "parent_id", "level", "addressee", "text", "sentence_id", "quote"]]


def excluded_passages(study: Study) -> pd.DataFrame:
    """Sentences that the quality audit marks as not part of the report (never counted as recommendations)."""
    flags = study.tables["quality_flags"]
    flags = flags[(flags["doc_id"] == DOC) & (flags["kind"] == "interpolated_passage")]
    return flags[["sentence_id", "evidence", "note"]].reset_index(drop=True)


# --------------------------------------------------------------------------- #
# 6. Warhead estimates
# --------------------------------------------------------------------------- #
def measure_kind(measure: str) -> str:
    """The kind of quantity a published estimate measures.

    Total inventory (all warheads, including retired ones awaiting dismantlement),
    stockpile (warheads assigned to the military), operational, deployed, and
    projections are different quantities and must never share a line in a chart.
    """
    text = measure.lower()
    if "projection" in text:
        return "projection"
    if text.startswith(("total inventory", "total warheads")):
        return "total inventory"
    if "operational" in text:
        return "operational"
    if "stockpile" in text:
        return "stockpile"
    if text.startswith("deployed") or text.startswith("deliverable"):
        return "deployed"
    return "other"


def publisher_family(publisher: str) -> str:
    """SIPRI, FAS or US DoD."""
    for name in ("SIPRI", "FAS", "DoD"):
        if name in publisher:
            return "US DoD" if name == "DoD" else name
    return publisher


def warheads() -> pd.DataFrame:
    """Warhead estimates for China and the United States, with measure kind, publisher family,
    the estimate as published and its number, and whether it is a lower bound ('more than')."""
    table = load_reference("warhead_estimates")
    table = table[table["country"].isin(["China", "United States"])].copy()
    table["measure_kind"] = table["measure"].map(measure_kind)
    table["publisher_family"] = table["publisher"].map(publisher_family)
    table["bound"] = table["estimate"].map(
        lambda e: "lower bound" if re.match(r"(more than|over|at least)", e) else
        ("upper bound" if e.startswith("up to") else ("approximate" if not e.replace(",", "").isdigit() else "")))
    return table.sort_values(["country", "publisher_family", "measure_kind", "year"]).reset_index(drop=True)


def series_change(estimates: pd.DataFrame, country: str) -> pd.DataFrame:
    """First and last estimate of each (publisher, measure) series for a country, as published."""
    rows = []
    data = estimates[(estimates["country"] == country) & (estimates["measure_kind"] != "projection")]
    for (publisher, kind), series in data.groupby(["publisher_family", "measure_kind"], sort=True):
        series = series.sort_values("year")
        first, last = series.iloc[0], series.iloc[-1]
        rows.append({"publisher": publisher, "measure": kind, "first_year": int(first["year"]),
                     "first_estimate": first["estimate"], "last_year": int(last["year"]),
                     "last_estimate": last["estimate"], "estimates": len(series)})
    return pd.DataFrame(rows)


def buildup_statements() -> pd.DataFrame:
    """The excerpt's statements about China's build-up (from the concepts and drivers coding)."""
    rows = [("carnegie2024-0045", "其最近的核扩张", "its recent nuclear expansion"),
            ("carnegie2024-0047", "中国大规模扩充核力量", "China is expanding its nuclear forces on a large scale"),
            ("carnegie2024-0067", "导致核力量建设加速", "the build-up of nuclear forces accelerated")]
    return pd.DataFrame(rows, columns=["sentence_id", "quote", "gloss"])


# --------------------------------------------------------------------------- #
# 7. Timeline
# --------------------------------------------------------------------------- #
def events_table() -> pd.DataFrame:
    """The dated events the excerpt refers to (hand-coded), with a position on a time axis."""
    events = load_coded("carnegie_events").copy()
    events.insert(0, "doc_id", DOC)
    events["year"] = events["date"].map(to_year)
    return events.sort_values(["year", "sentence_id"], kind="stable").reset_index(drop=True)


def reference_events() -> pd.DataFrame:
    """Reference events tied to the Carnegie text, with their sources."""
    events = load_reference("events")
    events = events[events["which_text"].str.contains("Carnegie")].copy()
    events["year"] = events["date"].map(lambda d: to_year(d.split(" ")[0]))
    return events[["date", "event_en", "event_zh_as_in_text", "source_url", "year"]].reset_index(drop=True)


# --------------------------------------------------------------------------- #
# Export tables
# --------------------------------------------------------------------------- #
def export_recommendations() -> pd.DataFrame:
    """recommendations.csv: doc_id, rec_id, parent_id, addressee, text, sentence_id (+ quote)."""
    table = load_coded("carnegie_recommendations").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "rec_id", "parent_id", "addressee", "text", "sentence_id", "quote"]]


def export_concepts() -> pd.DataFrame:
    """concepts.csv: doc_id, term, label_en, definition, sentence_id (+ entity, quote)."""
    table = load_coded("carnegie_concepts").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "term", "label_en", "definition", "sentence_id", "entity", "quote"]]


def export_drivers() -> pd.DataFrame:
    """drivers.csv: doc_id, sentence_id, driver, note."""
    table = load_coded("carnegie_drivers").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "sentence_id", "driver", "note"]]


def export_events() -> pd.DataFrame:
    """events.csv rows of the Carnegie excerpt."""
    return events_table()[["doc_id", "sentence_id", "date", "event", "quote"]]
