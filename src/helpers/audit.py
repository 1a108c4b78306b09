"""Views for notebook 00 (corpus and quality audit): small tables an analyst reads.

Everything here is computed from the pipeline's tables; nothing is typed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import RAW
from .tables import NO_LAYER, Layer, Processed, build_tables, process_corpus
from .text.quality import SEVERITIES


@dataclass
class Study:
    """The processed corpus and its tables.

    ``starts`` maps a sentence to the first sentence of a run that is one problem (a phrase
    torn across sentences); the layer that reviewed the texts supplies it, empty otherwise.
    """

    processed: list[Processed]
    tables: dict[str, pd.DataFrame]
    starts: dict[str, str] = field(default_factory=dict)
    glosses: dict[str, str] = field(default_factory=dict)  # English glosses of headings, from the layer

    def raw(self, doc_id: str) -> str:
        """The decoded raw text of a document."""
        return next(p.document.text for p in self.processed if p.document.doc_id == doc_id)

    @property
    def sentences(self) -> list:
        """All structured sentences (with their raw offsets), in order."""
        return [s for p in self.processed for s in p.structured.sentences]


@lru_cache(maxsize=4)
def load_study(corpus_dir: Path | str = RAW, layer: Layer = NO_LAYER) -> Study:
    """Run the pipeline on a corpus folder, with a layer of document-specific knowledge (cached).

    The generic pipeline by default; the study's notebooks pass the study's layer
    (:func:`helpers.study.layer.load_study`).
    """
    processed = process_corpus(corpus_dir, layer)
    return Study(processed, build_tables(processed, layer), layer.passage_starts(), layer.heading_glosses())


def linked(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions the lexicon links to an entity (without the ``unlinked`` names it does not know)."""
    return mentions[mentions["form"] != "unlinked"]


def overview(study: Study) -> pd.DataFrame:
    """One row per document: provenance and size."""
    docs = study.tables["documents"]
    return docs[["doc_id", "title", "title_en", "authors", "publisher", "date", "original_language",
                 "encoding", "script", "n_chars_raw", "n_sentences", "n_body_sentences", "n_notes", "truncated"]]


def flag_counts(study: Study) -> pd.DataFrame:
    """Quality flags by severity (worst first), kind and document (a document per column)."""
    flags = study.tables["quality_flags"]
    table = flags.groupby(["severity", "kind", "doc_id"]).size().unstack(fill_value=0).reindex(
        columns=list(study.tables["documents"]["doc_id"]), fill_value=0).rename_axis(columns=None).reset_index()
    table["rank"] = table["severity"].map(SEVERITIES.index)
    return table.sort_values(["rank", "kind"]).drop(columns="rank").reset_index(drop=True)


def _with_passage(flags: pd.DataFrame, starts: dict[str, str] | None) -> pd.DataFrame:
    """*flags* with a ``passage`` key (the run's first sentence, or ``#n`` for a flag without a sentence) and a
    severity ``rank`` (0 is worst)."""
    starts = starts or {}
    key = [(sid and starts.get(sid, sid)) or f"#{i}" for i, sid in enumerate(flags["sentence_id"])]
    return flags.assign(passage=key, rank=flags["severity"].map(SEVERITIES.index))


def problem_passages(flags: pd.DataFrame, starts: dict[str, str] | None = None) -> pd.DataFrame:
    """The quality flags grouped into problems: one row per passage, worst severity first.

    A passage is a sentence: all flags on one sentence are one problem. Consecutive
    sentences that share one defect (a phrase torn across two sentences, a list inserted
    item by item) are one passage when *starts* maps each later sentence of the run to
    its first (the study's runs: :func:`helpers.study.review.passage_starts`); without
    *starts* every sentence is a passage of its own.
    A flag without a sentence (removed boilerplate, missing notes) is a problem of its
    own. A problem takes the worst severity of its flags.

    Args:
        flags: rows of ``quality_flags.csv`` (doc_id, sentence_id, kind, severity, evidence).
        starts: sentence id → first sentence of its run.

    Returns:
        doc_id, passage (its first sentence id; empty for a flag without a sentence),
        last (its last sentence id), sentences (how many), severity, kinds (distinct,
        `;`-separated), flags (how many) and the evidence of its worst flag; ordered by
        document, severity and passage.
    """
    columns = ["doc_id", "passage", "last", "sentences", "severity", "kinds", "flags", "evidence"]
    if flags.empty:
        return pd.DataFrame(columns=columns)
    keyed = _with_passage(flags, starts)
    rows = []
    for (doc_id, passage), group in keyed.groupby(["doc_id", "passage"], sort=False):
        worst = group.sort_values("rank", kind="stable").iloc[0]
        ids = sorted(set(group["sentence_id"]) - {""})
        rows.append({"doc_id": doc_id, "passage": "" if passage.startswith("#") else passage,
                     "last": ids[-1] if ids else "", "sentences": len(ids), "severity": worst["severity"],
                     "kinds": ";".join(dict.fromkeys(group["kind"])), "flags": len(group),
                     "evidence": worst["evidence"], "rank": worst["rank"]})
    table = pd.DataFrame(rows)
    docs = {d: i for i, d in enumerate(dict.fromkeys(flags["doc_id"]))}
    table = table.assign(doc=table["doc_id"].map(docs)).sort_values(["doc", "rank", "passage"], kind="stable")
    return table[columns].reset_index(drop=True)


def problems(study: Study, doc_id: str | None = None, severities: list[str] | None = None) -> pd.DataFrame:
    """The problem passages (:func:`problem_passages`) of the study, optionally of one document or some severities."""
    table = problem_passages(study.tables["quality_flags"], study.starts)
    if doc_id:
        table = table[table["doc_id"] == doc_id]
    if severities:
        table = table[table["severity"].isin(severities)]
    return table.reset_index(drop=True)


def problem_counts(study: Study) -> pd.DataFrame:
    """Problem passages by severity (rows, worst first) and document (columns)."""
    problems = problem_passages(study.tables["quality_flags"], study.starts)
    return (problems.groupby(["severity", "doc_id"]).size().unstack(fill_value=0)
            .reindex(index=list(SEVERITIES), columns=list(study.tables["documents"]["doc_id"]), fill_value=0)
            .rename_axis(index="severity", columns=None))


def problem_rates(study: Study, per: int = 100) -> pd.DataFrame:
    """Problem passages per *per* body sentences, by severity and document: the texts differ in length,
    so compare rates (:func:`problem_counts` gives the counts)."""
    counts = problem_counts(study)
    sentences = study.tables["sentences"]
    body = sentences[(sentences["part"] == "body") & (sentences["kind"] == "sentence")].groupby("doc_id").size()
    rates = (counts / body.reindex(counts.columns) * per).round(1)
    rates.attrs["per"] = per
    return rates


def cleaning_summary(study: Study) -> pd.DataFrame:
    """Number of logged edits by action and document."""
    log = study.tables["cleaning_log"]
    table = log.groupby(["action", "doc_id"]).size().unstack(fill_value=0)
    return table.reindex(columns=study.tables["documents"]["doc_id"], fill_value=0)


def before_after(study: Study, action: str, limit: int = 3, doc_id: str | None = None) -> pd.DataFrame:
    """Examples of one cleaning action: the raw context and the cleaned sentence.

    The edited raw span is shown between ⟦ ⟧ (long spans are shortened to their
    length); the cleaned column shows the sentence that now holds that place.
    """
    log = study.tables["cleaning_log"]
    if doc_id:
        log = log[log["doc_id"] == doc_id]
    rows = []
    for _, edit in log[log["action"] == action].head(limit).iterrows():
        raw = study.raw(edit["doc_id"])
        start, end = int(edit["raw_start"]), int(edit["raw_end"])
        span = raw[start:end]
        shown = span if len(span) <= 12 else f"…{len(span)} characters…"
        context = raw[max(0, start - 10):start] + f"⟦{shown}⟧" + raw[end:end + 10]
        sentence = _sentence_near(study, edit["doc_id"], start, end)
        rows.append({"doc_id": edit["doc_id"], "reason": edit["reason"],
                     "raw (edited span in ⟦ ⟧)": context.replace("\n", "⏎"),
                     "sentence_id": sentence.sentence_id if sentence else "",
                     "cleaned": _snippet(sentence.text, sentence.offsets, start, end) if sentence else ""})
    return pd.DataFrame(rows)


def _sentence_near(study: Study, doc_id: str, start: int, end: int):
    for offset in (start - 1, end, start):
        for s in study.sentences:
            if s.doc_id == doc_id and offset in s.offsets:
                return s
    return None


def _snippet(text: str, offsets: tuple[int, ...], start: int, end: int, width: int = 14) -> str:
    at = next((i for i, o in enumerate(offsets) if o >= start), len(text))
    return ("…" if at > width else "") + text[max(0, at - width):at + width] + ("…" if at + width < len(text) else "")


def evidence(study: Study, sentence_ids: list[str]) -> pd.DataFrame:
    """The cited sentences: id, part, section heading and Chinese text."""
    sentences = study.tables["sentences"].set_index("sentence_id")
    headings = study.tables["sections"].set_index("section_id")["heading"]
    rows = []
    for sid in (s for s in sentence_ids if s in sentences.index):  # another corpus lacks these sentences
        row = sentences.loc[sid]
        rows.append({"sentence_id": sid, "part": row["part"], "section": headings.get(row["section_id"], ""),
                     "text": row["text"]})
    return pd.DataFrame(rows)


def sections_view(study: Study) -> pd.DataFrame:
    """The sections with English glosses of their headings and sizes."""
    sections = study.tables["sections"].copy()
    glosses = study.glosses
    sections["heading_en"] = sections["heading"].map(lambda h: glosses.get(h, "" if h else "(no heading)"))
    return sections[["doc_id", "section_id", "part", "heading", "heading_en", "n_sentences"]]


def trust_summary(study: Study) -> pd.DataFrame:
    """How far each text can be trusted: problem passages by severity, worst first.

    One row per severity and document. ``problems`` counts passages, not flags (see
    :func:`problem_passages`): each passage counts once, under its worst severity;
    ``flags`` counts the flags of that severity. ``body_sentences_affected`` are the
    running-text sentences of the body in those passages, and ``share_of_body`` their
    share of the body's running-text sentences.
    """
    sentences = study.tables["sentences"]
    flags = study.tables["quality_flags"]
    problems = problem_passages(flags, study.starts)
    keyed = _with_passage(flags, study.starts)
    worst = keyed.groupby(["doc_id", "passage"])["rank"].transform("min").map(lambda r: SEVERITIES[r])
    rows = []
    for severity in SEVERITIES:
        for doc_id in study.tables["documents"]["doc_id"]:
            body = sentences[(sentences["doc_id"] == doc_id) & (sentences["part"] == "body")
                             & (sentences["kind"] == "sentence")]
            here = problems[(problems["doc_id"] == doc_id) & (problems["severity"] == severity)]
            touched = set(keyed.loc[(keyed["doc_id"] == doc_id) & (worst == severity), "sentence_id"])
            touched &= set(body["sentence_id"])
            rows.append({
                "severity": severity, "doc_id": doc_id, "problems": len(here),
                "flags": int(((flags["doc_id"] == doc_id) & (flags["severity"] == severity)).sum()),
                "body_sentences": len(body), "body_sentences_affected": len(touched),
                "share_of_body": round(len(touched) / len(body), 3) if len(body) else 0.0,
            })
    return pd.DataFrame(rows)


def flags_view(study: Study, doc_id: str, kinds: list[str] | None = None,
               severities: list[str] | None = None) -> pd.DataFrame:
    """The quality flags of one document, worst severity first, optionally of some kinds or severities."""
    flags = study.tables["quality_flags"]
    view = flags[flags["doc_id"] == doc_id]
    if kinds:
        view = view[view["kind"].isin(kinds)]
    if severities:
        view = view[view["severity"].isin(severities)]
    view = view.assign(rank=view["severity"].map(SEVERITIES.index)).sort_values(["rank", "sentence_id"], kind="stable")
    return view[["sentence_id", "severity", "kind", "evidence", "note", "source"]].reset_index(drop=True)


def trace(study: Study, sentence_id: str) -> pd.DataFrame:
    """A sentence beside the raw text it came from (``raw[raw_start:raw_end]``); empty if the
    corpus has no such sentence."""
    sentences = study.tables["sentences"].set_index("sentence_id")
    if sentence_id not in sentences.index:
        return pd.DataFrame(columns=["version", "raw_start", "raw_end", "chars", "text"])
    row = sentences.loc[sentence_id]
    raw = study.raw(row["doc_id"])[int(row["raw_start"]):int(row["raw_end"])]
    return pd.DataFrame([
        {"version": "raw[raw_start:raw_end]", "raw_start": row["raw_start"], "raw_end": row["raw_end"],
         "chars": len(raw), "text": raw.replace("\n", "⏎")},
        {"version": "cleaned sentence", "raw_start": row["raw_start"], "raw_end": row["raw_end"],
         "chars": len(row["text"]), "text": row["text"]},
    ])


def segmentation_examples(study: Study, sentence_ids: list[str]) -> pd.DataFrame:
    """The same sentences segmented by jieba's default dictionary and by the domain tokenizer."""
    from .language.segment import tokenize

    text = study.tables["sentences"].set_index("sentence_id")["text"]
    rows = []
    for sid in (s for s in sentence_ids if s in text.index):
        for name, domain in (("default", False), ("domain", True)):
            rows.append({"sentence_id": sid, "tokenizer": name,
                         "tokens": " / ".join(t.text for t in tokenize(text[sid], domain=domain))})
    return pd.DataFrame(rows)


def shared_entities(study: Study) -> pd.DataFrame:
    """Entities named in more than one document, with the surface forms each uses."""
    mentions = linked(study.tables["mentions"])
    docs = list(study.tables["documents"]["doc_id"])
    per = mentions.groupby(["entity", "doc_id"])["surface"].agg(lambda s: "、".join(sorted(set(s))))
    table = per.unstack().reindex(columns=docs)
    table = table.dropna(thresh=2)
    counts = mentions.groupby("entity").size()
    labels = mentions.drop_duplicates("entity").set_index("entity")[["label_en", "category"]]
    table = table.join(labels).assign(mentions=counts)
    table = table[table["category"] != "country"].sort_values(["category", "mentions"], ascending=[True, False])
    return table.reset_index()[["entity", "label_en", "category", *docs, "mentions"]]


def footnotes_view(study: Study, doc_id: str) -> pd.DataFrame:
    """The notes of one document with the sentence that carries each marker."""
    notes = study.tables["footnotes"]
    view = notes[notes["doc_id"] == doc_id]
    return view[["number", "marker_style", "marker_sentence_id", "authors", "year", "title", "url"]].reset_index(drop=True)


def body_length(study: Study, doc_id: str) -> int:
    """Number of units in a document's body (the x-axis of a dispersion plot)."""
    sentences = study.tables["sentences"]
    return int(((sentences["doc_id"] == doc_id) & (sentences["part"] == "body")).sum())


def dispersion(study: Study, doc_id: str, entity_ids: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Where each entity is mentioned in a document's body.

    Returns:
        (mentions with their sentence position in the body, section starts with headings).
    """
    sentences = study.tables["sentences"]
    body = sentences[(sentences["doc_id"] == doc_id) & (sentences["part"] == "body")].reset_index(drop=True)
    position = {sid: i for i, sid in enumerate(body["sentence_id"])}
    mentions = linked(study.tables["mentions"])
    hits = mentions[mentions["entity"].isin(entity_ids) & mentions["sentence_id"].isin(position)].copy()
    hits["position"] = hits["sentence_id"].map(position)
    sections = study.tables["sections"].set_index("section_id")["heading"]
    starts = body.groupby("section_id", sort=False).head(1)
    headings = starts["section_id"].map(sections)
    starts = pd.DataFrame({"position": starts.index, "heading": headings,
                           "heading_en": headings.map(lambda h: study.glosses.get(h, h))})
    return hits[["entity", "sentence_id", "position"]], starts.reset_index(drop=True)
