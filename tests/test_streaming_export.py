"""The export writes a corpus a chunk of documents at a time and gets the same bytes as at once.

``export_corpus`` streams CSV (issue 13: memory must not grow with the corpus).  These tests force
many small chunks and compare with ``write_tables(corpus_tables(...))``, the whole-table path, on a
corpus that mixes the study's texts (whose layer adds tables that need their rows) with other
documents; and they break the stream halfway to check that nothing half-written is left.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import tables as tables_module
from helpers.errors import HelpersError
from helpers.export import export_corpus, write_tables
from helpers.paths import RAW
from helpers.study.layer import STUDY, STUDY_TABLES
from helpers.tables import TABLES, chunk_documents, corpus_tables
from helpers.text.corpus import load_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def _mixed_corpus(folder: Path) -> Path:
    """The study's two texts (unchanged, under their own ids) between copies of the fixture documents."""
    folder.mkdir()
    lines = ["doc_id,file"]
    fixtures = [line.split(",") for line in (FIXTURES / "manifest.csv").read_text(encoding="utf-8").splitlines()[1:]
                if line]
    header = (FIXTURES / "manifest.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    file_col = header.index("file")
    study = [line.split(",") for line in (RAW / "manifest.csv").read_text(encoding="utf-8").splitlines()[1:] if line]
    study_header = (RAW / "manifest.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    for i in range(6):
        row = fixtures[i % len(fixtures)]
        name = f"f{i}{Path(row[file_col]).suffix}"
        shutil.copyfile(FIXTURES / row[file_col], folder / name)
        lines.append(f"f{i},{name}")
        if i in (1, 4):  # a study text in the middle of a chunk and near the end
            doc = study[0 if i == 1 else 1]
            source = doc[study_header.index("file")]
            shutil.copyfile(RAW / source, folder / source)
            lines.append(f"{doc[study_header.index('doc_id')]},{source}")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    return _mixed_corpus(tmp_path_factory.mktemp("mixed") / "corpus")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("chunk_chars", [1, 20_000, 10 ** 9])
def test_a_streamed_export_is_byte_identical_to_the_whole_tables(mixed, tmp_path, monkeypatch, chunk_chars):
    whole = tmp_path / "whole"
    write_tables(corpus_tables(mixed, layer=STUDY), whole)
    monkeypatch.setattr(tables_module, "CHUNK_CHARS", chunk_chars)
    chunks = chunk_documents(load_corpus(mixed))
    assert (len(chunks) == 8) if chunk_chars == 1 else (len(chunks) < 8)
    streamed = tmp_path / "streamed"
    counts = export_corpus(mixed, streamed, layer=STUDY)
    assert list(counts) == [*TABLES, *STUDY_TABLES]
    assert _files(streamed) == _files(whole)
    assert counts["tokens"] == _files(whole)["tokens.csv"].count(b"\n") - 1 > 5000


def test_chunks_keep_the_manifest_order_and_respect_the_limits(mixed, monkeypatch):
    documents = load_corpus(mixed)
    monkeypatch.setattr(tables_module, "CHUNK_CHARS", 30_000)
    chunks = chunk_documents(documents)
    assert [d.doc_id for c in chunks for d in c] == [d.doc_id for d in documents]
    for chunk in chunks:
        assert len(chunk) == 1 or sum(len(d.text) for d in chunk) <= 30_000
    monkeypatch.setattr(tables_module, "CHUNK_DOCUMENTS", 3)
    assert max(len(c) for c in chunk_documents(documents)) == 3
    assert max(len(c) for c in chunk_documents(documents, jobs=2)) <= 1  # 8 documents: a quarter of 4 each


def test_a_stream_that_fails_halfway_leaves_the_previous_output_and_no_partial_folder(mixed, tmp_path, monkeypatch):
    out = tmp_path / "out"
    export_corpus(mixed, out, layer=STUDY)
    before = _files(out)
    monkeypatch.setattr(tables_module, "CHUNK_CHARS", 1)
    real = tables_module.process_document
    seen = []

    def failing(document, *args, **kwargs):
        seen.append(document.doc_id)
        if len(seen) == 5:  # four chunks written already
            raise HelpersError(f"{document.path}: processing failed (injected)")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(tables_module, "process_document", failing)
    with pytest.raises(HelpersError, match="injected"):
        export_corpus(mixed, out, layer=STUDY)
    assert len(seen) == 5
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_exporting_a_users_corpus_as_csv_needs_no_data_frames(tmp_path):
    """pandas (half a second to import) is not loaded to stream a corpus the study's layer does not apply to."""
    import subprocess
    import sys

    code = ("import sys\nfrom helpers.__main__ import main\n"
            "assert main(['export', '--corpus', sys.argv[1], '--out', sys.argv[2]]) == 0\n"
            "print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(FIXTURES), str(tmp_path / "out")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "False"
    assert (tmp_path / "out" / "tokens.csv").stat().st_size > 10_000


class _RecordingPool:
    """A stand-in for a process pool: runs each call when its result is asked for, and records how many
    results were waiting at the most."""

    def __init__(self):
        self.waiting = 0
        self.most = 0

    def apply_async(self, function, args):
        pool = self
        pool.waiting += 1
        pool.most = max(pool.most, pool.waiting)

        class Result:
            def get(self):
                pool.waiting -= 1
                return function(*args)

        return Result()


def test_parallel_chunks_come_back_in_order_with_few_waiting():
    pool = _RecordingPool()
    out = list(tables_module._in_order(pool, lambda n: n * n, list(range(50)), ahead=4))
    assert out == [n * n for n in range(50)]
    assert pool.most == 4  # never more than four chunks' tables held before they are written


def test_a_workers_error_reaches_the_caller_in_order():
    def work(n):
        if n == 3:
            raise HelpersError("d3.txt: processing failed")
        return n

    got = []
    with pytest.raises(HelpersError, match="d3.txt"):
        for value in tables_module._in_order(_RecordingPool(), work, list(range(10)), ahead=2):
            got.append(value)
    assert got == [0, 1, 2]


def test_a_value_that_is_not_text_a_number_or_a_flag_is_one_clear_error(mixed, tmp_path, monkeypatch):
    """A layer that gives a flag's field as None (pandas would write 1.0 for a whole table, 1 for a chunk)."""
    real = tables_module.document_columns

    def odd(processed):
        data = real(processed)
        if data["footnotes"]["number"]:
            data["footnotes"]["number"][0] = None
        return data

    monkeypatch.setattr(tables_module, "document_columns", odd)
    with pytest.raises(HelpersError, match=r"table footnotes, column number holds a NoneType value"):
        export_corpus(mixed, tmp_path / "out", layer=STUDY)
    assert list(tmp_path.iterdir()) == []


def test_parquet_refuses_a_folder_of_other_files_before_the_work(mixed, tmp_path, monkeypatch):
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_text("mine", encoding="utf-8")
    monkeypatch.setattr(tables_module, "process_document", lambda *a, **k: pytest.fail("processed before the check"))
    with pytest.raises(HelpersError, match="thesis.docx"):
        export_corpus(mixed, out, layer=STUDY, format="parquet")
