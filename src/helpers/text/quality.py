"""The quality audit: defects of each text, with their evidence.

Two sources feed ``quality_flags.csv``:

- **rules** (this module) detect what can be detected mechanically: boilerplate,
  truncation, page-break splits, leftover markup, fused note numbers, missing
  notes, stray English words, glued Latin words, untranslated headings, a mangled
  table of contents, mistranslated names and inconsistent renderings;
- **careful reading**, recorded as reviewable data for particular documents and added by
  a layer (the study's: :mod:`helpers.study.review`).

Every flag has a **severity** (:data:`SEVERITIES`): a rule-based flag takes the default
of its kind (:data:`KIND_SEVERITY`); a reviewed flag carries the severity set by hand.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .clean import HAN
from ..language.entities import Mention
from ..errors import HelpersError
from .notes import Footnote, SentenceIndex
from .structure import Sentence, Structured

KINDS: tuple[str, ...] = (
    "boilerplate", "truncation", "page_break_split", "leftover_markup", "fused_note_marker",
    "missing_notes", "stray_foreign_word", "spacing_artifact", "untranslated_heading",
    "mangled_structure", "translation_error", "inconsistent_rendering", "interpolated_passage",
    "broken_url", "parallel_translation", "converted_script",
)


SEVERITIES: tuple[str, ...] = ("meaning-changing", "naming", "cosmetic")
"""How much a flagged defect matters to a reader of the Chinese, worst first.

- ``meaning-changing``: a reader of the Chinese would understand something different from
  what the original says: a wrong fact, a wrong actor, a reversed or distorted sense, or
  text that does not belong to the original;
- ``naming``: a name, title or term is rendered wrongly or inconsistently, but the sense of
  the sentence survives;
- ``cosmetic``: formatting, spacing or extraction debris that does not change what is said.
"""

KIND_SEVERITY: dict[str, str] = {
    "boilerplate": "cosmetic",
    "truncation": "cosmetic",
    "page_break_split": "cosmetic",
    "leftover_markup": "cosmetic",
    "fused_note_marker": "cosmetic",
    "missing_notes": "cosmetic",
    "stray_foreign_word": "cosmetic",
    "spacing_artifact": "cosmetic",
    "untranslated_heading": "cosmetic",
    "broken_url": "cosmetic",
    "parallel_translation": "cosmetic",
    "converted_script": "cosmetic",
    "mangled_structure": "naming",
    "translation_error": "naming",
    "inconsistent_rendering": "naming",
    "interpolated_passage": "meaning-changing",
}
"""The default severity of a flag of each kind (used for rule-based flags).

Why:

- the **cosmetic** kinds are debris of extraction or conversion. Boilerplate, markup, parallel
  translations and note numbers are removed and logged, page-break splits rejoined, and
  scripts converted, so that what the text says is unchanged; a stray English word, glued
  Latin words, an English heading or a broken note address leave the sense readable. A
  truncation or missing notes take text away but do not falsify what remains: the
  document-level fact is reported apart (``documents.csv``, column ``truncated``);
- the rules find ``translation_error`` and ``inconsistent_rendering`` only through the
  entity lexicon, i.e. on **names** (a person, an institution, a treaty) rendered wrongly
  or two ways, and ``mangled_structure`` only in a table of contents (titles cut, page
  numbers turned into words): the sense of the running text survives, so **naming**;
- an ``interpolated_passage`` is text that does not belong to the original: always
  **meaning-changing**.

A reviewed flag (added by a layer, such as the study's :mod:`helpers.study.review`) does not use
this default: its severity is set by hand, because a reviewed translation error or mangled
sentence can be a naming problem or change the meaning.
"""


@dataclass(frozen=True)
class Flag:
    """One row of the quality audit.

    ``severity`` defaults to the severity of the kind (:data:`KIND_SEVERITY`).
    """

    doc_id: str
    sentence_id: str
    kind: str
    evidence: str
    note: str
    source: str  # rule or review
    severity: str = ""

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", KIND_SEVERITY[self.kind])
        if self.severity not in SEVERITIES:
            raise HelpersError(f"flag on {self.sentence_id or self.doc_id}: unknown severity {self.severity!r}; "
                               f"use one of {', '.join(SEVERITIES)}.")


_STRAY = re.compile(rf"(?<=[{HAN}])\s*\b(and|or|the|of|with|for|to|in)\b\s*(?=[{HAN}])")
_GLUED = re.compile(
    r"\b(?:[A-Z][a-z]+){2,}\b|\bTABLEOFCONTENTS\b|\b(?:CHAPTER|PART|SECTION)\d+\b|[A-Za-z]+-?\d[A-Z][a-z]+\w*"
)
# Bounded repeats: an unbounded \S+ before '@' or a domain would make a long line without
# spaces quadratic to scan.
_URLISH = re.compile(r"(?:https?://|www\.)\S{1,500}|[\w.+-]{1,100}@[\w.-]{1,100}|[\w-]{1,100}\.(?:org|com|net|de|cn)\b")
#: Every sentence rule but the table of contents' needs one of these to match.
_ASCII_LETTER = re.compile("[A-Za-z]")
_TOC_ENTRY = re.compile(r"^(?P<title>.+?)(?P<page>[ivxlc]+|\d+|[一二三四五六七八九十]+)$")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rule_flags(structured: Structured, mentions: dict[str, list[Mention]],
               footnotes: list[Footnote], aliases_note: dict[str, str]) -> list[Flag]:
    """Flags found by rule for one document.

    Args:
        structured: the structured document.
        mentions: entity mentions per sentence id.
        footnotes: the parsed footnotes.
        aliases_note: the lexicon's note for each surface form.
    """
    doc = structured.document.doc_id
    sentences = structured.sentences
    index = SentenceIndex(sentences)
    flags: list[Flag] = []

    def at(offset: int) -> str:
        found = index.at(offset)
        return found.sentence_id if found else ""

    for edit in structured.log:
        if edit.action == "remove_boilerplate":
            flags.append(Flag(doc, "", "boilerplate", _short(edit.before), edit.reason, "rule"))
        elif edit.action == "join_page_break":
            found = index.at(edit.raw_start - 1)
            flags.append(Flag(doc, found.sentence_id if found else "", "page_break_split",
                              edit.reason.split(": ", 1)[-1], edit.reason.split(":")[0], "rule"))
        elif edit.action == "remove_translation":
            flags.append(Flag(doc, "", "parallel_translation", _short(edit.before), edit.reason + "; removed", "rule"))
        elif edit.action == "strip_markup":
            flags.append(Flag(doc, at(edit.raw_start + 2), "leftover_markup", edit.before,
                              f"{edit.reason}; removed", "rule"))
    for marker in structured.markers:
        if marker.style == "fused":
            flags.append(Flag(doc, at(marker.anchor), "fused_note_marker", marker.context,
                              f"note number {marker.number} fused into the running text; stripped and recorded", "rule"))
    missing = [f.number for f in footnotes if f.marker_sentence_id and not f.text]
    if missing:
        flags.append(Flag(doc, "", "missing_notes", f"markers {missing[0]}–{missing[-1]} ({len(missing)})",
                          "the text carries note markers but none of the notes themselves", "rule"))
    if structured.script != "simplified":
        runs = sum(1 for e in structured.log if e.action == "convert_script")
        flags.append(Flag(doc, "", "converted_script", f"{runs} runs of Han characters converted",
                          "the text is in Traditional Chinese; converted to Simplified with OpenCC (t2s) for analysis; "
                          "offsets still point into the original", "rule"))
    if structured.truncated:
        last = [s for s in sentences if s.part == "body"][-1]
        flags.append(Flag(doc, last.sentence_id, "truncation", last.text[-20:],
                          "the text breaks off mid-sentence", "rule"))
    for sentence in sentences:
        flags.extend(_sentence_flags(doc, sentence))
    flags.extend(_rendering_flags(doc, sentences, mentions, aliases_note))
    return flags


def _sentence_flags(doc: str, sentence: Sentence) -> list[Flag]:
    flags: list[Flag] = []
    text = sentence.text
    if sentence.kind == "toc":
        flags += _toc_flags(doc, sentence)
    if not _ASCII_LETTER.search(text):
        return flags  # every other rule needs a Latin letter (most sentences of a Chinese text have none)
    if sentence.part == "body" and sentence.kind == "sentence":
        for match in _STRAY.finditer(text):
            flags.append(Flag(doc, sentence.sentence_id, "stray_foreign_word",
                              text[max(0, match.start() - 4): match.end() + 4],
                              f"English word '{match.group(1)}' left in the Chinese text", "rule"))
    for match in _GLUED.finditer(_URLISH.sub(" ", text)):
        flags.append(Flag(doc, sentence.sentence_id, "spacing_artifact", match.group(0),
                          "Latin words glued together (spaces lost in extraction)", "rule"))
    if sentence.kind == "heading" and re.fullmatch(r"[A-Z][A-Z0-9 ]+", text.split(" ")[0]) \
            and not re.search(f"[{HAN}]", text.split(" ")[0]):
        flags.append(Flag(doc, sentence.sentence_id, "untranslated_heading", text,
                          "heading left in English in the Chinese text", "rule"))
    for url in re.findall(r"https?://t\.co/[^\s<>。，]+", text):
        flags.append(Flag(doc, sentence.sentence_id, "broken_url", url,
                          "a social-media short link, not the cited report's address", "rule"))
    return _in_order(flags)


#: The order of the rules in :func:`_sentence_flags`, in which a sentence's flags are listed.
_RULE_ORDER = ("stray_foreign_word", "spacing_artifact", "untranslated_heading", "mangled_structure", "broken_url")


def _in_order(flags: list[Flag]) -> list[Flag]:
    """*flags* in rule order (the table of contents rule runs first, before the Latin-letter test)."""
    if len(flags) < 2:
        return flags
    return sorted(flags, key=lambda f: _RULE_ORDER.index(f.kind))  # stable: a rule's flags keep their order


def _toc_flags(doc: str, sentence: Sentence) -> list[Flag]:
    """A table of contents whose page numbers were translated as words or whose titles were cut short."""
    entries = [_TOC_ENTRY.match(e) for e in sentence.text.split(" ")]
    odd = [e.group(0) for e in entries if e and (re.fullmatch("[一二三四五六七八九十]+", e.group("page"))
                                                 or len(e.group("title")) <= 2)]
    if not odd:
        return []
    return [Flag(doc, sentence.sentence_id, "mangled_structure", " ".join(odd),
                 "table of contents garbled: page numbers translated as words, chapter titles cut to one word", "rule")]


def _rendering_flags(doc: str, sentences: list[Sentence], mentions: dict[str, list[Mention]],
                     aliases_note: dict[str, str]) -> list[Flag]:
    flags: list[Flag] = []
    first_surface: dict[str, tuple[str, str]] = {}
    flagged: set[tuple[str, str]] = set()
    for sentence in sentences:
        for mention in mentions.get(sentence.sentence_id, []):
            if mention.form == "mistranslation":
                flags.append(Flag(doc, sentence.sentence_id, "translation_error", mention.surface,
                                  aliases_note.get(mention.surface, "mistranslated name"), "rule"))
            if mention.form not in ("canonical", "translation_variant", "mistranslation") or \
                    not re.search(f"[{HAN}]", mention.surface):
                continue
            seen = first_surface.setdefault(mention.entity, (mention.surface, sentence.sentence_id))
            key = (mention.entity, mention.surface)
            if seen[0] != mention.surface and key not in flagged:
                flagged.add(key)
                flags.append(Flag(doc, sentence.sentence_id, "inconsistent_rendering",
                                  f"{mention.surface} vs {seen[0]} ({seen[1]})",
                                  f"the same entity ({mention.entity}) is named two ways in one text", "rule"))
    return flags
