"""Stage 2c of the pipeline: footnotes.

Parses each note into number, author(s), year, title and URL(s), and links it to
the sentence that carries its marker in the running text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .structure import Sentence, Structured

_SOURCE = re.compile(r"^(?:参见|见|See|Vgl\.|cf\.)\s*(?P<authors>.+?)\s*[（(](?P<year>\d{4})\s*年?[)）]")
_URL = re.compile(r"<?(?P<url>(?:https?://|www\.)[^\s<>，。；;]+)>?")


@dataclass(frozen=True)
class Footnote:
    """A parsed footnote and the sentence its marker sits in."""

    doc_id: str
    number: int
    note_sentence_id: str
    marker_sentence_id: str
    marker_style: str
    text: str
    authors: str
    year: str
    title: str
    url: str


def first_title(text: str) -> str:
    """The first title in 《…》 (nested 《》 allowed) or, failing that, in “…”."""
    start = text.find("《")
    if start >= 0:
        depth = 0
        for i in range(start, len(text)):
            if text[i] == "《":
                depth += 1
            elif text[i] == "》":
                depth -= 1
                if depth == 0:
                    return text[start + 1:i]
    quoted = re.search(r"“([^”]+)”", text)
    return quoted.group(1) if quoted else ""


def parse_note(text: str) -> dict[str, str]:
    """Split a note's text into authors, year, title and URLs (``' ; '``-separated)."""
    source = _SOURCE.match(text)
    urls = [m.group("url").rstrip(".)）") for m in _URL.finditer(text)]
    return {
        "authors": source.group("authors").strip(" ，,:：") if source else "",
        "year": source.group("year") if source else "",
        "title": first_title(text),
        "url": " ; ".join(urls),
    }


class SentenceIndex:
    """Finds the sentence that holds a raw offset, by bisection over sentences ordered by start.

    A sentence rejoined across a page break spans the raw text of the notes between its
    halves, so sentences can nest.  ``reach[i]`` is the largest ``raw_end`` among the first
    ``i + 1`` sentences: walking back from the bisection point stops as soon as no earlier
    sentence can reach the offset, however many sentences start inside a long one.
    """

    def __init__(self, sentences: list[Sentence]) -> None:
        self.ordered = sorted(sentences, key=lambda s: s.raw_start)
        self.starts = [s.raw_start for s in self.ordered]
        self.reach: list[int] = []
        for sentence in self.ordered:
            self.reach.append(max(sentence.raw_end, self.reach[-1] if self.reach else 0))

    def at(self, raw_offset: int) -> Sentence | None:
        """The sentence whose text contains the raw character at *raw_offset*, or None."""
        index = bisect.bisect_right(self.starts, raw_offset) - 1
        while index >= 0 and self.reach[index] > raw_offset:
            candidate = self.ordered[index]
            if candidate.raw_start <= raw_offset < candidate.raw_end:
                position = bisect.bisect_left(candidate.offsets, raw_offset)
                if position < len(candidate.offsets) and candidate.offsets[position] == raw_offset:
                    return candidate
            index -= 1
        return None


def footnotes(structured: Structured) -> list[Footnote]:
    """All notes of a document, parsed, each linked to its marker's sentence.

    A marker whose note text is missing (the Carnegie excerpt ends before its
    endnotes) still gives a row, with empty text, so that the gap is visible.
    """
    doc_id = structured.document.doc_id
    running = SentenceIndex([s for s in structured.sentences if s.kind != "note"])
    by_number = {m.number: m for m in structured.markers}
    out: list[Footnote] = []
    for number in sorted(set(by_number) | set(structured.notes)):
        marker = by_number.get(number)
        carrier = running.at(marker.anchor) if marker else None
        note = structured.notes.get(number)
        fields = parse_note(note.text) if note else {"authors": "", "year": "", "title": "", "url": ""}
        out.append(Footnote(
            doc_id, number, note.sentence_id if note else "", carrier.sentence_id if carrier else "",
            marker.style if marker else "", note.text if note else "", **fields,
        ))
    return out
