"""Running the generic notebooks on a user's corpus.

Notebooks 00 and 03 have a cell tagged ``parameters`` (the papermill convention)
that sets ``CORPUS = None`` (the study's own texts) and, in 03, the two documents to
compare.  :func:`run_on_corpus` copies each notebook, inserts a cell with the user's
values after that cell (tagged ``injected-parameters``), executes the copy and renders
it to HTML, all in the output folder.  The study's notebooks are never modified.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..text.corpus import read_manifest
from ..errors import HelpersError
from ..export import atomic_folder
from .notebooks import execute_notebook
from ..paths import NOTEBOOKS


def inject(notebook_path: Path, target: Path, values: dict[str, object]) -> Path:
    """Copy *notebook_path* to *target* with a cell that sets *values*, after the ``parameters`` cell."""
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    index = next((i for i, c in enumerate(notebook.cells) if "parameters" in c.get("metadata", {}).get("tags", [])),
                 None)
    if index is None:
        raise HelpersError(f"{notebook_path}: no cell tagged 'parameters'; it cannot be run on another corpus.")
    source = "\n".join(f"{name} = {value!r}" for name, value in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    notebook.cells.insert(index + 1, cell)
    nbformat.write(notebook, target)
    return target


def run_on_corpus(corpus: Path | str, out: Path | str) -> list[Path]:
    """Run notebook 00 (and 03 when the corpus has at least two documents) on *corpus*.

    Returns:
        The HTML pages written (notebook 00 first).
    """
    from .report import render_notebook

    corpus = Path(corpus).resolve()
    docs = [row["doc_id"] for row in read_manifest(corpus)]  # one-line error for a bad corpus
    runs = [("00_corpus.ipynb", {"CORPUS": str(corpus)})]
    if len(docs) >= 2:
        runs.append(("03_comparison.ipynb", {"CORPUS": str(corpus), "DOC_A": docs[0], "DOC_B": docs[1]}))
    out = Path(out)
    pages = []
    allowed = {name for name, _ in runs} | {name.replace(".ipynb", ".html") for name, _ in runs}
    with atomic_folder(out, allowed) as tmp:
        for name, values in runs:
            copy = inject(NOTEBOOKS / name, NOTEBOOKS / f".{name}.{out.name}.run.ipynb", values)
            try:
                print(f"executing {name} on {corpus} …", flush=True)
                execute_notebook(copy)
                shutil.copyfile(copy, tmp / name)
                (tmp / name.replace(".ipynb", ".html")).write_text(render_notebook(copy, back_link=False), encoding="utf-8")
            finally:
                copy.unlink(missing_ok=True)
            pages.append(out / name.replace(".ipynb", ".html"))
    return pages
