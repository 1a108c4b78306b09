"""``python -m helpers audit``: an audit site for a user's corpus, built from notebooks made in code.

:func:`corpus_notebook` and :func:`comparison_notebook` build the notebooks (nbformat) from
markdown that explains each method (the same for every corpus) and short code cells that call
:mod:`helpers.publish.corpus_audit`.  The prose about the corpus itself (how many documents,
what cleaning removed, the worst problems, the distinctive words) is computed in the notebook
and shown as Markdown, with the cell's code hidden on the page.  Nothing is copied from the
study's notebooks, and nothing is written into the repository: :func:`run_audit` executes
each notebook in a temporary folder (the kernel's working directory) and builds the same kind
of site as the study's report (:func:`helpers.publish.site.build_site`), written into ``--out``
in one rename (:func:`helpers.export.atomic_folder`):

- ``index.html``: one line per page, with a summary computed from the corpus;
- ``corpus.html`` (and the executed ``corpus.ipynb``): the audit of the whole corpus;
- ``comparison.html`` (and ``comparison.ipynb``): two documents compared, when the corpus
  has at least two (``--compare A B``, or the manifest's first two);
- ``reader_<doc_id>.html``: each text of the corpus, cleaned and in order, every sentence
  an anchor (a sentence id cited on any page links to it), with its notes and quality flags;
- ``api/``: the reference of the library, with the calls of these pages as examples;
- ``search.html``, ``_static/`` (the theme, and Noto Sans SC so that the Chinese renders in
  any browser, offline) and the rest of a Sphinx site.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from ..errors import HelpersError
from ..text.corpus import load_corpus, read_manifest
from .notebooks import execute_notebook

SETUP = """import helpers
from IPython.display import Markdown, display
from helpers import audit
from helpers.publish import corpus_audit as ca

helpers.setup()"""


# --------------------------------------------------------------------------- #
# Cells
# --------------------------------------------------------------------------- #
def _markdown(text: str):
    import nbformat

    return nbformat.v4.new_markdown_cell(text.strip())


def _code(source: str, *tags: str):
    import nbformat

    cell = nbformat.v4.new_code_cell(source.strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def _prose(call: str, *tags: str):
    """A cell that shows Markdown computed by *call*; its code is hidden on the page and in JupyterLab."""
    cell = _code(f"display(Markdown({call}))", "prose", *tags)
    cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def _notebook(cells: list, kind: str, title: str):
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["title"] = title  # the page's <title>
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["audit"] = {"page": kind}
    return notebook


def _esc(text: object) -> str:
    from .corpus_audit import md

    return md(text)


# --------------------------------------------------------------------------- #
# The corpus page
# --------------------------------------------------------------------------- #
DOCUMENTS = """## 1 · The documents

A document is a row of `manifest.csv` and the file it names. For each, the audit reports how its bytes were read (the
**encoding**: UTF-8, or GB18030/GBK, Big5 and UTF-16 when the bytes say so, with the decision logged), its **script**
(a text in Traditional Chinese is converted to Simplified, because the lexicon and the segmenter are Simplified; every
offset still points into the original file), its size, and whether its body seems **cut off** (it does not end with a
full stop or another closing punctuation mark, as happens with a page that shows only an excerpt). Provenance (title,
authors, publisher, date, address) comes from the manifest's columns, or from the page itself for a saved HTML page."""

CLEANING = """## 2 · What cleaning removed

Cleaning takes out what is not the text (web-page navigation, share buttons, view counters, the English lines of a
bilingual page, note markers) and repairs what copying broke (line breaks inside a sentence, stray spaces, left-over
markup). Every edit is recorded in the **cleaning log** (`cleaning_log.csv`) with its action, its reason and the span of
the raw file it touched (`raw_start`, `raw_end`), so that no character disappears without a record and every sentence
can be traced back to the file. The first table counts the edits by action and reason; the second shows examples: the
raw text around each edit, with the edited span between ⟦ ⟧, and the cleaned sentence that now holds its place (empty
when the whole line was removed)."""

STRUCTURE = """## 3 · Structure

Each text is divided into parts: the **front** matter (title, authors, abstract, keywords, affiliations), the **body**,
the **notes** and the **back** matter. The body is divided into sections at each heading that is recognised (a numbered
heading such as 一、 or 1., or a short line without final punctuation); a text without headings is one section. Notes
are parsed and linked to their marker in the text. Word counts and comparisons use the body's running text only, so
that a title, a keyword line or a note does not count as text."""

QUALITY = """## 4 · Quality flags and problems

A **quality flag** marks a place where the text may not be what its author wrote, or where cleaning had to intervene:
a removed web-page line, a cut-off end, left-over markup, a note marker without its note, a stray foreign word, a
converted script. Each flag has a kind, its evidence (the text concerned) and a **severity**:

- *meaning-changing*: a reader would understand something other than what the original says;
- *naming*: a name, title or term is rendered wrongly or inconsistently, but the sense survives;
- *cosmetic*: formatting, spacing or extraction debris that does not change what is said.

All the flags on one sentence are one **problem**, which takes the worst severity of its flags; a flag without a
sentence (a line that cleaning removed) is a problem of its own. The flags here come from rules, which see the form of
a text, not its meaning: a mistranslation or a wrong fact needs a reader who checks the passage against the original.
The first table counts problems by severity and document; the second lists them, worst first."""

VOCABULARY = """## 5 · Vocabulary

The text is segmented into words with jieba and the domain dictionary. The counts below take the body's running text
only, without punctuation, numbers, dates and stopwords (function words such as 的, 在, 和). A count grows with the
length of a text, so compare documents by the rate per 1,000 words, not by the count. A frequency list says what a text
talks about, not what it says about it: read the words in context. A **concordance** (keyword in context, KWIC) lists
every occurrence of a word with the text on either side, here sorted by the right context so that recurring phrases
line up; `helpers.methods.analysis.kwic` gives the concordance of any word."""

ENTITIES = """## 6 · Entities

An **entity** is something the lexicon knows (a country, a person, an organisation, a treaty, a concept …) with every
surface form it knows for it: full names, short names, abbreviations, a capital for its country (北京 for China). A
**mention** is one occurrence of such a form; a pair such as 中美 names both countries. The counts depend on the
lexicon: a name it does not know is not linked to anything, so check the names it missed before comparing counts."""

TERMS = """## 7 · Terms for the user dictionary

The segmenter knows the words of its dictionaries. A term it does not know (a new coinage, the name of a programme, an
organisation's short name) is cut into pieces, and is then counted as those pieces: it is missing from the frequency
lists and from keyness. A corpus can carry its own terms in `user_dict.txt`, beside `manifest.csv`."""

NEXT = """## What next

- The tables behind this page, as CSV for your own analysis: `python -m helpers export --corpus DIR --out TABLES`.
- Two documents compared word by word and name by name: the comparison page (see the index), or
  `python -m helpers audit --corpus DIR --out DIR --compare A B` for another pair.
- A cleaning decision or a flag that is wrong for your texts is worth reporting with the document and the sentence id."""


def corpus_notebook(corpus: Path | str):
    """The audit of a whole corpus, as an (unexecuted) notebook."""
    corpus = Path(corpus)
    return _notebook([
        _markdown(f"""# Corpus audit: {_esc(corpus.name)}

This page audits the corpus in `{corpus}`. It was made by `python -m helpers audit`: the library read every text the
manifest lists, cleaned it, divided it into parts, sections and sentences, segmented it into words and linked the
names it knows. The descriptions of the corpus below are computed from those tables (the ones
`python -m helpers export` writes as CSV), as are the tables themselves; the explanation under each heading says
what a method does and is the same for every corpus. A sentence is cited by its id (document and number in reading
order, e.g. `doc-0012`), so that it can be found in `sentences.csv`."""),
        _code(SETUP, "setup"),
        _code(f"CORPUS = {str(corpus)!r}  # the corpus folder, with manifest.csv", "parameters"),
        _code("study = audit.load_study(CORPUS)  # the generic pipeline, no study-specific layer"),
        _prose('"**In short:** " + ca.summary_line(study)', "summary"),
        _markdown(DOCUMENTS),
        _prose("ca.documents_text(study)"),
        _code("ca.documents_view(study)"),
        _markdown(CLEANING),
        _prose("ca.cleaning_text(study)"),
        _code("ca.cleaning_counts(study)"),
        _code("ca.cleaning_examples(study, per_action=2)"),
        _markdown(STRUCTURE),
        _prose("ca.structure_text(study)"),
        _code("ca.sections_table(study)"),
        _markdown(QUALITY),
        _prose("ca.quality_text(study)"),
        _code("audit.problem_counts(study)"),
        _code("audit.problems(study).head(40)"),
        _markdown(VOCABULARY),
        _prose("ca.vocabulary_text(study)"),
        _code("ca.top_words(study, top=15)"),
        _code("ca.concordance(study)  # the corpus's most frequent content word"),
        _markdown(ENTITIES),
        _prose("ca.entities_text(study)"),
        _code("ca.entity_counts(study)"),
        _code("ca.entity_table(study, top=25)"),
        _code("ca.unlinked_names(study)  # names the lexicon does not know"),
        _markdown(TERMS),
        _prose("ca.terms_text(study, CORPUS)"),
        _code("ca.term_candidates(study, top=30)  # recurring strings the segmenter splits"),
        _markdown(NEXT),
    ], "corpus", f"Corpus audit: {corpus.name}")


# --------------------------------------------------------------------------- #
# The comparison page
# --------------------------------------------------------------------------- #
KEYNESS = """## 2 · Distinctive words (keyness)

Keyness asks which words are more frequent in one text than in the other, by more than chance would make them. Two
measures are computed over the content words of the two bodies:

- **z**, the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): the difference between
  a word's log-odds in A and in B, divided by its standard error; positive for A, negative for B. The prior, made from
  the two texts pooled, pulls rare words towards their shared rate, so that a word seen once in one text is not called
  distinctive. |z| > 1.96 is the usual threshold.
- **G²** (log-likelihood) with the **log ratio** as the size of the effect (log2 of the ratio of the rates: 1 means
  twice as frequent); **q** is the p-value of G² corrected for testing every word at once (Benjamini–Hochberg): of the
  words with q < 0.05, at most 5 % are expected to be flukes.

A distinctive word shows a difference in wording, not its reason: read it in its sentences before interpreting it.
Short texts give few distinctive words; that is the measures refusing what the counts cannot support. The table shows
the words at both ends of the ranking, most distinctive of A first and of B last
(`helpers.methods.analysis.keyness`)."""

KEYNESS_KWIC = """The concordance of the most distinctive word at each end, in both documents:"""

PAIR_ENTITIES = """## 3 · Entities named by both, and by one only

An entity named in both texts is a shared subject; one named in only one may be a difference of subject, or only of
length (a longer text names more): compare the counts with the sizes of the two texts. Names the lexicon does not know
are left out here (see the corpus page)."""


def comparison_notebook(corpus: Path | str, doc_a: str, doc_b: str, chosen: bool):
    """Two documents of a corpus compared, as an (unexecuted) notebook; *chosen* says whether the user named them."""
    corpus = Path(corpus)
    return _notebook([
        _markdown(f"""# Comparison: {_esc(doc_a)} and {_esc(doc_b)}

Which words and which names set two documents of the corpus in `{corpus}` apart? Everything below is computed from the
corpus's tables; the explanation under each heading is the same for any pair of documents."""),
        _code(SETUP, "setup"),
        _code(f"CORPUS = {str(corpus)!r}  # the corpus folder, with manifest.csv\n"
              f"DOC_A, DOC_B = {doc_a!r}, {doc_b!r}  # the two documents compared\n"
              f"CHOSEN = {chosen!r}  # True: named with --compare", "parameters"),
        _code("study = audit.load_study(CORPUS)  # the generic pipeline, no study-specific layer"),
        _prose("ca.comparison_intro(DOC_A, DOC_B, CHOSEN)"),
        _prose('"**In short:** " + ca.pair_summary_line(study, DOC_A, DOC_B)', "summary"),
        _markdown("## 1 · The two documents"),
        _code("ca.pair_view(study, DOC_A, DOC_B)"),
        _markdown(KEYNESS),
        _prose("ca.keyness_text(study, DOC_A, DOC_B)"),
        _code("ca.distinctive_words(study, DOC_A, DOC_B, top=15)"),
        _markdown(KEYNESS_KWIC),
        _code("ca.keyness_concordance(study, DOC_A, DOC_B)"),
        _markdown(PAIR_ENTITIES),
        _prose("ca.entities_compared_text(study, DOC_A, DOC_B)"),
        _code("ca.entities_compared(study, DOC_A, DOC_B)"),
    ], "comparison", f"Comparison: {doc_a} and {doc_b}")


# --------------------------------------------------------------------------- #
# The site
# --------------------------------------------------------------------------- #
def choose_pair(corpus: Path, compare: tuple[str, str] | list[str] | None) -> tuple[str, str, bool] | None:
    """The two documents to compare: *compare* checked against the manifest, or its first two (None for one
    document).

    Raises:
        HelpersError: an id of *compare* is not in the manifest (the message names it and the known ids), or the
            two are the same document.
    """
    ids = [row["doc_id"] for row in read_manifest(corpus)]  # one-line error for a bad corpus
    manifest = corpus / "manifest.csv"
    if compare:
        doc_a, doc_b = compare
        for doc_id in (doc_a, doc_b):
            if doc_id not in ids:
                raise HelpersError(f"{manifest}: --compare names {doc_id!r}, which is not a doc_id of the manifest; "
                                   f"known ids are {', '.join(ids)}.")
        if doc_a == doc_b:
            raise HelpersError(f"{manifest}: --compare names {doc_a!r} twice; name two different documents.")
        return doc_a, doc_b, True
    if len(ids) >= 2:
        return ids[0], ids[1], False
    return None


def _summary(notebook) -> str:
    """The one-line summary a page computed (the output of its cell tagged ``summary``), as plain text."""
    for cell in notebook.cells:
        if "summary" in cell.get("metadata", {}).get("tags", []):
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/markdown", "")
                if text:
                    text = re.sub(r"\*\*In short:\*\*\s*", "", text)
                    return re.sub(r"\\(.)", r"\1", text.replace("**", "").replace("`", ""))
    return ""


def intro(corpus: Path) -> str:
    """The audit's index: what it is (Markdown)."""
    return f"""The audit of the corpus in `{corpus}`, made by `python -m helpers audit`: what the documents are, what
cleaning removed, how they are built, where their quality is in doubt, their vocabulary and names, and a comparison of
two documents, with each text cleaned and in order on its reader page. Every number is computed from the corpus's
texts."""


def run_audit(corpus: Path | str, out: Path | str, compare: tuple[str, str] | list[str] | None = None,
              api: bool = True) -> list[Path]:
    """Build, execute and render the audit of *corpus* into the site *out* (see the module's docstring).

    Each notebook is executed in a temporary folder outside the repository, which is also the kernel's
    working directory; *out* is replaced in one rename, and left as it was if anything fails.  With *api*
    the site includes the library's reference (about 20 s more).

    Returns:
        The pages written, index first.

    Raises:
        HelpersError: a bad corpus or --compare (one line), or a failing cell (naming it).
    """
    import nbformat

    from ..audit import load_study
    from .site import Notebook, build_site

    corpus = Path(corpus).resolve()
    pair = choose_pair(corpus, compare)
    load_corpus(corpus)  # a missing, oversized or undecodable file: one line here, before any kernel starts
    from .site import refuse_foreign

    refuse_foreign(out)  # a folder of the user's own: refused before the notebooks run
    pages = [("corpus", f"Corpus audit: {corpus.name}", corpus_notebook(corpus))]
    if pair:
        doc_a, doc_b, chosen = pair
        pages.append(("comparison", f"Comparison: {doc_a} and {doc_b}", comparison_notebook(corpus, doc_a, doc_b, chosen)))
    work = Path(tempfile.mkdtemp(prefix="helpers-audit-"))  # outside the repository: the kernel's working folder
    kept = False
    try:
        notebooks = []
        for number, (name, title, notebook) in enumerate(pages, start=1):
            path = work / f"{name}.ipynb"
            nbformat.write(notebook, path)
            print(f"[{number}/{len(pages)}] executing the {name} page on {corpus} …", flush=True)
            try:
                execute_notebook(path, save_failed=True)
            except HelpersError:  # the message names the notebook, kept with its traceback
                kept = True
                raise
            notebooks.append(Notebook(path, title, _summary(nbformat.read(path, as_version=4))))
        tables = load_study(corpus).tables  # the reader pages: the same generic pipeline the pages ran
        return build_site(out, f"Audit of the corpus '{corpus.name}'", intro(corpus), notebooks, tables, api=api,
                          strict=False, extra={f"{n.path.stem}.ipynb": n.path for n in notebooks},
                          log=lambda line: print(line, flush=True))
    finally:
        if not kept:
            shutil.rmtree(work, ignore_errors=True)
