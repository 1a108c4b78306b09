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
