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
    view = su.drivers_view(study)
    assert not set(view["sentence_id"]) & set(su.excluded_passages(study)["sentence_id"])
    counts = su.drivers_by_segment(study)
    summaries = counts.loc["introduction: chapter summaries"]
    assert summaries["political"] > summaries["technical"]
    opening = counts.loc["chapter 1 (opening only)"]
    assert opening["technical"] > opening["political"]  # chapter 1 opens with the technical view
    assert counts.loc["introduction: recommendations", "other"] == counts.loc["introduction: recommendations"].sum()


def test_agreement_and_kappa_by_hand():
    # 4 items, 3 alike: p_o = .75; shares a: x .5 y .5, b: x .75 y .25 -> p_e = .375 + .125 = .5; kappa = .5
    assert su.agreement(["x", "x", "y", "y"], ["x", "x", "y", "x"]) == {"items": 4, "agreement": 0.75, "kappa": 0.5}
    assert su.agreement(["x", "y"], ["x", "y"])["kappa"] == 1.0


def test_rule_based_driver_coding_is_measured_on_the_report_sentences_only(study):
    sentences = study.tables["sentences"]
    report = sentences[(sentences["doc_id"] == "carnegie2024") & (sentences["part"] == "body") &
                       (sentences["kind"] == "sentence") &
                       ~sentences["sentence_id"].isin(set(su.excluded_passages(study)["sentence_id"]))]
    result = su.driver_agreement(study)
    assert result["items"] == len(report)
    assert 0.2 < result["kappa"] < 1.0 and result["agreement"] < 1.0


@pytest.mark.parametrize("measure, kind", [
    ("total inventory (Jan 2018)", "total inventory"), ("military stockpile (Jan 2018)", "stockpile"),
    ("deployed (Jan 2019)", "deployed"), ("operational stockpile estimate (DoD CMPR 2022, released 29 Nov 2022)",
                                          "operational"),
    ("projection over next decade (DoD CMPR 2020)", "projection"),
    ("deliverable warheads, projection (DoD CMPR 2021, released 3 Nov 2021)", "projection"),
    ("total warheads (~24 deployed; Nuclear Notebook: China 2025, 12 Mar 2025)", "total inventory"),
    ("stockpile ('roughly 500'; Nuclear Notebook: Chinese nuclear weapons, 2024)", "stockpile"),
])
def test_measures_are_kept_apart(measure, kind):
    assert su.measure_kind(measure) == kind


def test_warhead_table_marks_bounds_reports_and_sources():
    table = su.warheads()
    dod = table[table["publisher_family"] == "US DoD"]
    assert (dod.loc[dod["estimate"].str.startswith("more than"), "bound"] == "lower bound").all()
    assert (dod["report"].str.match(r"CMPR \d{4}")).all()  # every DoD figure names its annual report
    fas = table[(table["publisher_family"] == "FAS") & (table["country"] == "China")].set_index("year")
    assert fas.loc[2024, "bound"] == "approximate" and fas.loc[2025, "bound"] == ""  # 'roughly 500' vs 600
    assert fas.loc[2024, "measure_kind"] != fas.loc[2025, "measure_kind"]
    assert "unclassified" not in set(table["source_kind"])


def test_year_on_year_changes_stay_within_a_series():
    changes = su.changes(su.warheads())
    sipri = changes[(changes["country"] == "China") & (changes["publisher"] == "SIPRI") &
                    (changes["measure"] == "total inventory")].set_index("to")
    assert sipri.loc[2025, "change"] == 100 and sipri.loc[2022, "change"] == 0
    assert set(changes["measure"]) <= {"total inventory", "stockpile", "deployed", "operational"}


def test_publication_date_and_statements_come_from_data(sentences):
    date, year, source = su.publication()
    assert date == "2024-07-17" and 2024.5 < year < 2024.6 and "carnegieendowment.org" in source
    text = sentences.set_index("sentence_id")["text"]
    for row in su.buildup_statements().itertuples():
        assert row.quote in text[row.sentence_id]


def test_concepts_distinguish_the_two_senses_of_strategic_stability():
    concepts = load_coded("carnegie_concepts")
    senses = concepts[concepts["term"] == "战略稳定"]
    assert len(senses) == 2 and senses["sentence_id"].nunique() == 2
    assert {"political_stability", "nuclear_stability"} <= set(concepts["entity"])
