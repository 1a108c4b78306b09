"""No rule file pattern can stall the pipeline on a hostile line (catastrophic backtracking).

Two navigation rules once read ``^X{1,12}(\\s*[|｜]\\s*X{1,12}){2,}$``: the spaces around a bar could be
matched by ``\\s*`` or inside a field, so the work doubled with every field.  A 63-character line of
twelve links separated by `` | `` and ending in 。 took four seconds, fifteen links several minutes.  The
rules now say each field's first and last character is not a space, which leaves one way to match;
these tests keep them equal to the old patterns and time every rule on lines built to provoke it.
"""

from __future__ import annotations

import itertools
import random
import re
import time

import pytest

from helpers.text.clean import boilerplate_rules, metadata_rules

#: The two rules as they were, and the text of their rewritten form in boilerplate.csv.
OLD_BARS = r"^[^。，！？；|｜]{1,12}(\s*[|｜]\s*[^。，！？；|｜]{1,12}){2,}$"
OLD_CRUMBS = r"^[^。，！？；>»›]{1,20}(\s*[>»›]\s*[^。，！？；>»›]{1,20}){2,}\s*[>»›]?\s*$"


def _fields(excluded: str, n: int) -> tuple[str, str, str]:
    """The first, middle and last field of a row of at most *n* characters each, spaces outside a field."""
    c, cs = f"[^{excluded}]", f"[^{excluded}\\s]"
    return (f"(?:{c}{{0,{n - 1}}}{cs}\\s*|\\s+)", f"(?:\\s*{cs}(?:{c}{{0,{n - 2}}}{cs})?\\s*|\\s+)",
            f"(?:\\s*{cs}{c}{{0,{n - 1}}}|\\s+)")


def bars(excluded: str, separators: str, n: int) -> str:
    first, middle, last = _fields(excluded, n)
    return f"^{first}(?:[{separators}]{middle})+[{separators}]{last}$"


def crumbs(excluded: str, separators: str, n: int) -> str:
    first, middle, _ = _fields(excluded, n)
    return f"^{first}(?:[{separators}]{middle}){{2,}}(?:[{separators}]\\s*)?$"


def test_the_rule_file_holds_the_rewritten_rules():
    patterns = [rule.pattern.pattern for rule in boilerplate_rules()]
    assert bars("。，！？；|｜", "|｜", 12) in patterns
    assert crumbs("。，！？；>»›", ">»›", 20) in patterns
    assert OLD_BARS not in patterns and OLD_CRUMBS not in patterns


@pytest.mark.parametrize("n", [2, 3])
def test_the_rewritten_rules_match_exactly_what_the_old_ones_matched_on_every_short_line(n):
    """Every string of up to eight characters over an alphabet that exercises fields, spaces, separators and
    sentence ends, with the field limit made small so that it is reached."""
    cases = [(re.compile(f"^[^。|]{{1,{n}}}(\\s*[|]\\s*[^。|]{{1,{n}}}){{2,}}$"), re.compile(bars("。|", "|", n)), "|"),
             (re.compile(f"^[^。>]{{1,{n}}}(\\s*[>]\\s*[^。>]{{1,{n}}}){{2,}}\\s*[>]?\\s*$"),
              re.compile(crumbs("。>", ">", n)), ">")]
    for old, new, separator in cases:
        for length in range(9):
            for letters in itertools.product(["a", " ", separator, "。"], repeat=length):
                text = "".join(letters)
                assert bool(old.search(text)) == bool(new.search(text)), (old.pattern, text)


@pytest.mark.parametrize("old, separators", [(OLD_BARS, "|｜"), (OLD_CRUMBS, ">»›")])
def test_the_rewritten_rules_match_the_old_ones_on_rows_of_links(old, separators):
    new = next(r.pattern for r in boilerplate_rules() if r.pattern.pattern == (
        bars("。，！？；|｜", "|｜", 12) if "|" in separators else crumbs("。，！？；>»›", ">»›", 20)))
    old_pattern = re.compile(old)
    rng = random.Random(20261130)
    for _ in range(4000):
        items = ["".join(rng.choice(["a", "中", " ", "\u3000"]) for _ in range(rng.randint(0, 24)))
                 for _ in range(rng.randint(1, 5))]
        text = rng.choice(separators).join(items) + rng.choice(["", separators[0], separators[0] + " ", "。", "\n"])
        assert [m.span() for m in old_pattern.finditer(text)] == [m.span() for m in new.finditer(text)], text


def _hostile_lines(pattern: str) -> list[str]:
    """Lines made to provoke backtracking: fields of letters, Han characters and spaces separated by each
    punctuation or symbol the pattern names, many times over, ending with and without a sentence end."""
    symbols = sorted({c for c in pattern if not c.isalnum() and c not in "\\^$()[]{}?*+.-,|:!=<'\"" + " "}
                     | {"|", "/", ">", "·", "-", " "})
    lines = []
    for symbol in symbols:
        for field in ("ab", "中文", "a b", " 中 "):
            for end in ("", "。", "x"):
                lines.append(f"{field} {symbol} " * 30 + field + end)
    lines += [" " * 200, "a " * 100 + "。", "中" * 200 + "。", "| " * 100]
    return lines


@pytest.mark.parametrize("rules", [boilerplate_rules, metadata_rules], ids=["boilerplate", "metadata"])
def test_every_rule_runs_in_linear_time_on_hostile_lines(rules):
    slow = []
    for compiled in rules():
        pattern = compiled.pattern if hasattr(compiled, "pattern") and isinstance(compiled.pattern, re.Pattern) \
            else compiled[0]
        for line in _hostile_lines(pattern.pattern):
            start = time.perf_counter()
            pattern.search(line)
            seconds = time.perf_counter() - start
            if seconds > 0.05:
                slow.append((pattern.pattern, line[:40], round(seconds, 2)))
    assert not slow, slow[:5]


def test_the_hostile_lines_catch_the_old_rule():
    """The timing test can fail: the old navigation rule is slow on one of its lines."""
    old = re.compile(OLD_BARS)
    line = "ab | " * 11 + "ab。"
    assert "ab | " * 30 + "ab。" in _hostile_lines(OLD_BARS)  # the same shape, longer
    start = time.perf_counter()
    old.search(line)
    assert time.perf_counter() - start > 0.05
