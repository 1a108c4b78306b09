"""Bad input for the loader and `export --corpus`: handled with a logged decision, or a one-line
error naming the file and the fix, exit code 2, no traceback and no output folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.paths import RAW

TEXT = "中德两国应当开展军控对话。\n\n美國與中國在核武器問題上的分歧日益擴大。\n"
SIMPLIFIED = "中德两国应当开展军控对话。\n\n这有助于建立信任，降低核风险。\n"


def export(tmp_path: Path, files: dict[str, bytes], manifest: str | None = None, *options: str, timeout: float = 300):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    (corpus / "manifest.csv").write_text(manifest or "doc_id,file\n" + "".join(
        f"doc{i},{name}\n" for i, name in enumerate(files)), encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus), "--out", str(out),
                             *options], capture_output=True, text=True, check=False, timeout=timeout)
    return result, out


def assert_one_line_error(result, out: Path, *names: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for name in names:
        assert name in lines[0]
    assert not out.exists()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out")]  # no partial folder


@pytest.mark.parametrize("encoding, text, decision", [
    ("gbk", SIMPLIFIED, "GB18030"),
    ("gb18030", SIMPLIFIED, "GB18030"),
    ("big5", "美國與中國在核武器問題上的分歧日益擴大。\n", "Big5"),
    ("utf-16", TEXT, "UTF-16"),
    ("utf-8-sig", TEXT, "byte-order mark"),
])
def test_other_encodings_are_decoded_and_the_decision_logged(tmp_path, encoding, text, decision):
    result, out = export(tmp_path, {"a.txt": text.encode(encoding)})
    assert result.returncode == 0, result.stderr
    log = pd.read_csv(out / "cleaning_log.csv")
    assert log["reason"].str.contains(decision).any()
    sentences = pd.read_csv(out / "sentences.csv")["text"]
    assert sentences.str.contains("核").any() or sentences.str.contains("军控").any()


def test_crlf_and_old_mac_line_ends(tmp_path):
    result, out = export(tmp_path, {"a.txt": SIMPLIFIED.replace("\n", "\r\n").encode(),
                                    "b.txt": SIMPLIFIED.replace("\n", "\r").encode()})
    assert result.returncode == 0, result.stderr
    sentences = pd.read_csv(out / "sentences.csv")
    for doc in ("doc0", "doc1"):
        assert list(sentences.loc[sentences["doc_id"] == doc, "text"]) == ["中德两国应当开展军控对话。",
                                                                           "这有助于建立信任，降低核风险。"]


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (b"\n \n", "empty"), (bytes(range(256)) * 64, "binary"),
    ('<!DOCTYPE html><html><body><div class="nav"><a href="/">首页</a> | <a href="/n">新闻</a></div></body></html>'
     .encode(), "HTML page with no main text"),
])
def test_empty_binary_and_html_files(tmp_path, data, words):
    result, out = export(tmp_path, {"bad.txt": data})
    assert_one_line_error(result, out, "bad.txt", words)


def test_a_20_mb_text_is_refused_with_the_fix(tmp_path):
    big = (SIMPLIFIED * 700_000).encode()[: 20 * 1024 * 1024]
    result, out = export(tmp_path, {"big.txt": big})
    assert_one_line_error(result, out, "big.txt", "split it")


def test_just_over_the_size_limit_is_refused(tmp_path):
    from helpers.text.corpus import MAX_BYTES

    assert MAX_BYTES == 8 * 1024 * 1024  # the limit the README and docs/benchmarks.md state
    data = (SIMPLIFIED.encode() * (MAX_BYTES // len(SIMPLIFIED.encode()) + 1))[: MAX_BYTES + 1]
    result, out = export(tmp_path, {"big.txt": data})
    assert_one_line_error(result, out, "big.txt", "split it")


def test_a_line_of_one_megabyte_is_handled(tmp_path):
    line = ("中德两国应当开展军控对话，降低核风险" * 30_000)[: 1024 * 1024 // 3] + "。\n"
    # about 4 s here; the quadratic URL pattern this guards against took 471 s
    result, out = export(tmp_path, {"line.txt": line.encode()}, None, timeout=60)
    assert result.returncode == 0, result.stderr
    sentences = pd.read_csv(out / "sentences.csv")
    assert len(sentences) == 1 and len(sentences["text"].iloc[0]) == len(line.strip())


@pytest.mark.parametrize("manifest, words", [
    ("doc_id,file\ndoc0,a.txt\ndoc0,a.txt\n", "duplicate doc_id"),
    ("doc_id,file\n,a.txt\n", "doc_id"),
    ("doc_id,file\ndoc0,absent.txt\n", "absent.txt"),
    ("file\na.txt\n", "doc_id"),
])
def test_manifest_problems(tmp_path, manifest, words):
    result, out = export(tmp_path, {"a.txt": SIMPLIFIED.encode()}, manifest=manifest)
    assert_one_line_error(result, out, "manifest.csv" if "absent" not in words else "absent.txt", words)


def test_a_wrong_checksum(tmp_path):
    name = "fes-2024-germany-china-arms-control.zh.txt"
    data = (RAW / name).read_bytes() + b" "
    manifest = (RAW / "manifest.csv").read_text(encoding="utf-8")
    result, out = export(tmp_path, {name: data, "carnegie-2024-china-nuclear-policy.zh.txt":
                                    (RAW / "carnegie-2024-china-nuclear-policy.zh.txt").read_bytes()}, manifest)
    assert_one_line_error(result, out, name, "checksum mismatch")


def test_an_existing_output_survives_a_failed_export(tmp_path):
    result, out = export(tmp_path, {"a.txt": SIMPLIFIED.encode()})
    assert result.returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "corpus" / "a.txt").write_bytes(b"")
    again = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(tmp_path / "corpus"),
                            "--out", str(out)], capture_output=True, text=True, check=False)
    assert again.returncode == 2 and {p.name: p.read_bytes() for p in out.iterdir()} == before
    shutil.rmtree(out)


def test_bad_input_under_jobs_2_gives_the_same_one_line_error(tmp_path):
    files = {f"ok{i}.txt": SIMPLIFIED.encode() for i in range(4)} | {"page.txt": b"<html><body>x</body></html>"}
    result, out = export(tmp_path, files, None, "--jobs", "2")
    assert_one_line_error(result, out, "page.txt")
