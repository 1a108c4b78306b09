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
3. :func:`kappa_interval` gives a 95 % percentile-bootstrap interval (sentences resampled with a
   fixed seed, so the interval is the same on every run);
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
                   level: float = 0.95) -> tuple[float, float]:
    """Percentile-bootstrap interval of Cohen's kappa, resampling units with replacement.

    Resamples in which kappa is undefined (one label only) are skipped.  The seed is fixed, so the
    interval is reproducible.
    """
    a, b = np.asarray(first), np.asarray(second)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(resamples):
        pick = rng.integers(0, len(a), len(a))
        k = cohen_kappa(list(a[pick]), list(b[pick]))
        if not np.isnan(k):
            values.append(k)
    tail = (1.0 - level) / 2.0
    return float(np.quantile(values, tail)), float(np.quantile(values, 1.0 - tail))


def _row(name: str, first: Sequence[str], second: Sequence[str]) -> dict[str, object]:
    low, high = kappa_interval(first, second)
    return {"table": name, "n_units": len(first),
            "agreement": round(float(np.mean(np.asarray(first) == np.asarray(second))), 3),
            "kappa": round(cohen_kappa(first, second), 3), "kappa_low": round(low, 3), "kappa_high": round(high, 3)}


def paired_labels(sentences: pd.DataFrame, table: str, first: Path = FIRST, second: Path = SECOND,
                  column: str | None = None) -> pd.DataFrame:
    """Both coders' labels per unit sentence, with ``agree`` (the rows an adjudicator reads)."""
    ids = units(sentences, table)
    out = pd.DataFrame({"sentence_id": ids,
                        "first": sentence_labels(table, first, ids, column).to_numpy(),
                        "second": sentence_labels(table, second, ids, column).to_numpy()})
    out["agree"] = out["first"] == out["second"]
    return out


def reliability_table(sentences: pd.DataFrame, first: Path = FIRST, second: Path = SECOND) -> pd.DataFrame:
    """``reliability.csv``: per coded table, units, raw agreement and Cohen's kappa with its 95 % interval.

    Proposals get a second row for their format (the first compares themes); drivers get one row for
    the sets of drivers and one row per driver (present or absent), since a sentence may carry two.
    """
    rows = []
    for table in LABEL_COLUMN:
        pairs = paired_labels(sentences, table, first, second)
        rows.append(_row(table, list(pairs["first"]), list(pairs["second"])))
        if table == "fes_proposals":
            formats = paired_labels(sentences, table, first, second, "format")
            rows.append(_row(f"{table}:format", list(formats["first"]), list(formats["second"])))
        if table == "carnegie_drivers":
            for code in DRIVER_CODES:
                has = lambda labels: ["yes" if code in label.split("+") else "no" for label in labels]  # noqa: E731
                rows.append(_row(f"{table}:{code}", has(pairs["first"]), has(pairs["second"])))
    return pd.DataFrame(rows)


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
        for column in (None, "format") if table == "fes_proposals" else (None,):
            pairs = paired_labels(sentences, table, column=column)
            missing += [(table, s) for s in pairs.loc[~pairs["agree"], "sentence_id"] if (table, s) not in logged]
    return sorted(set(missing))
