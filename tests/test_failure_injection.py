"""Failures injected where an export can break: the final rename, a worker process, the parallel path itself.

Each test makes one step fail on purpose and checks what a user is left with: the previous output intact, no
temporary or half-written folder beside it, and one clear error line.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import export as export_module
from helpers import tables as tables_module
from helpers.errors import HelpersError
from helpers.export import export_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture()
def corpus(tmp_path):
    """Eight small documents (copies of the fixture corpus's texts): enough for two workers."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = (FIXTURES / "manifest.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0].split(","), [line.split(",") for line in lines[1:] if line]
    file_column = header.index("file")
    manifest = ["doc_id,file"]
    for i in range(8):
        source = rows[i % len(rows)][file_column]
        name = f"d{i}{Path(source).suffix}"
        shutil.copyfile(FIXTURES / source, folder / name)
        manifest.append(f"d{i},{name}")
    (folder / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_when_the_final_rename_fails_the_previous_output_survives_intact(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    export_corpus(corpus, out)
    before = _files(out)
    real = Path.rename

    def rename(self, target):
        if Path(target) == out and self.name.endswith(".tmp"):  # the new folder moving into place
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(HelpersError, match=r"could not write \(No space left on device\)"):
        export_corpus(corpus, out)
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]  # no .tmp, no .old left


def test_when_a_worker_fails_the_error_is_one_line_naming_the_file_and_nothing_is_written(corpus, tmp_path,
                                                                                          monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the parallel path, also on a machine with one core
    parent = os.getpid()
    real = tables_module.process_document

    def failing(document, *args, **kwargs):
        if document.doc_id == "d5":
            raise HelpersError(f"{document.path}: processing failed (injected in process {os.getpid()})")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(tables_module, "process_document", failing)
    with pytest.raises(HelpersError) as raised:
        export_corpus(corpus, tmp_path / "out", jobs=2)
    message = str(raised.value)
    assert "\n" not in message and message.startswith(str(corpus / "d5"))
    worker = int(message.rsplit("process ", 1)[1].rstrip(")"))
    assert worker != parent  # it failed in a worker: the parallel path ran
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_the_parallel_path_runs_in_workers_and_gives_the_serial_bytes(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    pids = tmp_path / "pids"
    pids.mkdir()
    real = tables_module.process_document

    def recording(document, *args, **kwargs):
        (pids / f"{document.doc_id}.{os.getpid()}").touch()
        return real(document, *args, **kwargs)

    monkeypatch.setattr(tables_module, "process_document", recording)
    export_corpus(corpus, tmp_path / "parallel", jobs=2)
    workers = {p.name.split(".")[1] for p in pids.iterdir()}
    assert len(list(pids.iterdir())) == 8 and str(os.getpid()) not in workers and len(workers) == 2
    export_corpus(corpus, tmp_path / "serial", jobs=1)
    assert _files(tmp_path / "parallel") == _files(tmp_path / "serial")


def test_an_export_interrupted_while_writing_leaves_nothing_behind(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    export_corpus(corpus, out)
    before = _files(out)
    real = export_module._plain_values
    calls = []

    def interrupted(columns):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(columns)

    monkeypatch.setattr(export_module, "_plain_values", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_corpus(corpus, out)
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]
