"""Notebook 02's coded tables and computations, asserted on the Carnegie excerpt."""

from __future__ import annotations

import pytest

from helpers import sino_us as su
from helpers.coding import load_coded


def test_the_reconstructed_contents_cover_every_printed_entry(study):
    toc = load_coded("carnegie_toc")
    assert list(toc["entry"]) == su.toc_entries(study)
    assert set(toc.loc[toc["covered"] != "none", "title_en"].str.slice(0, 9)) == {"About the", "Acknowled", "Introduct",
                                                                                     "Chapter 1"}
    assert (toc.loc[toc["certainty"] != "certain", "note"] != "").all()


def test_recommendations_form_a_hierarchy_without_the_inserted_list(study):
    recs = load_coded("carnegie_recommendations").set_index("rec_id")
    top = recs[recs["parent_id"] == ""]
    assert len(top) == 7 and set(top["addressee"]) == {"both", "Washington", "Beijing"}
    for rec_id, row in recs[recs["parent_id"] != ""].iterrows():
        assert row["parent_id"] in top.index and row["addressee"] == recs.loc[row["parent_id"], "addressee"], rec_id
    excluded = set(su.excluded_passages(study)["sentence_id"])
    assert len(excluded) == 8 and not excluded & set(recs["sentence_id"])
    # every top-level bullet of the summary is coded: the bullets with a colon-headed title
    sentences = study.tables["sentences"]
    bullets = sentences[(sentences["doc_id"] == "carnegie2024") & sentences["text"].str.match(r"^•[^：]+：")]
    assert set(bullets["sentence_id"]) == set(top["sentence_id"])


def test_every_body_sentence_of_the_excerpt_has_a_driver_code(study):
    sentences = study.tables["sentences"]
    body = sentences[(sentences["doc_id"] == "carnegie2024") & (sentences["part"] == "body") &
                     (sentences["kind"] == "sentence")]
    assert set(load_coded("carnegie_drivers")["sentence_id"]) == set(body["sentence_id"])
    counts = su.drivers_by_section(study)
    assert counts.loc["INTRODUCTION", "political"] > 3 * counts.loc["INTRODUCTION", "technical"]
    assert counts.iloc[1]["technical"] > counts.iloc[1]["political"]  # chapter 1 opens with the technical view


def test_agreement_and_kappa_by_hand():
    # 4 items, 3 alike: p_o = .75; shares a: x .5 y .5, b: x .75 y .25 -> p_e = .375 + .125 = .5; kappa = .5
    assert su.agreement(["x", "x", "y", "y"], ["x", "x", "y", "x"]) == {"items": 4, "agreement": 0.75, "kappa": 0.5}
    assert su.agreement(["x", "y"], ["x", "y"])["kappa"] == 1.0


def test_rule_based_driver_coding_is_reported_not_assumed(study):
    result = su.driver_agreement(study)
    assert result["items"] == len(load_coded("carnegie_drivers"))
    assert 0.4 < result["kappa"] < 1.0


@pytest.mark.parametrize("measure, kind", [
    ("total inventory (Jan 2018)", "total inventory"), ("military stockpile (Jan 2018)", "stockpile"),
    ("deployed (Jan 2019)", "deployed"), ("operational stockpile estimate (DoD CMPR 2022, released 29 Nov 2022)",
                                          "operational"),
    ("projection over next decade (DoD CMPR 2020)", "projection"),
    ("deliverable warheads, projection (DoD CMPR 2021, released 3 Nov 2021)", "projection"),
    ("total warheads (~24 deployed; Nuclear Notebook: China 2025, 12 Mar 2025)", "total inventory"),
])
def test_measures_are_kept_apart(measure, kind):
    assert su.measure_kind(measure) == kind


def test_warhead_table_marks_bounds_and_never_mixes_countries():
    table = su.warheads()
    assert set(table["country"]) == {"China", "United States"}
    dod = table[table["publisher_family"] == "US DoD"]
    assert (dod.loc[dod["estimate"].str.startswith("more than"), "bound"] == "lower bound").all()
    china = su.series_change(table, "China").set_index(["publisher", "measure"])
    assert china.loc[("SIPRI", "total inventory"), "last_estimate"] == "600"


def test_concepts_distinguish_the_two_senses_of_strategic_stability():
    concepts = load_coded("carnegie_concepts")
    senses = concepts[concepts["term"] == "战略稳定"]
    assert len(senses) == 2 and senses["sentence_id"].nunique() == 2
    assert {"political_stability", "nuclear_stability"} <= set(concepts["entity"])
