"""Executing the study's notebooks, in order, in a fresh kernel each."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

from ..errors import HelpersError
from ..paths import NOTEBOOKS


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks (``00_….ipynb``, ``01_….ipynb`` …) in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


#: Cell metadata that jupytext keeps out of the Markdown twin (it stays in the .ipynb only).
_UNPAIRED_CELL_METADATA = {"autoscroll", "collapsed", "scrolled", "trusted", "execution", "ExecuteTime"}
#: Notebook metadata the Markdown twin carries: the kernel, and the summary the report's index shows.
_PAIRED_NOTEBOOK_METADATA = ("kernelspec", "study")


def _cells(cells) -> list[tuple[str, str, dict]]:
    """(cell type, source, the metadata that matters) of each cell."""
    out = []
    for cell in cells:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        metadata = {k: v for k, v in cell.get("metadata", {}).items() if k not in _UNPAIRED_CELL_METADATA}
        out.append((cell["cell_type"], source, metadata))
    return out


def pair_differences(ipynb: Path) -> list[str]:
    """How notebook *ipynb* and its jupytext twin ``NN_name.md`` (MyST Markdown) differ, one line per
    difference; empty when they are in sync.  Each line names the notebook and, for a cell, its position
    (0-based) and its id in the .ipynb."""
    import json

    import jupytext

    md = ipynb.with_suffix(".md")
    if not md.exists():
        return [f"{ipynb.name}: no paired {md.name} (jupytext --sync {ipynb})"]
    notebook = json.loads(ipynb.read_text(encoding="utf-8"))
    text = jupytext.read(md)
    problems = []
    for key in _PAIRED_NOTEBOOK_METADATA:
        if notebook["metadata"].get(key) != text.metadata.get(key):
            problems.append(f"{ipynb.name}: notebook metadata {key!r} differs from {md.name}")
    left, right = _cells(notebook["cells"]), _cells(text.cells)
    for index in range(max(len(left), len(right))):
        cell_id = notebook["cells"][index].get("id") if index < len(notebook["cells"]) else None
        where = f"{ipynb.name}: cell {index} (id {cell_id})"
        if index >= len(right):
            problems.append(f"{where}: only in {ipynb.name}")
        elif index >= len(left):
            problems.append(f"{ipynb.name}: cell {index}: only in {md.name}")
        else:
            for part, a, b in zip(("cell type", "source", "metadata"), left[index], right[index]):
                if a != b:
                    problems.append(f"{where}: {part} differs from {md.name}")
    return problems


def require_pairs_in_sync(paths: list[Path]) -> None:
    """Refuse to execute notebooks whose Markdown twin says something else: executing rewrites the .ipynb,
    after which ``jupytext --sync`` would keep the .ipynb's cells and lose the edits made in the .md.

    Raises:
        HelpersError: one line naming the first notebook out of sync and the two commands that resolve it.
    """
    for path in paths:
        problems = pair_differences(path)
        if problems:
            raise HelpersError(
                f"{problems[0]}; keep the .md's cells with `jupytext --to ipynb --update {path.with_suffix('.md')}` "
                f"or the notebook's with `jupytext --to md:myst {path}`, then run the build again."
            )


def execute_notebook(path: Path, timeout: int = 600, save_failed: bool = False) -> float:
    """Execute *path* in place in a fresh kernel; return the seconds it took.

    The kernel's working directory is the notebook's folder.  With *save_failed*, a notebook
    whose cell failed is saved too, with the traceback in that cell's output.

    Raises:
        HelpersError: a cell failed (the message names the notebook and the cell).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        # The kernel's own console chatter (a transport notice) is not the notebook's output.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as exc:
        failing = next((i for i, c in enumerate(notebook.cells) if c.cell_type == "code"
                        and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        message = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()  # drop terminal colour codes
        last = message.splitlines()[-1] if message else "error"
        if save_failed:
            nbformat.write(notebook, path)
        raise HelpersError(f"{path}: cell {failing} failed ({last}); open the notebook to see the traceback.") from None
    nbformat.write(notebook, path)
    return time.perf_counter() - start
