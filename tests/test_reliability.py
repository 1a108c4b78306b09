"""Inter-coder reliability: kappa by hand, the second coding's evidence, the published table and the log."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.study import reliability as rel
from helpers.study.coding import CODING, check_evidence


def test_kappa_by_hand():
    # 4 items, 3 alike: p_o = .75; shares a: x .5 y .5, b: x .75 y .25 -> p_e = .375 + .125 = .5; kappa = .5
    assert rel.cohen_kappa(["x", "x", "y", "y"], ["x", "x", "y", "x"]) == pytest.approx(0.5)
    assert rel.cohen_kappa(["x", "y"], ["x", "y"]) == 1.0
    assert math.isnan(rel.cohen_kappa(["x", "x"], ["x", "x"]))  # chance agreement 1: undefined
    assert rel.cohen_kappa(["x", "y", "x", "y"], ["y", "x", "y", "x"]) == pytest.approx(-1.0)  # worse than chance


def test_the_bootstrap_interval_is_reproducible_and_contains_kappa():
    a = ["x"] * 20 + ["y"] * 20
    b = ["x"] * 17 + ["y"] * 3 + ["y"] * 16 + ["x"] * 4
    low, high = rel.kappa_interval(a, b)
    assert low < rel.cohen_kappa(a, b) < high and (low, high) == rel.kappa_interval(a, b)
    assert rel.kappa_interval(a, b, seed=1) != (low, high)


def test_sentence_labels_join_the_labels_of_every_citing_row(tmp_path):
    (tmp_path / "fes_obstacles.csv").write_text(
        "obstacle,kind,where,evidence,quotes,note\n"
        "a,economic,obstacles section,fes2024-0077;fes2024-0078,经济竞争;贸易限制,\n"
        "b,political,elsewhere,fes2024-0078,贸易限制,\n", encoding="utf-8")
    labels = rel.sentence_labels("fes_obstacles", tmp_path, ["fes2024-0077", "fes2024-0078", "fes2024-0079"])
    assert list(labels) == ["economic", "economic+political", "none"]


@pytest.mark.parametrize("table", sorted(rel.LABEL_COLUMN))
def test_both_codings_are_complete_and_their_evidence_holds(table, sentences):
    assert check_evidence(table, sentences, rel.SECOND) == []
    assert check_evidence(table, sentences, rel.FIRST) == []


def test_the_published_reliability_table_is_the_computed_one(sentences):
    committed = pd.read_csv(CODING / "reliability.csv", keep_default_na=False)
    computed = rel.reliability_table(sentences)
    assert list(committed.columns) == ["table", "n_units", "agreement", "kappa", "kappa_low", "kappa_high"]
    pd.testing.assert_frame_equal(committed, computed, check_dtype=False)
    assert (computed["kappa_low"] <= computed["kappa"]).all() and (computed["kappa"] <= computed["kappa_high"]).all()
    assert set(computed["table"]) >= {"fes_positions", "fes_proposals", "fes_obstacles", "carnegie_drivers"}


def test_every_disagreement_is_adjudicated(sentences):
    assert rel.unadjudicated(sentences) == []
    log = rel.adjudication()
    assert (log["reason"].str.len() > 10).all()  # a reason, or "As <the sentence with the reason>."
    for row in log[log["table"] != "fes_proposals"].itertuples():  # the log records the labels the coders gave
        pairs = rel.paired_labels(sentences, row.table).set_index("sentence_id")
        assert (pairs.loc[row.sentence_id, "first"], pairs.loc[row.sentence_id, "second"]) == (row.first, row.second)


def test_the_adjudicated_coding_follows_each_decision():
    """Where the log sides with the second coder, the adjudicated table (data/coding/) gives the second
    coder's label; where it keeps the first, the first coder's."""
    log = rel.adjudication()
    for row in log[log["table"] != "fes_proposals"].itertuples():
        final = rel.sentence_labels(row.table, CODING, [row.sentence_id]).iloc[0]
        if row.decision == "revised":  # a later review changed a coding both coders shared
            assert row.first == row.second != final, row
        else:
            assert final == (row.second if row.decision == "second" else row.first), row
    assert set(log["adjudicator"]) <= {"first coder", "first coder, after a second reader's review"}


def test_the_sensitivity_rows_leave_out_the_briefed_examples(sentences):
    table = rel.reliability_table(sentences).set_index("table")
    examples = rel.codebook_examples()
    assert "fes2024-0033" in examples and "carnegie2024-0050" in examples
    for name in ("fes_positions", "fes_obstacles", "carnegie_drivers"):
        full, without = table.loc[name], table.loc[f"{name} without codebook examples"]
        assert without["n_units"] < full["n_units"]
        assert abs(without["kappa"] - full["kappa"]) < 0.1  # the examples do not carry the agreement


def test_unit_agreement_counts_rows_and_matches():
    units = rel.unit_agreement().set_index("table")
    assert (units["first_matched"] <= units["rows_first"]).all() and (units["second_matched"] <= units["rows_second"]).all()
    assert units.loc["fes_proposals", "rows_first"] == 14 and units.loc["fes_proposals", "rows_second"] == 15



def test_driver_positives_are_reported(sentences):
    positives = rel.driver_positives(sentences).set_index("driver")
    assert positives.loc["ambition", "first"] == positives.loc["ambition", "second"] == 4
