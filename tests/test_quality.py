"""The quality audit: reviewed evidence exists, the rules find the known defects, every flag has a
severity, and problems are counted by passage."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import audit
from helpers.errors import HelpersError
from helpers.study.review import reviewed
from helpers.text.quality import KIND_SEVERITY, KINDS, SEVERITIES, Flag


def flags_of(study, doc_id, kind=None):
    f = study.tables["quality_flags"]
    f = f[f["doc_id"] == doc_id]
    return f if kind is None else f[f["kind"] == kind]


def test_every_reviewed_flag_cites_an_existing_sentence_that_holds_its_quote(sentences):
    by_id = sentences.set_index("sentence_id")
    rows = reviewed()
    assert len(rows) >= 20
    for row in rows:
        assert row.sentence_id in by_id.index, row
        assert by_id.loc[row.sentence_id, "doc_id"] == row.doc_id
        assert row.quote in by_id.loc[row.sentence_id, "text"], row
        assert row.kind in KINDS and row.note


def test_every_flag_names_a_real_sentence_or_none(study):
    ids = set(study.tables["sentences"]["sentence_id"])
    flags = study.tables["quality_flags"]
    assert set(flags["sentence_id"]) - {""} <= ids
    assert (flags["evidence"] != "").all()


def test_rules_find_the_carnegie_defects(study):
    assert len(flags_of(study, "carnegie2024", "boilerplate")) == 3  # browser notice, breadcrumb, repeated title
    assert len(flags_of(study, "carnegie2024", "truncation")) == 1
    assert len(flags_of(study, "carnegie2024", "fused_note_marker")) == 9
    assert len(flags_of(study, "carnegie2024", "missing_notes")) == 1
    toc = flags_of(study, "carnegie2024", "mangled_structure").query("source == 'rule'")
    assert "致谢七" in toc["evidence"].iloc[0]
    names = set(flags_of(study, "carnegie2024", "translation_error")["evidence"])
    assert {"童招", "汤赵", "卡内基研究所", "国际裂变材料材料项目"} <= names
    inconsistent = " ".join(flags_of(study, "carnegie2024", "inconsistent_rendering")["evidence"])
    assert "汤赵 vs 童招" in inconsistent


def test_rules_find_the_fes_defects(study):
    stray = flags_of(study, "fes2024", "stray_foreign_word")
    assert list(stray["evidence"]) == ["须将私人 and 民间社会"]
    assert len(flags_of(study, "fes2024", "page_break_split")) == 3
    assert len(flags_of(study, "fes2024", "leftover_markup")) == 4
    assert "为核裁军创造环境倡议" in flags_of(study, "fes2024", "inconsistent_rendering")["evidence"].iloc[0]
    assert "奥斯陆协定" in set(flags_of(study, "fes2024", "translation_error")["evidence"])
    assert flags_of(study, "fes2024", "truncation").empty


def test_the_interpolated_list_is_flagged_item_by_item(study):
    inserted = flags_of(study, "carnegie2024", "interpolated_passage")
    assert len(inserted) == 8
    assert inserted["evidence"].str.match(r"^[1-8]\.").all()


# --------------------------------------------------------------------------- #
# Severity and problem passages
# --------------------------------------------------------------------------- #
#: The Carnegie renderings that change the meaning of a sentence and that no rule can see.
CARNEGIE_MEANING = {
    "carnegie2024-0045": "反击发射",  # launch on warning
    "carnegie2024-0066": "中美关系升级",  # relations deteriorating, read as upgraded
    "carnegie2024-0083": "解决他们的双边竞争",  # manage the rivalry, read as settle it
    "carnegie2024-0104": "传统军事侵略",  # conventional, read as traditional
    "carnegie2024-0111": "中国反制打击",  # a US counterforce strike, read as China's counter-strike
}


def test_every_kind_has_a_default_severity():
    assert set(KIND_SEVERITY) == set(KINDS)
    assert set(KIND_SEVERITY.values()) <= set(SEVERITIES)
    assert SEVERITIES == ("meaning-changing", "naming", "cosmetic")


def test_every_flag_has_one_of_the_three_severities(study):
    flags = study.tables["quality_flags"]
    assert "severity" in flags.columns
    assert set(flags["severity"]) == set(SEVERITIES)
    rule = flags[flags["source"] == "rule"]
    assert (rule["severity"] == rule["kind"].map(KIND_SEVERITY)).all()


def test_reviewed_rows_carry_a_severity_and_well_formed_passages(sentences):
    rows = reviewed()
    assert all(r.severity in SEVERITIES for r in rows)
    ids = set(sentences["sentence_id"])
    by_sentence = {r.sentence_id: r for r in rows}
    for row in (r for r in rows if r.passage):
        assert row.passage in ids and row.passage < row.sentence_id, row
        doc, first = row.passage.rsplit("-", 1)
        last = int(row.sentence_id.rsplit("-", 1)[1])
        # the run is consecutive: every sentence from its start to this one is flagged as part of it
        for n in range(int(first) + 1, last + 1):
            inner = by_sentence.get(f"{doc}-{n:04d}")
            assert inner is not None and inner.passage == row.passage, (row.sentence_id, n)


def test_a_flag_rejects_an_unknown_severity():
    assert Flag("d", "d-0001", "boilerplate", "x", "y", "rule").severity == "cosmetic"
    with pytest.raises(HelpersError):
        Flag("d", "d-0001", "boilerplate", "x", "y", "rule", "serious")


def test_a_review_file_without_a_valid_severity_is_refused(tmp_path):
    path = tmp_path / "quality_review.csv"
    path.write_text("doc_id,sentence_id,passage,kind,severity,quote,note\n"
                    "d,d-0001,,translation_error,bad,x,y\n", encoding="utf-8")
    with pytest.raises(HelpersError, match="severity"):
        reviewed(path)


def test_problem_passages_on_a_hand_made_case():
    rows = [
        ("d", "d-0001", "translation_error", "naming"),
        ("d", "d-0001", "spacing_artifact", "cosmetic"),  # same sentence: one problem, worst is naming
        ("d", "d-0002", "mangled_structure", "meaning-changing"),
        ("d", "d-0003", "mangled_structure", "meaning-changing"),  # continues d-0002: one passage
        ("d", "", "boilerplate", "cosmetic"),  # no sentence: a problem of its own
        ("d", "", "boilerplate", "cosmetic"),
        ("d", "d-0005", "spacing_artifact", "cosmetic"),
        ("d", "d-0005", "translation_error", "meaning-changing"),
        ("e", "e-0001", "spacing_artifact", "cosmetic"),  # another document
    ]
    flags = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "kind", "severity"]).assign(evidence="x")
    problems = audit.problem_passages(flags, starts={"d-0003": "d-0002"})
    assert len(problems) == 6 <= len(flags)
    d = problems[problems["doc_id"] == "d"]
    assert list(d["passage"]) == ["d-0002", "d-0005", "d-0001", "", ""]  # worst first, then by passage
    assert list(d["severity"]) == ["meaning-changing", "meaning-changing", "naming", "cosmetic", "cosmetic"]
    assert list(d["flags"]) == [2, 2, 2, 1, 1]
    assert d.iloc[0]["last"] == "d-0003" and d.iloc[0]["sentences"] == 2
    assert list(problems["doc_id"]) == ["d"] * 5 + ["e"]
    # without the run, d-0002 and d-0003 are two problems
    assert len(audit.problem_passages(flags, starts={})) == 7
    assert audit.problem_passages(flags.iloc[:0], starts={}).empty


def test_passages_are_fewer_than_flags_and_the_known_runs_are_merged(study):
    flags = study.tables["quality_flags"]
    problems = audit.problem_passages(flags, study.starts)
    assert len(problems) <= len(flags)
    assert problems["flags"].sum() == len(flags)
    runs = problems.set_index("passage")
    assert runs.loc["carnegie2024-0073", "last"] == "carnegie2024-0074"
    assert runs.loc["carnegie2024-0092", "last"] == "carnegie2024-0099"
    assert runs.loc["carnegie2024-0092", "flags"] == 8


def test_the_trust_summary_counts_passages_ordered_by_severity(study):
    summary = audit.trust_summary(study)
    order = [SEVERITIES.index(s) for s in summary["severity"]]
    assert order == sorted(order) and summary["severity"].iloc[0] == "meaning-changing"
    assert summary["problems"].sum() == len(audit.problem_passages(study.tables["quality_flags"], study.starts))
    assert summary["flags"].sum() == len(study.tables["quality_flags"])
    assert (summary["problems"] <= summary["flags"]).all()
    counts = audit.problem_counts(study)
    assert list(counts.index) == list(SEVERITIES)
    mc = summary.set_index(["severity", "doc_id"]).loc["meaning-changing"]
    assert mc.loc["carnegie2024", "problems"] > mc.loc["fes2024", "problems"] >= 2


def test_the_five_carnegie_renderings_are_flagged_meaning_changing(study, text_of):
    problems = audit.problem_passages(study.tables["quality_flags"], study.starts).set_index("passage")
    for sentence_id, phrase in CARNEGIE_MEANING.items():
        assert phrase in text_of(sentence_id)
        assert problems.loc[sentence_id, "severity"] == "meaning-changing", sentence_id


def test_the_fes_translation_errors_are_graded(study):
    problems = audit.problem_passages(study.tables["quality_flags"], study.starts).set_index("passage")
    assert problems.loc["fes2024-0059", "severity"] == "meaning-changing"  # 确切证据 for an estimate
    assert problems.loc["fes2024-0113", "severity"] == "meaning-changing"  # Security Council, not P5 chair
    for naming in ("fes2024-0017", "fes2024-0107", "fes2024-0112", "fes2024-0127"):
        assert problems.loc[naming, "severity"] == "naming", naming
    assert problems.loc["fes2024-0027", "severity"] == "cosmetic"  # 私人 and 民间社会
