"""Notebook 01: the Sino-German argument of the FES paper (Meier & Staack 2024).

Builds the notebook's tables from the hand-coded data in ``data/coding/fes_*.csv``
(see ``docs/codebook.md``), the pipeline's tables and the reference facts.  The
four export tables (positions, proposals, claims_check, events) are built here too.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..audit import Study, linked
from ..audit import body_length as audit_body_length
from ..audit import dispersion as audit_dispersion
from .coding import FORMATS, RELATIONS, THEMES, VERDICTS, evidence_pairs, format_evidence, load_coded
from ..language.dates import extract_dates, to_year
from ..language.lexicon import entities
from .reference import load_reference, lookup

DOC = "fes2024"
#: The coded tables whose citations count as coding a body sentence (notebook 01's coverage pass).
CODED_TABLES = ("fes_positions", "fes_china_russia", "fes_obstacles", "fes_proposals", "fes_claims", "fes_events",
                "fes_treaty_statements")
#: Which reference statuses agree with what the paper says of a country.
_MATCHES = {"supports": {"party", "signatory only"}, "party": {"party"}, "not party": {"not party"},
            "participant": {"party"}}


def _with_evidence(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["evidence (sentence 「quote」)"] = [format_evidence(i, q) for i, q in zip(table["evidence"], table["quotes"])]
    return table


def summary_counts() -> pd.DataFrame:
    """The notebook's headline counts: positions by relation, China–Russia topics by relation,
    proposals by theme and by format, obstacles by where the paper argues them, claims by verdict.

    ``one side only`` is a gap in what the text states, not a finding; it is counted apart from
    ``unclear`` (what the paper itself calls unclear) and never added to it."""
    proposals = load_coded("fes_proposals")
    parts = [
        ("Germany–China positions", load_coded("fes_positions")["relation"], list(RELATIONS)),
        ("China vs Russia", load_coded("fes_china_russia")["relation"], ["distances", "mixed", "aligns"]),
        ("proposals by theme", proposals["theme"], [t for t in THEMES if t in set(proposals["theme"])]),
        ("proposals by format", proposals["format"], [f for f in FORMATS if f in set(proposals["format"])]),
        ("obstacles by where argued", load_coded("fes_obstacles")["where"], ["obstacles section", "elsewhere"]),
        ("fact check", load_coded("fes_claims")["verdict"], list(VERDICTS)),
    ]
    rows = [{"question": q, "category": c, "count": int((values == c).sum())} for q, values, order in parts for c in order]
    return pd.DataFrame(rows)


def coverage(study: Study) -> pd.DataFrame:
    """Every body sentence of the paper (headings included) with the coded tables that cite it, or the
    reason it carries no code (``data/coding/fes_uncoded.csv``)."""
    sentences = study.tables["sentences"]
    body = sentences[(sentences["doc_id"] == DOC) & (sentences["part"] == "body")]
    cited: dict[str, set[str]] = {}
    for name in CODED_TABLES:
        for _, sentence_id, _, _ in evidence_pairs(name):
            cited.setdefault(sentence_id, set()).add(name.removeprefix("fes_"))
    uncoded = load_coded("fes_uncoded").set_index("sentence_id")
    rows = []
    for row in body.itertuples():
        tables = ", ".join(sorted(cited.get(row.sentence_id, ())))
        reason = uncoded["reason"].get(row.sentence_id, "")
        rows.append({"sentence_id": row.sentence_id, "coded_in": tables, "reason_uncoded": reason,
                     "note": uncoded["note"].get(row.sentence_id, ""), "text": row.text})
    return pd.DataFrame(rows)


def coverage_summary(study: Study) -> pd.DataFrame:
    """How many body sentences carry a code, and why the others carry none."""
    table = coverage(study)
    rows = [{"status": "coded", "sentences": int((table["coded_in"] != "").sum())}]
    for reason, n in table.loc[table["coded_in"] == "", "reason_uncoded"].value_counts().sort_index().items():
        rows.append({"status": f"not coded: {reason}", "sentences": int(n)})
    rows.append({"status": "body sentences", "sentences": len(table)})
    return pd.DataFrame(rows)


def body_length(study: Study) -> int:
    """Number of units in the FES body (the x-axis of the dispersion plot)."""
    return audit_body_length(study, DOC)


def positions_view() -> pd.DataFrame:
    """Germany's and China's positions by issue, with the relation, whether the paper qualifies a
    convergence, whether a side's position is stated or inferred, and the quoted evidence."""
    table = _with_evidence(load_coded("fes_positions"))
    order = {relation: i for i, relation in enumerate(RELATIONS)}
    table = table.sort_values("relation", key=lambda s: s.map(order), kind="stable")
    return table[["issue", "issue_zh", "relation", "qualified", "basis", "germany", "china", "note",
                  "evidence (sentence 「quote」)"]].reset_index(drop=True)


def china_russia_view() -> pd.DataFrame:
    """Where China distances itself from Russia, or sides with it, with evidence."""
    table = _with_evidence(load_coded("fes_china_russia"))
    return table[["topic", "topic_zh", "relation", "china", "russia", "evidence (sentence 「quote」)"]]


def obstacles_view() -> pd.DataFrame:
    """The obstacles to a dialogue as the paper argues them: kind, where argued, evidence, note."""
    table = _with_evidence(load_coded("fes_obstacles"))
    return table[["obstacle", "kind", "where", "note", "evidence (sentence 「quote」)"]]


def proposals_view() -> pd.DataFrame:
    """The paper's proposals: theme, format, the paper's own ranking, forum, actors, evidence."""
    table = _with_evidence(load_coded("fes_proposals"))
    return table[["proposal_id", "proposal", "theme", "format", "ranking", "forum", "actors", "note",
                  "evidence (sentence 「quote」)"]]


def claims_view() -> pd.DataFrame:
    """Each checkable claim with its graded verdict (worst first), whether the deciding facts were public
    before the paper, the note, and the reference rows (with sources) that decide it."""
    claims = load_coded("fes_claims").copy()
    claims["reference facts"] = claims["reference"].map(_describe_references)
    claims["sources"] = claims["reference"].map(_sources)
    worst_first = {"conflict": 0, "overstated": 1, "imprecise": 2, "unverifiable": 3, "consistent": 4}
    claims = claims.sort_values("verdict", key=lambda s: s.map(worst_first), kind="stable")
    return claims[["sentence_id", "quote", "claim", "verdict", "knowable", "note", "reference facts",
                   "sources"]].reset_index(drop=True)


def _describe_references(keys: str) -> str:
    out = []
    for key in keys.split(";"):
        row = lookup(key)
        if key.startswith("events:"):
            out.append(f"{row['date']}: {row['event_en']}")
        else:
            dates = row["date_ratified_or_acceded"] or row["date_signed"]
            out.append(f"{row['abbreviation']}, {row['country']}: {row['status']}" + (f" ({dates})" if dates else ""))
    return " | ".join(out)


def _sources(keys: str) -> str:
    urls: list[str] = []
    for key in keys.split(";"):
        for url in lookup(key)["source_url"].split(" ; "):
            if url.strip() and url.strip() not in urls:
                urls.append(url.strip())
    return " ; ".join(urls)


def verdict_counts() -> pd.DataFrame:
    """Number of claims by verdict and by whether the deciding facts were public before the paper."""
    claims = load_coded("fes_claims")
    table = claims.assign(knowable=claims["knowable"].replace("", "(nothing decides it)")).groupby(
        ["verdict", "knowable"]).size().unstack(fill_value=0)
    return table.reindex(index=list(VERDICTS), fill_value=0).rename_axis(index="verdict", columns=None).reset_index()


def treaty_status(study: Study) -> pd.DataFrame:
    """Treaties and regimes the paper names, China's and Germany's status in the record, and
    whether what the paper says of each matches the record."""
    mentions = linked(study.tables["mentions"])
    named = mentions[(mentions["doc_id"] == DOC) & (mentions["category"].isin(["treaty", "initiative"]))]
    counts = named.groupby("entity").size()
    status = load_reference("treaty_status")
    statements = load_coded("fes_treaty_statements")
    said = {(r.entity, r.country): r for r in statements.itertuples()}
    rows = []
    for entity, n in counts.items():
        label = entities()[entity]
        abbreviation = _abbreviation(label.label_en, status)
        for country in ("China", "Germany"):
            record = status[(status["abbreviation"] == abbreviation) & (status["country"] == country)]
            value = record["status"].iloc[0] if len(record) else "not in record"
            statement = said.get((entity, country))
            match = ""
            if statement is not None:
                if value == "not in record":
                    match = "no record"
                else:
                    match = "matches" if value in _MATCHES[statement.paper_says] else "differs"
            rows.append({"entity": entity, "abbreviation": abbreviation or entity.upper(), "treaty": label.label_en,
                         "treaty_zh": label.label_zh, "mentions": int(n),
                         "country": country, "status": value,
                         "paper_says": statement.paper_says if statement is not None else "",
                         "sentence_id": statement.sentence_id if statement is not None else "",
                         "match": match,
                         "source_url": record["source_url"].iloc[0] if len(record) else ""})
    return pd.DataFrame(rows)


def _abbreviation(label_en: str, status: pd.DataFrame) -> str:
    """The reference table's abbreviation for a treaty label (matched by the bracketed short name)."""
    synonyms = {"Ottawa Convention": "APMBC", "Treaty on Open Skies": "OST", "New START Treaty": "New START"}
    for name, abbreviation in synonyms.items():
        if name in label_en:
            return abbreviation
    for abbreviation in sorted(set(status["abbreviation"]), key=len, reverse=True):
        if f"({abbreviation})" in label_en or f"({abbreviation}/" in label_en:
            return abbreviation
    return ""


def events_table() -> pd.DataFrame:
    """The dated events the paper refers to (hand-coded), with a position on a time axis."""
    events = load_coded("fes_events").copy()
    events.insert(0, "doc_id", DOC)
    events["year"] = events["date"].map(to_year)
    return events.sort_values(["year", "sentence_id"], kind="stable").reset_index(drop=True)


def date_agreement(study: Study) -> pd.DataFrame:
    """How often the rule-based date extraction gives the hand-coded date of an event."""
    text = study.tables["sentences"].set_index("sentence_id")["text"]
    rows = []
    for row in load_coded("fes_events").itertuples():
        found = [d.date for d in extract_dates(text[row.sentence_id])]
        rows.append({"sentence_id": row.sentence_id, "expression": row.quote, "hand_coded": row.date,
                     "extracted": "; ".join(found), "agrees": row.date in found})
    return pd.DataFrame(rows)


def heldout_date_agreement(study: Study) -> pd.DataFrame:
    """Rule-based dates against hand-coded dates the rules were not written on: the FES notes and
    the Carnegie excerpt (``data/coding/dates_heldout.csv``).  Per sentence, the hand-coded and the
    extracted dates are compared as lists, so repeated dates count."""
    text = study.tables["sentences"].set_index("sentence_id")["text"]
    coded = load_coded("dates_heldout")
    rows = []
    for sentence_id, group in coded.groupby("sentence_id", sort=False):
        hand = list(group["date"])
        found = [d.date for d in extract_dates(text[sentence_id])]
        matched = sum(min(hand.count(d), found.count(d)) for d in set(hand))
        rows.append({"sentence_id": sentence_id, "hand_coded": "; ".join(hand), "extracted": "; ".join(found),
                     "matched": matched, "hand": len(hand), "found": len(found)})
    return pd.DataFrame(rows)


def sources_view(study: Study) -> pd.DataFrame:
    """The paper's footnoted sources: parsed note fields joined with the hand-coded type and language."""
    notes = study.tables["footnotes"]
    notes = notes[notes["doc_id"] == DOC][["number", "year", "title", "url"]].rename(columns={"year": "note_year"})
    notes["number"] = notes["number"].astype(int)
    coded = load_coded("fes_sources").copy()
    coded["number"] = coded["number"].astype(int)
    table = coded.merge(notes, on="number", how="left", validate="many_to_one")
    # an item's own year where the coding gives one (note 4 cites a 2022 statement and a 2023 video)
    table["year"] = table["year"].where(table["year"] != "", table["note_year"])
    return table[["number", "item", "year", "source_type", "language", "publisher", "title", "url", "note"]]


def mentions_by_section(study: Study, entity_ids: list[str]) -> pd.DataFrame:
    """Mentions of each entity per body section (the numbers behind the dispersion plot); each section
    is headed by its Chinese heading and an English gloss."""
    hits, _ = dispersion(study, entity_ids)
    from .layer import heading_glosses

    sections = study.tables["sentences"].set_index("sentence_id")["section_id"]
    glosses = heading_glosses()
    headings = study.tables["sections"].set_index("section_id")["heading"].map(
        lambda h: f"{h} {glosses[h]}" if h in glosses else (h or "(opening)"))
    hits = hits.assign(section=hits["sentence_id"].map(sections).map(headings))
    order = list(dict.fromkeys(hits.sort_values("position")["section"]))
    table = hits.groupby(["entity", "section"]).size().unstack(fill_value=0)
    return table.reindex(index=entity_ids, columns=order, fill_value=0)


def key_actor_mentions(study: Study, categories: tuple[str, ...] = ("country", "organisation", "person", "treaty",
                                                                      "initiative")) -> pd.DataFrame:
    """Mentions per entity in the FES body, with English labels, most frequent first."""
    sentences = study.tables["sentences"]
    body = set(sentences[(sentences["doc_id"] == DOC) & (sentences["part"] == "body")]["sentence_id"])
    mentions = linked(study.tables["mentions"])
    mentions = mentions[mentions["sentence_id"].isin(body) & mentions["category"].isin(categories)]
    counts = Counter(mentions["entity"])
    rows = [{"entity": e, "label_en": entities()[e].label_en, "label_zh": entities()[e].label_zh,
             "category": entities()[e].category, "mentions": n} for e, n in counts.items()]
    return pd.DataFrame(rows).sort_values(["mentions", "entity"], ascending=[False, True]).reset_index(drop=True)


def dispersion(study: Study, entity_ids: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Where each entity is mentioned in the FES body (see :func:`helpers.audit.dispersion`)."""
    return audit_dispersion(study, DOC, entity_ids)


# --------------------------------------------------------------------------- #
# Export tables
# --------------------------------------------------------------------------- #
def export_positions() -> pd.DataFrame:
    """positions.csv: doc_id, issue, relation, qualified, basis, germany, china, evidence (+ issue_zh, quotes, note)."""
    table = load_coded("fes_positions").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "issue", "relation", "qualified", "basis", "germany", "china", "evidence", "issue_zh",
                  "quotes", "note"]]


def export_proposals() -> pd.DataFrame:
    """proposals.csv: doc_id, proposal, theme, format, ranking, forum, actors, evidence (+ quotes, note)."""
    table = load_coded("fes_proposals").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "proposal_id", "proposal", "theme", "format", "ranking", "forum", "actors", "evidence",
                  "quotes", "note"]]


def export_claims() -> pd.DataFrame:
    """claims_check.csv: doc_id, sentence_id, claim, verdict, knowable, reference, note (+ quote)."""
    table = load_coded("fes_claims").copy()
    table.insert(0, "doc_id", DOC)
    return table[["doc_id", "sentence_id", "claim", "verdict", "knowable", "reference", "note", "quote"]]


def export_events() -> pd.DataFrame:
    """events.csv rows of the FES paper: doc_id, sentence_id, date, event (+ quote)."""
    return events_table()[["doc_id", "sentence_id", "date", "event", "quote"]]
