"""Property-based tests (hypothesis) of the cleaning invariants, on generated Chinese-like texts."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers.text import clean
from helpers.text.clean import CIRCLED, SUPERSCRIPT
from helpers.text.corpus import Document
from helpers.text.structure import structure
from helpers.text.tracked import Tracked

PIECES = list("中德美俄军控核武器条约对话合作透明稳定风险国") + list("，。；：！？“”《》（）、") + \
    ["¹", "²", "⑳", "①", " ", "  ", "\n", "\n\n", "\r\n", "**", "NPT", " and ", "(", ")", ",", ":", "１２",
     "\u3000", "参见", "2022年", "一、", "•", "CHAPTER1 ", "INTRODUCTION ", "http://x.org/a"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=120).map("".join)


def document(text: str) -> Document:
    return Document("gen", Path("generated.txt"), text, {}, "utf-8", "")


def fold(text: str) -> str:
    text = text.translate({ord(a): b for a, b in zip("，：；（）？！", ",:;()?!")})
    return text.translate({0xFF10 + i: 0x30 + i for i in range(10)})


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@example("****中****")  # nested emphasis: once failed (one pass left **中**)
@example("**， **")  # removing the space exposed emphasis for a second pass (found by hypothesis in CI)
@given(texts)
def test_cleaning_is_idempotent(text):
    log: list = []
    once = clean.clean_piece(Tracked.from_raw(text), log, prose=True)
    twice = clean.clean_piece(once, [], prose=True)
    assert twice.text == once.text


@FAST
@given(texts)
def test_every_sentence_maps_back_into_its_raw_span_and_none_is_empty(text):
    result = structure(document(text))
    for sentence in result.sentences:
        assert sentence.text.strip()
        assert 0 <= sentence.raw_start < sentence.raw_end <= len(text)
        assert len(sentence.offsets) == len(sentence.text)
        assert list(sentence.offsets) == sorted(sentence.offsets)
        assert sentence.raw_start == sentence.offsets[0] and sentence.raw_end == sentence.offsets[-1] + 1
        for offset, char in zip(sentence.offsets, sentence.text):
            source = text[offset]
            assert source == char or fold(source) == fold(char) or (source.isspace() and char.isspace()), \
                (repr(text), sentence.text, offset)


@FAST
@given(texts)
def test_every_raw_character_is_kept_or_logged(text):
    result = structure(document(text))
    kept = set()
    for sentence in result.sentences:
        kept.update(sentence.offsets)
    logged = set()
    for edit in result.log:
        logged.update(range(edit.raw_start, edit.raw_end))
    for offset, char in enumerate(text):
        assert char.isspace() or offset in kept or offset in logged, (repr(text), offset, char)


@FAST
@given(texts)
def test_note_markers_never_survive_in_running_text(text):
    result = structure(document(text))
    for sentence in result.sentences:
        if sentence.kind != "note":
            assert not re.search(f"[{SUPERSCRIPT}{CIRCLED}]", sentence.text), sentence.text
