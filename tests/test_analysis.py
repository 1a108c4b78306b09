"""The comparison methods, checked against small examples worked by hand, and on the real texts."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.methods import analysis
from helpers.study import comparison as cp
from helpers.study.coding import load_coded


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


def test_pooled_prior_of_no_strength_is_the_pooled_counts():
    assert analysis.pooled_prior({"x": 6, "y": 1}, {"x": 2, "y": 1}, strength=None) == {"x": 8.0, "y": 2.0}


def test_prior_sensitivity_names_each_strength_by_its_total():
    counts_a, counts_b = {"w": 20, "v": 980}, {"w": 5, "v": 995}
    table = analysis.prior_sensitivity(counts_a, counts_b, (10, 100, None))
    assert list(table.columns) == [10, 100, 2000]
    expected = analysis.log_odds_dirichlet(counts_a, counts_b, analysis.pooled_prior(counts_a, counts_b, 100))
    assert table.loc["w", 100] == pytest.approx(expected.set_index("token").loc["w", "z"])


def test_a_weak_prior_penalises_a_word_absent_from_one_text():
    # 35 : 0 passes with 100 pseudo-counts, but at 10 the absent side keeps a variance of 1/alpha_w
    counts_a, counts_b = {"w": 35, "v": 1474}, {"v": 1083}
    z = analysis.prior_sensitivity(counts_a, counts_b, (10, 100)).loc["w"]
    assert z[100] > 1.96 > z[10]


def test_p_values_by_hand():
    assert analysis.p_value_g2(3.841459) == pytest.approx(0.05, abs=1e-6)  # the chi-squared(1) 5% point
    assert analysis.p_value_z(1.959964) == pytest.approx(0.05, abs=1e-6)
    assert analysis.p_value_z(-1.959964) == pytest.approx(0.05, abs=1e-6)  # two-sided
    assert analysis.critical_g2(0.05) == pytest.approx(3.841459, abs=1e-5)


def test_benjamini_hochberg_by_hand():
    # sorted: 0.01 (k=1), 0.03 (k=2), 0.04 (k=3), 0.2 (k=4); times m/k: 0.04, 0.06, 0.0533, 0.2;
    # then the running minimum from the largest down: 0.04, 0.0533, 0.0533, 0.2 (in the order given)
    q = analysis.benjamini_hochberg([0.01, 0.04, 0.03, 0.2])
    assert q == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
    assert analysis.benjamini_hochberg([0.5, 0.9]) == pytest.approx([0.9, 0.9])
    assert analysis.benjamini_hochberg([]) == []


def test_worked_example_arms_control_by_hand(study):
    """Notebook 03's worked example: 军控 35 times in the FES body (1,509 content tokens), never in the
    Carnegie body (1,083 content tokens)."""
    a, b, n_a, n_b = 35, 0, 1509, 1083
    # expected counts: row total x column total / grand total
    e_a, e_b = n_a * 35 / 2592, n_b * 35 / 2592
    assert (e_a, e_b) == pytest.approx((20.3762, 14.6238), abs=1e-4)
    # G2 = 2 * 35 ln(35 / 20.3762) = 37.869 (the zero cell adds nothing)
    assert analysis.log_likelihood(a, b, n_a, n_b) == pytest.approx(2 * 35 * math.log(35 / e_a))
    assert analysis.log_likelihood(a, b, n_a, n_b) == pytest.approx(37.869, abs=1e-3)
    assert analysis.p_value_g2(37.869) == pytest.approx(7.57e-10, rel=1e-3)
    # log ratio: log2((35 / 1509) / (0.5 / 1083)) = 5.651
    assert analysis.log_ratio(a, b, n_a, n_b) == pytest.approx(math.log2((35 / 1509) / (0.5 / 1083)))
    assert analysis.log_ratio(a, b, n_a, n_b) == pytest.approx(5.651, abs=1e-3)
    # log-odds, alpha0 = 100: alpha = 100 * 35 / 2592 = 1.3503
    alpha = 100 * 35 / 2592
    delta = math.log((35 + alpha) / (1509 + 100 - 35 - alpha)) - math.log(alpha / (1083 + 100 - alpha))
    z = delta / math.sqrt(1 / (35 + alpha) + 1 / alpha)
    assert z == pytest.approx(3.431, abs=1e-3)
    # the helper, on a two-word vocabulary with the same counts and the same pooled share
    prior = analysis.pooled_prior({"军控": 35, "other": 1474}, {"other": 1083}, 100)
    assert prior["军控"] == pytest.approx(alpha)
    table = analysis.log_odds_dirichlet({"军控": 35, "other": 1474}, {"other": 1083}, prior).set_index("token")
    assert table.loc["军控", "z"] == pytest.approx(z)
    # and the real table agrees with the numbers the notebook works through
    row = cp.keyness_table(study).set_index("term").loc["军控"]
    assert (row["count_fes"], row["count_carnegie"]) == (35, 0)
    sizes = cp.sizes(study).set_index("doc_id")["content_tokens"]
    assert (sizes["fes2024"], sizes["carnegie2024"]) == (1509, 1083)
    assert (row["g2"], row["log_ratio"], row["z"]) == pytest.approx((37.869, 5.651, 3.431), abs=1e-3)


def test_kwic_uses_token_offsets():
    # the keyword occurs twice; each hit gets its own context from its offsets
    sentences = pd.DataFrame([{"sentence_id": "d-0001", "text": "军控对话与军控谈判"}])
    tokens = pd.DataFrame([{"doc_id": "d", "sentence_id": "d-0001", "token": "军控", "start": 0, "end": 2},
                           {"doc_id": "d", "sentence_id": "d-0001", "token": "军控", "start": 5, "end": 7}])
    table = analysis.kwic(tokens, sentences, "军控", width=3)
    assert list(table["right"]) == ["对话与", "谈判"]
    assert list(table["left"].str.strip("　")) == ["", "对话与"]


def test_kwic_sorts_by_left_or_right_context():
    # characters in code-point order: 丙 < 乙 < 甲
    sentences = pd.DataFrame([{"sentence_id": "d-0001", "text": "甲核丙"}, {"sentence_id": "d-0002", "text": "乙核甲"},
                              {"sentence_id": "d-0003", "text": "乙甲核乙"}])
    tokens = pd.DataFrame([{"doc_id": "d", "sentence_id": f"d-000{i}", "token": "核", "start": start, "end": start + 1}
                           for i, start in ((1, 1), (2, 1), (3, 2))])
    assert list(analysis.kwic(tokens, sentences, "核", 2)["sentence_id"]) == ["d-0001", "d-0002", "d-0003"]
    # by the right context, from the keyword on: 丙, 乙, 甲
    right = analysis.kwic(tokens, sentences, "核", 2, sort="right")
    assert list(right["sentence_id"]) == ["d-0001", "d-0003", "d-0002"]
    # by the left context read backwards from the keyword: 乙, 甲, 甲乙 (d-0003's left context is 乙甲)
    left = analysis.kwic(tokens, sentences, "核", 2, sort="left")
    assert list(left["sentence_id"]) == ["d-0002", "d-0001", "d-0003"]
    with pytest.raises(ValueError):
        analysis.kwic(tokens, sentences, "核", 2, sort="middle")


def test_kwic_string_finds_a_cue_inside_longer_words():
    sentences = pd.DataFrame([{"doc_id": "d", "sentence_id": "d-0001", "text": "负责任行为与中国的责任"}])
    table = analysis.kwic_string(sentences, "责任", width=3)
    assert list(table["right"]) == ["行为与", ""] and list(table["left"].str.strip("　")) == ["负", "中国的"]


def test_cooccurrence_counts_an_entity_once_per_sentence():
    # 中国 and 北京 both name China: the sentence is one co-occurrence of China and the US, not two
    mentions = pd.DataFrame([
        {"doc_id": "d", "sentence_id": "d-0001", "surface": "中国", "entity": "china", "category": "country"},
        {"doc_id": "d", "sentence_id": "d-0001", "surface": "北京", "entity": "china", "category": "country"},
        {"doc_id": "d", "sentence_id": "d-0001", "surface": "美国", "entity": "united_states", "category": "country"},
        {"doc_id": "d", "sentence_id": "d-0001", "surface": "华盛顿", "entity": "united_states", "category": "country"},
        {"doc_id": "d", "sentence_id": "d-0002", "surface": "中国", "entity": "china", "category": "country"},
        {"doc_id": "d", "sentence_id": "d-0002", "surface": "中国", "entity": "china", "category": "country"},
    ])
    table = analysis.cooccurrence(mentions)
    assert table.to_dict("records") == [{"doc_id": "d", "entity_a": "china", "entity_b": "united_states",
                                         "sentences": 1}]


def test_collocates_count_each_position_once_and_keep_only_attraction():
    # x sits between two a's but is one token; y is near a once and far from it four times
    tokens = pd.DataFrame({"sentence_id": ["s"] * 5 + ["t"] * 8, "position": list(range(5)) + list(range(8)),
                           "token": ["a", "x", "a", "y", "z"] + ["y", "y", "y", "q", "q", "q", "q", "q"]})
    table = analysis.collocates(tokens, "a", window=1, min_count=1).set_index("collocate")
    assert table.loc["x", "together"] == 1 and table.loc["x", "elsewhere"] == 0
    assert "y" in table.index  # near a: 1 of 2 tokens; elsewhere: 3 of 9 (1/2 > 3/9)
    assert "q" not in table.index  # never near a


def test_collocates_need_a_minimum_count_and_survive_a_correction():
    # x: twice near a, never elsewhere (2 : 0); w: three times near a (3 : 0)
    tokens = pd.DataFrame({"sentence_id": ["s1"] * 3 + ["s2"] * 3 + ["s3"] * 3 + ["t"] * 20,
                           "position": [0, 1, 2] * 3 + list(range(20)),
                           "token": ["x", "a", "w", "x", "a", "w", "q", "a", "w"] + ["q"] * 10 + ["r"] * 10})
    everything = analysis.collocates(tokens, "a", window=1, min_count=1).set_index("collocate")
    assert set(everything.index) == {"x", "w"} and everything.loc["w", "together"] == 3
    listed = analysis.collocates(tokens, "a", window=1).set_index("collocate")  # min_count 3 by default
    assert list(listed.index) == ["w"]
    # two candidates seen near a (x, w) and q, which avoids a: three comparisons
    p = analysis.p_value_g2(analysis.log_likelihood(3, 0, 6, 20))
    assert listed.loc["w", "q"] == pytest.approx(min(1.0, p * 3 / 1), rel=1e-2)


def test_collocation_needs_scale_with_the_amount_of_text():
    tokens = pd.DataFrame({"sentence_id": ["s1"] * 3 + ["s2"] * 3 + ["s3"] * 3 + ["t"] * 20,
                           "position": [0, 1, 2] * 3 + list(range(20)),
                           "token": ["x", "a", "w", "x", "a", "w", "q", "a", "w"] + ["q"] * 10 + ["r"] * 10})
    needs = analysis.collocation_needs(tokens, "a", window=1)
    assert needs["node_occurrences"] == 3 and needs["candidates"] == 3 and needs["best"] == "w"
    critical = analysis.critical_g2(0.05 / 3)
    assert needs["critical_g2"] == pytest.approx(critical, abs=0.01)
    # G2 grows in proportion to the text: k times the text gives k times G2
    assert analysis.log_likelihood(6, 0, 12, 40) == pytest.approx(2 * analysis.log_likelihood(3, 0, 6, 20))
    assert needs["node_needed"] == math.ceil(3 * needs["critical_g2"] / needs["best_g2"])
    # a word seen only near a needs k occurrences with 2 k ln(26 / 6) above the critical value
    assert needs["min_exclusive"] == math.ceil(critical / (2 * math.log(26 / 6)))


def test_frequencies_give_rates_per_thousand():
    tokens = pd.DataFrame({"doc_id": ["d"] * 4, "token": ["a", "a", "b", "c"]})
    freq = analysis.frequencies(tokens)
    assert freq.iloc[0].to_dict() == {"doc_id": "d", "token": "a", "count": 2, "rate": 500.0}


def test_keyness_on_the_real_texts(study):
    keyness = cp.keyness_table(study)
    top_fes = keyness.iloc[0]
    assert top_fes["term"] == "军控" and top_fes["distinctive_of"] == "fes2024" and top_fes["count_carnegie"] == 0
    assert keyness.iloc[-1]["distinctive_of"] == "carnegie2024"
    # the categories are named honestly: a term either survives the correction or is not significant
    assert set(keyness["distinctive_of"]) == {"fes2024", "carnegie2024", "not significant"}
    assert "shared" not in set(keyness["distinctive_of"]) | set(keyness["higher_in"])
    survives = keyness["q_bh"] < 0.05
    assert (keyness.loc[~survives, "distinctive_of"] == "not significant").all()
    assert (keyness.loc[survives, "distinctive_of"] == keyness.loc[survives, "higher_in"]).all()
    one_sided = keyness[(keyness["count_carnegie"] == 0) & (keyness["count_fes"] >= 10) & ~survives]
    assert len(one_sided) and (one_sided["distinctive_of"] == "not significant").all()  # e.g. 中方 10 : 0
    assert keyness["q_bh"].ge(keyness["p_g2"] - 1e-12).all()
    thresholds = cp.keyness_thresholds(keyness).set_index(["measure", "correction"])["terms"]
    assert thresholds[("log-likelihood G²", "none")] > thresholds[("log-odds z", "none")] > 10
    corrected = thresholds[("log-likelihood G²", "Benjamini–Hochberg (used)")]
    assert 0 < corrected < thresholds[("log-odds z", "none")] and corrected == survives.sum()
    assert thresholds[("log-odds z", "Benjamini–Hochberg (for comparison)")] == 0
    assert {"美国", "政治", "军控", "俄罗斯"} <= set(cp.distinctive_terms(keyness)["term"])
    signed = keyness["g2"] * keyness["log_ratio"].apply(lambda r: 1 if r > 0 else -1)
    assert signed.rank().corr(keyness["z"].rank()) > 0.8
    # rates per 1,000 content tokens beside the counts
    sizes = cp.sizes(study).set_index("doc_id")["content_tokens"]
    assert top_fes["per_1000_fes"] == pytest.approx(1000 * 35 / sizes["fes2024"], abs=0.01)
    # the inserted passage is not counted
    inserted = cp.excluded(study)
    assert len(inserted) == 8 and not inserted & set(cp.body_tokens(study)["sentence_id"])
    # the export follows docs/tables.md
    assert list(cp.export_keyness(study).columns) == cp.KEYNESS_COLUMNS


def test_keyness_depends_on_the_prior_and_only_political_and_us_hold_at_every_strength(study):
    sensitivity = cp.keyness_sensitivity(study)
    assert len(sensitivity) == 4 and sensitivity["prior α0"].iloc[-1] == "2,592 (the pooled counts)"
    assert sensitivity["terms |z| > 1.96"].nunique() > 1  # the prior decides how many pass
    assert (sensitivity["z survives BH (q < 0.05)"] == 0).all()
    headline = cp.headline_sensitivity(study).set_index("term")
    assert set(headline.index[headline["passes at every α0"]]) == {"政治", "美国"}
    # the weakest prior lets no word through that one of the texts never uses (not even 军控)
    keyness = cp.keyness_table(study).set_index("term")
    one_text_only = keyness.index[(keyness["count_fes"] == 0) | (keyness["count_carnegie"] == 0)]
    assert (headline["z (α0 = 10)"].abs() <= 1.96).loc[headline.index.isin(one_text_only)].all()
    tokens = cp.body_tokens(study)
    matrix = analysis.count_matrix(tokens, *cp.STUDY_PAIR)
    z10 = analysis.prior_sensitivity(dict(zip(matrix["token"], matrix["a"])), dict(zip(matrix["token"], matrix["b"])),
                                     (10,))[10]
    assert (z10.loc[one_text_only].abs() <= 1.96).all() and z10.loc["军控"] < 1.96 < keyness.loc["军控", "z"]


def test_keyness_chart_terms_have_glosses(study):
    keyness = cp.keyness_table(study)
    shown = set(cp.distinctive_terms(keyness)["term"]) | set(cp.near_misses(keyness)["term"])
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
    assert set(partners["per_100_fes"].nlargest(2).index) == {"germany", "russia"}
    assert partners["per_100_carnegie"].idxmax() == "united_states"
    # rates per 100 body sentences, with the counts; the long tail of ones and twos is left out
    body = cp.body_sentences(study).groupby("doc_id").size()
    us = partners.loc["united_states"]
    assert us["per_100_carnegie"] == pytest.approx(100 * us["sentences_carnegie"] / body["carnegie2024"], abs=0.05)
    assert (partners[["sentences_fes", "sentences_carnegie"]].max(axis=1) >= cp.MIN_PARTNER).all()
    assert len(cp.china_cooccurrence(study, min_sentences=1)) > len(partners)
    # two-country compounds count for both countries
    mentions = study.tables["mentions"]
    dyads = mentions[mentions["form"] == "dyad"]
    assert {"中德", "中美"} <= set(dyads["surface"]) and len(dyads) % 2 == 0


def test_framing_cues_in_another_sense_are_listed_not_counted(study):
    plain = cp.china_framing(study).set_index("cue")
    other = {"责任": ["fes2024-0075", "fes2024-0109"], "负责任": ["fes2024-0109"]}
    framing = cp.china_framing(study, other_sense=other).set_index("cue")
    assert plain.loc["责任", "sentences_fes"] - framing.loc["责任", "sentences_fes"] == 2
    assert framing.loc["负责任", "sentences_fes"] == 0
    assert framing.loc["负责任", "other sense (not counted)"] == "fes2024-0109"
    # the concordance shows exactly the hits the count sees
    hits = cp.cue_kwic(study, "责任")
    assert set(hits["sentence_id"]) == {"fes2024-0043", "fes2024-0044", "fes2024-0075", "fes2024-0109"}
    body = cp.body_sentences(study).groupby("doc_id").size()
    assert framing.loc["美国", "per_100_carnegie"] == pytest.approx(
        100 * framing.loc["美国", "sentences_carnegie"] / body["carnegie2024"], abs=0.05)


def test_no_collocate_of_china_survives_on_two_short_texts(study):
    collocates = cp.collocates_by_text(study, "中国")
    assert len(collocates) and not collocates["significant"].any()
    assert (collocates["together"] >= cp.MIN_COLLOCATE).all()
    needs = cp.collocation_needs_by_text(study, "中国").set_index("doc_id")
    assert (needs["node_needed"] > needs["node_occurrences"]).all()


def test_section_starts_are_on_the_scale_of_term_positions(study):
    starts = cp.section_starts(study)
    assert list(starts.groupby("doc_id")["section"].max().reindex(list(cp.STUDY_PAIR))) == [5, 2]
    assert (starts.groupby("doc_id")["relative"].min() == 0).all() and starts["relative"].le(1).all()
    assert starts["heading_en"].str.len().gt(0).all()


def test_the_full_table_g2_of_the_worked_example():
    """The helper's G² sums the word's two cells (Rayson's calculator); scipy's log-likelihood ratio over
    all four cells of the 2×2 table is the other common form (computed here over the four cells). Both are
    reported for 军控 (35 : 0)."""
    table = [[35, 0], [1509 - 35, 1083]]  # the word and all other tokens, in each text
    rows, cols, n = [sum(r) for r in table], [sum(c) for c in zip(*table)], 1509 + 1083
    full = 2 * sum(o * math.log(o / (rows[i] * cols[j] / n))
                   for i, r in enumerate(table) for j, o in enumerate(r) if o > 0)
    assert full == pytest.approx(38.21, abs=0.01)  # as scipy.stats.chi2_contingency(lambda_="log-likelihood") gives
    assert analysis.log_likelihood(35, 0, 1509, 1083) == pytest.approx(37.87, abs=0.01)
