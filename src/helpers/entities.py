"""Stage 4 of the pipeline: entity linking.

Every surface form in the lexicon (full names, short names, abbreviations, with or
without 《》, translation variants and mistranslations) resolves to one canonical
entity with an English label and a category.  Matching runs on the cleaned sentence
text, longest surface first, so 联合国安理会 wins over 联合国 and
《不扩散核武器条约》（NPT） counts as one mention, not two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Alias, aliases, entities


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in a sentence (character span in the sentence text)."""

    surface: str
    entity: str
    form: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, Alias]]:
    table = {a.surface: a for a in aliases()}
    parts = []
    for surface in sorted(table, key=lambda s: (-len(s), s)):
        escaped = re.escape(surface)
        if re.fullmatch(r"[A-Za-z][A-Za-z .\-]*", surface):
            escaped = rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
        parts.append(escaped)
    return re.compile("|".join(parts)), table


def find_mentions(text: str) -> list[Mention]:
    """All entity mentions in *text*, left to right, without overlaps.

    A form in brackets right after another form of the same entity, as in
    《联合全面行动计划》（JCPOA） or 杰克·苏利文（JakeSullivan）, is merged into one mention.
    """
    pattern, table = _matcher()
    found: list[Mention] = []
    for match in pattern.finditer(text):
        alias = table[match.group(0)]
        found.append(Mention(alias.surface, alias.entity, alias.form, match.start(), match.end()))
    merged: list[Mention] = []
    for mention in found:
        if merged and mention.entity == merged[-1].entity:
            gap = text[merged[-1].end:mention.start]
            if re.fullmatch(r"》?\s*[（(]", gap) and text[mention.end:mention.end + 1] in ("）", ")"):
                previous = merged[-1]
                merged[-1] = Mention(previous.surface, previous.entity, previous.form, previous.start, mention.end + 1)
                continue
        merged.append(mention)
    return merged


def label(entity: str) -> tuple[str, str]:
    """(English label, category) of an entity id."""
    found = entities()[entity]
    return found.label_en, found.category
