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


def parts_chart(sentences: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: characters of each text by part (front, body, notes, back), each
    segment labelled with its size where it fits, the legend below the axes (never over the bars)."""
    table = (sentences.groupby(["doc_id", "part"])["n_chars"].sum().unstack(fill_value=0)
             .reindex(columns=list(PART_LABELS), fill_value=0))
    table = table.reindex(sentences["doc_id"].drop_duplicates())
    fig, ax = _figure(8, 0.6 * len(table) + 1.6)
    left = pd.Series(0, index=table.index)
    labels = [doc_label(d) for d in table.index]
    for colour, part in zip(PALETTE, PART_LABELS):
        bars = ax.barh(labels, table[part], left=left, color=colour, label=PART_LABELS[part])
        ax.bar_label(bars, labels=[f"{v:,}" if v >= 0.08 * table.to_numpy().sum(axis=1).max() else ""
                                   for v in table[part]], label_type="center", fontsize=8, color="white")
        left += table[part]
    ax.set_xlabel("字符数 characters (after cleaning)")
    ax.set_title("各部分的篇幅 How long is each part of each text?")
    ax.invert_yaxis()
    fig.legend(loc="outside lower center", ncols=len(PART_LABELS), fontsize=8, frameon=False)
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
        ax.bar_label(bars, fmt="%.1f" if counts.attrs.get("per") else "%d", padding=2, fontsize=8)
    ax.set_yticks([y + height * (len(counts.columns) - 1) / 2 for y in range(len(counts))],
                  [SEVERITY_LABELS.get(s, s) for s in counts.index])
    ax.invert_yaxis()
    rates = counts.attrs.get("per")
    ax.set_xlabel(f"问题段落 problem passages per {rates} body sentences" if rates else
                  "问题段落数 problem passages (flags on one passage count once)")
    ax.set_title("质量审查 Quality audit: problems by severity")
    ax.set_xlim(0, max(1.0, float(counts.to_numpy().max())) * 1.12)
    fig.legend(loc="outside lower center", ncols=max(1, len(counts.columns)), fontsize=8)
    return _done(fig)


#: Bilingual labels of the entity categories.
CATEGORY_LABELS = {"country": "国家 country", "organisation": "组织 organisation", "person": "人物 person",
                   "treaty": "条约 treaty", "initiative": "倡议 initiative", "concept": "概念 concept"}


def mention_rates(mentions: pd.DataFrame, sentences: pd.DataFrame, exclude: set[str] | frozenset[str] = frozenset()
                  ) -> pd.DataFrame:
    """Entity mentions per 1,000 characters of body text, by category and document (the numbers
    behind :func:`mention_rates_chart`).

    Only the running-text body counts (part body, kind sentence), in the numerator and the
    denominator, so that front matter, notes and the texts' different lengths do not distort
    the comparison.  Only names the lexicon links count; the ``unlinked`` names it does not
    know are listed by :func:`helpers.publish.corpus_audit.unlinked_names`.

    Returns:
        One row per category (in :data:`CATEGORY_LABELS` order), one column per document.
    """
    body = sentences[(sentences["part"] == "body") & (sentences["kind"] == "sentence")
                     & ~sentences["sentence_id"].isin(exclude)]  # e.g. a passage the audit marks as inserted
    chars = body.groupby("doc_id")["n_chars"].sum()
    mentions = mentions[mentions["form"] != "unlinked"]
    counts = (mentions[mentions["sentence_id"].isin(set(body["sentence_id"]))]
              .groupby(["category", "doc_id"]).size().unstack(fill_value=0))
    documents = [d for d in body["doc_id"].drop_duplicates() if chars.get(d, 0)]
    categories = ([c for c in CATEGORY_LABELS if c in counts.index]
                  + [c for c in counts.index if c not in CATEGORY_LABELS])
    counts = counts.reindex(index=categories, columns=documents, fill_value=0)
    return (counts / chars.reindex(documents) * 1000).round(1).rename_axis(index="category", columns=None)


def mention_rates_chart(mentions: pd.DataFrame, sentences: pd.DataFrame,
                        exclude: set[str] | frozenset[str] = frozenset()) -> Figure:
    """Grouped horizontal bars: entity mentions per 1,000 body characters, by category, per
    document (:func:`mention_rates`); each bar labelled with its rate, the legend below the axes."""
    rates = mention_rates(mentions, sentences, exclude)
    fig, ax = _figure(8, 0.55 * len(rates) + 1.8)
    height = 0.8 / max(1, len(rates.columns))
    for i, doc in enumerate(rates.columns):
        bars = ax.barh([y + i * height for y in range(len(rates))], rates[doc], height=height,
                       color=doc_colour(doc, i), label=doc_label(doc))
        ax.bar_label(bars, fmt="%.1f", padding=2, fontsize=8)
    ax.set_yticks([y + height * (len(rates.columns) - 1) / 2 for y in range(len(rates))],
                  [CATEGORY_LABELS.get(c, c) for c in rates.index])
    ax.invert_yaxis()
    ax.set_xlim(0, max(1.0, float(rates.to_numpy().max())) * 1.12)
    ax.set_xlabel("每千字提及次数 mentions per 1,000 characters of body text")
    ax.set_title("实体提及率 Which kinds of entity does each text name, for its length?")
    fig.legend(loc="outside lower center", ncols=max(1, len(rates.columns)), fontsize=8, frameon=False)
    return _done(fig)


def boundary_f1_chart(bootstrap: pd.DataFrame) -> Figure:
    """Boundary F1 with 95 % bootstrap intervals (``evaluation.boundary_bootstrap``): left, each
    tokenizer on the random and the purposive sample; right, the paired difference domain − default,
    with a line at zero (no gain)."""
    samples = [s for s in ("random", "purposive") if s in set(bootstrap["sample"])]
    names = {"random": "随机样本 random sample",
             "purposive": "目的样本 purposive sample\n(shares rules with the dictionary)"}
    styles = {"jieba default dictionary": ("#8C8C8C", -0.12, "jieba 默认词典 default dictionary"),
              "jieba + domain dictionary": (PALETTE[0], 0.12, "jieba + 领域词典 domain dictionary")}
    use_cjk_font()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 1.1 * len(samples) + 1.8), layout="constrained",
                                      sharey=True, width_ratios=(3, 2))
    for y, sample in enumerate(samples):
        rows = bootstrap[bootstrap["sample"] == sample].set_index("measure")
        for measure, (colour, offset, label) in styles.items():
            row = rows.loc[measure]
            left.errorbar(row["f1"], y + offset, xerr=[[row["f1"] - row["low"]], [row["high"] - row["f1"]]], fmt="o",
                          color=colour, capsize=3, label=label if y == 0 else None)
        row = rows.loc["domain − default"]
        right.errorbar(row["f1"], y, xerr=[[row["f1"] - row["low"]], [row["high"] - row["f1"]]], fmt="o",
                       color="#333333", capsize=3)
    sizes = bootstrap.groupby("sample")["sentences"].first()
    left.set_yticks(range(len(samples)), [f"{names[s]}\n{int(sizes[s])} sentences" for s in samples], fontsize=8)
    left.set_ylim(len(samples) - 0.5, -0.5)
    left.set_xlabel("边界 F1 boundary F1 (95 % interval)")
    right.axvline(0, color="#C44E52", linewidth=1, linestyle="--")
    right.annotate("0 = no gain", (0, 1), xycoords=("data", "axes fraction"), xytext=(3, -3),
                   textcoords="offset points", fontsize=8, color="#C44E52", va="top")
    right.set_xlabel("差值 difference domain − default (95 % interval)")
    for ax in (left, right):
        ax.grid(axis="x", color="#EEEEEE")
    fig.suptitle("分词质量 Does the domain dictionary segment better, beyond sampling noise?")
    if samples:  # another corpus has no gold sentences: an empty chart, not a warning
        fig.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
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


def shorten(text: str, width: int) -> str:
    """*text* cut to at most *width* characters at a word boundary, with an ellipsis; never mid-word.

    >>> shorten("Nuclear weapons stationed abroad and nuclear sharing", 40)
    'Nuclear weapons stationed abroad and…'
    >>> shorten("short", 40)
    'short'
    """
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut and not text[width - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:(") + "…"


def wrap(text: str, width: int) -> str:
    """*text* wrapped onto lines of at most *width* characters at word boundaries (for chart labels)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def bilingual_labels(chinese: "pd.Series[str]", english: "pd.Series[str]", width: int | None = None) -> list[str]:
    r"""Axis labels "中文  English", the English wrapped onto lines of *width* characters when given
    (never cut: a label must keep its meaning).

    >>> bilingual_labels(pd.Series(["核共享"]), pd.Series(["nuclear sharing"]), width=7)
    ['核共享  nuclear\nsharing']
    """
    if width is not None:
        english = english.map(lambda e: wrap(e, width))
    return [f"{zh}  {en}" for zh, en in zip(chinese, english)]


def category_dot_chart(labels: list[str], categories: list[str], order: list[str], title: str,
                       xlabels: dict[str, str] | None = None) -> Figure:
    """One row per item, a dot in the column of its category (e.g. converge / unclear / diverge)."""
    lines = sum(label.count("\n") + 1 for label in labels)
    fig, ax = _figure(10, 0.3 * lines + 0.15 * len(labels) + 1.6)
    columns = {c: i for i, c in enumerate(order)}
    for y, (label, category) in enumerate(zip(labels, categories)):
        colour = RELATION_COLOURS.get(category, PALETTE[0])
        hollow = category in HOLLOW_CATEGORIES  # a gap in the text, not a finding: drawn as an open circle
        ax.scatter(columns[category], y, s=160, zorder=3, linewidths=2,
                   facecolors="none" if hollow else colour, edgecolors=colour)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_xticks(range(len(order)), [wrap((xlabels or {}).get(c, c), 14) for c in order], fontsize=9)
    ax.set_xlim(-0.5, len(order) - 0.5)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    ax.set_title(title)
    return _done(fig)


#: Categories that record a gap in what a text says rather than a finding (drawn hollow).
HOLLOW_CATEGORIES = frozenset({"one side only"})


def coded_table_chart(table: pd.DataFrame, chinese: str, english: str, category: str, title: str,
                      columns: dict[str, str], width: int | None = 44) -> Figure:
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
    ax.set_xlim(0, float(left.max()) * 1.08 + 0.5)  # the longest bar does not end on the frame
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)  # beside the bars, never over them
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


#: Marker and colour of each fact-check verdict on a timeline (filled: the record supports the date).
VERDICT_STYLE = {"consistent": ("o", "#55A868", True), "imprecise": ("o", "#CCB974", True),
                 "overstated": ("D", "#DD8452", True), "conflict": ("X", "#C44E52", True),
                 "unverifiable": ("o", "#8C8C8C", False), "not checked": ("s", "#8C8C8C", False)}


def timeline_chart(events: pd.DataFrame, title: str, start: float | None = None) -> Figure:
    """Events on a time axis (column ``year``), each labelled with its event and date.

    An optional column ``verdict`` marks each event by the fact check (:data:`VERDICT_STYLE`: an
    unverified event is an open circle, a conflict a cross), so that no unverified or wrong event is
    plotted as a fact; an optional column ``origin`` colours events by where their date comes from.
    With *start*, the axis begins there and earlier events are listed in a note under the axis, so
    that one early event does not crush the years where most events fall.  Legends sit below the axis.
    """
    fig, ax = _figure(10, 0.38 * len(events) + 2.0)
    earlier = events[events["year"] < start] if start is not None else events.iloc[0:0]
    shown = events.drop(earlier.index).reset_index(drop=True)
    handles = []
    if "verdict" in shown:
        for verdict, (marker, colour, filled) in VERDICT_STYLE.items():
            rows = [k for k, v in enumerate(shown["verdict"]) if v == verdict]
            if rows:
                ax.scatter(shown["year"].iloc[rows], rows, s=50, marker=marker, zorder=3, linewidths=1.5,
                           facecolors=colour if filled else "none", edgecolors=colour, label=verdict)
    else:
        origins = list(dict.fromkeys(shown["origin"])) if "origin" in shown else [None]
        for i, origin in enumerate(origins):
            rows = [k for k, o in enumerate(shown["origin"] if origin else [None] * len(shown)) if o == origin]
            ax.scatter(shown["year"].iloc[rows], rows, s=40, color=PALETTE[i], zorder=3, label=origin)
    handles = ax.get_legend_handles_labels()[0]
    if handles and (len(handles) > 1 or "verdict" in shown):
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2 if len(earlier) else -0.12),
                  ncol=min(len(handles), 6), frameon=False,
                  title="事实核查 fact check" if "verdict" in shown else None, title_fontsize=8)
    labels = [f"{shorten(row.event, 80)} ({row.date})" for row in shown.itertuples()]
    ax.set_yticks(range(len(shown)), labels, fontsize=8)
    ax.invert_yaxis()
    low = start if start is not None else shown["year"].min() - 1
    ax.set_xlim(low, shown["year"].max() + 0.5)
    note = ""
    if len(earlier):
        note = "\nearlier, not drawn: " + "; ".join(f"{shorten(r.event, 60)} ({r.date})" for r in earlier.itertuples())
    ax.set_xlabel("年份 year" + note)
    ax.grid(axis="x", color="#EEEEEE", zorder=0)
    ax.set_title(title)
    return _done(fig)


def mentions_bar_chart(counts: pd.DataFrame, title: str, top: int = 15) -> Figure:
    """Horizontal bars: the most mentioned entities, with Chinese and English labels."""
    counts = counts.head(top).iloc[::-1]
    fig, ax = _figure(9, 0.45 * len(counts) + 1.2)
    colours = {c: PALETTE[i] for i, c in enumerate(("country", "organisation", "person", "treaty", "initiative",
                                                     "concept"))}
    ax.barh(bilingual_labels(counts["label_zh"], counts["label_en"], 40), counts["mentions"],
            color=[colours[c] for c in counts["category"]])
    handles = [matplotlib.patches.Patch(color=colours[c], label=c) for c in dict.fromkeys(counts["category"])]
    ax.legend(handles=handles, fontsize=8, loc="lower right")
    ax.set_xlabel("提及次数 mentions")
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(title)
    return _done(fig)


def _section_lines(ax: plt.Axes, positions: list[float], names: list[str], lead: str = "", width: int = 125) -> str:
    """Dashed lines at section starts, each labelled §1, §2 … just above the axes; returns the key
    ("*lead* · §1 name · §2 name …", in lines of at most *width* characters) for the axis label."""
    for number, x in enumerate(positions, start=1):
        ax.axvline(x, color="#999999", linestyle="--", linewidth=0.8, zorder=1)
        ax.annotate(f"§{number}", (x, 1), xycoords=("data", "axes fraction"), xytext=(2, 2),
                    textcoords="offset points", fontsize=7, color="#555555", ha="left", va="bottom")
    lines: list[str] = [lead] if lead else []
    for number, name in enumerate(names, start=1):  # whole entries per line: a name never parts from its §n
        entry = f"§{number} {shorten(name, 64)}"
        if lines and len(lines[-1]) + 3 + len(entry) <= width:
            lines[-1] += " · " + entry
        else:
            lines.append(entry)
    return "\n".join(lines)


def _heading_names(starts: pd.DataFrame) -> list[str]:
    """English names of section headings (the ``heading_en`` gloss where the study has one; the heading
    itself when none)."""
    english = starts["heading_en"] if "heading_en" in starts else starts["heading"]
    return [e if h else "opening (no heading)" for h, e in zip(starts["heading"].fillna(""), english.fillna(""))]


def dispersion_plot(hits: pd.DataFrame, starts: pd.DataFrame, labels: dict[str, str], total: int, title: str) -> Figure:
    """A lexical dispersion plot: one row per entity, a tick at each sentence that mentions it,
    dashed lines where sections start, labelled §1, §2 … and named under the axis."""
    entities_ = list(labels)
    fig, ax = _figure(10, 0.45 * len(entities_) + 2.0)
    for y, entity in enumerate(entities_):
        xs = hits.loc[hits["entity"] == entity, "position"]
        ax.scatter(xs, [y] * len(xs), marker="|", s=220, color=PALETTE[y % len(PALETTE)])
    key = _section_lines(ax, [p - 0.5 for p in starts["position"]], _heading_names(starts),
                         "dashed lines: section starts", 140)
    ax.set_yticks(range(len(entities_)), [labels[e] for e in entities_])
    ax.set_xlim(-1, total)
    ax.invert_yaxis()
    ax.set_xlabel(f"正文句子位置 sentence position in the body\n{key}", fontsize=9)
    ax.set_title(title, pad=14)
    return _done(fig)


def coverage_chart(toc: pd.DataFrame, title: str) -> Figure:
    """The report's parts as page ranges (from the reconstructed contents), shaded by how much of each
    the excerpt holds.  The axis ends where the contents end: the last part's length is unknown, so it
    is drawn as a short hatched stub, not as a range."""
    colours = {"full": "#55A868", "partial": "#CCB974", "none": "#DDDDDD"}
    fig, ax = _figure(10, 0.42 * len(toc) + 1.6)
    last = float(toc["page_start"].max())
    starts = list(toc["page_start"]) + [None]
    labels = []
    for y, row in enumerate(toc.itertuples()):
        end = starts[y + 1]
        width = (end - row.page_start) if end is not None else 3.0
        ax.barh(y, width, left=row.page_start, color=colours[row.covered], edgecolor="white",
                hatch="//" if end is None else None)
        marker = {"certain": "", "probable": " (probable)", "uncertain": " (uncertain)"}[row.certainty]
        labels.append(f"{row.entry} → {wrap(row.title_en + marker, 46)}")
    ax.set_yticks(range(len(toc)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(toc["page_start"].min() - 2, last + 6)
    ax.set_xlabel("报告页码 page of the report (roman front matter before page 1; hatched: length unknown)")
    handles = [matplotlib.patches.Patch(color=c, label={"full": "in the excerpt", "partial": "partly in the excerpt",
                                                         "none": "missing"}[k]) for k, c in colours.items()]
    ax.legend(handles=handles, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, frameon=False)
    ax.set_title(title)
    return _done(fig)


def warhead_chart(estimates: pd.DataFrame, marker_year: float, marker_label: str, title: str) -> Figure:
    """Warhead estimates per country (one panel each): one series per publisher and measure, never
    mixing measures.  A line joins only estimates for consecutive years (a gap in a series is a gap
    in the chart); projections are points labelled with the report that made them; lower bounds ▲,
    upper bounds ▼, approximate values ◆.  A dotted line marks *marker_year* (the text's publication);
    estimates published after it (column ``after_report``) are drawn hollow.  The legend lists only
    what each panel shows and sits below it."""
    use_cjk_font()
    countries = list(dict.fromkeys(estimates["country"]))
    fig, axes = plt.subplots(1, len(countries), figsize=(12, 6), layout="constrained")
    markers = {"lower bound": "^", "upper bound": "v", "approximate": "D", "": "o"}
    zh = {"China": "中国", "United States": "美国"}
    series_keys = list(dict.fromkeys(zip(estimates["publisher_family"], estimates["measure_kind"])))
    colours = {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(sorted(series_keys))}
    for ax, country in zip(axes, countries):
        data = estimates[estimates["country"] == country]
        groups = list(data.groupby(["publisher_family", "measure_kind"], sort=True))
        for k, ((publisher, kind), series) in enumerate(groups):
            series = series.sort_values("year").copy()
            # coincident estimates of different series (SIPRI and FAS both at 600) are nudged apart, so none hides
            series["year"] = series["year"] + 0.09 * (k - (len(groups) - 1) / 2)
            colour = colours[(publisher, kind)]
            if kind != "projection":  # projections come from different reports: points, not a line
                years, values = list(series["year"]), list(series["estimate_value"])
                for j in range(1, len(years)):
                    if round(years[j] - years[j - 1]) == 1:
                        ax.plot(years[j - 1:j + 1], values[j - 1:j + 1], "-", color=colour, linewidth=1.2)
            first = True
            for row in series.itertuples():
                after = bool(getattr(row, "after_report", False))
                ax.scatter(row.year, row.estimate_value, marker=markers[row.bound], zorder=3, s=36, linewidths=1.3,
                           facecolors="none" if after else colour, edgecolors=colour,
                           label=f"{publisher}: {kind}" if first else None)
                first = False
            if kind == "projection":
                for j, row in enumerate(series.itertuples()):
                    ax.annotate(row.report, (row.year, row.estimate_value), xytext=(6, -10 + 9 * (j % 3)),
                                textcoords="offset points", fontsize=7, color=colour)
        ax.axvline(marker_year, color="#555555", linestyle=":", linewidth=1)
        ax.annotate(marker_label, (marker_year, 1), xycoords=("data", "axes fraction"), xytext=(-3, -4),
                    textcoords="offset points", fontsize=8, ha="right", va="top")
        ax.set_title(f"{zh.get(country, '')} {country}")
        ax.set_xlabel("年份 year")
        ax.xaxis.get_major_locator().set_params(integer=True)
        low, high = ax.get_ylim()
        ax.set_ylim(low, high + 0.08 * (high - low))  # headroom, so that no report label sits on the frame
        # legend keys filled, whatever the first point's style; one key says what hollow means
        from matplotlib.lines import Line2D
        keys = [Line2D([], [], marker="o", linestyle="", color=colours[key], label=f"{key[0]}: {key[1]}")
                for key in sorted(set(zip(data["publisher_family"], data["measure_kind"])))]
        if "after_report" in data and data["after_report"].any():
            keys.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor="#555555",
                               label="hollow: published after the report"))
        ax.legend(handles=keys, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
    axes[0].set_ylabel("核弹头 warheads")
    fig.suptitle(title + "\n(hollow: published after the report; ▲ lower bound, ▼ upper bound, ◆ approximate)",
                 fontsize=11)
    return _done(fig)


def keyness_chart(table: pd.DataFrame, label_a: str, label_b: str, n: int = 12, title: str = "",
                  glosses: dict[str, str] | None = None) -> Figure:
    """The terms that survive the correction for multiple testing (column ``distinctive_of`` not
    ``not significant``), up to *n* per text by G²: each term's rate per 1,000 content tokens in
    both texts (the first text's terms on top), with the raw counts at the bars' ends.

    Rates, not test statistics, so that the reader sees how much more often each text uses the
    word; the statistics are in the table beside the chart.
    """
    survivors = table[table["distinctive_of"] != "not significant"] if "distinctive_of" in table else table
    count_a, count_b = [c for c in table.columns if c.startswith("count_")][:2]
    rate_a, rate_b = [c for c in table.columns if c.startswith("per_1000_")][:2]
    groups = [(f"— distinctive of {label_a} —", survivors[survivors["log_ratio"] > 0].nlargest(n, "g2")),
              (f"— distinctive of {label_b} —", survivors[survivors["log_ratio"] < 0].nlargest(n, "g2"))]
    gloss = glosses or {}
    rows: list[tuple[str, pd.Series | None]] = []
    for heading, part in groups:
        if len(part):
            rows.append((heading, None))
            rows.extend((f"{t} {gloss.get(t, '')}".strip(), r) for t, (_, r) in zip(part["term"], part.iterrows()))
    fig, ax = _figure(9, 0.42 * len(rows) + 1.8)
    if not rows:
        ax.text(0.5, 0.5, "No term survives the correction for multiple testing", ha="center", va="center")
        ax.set_axis_off()
        ax.set_title(title)
        return _done(fig)
    for y, (_, row) in enumerate(rows):
        if row is None:
            continue
        for shift, rate, count, colour in ((-0.2, rate_a, count_a, DOC_COLOURS["fes2024"]),
                                           (0.2, rate_b, count_b, DOC_COLOURS["carnegie2024"])):
            ax.barh(y + shift, row[rate], height=0.4, color=colour)
            ax.annotate(str(int(row[count])), (row[rate], y + shift), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=7, color="#333333")
    ax.set_yticks(range(len(rows)), [name for name, _ in rows], fontsize=8)
    colours = iter([DOC_COLOURS["fes2024"], DOC_COLOURS["carnegie2024"]] if len(groups[0][1]) else
                   [DOC_COLOURS["carnegie2024"]])
    for tick, (_, row) in zip(ax.get_yticklabels(), rows):
        if row is None:  # a group heading, in its text's colour (the CJK font has no bold weight)
            tick.set_color(next(colours))
            tick.set_fontsize(9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(survivors[rate_a].max(), survivors[rate_b].max()) * 1.12)
    ax.set_xlabel("每千词 per 1,000 content tokens (numbers at the bars: raw counts)")
    ax.set_title(title)
    handles = [matplotlib.patches.Patch(color=DOC_COLOURS["fes2024"], label=label_a),
               matplotlib.patches.Patch(color=DOC_COLOURS["carnegie2024"], label=label_b)]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    return _done(fig)


def paired_bar_chart(labels: list[str], values_a: list[float], values_b: list[float], label_a: str, label_b: str,
                     title: str, xlabel: str, counts_a: list[int] | None = None, counts_b: list[int] | None = None,
                     width: int = 44) -> Figure:
    """Two bars per row (one per text), e.g. rates of the same concept in both texts.

    Labels longer than *width* characters are wrapped at word boundaries, never cut; with
    *counts_a* and *counts_b*, each bar carries its raw count at its end.  The legend sits
    below the axis, never over the bars.
    """
    wrapped = [wrap(label, width) for label in labels]
    lines = sum(label.count("\n") + 1 for label in wrapped)
    fig, ax = _figure(9, 0.3 * lines + 0.15 * len(labels) + 1.6)
    y = range(len(labels))
    bars_a = ax.barh([i - 0.2 for i in y], values_a, height=0.4, color=DOC_COLOURS["fes2024"], label=label_a)
    bars_b = ax.barh([i + 0.2 for i in y], values_b, height=0.4, color=DOC_COLOURS["carnegie2024"], label=label_b)
    if counts_a is not None and counts_b is not None:
        ax.bar_label(bars_a, [str(c) for c in counts_a], padding=3, fontsize=7, color="#333333")
        ax.bar_label(bars_b, [str(c) for c in counts_b], padding=3, fontsize=7, color="#333333")
        ax.set_xlim(0, max([*values_a, *values_b, 0]) * 1.1 or 1)
    ax.set_yticks(list(y), wrapped, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    return _done(fig)


def rate_chart(table: pd.DataFrame, label: str, label_a: str, label_b: str, title: str, xlabel: str) -> Figure:
    """A :func:`paired_bar_chart` of a comparison table: one row per *label*, bars from its two rate
    columns (named ``per_…``), each bar labelled with the raw count from the matching count column
    (named ``count_…`` or ``sentences_…``), so that a rate is never shown without its count."""
    rates = [c for c in table.columns if c.startswith("per_")][:2]
    counts = [c for c in table.columns if c.startswith(("count_", "sentences_"))][:2]
    return paired_bar_chart(list(table[label]), list(table[rates[0]]), list(table[rates[1]]), label_a, label_b,
                            title, f"{xlabel} (numbers at the bars: raw counts)", list(table[counts[0]]),
                            list(table[counts[1]]))


def dispersion_compare(positions: pd.DataFrame, labels: dict[str, str], title: str,
                       docs: tuple[str, str] = ("fes2024", "carnegie2024"),
                       sections: pd.DataFrame | None = None) -> Figure:
    """A dispersion plot across two texts, one panel per text: for each term a row, ticks at the
    relative position (0 = start of the body, 1 = end) of each sentence that contains it.

    With *sections* (columns doc_id, relative, heading_en, e.g. ``comparison.section_starts``),
    dashed lines mark where each text's sections start, labelled §1, §2 … and named under the panel.
    """
    use_cjk_font()
    terms = list(labels)
    fig, axes = plt.subplots(len(docs), 1, figsize=(10, len(docs) * (0.34 * len(terms) + 1.5)), sharex=True,
                             layout="constrained")
    for i, (ax, doc) in enumerate(zip(axes, docs)):
        colour = DOC_COLOURS.get(doc, (DOC_COLOURS["fes2024"], DOC_COLOURS["carnegie2024"])[i % 2])
        for y, term in enumerate(terms):
            xs = positions.loc[(positions["term"] == term) & (positions["doc_id"] == doc), "relative"]
            ax.scatter(xs, [y] * len(xs), marker="|", s=160, color=colour)
        ax.set_yticks(range(len(terms)), [labels[t] for t in terms], fontsize=8)
        ax.set_ylim(len(terms) - 0.5, -0.5)
        ax.set_xlim(-0.02, 1.02)
        ax.set_title(doc_label(doc), fontsize=10, loc="left", pad=12)
        ax.tick_params(axis="x", labelbottom=True)
        if sections is not None:
            own = sections[sections["doc_id"] == doc]
            ax.set_xlabel(_section_lines(ax, list(own["relative"]), list(own["heading_en"]),
                                         "dashed lines: section starts"), fontsize=8)
    axes[-1].set_xlabel((axes[-1].get_xlabel() + "\n" if sections is not None else "")
                        + "正文中的相对位置 relative position in the body (0 = start, 1 = end)", fontsize=9)
    fig.suptitle(title)
    return _done(fig)
