"""New-word discovery: the document's own terms that the tokenizer cuts apart.

A dictionary never knows every term of a text.  jieba with the domain dictionary cuts
和平利用核能 into 和平利用 / 核能 and 乏燃料 into 从乏 / 燃料, so those terms are never
counted as words.  :func:`term_candidates` finds such terms without a dictionary, from
the statistics of the characters alone, and :func:`write_user_dictionary` adds the ones
you accept to the corpus's ``user_dict.txt``, which the next export uses
(``helpers.language.segment``; see ``docs/segmentation.md``).

The method
----------
This is the standard unsupervised method of "new-word discovery" (新词发现), as set out
by Matrix67 (Gu Senmiao) in 互联网时代的社会语言学：基于SNS的文本数据挖掘 (2012), with
the mutual-information measure of word association of Sproat & Shih (1990), "A
statistical method for finding word boundaries in Chinese text".  A string of characters
is a word when three things hold:

1. **It recurs.**  ``count`` is how often the string occurs in the texts (overlapping
   occurrences included); a string seen once or twice is no evidence of anything.
2. **It holds together (cohesion).**  Its characters occur together far more often than
   chance would put them side by side.  With ``p(x) = count(x) / N`` (N = the number of
   Han characters), a string ``w`` cut at any point into ``a + b`` would occur, if ``a``
   and ``b`` were independent, with probability ``p(a) p(b)``.  Cohesion is the smallest
   ratio ``p(w) / (p(a) p(b))`` over all cut points, reported in bits (log2): the
   pointwise mutual information across the weakest cut.  The weakest cut matters: 核军控
   is only as solid as the looser of 核 + 军控 and 核军 + 控.
3. **It stands free (boundary entropy).**  A word is used in many contexts, so the
   characters just before it (and just after it) vary.  ``left_entropy`` is the Shannon
   entropy, in bits, of the character to the left of each occurrence; ``right_entropy`` of
   the one to the right.  A string that is only a piece of a longer word has one fixed
   neighbour: 平利用核能 is always preceded by 和, so its left entropy is 0.  The start or
   end of a run of Han characters (punctuation, digits, Latin letters, the sentence's
   edge) counts as a neighbour seen once, since it says nothing against a word boundary.

Worked example.  In a text of N = 10,000 Han characters, suppose 乏燃料 occurs 8 times,
乏 8 times, 燃料 10 times, 乏燃 8 times and 料 12 times.  The cut 乏 + 燃料 gives
``(8/N) / ((8/N)(10/N)) = N/10 = 1000``; the cut 乏燃 + 料 gives ``N/12 ≈ 833``; cohesion
is the smaller, log2(833) ≈ 9.7 bits: the three characters occur together about 800
times more often than chance.  If 乏燃料 is preceded by 的 ×4, 从 ×2, 理 ×2, the left
entropy is ``-(0.5 log2 0.5 + 2 × 0.25 log2 0.25) = 1.5`` bits; if it is followed by 后
×6 and 的 ×2, the right entropy is 0.81 bits.  Had it always been followed by 后, the
right entropy would be 0, and 乏燃料后… would be the better candidate.

The score ranks candidates by all three at once::

    score = log2(count) × min(left_entropy, right_entropy) × min(cohesion, 8) / 8

(frequency on a log scale, times the freedom of the less free side, times cohesion
capped at 8 bits, so that a very rare pairing of characters cannot outweigh the rest).
In the example, ``3 × 0.81 × 1 = 2.43``.  A candidate needs ``count >= min_count``, a
cohesion of at least 1 bit and some freedom on both sides.  A sentence that occurs
word for word more than once (boilerplate, a page saved twice) is counted once.

Then the candidates the tokenizer already handles are dropped: only strings that are
never one token and that are cut into several tokens in most of their occurrences are
reported, with ``split_as`` showing the cut (a string mostly inside one longer token,
such as 首先使用 in 不首先使用, is a piece of a word the dictionary knows).

Junk that the scores let through is removed by rules:

- a function character standing alone as a token anywhere in the candidate
  (:data:`FUNCTION_CHARS`: 的核, 核军控的, 中国和美国, 北京应, 背景下 are phrases);
- a stopword (``data/lexicon/stopwords_zh.txt``) as its first or last token (这一术语,
  核问题), or a bare modifier as its last (降低核, :data:`MODIFIERS`);
- numbers and dates (十二月三日, 第八次会议);
- edges that fall inside a dictionary word or a number in most occurrences (方国家 from
  西方|国家, 日电 from 28日|电); a token jieba's HMM made up for an unknown word does not
  count (从乏 in 从乏|燃料 is no reason to doubt 乏燃料);
- a substring that a one character longer candidate accounts for almost entirely
  (利用核能 when nearly every occurrence is 和平利用核能).

A candidate never crosses punctuation, digits or Latin letters: only runs of Han
characters are counted.

Limits.  The statistics need repetition: a term used once or twice in a short page
cannot be told from chance, so run it on a whole corpus (``doc_id`` then picks one
document's candidates, scored with the corpus's counts).  Compositional phrases that
recur (国际|合作, 推动|核裁军) score like terms; whether they should be one token is the
analyst's call, so review the list before adding terms to the user dictionary: a
phrase added there swallows the terms inside it everywhere in the corpus.  Measured
results on real pages are in ``docs/segmentation.md``.

Everything is counted with :class:`collections.Counter` over strings, one pass per
length, so a corpus of a million characters takes seconds, not minutes.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..language.segment import USER_DICT_NAME, is_stopword, parse_user_dictionary, word_frequency

#: Characters that are words of their own in running text.  A candidate in which one of
#: them stands alone as a token (的核, 核军控的, 对核, 中国和美国, 北京应, 背景下) is a phrase,
#: not a term; inside a longer token they are fine (和平, 对话, 等级, 应当, 下降 are words).
FUNCTION_CHARS: frozenset[str] = frozenset(
    "的了在和是与及对等"  # particles, prepositions, conjunctions, the copula: the commonest
    "也都而则被把将为从向于并或以由给让如所着过地得"  # more of the same
    "之其这那此该本每各他她它我你们"  # pronouns and demonstratives
    "应会能可要曾已又还再很更最不没未"  # modal verbs and adverbs
    "上下中内外前后时里来"  # locatives (背景下, 框架内, 问题上) and 来 (用……来描述)
    "个枚位名项次种台架艘颗"  # classifiers (枚|核弹头)
)
#: Bound modifiers: standing alone as the last token they have lost their noun (降低核 from 降低核风险).
MODIFIERS: frozenset[str] = frozenset("核非反无")
#: Candidates are 2 to 8 Han characters long.
MIN_LENGTH, MAX_LENGTH = 2, 8
#: Cohesion (bits) a candidate needs: 1 bit = its weakest cut twice as frequent as chance.
MIN_COHESION = 1.0
#: Cohesion is capped at this many bits in the score.
COHESION_CAP = 8.0
#: A substring is dominated when one longer candidate accounts for at least this share of its occurrences.
DOMINANCE = 0.9

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_NUMERAL = "〇零一二两三四五六七八九十百千万亿几"
_NUMBER = re.compile(rf"^第|^[{_NUMERAL}]+$|[{_NUMERAL}][年月日号时届次]")
COLUMNS = ["term", "count", "documents", "cohesion", "left_entropy", "right_entropy", "score", "split_as", "example"]


@dataclass
class _Stats:
    count: int
    cohesion: float
    left: float
    right: float
    score: float
    extension: str
    extension_count: int


def _statistics(runs: list[str], min_count: int) -> dict[str, _Stats]:
    """Count, cohesion, boundary entropies and score of every frequent 2–8 character string of *runs*.

    One :class:`Counter` per length counts every substring of that length; the strings one
    character longer give the neighbours of the shorter ones.  The entropy of a string seen
    ``n`` times, with neighbour counts ``c_i``, is ``log2(n) - sum(c_i log2 c_i) / n``; a run
    edge is a neighbour seen once and adds 0 to the sum, so only the sums are kept.
    """
    total = sum(len(r) for r in runs)
    if total == 0:
        return {}
    counts: dict[str, int] = dict(Counter("".join(runs)))
    frequent: dict[int, dict[str, int]] = {}
    left_sum: dict[str, float] = {}
    right_sum: dict[str, float] = {}
    extension: dict[str, tuple[int, str]] = {}  # the most frequent one-character-longer candidate
    lowest = math.ceil(DOMINANCE * min_count)  # an extension below this can dominate nothing
    previous: dict[str, int] = {}
    for n in range(MIN_LENGTH, MAX_LENGTH + 2):
        grams = Counter(r[i:i + n] for r in runs if len(r) >= n for i in range(len(r) - n + 1))
        for gram, c in grams.items() if previous else ():  # neighbours of the (n-1)-character strings
            if c == 1:
                continue  # adds 0 to the sums and dominates nothing
            weight = c * math.log2(c)
            for inner, added, sums in ((gram[1:], gram[0], left_sum), (gram[:-1], gram[-1], right_sum)):
                if inner not in previous:
                    continue
                sums[inner] = sums.get(inner, 0.0) + weight
                if c >= lowest and n <= MAX_LENGTH and added not in FUNCTION_CHARS and not _NUMBER.search(gram):
                    best = extension.get(inner)
                    if best is None or (-c, gram) < (-best[0], best[1]):
                        extension[inner] = (c, gram)
        if n <= MAX_LENGTH:
            previous = {g: c for g, c in grams.items() if c >= min_count}
            frequent[n] = previous
            counts.update(previous)  # every part of a frequent string is at least as frequent
        else:
            previous = {}
    stats: dict[str, _Stats] = {}
    for n, grams in frequent.items():
        for gram, c in grams.items():
            ratio = min(c * total / (counts[gram[:k]] * counts[gram[k:]]) for k in range(1, n))
            cohesion = math.log2(ratio)
            left = max(math.log2(c) - left_sum.get(gram, 0.0) / c, 0.0)
            right = max(math.log2(c) - right_sum.get(gram, 0.0) / c, 0.0)
            score = math.log2(c) * min(left, right) * min(max(cohesion, 0.0), COHESION_CAP) / COHESION_CAP
            ext_count, ext = extension.get(gram, (0, ""))
            stats[gram] = _Stats(c, cohesion, left, right, score, ext, ext_count)
    return stats


class _Text:
    """The sentences joined into one string, with the tokenizer's cuts as arrays over it."""

    def __init__(self, sentences: pd.DataFrame, tokens: pd.DataFrame) -> None:
        texts = sentences["text"].astype(str).tolist()
        self.sentence_ids = sentences["sentence_id"].astype(str).tolist()
        self.doc_ids = sentences["doc_id"].astype(str).tolist()
        self.offsets = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]).tolist() if texts else []
        self.text = "\n".join(texts)
        offset = dict(zip(self.sentence_ids, self.offsets))
        tokens = tokens[tokens["sentence_id"].isin(offset)]
        base = tokens["sentence_id"].map(offset).to_numpy(dtype=np.int64)
        starts = base + tokens["start"].to_numpy(dtype=np.int64)
        ends = base + tokens["end"].to_numpy(dtype=np.int64)
        order = np.argsort(starts, kind="stable")
        self.starts, self.ends = starts[order], ends[order]
        self.words = tokens["token"].astype(str).to_numpy()[order]
        self.vocabulary = set(self.words.tolist())

    def occurrences(self, term: str) -> list[int]:
        """Start offsets of every (overlapping) occurrence of *term*."""
        found, position = [], self.text.find(term)
        while position >= 0:
            found.append(position)
            position = self.text.find(term, position + 1)
        return found

    def sentence(self, position: int) -> int:
        return bisect_right(self.offsets, position) - 1

    def pieces(self, position: int, length: int) -> tuple[list[str], list[str]]:
        """The tokens overlapping ``[position, position + length)``: whole, and clipped to the span."""
        first = max(int(np.searchsorted(self.ends, position, side="right")), 0)
        whole, clipped = [], []
        for i in range(first, len(self.starts)):
            start, end = int(self.starts[i]), int(self.ends[i])
            if start >= position + length:
                break
            if end <= position:
                continue
            whole.append(str(self.words[i]))
            clipped.append(self.text[max(start, position):min(end, position + length)])
        return whole, clipped


def term_candidates(tables: dict[str, pd.DataFrame], *, min_count: int = 3, top: int = 30,
                    doc_id: str | None = None) -> pd.DataFrame:
    """Recurring strings that look like terms but that the tokenizer splits, best first.

    Args:
        tables: the export tables; ``sentences`` (doc_id, sentence_id, text) and ``tokens``
            (sentence_id, token, start, end) are used.  All sentences count, in every part.
        min_count: the fewest occurrences (in all the tables' sentences, a repeated sentence
            counted once) a candidate needs.
        top: how many candidates to return (at most).
        doc_id: only candidates that occur in this document; they are still scored with the
            counts of the whole corpus, which are more reliable than one short page's.

    Returns:
        Columns term, count (occurrences in the corpus, a repeated sentence counted once),
        documents (how many documents it occurs in), cohesion and left_entropy/right_entropy
        (bits), score, split_as (how the tokenizer cuts it: the tokens overlapping its most
        common split occurrence, such as ``核|军控``, or ``从乏|燃料`` when a neighbour is glued
        on) and example (the first sentence_id, in *doc_id* if given, where it is split);
        sorted by score descending, then term.  See the module docstring for the method.

    Raises:
        ValueError: *min_count* below 2 or *top* below 1, or an unknown *doc_id*.
    """
    if min_count < 2 or top < 1:
        raise ValueError("min_count must be at least 2 and top at least 1")
    sentences = tables["sentences"]
    if doc_id is not None and doc_id not in set(sentences["doc_id"].astype(str)):
        raise ValueError(f"unknown doc_id {doc_id!r}")
    text = _Text(sentences, tables["tokens"])
    distinct = dict.fromkeys(sentences["text"].astype(str))  # a repeated sentence (boilerplate, a copy) counts once
    runs = [m.group(0) for sentence in distinct for m in _HAN.finditer(sentence)]
    stats = _statistics(runs, min_count)
    ranked = sorted((term for term, s in stats.items()
                     if s.cohesion >= MIN_COHESION and s.score > 0 and not _NUMBER.search(term)),
                    key=lambda term: (-round(stats[term].score, 3), term))  # the order of the rounded scores shown
    in_doc = None if doc_id is None else "\n".join(sentences.loc[sentences["doc_id"].astype(str) == doc_id, "text"])
    rows: list[dict[str, object]] = []
    for term in ranked:
        if len(rows) >= top:
            break
        if in_doc is not None and term not in in_doc:
            continue
        row = _assess(term, stats, text, doc_id)
        if row is not None:
            rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


def _assess(term: str, stats: dict[str, _Stats], text: _Text, doc_id: str | None) -> dict[str, object] | None:
    """The candidate's row, or None when the tokenizer already keeps it whole or it is junk."""
    s = stats[term]
    if term in text.vocabulary:  # one token somewhere: the dictionary knows it
        return None
    if s.extension and s.extension_count >= DOMINANCE * s.count:  # a piece of a longer candidate
        return None
    positions = text.occurrences(term)
    sentences = [text.sentence(p) for p in positions]
    splits: Counter[str] = Counter()
    first: dict[str, int] = {}
    clean = 0
    example = None
    for position, sentence in zip(positions, sentences):
        whole, clipped = text.pieces(position, len(term))
        if len(clipped) < 2:
            continue  # inside one longer token here
        if any(piece in FUNCTION_CHARS for piece in clipped) or clipped[-1] in MODIFIERS:
            return None  # a function word stands alone in it (a phrase), or it ends on a bare modifier
        if (whole[0] == clipped[0] and is_stopword(whole[0])) or (whole[-1] == clipped[-1] and is_stopword(whole[-1])):
            return None  # begins or ends with a stopword (这一术语, 核问题)
        clean += not (_cuts_a_word(whole[0], clipped[0]) or _cuts_a_word(whole[-1], clipped[-1]))
        key = "|".join(whole)
        splits[key] += 1
        first.setdefault(key, sentence)
        if example is None and (doc_id is None or text.doc_ids[sentence] == doc_id):
            example = sentence
    if 2 * splits.total() <= len(positions):
        return None  # mostly inside one longer token: a piece of a known word (首先使用 in 不首先使用)
    if 2 * clean < splits.total():
        return None  # mostly begins or ends inside a dictionary word (方国家 in 西方|国家)
    split_as = min(splits, key=lambda k: (-splits[k], first[k]))
    if example is None:  # in this document it is only ever inside a longer token
        return None
    return {
        "term": term, "count": s.count, "documents": len({text.doc_ids[i] for i in sentences}),
        "cohesion": round(s.cohesion, 3), "left_entropy": round(s.left, 3), "right_entropy": round(s.right, 3),
        "score": round(s.score, 3), "split_as": split_as, "example": text.sentence_ids[example],
    }


def _cuts_a_word(token: str, piece: str) -> bool:
    """True when the candidate's edge falls inside *token* and *token* is a dictionary word or a number.

    A token jieba's HMM made up for an unknown word (从乏 in 从乏|燃料) is no evidence
    against the candidate; a dictionary word (西方 in 西方|国家 for 方国家) or a date
    (28日 in 28日|电 for 日电) is.
    """
    return piece != token and (word_frequency(token) > 0 or any(c.isdigit() for c in token))


def write_user_dictionary(terms: Iterable[str], path: Path | str) -> Path:
    """Append *terms* not yet in the user dictionary at *path*, keeping its lines and comments.

    The file is written whole to a temporary file beside it and then renamed over it, so
    that it is never left half-written.  A new file starts with a comment saying what it is.
    Put it beside the corpus's ``manifest.csv`` as ``user_dict.txt`` for the export to use it.

    Raises:
        ValueError: a term that is empty or holds a tab or a line break.
        HelpersError: the existing file has a bad line (see
            :func:`helpers.language.segment.parse_user_dictionary`).
    """
    path = Path(path)
    existing = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    known = {term for term, _ in parse_user_dictionary(existing, path)}
    new: list[str] = []
    for term in terms:
        term = term.strip()
        if not term or "\t" in term or "\n" in term or "\r" in term or term.startswith("#"):
            raise ValueError(f"not a term for a user dictionary: {term!r}")
        if term not in known:
            known.add(term)
            new.append(term)
    if not existing:
        existing = (f"# {USER_DICT_NAME}: terms kept whole by the tokenizer for this corpus, one a line, "
                    "optionally term<TAB>frequency\n")
    elif not existing.endswith("\n"):
        existing += "\n"
    content = existing + "".join(f"{term}\n" for term in new)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
