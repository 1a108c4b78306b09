"""Fixtures: the processed real corpus, built once per test session."""

from __future__ import annotations

import pytest

from helpers.audit import Study
from helpers.study.layer import load_study
from helpers.paths import RAW


@pytest.fixture(scope="session")
def study() -> Study:
    """The two real texts, processed by the whole pipeline."""
    return load_study()


@pytest.fixture(scope="session")
def sentences(study):
    """sentences.csv as a DataFrame."""
    return study.tables["sentences"]


@pytest.fixture(scope="session")
def text_of(sentences):
    """A function: sentence id → cleaned text."""
    texts = sentences.set_index("sentence_id")["text"]
    return lambda sentence_id: texts[sentence_id]
