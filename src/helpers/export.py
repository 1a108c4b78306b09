"""Writing outputs: whole folders replaced atomically, tables as deterministic UTF-8 CSV (or Parquet)."""

from __future__ import annotations

import contextlib
import csv
import math
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .errors import HelpersError

if TYPE_CHECKING:  # pandas is imported where data frames are written: a streaming CSV export needs none
    import pandas as pd

    from .tables import Layer

#: The formats :func:`write_tables` writes, and each one's file suffix.
FORMATS: dict[str, str] = {"csv": ".csv", "parquet": ".parquet"}
#: The one line a user without pyarrow reads when asking for Parquet.
PARQUET_MISSING = 'writing Parquet needs pyarrow, which is not installed; run: pip install "helpers[parquet]"'


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
    refuse_foreign(out, (lambda name: name in allowed) if allowed is not None else lambda name: True)
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


def refuse_foreign(out: Path | str, ours: Callable[[str], bool]) -> None:
    """Refuse an output folder that is a file, or that holds a file or folder whose name *ours* does not
    accept: a folder of the user's own, which replacing *out* as a whole would delete.  Called by
    :func:`atomic_folder` when it writes, and before slow work by the commands that know their names early.

    Raises:
        HelpersError: one line naming the folder and the first such file.
    """
    out = Path(out)
    if not out.exists():
        return
    if not out.is_dir():
        raise HelpersError(f"{out}: exists and is not a folder; choose another --out.")
    foreign = sorted(p.name for p in out.iterdir() if not ours(p.name))
    if foreign:
        raise HelpersError(f"{out}: the folder holds other files ({foreign[0]}); it is only ever replaced as a whole, "
                           "so choose a new or empty folder for --out.")


def _restore(tmp: Path | None, old: Path | None, out: Path) -> None:
    """Undo a failed write: drop the temporary folder, put the previous output back."""
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)
    if old is not None and old.exists() and not out.exists():
        old.rename(out)


def write_tables(tables: dict[str, pd.DataFrame], out: Path | str, format: str = "csv") -> list[Path]:
    """Write each table to ``OUT/<name>.csv`` (or ``.parquet``) atomically (see :func:`atomic_folder`).

    CSV is UTF-8 with ``\\n`` line ends and a header row, byte for byte what ``DataFrame.to_csv(index=False)``
    writes (:func:`write_csv`).  Parquet (``format="parquet"``) needs pyarrow (:func:`write_parquet`).

    Returns:
        The paths written.

    Raises:
        HelpersError: an unknown format, pyarrow missing for Parquet, or the folder cannot be written.
    """
    if format not in FORMATS:
        raise HelpersError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}.")
    if format == "parquet":
        require_pyarrow()
    suffix = FORMATS[format]
    write = write_csv if format == "csv" else write_parquet
    out = Path(out)
    with atomic_folder(out, {f"{name}{suffix}" for name in tables}) as tmp:
        for name, frame in tables.items():
            write(frame, tmp / f"{name}{suffix}")
    return [out / f"{name}{suffix}" for name in tables]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write *frame* as ``frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\\n")`` would.

    Tables whose columns are all integers, booleans or text (the large ones: tokens, sentences,
    mentions) are written with the standard library's ``csv.writer``, which is what pandas itself
    uses underneath, without pandas' per-block formatting: the same bytes in about half the time.
    Any other table (floats, dates, a column of mixed types) is written by pandas.
    """
    with open(path, "w", encoding="utf-8", newline="") as handle:
        append_csv(frame, handle, header=True)


def append_csv(frame: pd.DataFrame, handle: IO[str], *, header: bool = False) -> None:
    """Write the rows of *frame* (and its header row, with *header*) to an open text file, as
    :func:`write_csv` does: a table written in parts is byte for byte the table written at once, as
    long as each part's columns have the table's types (integers, booleans or text)."""
    columns = _plain_columns(frame)
    if columns is None:
        frame.to_csv(handle, index=False, header=header, lineterminator="\n")
        return
    writer = csv.writer(handle, lineterminator="\n")  # QUOTE_MINIMAL, '"' doubled, as pandas
    if header:
        writer.writerow([str(c) for c in frame.columns])
    writer.writerows(zip(*columns))


def export_corpus(corpus: Path | str, out: Path | str, *, jobs: int = 1, layer: "Layer | None" = None,
                  format: str = "csv", progress: bool | None = None) -> dict[str, int]:
    """Run the pipeline over a corpus folder and write its tables to *out* (replaced as a whole, atomically).

    CSV is written a chunk of documents at a time (:func:`helpers.tables.iter_tables`), so that memory
    stays flat however large the corpus: only the rows of the documents the *layer* :meth:`needs
    <helpers.tables.Layer.needs>` are kept until the end, for the layer's own tables.  The files are
    byte for byte those :func:`write_tables` writes from :func:`helpers.tables.corpus_tables`.  Parquet is
    written from the whole tables at once.

    Returns:
        The number of rows of each table written, in the order written.

    Raises:
        HelpersError: as :func:`write_tables` and :func:`helpers.tables.corpus_tables`.
    """
    from .tables import (COLUMNS, NO_LAYER, TABLES, _concat, _finish, _frame, _show_progress, collector_paused,
                         corpus_tables, iter_columns)

    layer = layer if layer is not None else NO_LAYER
    if format not in FORMATS:
        raise HelpersError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}.")
    if format == "parquet":
        require_pyarrow()  # before the work, not after it
        names = {f"{name}.parquet" for name in (*TABLES, *layer.table_names)}
        refuse_foreign(out, names.__contains__)  # before the work: atomic_folder checks only when it writes
        tables = corpus_tables(corpus, jobs, layer, progress)
        return {p.stem: len(tables[p.stem]) for p in write_tables(tables, out, format)}
    from .text.corpus import load_corpus

    documents = load_corpus(corpus)  # a bad corpus is reported before the output folder is touched
    allowed = {f"{name}.csv" for name in (*TABLES, *layer.table_names)}
    counts = dict.fromkeys(TABLES, 0)
    kept: list[dict[str, pd.DataFrame]] = []
    needed = []
    with collector_paused(), atomic_folder(Path(out), allowed) as tmp, contextlib.ExitStack() as files:
        writers = {}
        for name in TABLES:
            handle = files.enter_context(open(tmp / f"{name}.csv", "w", encoding="utf-8", newline=""))
            writers[name] = (handle, csv.writer(handle, lineterminator="\n"))  # QUOTE_MINIMAL, as pandas
            writers[name][1].writerow(COLUMNS[name])
        for chunk, columns in iter_columns(corpus, jobs, layer, _show_progress(progress), documents):
            ids = {d.doc_id for d in chunk if layer.needs(d)}
            if ids:
                needed.extend(d for d in chunk if d.doc_id in ids)
                with _python_strings():
                    kept.append({name: _rows_of(_frame(name, dict(columns[name])), ids) for name in TABLES})
            for name in TABLES:
                values = [columns[name][c] for c in COLUMNS[name]]
                if not _plain_values(values):  # a layer's flag or a document's metadata of another type
                    column, kind = _first_odd(name, values)
                    raise HelpersError(f"{chunk[0].path}: table {name}, column {column} holds a {kind} value; every "
                                       "exported value must be text, a whole number or a flag (fix the layer or "
                                       "the manifest that supplies it).")
                writers[name][1].writerows(zip(*values))
                counts[name] += len(values[0])
            del columns
        files.close()
        if kept:
            with _python_strings():
                generic = {name: _concat([k[name] for k in kept]) for name in TABLES}
                for name, frame in _finish(generic, needed, layer).items():
                    if name not in counts:
                        write_csv(frame, tmp / f"{name}.csv")
                        counts[name] = len(frame)
    return counts


@contextlib.contextmanager
def _python_strings() -> Iterator[None]:
    """Data frames made for CSV hold text as Python strings: with pyarrow installed, pandas would otherwise
    convert every string to Arrow and back (more memory and time, for nothing).  pandas is imported here,
    only when a data frame is needed (a streaming export of a user's corpus needs none)."""
    import pandas as pd

    with pd.option_context("mode.string_storage", "python"):
        yield


_PLAIN_TYPES = frozenset({str, int, bool})


def _first_odd(name: str, columns: list[list[object]]) -> tuple[str, str]:
    """The first column of table *name* with a value that is not text, a whole number or a flag, and its type."""
    from .tables import COLUMNS

    for column, values in zip(COLUMNS[name], columns):
        odd = next((v for v in values if type(v) not in _PLAIN_TYPES), None)
        if odd is not None or any(v is None for v in values):
            return column, type(odd).__name__
    return COLUMNS[name][0], "?"


def _plain_values(columns: list[list[object]]) -> bool:
    """True when every value is text, a whole number or a flag: what ``csv.writer`` writes as pandas
    does (a column of numbers with a gap, which pandas would make floats, is not)."""
    return all(set(map(type, column)) <= _PLAIN_TYPES for column in columns)


def _rows_of(frame: pd.DataFrame, doc_ids: set[str]) -> pd.DataFrame:
    """The rows of *frame* whose ``doc_id`` is in *doc_ids* (all of them, without a copy, when every row is)."""
    keep = frame["doc_id"].isin(doc_ids).to_numpy()
    return frame if keep.all() else frame[keep].reset_index(drop=True)


def _plain_columns(frame: pd.DataFrame) -> list[list[object]] | None:
    """The columns of *frame* as lists of values whose ``str`` is what pandas writes, or None
    when a column is of a kind pandas formats in its own way (floats, dates, categories…)."""
    import numpy as np
    import pandas as pd

    if frame.shape[1] == 0 or not frame.columns.is_unique:
        return None
    if not all(type(c) is str for c in frame.columns):
        return None
    columns = []
    for name in frame.columns:
        series = frame[name]
        kind = series.dtype
        if isinstance(kind, np.dtype) and kind.kind in "iub":
            columns.append(series.tolist())  # Python ints and bools: their str() is pandas' text
        elif isinstance(kind, pd.StringDtype) or kind == np.dtype(object):
            if pd.api.types.infer_dtype(series, skipna=True) not in ("string", "empty"):
                return None  # a number or other object among the text: leave it to pandas
            values = series.tolist()
            missing = series.isna().to_numpy()
            for index in np.flatnonzero(missing):
                values[index] = ""  # pandas' na_rep
            columns.append(values)
        else:
            return None
    return columns


def require_pyarrow() -> None:
    """Raise a one-line :class:`HelpersError` naming the fix when pyarrow is not installed."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise HelpersError(PARQUET_MISSING) from None


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write *frame* as Parquet with pyarrow: the same columns and types (text as strings, integers as
    int64, flags as booleans), no index, compressed with zstd, byte-identical on every run."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    pq.write_table(table, path, compression="zstd")
