"""``python -m helpers audit``: a generic audit site of a user's corpus, written only into --out."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.audit import load_study
from helpers.paths import NOTEBOOKS, ROOT
from helpers.publish import corpus_audit as ca
from helpers.publish.audit_notebook import choose_pair, comparison_notebook, corpus_notebook

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
#: Words that belong to the study's own texts; a page about a user's corpus must not use them.
STUDY_WORDS = re.compile(r"fes2024|carnegie|\bFES\b|Friedrich-Ebert|Tong Zhao", re.I)


def audit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helpers", "audit", *args], capture_output=True, text=True,
                          check=False, cwd=cwd)


def page_text(path: Path) -> str:
    """The visible text of a page (tags, styles and scripts removed)."""
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    """The audit of the fixture corpus with --compare, run from a folder outside the repository."""
    work = tmp_path_factory.mktemp("audit")
    listing = sorted(p.name for p in NOTEBOOKS.iterdir())
    root = sorted(p.name for p in ROOT.iterdir())
    out = work / "site"
    result = audit("--corpus", str(FIXTURES), "--out", str(out), "--compare", "traditional", "bilingual", cwd=work)
    return out, result, listing, root


@pytest.fixture(scope="module")
def fixture_study():
    return load_study(FIXTURES)


def test_the_audit_writes_an_index_the_pages_their_notebooks_and_the_font(compared):
    out, result, _, _ = compared
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "index.html" in result.stdout
    names = sorted(p.name for p in out.iterdir())
    for name in ("comparison.html", "comparison.ipynb", "corpus.html", "corpus.ipynb", "index.html", "search.html",
                 "_static", "api", *(f"reader_{d}.html" for d in ("webpage", "academic", "bilingual", "traditional"))):
        assert name in names, name  # the same kind of Sphinx site as the study's report (tests/test_report.py)
    assert (out / "_static" / "fonts" / "NotoSansSC-Regular.otf").stat().st_size > 1_000_000
    assert (out / "_static" / "fonts" / "OFL.txt").is_file()
    assert 'url("fonts/NotoSansSC-Regular.otf")' in (out / "_static" / "site.css").read_text(encoding="utf-8")
    for name in ("index.html", "corpus.html", "comparison.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert 'href="_static/site.css' in page, name
        assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', page), name
    index = (out / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<h3><a class="reference internal" href="(?:corpus|comparison)\.html">', index)) == 2
    for name in ("corpus.ipynb", "comparison.ipynb"):  # executed, without errors
        notebook = json.loads((out / name).read_text(encoding="utf-8"))
        outputs = [o for c in notebook["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
        assert outputs and not [o for o in outputs if o["output_type"] == "error"], name


def test_the_prose_describes_the_users_corpus_with_computed_numbers(compared, fixture_study):
    out = compared[0]
    text = page_text(out / "corpus.html")
    tables = fixture_study.tables
    for doc_id in tables["documents"]["doc_id"]:
        assert doc_id in text
    assert f"The corpus holds {len(tables['documents'])} documents with {len(tables['sentences'])} sentences" in text
    edits = int((tables["cleaning_log"]["action"] != "decode").sum())
    assert f"Cleaning made {edits} logged edits" in text
    assert f"raised {len(tables['quality_flags'])} flags" in text
    assert "written in Traditional Chinese and converted to Simplified" in text  # the traditional document
    removed = int((tables["cleaning_log"]["action"] == "remove_boilerplate").sum())
    assert re.search(rf"Lines removed as web-page clutter \( ?remove_boilerplate ?\): {removed} \( ?webpage {removed}", text)
    assert "user_dict.txt" in text
    code = text.replace(" ", "")  # highlighted code is split into spans
    assert "ca.summary_line" not in code and "display(Markdown" not in code  # the prose cells' code is hidden
    assert "ca.cleaning_counts(study)" in code  # the calls behind the tables stay visible
    for page in ("index.html", "corpus.html", "comparison.html"):
        assert not STUDY_WORDS.search(page_text(out / page)), page


def test_compare_names_the_two_documents_chosen(compared):
    out = compared[0]
    text = page_text(out / "comparison.html")
    assert "Comparison: traditional and bilingual" in text
    assert "chosen with --compare" in text and "first two documents" not in text
    assert "distinctive of traditional" in text and "Named in both" in text
    index = page_text(out / "index.html")
    assert "Comparison: traditional and bilingual" in index and "words distinctive of traditional" in index


def test_nothing_is_written_into_the_repository(compared):
    _, result, listing, root = compared
    assert result.returncode == 0
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == listing
    assert sorted(p.name for p in ROOT.iterdir()) == root


def test_an_unknown_id_for_compare_is_one_line_naming_the_manifest_and_the_known_ids(tmp_path):
    out = tmp_path / "site"
    result = audit("--corpus", str(FIXTURES), "--out", str(out), "--compare", "webpage", "nosuchdoc", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "manifest.csv" in lines[0] and "'nosuchdoc'" in lines[0]
    assert "webpage, academic, bilingual, traditional" in lines[0]
    assert not out.exists()
    same = audit("--corpus", str(FIXTURES), "--out", str(out), "--compare", "webpage", "webpage", cwd=tmp_path)
    assert same.returncode == 2 and len(same.stderr.strip().splitlines()) == 1 and "twice" in same.stderr


def test_a_bad_corpus_is_refused_in_one_line_before_any_notebook_runs(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.csv").write_text("doc_id,file\nmine,missing.txt\n", encoding="utf-8")
    result = audit("--corpus", str(corpus), "--out", str(tmp_path / "site"), cwd=tmp_path)
    assert result.returncode == 2 and "executing" not in result.stdout
    assert result.stderr.count("\n") == 1 and "missing.txt: file not found" in result.stderr
    assert not (tmp_path / "site").exists()


def test_without_compare_the_first_two_documents_are_compared_and_the_page_says_so(tmp_path):
    assert choose_pair(FIXTURES, None) == ("webpage", "academic", False)
    assert choose_pair(FIXTURES, ["traditional", "webpage"]) == ("traditional", "webpage", True)
    assert "first two documents of the manifest" in ca.comparison_intro("webpage", "academic", chosen=False)
    single = tmp_path / "single"
    single.mkdir()
    shutil.copyfile(FIXTURES / "traditional.zh.txt", single / "t.txt")
    (single / "manifest.csv").write_text("doc_id,file\nonly,t.txt\n", encoding="utf-8")
    assert choose_pair(single, None) is None  # one document: no comparison page


def test_the_notebooks_are_built_in_code_with_the_corpus_as_parameter():
    notebook = corpus_notebook(FIXTURES)
    sources = "\n".join(c.source for c in notebook.cells)
    assert repr(str(FIXTURES)) in sources and not STUDY_WORDS.search(sources)
    assert "helpers.study" not in sources  # the generic pipeline only
    tags = [t for c in notebook.cells for t in c.metadata.get("tags", [])]
    assert tags.count("setup") == 1 and tags.count("parameters") == 1 and tags.count("summary") == 1
    pair = comparison_notebook(FIXTURES, "webpage", "academic", chosen=False)
    assert "DOC_A, DOC_B = 'webpage', 'academic'" in "\n".join(c.source for c in pair.cells)


def test_the_prose_works_on_a_corpus_with_nothing_to_report(tmp_path):
    corpus = tmp_path / "plain"
    corpus.mkdir()
    (corpus / "a.txt").write_text("这是一个简单的句子。\n", encoding="utf-8")
    (corpus / "b.txt").write_text("今天天气很好。\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("doc_id,file\nfirst,a.txt\nsecond,b.txt\n", encoding="utf-8")
    study = load_study(corpus)
    texts = [ca.summary_line(study), ca.documents_text(study), ca.cleaning_text(study), ca.structure_text(study),
             ca.quality_text(study), ca.vocabulary_text(study), ca.entities_text(study), ca.terms_text(study, corpus),
             ca.keyness_text(study, "first", "second"), ca.entities_compared_text(study, "first", "second"),
             ca.pair_summary_line(study, "first", "second")]
    assert all(isinstance(t, str) and t for t in texts)
    assert "no entity" in ca.entities_compared_text(study, "first", "second")
    for table in (ca.cleaning_counts(study), ca.cleaning_examples(study), ca.entity_counts(study),
                  ca.entity_table(study), ca.distinctive_words(study, "first", "second"),
                  ca.keyness_concordance(study, "first", "second"), ca.entities_compared(study, "first", "second"),
                  ca.top_words(study), ca.concordance(study), ca.pair_view(study, "first", "second")):
        assert table is not None
