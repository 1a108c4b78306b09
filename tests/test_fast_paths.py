"""Faster code paths give exactly what the plain versions they replaced gave.

Each fast path of issue 13 is compared with a straightforward reference implementation (the
code it replaced, kept here) on real text and on generated strings made of the characters
the code acts on, so that a difference anywhere fails, not only on the study texts.
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.paths import RAW
from helpers.text.clean import TERMINAL
from helpers.text.structure import split_sentences

_OPEN = {"《": "》", "“": "”", "「": "」", "『": "』"}
_CLOSERS = "”’」』）)"


def reference_split_sentences(text: str) -> list[tuple[int, int]]:
    """The per-character scan that :func:`split_sentences` replaced."""
    for respect_quotes in (True, False):
        spans: list[tuple[int, int]] = []
        start, stack, i = 0, [], 0
        balanced = True
        while i < len(text):
            char = text[i]
            if respect_quotes and char in _OPEN:
                stack.append(_OPEN[char])
            elif respect_quotes and stack and char == stack[-1]:
                stack.pop()
            elif respect_quotes and char in _OPEN.values():
                balanced = False
            ends = char in TERMINAL or text.startswith("……", i)
            if ends and not stack:
                i += 2 if text.startswith("……", i) else 1
                while i < len(text) and (text[i] in _CLOSERS or text[i] in TERMINAL):
                    i += 1
                spans.append((start, i))
                start = i
                continue
            i += 1
        if start < len(text):
            spans.append((start, len(text)))
        if not respect_quotes or (balanced and not stack):
            break
    return [(s, e) for s, e in spans if text[s:e].strip()]


MARKS = list("。！？!?…《》“”「」『』’）)（(，、a 中文\n") + ["……"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(MARKS), max_size=30).map("".join))
def test_sentences_split_as_the_character_scan_did(text):
    assert split_sentences(text) == reference_split_sentences(text)


def test_sentences_split_as_the_character_scan_did_on_the_study_texts():
    paragraphs = [p for name in sorted(os.listdir(RAW)) if name.endswith(".txt")
                  for p in (RAW / name).read_text(encoding="utf-8").split("\n")]
    assert len(paragraphs) > 100
    assert sum(len(split_sentences(p)) for p in paragraphs) > 250
    assert [split_sentences(p) for p in paragraphs] == [reference_split_sentences(p) for p in paragraphs]


# --------------------------------------------------------------------------- #
# Sentence rules of the quality audit: the Latin-letter shortcut
# --------------------------------------------------------------------------- #
import re  # noqa: E402
from array import array  # noqa: E402

from helpers.text import quality  # noqa: E402
from helpers.text.clean import HAN  # noqa: E402
from helpers.text.quality import Flag  # noqa: E402
from helpers.text.structure import Sentence  # noqa: E402


def reference_sentence_flags(doc: str, sentence: Sentence) -> list[Flag]:
    """The sentence rules as they were before the Latin-letter shortcut."""
    flags: list[Flag] = []
    text = sentence.text
    if sentence.part == "body" and sentence.kind == "sentence":
        for match in quality._STRAY.finditer(text):
            flags.append(Flag(doc, sentence.sentence_id, "stray_foreign_word",
                              text[max(0, match.start() - 4): match.end() + 4],
                              f"English word '{match.group(1)}' left in the Chinese text", "rule"))
    for match in quality._GLUED.finditer(quality._URLISH.sub(" ", text)):
        flags.append(Flag(doc, sentence.sentence_id, "spacing_artifact", match.group(0),
                          "Latin words glued together (spaces lost in extraction)", "rule"))
    if sentence.kind == "heading" and re.fullmatch(r"[A-Z][A-Z0-9 ]+", text.split(" ")[0]) \
            and not re.search(f"[{HAN}]", text.split(" ")[0]):
        flags.append(Flag(doc, sentence.sentence_id, "untranslated_heading", text,
                          "heading left in English in the Chinese text", "rule"))
    if sentence.kind == "toc":
        entries = [quality._TOC_ENTRY.match(e) for e in text.split(" ")]
        odd = [e.group(0) for e in entries if e and (re.fullmatch("[一二三四五六七八九十]+", e.group("page"))
                                                     or len(e.group("title")) <= 2)]
        if odd:
            flags.append(Flag(doc, sentence.sentence_id, "mangled_structure", " ".join(odd),
                              "table of contents garbled: page numbers translated as words, chapter titles cut to one word",
                              "rule"))
    for url in re.findall(r"https?://t\.co/[^\s<>。，]+", text):
        flags.append(Flag(doc, sentence.sentence_id, "broken_url", url,
                          "a social-media short link, not the cited report's address", "rule"))
    return flags


PIECES = ["军控", "条约", "中国", " and ", "and", " of ", "the", "ArmsControl", "TABLEOFCONTENTS", "CHAPTER3",
          "INTRODUCTION", "Ab3Cd", "https://t.co/x1", "www.example.org", "a@b.cn", "一", "五", "12", "iv", " ",
          "。", "，", "引言", "Ｔ"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
       st.sampled_from(["sentence", "heading", "toc", "note", "line"]), st.sampled_from(["front", "body", "notes"]))
def test_the_sentence_rules_flag_as_before(text, kind, part):
    sentence = Sentence("d", "d-0001", "d-sec00", part, 1, kind, 0, len(text), text, array("q"))
    assert quality._sentence_flags("d", sentence) == reference_sentence_flags("d", sentence)


# --------------------------------------------------------------------------- #
# Spacing and width: rules skipped when the character they need is absent
# --------------------------------------------------------------------------- #
from helpers.text import clean  # noqa: E402
from helpers.text.tracked import Tracked  # noqa: E402


def reference_spacing(piece: Tracked, log: list, *, prose: bool = True) -> Tracked:
    piece = piece.edit(clean._ODD_SPACE, lambda m: "" if m.group(0) in "\u200b\ufeff" else " ",
                       "normalise_space", "non-standard space character", log)
    if prose:
        piece = piece.edit(clean._SPACE_IN_CJK, "", "remove_space", "space between Chinese characters", log)
    piece = piece.edit(clean._SPACE_BEFORE_PUNCT, "", "remove_space", "space before Chinese punctuation", log)
    piece = piece.edit(clean._SPACE_AFTER_OPEN, "", "remove_space", "space after an opening bracket", log)
    piece = piece.edit(clean._SPACE_AFTER_PUNCT, "", "remove_space", "space after Chinese punctuation", log)
    piece = piece.edit(clean._SPACE_IN_DATE, "", "remove_space", "space inside a date or page number", log)
    return piece.edit(clean._MULTI_SPACE, " ", "remove_space", "repeated spaces", log)


def reference_width(piece: Tracked, log: list) -> Tracked:
    def parens(match):
        start, end = match.span()
        before = piece_text[start - 1] if start else ""
        after = piece_text[end] if end < len(piece_text) else ""
        if re.search(f"[{HAN}]", match.group(1)) or re.match(f"[{clean.CJK}]", before) or re.match(f"[{HAN}]", after):
            return f"（{match.group(1)}）"
        return match.group(0)

    piece_text = piece.text
    piece = piece.edit(clean._HALF_PARENS, parens, "normalise_width", "half-width parentheses in Chinese text", log)
    piece = piece.edit(clean._HALF_PUNCT, lambda m: clean._HALF_TO_FULL[m.group(0)], "normalise_width",
                       "half-width punctuation in Chinese text", log)
    return piece.edit(clean._FULLWIDTH_ALNUM, lambda m: chr(ord(m.group(0)) - 0xFEE0), "normalise_width",
                      "full-width letter or digit", log)


SPACING = list("中文军控 \u3000\u00a0\u200b\ufeff，。（）《》“”12年月第页a(),;:?!Ａ１") + ["  ", "(中)", "(a)"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SPACING), max_size=20).map("".join), st.booleans())
def test_spacing_and_width_clean_as_before(text, prose):
    for new, old, kw in ((clean.normalise_spacing, reference_spacing, {"prose": prose}),
                         (clean.normalise_width, reference_width, {})):
        log_new, log_old = [], []
        got, want = new(Tracked.from_raw(text), log_new, **kw), old(Tracked.from_raw(text), log_old, **kw)
        assert (got.text, list(got.offsets), log_new) == (want.text, list(want.offsets), log_old)


# --------------------------------------------------------------------------- #
# Tokens as columns: the same tokens and the same unlinked names as the loops over token tuples
# --------------------------------------------------------------------------- #
from helpers.language import entities, segment  # noqa: E402


def reference_tokenize(text: str, **kw) -> list[segment.Token]:
    """The per-token loop that :func:`segment.token_spans` replaced (same pieces, same engines)."""
    names = kw.get("names", ())
    pieces, position = [], 0
    for match in segment._protected(names).finditer(text):
        pieces.append((text[position:match.start()], position, False))
        pieces.append((match.group(0), match.start(), True))
        position = match.end()
    pieces.append((text[position:], position, False))
    fast = segment.domain_twin() if segment.engine() == "rjieba" else None
    tokens = []
    for piece, offset, keep in pieces:
        if not piece:
            continue
        if keep:
            tokens.append(segment.Token(piece, offset, offset + len(piece)))
            continue
        position = offset
        if fast is not None and not segment._RJIEBA_DIFFERS_HMM.search(piece):
            words = fast.cut(piece, True)
        else:
            words = segment.domain_tokenizer().cut(piece, HMM=True)
        for word in words:
            end = position + len(word)
            if not word.isspace():
                tokens.append(segment.Token(word, position, end))
            position = end
    return tokens


TOKEN_TEXT = list("中德军控对话美国俄罗斯 \u3000\t，。") + ["SM-3BlockIIA", "2021年", "50%", "——", "……", "a_1", "  ",
                                                         "斯德哥尔摩国际和平研究所", "奥利弗·迈尔", "潘基文", "㐀"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_TEXT), max_size=15).map("".join))
def test_token_spans_are_the_tokens_of_the_loop(text):
    spans = segment.token_spans(text)
    assert list(map(segment.Token._make, zip(*spans))) == segment.tokenize(text) == reference_tokenize(text)
    linked = entities.find_mentions(text)
    assert entities.find_unlinked_spans(text, *spans, linked) == entities.find_unlinked(text, segment.tokenize(text),
                                                                                         linked)


def test_token_spans_on_the_study_sentences(study):
    texts = [s.text for s in study.sentences]
    assert len(texts) > 250
    for text in texts:
        assert segment.tokenize(text) == reference_tokenize(text), text
