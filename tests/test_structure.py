"""Cleaning and structure, asserted on the real texts."""

from __future__ import annotations

import re

from helpers.text.clean import SUPERSCRIPT


def body(sentences, doc_id):
    return sentences[(sentences["doc_id"] == doc_id) & (sentences["part"] == "body")]


def test_sentence_ids_are_unique_across_the_corpus(sentences):
    assert sentences["sentence_id"].is_unique
    assert set(sentences["part"]) == {"front", "body", "notes", "back"}


def test_every_sentence_traces_back_to_its_raw_offsets(study):
    """Each sentence's characters appear, in order, in raw[raw_start:raw_end].

    Normalisation may change a character's width (, → ，) and remove spaces and
    markup, so the comparison folds widths and ignores what cleaning may drop.
    """
    def fold(text: str) -> str:
        text = text.translate({ord(a): b for a, b in zip("，：；（）？！", ",:;()?!")})
        return re.sub(r"[\s*]", "", text.translate({0xFF10 + i: 0x30 + i for i in range(10)}))

    checked = 0
    for sentence in study.sentences:
        raw = study.raw(sentence.doc_id)
        assert 0 <= sentence.raw_start < sentence.raw_end <= len(raw)
        assert len(sentence.offsets) == len(sentence.text)
        span = iter(fold(raw[sentence.raw_start:sentence.raw_end]))
        assert all(char in span for char in fold(sentence.text)), sentence.sentence_id
        for offset, char in zip(sentence.offsets, sentence.text):  # each character maps to its source
            source = raw[offset]
            assert source == char or fold(source) == fold(char) or (source.isspace() and char.isspace()), \
                (sentence.sentence_id, offset, source, char)
        checked += 1
    assert checked == len(study.sentences) > 250


def test_fes_has_an_unheaded_opening_and_four_headed_sections(study):
    sections = study.tables["sections"]
    fes = sections[(sections["doc_id"] == "fes2024") & (sections["part"] == "body")]
    assert list(fes["heading"]) == ["", "军备控制仍然是国际秩序不可或缺的组成部分", "中国对多边军控的重要性与日俱增",
                                    "与中国开展军控对话的障碍", "与中国开展军控对话的相关议题和方法"]


def test_carnegie_structure_front_matter_introduction_chapter_one(study):
    sections = study.tables["sections"]
    car = sections[sections["doc_id"] == "carnegie2024"]
    assert list(car["heading"]) == ["", "TABLEOFCONTENTS", "关于作者", "ACKNOWLEDGMENTS", "INTRODUCTION",
                                    "CHAPTER1 中国建筑的驱动力：技术与政治"]
    assert list(car["part"]) == ["front"] * 4 + ["body"] * 2


def test_all_thirteen_fes_notes_are_parsed_and_linked(study, text_of):
    notes = study.tables["footnotes"]
    fes = notes[notes["doc_id"] == "fes2024"].set_index("number")
    assert list(fes.index) == list(range(1, 14))
    assert (fes["marker_sentence_id"] != "").all() and (fes["text"] != "").all()
    assert set(fes["marker_style"]) == {"superscript"}
    # a marker links to the sentence it follows
    assert text_of(fes.loc[1, "marker_sentence_id"]).endswith("这符合双方的共同利益。")
    assert "斯托尔滕贝格" in text_of(fes.loc[12, "marker_sentence_id"])
    assert "（中国在2017年退出）" in text_of(fes.loc[13, "marker_sentence_id"])
    assert fes.loc[1, "authors"] == "Meier, Oliver / Staack, Michael" and fes.loc[1, "year"] == "2022"
    assert fes.loc[1, "url"] == "http://library.fes.de/pdf-files/iez/19346.pdf"
    assert fes.loc[7, "title"].endswith("缔约国第十次审议大会上的发言")  # nested 《》 kept whole
    assert fes.loc[4, "url"].count(" ; ") == 1  # two addresses in one note
    assert fes.loc[8, "url"] == ""


def test_carnegie_fused_note_numbers_are_recorded_without_note_text(study, text_of):
    notes = study.tables["footnotes"]
    car = notes[notes["doc_id"] == "carnegie2024"].set_index("number")
    assert list(car.index) == list(range(1, 10))
    assert (car["text"] == "").all() and set(car["marker_style"]) == {"fused"}
    assert text_of(car.loc[1, "marker_sentence_id"]).endswith("“着手继续讨论战略稳定问题”。")
    assert text_of(car.loc[8, "marker_sentence_id"]).endswith("拦截器。")


def test_note_markers_never_survive_in_sentence_text(sentences):
    running = sentences[sentences["kind"] != "note"]
    assert not running["text"].str.contains(f"[{SUPERSCRIPT}]").any()
    car = body(sentences, "carnegie2024")
    assert not car["text"].str.match(r"\d(?![\d年.])").any()  # no fused number starts a sentence
    assert not car["text"].str.contains("。1这一结果").any()


def test_page_breaks_are_repaired_without_cutting_words(sentences):
    fes = body(sentences, "fes2024")["text"]
    assert fes.str.contains("相关行为体之间的可预测性，而持续的沟通").any()
    assert fes.str.contains("^更值得注意的是，中国携手多个国家").any()
    assert fes.str.contains("北约秘书长斯托尔滕贝格（Jens Stoltenberg）强调").any()
    assert not fes.str.endswith("可预").any() and not fes.str.startswith("测性").any()


def test_markup_and_spacing_artifacts_are_normalised(sentences):
    assert not sentences["text"].str.contains(r"\*\*").any()
    car = body(sentences, "carnegie2024")["text"]
    assert not car.str.contains(r" [，。、]").any()
    assert car.str.contains("然而，美国先前尝试").any()
    assert not car.str.contains(r"[\u4e00-\u9fff],[\u4e00-\u9fff]").any()


def test_no_aggregator_boilerplate_survives_in_carnegie_body(sentences):
    car = sentences[sentences["doc_id"] == "carnegie2024"]
    for pattern in ["JavaScript", "发现报告", "当前位置", "首页", "报告详情"]:
        assert not car["text"].str.contains(pattern).any(), pattern


def test_truncation_is_marked(study):
    docs = study.tables["documents"].set_index("doc_id")
    assert bool(docs.loc["carnegie2024", "truncated"]) is True
    assert bool(docs.loc["fes2024", "truncated"]) is False
    last = body(study.tables["sentences"], "carnegie2024").iloc[-1]
    assert last["text"] == "但这些操作层"


def test_parts_front_body_notes_back(sentences):
    fes = sentences[sentences["doc_id"] == "fes2024"]
    front = fes[fes["part"] == "front"]["text"].tolist()
    assert front[0] == "多边军控领域的德中合作" and "FRIEDRICH EBERT STIFTUNG" in front
    back = fes[fes["part"] == "back"]["text"]
    assert back.str.startswith("奥利弗·迈尔").any() and back.eq("CONTACT").any()
    car_front = sentences[(sentences["doc_id"] == "carnegie2024") & (sentences["part"] == "front")]
    assert car_front["text"].str.contains("汤赵为核政策项目").any()
    assert (car_front["kind"] == "toc").sum() == 1


def test_quotations_and_titles_are_not_split(sentences):
    texts = sentences["text"]
    for text in texts:
        assert text.count("《") == text.count("》"), text
    assert texts.str.contains("“为核裁军创造环境倡议”（CEND）").any()


def test_the_inserted_numbered_list_stays_in_separate_sentences(sentences):
    car = body(sentences, "carnegie2024")["text"]
    starts = [f"{n}." for n in range(2, 9)]
    assert all(car.str.startswith(s).any() for s in starts)
    assert car.str.startswith("•澄清中国的担忧并承认其竞争对手的合理担忧").any()


def _structure_of(tmp_path, text):
    from helpers.text.corpus import load_document

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text("doc_id,file\nx,a.txt\n", encoding="utf-8")
    from helpers.text.structure import structure

    return structure(load_document("x", folder))


def test_running_text_that_starts_with_a_year_is_not_a_note(tmp_path):
    text = "前言部分的一句话，讲述背景和目的，并且足够长以便成为正文的开头。\n\n2022年，中国（2021年曾表示）不会改变政策。\n"
    st = _structure_of(tmp_path, text)
    assert not st.notes and all(s.part == "body" for s in st.sentences)
    assert st.sentences[-1].text == "2022年，中国（2021年曾表示）不会改变政策。"


def test_quantities_after_a_sentence_end_are_not_note_markers(tmp_path):
    text = "这一方法已经用于测试，并且得到了广泛的关注和讨论。2名专家认为，它仍有改进空间。3个国家表示支持。\n"
    st = _structure_of(tmp_path, text)
    assert not st.markers
    assert [s.text for s in st.sentences][1:] == ["2名专家认为，它仍有改进空间。", "3个国家表示支持。"]


def test_the_genuine_lead_in_is_separate_from_the_inserted_list(sentences):
    car = body(sentences, "carnegie2024")["text"]
    assert car.eq("具体而言，北京应：").any()
    assert car.str.startswith("1.保持战略透明度与沟通").any()


def _linear_at(sentences, raw_offset):
    """The reference lookup: scan every sentence."""
    for sentence in sentences:
        if sentence.raw_start <= raw_offset < sentence.raw_end and raw_offset in sentence.offsets:
            return sentence
    return None


def test_sentence_index_agrees_with_a_linear_scan_on_the_real_texts(study):
    from helpers.text.notes import SentenceIndex

    for doc_id in ("fes2024", "carnegie2024"):
        sentences = [s for s in study.sentences if s.doc_id == doc_id]
        index = SentenceIndex(sentences)
        found = 0
        for offset in range(len(study.raw(doc_id))):
            expected = _linear_at(sentences, offset)
            assert index.at(offset) is expected, (doc_id, offset)
            found += expected is not None
        assert found > 0.8 * sum(len(s.text) for s in sentences)


def test_sentence_index_finds_a_sentence_with_many_sentences_nested_inside_it():
    from array import array

    from helpers.text.notes import SentenceIndex
    from helpers.text.structure import Sentence

    # one sentence split by a page break, its two halves at 0-9 and 100-109; twelve
    # note sentences lie between them, as when many footnotes sit at the break
    outer = Sentence("d", "d-0001", "", "body", 0, "sentence", 0, 110, "x" * 20,
                     array("l", list(range(10)) + list(range(100, 110))))
    notes = [Sentence("d", f"d-{i + 2:04d}", "", "notes", 0, "note", 10 + 7 * i, 15 + 7 * i, "y" * 5,
                      array("l", range(10 + 7 * i, 15 + 7 * i))) for i in range(12)]
    index = SentenceIndex([outer, *notes])
    assert index.at(105) is outer and index.at(3) is outer
    assert index.at(10 + 7 * 11) is notes[11]
    assert index.at(16) is None and index.at(200) is None
