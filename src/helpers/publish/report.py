"""The rendered report: the study's HTML site (:mod:`helpers.publish.site`).

``python -m helpers report --out DIR`` renders the committed, executed notebooks as a Sphinx book
(MyST-NB, sphinx-book-theme): an index with the study's title and a one-paragraph summary per notebook,
one page per notebook, a reader page per text (every sentence id cited anywhere on the site links to its
sentence there) and the API reference of the library.  The notebooks are not executed again unless asked
(``--execute``, or ``python -m helpers build`` beforehand).  The folder works offline (no script, style or font
is fetched from the web; the Chinese font, Noto Sans SC, SIL Open Font License, is shipped in
``_static/fonts/``) and can be served by any static web server.

What is hidden: only the cell that imports the library and calls ``helpers.setup()`` (tagged ``setup``),
which is the same in every notebook and produces no output.  Every cell that computes a table or draws a
chart stays visible, because the call is what tells a student which helper produced the result.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
from pathlib import Path

from ..errors import HelpersError
from .notebooks import execute_notebook, notebook_paths
from ..paths import NOTEBOOKS

TITLE = "Two Chinese texts on arms control: a reproducible study"
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


#: The study's purpose, on its index page (Markdown).
INTRO = """Two Chinese-language policy texts on arms control: the Friedrich-Ebert-Stiftung's paper on German–Chinese
cooperation in multilateral arms control (Meier & Staack, 2024) and a machine-translated excerpt of Tong Zhao's Carnegie
report on the political drivers of China's nuclear policy (2024). Every finding cites its document, sentence id and the
Chinese text; every number is computed from the texts and the sourced reference facts. A cited sentence id, such as
fes2024-0059, is a link to that sentence on the text's reader page."""


def copy_font(folder: Path) -> Path:
    """Put Noto Sans SC and its licence into *folder* (the pages' CSS loads ``fonts/NotoSansSC-Regular.otf``)."""
    import pylopdf_fonts_zh_cn

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pylopdf_fonts_zh_cn.sans_path(), folder / "NotoSansSC-Regular.otf")
    licence = importlib.metadata.metadata("pylopdf-fonts-zh-cn").get("License", "")
    (folder / "OFL.txt").write_text(licence or "SIL Open Font License 1.1", encoding="utf-8")
    return folder


def build_report(out: Path | str, execute: bool = False, folder: Path = NOTEBOOKS,
                 tables: Path | None = None) -> list[Path]:
    """Render every notebook of *folder* (executed first if *execute*) into the site *out*.

    The reader pages are made from the tables in the folder *tables*, or by default from the study's texts
    themselves (``data/raw``, exported into a temporary folder: the tables are derived data, not in the
    repository, and this way they are those of the code that renders them, as the notebooks' are; about
    1.5 s).  Nothing in the repository is written.  Prints one progress line per step.  A failing
    notebook (with *execute*) stops the build with a :class:`HelpersError` naming the notebook and the
    failing cell, and so does a Sphinx warning; *out* is then left as it was.

    Returns:
        The pages written, index first.
    """
    from .site import Notebook, build_site

    paths = notebook_paths(folder)
    if not paths:
        raise HelpersError(f"{folder}: no numbered notebooks (NN_name.ipynb) found; nothing to render.")
    if execute:
        for number, path in enumerate(paths, start=1):
            print(f"[{number}/{len(paths)}] executing {path.name} …", flush=True)
            seconds = execute_notebook(path)
            print(f"        done in {seconds:.1f} s", flush=True)
    notebooks = [Notebook(path, *notebook_info(path)) for path in paths]
    return build_site(out, TITLE, INTRO, notebooks, read_tables(tables) if tables else study_tables(), api=True,
                      strict=True, log=lambda line: print(line, flush=True))


def study_tables() -> dict:
    """The reader pages' tables of the study's texts, exported from ``data/raw`` into a temporary folder."""
    import tempfile

    from ..export import export_corpus
    from ..paths import RAW
    from ..study.layer import STUDY

    print("exporting the tables of the study's texts for the reader pages …", flush=True)
    with tempfile.TemporaryDirectory(prefix="helpers-report-") as work:
        export_corpus(RAW, Path(work) / "tables", layer=STUDY)
        return read_tables(Path(work) / "tables")


def read_tables(folder: Path) -> dict:
    """The tables a reader page is made from (:data:`helpers.publish.site.READER_TABLES`), read from *folder*."""
    import pandas as pd

    from .site import READER_TABLES

    tables = {}
    for name in READER_TABLES:
        path = Path(folder) / f"{name}.csv"
        if not path.exists():
            raise HelpersError(f"{path}: missing; run `python -m helpers export --out {folder}` "
                               "(or `python -m helpers build`) first.")
        tables[name] = pd.read_csv(path, keep_default_na=False, dtype=str)
    return tables
