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


def test_evidence_check_catches_a_wrong_quote_and_a_missing_sentence(sentences, monkeypatch):
    bad = pd.DataFrame([{"sentence_id": "fes2024-0009", "quote": "不在这句话里", "date": "2024", "event": "x"},
                        {"sentence_id": "fes2024-9999", "quote": "军控", "date": "2024", "event": "y"}])
    monkeypatch.setattr("helpers.coding.load_coded", lambda name: bad)
    problems = check_evidence("fes_events", sentences)
    assert len(problems) == 2 and "does not contain" in problems[0] and "does not exist" in problems[1]


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


def test_the_two_conflicts_are_the_known_ones():
    claims = load_coded("fes_claims")
    assert sorted(claims.loc[claims["verdict"] == "conflict", "sentence_id"]) == ["fes2024-0059", "fes2024-0113"]


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
    assert len(stated) >= 12 and set(stated["match"]) == {"matches"}
    ctbt = status[(status["entity"] == "ctbt") & (status["country"] == "China")].iloc[0]
    assert ctbt["status"] == "signatory only"


def test_export_writes_the_coded_tables(study):
    tables = study.tables
    assert list(tables["positions"].columns[:6]) == ["doc_id", "issue", "relation", "germany", "china", "evidence"]
    assert list(tables["proposals"].columns[:7]) == ["doc_id", "proposal", "topic", "format", "forum", "actors",
                                                     "evidence"]
    assert list(tables["claims_check"].columns[:6]) == ["doc_id", "sentence_id", "claim", "verdict", "reference", "note"]
    assert list(tables["events"].columns[:4]) == ["doc_id", "sentence_id", "date", "event"]
    assert len(tables["events"]) == len(load_coded("fes_events"))


def test_sources_join_the_parsed_notes(study):
    sources = sg.sources_view(study)
    assert sorted(set(sources["number"])) == list(range(1, 14))
    assert (sources["year"] != "").all()
