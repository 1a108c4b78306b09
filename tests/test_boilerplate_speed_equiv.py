"""The fast paths of the boilerplate stage give exactly what the plain loops gave.

The code before the speed-up is copied here as the reference: the boilerplate rule loops
(:func:`ref_boilerplate_reason`, :func:`ref_boilerplate_matches`), the junk-string test, ``is_english`` and
the functions of ``structure`` that use them.  The current functions are compared with it over every line
(and runs of lines) of the study texts and the test fixtures, over random text built from the rules' own
characters and words, over examples generated from each rule's pattern, and, for the prefilter
(:func:`helpers.text.clean.requirements`), over random patterns, so that a rule a student adds to
``boilerplate.csv`` is read soundly too.  ``boilerplate.csv`` has no column of examples (only ``pattern`` and
``reason``), so each rule's own positive examples are generated from its pattern (``st.from_regex``).
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path
from re import _parser
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers.paths import RAW
from helpers.text import clean, structure
from helpers.text.clean import HAN, BoilerplateRule
from helpers.text.corpus import Document
from helpers.text.tracked import Edit, Tracked

FIXTURES = Path(__file__).parent / "fixtures"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))


# --------------------------------------------------------------------------- #
# The reference: the code before the speed-up
# --------------------------------------------------------------------------- #
def ref_boilerplate_reason(text: str) -> str | None:
    for rule in clean.boilerplate_rules():
        if rule.pattern.pattern.startswith("^"):
            if rule.pattern.search(text):
                return rule.reason
            continue
        for match in rule.pattern.finditer(text):
            if not clean._in_running_text(text, match):
                return rule.reason
    return None


def ref_boilerplate_matches(text: str) -> list[tuple[int, int, str]]:
    out = []
    for rule in clean.boilerplate_rules():
        anchored = rule.pattern.pattern.startswith("^")
        for match in rule.pattern.finditer(text):
            if match.end() > match.start() and (anchored or not clean._in_running_text(text, match)):
                out.append((match.start(), match.end(), rule.reason))
    return out


def ref_is_junk_string(token: str) -> bool:
    token = token.strip(":;,.()[]'\"")
    if len(token) < 8 or clean._URL_OR_MAIL.search(token):
        return False
    symbols = sum(c in clean._JUNK_SYMBOLS for c in token)
    if not symbols:
        return False
    brackets = sum(c in "()[]," for c in token)
    if symbols + brackets < 2:
        return False
    classes = sum((any(c.islower() for c in token), any(c.isupper() for c in token),
                   any(c.isdigit() for c in token), symbols > 0))
    return symbols >= 1 and symbols + brackets >= 2 and classes >= 3 and ref_switches(token) >= 2


def ref_switches(token: str) -> int:
    count = 0
    for i, (a, b) in enumerate(zip(token, token[1:])):
        starts_word = a.isupper() and b.islower() and (i == 0 or not token[i - 1].isalpha())
        if a.isalpha() and b.isalpha() and a.islower() != b.islower() and not starts_word:
            count += 1
        elif (a.isalpha() and b.isdigit()) or (a.isdigit() and b.isalpha()):
            count += 1
    return count


def ref_junk_line_reason(line: str) -> str | None:
    words = line.split()
    if words and all(ref_is_junk_string(w) for w in words):
        return "anti-scraping junk string (random ASCII) on a line of its own"
    return None


def ref_is_english(text: str, min_words: int = 5) -> bool:
    latin = sum(len(w) for w in structure._LATIN_WORD.findall(text))
    han = len(re.findall(f"[{HAN}]", text))
    return len(structure._LATIN_WORD.findall(text)) >= min_words and latin >= 0.8 * (latin + han)


def ref_is_translation_line(text: str) -> bool:
    return ref_is_english(text) and not structure._HAN_CHAR.search(text)


def ref_is_chinese(text: str) -> bool:
    return len(re.findall(f"[{HAN}]", text)) >= 4 and not ref_is_english(text)


def ref_page_languages(text: str) -> structure.Languages:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [line for line in lines if not ref_boilerplate_reason(line) and not ref_junk_line_reason(line)]
    english = [i for i, line in enumerate(lines)
               if ref_is_translation_line(line) and ref_is_english(line, min_words=4)]
    chinese = [i for i, line in enumerate(lines) if ref_is_chinese(line)]
    latin = sum(len(w) for line in lines for w in structure._LATIN_WORD.findall(line))
    han = sum(len(structure._HAN_CHAR.findall(line)) for line in lines)
    mostly_english = bool(english) and latin > 12 * han
    title = {chinese[0] - 1, chinese[0] + 1} if chinese else set()
    parallel = [i for i in english if i not in title]
    bilingual = not mostly_english and len(parallel) >= 2 and 3 * len(parallel) >= len(chinese)
    return structure.Languages(bilingual, mostly_english, len(english), len(chinese))


def ref_split_paragraphs(text: Tracked, log: list[Edit], *, languages=None, content=None) -> list[Tracked]:
    s = structure
    pieces: list[Tracked] = []
    for block in text.split(s._BLANK_LINES):
        lines = [line.strip() for line in block.split(s._NEWLINE) if line.text.strip()]
        if content is not None:
            content.update(lines[i].raw_start for i in s._table_rows(lines))
        lines = ref_drop_lines(lines, log, languages)
        for group in s._group_lines(lines):
            piece = group[0]
            for line in group[1:]:
                piece = s._join(piece, line, text, log)
            for part in piece.split(s._INLINE_BREAK):
                pieces.extend(s._split_headings(part.strip()))
    return [p for p in pieces if p.text.strip()]


def ref_drop_lines(lines: list[Tracked], log: list[Edit], languages=None) -> list[Tracked]:
    s = structure
    languages = languages or s.Languages(bilingual=True, mostly_english=False, english=0, chinese=0)
    cuts: dict[int, list[tuple[int, int, str]]] = {}
    reasons: list[str | None] = []
    tables = s._table_rows(lines)
    for i, line in enumerate(lines):
        clauses = None if i in tables else s.clutter_clauses(line.text)
        if clauses and clauses[0][:2] != (0, len(line.text)):
            cuts[i] = clauses
            clauses = None
        reasons.append(clauses[0][2] if clauses else None if i in tables else ref_junk_line_reason(line.text))
    reasons = s._menu_rows(lines, s._infobox_rows(lines, reasons))
    kept = []
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if reason:
            log.append(Edit(line.raw_start, line.raw_end, "remove_boilerplate", reason, line.text, ""))
            continue
        kept.append(s.cut_clauses(line, cuts[i], log) if i in cuts else line)
    chinese = [line for line in kept if len(re.findall(f"[{HAN}]", line.text)) >= 4 and not ref_is_english(line.text)]
    if not chinese or languages.mostly_english:
        return kept
    out = []
    for i, line in enumerate(kept):
        reason = None
        if not ref_is_translation_line(line.text) or s._introduced_quotation(kept[i - 1].text if i else ""):
            pass
        elif languages.bilingual:
            reason = "English line interleaved with the Chinese text (a parallel translation)"
        elif s._english_title(line.text) and any(s._chinese_title(kept[j].text)
                                                 for j in (i - 1, i + 1) if 0 <= j < len(kept)):
            reason = "English line beside a Chinese title or heading (its translation)"
        if reason:
            log.append(Edit(line.raw_start, line.raw_end, "remove_translation", reason, line.text, ""))
            continue
        out.append(line)
    return out


def reference_structure(document: Document) -> structure.Structured:
    """``structure.structure`` with every function this speed-up touched replaced by its reference."""
    with ExitStack() as stack:
        for module, name, ref in [
            (clean, "boilerplate_reason", ref_boilerplate_reason),
            (clean, "boilerplate_matches", ref_boilerplate_matches),
            (clean, "is_junk_string", ref_is_junk_string),
            (clean, "junk_line_reason", ref_junk_line_reason),
            (structure, "is_english", ref_is_english),
            (structure, "_is_translation_line", ref_is_translation_line),
            (structure, "page_languages", ref_page_languages),
            (structure, "split_paragraphs", ref_split_paragraphs),
            (structure, "_drop_lines", ref_drop_lines),
        ]:
            stack.enter_context(mock.patch.object(module, name, ref))
        return structure.structure(document)


# --------------------------------------------------------------------------- #
# Inputs
# --------------------------------------------------------------------------- #
def _texts() -> list[str]:
    paths = sorted(RAW.glob("*.txt")) + sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


TEXTS = _texts()


def _lines() -> list[str]:
    """Every line of the texts (raw and stripped), and runs of two and three lines joined by a line break
    or by nothing (a paragraph as ``remove_boilerplate`` sees it)."""
    out: set[str] = set()
    for text in TEXTS:
        lines = text.split("\n")
        out.update(lines)
        out.update(line.strip() for line in lines)
        for n in (2, 3):
            for i in range(len(lines) - n + 1):
                out.add("\n".join(lines[i:i + n]))
                out.add("".join(line.strip() for line in lines[i:i + n]))
    return sorted(out)


LINES = _lines()


def _rule_words(rules=None) -> list[str]:
    """The literal runs and class characters of the rules' parse trees (default: every rule): the words the
    rules look for."""
    words: set[str] = set()

    def walk(items) -> None:
        run = ""
        for op, av in items:
            if op is _parser.LITERAL:
                run += chr(av)
                continue
            if run:
                words.add(run)
            run = ""
            if op is _parser.IN:
                for o, a in av:
                    if o is _parser.LITERAL:
                        words.add(chr(a))
                    elif o is _parser.RANGE and a[1] - a[0] < 64:
                        words.update(map(chr, range(a[0], a[1] + 1)))
            elif op is _parser.BRANCH:
                for alternative in av[1]:
                    walk(alternative)
            elif op is _parser.SUBPATTERN:
                walk(av[3])
            elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
                walk(av[1])
        if run:
            words.add(run)

    for rule in clean.boilerplate_rules() if rules is None else rules:
        walk(list(_parser.parse(rule.pattern.pattern, rule.pattern.flags)))
    return sorted(words)


RULE_WORDS = _rule_words()
OTHER_PIECES = list("中国的是军控核武器条约对话国际安全版权") + list("abcxyzABCXYZ0123456789") + \
    list("，。、；：？！（）《》【】“”…—·:;,.!?()[]<>/|｜»›>-–_@#%&*+=~") + \
    [" ", "  ", "\t", "\u3000", "\u00a0", "\n", "\u2003", "2024-05-06", "2024年5月6日", "12:30", "JavaScript",
     " - ", " | ", "Tags", "EN", "CN", "English", "http://x.org/a", "ab@cd.com", "Stockholm International Peace"]
PIECES = RULE_WORDS + OTHER_PIECES
pieces_text = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
chars_text = st.text(alphabet=st.sampled_from(sorted({c for w in PIECES for c in w})), max_size=30)
random_text = st.one_of(pieces_text, chars_text)
RULES = clean.boilerplate_rules()


# --------------------------------------------------------------------------- #
# The boilerplate rules
# --------------------------------------------------------------------------- #
def test_reason_and_matches_on_every_line_of_the_study_and_fixtures():
    assert len(LINES) > 1000
    for line in LINES:
        assert clean.boilerplate_matches(line) == ref_boilerplate_matches(line), line
        assert clean.boilerplate_reason(line) == ref_boilerplate_reason(line), line


def test_the_corpus_lines_exercise_the_rules():
    """The comparison above is not vacuous: many lines match some rule."""
    assert sum(bool(ref_boilerplate_matches(line)) for line in LINES) >= 50


@SETTINGS
@given(random_text)
def test_reason_and_matches_on_random_text(text):
    assert clean.boilerplate_matches(text) == ref_boilerplate_matches(text)
    assert clean.boilerplate_reason(text) == ref_boilerplate_reason(text)


#: Items of a portal's menu row, for a rule with a lookahead (``st.from_regex`` is very slow on those).
MENU_ITEMS = ["国际新闻", "国内要闻", "军控动态", "战略研究", "NBA", "Sports", "2024"]


def _tame(text: str) -> str:
    """*text* with each run of whitespace cut to its first character, and cut to 40 characters if it still
    holds more than six whitespace characters, so that no rule backtracks for long on it."""
    text = re.sub(r"\s+", lambda m: m.group(0)[0], text)
    return text if sum(map(str.isspace, text)) <= 6 else text[:40]


def _positive_examples(rule: BoilerplateRule) -> st.SearchStrategy[str]:
    r"""Strings the rule's pattern matches: generated from the pattern, or, for a pattern with a lookahead
    (the portal menu row), a row of one of the rule's own words and menu items separated by spaces.

    A generated string is tamed (:func:`_tame`) first: some rules backtrack exponentially on spaces around
    bars (``^[^。，！？；|｜]{1,12}(\s*[|｜]\s*[^。，！？；|｜]{1,12}){2,}$`` takes seconds on 60 characters of
    ``ab | ab | …`` followed by a 。), in the reference as in the fast path."""
    if "(?=" not in rule.pattern.pattern:
        return st.from_regex(rule.pattern).map(_tame)
    words = [w for w in _rule_words([rule]) if len(w) > 1]
    rows = st.tuples(st.sampled_from(words), st.lists(st.sampled_from(MENU_ITEMS), min_size=2, max_size=5),
                     st.sampled_from([" ", "  ", "\u3000"]))
    return rows.map(lambda p: p[2].join([p[0], "国际新闻", "国内要闻", *p[1]]))


@pytest.mark.parametrize("index", range(len(RULES)), ids=[f"rule{i}" for i in range(len(RULES))])
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_rule_keeps_its_own_positive_examples(index, data):
    """Strings that the rule's pattern matches pass the rule's prefilter, with or without text around them,
    and both functions agree with the reference on them."""
    rule = RULES[index]
    example = data.draw(_positive_examples(rule), label="example")
    around = data.draw(st.sampled_from(["", " ", "中文", "\n"]), label="around")
    for text in (example, around + example, example + around):
        if rule.pattern.search(text):
            candidates = [pattern for pattern, _, _ in clean._rule_index().candidates(text)]
            assert rule.pattern in candidates, (rule.pattern.pattern, text)
        assert clean.boilerplate_matches(text) == ref_boilerplate_matches(text)
        assert clean.boilerplate_reason(text) == ref_boilerplate_reason(text)


def test_the_positive_examples_match():
    """The generated examples are mostly real positives, so the test above is not vacuous."""
    for rule in RULES:
        found = []

        @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(_positive_examples(rule))
        def collect(text):
            found.append(bool(rule.pattern.search(text)))

        collect()
        assert sum(found) >= len(found) // 4, rule.pattern.pattern


def test_every_rule_is_analysed():
    """Each rule of the CSV gets requirements, except the two whose matches need no particular character."""
    unfiltered = [rule.pattern.pattern for rule in RULES if not clean.requirements(rule.pattern)]
    assert len(unfiltered) <= 2, unfiltered


def test_requirements_hold_on_every_match_in_the_corpus():
    for rule in RULES:
        requirements = clean.requirements(rule.pattern)
        for line in LINES:
            if rule.pattern.search(line):
                assert all(_met(r, line) for r in requirements), (rule.pattern.pattern, line)


def _met(requirement: frozenset[str], text: str) -> bool:
    return any(c in text for c in requirement if c != clean._SPACE) or (
        clean._SPACE in requirement and bool(re.search(r"\s", text)))


# --------------------------------------------------------------------------- #
# The prefilter on patterns it has never seen
# --------------------------------------------------------------------------- #
ALPHABET = "ab中:  \t\u30001A"
_atoms = st.sampled_from(["a", "b", "中", ":", " ", "A", "1", "[ab]", "[^a]", "[a-c]", r"\s", r"\d", r"\S", r"\w",
                          ".", r"[中\s]", "[:：]", r"\.", "^", "$", r"\b", r"\A", r"\Z", "(?<=a)", "(?<!b)"])


def _extend(inner):
    return st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
        st.tuples(inner, inner).map(lambda p: f"({p[0]}|{p[1]}|)"),
        inner.map(lambda p: f"({p})"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{0,2}", "{2}", "{1,3}?", "*+", "{0}", "??"])).map(
            lambda p: f"(?:{p[0]}){p[1]}"),
        inner.map(lambda p: f"(?={p})"),
        inner.map(lambda p: f"(?!{p})"),
        inner.map(lambda p: f"(?>{p})"),
        inner.map(lambda p: f"(?i:{p})"),
        inner.map(lambda p: f"(?P<g>{p})(?P=g)"),
        inner.map(lambda p: f"(x)?(?(1){p}|b)"),
    )


patterns = st.recursive(_atoms, _extend, max_leaves=8)
flags = st.sampled_from([0, re.IGNORECASE, re.MULTILINE, re.DOTALL, re.ASCII, re.VERBOSE])


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(patterns, flags, st.text(alphabet=ALPHABET, max_size=10))
def test_requirements_are_sound_for_any_pattern(source, flag, text):
    """Whatever a pattern is, a text it matches meets every requirement read from it."""
    try:
        pattern = re.compile(source, flag)
    except (re.error, OverflowError):
        assume(False)
    if pattern.search(text):
        for requirement in clean.requirements(pattern):
            assert _met(requirement, text), (source, flag, text, requirement)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(patterns, flags), min_size=1, max_size=6), st.lists(st.text(alphabet=ALPHABET + "中文",
                                                                                   max_size=12), max_size=8))
def test_any_rule_set_gives_the_reference_results(sources, texts):
    """With another boilerplate.csv (random rules), the index is built again and agrees with the loops."""
    rules = []
    for i, (source, flag) in enumerate(sources):
        try:
            rules.append(BoilerplateRule(re.compile(source, flag), f"reason {i}"))
        except (re.error, OverflowError):
            pass
    assume(rules)
    rules = tuple(rules)
    with mock.patch.object(clean, "boilerplate_rules", lambda: rules):
        for text in texts:
            assert clean.boilerplate_matches(text) == ref_boilerplate_matches(text)
            assert clean.boilerplate_reason(text) == ref_boilerplate_reason(text)


# --------------------------------------------------------------------------- #
# Junk strings, English lines, page languages
# --------------------------------------------------------------------------- #
def test_junk_and_english_on_every_line():
    for line in LINES:
        assert clean.junk_line_reason(line) == ref_junk_line_reason(line), line
        assert structure.is_english(line) == ref_is_english(line), line
        assert structure.is_english(line, min_words=4) == ref_is_english(line, min_words=4), line
        assert structure._is_translation_line(line) == ref_is_translation_line(line), line
        assert clean.han_count(line) == len(re.findall(f"[{HAN}]", line))
        for word in line.split():
            assert clean.is_junk_string(word) == ref_is_junk_string(word), word


junk_token = st.text(alphabet="aZk9Q0@|&=~;%#()[],.:中xY", min_size=0, max_size=24)


@SETTINGS
@given(st.one_of(junk_token, random_text), st.integers(min_value=0, max_value=8))
def test_junk_and_english_on_random_text(text, min_words):
    assert clean.is_junk_string(text) == ref_is_junk_string(text)
    assert clean._switches(text) == ref_switches(text)
    assert (clean._switches(text, limit=2) >= 2) == (ref_switches(text) >= 2)
    assert clean.junk_line_reason(text) == ref_junk_line_reason(text)
    assert structure.is_english(text, min_words) == ref_is_english(text, min_words)
    assert structure._is_translation_line(text) == ref_is_translation_line(text)
    assert clean.han_count(text) == len(re.findall(f"[{HAN}]", text))


ENGLISH = ["The treaty limits the number of deployed warheads and launchers.", "Arms Control Association",
           "China and the United States held talks on nuclear risk reduction in Geneva this week"]
CHINESE = ["中美两国在日内瓦举行了关于降低核风险的会谈。", "军控条约的未来", "中国的立场是坚决反对核扩散。"]
page_lines = st.lists(st.one_of(st.sampled_from(ENGLISH + CHINESE + OTHER_PIECES), random_text), max_size=12)


def test_page_languages_on_the_study_and_fixtures():
    for text in TEXTS:
        assert structure.page_languages(text) == ref_page_languages(text)


@SETTINGS
@given(page_lines)
def test_page_languages_on_random_pages(lines):
    text = "\n".join(lines)
    assert structure.page_languages(text) == ref_page_languages(text)


# --------------------------------------------------------------------------- #
# The whole structure stage
# --------------------------------------------------------------------------- #
def _same(a: structure.Structured, b: structure.Structured) -> None:
    assert a == b
    assert [list(s.offsets) for s in a.sentences] == [list(s.offsets) for s in b.sentences]


def _document(text: str) -> Document:
    return Document("gen", Path("generated.txt"), text, {}, "utf-8", "")


def test_structure_on_the_study_and_fixtures():
    for text in TEXTS:
        _same(structure.structure(_document(text)), reference_structure(_document(text)))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.sampled_from(ENGLISH + CHINESE + LINES[:400]), random_text), max_size=16))
def test_structure_on_random_pages(lines):
    text = "\n".join(lines)
    _same(structure.structure(_document(text)), reference_structure(_document(text)))
