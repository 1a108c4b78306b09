"""The Sphinx extension behind the HTML site (:mod:`helpers.publish.site`): reader pages and examples.

Loaded by the ``conf.py`` that :func:`helpers.publish.site.build_site` writes; it is not meant for
a documentation project of your own.  It adds:

- ``reader-meta``, ``reader-section`` and ``reader-flags`` directives, which set the text of one
  document (read from the JSON files that :func:`helpers.publish.site.reader_data` writes) as
  docutils nodes: every sentence is an element whose ``id`` is its sentence id (so that
  ``reader_fes2024.html#fes2024-0059`` lands on it), footnote markers and notes link to each
  other, and each quality flag is a visible marker (``<abbr>``) of its severity with the flag's
  kind, note and evidence as its title.  Building nodes rather than Markdown means that no
  character of a text is ever read as markup, and that the ids are exactly the sentence ids;
- examples in the API reference: for each function or class that a notebook cell calls, the
  call as it appears in the notebook and a link to that notebook (``autodoc-process-docstring``,
  from the JSON file of :func:`helpers.publish.site.notebook_calls`).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive, directives

#: The marker shown for a quality flag of each severity (its title holds the kind and the note).
SEVERITY_MARK = {"meaning-changing": "▲ meaning-changing", "naming": "◆ naming", "cosmetic": "· cosmetic"}


@lru_cache(maxsize=None)
def _document(folder: str, doc_id: str) -> dict:
    """The reader data of one document (``<folder>/<doc_id>.json``)."""
    return json.loads((Path(folder) / f"{doc_id}.json").read_text(encoding="utf-8"))


class _ReaderDirective(Directive):
    """A directive of the reader pages: its arguments name a document (and a section)."""

    has_content = False
    final_argument_whitespace = False

    def data(self) -> dict:
        env = self.state.document.settings.env
        return _document(env.config.helpers_reader_data, self.arguments[0])


def _flag_marks(flags: list[dict]) -> list[nodes.Node]:
    """One ``<abbr class="flag flag-SEVERITY" title="kind: note (evidence)">`` per flag."""
    marks: list[nodes.Node] = []
    for flag in flags:
        explanation = f"{flag['kind']}: {flag['note']}"
        if flag.get("evidence"):
            explanation += f" (evidence: {flag['evidence']})"
        label = SEVERITY_MARK.get(flag["severity"], flag["severity"])
        marks += [nodes.Text(" "), nodes.abbreviation(label, label, explanation=explanation,
                                                       classes=["flag", f"flag-{flag['severity']}"])]
    return marks


class ReaderSection(_ReaderDirective):
    """``reader-section DOC_ID SECTION_ID``: the sentences of one section, paragraph by paragraph."""

    required_arguments = 2

    def run(self) -> list[nodes.Node]:
        data = self.data()
        section = data["sections"][self.arguments[1]]
        out: list[nodes.Node] = []
        paragraph: nodes.paragraph | None = None
        current = None
        for sentence in section:
            key = (sentence["paragraph"], sentence["kind"] in ("line", "heading", "note", "toc"))
            if paragraph is None or key != current or key[1]:  # a line, heading or note stands alone
                paragraph = nodes.paragraph(classes=["reader-paragraph", f"reader-{sentence['kind']}"])
                out.append(paragraph)
                current = key
            sid = sentence["id"]
            span = nodes.inline(ids=[sid], classes=["sentence", f"sentence-{sentence['kind']}"])
            span += nodes.reference("", sid, refuri=f"#{sid}", classes=["sid"])
            span += nodes.Text(" ")
            span += nodes.inline("", sentence["text"], classes=["sentence-text", f"language-{data['language']}"])
            for number, note in data["notes"].get(sid, []):  # a marker: link to the note
                sup = nodes.superscript(classes=["fn-ref"])
                sup += nodes.reference("", f"[{number}]", refuri=f"#{note}", classes=["fn-link"])
                span += sup
            for number, marker in data["markers"].get(sid, []):  # a note: link back to its marker
                span += nodes.Text(" ")
                span += nodes.reference("", f"↩ note {number}, marked in {marker}", refuri=f"#{marker}",
                                        classes=["fn-back"])
            for mark in _flag_marks(data["flags"].get(sid, [])):
                span += mark
            if len(paragraph):
                paragraph += nodes.Text(" ")
            paragraph += span
        return out


class ReaderMeta(_ReaderDirective):
    """``reader-meta DOC_ID``: the document's provenance, as a field list."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        data = self.data()
        fields = nodes.field_list(classes=["reader-meta"])
        for name, value in data["meta"]:
            body = nodes.paragraph()
            if value.startswith(("http://", "https://")):
                body += nodes.reference(value, value, refuri=value)
            else:
                body += nodes.Text(value)
            fields += nodes.field("", nodes.field_name(name, name), nodes.field_body("", body))
        return [fields]


class ReaderFlags(_ReaderDirective):
    """``reader-flags DOC_ID``: every quality flag of the document, worst first, as a list."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        data = self.data()
        if not data["flag_list"]:
            return [nodes.paragraph("", "No quality flag on this text.")]
        items = nodes.bullet_list(classes=["reader-flags"])
        for flag in data["flag_list"]:
            para = nodes.paragraph()
            label = SEVERITY_MARK.get(flag["severity"], flag["severity"])
            para += nodes.inline(label, label, classes=["flag", f"flag-{flag['severity']}"])
            para += nodes.Text(" ")
            if flag["sentence_id"]:
                para += nodes.reference("", flag["sentence_id"], refuri=f"#{flag['sentence_id']}")
            else:
                para += nodes.emphasis("", "no sentence (a removed line or the whole text)")
            para += nodes.Text(f" · {flag['kind']}: {flag['note']}")
            if flag.get("evidence"):
                para += nodes.Text(" · evidence: ")
                para += nodes.inline("", flag["evidence"], classes=["flag-evidence", f"language-{data['language']}"])
            items += nodes.list_item("", para)
        return [items]


#: ``|z|`` in a docstring is an absolute value, not a reStructuredText substitution.
_BARS = re.compile(r"(?<![\\\w|`])\|([^|\s`][^|`]*?)\|(?![\w|`])")


def _absolute_values(lines: list[str]) -> None:
    """Escape ``|x|`` (an absolute value) in docstring *lines*, outside tables and line blocks."""
    for i, line in enumerate(lines):
        if "|" in line and not line.lstrip().startswith(("|", "+")):
            lines[i] = _BARS.sub(r"\\|\1\\|", line)


def _examples(app, what, name, obj, options, lines) -> None:  # noqa: ANN001 (Sphinx's event signature)
    """``autodoc-process-docstring``: escape absolute values, and append the notebook calls of *name* (the
    first two) as an example."""
    _absolute_values(lines)
    path = app.config.helpers_notebook_calls
    if not path:
        return
    calls = _calls(path).get(name)
    if not calls:
        return
    lines += ["", ".. rubric:: Example, from the notebooks", ""]
    for docname, code in calls[:2]:
        lines += [".. code-block:: python", ""] + [f"   {line}" for line in code.splitlines()] + [""]
        lines += [f"In :doc:`/{docname}`.", ""]


@lru_cache(maxsize=None)
def _calls(path: str) -> dict[str, list[list[str]]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def setup(app) -> dict:  # noqa: ANN001
    """Register the directives, the config values and the examples hook."""
    app.add_config_value("helpers_reader_data", "", "env")
    app.add_config_value("helpers_notebook_calls", "", "env")
    directives.register_directive("reader-section", ReaderSection)
    directives.register_directive("reader-meta", ReaderMeta)
    directives.register_directive("reader-flags", ReaderFlags)
    app.connect("autodoc-process-docstring", _examples)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
