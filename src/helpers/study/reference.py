"""Reference facts for cross-checking the texts (``data/reference/``).

The CSV files are copied unchanged from the study's shared reference folder; each
factual row carries the public source it was taken from in ``source_url`` (several
URLs separated by `` ; ``).  :func:`load_reference` validates a table when it is
loaded: required columns, a source on every row, dates and numbers that parse.
Published estimates are often qualified ("more than 400", "up to 700"): the
``estimate`` column keeps the wording, ``estimate_value`` the number and
``estimate_exact`` whether the source gave a plain figure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import HelpersError
from ..language.lexicon import CATEGORIES
from ..paths import REFERENCE

#: Required columns of each reference table.
SCHEMAS: dict[str, tuple[str, ...]] = {
    "treaty_status": ("treaty_en", "treaty_zh", "abbreviation", "country", "status", "date_signed",
                      "date_ratified_or_acceded", "notes", "source_url"),
    "events": ("date", "event_en", "event_zh_as_in_text", "which_text", "source_url"),
    "warhead_estimates": ("year", "country", "estimate", "measure", "publisher", "source_url"),
    "glossary": ("term_zh", "term_en", "category"),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
_STATUSES = {"party", "not party", "signatory only", "suspended", "withdrew"}


def load_reference(name: str, folder: Path = REFERENCE) -> pd.DataFrame:
    """Load and validate one reference table by name (e.g. ``"events"``).

    Raises:
        HelpersError: unknown table, missing file or column, a row without a
            source, or a malformed date, status or number (the message names the
            file and the row).
    """
    if name not in SCHEMAS:
        raise HelpersError(f"{folder}: unknown reference table {name!r}; use one of {', '.join(SCHEMAS)}.")
    path = folder / f"{name}.csv"
    if not path.is_file():
        raise HelpersError(f"{path}: not found; copy it from the shared reference folder.")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in SCHEMAS[name] if c not in table.columns]
    if missing:
        raise HelpersError(f"{path}: missing column {', '.join(missing)}; restore the file's header.")
    for index, row in table.iterrows():
        line = index + 2
        if "source_url" in table.columns and not row["source_url"].strip().startswith("http"):
            raise HelpersError(f"{path}, line {line}: no source URL; every fact needs its public source.")
        if name == "events" and not _DATE.match(row["date"]):
            raise HelpersError(f"{path}, line {line}: date {row['date']!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD).")
        if name == "treaty_status":
            if row["status"] not in _STATUSES:
                raise HelpersError(f"{path}, line {line}: unknown status {row['status']!r}.")
            for column in ("date_signed", "date_ratified_or_acceded"):
                if row[column] and not _DATE.match(row[column]):
                    raise HelpersError(f"{path}, line {line}: {column} {row[column]!r} does not start with an ISO date.")
        if name == "warhead_estimates" and not (row["year"].isdigit() and re.search(r"\d", row["estimate"])):
            raise HelpersError(f"{path}, line {line}: year must be a whole number and estimate must hold one.")
        if name == "glossary" and row["category"] not in CATEGORIES:
            raise HelpersError(f"{path}, line {line}: unknown category {row['category']!r}.")
    if name == "warhead_estimates":
        table["year"] = table["year"].astype(int)
        table["estimate_value"] = table["estimate"].map(estimate_value)
        table["estimate_exact"] = table["estimate"].str.fullmatch(r"[\d,]+")
    return table


def estimate_value(text: str) -> int:
    """The number in an estimate as published: ``"more than 400"`` → 400, ``"at least 1,000"`` → 1000.

    The last number is taken, so that ``"at least double the low-200s (i.e. >=~400)"``
    gives 400; the wording itself stays in the ``estimate`` column.
    """
    return int(re.findall(r"\d[\d,]*", text)[-1].replace(",", ""))


def load_all(folder: Path = REFERENCE) -> dict[str, pd.DataFrame]:
    """All reference tables, validated."""
    return {name: load_reference(name, folder) for name in SCHEMAS}


def lookup(key: str, folder: Path = REFERENCE) -> dict[str, str]:
    """The reference row a key names: ``events:2023-11-15`` or ``treaty_status:CTBT/China``.

    Events are keyed by their date (unique in the table), treaty status rows by
    abbreviation and country.

    Raises:
        HelpersError: a malformed key or one that names no row.
    """
    table_name, _, value = key.partition(":")
    if table_name == "events":
        table = load_reference("events", folder)
        rows = table[table["date"] == value]
    elif table_name == "treaty_status":
        abbreviation, _, country = value.partition("/")
        table = load_reference("treaty_status", folder)
        rows = table[(table["abbreviation"] == abbreviation) & (table["country"] == country)]
    else:
        raise HelpersError(f"reference key {key!r}: use events:<date> or treaty_status:<abbreviation>/<country>.")
    if len(rows) != 1:
        raise HelpersError(f"reference key {key!r} matches {len(rows)} rows in {table_name}.csv; it must name exactly one.")
    return {k: str(v) for k, v in rows.iloc[0].items()}


def source_kinds(path: Path | None = None) -> dict[str, str]:
    """How each source domain of the reference tables is classed (``data/annotations/source_domains.csv``):
    ``primary`` (the publisher of the fact: a government, an organisation, SIPRI, FAS, the treaty depositary),
    ``research or NGO``, ``news``, or ``secondary or aggregator`` (Wikipedia and mirrors, document-sharing and
    re-posting sites), which must be checked against a primary source before a figure is cited."""
    from ..paths import ANNOTATIONS

    path = path or ANNOTATIONS / "source_domains.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return dict(zip(table["domain"], table["kind"]))


def source_kind(urls: str) -> str:
    """The best kind among a row's sources (``;``-separated URLs): primary beats research, news, secondary."""
    kinds = source_kinds()
    order = ["primary", "research or NGO", "news", "secondary or aggregator"]
    found = []
    for url in urls.split(" ; "):
        domain = re.sub(r"^https?://(www\.)?", "", url.strip()).split("/")[0].lower()
        found.append(kinds.get(domain, "unclassified"))
    ranked = [k for k in order if k in found]
    return ranked[0] if ranked else "unclassified"


def overview() -> pd.DataFrame:
    """The reference tables: rows, what they cover, and how many distinct sources they cite."""
    rows = []
    for name, table in load_all().items():
        sources = set()
        if "source_url" in table.columns:
            for cell in table["source_url"]:
                sources.update(u.strip() for u in cell.split(" ; ") if u.strip())
        rows.append({"table": f"{name}.csv", "rows": len(table), "columns": ", ".join(table.columns[:6]),
                     "distinct_sources": len(sources) if sources else pd.NA})
    return pd.DataFrame(rows).astype({"distinct_sources": "Int64"})
