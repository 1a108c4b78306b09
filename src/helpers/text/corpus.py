"""Stage 1 of the pipeline: the corpus.

A corpus is a folder with a ``manifest.csv`` (at least ``doc_id`` and ``file``) and
the text files it names.  This module reads the manifest, verifies checksums, and
decodes each file to text, refusing bad input with a one-line :class:`HelpersError`.

The raw files are only ever read, never written.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .clean import HAN
from ..errors import HelpersError
from ..paths import LEXICON, RAW

#: Columns every manifest must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("doc_id", "file")
#: Columns the study's own manifest carries (a user's corpus may omit them).
DESCRIPTIVE_COLUMNS: tuple[str, ...] = (
    "title", "title_en", "authors", "publisher", "date", "language",
    "original_language", "translation", "source_url", "sha256",
)
_DOC_ID = re.compile(r"^[a-z][a-z0-9_]*$")
#: The largest file taken as one document.  A policy text is rarely above a megabyte;
#: a file of many megabytes is almost always several documents run together.
MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """One decoded text with its manifest row.

    Attributes:
        doc_id: the manifest's identifier, e.g. ``fes2024``.
        path: the file the text came from.
        text: the decoded raw text; every offset in the study points into it.
        meta: the manifest row (all columns, as strings).
        encoding: the encoding the bytes were decoded with.
        sha256: the checksum of the raw bytes.
        decode_log: decisions taken while decoding (BOM removed, GB18030 used, ...).
    """

    doc_id: str
    path: Path
    text: str
    meta: dict[str, str]
    encoding: str
    sha256: str
    decode_log: tuple[str, ...] = field(default_factory=tuple)


def read_manifest(corpus_dir: Path | str = RAW) -> list[dict[str, str]]:
    """Read and validate ``manifest.csv`` in *corpus_dir*.

    Raises:
        HelpersError: the folder or manifest is missing, a required column is
            missing, or a doc_id is empty, malformed or duplicated.
    """
    corpus_dir = Path(corpus_dir)
    manifest = corpus_dir / "manifest.csv"
    if not corpus_dir.is_dir():
        raise HelpersError(f"{corpus_dir}: corpus folder not found; pass an existing folder with --corpus.")
    if not manifest.is_file():
        raise HelpersError(
            f"{manifest}: manifest not found; create it with a header line 'doc_id,file' and one row per text."
        )
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip() for c in (reader.fieldnames or [])]
            raw_rows = list(reader)
    except UnicodeDecodeError:
        raise HelpersError(f"{manifest}: manifest is not UTF-8; re-save it as UTF-8 CSV.") from None
    except csv.Error as exc:
        raise HelpersError(f"{manifest}: not a valid CSV file ({exc}); fix the quoting.") from None
    rows = []
    for number, row in enumerate(raw_rows, start=2):
        if None in row:
            raise HelpersError(f"{manifest}, line {number}: more fields than the header has columns; "
                               "quote values that contain commas.")
        rows.append({(k or "").strip(): (v or "").strip() for k, v in row.items()})
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise HelpersError(
            f"{manifest}: missing column {', '.join(missing)}; the header needs at least 'doc_id,file'."
        )
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        doc_id = row["doc_id"]
        if not _DOC_ID.match(doc_id):
            raise HelpersError(
                f"{manifest}, line {number}: doc_id {doc_id!r} is not valid; use lower-case letters, digits and _ (e.g. 'mytext2025')."
            )
        if doc_id in seen:
            raise HelpersError(f"{manifest}, line {number}: duplicate doc_id {doc_id!r}; give each text its own doc_id.")
        if not row["file"]:
            raise HelpersError(f"{manifest}, line {number}: empty 'file' for {doc_id!r}; name the text file.")
        seen.add(doc_id)
    if not rows:
        raise HelpersError(f"{manifest}: the manifest lists no documents; add one row per text.")
    return rows


def decode_bytes(data: bytes, path: Path) -> tuple[str, str, tuple[str, ...]]:
    """Decode the bytes of a text file, trying the encodings Chinese texts come in.

    Order: a UTF-16/UTF-8 byte-order mark, then UTF-8, then GB18030 (a superset of
    GBK and GB2312).  CRLF line ends are kept here (offsets point into this text);
    the cleaning stage removes the carriage returns and logs it.

    Returns:
        ``(text, encoding, log)``.

    Raises:
        HelpersError: the file is empty, binary, an HTML page, or in no known encoding.
    """
    log: list[str] = []
    if not data.strip():
        raise HelpersError(f"{path}: the file is empty; put the document's text in it or remove its manifest row.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise HelpersError(f"{path}: starts with a UTF-16 mark but does not decode; re-save it as UTF-8.") from None
        encoding = "utf-16"
        log.append("decoded as UTF-16 (byte-order mark found)")
    else:
        if b"\x00" in data[:4096] or _looks_binary(data):
            raise HelpersError(f"{path}: this is a binary file, not text; export the document as a UTF-8 .txt file.")
        if data.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8-sig"
            log.append("UTF-8 byte-order mark removed")
        else:
            encoding = "utf-8"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text, encoding, note = _decode_legacy(data, path)
            log.append(note)
    if "\r\n" in text:
        log.append("CRLF line ends found (carriage returns are removed during cleaning)")
    elif "\r" in text:
        log.append("CR line ends (old Mac style) found (made line feeds during cleaning)")
    if not looks_like_html(text):
        require_chinese(text, path)
    return text, encoding, tuple(log)


def looks_like_html(text: str) -> bool:
    """True for a saved web page (``.html``, or HTML saved as ``.txt``)."""
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or len(
        re.findall(r"</?(?:div|p|span|body|head|script)\b", text[:20000], re.I)) > 5


_PAGE_MARKUP = re.compile(r"<(?:!doctype|html|head|body|script|style|meta)\b", re.I)
#: The loader's note for a text that carries HTML tags but is not a saved page (the structure stage reads it).
TEXT_WITH_TAGS_NOTE = ("text with HTML tags but no web page around them: kept as text, its tags made line breaks "
                       "or removed during cleaning")


def is_text_with_tags(text: str) -> bool:
    """True for text that carries HTML tags (``<p>``, ``<br>``, ``<span>``) but is not a saved web page:
    it opens with text rather than markup and has no page structure (``<html>``, ``<head>``, ``<body>``,
    ``<script>``).  Such text, pasted from a page's source, keeps all its lines; a main-text extractor
    would drop those outside the tags, such as the title line before them."""
    return not text.lstrip().startswith("<") and not _PAGE_MARKUP.search(text)


def require_chinese(text: str, path: Path) -> None:
    """Refuse a text without a single Chinese character (the wrong file, or text in another language)."""
    if not re.search(f"[{HAN}]", text):
        raise HelpersError(f"{path}: the text holds no Chinese characters; this pipeline analyses Chinese documents "
                           "(check that it is the right file, saved as UTF-8).")


def extract_main_text(page: str, path: Path) -> tuple[str, dict[str, str], str]:
    """The main text of a saved web page, its title, date and address, and a note of what was dropped.

    trafilatura (Apache-2.0) finds the article among navigation, share buttons, related-article lists,
    comments and footers.  Each extracted paragraph becomes a paragraph of the text, so the pipeline's
    offsets point into this extracted text (the checksum still covers the page's bytes).

    Raises:
        HelpersError: the page has no main text to extract.
    """
    import trafilatura

    main = _extract_with_line_breaks(page)
    if not main or not main.strip():
        raise HelpersError(f"{path}: an HTML page with no main text that could be extracted; save the page's visible "
                           "text as a UTF-8 .txt file.")
    info = trafilatura.extract_metadata(page)
    meta = {"title": (info.title or "") if info else "", "date": (info.date or "") if info else "",
            "source_url": (info.url or "") if info else ""}
    text = _paragraphs(main)
    visible = len(re.sub(r"\s+", "", re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]+>", "", page)))
    kept = len(re.sub(r"\s+", "", text))
    note = (f"HTML page: main text extracted with trafilatura {trafilatura.__version__} "
            f"({kept} of {visible} visible characters kept; navigation, sharing, "
            "related-article and footer blocks dropped); offsets point into the extracted text")
    return text, meta, note


#: Put after each ``<lb/>`` (an HTML ``<br>``) of the extracted tree, so that a line break inside a paragraph can be
#: told from the end of a paragraph in trafilatura's text; printable, so that its clean-up keeps it.
_LINE_BREAK_MARK = "\u27e6lb\u27e7"


def _extract_with_line_breaks(page: str) -> str | None:
    """trafilatura's main text of *page*, each ``<br>`` inside a paragraph marked with :data:`_LINE_BREAK_MARK`
    at the start of the line it begins.  The text is trafilatura's own text output (its ``xmltotxt`` of the
    extracted tree), the marks aside; where the page itself holds the mark, or trafilatura's internals are
    not what they were, its plain text output is used and every line is a paragraph."""
    import trafilatura

    options = dict(include_comments=False, include_tables=True, favor_precision=True, deduplicate=False)
    if _LINE_BREAK_MARK not in page:
        try:
            from trafilatura.utils import normalize_unicode
            from trafilatura.xml import xmltotxt

            extracted = trafilatura.bare_extraction(page, output_format="txt", **options)
            body = getattr(extracted, "body", None)
            if body is not None:
                for lb in body.iter("lb"):
                    lb.tail = _LINE_BREAK_MARK + (lb.tail or "")
                return normalize_unicode(xmltotxt(body, False))
        except ImportError:
            pass
    return trafilatura.extract(page, output_format="txt", **options)


def _paragraphs(main: str) -> str:
    """The extracted text with a blank line between paragraphs and a single line break where a ``<br>`` broke a
    paragraph's line, as in a text file, so that the structure stage joins a sentence that the break cut
    (…共同利益，<br>双方应当…) and keeps lines that stand apart (a byline and a date) apart."""
    out: list[str] = []
    for line in main.splitlines():
        continued = line.lstrip().startswith(_LINE_BREAK_MARK)
        line = line.replace(_LINE_BREAK_MARK, "").strip()
        if not line:
            continue
        out.append(("\n" if continued and out else "\n\n" if out else "") + line)
    return "".join(out) + "\n"


#: Below this share of common Chinese characters a legacy decoding is taken for garbage: Chinese text
#: scores 0.9 or more (the study texts 0.96 and 0.99), Japanese or Korean bytes read as GB18030 under 0.3.
MIN_COMMON_SHARE = 0.6


def _decode_legacy(data: bytes, path: Path) -> tuple[str, str, str]:
    """Decode bytes that are not UTF-8 as GB18030 (mainland: GBK, GB2312) or Big5 (Taiwan, Hong Kong).

    Both encodings accept many of the same byte sequences, so each successful decoding
    is scored by the share of its Han characters that are common ones
    (``data/lexicon/common_chars.txt``) and the better one wins; the log records both scores.
    """
    scores = {}
    texts = {}
    for encoding in ("gb18030", "big5"):
        try:
            texts[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        han = re.findall(f"[{HAN}]", texts[encoding])
        scores[encoding] = sum(c in _common_chars() for c in han) / len(han) if han else 0.0
    if not scores:
        raise HelpersError(f"{path}: not UTF-8, GB18030 or Big5 text (perhaps a Western, Japanese or Korean "
                           "encoding); re-save it as UTF-8.")
    best = max(scores, key=lambda e: (scores[e], e == "gb18030"))
    if scores[best] < MIN_COMMON_SHARE:
        raise HelpersError(
            f"{path}: not UTF-8, and read as GB18030 or Big5 it gives mostly rare characters (share of common "
            f"characters {scores[best]:.2f}), so it is probably in another encoding (Shift-JIS, EUC-KR, cp1252); "
            "re-save it as UTF-8.")
    described = ", ".join(f"{e} {scores[e]:.2f}" for e in sorted(scores))
    names = {"gb18030": "GB18030 (covers GBK and GB2312)", "big5": "Big5"}
    return texts[best], best, f"not valid UTF-8; decoded as {names[best]} (share of common characters: {described})"


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The common Chinese characters of ``data/lexicon/common_chars.txt``."""
    lines = (LEXICON / "common_chars.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


def _looks_binary(data: bytes) -> bool:
    """True when more than 5 % of the first 4 KiB are control bytes other than whitespace."""
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * len(sample)


def load_document(doc_id: str, corpus_dir: Path | str = RAW) -> Document:
    """Load one document of the corpus by its doc_id, verifying its checksum.

    Raises:
        HelpersError: unknown doc_id, missing file, checksum mismatch or bad bytes.
    """
    corpus_dir = Path(corpus_dir)
    rows = {row["doc_id"]: row for row in read_manifest(corpus_dir)}
    if doc_id not in rows:
        raise HelpersError(
            f"{corpus_dir / 'manifest.csv'}: unknown doc_id {doc_id!r}; known ids are {', '.join(sorted(rows))}."
        )
    return _load_row(rows[doc_id], corpus_dir)


def load_corpus(corpus_dir: Path | str = RAW) -> list[Document]:
    """Load every document listed in the manifest, in manifest order."""
    corpus_dir = Path(corpus_dir)
    return [_load_row(row, corpus_dir) for row in read_manifest(corpus_dir)]


def _load_row(row: dict[str, str], corpus_dir: Path) -> Document:
    path = corpus_dir / row["file"]
    if not path.is_file():
        raise HelpersError(
            f"{path}: file not found (listed for {row['doc_id']!r} in manifest.csv); add the file or fix the manifest row."
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise HelpersError(
            f"{path}: {size / 1024 / 1024:.1f} MB is more than the {MAX_BYTES // 1024 // 1024} MB taken as one "
            "document; split it into one file per text and list each in manifest.csv."
        )
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    expected = row.get("sha256", "").lower()
    log: list[str] = []
    if expected and expected != digest:
        raise HelpersError(
            f"{path}: checksum mismatch (manifest {expected[:12]}…, file {digest[:12]}…); restore the original file, "
            "or update sha256 in manifest.csv if you changed it on purpose."
        )
    if not expected:
        log.append(f"no sha256 in manifest; computed {digest}")
    text, encoding, decode_log = decode_bytes(data, path)
    meta = {column: row.get(column, "") for column in (*REQUIRED_COLUMNS, *DESCRIPTIVE_COLUMNS)}
    meta.update(row)
    if looks_like_html(text) and is_text_with_tags(text):
        require_chinese(text, path)
        decode_log = (*decode_log, TEXT_WITH_TAGS_NOTE)
    elif looks_like_html(text):
        text, page, note = extract_main_text(text, path)
        require_chinese(text, path)
        for column, value in page.items():  # the manifest's own cells win over the page's
            if value and not meta.get(column):
                meta[column] = value
        decode_log = (*decode_log, note)
    return Document(
        doc_id=row["doc_id"], path=path, text=text, meta=meta, encoding=encoding,
        sha256=digest, decode_log=tuple(log) + decode_log,
    )
