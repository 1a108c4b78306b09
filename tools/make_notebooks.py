"""Write the notebooks (unexecuted) from their cell sources in tools/nbNN.py.

Usage: ``python tools/make_notebooks.py``, then ``python -m helpers build`` to
execute them in place.  A cell is ``(kind, source, *tags)``; the cell tagged
``setup`` is hidden in the rendered report, the one tagged ``parameters`` can be
overridden by ``python -m helpers audit``.  ``SUMMARY`` is the paragraph the report's
index shows for the notebook.  The cell sources live in plain Python files so that the
notebooks' text is reviewable in a diff; cell ids are the module name and the
cell's position, so regenerating an unchanged notebook changes nothing.
"""

import importlib
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = {"nb00": "00_corpus.ipynb", "nb01": "01_sino_german.ipynb", "nb02": "02_sino_us.ipynb",
             "nb03": "03_comparison.ipynb"}


def write(module_name: str, filename: str) -> Path:
    """Write one notebook from the CELLS list of a tools/nbNN.py module."""
    module = importlib.import_module(module_name)
    cells = []
    for index, (kind, src, *tags) in enumerate(module.CELLS):
        cell = new_markdown_cell(src) if kind == "md" else new_code_cell(src)
        cell.id = f"{module_name}-{index:02d}"  # stable ids, so regenerating changes only what changed
        if tags:
            cell.metadata["tags"] = list(tags)
        cells.append(cell)
    notebook = new_notebook(
        cells=cells,
        metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                  "language_info": {"name": "python"}, "study": {"summary": module.SUMMARY}},
    )
    path = Path(__file__).resolve().parents[1] / "notebooks" / filename
    nbformat.write(notebook, path)
    return path


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for module, filename in NOTEBOOKS.items():
        print(f"wrote {write(module, filename)}")
