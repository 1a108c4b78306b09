"""Stage 2b of the pipeline: structure.

Turns one decoded :class:`~helpers.text.corpus.Document` into parts (front, body, notes,
back), sections with headings, paragraphs and sentences, each sentence keeping its
raw offsets.  What is removed (web boilerplate, a repeated title) or repaired (a
sentence cut by a page break or a footnote block) is logged with its raw span.

The rules are written for the layouts Chinese policy texts arrive in: a PDF
extraction with footnote blocks at page breaks (the FES paper), and a web page that
flattened a whole report into one line (the Carnegie excerpt).
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field

from . import clean
from .clean import CIRCLED, CJK, HAN, SUPERSCRIPT, TERMINAL, Marker
from .corpus import Document
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


# --------------------------------------------------------------------------- #
# Paragraphs
# --------------------------------------------------------------------------- #
def split_paragraphs(text: Tracked, log: list[Edit]) -> list[Tracked]:
    """Split the text into paragraphs and split off headings inside them.

    Within a block of lines (between blank lines), lines of web-page boilerplate and
    English lines interleaved with Chinese ones are dropped (and logged); a line that
    continues an unfinished prose line is joined to it (a wrapped line); other lines
    (titles, author and address lines) stay separate units.
    """
    pieces: list[Tracked] = []
    for block in text.split(_BLANK_LINES):
        lines = [line.strip() for line in block.split(_NEWLINE) if line.text.strip()]
        lines = _drop_lines(lines, log)
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
    latin = sum(len(w) for w in _LATIN_WORD.findall(text))
    han = len(re.findall(f"[{HAN}]", text))
    return len(_LATIN_WORD.findall(text)) >= min_words and latin >= 0.8 * (latin + han)


def _drop_lines(lines: list[Tracked], log: list[Edit]) -> list[Tracked]:
    """Drop boilerplate lines, and English lines in a block that also has Chinese lines."""
    kept = []
    for line in lines:
        reason = clean.boilerplate_reason(line.text)
        if reason:
            log.append(Edit(line.raw_start, line.raw_end, "remove_boilerplate", reason, line.text, ""))
            continue
        kept.append(line)
    chinese = [line for line in kept if len(re.findall(f"[{HAN}]", line.text)) >= 4 and not is_english(line.text)]
    if not chinese:
        return kept
    out = []
    for line in kept:
        if is_english(line.text):
            log.append(Edit(line.raw_start, line.raw_end, "remove_translation",
                            "English line interleaved with the Chinese text (a parallel translation)", line.text, ""))
            continue
        out.append(line)
    return out


def _prose_like(text: str) -> bool:
    return len(text) > 40 or bool(re.search(f"[{TERMINAL}，,；;：:]", text))


def _continues(previous: Tracked, line: Tracked) -> bool:
    """True when *line* continues *previous* (a wrapped line, or a logo spelt over several lines)."""
    if re.fullmatch(r"[A-Z]+", previous.text.split(" ")[-1]) and re.fullmatch(r"[A-Z]+", line.text):
        return True
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


def remove_boilerplate(paragraphs: list[Paragraph], log: list[Edit]) -> list[Paragraph]:
    """Drop web-page boilerplate and repeated title lines, logging each."""
    kept: list[Paragraph] = []
    seen_titles: set[str] = set()
    for p in paragraphs:
        text = p.text.text
        reason = clean.boilerplate_reason(text)
        if reason is None and p.kind in ("title", "line", "heading") and p.part != "body" and text in seen_titles:
            reason = "repeated title line of the web page"
        if reason:
            log.append(Edit(p.text.raw_start, p.text.raw_end, "remove_boilerplate", reason, text, ""))
            continue
        if p.kind in ("title", "line"):
            seen_titles.add(text)
        kept.append(p)
    return kept


def remove_translations(paragraphs: list[Paragraph], log: list[Edit]) -> list[Paragraph]:
    """Drop English paragraphs from the body of a Chinese text (a bilingual page's parallel
    translation), logging each; English in front and back matter (names, addresses) stays."""
    kept = []
    for p in paragraphs:
        if p.part == "body" and p.kind in ("prose", "line") and is_english(p.text.text, min_words=8):
            log.append(Edit(p.text.raw_start, p.text.raw_end, "remove_translation",
                            "English paragraph in a Chinese text (a parallel translation)", p.text.text, ""))
            continue
        kept.append(p)
    return kept


def repair_page_breaks(paragraphs: list[Paragraph], log: list[Edit]) -> list[Paragraph]:
    """Join body paragraphs that a page break or a footnote block cut mid-sentence.

    A body prose paragraph that does not end a sentence is joined to the next body
    paragraph, skipping any note blocks in between (they stay notes).  List items
    and headings are never joined.
    """
    out: list[Paragraph] = []
    pending: Paragraph | None = None
    skipped_notes = 0
    for p in paragraphs:
        if pending is not None and p.kind == "note":
            out.append(p)
            skipped_notes += 1
            continue
        if pending is not None:
            if p.part == "body" and p.kind in ("prose", "line") and not _LIST_ITEM.match(p.text.text):
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
        if (p.part == "body" and p.kind == "prose" and not _LIST_ITEM.match(p.text.text)
                and not _ENDS_SENTENCE.search(p.text.text.rstrip(SUPERSCRIPT + " "))):
            pending = p
            skipped_notes = 0
        out.append(p)
    return out


# --------------------------------------------------------------------------- #
# Sentences
# --------------------------------------------------------------------------- #
_OPEN = {"《": "》", "“": "”", "「": "」", "『": "』"}
_CLOSERS = "”’」』）)"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in one paragraph.

    A sentence ends at 。！？ (or ?!, or an ellipsis ……) plus any closing quotes or
    brackets, but never inside 《…》 or “…”.  If the quotes do not balance, they are
    ignored rather than swallowing the rest of the paragraph.
    """
    for respect_quotes in (True, False):
        spans: list[tuple[int, int]] = []
        start, stack, i = 0, [], 0
        balanced = True
        while i < len(text):
            char = text[i]
            if respect_quotes and char in _OPEN:
                stack.append(_OPEN[char])
            elif respect_quotes and stack and char == stack[-1]:
                stack.pop()
            elif respect_quotes and char in _OPEN.values():
                balanced = False
            ends = char in TERMINAL or text.startswith("……", i)
            if ends and not stack:
                i += 2 if text.startswith("……", i) else 1
                while i < len(text) and (text[i] in _CLOSERS or text[i] in TERMINAL):
                    i += 1
                spans.append((start, i))
                start = i
                continue
            i += 1
        if start < len(text):
            spans.append((start, len(text)))
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
        note markers removed, the cleaning log, and whether the text is truncated.
    """
    log: list[Edit] = []
    markers: list[Marker] = []
    text = clean.normalise_line_ends(Tracked.from_raw(document.text), log)
    text, script = clean.to_simplified(text, log)
    paragraphs = [classify(p) for p in split_paragraphs(text, log)]
    assign_parts(paragraphs)
    paragraphs = remove_boilerplate(paragraphs, log)
    paragraphs = remove_translations(paragraphs, log)
    paragraphs = repair_page_breaks(paragraphs, log)

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
    body = [s for s in sentences if s.part == "body" and s.kind == "sentence"]
    truncated = bool(body) and not re.search(rf"[{TERMINAL}…][{_CLOSERS}]*$", body[-1].text)
    log.sort(key=lambda e: (e.raw_start, e.raw_end, e.action))
    return Structured(document, sections, sentences, markers, log, truncated, notes, script)


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
