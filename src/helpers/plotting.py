"""Charts for the notebooks, with Chinese glyphs that render.

matplotlib's default font has no Chinese glyphs (they show as empty boxes, "tofu",
with a warning).  :func:`use_cjk_font` registers Noto Sans SC, an SIL Open Font
License font shipped by the ``pylopdf-fonts-zh-cn`` package, and puts it first in
the font list.  Every chart function returns a closed :class:`~matplotlib.figure.Figure`,
so a notebook cell shows it exactly once.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure

#: Bilingual labels of the four parts of a text.
PART_LABELS = {"front": "前置 front", "body": "正文 body", "notes": "注释 notes", "back": "附录 back"}
#: Short bilingual labels of the two documents.
DOC_LABELS = {"fes2024": "FES 2024 (德中 Sino-German)", "carnegie2024": "Carnegie 2024 (中美 Sino-US)"}
PALETTE = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C"]
#: One colour per document, the same in every chart.
DOC_COLOURS = {"fes2024": "#DD8452", "carnegie2024": "#4C72B0"}


def doc_colour(doc_id: str, index: int = 0) -> str:
    """The colour of a document (a palette colour for a user's document)."""
    return DOC_COLOURS.get(doc_id, PALETTE[(index + 2) % len(PALETTE)])


@lru_cache(maxsize=1)
def use_cjk_font() -> str:
    """Register Noto Sans SC and make it matplotlib's first font; return its name."""
    import pylopdf_fonts_zh_cn

    path = str(pylopdf_fonts_zh_cn.sans_path())
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["svg.hashsalt"] = "arms-control-study"
    matplotlib.rcParams["figure.dpi"] = 100
    return name


def _figure(width: float = 8, height: float = 4) -> tuple[Figure, plt.Axes]:
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return fig, ax


def _done(fig: Figure) -> Figure:
    plt.close(fig)
    return fig


def doc_label(doc_id: str) -> str:
    """The bilingual label of a document (its doc_id for a user's document)."""
    return DOC_LABELS.get(doc_id, doc_id)


def composition_chart(sentences: pd.DataFrame) -> Figure:
    """Stacked bars: characters of each text by part (front, body, notes, back)."""
    table = (sentences.groupby(["doc_id", "part"])["n_chars"].sum().unstack(fill_value=0)
             .reindex(columns=list(PART_LABELS), fill_value=0))
    table = table.reindex(sentences["doc_id"].drop_duplicates())
    fig, ax = _figure(8, 3)
    left = pd.Series(0, index=table.index)
    for colour, part in zip(PALETTE, PART_LABELS):
        ax.barh([doc_label(d) for d in table.index], table[part], left=left, color=colour, label=PART_LABELS[part])
        left += table[part]
    ax.set_xlabel("字符数 characters (after cleaning)")
    ax.set_title("各部分的篇幅 Composition of each text by part")
    ax.legend(loc="lower right", ncols=4, fontsize=8)
    ax.invert_yaxis()
    return _done(fig)


def cleaning_chart(log: pd.DataFrame) -> Figure:
    """Horizontal bars: number of cleaning actions of each kind, per document."""
    table = log[log["action"] != "decode"].groupby(["action", "doc_id"]).size().unstack(fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values().index]
    fig, ax = _figure(8, 0.45 * len(table) + 1.2)
    height = 0.8 / max(1, len(table.columns))
    for i, doc in enumerate(table.columns):
        positions = [y + i * height for y in range(len(table))]
        ax.barh(positions, table[doc], height=height, color=doc_colour(doc, i), label=doc_label(doc))
    ax.set_yticks([y + height * (len(table.columns) - 1) / 2 for y in range(len(table))], table.index)
    ax.set_xlabel("次数 number of edits (log scale)")
    ax.set_xscale("log")
    ax.set_title("清洗操作 What cleaning did, by action")
    ax.legend(fontsize=8)
    return _done(fig)


def sentence_length_chart(sentences: pd.DataFrame, sections: pd.DataFrame, glosses: dict[str, str]) -> Figure:
    """Box plots: length in characters of the body sentences, by section."""
    body = sentences[(sentences["part"] == "body") & (sentences["kind"] == "sentence")]
    order = [s for s in sections["section_id"] if s in set(body["section_id"])]
    heading = dict(zip(sections["section_id"], sections["heading"]))
    labels = []
    for section_id in order:
        zh = heading.get(section_id) or "（无标题）"
        en = glosses.get(zh, "unheaded opening" if not heading.get(section_id) else "")
        short_zh = zh if len(zh) <= 14 else zh[:13] + "…"
        short_en = en if len(en) <= 44 else en[:43] + "…"
        labels.append(f"{section_id.split('-')[0]} · {short_zh}" + (f"\n{short_en}" if en else ""))
    fig, ax = _figure(9, 0.6 * len(order) + 1.5)
    data = [body.loc[body["section_id"] == s, "n_chars"] for s in order]
    ax.boxplot(data, orientation="horizontal", tick_labels=labels)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("句长（字符）sentence length in characters")
    ax.set_title("各节句长 Sentence length by section (body)")
    return _done(fig)


def flags_chart(flags: pd.DataFrame) -> Figure:
    """Horizontal bars: quality flags by kind and document."""
    table = flags.groupby(["kind", "doc_id"]).size().unstack(fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values().index]
    fig, ax = _figure(8, 0.45 * len(table) + 1.2)
    left = pd.Series(0, index=table.index)
    for i, doc in enumerate(table.columns):
        ax.barh(table.index, table[doc], left=left, color=doc_colour(doc, i), label=doc_label(doc))
        left += table[doc]
    ax.set_xlabel("标记数 number of flags")
    ax.set_title("质量审查 Quality audit: defects by kind")
    ax.legend(fontsize=8)
    return _done(fig)


def mentions_chart(mentions: pd.DataFrame) -> Figure:
    """Grouped bars: entity mentions by category, per document."""
    table = mentions.groupby(["category", "doc_id"]).size().unstack(fill_value=0)
    fig, ax = _figure(8, 3.5)
    width = 0.8 / max(1, len(table.columns))
    for i, doc in enumerate(table.columns):
        ax.bar([x + i * width for x in range(len(table))], table[doc], width=width, color=doc_colour(doc, i),
               label=doc_label(doc))
    zh = {"concept": "概念", "country": "国家", "initiative": "倡议", "organisation": "组织", "person": "人物", "treaty": "条约"}
    ax.set_xticks([x + width * (len(table.columns) - 1) / 2 for x in range(len(table))],
                  [f"{zh.get(c, '')} {c}" for c in table.index])
    ax.set_ylabel("提及次数 mentions")
    ax.set_title("实体提及 Entity mentions by category")
    ax.legend(fontsize=8)
    return _done(fig)
