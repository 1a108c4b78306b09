"""Reference facts: copied unchanged, sourced, validated on load."""

from __future__ import annotations

import pytest

from helpers.errors import HelpersError
from helpers.paths import REFERENCE, ROOT
from helpers.study.reference import SCHEMAS, estimate_value, load_all, load_reference

SHARED = ROOT.parent / "shared" / "reference"


def test_reference_files_are_copies_of_the_shared_ones():
    if not SHARED.is_dir():
        pytest.skip("../shared/reference is not beside the checkout")
    for name in SCHEMAS:
        assert (REFERENCE / f"{name}.csv").read_bytes() == (SHARED / f"{name}.csv").read_bytes()


def test_every_fact_has_a_source_and_parses():
    tables = load_all()
    for name, table in tables.items():
        if "source_url" in table.columns:
            assert table["source_url"].str.startswith("http").all(), name
    assert tables["warhead_estimates"]["estimate_value"].min() > 0
    assert set(tables["treaty_status"]["country"]) == {"China", "Germany", "United States", "Russia"}


def test_estimates_keep_their_wording():
    assert estimate_value("more than 400") == 400
    assert estimate_value("at least 1,000") == 1000
    assert estimate_value("at least double the low-200s (i.e. >=~400)") == 400


def test_a_row_without_a_source_is_refused(tmp_path):
    (tmp_path / "events.csv").write_text("date,event_en,event_zh_as_in_text,which_text,source_url\n"
                                         "2024-01-01,x,y,FES,\n", encoding="utf-8")
    with pytest.raises(HelpersError, match="line 2: no source URL"):
        load_reference("events", tmp_path)
