"""Stage 6 of the pipeline: text-analysis methods that compare documents.

Small, tested functions a student can reuse on any tokens table:

- :func:`frequencies`: how often each token occurs, per document, with a rate;
- :func:`kwic`: a keyword-in-context concordance built from token offsets;
- :func:`collocates`: the tokens that occur near a node word more often than chance;
- :func:`cooccurrence`: entities named in the same sentence;
- keyness, two measures of which words are distinctive of one text against another:
  :func:`log_likelihood` (G², with :func:`log_ratio` for the size of the effect) and
  :func:`log_odds_dirichlet` (the log-odds ratio with an informative Dirichlet prior,
  Monroe, Colaresi & Quinn 2008, "Fightin' Words").

Each works on the ``tokens``/``sentences``/``mentions`` tables of the export.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pandas as pd


# --------------------------------------------------------------------------- #
# Selecting the text to compare
# --------------------------------------------------------------------------- #
def content_tokens(tokens: pd.DataFrame, sentences: pd.DataFrame, exclude: set[str] | frozenset[str] = frozenset(),
                   parts: tuple[str, ...] = ("body",)) -> pd.DataFrame:
    """Tokens of running text fit for counting: in *parts*, not punctuation, not stopwords,
    not numbers or dates (50%, 2022年), and not in the sentences listed in *exclude* (e.g. an
    inserted passage)."""
    keep = sentences[sentences["part"].isin(parts) & (sentences["kind"] == "sentence") &
                     ~sentences["sentence_id"].isin(exclude)]["sentence_id"]
    selected = tokens[tokens["sentence_id"].isin(set(keep)) & ~tokens["is_punct"].astype(bool) &
                      ~tokens["is_stopword"].astype(bool)]
    return selected[~selected["token"].str.fullmatch(r"[\d.%]+|\d+[年月日]")]


# --------------------------------------------------------------------------- #
# Frequencies
# --------------------------------------------------------------------------- #
def frequencies(tokens: pd.DataFrame, per: int = 1000) -> pd.DataFrame:
    """Token counts per document, with the rate per *per* tokens (to compare texts of different length).

    Returns:
        Columns doc_id, token, count, rate; sorted by document, then count descending, then token.
    """
    counts = tokens.groupby(["doc_id", "token"]).size().rename("count").reset_index()
    totals = tokens.groupby("doc_id").size()
    counts["rate"] = (counts["count"] / counts["doc_id"].map(totals) * per).round(2)
    return counts.sort_values(["doc_id", "count", "token"], ascending=[True, False, True]).reset_index(drop=True)


def count_matrix(tokens: pd.DataFrame, doc_a: str, doc_b: str) -> pd.DataFrame:
    """Counts of every token in two documents side by side (columns ``a`` and ``b``)."""
    a = Counter(tokens.loc[tokens["doc_id"] == doc_a, "token"])
    b = Counter(tokens.loc[tokens["doc_id"] == doc_b, "token"])
    words = sorted(set(a) | set(b))
    return pd.DataFrame({"token": words, "a": [a[w] for w in words], "b": [b[w] for w in words]})


# --------------------------------------------------------------------------- #
# Keyword in context
# --------------------------------------------------------------------------- #
def kwic(tokens: pd.DataFrame, sentences: pd.DataFrame, term: str, width: int = 14) -> pd.DataFrame:
    """A keyword-in-context concordance: every token equal to *term*, with *width* characters
    of its sentence on either side.  The token offsets (``start``, ``end``) locate the keyword
    in the sentence, so the context is exact even where the token is part of a longer string.

    Returns:
        Columns doc_id, sentence_id, left, keyword, right.
    """
    text = sentences.set_index("sentence_id")["text"]
    hits = tokens[tokens["token"] == term]
    rows = []
    for hit in hits.itertuples():
        sentence = text[hit.sentence_id]
        start, end = int(hit.start), int(hit.end)
        rows.append({"doc_id": hit.doc_id, "sentence_id": hit.sentence_id,
                     "left": sentence[max(0, start - width):start].rjust(width, "　"),
                     "keyword": sentence[start:end], "right": sentence[end:end + width]})
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "left", "keyword", "right"])


# --------------------------------------------------------------------------- #
# Collocation and co-occurrence
# --------------------------------------------------------------------------- #
def collocates(tokens: pd.DataFrame, node: str, window: int = 4, min_count: int = 2) -> pd.DataFrame:
    """Tokens that occur within *window* tokens of *node* (same sentence) *more often than
    elsewhere*, scored by log-likelihood (G²).

    G² is two-sided, so a word that avoids the node would score too; only words whose
    rate near the node is higher than their rate elsewhere are kept.

    Returns:
        Columns collocate, together (count near the node), elsewhere, g2, sorted by g2.
    """
    near: Counter[str] = Counter()
    total_near = 0
    for _, sentence in tokens.groupby("sentence_id", sort=False):
        words = list(sentence.sort_values("position")["token"])
        nodes = [i for i, word in enumerate(words) if word == node]
        # each token position counts once, however many node occurrences it is near
        span = {j for i in nodes for j in range(max(0, i - window), min(len(words), i + window + 1))} - set(nodes)
        near.update(words[j] for j in span)
        total_near += len(span)
    overall = Counter(tokens["token"])
    total_far = len(tokens) - total_near - overall[node]
    rows = []
    for word, together in near.items():
        elsewhere = overall[word] - together
        if together < min_count or word == node or total_far <= 0:
            continue
        if together / total_near <= elsewhere / total_far:  # not attracted to the node
            continue
        rows.append({"collocate": word, "together": together, "elsewhere": elsewhere,
                     "g2": round(log_likelihood(together, elsewhere, total_near, total_far), 2)})
    table = pd.DataFrame(rows, columns=["collocate", "together", "elsewhere", "g2"])
    return table.sort_values(["g2", "collocate"], ascending=[False, True]).reset_index(drop=True)


def cooccurrence(mentions: pd.DataFrame, categories: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Pairs of entities named in the same sentence, with the number of sentences.

    Returns:
        Columns doc_id, entity_a, entity_b, sentences (entity_a < entity_b alphabetically).
    """
    if categories:
        mentions = mentions[mentions["category"].isin(categories)]
    counts: Counter[tuple[str, str, str]] = Counter()
    for (doc_id, _), group in mentions.groupby(["doc_id", "sentence_id"]):
        for a, b in combinations(sorted(set(group["entity"])), 2):
            counts[(doc_id, a, b)] += 1
    rows = [{"doc_id": d, "entity_a": a, "entity_b": b, "sentences": n} for (d, a, b), n in counts.items()]
    table = pd.DataFrame(rows, columns=["doc_id", "entity_a", "entity_b", "sentences"])
    return table.sort_values(["doc_id", "sentences", "entity_a", "entity_b"],
                             ascending=[True, False, True, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- #
# Keyness
# --------------------------------------------------------------------------- #
def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Log-likelihood G² of a word occurring *a* times in a corpus of *c* tokens and *b* times
    in one of *d* tokens (Dunning 1993; Rayson & Garside 2000).

    With expected counts E1 = c(a+b)/(c+d) and E2 = d(a+b)/(c+d),
    G² = 2 (a ln(a/E1) + b ln(b/E2)); a zero count contributes nothing.  G² above
    3.84 is significant at p < 0.05 and above 10.83 at p < 0.001 (one degree of freedom).
    """
    total = c + d
    e1, e2 = c * (a + b) / total, d * (a + b) / total
    g2 = 0.0
    if a > 0:
        g2 += a * math.log(a / e1)
    if b > 0:
        g2 += b * math.log(b / e2)
    return 2 * g2


def log_ratio(a: float, b: float, c: float, d: float, zero: float = 0.5) -> float:
    """Log ratio (Hardie 2014): log2 of the ratio of relative frequencies, a/c over b/d.

    An effect size: 1 means twice as frequent, 2 four times.  A zero count is replaced
    by *zero* (0.5) so that words found in one text only get a finite value.
    """
    return math.log2(((a or zero) / c) / ((b or zero) / d))


def log_odds_dirichlet(counts_a: dict[str, int], counts_b: dict[str, int],
                       prior: dict[str, float]) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 22).

    For word w with counts y_a, y_b, corpus sizes n_a, n_b, prior pseudo-counts α_w and
    α_0 = Σ α_w:

        δ_w = ln((y_a + α_w) / (n_a + α_0 − y_a − α_w)) − ln((y_b + α_w) / (n_b + α_0 − y_b − α_w))
        σ²(δ_w) ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)
        z_w = δ_w / σ(δ_w)

    The prior shrinks the estimates for rare words towards the background, so that a word
    seen once in one text is not declared distinctive; |z| > 1.96 is the usual threshold.

    Returns:
        Columns token, delta, variance, z, sorted by z (most distinctive of *a* first).
    """
    alpha0 = sum(prior.values())
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    rows = []
    for word, alpha in prior.items():
        y_a, y_b = counts_a.get(word, 0), counts_b.get(word, 0)
        delta = (math.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha))
                 - math.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha)))
        variance = 1 / (y_a + alpha) + 1 / (y_b + alpha)
        rows.append({"token": word, "delta": delta, "variance": variance, "z": delta / math.sqrt(variance)})
    table = pd.DataFrame(rows, columns=["token", "delta", "variance", "z"])
    return table.sort_values(["z", "token"], ascending=[False, True]).reset_index(drop=True)


def pooled_prior(counts_a: dict[str, int], counts_b: dict[str, int], strength: float = 100.0) -> dict[str, float]:
    """An informative prior from the pooled counts of both texts, scaled so that the
    pseudo-counts add up to *strength* (α_w = strength · share of w in the pooled texts)."""
    pooled = Counter(counts_a) + Counter(counts_b)
    total = sum(pooled.values())
    return {word: strength * count / total for word, count in sorted(pooled.items())}


def keyness(tokens: pd.DataFrame, doc_a: str, doc_b: str, strength: float = 100.0) -> pd.DataFrame:
    """Both keyness measures for every token of two documents.

    Returns:
        Columns doc_id (the document the token is distinctive of: the one with the higher
        relative frequency), token, count_a, count_b, z (log-odds z-score, positive for *a*),
        g2 and log_ratio (positive for *a*); sorted by z.
    """
    matrix = count_matrix(tokens, doc_a, doc_b)
    counts_a = dict(zip(matrix["token"], matrix["a"]))
    counts_b = dict(zip(matrix["token"], matrix["b"]))
    n_a, n_b = int(matrix["a"].sum()), int(matrix["b"].sum())
    odds = log_odds_dirichlet(counts_a, counts_b, pooled_prior(counts_a, counts_b, strength)).set_index("token")
    matrix["z"] = matrix["token"].map(odds["z"]).round(3)
    matrix["g2"] = [round(log_likelihood(a, b, n_a, n_b), 3) for a, b in zip(matrix["a"], matrix["b"])]
    matrix["log_ratio"] = [round(log_ratio(a, b, n_a, n_b), 3) for a, b in zip(matrix["a"], matrix["b"])]
    matrix["doc_id"] = [doc_a if a / n_a >= b / n_b else doc_b for a, b in zip(matrix["a"], matrix["b"])]
    matrix = matrix.rename(columns={"a": "count_a", "b": "count_b"})
    matrix = matrix.sort_values(["z", "token"], ascending=[False, True]).reset_index(drop=True)
    return matrix[["doc_id", "token", "count_a", "count_b", "z", "g2", "log_ratio"]]
