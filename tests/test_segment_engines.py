"""The two segmentation engines give the same tokens: rjieba (jieba-rs, fast) against jieba 0.42.1 (the reference).

Any difference fails, with the first few listed.  The bare engines differ on a few inputs (docs/segmentation.md,
"Two engines"); :func:`helpers.language.segment.tokenize` cuts those with jieba, and the last tests check that the
bare engines differ nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
from pathlib import Path

import jieba
import pytest
import rjieba  # a dependency: without it the equivalence cannot be checked

from helpers.errors import HelpersError
from helpers.language import segment
from helpers.language.lexicon import domain_dictionary
from helpers.language.segment import (USER_DICT_NAME, default_tokenizer, dictionary_version, domain_tokenizer,
                                      read_user_dictionary, rjieba_twin, tokenize, user_tokenizer)
from helpers.paths import RAW

FIXTURES = Path(__file__).parent / "fixtures"
MODES = {"domain, HMM": {}, "domain, no HMM": {"hmm": False},
         "default dictionary, HMM": {"domain": False}, "default dictionary, no HMM": {"domain": False, "hmm": False}}

#: Strings written to be hard: Latin runs with _ . -, digits and percentages, mixed scripts, whitespace and
#: control characters, characters outside jieba's Han range, terms whose frequency the domain dictionary
#: overwrites (中德, 军控, 中美) or deletes (安理会常任理事国, 核军备).
HARD = [
    "", " ", "   中  ", "都会导致中德军控政策的目标在表面上虽然相似", "中德军控" * 20, "中美中俄中欧美中德中对话",
    "安理会常任理事国", "联合国安理会常任理事国会议", "核军备", "核军备竞赛加剧", "核军备控制", "军备竞赛与导弹防御",
    "a_1", "a_b", "1_2", "abc_def", "file_name中文", "snake_case_变量名", "__init__", "_private", "trailing_",
    "x_y%", "1_000元", "ICBM_2024导弹", "a__b", "A_1.5", "1.5_2", "a-b", "ab-Z", "b-2", "9-a", "a.b", "a..b",
    "a1.2.3", "v1.2.3版本发布", "ab.12.3", "a.1.2", "2.a#核", "a-b-c", "H-6K轰炸机", "DF-41导弹", "SM-3BlockIIA拦截器",
    "PL-15E", "No.1", "e.g.这样", "U.S.政府", "www.example.com网站", "C++与C#", "AT&T公司", "a+b", "a++b", "a#b",
    "a&b", "a%b", "a%1", "5%3", "50%以上", "0.5%的", "1%%2", "3.14159", "1.5亿美元", "2024年1月", "第2021号",
    "1,000,000", "２０２４年", "ｆｕｌｌ１２３", "Ａ", "〇", "Москва和北京", "日本語のテキスト和中文", "한국어와中文",
    "naïve café的", "Ω粒子", "γ射线暴", "😀表情", "中\u200b国", "中\u3000国", "中\xa0国", "tab\t分隔", "换行\r\n第二行",
    "\n\n段落", "\x1c控制", "㐀中国", "中国\u9fd6人民", "豈有此理", "𠀀字", "𪚥字", "刘䶮", "鿏元素", "_㐀", "a_㐀",
    ".㐀国é在鿖", "鿖𠀀约鿖", "\t约_豈😀", "\ud800中国", "中国人民解放军火箭军", "不扩散核武器条约第六条",
    "斯托尔滕贝格（Jens Stoltenberg）强调", "奥利弗·迈尔 (Oliver Meier) 是欧洲领导力网络", "乔·拜登和杰克·苏利文",
    "他来到了网易杭研大厦", "我们中出了一个叛徒", "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
    "日本常被视为典型的核门槛国家。", "延伸威慑和乏燃料后处理，东北亚无核武器区", "核门槛国家延伸威慑军控中德",
]

#: A user dictionary: new terms, a frequency, jieba's own line format, and terms the domain dictionary
#: already has, so that their frequency is overwritten a second time (军控 50000 → 5, 中德 50000 → 7).
USER_DICT = "# test\n核门槛国家\n延伸威慑\t500\n乏燃料后处理 20000 n\n无核武器区\n军控\t5\n中德\t7\nfile_name\n"


@contextlib.contextmanager
def using(engine: str):
    old = segment.ENGINE
    segment.ENGINE = engine
    try:
        yield
    finally:
        segment.ENGINE = old


def differences(texts, **kw) -> list[tuple[str, list[str], list[str]]]:
    """(text, jieba's tokens, rjieba's tokens) for every text where the engines disagree (tokens and spans)."""
    found = []
    for text in texts:
        with using("jieba"):
            reference = tokenize(text, **kw)
        with using("rjieba"):
            fast = tokenize(text, **kw)
        if fast != reference:
            found.append((text, [t.text for t in reference], [t.text for t in fast]))
    return found


def assert_same(texts, **kw) -> None:
    texts = list(texts)
    found = differences(texts, **kw)
    assert not found, f"{len(found)} of {len(texts)} texts differ; the first: {found[:3]}"


def fixture_lines() -> list[str]:
    files = sorted(FIXTURES.rglob("*.txt"))
    assert len(files) >= 9
    return [line for path in files for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
def test_the_engines_agree_on_every_study_sentence(study, mode):
    texts = [s.text for s in study.sentences]
    assert len(texts) >= 250
    assert_same(texts, **mode)


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
def test_the_engines_agree_on_the_fixture_texts(mode):
    assert_same(fixture_lines(), **mode)


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
def test_the_engines_agree_on_hard_strings(mode):
    assert_same(HARD, **mode)


@pytest.mark.parametrize("hmm", [True, False])
def test_the_engines_agree_with_a_user_dictionary(tmp_path, hmm):
    path = tmp_path / USER_DICT_NAME
    path.write_text(USER_DICT, encoding="utf-8")
    texts = HARD + fixture_lines()
    assert_same(texts, hmm=hmm, user_dict=path)
    with using("rjieba"):
        assert "核门槛国家" in [t.text for t in tokenize("日本常被视为典型的核门槛国家。", user_dict=path)]


def test_the_twin_carries_jiebas_final_frequencies_and_total(tmp_path):
    path = tmp_path / USER_DICT_NAME
    path.write_text(USER_DICT, encoding="utf-8")
    for tokenizer in (default_tokenizer(), domain_tokenizer(), user_tokenizer(read_user_dictionary(path))):
        twin = rjieba_twin(tokenizer)
        assert rjieba_twin(tokenizer) is twin  # built once
        for word in ("军控", "中德", "核门槛国家", "延伸威慑", "中国", "安理会常任理事国", "核军备"):
            assert twin.has_word(word) == bool(tokenizer.FREQ.get(word)), word  # a deleted word is left out
    assert not rjieba_twin(domain_tokenizer()).has_word("核军备") and rjieba_twin(default_tokenizer()).has_word("核军备")
    # jieba's running total is larger than the sum of its frequencies (overwritten words, repeated lines)
    domain = domain_tokenizer()
    assert domain.total > sum(domain.FREQ.values())


def test_the_twin_follows_a_changed_tokenizer():
    base = domain_tokenizer()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(base.FREQ), base.total, True
    before = rjieba_twin(tokenizer).cut("中德军控对话", False)
    tokenizer.add_word("中德军控对话", freq=10 ** 9)
    after = rjieba_twin(tokenizer).cut("中德军控对话", False)
    assert before != after == list(tokenizer.cut("中德军控对话", HMM=False)) == ["中德军控对话"]


def fuzz_strings(count: int, seed: int = 20261129) -> list[str]:
    alphabet = (list("中国人民军控核武器条约的了是在和与北约美德安理会常任事备") + list("abXZ129") + list("_.-+#&%")
                + [" ", "，", "·", "\r\n", "\t", "\u3000", "\xa0", "\x1c", "\n", "Ａ", "１", "é", "😀",
                   "㐀", "\uf900", "\u9fd6", "\U00020000"])
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10))) for _ in range(count)]


@pytest.mark.parametrize("hmm", [True, False])
def test_the_bare_engines_differ_only_where_documented(hmm):
    """Without the fallback, rjieba and jieba differ only on the inputs ``_RJIEBA_DIFFERS*`` names."""
    documented = segment._RJIEBA_DIFFERS_HMM if hmm else segment._RJIEBA_DIFFERS_NO_HMM
    texts = HARD + fuzz_strings(3000)
    undocumented, differing = [], 0
    for tokenizer in (default_tokenizer(), domain_tokenizer()):
        twin = rjieba_twin(tokenizer)
        for text in texts:
            if any("\ud800" <= c <= "\udfff" for c in text):
                continue  # a lone surrogate cannot be passed to Rust at all
            if twin.cut(text, hmm) != list(tokenizer.cut(text, HMM=hmm)):
                differing += 1
                if not documented.search(text):
                    undocumented.append(text)
    assert not undocumented, f"{len(undocumented)} undocumented differences; the first: {undocumented[:5]}"
    if hmm:  # the documented differences are real: the fallback is needed
        assert differing >= 20
        tokenizer = default_tokenizer()
        for text, reference in (("a_1", ["a", "_", "1"]), ("a.b", ["a", ".", "b"]), ("鿖𠀀约", ["鿖", "𠀀", "约"])):
            assert list(tokenizer.cut(text)) == reference
            assert rjieba_twin(tokenizer).cut(text, True) != reference


def test_dictionary_version_names_the_engine(monkeypatch):
    monkeypatch.delenv(segment.ENGINE_VARIABLE, raising=False)
    version = domain_dictionary().version
    with using("jieba"):
        assert dictionary_version() == f"jieba {jieba.__version__} + domain_dict {version}"
    with using("rjieba"):
        assert dictionary_version() == f"rjieba 0.2.2 (jieba {jieba.__version__} dictionary) + domain_dict {version}"
    assert segment.engine() == "rjieba"  # the default when rjieba is installed
    monkeypatch.setenv(segment.ENGINE_VARIABLE, "jieba")
    assert segment.engine() == "jieba" and dictionary_version().startswith("jieba ")
    monkeypatch.setenv(segment.ENGINE_VARIABLE, "ICTCLAS")
    with pytest.raises(HelpersError, match="HELPERS_SEGMENTER"):
        segment.engine()


def export(corpus: Path, out: Path, engine: str) -> None:
    env = {**os.environ, segment.ENGINE_VARIABLE: engine}
    result = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus), "--out", str(out)],
                            capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("corpus", [RAW, FIXTURES / "corpus"], ids=["study", "fixture corpus"])
def test_the_export_is_byte_identical_but_for_the_engine_name(tmp_path, corpus):
    export(corpus, tmp_path / "jieba", "jieba")
    export(corpus, tmp_path / "rjieba", "rjieba")
    names = sorted(p.name for p in (tmp_path / "jieba").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "rjieba").iterdir()) and "tokens.csv" in names
    reference_name = f"jieba {jieba.__version__} + "
    fast_name = f"rjieba 0.2.2 (jieba {jieba.__version__} dictionary) + "
    for name in names:
        reference, fast = (tmp_path / "jieba" / name).read_bytes(), (tmp_path / "rjieba" / name).read_bytes()
        if name == "documents.csv":
            assert reference.count(reference_name.encode()) >= 1
            fast = fast.replace(fast_name.encode(), reference_name.encode())
        assert fast == reference, name


def test_the_frequency_snapshot_holds_what_the_domain_tokenizer_holds():
    domain = domain_tokenizer()
    frequencies = segment.domain_frequencies()
    assert frequencies.words == {w: f for w, f in domain.FREQ.items() if f > 0}
    assert list(frequencies.words) == [w for w, f in domain.FREQ.items() if f > 0]  # jieba's order, as the twin adds
    assert frequencies.total == domain.total
    assert segment.word_frequency("中德") == domain.FREQ["中德"] > 0
    assert segment.word_frequency("核军备") == 0 and segment.word_frequency("不在词典里的词") == 0


@pytest.mark.parametrize("damage", [b"", b"not marshal", None])
def test_a_missing_or_damaged_snapshot_is_rebuilt(tmp_path, monkeypatch, damage):
    import marshal

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment.domain_frequencies.cache_clear()
    try:
        path = tmp_path / "arms-control-study" / f"domain_frequencies.{segment._snapshot_key()[:16]}.marshal"
        if damage is not None:
            path.parent.mkdir(parents=True)
            path.write_bytes(damage)
        built = segment.domain_frequencies()
        assert path.exists() and marshal.loads(path.read_bytes())[2] == built.total
        assert not list(path.parent.glob("*.tmp"))  # written whole, through a temporary file
        segment.domain_frequencies.cache_clear()
        assert segment.domain_frequencies() == built  # read back
    finally:
        segment.domain_frequencies.cache_clear()


def test_the_domain_twin_cuts_as_the_twin_of_the_tokenizer():
    twin, reference = segment.domain_twin(), rjieba_twin(domain_tokenizer())
    texts = [t for t in HARD + fixture_lines() if not any("\ud800" <= c <= "\udfff" for c in t)]  # Rust strings
    assert len(texts) > 150
    for text in texts:
        for hmm in (True, False):
            assert twin.cut(text, hmm) == reference.cut(text, hmm), text


def test_the_export_cuts_without_loading_jieba(tmp_path):
    """The rjieba path reads the snapshot; jieba's half-million-entry prefix dictionary is not loaded."""
    code = ("import sys; from helpers.__main__ import main\n"
            "import helpers.language.segment as s\n"
            "assert main(['export', '--corpus', sys.argv[1], '--out', sys.argv[2]]) == 0\n"
            "print(s.domain_tokenizer.cache_info().currsize)")
    segment.domain_frequencies()  # the snapshot exists
    done = subprocess.run([sys.executable, "-c", code, str(FIXTURES / "corpus"), str(tmp_path / "out")],
                          capture_output=True, text=True, env={**os.environ, "HELPERS_SEGMENTER": "rjieba"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "0"


def test_rjieba_is_loaded_without_its_default_dictionary_and_a_later_import_shares_it():
    """The extension is loaded alone (``import rjieba`` would also build jieba-rs's default dictionary);
    a later ``import rjieba`` reuses it instead of initialising the extension a second time."""
    code = ("import sys\nfrom helpers.language import segment as s\n"
            "tokens = [t.text for t in s.tokenize('中德军控对话。')]\n"
            "print('rjieba' in sys.modules, 'rjieba.rjieba' in sys.modules, tokens == ['中德', '军控', '对话', '。'])\n"
            "import rjieba\nprint(rjieba.Jieba is s._rjieba().Jieba, rjieba.cut('中德军控') == ['中', '德军', '控'])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "HELPERS_SEGMENTER": "rjieba"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True", "True", "True"]


def test_a_snapshot_that_makes_marshal_fail_in_any_way_is_replaced(tmp_path, monkeypatch):
    """marshal.loads can raise MemoryError (and more) on damaged bytes: the snapshot is deleted and rebuilt."""
    import marshal

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment.domain_frequencies.cache_clear()
    try:
        built = segment.domain_frequencies()
        path = next((tmp_path / "arms-control-study").glob("domain_frequencies.*.marshal"))
        stale = path.with_name("domain_frequencies.0000000000000000.marshal")
        stale.write_bytes(b"an earlier dictionary's snapshot")
        real = marshal.loads

        def failing(data):
            raise MemoryError

        monkeypatch.setattr(marshal, "loads", failing)
        segment.domain_frequencies.cache_clear()
        assert segment.domain_frequencies() == built
        monkeypatch.setattr(marshal, "loads", real)
        assert real(path.read_bytes())[2] == built.total
        assert not stale.exists()  # snapshots of other dictionaries are removed when one is written
    finally:
        segment.domain_frequencies.cache_clear()
