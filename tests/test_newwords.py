"""New-word discovery (helpers.methods.newwords) and the corpus's user dictionary (helpers.language.segment)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.errors import HelpersError
from helpers.language.segment import (USER_DICT_NAME, dictionary_version, parse_user_dictionary,
                                      read_user_dictionary, tokenize)
from helpers.methods.newwords import COLUMNS, FUNCTION_CHARS, term_candidates, write_user_dictionary
from helpers.paths import RAW
from helpers.tables import corpus_tables

FIXTURE = Path(__file__).parent / "fixtures" / "newwords"
#: The terms the fixture text repeats and the domain tokenizer splits, with the split.
FIXTURE_TERMS = {"乏燃料后处理": "乏|燃料|后处理", "核门槛国家": "核|门槛|国家", "延伸威慑": "延伸|威慑",
                 "无核武器区": "无核武器|区"}
#: The spec's function characters: a candidate may not begin or end with one standing alone.
EDGE_JUNK = set("的了在和是与及对等")


def words(text: str, **kw) -> list[str]:
    return [t.text for t in tokenize(text, **kw)]


def tables_of(texts: list[str], doc_id: str = "doc") -> dict[str, pd.DataFrame]:
    """Minimal export tables (sentences and tokens) for a few sentences, tokenized as the pipeline does."""
    sentences, tokens = [], []
    for i, text in enumerate(texts):
        sentence_id = f"{doc_id}-{i:04d}"
        sentences.append({"doc_id": doc_id, "sentence_id": sentence_id, "part": "body", "kind": "sentence",
                          "text": text})
        for position, token in enumerate(tokenize(text)):
            tokens.append({"doc_id": doc_id, "sentence_id": sentence_id, "position": position, "token": token.text,
                           "start": token.start, "end": token.end})
    return {"sentences": pd.DataFrame(sentences), "tokens": pd.DataFrame(tokens)}


def assert_no_edge_junk(candidates: pd.DataFrame) -> None:
    for term, split_as in zip(candidates["term"], candidates["split_as"]):
        pieces = split_as.split("|")
        assert not any(p in FUNCTION_CHARS for p in pieces), (term, split_as)
        for piece, edge in ((pieces[0], term[0]), (pieces[-1], term[-1])):
            assert not (piece == edge and edge in EDGE_JUNK), (term, split_as)


@pytest.fixture(scope="module")
def fixture_tables():
    return corpus_tables(FIXTURE)


def test_the_fixture_terms_are_split_by_the_domain_tokenizer():
    for term, split in FIXTURE_TERMS.items():
        assert "|".join(words(term)) == split, term


def test_the_fixture_terms_are_the_top_candidates(fixture_tables):
    found = term_candidates(fixture_tables)
    assert list(found.columns) == COLUMNS
    assert set(found["term"].head(len(FIXTURE_TERMS))) == set(FIXTURE_TERMS)
    rows = found.set_index("term")
    for term, split in FIXTURE_TERMS.items():
        assert rows.loc[term, "split_as"] == split
        assert rows.loc[term, "count"] >= 6 and rows.loc[term, "documents"] == 1
        assert rows.loc[term, "cohesion"] > 3
        assert min(rows.loc[term, "left_entropy"], rows.loc[term, "right_entropy"]) > 2
        sentence = fixture_tables["sentences"].set_index("sentence_id").loc[rows.loc[term, "example"], "text"]
        assert term in sentence
    # pieces of the terms are dominated by the whole term: 门槛国家, 燃料后处理, 核武器区 are not listed
    assert not {"门槛国家", "燃料后处理", "核武器区", "伸威慑"} & set(found["term"])
    assert_no_edge_junk(found)


def test_candidates_are_deterministic_and_ordered(fixture_tables, study):
    for tables in (fixture_tables, study.tables):
        first, second = term_candidates(tables, min_count=2), term_candidates(tables, min_count=2)
        pd.testing.assert_frame_equal(first, second)
        keys = list(zip(-first["score"], first["term"]))
        assert keys == sorted(keys)


def test_on_the_study_texts_the_recurring_split_terms_are_found(study):
    found = term_candidates(study.tables)
    assert len(found) >= 15
    terms = set(found["term"])
    # 多边军控 ("multilateral arms control", the FES paper's subject) is split 多边|军控 eleven times
    assert found.iloc[0]["term"] == "多边军控" and found.iloc[0]["split_as"] == "多边|军控"
    assert {"核军备竞赛", "国际安全", "军控领域", "西方国家"} <= terms
    fes = term_candidates(study.tables, doc_id="fes2024")
    carnegie = term_candidates(study.tables, doc_id="carnegie2024")
    assert "多边军控" in set(fes["term"]) and "多边军控" not in set(carnegie["term"])
    assert "核关系" in set(carnegie["term"])
    assert set(fes["example"].str.split("-").str[0]) == {"fes2024"}
    # nothing the tokenizer already keeps whole, no function-word junk
    vocabulary = set(study.tables["tokens"]["token"])
    assert not terms & vocabulary
    assert_no_edge_junk(found)
    assert_no_edge_junk(fes)


def test_junk_is_filtered():
    texts = [
        "十二月三日，东北亚无核武器区的设想再次被提出。",
        "十二月三日，有人反对东北亚无核武器区的设想。",
        "到了十二月三日，东南亚无核武器区与东北亚无核武器区被放在一起讨论。",
        "第八次会议讨论了核门槛国家，第八次会议也讨论了无核武器区。",
        "许多核门槛国家的政府担心，核门槛国家的地位并不稳定；第八次会议之后，核门槛国家更多了。",
    ]
    found = term_candidates(tables_of(texts), min_count=3)
    terms = set(found["term"])
    assert {"无核武器区", "核门槛国家"} <= terms
    assert not any(t[0] in "十二三第" or "月" in t for t in terms), terms  # dates and numbers (十二月三日, 第八次会议)
    assert not {"无核武器区的", "核门槛国家的", "的设想", "区的设想"} & terms  # function characters
    assert "核武器区" not in terms  # dominated by 无核武器区
    assert_no_edge_junk(found)


def test_candidates_never_cross_punctuation_and_respect_top_and_doc_id(study):
    found = term_candidates(study.tables, top=5, min_count=2)
    assert len(found) == 5
    assert all(t.isalpha() and all("\u4e00" <= c <= "\u9fff" for c in t) and 2 <= len(t) <= 8 for t in found["term"])
    with pytest.raises(ValueError):
        term_candidates(study.tables, doc_id="nosuchdoc")
    with pytest.raises(ValueError):
        term_candidates(study.tables, min_count=1)


def test_write_user_dictionary_appends_atomically_and_keeps_comments(tmp_path):
    path = tmp_path / USER_DICT_NAME
    write_user_dictionary(["核门槛国家", "延伸威慑"], path)
    assert path.read_text(encoding="utf-8").startswith("# ")
    path.write_text("# my terms\n核门槛国家\n\n# more\n乏燃料后处理\t20000", encoding="utf-8")  # no final newline
    assert write_user_dictionary(["延伸威慑", "核门槛国家", "无核武器区", "延伸威慑"], path) == path
    assert path.read_text(encoding="utf-8") == "# my terms\n核门槛国家\n\n# more\n乏燃料后处理\t20000\n延伸威慑\n无核武器区\n"
    before = path.read_bytes()
    write_user_dictionary(["无核武器区"], path)  # nothing new: content unchanged
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [USER_DICT_NAME]  # no temporary file left
    with pytest.raises(ValueError):
        write_user_dictionary(["核门槛\t国家"], path)
    assert path.read_bytes() == before


def test_user_dictionary_lines_are_validated(tmp_path):
    assert parse_user_dictionary("# c\n核门槛国家\n延伸威慑\t500\n\n核门槛国家\n") == (("核门槛国家", None), ("延伸威慑", 500))
    # jieba's own format (spaces, an optional tag) is read as term and frequency, not as a term with a space
    assert parse_user_dictionary("全面禁止核武器 5\n核门槛国家 3 nz\n") == (("全面禁止核武器", 5), ("核门槛国家", 3))
    for bad, number in (("核门槛国家\n延伸威慑\tmany\n", 2), ("# c\n\n核门槛\t国家\t5\n", 3), ("\t5\n", 1),
                        ("延伸威慑\t0\n", 1), ("延伸威慑\t²\n", 1)):  # ² passes str.isdigit but is no number
        path = tmp_path / USER_DICT_NAME
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(HelpersError) as error:
            read_user_dictionary(path)
        message = str(error.value)
        assert str(path) in message and f"line {number}" in message and "\n" not in message


def test_user_dictionary_extends_a_copy_of_the_domain_tokenizer(tmp_path):
    path = tmp_path / USER_DICT_NAME
    write_user_dictionary(["核门槛国家"], path)
    assert "核门槛国家" in words("日本常被视为典型的核门槛国家。", user_dict=path)
    assert "核门槛国家" not in words("日本常被视为典型的核门槛国家。")  # the domain tokenizer is unchanged
    assert words("都会导致中德军控政策的目标", user_dict=path)[3:5] == ["中德", "军控"]  # the domain dictionary stays
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    assert dictionary_version(path) == f"{dictionary_version()} + user_dict {digest}"
    with pytest.raises(ValueError):
        tokenize("核门槛国家", domain=False, user_dict=path)


def export(corpus: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus), "--out", str(out),
                           *extra], capture_output=True, text=True, check=False)


@pytest.fixture()
def corpus(tmp_path, fixture_tables) -> Path:
    """A copy of the fixture corpus with a user dictionary holding the discovered terms."""
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURE, folder)
    found = term_candidates(fixture_tables)
    write_user_dictionary(found["term"].head(len(FIXTURE_TERMS)), folder / USER_DICT_NAME)
    return folder


def test_export_uses_the_corpus_user_dictionary(corpus, tmp_path):
    result = export(corpus, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    tokens = pd.read_csv(tmp_path / "out" / "tokens.csv", dtype=str, keep_default_na=False)
    counts = tokens["token"].value_counts()
    for term in FIXTURE_TERMS:
        assert counts.get(term, 0) >= 6, term
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    digest = hashlib.sha256((corpus / USER_DICT_NAME).read_bytes()).hexdigest()[:8]
    assert list(documents["segmenter"]) == [f"{dictionary_version()} + user_dict {digest}"]
    # once in the dictionary, a term is no longer a candidate
    again = corpus_tables(corpus)
    assert not set(FIXTURE_TERMS) & set(term_candidates(again)["term"])


def test_parallel_export_uses_the_user_dictionary_too(corpus):
    text = (corpus / "east_asia.zh.txt").read_text(encoding="utf-8")
    rows = ["doc_id,file"]
    for i in range(4):
        (corpus / f"copy{i}.txt").write_text(text.replace("东亚核秩序", f"东亚核秩序（{i}）"), encoding="utf-8")
        rows.append(f"copy{i},copy{i}.txt")
    (corpus / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    serial, parallel = corpus_tables(corpus, jobs=1), corpus_tables(corpus, jobs=2)
    for name in serial:
        pd.testing.assert_frame_equal(serial[name], parallel[name])
    assert (parallel["tokens"]["token"] == "核门槛国家").sum() == 4 * 7
    assert parallel["documents"]["segmenter"].str.contains(" + user_dict ", regex=False).all()


def test_a_bad_user_dictionary_line_stops_the_export_with_one_line(corpus, tmp_path):
    with (corpus / USER_DICT_NAME).open("a", encoding="utf-8") as handle:
        handle.write("延伸威慑\toften\n")
    number = len((corpus / USER_DICT_NAME).read_text(encoding="utf-8").splitlines())
    result = export(corpus, tmp_path / "out")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(corpus / USER_DICT_NAME) in lines[0] and f"line {number}" in lines[0], lines
    assert not (tmp_path / "out").exists()


def test_an_empty_user_dictionary_is_not_recorded(tmp_path):
    from helpers.language.segment import corpus_user_dictionary

    (tmp_path / USER_DICT_NAME).write_text("# terms to add later\n\n", encoding="utf-8")
    assert corpus_user_dictionary(tmp_path) is None


def test_the_study_export_has_no_user_dictionary(study):
    assert not (RAW / USER_DICT_NAME).exists()
    segmenters = set(study.tables["documents"]["segmenter"])
    assert segmenters == {dictionary_version()} and "user_dict" not in dictionary_version()
