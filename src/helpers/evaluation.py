"""Measuring segmentation and entity linking, so that their quality is a number, not an impression.

Two measures, both on the real texts:

- **term integrity**: for every term of the domain dictionary, how many of its
  occurrences in the text come out as (part of) one token, with jieba's general
  dictionary alone and with the domain dictionary;
- **boundary precision, recall and F1** against a hand-segmented sample of
  sentences (``data/annotations/segmentation_gold.tsv``).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from .errors import HelpersError
from .lexicon import domain_dictionary
from .paths import ANNOTATIONS
from .segment import Token, boundaries, boundary_scores, tokenize
from .structure import Sentence


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


def entity_linking_evaluation(study) -> pd.DataFrame:
    """Precision and recall of the entity linking on hand-checked samples.

    Precision: a random sample of mentions (``data/annotations/entity_precision.csv``),
    each judged correct or not by hand.  Recall: a random sample of sentences
    (``entity_recall.csv``) with every entity a reader finds in them listed by hand.
    """
    mentions = study.tables["mentions"]
    with (ANNOTATIONS / "entity_precision.csv").open(encoding="utf-8", newline="") as handle:
        judged = list(csv.DictReader(handle))
    linked = {(m.sentence_id, m.surface, m.entity) for m in mentions.itertuples()}
    still_linked = [row for row in judged if (row["sentence_id"], row["surface"], row["entity"]) in linked]
    correct = sum(row["correct"] == "yes" for row in still_linked)
    with (ANNOTATIONS / "entity_recall.csv").open(encoding="utf-8", newline="") as handle:
        expected_rows = list(csv.DictReader(handle))
    expected = found = 0
    for row in expected_rows:
        want = sorted(row["expected"].split(";"))
        got = sorted(mentions.loc[mentions["sentence_id"] == row["sentence_id"], "entity"])
        expected += len(want)
        found += sum(min(want.count(e), got.count(e)) for e in set(want))
    return pd.DataFrame([
        {"measure": "precision", "sample": f"{len(judged)} mentions", "still_linked": len(still_linked),
         "value": round(correct / len(still_linked), 3) if still_linked else None},
        {"measure": "recall", "sample": f"{len(expected_rows)} sentences", "still_linked": found,
         "value": round(found / expected, 3) if expected else None},
    ])
