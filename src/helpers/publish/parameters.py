"""Parameters of the study's notebooks.

Notebooks 00 and 03 have a cell tagged ``parameters`` (the papermill convention) that sets
``CORPUS = None`` (the study's own texts) and, in 03, the two documents to compare.
:func:`inject` copies such a notebook with a cell of other values after that cell (tagged
``injected-parameters``), for running it by hand on another corpus; their commentary still
describes the study's texts.

``python -m helpers audit`` does not use them: it builds its own notebooks, whose prose is
computed from the user's corpus (:mod:`helpers.publish.audit_notebook`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import HelpersError


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
