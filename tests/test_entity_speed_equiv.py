"""Entity matching's fast paths give exactly what the code before them gave.

The reference below is the implementation as it was before the Aho–Corasick matcher and the per-word
name test (find_mentions, _matches, _blocked, _is_place, the regular-expression matcher, find_unlinked
and name_tags), copied unchanged but for names.  It is compared with the current code, through the
automaton (``ahocorasick_rs``) and through the regular-expression fallback used when that package is
missing, on every sentence of the study export, on every line of ``tests/fixtures/`` and on generated
strings made of the lexicon's surface forms glued with Han, Latin, digits and punctuation.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers.language import entities
from helpers.language.entities import (NAME_TAGS, Mention, _HAN_NAME, _ORG_SUFFIX, _plausible_person, dyads,
                                       find_mentions, find_unlinked, name_tag, not_names)
from helpers.language.lexicon import Alias, aliases, blocked_contexts
from helpers.language.segment import Token, tokenize
from helpers.study.layer import study_aliases

try:
    import ahocorasick_rs  # noqa: F401

    HAVE_AUTOMATON = True
except ImportError:
    HAVE_AUTOMATON = False

needs_automaton = pytest.mark.skipif(not HAVE_AUTOMATON, reason="ahocorasick_rs is not installed")
FIXTURES = Path(__file__).parent / "fixtures"


# ---------------------------------------------------------------------------
# The reference: the implementation before the fast paths, unchanged
# ---------------------------------------------------------------------------

class OldMatcher:
    def __init__(self, surfaces: list[str]) -> None:
        by_first: dict[str, list[str]] = {}
        for surface in surfaces:
            by_first.setdefault(surface[0], []).append(surface)
        self._starts = re.compile("[" + "".join(re.escape(c) for c in sorted(by_first)) + "]") if by_first else None
        self._at = {char: re.compile(_old_first_char_pattern(words)) for char, words in by_first.items()}

    def match(self, text: str, position: int) -> re.Match[str] | None:
        pattern = self._at.get(text[position]) if position < len(text) else None
        return pattern.match(text, position) if pattern else None

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        if self._starts is None:
            return None
        for start in self._starts.finditer(text, position):
            found = self._at[start.group(0)].match(text, start.start())
            if found:
                return found
        return None


@lru_cache(maxsize=8)
def old_matcher(extra: tuple[Alias, ...] = (), general: bool = True) -> tuple[OldMatcher, dict[str, Alias]]:
    table = {a.surface: a for a in aliases(general=general)}
    for alias in extra:
        table.setdefault(alias.surface, alias)
    for surface in dyads(general):
        table.setdefault(surface, Alias(surface, "", "dyad", ""))
    return OldMatcher(list(table)), table


_OLD_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .\-]*")


def _old_first_char_pattern(words: list[str]) -> str:
    if re.match(r"[A-Za-z]", words[0]):
        parts = []
        for word in sorted(words, key=lambda w: (-len(w), w)):
            escaped = re.escape(word)
            if _OLD_LATIN_NAME.fullmatch(word):
                escaped = rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
            parts.append(escaped)
        return "|".join(parts)
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def old_find_mentions(text: str, extra: tuple[Alias, ...] = (), general: bool = True) -> list[Mention]:
    pattern, table = old_matcher(extra, general)
    found: list[Mention] = []
    for match in _old_matches(pattern, text):
        alias = table[match.group(0)]
        if alias.form == "metonym" and _old_is_place(text, match.start(), match.end(), pattern):
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


def _old_matches(pattern: OldMatcher, text: str) -> Iterator[re.Match[str]]:
    blocked = blocked_contexts()
    position = 0
    while True:
        match = pattern.search(text, position)
        if match is None:
            return
        if _old_blocked(text, match.start(), match.group(0), blocked) or _old_inside_zhong_word(text, match):
            position = match.start() + 1
            continue
        yield match
        position = match.end()


def _old_blocked(text: str, start: int, surface: str, blocked: dict[str, tuple[tuple[int, str], ...]]) -> bool:
    return any(text.startswith(context, start - offset) for offset, context in blocked.get(surface, ())
               if start >= offset)


_OLD_ZHONG_BEFORE = "其手空集心之当从暗途家期文眼水脑口胸怀正居适命射"


def _old_inside_zhong_word(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    return match.group(0).startswith("中") and start > 0 and text[start - 1] in _OLD_ZHONG_BEFORE


_OLD_PLACE_BEFORE = "在于赴往东南西北"
_OLD_PLACE_AFTER = ("市", "大学", "举行", "发表", "工作", "召开")


def _old_is_place(text: str, start: int, end: int, pattern: OldMatcher) -> bool:
    if start and text[start - 1] in _OLD_PLACE_BEFORE:
        return True
    if text.startswith(_OLD_PLACE_AFTER, end):
        return True
    following = pattern.match(text, end)
    return following is not None and following.group(0) not in ("和", "")


def old_name_tags_in(lines: Iterator[bytes]) -> dict[str, str]:
    tags: dict[str, str] = {}
    for line in lines:
        parts = line.decode("utf-8").split()
        if len(parts) == 3 and parts[2] in NAME_TAGS:
            tags[parts[0]] = parts[2]
    return tags


def old_name_tags() -> dict[str, str]:
    import jieba

    with jieba.dt.get_dict_file() as handle:
        return old_name_tags_in(handle)


def old_find_unlinked(text: str, tokens: list, linked: list[Mention]) -> list[Mention]:
    covered = [False] * len(text)
    for mention in linked:
        for i in range(mention.start, mention.end):
            covered[i] = True
    skip = not_names()
    blocked = blocked_contexts()
    found: list[Mention] = []
    for index, token in enumerate(tokens):
        word = token.text
        if not _HAN_NAME.fullmatch(word) or word in skip or any(covered[token.start:token.end]) \
                or _old_blocked(text, token.start, word, blocked):
            continue
        category = NAME_TAGS.get(name_tag(word))
        if category is None or (category == "person" and not _plausible_person(word)):
            continue
        start, end = token.start, token.end
        following = tokens[index + 1:index + 4]
        for offset, nxt in enumerate(following):
            if any(covered[nxt.start:nxt.end]) or not _HAN_NAME.fullmatch(nxt.text):
                break
            if _ORG_SUFFIX.search(nxt.text):
                start, end, category = token.start, nxt.end, "organisation"
                break
        previous = found[-1] if found else None
        if previous and category == previous.category == "person" and text[previous.end:start] in ("·", "•", "・", ""):
            found[-1] = Mention(text[previous.start:end], "", "unlinked", previous.start, end, "person")
            continue
        if previous and start < previous.end:
            continue
        found.append(Mention(text[start:end], "", "unlinked", start, end, category))
    return found


# ---------------------------------------------------------------------------
# The current code through each matcher
# ---------------------------------------------------------------------------

_MATCHER = entities._matcher


@lru_cache(maxsize=8)
def regex_matcher(extra: tuple[Alias, ...] = (), general: bool = True):
    """The current ``_matcher``'s table with the regular-expression matcher (the fallback)."""
    _, table = _MATCHER(extra, general)
    return entities._Matcher(list(table)), table


def find_mentions_by_regex(text: str, extra: tuple[Alias, ...] = (), general: bool = True) -> list[Mention]:
    """:func:`find_mentions` as it runs without ahocorasick_rs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(entities, "_matcher", regex_matcher)
        return find_mentions(text, extra, general)


#: The lexicons find_mentions is used with: the generic pipeline's, and the study's (its extra forms, no general layer).
LEXICONS = [((), True), (study_aliases(), False), (study_aliases(), True), ((), False)]


def split_tokens(text: str, sizes: tuple[int, ...] = (2, 3), shift: int = 0) -> list[Token]:
    """Tokens cut from *text* by fixed sizes in turn (not a tokenizer's cut: it makes many more unknown
    Han words, for the name test by shape)."""
    tokens, position, turn = [], 0, 0
    if shift:
        tokens.append(Token(text[:shift], 0, min(shift, len(text))))
        position = shift
    while position < len(text):
        size = sizes[turn % len(sizes)]
        tokens.append(Token(text[position:position + size], position, min(position + size, len(text))))
        position += size
        turn += 1
    return [t for t in tokens if t.text]


def token_sets(text: str) -> list[list[Token]]:
    sets = [split_tokens(text), split_tokens(text, (3, 2, 4), 1), split_tokens(text, (2,), 1)]
    try:
        sets.append(tokenize(text))
    except UnicodeError:  # a lone surrogate: the tokenizer may refuse it
        pass
    return sets


def assert_same(text: str) -> None:
    """Mentions and unlinked names of *text*: the current code, by both matchers, equals the reference."""
    for extra, general in LEXICONS:
        expected = old_find_mentions(text, extra, general)
        assert find_mentions_by_regex(text, extra, general) == expected, (text, general)
        if HAVE_AUTOMATON:
            assert find_mentions(text, extra, general) == expected, (text, general)
        if extra and not general:
            continue  # the unlinked names depend on the linked ones only; two lexicons are enough for them
        for tokens in token_sets(text):
            assert find_unlinked(text, tokens, expected) == old_find_unlinked(text, tokens, expected), text


def assert_same_longest(text: str) -> None:
    """The two matchers' longest name at each start agree (all lexicons)."""
    for extra, general in LEXICONS:
        regex, _ = regex_matcher(extra, general)
        pattern, _ = entities._matcher(extra, general)
        assert pattern.longest(text) == regex.longest(text), text


# ---------------------------------------------------------------------------
# Real texts
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def study_sentences(tmp_path_factory) -> list[str]:
    """Every sentence of the study export (``python -m helpers export``)."""
    out = tmp_path_factory.mktemp("export")
    subprocess.run([sys.executable, "-m", "helpers", "export", "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    return list(sentences["text"])


def fixture_lines() -> list[str]:
    lines = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file():
            lines.extend(path.read_bytes().decode("utf-8", errors="surrogateescape").splitlines())
    return [line for line in lines if line.strip()]


def test_the_reference_is_the_old_code_on_known_cases():
    """A check of the reference itself, on cases the entity tests pin down."""
    assert [m.entity for m in old_find_mentions("其中国际原子能机构")] == ["iaea"]
    assert old_find_mentions("中非合作论坛在马里兰召开") == []
    assert [m.entity for m in old_find_mentions("EU和NATO")] == ["eu", "nato"]


def test_study_sentences_give_the_same_mentions(study_sentences):
    assert len(study_sentences) > 200
    for text in study_sentences:
        assert_same(text)
        assert_same_longest(text)


def test_fixture_lines_give_the_same_mentions():
    lines = fixture_lines()
    assert len(lines) > 100
    for text in lines:
        assert_same(text)
        assert_same_longest(text)


def test_the_fallback_is_used_without_ahocorasick_rs(study_sentences):
    """With ahocorasick_rs not importable, _matcher builds the regular-expression matcher, and
    find_mentions gives what it gives with the automaton."""
    with_automaton = [find_mentions(text) for text in study_sentences]
    entities._matcher.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(sys.modules, "ahocorasick_rs", None)  # import fails
            pattern, _ = entities._matcher()
            assert type(pattern) is entities._Matcher
            assert [find_mentions(text) for text in study_sentences] == with_automaton
    finally:
        entities._matcher.cache_clear()
    if HAVE_AUTOMATON:
        assert type(entities._matcher()[0]) is entities._AutomatonMatcher


@needs_automaton
def test_a_lone_surrogate_goes_to_the_regular_expressions():
    text = "x\udc80联合国安理会\ud800NPT中美洲"
    pattern, _ = entities._matcher()
    assert pattern.longest(text) == regex_matcher()[0].longest(text) != {}
    assert find_mentions(text) == old_find_mentions(text)


def test_name_tags_are_those_of_the_line_by_line_read():
    new, old = entities.name_tags(), old_name_tags()
    assert list(new.items()) == list(old.items())


# ---------------------------------------------------------------------------
# Generated texts
# ---------------------------------------------------------------------------

def _surfaces() -> list[str]:
    found: set[str] = set()
    for extra, general in LEXICONS:
        found.update(old_matcher(extra, general)[1])
    return sorted(found)


SURFACES = _surfaces()
CONTEXTS = sorted({context for rows in blocked_contexts().values() for _, context in rows})
#: Words around names: the characters before 中 that make a word with it, place words around capitals,
#: organisation endings, brackets, Latin letters and digits next to Latin names, and a few name-like words.
GLUE = (list(entities._ZHONG_BEFORE) + list(entities._PLACE_BEFORE)
        + ["市", "大学", "举行", "发表", "工作", "召开", "和", "的", "国家", "洲", "合作", "兰", "研究所", "委员会",
           "国际", "和平", "中", "欧", "美", "非", "其中", "手中", "中美洲", "中欧国家", "中非合作"]
        + list("，。、；：《》（）()“” ·•・-.") + ["  ", "\n", "\u3000"]
        + list("aZsNpT05x") + ["s", "S", "1", "-", " ", "e"]
        + ["潘基文", "安倍晋三", "麦克风", "白皮书", "斯德哥尔摩", "奥利弗", "迈尔", "两国", "大国", "郭嘉昆", "林剑",
           "古特雷斯", "马克龙", "特朗普", "广州", "海南岛", "外交部", "清华大学", "\udc80"])


def fragments(word: str) -> st.SearchStrategy[str]:
    """*word* or a piece of it (a name cut at either end overlaps its neighbours differently)."""
    return st.tuples(st.integers(0, len(word)), st.integers(0, len(word))).map(
        lambda ij: word[min(ij):max(ij)] if ij[0] != ij[1] else word)


PIECES = st.one_of(
    st.sampled_from(SURFACES),
    st.sampled_from(SURFACES).flatmap(fragments),
    st.sampled_from(CONTEXTS),
    st.sampled_from(CONTEXTS).flatmap(fragments),
    st.sampled_from(GLUE),
    st.text(alphabet="中美俄欧非德法日英国联合安理会核条约组织北京华盛顿柏林和在市aANTOPs5 .-（）》",
            min_size=1, max_size=4),
)
TEXTS = st.lists(PIECES, min_size=1, max_size=24).map("".join)

GENERATED = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@GENERATED
@example("中美洲和中欧国家")
@example("其中美国和中国")
@example("其中国际原子能机构")
@example("中非合作论坛在马里兰召开")
@example("NPT和NPTs、aNPT、NPT1、1NPT、New START条约、New STARTs")
@example("在北京发表，北京和柏林，北京市，西北华盛顿，柏林德国国际与安全事务研究所")
@example("《不扩散核武器条约》（NPT）、《禁止生物武器公约》（BWC）")
@example("联合国安理会联合国安理会常任理事国")
@example("美俄两国，中美、中德")
@example("斯德哥尔摩国际和平研究所的奥利弗·迈尔与潘基文")
@given(TEXTS)
def test_generated_texts_give_the_same_mentions(text):
    assert_same(text)
    assert_same_longest(text)


#: Characters str.split() splits at (and \S does not match), and some that it does not split at.
_WHITE = [" ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\ufeff", "\u200b"]
_FIELDS = ["nr", "nrfg", "nrt", "ns", "nt", "n", "nz", "nrx", "3", "12", "潘基文", "北京", "a", "nr1", "xnr"]
_LINES = st.lists(st.one_of(st.sampled_from(_WHITE), st.sampled_from(_FIELDS)), max_size=9).map("".join)


@GENERATED
@example(["潘基文 3 nr", "北京 100 ns", "北京 5 nt", "中国 9 n", "a b c d nr", " x\t1\tnrfg\r", "y 1 nr x"])
@given(st.lists(_LINES, max_size=8))
def test_the_dictionary_read_gives_the_same_tags(lines):
    text = "\n".join(lines)
    new = entities._name_tags_in(text)
    old = old_name_tags_in(io.BytesIO(text.encode("utf-8")))  # read line by line, as from the file
    assert list(new.items()) == list(old.items())
