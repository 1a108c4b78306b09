"""Stage 4 of the pipeline: entity linking.

Two-country compounds (中德 "Sino-German", 中美 "Sino-US" …, ``data/lexicon/dyads.csv``)
name both countries: each gives one mention of each, with the form ``dyad``.

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
def dyads() -> dict[str, tuple[str, str]]:
    """Two-country compounds and the two entities each names."""
    import csv

    from ..paths import LEXICON

    with (LEXICON / "dyads.csv").open(encoding="utf-8", newline="") as handle:
        return {row["surface"]: (row["entity_a"], row["entity_b"]) for row in csv.DictReader(handle)}


@lru_cache(maxsize=8)
def _matcher(extra: tuple[Alias, ...] = ()) -> tuple[re.Pattern[str], dict[str, Alias]]:
    table = {a.surface: a for a in aliases()}
    for alias in extra:
        table.setdefault(alias.surface, alias)
    for surface in dyads():
        table.setdefault(surface, Alias(surface, "", "dyad", ""))
    parts = []
    for surface in sorted(table, key=lambda s: (-len(s), s)):
        escaped = re.escape(surface)
        if re.fullmatch(r"[A-Za-z][A-Za-z .\-]*", surface):
            escaped = rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
        parts.append(escaped)
    return re.compile("|".join(parts)), table


def find_mentions(text: str, extra: tuple[Alias, ...] = ()) -> list[Mention]:
    """All entity mentions in *text*, left to right, without overlaps.

    *extra* adds surface forms that hold only for particular documents (the study's
    record of mistranslations, :mod:`helpers.study.layer`); the lexicon's own forms win.

    A form in brackets right after another form of the same entity, as in
    《联合全面行动计划》（JCPOA） or 杰克·苏利文（JakeSullivan）, is merged into one mention.
    """
    pattern, table = _matcher(extra)
    found: list[Mention] = []
    for match in pattern.finditer(text):
        alias = table[match.group(0)]
        if alias.form == "metonym" and _is_place(text, match.start(), match.end(), pattern):
            continue
        if alias.form == "dyad":
            for entity in dyads()[alias.surface]:
                found.append(Mention(alias.surface, entity, "dyad", match.start(), match.end()))
            continue
        found.append(Mention(alias.surface, alias.entity, alias.form, match.start(), match.end()))
    merged: list[Mention] = []
    for mention in found:
        if merged and mention.entity == merged[-1].entity and mention.form != "dyad":
            gap = text[merged[-1].end:mention.start]
            if re.fullmatch(r"》?\s*[（(]", gap) and text[mention.end:mention.end + 1] in ("）", ")"):
                previous = merged[-1]
                merged[-1] = Mention(previous.surface, previous.entity, previous.form, previous.start, mention.end + 1)
                continue
        merged.append(mention)
    return merged


_PLACE_BEFORE = "在于赴往东南西北"
_PLACE_AFTER = ("市", "大学", "举行", "发表", "工作", "召开")


def _is_place(text: str, start: int, end: int, pattern: re.Pattern[str]) -> bool:
    """True when a capital is named as a place, not as its government.

    北京 stands for China in 北京和柏林均支持 but is a place in 在北京发表, 北京市,
    an address (西北华盛顿) or before an institution's name (柏林德国国际与安全事务研究所).
    """
    if start and text[start - 1] in _PLACE_BEFORE:
        return True
    if text.startswith(_PLACE_AFTER, end):
        return True
    following = pattern.match(text, end)
    return following is not None and following.group(0) not in ("和", "")


def label(entity: str) -> tuple[str, str]:
    """(English label, category) of an entity id."""
    found = entities()[entity]
    return found.label_en, found.category
