"""Writing outputs: whole folders replaced atomically, tables as deterministic UTF-8 CSV."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .errors import HelpersError


@contextmanager
def atomic_folder(out: Path | str, allowed: set[str] | None = None) -> Iterator[Path]:
    """Yield a temporary folder beside *out*; on success it replaces *out* in one rename.

    If anything fails, *out* is left as it was and no partial folder remains.  An
    existing *out* is only replaced if every name in it is in *allowed* (when given),
    so that a wrong path can never delete other data.

    Raises:
        HelpersError: *out* is a file, holds other files, or cannot be written.
    """
    out = Path(out)
    parent = out.parent.resolve()
    if out.exists():
        if not out.is_dir():
            raise HelpersError(f"{out}: exists and is not a folder; choose another --out.")
        if allowed is not None:
            foreign = sorted(p.name for p in out.iterdir() if p.name not in allowed)
            if foreign:
                raise HelpersError(
                    f"{out}: the folder holds other files ({foreign[0]}); it is only ever replaced as a whole, "
                    "so choose a new or empty folder for --out."
                )
    tmp: Path | None = None
    old: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
        yield tmp
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
        raise HelpersError(f"{out}: could not write ({reason}); check the folder's permissions and free space.") from None
    except BaseException:
        _restore(tmp, old, out)
        raise


def _restore(tmp: Path | None, old: Path | None, out: Path) -> None:
    """Undo a failed write: drop the temporary folder, put the previous output back."""
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)
    if old is not None and old.exists() and not out.exists():
        old.rename(out)


def write_tables(tables: dict[str, pd.DataFrame], out: Path | str) -> list[Path]:
    """Write each table to ``OUT/<name>.csv`` atomically (see :func:`atomic_folder`).

    Returns:
        The paths written.
    """
    out = Path(out)
    with atomic_folder(out, {f"{name}.csv" for name in tables}) as tmp:
        for name, frame in tables.items():
            frame.to_csv(tmp / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
    return [out / f"{name}.csv" for name in tables]
