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

import gc
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .errors import HelpersError
from .language.entities import Mention, find_mentions, find_unlinked_spans, label
from .language.lexicon import Alias, aliases
from .language.segment import (TokenSpans, UserDictionary, corpus_user_dictionary, dictionary_version, is_punct,
                               is_stopword, token_spans)
from .paths import RAW
from .text.corpus import Document, load_corpus
from .text.notes import Footnote, footnotes
from .text.quality import Flag, rule_flags
from .text.structure import Structured, structure

if TYPE_CHECKING:  # pandas is imported where data frames are made: a streaming export needs none
    import pandas as pd

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

    def needs(self, document: Document) -> bool:
        """True when :meth:`tables` reads the generic rows of *document* (by default: when the layer applies).
        A streaming export keeps only these rows until the end."""
        return self.applies(document)

    #: The names of the tables :meth:`tables` can add (an export may replace a folder that holds them).
    table_names: tuple[str, ...] = ()

    def tables(self, tables: dict[str, pd.DataFrame], documents: list[Document]) -> dict[str, pd.DataFrame]:
        """Further tables, built on the generic ones; none by default.  *tables* holds the rows of at least
        the documents the layer :meth:`needs`, and *documents* at least those documents."""
        return {}


NO_LAYER = Layer()

#: A corpus of more documents than this shows a progress bar (when stderr is a terminal).
PROGRESS_MIN_DOCUMENTS = 30

_T = TypeVar("_T")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block without Python's cyclic garbage collector, and restore it afterwards.

    The pipeline makes millions of small objects (tokens, offsets, rows) that live until the tables
    are written; the collector's full passes over them cost about 10 % of an export and free nothing,
    because the objects are referenced, not garbage.  Inside the block, the objects that already
    exist (modules, jieba's dictionary) are frozen, so that the collector never walks them again,
    and automatic collection is off; reference counting still frees everything that is not in a
    cycle.  On leaving, the freeze is undone and the collector's previous state is restored.
    Nested use is harmless (only the outermost block freezes and unfreezes).
    """
    enabled = gc.isenabled()
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if froze:
            gc.unfreeze()
        if enabled:
            gc.enable()


def _show_progress(progress: bool | None) -> bool:
    """Whether to draw a progress bar: *progress*, or by default only when stderr is a terminal
    (never in a notebook, a CI log or a captured subprocess)."""
    if progress is not None:
        return progress
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stderr
        return False


def _progress(items: Iterable[_T], total: int, show: bool, steps: list[int] | None = None) -> Iterator[_T]:
    """*items*, with a progress bar of *total* documents on stderr when *show* and *total* is more than
    :data:`PROGRESS_MIN_DOCUMENTS`.  Each item advances the bar by one document, or by its entry in
    *steps* (a worker's chunk counts as its documents)."""
    if not show or total <= PROGRESS_MIN_DOCUMENTS:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="doc", file=sys.stderr, desc="processing", leave=False, dynamic_ncols=True) as bar:
        for index, item in enumerate(items):
            yield item  # the bar advances once the caller is done with the item
            bar.update(steps[index] if steps is not None else 1)


@dataclass
class Processed:
    """Everything the pipeline derives from one document."""

    structured: Structured
    footnotes: list[Footnote]
    tokens: dict[str, TokenSpans]  # sentence id -> its tokens' words, starts and ends
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
    tokens = {s.sentence_id: token_spans(s.text, names=names, user_dict=user_dict) for s in structured.sentences}
    mentions = {}
    for s in structured.sentences:
        linked = find_mentions(s.text, extra, general)
        unlinked = find_unlinked_spans(s.text, *tokens[s.sentence_id], linked)
        mentions[s.sentence_id] = sorted(linked + unlinked, key=lambda m: m.start) if unlinked else linked
    notes_by_surface = {a.surface: a.note for a in (*aliases(), *extra)}
    flags = rule_flags(structured, mentions, notes, notes_by_surface)
    if applies:
        flags += layer.flags(document)
    return Processed(structured, notes, tokens, mentions, flags, user_dict)


def process_corpus(corpus_dir: Path | str = RAW, layer: Layer = NO_LAYER,
                   progress: bool | None = None) -> list[Processed]:
    """Run the pipeline on every document of a corpus folder, in manifest order (with its user_dict.txt, if any).

    *progress*: draw a progress bar on stderr for a corpus of more than :data:`PROGRESS_MIN_DOCUMENTS`
    documents; by default only when stderr is a terminal.
    """
    with collector_paused():
        documents = load_corpus(corpus_dir)
        user_dict = corpus_user_dictionary(corpus_dir)
        show = _show_progress(progress)
        return [process_document(d, layer, user_dict) for d in _progress(documents, len(documents), show)]


def build_tables(processed: list[Processed], layer: Layer = NO_LAYER) -> dict[str, pd.DataFrame]:
    """The export tables, keyed by name (see :data:`TABLES`, then the layer's), deterministically sorted."""
    tables = document_tables(processed)
    return _finish(tables, [p.document for p in processed], layer)


def corpus_tables(corpus_dir: Path | str = RAW, jobs: int = 1, layer: Layer = NO_LAYER,
                  progress: bool | None = None) -> dict[str, pd.DataFrame]:
    """The export tables of a corpus folder, optionally built in *jobs* worker processes.

    Each worker processes a run of documents and returns its tables, which are joined
    in manifest order, so the result is the same as with one process.  *jobs* is capped
    at the number of cores; where processes cannot be forked (Windows) the corpus is
    processed in this process.  *progress*: as for :func:`process_corpus`.
    """
    with collector_paused():
        return _corpus_tables(corpus_dir, jobs, layer, _show_progress(progress))


def _corpus_tables(corpus_dir: Path | str, jobs: int, layer: Layer, show: bool) -> dict[str, pd.DataFrame]:
    documents: list[Document] = []
    parts: list[dict[str, pd.DataFrame]] = []
    for chunk, part in iter_tables(corpus_dir, jobs, layer, show):
        documents.extend(chunk)
        parts.append(part)
    tables = {name: _concat([part[name] for part in parts]) for name in TABLES}
    return _finish(tables, documents, layer)


#: A chunk of the corpus is processed and made into tables at once: at most this many characters of raw
#: text (or one document, if it is larger) and this many documents.  Enough to make building data frames
#: cheap, few enough that a streaming export's memory does not grow with the corpus.
CHUNK_CHARS = 250_000
CHUNK_DOCUMENTS = 64


def chunk_documents(documents: list[Document], jobs: int = 1) -> list[list[Document]]:
    """*documents* in runs, in order (see :data:`CHUNK_CHARS`); with *jobs* workers, also at most a quarter
    of each worker's share, so that the work spreads evenly."""
    limit = CHUNK_DOCUMENTS if jobs <= 1 else max(1, min(CHUNK_DOCUMENTS, -(-len(documents) // (4 * jobs))))
    chunks: list[list[Document]] = []
    size = 0
    for document in documents:
        if not chunks or len(chunks[-1]) >= limit or (size + len(document.text) > CHUNK_CHARS and chunks[-1]):
            chunks.append([])
            size = 0
        chunks[-1].append(document)
        size += len(document.text)
    return chunks


def iter_tables(corpus_dir: Path | str = RAW, jobs: int = 1, layer: Layer = NO_LAYER,
                show: bool = False) -> Iterator[tuple[list[Document], dict[str, pd.DataFrame]]]:
    """The generic tables (:data:`TABLES`) of a corpus folder, a chunk of documents at a time, in manifest
    order: ``(documents, tables)`` per chunk (:func:`chunk_documents`).  Joined in order, the chunks' tables
    are the corpus's.  With *jobs* above 1 the chunks are made in forked worker processes (see
    :func:`corpus_tables`); *show* draws a progress bar.  Run it inside :func:`collector_paused`.
    """
    for chunk, columns in iter_columns(corpus_dir, jobs, layer, show):
        yield chunk, {name: _frame(name, columns.pop(name)) for name in TABLES}


def iter_columns(corpus_dir: Path | str = RAW, jobs: int = 1, layer: Layer = NO_LAYER, show: bool = False,
                 documents: list[Document] | None = None) -> Iterator[tuple[list[Document], dict[str, Columns]]]:
    """As :func:`iter_tables`, with each chunk's tables as columns of values (:func:`document_columns`),
    for a writer that needs no data frames.  *documents*: the corpus, when already loaded."""
    import multiprocessing

    documents = load_corpus(corpus_dir) if documents is None else documents
    user_dict = corpus_user_dictionary(corpus_dir)  # the folder's user_dict.txt, or None
    jobs = min(jobs, os.cpu_count() or 1)
    if jobs <= 1 or len(documents) < 2 * jobs or "fork" not in multiprocessing.get_all_start_methods():
        chunks = chunk_documents(documents)
        for chunk in _progress(chunks, len(documents), show, [len(c) for c in chunks]):
            yield chunk, document_columns([process_document(d, layer, user_dict) for d in chunk])
        return

    from .language.segment import prepare, user_tokenizer

    prepare()  # load the segmenter once, before the workers fork
    from .language.entities import find_mentions, name_tags

    name_tags()  # and jieba's name tags and the entity matcher, so that each worker does not build them again
    find_mentions("", general=layer.general_lexicon)
    find_mentions("")
    if user_dict is not None:
        user_tokenizer(user_dict)
    chunks = chunk_documents(documents, jobs)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        work = _in_order(pool, partial(_chunk_columns, layer=layer, user_dict=user_dict), chunks, 2 * jobs)
        yield from zip(chunks, _progress(work, len(documents), show, [len(c) for c in chunks]))


def _in_order(pool, function, items: list, ahead: int) -> Iterator:
    """``function(item)`` for each of *items*, computed by *pool*'s workers and given back in order, with at
    most *ahead* results waiting at a time: when the caller (writing the tables) is slower than the workers,
    finished chunks do not pile up in memory, as they would with ``Pool.imap``."""
    from collections import deque

    pending: deque = deque()
    upcoming = iter(items)
    for item in upcoming:
        pending.append(pool.apply_async(function, (item,)))
        if len(pending) >= ahead:
            break
    while pending:
        result = pending.popleft().get()  # a worker's exception is raised here, as by imap
        following = next(upcoming, None)
        if following is not None:
            pending.append(pool.apply_async(function, (following,)))
        yield result


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Join per-chunk tables; empty ones are left out so that column types stay as built."""
    import pandas as pd

    filled = [f for f in frames if len(f)]
    if len(filled) == 1:
        return filled[0]
    return pd.concat(filled, ignore_index=True) if filled else frames[0]


def _chunk_columns(documents: list[Document], layer: Layer,
                   user_dict: UserDictionary | None = None) -> dict[str, Columns]:
    return document_columns([process_document(d, layer, user_dict) for d in documents])


def _finish(tables: dict[str, pd.DataFrame], documents: list[Document], layer: Layer) -> dict[str, pd.DataFrame]:
    """The generic tables in the order of :data:`TABLES`, then the layer's own."""
    finished = {name: tables[name] for name in TABLES}
    finished.update(layer.tables(finished, documents))
    return finished


#: The columns of each generic table, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "title", "title_en", "authors", "publisher", "date", "language", "original_language",
                  "translation", "source_url", "file", "sha256", "encoding", "n_chars_raw", "n_sentences",
                  "n_body_sentences", "n_sections", "n_notes", "truncated", "script", "segmenter", "source_kind"),
    "sections": ("doc_id", "section_id", "part", "heading", "heading_sentence_id", "n_sentences"),
    "sentences": ("doc_id", "sentence_id", "section_id", "part", "kind", "paragraph", "raw_start", "raw_end",
                  "n_chars", "text"),
    "footnotes": ("doc_id", "number", "marker_sentence_id", "note_sentence_id", "marker_style", "authors", "year",
                  "title", "url", "text"),
    "tokens": ("doc_id", "sentence_id", "position", "token", "start", "end", "is_punct", "is_stopword"),
    "mentions": ("doc_id", "sentence_id", "surface", "entity", "label_en", "category", "form", "start", "end"),
    "cleaning_log": ("doc_id", "raw_start", "raw_end", "action", "reason", "before", "after"),
    "quality_flags": ("doc_id", "sentence_id", "kind", "severity", "evidence", "note", "source"),
}


def document_tables(processed: list[Processed]) -> dict[str, pd.DataFrame]:
    """The tables that come from the documents themselves (everything but hand coding and keyness).

    Each table is gathered column by column (:func:`document_columns`) and made into a data frame
    once; column types are those pandas infers from the lists, as for rows.
    """
    data = document_columns(processed)
    # one table at a time, each table's lists dropped as soon as its data frame holds the values
    return {name: _frame(name, data.pop(name)) for name in TABLES}


#: The columns of one table as lists of equal length (Python ``str``, ``int`` and ``bool`` values).
Columns = dict[str, list[object]]


def document_columns(processed: list[Processed]) -> dict[str, Columns]:
    """The values of :func:`document_tables`, before they become data frames: for each table of
    :data:`TABLES`, a list per column (of :data:`COLUMNS`), in document order."""
    data: dict[str, Columns] = {name: {column: [] for column in COLUMNS[name]} for name in TABLES}
    documents, sections, sentences = data["documents"], data["sections"], data["sentences"]
    footnotes_, tokens, mentions = data["footnotes"], data["tokens"], data["mentions"]
    log, flags = data["cleaning_log"], data["quality_flags"]
    labels: dict[str, tuple[str, str]] = {}
    for item in processed:
        doc = item.document
        doc_id = doc.doc_id
        st = item.structured
        meta = doc.meta
        values = {
            "doc_id": doc_id, "title": meta.get("title", ""), "title_en": meta.get("title_en", ""),
            "authors": meta.get("authors", ""), "publisher": meta.get("publisher", ""),
            "date": meta.get("date", ""), "language": meta.get("language", ""),
            "original_language": meta.get("original_language", ""),
            "translation": meta.get("translation", ""), "source_url": meta.get("source_url", ""),
            "file": meta.get("file", ""), "sha256": doc.sha256, "encoding": doc.encoding,
            "n_chars_raw": len(doc.text), "n_sentences": len(st.sentences),
            "n_body_sentences": sum(1 for s in st.sentences if s.part == "body" and s.kind == "sentence"),
            "n_sections": len(st.sections), "n_notes": sum(1 for f in item.footnotes if f.text),
            "truncated": st.truncated, "script": st.script, "segmenter": dictionary_version(item.user_dict),
            "source_kind": st.source_kind,
        }
        for column, value in values.items():
            documents[column].append(value)
        per_section = Counter(s.section_id for s in st.sentences)
        for section in st.sections:
            sections["doc_id"].append(doc_id)
            sections["section_id"].append(section.section_id)
            sections["part"].append(section.part)
            sections["heading"].append(section.heading)
            sections["heading_sentence_id"].append(section.heading_sentence_id)
            sections["n_sentences"].append(per_section[section.section_id])
        for s in st.sentences:
            sid = s.sentence_id
            sentences["doc_id"].append(doc_id)
            sentences["sentence_id"].append(sid)
            sentences["section_id"].append(s.section_id)
            sentences["part"].append(s.part)
            sentences["kind"].append(s.kind)
            sentences["paragraph"].append(s.paragraph)
            sentences["raw_start"].append(s.raw_start)
            sentences["raw_end"].append(s.raw_end)
            sentences["n_chars"].append(len(s.text))
            sentences["text"].append(s.text)
            words, starts, ends = item.tokens[sid]
            n = len(words)
            tokens["doc_id"].extend([doc_id] * n)
            tokens["sentence_id"].extend([sid] * n)
            tokens["position"].extend(range(n))
            tokens["token"].extend(words)
            tokens["start"].extend(starts)
            tokens["end"].extend(ends)
            for m in item.mentions[sid]:
                if m.entity:
                    if m.entity not in labels:
                        labels[m.entity] = label(m.entity)
                    label_en, category = labels[m.entity]
                else:
                    label_en, category = "", m.category
                mentions["doc_id"].append(doc_id)
                mentions["sentence_id"].append(sid)
                mentions["surface"].append(m.surface)
                mentions["entity"].append(m.entity)
                mentions["label_en"].append(label_en)
                mentions["category"].append(category)
                mentions["form"].append(m.form)
                mentions["start"].append(m.start)
                mentions["end"].append(m.end)
        for f in item.footnotes:
            for column, value in (("doc_id", f.doc_id), ("number", f.number),
                                  ("marker_sentence_id", f.marker_sentence_id),
                                  ("note_sentence_id", f.note_sentence_id), ("marker_style", f.marker_style),
                                  ("authors", f.authors), ("year", f.year), ("title", f.title), ("url", f.url),
                                  ("text", f.text)):
                footnotes_[column].append(value)
        for line in doc.decode_log:
            for column, value in (("doc_id", doc_id), ("raw_start", 0), ("raw_end", 0), ("action", "decode"),
                                  ("reason", line), ("before", ""), ("after", "")):
                log[column].append(value)
        for e in st.log:
            for column, value in (("doc_id", doc_id), ("raw_start", e.raw_start), ("raw_end", e.raw_end),
                                  ("action", e.action), ("reason", e.reason), ("before", e.before),
                                  ("after", e.after)):
                log[column].append(value)
        for flag in item.flags:
            for column, value in (("doc_id", flag.doc_id), ("sentence_id", flag.sentence_id), ("kind", flag.kind),
                                  ("severity", flag.severity), ("evidence", flag.evidence), ("note", flag.note),
                                  ("source", flag.source)):
                flags[column].append(value)
    kinds = {word: (is_punct(word), is_stopword(word)) for word in set(tokens["token"])}
    tokens["is_punct"] = [kinds[w][0] for w in tokens["token"]]
    tokens["is_stopword"] = [kinds[w][1] for w in tokens["token"]]
    return data


def _frame(name: str, columns: dict[str, list[object]]) -> pd.DataFrame:
    """A table from its columns.  An empty table keeps the column types it has always had: text
    columns of no rows are ``object`` (``float64`` for the tokens table's, with ``object`` flags)."""
    import numpy as np
    import pandas as pd

    if name == "tokens" and columns["doc_id"]:
        # the largest table, of known types: give them, instead of pandas inferring them from 600,000 values
        # (the same types it infers: text as pandas' default for strings, int64, bool)
        text = pd.Series(["x"]).dtype
        kinds = {"doc_id": text, "sentence_id": text, "position": np.int64, "token": text, "start": np.int64,
                 "end": np.int64, "is_punct": bool, "is_stopword": bool}
        return pd.DataFrame({c: pd.array(columns[c], dtype=kinds[c]) if kinds[c] is text
                             else np.array(columns[c], dtype=kinds[c]) for c in COLUMNS[name]})
    if columns[COLUMNS[name][0]]:
        return pd.DataFrame(columns, columns=list(COLUMNS[name]))
    if name != "tokens":
        return pd.DataFrame([], columns=list(COLUMNS[name]))
    frame = pd.DataFrame({c: columns[c] for c in COLUMNS[name][:6]})
    frame["is_punct"] = []
    frame["is_stopword"] = []
    return frame
