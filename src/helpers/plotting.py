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
import matplotlib.patches
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


#: Bilingual labels of the three severities of a quality problem, worst first.
SEVERITY_LABELS = {"meaning-changing": "改变原意 meaning-changing", "naming": "名称术语 naming",
                   "cosmetic": "格式 cosmetic"}


def problems_chart(counts: pd.DataFrame) -> Figure:
    """Grouped horizontal bars: problem passages by severity (worst at the top), per document.

    Args:
        counts: severities as rows (worst first), documents as columns (``audit.problem_counts``).
    """
    fig, ax = _figure(8, 0.7 * len(counts) + 1.4)
    height = 0.8 / max(1, len(counts.columns))
    for i, doc in enumerate(counts.columns):
        positions = [y + i * height for y in range(len(counts))]
        bars = ax.barh(positions, counts[doc], height=height, color=doc_colour(doc, i), label=doc_label(doc))
        ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_yticks([y + height * (len(counts.columns) - 1) / 2 for y in range(len(counts))],
                  [SEVERITY_LABELS.get(s, s) for s in counts.index])
    ax.invert_yaxis()
    ax.set_xlabel("问题段落数 problem passages (flags on one passage count once)")
    ax.set_title("质量审查 Quality audit: problems by severity")
    ax.set_xlim(0, max(1, int(counts.to_numpy().max())) * 1.1)
    fig.legend(loc="outside lower center", ncols=max(1, len(counts.columns)), fontsize=8)
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


# --------------------------------------------------------------------------- #
# Charts for the argument notebooks (01 onwards)
# --------------------------------------------------------------------------- #
RELATION_COLOURS = {
    "converge": "#55A868", "unclear": "#CCB974", "diverge": "#C44E52",
    "distances": "#4C72B0", "mixed": "#CCB974", "aligns": "#C44E52",
    "consistent": "#55A868", "unverifiable": "#8C8C8C", "conflict": "#C44E52",
}
STATUS_COLOURS = {"party": "#55A868", "participant": "#55A868", "signatory only": "#A1C99A",
                  "suspended": "#CCB974", "withdrew": "#DD8452", "not party": "#C44E52", "not in record": "#EEEEEE"}


def bilingual_labels(chinese: "pd.Series[str]", english: "pd.Series[str]", width: int | None = None) -> list[str]:
    """Axis labels "中文  English", the English cut to *width* characters when given.

    >>> bilingual_labels(pd.Series(["核共享"]), pd.Series(["nuclear sharing"]), width=7)
    ['核共享  nuclear']
    """
    if width is not None:
        english = english.str.slice(0, width)
    return [f"{zh}  {en}" for zh, en in zip(chinese, english)]


def category_dot_chart(labels: list[str], categories: list[str], order: list[str], title: str,
                       xlabels: dict[str, str] | None = None) -> Figure:
    """One row per item, a dot in the column of its category (e.g. converge / unclear / diverge)."""
    fig, ax = _figure(9, 0.42 * len(labels) + 1.4)
    columns = {c: i for i, c in enumerate(order)}
    for y, (label, category) in enumerate(zip(labels, categories)):
        ax.scatter(columns[category], y, s=160, color=RELATION_COLOURS.get(category, PALETTE[0]), zorder=3)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_xticks(range(len(order)), [(xlabels or {}).get(c, c) for c in order])
    ax.set_xlim(-0.5, len(order) - 0.5)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    ax.set_title(title)
    return _done(fig)


def coded_table_chart(table: pd.DataFrame, chinese: str, english: str, category: str, title: str,
                      columns: dict[str, str], width: int | None = 48) -> Figure:
    """A :func:`category_dot_chart` of a hand-coded table: one row per item, labelled
    "中文  English" from the columns *chinese* and *english*, with a dot in the column of its
    *category*.  *columns* maps each category, in display order, to its bilingual label.
    """
    labels = bilingual_labels(table[chinese], table[english], width)
    return category_dot_chart(labels, list(table[category]), list(columns), title, columns)


def count_chart(table: pd.DataFrame, row: str, column: str, title: str, xlabel: str,
                colours: dict[str, str] | None = None) -> Figure:
    """Stacked horizontal bars: counts of *row* values, split by *column* values."""
    counts = table.groupby([row, column]).size().unstack(fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values().index]
    fig, ax = _figure(9, 0.4 * len(counts) + 1.4)
    left = pd.Series(0, index=counts.index)
    for i, value in enumerate(counts.columns):
        colour = (colours or {}).get(value, PALETTE[i % len(PALETTE)])
        ax.barh(counts.index, counts[value], left=left, color=colour, label=value)
        left += counts[value]
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(fontsize=8, loc="lower right")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _done(fig)


def status_grid(status: pd.DataFrame, title: str) -> Figure:
    """Treaties (rows) by country (columns), each cell coloured by the status in the record;
    ✓ where the paper's statement matches the record, ✗ where it differs."""
    names = status["treaty_zh"] + "  " + status["abbreviation"]
    treaties = list(dict.fromkeys(names))
    countries = list(dict.fromkeys(status["country"]))
    fig, ax = _figure(8, 0.45 * len(treaties) + 1.6)
    for (_, row), name in zip(status.iterrows(), names):
        y = treaties.index(name)
        x = countries.index(row["country"])
        ax.add_patch(matplotlib.patches.Rectangle((x - 0.45, y - 0.4), 0.9, 0.8,
                                                  color=STATUS_COLOURS.get(row["status"], "#FFFFFF")))
        mark = {"matches": " ✓", "differs": " ✗"}.get(row["match"], "")
        ax.text(x, y, row["status"] + mark, ha="center", va="center", fontsize=8)
    ax.set_xlim(-0.5, len(countries) - 0.5)
    ax.set_ylim(len(treaties) - 0.5, -0.5)
    ax.set_xticks(range(len(countries)), [{"China": "中国 China", "Germany": "德国 Germany"}.get(c, c) for c in countries])
    ax.set_yticks(range(len(treaties)), treaties, fontsize=8)
    ax.set_title(title)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    return _done(fig)


def timeline_chart(events: pd.DataFrame, title: str) -> Figure:
    """Events on a time axis (column ``year``); each row is labelled with its event and date.
    An optional column ``origin`` gives each kind of event its own colour."""
    fig, ax = _figure(10, 0.38 * len(events) + 1.4)
    origins = list(dict.fromkeys(events["origin"])) if "origin" in events else [None]
    for i, origin in enumerate(origins):
        rows = [k for k, o in enumerate(events["origin"] if origin else [None] * len(events)) if o == origin]
        ax.scatter(events["year"].iloc[rows], rows, s=40, color=PALETTE[i], zorder=3, label=origin)
    if origins != [None]:
        ax.legend(fontsize=8, loc="center")
    labels = [f"{row.event if len(row.event) <= 80 else row.event[:79] + '…'} ({row.date})" for row in events.itertuples()]
    ax.set_yticks(range(len(events)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(events["year"].min() - 1, events["year"].max() + 1)
    ax.set_xlabel("年份 year")
    ax.grid(axis="x", color="#EEEEEE", zorder=0)
    ax.set_title(title)
    return _done(fig)


def mentions_bar_chart(counts: pd.DataFrame, title: str, top: int = 15) -> Figure:
    """Horizontal bars: the most mentioned entities, with Chinese and English labels."""
    counts = counts.head(top).iloc[::-1]
    fig, ax = _figure(9, 0.35 * len(counts) + 1.2)
    colours = {c: PALETTE[i] for i, c in enumerate(("country", "organisation", "person", "treaty", "initiative",
                                                     "concept"))}
    ax.barh([f"{z} {e}" for z, e in zip(counts["label_zh"], counts["label_en"].str.slice(0, 40))], counts["mentions"],
            color=[colours[c] for c in counts["category"]])
    handles = [matplotlib.patches.Patch(color=colours[c], label=c) for c in dict.fromkeys(counts["category"])]
    ax.legend(handles=handles, fontsize=8, loc="lower right")
    ax.set_xlabel("提及次数 mentions")
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(title)
    return _done(fig)


def dispersion_plot(hits: pd.DataFrame, starts: pd.DataFrame, labels: dict[str, str], total: int, title: str) -> Figure:
    """A lexical dispersion plot: one row per entity, a tick at each sentence that mentions it,
    dashed lines where sections start."""
    entities_ = list(labels)
    fig, ax = _figure(10, 0.45 * len(entities_) + 1.6)
    for y, entity in enumerate(entities_):
        xs = hits.loc[hits["entity"] == entity, "position"]
        ax.scatter(xs, [y] * len(xs), marker="|", s=220, color=PALETTE[y % len(PALETTE)])
    for _, row in starts.iterrows():
        ax.axvline(row["position"] - 0.5, color="#999999", linestyle="--", linewidth=0.8)
    ax.set_yticks(range(len(entities_)), [labels[e] for e in entities_])
    ax.set_xlim(-1, total)
    ax.invert_yaxis()
    ax.set_xlabel("正文句子位置 sentence position in the body (dashed lines: section starts)")
    ax.set_title(title)
    return _done(fig)


def coverage_chart(toc: pd.DataFrame, last_page: float, title: str) -> Figure:
    """The report's parts as page ranges (from the reconstructed contents), shaded by how much
    of each the excerpt holds."""
    colours = {"full": "#55A868", "partial": "#CCB974", "none": "#DDDDDD"}
    fig, ax = _figure(10, 0.42 * len(toc) + 1.5)
    starts = list(toc["page_start"]) + [last_page]
    for y, row in enumerate(toc.itertuples()):
        width = starts[y + 1] - row.page_start
        ax.barh(y, width, left=row.page_start, color=colours[row.covered], edgecolor="white")
        marker = {"certain": "", "probable": " (probable)", "uncertain": " (uncertain)"}[row.certainty]
        ax.text(row.page_start + width + 1, y, f"{row.entry} → {row.title_en[:75]}{marker}", va="center", fontsize=8)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_xlim(toc["page_start"].min() - 2, last_page * 2.3)
    ax.set_xlabel("报告页码 page of the report (roman front matter before page 1)")
    handles = [matplotlib.patches.Patch(color=c, label={"full": "in the excerpt", "partial": "partly in the excerpt",
                                                         "none": "missing"}[k]) for k, c in colours.items()]
    ax.legend(handles=handles, fontsize=8, loc="upper right")
    ax.set_title(title)
    return _done(fig)


def warhead_chart(estimates: pd.DataFrame, marker_year: float, marker_label: str, title: str,
                  statements: list[str] | None = None) -> Figure:
    """Warhead estimates per country (one panel each): one line per publisher and measure, never
    mixing measures; projections as separate points labelled with the report that made them;
    lower bounds ▲, upper bounds ▼, approximate values ◆.  A dotted line marks *marker_year*,
    and *statements* (the text's own words) are printed beside it."""
    use_cjk_font()
    countries = list(dict.fromkeys(estimates["country"]))
    fig, axes = plt.subplots(1, len(countries), figsize=(12, 5), layout="constrained")
    markers = {"lower bound": "^", "upper bound": "v", "approximate": "D", "": "o"}
    zh = {"China": "中国", "United States": "美国"}
    for ax, country in zip(axes, countries):
        data = estimates[estimates["country"] == country]
        for i, ((publisher, kind), series) in enumerate(data.groupby(["publisher_family", "measure_kind"], sort=True)):
            series = series.sort_values("year")
            colour = PALETTE[i % len(PALETTE)]
            if kind != "projection":  # projections come from different reports: points, not a line
                ax.plot(series["year"], series["estimate_value"], "-", color=colour)
            first = True
            for row in series.itertuples():
                ax.scatter(row.year, row.estimate_value, marker=markers[row.bound], color=colour, zorder=3,
                           label=f"{publisher}: {kind}" if first else None)
                first = False
            if kind == "projection":
                for k, row in enumerate(series.itertuples()):
                    ax.annotate(row.report, (row.year, row.estimate_value), xytext=(6, -10 + 9 * (k % 3)),
                                textcoords="offset points", fontsize=7, color=colour)
        ax.axvline(marker_year, color="#555555", linestyle=":", linewidth=1)
        ax.annotate(marker_label, (marker_year, 0), xycoords=("data", "axes fraction"), xytext=(-3, 4),
                    textcoords="offset points", fontsize=8, ha="right", va="bottom")
        if statements and country == "China":
            ax.annotate("\n".join(statements), (marker_year, 0.5), xycoords=("data", "axes fraction"), xytext=(-6, 0),
                        textcoords="offset points", fontsize=7, ha="right", va="center",
                        bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#BBBBBB"})
        ax.set_title(f"{zh.get(country, '')} {country}")
        ax.set_xlabel("年份 year")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(fontsize=7, loc="upper left")
    axes[0].set_ylabel("核弹头 warheads")
    fig.suptitle(title)
    return _done(fig)


def keyness_chart(table: pd.DataFrame, label_a: str, label_b: str, n: int = 12, title: str = "",
                  glosses: dict[str, str] | None = None) -> Figure:
    """Diverging bars: the *n* most distinctive terms of each text by log-odds z-score
    (right: the first text, left: the second), each labelled with its English gloss and its two counts."""
    top = pd.concat([table.nlargest(n, "z"), table.nsmallest(n, "z").iloc[::-1]])
    count_a, count_b = [c for c in table.columns if c.startswith("count_")][:2]
    fig, ax = _figure(9, 0.3 * len(top) + 1.5)
    colours = [DOC_COLOURS["fes2024"] if z > 0 else DOC_COLOURS["carnegie2024"] for z in top["z"]]
    ax.barh(range(len(top)), top["z"], color=colours)
    gloss = glosses or {}
    ax.set_yticks(range(len(top)), [f"{t} {gloss.get(t, '')}  ({a}:{b})" for t, a, b in
                                    zip(top["term"], top[count_a], top[count_b])], fontsize=8)
    ax.axvline(0, color="#333333", linewidth=0.8)
    for x in (-1.96, 1.96):
        ax.axvline(x, color="#999999", linestyle="--", linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlabel(f"log-odds z  ← {label_b}   |   {label_a} →   (dashed: |z| = 1.96)")
    ax.set_title(title)
    return _done(fig)


def paired_bar_chart(labels: list[str], values_a: list[float], values_b: list[float], label_a: str, label_b: str,
                     title: str, xlabel: str) -> Figure:
    """Two bars per row (one per text), e.g. rates of the same concept in both texts."""
    fig, ax = _figure(9, 0.42 * len(labels) + 1.4)
    y = range(len(labels))
    ax.barh([i - 0.2 for i in y], values_a, height=0.4, color=DOC_COLOURS["fes2024"], label=label_a)
    ax.barh([i + 0.2 for i in y], values_b, height=0.4, color=DOC_COLOURS["carnegie2024"], label=label_b)
    ax.set_yticks(list(y), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(fontsize=8, loc="lower right")
    return _done(fig)


def dispersion_compare(positions: pd.DataFrame, labels: dict[str, str], title: str,
                       docs: tuple[str, str] = ("fes2024", "carnegie2024")) -> Figure:
    """A dispersion plot across two texts: for each term a row per text, ticks at the relative
    position (0 = start of the body, 1 = end) of each sentence that contains it."""
    rows = [(term, doc) for term in labels for doc in docs]
    colours = dict(zip(docs, (DOC_COLOURS["fes2024"], DOC_COLOURS["carnegie2024"])))
    fig, ax = _figure(10, 0.32 * len(rows) + 1.6)
    for y, (term, doc) in enumerate(rows):
        xs = positions.loc[(positions["term"] == term) & (positions["doc_id"] == doc), "relative"]
        ax.scatter(xs, [y] * len(xs), marker="|", s=160, color=colours[doc])
    ax.set_yticks(range(len(rows)), [f"{labels[t]} · {DOC_LABELS.get(d, d)}" for t, d in rows], fontsize=8)
    ax.set_xlim(-0.02, 1.02)
    ax.invert_yaxis()
    ax.set_xlabel("正文中的相对位置 relative position in the body (0 = start, 1 = end)")
    ax.set_title(title)
    return _done(fig)
