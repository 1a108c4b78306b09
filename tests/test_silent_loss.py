"""Silent loss and corruption on documents a user adds: each bug of the review has a regression test,
written to fail before its fix, and the invariant "nothing logged as removed survives" is a property test."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.text import clean
from helpers.text.corpus import Document, decode_bytes
from helpers.errors import HelpersError
from helpers.paths import LEXICON
from helpers.text.structure import structure


def document(text: str) -> Document:
    return Document("probe", Path("probe.txt"), text, {}, "utf-8", "")


def sentences(text: str) -> list[str]:
    return [s.text for s in structure(document(text)).sentences]


def test_a_line_removed_between_two_joined_lines_does_not_come_back():
    text = "标题\n\n两国原则上都主张维护多边协定和机制，通过国际合作减少\n分享到：微信 微博\n人类所面临的各种威胁，同时加强地区稳定。\n"
    result = structure(document(text))
    body = "".join(s.text for s in result.sentences)
    assert "减少人类所面临" in body and "分享到" not in body and "微博" not in body
    assert any(e.action == "remove_boilerplate" and "分享到" in e.before for e in result.log)


def test_a_breadcrumb_between_two_front_lines_does_not_come_back():
    text = "中国核政策变化的政治驱动因素：对中美核关系及国际安全\n当前位置：首页/行业研究/报告详情/\n的影响，这是一份长篇报告的标题部分，\n继续说明。\n"
    body = "".join(sentences(text))
    assert "当前位置" not in body and "首页" not in body


def test_a_prose_line_that_mentions_copyright_is_kept():
    text = "数字议题\n\n在中欧对话中，保护版权所有者的权益是中欧数字对话的前提，双方都承认这一点。\n\n版权所有 © 2024 某某网 京ICP备12345678号\n"
    body = sentences(text)
    assert any("保护版权所有者的权益是中欧数字对话的前提" in s for s in body)
    assert not any("京ICP备" in s for s in body)


def test_page_numbers_standing_alone_are_removed():
    text = "军控协议对国际秩序不可或缺，因为它通过国际合作减少\n12\n人类所面临的各种威胁。\n"
    body = "".join(sentences(text))
    assert "减少人类所面临" in body and "12" not in body


@pytest.mark.parametrize("name", ["boilerplate.csv", "metadata_patterns.csv"])
def test_every_rule_file_row_has_exactly_its_header_fields(name):
    with (LEXICON / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert all(len(row) == len(rows[0]) for row in rows), [row for row in rows if len(row) != len(rows[0])]


def test_a_rule_row_with_extra_fields_is_refused(tmp_path):
    bad = tmp_path / "boilerplate.csv"
    bad.write_text("pattern,reason\n^\\d{1,3}$,page number standing alone\n", encoding="utf-8")
    with pytest.raises(HelpersError, match=r"boilerplate.csv, line 2: .*quote"):
        clean.boilerplate_rules(bad)
    bad_meta = tmp_path / "metadata_patterns.csv"
    bad_meta.write_text("pattern,kind\n^x{0,40}y,metadata\n", encoding="utf-8")
    with pytest.raises(HelpersError, match=r"metadata_patterns.csv, line 2"):
        clean.metadata_rules(bad_meta)


@pytest.mark.parametrize("text, encoding", [
    ("日本政府は核兵器の廃絶に向けて国際社会と協力していく方針を示した。軍縮と不拡散の重要性を強調した。" * 3, "shift_jis"),
    ("대한민국 정부는 핵무기 없는 세상을 위해 국제사회와 협력할 것이라고 밝혔다. 군축과 비확산의 중요성을 강조했다." * 3, "euc-kr"),
    ("Die Rüstungskontrolle bleibt ein unverzichtbarer Bestandteil der internationalen Ordnung. Größere Übereinstimmung." * 3,
     "cp1252"),
    ("Le désarmement nucléaire reste une priorité pour la sécurité européenne, a déclaré le ministère." * 3, "cp1252"),
], ids=["shift_jis", "euc-kr", "cp1252-german", "cp1252-french"])
def test_text_in_another_script_is_refused_not_decoded_as_garbage(text, encoding):
    with pytest.raises(HelpersError) as error:
        decode_bytes(text.encode(encoding), Path("page.txt"))
    message = str(error.value)
    assert message.startswith("page.txt:") and "\n" not in message and "UTF-8" in message


def test_chinese_in_legacy_encodings_still_decodes():
    gbk = "在多边军控领域，德国和中国在重大问题上目标一致。两国原则上都主张维护多边协定和机制。"
    big5 = "在多邊軍控領域，德國和中國在重大問題上目標一致。兩國原則上都主張維護多邊協定和機制。"
    assert decode_bytes(gbk.encode("gbk"), Path("a.txt"))[0] == gbk
    assert decode_bytes(big5.encode("big5"), Path("b.txt"))[0] == big5


def test_a_document_without_chinese_gets_a_clear_error():
    with pytest.raises(HelpersError, match=r"^english.txt: .*no Chinese"):
        decode_bytes(b"This is an English press release about arms control and nothing else.\n", Path("english.txt"))


CLUTTER = ["分享到：微信 微博", "当前位置：首页/新闻/正文", "12", "阅读量：3456", "上一篇：军控会议", "版权所有 © 2024 某网",
           "扫一扫", "责任编辑：王某"]
PROSE = list("中德美俄军控核武器条约对话合作透明稳定风险国际减少人类威胁") + ["，", "。"]
lines = st.lists(st.one_of(st.lists(st.sampled_from(PROSE), min_size=3, max_size=30).map("".join),
                           st.sampled_from(CLUTTER)), min_size=1, max_size=12)


def removed_offsets(result) -> set[int]:
    """The raw offsets that the cleaning log says were removed (boilerplate, an English translation)."""
    removed: set[int] = set()
    for edit in result.log:
        if edit.action in ("remove_boilerplate", "remove_translation"):
            removed.update(range(edit.raw_start, edit.raw_end))
    return removed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.lists(st.sampled_from(["\n", "\n\n"]), min_size=12, max_size=12))
def test_nothing_logged_as_removed_survives_in_any_sentence(body_lines, breaks):
    """The invariant: a raw character inside a span that the log says was removed (boilerplate, an
    English translation) never reappears in a sentence."""
    text = "".join(line + breaks[i] for i, line in enumerate(body_lines))
    result = structure(document(text))
    removed = removed_offsets(result)
    for sentence in result.sentences:
        assert not removed & set(sentence.offsets), (text, sentence.text)


# Line separators of web text (tests/test_web_text.py): a <br> in any spelling, runs of spaces or ideographic
# spaces; and clutter that needs them to become a line of its own, junk glued to a line, an English line.
SEPARATORS = ["\n", "\n\n", "<br>", "<br/>", "<br />", "<br><br>", "  ", "\u3000\u3000", "。  "]
WEB_CLUTTER = CLUTTER + ["相关新闻：某国宣布退出条约", "会场外景 本报记者李某摄", "q#Zt8&Lm@Wv2;Pk", "签署日2001年5月8日",
                         "缔约方178", "保存处美国英国", "广告", "邮箱：editor@example.org", "2023-05-03 08:15",
                         "The two sides agreed to hold similar exchanges next year.", "中英对照"]
web_lines = st.lists(st.one_of(st.lists(st.sampled_from(PROSE), min_size=3, max_size=30).map("".join),
                               st.sampled_from(WEB_CLUTTER)), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(web_lines, st.lists(st.sampled_from(SEPARATORS), min_size=12, max_size=12),
       st.sampled_from(["", "k9&Qz@Lw4=Tp"]))
def test_nothing_logged_as_removed_survives_when_web_lines_are_split(body_lines, separators, junk):
    """The same invariant on web text whose lines are separated by <br> and runs of spaces: the line splitting
    (logged as break_line) must not bring back a character that a removal covers, and every character of a
    sentence still comes from inside the raw text."""
    text = "".join(line + separators[i] for i, line in enumerate(body_lines)) + junk + "\n"
    result = structure(document(text))
    removed = removed_offsets(result)
    for sentence in result.sentences:
        assert not removed & set(sentence.offsets), (text, sentence.text)
        assert all(0 <= offset < len(text) for offset in sentence.offsets)
        assert "<br" not in sentence.text and "\n" not in sentence.text, (text, sentence.text)


# Web clutter seen on real Chinese news and forum pages, imitated here (no page's text is copied): each line must
# be dropped and logged, and the prose beside it kept, including a sentence that uses the rule's keyword.
CLUTTER_LINES = [
    ("记者：王小明", "byline"), ("文/本报记者 李华", "byline"), ("【编辑：张三】", "byline"), ("（责任编辑：赵四）", "editor"),
    ("校对：钱五", "byline"), ("摄影：孙六", "byline"), ("最新评论", "comment"), ("评论（0） 点赞 收藏 举报", "comment"),
    ("声明：本文仅代表作者观点，不代表本站立场。", "disclaimer"), ("此文献不代表本站观点", "disclaimer"),
    ("（资料照／路透社）", "photo"), ("（图／新华社）", "photo"), ("2024-03-19 10:04:00", "date stamp"),
    ("网友甲 - 2020/8/7 10:04:00", "date stamp"), ("网站地图 | 联系我们 | 关于我们", "footer"), ("（完）", "end mark"),
    ("查看完整版本：外交部发言人答记者问", "navigation"), ("发布于：北京市", "publication-place"), ("相关阅读", "related"),
    ("网站地图", "lone navigation"), ("门户 | 新闻 | 体育 | 财经 | 论坛", "row of short links"),
]
CONTROL = "记者在会上提问：中方对核裁军有何评论？发言人表示，中方希望美方切实履行特殊优先责任。"


@pytest.mark.parametrize("line, reason", CLUTTER_LINES, ids=[c[0] for c in CLUTTER_LINES])
def test_web_clutter_lines_are_removed_and_prose_is_kept(line, reason):
    text = f"外交部发言人答记者问\n\n{CONTROL}\n{line}\n\n中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。\n"
    result = structure(document(text))
    body = "".join(s.text for s in result.sentences)
    assert "中方希望美方切实履行特殊优先责任" in body and "这一立场没有改变" in body
    assert not any(line.strip("（）【】") in s.text for s in result.sentences), line
    assert any(e.action == "remove_boilerplate" and reason in e.reason for e in result.log), line


def test_a_saved_web_page_exports_its_main_text_with_title_date_and_address(tmp_path):
    """An HTML page (our own imitation of a think-tank commentary page) is accepted: its main text is
    extracted, none of its navigation, share, related-article or footer lines survive, and the page's
    title, date and address go into documents.csv; the log says what was dropped."""
    import shutil

    from helpers.audit import load_study

    fixture = Path(__file__).parent / "fixtures" / "html" / "statement.html"
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(fixture, folder / "statement.html")
    (folder / "manifest.csv").write_text("doc_id,file\npage,statement.html\n", encoding="utf-8")
    tables = load_study(folder).tables
    text = "".join(tables["sentences"]["text"])
    for kept in ("多边军控机制正面临严峻挑战", "专家层面的交流可以先从技术问题入手", "五个核武器国家之间的磋商应当继续下去"):
        assert kept in text
    for clutter in ("首页", "新闻中心", "当前位置", "分享到", "相关阅读", "另一篇评论", "网站地图", "版权所有", "ICP"):
        assert clutter not in text, clutter
    document = tables["documents"].iloc[0]
    assert (document["title"], document["date"], document["source_url"]) == (
        "关于多边军控对话的评论", "2024-03-15", "https://example.org/commentary/2024/0315.html")
    assert tables["cleaning_log"]["reason"].str.contains("HTML page: main text extracted with trafilatura").any()


def test_the_manifest_wins_over_the_pages_own_title(tmp_path):
    import shutil

    from helpers.text.corpus import load_document

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "html" / "statement.html", folder / "page.txt")
    (folder / "manifest.csv").write_text("doc_id,file,title\npage,page.txt,My own title\n", encoding="utf-8")
    document = load_document("page", folder)
    assert document.meta["title"] == "My own title" and document.meta["date"] == "2024-03-15"
    assert document.text.startswith("关于多边军控对话的评论")


def _run_export(tmp_path, env_extra):
    import os
    import subprocess
    import sys

    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("中德两国应当开展军控对话。这有助于建立信任。\n", encoding="utf-8")
    (folder / "manifest.csv").write_text("doc_id,file\nmydoc,a.txt\n", encoding="utf-8")
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(folder), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, env=env, check=False)


def test_an_unwritable_cache_folder_is_named_as_the_cause_not_the_input_file(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should go", encoding="utf-8")
    result = _run_export(tmp_path, {"XDG_CACHE_HOME": str(blocker)})
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "cache folder" in result.stderr and "XDG_CACHE_HOME" in result.stderr and "a.txt" not in result.stderr


def test_helpers_debug_shows_the_traceback_for_every_error(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "manifest.csv").write_text("doc_id,file\nmydoc,missing.txt\n", encoding="utf-8")
    import os
    import subprocess
    import sys

    plain = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(tmp_path / "corpus"), "--out",
                            str(tmp_path / "out")], capture_output=True, text=True, check=False)
    debug = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(tmp_path / "corpus"), "--out",
                            str(tmp_path / "out")], capture_output=True, text=True, check=False,
                           env={**os.environ, "HELPERS_DEBUG": "1"})
    assert "Traceback" not in plain.stderr and "missing.txt" in plain.stderr
    assert "Traceback" in debug.stderr and "missing.txt" in debug.stderr


def test_encyclopedia_citation_markers_are_removed_and_logged():
    text = "核不扩散条约于1970年生效[1]，目前有191个缔约国[2][3]。该条约的审议大会每五年举行一次［7］。\n"
    result = structure(document(text))
    body = "".join(s.text for s in result.sentences)
    assert "[" not in body and "［" not in body and "191个缔约国" in body and "1970年" in body
    assert sum(e.action == "strip_note_marker" and "citation marker" in e.reason for e in result.log) == 4


# Prose that carries a clutter clause (a disclaimer in brackets, a disclaimer sentence, a copyright footer after
# the last sentence): the clause is cut and logged, the prose around it survives (second review).
HAN_PROSE = list("中德美俄军控核武器条约对话合作透明稳定风险国际减少人类威胁")
CLAUSES = ["（本文仅代表作者个人观点）", "本文仅代表作者个人观点。", "（此文不代表本站观点）", "版权所有 © 2024 某网"]
prose_sentences = st.builds(lambda a, b: a + "，" + b + "。", st.text(st.sampled_from(HAN_PROSE), min_size=8, max_size=20),
                            st.text(st.sampled_from(HAN_PROSE), min_size=2, max_size=12))
prose_with_clause = st.tuples(prose_sentences, st.sampled_from(CLAUSES))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(prose_with_clause, st.sampled_from(CLUTTER).map(lambda c: ("", c))), min_size=1, max_size=8),
       st.lists(st.sampled_from(["\n", "\n\n"]), min_size=8, max_size=8))
def test_prose_that_carries_a_clutter_clause_survives_and_only_the_clause_goes(items, breaks):
    text = "".join(prose + clause + breaks[i] for i, (prose, clause) in enumerate(items))
    result = structure(document(text))
    body = "".join(s.text for s in result.sentences)
    removed = removed_offsets(result)
    for sentence in result.sentences:
        assert not removed & set(sentence.offsets), (text, sentence.text)
    for prose, clause in items:
        if prose:
            assert prose in body, (text, prose)
            assert not any(clause.strip("（）。") in s.text for s in result.sentences), (text, clause)
