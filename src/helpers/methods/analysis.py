"""Stage 6 of the pipeline: text-analysis methods that compare documents.

Small, tested functions a student can reuse on any tokens table:

- :func:`frequencies`: how often each token occurs, per document, with a rate;
- :func:`kwic` and :func:`kwic_string`: keyword-in-context concordances (of a token, or of
  any character string), in text order or sorted by the left or right context;
- :func:`collocates`: the tokens that occur near a node word more often than chance, with
  :func:`collocation_needs` to say how much text a collocate would need to reach significance;
- :func:`cooccurrence`: entities named in the same sentence;
- keyness, two measures of which words are distinctive of one text against another:
  :func:`log_likelihood` (G², with :func:`log_ratio` for the size of the effect) and
  :func:`log_odds_dirichlet` (the log-odds ratio with an informative Dirichlet prior,
  Monroe, Colaresi & Quinn 2008, "Fightin' Words"), brought together by :func:`keyness`;
  :func:`benjamini_hochberg` corrects for testing many words at once, and
  :func:`prior_sensitivity` shows how the log-odds z-scores move with the strength of the prior.

Each works on the ``tokens``/``sentences``/``mentions`` tables of the export.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from statistics import NormalDist

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
KWIC_COLUMNS = ["doc_id", "sentence_id", "left", "keyword", "right"]
#: The padding of a short left context (an ideographic space, so that the keywords line up).
PAD = "　"


def _sorted_concordance(rows: list[dict[str, str]], sort: str | None) -> pd.DataFrame:
    """Rows of a concordance in text order (*sort* None), or sorted as a concordancer does:
    ``"left"`` by the left context read backwards from the keyword (the word just before it
    first), ``"right"`` by the right context read forwards from the keyword."""
    if sort not in (None, "left", "right"):
        raise ValueError(f"sort must be None, 'left' or 'right', not {sort!r}")
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    if sort is None or table.empty:
        return table
    if sort == "left":
        key = table["left"].str.lstrip(PAD).str[::-1]
    else:
        key = table["right"]
    order = sorted(range(len(table)), key=lambda i: (key.iloc[i], table["sentence_id"].iloc[i]))
    return table.iloc[order].reset_index(drop=True)


def kwic(tokens: pd.DataFrame, sentences: pd.DataFrame, term: str, width: int = 14,
         sort: str | None = None) -> pd.DataFrame:
    """A keyword-in-context concordance: every token equal to *term*, with *width* characters
    of its sentence on either side.  The token offsets (``start``, ``end``) locate the keyword
    in the sentence, so the context is exact even where the token is part of a longer string.

    Args:
        sort: None keeps text order; ``"left"`` sorts by the left context, nearest character
            first, and ``"right"`` by the right context, so that recurring neighbours line up.

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
                     "left": sentence[max(0, start - width):start].rjust(width, PAD),
                     "keyword": sentence[start:end], "right": sentence[end:end + width]})
    return _sorted_concordance(rows, sort)


def kwic_string(sentences: pd.DataFrame, string: str, width: int = 14, sort: str | None = None) -> pd.DataFrame:
    """A concordance of a character *string* in the sentences' text, wherever it occurs, whether
    or not the segmenter made it a token (责任 inside 负责任, 透明 inside 透明度).  Use it to check
    a count that matches strings, such as framing cues; :func:`kwic` is the concordance of a token.

    Returns:
        Columns doc_id, sentence_id, left, keyword, right (*sort* as in :func:`kwic`).
    """
    rows = []
    for sentence in sentences.itertuples():
        start = sentence.text.find(string)
        while start >= 0:
            end = start + len(string)
            rows.append({"doc_id": sentence.doc_id, "sentence_id": sentence.sentence_id,
                         "left": sentence.text[max(0, start - width):start].rjust(width, PAD),
                         "keyword": string, "right": sentence.text[end:end + width]})
            start = sentence.text.find(string, end)
    return _sorted_concordance(rows, sort)


# --------------------------------------------------------------------------- #
# Collocation and co-occurrence
# --------------------------------------------------------------------------- #
def _window_counts(tokens: pd.DataFrame, node: str, window: int) -> tuple[Counter[str], int, Counter[str], int]:
    """Counts near *node*: (tokens near it, number of token positions near it, all tokens, node occurrences)."""
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
    return near, total_near, overall, overall[node]


def collocates(tokens: pd.DataFrame, node: str, window: int = 4, min_count: int = 3,
               fdr: float = 0.05) -> pd.DataFrame:
    """Tokens that occur within *window* tokens of *node* (same sentence) *more often than
    elsewhere*, scored by log-likelihood (G²), with a false-discovery-rate correction.

    G² is two-sided, so a word that avoids the node would score too; only words whose
    rate near the node is higher than their rate elsewhere are kept.  Every distinct word
    seen near the node is a comparison, so the Benjamini–Hochberg correction (*q*) counts
    them all; only words seen at least *min_count* times near the node are listed (a word
    seen twice near the node and never elsewhere is a coincidence as often as not).

    Returns:
        Columns collocate, together (count near the node), elsewhere, g2, p, q,
        significant (q < *fdr*); sorted by g2.
    """
    near, total_near, overall, nodes = _window_counts(tokens, node, window)
    total_far = len(tokens) - total_near - nodes
    rows = []
    for word, together in near.items():
        elsewhere = overall[word] - together
        if word == node or total_far <= 0:
            continue
        attracted = together / total_near > elsewhere / total_far
        g2 = log_likelihood(together, elsewhere, total_near, total_far)
        rows.append({"collocate": word, "together": together, "elsewhere": elsewhere, "g2": round(g2, 2),
                     "p": p_value_g2(g2) if attracted else 1.0, "attracted": attracted})
    columns = ["collocate", "together", "elsewhere", "g2", "p", "q", "significant"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    table["q"] = benjamini_hochberg(table["p"])
    table["significant"] = table["q"] < fdr
    table["p"], table["q"] = table["p"].map(_sig), table["q"].map(_sig)
    table = table[table["attracted"] & (table["together"] >= min_count)]
    return table.sort_values(["g2", "collocate"], ascending=[False, True]).reset_index(drop=True)[columns]


def collocation_needs(tokens: pd.DataFrame, node: str, window: int = 4, min_count: int = 3,
                      fdr: float = 0.05) -> dict[str, object]:
    """What a collocate of *node* would need to reach significance in this much text.

    The strongest possible result (the first step of the Benjamini–Hochberg procedure, the
    same as a Bonferroni correction) needs p < fdr / m over the m words seen near the node,
    i.e. G² above a critical value.  G² grows in proportion to the amount of text when the
    proportions stay the same, so the strongest listed collocate (at least *min_count* near
    the node) would reach it with ``critical / g2`` times as many occurrences of the node.

    Returns:
        node_occurrences, candidates (m), critical_g2, min_exclusive (the fewest occurrences
        a word would need, every one of them near the node, to reach the critical G²),
        best (the strongest collocate with at least *min_count*, or ``""``), best_counts
        (near/elsewhere), best_g2 and node_needed (node occurrences it would need).
    """
    near, total_near, overall, nodes = _window_counts(tokens, node, window)
    total_far = len(tokens) - total_near - nodes
    candidates = len(set(near) - {node})
    critical = critical_g2(fdr / max(1, candidates))
    share = total_near / max(1, total_near + total_far)
    exclusive = math.ceil(critical / (2 * math.log(1 / share))) if 0 < share < 1 else None
    found = collocates(tokens, node, window, min_count, fdr)
    best = found.iloc[0] if len(found) else None
    return {"node_occurrences": nodes, "candidates": candidates, "critical_g2": round(critical, 2),
            "min_exclusive": exclusive,
            "best": best["collocate"] if best is not None else "",
            "best_counts": f"{best['together']}/{best['elsewhere']}" if best is not None else "",
            "best_g2": float(best["g2"]) if best is not None else None,
            "node_needed": math.ceil(nodes * critical / best["g2"]) if best is not None and best["g2"] > 0 else None}


def cooccurrence(mentions: pd.DataFrame, categories: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Pairs of entities named in the same sentence, with the number of sentences.

    An entity counts once per sentence, however many of its surface forms the sentence holds
    (中国 and 北京 in one sentence are one mention of China), so the count is of sentences.

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
# Significance and multiple testing
# --------------------------------------------------------------------------- #
def p_value_g2(g2: float) -> float:
    """The p-value of a log-likelihood G² with one degree of freedom: P(χ²₁ > G²) = erfc(√(G²/2))."""
    return math.erfc(math.sqrt(max(0.0, g2) / 2))


def p_value_z(z: float) -> float:
    """The two-sided p-value of a z-score under the standard normal: P(|Z| > |z|) = erfc(|z|/√2)."""
    return math.erfc(abs(z) / math.sqrt(2))


def critical_g2(p: float) -> float:
    """The G² (one degree of freedom) above which the p-value is below *p* (3.84 for 0.05)."""
    return NormalDist().inv_cdf(1 - p / 2) ** 2


def benjamini_hochberg(p_values: Iterable[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values ("q-values"), in the order given.

    Sort the m p-values, multiply the k-th smallest by m/k, and make the result non-decreasing
    from the largest down; a test with q < 0.05 is a discovery at a false discovery rate of
    5%: of all the words declared distinctive, at most 5% are expected to be flukes.

    >>> [round(q, 4) for q in benjamini_hochberg([0.01, 0.04, 0.03, 0.2])]
    [0.04, 0.0533, 0.0533, 0.2]
    """
    p = list(p_values)
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        q[i] = min(1.0, running)
    return q


def _sig(x: float) -> float:
    """*x* to 3 significant digits (p-values span many orders of magnitude)."""
    return float(f"{x:.3g}")


# --------------------------------------------------------------------------- #
# Keyness
# --------------------------------------------------------------------------- #
def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Log-likelihood G² of a word occurring *a* times in a corpus of *c* tokens and *b* times
    in one of *d* tokens (Dunning 1993; Rayson & Garside 2000).

    With expected counts E1 = c(a+b)/(c+d) and E2 = d(a+b)/(c+d),
    G² = 2 (a ln(a/E1) + b ln(b/E2)); a zero count contributes nothing.  G² above
    3.84 is significant at p < 0.05 and above 10.83 at p < 0.001 (one degree of freedom).
    As in corpus linguistics' usual calculator, the sum runs over the word's two cells; the
    full 2×2 table would add the "all other words" row, which changes little for a word that
    is a small share of each text.
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

    The prior shrinks the estimates for rare words towards the prior's rate, so that a word
    seen once in one text is not declared distinctive; |z| > 1.96 is the usual threshold.
    A weak prior (small α_0) is not a lenient one: a word absent from one text keeps a
    variance of nearly 1/α_w there, so such words are heavily penalised.

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


def pooled_prior(counts_a: dict[str, int], counts_b: dict[str, int],
                 strength: float | None = 100.0) -> dict[str, float]:
    """An informative prior from the pooled counts of both texts, scaled so that the
    pseudo-counts add up to *strength* (α_w = strength · share of w in the pooled texts).

    ``strength=None`` takes the pooled counts themselves (α_0 = the two texts' total tokens):
    a prior as strong as the data.  The prior pools the two texts being compared, so it
    only says how common each word is *in these two texts*; a prior from a large background
    corpus would instead pull each word towards its rate in the genre at large.
    """
    pooled = Counter(counts_a) + Counter(counts_b)
    total = sum(pooled.values())
    scale = 1.0 if strength is None else strength / total
    return {word: scale * count for word, count in sorted(pooled.items())}


def prior_sensitivity(counts_a: dict[str, int], counts_b: dict[str, int],
                      strengths: Sequence[float | None] = (10, 100, 1000, None)) -> pd.DataFrame:
    """The log-odds z of every word under pooled priors of several strengths α_0 (None: the
    pooled counts themselves, see :func:`pooled_prior`).

    Returns:
        One row per token (the index), one column of z-scores per strength, named by α_0.
    """
    columns = {}
    for strength in strengths:
        prior = pooled_prior(counts_a, counts_b, strength)
        alpha0 = round(sum(prior.values()))
        columns[alpha0] = log_odds_dirichlet(counts_a, counts_b, prior).set_index("token")["z"]
    return pd.DataFrame(columns).sort_index()


def keyness(tokens: pd.DataFrame, doc_a: str, doc_b: str, strength: float | None = 100.0,
            per: int = 1000) -> pd.DataFrame:
    """Both keyness measures for every token of two documents, with the correction for testing
    every token at once.

    Returns:
        Columns token, count_a, count_b, rate_a, rate_b (per *per* tokens), higher_in (the
        document where the token's rate is higher, or ``equal``), log_ratio (positive for *a*),
        g2, p (of G², one degree of freedom), q (Benjamini–Hochberg over all tokens) and z
        (log-odds with the pooled prior of *strength*, positive for *a*); sorted by G² signed
        by direction (most distinctive of *a* first, of *b* last).
    """
    matrix = count_matrix(tokens, doc_a, doc_b)
    counts_a = dict(zip(matrix["token"], matrix["a"]))
    counts_b = dict(zip(matrix["token"], matrix["b"]))
    n_a, n_b = int(matrix["a"].sum()), int(matrix["b"].sum())
    odds = log_odds_dirichlet(counts_a, counts_b, pooled_prior(counts_a, counts_b, strength)).set_index("token")
    g2 = [log_likelihood(a, b, n_a, n_b) for a, b in zip(matrix["a"], matrix["b"])]
    p = [p_value_g2(value) for value in g2]
    table = pd.DataFrame({
        "token": matrix["token"], "count_a": matrix["a"], "count_b": matrix["b"],
        "rate_a": (matrix["a"] / max(1, n_a) * per).round(2), "rate_b": (matrix["b"] / max(1, n_b) * per).round(2),
        "higher_in": [doc_a if a * n_b > b * n_a else doc_b if a * n_b < b * n_a else "equal"
                      for a, b in zip(matrix["a"], matrix["b"])],
        "log_ratio": [round(log_ratio(a, b, n_a, n_b), 3) for a, b in zip(matrix["a"], matrix["b"])],
        "g2": [round(value, 3) for value in g2],
        "p": [_sig(value) for value in p],
        "q": [_sig(value) for value in benjamini_hochberg(p)],
        "z": matrix["token"].map(odds["z"]).round(3),
    })
    signed = table["g2"].where(table["higher_in"] != doc_b, -table["g2"])
    order = sorted(range(len(table)), key=lambda i: (-signed.iloc[i], table["token"].iloc[i]))
    return table.iloc[order].reset_index(drop=True)
