"""The lexicon: entities, their surface forms, the domain dictionary, stopwords.

All of it is reviewable data in ``data/lexicon/``, in two layers that merge:

- ``general/`` (built by ``tools/build_general_lexicon.py``, every row with its source): the
  states of the world (names from CLDR via Babel), the main international organisations,
  arms-control treaties and export-control regimes, and the offices that speak on arms
  control, with ``blocked_contexts.csv``: longer words in which a surface is not a name
  (中非 in 中非合作, 马里 in 马里兰);
- the domain entries below, written for arms-control texts; where both layers have an
  entity, the domain row wins.

- ``entities.csv``: one canonical entity per row (id, English label, Chinese
  label, category);
- ``aliases.csv``: further surface forms with the entity they resolve to, and
  their form: ``abbreviation``, ``short``, ``inflection`` (战略稳定性 for
  战略稳定), ``variant`` (a legitimate longer or alternative name),
  ``translation_variant`` (a competing translation of the same name),
  ``mistranslation`` (a wrong rendering) or ``metonym`` (北京 for China);
- ``domain_dict.txt``: the versioned jieba dictionary;
- ``stopwords_zh.txt``: function words left out of frequency counts.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import HelpersError
from ..paths import LEXICON

CATEGORIES: tuple[str, ...] = ("treaty", "initiative", "organisation", "concept", "person", "country", "place", "regime",
                               "office")
#: The general layer of the lexicon (see the module's docstring).
GENERAL: Path = LEXICON / "general"
FORMS: tuple[str, ...] = (
    "canonical", "abbreviation", "short", "inflection", "variant", "translation_variant", "mistranslation", "metonym",
    "dyad",
)


@dataclass(frozen=True)
class Entity:
    """A canonical entity."""

    entity: str
    label_en: str
    label_zh: str
    category: str


@dataclass(frozen=True)
class Alias:
    """A surface form and the entity it resolves to."""

    surface: str
    entity: str
    form: str
    note: str


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise HelpersError(f"{path}: missing column {', '.join(missing)}; restore the file's header.")
            return list(reader)
    except FileNotFoundError:
        raise HelpersError(f"{path}: not found; restore it from the repository.") from None


@lru_cache(maxsize=None)
def entities(path: Path = LEXICON / "entities.csv", general: Path | None = GENERAL / "entities.csv") -> dict[str, Entity]:
    """The canonical entities by id, validated (unique ids, known categories): the general layer, then the
    domain file, whose rows win where both have an id."""
    merged = _entity_rows(general) if general is not None and general.exists() else {}
    merged.update(_entity_rows(path))
    return merged


def _entity_rows(path: Path) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for row in _read_csv(path, ("entity", "label_en", "label_zh", "category")):
        if row["category"] not in CATEGORIES:
            raise HelpersError(f"{path}: entity {row['entity']!r} has unknown category {row['category']!r}; use one of {', '.join(CATEGORIES)}.")
        if row["entity"] in out:
            raise HelpersError(f"{path}: duplicate entity id {row['entity']!r}; ids must be unique.")
        out[row["entity"]] = Entity(row["entity"], row["label_en"], row["label_zh"], row["category"])
    return out


@lru_cache(maxsize=None)
def aliases(path: Path = LEXICON / "aliases.csv", general: bool = True) -> tuple[Alias, ...]:
    """All surface forms: each entity's Chinese label (``canonical``) plus ``aliases.csv``, and, with
    *general*, the general layer's forms (``general/aliases.csv``).

    Raises:
        HelpersError: an alias names an unknown entity or form, or one surface
            resolves to two entities.
    """
    known = entities()
    domain = entities(general=None)
    out = [Alias(e.label_zh, e.entity, "canonical", "") for e in known.values() if general or e.entity in domain]
    out.extend(read_aliases(path))
    if general and (GENERAL / "aliases.csv").exists():
        out.extend(read_aliases(GENERAL / "aliases.csv"))
    return _unique(out, path)


@lru_cache(maxsize=None)
def blocked_contexts(path: Path = GENERAL / "blocked_contexts.csv",
                     domain: Path = LEXICON / "blocked_contexts.csv") -> dict[str, tuple[tuple[int, str], ...]]:
    """Surface → the longer words in which it is not a name, each with the surface's offset in it
    (中非 → (0, 中非合作) …; 马里 → (0, 马里兰) …), from the general layer and the domain file (which
    holds those of the two-country compounds: 中美 in 中美洲)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for source in (path, domain):
        if not source.exists():
            continue
        for row in _read_csv(source, ("surface", "context")):
            offset = row["context"].find(row["surface"])
            if offset < 0:
                raise HelpersError(f"{source}: context {row['context']!r} does not contain {row['surface']!r}; "
                                   "fix the row.")
            found.setdefault(row["surface"], []).append((offset, row["context"]))
    return {surface: tuple(sorted(rows)) for surface, rows in found.items()}


@lru_cache(maxsize=None)
def read_aliases(path: Path) -> tuple[Alias, ...]:
    """The rows of one alias file (surface, entity, form, note), validated against the entities."""
    known = entities()
    out = []
    for row in _read_csv(path, ("surface", "entity", "form", "note")):
        if row["entity"] not in known:
            raise HelpersError(f"{path}: alias {row['surface']!r} names unknown entity {row['entity']!r}; add it to entities.csv.")
        if row["form"] not in FORMS:
            raise HelpersError(f"{path}: alias {row['surface']!r} has unknown form {row['form']!r}; use one of {', '.join(FORMS)}.")
        out.append(Alias(row["surface"], row["entity"], row["form"], row["note"]))
    return tuple(out)


def _unique(out: list[Alias], path: Path) -> tuple[Alias, ...]:
    """*out* without repeated surfaces; a surface that resolves to two entities is an error."""
    seen: dict[str, str] = {}
    unique: list[Alias] = []
    for alias in out:
        if alias.surface in seen:
            if seen[alias.surface] != alias.entity:
                raise HelpersError(f"{path}: surface {alias.surface!r} resolves to both {seen[alias.surface]!r} and {alias.entity!r}; keep one.")
            continue
        seen[alias.surface] = alias.entity
        unique.append(alias)
    return tuple(unique)


@dataclass(frozen=True)
class DomainDictionary:
    """The jieba domain dictionary: its version and its terms with optional frequencies."""

    version: str
    terms: tuple[tuple[str, int | None], ...]
    deletions: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def domain_dictionary(path: Path = LEXICON / "domain_dict.txt") -> DomainDictionary:
    """Read ``domain_dict.txt``: a ``# version: X`` line, ``term[<TAB>freq]`` lines, ``-word`` deletions.

    A term may contain spaces (``Jens Stoltenberg``), so a frequency is separated by a tab.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise HelpersError(f"{path}: domain dictionary not found; restore it from the repository.") from None
    version = ""
    terms: list[tuple[str, int | None]] = []
    deletions: list[str] = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            found = re.match(r"#\s*version:\s*(\S+)", line)
            if found:
                version = found.group(1)
            continue
        if line.startswith("-") and len(line) > 1:
            deletions.append(line[1:].strip())
            continue
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) > 2 or (len(parts) == 2 and not parts[1].isdigit()):
            raise HelpersError(f"{path}, line {number}: expected 'term' or 'term<TAB>frequency', got {line!r}.")
        terms.append((parts[0], int(parts[1]) if len(parts) == 2 else None))
    if not version:
        raise HelpersError(f"{path}: no '# version: …' line; add one so that outputs record the dictionary used.")
    return DomainDictionary(version, tuple(terms), tuple(deletions))


@lru_cache(maxsize=None)
def stopwords(path: Path = LEXICON / "stopwords_zh.txt") -> frozenset[str]:
    """The stopword list (comments and blank lines ignored)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HelpersError(f"{path}: stopword list not found; restore it from the repository.") from None
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))
