"""Charts: Chinese glyphs render, and labels are bilingual."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.publish import plotting# noqa: E402


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


def test_bilingual_labels_wrap_the_english_and_never_cut_a_word():
    labels = plotting.bilingual_labels(pd.Series(["战略稳定"]), pd.Series(["strategic stability"]), width=9)
    assert labels == ["战略稳定  strategic\nstability"]


@pytest.mark.parametrize("text, width, expected", [
    ("Nuclear weapons stationed abroad and nuclear sharing", 40, "Nuclear weapons stationed abroad and…"),
    ("China takes up the rotating chair", 80, "China takes up the rotating chair"),
    ("Supercalifragilistic", 8, "Superca…"),  # one long word: cut, with the ellipsis
])
def test_shorten_cuts_at_a_word_boundary(text, width, expected):
    assert plotting.shorten(text, width) == expected and len(expected) <= width


def test_charts_that_tell_the_truth():
    """The Carnegie timeline draws each event once; the FES timeline marks each event by its verdict;
    the coverage chart ends where the contents end; the warhead chart joins only consecutive years
    and keeps its legend off the data."""
    from helpers.study import sino_german as sg
    from helpers.study import sino_us as su

    timeline = su.timeline()
    years = timeline["date"].str.slice(0, 4)
    assert not timeline.duplicated("date").any()
    assert set(timeline.loc[timeline["reference_date"] != "", "date"]) >= {"1964", "2019"} and "1964" in set(years)
    events = sg.events_table()
    fig = plotting.timeline_chart(events, "t", start=2016.5)
    assert fig.axes[0].get_xlim()[0] == 2016.5 and "earlier, not drawn" in fig.axes[0].get_xlabel()
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()][:2] == ["consistent", "imprecise"]
    toc = su.toc_view()
    assert plotting.coverage_chart(toc, "c").axes[0].get_xlim()[1] <= toc["page_start"].max() + 6
    estimates = su.warheads()
    fig = plotting.warhead_chart(estimates, 2024.5, "report", "w")
    for ax in fig.axes:
        for line in ax.get_lines():
            xs = list(line.get_xdata())
            if len(xs) == 2 and line.get_linestyle() == "-":
                assert round(xs[1] - xs[0]) == 1  # a line never bridges a year without data
        legend = ax.get_legend()
        assert legend is not None and legend.get_bbox_to_anchor().y0 < ax.get_window_extent().y0
