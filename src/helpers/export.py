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
    folder remains.  An existing *out* is only replaced if it holds nothing but
    table files, so that a wrong ``--out`` can never delete other data.

    Returns:
        The paths written.
    """
    out = Path(out)
    parent = out.parent.resolve()
    if out.exists():
        if not out.is_dir():
            raise HelpersError(f"{out}: exists and is not a folder; choose another --out.")
        expected = {f"{name}.csv" for name in tables}
        foreign = sorted(p.name for p in out.iterdir() if p.name not in expected)
        if foreign:
            raise HelpersError(
                f"{out}: the folder holds other files ({foreign[0]}); export only replaces a folder of tables, "
                "so choose a new or empty folder for --out."
            )
    tmp: Path | None = None
    old: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
        for name, frame in tables.items():
            frame.to_csv(tmp / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        if out.exists():
            old = parent / f".{out.name}.{os.getpid()}.old"
            out.rename(old)
        tmp.rename(out)
        tmp = None
        if old is not None:
            shutil.rmtree(old)
    except OSError as exc:
        _restore(tmp, old, out)
        reason = exc.strerror or type(exc).__name__
        raise HelpersError(f"{out}: could not write the tables ({reason}); check the folder's permissions and free space.") from None
    except BaseException:
        _restore(tmp, old, out)
        raise
    return [out / f"{name}.csv" for name in tables]


def _restore(tmp: Path | None, old: Path | None, out: Path) -> None:
    """Undo a failed write: drop the temporary folder, put the previous output back."""
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)
    if old is not None and old.exists() and not out.exists():
        old.rename(out)
