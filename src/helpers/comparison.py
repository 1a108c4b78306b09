"""Notebook 03: the two arguments side by side.

Applies the methods of :mod:`helpers.analysis` to the two texts, and joins the
hand-coded tables of notebooks 01 and 02 by theme.  The Carnegie sentences that the
quality audit marks as not part of the report (the inserted list) are left out of
every count.
"""

from __future__ import annotations

import csv

import pandas as pd

from . import analysis
from .audit import Study
from .coding import CODING, load_coded
from .lexicon import entities

FES, CARNEGIE = "fes2024", "carnegie2024"
LABELS = {FES: "FES 2024", CARNEGIE: "Carnegie 2024"}


def excluded(study: Study) -> set[str]:
    """Sentences the quality audit marks as interpolated (not part of the text's own argument)."""
    flags = study.tables["quality_flags"]
    return set(flags.loc[flags["kind"] == "interpolated_passage", "sentence_id"])


def body_tokens(study: Study) -> pd.DataFrame:
    """Content tokens of both bodies (no stopwords, punctuation or numbers; no inserted passage)."""
    return analysis.content_tokens(study.tables["tokens"], study.tables["sentences"], excluded(study))


def sizes(study: Study) -> pd.DataFrame:
    """The size of each body: sentences, characters and content tokens (the texts differ in length)."""
    sentences = study.tables["sentences"]
    body = sentences[(sentences["part"] == "body") & (sentences["kind"] == "sentence") &
                     ~sentences["sentence_id"].isin(excluded(study))]
    tokens = body_tokens(study)
    return pd.DataFrame({
        "doc_id": [FES, CARNEGIE],
        "sentences": [int((body["doc_id"] == d).sum()) for d in (FES, CARNEGIE)],
        "characters": [int(body.loc[body["doc_id"] == d, "n_chars"].sum()) for d in (FES, CARNEGIE)],
        "content_tokens": [int((tokens["doc_id"] == d).sum()) for d in (FES, CARNEGIE)],
        "distinct_tokens": [tokens.loc[tokens["doc_id"] == d, "token"].nunique() for d in (FES, CARNEGIE)],
    })


def top_words(study: Study, n: int = 15) -> pd.DataFrame:
    """The most frequent content tokens of each text, side by side, with rates per 1,000 tokens."""
    freq = analysis.frequencies(body_tokens(study))
    columns = {}
    for doc in (FES, CARNEGIE):
        part = freq[freq["doc_id"] == doc].head(n).reset_index(drop=True)
        columns[f"{LABELS[doc]} token"] = part["token"]
        columns[f"{LABELS[doc]} count"] = part["count"]
        columns[f"{LABELS[doc]} per 1,000"] = part["rate"]
    return pd.DataFrame(columns)


def keyness_table(study: Study, strength: float = 100.0) -> pd.DataFrame:
    """keyness.csv: doc_id (the text a term is distinctive of), term, count_fes, count_carnegie,
    z (log-odds with informative Dirichlet prior; positive: FES), g2, log_ratio (positive: FES)."""
    table = analysis.keyness(body_tokens(study), FES, CARNEGIE, strength)
    return table.rename(columns={"token": "term", "count_a": "count_fes", "count_b": "count_carnegie"})


def concept_rates(study: Study, categories: tuple[str, ...] = ("concept", "treaty", "initiative")) -> pd.DataFrame:
    """Entity-level counts (all surface forms merged) per 10,000 body characters in each text."""
    size = sizes(study).set_index("doc_id")["characters"]
    mentions = study.tables["mentions"]
    sentences = study.tables["sentences"]
    body = set(sentences.loc[(sentences["part"] == "body") & ~sentences["sentence_id"].isin(excluded(study)),
                             "sentence_id"])
    mentions = mentions[mentions["sentence_id"].isin(body) & mentions["category"].isin(categories)]
    counts = mentions.groupby(["entity", "doc_id"]).size().unstack(fill_value=0).reindex(columns=[FES, CARNEGIE],
                                                                                         fill_value=0)
    rates = counts.div(size, axis=1) * 10000
    table = pd.DataFrame({"entity": counts.index,
                          "label": [f"{entities()[e].label_zh} {entities()[e].label_en}" for e in counts.index],
                          "count_fes": counts[FES].values, "count_carnegie": counts[CARNEGIE].values,
                          "per_10k_fes": rates[FES].round(2).values, "per_10k_carnegie": rates[CARNEGIE].round(2).values})
    table["total"] = table["count_fes"] + table["count_carnegie"]
    return table.sort_values(["total", "entity"], ascending=[False, True]).reset_index(drop=True)


def framing_cues() -> pd.DataFrame:
    """The framing cue words (``data/coding/framing_cues.csv``): cue, frame, English label."""
    with (CODING / "framing_cues.csv").open(encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle)))


def china_framing(study: Study) -> pd.DataFrame:
    """In body sentences that mention China, how many also carry each framing cue, per text."""
    mentions = study.tables["mentions"]
    sentences = study.tables["sentences"]
    china = set(mentions.loc[mentions["entity"] == "china", "sentence_id"])
    body = sentences[(sentences["part"] == "body") & sentences["sentence_id"].isin(china) &
                     ~sentences["sentence_id"].isin(excluded(study))]
    rows = []
    for cue in framing_cues().itertuples():
        row = {"frame": cue.frame, "cue": cue.cue, "label_en": cue.label_en}
        for doc in (FES, CARNEGIE):
            row[doc] = int(body.loc[body["doc_id"] == doc, "text"].str.contains(cue.cue, regex=False).sum())
        rows.append(row)
    table = pd.DataFrame(rows)
    totals = {doc: int((body["doc_id"] == doc).sum()) for doc in (FES, CARNEGIE)}
    table.attrs["china_sentences"] = totals
    return table


def kwic_both(study: Study, term: str, width: int = 14) -> pd.DataFrame:
    """A concordance of *term* in both bodies (from token offsets)."""
    sentences = study.tables["sentences"]
    body = sentences[(sentences["part"] == "body") & ~sentences["sentence_id"].isin(excluded(study))]
    tokens = study.tables["tokens"]
    tokens = tokens[tokens["sentence_id"].isin(set(body["sentence_id"]))]
    return analysis.kwic(tokens, sentences, term, width)


def china_cooccurrence(study: Study) -> pd.DataFrame:
    """Entities named in the same body sentence as China, per text (countries, organisations, persons)."""
    mentions = study.tables["mentions"]
    sentences = study.tables["sentences"]
    body = set(sentences.loc[(sentences["part"] == "body") & ~sentences["sentence_id"].isin(excluded(study)),
                             "sentence_id"])
    pairs = analysis.cooccurrence(mentions[mentions["sentence_id"].isin(body)],
                                  ("country", "organisation", "person"))
    pairs = pairs[(pairs["entity_a"] == "china") | (pairs["entity_b"] == "china")].copy()
    pairs["partner"] = pairs["entity_a"].where(pairs["entity_a"] != "china", pairs["entity_b"])
    table = pairs.pivot_table(index="partner", columns="doc_id", values="sentences", fill_value=0, aggfunc="sum")
    table = table.reindex(columns=[FES, CARNEGIE], fill_value=0)
    table["label"] = [f"{entities()[e].label_zh} {entities()[e].label_en}" for e in table.index]
    return table.sort_values([FES, CARNEGIE], ascending=False).reset_index()


def theme_alignment() -> pd.DataFrame:
    """FES proposals and Carnegie recommendations side by side, by theme (``data/coding/themes.csv``)."""
    themes = load_coded("themes")
    proposals = load_coded("fes_proposals").set_index("proposal_id")["proposal"]
    recs = load_coded("carnegie_recommendations").set_index("rec_id")["text"]
    rows = []
    for theme, group in themes.groupby("theme", sort=False):
        fes = group[group["doc_id"] == FES]["item_id"]
        car = group[group["doc_id"] == CARNEGIE]["item_id"]
        rows.append({"theme": theme,
                     "FES proposals": " | ".join(f"{i}: {proposals[i]}" for i in fes),
                     "Carnegie recommendations": " | ".join(f"{i}: {recs[i]}" for i in car),
                     "n_fes": len(fes), "n_carnegie": len(car),
                     "both": bool(len(fes) and len(car))})
    order = ["transparency", "risk reduction", "expert and Track 2 dialogue", "political relations",
             "technical cooperation", "multilateral forums", "other"]
    table = pd.DataFrame(rows)
    return table.set_index("theme").reindex([t for t in order if t in set(table["theme"])]).reset_index()


def links_view() -> pd.DataFrame:
    """People, works, institutions and concepts in both texts, named as each names them."""
    links = load_coded("links")
    return links[["link", "kind", "fes_sentence_id", "fes_quote", "carnegie_sentence_id", "carnegie_quote", "note"]]


def conclusions_view() -> pd.DataFrame:
    """The conclusion's findings, each with evidence from both texts."""
    return load_coded("conclusions")


def export_keyness(study: Study) -> pd.DataFrame:
    """keyness.csv rows (empty when the corpus lacks one of the two texts)."""
    docs = set(study.tables["documents"]["doc_id"])
    if not {FES, CARNEGIE} <= docs:
        return pd.DataFrame(columns=["doc_id", "term", "count_fes", "count_carnegie", "z", "g2", "log_ratio"])
    return keyness_table(study)


def term_positions(study: Study, terms: list[str]) -> pd.DataFrame:
    """Relative positions (0 to 1) in each body of the sentences whose tokens include each term."""
    sentences = study.tables["sentences"]
    tokens = body_tokens(study)
    rows = []
    for doc in (FES, CARNEGIE):
        body = sentences[(sentences["doc_id"] == doc) & (sentences["part"] == "body") &
                         ~sentences["sentence_id"].isin(excluded(study))].reset_index(drop=True)
        position = {sid: i / max(1, len(body) - 1) for i, sid in enumerate(body["sentence_id"])}
        doc_tokens = tokens[(tokens["doc_id"] == doc) & tokens["token"].isin(terms)]
        for hit in doc_tokens.drop_duplicates(["sentence_id", "token"]).itertuples():
            rows.append({"term": hit.token, "doc_id": doc, "sentence_id": hit.sentence_id,
                         "relative": round(position[hit.sentence_id], 4)})
    return pd.DataFrame(rows, columns=["term", "doc_id", "sentence_id", "relative"])


def glosses() -> dict[str, str]:
    """English glosses for chart labels: ``data/lexicon/glosses.csv`` plus the entities' English labels."""
    from .paths import LEXICON

    out = {e.label_zh: e.label_en.split(" (")[0] for e in entities().values()}
    with (LEXICON / "glosses.csv").open(encoding="utf-8", newline="") as handle:
        out.update({row["word"]: row["gloss_en"] for row in csv.DictReader(handle)})
    return out
