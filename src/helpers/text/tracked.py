"""Text that remembers where every character came from.

Cleaning deletes and replaces characters.  A :class:`Tracked` string carries, for
each of its characters, the offset of the raw character it came from, so that any
sentence can be traced back to ``raw[raw_start:raw_end]`` after any number of edits.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """One logged change: raw span, what was done, and why."""

    raw_start: int
    raw_end: int
    action: str
    reason: str
    before: str
    after: str


@dataclass(frozen=True)
class Tracked:
    """A string plus, for each character, its offset in the raw text.

    The offsets are a compact ``array('q')`` (8 bytes a character), so that a text of
    tens of megabytes stays small in memory.  They never decrease: edits delete
    characters or replace them in place, so a position can be found by bisection.
    """

    text: str
    offsets: array

    @classmethod
    def from_raw(cls, raw: str, start: int = 0, end: int | None = None) -> "Tracked":
        """The slice ``raw[start:end]``, each character mapped to its own offset."""
        end = len(raw) if end is None else end
        return cls(raw[start:end], array("q", range(start, end)))

    def __len__(self) -> int:
        return len(self.text)

    def __add__(self, other: "Tracked") -> "Tracked":
        return Tracked(self.text + other.text, self.offsets + other.offsets)

    def slice(self, start: int, end: int) -> "Tracked":
        """Characters ``start:end`` of the cleaned text, with their offsets."""
        return Tracked(self.text[start:end], self.offsets[start:end])

    @property
    def raw_start(self) -> int:
        """Offset of the first character in the raw text."""
        return self.offsets[0] if self.offsets else -1

    @property
    def raw_end(self) -> int:
        """One past the offset of the last character in the raw text."""
        return self.offsets[-1] + 1 if self.offsets else -1

    def strip(self) -> "Tracked":
        """Leading and trailing whitespace removed (not logged: it is layout)."""
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.slice(left, max(left, right))

    def split(self, pattern: re.Pattern[str]) -> Iterator["Tracked"]:
        """Pieces between matches of *pattern* (the matches themselves are dropped)."""
        position = 0
        for match in pattern.finditer(self.text):
            yield self.slice(position, match.start())
            position = match.end()
        yield self.slice(position, len(self.text))

    def edit(
        self,
        pattern: re.Pattern[str],
        replacement: str | Callable[[re.Match[str]], str],
        action: str,
        reason: str | Callable[[re.Match[str]], str],
        log: list[Edit],
    ) -> "Tracked":
        """Replace every match of *pattern*, logging one :class:`Edit` per match.

        A replacement of the same length keeps a one-to-one mapping, and one that is
        a part of the match (``**强调**`` → ``强调``) keeps that part's offsets;
        otherwise all new characters map to the first raw offset of the match.  A deletion maps
        to nothing.
        """
        chars: list[str] = []
        offsets = array("q")
        position = 0
        for match in pattern.finditer(self.text):
            new = replacement(match) if callable(replacement) else match.expand(replacement)
            if new == match.group(0):
                continue
            start, end = match.span()
            chars.append(self.text[position:start])
            offsets.extend(self.offsets[position:start])
            span = self.offsets[start:end]
            inner = match.group(0).find(new) if new else -1
            if len(new) == end - start:
                offsets.extend(span)
            elif inner >= 0:  # the replacement is part of the match: keep its own offsets
                offsets.extend(span[inner:inner + len(new)])
            else:
                anchor = span[0] if span else (self.offsets[start - 1] + 1 if start else 0)
                offsets.extend([anchor] * len(new))
            chars.append(new)
            raw_start = span[0] if span else anchor
            raw_end = span[-1] + 1 if span else anchor
            why = reason(match) if callable(reason) else reason
            log.append(Edit(raw_start, raw_end, action, why, match.group(0), new))
            position = end
        if position == 0 and not chars:
            return self
        chars.append(self.text[position:])
        offsets.extend(self.offsets[position:])
        return Tracked("".join(chars), offsets)
