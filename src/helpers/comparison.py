"""Notebook 03: two texts side by side.

Applies the methods of :mod:`helpers.analysis` to two documents of a corpus (by
default the study's FES and Carnegie texts; notebook 03's parameters can name two
others) and joins the hand-coded tables of notebooks 01 and 02 by theme.  Sentences
that the quality audit marks as not part of a text (the Carnegie excerpt's inserted
list) are left out of every count.
"""

from __future__ import annotations

import csv

import pandas as pd

from . import analysis
from .audit import Study
from .coding import CODING, load_coded
from .lexicon import entities
from .paths import LEXICON

FES, CARNEGIE = "fes2024", "carnegie2024"
STUDY_PAIR = (FES, CARNEGIE)
LABELS = {FES: "FES 2024", CARNEGIE: "Carnegie 2024"}
SHORT = {FES: "fes", CARNEGIE: "carnegie"}
#: Shown in place of a hand-coded table when notebook 03 runs on other documents.
NOT_CODED = "The hand coding (themes, links, conclusions) exists for the study's two texts only."


def label(doc_id: str) -> str:
    """A document's display label (its doc_id for a user's document)."""
    return LABELS.get(doc_id, doc_id)


def is_study_pair(docs: tuple[str, str]) -> bool:
    """True when the two documents are the study's own texts (the hand coding applies)."""
    return tuple(docs) == STUDY_PAIR


def excluded(study: Study) -> set[str]:
    """Sentences the quality audit marks as interpolated (not part of the text's own argument)."""
    flags = study.tables["quality_flags"]
    return set(flags.loc[flags["kind"] == "interpolated_passage", "sentence_id"])


def body_sentences(study: Study, docs: tuple[str, ...] = STUDY_PAIR) -> pd.DataFrame:
    """Body sentences (running text, not headings) of *docs*, inserted passages left out."""
    s = study.tables["sentences"]
    return s[s["doc_id"].isin(docs) & (s["part"] == "body") & (s["kind"] == "sentence") &
             ~s["sentence_id"].isin(excluded(study))]


def body_tokens(study: Study, docs: tuple[str, ...] = STUDY_PAIR) -> pd.DataFrame:
    """Content tokens of the bodies (no stopwords, punctuation, numbers or dates; no inserted passage)."""
    tokens = analysis.content_tokens(study.tables["tokens"], study.tables["sentences"], excluded(study))
    return tokens[tokens["doc_id"].isin(docs)]


def sizes(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """The size of each body: sentences, characters and content tokens (texts differ in length)."""
    body = body_sentences(study, docs)
    tokens = body_tokens(study, docs)
    return pd.DataFrame({
        "doc_id": list(docs),
        "sentences": [int((body["doc_id"] == d).sum()) for d in docs],
        "characters": [int(body.loc[body["doc_id"] == d, "n_chars"].sum()) for d in docs],
        "content_tokens": [int((tokens["doc_id"] == d).sum()) for d in docs],
        "distinct_tokens": [tokens.loc[tokens["doc_id"] == d, "token"].nunique() for d in docs],
    })


def top_words(study: Study, docs: tuple[str, str] = STUDY_PAIR, n: int = 15) -> pd.DataFrame:
    """The most frequent content tokens of each text, side by side, with rates per 1,000 tokens."""
    freq = analysis.frequencies(body_tokens(study, docs))
    columns = {}
    for doc in docs:
        part = freq[freq["doc_id"] == doc].head(n).reset_index(drop=True)
        columns[f"{label(doc)} token"] = part["token"]
        columns[f"{label(doc)} count"] = part["count"]
        columns[f"{label(doc)} per 1,000"] = part["rate"]
    return pd.DataFrame(columns)


def keyness_table(study: Study, docs: tuple[str, str] = STUDY_PAIR, strength: float = 100.0) -> pd.DataFrame:
    """Keyness of every content token between two texts.

    Columns: doc_id (the text the term is distinctive of, or ``shared`` when |z| < 1.96),
    term, count_<a>, count_<b>, z (log-odds with informative Dirichlet prior; positive: the
    first text), g2, log_ratio (positive: the first text).
    """
    a, b = docs
    table = analysis.keyness(body_tokens(study, docs), a, b, strength)
    table.loc[table["z"].abs() < 1.96, "doc_id"] = "shared"
    return table.rename(columns={"token": "term", "count_a": f"count_{SHORT.get(a, a)}",
                                 "count_b": f"count_{SHORT.get(b, b)}"})


def keyness_thresholds(keyness: pd.DataFrame) -> pd.DataFrame:
    """How many terms pass each measure's usual threshold (|z| > 1.96; G² > 3.84, i.e. p < 0.05)."""
    return pd.DataFrame([
        {"measure": "log-odds z", "threshold": "|z| > 1.96", "terms": int((keyness["z"].abs() > 1.96).sum())},
        {"measure": "log-likelihood G²", "threshold": "G² > 3.84", "terms": int((keyness["g2"] > 3.84).sum())},
        {"measure": "both", "threshold": "", "terms": int(((keyness["z"].abs() > 1.96) & (keyness["g2"] > 3.84)).sum())},
        {"measure": "tested", "threshold": "", "terms": len(keyness)},
    ])


def concept_rates(study: Study, docs: tuple[str, str] = STUDY_PAIR,
                  categories: tuple[str, ...] = ("concept", "treaty", "initiative")) -> pd.DataFrame:
    """Entity-level counts (all surface forms merged) per 10,000 body characters in each text
    (mentions and characters from the same body sentences)."""
    body = body_sentences(study, docs)
    size = body.groupby("doc_id")["n_chars"].sum().reindex(list(docs), fill_value=0)
    mentions = study.tables["mentions"]
    mentions = mentions[mentions["sentence_id"].isin(set(body["sentence_id"])) & mentions["category"].isin(categories)]
    counts = mentions.groupby(["entity", "doc_id"]).size().unstack(fill_value=0).reindex(columns=list(docs),
                                                                                         fill_value=0)
    rates = counts.div(size.replace(0, 1), axis=1) * 10000
    a, b = docs
    table = pd.DataFrame({"entity": counts.index,
                          "label": [f"{entities()[e].label_zh} {entities()[e].label_en}" for e in counts.index],
                          "count_a": counts[a].values, "count_b": counts[b].values,
                          "per_10k_a": rates[a].round(2).values, "per_10k_b": rates[b].round(2).values})
    table["total"] = table["count_a"] + table["count_b"]
    return table.sort_values(["total", "entity"], ascending=[False, True]).reset_index(drop=True)


def shared_entities(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """Entities (other than countries) named in the bodies of both texts, with each text's surface forms."""
    body = set(body_sentences(study, docs)["sentence_id"])
    mentions = study.tables["mentions"]
    mentions = mentions[mentions["sentence_id"].isin(body) & (mentions["category"] != "country")]
    per = mentions.groupby(["entity", "doc_id"])["surface"].agg(lambda s: "、".join(sorted(set(s)))).unstack()
    per = per.reindex(columns=list(docs)).dropna()
    per.insert(0, "label_en", [entities()[e].label_en for e in per.index])
    return per.reset_index()


def framing_cues() -> pd.DataFrame:
    """The framing cue words (``data/coding/framing_cues.csv``): cue, frame, English label."""
    with (CODING / "framing_cues.csv").open(encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle)))


def china_sentences(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """Body sentences that mention China (after entity linking: 中国, 中方, 北京, 中美 …)."""
    mentions = study.tables["mentions"]
    china = set(mentions.loc[mentions["entity"] == "china", "sentence_id"])
    body = body_sentences(study, docs)
    return body[body["sentence_id"].isin(china)]


def china_framing(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """In body sentences that mention China, how many also carry each framing cue, per text."""
    china = china_sentences(study, docs)
    rows = []
    for cue in framing_cues().itertuples():
        row = {"frame": cue.frame, "cue": cue.cue, "label_en": cue.label_en}
        for doc in docs:
            row[doc] = int(china.loc[china["doc_id"] == doc, "text"].str.contains(cue.cue, regex=False).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def kwic_both(study: Study, term: str, docs: tuple[str, str] = STUDY_PAIR, width: int = 14) -> pd.DataFrame:
    """A concordance of *term* in both bodies (from token offsets)."""
    tokens = study.tables["tokens"]
    tokens = tokens[tokens["sentence_id"].isin(set(body_sentences(study, docs)["sentence_id"]))]
    return analysis.kwic(tokens, study.tables["sentences"], term, width)


def collocates_by_text(study: Study, node: str, docs: tuple[str, str] = STUDY_PAIR, top: int = 8) -> pd.DataFrame:
    """The strongest collocates of *node* in each text separately, side by side."""
    tokens = body_tokens(study, docs)
    columns = {}
    for doc in docs:
        found = analysis.collocates(tokens[tokens["doc_id"] == doc], node).head(top).reset_index(drop=True)
        columns[f"{label(doc)} collocate"] = found["collocate"]
        columns[f"{label(doc)} near/elsewhere"] = found["together"].astype(str) + "/" + found["elsewhere"].astype(str)
        columns[f"{label(doc)} G²"] = found["g2"]
    return pd.DataFrame(columns)


def china_cooccurrence(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """Actors named in the same body sentence as China, per text (countries, organisations, persons)."""
    mentions = study.tables["mentions"]
    body = set(body_sentences(study, docs)["sentence_id"])
    pairs = analysis.cooccurrence(mentions[mentions["sentence_id"].isin(body)], ("country", "organisation", "person"))
    pairs = pairs[(pairs["entity_a"] == "china") | (pairs["entity_b"] == "china")].copy()
    pairs["partner"] = pairs["entity_a"].where(pairs["entity_a"] != "china", pairs["entity_b"])
    table = pairs.pivot_table(index="partner", columns="doc_id", values="sentences", fill_value=0, aggfunc="sum")
    table = table.reindex(columns=list(docs), fill_value=0)
    table["label"] = [f"{entities()[e].label_zh} {entities()[e].label_en}" for e in table.index]
    return table.sort_values(list(docs), ascending=False).reset_index()


def asks() -> pd.DataFrame:
    """What each text asks for, in one set of categories: the FES proposals and the Carnegie
    top-level recommendations, each with its ``theme`` and ``format`` (codebook: ``fes_proposals.csv``).

    Sub-points of a Carnegie recommendation elaborate it and are left out, so that each row is one
    thing a text asks for, at the text's own unit.
    """
    proposals = load_coded("fes_proposals")
    recs = load_coded("carnegie_recommendations")
    recs = recs[recs["parent_id"] == ""]
    return pd.concat([
        pd.DataFrame({"doc_id": FES, "item_id": proposals["proposal_id"], "text": proposals["proposal"],
                      "theme": proposals["theme"], "format": proposals["format"]}),
        pd.DataFrame({"doc_id": CARNEGIE, "item_id": recs["rec_id"], "text": recs["text"],
                      "theme": recs["theme"], "format": recs["format"]}),
    ], ignore_index=True)


def ask_shares(column: str) -> pd.DataFrame:
    """Items per category of *column* (``theme`` or ``format``) in each text, as counts and as shares of
    the text's items (the two texts make different numbers of proposals, so compare shares)."""
    table = asks()
    counts = table.groupby([column, "doc_id"]).size().unstack(fill_value=0).reindex(columns=[FES, CARNEGIE], fill_value=0)
    totals = table.groupby("doc_id").size()
    out = counts.rename(columns={FES: "n_fes", CARNEGIE: "n_carnegie"})
    out["share_fes"] = (counts[FES] / totals[FES]).round(2)
    out["share_carnegie"] = (counts[CARNEGIE] / totals[CARNEGIE]).round(2)
    out["both"] = (counts[FES] > 0) & (counts[CARNEGIE] > 0) & (out.index != "other")
    return out.sort_values(["both", "n_fes", "n_carnegie"], ascending=False).reset_index()


def theme_alignment() -> pd.DataFrame:
    """FES proposals and Carnegie top-level recommendations side by side by theme, with counts and shares."""
    table = asks()
    shares = ask_shares("theme").set_index("theme")
    listed = {(theme, doc): " | ".join(f"{r.item_id}: {r.text}" for r in group.itertuples())
              for (theme, doc), group in table.groupby(["theme", "doc_id"])}
    shares["FES proposals"] = [listed.get((theme, FES), "") for theme in shares.index]
    shares["Carnegie recommendations"] = [listed.get((theme, CARNEGIE), "") for theme in shares.index]
    return shares.reset_index()


def links_view() -> pd.DataFrame:
    """People, works, institutions and concepts in both texts, named as each names them."""
    links = load_coded("links")
    return links[["link", "kind", "fes_sentence_id", "fes_quote", "carnegie_sentence_id", "carnegie_quote", "note"]]


def conclusions_view() -> pd.DataFrame:
    """The comparison's findings, headline first, each with evidence from both texts and ``carnegie_source``:
    the segment(s) of the Carnegie excerpt its evidence comes from (the introduction's argument, its
    summary of the chapters or recommendations, or the opening of chapter 1)."""
    from .sino_us import segment_of

    table = load_coded("conclusions").copy()
    table["carnegie_source"] = [
        "; ".join(dict.fromkeys(segment_of(s.strip()) for s in ids.split(";"))) for ids in table["carnegie_sentence_id"]]
    return table.sort_values("headline", ascending=False, kind="stable").reset_index(drop=True)


def glosses() -> dict[str, str]:
    """English glosses for chart labels: ``data/lexicon/glosses.csv`` plus the entities' English labels."""
    out = {e.label_zh: e.label_en.split(" (")[0] for e in entities().values()}
    with (LEXICON / "glosses.csv").open(encoding="utf-8", newline="") as handle:
        out.update({row["word"]: row["gloss_en"] for row in csv.DictReader(handle)})
    return out


def term_positions(study: Study, terms: list[str], docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """Relative positions (0 to 1) in each body of the sentences whose tokens include each term."""
    tokens = body_tokens(study, docs)
    rows = []
    for doc in docs:
        body = body_sentences(study, (doc,)).reset_index(drop=True)
        position = {sid: i / max(1, len(body) - 1) for i, sid in enumerate(body["sentence_id"])}
        hits = tokens[(tokens["doc_id"] == doc) & tokens["token"].isin(terms)]
        for hit in hits.drop_duplicates(["sentence_id", "token"]).itertuples():
            rows.append({"term": hit.token, "doc_id": doc, "sentence_id": hit.sentence_id,
                         "relative": round(position[hit.sentence_id], 4)})
    return pd.DataFrame(rows, columns=["term", "doc_id", "sentence_id", "relative"])


def export_keyness(study: Study) -> pd.DataFrame:
    """keyness.csv rows for the study's two texts (empty when the corpus lacks one of them)."""
    columns = ["doc_id", "term", "count_fes", "count_carnegie", "z", "g2", "log_ratio"]
    if not set(STUDY_PAIR) <= set(study.tables["documents"]["doc_id"]):
        return pd.DataFrame(columns=columns)
    return keyness_table(study)[columns]
