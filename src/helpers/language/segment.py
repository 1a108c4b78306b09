"""Stage 3 of the pipeline: word segmentation with jieba.

Chinese is written without spaces, so words must be found by a segmenter.  jieba's
general dictionary does not know this domain: it reads 中德军控 as 中 / 德军
("German army") / 控 and splits treaty names apart.  We therefore use a dedicated
:class:`jieba.Tokenizer` (never the global one) loaded with the versioned domain
dictionary ``data/lexicon/domain_dict.txt``.  Names that contain characters jieba
always splits on (·, /, spaces, 、) are protected and kept whole.

jieba prints nothing: its logger is silenced before first use and its cache lives
in the user's cache folder, outside the repository.
"""

from __future__ import annotations

import logging
import re
import warnings
from functools import lru_cache
from typing import NamedTuple

from .lexicon import aliases, domain_dictionary, stopwords
from ..paths import cache_dir

with warnings.catch_warnings():
    # jieba 0.42.1 imports pkg_resources, which setuptools >= 80 deprecates loudly.
    warnings.simplefilter("ignore")
    import jieba

logging.getLogger("jieba").setLevel(logging.WARNING)
jieba.setLogLevel(logging.WARNING)

#: Always one token (docs/segmentation.md): dash and ellipsis pairs, a number with
#: its unit of time or a percent sign (2021年, 50%), and Latin or digit runs joined by
#: hyphens or dots (SM-3BlockIIA, 266-271, CarnegieEndowment.org).
_ALWAYS_WHOLE = r"——|……|\d+(?:\.\d+)?%|\d+[年月日]|[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)+"
#: The characters jieba keeps inside one word (from jieba's own ``re_han_default``).
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")
_PUNCT = re.compile(r"^[\W_]+$")


class Token(NamedTuple):
    """A token with its character span in the sentence text (a named tuple: cheap to make by the million)."""

    text: str
    start: int
    end: int


def _new_tokenizer() -> "jieba.Tokenizer":
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=1)
def default_tokenizer() -> "jieba.Tokenizer":
    """A jieba tokenizer with only jieba's general dictionary (the baseline)."""
    return _new_tokenizer()


@lru_cache(maxsize=1)
def domain_tokenizer() -> "jieba.Tokenizer":
    """A jieba tokenizer with the domain dictionary added."""
    tokenizer = _new_tokenizer()
    dictionary = domain_dictionary()
    for word in dictionary.deletions:
        tokenizer.del_word(word)
    for term, freq in dictionary.terms:
        if _JIEBA_WORD.match(term):
            tokenizer.add_word(term, freq=freq)
    return tokenizer


@lru_cache(maxsize=8)
def _protected(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Names jieba would always split (they contain ·, /, spaces …), longest first,
    and the runs in ``_ALWAYS_WHOLE``; *extra* adds names that hold for one document."""
    names = {t for t, _ in domain_dictionary().terms if not _JIEBA_WORD.match(t)}
    names |= {a for a in (*(a.surface for a in aliases()), *extra) if not _JIEBA_WORD.match(a)}
    escaped = [re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))]
    return re.compile("|".join([*escaped, _ALWAYS_WHOLE]))


def dictionary_version() -> str:
    """``jieba <version> + domain_dict <version>``, recorded with every export."""
    return f"jieba {jieba.__version__} + domain_dict {domain_dictionary().version}"


def tokenize(text: str, *, domain: bool = True, hmm: bool = True, names: tuple[str, ...] = ()) -> list[Token]:
    """Segment *text* into tokens with character spans (whitespace dropped).

    Args:
        text: one sentence (or any string).
        domain: use the domain tokenizer (True) or jieba's bare general dictionary.
        hmm: let jieba's HMM guess unknown words.
        names: further names kept whole with the domain tokenizer (a layer's surface forms
            that hold for this document only, such as a mistranslated title with a space).
    """
    tokenizer = domain_tokenizer() if domain else default_tokenizer()
    pieces: list[tuple[str, int, bool]] = []
    position = 0
    if domain:
        for match in _protected(names).finditer(text):
            pieces.append((text[position:match.start()], position, False))
            pieces.append((match.group(0), match.start(), True))
            position = match.end()
    pieces.append((text[position:], position, False))
    tokens: list[Token] = []
    for piece, offset, keep in pieces:
        if not piece:
            continue
        if keep:
            tokens.append(Token(piece, offset, offset + len(piece)))
            continue
        position = offset
        for word in tokenizer.cut(piece, HMM=hmm):
            end = position + len(word)
            if not word.isspace():
                tokens.append(Token(word, position, end))
            position = end
    return tokens


def is_punct(token: str) -> bool:
    """True for punctuation and symbols."""
    return bool(_PUNCT.match(token))


def is_stopword(token: str) -> bool:
    """True for a word on the stopword list."""
    return token in stopwords()


def boundaries(tokens: list[str]) -> set[int]:
    """Positions (counted in non-space characters) where one token ends and the next begins."""
    out, position = set(), 0
    for token in tokens[:-1]:
        position += len(re.sub(r"\s", "", token))
        out.add(position)
    return out


def boundary_scores(gold: list[str], predicted: list[str]) -> tuple[int, int, int]:
    """(true positives, predicted boundaries, gold boundaries) for one sentence.

    Both token lists must spell the same text.  Precision is tp/predicted and
    recall tp/gold, the usual word-boundary measures for Chinese segmentation.
    """
    if re.sub(r"\s", "", "".join(gold)) != re.sub(r"\s", "", "".join(predicted)):
        raise ValueError("gold and predicted tokens spell different texts")
    g, p = boundaries(gold), boundaries(predicted)
    return len(g & p), len(p), len(g)
