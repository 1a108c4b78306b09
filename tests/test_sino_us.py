"""Notebook 02's coded tables and computations, asserted on the Carnegie excerpt."""

from __future__ import annotations

import pytest

from helpers.study import sino_us as su
from helpers.study.coding import load_coded


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
    drivers = load_coded("carnegie_drivers")
    assert set(drivers["sentence_id"]) == set(body["sentence_id"])
    assert not drivers.duplicated(["sentence_id", "driver"]).any()
    # 'other' means no driver: it never stands beside one
    per_sentence = drivers.groupby("sentence_id")["driver"].apply(set)
    assert all(s == {"other"} or "other" not in s for s in per_sentence)
    view = su.drivers_view(study)
    assert not set(view["sentence_id"]) & set(su.excluded_passages(study)["sentence_id"])


def test_the_drivers_follow_the_reports_argument(study):
    """The two explanations of carnegie2024-0050 are reported views; the report's own answer is
    domestic politics; insecurity and ambition stand together in carnegie2024-0068; chapter 1 opens
    with the conventional (threat-response) view; the recommendations name no driver."""
    drivers = load_coded("carnegie_drivers")
    codes = drivers.groupby("sentence_id")["driver"].apply(set)
    stance = drivers.set_index(["sentence_id", "driver"])["stance"]
    assert codes["carnegie2024-0050"] == {"threat_response", "ambition"}
    assert stance[("carnegie2024-0050", "ambition")] == stance[("carnegie2024-0107", "threat_response")] == "reported view"
    assert codes["carnegie2024-0054"] == {"domestic_politics"}
    assert codes["carnegie2024-0068"] == {"threat_response", "ambition"}
    counts = su.drivers_by_segment(study, stance="report")
    summaries = counts.loc["introduction: chapter summaries"]
    assert summaries["domestic_politics"] > summaries["threat_response"] > 0 and summaries["ambition"] > 0
    opening = counts.loc["chapter 1 (opening only)"]
    assert opening["threat_response"] > opening["domestic_politics"]
    recommendations = su.drivers_by_segment(study).loc["introduction: recommendations"]
    assert recommendations["other"] == recommendations.sum()


def test_the_codebook_cites_sagan_and_states_the_criterion():
    from helpers.paths import ROOT

    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert "Sagan" in codebook and "*International Security* 21(3)" in codebook
    assert "**Criterion.**" in codebook and "**What does not count**" in codebook


def test_the_cue_list_is_a_baseline_measured_per_driver(study):
    result = su.driver_agreement(study).set_index("driver")
    assert list(result.index) == ["threat_response", "domestic_politics"]
    assert (result["sentences"] == 79).all()
    assert (result["kappa"] < 0.9).all() and (result["kappa"] > 0.1).all()


def test_bounds_are_never_subtracted_and_the_projection_plateau_is_shown():
    estimates = su.warheads()
    changes = su.changes(estimates)
    assert not ((changes["publisher"] == "US DoD") & (changes["measure"] == "operational")).any()
    bounds = su.bounds(estimates)
    plateau = bounds[(bounds["year"] == 2030) & (bounds["report"].isin(["CMPR 2023", "CMPR 2024"]))]
    assert list(plateau["vs previous report"]) == ["same bound", "same bound"]
    after = estimates[estimates["after_report"]]
    assert {"SIPRI Yearbook 2025"} <= set(after["publisher"]) and "CMPR 2024" in set(after["report"])
    assert not estimates.loc[estimates["report"] == "CMPR 2023", "after_report"].any()


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
