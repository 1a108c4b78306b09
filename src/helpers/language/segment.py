"""Stage 3 of the pipeline: word segmentation with jieba.

Chinese is written without spaces, so words must be found by a segmenter.  jieba's
general dictionary does not know this domain: it reads 中德军控 as 中 / 德军
("German army") / 控 and splits treaty names apart.  We therefore use a dedicated
:class:`jieba.Tokenizer` (never the global one) loaded with the versioned domain
dictionary ``data/lexicon/domain_dict.txt``.  Names that contain characters jieba
always splits on (·, /, spaces, 、) are protected and kept whole.

A user may add terms for one corpus in ``<corpus folder>/user_dict.txt`` (one term a
line, optionally ``term<TAB>frequency``; ``#`` starts a comment).  The domain
dictionary stays the base: :func:`user_tokenizer` copies the domain tokenizer and adds
the user's terms, cached per file content (sha256), and :func:`dictionary_version`
names the user dictionary by the first 8 hex digits of that hash, so that every export
records which terms its tokens were cut with.  :mod:`helpers.methods.newwords` finds
terms worth adding.

Two engines cut the text, with the same dictionary and the same result.  jieba 0.42.1
(pure Python) is the reference.  rjieba (the Python binding of jieba-rs, a Rust port of
jieba) cuts over twenty times faster and is used when it is installed: :func:`rjieba_twin`
loads it with every word of the jieba tokenizer and jieba's final frequency and running
total, and the few inputs where jieba-rs cuts differently from jieba (characters outside
jieba's Han range, Latin or digit runs joined by ``_ . -`` under the HMM; see
docs/segmentation.md) are cut by jieba itself.  ``HELPERS_SEGMENTER=jieba`` in the
environment (or :data:`ENGINE` set to ``"jieba"``) selects the reference alone, and
:func:`dictionary_version` names the engine.

jieba prints nothing: its logger is silenced before first use and its cache lives
in the user's cache folder, outside the repository.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .lexicon import aliases, domain_dictionary, stopwords
from ..errors import HelpersError
from ..paths import cache_dir

if TYPE_CHECKING:
    import jieba

logging.getLogger("jieba").setLevel(logging.WARNING)


@lru_cache(maxsize=1)
def _jieba():
    """The jieba module, imported on first use (its import alone takes a tenth of a second, and the
    rjieba engine needs jieba only for the rare piece it cuts differently), with its logger silenced."""
    with warnings.catch_warnings():
        # jieba 0.42.1 imports pkg_resources, which setuptools >= 80 deprecates loudly.
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=1)
def jieba_version() -> str:
    """The installed jieba's version (without importing it)."""
    return metadata.version("jieba")


def jieba_dictionary_path() -> Path:
    """jieba's general dictionary file, ``dict.txt`` (word, frequency, part-of-speech tag a line), found
    without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise HelpersError("jieba is not installed: pip install jieba==0.42.1.")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"

#: Always one token (docs/segmentation.md): dash and ellipsis pairs, a number with
#: its unit of time or a percent sign (2021年, 50%), and Latin or digit runs joined by
#: hyphens or dots (SM-3BlockIIA, 266-271, CarnegieEndowment.org).
_ALWAYS_WHOLE = r"——|……|\d+(?:\.\d+)?%|\d+[年月日]|[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)+"
#: The characters jieba keeps inside one word (from jieba's own ``re_han_default``).
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")
_PUNCT = re.compile(r"^[\W_]+$")


#: The environment variable that selects the engine: ``jieba`` (the reference) or ``rjieba``.
ENGINE_VARIABLE = "HELPERS_SEGMENTER"
#: The engine, set in code (``"jieba"`` or ``"rjieba"``); None follows :data:`ENGINE_VARIABLE`,
#: and without it rjieba when it is installed, else jieba.
ENGINE: str | None = None
_ENGINES = ("jieba", "rjieba")

#: Where jieba-rs 0.11 (rjieba 0.2.2) and jieba 0.42.1 cut the same text differently, with
#: the same dictionary and total (docs/segmentation.md, "Two engines"): characters that
#: jieba-rs counts as Han and jieba does not (CJK extensions A–F, the compatibility
#: ideographs, U+9FD6–U+9FFF; and lone surrogates, which Rust strings cannot hold), and,
#: under the HMM, a Latin or digit run joined to the next by one ``_``, ``.`` or ``-``
#: (jieba: a / _ / 1, jieba-rs: a_1).  A piece that holds one is cut by jieba.
_RJIEBA_DIFFERS = r"[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0002FA1F\uD800-\uDFFF]"
_RJIEBA_DIFFERS_NO_HMM = re.compile(_RJIEBA_DIFFERS)
_RJIEBA_DIFFERS_HMM = re.compile(_RJIEBA_DIFFERS + r"|[A-Za-z0-9][._\-][A-Za-z0-9]")
#: A word no text can reach (a private-use character is never inside one of jieba's Han
#: runs): it carries the part of jieba's running total that belongs to no word.
_UNREACHABLE = "\ue000"


@lru_cache(maxsize=1)
def _rjieba():
    """The module that holds rjieba's ``Jieba`` class, or None when rjieba is not installed.

    ``import rjieba`` also builds a ``Jieba`` with jieba-rs's own dictionary (a fifth of a second) that
    this module never uses, since its twins start empty.  So the compiled extension inside the package
    is loaded by itself when it can be, under the name the package gives it (``rjieba.rjieba``), so
    that a later ``import rjieba`` finds it rather than loading it a second time.
    """
    import sys

    if "rjieba" not in sys.modules and "rjieba.rjieba" not in sys.modules:
        try:
            spec = importlib.util.find_spec("rjieba")
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            return None
        from importlib.machinery import EXTENSION_SUFFIXES

        for folder in spec.submodule_search_locations or ():
            for binary in (Path(folder) / f"rjieba{suffix}" for suffix in EXTENSION_SUFFIXES):
                if not binary.exists():
                    continue  # only a build this interpreter accepts, as the package's own import would
                try:
                    found = importlib.util.spec_from_file_location("rjieba.rjieba", binary)
                    module = importlib.util.module_from_spec(found)
                    found.loader.exec_module(module)
                except (ImportError, OSError, AttributeError):
                    break  # fall back to the package's own import
                if hasattr(module, "Jieba"):
                    sys.modules["rjieba.rjieba"] = module
                    return module
    try:
        import rjieba
    except ImportError:
        return None
    return rjieba


def engine() -> str:
    """The engine that cuts the text: ``"rjieba"`` or ``"jieba"`` (see :data:`ENGINE`).

    Raises:
        HelpersError: an unknown engine, or rjieba asked for and not installed.
    """
    wanted = (ENGINE or os.environ.get(ENGINE_VARIABLE) or "").strip().lower()
    if wanted not in ("", *_ENGINES):
        raise HelpersError(f"{ENGINE_VARIABLE}={wanted!r}: expected 'jieba' (the reference) or 'rjieba'.")
    if wanted == "jieba":
        return "jieba"
    if _rjieba() is not None:
        return "rjieba"
    if wanted == "rjieba":
        raise HelpersError(f"{ENGINE_VARIABLE}=rjieba, but rjieba is not installed: "
                           "pip install rjieba==0.2.2, or set it to jieba.")
    return "jieba"


def engine_version() -> str:
    """``jieba 0.42.1``, or ``rjieba 0.2.2 (jieba 0.42.1 dictionary)`` for the fast engine."""
    if engine() == "rjieba":
        return f"rjieba {_rjieba_version()} (jieba {jieba_version()} dictionary)"
    return f"jieba {jieba_version()}"


@lru_cache(maxsize=1)
def _rjieba_version() -> str:
    return metadata.version("rjieba")


class Token(NamedTuple):
    """A token with its character span in the sentence text (a named tuple: cheap to make by the million)."""

    text: str
    start: int
    end: int


def _new_tokenizer() -> "jieba.Tokenizer":
    tokenizer = _jieba().Tokenizer()
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


#: The format of the frequency snapshot in the cache folder; raise it when :class:`Frequencies` changes.
_SNAPSHOT_FORMAT = 1


@dataclass(frozen=True)
class Frequencies:
    """The domain tokenizer's dictionary as jieba ends up with it: every word with a frequency above 0
    (jieba's general words, the domain terms, less the deleted words), in jieba's own order, and
    jieba's running total."""

    words: dict[str, int]
    total: int


def _snapshot_key() -> str:
    """What the snapshot depends on: jieba's version and dictionary file (its size and modification
    time, as jieba checks its own cache), the domain dictionary's bytes, and the snapshot format."""
    from ..paths import LEXICON

    import sys

    stat = jieba_dictionary_path().stat()
    digest = hashlib.sha256()
    digest.update(f"{_SNAPSHOT_FORMAT}|{sys.version_info[:2]}|{_JIEBA_WORD.pattern}|{jieba_version()}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    domain = LEXICON / "domain_dict.txt"
    if not domain.exists():
        domain_dictionary()  # its one-line error names the file and the fix
    digest.update(domain.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def domain_frequencies() -> Frequencies:
    """The domain tokenizer's positive frequencies and total (:class:`Frequencies`), without loading jieba.

    Loading jieba's prefix dictionary (about 500,000 entries, a third of them prefixes with frequency 0)
    takes about a second; the words that have a frequency load in a quarter of that from a snapshot that
    the first run writes to the cache folder (beside jieba's own cache) and that is rebuilt whenever
    jieba's dictionary or ``domain_dict.txt`` changes.  The snapshot holds exactly what
    :func:`domain_tokenizer` holds: a test compares them.
    """
    import marshal

    key = _snapshot_key()
    path = cache_dir() / f"domain_frequencies.{key[:16]}.marshal"
    try:
        stored_key, words, total = marshal.loads(path.read_bytes())
        if stored_key == key and isinstance(words, dict) and isinstance(total, int):
            return Frequencies(words, total)
    except FileNotFoundError:
        pass  # no snapshot yet
    except Exception:  # damaged (marshal can raise almost anything on bad bytes, MemoryError included)
        path.unlink(missing_ok=True)
    tokenizer = domain_tokenizer()
    frequencies = Frequencies({w: f for w, f in tokenizer.FREQ.items() if f > 0}, tokenizer.total)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(marshal.dumps((key, frequencies.words, frequencies.total)))
        os.replace(partial, path)  # whole or not at all, also with several processes at once
        for old in path.parent.glob("domain_frequencies.*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)  # the snapshot of an earlier dictionary
    except OSError:
        partial.unlink(missing_ok=True)  # a read-only cache costs time, not correctness
    return frequencies


def word_frequency(word: str) -> int:
    """The word's frequency in the domain tokenizer's dictionary (0 for a word it does not know)."""
    return domain_frequencies().words.get(word, 0)


@lru_cache(maxsize=1)
def domain_twin():
    """The rjieba twin of :func:`domain_tokenizer`, built from :func:`domain_frequencies` (jieba itself is
    loaded only if a piece of text needs it: see :data:`_RJIEBA_DIFFERS`).  The same words, frequencies and
    total as ``rjieba_twin(domain_tokenizer())``.

    Raises:
        HelpersError: rjieba is not installed.
    """
    frequencies = domain_frequencies()
    return _twin(frequencies.words, frequencies.total)


def prepare() -> None:
    """Load what :func:`tokenize` with the domain dictionary needs, once (before worker processes fork,
    so that they share it): the rjieba twin and the frequencies, or jieba's tokenizer for the reference."""
    if engine() == "rjieba":
        domain_twin()
    else:
        domain_tokenizer()
    domain_frequencies()


def _twin(words: dict[str, int], total: int):
    module = _rjieba()
    if module is None:
        raise HelpersError("rjieba is not installed: pip install rjieba==0.2.2.")
    twin = module.Jieba.empty()
    add, mass = twin.add_word, 0
    for word, freq in words.items():
        if freq > 0:
            add(word, freq, None)
            mass += freq
    if total < mass:
        raise HelpersError("the jieba tokenizer's total is below the sum of its frequencies; "
                           f"set {ENGINE_VARIABLE}=jieba.")
    if total > mass:
        add(_UNREACHABLE, total - mass, None)
    return twin


def rjieba_twin(tokenizer: "jieba.Tokenizer"):
    """An ``rjieba.Jieba`` that cuts as *tokenizer* does (built once per tokenizer and kept with it).

    It holds every word of *tokenizer* with a frequency above 0 (jieba's dict.txt as loaded, the
    domain terms, the user's terms, each with the frequency jieba ended with after our ``add_word``
    and ``del_word`` calls; a deleted word is left out, since jieba-rs cannot delete).  jieba's
    running total also counts the old frequency of every word overwritten and of every repeated
    line of dict.txt, which jieba-rs would subtract: that remainder is given to a word no text can
    reach, so that both compute the same log-probabilities.  Rebuilt when the total or the number
    of entries of *tokenizer* changes (``add_word``); a ``del_word`` of a known word changes neither,
    so change a new tokenizer rather than one already in use.

    Raises:
        HelpersError: rjieba is not installed.
    """
    module = _rjieba()
    if module is None:
        raise HelpersError("rjieba is not installed: pip install rjieba==0.2.2.")
    stamp = (tokenizer.total, len(tokenizer.FREQ))
    built = tokenizer.__dict__.get("_helpers_rjieba")
    if built is not None and built[0] == stamp:
        return built[1]
    twin = _twin(tokenizer.FREQ, tokenizer.total)
    tokenizer._helpers_rjieba = (stamp, twin)
    return twin


#: The file name of a corpus's user dictionary, beside its ``manifest.csv``.
USER_DICT_NAME = "user_dict.txt"


@dataclass(frozen=True)
class UserDictionary:
    """A user's extra terms for one corpus: the file, the sha256 of its bytes, the terms with optional frequencies."""

    path: Path
    sha256: str
    terms: tuple[tuple[str, int | None], ...]

    @property
    def short(self) -> str:
        """The first 8 hex digits of the hash, as recorded in ``segmenter``."""
        return self.sha256[:8]

    @property
    def names(self) -> tuple[str, ...]:
        """Terms jieba would always split (spaces, ·, /): kept whole by the protected pattern instead."""
        return tuple(t for t, _ in self.terms if not _JIEBA_WORD.match(t))


#: jieba's own user-dictionary line, ``term frequency [tag]`` separated by spaces (全面禁止核武器 5 nz).
_JIEBA_USERDICT_LINE = re.compile(r"(\S+)[ ]+([0-9]+)(?:[ ]+[A-Za-z]+)?")


def parse_user_dictionary(text: str, path: Path | str = USER_DICT_NAME) -> tuple[tuple[str, int | None], ...]:
    """The ``(term, frequency or None)`` pairs of a user dictionary's text, in file order, without repeats.

    A line is ``term``, ``term<TAB>frequency``, or jieba's own ``term frequency [tag]`` with spaces
    (a term of one word followed by a number: ``全面禁止核武器 5`` is the term 全面禁止核武器 with frequency 5).

    Raises:
        HelpersError: a line with more than one tab, an empty term, or a frequency that is not a
            whole number of at least 1 (one line naming the file, the line number and the fix).
    """
    terms: dict[str, int | None] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()  # a leading tab is kept: it leaves the term empty
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        jieba_style = _JIEBA_USERDICT_LINE.fullmatch(line.strip()) if "\t" not in line else None
        parts = [jieba_style.group(1), jieba_style.group(2)] if jieba_style else [p.strip() for p in line.split("\t")]
        frequency = parts[1] if len(parts) == 2 else ""
        if len(parts) > 2 or not parts[0] or (len(parts) == 2 and not (re.fullmatch("[0-9]+", frequency)
                                                                         and int(frequency) >= 1)):
            raise HelpersError(
                f"{path}, line {number}: expected 'term' or 'term<TAB>frequency' (a whole number of at least 1), "
                f"got {raw!r}; fix the line or start it with '#' to ignore it."
            )
        if parts[0] not in terms:
            terms[parts[0]] = int(frequency) if frequency else None
    return tuple(terms.items())


def read_user_dictionary(path: Path | str) -> UserDictionary:
    """Read and validate a user dictionary (UTF-8, a byte-order mark allowed).

    Raises:
        HelpersError: the file is missing, not UTF-8, or has a bad line.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise HelpersError(f"{path}: user dictionary not found; create it or leave it out.") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise HelpersError(f"{path}: cannot read the user dictionary ({reason}); check its permissions.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HelpersError(f"{path}: the user dictionary is not UTF-8; save it as UTF-8.") from None
    return UserDictionary(path, hashlib.sha256(data).hexdigest(), _parsed(text, str(path)))


@lru_cache(maxsize=16)
def _parsed(text: str, path: str) -> tuple[tuple[str, int | None], ...]:
    return parse_user_dictionary(text, path)


def corpus_user_dictionary(corpus_dir: Path | str) -> UserDictionary | None:
    """The corpus folder's ``user_dict.txt``, read and validated, or None when there is none."""
    path = Path(corpus_dir) / USER_DICT_NAME
    if not path.is_file():
        return None
    user = read_user_dictionary(path)
    return user if user.terms else None  # a file with no terms changes nothing and is not recorded


def user_tokenizer(user: UserDictionary) -> "jieba.Tokenizer":
    """The domain tokenizer plus the user's terms (a copy: the domain tokenizer is left as it is)."""
    return _user_tokenizer(user.sha256, user.terms)


@lru_cache(maxsize=8)
def _user_tokenizer(sha256: str, terms: tuple[tuple[str, int | None], ...]) -> "jieba.Tokenizer":
    base = domain_tokenizer()
    tokenizer = _jieba().Tokenizer()
    tokenizer.tmp_dir = base.tmp_dir
    tokenizer.FREQ = dict(base.FREQ)  # a copy of the loaded dictionary: no second load from disk
    tokenizer.total = base.total
    tokenizer.user_word_tag_tab = dict(base.user_word_tag_tab)
    tokenizer.initialized = True
    for term, freq in terms:
        if _JIEBA_WORD.match(term):
            tokenizer.add_word(term, freq=freq)
    if engine() == "rjieba":
        rjieba_twin(tokenizer)
    return tokenizer


def _user(user_dict: "UserDictionary | Path | str | None") -> UserDictionary | None:
    if user_dict is None or isinstance(user_dict, UserDictionary):
        return user_dict
    return _read_cached(str(Path(user_dict).resolve()), *_stamp(Path(user_dict)))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)  # read_user_dictionary names the missing file
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _read_cached(path: str, mtime_ns: int, size: int) -> UserDictionary:
    return read_user_dictionary(path)


@lru_cache(maxsize=8)
def _protected(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Names jieba would always split (they contain ·, /, spaces …), longest first,
    and the runs in ``_ALWAYS_WHOLE``; *extra* adds names that hold for one document."""
    names = {t for t, _ in domain_dictionary().terms if not _JIEBA_WORD.match(t)}
    names |= {a for a in (*(a.surface for a in aliases()), *extra) if not _JIEBA_WORD.match(a)}
    escaped = [re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))]
    return re.compile("|".join([*escaped, _ALWAYS_WHOLE]))


def dictionary_version(user_dict: "UserDictionary | Path | str | None" = None) -> str:
    """``<engine> + domain_dict <version>``, recorded with every export, and
    ``+ user_dict <first 8 hex digits of its sha256>`` when a user dictionary is used.

    The engine is ``rjieba 0.2.2 (jieba 0.42.1 dictionary)`` or ``jieba 0.42.1`` (:func:`engine_version`).
    """
    version = f"{engine_version()} + domain_dict {domain_dictionary().version}"
    user = _user(user_dict)
    return f"{version} + user_dict {user.short}" if user is not None else version


def tokenize(text: str, *, domain: bool = True, hmm: bool = True, names: tuple[str, ...] = (),
             user_dict: "UserDictionary | Path | str | None" = None) -> list[Token]:
    """Segment *text* into tokens with character spans (whitespace dropped).

    Args:
        text: one sentence (or any string).
        domain: use the domain tokenizer (True) or jieba's bare general dictionary.
        hmm: let jieba's HMM guess unknown words.  The engine (rjieba or jieba, the
            same tokens) is chosen by :func:`engine`.
        names: further names kept whole with the domain tokenizer (a layer's surface forms
            that hold for this document only, such as a mistranslated title with a space).
        user_dict: a user dictionary (its path, or one read by :func:`read_user_dictionary`)
            whose terms are added to the domain dictionary.

    Raises:
        ValueError: a user dictionary with ``domain=False`` (it extends the domain tokenizer).
        HelpersError: the user dictionary is missing or has a bad line.
    """
    words, starts, ends = token_spans(text, domain=domain, hmm=hmm, names=names, user_dict=user_dict)
    return list(map(Token._make, zip(words, starts, ends)))


class TokenSpans(NamedTuple):
    """A sentence's tokens as three parallel lists (what :func:`tokenize` gives, without a tuple per token)."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def token_spans(text: str, *, domain: bool = True, hmm: bool = True, names: tuple[str, ...] = (),
                user_dict: "UserDictionary | Path | str | None" = None) -> TokenSpans:
    """The tokens of :func:`tokenize` (same arguments) as parallel lists of words, starts and ends: the
    pipeline cuts some 600,000 tokens per million characters, and makes tables of these columns directly."""
    user = _user(user_dict)
    if user is not None and not domain:
        raise ValueError("a user dictionary extends the domain tokenizer; it cannot be used with domain=False")
    fast_engine = engine() == "rjieba"
    if user is not None:
        tokenizer = user_tokenizer(user)
        names = (*names, *user.names)
        fast = rjieba_twin(tokenizer) if fast_engine else None
    elif domain:
        tokenizer = None  # loaded below only if a piece needs jieba itself
        fast = domain_twin() if fast_engine else None
    else:
        tokenizer = default_tokenizer()
        fast = rjieba_twin(tokenizer) if fast_engine else None
    pieces: list[tuple[str, int, bool]] = []
    position = 0
    if domain:
        for match in _protected(names).finditer(text):
            pieces.append((text[position:match.start()], position, False))
            pieces.append((match.group(0), match.start(), True))
            position = match.end()
    pieces.append((text[position:], position, False))
    differs = _RJIEBA_DIFFERS_HMM if hmm else _RJIEBA_DIFFERS_NO_HMM
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for piece, offset, keep in pieces:
        if not piece:
            continue
        if keep:
            words.append(piece)
            starts.append(offset)
            ends.append(offset + len(piece))
            continue
        if fast is not None and not differs.search(piece):
            cut = fast.cut(piece, hmm)
        else:
            cut = list((tokenizer or domain_tokenizer()).cut(piece, HMM=hmm))
        stops = list(accumulate(map(len, cut), initial=offset))
        if any(map(str.isspace, cut)):
            kept = [i for i, word in enumerate(cut) if not word.isspace()]
            words += [cut[i] for i in kept]
            starts += [stops[i] for i in kept]
            ends += [stops[i + 1] for i in kept]
        else:
            words += cut
            starts += stops[:-1]
            ends += stops[1:]
    return TokenSpans(words, starts, ends)


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
