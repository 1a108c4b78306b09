"""Stage 2a of the pipeline: character-level cleaning.

Each function takes a :class:`~helpers.text.tracked.Tracked` piece of text, returns the
cleaned piece, and appends one :class:`~helpers.text.tracked.Edit` per change to a log,
so that every removal and repair can be reviewed in ``cleaning_log.csv``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from re import _parser  # the parse tree of a pattern, for the rules' prefilters

from ..errors import HelpersError
from ..paths import LEXICON
from .tracked import Edit, Tracked

#: Han characters (CJK Unified Ideographs, extension A, compatibility).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Chinese (full-width) punctuation and typographic marks used in running text.
CJK_PUNCT = "，。、；：？！（）《》〈〉「」『』【】“”‘’…—·"
CJK = HAN + CJK_PUNCT
#: Characters that end a sentence.
TERMINAL = "。！？!?"
#: Superscript digits, used as note markers in PDF extractions.
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_VALUE = {c: str(i) for i, c in enumerate(SUPERSCRIPT)}
#: Circled numbers ①–⑳, the note markers of Chinese journals and web pages.
CIRCLED = "".join(chr(0x2460 + i) for i in range(20))


def marker_number(marker: str) -> int:
    """The number of a note marker: ``12``, ``¹²`` or ``⑫``."""
    if len(marker) == 1 and marker in CIRCLED:
        return CIRCLED.index(marker) + 1
    return int("".join(SUPERSCRIPT_VALUE.get(c, c) for c in marker))

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


@dataclass(frozen=True)
class Marker:
    """A note marker removed from the text.

    ``anchor`` is the raw offset of the character the marker followed; the
    sentence that holds that character is the sentence carrying the note.
    """

    number: int
    raw_start: int
    raw_end: int
    anchor: int
    style: str
    context: str


# --------------------------------------------------------------------------- #
# Boilerplate patterns (data/lexicon/boilerplate.csv, extendable by students)
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class BoilerplateRule:
    """A regular expression that marks a whole paragraph as web-page boilerplate."""

    pattern: re.Pattern[str]
    reason: str


def _rule_rows(path: Path, what: str) -> list[dict[str, str]]:
    """The rows of a rule file; a row with more fields than the header is refused (a regular
    expression with an unquoted comma, such as ``{1,3}``, would otherwise be cut in two and never fire)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise HelpersError(f"{path}: {what} not found; restore it from the repository.") from None
    for number, row in enumerate(rows, start=2):
        if None in row:
            raise HelpersError(f"{path}, line {number}: more fields than the header; quote the pattern (it contains a comma).")
    return rows


@lru_cache(maxsize=None)
def boilerplate_rules(path: Path = LEXICON / "boilerplate.csv") -> tuple[BoilerplateRule, ...]:
    """The boilerplate rules, read once from ``data/lexicon/boilerplate.csv``."""
    rows = _rule_rows(path, "boilerplate rules")
    rules = []
    for row in rows:
        try:
            rules.append(BoilerplateRule(re.compile(row["pattern"]), row["reason"]))
        except re.error as exc:
            raise HelpersError(f"{path}: bad pattern {row['pattern']!r} ({exc}); fix the regular expression.") from None
    return tuple(rules)


# --------------------------------------------------------------------------- #
# Prefilters of the boilerplate rules
# --------------------------------------------------------------------------- #
# Running every rule over every line is the cost of this stage, and most rules cannot match most lines:
# ``^发布于\s*[:：]`` needs a 发, a 布, a 于 and a : or ：.  Each rule's pattern is read once, through its parse
# tree (from the ``re`` module's own parser), for *requirements*: sets of characters such that every match holds
# at least one character of each set.  A line that misses a requirement has no match, and the rule is skipped.
# The reading is conservative: where it is unsure (``.``, ``\d``, a negated or wide class, an optional part, a
# case-insensitive flag, a construct it does not know) it requires nothing, and the rule is run.

#: A requirement: characters of which a match holds at least one (:data:`_SPACE` for any whitespace).
Requirement = frozenset[str]
#: The stand-in in a requirement for any whitespace character (``\s``); two characters long, so that it
#: never equals a character of the text.
_SPACE = r"\s"
#: The largest requirement kept (a wider class, such as every Han character, filters nothing).
_MAX_REQUIREMENT = 64
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)
_WHITESPACE = re.compile(r"\s")


def _class_requirement(items: list) -> Requirement | None:
    """The characters a character class matches, when it is made of literals, small ranges and ``\\s`` only."""
    chars: set[str] = set()
    for op, av in items:
        if op is _parser.LITERAL:
            chars.add(chr(av))
        elif op is _parser.RANGE and av[1] - av[0] < _MAX_REQUIREMENT:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is _parser.CATEGORY and av is _parser.CATEGORY_SPACE:
            chars.add(_SPACE)
        else:  # a negated class, another category (\d, \w, \S) or a wide range
            return None
    return frozenset(chars) if len(chars) <= _MAX_REQUIREMENT else None


def _requirement_cost(requirement: Requirement) -> int:
    """How little a requirement filters: its size, where ASCII, whitespace and common Chinese punctuation
    (which nearly every line holds) count eight times.  It only chooses between requirements that are sound."""
    return sum(8 if len(c) > 1 or ord(c) < 128 or c in "，。、：；" else 1 for c in requirement)


def _sequence_requirements(items: list) -> list[Requirement]:
    """The requirements of a sequence of parse-tree nodes, each of which must match: all of theirs."""
    out: list[Requirement] = []
    for op, av in items:
        out.extend(_node_requirements(op, av))
    return out


def _node_requirements(op: object, av: object) -> list[Requirement]:
    """The requirements of one parse-tree node (an empty list: nothing is known to be required)."""
    if op is _parser.LITERAL:
        return [frozenset((chr(av),))]
    if op is _parser.IN:
        chars = _class_requirement(av)
        return [] if chars is None else [chars]
    if op is _parser.BRANCH:  # (None, [alternatives]): whichever matches, it holds its own best requirement
        union: set[str] = set()
        for alternative in av[1]:
            own = _sequence_requirements(alternative)
            if not own:
                return []
            union |= min(own, key=_requirement_cost)
        return [frozenset(union)] if len(union) <= _MAX_REQUIREMENT else []
    if op is _parser.SUBPATTERN:  # (group, add_flags, del_flags, pattern)
        return [] if av[1] & re.IGNORECASE else _sequence_requirements(av[3])
    if op in _REPEATS:  # (min, max, pattern): only a part that occurs at least once
        return _sequence_requirements(av[2]) if av[0] >= 1 else []
    if op is _parser.ATOMIC_GROUP:
        return _sequence_requirements(av)
    if op is _parser.ASSERT:  # (direction, pattern): a lookaround that holds finds its text in the line too
        return _sequence_requirements(av[1])
    return []  # ANY, NOT_LITERAL, AT (^, $), ASSERT_NOT, GROUPREF, GROUPREF_EXISTS, anything unknown


def requirements(pattern: re.Pattern[str]) -> tuple[Requirement, ...]:
    """The requirements of *pattern*: sets of characters such that any text the pattern matches (anywhere, by
    ``search``, ``finditer`` or ``match``) holds at least one character of each set; :data:`_SPACE` stands for
    any whitespace character.  Empty when nothing is known to be required (the pattern is always run).

    Derived from the pattern's parse tree; a set implied by a smaller one is left out."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return ()
    try:
        found = set(_sequence_requirements(list(_parser.parse(pattern.pattern, pattern.flags))))
    except Exception:  # a pattern the analysis cannot read is simply always run
        return ()
    kept = [r for r in found if not any(other < r for other in found)]
    return tuple(sorted(kept, key=lambda r: (_requirement_cost(r), sorted(r))))


@dataclass(frozen=True)
class _RuleIndex:
    """The boilerplate rules prepared for matching: per rule ``(pattern, reason, anchored)`` and the bit mask
    of its requirements (:func:`requirements`), each distinct requirement one bit."""

    rules: tuple[BoilerplateRule, ...]
    #: ``(requirement bits, (pattern, reason, anchored))`` per rule, in rule order.
    entries: tuple[tuple[int, tuple[re.Pattern[str], str, bool]], ...]
    #: A character -> the bits of the requirements it meets.
    char_bits: dict[str, int]
    #: The bits of the requirements any whitespace character meets.
    space_bits: int
    #: A character class of every character in a requirement (and ``\s``), or None when there are none.
    keys: re.Pattern[str] | None

    @classmethod
    def build(cls, rules: tuple[BoilerplateRule, ...]) -> "_RuleIndex":
        """Read every rule's requirements once."""
        bits: dict[Requirement, int] = {}
        entries = []
        for rule in rules:
            need = 0
            for requirement in requirements(rule.pattern):
                need |= bits.setdefault(requirement, 1 << len(bits))
            entries.append((need, (rule.pattern, rule.reason, rule.pattern.pattern.startswith("^"))))
        char_bits: dict[str, int] = {}
        space_bits = 0
        for requirement, bit in bits.items():
            for c in requirement:
                if c == _SPACE:
                    space_bits |= bit
                else:
                    char_bits[c] = char_bits.get(c, 0) | bit
        for c in char_bits:
            if _WHITESPACE.match(c):  # a space written as such in one rule also meets another rule's \s
                char_bits[c] |= space_bits
        members = "".join(f"\\U{ord(c):08x}" for c in sorted(char_bits)) + ("\\s" if space_bits else "")
        keys = re.compile(f"[{members}]") if members else None
        return cls(rules, tuple(entries), char_bits, space_bits, keys)

    def candidates(self, text: str) -> list[tuple[re.Pattern[str], str, bool]]:
        """``(pattern, reason, anchored)`` of the rules whose requirements *text* meets, in rule order."""
        met = 0
        if self.keys is not None:
            char_bits, space_bits = self.char_bits, self.space_bits
            for c in set(self.keys.findall(text)):
                met |= char_bits.get(c, space_bits)  # a character found but not listed is found by \s
        return [entry for need, entry in self.entries if need & met == need]


_rule_index_cache: list[_RuleIndex] = []


def _rule_index() -> _RuleIndex:
    """The :class:`_RuleIndex` of the current :func:`boilerplate_rules`, built again only when they change."""
    rules = boilerplate_rules()
    if not _rule_index_cache or _rule_index_cache[0].rules is not rules:
        _rule_index_cache[:] = [_RuleIndex.build(rules)]
    return _rule_index_cache[0]


def boilerplate_reason(text: str) -> str | None:
    """The reason a line or paragraph *is* boilerplate, or None if it is not.

    A rule anchored at the start of the line (``^…``) decides by itself.  An unanchored rule only
    counts where its match stands apart from running Chinese text (:func:`_in_running_text`).  Rules
    that cannot match *text* by the characters it holds are skipped (:func:`requirements`)."""
    for pattern, reason, anchored in _rule_index().candidates(text):
        if anchored:
            if pattern.search(text):
                return reason
            continue
        for match in pattern.finditer(text):
            if not _in_running_text(text, match):
                return reason
    return None


def boilerplate_matches(text: str) -> list[tuple[int, int, str]]:
    """Every match of a boilerplate rule in *text*, as ``(start, end, reason)`` in rule order, with the same
    guard as :func:`boilerplate_reason` (whose reason is that of the first match)."""
    out = []
    for pattern, reason, anchored in _rule_index().candidates(text):
        for match in pattern.finditer(text):
            if match.end() > match.start() and (anchored or not _in_running_text(text, match)):
                out.append((match.start(), match.end(), reason))
    return out


#: Punctuation inside a sentence: a match after it and before a Han character continues the sentence.
_CLAUSE_PUNCT = "，、；：“（"


def _in_running_text(text: str, match: re.Match[str]) -> bool:
    """True when an unanchored rule's match is part of running Chinese text, not a footer or notice: a Han
    character directly before *and* after it (保护版权所有者的权益 "protect the rights of copyright holders"),
    or a mark inside a sentence before it and a Han character after it (…官网，版权所有者为… "…, the
    copyright holder is…").  A footer (版权所有 © 2024, 某网版权所有) has neither."""
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if not _HAN_CHAR.match(after):
        return False
    return bool(_HAN_CHAR.match(before)) or (before != "" and before in _CLAUSE_PUNCT)


@lru_cache(maxsize=None)
def metadata_rules(path: Path = LEXICON / "metadata_patterns.csv") -> tuple[tuple[re.Pattern[str], str], ...]:
    """Patterns of academic metadata and abstracts (``data/lexicon/metadata_patterns.csv``)."""
    return tuple((re.compile(row["pattern"]), row["kind"]) for row in _rule_rows(path, "metadata patterns"))


def metadata_kind(text: str) -> str | None:
    """``metadata`` (keywords, classification codes, affiliation), ``abstract``, or None."""
    for pattern, kind in metadata_rules():
        if pattern.search(text):
            return kind
    return None


@lru_cache(maxsize=1)
def traditional_only() -> frozenset[str]:
    """Characters that OpenCC's Traditional-to-Simplified table changes (its TSCharacters dictionary)."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    out = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] not in parts[1].split(" "):
            out.add(parts[0])
    return frozenset(out)


def to_simplified(text: Tracked, log: list[Edit], threshold: float = 0.02) -> tuple[Tracked, str]:
    """Detect Traditional Chinese and convert it to Simplified with OpenCC (``t2s``).

    A text counts as Traditional when at least *threshold* of its Han characters (and
    at least five) are characters that the conversion changes.  Each converted run is
    logged; OpenCC's t2s maps character for character here, so offsets stay exact.

    Returns:
        ``(text, script)`` with script ``simplified`` or ``traditional (converted)``.
    """
    han = _HAN_CHAR.findall(text.text)
    traditional = traditional_only()
    changed = sum(1 for c in han if c in traditional)
    if changed < 5 or changed < threshold * max(1, len(han)):
        return text, "simplified"
    import opencc

    converter = opencc.OpenCC("t2s")
    edited = text.edit(re.compile(f"[{HAN}]+"), lambda m: converter.convert(m.group(0)), "convert_script",
                       "Traditional Chinese converted to Simplified (OpenCC t2s)", log)
    return edited, "traditional (converted)"


_HAN_CHAR = re.compile(f"[{HAN}]")
_HAN_RUN = re.compile(f"[{HAN}]+")


def han_count(text: str) -> int:
    """How many Han characters *text* holds: ``len(re.findall(f"[{HAN}]", text))``, counted by runs of them
    (one string per run rather than one per character)."""
    return sum(map(len, _HAN_RUN.findall(text)))


# --------------------------------------------------------------------------- #
# Edits
# --------------------------------------------------------------------------- #
_CRLF = re.compile(r"\r(?=\n)")
_LONE_CR = re.compile(r"\r(?!\n)")
_LINEBREAK = re.compile(r"[ \t]*\n[ \t]*")
_MARKDOWN = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_HTML = re.compile(r"</?(?:a|b|i|u|em|strong|span|div|p|br|sup|sub|font)\b[^<>]*>|&(?:nbsp|amp|lt|gt|quot|#\d+);", re.I)
_ENTITY = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
_ODD_SPACE = re.compile(r"[\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]")
_SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}]) +(?=[{CJK}])")
_SPACE_BEFORE_PUNCT = re.compile(rf"(?<=\S) +(?=[，。、；：？！）》」』”])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[（《「『“]) +")
_SPACE_IN_DATE = re.compile(r"(?<=\d) +(?=[年月日期页])|(?<=[年月第]) +(?=\d)")
_SPACE_AFTER_PUNCT = re.compile(r"(?<=[，。、；：？！）》」』”]) +")
_MULTI_SPACE = re.compile(r" {2,}")
_HALF_PUNCT = re.compile(rf"(?<=[{HAN}》”）])[,;:?!]|[,;:?!](?=[{HAN}《“（])")
_HALF_PUNCT_CHARS = re.compile("[,;:?!]")
_HALF_PARENS = re.compile(r"\(([^()\n]{0,120})\)")
_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_SYMBOL_MARKER = re.compile(f"[{SUPERSCRIPT}]+|[{CIRCLED}]")
# A note number fused into the running text: digits right after the end of a
# sentence, before the next sentence starts (not a year, date, list number or %).
#: Characters that show a number after a sentence end is a quantity, not a note:
#: a unit of time, a percentage, a list number, or a measure word (2名专家, 3个国家).
_NOT_A_MARKER = "年月日时点%.．、:：,，名个位项次种家条倍岁人所座架枚艘吨亿万千百十"
_FUSED = re.compile(rf"(?<=[。！？”])(\d{{1,2}})(?![\d{_NOT_A_MARKER}])[ ]?(?=[{HAN}“《A-Za-z])")


def normalise_line_ends(piece: Tracked, log: list[Edit]) -> Tracked:
    """Make every line end ``\\n``: drop the ``\\r`` of CRLF, turn a lone ``\\r`` (old Mac) into ``\\n``."""
    piece = piece.edit(_CRLF, "", "normalise_line_end", "CRLF line end: carriage return removed", log)
    return piece.edit(_LONE_CR, "\n", "normalise_line_end", "CR line end (old Mac style) made a line feed", log)


def join_lines(piece: Tracked, log: list[Edit]) -> Tracked:
    """Join the lines of one paragraph.

    Between two Chinese characters a line break is a wrapping artefact and is
    deleted; elsewhere (Latin words, numbers) it becomes a space.
    """

    def repl(match: re.Match[str]) -> str:
        before = piece.text[match.start() - 1] if match.start() else ""
        after = piece.text[match.end()] if match.end() < len(piece.text) else ""
        return "" if re.match(f"[{CJK}]", before) and re.match(f"[{CJK}]", after) else " "

    return piece.edit(_LINEBREAK, repl, "join_line", "line break inside a paragraph", log)


def strip_markup(piece: Tracked, log: list[Edit]) -> Tracked:
    """Remove Markdown emphasis (``**bold**``) and stray HTML tags or entities.

    Emphasis is removed until none is left, since markers can nest (``****中****``): one pass would leave
    ``**中**`` and cleaning would not be idempotent."""
    while _MARKDOWN.search(piece.text):
        piece = piece.edit(
            _MARKDOWN, lambda m: m.group(1) or m.group(2), "strip_markup",
            "Markdown emphasis (**…**) left over from conversion", log,
        )
    return piece.edit(
        _HTML, lambda m: _ENTITY.get(m.group(0).lower(), ""), "strip_markup", "HTML tag or entity", log
    )


def normalise_spacing(piece: Tracked, log: list[Edit], *, prose: bool = True) -> Tracked:
    """Remove spacing artefacts.

    Unusual spaces become plain spaces; spaces before Chinese punctuation, after
    opening brackets, after Chinese punctuation and inside dates are removed.  In prose (``prose=True``) a
    space between two Chinese characters is a line- or page-break artefact and is
    removed too; in front and back matter such spaces separate lines and are kept.
    """
    piece = piece.edit(_ODD_SPACE, lambda m: "" if m.group(0) in "\u200b\ufeff" else " ",
                       "normalise_space", "non-standard space character", log)
    if " " not in piece.text:
        return piece  # every rule below removes a space (most Chinese paragraphs have none)
    if prose:
        piece = piece.edit(_SPACE_IN_CJK, "", "remove_space", "space between Chinese characters", log)
    piece = piece.edit(_SPACE_BEFORE_PUNCT, "", "remove_space", "space before Chinese punctuation", log)
    piece = piece.edit(_SPACE_AFTER_OPEN, "", "remove_space", "space after an opening bracket", log)
    piece = piece.edit(_SPACE_AFTER_PUNCT, "", "remove_space", "space after Chinese punctuation", log)
    piece = piece.edit(_SPACE_IN_DATE, "", "remove_space", "space inside a date or page number", log)
    return piece.edit(_MULTI_SPACE, " ", "remove_space", "repeated spaces", log)


def normalise_width(piece: Tracked, log: list[Edit]) -> Tracked:
    """Use full-width punctuation beside Chinese text and half-width letters and digits.

    Half-width ``, ; : ? !`` touching a Han character become ``，；：？！``; a pair of
    half-width parentheses touching or containing Han characters becomes ``（）``;
    full-width Latin letters and digits become half-width.
    """

    def parens(match: re.Match[str]) -> str:
        start, end = match.span()
        before = piece_text[start - 1] if start else ""
        after = piece_text[end] if end < len(piece_text) else ""
        if re.search(f"[{HAN}]", match.group(1)) or re.match(f"[{CJK}]", before) or re.match(f"[{HAN}]", after):
            return f"（{match.group(1)}）"
        return match.group(0)

    piece_text = piece.text
    # each rule runs only where the character it needs is present (the same result, without the search)
    if "(" in piece_text:
        piece = piece.edit(_HALF_PARENS, parens, "normalise_width", "half-width parentheses in Chinese text", log)
    if _HALF_PUNCT_CHARS.search(piece.text):
        piece = piece.edit(
            _HALF_PUNCT, lambda m: _HALF_TO_FULL[m.group(0)], "normalise_width",
            "half-width punctuation in Chinese text", log,
        )
    return piece.edit(
        _FULLWIDTH_ALNUM, lambda m: chr(ord(m.group(0)) - 0xFEE0), "normalise_width",
        "full-width letter or digit", log,
    )


def strip_symbol_markers(piece: Tracked, log: list[Edit], markers: list[Marker]) -> Tracked:
    """Remove superscript (``¹``, ``¹⁰``) and circled (``①``) note markers, recording each as a :class:`Marker`."""
    for match in _SYMBOL_MARKER.finditer(piece.text):
        style = "circled" if match.group(0)[0] in CIRCLED else "superscript"
        anchor = piece.offsets[match.start() - 1] if match.start() else piece.offsets[0]
        context = piece.text[max(0, match.start() - 6): match.end() + 4]
        markers.append(Marker(marker_number(match.group(0)), piece.offsets[match.start()],
                              piece.offsets[match.end() - 1] + 1, anchor, style, context))
    return piece.edit(
        _SYMBOL_MARKER, "", "strip_note_marker",
        lambda m: f"{'circled' if m.group(0)[0] in CIRCLED else 'superscript'} note marker {marker_number(m.group(0))}",
        log,
    )


def strip_fused_markers(piece: Tracked, log: list[Edit], markers: list[Marker], expected: list[int]) -> Tracked:
    """Remove note numbers fused into running text (``…问题”。1这一结果…``).

    Only a number equal to the next expected note number counts, and not one
    followed by a unit, a list dot or a measure word (``2名专家``), so that years,
    list numbers and quantities are not taken for markers.  *expected* holds the next
    number in a one-item list and is advanced as markers are found.
    """

    def repl(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number != expected[0]:
            return match.group(0)
        expected[0] += 1
        anchor = piece.offsets[match.start() - 1]
        context = piece.text[max(0, match.start() - 6): match.end() + 4]
        markers.append(Marker(number, piece.offsets[match.start()], piece.offsets[match.end() - 1] + 1,
                              anchor, "fused", context))
        return ""

    return piece.edit(_FUSED, repl, "strip_note_marker", lambda m: f"note number {m.group(1)} fused into the text", log)


#: An encyclopedia-style citation marker fused into the text: [7], [12], [3-5], [1,2], ［7］.
_CITATION = re.compile(r"[\[［](?:\d{1,3}(?:\s*[-–,，、]\s*\d{1,3})*|注\s*\d{1,3}|来源请求|需要引用)[\]］]")


#: A pinyin reading in brackets right after a Han character, with at least one tone mark: 现(xiàn)实, 联（lián）盟.
#: Some mirror sites print the reading after characters their conversion table lacks.
_PINYIN_GLOSS = re.compile(rf"(?<=[{HAN}])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def strip_pinyin_glosses(piece: Tracked, log: list[Edit]) -> Tracked:
    """Remove a pinyin reading printed after a character (``现(xiàn)实`` → ``现实``), logging each: it is a
    conversion site's apparatus, which would otherwise cut a word in two and become a token."""
    if "(" not in piece.text and "（" not in piece.text:
        return piece
    return piece.edit(_PINYIN_GLOSS, "", "strip_markup", lambda m: f"pinyin reading {m.group(0)} after a character",
                      log)


def strip_citation_markers(piece: Tracked, log: list[Edit]) -> Tracked:
    """Remove encyclopedia-style citation markers (``…军控条约[7]。``), logging each: they are the page's
    apparatus, not the text, and would otherwise become tokens (``7``) in counts and keyness."""
    return piece.edit(_CITATION, "", "strip_note_marker", lambda m: f"citation marker {m.group(0)} of a web page", log)


# --------------------------------------------------------------------------- #
# Web text: HTML line breaks and debris that a line rule cannot express
# --------------------------------------------------------------------------- #
#: A tag that ends a line (``<br>``, ``<br/>``, ``<br />``, ``<li>``) or a block (``<p>``, ``</p>``, ``<div>``, …).
_HTML_LINE_BREAK = re.compile(r"<br\s*/?>|</?(?:li|tr)\b[^<>\n]*>", re.I)
_HTML_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|blockquote|section|article|ul|ol|table)\b[^<>\n]*>", re.I)
#: Any tag or entity that :func:`convert_html` turns into a line break or removes.
HTML_TAG = re.compile(f"{_HTML_LINE_BREAK.pattern}|{_HTML_BLOCK.pattern}|{_HTML.pattern}", re.I)


def convert_html(piece: Tracked, log: list[Edit]) -> Tracked:
    """Turn the HTML that a pasted or saved text carries into the line structure it stands for.

    ``<br>`` (in any spelling) and list items become a line break, block tags (``<p>``, ``</div>``, …) a
    blank line, so that a page's lines and paragraphs survive instead of running together; inline tags
    and entities are removed as before (:func:`strip_markup`).  Done on the whole text, before lines
    are split, because a line rule or the English-line test must not see ``<span style=…>``.  Each
    break is logged (``break_line``); the new line break maps to the tag's first raw offset.
    """
    piece = piece.edit(_HTML_LINE_BREAK, "\n", "break_line",
                       lambda m: f"HTML line break {m.group(0)} made a line break", log)
    piece = piece.edit(_HTML_BLOCK, "\n\n", "break_line",
                       lambda m: f"HTML block tag {m.group(0)} made a paragraph break", log)
    return piece.edit(
        _HTML, lambda m: _ENTITY.get(m.group(0).lower(), ""), "strip_markup", "HTML tag or entity", log
    )


#: Characters that random anti-scraping strings are full of and running text rarely has.
_JUNK_SYMBOLS = frozenset("~!@#$%^&*+=|;<>{}\\`")
_JUNK_SYMBOL = re.compile("[" + "".join(f"\\U{ord(c):08x}" for c in sorted(_JUNK_SYMBOLS)) + "]")
_URL_OR_MAIL = re.compile(r"://|^www\.|@[\w-]+\.[A-Za-z]{2,}")
_ASCII_RUN_AT_LINE_END = re.compile(rf"(?<=[{CJK}])[!-~]{{8,}}(?=[ \t]*(?:\n|\Z))")


def is_junk_string(token: str) -> bool:
    """True for a run of random ASCII inserted against copying (``%i@FamjDJNl@K``, ``hm&0hhFKVvt8sRMhDF+``).

    Such a string mixes at least three of lower case, upper case, digits and symbols, switches case or
    letter/digit at least twice, and holds symbols (``@ | & = ~ ;`` …) that words, numbers, dates and
    abbreviations do not; URLs and e-mail addresses are never junk.  Punctuation around the run does not
    count: ``:19YJAGJW009);`` is a grant number followed by ``);``, not junk.
    """
    token = token.strip(":;,.()[]'\"")
    if len(token) < 8 or not _JUNK_SYMBOL.search(token):  # most tokens: decided without the checks below
        return False
    if _URL_OR_MAIL.search(token):
        return False
    symbols = len(_JUNK_SYMBOL.findall(token))
    brackets = sum(map(token.count, "()[],"))
    if symbols + brackets < 2:
        return False
    classes = sum((any(map(str.islower, token)), any(map(str.isupper, token)),
                   any(map(str.isdigit, token)), symbols > 0))
    return symbols >= 1 and symbols + brackets >= 2 and classes >= 3 and _switches(token, limit=2) >= 2


def _switches(token: str, limit: int | None = None) -> int:
    """How often *token* switches between lower and upper case or between letters and digits (a capital
    starting a word does not count).  With a *limit* the count stops there, so that a long token is read only
    as far as needed (``_switches(token, limit=2) >= 2`` is ``_switches(token) >= 2``)."""
    count = 0
    for i, (a, b) in enumerate(zip(token, token[1:])):
        starts_word = a.isupper() and b.islower() and (i == 0 or not token[i - 1].isalpha())
        if a.isalpha() and b.isalpha() and a.islower() != b.islower() and not starts_word:
            count += 1
        elif (a.isalpha() and b.isdigit()) or (a.isdigit() and b.isalpha()):
            count += 1
        else:
            continue
        if count == limit:
            break
    return count


def junk_line_reason(line: str) -> str | None:
    """The reason a whole line is an anti-scraping junk string (every word of it junk), or None.

    A junk word holds a symbol of :data:`_JUNK_SYMBOLS`, so a line without one is decided at once."""
    if not _JUNK_SYMBOL.search(line):
        return None
    words = line.split()
    if words and all(is_junk_string(w) for w in words):
        return "anti-scraping junk string (random ASCII) on a line of its own"
    return None


# A saved-page tool's date prefix fused into the first line: " date 2026-02-06 俄罗斯与美国…".
_PAGE_DATE_PREFIX = re.compile(r"\A[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]+(?=\S)")
# An encyclopedia mirror's interlanguage link: the English article title glued after 英语 to the Chinese
# term (…成为条约缔约国英语List of parties to the Biological Weapons Convention。).  Two English words at
# least, and directly after a Han character or closing mark, so that 英语：Chemical Weapons Convention
# (a gloss with its colon) and 用英语发言 stay.
_INTERLANGUAGE_LINK = re.compile(
    rf"(?<=[{HAN}》”」）)])英[语語](?:[A-Z0-9][A-Za-z0-9'’.\-]*)(?:,?[ ][A-Za-z0-9][A-Za-z0-9'’.\-]*)+"
)


def strip_web_debris(piece: Tracked, log: list[Edit]) -> Tracked:
    """Remove web debris that sits inside a line, where a line rule cannot reach it, logging each removal
    as ``remove_boilerplate``: a stored page's date prefix before the first line, the interlanguage links of
    an encyclopedia mirror, and anti-scraping junk glued to the end of a Chinese line."""
    piece = piece.edit(_PAGE_DATE_PREFIX, "", "remove_boilerplate", "date prefix of a stored web page", log)
    piece = piece.edit(_INTERLANGUAGE_LINK, "", "remove_boilerplate",
                       "interlanguage link of an encyclopedia mirror (英语 + the English article's title)", log)
    return piece.edit(_ASCII_RUN_AT_LINE_END, lambda m: "" if is_junk_string(m.group(0)) else m.group(0),
                      "remove_boilerplate", "anti-scraping junk string (random ASCII) glued to the end of a line", log)


def clean_piece(piece: Tracked, log: list[Edit], *, prose: bool) -> Tracked:
    """The markup, width and spacing normalisations, in this fixed order.

    Width comes before spacing so that a space before a half-width comma that has
    just become ``，`` is removed too.  One step can expose work for an earlier one
    (removing the space in ``**， **`` leaves the emphasis ``**，**``), so the steps run
    again until the text no longer changes: cleaning is idempotent.
    """
    for _ in range(8):  # a fixed point is reached in one or two rounds; the bound only guards a defect
        before = piece.text
        piece = strip_citation_markers(piece, log)
        piece = strip_pinyin_glosses(piece, log)
        piece = strip_markup(piece, log)
        piece = normalise_width(piece, log)
        piece = normalise_spacing(piece, log, prose=prose)
        if piece.text == before:
            break
    return piece
