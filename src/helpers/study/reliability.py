"""Inter-coder reliability: two independent codings of the same text, compared unit by unit.

A figure from one reader's coding is not reliability.  The study's argument tables were coded
twice, independently: the first coding (``data/coding/first/``, frozen before the second was
seen) and a second coding by a reader who saw only the codebook and the sentences
(``data/coding/second/``).  The tables differ in their rows (each coder finds the proposals or
obstacles the text makes), so agreement is measured on the units both coders saw, the sentences:

1. :func:`sentence_labels` turns a coded table into one label per sentence (the relation, theme,
   kind or drivers of the rows that cite it; ``none`` where no row does);
2. :func:`cohen_kappa` compares two label lists, correcting the raw agreement for the agreement
   expected by chance from each coder's label frequencies;
3. :func:`kappa_interval` gives a 95 % percentile-bootstrap interval, resampling whole paragraphs
   (one coding decision usually covers several sentences of a paragraph) with a fixed seed, so the
   interval is the same on every run;
4. :func:`reliability_table` does this for every coded table (``data/coding/reliability.csv``).

Disagreements are adjudicated by hand in ``data/coding/adjudication.csv``; the adjudicated coding
is the one in ``data/coding/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .coding import CODING, evidence_pairs, load_coded

FIRST, SECOND = CODING / "first", CODING / "second"

#: Coded table → the column whose value labels a cited sentence.
LABEL_COLUMN = {"fes_positions": "relation", "fes_proposals": "theme", "fes_obstacles": "kind",
                "carnegie_drivers": "driver"}
DRIVER_CODES = ("threat_response", "ambition", "domestic_politics")


def units(sentences: pd.DataFrame, table: str) -> list[str]:
    """The sentences on which *table* is compared: the FES body (positions, obstacles), the FES
    section on topics and approaches (proposals), the Carnegie body without the inserted list
    (drivers).  Headings are left out."""
    body = sentences[(sentences["part"] == "body") & (sentences["kind"] == "sentence")]
    if table == "carnegie_drivers":
        ids = body.loc[body["doc_id"] == "carnegie2024", "sentence_id"]
        inserted = {f"carnegie2024-{n:04d}" for n in range(92, 100)}  # the list quality_review marks interpolated
        return [i for i in ids if i not in inserted]
    fes = body[body["doc_id"] == "fes2024"]
    if table == "fes_proposals":
        fes = fes[fes["section_id"] == "fes2024-sec05"]
    return list(fes["sentence_id"])


def sentence_labels(table: str, folder: Path, unit_ids: Sequence[str], column: str | None = None) -> pd.Series:
    """One label per unit sentence from one coder's *table* in *folder*.

    A sentence cited by several rows gets their distinct labels joined with ``+`` (sorted), so that
    two coders agree on it only if they give it the same set.  Uncited sentences get ``none``.
    """
    coded = load_coded(table, folder)
    column = column or LABEL_COLUMN[table]
    labels: dict[str, set[str]] = {}
    if table == "carnegie_drivers":
        for row in coded.itertuples():
            labels.setdefault(row.sentence_id, set()).add(row.driver)
    else:
        for index, sentence_id, _, _ in evidence_pairs(table, folder):
            labels.setdefault(sentence_id, set()).add(coded.loc[index, column])
    return pd.Series({u: "+".join(sorted(labels.get(u, {"none"}))) for u in unit_ids}, name=column)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa: (observed − chance agreement) / (1 − chance agreement).

    Chance agreement is the sum over labels of the product of the two coders' label shares.
    Returns ``nan`` when chance agreement is 1 (both coders used one and the same label throughout).
    """
    if len(first) != len(second) or not first:
        raise ValueError("kappa needs two label lists of the same, non-zero length")
    a, b = np.asarray(first), np.asarray(second)
    observed = float(np.mean(a == b))
    labels = np.union1d(a, b)
    chance = float(sum(np.mean(a == x) * np.mean(b == x) for x in labels))
    return float("nan") if chance == 1.0 else (observed - chance) / (1.0 - chance)


def kappa_interval(first: Sequence[str], second: Sequence[str], resamples: int = 2000, seed: int = 0,
                   level: float = 0.95, clusters: Sequence[str] | None = None) -> tuple[float, float]:
    """Percentile-bootstrap interval of Cohen's kappa.

    Without *clusters*, units are resampled with replacement.  With *clusters* (one label per unit,
    such as its paragraph), whole clusters are resampled, so that units coded by one decision stay
    together and the interval is not made too narrow by treating them as independent.  Resamples in
    which kappa is undefined (one label only) are skipped.  The seed is fixed, so the interval is
    reproducible.
    """
    a, b = np.asarray(first), np.asarray(second)
    groups = np.asarray(clusters if clusters is not None else range(len(a)))
    members = [np.flatnonzero(groups == g) for g in dict.fromkeys(groups.tolist())]
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(resamples):
        pick = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        k = cohen_kappa(list(a[pick]), list(b[pick]))
        if not np.isnan(k):
            values.append(k)
    tail = (1.0 - level) / 2.0
    return float(np.quantile(values, tail)), float(np.quantile(values, 1.0 - tail))


def _row(name: str, first: Sequence[str], second: Sequence[str], clusters: Sequence[str]) -> dict[str, object]:
    low, high = kappa_interval(first, second, clusters=clusters)
    return {"table": name, "n_units": len(first),
            "agreement": round(float(np.mean(np.asarray(first) == np.asarray(second))), 3),
            "kappa": round(cohen_kappa(first, second), 3), "kappa_low": round(low, 3), "kappa_high": round(high, 3)}


def paired_labels(sentences: pd.DataFrame, table: str, first: Path = FIRST, second: Path = SECOND,
                  column: str | None = None) -> pd.DataFrame:
    """Both coders' labels per unit sentence, with ``agree`` (the rows an adjudicator reads)."""
    ids = units(sentences, table)
    paragraph = sentences.set_index("sentence_id")["paragraph"]
    out = pd.DataFrame({"sentence_id": ids, "paragraph": [str(paragraph[i]) for i in ids],
                        "first": sentence_labels(table, first, ids, column).to_numpy(),
                        "second": sentence_labels(table, second, ids, column).to_numpy()})
    out["agree"] = out["first"] == out["second"]
    return out


def codebook_examples(path: Path = SECOND / "codebook_as_briefed.md") -> set[str]:
    """Sentence ids the codebook cites, in the version the second coder was briefed with
    (``data/coding/second/codebook_as_briefed.md``): its examples, written by the first coder, decide
    some hard cases for the second coder, so agreement on them is not independent evidence."""
    import re

    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"\b(?:fes2024|carnegie2024)-\d{4}\b", text))


def reliability_table(sentences: pd.DataFrame, first: Path = FIRST, second: Path = SECOND) -> pd.DataFrame:
    """``reliability.csv``: per coded table, units, raw agreement and Cohen's kappa with its 95 % interval
    (paragraphs resampled).

    Proposals get a row for their format too (the first compares themes); drivers get one row for
    the sets of drivers and one row per driver (present or absent), since a sentence may carry two.
    Each table is then repeated without the sentences the codebook cites as examples
    (``… without codebook examples``), the sensitivity of the figure to the coders' shared examples.
    """
    rows, examples = [], codebook_examples()
    for drop in (False, True):
        suffix = " without codebook examples" if drop else ""
        for table in LABEL_COLUMN:
            columns = [(table, None)] + ([(f"{table}:format", "format")] if table == "fes_proposals" else [])
            for name, column in columns:
                pairs = paired_labels(sentences, table, first, second, column)
                if drop:
                    pairs = pairs[~pairs["sentence_id"].isin(examples)]
                rows.append(_row(name + suffix, list(pairs["first"]), list(pairs["second"]), list(pairs["paragraph"])))
                if table == "carnegie_drivers" and not drop:
                    for code in DRIVER_CODES:
                        has = ["yes" if code in label.split("+") else "no" for label in pairs["first"]]
                        has2 = ["yes" if code in label.split("+") else "no" for label in pairs["second"]]
                        rows.append(_row(f"{table}:{code}", has, has2, list(pairs["paragraph"])))
    return pd.DataFrame(rows)


def driver_positives(sentences: pd.DataFrame, first: Path = FIRST, second: Path = SECOND) -> pd.DataFrame:
    """Sentences each coder gave each driver: a kappa of 1.0 on three positives says little."""
    pairs = paired_labels(sentences, "carnegie_drivers", first, second)
    return pd.DataFrame([{"driver": code,
                          "first": sum(code in label.split("+") for label in pairs["first"]),
                          "second": sum(code in label.split("+") for label in pairs["second"])}
                         for code in DRIVER_CODES])


def unit_agreement(first: Path = FIRST, second: Path = SECOND) -> pd.DataFrame:
    """Whether the two coders cut the text into the same rows: per table, each coder's number of rows
    and how many of one coder's rows the other matches (a row of the other coder that cites at least
    one of the same sentences with the same label).  Sentence labels cannot show this: two rows with
    the same relation look like one."""
    out = []
    for table in ("fes_positions", "fes_proposals", "fes_obstacles"):
        column = LABEL_COLUMN[table]
        a, b = load_coded(table, first), load_coded(table, second)

        def matched(x: pd.DataFrame, y: pd.DataFrame) -> int:
            other = [(set(r.evidence.split(";")), getattr(r, column)) for r in y.itertuples()]
            return sum(any(set(r.evidence.split(";")) & ids and getattr(r, column) == label for ids, label in other)
                       for r in x.itertuples())

        out.append({"table": table, "rows_first": len(a), "rows_second": len(b),
                    "first_matched": matched(a, b), "second_matched": matched(b, a)})
    return pd.DataFrame(out)


def category_counts(table: str, first: Path = FIRST, second: Path = SECOND) -> pd.DataFrame:
    """Rows per category in each coding: how far a count in the notebooks depends on the coder."""
    column = LABEL_COLUMN[table]
    counts = pd.DataFrame({"first": load_coded(table, first)[column].value_counts(),
                           "second": load_coded(table, second)[column].value_counts()})
    return counts.fillna(0).astype(int).rename_axis(column).reset_index()


def proposal_units(first: Path = FIRST, second: Path = SECOND) -> pd.DataFrame:
    """Unit-level agreement on proposals: each first-coder proposal, the second coder's proposals that
    share a cited sentence with it, and whether the theme matches.  Shows whether the two coders cut
    the paper into the same proposals, which sentence labels alone do not."""
    a, b = load_coded("fes_proposals", first), load_coded("fes_proposals", second)
    b_ids = {row.proposal_id: set(row.evidence.split(";")) for row in b.itertuples()}
    b_theme = dict(zip(b["proposal_id"], b["theme"]))
    rows = []
    for row in a.itertuples():
        cited = set(row.evidence.split(";"))
        matches = [pid for pid, ids in b_ids.items() if ids & cited]
        rows.append({"proposal_id": row.proposal_id, "proposal": row.proposal, "theme": row.theme,
                     "second_coder": "; ".join(matches),
                     "theme_matches": any(b_theme[m] == row.theme for m in matches)})
    return pd.DataFrame(rows)


def adjudication() -> pd.DataFrame:
    """The adjudication log: every sentence on which the coders disagree, the decision and why."""
    return load_coded("adjudication")


def unadjudicated(sentences: pd.DataFrame) -> list[tuple[str, str]]:
    """(table, sentence id) of every disagreement that the adjudication log does not record."""
    logged = set(zip(adjudication()["table"], adjudication()["sentence_id"]))
    missing = []
    for table in LABEL_COLUMN:
        for column in ((None, "format") if table == "fes_proposals" else (None,)):
            pairs = paired_labels(sentences, table, column=column)
            missing += [(table, s) for s in pairs.loc[~pairs["agree"], "sentence_id"] if (table, s) not in logged]
    return sorted(set(missing))
