"""The HTML site: a Sphinx book of executed notebooks, one reader page per text, and the API reference.

:func:`build_site` is shared by ``python -m helpers report`` (the study: :func:`helpers.publish.report.build_report`)
and ``python -m helpers audit`` (a user's corpus: :func:`helpers.publish.audit_notebook.run_audit`).  It writes a
Sphinx source tree into a temporary folder outside the repository and builds it with Sphinx, MyST-NB and
sphinx-book-theme:

- the notebooks are rendered as they were saved (MyST-NB with ``nb_execution_mode = "off"``): the cell tagged
  ``setup`` is removed, the code of a cell tagged ``prose`` (Markdown computed about the corpus) is hidden;
- a **reader page** per document (``reader_<doc_id>.html``): the cleaned text in order, by part and section,
  every sentence an element whose ``id`` is its sentence id, footnote markers and notes linked both ways, and
  each quality flag marked with its severity (:mod:`helpers.publish.sphinx_ext`);
- the **API reference** (``api/``), generated from the docstrings by autodoc and autosummary, with, under every
  helper a notebook calls, that call as an example (:func:`notebook_calls`);
- a sidebar with every page, previous/next links, an in-page table of contents and a full-text search that
  indexes the Chinese (``html_search_language = "zh"``, segmented by jieba with the domain dictionary) and works
  from ``file://`` with no network.

The HTML is then post-processed (:func:`finish_page`): every sentence id in a page's text (``fes2024-0059``, in
prose, tables or code) becomes a link to its sentence on the reader page, every web address in a table cell a
link; the stylesheet left-aligns and wraps table cells and loads Noto Sans SC (SIL Open Font License), shipped in
``_static/fonts/``.  The site replaces ``out`` in one rename (:func:`helpers.export.atomic_folder`), readable by
others (folders 0755, files 0644), so that a static web server can serve it.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import HelpersError
from ..export import atomic_folder
from ..export import refuse_foreign as refuse

#: The tables a reader page is made from.
READER_TABLES: tuple[str, ...] = ("documents", "sections", "sentences", "footnotes", "quality_flags")

#: What Sphinx writes at the top of a site besides the pages (``allowed`` of :func:`atomic_folder`).
SPHINX_NAMES: frozenset[str] = frozenset({
    "_static", "_sources", "_images", "api", "searchindex.js", "objects.inv", "genindex.html", "search.html",
    "py-modindex.html", ".buildinfo", "fonts",  # fonts/: the site of earlier versions
})

def refuse_foreign(out: Path | str) -> None:
    """Refuse, before any slow work, an output folder that holds files no site of ours writes (a folder of the
    user's own): anything but Sphinx's folders and files, and pages and notebooks (``*.html``, ``*.ipynb``).
    :func:`build_site` checks again, exactly, once it knows the pages.

    Raises:
        HelpersError: one line naming the folder and a file in it.
    """
    refuse(out, lambda name: name in SPHINX_NAMES or Path(name).suffix in (".html", ".ipynb"))


#: The headings of a text's parts on its reader page.
PART_HEADINGS = {"front": "Front matter", "body": "Body", "notes": "Notes", "back": "Back matter"}

#: Provenance shown on a reader page, in this order: (label, column of ``documents``).
META_FIELDS: tuple[tuple[str, str], ...] = (
    ("English title", "title_en"), ("Authors", "authors"), ("Publisher", "publisher"), ("Date", "date"),
    ("Language", "language"), ("Original language", "original_language"), ("Translation", "translation"),
    ("Source", "source_url"), ("File", "file"), ("Encoding", "encoding"), ("Script", "script"),
    ("Sentences", "n_sentences"), ("Cut off", "truncated"),
)


@dataclass
class Notebook:
    """A notebook of the site: its file, the page title and a one-paragraph summary for the index."""

    path: Path
    title: str
    summary: str


# --------------------------------------------------------------------------- #
# Markdown
# --------------------------------------------------------------------------- #
def md_escape(text: object) -> str:
    """*text* with every ASCII punctuation mark backslash-escaped, so that MyST reads none of it as markup."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(str(text).split()))


# --------------------------------------------------------------------------- #
# Reader pages
# --------------------------------------------------------------------------- #
def _s(value: object) -> str:
    """A table's value as text: "" for a missing value (None or NaN)."""
    return "" if value is None or value != value else str(value)


def _language(value: str) -> str:
    """The HTML ``lang`` of a document's cleaned text (Traditional is converted to Simplified)."""
    return "zh" if not value or value.lower().startswith("zh") else value


def reader_data(tables: Mapping, doc_id: str) -> dict:
    """What the reader page of *doc_id* shows, as JSON-ready data (:mod:`helpers.publish.sphinx_ext` sets it).

    *tables* holds data frames of :data:`READER_TABLES` (``sentences`` in reading order).
    """
    docs = tables["documents"]
    row = {k: _s(v) for k, v in docs[docs["doc_id"] == doc_id].iloc[0].to_dict().items()}
    sentences = tables["sentences"]
    sentences = sentences[sentences["doc_id"] == doc_id]
    sections: dict[str, list[dict]] = {}
    for sid, section_id, kind, paragraph, text in zip(sentences["sentence_id"], sentences["section_id"],
                                                       sentences["kind"], sentences["paragraph"],
                                                       sentences["text"]):
        sections.setdefault(_s(section_id), []).append(
            {"id": _s(sid), "kind": _s(kind), "paragraph": _s(paragraph), "text": _s(text)})
    notes: dict[str, list] = {}
    markers: dict[str, list] = {}
    foot = tables["footnotes"]
    foot = foot[foot["doc_id"] == doc_id]
    for number, marker, note in zip(foot["number"], foot["marker_sentence_id"], foot["note_sentence_id"]):
        number, marker, note = _s(number), _s(marker), _s(note)
        if marker and note:
            notes.setdefault(marker, []).append([number, note])
            markers.setdefault(note, []).append([number, marker])
    from ..text.quality import SEVERITIES

    flags = tables["quality_flags"]
    flags = flags[flags["doc_id"] == doc_id]
    flag_list = [{"sentence_id": _s(sid), "kind": _s(kind), "severity": _s(severity), "evidence": _s(evidence),
                  "note": _s(note)}
                 for sid, kind, severity, evidence, note in zip(flags["sentence_id"], flags["kind"],
                                                                flags["severity"], flags["evidence"], flags["note"])]
    order = {sid: i for i, sid in enumerate(sentences["sentence_id"])}
    rank = {severity: i for i, severity in enumerate(SEVERITIES)}
    flag_list.sort(key=lambda f: (rank.get(f["severity"], len(rank)), order.get(f["sentence_id"], -1)))
    by_sentence: dict[str, list] = {}
    for flag in flag_list:
        if flag["sentence_id"]:
            by_sentence.setdefault(flag["sentence_id"], []).append(flag)
    shown = {"True": "yes", "False": "no"}
    meta = [(label, shown.get(row[column], row[column])) for label, column in META_FIELDS if row.get(column, "")]
    return {"doc_id": doc_id, "title": row.get("title", ""), "language": _language(row.get("language", "")),
            "meta": meta, "sections": sections, "notes": notes, "markers": markers, "flags": by_sentence,
            "flag_list": flag_list}


def reader_page(tables: Mapping, data: dict) -> str:
    """The MyST source of a reader page: headings by part and section, the text set by the directives."""
    doc_id = data["doc_id"]
    sections_table = tables["sections"]
    headings = {_s(s): _s(h) for s, h in zip(sections_table["section_id"], sections_table["heading"])}
    parts = {_s(s): _s(p) for s, p in zip(sections_table["section_id"], sections_table["part"])}
    sentences = tables["sentences"]
    sentences = sentences[sentences["doc_id"] == doc_id]
    for section_id, part in zip(sentences["section_id"], sentences["part"]):
        parts.setdefault(_s(section_id), _s(part))
    title = f"{doc_id} · {data['title']}" if data["title"] else doc_id
    counts = {}
    for flag in data["flag_list"]:
        counts[flag["severity"]] = counts.get(flag["severity"], 0) + 1
    from .sphinx_ext import SEVERITY_MARK

    legend = "; ".join(f"{SEVERITY_MARK.get(s, s)} ({n})" for s, n in counts.items()) or "none"
    lines = [f"# {md_escape(title)}", "",
             f"```{{reader-meta}} {doc_id}", "```", "",
             "The cleaned text, in reading order. Every sentence starts with its id, a link to itself: cite it, "
             "or follow a citation from another page to land here. A note marker \\[n\\] leads to its note, and "
             "↩ back to the sentence that carries the marker. Quality flags are marked by severity; hover over "
             f"a mark (or tap it) to read the flag, and all of them are listed at the end. Flags: {md_escape(legend)}.",
             ""]
    # sections in reading order, grouped by part
    order: list[str] = []
    for section_id in sentences["section_id"]:
        if not order or order[-1] != str(section_id):
            order.append(str(section_id))
    previous_part = None
    by_part: dict[str, int] = {}
    for section_id in order:
        by_part[parts.get(section_id, "")] = by_part.get(parts.get(section_id, ""), 0) + 1
    for section_id in order:
        part = parts.get(section_id, "")
        if part != previous_part:
            lines += [f"## {md_escape(PART_HEADINGS.get(part, part.capitalize() or 'Text'))}", ""]
            previous_part = part
        heading = headings.get(section_id, "")
        if heading:
            lines += [f"### {md_escape(heading)}", ""]
        elif by_part[part] > 1:
            lines += [f"### {md_escape(section_id)} (no heading)", ""]
        lines += [f"```{{reader-section}} {doc_id} {section_id}", "```", ""]
    lines += ["## Quality flags", "", f"```{{reader-flags}} {doc_id}", "```", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# Examples for the API reference
# --------------------------------------------------------------------------- #
def _dotted(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"]; None for anything else (a call on a call, a subscript …)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return [node.id] + parts[::-1]
    return None


def _resolve(path: list[str]):
    """The object that a dotted path of helpers names (module, then attributes), or None."""
    for cut in range(len(path), 0, -1):
        try:
            obj = importlib.import_module(".".join(path[:cut]))
        except ImportError:
            continue
        for name in path[cut:]:
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        return obj
    return None


def notebook_calls(notebooks: Iterable[Path]) -> dict[str, list[list[str]]]:
    """Every helper that a notebook cell calls: its qualified name → [[page, the call's source], …].

    The names a notebook imports from ``helpers`` (``from helpers.study import sino_german as sg``) are
    followed to the object, so that ``sg.positions_view()`` is found under
    ``helpers.study.sino_german.positions_view`` (where the function is defined, as the API reference
    documents it).  Calls of anything outside ``helpers`` are left out.
    """
    import nbformat

    found: dict[str, list[list[str]]] = {}
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        names: dict[str, list[str]] = {}
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.name.split(".")[0] == "helpers":
                            names[alias.asname or alias.name.split(".")[0]] = (
                                alias.name.split(".") if alias.asname else ["helpers"])
                elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "helpers":
                    for alias in node.names:
                        names[alias.asname or alias.name] = node.module.split(".") + [alias.name]
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                dotted = _dotted(node.func)
                if not dotted or dotted[0] not in names:
                    continue
                obj = _resolve(names[dotted[0]] + dotted[1:])
                module = getattr(obj, "__module__", None) or ""
                qualname = getattr(obj, "__qualname__", None)
                if not callable(obj) or not module.startswith("helpers") or not qualname:
                    continue
                code = ast.get_source_segment(source, node) or ""
                if len(code) > 300:
                    continue
                calls = found.setdefault(f"{module}.{qualname}", [])
                if [path.stem, code] not in calls and len(calls) < 6:
                    calls.append([path.stem, code])
    for calls in found.values():  # one example per notebook first, then the rest
        seen: set[str] = set()
        calls.sort(key=lambda c: (c[0] in seen, seen.add(c[0])))
    return found


# --------------------------------------------------------------------------- #
# The API reference
# --------------------------------------------------------------------------- #
#: Groups of the API reference: (heading, module prefixes).
API_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The package", ("helpers",)),
    ("Reading and cleaning the texts", ("helpers.text",)),
    ("Words, names and dates", ("helpers.language",)),
    ("Methods of analysis", ("helpers.methods",)),
    ("Tables, export and audit", ("helpers.tables", "helpers.export", "helpers.audit", "helpers.paths",
                                  "helpers.errors")),
    ("Notebooks, charts and the site", ("helpers.publish",)),
    ("The study's own texts", ("helpers.study",)),
)

MODULE_TEMPLATE = """{{ fullname | escape | underline }}

.. automodule:: {{ fullname }}

{% if functions or classes %}
   .. rubric:: Summary

   .. autosummary::
      :nosignatures:
{% for item in classes + functions %}
      {{ item }}
{%- endfor %}
{% endif %}
"""


def api_modules() -> list[str]:
    """The public modules of helpers (no name starting with ``_``), package first, in name order."""
    import pkgutil

    import helpers

    names = ["helpers"]
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return sorted(names)


def api_index(modules: list[str]) -> str:
    """``api/index.rst``: the modules by group, each a page generated by autosummary."""
    lines = ["Library reference", "=================", "",
             "Every function, class and constant of the ``helpers`` library, generated from its docstrings, with "
             "its signature. A helper that a notebook calls also shows that call, as an example, with a link to "
             "the notebook. Use the search box to find a helper by name.", ""]
    placed: set[str] = set()
    for heading, prefixes in API_GROUPS:
        members = [m for m in modules if m not in placed and (
            m in prefixes if prefixes == ("helpers",) else any(m == p or m.startswith(p + ".") for p in prefixes))]
        if not members:
            continue
        placed.update(members)
        lines += [heading, "-" * len(heading), "", ".. autosummary::", "   :toctree: .", ""]
        lines += [f"   {m}" for m in members] + [""]
    rest = [m for m in modules if m not in placed]
    if rest:
        lines += ["Other modules", "-------------", "", ".. autosummary::", "   :toctree: .", ""]
        lines += [f"   {m}" for m in rest] + [""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# The style and the font
# --------------------------------------------------------------------------- #
#: Chinese, Japanese and Korean characters and punctuation: what the shipped font is used for.
CJK_RANGE = ("U+2E80-2FDF, U+3000-303F, U+3100-312F, U+31A0-31BF, U+3200-4DBF, U+4E00-9FFF, U+F900-FAFF, "
             "U+FE30-FE4F, U+FF00-FFEF, U+20000-2FA1F")

SITE_CSS = """/* helpers: the shipped Chinese font, tables that wrap, the reader pages. */
@font-face {
  font-family: "Noto Sans SC";
  src: url("fonts/NotoSansSC-Regular.otf") format("opentype");
  font-weight: 100 900;
  font-display: swap;
  unicode-range: %(range)s;
}
html {
  --pst-font-family-base: "Noto Sans SC", var(--pst-font-family-base-system);
  --pst-font-family-heading: "Noto Sans SC", var(--pst-font-family-base-system);
  --pst-font-family-monospace: var(--pst-font-family-monospace-system), "Noto Sans SC";
}
/* Tables of the notebooks' outputs: text left-aligned, long quotations wrapped, nothing cut. */
.bd-article table td, .bd-article table th { text-align: left !important; vertical-align: top; }
.bd-article .cell_output .output.text_html { overflow-x: auto; }
.bd-article table.dataframe td { white-space: normal; overflow-wrap: normal; min-width: 5em; }
.bd-article table.dataframe td.long-text { min-width: 20em; }  /* a quotation: wide enough to read, then wrapped */
.bd-article table.dataframe td a { overflow-wrap: anywhere; }  /* a web address may break anywhere */
.bd-article table.dataframe thead tr { text-align: left !important; }
.bd-article a { overflow-wrap: anywhere; }
/* The reader pages. */
.reader-paragraph { line-height: 1.9; }
.sentence .sid { font-family: var(--pst-font-family-monospace); font-size: .7em; color: var(--pst-color-text-muted);
                 text-decoration: none; margin-right: .15em; white-space: nowrap; }
.sentence:target { background: var(--pst-color-target); outline: 2px solid var(--pst-color-secondary); }
.reader-heading .sentence-text { font-weight: 600; }
.fn-ref a, .fn-back { text-decoration: none; font-size: .8em; }
abbr.flag, .flag { font-size: .72em; padding: 0 .3em; border-radius: .3em; white-space: nowrap;
                   text-decoration: none; cursor: help; vertical-align: .1em; }
.flag-meaning-changing { background: #fde2e1; color: #9b1c1c; border: 1px solid #e8a29f; }
.flag-naming { background: #fff3cd; color: #7a5300; border: 1px solid #e6c66b; }
.flag-cosmetic { background: #eef1f4; color: #4a5562; border: 1px solid #c9d0d8; }
a.sentence-link { white-space: nowrap; }
.sentence, .bd-article section { scroll-margin-top: 4.5rem; }
""" % {"range": CJK_RANGE}


def _font(folder: Path) -> None:
    """Noto Sans SC and its licence into *folder*."""
    from .report import copy_font

    copy_font(folder)


# --------------------------------------------------------------------------- #
# conf.py and the index
# --------------------------------------------------------------------------- #
def conf_py(title: str, search_dict: Path, reader_dir: Path, calls: Path | None) -> str:
    """The ``conf.py`` of the site (no network: no analytics, no launch buttons, no MathJax, no widgets)."""
    options = {
        "home_page_in_toc": False, "navbar_persistent": [], "show_navbar_depth": 1, "max_navbar_depth": 3, "show_toc_level": 2,
        "use_download_button": True, "use_fullscreen_button": False, "use_repository_button": False,
        "use_issues_button": False, "use_source_button": False, "use_edit_page_button": False,
        "launch_buttons": {}, "navigation_with_keys": False, "search_bar_text": "Search the site …",
        "icon_links": [], "extra_footer": "", "show_prev_next": True,
    }
    extensions = ["myst_nb", "sphinx.ext.autodoc", "sphinx.ext.autosummary", "sphinx.ext.napoleon",
                  "helpers.publish.sphinx_ext"]
    return f'''# Written by helpers.publish.site.build_site; the site is rebuilt from scratch each time.
project = {title!r}
author = ""
copyright = ""
extensions = {extensions!r}
language = "en"  # the pages' own words
html_search_language = "zh"  # the search indexes Chinese words, segmented by jieba
html_search_options = {{"dict": {str(search_dict)!r}}}
exclude_patterns = ["_build", "_reader", "_data", "_templates", "**.ipynb_checkpoints"]
templates_path = ["_templates"]
nb_execution_mode = "off"  # the notebooks are rendered as they were saved
nb_ipywidgets_js = {{}}  # no widget scripts from the web
nb_merge_streams = True
myst_enable_extensions = []  # no $…$ maths: no MathJax from the web
myst_heading_anchors = 0
smartquotes = False  # the texts are shown as they are: no quotation mark or dash is changed
suppress_warnings = ["myst.header"]
autosummary_generate = True
autosummary_imported_members = False
autodoc_default_options = {{"members": True, "undoc-members": True, "member-order": "bysource"}}
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True  # a dataclass's "Attributes:" as fields, not a second description of each
add_module_names = False
helpers_reader_data = {str(reader_dir)!r}
helpers_notebook_calls = {str(calls) if calls else ""!r}
html_theme = "sphinx_book_theme"
html_title = {title!r}
html_theme_options = {options!r}
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_context = {{"default_mode": "light"}}  # a set mode: the theme logs an error for an unset one
html_show_search_summary = False  # a summary would fetch() each page, which file:// forbids
html_show_sphinx = False
html_show_copyright = False
html_last_updated_fmt = None
html_copy_source = True
html_show_sourcelink = False
'''


def index_page(title: str, intro: str, notebooks: list[Notebook], readers: list[tuple[str, str, str]],
               api: bool) -> str:
    """The MyST source of the index: *title*, *intro* (Markdown), the notebooks with their summaries, the
    reader pages and the API reference, and the (hidden) tables of contents behind the sidebar."""
    lines = [f"# {md_escape(title)}", "", intro.strip(), ""]
    if notebooks:
        lines += ["## Notebooks", ""]
        for notebook in notebooks:
            lines += [f"### [{md_escape(notebook.title)}]({notebook.path.stem}.ipynb)", ""]
            if notebook.summary:
                lines += [md_escape(notebook.summary), ""]
    if readers:
        lines += ["## The texts", "",
                  "Each text cleaned and in order, with every sentence's id as an anchor (a cited id anywhere on "
                  "this site links to its sentence), its notes and its quality flags.", ""]
        lines += [f"- [{md_escape(label)}]({name}.md): {md_escape(note)}" for name, label, note in readers] + [""]
    if api:
        lines += ["## Library reference", "",
                  "[The helpers library](api/index.rst): every function a notebook calls, with its signature, "
                  "its documentation and the call as an example.", ""]
    for caption, names in (("Notebooks", [n.path.stem for n in notebooks]), ("Texts", [r[0] for r in readers]),
                           ("Reference", ["api/index"] if api else [])):
        if names:
            lines += ["```{toctree}", ":hidden:", f":caption: {caption}", ""] + names + ["```", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# Post-processing
# --------------------------------------------------------------------------- #
_TOKENS = re.compile(r"(<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<(?:\"[^\"]*\"|'[^']*'|[^'\">])*>)",
                     re.S | re.I)  # a tag's quoted attribute may hold a ">"
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)")
#: Elements whose text is never linked: a link already, or not shown as text.
_NO_LINK = frozenset({"a", "head", "title", "textarea", "button", "option"})


def sentence_pattern(doc_ids: Iterable[str]) -> re.Pattern[str]:
    """A sentence id of one of *doc_ids* (``fes2024-0059``: the doc_id, a dash, four or more digits)."""
    alternatives = "|".join(re.escape(d) for d in sorted(set(doc_ids), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])((?:{alternatives})-\d{{4,}})(?![\w-])")


def link_sentence_ids(page: str, pattern: re.Pattern[str], known: set[str], href: Callable[[str], str]) -> str:
    """Every sentence id in the text of *page* (outside links, scripts, styles, the head and attribute
    values) that is in *known* as a link to ``href(id)``."""
    out = []
    depth = 0
    for token in _TOKENS.split(page):
        if not token:
            continue
        if token.startswith("<"):
            tag = _TAG.match(token)
            if tag and tag.group(2).lower() in _NO_LINK and not token.endswith("/>"):
                depth = max(0, depth + (-1 if tag.group(1) else 1))
            out.append(token)
        elif depth:
            out.append(token)
        else:
            out.append(pattern.sub(lambda m: f'<a class="sentence-link" href="{href(m.group(1))}">{m.group(1)}</a>'
                                   if m.group(1) in known else m.group(0), token))
    return "".join(out)


_LONG_CELL = re.compile(r"<td>(?=(.*?)</td>)", re.S)


def _long(cell: re.Match[str]) -> bool:
    """Whether a table cell holds a long text (a quotation, a note): more than 60 characters."""
    return len(re.sub(r"<[^>]+>", "", cell.group(1)).strip()) > 60


def finish_page(page: str, relative: str, pattern: re.Pattern[str] | None, known: set[str],
                readers: Mapping[str, str]) -> str:
    """Post-process one page at *relative* (``api/helpers.audit.html``): web addresses in table cells and
    sentence ids become links."""
    from .report import link_urls

    page = link_urls(page)
    page = _LONG_CELL.sub(lambda m: '<td class="long-text">' if _long(m) else m.group(0), page)
    # the index's <title> is the site's title once, not "title — title"
    page = re.sub(r"<title>(.+?) &#8212; \1</title>", r"<title>\1</title>", page, count=1)
    if pattern is None:
        return page
    up = "../" * relative.count("/")

    def href(sid: str) -> str:
        return f"{up}{readers[sid.rsplit('-', 1)[0]]}#{sid}"

    return link_sentence_ids(page, pattern, known, href)


def make_readable(folder: Path) -> None:
    """Folders 0755 and files 0644 under *folder* (and *folder* itself), so that a web server can read them."""
    folder.chmod(0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            Path(root, name).chmod(0o755)
        for name in files:
            Path(root, name).chmod(0o644)


# --------------------------------------------------------------------------- #
# The build
# --------------------------------------------------------------------------- #
def _copy_notebook(source: Path, target: Path) -> None:
    """Copy a notebook, tagging its setup cell to be removed and the code of its prose cells to be hidden."""
    import nbformat

    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        tags = list(cell.get("metadata", {}).get("tags", []))
        if "setup" in tags:
            tags.append("remove-cell")
        if "prose" in tags:
            tags.append("remove-input")
        if tags:
            cell.metadata["tags"] = tags
    nbformat.write(notebook, target)


def _sphinx(source: Path, build: Path, doctrees: Path, strict: bool) -> list[str]:
    """Run sphinx-build (html) in a subprocess; return its warnings (raises on an error, or a warning if
    *strict*)."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(doctrees), str(source), str(build)]
    env = dict(os.environ, PYTHONWARNINGS="ignore", PYDEVD_DISABLE_FILE_VALIDATION="1")
    result = subprocess.run(command, capture_output=True, text=True, cwd=source, env=env, check=False)
    warnings = [line for line in result.stderr.splitlines()
                if re.search(r"\b(WARNING|ERROR|CRITICAL|SEVERE)\b", line) or line.startswith(("Traceback", "Exception"))]
    if result.returncode != 0:
        detail = warnings[-1] if warnings else (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise HelpersError(f"sphinx-build failed on the site ({detail}); rerun with HELPERS_DEBUG=1 to keep its "
                           "sources and see the traceback.")
    if strict and warnings:
        raise HelpersError(f"sphinx-build warned ({len(warnings)}): {warnings[0]}")
    return warnings


def build_site(out: Path | str, title: str, intro: str, notebooks: list[Notebook], tables: Mapping | None,
               api: bool = True, strict: bool = False, extra: Mapping[str, Path] | None = None,
               log: Callable[[str], None] = print) -> list[Path]:
    """Build the site into *out* (see the module's docstring).

    Args:
        out: the folder to write (replaced as a whole; refused if it holds files a site does not write).
        title: the site's title (the index's heading and every page's ``<title>`` suffix).
        intro: the index's introduction, in Markdown.
        notebooks: the executed notebooks, in order, with their titles and summaries.
        tables: data frames of :data:`READER_TABLES` for the reader pages (None: no reader pages).
        api: include the API reference of the library.
        strict: a Sphinx warning stops the build (otherwise the warnings are returned in the log).
        extra: more files to put at the top of the site (name → file), e.g. the executed notebooks.
        log: where progress lines go.

    Returns:
        The pages written, index first: the notebooks' pages, then the reader pages.
    """
    start = time.perf_counter()
    out = Path(out)
    expected = {"index.html", *(f"{n.path.stem}.html" for n in notebooks), *(extra or {})}
    if tables is not None:
        expected |= {f"reader_{doc_id}.html" for doc_id in tables["documents"]["doc_id"]}
    allowed = set(SPHINX_NAMES) | expected
    if out.is_dir() and (out / "searchindex.js").exists():  # an earlier site: its pages may differ
        allowed |= {p.name for p in out.iterdir() if p.suffix in (".html", ".ipynb")}
    refuse(out, allowed.__contains__)  # before anything is built (atomic_folder checks again when it writes)
    keep = bool(os.environ.get("HELPERS_DEBUG"))
    work = Path(tempfile.mkdtemp(prefix="helpers-site-"))
    try:
        source = work / "source"
        (source / "_static" / "fonts").mkdir(parents=True)
        for notebook in notebooks:
            _copy_notebook(notebook.path, source / f"{notebook.path.stem}.ipynb")
        readers: list[tuple[str, str, str]] = []
        reader_of: dict[str, str] = {}
        known: set[str] = set()
        (source / "_reader").mkdir()
        if tables is not None:
            for doc_id in tables["documents"]["doc_id"]:
                data = reader_data(tables, str(doc_id))
                name = f"reader_{doc_id}"
                (source / "_reader" / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False),
                                                                    encoding="utf-8")
                (source / f"{name}.md").write_text(reader_page(tables, data), encoding="utf-8")
                n_sentences = sum(len(s) for s in data["sections"].values())
                label = f"{doc_id} · {data['title']}" if data["title"] else str(doc_id)
                readers.append((name, label, f"{n_sentences} sentences, {len(data['flag_list'])} quality flags"))
                reader_of[str(doc_id)] = f"{name}.html"
            known = set(map(str, tables["sentences"]["sentence_id"]))
        calls_path = None
        if api:
            (source / "api").mkdir()
            (source / "api" / "index.rst").write_text(api_index(api_modules()), encoding="utf-8")
            (source / "_templates" / "autosummary").mkdir(parents=True)
            (source / "_templates" / "autosummary" / "module.rst").write_text(MODULE_TEMPLATE, encoding="utf-8")
            calls_path = source / "_data" / "calls.json"
            calls_path.parent.mkdir()
            calls_path.write_text(json.dumps(notebook_calls([n.path for n in notebooks]), ensure_ascii=False,
                                             indent=1), encoding="utf-8")
        search_dict = source / "_data" / "search_dict.txt"
        search_dict.parent.mkdir(exist_ok=True)
        search_dict.write_text(_search_dictionary(), encoding="utf-8")
        (source / "_static" / "site.css").write_text(SITE_CSS, encoding="utf-8")
        _font(source / "_static" / "fonts")
        (source / "index.md").write_text(index_page(title, intro, notebooks, readers, api), encoding="utf-8")
        (source / "conf.py").write_text(conf_py(title, search_dict, source / "_reader", calls_path),
                                        encoding="utf-8")
        build = work / "html"
        log(f"rendering {len(notebooks)} notebooks, {len(readers)} reader pages"
            f"{' and the API reference' if api else ''} with Sphinx …")
        warnings = _sphinx(source, build, work / "doctrees", strict)
        for warning in warnings:
            log(f"  sphinx: {warning}")
        (build / ".buildinfo").unlink(missing_ok=True)
        pattern = sentence_pattern(reader_of) if reader_of else None
        for page in build.rglob("*.html"):
            relative = page.relative_to(build).as_posix()
            if relative.startswith(("_static/", "_sources/")):  # the theme's template files, not pages
                continue
            text = page.read_text(encoding="utf-8")
            finished = finish_page(text, relative, pattern, known, reader_of)
            if finished != text:
                page.write_text(finished, encoding="utf-8")
        for name, path in (extra or {}).items():
            shutil.copyfile(path, build / name)
        with atomic_folder(out, allowed | {p.name for p in build.iterdir()}) as tmp:
            for entry in build.iterdir():
                target = tmp / entry.name
                if entry.is_dir():
                    shutil.copytree(entry, target)
                else:
                    shutil.copyfile(entry, target)
            make_readable(tmp)
        log(f"built the site in {time.perf_counter() - start:.1f} s")
    finally:
        if keep:
            log(f"  (HELPERS_DEBUG: the Sphinx sources are kept in {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return ([out / "index.html"] + [out / f"{n.path.stem}.html" for n in notebooks]
            + [out / f"{name}.html" for name, _, _ in readers])


def _search_dictionary() -> str:
    """The domain dictionary in jieba's format (``word freq`` per line), so that the search index cuts
    the study's terms (军控, 核稳定 …) as the library does."""
    from ..language.lexicon import domain_dictionary

    lines = []
    for term, freq in domain_dictionary().terms:  # (term, frequency or None)
        term = str(term).strip()
        if term and " " not in term:
            lines.append(f"{term} {int(freq)}" if isinstance(freq, (int, float)) and freq else term)
    return "\n".join(lines) + "\n"
