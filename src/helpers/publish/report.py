"""The rendered report: a static HTML site of the executed notebooks.

``python -m helpers report --out DIR`` executes every notebook in a fresh kernel, in
order, and renders each to HTML with nbconvert, plus an ``index.html`` with the
study's title, a one-paragraph summary per notebook and links.  The folder works
offline: charts are embedded as PNG data, no script is fetched from the web, and the
Chinese font (Noto Sans SC, SIL Open Font License) is shipped in ``fonts/`` so that
Chinese text renders in any browser.

What is hidden: only the cell that imports the library and calls ``helpers.setup()``
(tagged ``setup``), which is the same in every notebook and produces no output.  Every
cell that computes a table or draws a chart stays visible, because the call is what
tells a student which helper produced the result.
"""

from __future__ import annotations

import html
import importlib.metadata
import re
import shutil
from pathlib import Path

from ..errors import HelpersError
from ..export import atomic_folder
from .notebooks import execute_notebook, notebook_paths
from ..paths import NOTEBOOKS

TITLE = "Two Chinese texts on arms control: a reproducible study"
FONT_CSS = """<style>
@font-face { font-family: "Noto Sans SC"; src: url("fonts/NotoSansSC-Regular.otf") format("opentype"); }
body, .jp-RenderedHTMLCommon, table { font-family: "Noto Sans SC", sans-serif; }
code, pre, kbd, samp { font-family: "DejaVu Sans Mono", monospace, "Noto Sans SC" !important; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left !important; vertical-align: top; }
.jp-RenderedHTMLCommon td { min-width: 4em; max-width: 38em; white-space: normal; overflow-wrap: anywhere; }
</style>"""
#: A web address inside a table cell (up to a space, a tag or a ";" separating two addresses).
_CELL_URL = re.compile(r"(?<![\"'=>])(https?://[^\s<;\"']+)")


def link_urls(html_text: str) -> str:
    """Make every web address in a table cell (``<td>…</td>``) a link, so that a reader can follow a
    source from the rendered page; text outside tables is left as it is, and so is an address that the
    table cut short (it would be a broken link)."""
    def link(url: re.Match[str]) -> str:
        rest = url.string[url.end():url.end() + 3]
        if rest.startswith(("...", "…")) or url.group(1).endswith(("...", "…")):  # cut by the table's width: no link
            return url.group(0)
        return f'<a href="{url.group(1)}">{url.group(1)}</a>'

    return re.sub(r"<td([^>]*)>(.*?)</td>", lambda m: f"<td{m.group(1)}>" + _CELL_URL.sub(link, m.group(2)) + "</td>",
                  html_text, flags=re.S)


def notebook_info(path: Path) -> tuple[str, str]:
    """(title, one-paragraph summary) of a notebook: its first heading, and ``metadata.study.summary``."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    title = path.stem
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            found = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if found:
                title = found.group(1).strip()
                break
    summary = notebook.metadata.get("study", {}).get("summary", "")
    return title, summary


def render_notebook(path: Path, back_link: bool = True) -> str:
    """One notebook as a self-contained HTML page (setup cell removed, no external scripts)."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name="lab")
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    # cells tagged "prose" compute Markdown about the corpus (the audit's pages): the text shows, not the call
    remover = TagRemovePreprocessor(remove_cell_tags={"setup"}, remove_input_tags={"prose"}, enabled=True)
    exporter.register_preprocessor(remover, enabled=True)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    body = body.replace('<script src=""></script>', "")
    back = '<p style="margin:1em 2em"><a href="index.html">← 目录 Contents</a></p>' if back_link else ""
    body = link_urls(body.replace("</head>", f"{FONT_CSS}\n</head>", 1))
    return re.sub(r"(<main[^>]*>)", lambda m: m.group(1) + back, body, count=1)


def index_page(entries: list[tuple[str, str, str]]) -> str:
    """The index: study title, purpose, and per notebook its title, summary and link."""
    return site_index(TITLE, INTRO, entries)


#: The study's purpose, on its index page.
INTRO = """<p>Two Chinese-language policy texts on arms control: the Friedrich-Ebert-Stiftung's paper on German–Chinese cooperation
in multilateral arms control (Meier &amp; Staack, 2024) and a machine-translated excerpt of Tong Zhao's Carnegie report on
the political drivers of China's nuclear policy (2024). Every finding cites its document, sentence id and the Chinese
text; every number is computed from the texts and the sourced reference facts.</p>"""


def site_index(title: str, intro_html: str, entries: list[tuple[str, str, str]]) -> str:
    """An index page: *title*, an introduction (HTML) and, per page, its link, heading and one-line summary.

    The study's report and the audit of a user's corpus share it; it loads the shipped Chinese font.
    """
    items = "\n".join(
        f'<li><h2><a href="{html.escape(href)}">{html.escape(heading)}</a></h2><p>{html.escape(summary)}</p></li>'
        for href, heading, summary in entries)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{FONT_CSS}
<style>body {{ max-width: 52em; margin: 2em auto; line-height: 1.5; padding: 0 1em; }}
li {{ list-style: none; margin-bottom: 1.5em; }} h2 {{ font-size: 1.2em; margin-bottom: .2em; }}</style>
</head><body>
<h1>{html.escape(title)}</h1>
{intro_html}
<ul>
{items}
</ul>
<p><small>Chinese text is set in Noto Sans SC (SIL Open Font License, see fonts/OFL.txt).</small></p>
</body></html>
"""


def copy_font(folder: Path) -> Path:
    """Put Noto Sans SC and its licence into *folder* (the pages' CSS loads ``fonts/NotoSansSC-Regular.otf``)."""
    import pylopdf_fonts_zh_cn

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pylopdf_fonts_zh_cn.sans_path(), folder / "NotoSansSC-Regular.otf")
    licence = importlib.metadata.metadata("pylopdf-fonts-zh-cn").get("License", "")
    (folder / "OFL.txt").write_text(licence or "SIL Open Font License 1.1", encoding="utf-8")
    return folder


def build_report(out: Path | str, execute: bool = True, folder: Path = NOTEBOOKS) -> list[Path]:
    """Execute (optionally) and render every notebook of *folder* into the site *out*.

    Prints one progress line per notebook.  A failing notebook stops the build with a
    :class:`HelpersError` naming the notebook and the failing cell; *out* is then left
    as it was.

    Returns:
        The pages written, index first.
    """
    paths = notebook_paths(folder)
    if not paths:
        raise HelpersError(f"{folder}: no numbered notebooks (NN_name.ipynb) found; nothing to render.")
    allowed = {"index.html", "fonts"} | {f"{p.stem}.html" for p in paths}
    entries = []
    with atomic_folder(out, allowed) as tmp:
        for number, path in enumerate(paths, start=1):
            if execute:
                print(f"[{number}/{len(paths)}] executing {path.name} …", flush=True)
                seconds = execute_notebook(path)
                print(f"        done in {seconds:.1f} s; rendering", flush=True)
            else:
                print(f"[{number}/{len(paths)}] rendering {path.name}", flush=True)
            (tmp / f"{path.stem}.html").write_text(render_notebook(path), encoding="utf-8")
            title, summary = notebook_info(path)
            entries.append((f"{path.stem}.html", title, summary))
        (tmp / "index.html").write_text(index_page(entries), encoding="utf-8")
        copy_font(tmp / "fonts")
    out = Path(out)
    return [out / "index.html"] + [out / f"{p.stem}.html" for p in paths]
