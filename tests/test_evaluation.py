"""Evaluation figures with their intervals: Wilson by hand, the paired bootstrap, linking on both texts."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest

from helpers.methods import evaluation
from helpers.methods.evaluation import (
    boundary_bootstrap,
    boundary_evaluation,
    date_scores,
    describe,
    draw_linking_sample,
    entity_linking_evaluation,
    proportion,
    term_integrity,
    term_integrity_summary,
    wilson_interval,
)
from helpers.paths import ANNOTATIONS


def test_wilson_interval_by_hand():
    # n/n: low = 1 / (1 + z²/n); 40/40 gives 1 / (1 + 3.8415/40) = 0.9124
    low, high = wilson_interval(40, 40)
    assert low == pytest.approx(1 / (1 + evaluation.Z95**2 / 40)) and round(low, 3) == 0.912 and high == 1.0
    # 0/n: high = (z²/n) / (1 + z²/n); 0/10 gives 0.38415 / 1.38415 = 0.2775
    low, high = wilson_interval(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)
    # 7/10: centre (0.7 + 0.19207) / 1.38415 = 0.6445, half 1.95996/1.38415·√(0.021 + 0.0096) = 0.2477
    low, high = wilson_interval(7, 10)
    assert (round(low, 3), round(high, 3)) == (0.397, 0.892)
    # symmetric: k/n and (n−k)/n mirror each other
    assert wilson_interval(3, 17) == pytest.approx(tuple(1 - x for x in reversed(wilson_interval(14, 17))))


@pytest.mark.parametrize("successes, trials", [(0, 0), (-1, 5), (6, 5)])
def test_wilson_interval_refuses_impossible_counts(successes, trials):
    with pytest.raises(ValueError):
        wilson_interval(successes, trials)


def test_a_perfect_score_is_reported_with_its_lower_bound():
    assert describe(40, 40) == "40/40 = 1.00 (95 % interval 0.91–1.00: at least about 0.91)"
    assert proportion(40, 40) == {"successes": 40, "trials": 40, "value": 1.0, "low": 0.912, "high": 1.0}
    assert proportion(0, 0)["value"] is None


def test_the_bootstrap_is_reproducible_and_contains_the_point_estimate(study):
    first = boundary_bootstrap(study.sentences)
    pd.testing.assert_frame_equal(first, boundary_bootstrap(study.sentences))
    assert not first.equals(boundary_bootstrap(study.sentences, seed=evaluation.BOOTSTRAP_SEED + 1))
    assert ((first["low"] <= first["f1"]) & (first["f1"] <= first["high"])).all()
    assert set(first["measure"]) == {"jieba default dictionary", "jieba + domain dictionary", "domain − default"}
    # the point estimates are boundary_evaluation's
    plain = boundary_evaluation(study.sentences).set_index(["sample", "tokenizer"])["f1"]
    for row in first[first["measure"] != "domain − default"].itertuples():
        assert row.f1 == plain[(row.sample, row.measure)]
    random = first[first["sample"] == "random"].set_index("measure")
    assert random.loc["domain − default", "f1"] == pytest.approx(
        random.loc["jieba + domain dictionary", "f1"] - random.loc["jieba default dictionary", "f1"], abs=0.002)
    assert random.loc["domain − default", "sentences"] == 14


def test_term_integrity_has_an_interval_per_document_and_tokenizer(study):
    summary = term_integrity_summary(term_integrity(study.sentences))
    assert set(summary["doc_id"]) == {"fes2024", "carnegie2024"} and len(summary) == 4
    assert ((summary["low"] <= summary["share"]) & (summary["share"] <= summary["high"])).all()
    for row in summary.itertuples():
        low, high = wilson_interval(row.whole, row.occurrences)
        assert (row.low, row.high) == (round(low, 3), round(high, 3))


def test_precision_and_recall_are_reported_for_both_documents(study):
    table = entity_linking_evaluation(study).set_index(["measure", "doc_id"])
    for measure in ("precision", "recall"):
        for doc_id in ("fes2024", "carnegie2024"):
            row = table.loc[(measure, doc_id)]
            assert row["of"] > 0 and row["value"] == round(row["found"] / row["of"], 3)
            assert row["low"] <= row["value"] <= row["high"]
    assert table.loc[("precision", "carnegie2024"), "still_linked"] >= 25
    assert table.loc[("recall", "carnegie2024"), "sample"] == "8 sentences"


def _rows(name: str) -> list[dict[str, str]]:
    with (ANNOTATIONS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_carnegie_sample_cites_carnegie_body_sentences(sentences):
    body = set(evaluation.body_sentences(sentences, "carnegie2024")["sentence_id"])
    text = sentences.set_index("sentence_id")["text"]
    precision = [r for r in _rows("entity_precision.csv") if r["sentence_id"].startswith("carnegie2024-")]
    recall = [r for r in _rows("entity_recall.csv") if r["sentence_id"].startswith("carnegie2024-")]
    assert len(precision) >= 25 and len(recall) >= 8
    for row in precision:
        assert row["sentence_id"] in body and row["surface"] in text[row["sentence_id"]], row
        assert row["correct"] in ("yes", "no")
    assert {r["sentence_id"] for r in recall} <= body


def test_the_linking_draw_is_reproducible_and_from_the_body(study):
    mentions, sentences = study.tables["mentions"], study.tables["sentences"]
    links, ids = draw_linking_sample(mentions, sentences, "carnegie2024")
    again, ids_again = draw_linking_sample(mentions, sentences, "carnegie2024")
    pd.testing.assert_frame_equal(links, again)
    assert ids == ids_again and len(ids) == 8 and len(links) == 30
    body = set(evaluation.body_sentences(sentences, "carnegie2024")["sentence_id"])
    assert set(links["sentence_id"]) <= body and set(ids) <= body
    assert not links.duplicated().any()
    # the recorded Carnegie sample is this draw (as long as the lexicon has not changed the mentions)
    from helpers.paths import ANNOTATIONS

    recorded = pd.read_csv(ANNOTATIONS / "entity_precision.csv", dtype=str, keep_default_na=False)
    recorded = recorded[recorded["sentence_id"].str.startswith("carnegie2024")]
    assert sorted(recorded["sentence_id"]) == sorted(links["sentence_id"])
    recall = pd.read_csv(ANNOTATIONS / "entity_recall.csv", dtype=str, keep_default_na=False)
    assert sorted(recall.loc[recall["sentence_id"].str.startswith("carnegie2024"), "sentence_id"]) == sorted(ids)


def test_date_scores_carry_their_interval():
    heldout = pd.DataFrame({"matched": [2, 1], "hand": [2, 2], "found": [2, 1]})
    table = date_scores(heldout).set_index("measure")
    assert (table.loc["recall", "found"], table.loc["recall", "of"]) == (3, 4)
    assert table.loc["precision", "value"] == 1.0 and table.loc["precision", "low"] == round(wilson_interval(3, 3)[0], 3)
    agreement = date_scores(pd.DataFrame({"agrees": [True] * 13})).set_index("measure")
    assert agreement.loc["agreement", "low"] == pytest.approx(0.772, abs=1e-3)
    assert math.isclose(agreement.loc["agreement", "value"], 1.0)
