"""Stage 5 of the pipeline: the tables of any corpus.

:func:`process_corpus` runs every stage on every document; :func:`build_tables`
turns the results into the pandas DataFrames that ``python -m helpers export``
writes and the notebooks display.  Each table is documented in ``docs/tables.md``.

This module knows nothing of the study.  What holds only for particular documents
(the study's hand-reviewed flags, its record of mistranslated names, its coded
tables) comes in through a :class:`Layer`; :mod:`helpers.study.layer` is the study's,
and it applies only to the study's own texts, byte for byte.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from .errors import HelpersError
from .language.entities import Mention, find_mentions, find_unlinked, label
from .language.lexicon import Alias, aliases
from .language.segment import (Token, UserDictionary, corpus_user_dictionary, dictionary_version, is_punct,
                               is_stopword, tokenize)
from .paths import RAW
from .text.corpus import Document, load_corpus
from .text.notes import Footnote, footnotes
from .text.quality import Flag, rule_flags
from .text.structure import Structured, structure

#: The tables of every corpus, in the order they are written.
TABLES: tuple[str, ...] = (
    "documents", "sections", "sentences", "footnotes", "tokens", "mentions", "cleaning_log", "quality_flags",
)


class Layer:
    """Knowledge that holds only for particular documents, added to the generic pipeline.

    The base class adds nothing; a subclass (the study's is :class:`helpers.study.layer.StudyLayer`)
    says which documents it :meth:`applies` to and what it adds to them: surface forms of
    names (:meth:`aliases`), hand-reviewed quality flags (:meth:`flags`), runs of sentences
    that are one problem (:meth:`passage_starts`) and whole tables (:meth:`tables`).
    """

    #: False when the documents the layer applies to are linked with the domain lexicon alone, without
    #: the general layer (the study's texts, whose lexicon was written and evaluated for them).
    general_lexicon: bool = True

    def applies(self, document: Document) -> bool:
        """True when the layer has something to say about *document*."""
        return False

    def aliases(self, document: Document) -> tuple[Alias, ...]:
        """Extra surface forms for the names in *document*."""
        return ()

    def flags(self, document: Document) -> list[Flag]:
        """Hand-reviewed quality flags of *document*."""
        return []

    def passage_starts(self) -> dict[str, str]:
        """Sentence id → the first sentence of the reviewed run it belongs to."""
        return {}

    def heading_glosses(self) -> dict[str, str]:
        """English glosses of section headings (heading as it stands → gloss)."""
        return {}

    def tables(self, tables: dict[str, pd.DataFrame], documents: list[Document]) -> dict[str, pd.DataFrame]:
        """Further tables, built on the generic ones; none by default."""
        return {}


NO_LAYER = Layer()


@dataclass
class Processed:
    """Everything the pipeline derives from one document."""

    structured: Structured
    footnotes: list[Footnote]
    tokens: dict[str, list[Token]]
    mentions: dict[str, list[Mention]]
    flags: list[Flag]
    user_dict: UserDictionary | None = None  # the corpus's user_dict.txt, if the tokens used one

    @property
    def document(self) -> Document:
        """The source document."""
        return self.structured.document


def process_document(document: Document, layer: Layer = NO_LAYER, user_dict: UserDictionary | None = None) -> Processed:
    """Structure, annotate and audit one document.

    An unexpected failure is re-raised as a one-line :class:`HelpersError` that names
    the file, so that in a corpus of many documents the user knows which one to look at.
    """
    try:
        return _process(document, layer, user_dict)
    except HelpersError:
        raise
    except Exception as exc:  # a defect of ours, met on this file
        raise HelpersError(
            f"{document.path}: processing failed ({type(exc).__name__}: {exc}); remove the file from the "
            "manifest to go on, and please report the problem with this file (HELPERS_DEBUG=1 shows the traceback)"
        ) from exc


def _process(document: Document, layer: Layer, user_dict: UserDictionary | None = None) -> Processed:
    applies = layer.applies(document)
    extra = layer.aliases(document) if applies else ()
    general = layer.general_lexicon or not applies
    structured = structure(document)
    notes = footnotes(structured)
    names = tuple(a.surface for a in extra)
    tokens = {s.sentence_id: tokenize(s.text, names=names, user_dict=user_dict) for s in structured.sentences}
    mentions = {}
    for s in structured.sentences:
        linked = find_mentions(s.text, extra, general)
        unlinked = find_unlinked(s.text, tokens[s.sentence_id], linked)
        mentions[s.sentence_id] = sorted(linked + unlinked, key=lambda m: m.start) if unlinked else linked
    notes_by_surface = {a.surface: a.note for a in (*aliases(), *extra)}
    flags = rule_flags(structured, mentions, notes, notes_by_surface)
    if applies:
        flags += layer.flags(document)
    return Processed(structured, notes, tokens, mentions, flags, user_dict)


def process_corpus(corpus_dir: Path | str = RAW, layer: Layer = NO_LAYER) -> list[Processed]:
    """Run the pipeline on every document of a corpus folder, in manifest order (with its user_dict.txt, if any)."""
    documents = load_corpus(corpus_dir)
    user_dict = corpus_user_dictionary(corpus_dir)
    return [process_document(d, layer, user_dict) for d in documents]


def build_tables(processed: list[Processed], layer: Layer = NO_LAYER) -> dict[str, pd.DataFrame]:
    """The export tables, keyed by name (see :data:`TABLES`, then the layer's), deterministically sorted."""
    tables = document_tables(processed)
    return _finish(tables, [p.document for p in processed], layer)


def corpus_tables(corpus_dir: Path | str = RAW, jobs: int = 1, layer: Layer = NO_LAYER) -> dict[str, pd.DataFrame]:
    """The export tables of a corpus folder, optionally built in *jobs* worker processes.

    Each worker processes a run of documents and returns its tables, which are joined
    in manifest order, so the result is the same as with one process.  *jobs* is capped
    at the number of cores; where processes cannot be forked (Windows) the corpus is
    processed in this process.
    """
    import multiprocessing

    documents = load_corpus(corpus_dir)
    user_dict = corpus_user_dictionary(corpus_dir)  # the folder's user_dict.txt, or None
    jobs = min(jobs, os.cpu_count() or 1)
    if jobs <= 1 or len(documents) < 2 * jobs or "fork" not in multiprocessing.get_all_start_methods():
        return build_tables([process_document(d, layer, user_dict) for d in documents], layer)

    from .language.segment import domain_tokenizer, user_tokenizer

    domain_tokenizer()  # load jieba once, before the workers fork
    from .language.entities import find_mentions, name_tags

    name_tags()  # and jieba's name tags and the entity matcher, so that each worker does not build them again
    find_mentions("", general=layer.general_lexicon)
    find_mentions("")
    if user_dict is not None:
        user_tokenizer(user_dict)
    size = -(-len(documents) // (4 * jobs))
    chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        parts = pool.map(partial(_chunk_tables, layer=layer, user_dict=user_dict), chunks)
    tables = {name: _concat([part[name] for part in parts]) for name in parts[0]}
    return _finish(tables, documents, layer)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Join per-chunk tables; empty ones are left out so that column types stay as built."""
    filled = [f for f in frames if len(f)]
    return pd.concat(filled, ignore_index=True) if filled else frames[0]


def _chunk_tables(documents: list[Document], layer: Layer,
                  user_dict: UserDictionary | None = None) -> dict[str, pd.DataFrame]:
    return document_tables([process_document(d, layer, user_dict) for d in documents])


def _finish(tables: dict[str, pd.DataFrame], documents: list[Document], layer: Layer) -> dict[str, pd.DataFrame]:
    """The generic tables in the order of :data:`TABLES`, then the layer's own."""
    finished = {name: tables[name] for name in TABLES}
    finished.update(layer.tables(finished, documents))
    return finished


def document_tables(processed: list[Processed]) -> dict[str, pd.DataFrame]:
    """The tables that come from the documents themselves (everything but hand coding and keyness)."""
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in TABLES}
    token_columns: dict[str, list[object]] = {c: [] for c in
                                              ("doc_id", "sentence_id", "position", "token", "start", "end")}
    for item in processed:
        doc = item.document
        st = item.structured
        body = [s for s in st.sentences if s.part == "body" and s.kind == "sentence"]
        rows["documents"].append({
            "doc_id": doc.doc_id, "title": doc.meta.get("title", ""), "title_en": doc.meta.get("title_en", ""),
            "authors": doc.meta.get("authors", ""), "publisher": doc.meta.get("publisher", ""),
            "date": doc.meta.get("date", ""), "language": doc.meta.get("language", ""),
            "original_language": doc.meta.get("original_language", ""),
            "translation": doc.meta.get("translation", ""), "source_url": doc.meta.get("source_url", ""),
            "file": doc.meta.get("file", ""), "sha256": doc.sha256, "encoding": doc.encoding,
            "n_chars_raw": len(doc.text), "n_sentences": len(st.sentences), "n_body_sentences": len(body),
            "n_sections": len(st.sections), "n_notes": sum(1 for f in item.footnotes if f.text),
            "truncated": st.truncated, "script": st.script, "segmenter": dictionary_version(item.user_dict),
            "source_kind": st.source_kind,
        })
        for section in st.sections:
            rows["sections"].append({
                "doc_id": doc.doc_id, "section_id": section.section_id, "part": section.part,
                "heading": section.heading, "heading_sentence_id": section.heading_sentence_id,
                "n_sentences": sum(1 for s in st.sentences if s.section_id == section.section_id),
            })
        for s in st.sentences:
            rows["sentences"].append({
                "doc_id": doc.doc_id, "sentence_id": s.sentence_id, "section_id": s.section_id, "part": s.part,
                "kind": s.kind, "paragraph": s.paragraph, "raw_start": s.raw_start, "raw_end": s.raw_end,
                "n_chars": len(s.text), "text": s.text,
            })
            tokens = item.tokens[s.sentence_id]  # columns, not a dict per token: the largest table
            token_columns["doc_id"].extend([doc.doc_id] * len(tokens))
            token_columns["sentence_id"].extend([s.sentence_id] * len(tokens))
            token_columns["position"].extend(range(len(tokens)))
            token_columns["token"].extend(t.text for t in tokens)
            token_columns["start"].extend(t.start for t in tokens)
            token_columns["end"].extend(t.end for t in tokens)
            for m in item.mentions[s.sentence_id]:
                label_en, category = label(m.entity) if m.entity else ("", m.category)
                rows["mentions"].append({
                    "doc_id": doc.doc_id, "sentence_id": s.sentence_id, "surface": m.surface, "entity": m.entity,
                    "label_en": label_en, "category": category, "form": m.form, "start": m.start, "end": m.end,
                })
        for f in item.footnotes:
            rows["footnotes"].append({
                "doc_id": f.doc_id, "number": f.number, "marker_sentence_id": f.marker_sentence_id,
                "note_sentence_id": f.note_sentence_id, "marker_style": f.marker_style, "authors": f.authors,
                "year": f.year, "title": f.title, "url": f.url, "text": f.text,
            })
        for line in doc.decode_log:
            rows["cleaning_log"].append({"doc_id": doc.doc_id, "raw_start": 0, "raw_end": 0, "action": "decode",
                                         "reason": line, "before": "", "after": ""})
        for e in st.log:
            rows["cleaning_log"].append({"doc_id": doc.doc_id, "raw_start": e.raw_start, "raw_end": e.raw_end,
                                         "action": e.action, "reason": e.reason, "before": e.before, "after": e.after})
        for flag in item.flags:
            rows["quality_flags"].append({"doc_id": flag.doc_id, "sentence_id": flag.sentence_id, "kind": flag.kind,
                                          "severity": flag.severity, "evidence": flag.evidence, "note": flag.note,
                                          "source": flag.source})
    columns = {
        "documents": ["doc_id", "title", "title_en", "authors", "publisher", "date", "language", "original_language",
                      "translation", "source_url", "file", "sha256", "encoding", "n_chars_raw", "n_sentences",
                      "n_body_sentences", "n_sections", "n_notes", "truncated", "script", "segmenter", "source_kind"],
        "sections": ["doc_id", "section_id", "part", "heading", "heading_sentence_id", "n_sentences"],
        "sentences": ["doc_id", "sentence_id", "section_id", "part", "kind", "paragraph", "raw_start", "raw_end",
                      "n_chars", "text"],
        "footnotes": ["doc_id", "number", "marker_sentence_id", "note_sentence_id", "marker_style", "authors", "year",
                      "title", "url", "text"],
        "tokens": ["doc_id", "sentence_id", "position", "token", "start", "end", "is_punct", "is_stopword"],
        "mentions": ["doc_id", "sentence_id", "surface", "entity", "label_en", "category", "form", "start", "end"],
        "cleaning_log": ["doc_id", "raw_start", "raw_end", "action", "reason", "before", "after"],
        "quality_flags": ["doc_id", "sentence_id", "kind", "severity", "evidence", "note", "source"],
    }
    tables = {name: pd.DataFrame(rows[name], columns=columns[name]) for name in TABLES
              if name in columns and name != "tokens"}
    tokens = pd.DataFrame(token_columns)
    kinds = {word: (is_punct(word), is_stopword(word)) for word in set(token_columns["token"])}
    tokens["is_punct"] = [kinds[w][0] for w in token_columns["token"]]
    tokens["is_stopword"] = [kinds[w][1] for w in token_columns["token"]]
    tables["tokens"] = tokens[columns["tokens"]]
    return {name: tables[name] for name in TABLES if name in tables}
