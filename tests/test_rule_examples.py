"""Every boilerplate and metadata rule has a positive example (a line it must flag) and a near-miss (a line of
ordinary prose with the same key words that must be kept): data/lexicon/rule_examples.csv."""
import csv
import re
from pathlib import Path

import pytest

from helpers.text.clean import boilerplate_reason, junk_line_reason, metadata_kind

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"
RULE_FILES = {"boilerplate.csv": "reason", "metadata_patterns.csv": "kind"}


def _read(name: str) -> list[list[str]]:
    with (LEXICON / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _rules(name: str) -> dict[str, str]:
    """pattern -> reason or kind."""
    header, *rows = _read(name)
    return {row[0]: row[1] for row in rows}


def _examples() -> list[dict[str, str]]:
    with (LEXICON / "rule_examples.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


EXAMPLES = _examples()
BOILERPLATE = [row for row in EXAMPLES if row["file"] == "boilerplate.csv"]
METADATA = [row for row in EXAMPLES if row["file"] == "metadata_patterns.csv"]


def _id(row: dict[str, str]) -> str:
    return row["example"][:30]


@pytest.mark.parametrize("name", [*RULE_FILES, "rule_examples.csv"])
def test_rows_have_the_header_columns(name):
    header, *rows = _read(name)
    assert rows
    for number, row in enumerate(rows, start=2):
        assert len(row) == len(header), f"{name}, line {number}: {len(row)} fields, header has {len(header)}"
        assert row[0].strip(), f"{name}, line {number}: empty pattern"


def test_examples_name_known_files_and_columns():
    header = _read("rule_examples.csv")[0]
    assert header == ["file", "pattern", "example", "near_miss"]
    for row in EXAMPLES:
        assert row["file"] in RULE_FILES
        assert row["example"].strip() and row["near_miss"].strip()


@pytest.mark.parametrize("name", list(RULE_FILES))
def test_every_rule_has_an_example_and_no_row_is_stale(name):
    rules = _rules(name)
    covered = {row["pattern"] for row in EXAMPLES if row["file"] == name}
    missing = [p for p in rules if p not in covered]
    stale = [p for p in covered if p not in rules]
    assert not missing, f"rules of {name} without an example: {missing}"
    assert not stale, f"rows of rule_examples.csv naming no rule of {name}: {stale}"


@pytest.mark.parametrize("row", BOILERPLATE, ids=_id)
def test_boilerplate_example_is_flagged_by_its_rule(row):
    assert re.search(row["pattern"], row["example"]), "the rule's own pattern does not match its example"
    assert boilerplate_reason(row["example"]) is not None


@pytest.mark.parametrize("row", BOILERPLATE, ids=_id)
def test_boilerplate_near_miss_is_kept(row):
    assert boilerplate_reason(row["near_miss"]) is None
    assert junk_line_reason(row["near_miss"]) is None


@pytest.mark.parametrize("row", METADATA, ids=_id)
def test_metadata_example_has_its_kind(row):
    kind = _rules("metadata_patterns.csv")[row["pattern"]]
    assert re.search(row["pattern"], row["example"]), "the rule's own pattern does not match its example"
    assert metadata_kind(row["example"]) == kind


@pytest.mark.parametrize("row", METADATA, ids=_id)
def test_metadata_near_miss_is_kept(row):
    assert metadata_kind(row["near_miss"]) is None
