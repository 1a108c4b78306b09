"""Segmentation with the domain dictionary, measured on the real texts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers.methods.evaluation import boundary_evaluation, gold_sample, term_integrity
from helpers.language.lexicon import domain_dictionary, stopwords
from helpers.paths import ROOT
from helpers.language.segment import ENGINE_VARIABLE, boundary_scores, dictionary_version, engine_version, tokenize


def words(text: str, **kw) -> list[str]:
    return [t.text for t in tokenize(text, **kw)]


def test_default_jieba_gets_the_domain_wrong_and_the_domain_tokenizer_right():
    text = "都会导致中德军控政策的目标在表面上虽然相似"
    assert "德军" in words(text, domain=False)
    assert words(text)[3:6] == ["中德", "军控", "政策"]


@pytest.mark.parametrize("term", [
    "不扩散核武器条约", "禁止生物武器公约", "全面禁止核试验条约", "联合全面行动计划", "新削减战略武器条约",
    "二次打击", "核共享", "战略稳定", "斯托尔滕贝格", "核透明", "最低限度威慑", "反击发射", "中美", "中俄",
])
def test_domain_terms_are_single_tokens_in_the_texts(study, term):
    hits = [s for s in study.sentences if term in s.text]
    assert hits, f"{term} does not occur"
    for sentence in hits:
        tokens = tokenize(sentence.text)
        start = sentence.text.find(term)
        assert any(t.start <= start and t.end >= start + len(term) for t in tokens), (term, sentence.sentence_id)


def test_names_with_separators_stay_whole():
    assert "奥利弗·迈尔" in words("奥利弗·迈尔 (Oliver Meier) 是欧洲领导力网络")
    assert "Jens Stoltenberg" in words("斯托尔滕贝格（Jens Stoltenberg）强调")
    assert "SM-3BlockIIA" in words("测试了针对洲际弹道导弹（ICBM）级目标的SM-3BlockIIA拦截器")
    assert "——" in words("明确的目标——构建")


def test_token_spans_point_into_the_sentence(study):
    for sentence in study.sentences[:80]:
        for token in tokenize(sentence.text):
            assert sentence.text[token.start:token.end] == token.text


def test_segmentation_measured_against_the_gold_sample(study):
    table = boundary_evaluation(study.sentences).set_index(["sample", "tokenizer"])["f1"]
    for sample in ("random", "purposive", "all"):
        assert table[(sample, "jieba + domain dictionary")] > table[(sample, "jieba default dictionary")], sample
    assert table[("random", "jieba + domain dictionary")] >= 0.95
    assert table[("purposive", "jieba + domain dictionary")] - table[("purposive", "jieba default dictionary")] >= 0.04


def test_gold_sample_spells_the_real_sentences_and_is_mostly_random(sentences):
    text = sentences.set_index("sentence_id")["text"]
    gold = gold_sample()
    for sentence_id, tokens in zip(gold["sentence_id"], gold["tokens"]):
        assert "".join(tokens) == text[sentence_id]
    assert (gold["sample"] == "random").sum() >= 14 and gold["tokens"].map(len).sum() >= 500


def test_term_integrity_on_both_texts(study):
    totals = term_integrity(study.sentences).groupby("doc_id")[["occurrences", "whole_default", "whole_domain"]].sum()
    for doc_id, row in totals.iterrows():
        assert row["whole_domain"] / row["occurrences"] >= 0.99, doc_id
        assert row["whole_default"] / row["occurrences"] <= 0.80, doc_id


def test_boundary_scores_by_hand():
    # gold 中德|军控 has one boundary (after 2 chars); 中|德军|控 has boundaries 1 and 3
    assert boundary_scores(["中德", "军控"], ["中", "德军", "控"]) == (0, 2, 1)
    assert boundary_scores(["中德", "军控"], ["中德", "军控"]) == (1, 1, 1)
    with pytest.raises(ValueError):
        boundary_scores(["中德"], ["中美"])


def test_dictionary_is_versioned_and_stopwords_load():
    assert domain_dictionary().version
    assert "domain_dict" in dictionary_version()
    assert dictionary_version().startswith(f"{engine_version()} + domain_dict ")  # names the engine (rjieba or jieba)
    assert {"的", "和", "了"} <= stopwords() and "军控" not in stopwords()


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_jieba_prints_nothing_and_keeps_its_cache_out_of_the_repository(tmp_path, engine):
    code = "from helpers.language.segment import tokenize; tokenize('中德军控'); tokenize('中德军控', domain=False)"
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), ENGINE_VARIABLE: engine}
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True,
                            env=env, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert list(tmp_path.glob("arms-control-study/jieba*.cache"))
    assert not list(ROOT.rglob("jieba*.cache"))
