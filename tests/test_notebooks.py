"""Committed notebooks: executed, clean, and citing sentences that exist."""

from __future__ import annotations

import json
import re

from helpers.publish.notebooks import notebook_paths

ID = re.compile(r"\b(?:fes2024|carnegie2024)-\d{4}\b")


def test_notebooks_are_executed_without_errors_or_stderr():
    paths = notebook_paths()
    assert paths
    for path in paths:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert all(c["execution_count"] is not None for c in code), path
        outputs = [o for c in code for o in c["outputs"]]
        assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"], path
        assert all(len("".join(c["source"]).splitlines()) <= 25 for c in code), path


def test_sentence_ids_cited_in_the_notebooks_exist(sentences):
    known = set(sentences["sentence_id"])
    for path in notebook_paths():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        cited = {i for c in cells for i in ID.findall("".join(c["source"]))}
        assert cited and cited <= known, (path, cited - known)


QUOTE = re.compile(r"\b((?:fes2024|carnegie2024)-\d{4})\s*「([^」]+)」")


def test_quotations_in_the_prose_are_in_the_cited_sentences(sentences):
    text = sentences.set_index("sentence_id")["text"]
    checked = 0
    for path in notebook_paths():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        prose = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        for sentence_id, quote in QUOTE.findall(prose.replace("\n", "")):
            assert quote in text[sentence_id], (path.name, sentence_id, quote)
            checked += 1
    assert checked >= 20


def test_every_finding_quotes_at_least_one_cited_sentence():
    """A paragraph headed **Finding.** cites its evidence: a sentence id followed by a 「quotation」
    (the test above checks that the quotation is in that sentence)."""
    findings = 0
    for path in notebook_paths():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and "**Finding.**" in source:
                finding = source[source.index("**Finding.**"):]
                assert QUOTE.search(finding.replace("\n", "")), (path.name, finding[:80])
                findings += 1
    assert findings >= 10


def test_a_second_execution_gives_byte_identical_outputs(tmp_path):
    """Beyond nbval (which skips images): every output, PNG bytes included, reproduces."""
    import shutil

    from helpers.publish.notebooks import execute_notebook

    for path in notebook_paths():
        copy = tmp_path / path.name
        shutil.copyfile(path, copy)
        execute_notebook(copy)
        committed = json.loads(path.read_text(encoding="utf-8"))["cells"]
        again = json.loads(copy.read_text(encoding="utf-8"))["cells"]
        assert [c.get("outputs") for c in again] == [c.get("outputs") for c in committed], path.name
