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

from ..audit import Study
from .coding import CODING, format_evidence, load_coded
from ..language.dates import to_year
from .reference import load_reference, source_kind

DOC = "carnegie2024"
DRIVERS = ("threat_response", "ambition", "domestic_politics", "other")
#: The cue list's two kinds and the driver code each stands for in the baseline coder.
CUE_DRIVER = {"technical": "threat_response", "political": "domestic_politics"}


def summary_counts(study: Study) -> pd.DataFrame:
    """The notebook's headline counts, computed from the coded tables and the audit."""
    rows = []
    for segment, counts in drivers_by_segment(study).iterrows():
        for driver, n in counts.items():
            rows.append({"question": f"drivers: {segment}", "category": driver, "count": int(n)})
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
    """Characters of the excerpt in each of its sections (the excerpt's own proportions)."""
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
    """Baseline driver code from cue phrases: ``threat_response`` where technical cues outnumber
    political ones, ``domestic_politics`` where political cues do, ``other`` when none or tied.
    The cue list has no cues for ``ambition``; it is a baseline, not a second coder."""
    counts = {"technical": 0, "political": 0}
    for cue, kind in driver_cues():
        counts[kind] += text.count(cue)
    if counts["technical"] == counts["political"]:
        return "other"
    return CUE_DRIVER[max(counts, key=counts.get)]


def segment_of(sentence_id: str) -> str:
    """The part of the excerpt a sentence belongs to (``data/coding/carnegie_segments.csv``):
    the introduction's own argument, its summaries of chapters 1–3, the summary of
    recommendations, or the opening of chapter 1."""
    segments = load_coded("carnegie_segments")
    for row in segments.itertuples():
        if row.first_sentence <= sentence_id <= row.last_sentence:
            return row.segment
    return "front or heading"


def drivers_view(study: Study) -> pd.DataFrame:
    """The hand-coded drivers, one row per sentence and driver (the inserted passage left out), with
    the sentence's segment and text."""
    drivers = load_coded("carnegie_drivers")
    drivers = drivers[~drivers["sentence_id"].isin(set(excluded_passages(study)["sentence_id"]))]
    sentences = study.tables["sentences"].set_index("sentence_id")
    table = drivers.copy()
    table["segment"] = table["sentence_id"].map(segment_of)
    table["text"] = table["sentence_id"].map(lambda s: sentences.loc[s, "text"])
    return table[["sentence_id", "segment", "driver", "stance", "note", "text"]].reset_index(drop=True)


def driver_sets(study: Study) -> pd.DataFrame:
    """One row per coded sentence: its drivers joined with ``+`` and the baseline coder's code."""
    view = drivers_view(study)
    sets = view.groupby("sentence_id", sort=True).agg(drivers=("driver", lambda d: "+".join(sorted(d))),
                                                      segment=("segment", "first"), text=("text", "first"))
    sets["baseline"] = sets["text"].map(classify_driver)
    return sets.reset_index()


def driver_agreement(study: Study) -> pd.DataFrame:
    """The cue-list baseline against the hand coding, per driver it can detect (present or absent):
    sentences, raw agreement and Cohen's kappa with its 95 % bootstrap interval.  A baseline, not
    reliability (``reliability.csv``)."""
    from .reliability import cohen_kappa, kappa_interval

    sets = driver_sets(study)
    rows = []
    for code in CUE_DRIVER.values():
        hand = ["yes" if code in d.split("+") else "no" for d in sets["drivers"]]
        rule = ["yes" if b == code else "no" for b in sets["baseline"]]
        low, high = kappa_interval(hand, rule)
        rows.append({"driver": code, "sentences": len(hand),
                     "agreement": round(sum(h == r for h, r in zip(hand, rule)) / len(hand), 3),
                     "kappa": round(cohen_kappa(hand, rule), 3), "kappa_low": round(low, 3), "kappa_high": round(high, 3)})
    return pd.DataFrame(rows)


def drivers_by_segment(study: Study, stance: str | None = None) -> pd.DataFrame:
    """Sentences per segment that carry each driver (a sentence with two drivers counts under both),
    optionally for one ``stance`` only (``report`` or ``reported view``).

    A fragment that the translation split off a sentence takes its host's codes (codebook); it counts
    only for a driver its host lacks, so one sentence of the report is not counted twice."""
    table = drivers_view(study)
    hosts = table["note"].str.extract(r"^fragment of (carnegie2024-\d{4})", expand=False)
    host_codes = table.groupby("sentence_id")["driver"].apply(set)
    inherited = [isinstance(h, str) and d in host_codes.get(h, set()) for h, d in zip(hosts, table["driver"])]
    table = table[~pd.Series(inherited, index=table.index)]
    if stance:
        table = table[table["stance"] == stance]
    order = list(load_coded("carnegie_segments")["segment"])
    counts = table.groupby(["segment", "driver"])["sentence_id"].nunique().unstack(fill_value=0)
    return counts.reindex(index=[o for o in order if o in counts.index], columns=list(DRIVERS), fill_value=0)


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
    return recs[["rec_id", "parent_id", "level", "addressee", "theme", "format", "text", "sentence_id", "quote"]]


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
    table["bound"] = [_bound(e, m) for e, m in zip(table["estimate"], table["measure"])]
    table["report"] = table["measure"].map(lambda m: (re.search(r"CMPR \d{4}", m) or [""])[0])
    table["source_kind"] = table["source_url"].map(source_kind)
    table["released"] = [release_date(m, pub) for m, pub in zip(table["measure"], table["publisher"])]
    # a DoD report's projection rows share the release date its other rows give
    dated = table[(table["report"] != "") & (table["released"].str.len() == 10)].groupby("report")["released"].first()
    table["released"] = [dated.get(r, d) if r else d for r, d in zip(table["report"], table["released"])]
    table["after_report"] = table["released"] > publication()[0]
    return table.sort_values(["country", "publisher_family", "measure_kind", "year"]).reset_index(drop=True)


_MONTHS = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                       "Dec"], start=1)}


def release_date(measure: str, publisher: str) -> str:
    """When an estimate was published (ISO, to the precision known): the DoD report's release date, a
    SIPRI Yearbook's June, or the month a FAS publication names; its reference year otherwise.
    Used to set apart what the authors of a text could not have seen."""
    released = re.search(r"released (\d{1,2}) (\w{3})\w* (\d{4})", measure)
    if released:
        day, month, year = released.groups()
        return f"{year}-{_MONTHS[month]:02d}-{int(day):02d}"
    yearbook = re.search(r"Yearbook (\d{4})", publisher)
    if yearbook:
        return f"{yearbook.group(1)}-06"
    report = re.search(r"CMPR (\d{4})", measure)
    if report:
        return report.group(1)
    dated = re.search(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* (\d{4})", measure)
    if dated:
        return f"{dated.group(2)}-{_MONTHS[dated.group(1)]:02d}"
    year = re.search(r"(\d{4})", measure)
    return year.group(1) if year else ""


def _bound(estimate: str, measure: str) -> str:
    """How exact a published figure is: lower or upper bound, approximate, or plain."""
    if re.match(r"(more than|over|at least)", estimate):
        return "lower bound"
    if estimate.startswith("up to"):
        return "upper bound"
    if not estimate.replace(",", "").isdigit() or re.search(r"roughly|about|approx", measure):
        return "approximate"
    return ""


def changes(estimates: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year change within each (country, publisher, measure) series of point estimates.

    Only plain and approximate figures are subtracted.  A bound ("more than 400") is not a value:
    the difference of two lower bounds says nothing about the difference of the quantities, so
    bounded series are left out (see :func:`bounds` for what they do show)."""
    rows = []
    data = estimates[(estimates["measure_kind"] != "projection") & estimates["bound"].isin(["", "approximate"])]
    for (country, publisher, kind), series in data.groupby(["country", "publisher_family", "measure_kind"]):
        series = series.sort_values("year")
        for (_, before), (_, after) in zip(series.iterrows(), series.iloc[1:].iterrows()):
            rows.append({"country": country, "publisher": publisher, "measure": kind,
                         "from": int(before["year"]), "to": int(after["year"]),
                         "change": int(after["estimate_value"] - before["estimate_value"]),
                         "per_year": round((after["estimate_value"] - before["estimate_value"]) /
                                           (after["year"] - before["year"]), 1)})
    return pd.DataFrame(rows)


def bounds(estimates: pd.DataFrame) -> pd.DataFrame:
    """China's bounded and projected figures as published, in the order of the reports, with what each
    says relative to the previous report's figure for the same year and measure: only ``same
    bound``, ``higher bound`` or ``new`` (a bound cannot be subtracted).  Shows where successive DoD
    projections plateau (``over 1,000`` by 2030 in three reports running)."""
    data = estimates[(estimates["country"] == "China") & estimates["bound"].isin(["lower bound", "upper bound"])
                     | (estimates["country"] == "China") & (estimates["measure_kind"] == "projection")]
    data = data.sort_values(["report", "year"]).copy()
    seen: dict[tuple[int, str], float] = {}
    comparison = []
    for row in data.itertuples():
        key = (int(row.year), row.measure_kind)
        value = row.estimate_value
        if key not in seen:
            comparison.append("new")
        elif value == seen[key]:
            comparison.append("same bound")
        else:
            comparison.append("higher bound" if value > seen[key] else "lower bound")
        seen[key] = value
    data["vs previous report"] = comparison
    return data[["report", "year", "estimate", "measure_kind", "bound", "vs previous report"]].reset_index(drop=True)


def publication() -> tuple[str, float, str]:
    """The report's publication date from the reference events: (date, decimal year, source)."""
    events = load_reference("events")
    row = events[events["event_en"].str.startswith("Carnegie publishes Tong Zhao report")].iloc[0]
    return row["date"], to_year(row["date"]), row["source_url"]


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


def timeline() -> pd.DataFrame:
    """One row per event: the events the excerpt dates itself, and the events it refers to whose date
    comes from the reference facts (the SM-3 Block IIA test, the 'strong strategic deterrence' goal …),
    marked by ``origin``.  A reference event that the text already dates (its date begins with the
    text's date: 2019-08-02 for the text's 2019) is not drawn again; its exact date goes into
    ``reference_date`` of the text's row."""
    own = events_table()[["date", "event", "year"]].assign(origin="dated in the text", reference_date="")
    ref = reference_events().rename(columns={"event_en": "event"})[["date", "event", "year"]]
    ref = ref[~ref["event"].str.startswith("Carnegie publishes")]
    keep = []
    for row in ref.itertuples():
        match = [i for i, d in own["date"].items() if row.date.startswith(d.rstrip("~"))]
        if match:
            own.loc[match[0], "reference_date"] = row.date
        else:
            keep.append(row.Index)
    ref = ref.loc[keep].assign(origin="dated by the reference facts", reference_date="")
    return pd.concat([own, ref], ignore_index=True).sort_values(["year", "event"]).reset_index(drop=True)


# --------------------------------------------------------------------------- #
# Export tables
# --------------------------------------------------------------------------- #
def export_recommendations() -> pd.DataFrame:
    """recommendations.csv: doc_id, rec_id, parent_id, addressee, theme, format, text, sentence_id (+ quote)."""
    table = load_coded("carnegie_recommendations").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "rec_id", "parent_id", "addressee", "theme", "format", "text", "sentence_id", "quote"]]


def export_concepts() -> pd.DataFrame:
    """concepts.csv: doc_id, term, label_en, definition, sentence_id (+ entity, quote)."""
    table = load_coded("carnegie_concepts").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "term", "label_en", "definition", "sentence_id", "entity", "quote"]]


def export_drivers() -> pd.DataFrame:
    """drivers.csv: doc_id, sentence_id, driver, stance, note (one row per sentence and driver)."""
    table = load_coded("carnegie_drivers").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "sentence_id", "driver", "stance", "note"]]


def export_events() -> pd.DataFrame:
    """events.csv rows of the Carnegie excerpt."""
    return events_table()[["doc_id", "sentence_id", "date", "event", "quote"]]
