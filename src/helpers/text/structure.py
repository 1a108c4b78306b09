"""Stage 2b of the pipeline: structure.

Turns one decoded :class:`~helpers.text.corpus.Document` into parts (front, body, notes,
back), sections with headings, paragraphs and sentences, each sentence keeping its
raw offsets.  What is removed (web boilerplate, a repeated title) or repaired (a
sentence cut by a page break or a footnote block) is logged with its raw span.

The rules are written for the layouts Chinese policy texts arrive in: a PDF
extraction with footnote blocks at page breaks (the FES paper), a web page that
flattened a whole report into one line (the Carnegie excerpt), and pages a user
copies from the web, whose lines may be separated by ``<br>`` or runs of spaces.
What is repaired depends on the document's *source kind* (:func:`detect_source_kind`):
only a PDF extraction has sentences cut by page breaks.
"""

from __future__ import annotations

import bisect
import re
import statistics
from array import array
from dataclasses import dataclass, field

from . import clean
from .clean import CIRCLED, CJK, HAN, SUPERSCRIPT, TERMINAL, Marker
from .corpus import TEXT_WITH_TAGS_NOTE, Document
from .tracked import Edit, Tracked

PARTS: tuple[str, ...] = ("front", "body", "notes", "back")

# Paragraph boundaries: blank lines; inside a flattened page, a space after the end
# of a sentence, before a bullet or a copyright sign, and between a colon and a
# numbered list item.
_BLANK_LINES = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)+")
_INLINE_BREAK = re.compile(
    rf"(?<=[{TERMINAL}”」』])[ \t\u3000]+(?=\S)|[ \t\u3000]+(?=[•©])|(?<=[：:])(?=\d{{1,2}}[.．][^\d])"
)
# Headings that survive as words in flattened pages.
_CAPS_HEADING = re.compile(r"^(?P<head>(?:CHAPTER|PART|SECTION)\s?\d+|[A-Z]{5,}\d*)(?=\s+[^A-Za-z\s]|$)")
_CHAPTER = re.compile(r"^(?:CHAPTER|PART|SECTION)\s?\d+$|^第[一二三四五六七八九十\d]+[章节部分]$")
_WORD_HEADINGS = ("关于作者", "作者简介", "致谢", "目录", "摘要", "引言", "导言", "前言", "结论", "注释", "参考文献")
_WORD_HEADING = re.compile(rf"(?:(?<=\s)|^)(?P<head>{'|'.join(_WORD_HEADINGS)})(?=\s+\S)")
_TOC_HEADING = re.compile(r"^(?:TABLE\s?OF\s?CONTENTS|CONTENTS|目录)$", re.I)
_BODY_START = re.compile(r"^(?:INTRODUCTION|引言|导言|前言|CHAPTER\s?1|第一章)$", re.I)
_BACK_HEADING = re.compile(r"^(?:CONTACT|IMPRESSUM|IMPRINT|联系方式|联系我们|作者简介)$", re.I)
_ABOUT_AUTHOR = re.compile(rf"^[{HAN}·]{{2,12}}\s*[（(][A-Za-z][A-Za-z .\-]*[)）]\s*是")
# A footnote block: a note number, then a citation cue (参见 "see") or, after a space,
# an author and a bracketed year as in "Meier (2022)".  The number must stand alone
# (never 2022年 or 3个), so that running text is not taken for a note.
_NOTE = re.compile(
    rf"^(?P<num>[1-9]\d{{0,2}}|[{SUPERSCRIPT}]{{1,3}})(?![\d年月日个名项次.．、,，%])"
    rf"(?:\s*(?=参见|见|See |Vgl\.|cf\.)|\s+(?=[^\s（(]{{1,60}}[（(]\d{{4}}年?[)）]))"
    rf"|^(?P<circled>[{CIRCLED}])\s*(?=\S)"
)
# Numbered Chinese headings: 一、引言 and （二）透明度措施.
_CN_HEADING = re.compile(rf"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^{TERMINAL}，,；;]{{1,30}}$")
_PROSE = re.compile(f"[{TERMINAL}，,]")
_ENDS_SENTENCE = re.compile(rf"[{TERMINAL}：:；;…”」』）)]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:•|·|-\s|\d+[.．、])")


@dataclass
class Paragraph:
    """A paragraph (or heading, note, title line) while the structure is built."""

    text: Tracked
    kind: str  # prose, heading, title, toc, note, line
    part: str = "body"
    note_number: int | None = None


@dataclass(frozen=True)
class Section:
    """A section: its id, part, heading (may be empty) and position."""

    doc_id: str
    section_id: str
    part: str
    heading: str
    heading_sentence_id: str
    order: int


@dataclass(frozen=True)
class Sentence:
    """A sentence-level unit with its raw offsets.

    ``kind`` is ``sentence`` for running text, ``heading`` for a heading, ``note``
    for a footnote, ``toc`` for a table-of-contents entry and ``line`` for title,
    cover and contact lines.
    """

    doc_id: str
    sentence_id: str
    section_id: str
    part: str
    paragraph: int
    kind: str
    raw_start: int
    raw_end: int
    text: str
    offsets: array = field(repr=False, compare=False)


@dataclass
class Structured:
    """The structured text of one document and everything logged on the way."""

    document: Document
    sections: list[Section]
    sentences: list[Sentence]
    markers: list[Marker]
    log: list[Edit]
    truncated: bool
    notes: dict[int, Sentence]
    script: str = "simplified"
    source_kind: str = "plain"
    source_evidence: str = ""


# --------------------------------------------------------------------------- #
# Source kind: where the text came from decides what is repaired
# --------------------------------------------------------------------------- #
#: The kinds of source a text is detected as (:func:`detect_source_kind`).
SOURCE_KINDS: tuple[str, ...] = ("html", "pdf", "plain")
_PAGE_NUMBER_LINE = re.compile(r"^(?:(\d{1,3})|[-–—]\s*(\d{1,3})\s*[-–—]|第\s*(\d{1,3})\s*页)$")
_ENDS_LINE = re.compile(rf"[{TERMINAL}…”」』]$")


@dataclass(frozen=True)
class SourceKind:
    """What a text is an extraction of (one of :data:`SOURCE_KINDS`) and the evidence, in words."""

    kind: str
    evidence: str

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise ValueError(f"unknown source kind {self.kind!r}; use one of {', '.join(SOURCE_KINDS)}")


def detect_source_kind(document: Document, text: str) -> SourceKind:
    """Whether *text* (the document's normalised text) came from a web page, a PDF, or neither.

    ``html``: a saved web page (the loader extracted its main text) or text carrying HTML tags
    (``<br>``, ``<p>``).  ``pdf``: any sign of a PDF extraction (:func:`pdf_signs`).  ``plain``:
    neither, the usual case for text copied from a web page.  Only a PDF has page breaks, so only
    there are paragraphs that break off mid-sentence rejoined (:func:`repair_page_breaks`); in web
    text such a paragraph is a caption, a byline or a paragraph of its own.
    """
    if any(note.startswith("HTML page:") for note in document.decode_log):
        return SourceKind("html", "a saved web page, its main text extracted")
    if TEXT_WITH_TAGS_NOTE in document.decode_log:
        return SourceKind("html", "HTML tags in the text")
    signs = pdf_signs(text)
    if signs:
        return SourceKind("pdf", "; ".join(signs))
    if clean.HTML_TAG.search(text):
        return SourceKind("html", "HTML tags in the text")
    return SourceKind("plain", "no sign of a PDF extraction")


def pdf_signs(text: str) -> list[str]:
    """The signs in *text* that it was extracted from a PDF, in words (empty when there are none).

    Form feeds; page numbers standing alone on two or more lines, increasing, with text between
    them; a running head (the same short line three times or more); superscript note markers;
    footnote blocks in the middle of the text (a note followed by more running text); lines
    hard-wrapped to a similar length.  Each sign is one a web page does not show.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    signs = []
    if "\f" in text:
        signs.append("form feeds (page breaks)")
    numbers = [(i, int(next(g for g in m.groups() if g))) for i, m in
               ((i, _PAGE_NUMBER_LINE.match(line)) for i, line in enumerate(lines)) if m]
    if len(numbers) >= 2 and all(b[0] - a[0] >= 3 and b[1] > a[1] for a, b in zip(numbers, numbers[1:])):
        signs.append(f"{len(numbers)} page numbers standing alone")
    counts: dict[str, int] = {}
    for line in lines:
        if 4 <= len(line) <= 40 and not line.isdigit():
            counts[line] = counts.get(line, 0) + 1
    heads = [line for line, n in counts.items() if n >= 3 and not clean.boilerplate_reason(line)]
    if heads:
        signs.append(f"a running head repeated {counts[heads[0]]} times ({heads[0]})")
    if len(re.findall(f"[{SUPERSCRIPT}]+", text)) >= 2:
        signs.append("superscript note markers")
    if _notes_inside_text(lines):
        signs.append("footnote blocks inside the running text")
    if _hard_wrapped(lines):
        signs.append("lines hard-wrapped to a similar length")
    return signs


def _notes_inside_text(lines: list[str]) -> bool:
    """True when a numbered note with a citation cue (``1 参见…``) is followed by more running text, as
    where a PDF's footnotes stand at a page break; notes at the end of a web page do not count."""
    seen_note = False
    for line in lines:
        note = _NOTE.match(line)
        if note and note.group("num"):
            seen_note = True
        elif seen_note and len(line) >= 30 and re.search(f"[{HAN}]", line) and not clean.boilerplate_reason(line):
            return True
    return False


def _hard_wrapped(lines: list[str]) -> bool:
    """True when most of eight or more longer lines have nearly the same length and do not end a sentence."""
    long = [line for line in lines if len(line) >= 15]
    if len(long) < 8:
        return False
    median = statistics.median(len(line) for line in long)
    similar = [line for line in long if abs(len(line) - median) <= 0.15 * median]
    unfinished = [line for line in similar if not _ENDS_LINE.search(line)]
    return len(similar) >= 0.6 * len(long) and len(unfinished) >= 0.5 * len(similar)


# --------------------------------------------------------------------------- #
# Lines of web text
# --------------------------------------------------------------------------- #
# Whitespace inside a line: a run of two spaces or more, or an ideographic space (as wide as two), stands
# between two things that are really separate lines (menu items, the fields of a date/source line, a
# heading and its paragraph, two paragraphs whose line break was lost).
_SPACE_RUN = re.compile(r"(?<=\S)[ \t\u00a0\u2002\u2003\u3000]+(?=\S)")
_WIDE_SPACE = re.compile(r"[ \t\u00a0\u2002\u2003\u3000]{2,}|\u3000")
_CJK_CHAR = re.compile(f"[{CJK}]")
_HAN_CHAR = re.compile(f"[{HAN}]")
_DATELINE = re.compile(r"\d{1,2}日[电讯]$")
_OPENING, _CLOSING = "（(《“「『【[", "）)》”」』】]"


def _open_brackets(prefix: str) -> int:
    """How many brackets and quotation marks opened in *prefix* are still open at its end."""
    return sum(prefix.count(c) for c in _OPENING) - sum(prefix.count(c) for c in _CLOSING)


def _is_sentence(piece: str) -> bool:
    """True for a piece of a line that is a sentence of the text (eight Han characters or more and a sentence
    end), which a boilerplate rule matching the whole line must not take with it."""
    return len(_HAN_CHAR.findall(piece)) >= 8 and bool(re.search(f"[{TERMINAL}]", piece))


_BRACKET_PAIRS = {"（": "）", "(": ")", "【": "】", "[": "]"}
_LABEL = re.compile(r"[:：]\s*$")


def _prose_sentence(piece: str) -> bool:
    """True for a piece of a line that holds a sentence of prose: Han text (eight characters or more) that ends
    with sentence punctuation, perhaps followed by closing quotes or brackets."""
    for start, end in split_sentences(piece):
        sentence = piece[start:end].strip()
        if len(_HAN_CHAR.findall(sentence)) >= 8 and re.search(f"[{TERMINAL}][{_CLOSERS}]*$", sentence):
            return True
    return False


def _clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of *text* that a boilerplate match ``start:end`` stands for.

    A label at the start of the line (``来源：``, ``分享到：``) is the clause by itself; a match inside brackets
    (``（本文仅代表作者个人观点）``) takes the brackets; otherwise the clause is the sentence or sentences holding
    the match (``本文仅代表作者个人观点，不代表本站立场。``)."""
    if start == 0 and end - start <= 8 and _LABEL.search(text[start:end]):
        return start, end
    i = start - 1
    while i >= max(0, start - 60) and text[i] not in "（(【[）)】]":
        i -= 1
    if i >= 0 and text[i] in _BRACKET_PAIRS:
        close = _BRACKET_PAIRS[text[i]]
        j = end
        while j < min(len(text), end + 60) and text[j] not in "（(【[）)】]":
            j += 1
        if j < len(text) and text[j] == close:
            return i, j + 1
    spans = [(s, e) for s, e in split_sentences(text) if s < end and e > start]
    return (spans[0][0], spans[-1][1]) if spans else (start, end)


def clutter_clauses(text: str) -> list[tuple[int, int, str]] | None:
    """What a boilerplate rule removes from a line or paragraph: ``[(start, end, reason)]``, or None when no
    rule matches it.

    A line that is clutter through and through goes whole (one span over the whole line, with the reason of
    the first rule that matched).  Where the line also holds a sentence of prose beyond the clauses the rules
    matched (:func:`_prose_sentence`), only those clauses go, and the prose stays: ``…的权威。（本文仅代表作者
    个人观点）`` loses the bracket, ``来源：本文根据作者的发言整理而成。`` the label.  A sentence of such a
    line that is clutter by itself (``…。如有侵权请联系删除。``) is a clause too."""
    matches = clean.boilerplate_matches(text)
    if not matches:
        return None
    whole = [(0, len(text), matches[0][2])]
    clauses = sorted((*_clause_of(text, s, e), reason) for s, e, reason in matches)
    covered = _merge_spans(clauses)
    rest = [(a, b) for a, b in _gaps(covered, len(text)) if text[a:b].strip()]
    for a, b in rest:  # a sentence left over that a rule takes by itself
        for s, e in split_sentences(text[a:b]):
            reason = clean.boilerplate_reason(text[a + s:a + e].strip())
            if reason:
                clauses.append((a + s, a + e, reason))
    covered = _merge_spans(sorted(clauses))
    if not any(_prose_sentence(text[a:b]) for a, b in _gaps(covered, len(text))):
        return whole
    return covered


def _merge_spans(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping or touching spans merged, each keeping the reason of its first span."""
    out: list[tuple[int, int, str]] = []
    for start, end, reason in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end), out[-1][2])
        else:
            out.append((start, end, reason))
    return out


def _gaps(spans: list[tuple[int, int, str]], length: int) -> list[tuple[int, int]]:
    """The stretches of ``0:length`` that no span covers."""
    out, position = [], 0
    for start, end, _ in spans:
        if start > position:
            out.append((position, start))
        position = max(position, end)
    if position < length:
        out.append((position, length))
    return out


def cut_clauses(piece: Tracked, clauses: list[tuple[int, int, str]], log: list[Edit]) -> Tracked:
    """*piece* without the *clauses* (:func:`clutter_clauses`), each logged as ``remove_boilerplate`` with its
    raw span."""
    kept = piece.slice(0, 0)
    position = 0
    for start, end, reason in clauses:
        cut = piece.slice(start, end).strip()
        if cut.text:
            log.append(Edit(cut.raw_start, cut.raw_end, "remove_boilerplate", reason, cut.text, ""))
        kept = kept + piece.slice(position, start)
        position = end
    return (kept + piece.slice(position, len(piece))).strip()


def split_space_separated_lines(text: Tracked, log: list[Edit]) -> Tracked:
    """Break a web line where a run of spaces separates what are really two lines (logged as ``break_line``).

    A run separates when it is at least two spaces wide (an ideographic space counts two) and a
    Chinese character or mark stands on one side of it: ``网页  新闻``, ``15:57:36  来源：某网``,
    ``。　　第二段``.  It does not where both sides are Latin or digits (a double space in English
    text or inside a name), where it pads a label (``附　　件：``, one character before it), inside a
    date (``2024年　3月``), after a news dateline (``…4月1日电　``), inside brackets (``（记者　王某）``),
    or where the whole line is boilerplate anyway, so that the rule for the whole line removes all of
    it (unless a piece of the line is a sentence, which must not go with it).  The new line break
    maps to the first raw offset of the run it replaces.
    """
    source = text.text
    boilerplate: dict[int, bool] = {}
    # where the scan has got to, the start of its line and the brackets open there: kept as the runs are
    # visited in order, so that a long line is read once rather than once per run
    scan = {"pos": 0, "line_start": 0, "open": 0}

    def advance(to: int) -> None:
        segment = source[scan["pos"]:to]
        newline = segment.rfind("\n")
        if newline >= 0:
            scan["line_start"] = scan["pos"] + newline + 1
            scan["open"] = _open_brackets(source[scan["line_start"]:to])
        else:
            scan["open"] += _open_brackets(segment)
        scan["pos"] = to

    def repl(match: re.Match[str]) -> str:
        run, start, end = match.group(0), match.start(), match.end()
        if sum(2 if c == "\u3000" else 1 for c in run) < 2:
            return run
        before, after = source[start - 1], source[end]
        if not (_CJK_CHAR.match(before) or _CJK_CHAR.match(after)):
            return run
        advance(start)
        line_start = scan["line_start"]
        if _HAN_CHAR.match(before) and (start - 1 == line_start or source[start - 2].isspace()):
            return run  # a label padded to width (附　　件), or a name (李　明)
        if before in "0123456789年月" and after in "0123456789年月日":
            return run
        if _DATELINE.search(source, max(line_start, start - 6), start) or scan["open"] > 0:
            return run  # a news dateline (…4月1日电　正文) or a bracket (（记者　王某）) belongs to what follows
        line_end = source.find("\n", end)
        line_end = line_end if line_end >= 0 else len(source)
        if line_start not in boilerplate:
            line = source[line_start:line_end].strip()
            boilerplate[line_start] = bool(clean.boilerplate_reason(line)) and not any(
                _is_sentence(piece) for piece in _WIDE_SPACE.split(line))
        if boilerplate[line_start]:
            return run
        head = _WIDE_SPACE.split(source[line_start:start])[-1].strip()
        tail = _WIDE_SPACE.split(source[end:line_end], maxsplit=1)[0].strip()
        return "\n" if _separates(head, tail) else run

    return text.edit(_SPACE_RUN, repl, "break_line",
                     "run of spaces separating two lines of a web page: made a line break", log)


#: A piece of a line short enough to be a menu item, a label and its value or a field of a meta line.
_FIELD = re.compile(rf"[^{TERMINAL}，,；;]{{1,20}}")


def _separates(head: str, tail: str) -> bool:
    """True when a run of spaces between *head* (the piece of the line before it) and *tail* (the piece after
    it) separates two lines rather than two words of one sentence (中国的立场是  坚决反对…).

    It does after the end of a sentence (``。　　第二段``), after a numbered heading (``一、背景  正文``),
    between two short fields (``某研究网原创  阅读 12``; a piece with a comma or a sentence end is not one),
    and beside a piece that is boilerplate by itself (``分享到：微信 微博  正文…``)."""
    if re.search(f"[{TERMINAL}][{_CLOSERS}]*$", head) or _CN_HEADING.match(head):
        return True
    if _FIELD.fullmatch(head) and _FIELD.fullmatch(tail):
        return True
    return any(clean.boilerplate_reason(piece) or clean.junk_line_reason(piece) for piece in (head, tail) if piece)


# --------------------------------------------------------------------------- #
# Paragraphs
# --------------------------------------------------------------------------- #
def split_paragraphs(text: Tracked, log: list[Edit], *, languages: "Languages | None" = None,
                     content: set[int] | None = None) -> list[Tracked]:
    """Split the text into paragraphs and split off headings inside them.

    Within a block of lines (between blank lines), lines of web-page boilerplate and
    English lines interleaved with Chinese ones are dropped (and logged); a line that
    continues an unfinished prose line is joined to it (a wrapped line); other lines
    (titles, author and address lines) stay separate units.  Which English lines go depends on the page's
    *languages* (:func:`page_languages`).  The raw start of each row of a table is added to *content*, so that
    :func:`remove_boilerplate` leaves it too.
    """
    pieces: list[Tracked] = []
    for block in text.split(_BLANK_LINES):
        lines = [line.strip() for line in block.split(_NEWLINE) if line.text.strip()]
        tables = _table_rows(lines)
        if content is not None:
            content.update(lines[i].raw_start for i in tables)
        lines = _drop_lines(lines, log, languages, tables=tables)
        for group in _group_lines(lines):
            piece = group[0]
            for line in group[1:]:
                piece = _join(piece, line, text, log)
            for part in piece.split(_INLINE_BREAK):
                pieces.extend(_split_headings(part.strip()))
    return [p for p in pieces if p.text.strip()]


_NEWLINE = re.compile(r"\n")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def is_english(text: str, min_words: int = 5) -> bool:
    """True for a line or paragraph in English: at least *min_words* Latin words and
    letters that are at least 80 % Latin."""
    words = _LATIN_WORD.findall(text)
    if len(words) < min_words:  # most Chinese lines: decided without counting letters
        return False
    latin = sum(map(len, words))
    han = clean.han_count(text)
    return latin >= 0.8 * (latin + han)


def _drop_lines(lines: list[Tracked], log: list[Edit], languages: "Languages | None" = None, *,
                tables: set[int] | None = None) -> list[Tracked]:
    """Drop boilerplate lines, and English lines in a block that also has Chinese lines: on a bilingual page
    (:func:`page_languages`) every one, on another page the translation of a title or heading beside it, on a
    mostly English page none.

    A line is boilerplate by a rule of ``data/lexicon/boilerplate.csv``, as an anti-scraping junk
    string, or by its neighbours: the unlabelled rows of an encyclopedia infobox
    (:func:`_infobox_rows`) and a run of portal menu rows (:func:`_menu_rows`).  A line that also holds a
    sentence of prose loses only the clause a rule matched (:func:`clutter_clauses`); the rows of a table
    with numbers (:func:`_table_rows`) are content, whatever a rule for link rows says.  Without
    *languages* the page is taken for bilingual.  *tables* are those rows when the caller has found them
    already (``_table_rows(lines)``).
    """
    languages = languages or Languages(bilingual=True, mostly_english=False, english=0, chinese=0)
    cuts: dict[int, list[tuple[int, int, str]]] = {}
    reasons: list[str | None] = []
    if tables is None:
        tables = _table_rows(lines)
    for i, line in enumerate(lines):
        clauses = None if i in tables else clutter_clauses(line.text)
        if clauses and clauses[0][:2] != (0, len(line.text)):
            cuts[i] = clauses
            clauses = None
        reasons.append(clauses[0][2] if clauses else None if i in tables else clean.junk_line_reason(line.text))
    reasons = _menu_rows(lines, _infobox_rows(lines, reasons))
    kept = []
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if reason:
            log.append(Edit(line.raw_start, line.raw_end, "remove_boilerplate", reason, line.text, ""))
            continue
        kept.append(cut_clauses(line, cuts[i], log) if i in cuts else line)
    if languages.mostly_english or not any(clean.han_count(line.text) >= 4 and not is_english(line.text)
                                           for line in kept):  # no Chinese line
        return kept
    out = []
    for i, line in enumerate(kept):
        reason = None
        if not _is_translation_line(line.text) or _introduced_quotation(kept[i - 1].text if i else ""):
            pass
        elif languages.bilingual:
            reason = "English line interleaved with the Chinese text (a parallel translation)"
        elif _english_title(line.text) and any(_chinese_title(kept[j].text)
                                               for j in (i - 1, i + 1) if 0 <= j < len(kept)):
            reason = "English line beside a Chinese title or heading (its translation)"
        if reason:
            log.append(Edit(line.raw_start, line.raw_end, "remove_translation", reason, line.text, ""))
            continue
        out.append(line)
    return out


def _english_title(text: str) -> bool:
    """An English line that reads as a title: four to twenty words, no sentence end."""
    return 4 <= len(_LATIN_WORD.findall(text)) <= 20 and not re.search(r"[.!?;:]$", text)


def _chinese_title(text: str) -> bool:
    """A Chinese line that reads as a title or heading: four Han characters or more, at most forty characters,
    no comma or sentence end."""
    return len(_HAN_CHAR.findall(text)) >= 4 and len(text) <= 40 and not re.search(f"[{TERMINAL}，,；;：:]", text)


_BAR = re.compile(r"\s*[|｜]\s*")
_NUMBER_CELL = re.compile(r"[-+−]?\d[\d,.，]*\s*%?")


def _table_rows(lines: list[Tracked]) -> set[int]:
    """The positions of the rows of a table pasted as text (``法国 | 290 | 2023``): two or more lines in a row
    with the same number of cells (three or more) separated by bars, one of them with a number in a cell.
    A row of links (``首页 | 新闻 | 体育``) has no numbers and rarely a row of the same shape beside it."""
    def cells(text: str) -> int:
        parts = _BAR.split(text.strip().strip("|｜").strip())
        return len(parts) if len(parts) >= 3 and all(parts) else 0

    out: set[int] = set()
    i = 0
    while i < len(lines):
        n = cells(lines[i].text)
        j = i + 1
        while n and j < len(lines) and cells(lines[j].text) == n:
            j += 1
        run = range(i, j)
        if n and len(run) >= 2 and any(_NUMBER_CELL.fullmatch(cell) for k in run
                                      for cell in _BAR.split(lines[k].text.strip().strip("|｜").strip())):
            out.update(run)
        i = j
    return out


def _is_translation_line(text: str) -> bool:
    """True for a line that may be removed as English: English (:func:`is_english`) and without a single Han
    character, since a line with Chinese in it (会议由 Stockholm International Peace Research Institute) is
    Chinese text with an English name, never a translation.  (The Han character, the cheaper test, is
    looked for first.)"""
    return not _HAN_CHAR.search(text) and is_english(text)


#: A Chinese line that introduces an English quotation: …英文原文如下：, …原文：, …写道：
_INTRODUCES_QUOTATION = re.compile(rf"[{HAN}][^{TERMINAL}]*(?:原文|如下|写道|指出|表示|说|英文|全文)[^{TERMINAL}]{{0,6}}[：:]\s*$")


def _introduced_quotation(previous: str) -> bool:
    """True when the line before an English line introduces it as a quotation (…英文原文如下：)."""
    return bool(_INTRODUCES_QUOTATION.search(previous))


#: The reason of every boilerplate rule for a labelled infobox row starts with these words.
INFOBOX = "row of an encyclopedia infobox"
_SENTENCE_END = re.compile(f"[{TERMINAL}；;]")
_SHORT_VALUE = re.compile(rf"^[^{TERMINAL}，,；;：:]{{1,20}}$")
_MAP_CAPTION = re.compile(rf"^[^{TERMINAL}，,；;：:\s]{{2,30}}(参与国|参加国|缔约国|签署国|成员国)(分布)?(地图|图)?$")


def _infobox_rows(lines: list[Tracked], reasons: list[str | None]) -> list[str | None]:
    """Extend the reasons to the unlabelled rows of an encyclopedia infobox.

    Where a block holds two or more labelled infobox rows (``签署日1972年4月10日``, ``缔约方185``: rules
    whose reason starts with :data:`INFOBOX`), the rows between them without a sentence end
    (``保存处美国英国…``, a second place of signature ``苏联莫斯科``), short values right after the last
    one, and a map caption right before the first (``…公约参与国``) belong to the box too.
    """
    anchors = [i for i, reason in enumerate(reasons) if reason and reason.startswith(INFOBOX)]
    if len(anchors) < 2:
        return reasons
    out = list(reasons)
    first, last = anchors[0], anchors[-1]
    for i in range(first + 1, last):
        if not out[i] and len(lines[i].text) <= 80 and not _SENTENCE_END.search(lines[i].text):
            out[i] = f"{INFOBOX} (a row between its labelled rows)"
    i = last + 1
    while i < len(lines) and not out[i] and _SHORT_VALUE.match(lines[i].text):
        out[i] = f"{INFOBOX} (a value continued on the next line)"
        i += 1
    if first > 0 and not out[first - 1] and _MAP_CAPTION.match(lines[first - 1].text):
        out[first - 1] = "map caption of an encyclopedia infobox"
    return out


# A portal menu row: one to four items of one to four Han characters (an item may end in an English word,
# 中学Teens), separated by spaces, and nothing else.
_MENU_ROW = re.compile(rf"^[{HAN}]{{1,4}}(?:[A-Za-z]{{1,10}})?(?:\s+[{HAN}]{{1,4}}(?:[A-Za-z]{{1,10}})?){{0,3}}$")


def _menu_rows(lines: list[Tracked], reasons: list[str | None]) -> list[str | None]:
    """Extend the reasons to a portal's menu: a run of six or more menu rows (:data:`_MENU_ROW`, two of
    them with several items, ``纸质报纸 电子报纸``) among lines that are clutter anyway.

    A run introduced by a line ending in a colon is a list in the text (``主要议题：``) and stays; so does
    a shorter run, such as a title, an author and a date.
    """
    out = list(reasons)
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and (out[i] or _MENU_ROW.match(lines[i].text)):
            run.append(i)
            continue
        rows = [j for j in run if not out[j]]
        introduced = bool(run) and run[0] > 0 and re.search(r"[：:]$", lines[run[0] - 1].text)
        if len(rows) >= 6 and sum(len(lines[j].text.split()) >= 2 for j in rows) >= 2 and not introduced:
            for j in rows:
                out[j] = "portal menu (a run of short menu rows)"
        run = []
    return out


def _prose_like(text: str) -> bool:
    return len(text) > 40 or bool(re.search(f"[{TERMINAL}，,；;：:]", text))


def _continues(previous: Tracked, line: Tracked) -> bool:
    """True when *line* continues *previous* (a wrapped line, or a logo spelt over several lines)."""
    if re.fullmatch(r"[A-Z]+", previous.text.split(" ")[-1]) and re.fullmatch(r"[A-Z]+", line.text):
        return True
    if re.search(r"[.!?][\"'”’)]*$", previous.text) and is_english(previous.text) \
            and re.match(r"[A-Z\"“]", line.text):
        return False  # an English sentence ends the line, and the next begins a sentence
    return _prose_like(previous.text) and not re.search(rf"[{TERMINAL}…”」』]$", previous.text)


def _group_lines(lines: list[Tracked]) -> list[list[Tracked]]:
    groups: list[list[Tracked]] = []
    for line in lines:
        if groups and _continues(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _join(piece: Tracked, line: Tracked, text: Tracked, log: list[Edit]) -> Tracked:
    """Join a wrapped line to its piece: the line break becomes nothing between Chinese
    characters, a space otherwise (logged as ``join_line``)."""
    # where one raw character became several, the gap lies after the last of the piece's
    # and before the first of the line's
    start = bisect.bisect_right(text.offsets, piece.raw_end - 1) - 1
    end = bisect.bisect_left(text.offsets, line.raw_start)
    between = text.text[start + 1:end]
    if between.strip():
        # lines dropped in between (boilerplate, a translation) lie in the gap: join across the line break
        # that follows the piece only, so that nothing the log calls removed comes back
        run = len(between) - len(between.lstrip())
        bridge = text.slice(start, start + 1 + run) + text.slice(end, end + 1)
    else:
        bridge = text.slice(start, end + 1)
    gap = clean.join_lines(bridge, log)
    return piece + gap.slice(1, len(gap) - 1) + line


def _split_headings(piece: Tracked) -> list[Tracked]:
    """Separate headings that a flattened page glued to the following text."""
    out: list[Tracked] = []
    while piece.text:
        match = _WORD_HEADING.search(piece.text)
        if match and match.start() > 0:
            out.extend(_split_headings(piece.slice(0, match.start()).strip()))
            piece = piece.slice(match.start(), len(piece.text))
            continue
        if match:  # heading at the start
            out.append(piece.slice(0, match.end()))
            piece = piece.slice(match.end(), len(piece.text)).strip()
            continue
        caps = _CAPS_HEADING.match(piece.text)
        if caps:
            end = caps.end()
            rest = piece.text[end:]
            if _CHAPTER.match(caps.group("head")):
                title = re.match(r"\s+(\S+)(?=\s|$)", rest)
                if title and not re.search(f"[{TERMINAL}，,]", title.group(1)):
                    end += title.end()
            out.append(piece.slice(0, end))
            piece = piece.slice(end, len(piece.text)).strip()
            continue
        out.append(piece)
        break
    return [p for p in out if p.text]


def classify(piece: Tracked) -> Paragraph:
    """Give a paragraph its kind: note, heading, title/line, or prose."""
    text = piece.text
    note = _NOTE.match(text)
    if note:
        return Paragraph(piece, "note", "notes", clean.marker_number(note.group("num") or note.group("circled")))
    front_kind = clean.metadata_kind(text)
    if front_kind:
        return Paragraph(piece, front_kind, "front")
    if _CN_HEADING.match(text):
        return Paragraph(piece, "heading")
    if _CAPS_HEADING.fullmatch(text) or _CHAPTER.match(text.split(" ")[0]) or text in _WORD_HEADINGS:
        return Paragraph(piece, "heading")
    if _CAPS_HEADING.match(text) and _CHAPTER.match(_CAPS_HEADING.match(text).group("head")):
        return Paragraph(piece, "heading")
    if text.startswith("•"):
        return Paragraph(piece, "prose")
    short = len(text) <= 30 and not re.search(f"[{TERMINAL}，,；;：:、]", text)
    if short and re.search(f"[{HAN}]", text) and not re.match(r"[\d•]", text):
        return Paragraph(piece, "title")
    if _PROSE.search(text):
        return Paragraph(piece, "prose")
    return Paragraph(piece, "line")


# --------------------------------------------------------------------------- #
# Parts
# --------------------------------------------------------------------------- #
def assign_parts(paragraphs: list[Paragraph]) -> None:
    """Mark each paragraph as front, body, notes or back (in place).

    Front matter ends at the first body-opening heading (INTRODUCTION, 引言,
    CHAPTER 1, …) or, where there is none, at the first real prose paragraph.
    Back matter starts at an about-the-author paragraph or a contact heading
    after the body.  Notes stay notes wherever they sit.
    """
    opening = next((i for i, p in enumerate(paragraphs)
                    if p.kind == "heading" and _BODY_START.match(p.text.text.split(" ")[0])), None)
    if opening is None:
        prose = [i for i, p in enumerate(paragraphs) if p.kind == "prose"]
        opening = next((i for i in prose if len(paragraphs[i].text) >= 40), prose[0] if prose else 0)
        while opening > 0 and paragraphs[opening - 1].kind == "heading":  # a heading opens its section
            opening -= 1
    back = None
    for i in range(opening, len(paragraphs)):
        p = paragraphs[i]
        if p.kind == "note":
            continue
        if _ABOUT_AUTHOR.match(p.text.text) or (p.kind == "heading" and _BACK_HEADING.match(p.text.text)):
            back = i
            break
    for i, p in enumerate(paragraphs):
        if p.kind in ("note", "metadata", "abstract"):
            continue
        if i < opening:
            p.part = "front"
            if p.kind == "prose" and i > 0 and paragraphs[i - 1].kind == "heading" and \
                    _TOC_HEADING.match(paragraphs[i - 1].text.text):
                p.kind = "toc"
        elif back is not None and i >= back:
            p.part = "back"
        else:
            p.part = "body"
    for i, p in enumerate(paragraphs):
        if p.part == "front" and i > 0 and paragraphs[i - 1].kind == "heading" and \
                _TOC_HEADING.match(paragraphs[i - 1].text.text):
            p.kind = "toc"


def remove_boilerplate(paragraphs: list[Paragraph], log: list[Edit],
                       content: frozenset[int] | set[int] = frozenset()) -> list[Paragraph]:
    """Drop web-page boilerplate and repeated title lines, logging each; from a paragraph that also holds
    prose only the clutter clause goes (:func:`clutter_clauses`).  A paragraph starting at a raw offset in
    *content* (a row of a table) stays."""
    kept: list[Paragraph] = []
    seen_titles: set[str] = set()
    for p in paragraphs:
        text = p.text.text
        if p.text.raw_start in content:
            kept.append(p)
            continue
        clauses = clutter_clauses(text)
        if clauses and clauses[0][:2] != (0, len(text)):  # prose with a clutter clause: the clause goes
            p.text = cut_clauses(p.text, clauses, log)
            clauses = None
        reason = clauses[0][2] if clauses else None
        if reason is None and p.kind in ("title", "line", "heading") and p.part != "body" and text in seen_titles:
            reason = "repeated title line of the web page"
        if reason:
            log.append(Edit(p.text.raw_start, p.text.raw_end, "remove_boilerplate", reason, text, ""))
            continue
        if p.kind in ("title", "line"):
            seen_titles.add(text)
        kept.append(p)
    return kept


def remove_translations(paragraphs: list[Paragraph], log: list[Edit],
                        languages: "Languages | None" = None) -> list[Paragraph]:
    """Drop the English of a bilingual page, logging each paragraph removed (``remove_translation``).

    On a bilingual page (:func:`page_languages`) every English line or paragraph of four words or more goes:
    the parallel translation, the English title and headings.  On any other page only an English line of
    twenty words or fewer right before or after the Chinese title goes (the title's translation); English
    paragraphs stay (a quoted treaty article, an English abstract).  On a mostly English page nothing goes.
    A line with a Han character in it is Chinese text with an English name or term (:func:`_is_translation_line`)
    and always stays, and so does an English quotation that a Chinese line introduces (…英文原文如下：).
    Without *languages* the page is taken for bilingual (the behaviour before page profiles).
    """
    languages = languages or Languages(bilingual=True, mostly_english=False, english=0, chinese=0)
    if languages.mostly_english:
        return paragraphs
    beside_title = _beside_title(paragraphs)
    kept = []
    for i, p in enumerate(paragraphs):
        text = p.text.text
        reason = None
        if p.kind == "note" or not _is_translation_line(text) or not is_english(text, min_words=4):
            pass
        elif i and _introduced_quotation(paragraphs[i - 1].text.text):
            pass
        elif languages.bilingual:
            reason = ("English paragraph of a bilingual page (a parallel translation)"
                      if p.part == "body" and p.kind in ("prose", "line") and is_english(text, min_words=8)
                      else "English line of a bilingual page (a parallel translation)")
        elif i in beside_title and len(_LATIN_WORD.findall(text)) <= 20:
            reason = "English line beside the Chinese title (the title's translation)"
        if reason:
            log.append(Edit(p.text.raw_start, p.text.raw_end, "remove_translation", reason, text, ""))
            continue
        kept.append(p)
    return kept


def _is_chinese(text: str) -> bool:
    return len(re.findall(f"[{HAN}]", text)) >= 4 and not is_english(text)


@dataclass(frozen=True)
class Languages:
    """The languages of a page: whether it is bilingual (Chinese with a parallel English translation) or
    mostly English, with the number of English and Chinese lines counted."""

    bilingual: bool
    mostly_english: bool
    english: int
    chinese: int

    def note(self) -> str:
        """A one-line warning for the cleaning log of a mostly English page."""
        return (f"the text is mostly English ({self.english} English line(s), {self.chinese} Chinese): kept as it is, "
                "nothing removed as a translation; this pipeline analyses Chinese texts, so check that it is the "
                "right file")


def page_languages(text: str) -> Languages:
    """Whether the page *text* is bilingual, mostly English, or Chinese with some English in it.

    Lines of boilerplate are not counted.  English lines are those of four words or more without a Han
    character (:func:`_is_translation_line`); Chinese lines have four Han characters or more.  The page is
    *mostly English* when its Latin letters outnumber twelve times its Han characters (an English letter
    count about three times the Han count is a translation's), and *bilingual* when it is not mostly English
    and holds two or more English lines, at least a third as many as Chinese ones, not counting an English
    line right before or after the first Chinese line (the title's translation).  A Chinese page that quotes
    an English sentence or carries an English title and address is neither, and keeps its English."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [line for line in lines if not clean.boilerplate_reason(line) and not clean.junk_line_reason(line)]
    english: list[int] = []
    chinese: list[int] = []
    latin = han = 0
    for i, line in enumerate(lines):  # each line read once, for is_english, _is_translation_line and _is_chinese
        words = _LATIN_WORD.findall(line)
        line_latin = sum(map(len, words))
        line_han = clean.han_count(line)
        english_line = len(words) >= 5 and line_latin >= 0.8 * (line_latin + line_han)  # is_english(line)
        if english_line and not line_han:  # _is_translation_line(line) (and so is_english(line, min_words=4))
            english.append(i)
        elif line_han >= 4 and not english_line:  # _is_chinese(line)
            chinese.append(i)
        latin += line_latin
        han += line_han
    mostly_english = bool(english) and latin > 12 * han
    title = {chinese[0] - 1, chinese[0] + 1} if chinese else set()
    parallel = [i for i in english if i not in title]
    bilingual = not mostly_english and len(parallel) >= 2 and 3 * len(parallel) >= len(chinese)
    return Languages(bilingual, mostly_english, len(english), len(chinese))


def _beside_title(paragraphs: list[Paragraph]) -> set[int]:
    """The positions right before and after the document's title: its first front-matter title, line or
    heading with Chinese characters."""
    for i, p in enumerate(paragraphs):
        if p.part != "front":
            break
        if p.kind in ("title", "line", "heading") and re.search(f"[{HAN}]", p.text.text):
            return {i - 1, i + 1}
    return set()


def repair_page_breaks(paragraphs: list[Paragraph], log: list[Edit],
                       source: SourceKind | None = None) -> list[Paragraph]:
    """Join body paragraphs that a page break or a footnote block cut mid-sentence.

    A body prose paragraph that does not end a sentence is joined to the next body
    paragraph, skipping any note blocks in between (they stay notes).  List items
    and headings are never joined.  Only a PDF extraction has page breaks: in a text of
    another *source* kind (a web page) two paragraphs stay two, and each break that would
    have been joined is logged as kept (``keep_paragraph_break``) with the kind and its evidence.
    Without a *source*, the text is taken for a PDF extraction (the behaviour before source kinds).
    """
    if source is not None and source.kind != "pdf":
        for p, following in _breaks_to_join(paragraphs):
            head, tail = p.text.text.rstrip(SUPERSCRIPT + " ")[-4:], following.text.text[:4]
            log.append(Edit(p.text.raw_end, following.text.raw_start, "keep_paragraph_break",
                            f"paragraph ends mid-sentence but is not joined to the next (…{head}|{tail}…): the "
                            f"text is not a PDF extraction (source kind {source.kind}: {source.evidence})", "", ""))
        return paragraphs
    out: list[Paragraph] = []
    pending: Paragraph | None = None
    skipped_notes = 0
    for p in paragraphs:
        if pending is not None and p.kind == "note":
            out.append(p)
            skipped_notes += 1
            continue
        if pending is not None:
            if _joinable(p):
                head, tail = pending.text.text.rstrip(SUPERSCRIPT + " ")[-4:], p.text.text[:4]
                where = f"across {skipped_notes} footnote block(s)" if skipped_notes else "across a paragraph break"
                log.append(Edit(pending.text.raw_end, p.text.raw_start, "join_page_break",
                                f"sentence cut at a page break, rejoined {where}: …{head}|{tail}…", "", ""))
                pending.text = pending.text + p.text
                if not _ENDS_SENTENCE.search(pending.text.text.rstrip(SUPERSCRIPT + " ")):
                    skipped_notes = 0
                    continue
                pending = None
                skipped_notes = 0
                continue
            pending = None
            skipped_notes = 0
        if _breaks_off(p):
            pending = p
            skipped_notes = 0
        out.append(p)
    return out


def _breaks_off(p: Paragraph) -> bool:
    """True for a body prose paragraph (not a list item) that does not end a sentence."""
    return (p.part == "body" and p.kind == "prose" and not _LIST_ITEM.match(p.text.text)
            and not _ENDS_SENTENCE.search(p.text.text.rstrip(SUPERSCRIPT + " ")))


def _joinable(p: Paragraph) -> bool:
    """True for a body paragraph that can continue a sentence cut at a page break."""
    return p.part == "body" and p.kind in ("prose", "line") and not _LIST_ITEM.match(p.text.text)


def _breaks_to_join(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, Paragraph]]:
    """The pairs (paragraph that breaks off, the next paragraph that is not a note) that a page-break
    repair would join."""
    pairs = []
    for i, p in enumerate(paragraphs):
        if not _breaks_off(p):
            continue
        following = next((q for q in paragraphs[i + 1:] if q.kind != "note"), None)
        if following is not None and _joinable(following):
            pairs.append((p, following))
    return pairs


# --------------------------------------------------------------------------- #
# Sentences
# --------------------------------------------------------------------------- #
_OPEN = {"《": "》", "“": "”", "「": "」", "『": "』"}
_CLOSERS = "”’」』）)"
_CLOSING_QUOTES = "".join(_OPEN.values())
#: A news agency's end mark (（完）, 【完】): it closes the story, so the sentence before it decides truncation.
_END_MARK = re.compile(r"[（(【\[]\s*完\s*[）)】\]]")


#: The characters :func:`split_sentences` acts on: quotes and brackets that nest, and sentence ends.
_SENTENCE_MARKS = re.compile("[" + re.escape("".join(_OPEN) + "".join(_OPEN.values()) + TERMINAL + "…") + "]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in one paragraph.

    A sentence ends at 。！？ (or ?!, or an ellipsis ……) plus any closing quotes or
    brackets, but never inside 《…》 or “…”.  If the quotes do not balance, they are
    ignored rather than swallowing the rest of the paragraph.

    Only the characters in :data:`_SENTENCE_MARKS` can change the state, so the scan jumps from
    one to the next (a regular expression finds them) rather than looking at every character.
    """
    length = len(text)
    for respect_quotes in (True, False):
        spans: list[tuple[int, int]] = []
        start, stack, i = 0, [], 0
        balanced = True
        for mark in _SENTENCE_MARKS.finditer(text):
            j = mark.start()
            if j < i:  # consumed with the closing marks of the previous sentence
                continue
            char = text[j]
            if respect_quotes:
                if char in _OPEN:
                    stack.append(_OPEN[char])
                elif stack and char == stack[-1]:
                    stack.pop()
                elif char in _CLOSING_QUOTES:
                    balanced = False
            ellipsis = text.startswith("……", j)
            if (char in TERMINAL or ellipsis) and not stack:
                i = j + (2 if ellipsis else 1)
                while i < length and (text[i] in _CLOSERS or text[i] in TERMINAL):
                    i += 1
                spans.append((start, i))
                start = i
            else:
                i = j + 1
        if start < length:
            spans.append((start, length))
        if not respect_quotes or (balanced and not stack):
            break
    return [(s, e) for s, e in spans if text[s:e].strip()]


# --------------------------------------------------------------------------- #
# The whole stage
# --------------------------------------------------------------------------- #
def structure(document: Document) -> Structured:
    """Clean and structure one document.

    Returns:
        A :class:`Structured` with sections, sentences (with raw offsets), the
        note markers removed, the cleaning log, whether the text is truncated, and the
        source kind it was detected as (with the evidence).
    """
    log: list[Edit] = []
    markers: list[Marker] = []
    text = clean.normalise_line_ends(Tracked.from_raw(document.text), log)
    text, script = clean.to_simplified(text, log)
    source = detect_source_kind(document, text.text)
    text = clean.convert_html(text, log)
    text = clean.strip_web_debris(text, log)
    if source.kind != "pdf":  # in a PDF, runs of spaces are justification, not line breaks
        text = split_space_separated_lines(text, log)
    languages = page_languages(text.text)
    if languages.mostly_english:
        log.append(Edit(0, 0, "decode", languages.note(), "", ""))
    content: set[int] = set()
    paragraphs = [classify(p) for p in split_paragraphs(text, log, languages=languages, content=content)]
    for p in paragraphs:
        if p.text.raw_start in content:
            p.kind = "line"  # a row of a table: neither a heading nor a title
    assign_parts(paragraphs)
    paragraphs = remove_boilerplate(paragraphs, log, content)
    paragraphs = remove_translations(paragraphs, log, languages)
    paragraphs = repair_page_breaks(paragraphs, log, source)

    expected = [1]
    for p in paragraphs:
        if p.kind == "note":
            number = re.match(rf"\d{{1,3}}|[{SUPERSCRIPT}]{{1,3}}|[{CIRCLED}]", p.text.text)
            assert number is not None
            log.append(Edit(p.text.offsets[0], p.text.offsets[number.end() - 1] + 1, "strip_note_marker",
                            f"number of note {p.note_number} at the start of the note", number.group(0), ""))
            p.text = p.text.slice(number.end(), len(p.text)).strip()
        else:
            p.text = clean.strip_symbol_markers(p.text, log, markers)
            if p.part == "body":
                p.text = clean.strip_fused_markers(p.text, log, markers, expected)
        p.text = clean.clean_piece(p.text, log, prose=p.part in ("body", "notes")).strip()

    sections, sentences, notes = _build_units(document.doc_id, paragraphs)
    body = [s for s in sentences if s.part == "body" and s.kind == "sentence" and not _END_MARK.fullmatch(s.text)]
    truncated = bool(body) and not (re.search(rf"[{TERMINAL}…][{_CLOSERS}]*$", body[-1].text) or (
        is_english(body[-1].text) and re.search(r"[.!?][\"'”’)]*$", body[-1].text)))
    log.sort(key=lambda e: (e.raw_start, e.raw_end, e.action))
    return Structured(document, sections, sentences, markers, log, truncated, notes, script,
                      source.kind, source.evidence)


def _is_last_in_part(paragraph: Paragraph, paragraphs: list[Paragraph]) -> bool:
    """True when no paragraph of the same part follows *paragraph*."""
    index = paragraphs.index(paragraph)
    return not any(p.part == paragraph.part for p in paragraphs[index + 1:])


def _build_units(doc_id: str, paragraphs: list[Paragraph]) -> tuple[list[Section], list[Sentence], dict[int, Sentence]]:
    """Number sections and sentences in reading order: front, body, notes, back."""
    order = {part: i for i, part in enumerate(PARTS)}
    ordered = sorted(enumerate(paragraphs), key=lambda ip: (order[ip[1].part], ip[0]))
    sections: list[Section] = []
    sentences: list[Sentence] = []
    notes: dict[int, Sentence] = {}
    current: dict[str, str] = {}
    paragraph_no = 0

    def new_section(part: str, heading: str) -> str:
        section_id = f"{doc_id}-sec{len(sections):02d}"
        next_id = f"{doc_id}-{len(sentences) + 1:04d}"
        sections.append(Section(doc_id, section_id, part, heading, next_id if heading else "", len(sections)))
        current[part] = section_id
        return section_id

    for _, p in ordered:
        paragraph_no += 1
        starts_section = p.kind == "heading" and p.part in ("front", "body", "back")
        if p.kind == "title" and p.part == "body":
            if _is_last_in_part(p, paragraphs):
                p.kind = "prose"  # a fragment the text breaks off with, not a heading
            else:
                starts_section = True
        if starts_section:
            section_id = new_section(p.part, p.text.text)
        elif p.part not in current:
            section_id = new_section(p.part, "")
        else:
            section_id = current[p.part]
        if p.kind in ("heading", "title", "line", "toc", "note", "metadata"):
            kind = {"title": "heading" if p.part == "body" else "line", "note": "note"}.get(p.kind, p.kind)
            spans = [(0, len(p.text))]
        else:
            kind = "sentence"
            spans = split_sentences(p.text.text)
        for start, end in spans:
            piece = p.text.slice(start, end).strip()
            if not piece.text:
                continue
            sentence = Sentence(doc_id, f"{doc_id}-{len(sentences) + 1:04d}", section_id, p.part,
                                paragraph_no, kind, piece.raw_start, piece.raw_end, piece.text, piece.offsets)
            sentences.append(sentence)
            if p.kind == "note" and p.note_number is not None:
                notes[p.note_number] = sentence
    return sections, sentences, notes
