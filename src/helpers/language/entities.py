"""Stage 4 of the pipeline: entity linking.

Two-country compounds (中德 "Sino-German", 中美 "Sino-US" …, ``data/lexicon/dyads.csv``)
name both countries: each gives one mention of each, with the form ``dyad``.

Every surface form in the lexicon (full names, short names, abbreviations, with or
without 《》, translation variants and mistranslations) resolves to one canonical
entity with an English label and a category.  Matching runs on the cleaned sentence
text, longest surface first, so 联合国安理会 wins over 联合国 and
《不扩散核武器条约》（NPT） counts as one mention, not two.  The surfaces are found by an
Aho–Corasick automaton (``ahocorasick_rs``) or, where that package is missing, by regular
expressions; both find the same.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .lexicon import Alias, aliases, blocked_contexts, entities


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in a sentence (character span in the sentence text)."""

    surface: str
    entity: str
    form: str
    start: int
    end: int
    category: str = ""  # set for an unlinked name (person, place, organisation); a linked one takes its entity's


@lru_cache(maxsize=2)
def dyads(general: bool = True) -> dict[str, tuple[str, str]]:
    """Two-country compounds and the two entities each names (with *general*, also those of the
    general layer, ``general/dyads.csv``: 美俄, 中日 …)."""
    import csv

    from ..paths import LEXICON

    found: dict[str, tuple[str, str]] = {}
    for path in (LEXICON / "dyads.csv", *([LEXICON / "general" / "dyads.csv"] if general else [])):
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    found.setdefault(row["surface"], (row["entity_a"], row["entity_b"]))
    return found


class _Matcher:
    """Leftmost-longest matching of many surface forms, indexed by their first character.

    One alternation of some 1,400 names makes Python's regular expressions try every name at every
    position; here a character class finds the positions where a name can start, and a small
    trie-shaped pattern per first character takes the longest name there.  The result is the same as
    the alternation ordered longest first (all-Latin names keep their word boundaries).
    """

    def __init__(self, surfaces: list[str]) -> None:
        by_first: dict[str, list[str]] = {}
        for surface in surfaces:
            by_first.setdefault(surface[0], []).append(surface)
        self._starts = re.compile("[" + "".join(re.escape(c) for c in sorted(by_first)) + "]") if by_first else None
        self._at = {char: re.compile(_first_char_pattern(words)) for char, words in by_first.items()}

    def match(self, text: str, position: int) -> re.Match[str] | None:
        """The longest name that starts at *position*, or None."""
        pattern = self._at.get(text[position]) if position < len(text) else None
        return pattern.match(text, position) if pattern else None

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        """The leftmost, longest name at or after *position*, or None."""
        if self._starts is None:
            return None
        for start in self._starts.finditer(text, position):
            found = self._at[start.group(0)].match(text, start.start())
            if found:
                return found
        return None

    def longest(self, text: str) -> dict[int, int]:
        """Start → end of the longest name at each position of *text* where one starts, in text order."""
        found: dict[int, int] = {}
        if self._starts is None:
            return found
        for start in self._starts.finditer(text):
            match = self._at[start.group(0)].match(text, start.start())
            if match:
                found[match.start()] = match.end()
        return found


#: The letters that bound an all-Latin name (NPT not inside NPTs), as ``(?<![A-Za-z])`` and ``(?![A-Za-z])`` do.
_ASCII_LETTERS = frozenset(string.ascii_letters)


class _AutomatonMatcher:
    """:class:`_Matcher`'s names, found by an Aho–Corasick automaton (``ahocorasick_rs``, Rust) in one pass.

    The automaton reports every occurrence of every name (overlapping ones too); an all-Latin name
    between two letters is dropped, and the longest of those left at each start is kept, which is what
    :meth:`_Matcher.longest` gives, in less than half the time.  A text the automaton cannot take (one
    with a lone surrogate, which UTF-8 cannot encode) goes to the regular-expression matcher.
    """

    def __init__(self, surfaces: list[str]) -> None:
        import ahocorasick_rs

        self._surfaces = surfaces
        self._automaton = ahocorasick_rs.AhoCorasick(surfaces, matchkind=ahocorasick_rs.MatchKind.Standard)
        self._bounded = frozenset(i for i, surface in enumerate(surfaces) if _LATIN_NAME.fullmatch(surface))

    @cached_property
    def _fallback(self) -> _Matcher:
        return _Matcher(self._surfaces)

    def longest(self, text: str) -> dict[int, int]:
        """Start → end of the longest name at each position of *text* where one starts, in text order."""
        try:
            found = self._automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            return self._fallback.longest(text)
        if not found:
            return {}
        bounded, letters = self._bounded, _ASCII_LETTERS
        longest: dict[int, int] = {}
        for index, start, end in found:
            if index in bounded and ((start and text[start - 1] in letters) or text[end:end + 1] in letters):
                continue  # an all-Latin name inside a longer word
            if start not in longest or end > longest[start]:
                longest[start] = end
        return longest if len(longest) < 2 else dict(sorted(longest.items()))


def _new_matcher(surfaces: list[str]) -> _Matcher | _AutomatonMatcher:
    """The Aho–Corasick matcher when ``ahocorasick_rs`` is installed (and there are names to find),
    else the regular-expression one; both find the same names."""
    try:
        import ahocorasick_rs  # noqa: F401
    except ImportError:
        return _Matcher(surfaces)
    return _AutomatonMatcher(surfaces) if surfaces else _Matcher(surfaces)


@lru_cache(maxsize=8)
def _matcher(extra: tuple[Alias, ...] = (),
             general: bool = True) -> tuple[_Matcher | _AutomatonMatcher, dict[str, Alias]]:
    table = {a.surface: a for a in aliases(general=general)}
    for alias in extra:
        table.setdefault(alias.surface, alias)
    for surface in dyads(general):
        table.setdefault(surface, Alias(surface, "", "dyad", ""))
    return _new_matcher(list(table)), table


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .\-]*")


def _first_char_pattern(words: list[str]) -> str:
    """The pattern for the names that start with one character: the longest first.  Names that start
    with a Latin letter are few and keep an alternation, so that an all-Latin name gets its word
    boundaries (NPT not inside NPTs); the others form a trie (at each character the branches differ,
    and a name that ends there is the optional group's fallback, so the longest is taken)."""
    if re.match(r"[A-Za-z]", words[0]):
        parts = []
        for word in sorted(words, key=lambda w: (-len(w), w)):
            escaped = re.escape(word)
            if _LATIN_NAME.fullmatch(word):
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
        return f"(?:{body})?" if "" in node else body  # a name ends here: go on if it can, else stop

    return pattern(trie)


def find_mentions(text: str, extra: tuple[Alias, ...] = (), general: bool = True) -> list[Mention]:
    """All entity mentions in *text*, left to right, without overlaps.

    *extra* adds surface forms that hold only for particular documents (the study's
    record of mistranslations, :mod:`helpers.study.layer`); the lexicon's own forms win.
    *general* False leaves out the general layer of the lexicon (states, organisations,
    treaties, offices of ``data/lexicon/general/``), as the study does for its own two texts.

    A form in brackets right after another form of the same entity, as in
    《联合全面行动计划》（JCPOA） or 杰克·苏利文（JakeSullivan）, is merged into one mention.
    """
    pattern, table = _matcher(extra, general)
    longest = pattern.longest(text)
    if not longest:
        return []
    found: list[Mention] = []
    for start, end, surface in _matches(longest, text):
        alias = table[surface]
        if alias.form == "metonym" and _is_place(text, start, end, longest):
            continue
        if alias.form == "dyad":
            for entity in dyads()[surface]:  # the general layer's dyads only match when it is used
                found.append(Mention(surface, entity, "dyad", start, end))
            continue
        found.append(Mention(surface, alias.entity, alias.form, start, end))
    merged: list[Mention] = []
    for mention in found:
        if merged and mention.entity == merged[-1].entity and mention.form != "dyad":
            gap = text[merged[-1].end:mention.start]
            if _BRACKET_GAP.fullmatch(gap) and text[mention.end:mention.end + 1] in ("）", ")"):
                previous = merged[-1]
                merged[-1] = Mention(previous.surface, previous.entity, previous.form, previous.start, mention.end + 1)
                continue
        merged.append(mention)
    return merged


#: What may stand between a form and the same entity's form in brackets: 》（ in 《联合全面行动计划》（JCPOA）.
_BRACKET_GAP = re.compile(r"》?\s*[（(]")


def _matches(longest: dict[int, int], text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of the leftmost-longest names of *text*, given the longest name at each start
    (*longest*, in text order, from the matcher), skipping a name inside one of its surface's blocked
    contexts (中非 in 中非合作) or after a character that makes a word with its 中 (其中美国); the search
    then goes on one character later, so that 其中国际原子能机构 still finds 国际原子能机构."""
    blocked = blocked_contexts()
    found: list[tuple[int, int, str]] = []
    position = 0
    for start, end in longest.items():
        if start < position:  # inside the last name taken
            continue
        surface = text[start:end]
        if surface in blocked and _blocked(text, start, surface, blocked):
            continue
        if surface[0] == "中" and start and text[start - 1] in _ZHONG_BEFORE:  # 其中美国: not 中美
            continue
        found.append((start, end, surface))
        position = end
    return found


def _blocked(text: str, start: int, surface: str, blocked: dict[str, tuple[tuple[int, str], ...]]) -> bool:
    """True when *surface* at *start* lies inside one of its blocked contexts (中非 in 中非合作)."""
    return any(text.startswith(context, start - offset) for offset, context in blocked.get(surface, ())
               if start >= offset)


#: Characters that make a word with a following 中 (其中, 手中, 空中, 集中 …): a name that starts with
#: that 中 (中国, 中美, 中非 …) is not there, as in 其中美国 ("among them the United States").
_ZHONG_BEFORE = "其手空集心之当从暗途家期文眼水脑口胸怀正居适命射"


_PLACE_BEFORE = "在于赴往东南西北"
_PLACE_AFTER = ("市", "大学", "举行", "发表", "工作", "召开")


def _is_place(text: str, start: int, end: int, longest: dict[int, int]) -> bool:
    """True when a capital is named as a place, not as its government.

    北京 stands for China in 北京和柏林均支持 but is a place in 在北京发表, 北京市,
    an address (西北华盛顿) or before an institution's name (柏林德国国际与安全事务研究所).
    *longest* is the matcher's longest name at each start.
    """
    if start and text[start - 1] in _PLACE_BEFORE:
        return True
    if text.startswith(_PLACE_AFTER, end):
        return True
    following = longest.get(end)
    return following is not None and text[end:following] not in ("和", "")


def label(entity: str) -> tuple[str, str]:
    """(English label, category) of an entity id."""
    found = entities()[entity]
    return found.label_en, found.category


# ---------------------------------------------------------------------------
# Names the lexicon does not know
# ---------------------------------------------------------------------------

#: jieba's part-of-speech tags for proper names, and the category each stands for.
NAME_TAGS: dict[str, str] = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "organisation"}
#: Last words that make a preceding name part of an organisation's name (斯德哥尔摩 + … + 研究所).
_ORG_SUFFIX = re.compile(r"(研究所|研究院|研究中心|大学|学院|中心|委员会|协会|基金会|学会|通讯社|通讯|日报|时报|办公室|理事会|议会|银行|公司|集团)$")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=1)
def name_tags() -> dict[str, str]:
    """Word → jieba's name tag (nr, nrfg, nrt, ns, nt), for the words its dictionary tags as names.

    Read from jieba's own dictionary file (about 100,000 of its 349,000 words), which is faster
    than building jieba's part-of-speech tagger, and gives the same tags for known words.
    """
    from .segment import jieba_dictionary_path

    return _name_tags_in(jieba_dictionary_path().read_bytes().decode("utf-8"))


def _name_tags_in(dictionary: str) -> dict[str, str]:
    """Word → tag of the lines of a jieba dictionary (*dictionary*, its text) that have three fields
    (word, frequency, tag, split at white space) and a name's tag; a word on two lines takes the later tag.
    One regular expression over the whole text, rather than a split of each of its 349,000 lines."""
    return dict(_NAME_LINE.findall(dictionary))


#: A line of jieba's dictionary with three fields (split at white space, as str.split does) and a name's tag.
_NAME_LINE = re.compile(r"^[^\S\n]*(\S+)[^\S\n]+\S+[^\S\n]+(" + "|".join(sorted(NAME_TAGS, key=len, reverse=True))
                        + r")[^\S\n]*$", re.MULTILINE)


def _frequency(word: str) -> int:
    """The word's count in the domain tokenizer's dictionary (0 when it does not know the word), read from
    the frequency snapshot, so that jieba itself need not be loaded (:func:`helpers.language.segment.word_frequency`)."""
    from .segment import word_frequency

    return word_frequency(word)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Common words jieba's dictionary tags as names (两国, 大国, 顾问 …): ``data/lexicon/not_names.txt``."""
    from ..paths import LEXICON

    path = LEXICON / "not_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


#: Last characters of a place's or an organisation's name, for a word jieba's dictionary does not know.
_PLACE_END = "州省市县镇村岛港湾河湖山"
_ORG_END = ("部", "局", "署", "院", "所", "委员会", "协会", "学会", "中心", "大学", "通讯社", "办公室")


@lru_cache(maxsize=65536)
def name_tag(word: str) -> str:
    """jieba's name tag of *word* from its dictionary; for a word it does not know, a tag by the
    word's shape (a person's name, a place ending in 州 or 岛, an organisation ending in 部 or 大学);
    empty when neither gives one."""
    tag = name_tags().get(word)
    if tag is not None:
        return tag
    if _frequency(word):  # a known word that is not a name
        return ""
    if looks_like_person(word):
        return "nr"
    if len(word) >= 3 and word.endswith(_ORG_END):
        return "nt"
    if len(word) >= 3 and word[-1] in _PLACE_END:
        return "ns"
    return ""


#: A word jieba's dictionary tags as a person but counts this often is a common word (令人 4728, 公正 1361,
#: 许可 623, 安全性 337), not a name (潘基文 3, 特朗普 14, 乔治 283 stays a name).
PERSON_MAX_FREQ = 300


#: The most common Chinese surnames (one character), for the shape of a Chinese person's name.
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                     "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
                     "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
                     "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连"
                     "芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
                     "巩明佘池查麻苑迟邝习洪")
#: Characters of transliterated foreign names (特朗普, 古特雷斯, 马克龙 are made of them).
TRANSLITERATION = frozenset("阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕波伯博布查达戴丹道德迪狄蒂丁东杜多厄恩尔法范菲费芬丰"
                            "弗福富盖冈高戈哥格根古瓜圭哈海汉豪合赫亨洪胡华霍基吉纪加贾杰捷金津卡凯坎康考柯科克肯孔库奎"
                            "拉莱赖兰朗劳勒雷蕾黎里理利莉丽连列林琳卢鲁伦罗洛马玛迈麦曼梅蒙米密明莫默姆穆纳娜奈南内尼聂"
                            "宁纽努诺欧帕潘庞佩彭皮珀普齐奇恰乔切钦琼丘萨塞赛桑瑟森莎沙山尚绍舍圣施什史斯松苏索塔泰坦汤"
                            "唐特提廷图托瓦万旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬杨耶伊易因英尤于约泽扎詹兹宗佐顿治")


def looks_like_person(word: str) -> bool:
    """True when *word* has the shape of a person's name: a common surname and one or two more
    characters (郭嘉昆, 林剑), or a transliteration (古特雷斯, 马克龙).  jieba's dictionary tags
    words such as 白皮书 and 麦克风 as names; the shape test keeps most of them out."""
    if 2 <= len(word) <= 3 and word[0] in SURNAMES and sum(c in TRANSLITERATION for c in word) < len(word):
        return _frequency(word) < RARE_NAME_FREQ
    return len(word) >= 2 and sum(c in TRANSLITERATION for c in word) >= 0.75 * len(word)


def _plausible_person(word: str) -> bool:
    """A word tagged as a person is kept when it is rare in jieba's dictionary as a name (潘基文, 安倍晋三)
    or has a person's shape (:func:`looks_like_person`), and is not a common word (令人, 公正)."""
    frequency = _frequency(word)
    if frequency >= PERSON_MAX_FREQ:
        return False
    if name_tags().get(word) in ("nr", "nrfg", "nrt") and 0 < frequency < RARE_NAME_FREQ:
        return True
    return looks_like_person(word)


#: A word jieba's dictionary tags as a name and counts fewer times than this is taken as a name whatever its
#: shape (潘基文 3, 安倍晋三 9, 特朗普 14); a more frequent one must also look like a name (麦克风 44 does not).
RARE_NAME_FREQ = 20


def find_unlinked(text: str, tokens: list, linked: list[Mention]) -> list[Mention]:
    """Person, place and organisation names in *text* that no lexicon entry links, as ``unlinked`` mentions.

    A token of two or more Han characters that jieba tags as a name (:data:`NAME_TAGS`) and
    that no linked mention covers is reported with its category, so that names the lexicon
    does not know (a spokesperson, a city, a research institute) are seen rather than dropped.
    Person names split at a middle dot (奥利弗·迈尔) are joined; a name followed by the last
    word of an organisation's name (…研究所, …大学) becomes that organisation.  Tags are
    jieba's and can be wrong: common words it tags as names are listed in ``not_names.txt``.

    Args:
        text: the sentence.
        tokens: its tokens (objects with ``text``, ``start``, ``end``), as the tokenizer gave them.
        linked: the mentions the lexicon found, which unlinked names may not overlap.
    """
    return find_unlinked_spans(text, [t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens],
                               linked)


def find_unlinked_spans(text: str, words: list[str], starts: list[int], ends: list[int],
                        linked: list[Mention]) -> list[Mention]:
    """:func:`find_unlinked` with the tokens as parallel lists of words, starts and ends
    (:class:`helpers.language.segment.TokenSpans`), as the pipeline keeps them."""
    category_of = _name_category
    candidates = [i for i, word in enumerate(words) if category_of(word) is not None]
    if not candidates:  # most sentences: every token was decided by the word alone
        return []
    covered = [False] * len(text)
    for mention in linked:
        for i in range(mention.start, mention.end):
            covered[i] = True
    blocked = blocked_contexts()
    found: list[Mention] = []
    for index in candidates:
        category = category_of(words[index])
        word = words[index]
        start, end = starts[index], ends[index]
        if any(covered[start:end]) or (word in blocked and _blocked(text, start, word, blocked)):
            continue
        for following in range(index + 1, min(index + 4, len(words))):  # 斯德哥尔摩 国际 和平 研究所 → one organisation
            if any(covered[starts[following]:ends[following]]) or not _HAN_NAME.fullmatch(words[following]):
                break
            if _ORG_SUFFIX.search(words[following]):
                end, category = ends[following], "organisation"
                break
        previous = found[-1] if found else None
        if previous and category == previous.category == "person" and text[previous.end:start] in ("·", "•", "・", ""):
            found[-1] = Mention(text[previous.start:end], "", "unlinked", previous.start, end, "person")
            continue
        if previous and start < previous.end:
            continue
        found.append(Mention(text[start:end], "", "unlinked", start, end, category))
    return found


@lru_cache(maxsize=65536)
def _name_category(word: str) -> str | None:
    """The category (person, place, organisation) of a token that may be an unlinked name, judged by the
    word alone (its context is :func:`find_unlinked`'s): two or more Han characters, not a common word
    (:func:`not_names`), tagged as a name (:func:`name_tag`) and, for a person, plausible as one."""
    if not _HAN_NAME.fullmatch(word) or word in not_names():
        return None
    category = NAME_TAGS.get(name_tag(word))
    if category is None or (category == "person" and not _plausible_person(word)):
        return None
    return category
