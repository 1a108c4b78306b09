"""Build the general entity lexicon in ``data/lexicon/general/``.

The general layer names what any Chinese arms-control text may mention: the states
of the world, the main international organisations, arms-control treaties and
export-control regimes, and the offices that speak on arms control.

Two kinds of input:

- **States** (the 193 UN member states, the two non-member observer States, and
  Taiwan as a ``place``) are derived here from CLDR through Babel: the Simplified
  Chinese name (``zh``) is the canonical surface, the Traditional names
  (``zh_Hant``: Taiwan usage, ``zh_Hant_HK``: Hong Kong usage) and their Simplified
  transcription (OpenCC ``t2s``, which is what the pipeline does to a Traditional
  text) are aliases, and so is the ``zh`` name in Traditional characters (OpenCC
  ``s2tw``). CLDR's alternative names (``alt="short"``/``"variant"``), which Babel
  does not carry, come from ``sources/cldr_alt_names.csv``.
- **Hand-written rows**, each with its source, live in ``sources/``:
  ``organisations.csv``, ``treaties.csv``, ``regimes.csv``, ``offices.csv``,
  ``places.csv`` (entity,category,label_en,surface,form,ambiguous,note,source; the
  ``canonical`` row of an entity carries its category and English label),
  ``territory_aliases.csv`` (further names of the CLDR-derived entities: official
  long names, common short forms), ``blocked_contexts.csv`` (hand-written blocking
  contexts) and ``foreign_prefixes.csv`` (states whose name before 外交部, 国防部 …
  means that state's office, not China's: each prefix × each such surface becomes a
  blocking context).

Every Chinese hand-written surface also gets its Traditional (``s2tw``) or
Simplified (``t2s``) counterpart, marked as derived.

Outputs (CSV, UTF-8, ``\\n`` line endings, fields quoted where needed):
``entities.csv`` (entity,label_en,label_zh,category,source), ``aliases.csv``
(surface,entity,form,note,source,ambiguous; the canonical label is a row too) and
``blocked_contexts.csv`` (surface,context,reason).

Usage::

    python tools/build_general_lexicon.py              # rewrite data/lexicon/general/*.csv
    python tools/build_general_lexicon.py --out DIR    # write elsewhere (tests compare)
    python tools/build_general_lexicon.py --scan FILE… # list every hit in Chinese texts

Running it twice gives byte-identical files.  The output changes when Babel (CLDR)
or OpenCC changes version: the versions are recorded in the ``source`` column.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERAL = ROOT / "data" / "lexicon" / "general"
SOURCES = GENERAL / "sources"
STUDY_ENTITIES = ROOT / "data" / "lexicon" / "entities.csv"

UN_MEMBERS_SOURCE = "https://www.un.org/en/about-us/member-states"
OBSERVERS_SOURCE = "https://www.un.org/en/about-us/non-member-states"

# ISO 3166-1 alpha-2 codes of the 193 UN member states, from the UN's list of member
# states (UN_MEMBERS_SOURCE).  Cross-checked: identical to CLDR 48.2's territory
# containment group "UN" (cldr-core supplemental/territoryContainment.json).
UN_MEMBERS: tuple[str, ...] = (
    "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ",
    "CA", "CD", "CF", "CG", "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ",
    "DE", "DJ", "DK", "DM", "DO", "DZ",
    "EC", "EE", "EG", "ER", "ES", "ET",
    "FI", "FJ", "FM", "FR",
    "GA", "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY",
    "HN", "HR", "HT", "HU",
    "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT",
    "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KZ",
    "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
    "MA", "MC", "MD", "ME", "MG", "MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
    "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ",
    "OM",
    "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY",
    "QA",
    "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SY", "SZ",
    "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TZ",
    "UA", "UG", "US", "UY", "UZ",
    "VC", "VE", "VN", "VU",
    "WS",
    "YE",
    "ZA", "ZM", "ZW",
)
# Non-member observer States (OBSERVERS_SOURCE): the Holy See and the State of Palestine.
OBSERVERS: tuple[str, ...] = ("VA", "PS")
# Territories that are not states for the UN; filed as ``place`` without any political
# classification (the study lexicon has no entity for Taiwan).
PLACES: tuple[str, ...] = ("TW",)

# Entity ids are the CLDR English name in snake_case, except where that name is not a
# good id.  The ids of the study lexicon (china, germany, united_states, russia,
# ukraine, belarus, iran, israel, north_korea) come out of the rule unchanged.
ID_OVERRIDES: dict[str, str] = {
    "CD": "dr_congo",
    "CG": "republic_of_the_congo",
    "CI": "cote_divoire",
    "MM": "myanmar",
    "KN": "saint_kitts_and_nevis",
    "LC": "saint_lucia",
    "VC": "saint_vincent_and_the_grenadines",
    "VA": "holy_see",
    "PS": "palestine",
}
# English labels that differ from CLDR's main English name, with their source.
LABEL_EN_OVERRIDES: dict[str, tuple[str, str]] = {
    "VA": ("Holy See", OBSERVERS_SOURCE),
    "PS": ("Palestine", "CLDR alt-short name (sources/cldr_alt_names.csv)"),
}
# Simplified canonical names that differ from CLDR's main zh name: CLDR's alt-short
# name of PS (its main name, 巴勒斯坦领土 'Palestinian Territories', stays an alias).
LABEL_ZH_FROM_ALT: dict[str, str] = {"PS": "short"}

CATEGORIES: tuple[str, ...] = (
    "country", "place", "organisation", "treaty", "regime", "office", "initiative", "concept",
)
FORMS: tuple[str, ...] = (
    "canonical", "abbreviation", "short", "inflection", "variant", "translation_variant", "mistranslation", "metonym",
)
TOPIC_FILES: tuple[str, ...] = ("places.csv", "organisations.csv", "treaties.csv", "regimes.csv", "offices.csv")
TOPIC_COLUMNS = ("entity", "category", "label_en", "surface", "form", "ambiguous", "note", "source")
TERRITORY_ALIAS_COLUMNS = ("entity", "surface", "form", "ambiguous", "note", "source")
BLOCKED_COLUMNS = ("surface", "context", "reason")
PREFIX_COLUMNS = ("prefix", "entity", "note")
AMBIGUOUS_COLUMNS = ("surface", "ambiguous")
DROPPED_COLUMNS = ("surface", "reason")
ALT_COLUMNS = ("code", "locale", "alt", "name", "source")

ENTITY_HEADER = ("entity", "label_en", "label_zh", "category", "source")
ALIAS_HEADER = ("surface", "entity", "form", "note", "source", "ambiguous")

# Surfaces that, with no state named before them, mean China's office; after the name
# of another state (sources/foreign_prefixes.csv) they mean that state's.
CHINA_DEFAULT_SURFACES: tuple[str, ...] = (
    "外交部", "外交部发言人", "外交部长", "国防部", "国防部发言人", "国防部长", "裁军大使",
)

# OpenCC s2tw renders 里 as 裡 in names (马里 → 馬裡), which is wrong for a
# transliteration; such conversions are left out.
_BAD_S2TW = set("裡裏")

_HAN = re.compile(r"[\u3400-\u9fff]")
_ID = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


class BuildError(Exception):
    """The sources are inconsistent; the message names the file and the row."""


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if tuple(header) != columns:
            raise BuildError(f"{path}: header {header} should be {list(columns)}")
        rows = []
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(columns):
                raise BuildError(f"{path}, line {number}: {len(row)} fields, expected {len(columns)} (quote fields with commas)")
            rows.append({k: v.strip() for k, v in zip(columns, row)})
        return rows


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.replace("&", " and ").lower()
    text = re.sub(r"[’'().]", "", text)
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


class _Converter:
    def __init__(self) -> None:
        from opencc import OpenCC

        self.s2tw = OpenCC("s2tw").convert
        self.t2s = OpenCC("t2s").convert
        self.version = version("opencc-python-reimplemented")

    def traditional(self, simplified: str) -> str | None:
        """The s2tw form of *simplified*, or None when it is unchanged or unsafe."""
        converted = self.s2tw(simplified)
        if converted == simplified or _BAD_S2TW & set(converted) or self.t2s(converted) != self.t2s(simplified):
            return None
        return converted

    def simplified(self, text: str) -> str | None:
        converted = self.t2s(text)
        return None if converted == text else converted


class _Lexicon:
    """Entities, aliases and blocked contexts as they are collected."""

    def __init__(self) -> None:
        self.entities: dict[str, dict[str, str]] = {}
        self.aliases: dict[str, dict[str, str]] = {}
        self.blocked: dict[tuple[str, str], str] = {}
        self.dropped: frozenset[str] = frozenset()

    def entity(self, entity: str, label_en: str, label_zh: str, category: str, source: str, where: str) -> None:
        if not _ID.fullmatch(entity):
            raise BuildError(f"{where}: entity id {entity!r} is not ascii snake_case")
        if category not in CATEGORIES:
            raise BuildError(f"{where}: entity {entity!r} has unknown category {category!r}")
        if entity in self.entities:
            raise BuildError(f"{where}: entity {entity!r} defined twice")
        for field, value in (("label_en", label_en), ("label_zh", label_zh), ("source", source)):
            if not value:
                raise BuildError(f"{where}: entity {entity!r} has no {field}")
        self.entities[entity] = {
            "entity": entity, "label_en": label_en, "label_zh": label_zh, "category": category, "source": source,
        }

    def alias(self, surface: str, entity: str, form: str, note: str, source: str, ambiguous: str, where: str) -> bool:
        """Add a surface; False when the same surface already names the same entity."""
        if not surface or surface != surface.strip():
            raise BuildError(f"{where}: empty or padded surface {surface!r}")
        if form not in FORMS:
            raise BuildError(f"{where}: surface {surface!r} has unknown form {form!r}")
        if not source:
            raise BuildError(f"{where}: surface {surface!r} has no source")
        found = self.aliases.get(surface)
        if found is not None:
            if found["entity"] != entity:
                raise BuildError(f"{where}: surface {surface!r} names both {found['entity']!r} and {entity!r}")
            if ambiguous and not found["ambiguous"]:
                found["ambiguous"] = ambiguous
            return False
        self.aliases[surface] = {
            "surface": surface, "entity": entity, "form": form, "note": note, "source": source, "ambiguous": ambiguous,
        }
        return True


def _territories(lex: _Lexicon, cc: _Converter, sources: Path) -> None:
    import babel
    from babel.core import get_cldr_version

    cldr = get_cldr_version()
    via = f"CLDR {cldr} via Babel {babel.__version__}"
    zh = babel.Locale("zh").territories
    hant = babel.Locale("zh_Hant").territories
    hant_hk = babel.Locale("zh_Hant_HK").territories
    en = babel.Locale("en").territories
    alt_path = sources / "cldr_alt_names.csv"
    alts: dict[str, list[dict[str, str]]] = {}
    for row in _read(alt_path, ALT_COLUMNS):
        alts.setdefault(row["code"], []).append(row)

    codes = list(UN_MEMBERS) + list(OBSERVERS) + list(PLACES)
    for code in codes:
        if code not in zh or code not in en:
            raise BuildError(f"territory {code}: not in CLDR {cldr}")
        if code in UN_MEMBERS:
            category, status = "country", f"UN member state ({UN_MEMBERS_SOURCE})"
        elif code in OBSERVERS:
            category, status = "country", f"UN non-member observer State ({OBSERVERS_SOURCE})"
        else:
            category, status = "place", "not a UN member state; filed as a place, no political classification"
        entity = ID_OVERRIDES.get(code) or _slug(en[code])
        label_en, label_en_source = LABEL_EN_OVERRIDES.get(code, (en[code], ""))
        label_zh = zh[code]
        code_alts = alts.get(code, [])
        if code in LABEL_ZH_FROM_ALT:
            wanted = LABEL_ZH_FROM_ALT[code]
            label_zh = next(a["name"] for a in code_alts if a["locale"] == "zh" and a["alt"] == wanted)
        source = f"{via}, territory {code}; {status}"
        if label_en_source:
            source += f"; English label: {label_en_source}"
        where = f"CLDR territory {code}"
        lex.entity(entity, label_en, label_zh, category, source, where)

        def add(surface: str, form: str, note: str, src: str = "") -> None:
            if surface in lex.dropped:
                return
            lex.alias(surface, entity, form, note, src or f"{via}, territory {code}", "", where)

        add(label_zh, "canonical", "")
        if label_zh != zh[code]:
            add(zh[code], "variant", "CLDR main zh name")
        for locale_name, names, usage in (("zh_Hant", hant, "Taiwan usage"), ("zh_Hant_HK", hant_hk, "Hong Kong usage")):
            name = names[code]
            same_name = cc.t2s(name) == cc.t2s(zh[code])
            form = "variant" if same_name else "translation_variant"
            add(name, form, f"Traditional Chinese, CLDR {locale_name} ({usage})", f"{via}, locale {locale_name}, territory {code}")
            simplified = cc.simplified(name)
            if simplified and simplified != zh[code]:
                add(simplified, "translation_variant",
                    f"{usage} in Simplified characters ({name}), as a Traditional text reads after OpenCC t2s",
                    f"{via}, locale {locale_name}, territory {code}; converted with OpenCC t2s "
                    f"(opencc-python-reimplemented {cc.version})")
        traditional = cc.traditional(zh[code])
        if traditional:
            add(traditional, "variant", "CLDR zh name in Traditional characters",
                f"{via}, territory {code}; converted with OpenCC s2tw (opencc-python-reimplemented {cc.version})")
        for alt in code_alts:
            if not alt["locale"].startswith("zh"):
                continue
            form = "short" if alt["alt"] == "short" else "variant"
            add(alt["name"], form, f"CLDR alt-{alt['alt']} name ({alt['locale']})", alt["source"])
        if "（" in zh[code]:
            add(zh[code].replace("（", "(").replace("）", ")"), "variant", "CLDR zh name with ASCII brackets",
                f"{via}, territory {code}; brackets written as ASCII")
            add(zh[code].replace("（", "").replace("）", ""), "short", "CLDR zh name without brackets",
                f"{via}, territory {code}; brackets dropped")


def _derived(lex: _Lexicon, cc: _Converter, surface: str, entity: str, form: str, ambiguous: str, source: str,
             where: str) -> None:
    """The Traditional or Simplified counterpart of a hand-written Chinese surface."""
    if not _HAN.search(surface) or form == "mistranslation":
        return
    for converted, how in ((cc.traditional(surface), "s2tw"), (cc.simplified(surface), "t2s")):
        if converted and converted not in lex.dropped:
            script = "Traditional" if how == "s2tw" else "Simplified"
            lex.alias(converted, entity, "variant" if form == "canonical" else form, f"{script} characters of {surface}",
                      f"{surface} converted with OpenCC {how} (opencc-python-reimplemented {cc.version}); {source}",
                      ambiguous, where)


def _hand(lex: _Lexicon, cc: _Converter, sources: Path) -> None:
    derived: list[tuple[str, str, str, str, str, str]] = []
    for name in TOPIC_FILES:
        path = sources / name
        rows = _read(path, TOPIC_COLUMNS)
        for number, row in enumerate(rows, start=2):
            if row["form"] == "canonical" and row["entity"] not in lex.entities:
                lex.entity(row["entity"], row["label_en"], row["surface"], row["category"], row["source"],
                           f"{path.name}, line {number}")
            elif row["category"] or row["label_en"]:
                raise BuildError(f"{path.name}, line {number}: category and label_en belong on the entity's canonical row only")
        for number, row in enumerate(rows, start=2):
            where = f"{path.name}, line {number}"
            if row["entity"] not in lex.entities:
                raise BuildError(f"{where}: entity {row['entity']!r} has no canonical row")
            lex.alias(row["surface"], row["entity"], row["form"], row["note"], row["source"], row["ambiguous"], where)
            derived.append((row["surface"], row["entity"], row["form"], row["ambiguous"], row["source"], where))
    path = sources / "territory_aliases.csv"
    for number, row in enumerate(_read(path, TERRITORY_ALIAS_COLUMNS), start=2):
        where = f"{path.name}, line {number}"
        if row["entity"] not in lex.entities:
            raise BuildError(f"{where}: entity {row['entity']!r} is not a CLDR-derived territory")
        if row["form"] == "canonical":
            raise BuildError(f"{where}: territories take their canonical name from CLDR")
        lex.alias(row["surface"], row["entity"], row["form"], row["note"], row["source"], row["ambiguous"], where)
        derived.append((row["surface"], row["entity"], row["form"], row["ambiguous"], row["source"], where))
    for surface, entity, form, ambiguous, source, where in derived:
        _derived(lex, cc, surface, entity, form, ambiguous, source, where)


def _ambiguous(lex: _Lexicon, sources: Path) -> None:
    path = sources / "ambiguous.csv"
    for number, row in enumerate(_read(path, AMBIGUOUS_COLUMNS), start=2):
        found = lex.aliases.get(row["surface"])
        if found is None:
            raise BuildError(f"{path.name}, line {number}: {row['surface']!r} is not a surface of the general lexicon")
        if not row["ambiguous"]:
            raise BuildError(f"{path.name}, line {number}: no reason")
        found["ambiguous"] = row["ambiguous"]


def _blocked(lex: _Lexicon, sources: Path) -> None:
    path = sources / "blocked_contexts.csv"
    for number, row in enumerate(_read(path, BLOCKED_COLUMNS), start=2):
        where = f"{path.name}, line {number}"
        surface, context = row["surface"], row["context"]
        if surface not in lex.aliases:
            raise BuildError(f"{where}: {surface!r} is not a surface of the general lexicon")
        if surface not in context or surface == context:
            raise BuildError(f"{where}: context {context!r} must contain {surface!r} and be longer")
        if not row["reason"]:
            raise BuildError(f"{where}: no reason")
        if (surface, context) in lex.blocked:
            raise BuildError(f"{where}: duplicate blocked context")
        lex.blocked[(surface, context)] = row["reason"]
    # Every other state's (and Taiwan's) canonical name and short forms, plus the
    # one-character abbreviations of sources/foreign_prefixes.csv, before a
    # China-default office surface: that state's office, not China's.
    prefixes: dict[str, str] = {}
    for entity in lex.entities.values():
        if entity["entity"] != "china" and entity["source"].startswith("CLDR "):
            prefixes.setdefault(entity["label_zh"], entity["entity"])
    for alias in lex.aliases.values():
        if alias["form"] == "short" and alias["entity"] in prefixes.values() and _HAN.search(alias["surface"]):
            prefixes.setdefault(alias["surface"], alias["entity"])
    path = sources / "foreign_prefixes.csv"
    for number, row in enumerate(_read(path, PREFIX_COLUMNS), start=2):
        if row["entity"] not in lex.entities or row["entity"] == "china":
            raise BuildError(f"{path.name}, line {number}: unknown or Chinese entity {row['entity']!r}")
        prefixes.setdefault(row["prefix"], row["entity"])
    for surface in CHINA_DEFAULT_SURFACES:
        if surface not in lex.aliases:
            raise BuildError(f"CHINA_DEFAULT_SURFACES: {surface!r} is not a surface")
        for prefix, entity in prefixes.items():
            context = prefix + surface
            if context in lex.aliases:  # a surface of its own (俄罗斯外交部): longest-first already handles it
                continue
            label = lex.entities[entity]["label_en"]
            lex.blocked.setdefault((surface, context), f"{prefix} ({label}) before it: that office, not China's")


def _csv(header: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[column] for column in header])
    return buffer.getvalue().encode("utf-8")


def build(sources: Path = SOURCES) -> dict[str, bytes]:
    """The three output files (name → bytes), built from *sources* and Babel."""
    cc = _Converter()
    lex = _Lexicon()
    lex.dropped = frozenset(row["surface"] for row in _read(sources / "dropped_surfaces.csv", DROPPED_COLUMNS))
    _territories(lex, cc, sources)
    _hand(lex, cc, sources)
    for surface in sorted(lex.dropped & set(lex.aliases)):
        raise BuildError(f"dropped_surfaces.csv: {surface!r} is also written by hand")
    _ambiguous(lex, sources)
    _blocked(lex, sources)

    category_rank = {c: i for i, c in enumerate(CATEGORIES)}
    form_rank = {f: i for i, f in enumerate(FORMS)}
    entities = sorted(lex.entities.values(), key=lambda e: (category_rank[e["category"]], e["entity"]))
    entity_rank = {e["entity"]: i for i, e in enumerate(entities)}
    aliases = sorted(lex.aliases.values(), key=lambda a: (entity_rank[a["entity"]], form_rank[a["form"]], a["surface"]))
    blocked = [
        {"surface": s, "context": c, "reason": r} for (s, c), r in sorted(lex.blocked.items())
    ]
    return {
        "entities.csv": _csv(ENTITY_HEADER, entities),
        "aliases.csv": _csv(ALIAS_HEADER, aliases),
        "blocked_contexts.csv": _csv(BLOCKED_COLUMNS, blocked),
    }


# ---------------------------------------------------------------------------------
# A plain longest-first matcher, for reviewing hits on real texts (--scan).


def matcher(general: Path = GENERAL, study: Path | None = STUDY_ENTITIES):
    """(find, table): ``find(text)`` yields (start, end, surface, entity, blocked_by) for every hit.

    Surfaces are tried longest first at each position, as the study's matcher does;
    Latin surfaces must not touch other Latin letters.  A hit inside one of its
    blocked contexts is reported with that context.
    """
    table: dict[str, str] = {}
    with (general / "aliases.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table[row["surface"]] = row["entity"]
    if study is not None and study.exists():
        with study.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                table.setdefault(row["label_zh"], row["entity"])
    blocked: dict[str, list[str]] = {}
    with (general / "blocked_contexts.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            blocked.setdefault(row["surface"], []).append(row["context"])
    parts = []
    for surface in sorted(table, key=lambda s: (-len(s), s)):
        escaped = re.escape(surface)
        if re.fullmatch(r"[A-Za-z][A-Za-z .\-]*", surface):  # as the study's matcher
            escaped = rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
        parts.append(escaped)
    pattern = re.compile("|".join(parts))

    def find(text: str):
        for match in pattern.finditer(text):
            surface = match.group(0)
            hit = None
            for context in blocked.get(surface, ()):
                offset = context.find(surface)
                while offset != -1:
                    begin = match.start() - offset
                    if begin >= 0 and text.startswith(context, begin):
                        hit = context
                        break
                    offset = context.find(surface, offset + 1)
                if hit:
                    break
            yield match.start(), match.end(), surface, table[surface], hit

    return find, table


def _scan(paths: list[str]) -> None:
    find, _ = matcher()
    for name in paths:
        text = Path(name).read_text(encoding="utf-8")
        for start, end, surface, entity, blocked_by in find(text):
            context = text[max(0, start - 8):end + 8].replace("\n", " ")
            flag = f"BLOCKED by {blocked_by}" if blocked_by else ""
            print(f"{name}:{start}\t{surface}\t{entity}\t{context}\t{flag}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=GENERAL, help="folder to write the three CSV files to")
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the hand-written source files")
    parser.add_argument("--scan", nargs="+", metavar="FILE", help="list every hit of the built lexicon in FILEs")
    args = parser.parse_args(argv)
    if args.scan:
        _scan(args.scan)
        return 0
    try:
        files = build(args.sources)
    except BuildError as error:
        print(f"build_general_lexicon: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (args.out / name).write_bytes(content)
    return 0


if __name__ == "__main__":
    sys.exit(main())
