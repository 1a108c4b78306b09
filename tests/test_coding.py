"""Hand-coded analysis: every cited sentence exists and holds its quote; the codes are sound."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import sino_german as sg
from helpers.coding import SCHEMAS, check_evidence, load_coded
from helpers.dates import extract_dates, to_year
from helpers.errors import HelpersError
from helpers.reference import lookup


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_cited_sentence_exists_and_holds_its_quote(name, sentences):
    assert check_evidence(name, sentences) == []
    assert len(load_coded(name)) > 0


def test_evidence_check_catches_a_wrong_quote_a_missing_sentence_and_the_wrong_document(sentences, monkeypatch):
    bad = pd.DataFrame([{"sentence_id": "fes2024-0009", "quote": "不在这句话里", "date": "2024", "event": "x"},
                        {"sentence_id": "fes2024-9999", "quote": "军控", "date": "2024", "event": "y"},
                        {"sentence_id": "carnegie2024-0026", "quote": "2021年11月", "date": "2021-11", "event": "z"}])
    monkeypatch.setattr("helpers.coding.load_coded", lambda name: bad)
    problems = check_evidence("fes_events", sentences)
    assert len(problems) == 3
    assert "does not contain" in problems[0] and "does not exist" in problems[1] and "not a sentence of" in problems[2]


def test_positions_cover_the_issues_the_paper_raises():
    positions = load_coded("fes_positions")
    issues = " ".join(positions["issue"])
    for topic in ("NPT", "JCPOA", "build-up", "Humanitarian", "cyberspace", "OPCW", "Biological", "Technology"):
        assert topic in issues, topic
    assert set(positions["relation"]) == {"converge", "diverge", "unclear"}


def test_every_claim_reference_names_exactly_one_row():
    for keys in load_coded("fes_claims")["reference"]:
        for key in keys.split(";"):
            assert lookup(key)["source_url"].startswith("http"), key


def test_every_conflict_is_explained_in_the_notebook_prose():
    import json

    from helpers.paths import NOTEBOOKS

    cells = json.loads((NOTEBOOKS / "01_sino_german.ipynb").read_text(encoding="utf-8"))["cells"]
    prose = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    claims = load_coded("fes_claims")
    conflicts = claims[claims["verdict"] == "conflict"]
    assert len(conflicts) >= 1
    for row in conflicts.itertuples():
        assert row.sentence_id in prose and row.quote in prose, row.sentence_id


def test_opinions_and_forecasts_are_not_claims():
    assert not {"fes2024-0011", "fes2024-0081"} & set(load_coded("fes_claims")["sentence_id"])


def test_a_bad_reference_key_is_refused():
    with pytest.raises(HelpersError, match="matches 0 rows"):
        lookup("events:1900-01-01")
    with pytest.raises(HelpersError):
        lookup("wiki:anything")


def test_a_code_outside_the_codebook_is_refused(tmp_path):
    (tmp_path / "fes_positions.csv").write_text(
        "issue,issue_zh,relation,germany,china,evidence,quotes,note\nx,x,agree,a,b,fes2024-0009,是,\n", encoding="utf-8")
    with pytest.raises(HelpersError, match="not in the codebook"):
        load_coded("fes_positions", tmp_path)


@pytest.mark.parametrize("text, date", [
    ("2022年2月24日俄罗斯入侵乌克兰", "2022-02-24"), ("2023年11月中旬", "2023-11"), ("2022年秋", "2022-23"),
    ("最迟自2022年底以来", "2022-12~"), ("自二十世纪八十年代中期以来", "1985~"), ("（中国在2017年退出）", "2017"),
    ("二十世纪八十年代", "198X"), ("2022 年 12 月", "2022-12"),
])
def test_chinese_dates_normalise(text, date):
    assert [d.date for d in extract_dates(text)] == [date]


def test_no_dates_in_text_without_them():
    assert extract_dates("第十次审议大会上的发言，50%的风险") == []
    assert to_year("2022-23") > to_year("2022-08") > to_year("2022")  and to_year("198X") == 1985.0


def test_rule_based_dates_agree_with_the_hand_coding(study):
    agreement = sg.date_agreement(study)
    assert agreement["agrees"].all() and len(agreement) >= 10


def test_treaty_statements_match_the_record(study):
    status = sg.treaty_status(study)
    stated = status[status["paper_says"] != ""]
    assert len(stated) >= 12 and set(stated["match"]) == {"matches", "no record"}
    assert stated.loc[stated["match"] == "no record", "entity"].tolist() == ["ipndv"]
    ctbt = status[(status["entity"] == "ctbt") & (status["country"] == "China")].iloc[0]
    assert ctbt["status"] == "signatory only"


def test_export_writes_the_coded_tables(study):
    tables = study.tables
    assert list(tables["positions"].columns[:6]) == ["doc_id", "issue", "relation", "germany", "china", "evidence"]
    assert {"doc_id", "proposal", "topic", "format", "forum", "actors", "evidence"} <= set(tables["proposals"].columns)
    assert list(tables["claims_check"].columns[:6]) == ["doc_id", "sentence_id", "claim", "verdict", "reference", "note"]
    assert list(tables["events"].columns[:4]) == ["doc_id", "sentence_id", "date", "event"]
    events = tables["events"]
    assert len(events) == len(load_coded("fes_events")) + len(load_coded("carnegie_events"))
    assert set(events["doc_id"]) == {"fes2024", "carnegie2024"}
    for name in ("recommendations", "concepts", "drivers"):
        assert set(tables[name]["doc_id"]) == {"carnegie2024"}, name


def test_sources_join_the_parsed_notes(study):
    sources = sg.sources_view(study).set_index(["number", "item"])
    assert sorted({n for n, _ in sources.index}) == list(range(1, 14))
    assert sources["year"].notna().all() and (sources["year"] != "").all()
    assert sources.loc[(1, "a"), "year"] == "2022" and sources.loc[(4, "b"), "year"] == "2023"
    assert sources.loc[(13, "a"), "url"] == "https://t.co/C01UNfRnn"


def test_rule_based_dates_on_held_out_material(study):
    heldout = sg.heldout_date_agreement(study)
    assert heldout["hand"].sum() >= 20
    assert heldout["matched"].sum() == heldout["hand"].sum() == heldout["found"].sum()


def test_entity_linking_measured_on_hand_checked_samples(study):
    from helpers.evaluation import entity_linking_evaluation

    table = entity_linking_evaluation(study).set_index("measure")
    assert table.loc["precision", "still_linked"] >= 40 and table.loc["precision", "value"] >= 0.95
    assert table.loc["recall", "value"] >= 0.95
