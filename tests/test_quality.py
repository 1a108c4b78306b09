"""The quality audit: reviewed evidence exists, and the rules find the known defects."""

from __future__ import annotations

from helpers.quality import KINDS, reviewed


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
