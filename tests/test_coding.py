"""Hand-coded analysis: every cited sentence exists and holds its quote; the codes are sound."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.study import sino_german as sg
from helpers.study.coding import SCHEMAS, check_evidence, load_coded
from helpers.language.dates import extract_dates, to_year
from helpers.errors import HelpersError
from helpers.study.reference import lookup


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_cited_sentence_exists_and_holds_its_quote(name, sentences):
    assert check_evidence(name, sentences) == []
    assert len(load_coded(name)) > 0


def test_evidence_check_catches_a_wrong_quote_a_missing_sentence_and_the_wrong_document(sentences, monkeypatch):
    bad = pd.DataFrame([{"sentence_id": "fes2024-0009", "quote": "不在这句话里", "date": "2024", "event": "x"},
                        {"sentence_id": "fes2024-9999", "quote": "军控", "date": "2024", "event": "y"},
                        {"sentence_id": "carnegie2024-0026", "quote": "2021年11月", "date": "2021-11", "event": "z"}])
    monkeypatch.setattr("helpers.study.coding.load_coded", lambda name, folder=None: bad)
    problems = check_evidence("fes_events", sentences)
    assert len(problems) == 3
    assert "does not contain" in problems[0] and "does not exist" in problems[1] and "not a sentence of" in problems[2]


def test_positions_cover_the_issues_the_paper_raises():
    positions = load_coded("fes_positions")
    issues = " ".join(positions["issue"])
    for topic in ("NPT", "JCPOA", "build-up", "Humanitarian", "cyberspace", "OPCW", "Biological", "Technology",
                  "nuclear sharing"):
        assert topic in issues, topic
    assert set(positions["relation"]) == {"converge", "diverge", "unclear", "one side only"}


def test_unclear_is_only_what_the_paper_itself_calls_unclear(sentences):
    """'unclear' rows rest on a sentence where the paper says so (不清楚); 'one side only' rows state
    one side as 'Not stated', so a coding gap is never counted as a finding."""
    text = sentences.set_index("sentence_id")["text"]
    positions = load_coded("fes_positions")
    for row in positions[positions["relation"] == "unclear"].itertuples():
        assert any("不清楚" in text[s] for s in row.evidence.split(";")), row.issue
    one_side = positions[positions["relation"] == "one side only"]
    assert len(one_side) >= 3
    assert all(("Not stated" in r.germany) != ("Not stated" in r.china) for r in one_side.itertuples())
    counts = sg.summary_counts().set_index(["question", "category"])["count"]
    assert counts[("Germany–China positions", "unclear")] == (positions["relation"] == "unclear").sum() == 1


def test_qualified_convergence_and_inferred_positions_say_how():
    positions = load_coded("fes_positions").set_index("issue")
    assert set(positions.loc[positions["relation"] == "converge", "qualified"]) == {"yes", "no"}
    assert (positions.loc[positions["relation"] != "converge", "qualified"] == "").all()
    for issue in ("Iran nuclear deal (JCPOA)", "Biosecurity and the Tianjin Guidelines"):
        assert positions.loc[issue, "qualified"] == "yes" and positions.loc[issue, "note"].startswith("Qualified")
    sharing = positions.loc["Nuclear weapons stationed abroad and nuclear sharing"]
    assert sharing["relation"] == "diverge" and sharing["basis"] == "inferred" and "NATO" in sharing["note"]
    assert (positions.loc[positions["basis"] == "inferred", "note"] != "").all()


def test_an_inferred_position_rests_on_a_sourced_context_fact():
    """Outside knowledge enters only with a public source (data/annotations/context_facts.csv)."""
    from helpers.paths import ANNOTATIONS

    facts = pd.read_csv(ANNOTATIONS / "context_facts.csv", dtype=str, keep_default_na=False).set_index("fact_id")
    assert facts["source_url"].str.startswith("http").all()
    positions = load_coded("fes_positions")
    inferred = positions[positions["basis"] == "inferred"]
    assert len(inferred) >= 1 and set(inferred["context"]) <= set(facts.index)
    assert (positions.loc[positions["basis"] == "stated", "context"] == "").all()


def test_proposals_are_the_papers_own_units():
    """One row per proposal: no sentence is split over two proposals, no existing channel is a proposal,
    and the paper's own ranking is recorded."""
    proposals = load_coded("fes_proposals")
    assert 12 <= len(proposals) <= 16
    cited = [s for ids in proposals["evidence"] for s in ids.split(";")]
    assert len(cited) == len(set(cited)), "a sentence is split over two proposals"
    assert not {"fes2024-0090", "fes2024-0091", "fes2024-0092"} & set(cited)  # existing channels
    ranked = proposals.set_index("proposal_id")["ranking"]
    assert ranked[ranked == "more promising"].index.tolist() == ["P02"]
    assert set(ranked) == {"more promising", "starting point", "complement", ""}


def test_obstacles_are_grouped_as_the_paper_argues_them():
    obstacles = load_coded("fes_obstacles")
    section = obstacles[obstacles["where"] == "obstacles section"]
    assert len(section) == 2  # one paragraph each: economic/technology competition, the CBW dispute
    cited = [s for ids in obstacles["evidence"] for s in ids.split(";")]
    assert len(cited) == len(set(cited))
    assert "fes2024-0082" not in cited  # a demand China may bring is not an obstacle
    assert obstacles["kind"].value_counts().max() <= 2  # no category is an artefact of splitting


def test_every_body_sentence_is_coded_or_has_a_reason(study):
    coverage = sg.coverage(study)
    coded, reasons = coverage["coded_in"] != "", coverage["reason_uncoded"] != ""
    assert (coded ^ reasons).all(), coverage.loc[~(coded ^ reasons), "sentence_id"].tolist()
    headings = study.tables["sentences"].query("doc_id == 'fes2024' and part == 'body' and kind == 'heading'")
    assert set(coverage.loc[coverage["reason_uncoded"] == "heading", "sentence_id"]) == set(headings["sentence_id"])
    summary = sg.coverage_summary(study).set_index("status")["sentences"]
    assert summary["coded"] + summary.drop(["coded", "body sentences"]).sum() == summary["body sentences"] == len(coverage)


def test_each_verdict_has_its_codebook_example():
    """The codebook defines each verdict with an example row; the table gives that row that verdict."""
    import re

    from helpers.study.coding import VERDICTS
    from helpers.paths import ROOT

    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    claims = load_coded("fes_claims")
    assert set(claims["verdict"]) == set(VERDICTS)
    for verdict in VERDICTS:
        entry = re.search(rf"- \*\*{verdict}\*\*:(.+?)(?=\n- \*\*|\n\n)", codebook, re.S)
        assert entry, verdict
        sentence_id, quote = re.search(r"\*Example\*: (fes2024-\d{4})\s*「([^」]+)」", entry.group(1).replace("\n", "")).groups()
        rows = claims[claims["sentence_id"] == sentence_id]
        assert (rows["verdict"] == verdict).any() and any(quote in q or q in quote for q in rows["quote"]), verdict


@pytest.mark.parametrize("sentence_id, verdict", [
    ("fes2024-0031", "imprecise"), ("fes2024-0045", "overstated"), ("fes2024-0067", "unverifiable"),
    ("fes2024-0114", "overstated"), ("fes2024-0117", "imprecise"), ("fes2024-0113", "conflict"),
    ("fes2024-0132", "imprecise"), ("fes2024-0135", "imprecise"), ("fes2024-0068", "imprecise"),
])
def test_the_review_verdicts(sentence_id, verdict):
    claims = load_coded("fes_claims")
    assert verdict in set(claims.loc[claims["sentence_id"] == sentence_id, "verdict"])


def test_what_the_authors_could_have_known():
    """A verdict resting on facts published after the paper (Feb 2024) says so."""
    claims = load_coded("fes_claims").set_index("quote")
    estimate = claims.loc["在美国情报部门获得确切证据，表明俄罗斯使用核武器的风险已上升至50%时"]
    assert estimate["verdict"] == "overstated" and estimate["knowable"] == "mixed"
    assert "estimate" in estimate["note"] and "after the paper" in estimate["note"]
    assert claims.loc["在中国于2025年8月开始担任安理会轮值主席国之后", "knowable"] == "after publication"
    table = load_coded("fes_claims")
    assert (table.loc[table["verdict"] == "unverifiable", "knowable"] == "").all()
    assert (table.loc[table["verdict"] != "unverifiable", "knowable"] != "").all()


def test_no_unverifiable_claim_is_decided_by_the_reference_tables():
    """The rows once coded unverifiable that the record does decide are now graded."""
    claims = load_coded("fes_claims")
    unverifiable = set(claims.loc[claims["verdict"] == "unverifiable", "sentence_id"])
    assert not {"fes2024-0045", "fes2024-0114"} & unverifiable
    notes = " ".join(claims.loc[claims["verdict"] == "unverifiable", "note"])
    assert "not" in notes  # each says what the record lacks


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
        "issue,issue_zh,relation,qualified,basis,context,germany,china,evidence,quotes,note\nx,x,agree,,stated,,a,b,fes2024-0009,是,\n",
        encoding="utf-8")
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
    assert list(tables["positions"].columns[:8]) == ["doc_id", "issue", "relation", "qualified", "basis", "germany",
                                                     "china", "evidence"]
    assert {"doc_id", "proposal", "theme", "format", "ranking", "forum", "actors", "evidence"} <= set(
        tables["proposals"].columns)
    assert list(tables["claims_check"].columns[:7]) == ["doc_id", "sentence_id", "claim", "verdict", "knowable",
                                                        "reference", "note"]
    assert {"stance"} <= set(tables["drivers"].columns) and {"theme", "format"} <= set(tables["recommendations"].columns)
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
    from helpers.methods.evaluation import entity_linking_evaluation

    table = entity_linking_evaluation(study).set_index(["measure", "doc_id"])
    assert set(table.index) == {(m, d) for m in ("precision", "recall") for d in ("fes2024", "carnegie2024")}
    assert table.loc[("precision", "fes2024"), "found"] >= 40 and table.loc[("precision", "carnegie2024"), "of"] >= 30
    assert (table["low"] <= table["value"]).all() and (table["value"] <= table["high"]).all()
    assert (table["low"] >= 0.75).all() and (table["high"] <= 1.0).all()


def test_each_dated_event_carries_the_verdict_of_its_claim():
    claims = load_coded("fes_claims")
    elsewhere = {"fes2024-0117": "fes2024-0072"}  # the guidelines' failure is claimed at 0072, dated again at 0117
    for row in load_coded("fes_events").itertuples():
        verdicts = set(claims.loc[claims["sentence_id"] == elsewhere.get(row.sentence_id, row.sentence_id), "verdict"])
        assert row.verdict in verdicts or (row.verdict == "not checked" and not verdicts), row.sentence_id
