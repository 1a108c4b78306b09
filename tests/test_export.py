"""The export contract: tables, columns, determinism, atomic writes, a user's corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from helpers.errors import HelpersError
from helpers.export import write_tables
from helpers.paths import RAW
from helpers.tables import TABLES

REQUIRED = {
    "documents": ["doc_id", "title", "n_sentences", "truncated"],
    "sections": ["doc_id", "section_id", "heading"],
    "sentences": ["doc_id", "sentence_id", "section_id", "part", "raw_start", "raw_end", "text"],
    "footnotes": ["doc_id", "number", "marker_sentence_id", "text", "url"],
    "tokens": ["doc_id", "sentence_id", "token"],
    "mentions": ["doc_id", "sentence_id", "surface", "entity", "label_en", "category"],
    "cleaning_log": ["doc_id", "raw_start", "raw_end", "action", "reason"],
    "quality_flags": ["doc_id", "sentence_id", "kind", "evidence", "note"],
    "positions": ["doc_id", "issue", "relation", "germany", "china", "evidence"],
    "proposals": ["doc_id", "proposal", "theme", "format", "forum", "actors", "evidence"],
    "claims_check": ["doc_id", "sentence_id", "claim", "verdict", "reference", "note"],
    "events": ["doc_id", "sentence_id", "date", "event"],
}


def export(out, corpus=RAW):
    return subprocess.run([sys.executable, "-m", "helpers", "export", "--out", str(out), "--corpus", str(corpus)],
                          capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "tables"
    result = export(out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return out


def test_export_writes_every_table_with_its_columns(exported):
    for name, columns in REQUIRED.items():
        table = pd.read_csv(exported / f"{name}.csv", keep_default_na=False)
        assert set(columns) <= set(table.columns), name
        assert len(table) > 0, name
    docs = pd.read_csv(exported / "documents.csv")
    assert list(docs["doc_id"]) == ["fes2024", "carnegie2024"]


def test_export_is_byte_identical_on_a_second_run(exported, tmp_path):
    again = tmp_path / "again"
    assert export(again).returncode == 0
    for name in REQUIRED:
        assert (exported / f"{name}.csv").read_bytes() == (again / f"{name}.csv").read_bytes(), name


def test_a_failed_export_leaves_the_previous_output_untouched(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.csv").write_text("doc_id,file\nx,missing.txt\n", encoding="utf-8")
    result = export(out, corpus)
    assert result.returncode == 2 and "missing.txt" in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]


def _disk_full_on(name):
    """A stand-in for write_csv that fails with a full disk on the table file *name*."""
    from helpers import export as module

    real = module.write_csv

    def write(frame, path):
        if path.name == name:
            raise OSError(28, "No space left on device")
        real(frame, path)

    return write


def test_write_tables_cleans_up_when_writing_fails(tmp_path, monkeypatch):
    from helpers import export as module

    monkeypatch.setattr(module, "write_csv", _disk_full_on("b.csv"))
    with pytest.raises(HelpersError, match="could not write"):
        write_tables({"a": pd.DataFrame({"x": [1]}), "b": pd.DataFrame({"x": [1]})}, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_a_users_corpus_with_a_minimal_manifest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(RAW / "fes-2024-germany-china-arms-control.zh.txt", corpus / "a.txt")
    (corpus / "manifest.csv").write_text("doc_id,file\nmydoc,a.txt\n", encoding="utf-8")
    out = tmp_path / "out"
    result = export(out, corpus)
    assert result.returncode == 0, result.stderr
    sentences = pd.read_csv(out / "sentences.csv")
    assert set(sentences["doc_id"]) == {"mydoc"} and sentences["sentence_id"].iloc[0] == "mydoc-0001"
    # the study's tables cite the study's own texts only: a user's corpus gets none of them, not empty files
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLES)
    flags = pd.read_csv(out / "quality_flags.csv", keep_default_na=False)
    assert "review" not in set(flags["source"])


def test_a_users_document_named_like_a_study_text_gets_nothing_of_the_study(tmp_path):
    """Study knowledge is keyed by the text itself (its checksum), not by a name a user may reuse."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (RAW / "fes-2024-germany-china-arms-control.zh.txt").read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(text.replace("德国", "德意志", 1), encoding="utf-8")
    (corpus / "manifest.csv").write_text("doc_id,file\nfes2024,a.txt\n", encoding="utf-8")
    out = tmp_path / "out"
    result = export(out, corpus)
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLES)
    flags = pd.read_csv(out / "quality_flags.csv", keep_default_na=False)
    assert len(flags) and "review" not in set(flags["source"])
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    assert "奥斯陆协定" not in set(mentions["surface"])  # the study's record of a mistranslation stays with the study


def test_export_never_replaces_a_folder_that_holds_other_files(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(RAW, corpus)
    before = sorted(p.name for p in corpus.iterdir())
    result = export(corpus, corpus)  # --out pointing at the corpus itself
    assert result.returncode == 2 and "holds other files" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_an_existing_table_folder_is_replaced_whole(exported, tmp_path):
    out = tmp_path / "tables"
    shutil.copytree(exported, out)
    (out / "documents.csv").write_text("stale", encoding="utf-8")
    assert export(out).returncode == 0
    assert (out / "documents.csv").read_bytes() == (exported / "documents.csv").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]


def test_a_failed_write_puts_the_previous_tables_back(tmp_path, monkeypatch):
    from helpers import export as module

    out = tmp_path / "out"
    write_tables({"a": pd.DataFrame({"x": [1]})}, out)
    previous = (out / "a.csv").read_bytes()

    monkeypatch.setattr(module, "write_csv", _disk_full_on("a.csv"))
    with pytest.raises(HelpersError):
        write_tables({"a": pd.DataFrame({"x": [2]})}, out)
    assert (out / "a.csv").read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_unwritable_out_gives_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = export(blocker / "tables")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "tables" in result.stderr


def test_parallel_export_writes_byte_identical_files(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    corpus = Path(__file__).parent / "fixtures" / "corpus"  # four documents, enough for two workers
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        result = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus), "--out", str(out),
                                 "--jobs", jobs], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    serial, parallel = outputs
    assert len(serial) == len(TABLES) and len(serial["sentences.csv"]) > 1000
    assert serial == parallel


def test_jobs_is_checked_and_capped_at_the_cores(monkeypatch):
    import multiprocessing
    from pathlib import Path

    import pytest

    from helpers import tables
    from helpers.__main__ import _positive

    assert _positive("2") == 2
    for bad in ("0", "-1", "two"):
        with pytest.raises(Exception, match="at least 1"):
            _positive(bad)

    def no_workers(*args, **kwargs):
        raise AssertionError("started workers on a one-core machine")

    monkeypatch.setattr(tables.os, "cpu_count", lambda: 1)
    monkeypatch.setattr(multiprocessing, "get_context", no_workers)
    built = tables.corpus_tables(Path(__file__).parent / "fixtures" / "corpus", jobs=2)
    assert len(built["documents"]) == 4
