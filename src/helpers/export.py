"""Writing the tables: UTF-8 CSV, byte-for-byte deterministic, all or nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .errors import HelpersError


def write_tables(tables: dict[str, pd.DataFrame], out: Path | str) -> list[Path]:
    """Write each table to ``OUT/<name>.csv`` atomically.

    The files are written into a temporary folder beside *out*, which then replaces
    *out* in one rename; if anything fails, *out* is left as it was and no partial
    folder remains.

    Returns:
        The paths written.
    """
    out = Path(out)
    parent = out.parent.resolve()
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HelpersError(f"{parent}: cannot create the output folder ({exc.strerror}); choose another --out.") from None
    if out.exists() and not out.is_dir():
        raise HelpersError(f"{out}: exists and is not a folder; choose another --out.")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    try:
        for name, frame in tables.items():
            frame.to_csv(tmp / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        if out.exists():
            old = parent / f".{out.name}.{os.getpid()}.old"
            out.rename(old)
            tmp.rename(out)
            shutil.rmtree(old)
        else:
            tmp.rename(out)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise HelpersError(f"{out}: could not write the tables ({exc.strerror}); check the folder's permissions and free space.") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [out / f"{name}.csv" for name in tables]
