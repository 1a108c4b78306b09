"""How the export writes: CSV byte for byte as pandas writes it, Parquet with the same tables and types,
the garbage collector paused only during the pipeline, and a progress bar only on a terminal."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import tables as tables_module
from helpers.errors import HelpersError
from helpers.export import PARQUET_MISSING, write_csv, write_tables
from helpers.paths import RAW
from helpers.study.layer import STUDY
from helpers.tables import TABLES, collector_paused, corpus_tables

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def study_tables():
    return corpus_tables(RAW, 1, STUDY)


def _to_csv_bytes(frame: pd.DataFrame, path: Path) -> bytes:
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path.read_bytes()


def test_write_csv_is_byte_identical_to_pandas_for_every_study_table(study_tables, tmp_path):
    assert len(study_tables) == 16
    for name, frame in study_tables.items():
        write_csv(frame, tmp_path / "ours.csv")
        assert (tmp_path / "ours.csv").read_bytes() == _to_csv_bytes(frame, tmp_path / "pandas.csv"), name


def test_write_csv_is_byte_identical_to_pandas_for_a_users_corpus_and_awkward_values(tmp_path):
    built = corpus_tables(FIXTURES)
    awkward = {
        "quoting": pd.DataFrame({
            "text": ["a,b", 'say "no"', "two\nlines", "carriage\rreturn", "", None, " lead", "tab\there",
                     "中文，“引号”"],
            "number": [1, -2, 3, 0, 5, 6, 7, 8, 2**40],
            "flag": [True, False] * 4 + [True],
            "str": pd.array(["s", None, "", "x", "y", "z", "w", '"', "\n"], dtype="str"),
            "none": [None] * 9,
        }),
        "one_empty_column": pd.DataFrame({"a": ["", "", None]}),
        "empty": pd.DataFrame([], columns=["a", "b"]),
        "mixed": pd.DataFrame({"a": ["1", 2, None]}),  # left to pandas
        "floats": pd.DataFrame({"a": [0.1, 1e-5, np.nan], "b": [1, 2, 3]}),  # left to pandas
    }
    for name, frame in {**built, **awkward}.items():
        write_csv(frame, tmp_path / "ours.csv")
        assert (tmp_path / "ours.csv").read_bytes() == _to_csv_bytes(frame, tmp_path / "pandas.csv"), name


def test_the_collector_is_paused_in_the_pipeline_and_restored_after():
    before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    assert before[0] and before[2] == 0  # as pytest runs
    seen = []

    with collector_paused():
        seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
        with collector_paused():  # nested, as corpus_tables inside the export
            seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
        seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
    assert seen == [(False, True)] * 3
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before

    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before

    gc.disable()  # a caller who had it off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_corpus_tables_leaves_the_collector_as_it_found_it():
    before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    corpus_tables(FIXTURES)
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before


def _large_corpus(folder: Path, documents: int) -> Path:
    """*documents* small documents (copies of the fixture corpus's texts), more than the progress bar's minimum."""
    folder.mkdir()
    manifest = (FIXTURES / "manifest.csv").read_text(encoding="utf-8").splitlines()
    header, rows = manifest[0].split(","), [line.split(",") for line in manifest[1:] if line]
    doc, file = header.index("doc_id"), header.index("file")
    lines = ["doc_id,file"]
    for i in range(documents):
        row = rows[i % len(rows)]
        name = f"d{i:03d}{Path(row[file]).suffix}"
        shutil.copyfile(FIXTURES / row[file], folder / name)
        lines.append(f"d{i:03d},{name}")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_an_export_that_is_not_on_a_terminal_prints_nothing_to_stderr(tmp_path):
    corpus = _large_corpus(tmp_path / "corpus", tables_module.PROGRESS_MIN_DOCUMENTS + 6)
    for jobs in ("1", "2"):
        result = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus),
                                 "--out", str(tmp_path / f"out{jobs}"), "--jobs", jobs],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert result.stdout.startswith("wrote 8 tables")


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pseudo-terminal")
def test_an_export_on_a_terminal_shows_a_progress_bar_on_stderr(tmp_path):
    import fcntl
    import struct
    import termios
    import threading

    corpus = _large_corpus(tmp_path / "corpus", tables_module.PROGRESS_MIN_DOCUMENTS + 6)
    parent, child = os.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0 columns wide
    seen: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(parent, 65536)
            except OSError:  # the terminal's other end is closed
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        result = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus),
                                 "--out", str(tmp_path / "out")], stdout=subprocess.PIPE, stderr=child,
                                text=True, check=False)
    finally:
        os.close(child)
        reader.join(timeout=30)
        os.close(parent)
    shown = b"".join(seen).decode("utf-8", "replace")
    assert result.returncode == 0, shown
    assert result.stdout.startswith("wrote 8 tables")  # stdout stays clean
    assert f"/{tables_module.PROGRESS_MIN_DOCUMENTS + 6}" in shown and "doc" in shown


def test_a_small_corpus_or_a_captured_stderr_gets_no_progress_bar(capsys, monkeypatch):
    corpus_tables(FIXTURES, progress=True)  # four documents: too few for a bar
    assert capsys.readouterr().err == ""
    corpus_tables(FIXTURES)  # by default only on a terminal; pytest's capture is not one
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(tables_module, "PROGRESS_MIN_DOCUMENTS", 1)
    for jobs in (1, 2):
        corpus_tables(FIXTURES, jobs=jobs, progress=True)
        assert "processing" in (err := capsys.readouterr().err) and "/4 [" in err


def test_parquet_holds_the_same_tables_and_types_and_is_byte_identical_on_a_second_run(study_tables, tmp_path):
    pytest.importorskip("pyarrow")
    first = write_tables(study_tables, tmp_path / "a", "parquet")
    second = write_tables(study_tables, tmp_path / "b", "parquet")
    assert [p.name for p in first] == [f"{name}.parquet" for name in study_tables]
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.name
        back = pd.read_parquet(one)
        pd.testing.assert_frame_equal(back, study_tables[one.stem], check_exact=True)
        assert list(back.dtypes) == list(study_tables[one.stem].dtypes), one.name
    empty = corpus_tables(FIXTURES)["footnotes"].iloc[0:0]  # no rows: the columns and their types survive
    write_tables({"footnotes": empty}, tmp_path / "c", "parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "c" / "footnotes.parquet"), empty)


def test_export_format_parquet_from_the_command_line(tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(FIXTURES), "--out", str(out),
                             "--format", "parquet"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
    csv = tmp_path / "csv"
    write_tables(corpus_tables(FIXTURES), csv)
    for name in TABLES:
        from_csv = pd.read_csv(csv / f"{name}.csv", keep_default_na=False)
        from_parquet = pd.read_parquet(out / f"{name}.parquet")
        assert list(from_csv.columns) == list(from_parquet.columns), name
        assert len(from_csv) == len(from_parquet), name


def test_parquet_without_pyarrow_is_one_line_naming_the_fix(tmp_path):
    code = ("import sys; sys.modules['pyarrow'] = None; from helpers.__main__ import main; "
            f"sys.exit(main(['export', '--corpus', {str(FIXTURES)!r}, '--out', {str(tmp_path / 'out')!r}, "
            "'--format', 'parquet']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {PARQUET_MISSING}"]
    assert 'pip install "helpers[parquet]"' in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(HelpersError, match="unknown format"):
        write_tables({"a": pd.DataFrame({"x": [1]})}, tmp_path / "out", "xlsx")
    assert not (tmp_path / "out").exists()


def test_tables_built_by_column_have_the_types_pandas_infers(study_tables):
    """The tokens table is given its column types; they are the ones pandas infers from the values."""
    for name in TABLES:
        frame = study_tables[name]
        inferred = pd.DataFrame({c: frame[c].tolist() for c in frame.columns})
        assert list(frame.dtypes) == list(inferred.dtypes), name
