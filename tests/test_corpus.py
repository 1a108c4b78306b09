"""The corpus stage: manifest, checksums, decoding, and bad input."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.text.corpus import load_corpus, load_document, read_manifest
from helpers.errors import HelpersError
from helpers.paths import RAW, ROOT
from helpers.text.structure import structure

SHARED = ROOT.parent / "shared" / "corpus"


def test_raw_files_are_byte_identical_to_the_shared_corpus():
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    for row in read_manifest(RAW):
        assert (RAW / row["file"]).read_bytes() == (SHARED / row["file"]).read_bytes()


def test_manifest_checksums_match_and_are_verified():
    docs = load_corpus(RAW)
    assert [d.doc_id for d in docs] == ["fes2024", "carnegie2024"]
    for doc in docs:
        assert doc.sha256 == doc.meta["sha256"]
        assert doc.encoding == "utf-8"
        assert doc.meta["source_url"].startswith("https://")
    assert load_document("carnegie2024").meta["original_language"] == "en"


def _corpus(tmp_path: Path, name: str, data: bytes, manifest: str | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    (folder / "manifest.csv").write_text(manifest or f"doc_id,file\nmydoc,{name}\n", encoding="utf-8")
    return folder


def _one_line(error: HelpersError, must_name: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert must_name in message


SAMPLE = "中德两国应当开展军控对话。\n\n这有助于建立信任。\n"


def test_missing_file(tmp_path):
    folder = _corpus(tmp_path, "a.txt", b"x", manifest="doc_id,file\nmydoc,absent.txt\n")
    with pytest.raises(HelpersError) as info:
        load_document("mydoc", folder)
    _one_line(info.value, "absent.txt")


def test_checksum_mismatch(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(RAW, folder)
    path = folder / "fes-2024-germany-china-arms-control.zh.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(HelpersError) as info:
        load_document("fes2024", folder)
    _one_line(info.value, "fes-2024-germany-china-arms-control.zh.txt")
    assert "checksum mismatch" in str(info.value)


def test_unknown_doc_id():
    with pytest.raises(HelpersError) as info:
        load_document("nosuchdoc")
    _one_line(info.value, "manifest.csv")
    assert "fes2024" in str(info.value)


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (b"  \n\n ", "empty"),
    (bytes(range(256)) * 8, "binary"),
    ('<!DOCTYPE html><html><body><div class="nav"><a href="/">首页</a> | <a href="/n">新闻</a></div></body></html>'
     .encode(), "HTML page with no main text"),
])
def test_empty_binary_and_html_files_are_refused(tmp_path, data, words):
    folder = _corpus(tmp_path, "bad.txt", data)
    with pytest.raises(HelpersError) as info:
        load_document("mydoc", folder)
    _one_line(info.value, "bad.txt")
    assert words in str(info.value)


@pytest.mark.parametrize("manifest, column", [("doc_id,name\nx,a.txt\n", "file"), ("id,file\nx,a.txt\n", "doc_id")])
def test_manifest_missing_a_column(tmp_path, manifest, column):
    folder = _corpus(tmp_path, "a.txt", SAMPLE.encode(), manifest=manifest)
    with pytest.raises(HelpersError) as info:
        read_manifest(folder)
    _one_line(info.value, "manifest.csv")
    assert column in str(info.value)


def test_duplicate_doc_id(tmp_path):
    folder = _corpus(tmp_path, "a.txt", SAMPLE.encode(), manifest="doc_id,file\nx,a.txt\nx,a.txt\n")
    with pytest.raises(HelpersError, match="duplicate doc_id"):
        read_manifest(folder)


@pytest.mark.parametrize("encode, logged", [
    (lambda t: t.encode("gb18030"), "GB18030"),
    (lambda t: t.encode("gbk"), "GB18030"),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "byte-order mark"),
    (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "CRLF"),
])
def test_other_encodings_decode_to_the_same_sentences(tmp_path, encode, logged):
    folder = _corpus(tmp_path, "a.txt", encode(SAMPLE))
    doc = load_document("mydoc", folder)
    assert any(logged in line for line in doc.decode_log)
    texts = [s.text for s in structure(doc).sentences]
    assert texts == ["中德两国应当开展军控对话。", "这有助于建立信任。"]


def test_checksum_is_optional_for_a_users_corpus(tmp_path):
    data = SAMPLE.encode()
    folder = _corpus(tmp_path, "a.txt", data)
    doc = load_document("mydoc", folder)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert any("no sha256" in line for line in doc.decode_log)


def test_command_line_error_is_one_line_with_no_traceback(tmp_path):
    folder = _corpus(tmp_path, "bad.txt", b"")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "helpers", "export", "--out", str(out), "--corpus", str(folder)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt" in lines[0] and "Traceback" not in result.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]  # no temporary folder left behind


def test_manifest_row_with_too_many_fields(tmp_path):
    folder = _corpus(tmp_path, "a.txt", SAMPLE.encode(), manifest="doc_id,file\nx,a.txt,extra\n")
    with pytest.raises(HelpersError) as info:
        read_manifest(folder)
    _one_line(info.value, "line 2")


def test_old_mac_line_ends_and_stray_byte_order_marks(tmp_path):
    text = "中德两国应当开展军控对话。\r\r这有助于\ufeff建立信任。\r"
    doc = load_document("mydoc", _corpus(tmp_path, "a.txt", text.encode("utf-8")))
    assert any("CR line ends" in line for line in doc.decode_log)
    assert [s.text for s in structure(doc).sentences] == ["中德两国应当开展军控对话。", "这有助于建立信任。"]


def test_raw_checksums_are_those_published_with_the_corpus():
    published = {  # from the corpus README that came with the two texts
        "fes-2024-germany-china-arms-control.zh.txt": "af8a1d2fc1c30aca6624e5ae9f5cb71be7bdd977596a9f8b2e464d09c7ab8dfa",
        "carnegie-2024-china-nuclear-policy.zh.txt": "5900627c9ce383031ac56be9bc33bf0b571854e4eb1dc7b17885545534477f2d",
    }
    for name, digest in published.items():
        assert hashlib.sha256((RAW / name).read_bytes()).hexdigest() == digest
