"""Charts: Chinese glyphs render, and labels are bilingual."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from helpers import plotting  # noqa: E402


def test_the_cjk_font_is_noto_sans_sc_and_first():
    name = plotting.use_cjk_font()
    assert "Noto Sans" in name and "SC" in name
    assert matplotlib.rcParams["font.sans-serif"][0] == name


def test_chinese_labels_draw_without_missing_glyph_warnings():
    table = pd.DataFrame({"zh": ["中德军控", "核共享", "二次打击"],
                          "en": ["Sino-German arms control", "nuclear sharing", "second strike"],
                          "relation": ["converge", "diverge", "unclear"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise here
        fig = plotting.coded_table_chart(table, "zh", "en", "relation", "德中立场 positions",
                                         {"converge": "一致 converge", "unclear": "不清楚 unclear", "diverge": "分歧 diverge"})
        fig.savefig(io.BytesIO(), format="png")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["一致 converge", "不清楚 unclear", "分歧 diverge"]
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == ["中德军控  Sino-German arms control", "核共享  nuclear sharing", "二次打击  second strike"]


def test_bilingual_labels_cut_the_english_only():
    labels = plotting.bilingual_labels(pd.Series(["战略稳定"]), pd.Series(["strategic stability"]), width=9)
    assert labels == ["战略稳定  strategic"]
