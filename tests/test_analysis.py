"""The comparison methods, checked against small examples worked by hand, and on the real texts."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import analysis
from helpers import comparison as cp
from helpers.coding import load_coded


def test_log_likelihood_by_hand():
    # a=10, b=0 in corpora of 100 and 100: E1 = 5, G2 = 2 * 10 ln(10/5) = 20 ln 2
    assert analysis.log_likelihood(10, 0, 100, 100) == pytest.approx(20 * math.log(2))
    # a=20, b=10, corpora of 1000 each: E = 15; G2 = 2 (20 ln(20/15) + 10 ln(10/15)) = 3.39798
    assert analysis.log_likelihood(20, 10, 1000, 1000) == pytest.approx(3.39798, abs=1e-5)
    assert analysis.log_likelihood(5, 5, 100, 100) == pytest.approx(0.0)
    # unequal sizes: a=20, b=10 in 1000 and 3000 tokens: E1 = 7.5, E2 = 22.5
    # G2 = 2 (20 ln(20/7.5) + 10 ln(10/22.5)) = 2 (19.61659 - 8.10930) = 23.01457
    assert analysis.log_likelihood(20, 10, 1000, 3000) == pytest.approx(23.01457, abs=1e-5)
    assert analysis.log_likelihood(10, 20, 3000, 1000) == pytest.approx(23.01457, abs=1e-5)


def test_log_ratio_by_hand():
    assert analysis.log_ratio(20, 10, 1000, 1000) == pytest.approx(1.0)
    assert analysis.log_ratio(5, 0, 100, 100) == pytest.approx(math.log2(10))  # zero count taken as 0.5
    # unequal sizes: 20/1000 against 10/3000 is six times as frequent
    assert analysis.log_ratio(20, 10, 1000, 3000) == pytest.approx(math.log2(6))


def test_log_odds_with_dirichlet_prior_by_hand():
    # counts a: x 3, y 1; b: x 1, y 3; prior x 1, y 1 (alpha0 = 2); n_a = n_b = 4
    # delta_x = ln(4/2) - ln(2/4) = 2 ln 2; var = 1/4 + 1/2 = 0.75; z = 2 ln 2 / sqrt(0.75) = 1.600754
    table = analysis.log_odds_dirichlet({"x": 3, "y": 1}, {"x": 1, "y": 3}, {"x": 1.0, "y": 1.0}).set_index("token")
    assert table.loc["x", "delta"] == pytest.approx(2 * math.log(2))
    assert table.loc["x", "variance"] == pytest.approx(0.75)
    assert table.loc["x", "z"] == pytest.approx(1.6007548, abs=1e-7)
    assert table.loc["y", "z"] == pytest.approx(-1.6007548, abs=1e-7)


def test_log_odds_with_unequal_sizes_and_prior_by_hand():
    # a: w 2 of 10; b: w 1 of 40; prior w 1, v 3 (alpha0 = 4)
    # delta_w = ln(3 / (10 + 4 - 2 - 1)) - ln(2 / (40 + 4 - 1 - 1)) = ln(3/11) - ln(2/42) = 1.7452
    # var = 1/3 + 1/2; z = 1.7452 / sqrt(5/6) = 1.9118
    table = analysis.log_odds_dirichlet({"w": 2, "v": 8}, {"w": 1, "v": 39}, {"w": 1.0, "v": 3.0}).set_index("token")
    assert table.loc["w", "delta"] == pytest.approx(math.log(3 / 11) - math.log(2 / 42))
    assert table.loc["w", "z"] == pytest.approx((math.log(3 / 11) - math.log(2 / 42)) / math.sqrt(5 / 6))


def test_pooled_prior_follows_the_pooled_shares():
    prior = analysis.pooled_prior({"x": 6, "y": 1}, {"x": 2, "y": 1}, strength=10)
    assert prior == {"x": 8.0, "y": 2.0}


def test_prior_shrinks_rare_words():
    # a word seen twice in one text only is not distinctive; one seen 40 times against 5 is
    counts_a = {"rare": 2, "common": 40, "other": 958}
    counts_b = {"common": 5, "other": 995}
    table = analysis.log_odds_dirichlet(counts_a, counts_b, analysis.pooled_prior(counts_a, counts_b, 100))
    z = table.set_index("token")["z"]
    assert abs(z["rare"]) < 1.96 < z["common"]


def test_kwic_uses_token_offsets():
    # the keyword occurs twice; each hit gets its own context from its offsets
    sentences = pd.DataFrame([{"sentence_id": "d-0001", "text": "军控对话与军控谈判"}])
    tokens = pd.DataFrame([{"doc_id": "d", "sentence_id": "d-0001", "token": "军控", "start": 0, "end": 2},
                           {"doc_id": "d", "sentence_id": "d-0001", "token": "军控", "start": 5, "end": 7}])
    table = analysis.kwic(tokens, sentences, "军控", width=3)
    assert list(table["right"]) == ["对话与", "谈判"]
    assert list(table["left"].str.strip("　")) == ["", "对话与"]


def test_collocates_count_each_position_once_and_keep_only_attraction():
    # x sits between two a's but is one token; y is near a once and far from it four times
    tokens = pd.DataFrame({"sentence_id": ["s"] * 5 + ["t"] * 8, "position": list(range(5)) + list(range(8)),
                           "token": ["a", "x", "a", "y", "z"] + ["y", "y", "y", "q", "q", "q", "q", "q"]})
    table = analysis.collocates(tokens, "a", window=1, min_count=1).set_index("collocate")
    assert table.loc["x", "together"] == 1 and table.loc["x", "elsewhere"] == 0
    assert "y" in table.index  # near a: 1 of 2 tokens; elsewhere: 3 of 9 (1/2 > 3/9)
    assert "q" not in table.index  # never near a


def test_frequencies_give_rates_per_thousand():
    tokens = pd.DataFrame({"doc_id": ["d"] * 4, "token": ["a", "a", "b", "c"]})
    freq = analysis.frequencies(tokens)
    assert freq.iloc[0].to_dict() == {"doc_id": "d", "token": "a", "count": 2, "rate": 500.0}


def test_keyness_on_the_real_texts(study):
    keyness = cp.keyness_table(study)
    top_fes = keyness.iloc[0]
    assert top_fes["term"] == "军控" and top_fes["doc_id"] == "fes2024" and top_fes["count_carnegie"] == 0
    assert keyness.iloc[-1]["doc_id"] == "carnegie2024"
    assert (keyness.loc[keyness["z"].abs() < 1.96, "doc_id"] == "shared").all()
    thresholds = cp.keyness_thresholds(keyness).set_index("measure")["terms"]
    assert thresholds["log-likelihood G²"] > thresholds["log-odds z"] > 10
    assert set(keyness.loc[keyness["z"] < -1.96, "term"]) >= {"美国", "政治"}
    signed = keyness["g2"] * keyness["log_ratio"].apply(lambda r: 1 if r > 0 else -1)
    assert signed.rank().corr(keyness["z"].rank()) > 0.8
    # the inserted passage is not counted
    inserted = cp.excluded(study)
    assert len(inserted) == 8 and not inserted & set(cp.body_tokens(study)["sentence_id"])


def test_keyness_chart_terms_have_glosses(study):
    keyness = cp.keyness_table(study)
    shown = set(keyness.nlargest(12, "z")["term"]) | set(keyness.nsmallest(12, "z")["term"])
    assert shown <= set(cp.glosses())


def test_both_texts_are_counted_in_one_set_of_categories():
    asks = cp.asks()
    proposals = load_coded("fes_proposals")
    recs = load_coded("carnegie_recommendations")
    assert (asks["doc_id"] == "fes2024").sum() == len(proposals)
    assert (asks["doc_id"] == "carnegie2024").sum() == (recs["parent_id"] == "").sum() == 7
    themes = cp.ask_shares("theme").set_index("theme")
    assert themes.loc["dialogue", "both"] and themes.loc["transparency", "both"]
    assert not themes.loc["technical cooperation", "both"]
    assert themes["share_fes"].sum() == pytest.approx(1.0, abs=0.02)
    strategic = recs.set_index("rec_id").loc["R5"]
    assert strategic["format"] == "official" and strategic["theme"] == "dialogue"  # a government mechanism
    formats = cp.ask_shares("format").set_index("format")
    assert formats.loc["unilateral", "share_carnegie"] > formats.loc["unilateral", "share_fes"]


def test_every_conclusion_cites_both_texts(sentences):
    text = sentences.set_index("sentence_id")["text"]
    conclusions = load_coded("conclusions")
    assert set(conclusions["relation"]) == {"agree", "differ"}
    assert (conclusions["headline"] == "yes").sum() == 1
    headline = cp.conclusions_view().iloc[0]
    assert headline["headline"] == "yes" and "linkage" in headline["finding"]
    assert "introduction" in " ".join(cp.conclusions_view()["carnegie_source"])
    findings = " ".join(conclusions["finding"])
    assert "核心利益" in findings and "no first use" in findings
    for row in conclusions.itertuples():
        for ids, quotes, doc in ((row.fes_sentence_id, row.fes_quote, "fes2024"),
                                 (row.carnegie_sentence_id, row.carnegie_quote, "carnegie2024")):
            for sentence_id, quote in zip(ids.split(";"), quotes.split(";")):
                assert sentence_id.startswith(doc) and quote and quote in text[sentence_id]


def test_china_is_framed_with_germany_and_russia_in_fes_and_the_us_in_carnegie(study):
    partners = cp.china_cooccurrence(study).set_index("partner")
    assert set(partners["fes2024"].nlargest(2).index) == {"germany", "russia"}
    assert partners["carnegie2024"].idxmax() == "united_states"
    # two-country compounds count for both countries
    mentions = study.tables["mentions"]
    dyads = mentions[mentions["form"] == "dyad"]
    assert {"中德", "中美"} <= set(dyads["surface"]) and len(dyads) % 2 == 0
