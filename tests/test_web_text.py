"""Text pasted from web pages: line structure (``<br>``, runs of spaces), the source kind that decides the
page-break repair, interleaved English, and the clutter of real pages.  Every example is written for these
tests in the style of what pages carry (tests/fixtures/web/README.md); none is copied from a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.text import clean
from helpers.text.corpus import Document, load_corpus, load_document
from helpers.text.structure import Structured, detect_source_kind, structure

WEB = Path(__file__).parent / "fixtures" / "web"


def document(text: str, decode_log: tuple[str, ...] = ()) -> Document:
    return Document("probe", Path("probe.txt"), text, {}, "utf-8", "", decode_log)


def texts(result: Structured) -> list[str]:
    return [s.text for s in result.sentences]


def removed_offsets(result: Structured) -> set[int]:
    """Raw offsets that the log says were removed (boilerplate, a translation)."""
    out: set[int] = set()
    for edit in result.log:
        if edit.action in ("remove_boilerplate", "remove_translation"):
            out.update(range(edit.raw_start, edit.raw_end))
    return out


def actions(result: Structured, action: str) -> list[str]:
    return [e.before for e in result.log if e.action == action]


@pytest.fixture(scope="module")
def web() -> dict[str, Structured]:
    return {d.doc_id: structure(d) for d in load_corpus(WEB)}


# --------------------------------------------------------------------------- #
# 1. Line structure: <br> and runs of spaces
# --------------------------------------------------------------------------- #
def test_literal_br_tags_make_lines_that_the_line_rules_see(web):
    news = web["news_br"]
    assert sorted(set(actions(news, "break_line")) & {"<br>", "<br/>", "<br />"}) == ["<br />", "<br/>", "<br>"]
    body = "".join(texts(news))
    for clutter in ("本报记者李某摄", "相关新闻", "如有侵权", "网站地图", "来源：示例新闻网"):
        assert clutter not in body, clutter
    assert "裁军谈判会议第一期会议在日内瓦闭幕" in texts(news)
    assert not any("<" in t or ">" in t for t in texts(news))


def test_every_character_of_a_split_page_still_points_at_its_raw_character(web):
    news = web["news_br"]
    raw = news.document.text
    for sentence in news.sentences:
        for offset, char in zip(sentence.offsets, sentence.text):
            assert raw[offset] == char or (raw[offset] in "，。：" and char in "，。："), (sentence.text, offset)
    assert not removed_offsets(news) & {o for s in news.sentences for o in s.offsets}


def test_runs_of_ideographic_spaces_separate_two_paragraphs(web):
    news = web["news_br"]
    first = next(s for s in news.sentences if s.text.startswith("与会各方"))
    second = next(s for s in news.sentences if s.text.startswith("多位代表表示"))
    assert first.paragraph != second.paragraph  # 。　　 between them was a lost paragraph break
    assert "\u3000\u3000" in actions(news, "break_line")


def test_fields_of_a_meta_line_separated_by_spaces_become_lines_and_the_clutter_among_them_goes():
    text = "2024-03-12 10:20  某研究网原创  阅读 12  作者：王某\n\n中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。\n"
    result = structure(document(text))
    assert actions(result, "break_line") == ["  "] * 3
    assert {"2024-03-12 10:20", "阅读 12", "作者：王某"} == set(actions(result, "remove_boilerplate"))
    assert texts(result) == ["某研究网原创", "中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。"]


@pytest.mark.parametrize("line", [
    "北约秘书长斯托尔滕贝格（Jens Stoltenberg）强调，北约愿意与中国进行对话。",  # one space in an English name
    "The Arms  Control Association said the treaty should be extended.",  # two spaces between Latin words
    "附\u3000\u3000件：会议议程",  # a label padded to width
    "2024年\u30003月，双方举行了会谈。",  # inside a date
    "本报北京3月1日电\u3000外交部发言人表示，中方欢迎这一决定。",  # a news dateline
    "（记者\u3000王某）外交部发言人表示，中方欢迎这一决定。",  # inside brackets
    "中方欢迎这一决定。 美方也表示支持。",  # one space between two sentences: a sentence break, not a line break
])
def test_spaces_that_do_not_separate_lines_are_left_alone(line):
    result = structure(document(line + "\n"))
    assert not actions(result, "break_line"), line


def test_a_whole_line_of_boilerplate_is_not_split_so_that_all_of_it_goes():
    text = "中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。\n2025-03-12 10:20  来源：某研究网  浏览次数：1,284\n"
    result = structure(document(text))
    assert not actions(result, "break_line")
    assert "2025-03-12 10:20  来源：某研究网  浏览次数：1,284" in actions(result, "remove_boilerplate")


def test_a_sentence_after_clutter_on_the_same_line_is_split_off_and_kept():
    text = "标题\n\n分享到：微信 微博  中德两国应当开展军控对话，这有助于建立信任。\n"
    result = structure(document(text))
    assert actions(result, "remove_boilerplate") == ["分享到：微信 微博"]
    assert texts(result)[-1] == "中德两国应当开展军控对话，这有助于建立信任。"


def test_a_pdf_extraction_keeps_its_spacing():
    text = "军控措施提高了相关行为体之间的可预测性  而持续的沟通尤为重要。¹\n\n1 参见某某（2022）：《军控》。\n\n" \
           "测性，而持续的沟通对于理解彼此的看法尤为重要，这一点各方都承认。²\n"
    result = structure(document(text))
    assert result.source_kind == "pdf" and not actions(result, "break_line")


# --------------------------------------------------------------------------- #
# 2. Source kind: page-break repair only in a PDF extraction
# --------------------------------------------------------------------------- #
WEB_PARAGRAPHS = ("多边军控的现状\n\n军控始终是国际秩序不可或缺的组成部分，符合有关各方的利益，军控措施提高了相关行为体之间的"
                  "可预测性\n\n持续的沟通对于理解彼此的看法尤为重要，这一点各方都承认。\n")


def test_two_web_paragraphs_stay_two_and_the_decision_is_logged():
    result = structure(document(WEB_PARAGRAPHS))
    assert result.source_kind == "plain"
    assert texts(result)[-2:] == ["军控始终是国际秩序不可或缺的组成部分，符合有关各方的利益，军控措施提高了相关行为体之间的可预测性",
                                  "持续的沟通对于理解彼此的看法尤为重要，这一点各方都承认。"]
    kept = [e for e in result.log if e.action == "keep_paragraph_break"]
    assert len(kept) == 1 and "source kind plain" in kept[0].reason and not actions(result, "join_page_break")


@pytest.mark.parametrize("sign, marked", [
    ("form feeds", WEB_PARAGRAPHS.replace("性\n\n持续", "性\n\n\f持续")),
    ("page numbers", WEB_PARAGRAPHS.replace("性\n\n持续", "性\n\n12\n\n持续") + "\n另一段文字在这里，讲述背景和目的。\n\n13\n\n结束语在这里。\n"),
    ("superscript", WEB_PARAGRAPHS.replace("利益，", "利益¹，").replace("承认。", "承认。²")),
])
def test_a_pdf_extraction_is_recognised_and_its_page_breaks_repaired(sign, marked):
    result = structure(document(marked))
    assert result.source_kind == "pdf" and sign in result.source_evidence
    assert any(t.startswith("军控始终是") and "可预测性持续的沟通" in t for t in texts(result))
    assert len(actions(result, "join_page_break")) == 1


def test_the_fixture_pdf_is_repaired_and_the_web_fixture_is_not(web):
    assert web["pdf_like"].source_kind == "pdf"
    assert "军控措施提高了相关行为体之间的可预测性，而持续的沟通对于理解彼此的看法尤为重要。" in texts(web["pdf_like"])
    assert web["news_br"].source_kind == "html"
    assert "会议主席在闭幕发言中说，各方在工作计划问题上仍有分歧" in texts(web["news_br"])


def test_hard_wrapped_lines_are_a_sign_of_a_pdf():
    lines = ["中德两国在多边军控领域的合作由来已久，双方在许多问", "题上立场接近，但在核透明度方面存在明显的分歧，这一",
             "分歧短期内难以消除，需要通过长期的对话加以管控和缓", "解，同时也需要第三方的参与和支持，才能取得实际的进"]
    text = "\n".join(lines * 3) + "\n"
    assert "hard-wrapped" in detect_source_kind(document(text), text).evidence


def test_the_study_texts_are_a_pdf_extraction_and_a_flattened_web_page():
    kinds = {d.doc_id: structure(d) for d in load_corpus()}
    assert kinds["fes2024"].source_kind == "pdf" and "footnote blocks" in kinds["fes2024"].source_evidence
    assert kinds["carnegie2024"].source_kind == "plain"
    assert not any(e.action == "keep_paragraph_break" for s in kinds.values() for e in s.log)


def test_text_with_html_tags_keeps_the_lines_outside_them(tmp_path):
    page = ("中国军控政策的新发展\n\n某作者\n\n<p class=\"x\"><b>一、国际安全形势</b></p><p class=\"x\">I. Security "
            "Environment and Arms Control</p><p>当今世界，国际战略格局加速调整，多边主义深入人心，维护世界和平的积极因素"
            "上升。</p><p>In today's world, the international strategic landscape is evolving at an accelerating pace.</p>\n")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,file\nx,a.txt\n", encoding="utf-8")
    result = structure(load_document("x", tmp_path))
    assert result.source_kind == "html" and result.document.text == page  # no main-text extraction
    assert texts(result)[:3] == ["中国军控政策的新发展", "某作者", "一、国际安全形势"]
    assert not any("Security" in t or "today" in t or "<" in t for t in texts(result))


# --------------------------------------------------------------------------- #
# 3. Interleaved English
# --------------------------------------------------------------------------- #
def test_a_bilingual_page_loses_its_english_title_byline_and_paragraphs(web):
    page = web["bilingual_title"]
    for english in ("Discuss an Arms Control", "staff reporter", "Experts from", "They discussed"):
        assert not any(english in t for t in texts(page)), english
    assert len(actions(page, "remove_translation")) == 4
    assert texts(page)[0] == "中德专家探讨军控对话"
    assert "北约秘书长斯托尔滕贝格（Jens Stoltenberg）此前表示，北约愿意与中国就军控问题进行对话。" in texts(page)


def test_an_english_title_beside_the_chinese_title_is_its_translation():
    text = ("Arms Control Between Germany and China\n\n德中两国的军控合作\n\n在多边军控领域，德国和中国在重大问题上目标一致，"
            "两国原则上都主张维护多边协定和机制。\n\nFriedrich-Ebert-Stiftung, Department Asia and Pacific, Berlin\n")
    result = structure(document(text))
    assert actions(result, "remove_translation") == ["Arms Control Between Germany and China"]
    assert texts(result)[-1] == "Friedrich-Ebert-Stiftung, Department Asia and Pacific, Berlin"  # not bilingual: kept


@pytest.mark.parametrize("line", [
    "美国负责军控的副国务卿狄南诺（Thomas DiNanno）表示，美方希望达成一项新的协议。",
    "美俄《新削减战略武器条约》（New Strategic Arms Reduction Treaty）旨在限制两国战略核武器的数量。",
])
def test_a_chinese_line_with_an_english_name_or_term_inside_stays(line):
    text = f"Title of the Page in English\n中文标题\n\n{line}\n\nAnother English line of the page.\n{line[:10]}这是一段中文。\n"
    result = structure(document(text))
    assert line in texts(result)


# --------------------------------------------------------------------------- #
# 4. Clutter of real pages: one example each rule removes, and a prose sentence it keeps
# --------------------------------------------------------------------------- #
CLUTTER = [
    # (line removed, words of the logged reason, prose sentence kept)
    ("签署日2001年5月8日", "infobox", "签署日期尚未确定，各方仍在磋商。"),
    ("缔约方178", "infobox", "缔约方应当在条约生效后三十日内提交报告。"),
    ("缔约国190 [2]", "infobox", "缔约国2023年在日内瓦举行了第十次审议大会，会议"),  # a hard-wrapped line stays
    ("签署地点 瑞士日内瓦", "infobox", "签署地点位于瑞士日内瓦的万国宫内"),
    ("语言英文、法文和中文", "infobox", "语言是沟通的桥梁，翻译的准确性十分重要。"),
    ("维基文库示例条约全文", "infobox", "维基文库收录了该条约的全文，供读者查阅。"),
    ("代表们在会场外合影 本报记者李某摄", "photo caption", "记者注意到，代表们在会后合影留念。"),
    ("会场一角 摄影：赵某", "photo caption", "他擅长摄影：尤其是拍摄外交场合的照片。"),
    ("核潜艇停靠在港口（资料图）", "photo caption", "资料图显示，该基地近年有所扩建。"),
    ("相关新闻：某国宣布退出条约 专家表示担忧", "related-article", "相关新闻报道指出，双方分歧仍然很大。"),
    ("延伸阅读：军控条约的前世今生", "related-article", "延伸阅读的材料有助于理解条约的背景。"),
    ("本站部分文章、图片来源于网络，仅供学习交流", "site disclaimer", "本站记者从外交部获悉，双方将继续磋商。"),
    ("如有侵权请联系管理员删除", "takedown", "如果侵犯了他国主权，就应当承担国际责任。"),
    ("邮箱：editor@example.org", "e-mail", "邮箱地址已在会议通知中公布。"),
    ("标签：核裁军 军控", "tag list", "标签化的做法无助于对话。"),
    ("撰文：赵某", "byline", "撰文者认为，军控对话应当继续。"),
    ("来源：某某网 作者：钱某", "source", "来源于多方的信息表明，谈判仍在继续。"),
    ("约翰·史密斯（John Smith），某某时报，2021年3月2日", "translated article", "史密斯（John Smith）认为，日本应当减少钚库存。"),
    ("发布时间：2023-05-03 来源：某网", "date line", "时间：2024年3月5日，双方在北京举行会谈。"),
    ("日期：2023-05-03 08:15", "date line", "时间：2024年3月5日至7日 地点：北京"),
    ("2023-05-03 08:15 来源：某某网", "date and source", "2023年5月3日，来源不明的报道称双方接近达成协议。"),
    ("2023年05月03日08:15", "date stamp", "2023年05月03日08:15，会议正式开幕。"),
    ("出版：2023-05-03 10:00 更新：2023-05-03 12:30", "update date", "出版：北京：某出版社，2020年。"),
    ("2019-04-01（某数据库首次上网日期，不代表论文的发表时间）", "date of upload", "该论文的首次上网日期为2019年4月1日。"),
    ("共12页", "page count", "报告共12页，分为三个部分。"),
    ("103-118,125", "page range", "第103-118页讨论了这一问题。"),
    ("q#Zt8&Lm@Wv2;Pk", "junk", "美俄《新削减战略武器条约》规定部署的“RS-28”等导弹数量不得超过700件。"),
    ("时政要闻 国际观察 军事频道", "menu", "时政要闻和国际观察是这份报纸最受欢迎的栏目。"),
    ("广告 广告", "advertisement", "公益广告在电视上播出，呼吁公众关注核安全。"),
    ("顶部横幅广告", "advertisement", "这则广告的内容与军控无关。"),
    ("新闻中心 > 国际 > 正文", "breadcrumb", "美国的核弹头数量远多于中国，这一差距仍然很大。"),
    ("您当前的位置：首页 > 新闻", "breadcrumb", "您当前的位置决定了您能看到的信息，他说。"),
    ("网站首页 | 联系我们", "footer", "网站首页的改版引起了读者的注意。"),
    ("中文 | English", "language switch", "会议以中文和英文两种语言举行。"),
    ("第03版：国际新闻 PDF版阅读", "e-edition", "第03版刊登了这篇评论。"),
    ("维基百科，自由的百科全书", "encyclopedia page", "维基百科的条目指出，该条约于1970年生效。"),
    ("（重定向自某某条约）", "encyclopedia page", "该条约的名称后来重新确定为现在的形式。"),
    ("示例网示例网示例网", "site name repeated", "示例网报道了这次会议的情况。"),
    ("签署日2001年5月8日[3]", "infobox", "生效日1970年3月5日，条约开始生效"),
    ("（单词翻译：双击或拖选）", "dictionary widget", "单词翻译的准确性值得注意。"),
    ("中英对照", "bilingual page", "“国防白皮书”要点（中英对照）"),
    ("字号：大 中 小 打印", "font-size", "字号的大小不影响内容的理解。"),
    ("评论：（查看）", "comment link", "评论：这一决定值得欢迎，各方应当继续努力。"),
    ("微信", "share", "微信已经成为重要的传播渠道。"),
    ("新闻中心", "lone navigation", "新闻中心的工作人员介绍了会议安排。"),
]


@pytest.mark.parametrize("line, reason, control", CLUTTER, ids=[c[0] for c in CLUTTER])
def test_web_clutter_of_real_pages_is_removed_and_prose_is_kept(line, reason, control):
    assert clean.boilerplate_reason(control) is None and clean.junk_line_reason(control) is None, control
    text = f"外交部发言人答记者问\n\n{control}\n{line}\n\n中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。\n"
    result = structure(document(text))
    assert control in texts(result) and "这一立场没有改变" in "".join(texts(result))
    start = text.index(f"\n{line}\n") + 1
    assert not set(range(start, start + len(line))) & {o for s in result.sentences for o in s.offsets}, line
    assert any(e.action == "remove_boilerplate" and reason in e.reason and e.before == line for e in result.log), \
        [e.reason for e in result.log]


def test_a_labelled_keyword_row_is_not_a_menu():
    text = "论核透明度\n\n关键词：战略稳定 军备控制 核不扩散\n\n核透明度问题长期以来是军控研究的核心议题之一。\n"
    assert "关键词：战略稳定 军备控制 核不扩散" in texts(structure(document(text)))


def test_an_infobox_takes_its_unlabelled_rows_and_map_caption_with_it(web):
    page = web["encyclopedia"]
    removed = {e.before: e.reason for e in page.log if e.action == "remove_boilerplate"}
    for row in ("部分禁止核试验条约的缔约国", "签署日1963年8月5日", "生效条件三个原始缔约方批准", "保存处美国英国苏联",
                "语言英文和俄文", "维基文库部分禁止核试验条约"):
        assert row in removed, row
    assert "缔约方承诺不在其管辖范围内的任何地方进行核爆炸。" in texts(page)
    assert texts(page)[1] == "《部分禁止核试验条约》禁止在大气层、外层空间和水下进行核试验。"


def test_short_lines_beside_a_single_labelled_row_are_not_an_infobox():
    text = "条约概况\n\n签署日2001年5月8日\n保存国政府\n核查机制\n\n该条约规定了详细的核查机制，各方应当遵守。\n"
    result = structure(document(text))
    assert {"保存国政府", "核查机制"} <= set(texts(result))


def test_a_portal_menu_run_goes_but_a_short_list_in_the_text_stays():
    menu = "订阅\n报纸\n纸质报纸 电子报纸\n手机订阅 微商城\n英语\n学习\n精彩演讲 活动动态\n"
    result = structure(document(f"{menu}\n裁军是一个长期的过程\n\n中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。\n"))
    assert texts(result)[0] == "裁军是一个长期的过程"
    listed = "本次会议的主要议题：\n核裁军\n防扩散\n和平利用\n外空安全 网络安全\n新兴技术\n军控核查 透明措施\n"
    result = structure(document(f"{listed}\n中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。\n"))
    assert not actions(result, "remove_boilerplate")


def test_a_date_prefix_interlanguage_links_and_glued_junk_are_cut_out_of_their_lines():
    text = (" date 2025-01-02 美俄最后一项核军控条约周四到期，这是数十年来首次出现这种局面。\n\n"
            "截至2023年，已有185个国家成为条约缔约国英语List of States Parties to the Convention。该公约（英语：Chemical "
            "Weapons Convention）由禁止化学武器组织监督执行，中国代表用英语发言。\n\n"
            "美俄都在加大核力量方面的投入k9&Qz@Lw4=Tp\n")
    result = structure(document(text))
    body = "".join(texts(result))
    assert body.startswith("美俄最后一项核军控条约周四到期") and "date" not in body
    assert "成为条约缔约国。" in body and "List of States" not in body
    assert "（英语：Chemical Weapons Convention）" in body and "用英语发言" in body
    assert body.endswith("美俄都在加大核力量方面的投入") and "k9&" not in body
    assert len(actions(result, "remove_boilerplate")) == 3


@pytest.mark.parametrize("token", ["https://www.example.org/a?b=1&c=2", "editor@example.org", "RS-28", "U.S.-Russia",
                                   "P:+12024837600", "10.16619/j.cnki.2023.10.020", "(NPT)", "[1][2][3]",
                                   ":21KGXW0318);", "(编号:AB20190411CD);"])
def test_urls_addresses_and_abbreviations_are_not_junk(token):
    assert not clean.is_junk_string(token)


def test_a_grant_number_at_the_end_of_a_funding_line_is_kept():
    """Found on a held-out page: the junk rule took a grant number followed by ``);`` for random ASCII."""
    text = "基金项目：国家社会科学基金项目“核军控与全球治理研究”(编号:21KGXW0318);\n\n正文第一段讨论核军控。\n"
    result = structure(document(text))
    assert "21KGXW0318" in "".join(texts(result))


def test_a_news_agencys_end_mark_is_not_a_truncated_body(tmp_path):
    """（完） closes a wire story; the body ends with the sentence before it."""
    from helpers.text.corpus import load_corpus
    from helpers.text.structure import structure

    story = "新华社日内瓦电　裁军谈判会议今天开幕。\n\n各国代表就议程进行了讨论，会议将持续三周。\n\n（完）\n"
    cut = "新华社日内瓦电　裁军谈判会议今天开幕。\n\n各国代表就议程进行了讨论，会议将持续\n"
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "b.txt").write_text(cut, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,file\nstory,a.txt\ncut,b.txt\n", encoding="utf-8")
    done, broken = (structure(d) for d in load_corpus(tmp_path))
    assert not done.truncated and broken.truncated


# --------------------------------------------------------------------------- #
# 5. Prose that carries a clutter clause, spaces inside a clause, <br> inside a paragraph, English that is
#    not a translation (regressions of the second review; each example written for these tests)
# --------------------------------------------------------------------------- #
def removed_texts(result: Structured) -> list[str]:
    return actions(result, "remove_boilerplate") + actions(result, "remove_translation")


def assert_cut_is_logged_with_its_raw_span(result: Structured, clause: str) -> None:
    raw = result.document.text
    cut = [e for e in result.log if e.action == "remove_boilerplate" and e.before == clause]
    assert len(cut) == 1, [e.before for e in result.log if e.action == "remove_boilerplate"]
    assert raw[cut[0].raw_start:cut[0].raw_end] == clause
    assert not set(range(cut[0].raw_start, cut[0].raw_end)) & {o for s in result.sentences for o in s.offsets}


def test_a_bracketed_disclaimer_at_the_end_of_a_paragraph_is_cut_and_the_argument_kept():
    text = ("核查合作的起点\n\n核查技术的合作可以从敏感度较低的领域开始。两国专家应当定期交流经验，逐步建立互信。"
            "（本文仅代表作者个人观点）\n\n第二段讨论出口管制。\n")
    result = structure(document(text))
    assert "核查技术的合作可以从敏感度较低的领域开始。" in texts(result)
    assert "两国专家应当定期交流经验，逐步建立互信。" in texts(result)
    assert_cut_is_logged_with_its_raw_span(result, "（本文仅代表作者个人观点）")


def test_a_disclaimer_sentence_after_prose_on_the_same_line_is_cut():
    text = "标题\n\n双边对话的频率应当提高，尤其是在危机时期。本文仅代表作者个人观点，不代表本站立场。\n"
    result = structure(document(text))
    assert texts(result)[-1] == "双边对话的频率应当提高，尤其是在危机时期。"
    assert_cut_is_logged_with_its_raw_span(result, "本文仅代表作者个人观点，不代表本站立场。")


def test_copyright_holder_after_a_comma_is_running_text_not_a_footer():
    line = "这套数据的使用条件见出版方网站，版权所有者为该出版社。此外，引用者应当注明出处。"
    assert clean.boilerplate_reason(line) is None
    result = structure(document(f"数据来源说明\n\n{line}\n"))
    assert "这套数据的使用条件见出版方网站，版权所有者为该出版社。" in texts(result)
    assert not removed_texts(result)


def test_a_source_label_before_a_complete_sentence_loses_only_the_label():
    text = "军控对话的前景\n\n来源：本文根据作者在一次学术会议上的报告整理而成。\n\n中德双方应当继续对话。\n"
    result = structure(document(text))
    assert "本文根据作者在一次学术会议上的报告整理而成。" in texts(result)
    assert_cut_is_logged_with_its_raw_span(result, "来源：")


@pytest.mark.parametrize("line", ["来源：某某日报", "来源：新华社。", "声明：本文仅代表作者观点，不代表本站立场。",
                                  "版权所有 © 2023 某研究网 保留一切权利。"])
def test_a_line_that_is_only_clutter_still_goes_whole(line):
    text = f"标题\n\n中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。\n{line}\n"
    result = structure(document(text))
    assert line in actions(result, "remove_boilerplate")
    assert texts(result)[-1] == "中方一贯主张全面禁止和彻底销毁核武器，这一立场没有改变。"


def test_a_pasted_table_with_numbers_is_content_not_a_navigation_row():
    table = "国家 | 部署弹头 | 年份\n法国 | 290 | 2023\n英国 | 225 | 2023\n"
    text = f"各国部署的核弹头数量见下表。\n\n{table}\n以上数字均为估计值。\n"
    result = structure(document(text))
    body = "".join(texts(result))
    assert "法国 | 290 | 2023" in body and "英国 | 225 | 2023" in body and "部署弹头" in body
    assert not actions(result, "remove_boilerplate")


def test_a_bare_keyword_line_is_not_a_portal_menu():
    text = "危机管控与中美关系\n\n危机管控 战略互信 核不扩散 军备控制\n\n两国应当建立更加有效的危机沟通机制。\n"
    result = structure(document(text))
    assert "危机管控 战略互信 核不扩散 军备控制" in texts(result)


@pytest.mark.parametrize("line, sentence", [
    ("中方的一贯立场是  反对在外层空间部署任何武器。", "中方的一贯立场是反对在外层空间部署任何武器。"),
    ("俄罗斯外长  拉夫罗夫表示愿意恢复对话。", "俄罗斯外长拉夫罗夫表示愿意恢复对话。"),
    ("\u3000\u3000日本首相  岸田文雄说，日本将继续坚持无核三原则。", "日本首相岸田文雄说，日本将继续坚持无核三原则。"),
])
def test_two_spaces_inside_a_chinese_clause_do_not_break_the_sentence(line, sentence):
    text = f"{line}\n\n各方应当保持克制，避免局势升级。\n"
    result = structure(document(text))
    assert not actions(result, "break_line")
    assert texts(result)[0] == sentence
    assert result.sentences[0].part == "body" and result.sentences[0].kind == "sentence"


def test_a_chinese_line_with_a_long_english_name_is_never_removed_as_a_translation():
    text = "研讨会综述\n\n本次研讨会由 Carnegie Endowment for International Peace  协办，地点在华盛顿。\n"
    result = structure(document(text))
    assert not removed_texts(result)
    assert "本次研讨会由 Carnegie Endowment for International Peace 协办，地点在华盛顿。" in texts(result)


def _saved_page(tmp_path: Path, name: str, body: str) -> Structured:
    folder = tmp_path / name
    folder.mkdir()
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>出口管制合作</title></head><body><article>"
            f"<h1>出口管制合作</h1>{body}</article></body></html>")
    (folder / "p.html").write_text(page, encoding="utf-8")
    (folder / "manifest.csv").write_text("doc_id,file\np,p.html\n", encoding="utf-8")
    return structure(load_document("p", folder))


def test_a_br_inside_a_paragraph_of_a_saved_page_does_not_split_the_sentence(tmp_path):
    result = _saved_page(tmp_path, "a", "<p>两国在出口管制领域有广泛的共同利益，<br>双方应当在多边框架内协调立场。各方对此表示欢迎。</p>"
                                        "<p>第二段讨论技术合作的具体方式，例如人员培训。</p>")
    assert "两国在出口管制领域有广泛的共同利益，双方应当在多边框架内协调立场。" in texts(result)
    assert not actions(result, "keep_paragraph_break")


def test_a_disclaimer_after_prose_in_a_saved_page_is_cut_and_the_prose_kept(tmp_path):
    result = _saved_page(tmp_path, "b", "<p>两国应当在出口管制领域开展技术合作。其次，双方应当加强海关之间的联系。</p>"
                                        "<p>最后，两国可以共同培训执法人员，<br/>并且交流最佳实践。本文仅代表作者个人观点。</p>")
    assert "最后，两国可以共同培训执法人员，并且交流最佳实践。" in texts(result)
    assert "本文仅代表作者个人观点。" in actions(result, "remove_boilerplate")


def test_an_english_quotation_introduced_by_chinese_text_is_kept():
    quotation = "No State shall place in orbit around the Earth any objects carrying weapons of mass destruction."
    text = (f"外空条约第四条\n\n外空军控的法律基础是1967年的《外层空间条约》。该条约第四条的英文原文如下：\n\n{quotation}\n\n"
            "这一条款只禁止大规模杀伤性武器，没有涉及常规武器。\n")
    result = structure(document(text))
    assert quotation in texts(result)
    assert not removed_texts(result)


def test_a_mostly_english_page_keeps_its_english_and_says_so_in_the_log():
    english = ["This paper examines how Germany and China could cooperate on export controls for sensitive goods.",
               "It argues that technical exchanges between customs officials are the most promising first step."]
    text = "出口管制合作\n" + "\n".join(english) + "\n"
    result = structure(document(text))
    assert all(line in " ".join(texts(result)) for line in english)
    assert not removed_texts(result)
    notes = [e.reason for e in result.log if e.action == "decode"]
    assert len(notes) == 1 and "English" in notes[0] and "\n" not in notes[0]
    assert not result.truncated


def test_a_pinyin_reading_after_a_character_is_removed_and_logged():
    """Some mirror sites print a character's reading after it (现(xiàn)实): removed, so the word stays whole."""
    from helpers.text.tracked import Tracked

    log = []
    text = "双方认为现(xiàn)阶段对话很重要，联（lián）合声明已发表。括号里的英文(English)和拼音nian不受影响。"
    cleaned = clean.clean_piece(Tracked.from_raw(text), log, prose=True)
    assert cleaned.text.startswith("双方认为现阶段对话很重要，联合声明已发表。")
    assert "（English）" in cleaned.text  # no tone mark: not a reading
    removed = [e for e in log if e.reason.startswith("pinyin reading")]
    assert [e.before for e in removed] == ["(xiàn)", "（lián）"] and all(e.after == "" for e in removed)
    assert [text[e.raw_start:e.raw_end] for e in removed] == ["(xiàn)", "（lián）"]
