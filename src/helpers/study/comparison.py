"""Notebook 03: two texts side by side.

Applies the methods of :mod:`helpers.methods.analysis` to two documents of a corpus (by
default the study's FES and Carnegie texts; notebook 03's parameters can name two
others) and joins the hand-coded tables of notebooks 01 and 02 by theme.  Sentences
that the quality audit marks as not part of a text (the Carnegie excerpt's inserted
list) are left out of every count.
"""

from __future__ import annotations

import csv

import pandas as pd

from ..methods import analysis
from ..audit import Study, linked
from .coding import CODING, load_coded
from ..language.lexicon import entities
from ..paths import LEXICON

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


def _short(doc_id: str) -> str:
    """A document's short name in column names (``fes``, ``carnegie``; its doc_id for a user's document)."""
    return SHORT.get(doc_id, doc_id)


#: The false discovery rate at which a term counts as distinctive (Benjamini–Hochberg q below it).
FDR = 0.05
#: The prior strengths α0 of the sensitivity table (None: the pooled counts themselves).
PRIOR_STRENGTHS: tuple[float | None, ...] = (10, 100, 1000, None)
#: What a term that does not survive the correction is called (never "shared": 11 : 0 is not shared).
NOT_SIGNIFICANT = "not significant"


def keyness_table(study: Study, docs: tuple[str, str] = STUDY_PAIR, strength: float | None = 100.0,
                  fdr: float = FDR) -> pd.DataFrame:
    """Keyness of every content token between two texts.

    Columns: term; count_<a>, count_<b> and per_1000_<a>, per_1000_<b> (per 1,000 content
    tokens); higher_in (the text where its rate is higher); distinctive_of (that text when the
    Benjamini–Hochberg q of its G² is below *fdr*, else ``not significant``); log_ratio (positive:
    the first text); g2; p_g2 (its p-value); q_bh (the p-value corrected over all terms); z
    (log-odds with a pooled prior of *strength*; positive: the first text).  Sorted by G²
    signed by direction: the most distinctive of the first text first, of the second last.
    """
    a, b = docs
    table = analysis.keyness(body_tokens(study, docs), a, b, strength)
    table["distinctive_of"] = table["higher_in"].where(table["q"] < fdr, NOT_SIGNIFICANT)
    table = table.rename(columns={"token": "term", "count_a": f"count_{_short(a)}", "count_b": f"count_{_short(b)}",
                                  "rate_a": f"per_1000_{_short(a)}", "rate_b": f"per_1000_{_short(b)}",
                                  "p": "p_g2", "q": "q_bh"})
    return table[["term", f"count_{_short(a)}", f"count_{_short(b)}", f"per_1000_{_short(a)}",
                  f"per_1000_{_short(b)}", "higher_in", "distinctive_of", "log_ratio", "g2", "p_g2", "q_bh", "z"]]


def distinctive_terms(keyness: pd.DataFrame) -> pd.DataFrame:
    """The terms that survive the correction (the headline of the keyness analysis), with English glosses."""
    table = keyness[keyness["distinctive_of"] != NOT_SIGNIFICANT].copy()
    table = table.sort_values(["log_ratio", "g2", "term"], key=lambda c: c < 0 if c.name == "log_ratio" else c,
                              ascending=[True, False, True])  # the first text's terms first, each by G²
    table.insert(1, "gloss", table["term"].map(glosses()).fillna(""))
    return table.reset_index(drop=True)


def near_misses(keyness: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The *n* terms closest to surviving the correction that do not (lowest q): not significant, not shared."""
    table = keyness[keyness["distinctive_of"] == NOT_SIGNIFICANT].sort_values(["q_bh", "term"]).head(n).copy()
    table.insert(1, "gloss", table["term"].map(glosses()).fillna(""))
    return table.reset_index(drop=True)


def keyness_thresholds(keyness: pd.DataFrame, fdr: float = FDR) -> pd.DataFrame:
    """How many terms pass each measure's threshold, uncorrected and corrected for testing every term
    (Benjamini–Hochberg at a false discovery rate of *fdr*, on the p-values of G² and, for comparison,
    on the two-sided p-values of the log-odds z)."""
    z_pass = keyness["z"].abs() > 1.96
    g2_pass = keyness["g2"] > 3.84
    q_z = analysis.benjamini_hochberg(analysis.p_value_z(z) for z in keyness["z"])
    rows = [
        ("log-odds z", "|z| > 1.96 (p < 0.05)", "none", int(z_pass.sum())),
        ("log-likelihood G²", "G² > 3.84 (p < 0.05)", "none", int(g2_pass.sum())),
        ("both", "both of the above", "none", int((z_pass & g2_pass).sum())),
        ("log-likelihood G²", f"q < {fdr:g}", "Benjamini–Hochberg (used)", int((keyness["q_bh"] < fdr).sum())),
        ("log-odds z", f"q < {fdr:g}", "Benjamini–Hochberg (for comparison)", int(sum(q < fdr for q in q_z))),
        ("terms tested", "", "", len(keyness)),
    ]
    return pd.DataFrame(rows, columns=["measure", "threshold", "correction", "terms"])


def _prior_label(alpha0: int, total: int) -> str:
    return f"{alpha0:,} (the pooled counts)" if alpha0 == total else f"{alpha0:,}"


def _sensitivity(study: Study, docs: tuple[str, str], strengths: tuple[float | None, ...]) -> pd.DataFrame:
    tokens = body_tokens(study, docs)
    matrix = analysis.count_matrix(tokens, *docs)
    return analysis.prior_sensitivity(dict(zip(matrix["token"], matrix["a"])), dict(zip(matrix["token"], matrix["b"])),
                                      strengths)


def keyness_sensitivity(study: Study, docs: tuple[str, str] = STUDY_PAIR,
                        strengths: tuple[float | None, ...] = PRIOR_STRENGTHS, fdr: float = FDR) -> pd.DataFrame:
    """How the log-odds z depends on the strength α0 of the pooled prior: for each α0, how many terms
    pass |z| > 1.96 (for each text), how many of the headline terms (those that survive the
    correction, :func:`distinctive_terms`) pass, and how many terms would survive the
    Benjamini–Hochberg correction applied to the z-scores' own two-sided p-values."""
    a, b = docs
    z = _sensitivity(study, docs, strengths)
    total = int(body_tokens(study, docs).shape[0])
    headline = list(distinctive_terms(keyness_table(study, docs, fdr=fdr))["term"])
    rows = []
    for alpha0 in z.columns:
        passing = z[alpha0].abs() > 1.96
        failing = [t for t in headline if not passing.get(t, False)]
        rows.append({"prior α0": _prior_label(alpha0, total), "terms |z| > 1.96": int(passing.sum()),
                     f"of them, {label(a)}": int((z[alpha0] > 1.96).sum()),
                     f"of them, {label(b)}": int((z[alpha0] < -1.96).sum()),
                     "headline terms passing": f"{len(headline) - len(failing)} of {len(headline)}",
                     "headline terms failing": "、".join(failing),
                     f"z survives BH (q < {fdr:g})": sum(q < fdr for q in analysis.benjamini_hochberg(
                         analysis.p_value_z(v) for v in z[alpha0]))})
    return pd.DataFrame(rows)


def headline_sensitivity(study: Study, docs: tuple[str, str] = STUDY_PAIR,
                         strengths: tuple[float | None, ...] = PRIOR_STRENGTHS, fdr: float = FDR) -> pd.DataFrame:
    """The headline terms (those that survive the correction) with their log-odds z at each prior
    strength α0, and whether they pass |z| > 1.96 at every one."""
    a, b = docs
    z = _sensitivity(study, docs, strengths)
    headline = distinctive_terms(keyness_table(study, docs, fdr=fdr))
    table = headline[["term", "gloss", f"count_{_short(a)}", f"count_{_short(b)}", "q_bh"]].copy()
    for alpha0 in z.columns:
        table[f"z (α0 = {alpha0:,})"] = table["term"].map(z[alpha0]).round(2)
    table["passes at every α0"] = (table["term"].map(lambda t: bool((z.loc[t].abs() > 1.96).all()))
                                   if len(table) else pd.Series(dtype=bool))
    return table


def concept_rates(study: Study, docs: tuple[str, str] = STUDY_PAIR,
                  categories: tuple[str, ...] = ("concept", "treaty", "initiative")) -> pd.DataFrame:
    """Entity-level counts (all surface forms merged) in each body, with the rate per 1,000 content
    tokens of the same body sentences (the texts differ in length)."""
    body = body_sentences(study, docs)
    size = body_tokens(study, docs).groupby("doc_id").size().reindex(list(docs), fill_value=0)
    mentions = linked(study.tables["mentions"])
    mentions = mentions[mentions["sentence_id"].isin(set(body["sentence_id"])) & mentions["category"].isin(categories)]
    counts = mentions.groupby(["entity", "doc_id"]).size().unstack(fill_value=0).reindex(columns=list(docs),
                                                                                         fill_value=0)
    rates = counts.div(size.replace(0, 1), axis=1) * 1000
    a, b = docs
    table = pd.DataFrame({"entity": counts.index,
                          "label": [f"{entities()[e].label_zh} {entities()[e].label_en}" for e in counts.index],
                          f"count_{_short(a)}": counts[a].values, f"count_{_short(b)}": counts[b].values,
                          f"per_1000_{_short(a)}": rates[a].round(2).values,
                          f"per_1000_{_short(b)}": rates[b].round(2).values})
    table["total"] = counts[a].values + counts[b].values
    return table.sort_values(["total", "entity"], ascending=[False, True]).reset_index(drop=True)


def shared_entities(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """Entities (other than countries) named in the bodies of both texts, with each text's surface forms."""
    body = set(body_sentences(study, docs)["sentence_id"])
    mentions = linked(study.tables["mentions"])
    mentions = mentions[mentions["sentence_id"].isin(body) & (mentions["category"] != "country")]
    per = mentions.groupby(["entity", "doc_id"])["surface"].agg(lambda s: "、".join(sorted(set(s)))).unstack()
    per = per.reindex(columns=list(docs)).dropna()
    per.insert(0, "label_en", [entities()[e].label_en for e in per.index])
    return per.rename_axis(columns=None).reset_index()


def framing_cues() -> pd.DataFrame:
    """The framing cue words (``data/coding/framing_cues.csv``): cue, frame, English label."""
    with (CODING / "framing_cues.csv").open(encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle)))


def china_sentences(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """Body sentences that mention China (after entity linking: 中国, 中方, 北京, 中美 …)."""
    mentions = linked(study.tables["mentions"])
    china = set(mentions.loc[mentions["entity"] == "china", "sentence_id"])
    body = body_sentences(study, docs)
    return body[body["sentence_id"].isin(china)]


def china_share(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """How many body sentences of each text mention China, as a count and per 100 body sentences."""
    body = body_sentences(study, docs)
    china = china_sentences(study, docs)
    rows = []
    for doc in docs:
        n, k = int((body["doc_id"] == doc).sum()), int((china["doc_id"] == doc).sum())
        rows.append({"doc_id": doc, "body sentences": n, "mention China": k,
                     "per 100 body sentences": round(100 * k / n, 1) if n else 0.0})
    return pd.DataFrame(rows)


def cue_kwic(study: Study, cue: str, docs: tuple[str, str] = STUDY_PAIR, width: int = 14,
             sort: str | None = None) -> pd.DataFrame:
    """A concordance of a framing cue as :func:`china_framing` counts it: the cue as a string
    (inside longer words too) in the body sentences that mention China."""
    return analysis.kwic_string(china_sentences(study, docs), cue, width, sort)


def china_framing(study: Study, docs: tuple[str, str] = STUDY_PAIR,
                  other_sense: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """In body sentences that mention China, how many also carry each framing cue, per text, as a
    count and per 100 body sentences (the texts differ in length).

    A cue is matched as a string, so it can occur in another sense or inside another word
    (责任 in 负责任, 责任方).  *other_sense* maps a cue to the sentence ids where the concordance
    (:func:`cue_kwic`) shows it in another sense: those are listed, not counted.
    """
    china = china_sentences(study, docs)
    size = body_sentences(study, docs).groupby("doc_id").size()
    other = other_sense or {}
    rows = []
    for cue in framing_cues().itertuples():
        hits = china[china["text"].str.contains(cue.cue, regex=False)]
        skipped = hits["sentence_id"].isin(set(other.get(cue.cue, [])))
        row = {"frame": cue.frame, "cue": cue.cue, "label_en": cue.label_en}
        for doc in docs:
            n = int(((hits["doc_id"] == doc) & ~skipped).sum())
            row[f"sentences_{_short(doc)}"] = n
            row[f"per_100_{_short(doc)}"] = round(100 * n / size.get(doc, 1), 1) if size.get(doc, 0) else 0.0
        row["other sense (not counted)"] = " ".join(hits.loc[skipped, "sentence_id"])
        rows.append(row)
    return pd.DataFrame(rows)


def kwic_both(study: Study, term: str, docs: tuple[str, str] = STUDY_PAIR, width: int = 14,
              sort: str | None = None) -> pd.DataFrame:
    """A concordance of *term* in both bodies (from token offsets); *sort* None (text order),
    ``"left"`` or ``"right"`` (by the context on that side, as concordancers sort)."""
    tokens = study.tables["tokens"]
    tokens = tokens[tokens["sentence_id"].isin(set(body_sentences(study, docs)["sentence_id"]))]
    return analysis.kwic(tokens, study.tables["sentences"], term, width, sort)


#: The fewest times a word must occur near the node to be listed as a collocate.
MIN_COLLOCATE = 3


def collocates_by_text(study: Study, node: str, docs: tuple[str, str] = STUDY_PAIR,
                       min_count: int = MIN_COLLOCATE, fdr: float = FDR, top: int = 5) -> pd.DataFrame:
    """The *top* collocates of *node* by G² in each text separately (seen at least *min_count* times
    near it), with p and the Benjamini–Hochberg q over every word seen near the node."""
    tokens = body_tokens(study, docs)
    parts = []
    for doc in docs:
        found = analysis.collocates(tokens[tokens["doc_id"] == doc], node, min_count=min_count, fdr=fdr).head(top)
        found.insert(0, "doc_id", doc)
        parts.append(found)
    return pd.concat(parts, ignore_index=True) if any(len(p) for p in parts) else parts[0]


def collocation_needs_by_text(study: Study, node: str, docs: tuple[str, str] = STUDY_PAIR,
                              min_count: int = MIN_COLLOCATE, fdr: float = FDR) -> pd.DataFrame:
    """Per text, what a collocate of *node* would need to reach significance after the correction
    (see :func:`helpers.methods.analysis.collocation_needs`)."""
    tokens = body_tokens(study, docs)
    rows = [{"doc_id": doc, **analysis.collocation_needs(tokens[tokens["doc_id"] == doc], node, min_count=min_count,
                                                        fdr=fdr)} for doc in docs]
    return pd.DataFrame(rows)


#: The fewest sentences a partner must share with China, in at least one text, to be shown.
MIN_PARTNER = 3


def china_cooccurrence(study: Study, docs: tuple[str, str] = STUDY_PAIR,
                       min_sentences: int = MIN_PARTNER) -> pd.DataFrame:
    """Actors (countries, organisations, persons) named in the same body sentence as China, per text:
    sentences and sentences per 100 body sentences, for partners that share at least *min_sentences*
    sentences with China in one of the texts.  An entity counts once per sentence, however many of
    its names the sentence holds."""
    mentions = linked(study.tables["mentions"])
    body = body_sentences(study, docs)
    size = body.groupby("doc_id").size()
    pairs = analysis.cooccurrence(mentions[mentions["sentence_id"].isin(set(body["sentence_id"]))],
                                  ("country", "organisation", "person"))
    pairs = pairs[(pairs["entity_a"] == "china") | (pairs["entity_b"] == "china")].copy()
    pairs["partner"] = pairs["entity_a"].where(pairs["entity_a"] != "china", pairs["entity_b"])
    counts = pairs.pivot_table(index="partner", columns="doc_id", values="sentences", fill_value=0, aggfunc="sum")
    counts = counts.reindex(columns=list(docs), fill_value=0)
    counts = counts[counts.max(axis=1) >= min_sentences]
    table = pd.DataFrame({"partner": counts.index,
                          "label": [f"{entities()[e].label_zh} {entities()[e].label_en}" for e in counts.index]})
    for doc in docs:
        table[f"sentences_{_short(doc)}"] = counts[doc].astype(int).values
        table[f"per_100_{_short(doc)}"] = (100 * counts[doc] / size.get(doc, 1)).round(1).values
    return table.sort_values([f"per_100_{_short(d)}" for d in docs] + ["partner"],
                             ascending=[False] * len(docs) + [True]).reset_index(drop=True)


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
    return out.rename_axis(columns=None).sort_values(["both", "n_fes", "n_carnegie"], ascending=False).reset_index()


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


def section_starts(study: Study, docs: tuple[str, str] = STUDY_PAIR) -> pd.DataFrame:
    """Where each body section starts, on the relative scale of :func:`term_positions` (0 to 1), with
    its number in the body (§1 …), heading and English gloss."""
    from .layer import heading_glosses

    headings = study.tables["sections"].set_index("section_id")["heading"]
    english = heading_glosses()
    rows = []
    for doc in docs:
        body = body_sentences(study, (doc,)).reset_index(drop=True)
        starts = body.groupby("section_id", sort=False).head(1)
        for number, (index, section_id) in enumerate(zip(starts.index, starts["section_id"]), start=1):
            heading = headings.get(section_id, "") or ""
            rows.append({"doc_id": doc, "section": number, "relative": round(index / max(1, len(body) - 1), 4),
                         "heading": heading,
                         "heading_en": english.get(heading, "") if heading else "opening (no heading)"})
    return pd.DataFrame(rows, columns=["doc_id", "section", "relative", "heading", "heading_en"])


#: The columns of keyness.csv (described in docs/tables.md).
KEYNESS_COLUMNS = ["term", "count_fes", "count_carnegie", "per_1000_fes", "per_1000_carnegie", "higher_in",
                   "distinctive_of", "log_ratio", "g2", "p_g2", "q_bh", "z"]


def export_keyness(study: Study) -> pd.DataFrame:
    """keyness.csv rows for the study's two texts (empty when the corpus lacks one of them)."""
    if not set(STUDY_PAIR) <= set(study.tables["documents"]["doc_id"]):
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    return keyness_table(study)[KEYNESS_COLUMNS]
