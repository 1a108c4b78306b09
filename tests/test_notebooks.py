"""Committed notebooks: executed, clean, and citing sentences that exist."""

from __future__ import annotations

import json
import re

from helpers.notebooks import notebook_paths

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


QUOTE = re.compile(r"\b((?:fes2024|carnegie2024)-\d{4}) 「([^」]+)」")


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
