"""Documents a user adds: fixtures in the styles of pages students copy (tests/fixtures/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.audit import load_study

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def added():
    return load_study(FIXTURES)


def texts(study, doc_id, part=None):
    s = study.tables["sentences"]
    s = s[s["doc_id"] == doc_id]
    return list(s[s["part"] == part]["text"] if part else s["text"])


def test_web_page_boilerplate_is_removed_and_logged(added):
    body = texts(added, "webpage", "body")
    assert body[0] == "近年来，外空安全问题日益受到国际社会关注。" and len(body) == 4
    everything = " ".join(texts(added, "webpage"))
    for noise in ("首页", "浏览次数", "字体", "banner_top.jpg", "责任编辑", "分享到", "上一篇", "返回顶部"):
        assert noise not in everything, noise
    assert texts(added, "webpage").count("中国与欧盟在外空治理上的合作空间") == 1  # repeated title removed
    log = added.tables["cleaning_log"]
    removed = log[(log["doc_id"] == "webpage") & (log["action"] == "remove_boilerplate")]
    assert len(removed) >= 9
    # a wrapped line is joined into its sentence
    assert "中国和欧盟都主张和平利用外层空间，反对外空武器化。" in body


def test_academic_metadata_and_circled_notes(added):
    s = added.tables["sentences"]
    academic = s[s["doc_id"] == "academic"].set_index("text")
    assert academic.loc["关键词：核透明；战略互信；军备控制", "kind"] == "metadata"
    assert academic.loc["关键词：核透明；战略互信；军备控制", "part"] == "front"
    assert academic.loc["摘要：核透明度是大国之间建立战略互信的重要基础。", "part"] == "front"
    assert academic.loc["一、引言", "kind"] == "heading" and academic.loc["一、引言", "part"] == "body"
    assert not any(c in "".join(academic.index) for c in "①②③")
    notes = added.tables["footnotes"]
    notes = notes[notes["doc_id"] == "academic"].set_index("number")
    assert list(notes.index) == [1, 2, 3] and set(notes["marker_style"]) == {"circled"}
    text = s.set_index("sentence_id")["text"]
    assert text[notes.loc[2, "marker_sentence_id"]] == "核透明度问题长期以来是军控研究的核心议题之一。"
    assert notes.loc[3, "year"] == "2021" and notes.loc[3, "title"] == "核战略研究"


def test_interleaved_english_lines_are_removed(added):
    assert texts(added, "bilingual") == ["中德专家就军控对话举行研讨会", "来自中国和德国的十余位专家参加了此次研讨会。",
                                         "与会者讨论了降低核风险和新兴技术治理等议题。", "双方同意明年继续举行类似的交流。"]
    flags = added.tables["quality_flags"]
    assert (flags[flags["doc_id"] == "bilingual"]["kind"] == "parallel_translation").sum() == 4


def test_traditional_chinese_is_converted_and_recorded(added):
    docs = added.tables["documents"].set_index("doc_id")
    assert docs.loc["traditional", "script"] == "traditional (converted)"
    assert docs.loc["webpage", "script"] == "simplified"
    assert "近年来，美国与中国在核武器问题上的分歧日益扩大。" in texts(added, "traditional")
    mentions = added.tables["mentions"]
    assert {"united_states", "china", "nuclear_weapons"} <= set(mentions[mentions["doc_id"] == "traditional"]["entity"])
    # offsets still point into the original Traditional text
    sentence = next(s for s in added.sentences if s.doc_id == "traditional" and s.text.startswith("近年来"))
    assert added.raw("traditional")[sentence.raw_start:sentence.raw_end].startswith("近年來")


def test_the_study_texts_are_not_converted(study):
    assert set(study.tables["documents"]["script"]) == {"simplified"}
