"""Measuring segmentation, entity linking and date extraction, so that their quality is a number
with its uncertainty, not an impression.

The measures, all on the real texts:

- **term integrity**: for every term of the domain dictionary, how many of its
  occurrences in the text come out as (part of) one token, with jieba's general
  dictionary alone and with the domain dictionary;
- **boundary precision, recall and F1** against a hand-segmented sample of
  sentences (``data/annotations/segmentation_gold.tsv``);
- **entity-linking precision and recall** on hand-checked samples of each document
  (``data/annotations/entity_precision.csv`` and ``entity_recall.csv``);
- **date extraction** against hand-coded dates (the tables of ``helpers.study.sino_german``).

Every score comes with a 95 % interval, because the samples are small: a score of 40/40
is not "perfect" but "at least about 0.91" (:func:`wilson_interval`).  Proportions get
the Wilson score interval; boundary F1, which is not a simple proportion, a paired
bootstrap over the gold sentences (:func:`boundary_bootstrap`).
"""

from __future__ import annotations

import csv
import math
import random
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import HelpersError
from ..language.lexicon import domain_dictionary
from ..paths import ANNOTATIONS
from ..language.segment import Token, boundaries, boundary_scores, tokenize
from ..text.structure import Sentence

#: z for a two-sided 95 % interval (the 0.975 quantile of the standard normal).
Z95 = 1.959963984540054
#: Seed of the bootstrap of boundary F1 (numpy ``default_rng``), so that its interval is the same on every run.
BOOTSTRAP_SEED = 20260301
#: Resamples of the bootstrap of boundary F1.
BOOTSTRAP_RESAMPLES = 2000
#: Seed of the random draw of the Carnegie entity-linking samples (:func:`draw_linking_sample`).
LINKING_SEED = 20260302


# --------------------------------------------------------------------------- #
# Proportions with their interval
# --------------------------------------------------------------------------- #
def wilson_interval(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion *successes*/*trials* (95 % by default).

    Unlike the textbook interval p ± z·√(p(1−p)/n), it stays inside [0, 1] and does not
    collapse to a point at 0/n or n/n: 40 successes out of 40 give (0.912, 1.0), i.e.
    the true rate is at least about 0.91, and 0 out of 10 give (0.0, 0.278).

    >>> [round(x, 3) for x in wilson_interval(40, 40)]
    [0.912, 1.0]

    Raises:
        ValueError: no trials, or successes outside 0…trials.
    """
    if trials <= 0 or not 0 <= successes <= trials:
        raise ValueError(f"need 0 <= successes <= trials and trials > 0, got {successes}/{trials}")
    p, n, z2 = successes / trials, trials, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def proportion(successes: int, trials: int) -> dict[str, float | int | None]:
    """*successes*, *trials*, the proportion and its 95 % Wilson interval, rounded to 3 places
    (value, low and high are None when there are no trials)."""
    if trials == 0:
        return {"successes": successes, "trials": 0, "value": None, "low": None, "high": None}
    low, high = wilson_interval(successes, trials)
    return {"successes": int(successes), "trials": int(trials), "value": round(successes / trials, 3),
            "low": round(low, 3), "high": round(high, 3)}


def describe(successes: int, trials: int) -> str:
    """A proportion in words, with its 95 % interval: the phrasing to use in prose.

    >>> describe(40, 40)
    '40/40 = 1.00 (95 % interval 0.91–1.00: at least about 0.91)'
    >>> describe(7, 10)
    '7/10 = 0.70 (95 % interval 0.40–0.89)'
    """
    low, high = wilson_interval(successes, trials)
    text = f"{successes}/{trials} = {successes / trials:.2f} (95 % interval {low:.2f}–{high:.2f}"
    return text + (f": at least about {low:.2f})" if successes == trials else ")")


def _covered(tokens: list[Token], start: int, end: int) -> bool:
    """True when one token spans the whole range ``start:end``."""
    return any(t.start <= start and t.end >= end for t in tokens)


def term_integrity(sentences: list[Sentence]) -> pd.DataFrame:
    """Per dictionary term: occurrences, and how many stay whole with each tokenizer.

    Returns:
        Columns doc_id, term, occurrences, whole_default, whole_domain (terms that
        occur at least once).
    """
    terms = sorted({t for t, _ in domain_dictionary().terms})
    rows = []
    for doc_id in sorted({s.doc_id for s in sentences}):
        counts: dict[str, list[int]] = {}
        for sentence in (s for s in sentences if s.doc_id == doc_id):
            text = sentence.text
            found = [(term, i) for term in terms for i in _positions(text, term)]
            if not found:
                continue
            default = tokenize(text, domain=False)
            domain = tokenize(text)
            for term, i in found:
                row = counts.setdefault(term, [0, 0, 0])
                row[0] += 1
                row[1] += _covered(default, i, i + len(term))
                row[2] += _covered(domain, i, i + len(term))
        rows += [{"doc_id": doc_id, "term": t, "occurrences": c[0], "whole_default": c[1], "whole_domain": c[2]}
                 for t, c in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["doc_id", "term", "occurrences", "whole_default", "whole_domain"])


def _positions(text: str, term: str) -> list[int]:
    out, start = [], text.find(term)
    while start >= 0:
        out.append(start)
        start = text.find(term, start + len(term))
    return out


def term_integrity_summary(integrity: pd.DataFrame) -> pd.DataFrame:
    """Per document and tokenizer: the share of domain-term occurrences kept whole, with its
    95 % Wilson interval.

    Args:
        integrity: the table of :func:`term_integrity`.

    Returns:
        Columns doc_id, tokenizer, whole, occurrences, share, low, high.

    The interval treats occurrences as independent trials.  They are not quite: a term that
    occurs twenty times is split (or kept) the same way in most of them, so the interval is,
    if anything, too narrow.  It measures whether the dictionary holds in context, not whether
    the segmentation is right (that is boundary F1).
    """
    rows = []
    totals = integrity.groupby("doc_id", sort=False)[["occurrences", "whole_default", "whole_domain"]].sum()
    for doc_id, row in totals.iterrows():
        for name, column in (("jieba default dictionary", "whole_default"),
                             ("jieba + domain dictionary", "whole_domain")):
            score = proportion(int(row[column]), int(row["occurrences"]))
            rows.append({"doc_id": doc_id, "tokenizer": name, "whole": score["successes"],
                         "occurrences": score["trials"], "share": score["value"], "low": score["low"],
                         "high": score["high"]})
    return pd.DataFrame(rows, columns=["doc_id", "tokenizer", "whole", "occurrences", "share", "low", "high"])


def gold_sample(path: Path = ANNOTATIONS / "segmentation_gold.tsv") -> pd.DataFrame:
    """The hand-segmented sentences: columns sample (random or purposive), sentence_id, tokens (a list).

    Tokens are ``|``-separated in the file; the standard is in ``docs/segmentation.md``.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [{"sample": r["sample"], "sentence_id": r["sentence_id"], "tokens": r["tokens"].split("|")}
                    for r in csv.DictReader(handle, delimiter="\t")]
    except FileNotFoundError:
        raise HelpersError(f"{path}: not found; restore it from the repository.") from None
    return pd.DataFrame(rows, columns=["sample", "sentence_id", "tokens"])


def boundary_evaluation(sentences: list[Sentence]) -> pd.DataFrame:
    """Boundary precision, recall and F1 of both tokenizers on the gold sample.

    Returns:
        One row per sample (random, purposive, all) and tokenizer: sample, tokenizer,
        sentences, gold_tokens, precision, recall, f1.
    """
    by_id = {s.sentence_id: s for s in sentences}
    gold = gold_sample()
    gold = gold[gold["sentence_id"].isin(by_id)]  # another corpus has no gold sentences
    rows = []
    if gold.empty:
        return pd.DataFrame(columns=["sample", "tokenizer", "sentences", "gold_tokens", "precision", "recall", "f1"])
    for sample in ("random", "purposive", "all"):
        chosen = gold if sample == "all" else gold[gold["sample"] == sample]
        for name, domain in (("jieba default dictionary", False), ("jieba + domain dictionary", True)):
            tp = predicted = expected = 0
            for sentence_id, tokens in zip(chosen["sentence_id"], chosen["tokens"]):
                guess = [t.text for t in tokenize(by_id[sentence_id].text, domain=domain)]
                a, b, c = boundary_scores(tokens, guess)
                tp, predicted, expected = tp + a, predicted + b, expected + c
            precision, recall = tp / predicted, tp / expected
            rows.append({"sample": sample, "tokenizer": name, "sentences": len(chosen),
                         "gold_tokens": int(chosen["tokens"].map(len).sum()),
                         "precision": round(precision, 3), "recall": round(recall, 3),
                         "f1": round(2 * precision * recall / (precision + recall), 3)})
    return pd.DataFrame(rows)


def _sentence_counts(sentences: list[Sentence], gold: pd.DataFrame, domain: bool) -> np.ndarray:
    """Per gold sentence: (true positives, predicted boundaries, gold boundaries) of one tokenizer."""
    by_id = {s.sentence_id: s for s in sentences}
    return np.array([boundary_scores(tokens, [t.text for t in tokenize(by_id[sentence_id].text, domain=domain)])
                     for sentence_id, tokens in zip(gold["sentence_id"], gold["tokens"])], dtype=float).reshape(-1, 3)


def _f1(counts: np.ndarray) -> np.ndarray:
    """Micro-averaged boundary F1 of summed counts (last axis: tp, predicted, gold): 2·tp / (predicted + gold)."""
    return 2 * counts[..., 0] / (counts[..., 1] + counts[..., 2])


def boundary_bootstrap(sentences: list[Sentence], resamples: int = BOOTSTRAP_RESAMPLES,
                       seed: int = BOOTSTRAP_SEED) -> pd.DataFrame:
    """Boundary F1 of both tokenizers and their difference, with 95 % paired-bootstrap intervals.

    The unit of the gold sample is the sentence, so the bootstrap resamples gold sentences
    with replacement (*resamples* times, numpy ``default_rng(seed)``), recomputes the
    micro-averaged F1 of each tokenizer on each resample and takes the 2.5th and 97.5th
    percentiles.  The resampling is *paired*: both tokenizers are scored on the same
    resampled sentences, so the interval of the difference (domain − default) reflects how
    consistently the domain dictionary helps, sentence by sentence.  With 14 random
    sentences the intervals are wide; that is the honest size of the sample.

    Returns:
        One row per sample (random, purposive, all) and measure (default, domain,
        domain − default): sample, sentences, measure, f1, low, high.  The point estimate
        ``f1`` equals :func:`boundary_evaluation`'s.
    """
    by_id = {s.sentence_id for s in sentences}
    gold = gold_sample()
    gold = gold[gold["sentence_id"].isin(by_id)]
    columns = ["sample", "sentences", "measure", "f1", "low", "high"]
    if gold.empty:
        return pd.DataFrame(columns=columns)
    default, domain = _sentence_counts(sentences, gold, False), _sentence_counts(sentences, gold, True)
    rows = []
    for sample in ("random", "purposive", "all"):
        chosen = np.ones(len(gold), bool) if sample == "all" else (gold["sample"] == sample).to_numpy()
        a, b = default[chosen], domain[chosen]
        if not len(a):
            continue
        draws = np.random.default_rng(seed).integers(0, len(a), size=(resamples, len(a)))
        boot_a, boot_b = _f1(a[draws].sum(axis=1)), _f1(b[draws].sum(axis=1))
        for measure, point, boot in (("jieba default dictionary", _f1(a.sum(axis=0)), boot_a),
                                     ("jieba + domain dictionary", _f1(b.sum(axis=0)), boot_b),
                                     ("domain − default", _f1(b.sum(axis=0)) - _f1(a.sum(axis=0)), boot_b - boot_a)):
            low, high = np.percentile(boot, [2.5, 97.5])
            rows.append({"sample": sample, "sentences": len(a), "measure": measure, "f1": round(float(point), 3),
                         "low": round(float(low), 3), "high": round(float(high), 3)})
    return pd.DataFrame(rows, columns=columns)


def segmentation_errors(sentences: list[Sentence], sample: str = "random") -> pd.DataFrame:
    """Where the domain tokenizer disagrees with the gold sample: the differing stretches side by side."""
    by_id = {s.sentence_id: s for s in sentences}
    gold = gold_sample()
    gold = gold[gold["sentence_id"].isin(by_id)]
    rows = []
    for sentence_id, tokens in zip(gold["sentence_id"][gold["sample"] == sample], gold["tokens"][gold["sample"] == sample]):
        guess = [t.text for t in tokenize(by_id[sentence_id].text)]
        g, p = boundaries(tokens), boundaries(guess)
        if g == p:
            continue
        rows.append({"sentence_id": sentence_id, "gold": " / ".join(tokens), "domain tokenizer": " / ".join(guess),
                     "missed": len(g - p), "extra": len(p - g)})
    return pd.DataFrame(rows, columns=["sentence_id", "gold", "domain tokenizer", "missed", "extra"])


def body_sentences(sentences: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """The running-text body sentences of a document (part body, kind sentence: no headings)."""
    return sentences[(sentences["doc_id"] == doc_id) & (sentences["part"] == "body")
                     & (sentences["kind"] == "sentence")]


def draw_linking_sample(mentions: pd.DataFrame, sentences: pd.DataFrame, doc_id: str, n_mentions: int = 30,
                        n_sentences: int = 8, seed: int = LINKING_SEED) -> tuple[pd.DataFrame, list[str]]:
    """Draw, at random, the mentions and the sentences of a document to check entity linking by hand.

    Precision: *n_mentions* distinct (sentence_id, surface, entity) links of the document's body
    sentences, drawn with ``random.Random(seed).sample`` from the links in table order.  Recall:
    *n_sentences* body sentences drawn with ``random.Random(seed + 1).sample`` from the body
    sentences in order.  Both are returned sorted by sentence id.

    The Carnegie rows of ``data/annotations/entity_precision.csv`` (30 mentions) and
    ``entity_recall.csv`` (8 sentences) are this draw for ``carnegie2024`` with the default
    seed :data:`LINKING_SEED`, made on the mentions table of commit 61606a5; each drawn link
    was then judged by hand, and each drawn sentence read for every entity it names.  A later
    change to the lexicon changes what a new draw returns, not the recorded sample, which
    :func:`entity_linking_evaluation` scores against the current mentions.
    """
    body = body_sentences(sentences, doc_id)
    mentions = mentions[mentions["form"] != "unlinked"]  # the sample checks the lexicon's links
    links = (mentions[mentions["sentence_id"].isin(set(body["sentence_id"]))][["sentence_id", "surface", "entity"]]
             .drop_duplicates().reset_index(drop=True))
    picked = sorted(random.Random(seed).sample(range(len(links)), min(n_mentions, len(links))))
    ids = list(body["sentence_id"])
    chosen = sorted(random.Random(seed + 1).sample(ids, min(n_sentences, len(ids))))
    return links.iloc[picked].sort_values("sentence_id", kind="stable").reset_index(drop=True), chosen


def _doc_of(sentence_id: str) -> str:
    return sentence_id.rsplit("-", 1)[0]


def _read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a hand-checked sample; a row with more fields than the header (an unquoted comma
    in a note) is refused rather than read with its note cut."""
    from ..errors import HelpersError

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=2):
        if None in row:
            raise HelpersError(f"{path}, line {number}: more fields than the header; quote the note.")
    return rows


def entity_linking_evaluation(study) -> pd.DataFrame:
    """Precision and recall of the entity linking on hand-checked samples, per document, with 95 %
    Wilson intervals.

    Precision: random samples of linked mentions (``data/annotations/entity_precision.csv``),
    each judged correct or not by hand; it is scored on the judged links that the linker still
    produces (``still_linked``), so a lexicon change cannot silently keep an old judgment.
    Recall: random samples of body sentences (``entity_recall.csv``) with every entity a reader
    finds in them listed by hand; ``found`` counts those the linker finds.  The FES sample has 40
    mentions and 12 sentences; the Carnegie sample (30 mentions, 8 sentences) was drawn by
    :func:`draw_linking_sample`.

    The rule for ``expected``: every country, organisation, person, treaty and initiative the
    sentence names (a capital standing for its government counts; a two-country compound such
    as 中美 does not, a pronoun does not), and every concept of the kinds the lexicon's concepts
    are (a weapon type, a doctrine or posture, a regime concept, a policy field), once per
    mention.  An entity the lexicon lacks is listed under a new id, explained in the note, so
    that it counts as missed: recall measures the lexicon's coverage, not only its matching.
    The samples are small, so every value comes with its 95 % Wilson interval.

    Returns:
        One row per measure and document of the study that has sample rows: measure, doc_id,
        sample, still_linked, found, of, value, low, high (``value`` = found / of).
    """
    mentions = study.tables["mentions"]
    mentions = mentions[mentions["form"] != "unlinked"]  # the lexicon's links, not the names it does not know
    documents = list(study.tables["documents"]["doc_id"])
    judged = _read_rows(ANNOTATIONS / "entity_precision.csv")
    linked = {(m.sentence_id, m.surface, m.entity) for m in mentions.itertuples()}
    expected_rows = _read_rows(ANNOTATIONS / "entity_recall.csv")
    rows = []
    for doc_id in documents:
        sample = [row for row in judged if _doc_of(row["sentence_id"]) == doc_id]
        if not sample:
            continue
        still = [row for row in sample if (row["sentence_id"], row["surface"], row["entity"]) in linked]
        correct = sum(row["correct"] == "yes" for row in still)
        rows.append({"measure": "precision", "doc_id": doc_id, "sample": f"{len(sample)} mentions",
                     "still_linked": len(still), "found": correct, "of": len(still),
                     **_interval(correct, len(still))})
    for doc_id in documents:
        sample = [row for row in expected_rows if _doc_of(row["sentence_id"]) == doc_id]
        if not sample:
            continue
        expected = found = 0
        for row in sample:
            want = sorted(e for e in row["expected"].split(";") if e)  # empty: a sentence that names none
            got = sorted(mentions.loc[mentions["sentence_id"] == row["sentence_id"], "entity"])
            expected += len(want)
            found += sum(min(want.count(e), got.count(e)) for e in set(want))
        rows.append({"measure": "recall", "doc_id": doc_id, "sample": f"{len(sample)} sentences",
                     "still_linked": found, "found": found, "of": expected, **_interval(found, expected)})
    return pd.DataFrame(rows, columns=["measure", "doc_id", "sample", "still_linked", "found", "of", "value", "low",
                                       "high"])


def _interval(successes: int, trials: int) -> dict[str, float | None]:
    score = proportion(successes, trials)
    return {"value": score["value"], "low": score["low"], "high": score["high"]}


def date_scores(table: pd.DataFrame) -> pd.DataFrame:
    """Date extraction as proportions with 95 % Wilson intervals.

    Args:
        table: ``sino_german.heldout_date_agreement`` (columns matched, hand, found: recall is
            matched / hand, the hand-coded dates the rules find; precision matched / found,
            the extracted dates that are right) or ``sino_german.date_agreement`` (column
            agrees: the events whose hand-coded date the rules give).

    Returns:
        Columns measure, found, of, value, low, high.
    """
    if "agrees" in table:
        pairs = [("agreement", int(table["agrees"].sum()), len(table))]
    else:
        matched = int(table["matched"].sum())
        pairs = [("recall", matched, int(table["hand"].sum())), ("precision", matched, int(table["found"].sum()))]
    return pd.DataFrame([{"measure": m, "found": k, "of": n, **_interval(k, n)} for m, k, n in pairs],
                        columns=["measure", "found", "of", "value", "low", "high"])
