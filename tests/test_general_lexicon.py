"""The general entity lexicon (data/lexicon/general/): states, organisations, treaties, regimes, offices.

Built by tools/build_general_lexicon.py from CLDR (through Babel) and the hand-written,
sourced rows in data/lexicon/general/sources/.  These tests check the data as committed
and that the committed files are exactly what the build script produces.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERAL = ROOT / "data" / "lexicon" / "general"
STUDY = ROOT / "data" / "lexicon"


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_general_lexicon", ROOT / "tools" / "build_general_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ENTITIES = _rows(GENERAL / "entities.csv")
ALIASES = _rows(GENERAL / "aliases.csv")
BLOCKED = _rows(GENERAL / "blocked_contexts.csv")
BY_ID = {row["entity"]: row for row in ENTITIES}
STUDY_ENTITIES = {row["entity"]: row for row in _rows(STUDY / "entities.csv")}
CODE = re.compile(r"territory ([A-Z]{2});")


def _code(row: dict[str, str]) -> str | None:
    found = CODE.search(row["source"])
    return found.group(1) if found else None


# --- the states -----------------------------------------------------------------


def test_the_un_member_list_has_193_distinct_codes_known_to_cldr():
    import babel

    assert len(builder.UN_MEMBERS) == 193
    assert len(set(builder.UN_MEMBERS)) == 193
    territories = babel.Locale("en").territories
    assert all(code in territories for code in builder.UN_MEMBERS)
    # observers and non-members are not in the list
    assert not {"VA", "PS", "TW", "XK", "HK", "MO", "EH"} & set(builder.UN_MEMBERS)
    assert {"SS", "ME", "TL", "KP", "KR", "CN", "US"} <= set(builder.UN_MEMBERS)


def test_exactly_193_un_member_states_are_countries():
    members = [row for row in ENTITIES if "; UN member state (" in row["source"]]
    assert len(members) == 193
    assert {row["category"] for row in members} == {"country"}
    assert {_code(row) for row in members} == set(builder.UN_MEMBERS)
    observers = {row["entity"] for row in ENTITIES if "non-member observer State" in row["source"]}
    assert observers == {"holy_see", "palestine"}
    countries = {row["entity"] for row in ENTITIES if row["category"] == "country"}
    assert len(countries) == 195
    assert countries == {row["entity"] for row in members} | observers


def test_taiwan_is_a_place_not_a_country():
    assert BY_ID["taiwan"]["category"] == "place"
    assert "no political classification" in BY_ID["taiwan"]["source"]
    assert "taiwan" not in STUDY_ENTITIES  # the study lexicon has no entity for it


def test_state_names_come_from_cldr():
    import babel

    zh, hant = babel.Locale("zh").territories, babel.Locale("zh_Hant").territories
    dropped = {row["surface"] for row in _rows(GENERAL / "sources" / "dropped_surfaces.csv")}  # 查德 (Chad, Taiwan)
    for row in ENTITIES:
        code = _code(row)
        if code is None or code == "PS":
            continue
        assert row["label_zh"] == zh[code], row
        surfaces = {a["surface"] for a in ALIASES if a["entity"] == row["entity"]}
        assert hant[code] in surfaces | dropped


# --- every row is sourced and consistent -------------------------------------------


def test_every_entity_and_alias_has_a_source_and_the_fields_it_needs():
    for row in ENTITIES:
        assert row["source"].strip(), row
        assert row["label_en"].strip() and row["label_zh"].strip(), row
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", row["entity"]), row
        assert row["category"] in builder.CATEGORIES, row
    for row in ALIASES:
        assert row["source"].strip(), row
        assert row["surface"] and row["surface"] == row["surface"].strip(), row
        assert row["form"] in builder.FORMS, row


def test_each_entity_has_one_canonical_surface_equal_to_its_label():
    canonical = {}
    for row in ALIASES:
        if row["form"] == "canonical":
            assert row["entity"] not in canonical, row
            canonical[row["entity"]] = row["surface"]
    assert canonical == {row["entity"]: row["label_zh"] for row in ENTITIES}


def test_every_alias_points_to_an_existing_entity():
    known = set(BY_ID) | set(STUDY_ENTITIES)
    assert not [row for row in ALIASES if row["entity"] not in known]


def test_no_two_entities_share_a_surface():
    surfaces = [row["surface"] for row in ALIASES]
    assert len(surfaces) == len(set(surfaces))


def test_surfaces_shared_with_the_study_lexicon_name_the_same_entity():
    general = {row["surface"]: row["entity"] for row in ALIASES}
    study = {row["label_zh"]: row["entity"] for row in STUDY_ENTITIES.values()}
    study.update({row["surface"]: row["entity"] for row in _rows(STUDY / "aliases.csv")})
    clashes = {s: (general[s], study[s]) for s in general.keys() & study.keys() if general[s] != study[s]}
    assert not clashes


def test_blocked_contexts_contain_a_known_surface():
    surfaces = {row["surface"] for row in ALIASES}
    pairs = set()
    for row in BLOCKED:
        assert row["surface"] in surfaces, row
        assert row["surface"] in row["context"] and row["context"] != row["surface"], row
        assert row["reason"].strip(), row
        pairs.add((row["surface"], row["context"]))
    assert len(pairs) == len(BLOCKED)


def test_ambiguous_short_forms_are_flagged():
    flagged = {row["surface"] for row in ALIASES if row["ambiguous"]}
    assert {"中非", "马里", "苏丹", "海地", "汤加", "蒙古", "CD", "AU", "外交部发言人"} <= flagged


# --- the study lexicon's ids ------------------------------------------------------

# Every id the general layer shares with data/lexicon/entities.csv, with a word both
# English labels must contain: the same id must mean the same thing.
OVERLAP: dict[str, str] = {
    "china": "china", "germany": "germany", "united_states": "united states", "russia": "russia",
    "ukraine": "ukraine", "belarus": "belarus", "iran": "iran", "israel": "israel", "north_korea": "north korea",
    "npt": "non-proliferation", "bwc": "biological", "cwc": "chemical", "ctbt": "test-ban", "jcpoa": "joint comprehensive",
    "ottawa": "mine", "ccm": "cluster", "inf": "intermediate", "open_skies": "open skies", "cfe": "conventional",
    "new_start": "new start", "att": "arms trade", "tpnw": "prohibition of nuclear", "hcoc": "hague code",
    "npdi": "non-proliferation and disarmament", "stockholm_initiative": "stockholm", "p5_process": "p5 process",
    "un": "united nations", "unsc": "security council", "p5": "permanent members", "opcw": "chemical weapons",
    "nato": "north atlantic", "nato_sg": "nato secretary general", "eu": "european union",
    "china_mfa_arms_control": "arms control",
}
# Overlapping ids filed in a different category here, on purpose (see the sources' notes).
CATEGORY_DIFFERENCES: dict[str, tuple[str, str]] = {
    # id: (study, general)
    "hcoc": ("treaty", "regime"),
    "nato_sg": ("organisation", "office"),
    "china_mfa_arms_control": ("organisation", "office"),
}


def test_ids_shared_with_the_study_lexicon_mean_the_same_thing():
    shared = set(BY_ID) & set(STUDY_ENTITIES)
    assert shared == set(OVERLAP), "review new overlaps with the study lexicon and add them to OVERLAP"
    for entity, word in OVERLAP.items():
        assert word in BY_ID[entity]["label_en"].lower(), entity
        assert word in STUDY_ENTITIES[entity]["label_en"].lower(), entity
        study, general = STUDY_ENTITIES[entity]["category"], BY_ID[entity]["category"]
        assert (study, general) == CATEGORY_DIFFERENCES.get(entity, (study, study)), entity


# --- the committed files are what the builder writes ---------------------------------


def _babel_version_recorded() -> str:
    found = re.search(r"via Babel (\S+),", BY_ID["china"]["source"])
    assert found, BY_ID["china"]["source"]
    return found.group(1)


def test_the_committed_files_are_what_the_builder_produces(tmp_path):
    import babel

    if babel.__version__ != _babel_version_recorded():
        pytest.skip(f"Babel {babel.__version__} differs from the {_babel_version_recorded()} the files were built with; "
                    "rebuild with python tools/build_general_lexicon.py")
    assert builder.main(["--out", str(tmp_path)]) == 0
    for name in ("entities.csv", "aliases.csv", "blocked_contexts.csv"):
        assert (tmp_path / name).read_bytes() == (GENERAL / name).read_bytes(), name


def test_the_build_is_deterministic():
    first, second = builder.build(), builder.build()
    assert first == second


def test_the_files_are_plain_utf8_csv_with_newline_endings():
    for name, columns in (("entities.csv", 5), ("aliases.csv", 6), ("blocked_contexts.csv", 3)):
        data = (GENERAL / name).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data, name
        with (GENERAL / name).open(encoding="utf-8", newline="") as handle:
            assert all(len(row) == columns for row in csv.reader(handle)), name


def test_a_broken_source_row_is_refused(tmp_path):
    import shutil

    sources = tmp_path / "sources"
    shutil.copytree(GENERAL / "sources", sources)
    with (sources / "organisations.csv").open("a", encoding="utf-8") as handle:
        handle.write("iaea,,,英国,short,,,https://example.org\n")  # 英国 is the United Kingdom's
    with pytest.raises(builder.BuildError, match="英国"):
        builder.build(sources)


# --- real behaviour -----------------------------------------------------------------


@pytest.fixture(scope="module")
def find():
    function, _ = builder.matcher(GENERAL, study=None)
    return lambda text: [(surface, entity, blocked) for _, _, surface, entity, blocked in function(text)]


@pytest.mark.parametrize("surface, entity", [
    ("英国", "united_kingdom"), ("英國", "united_kingdom"), ("联合王国", "united_kingdom"),
    ("大不列颠及北爱尔兰联合王国", "united_kingdom"),
    ("国际原子能机构", "iaea"), ("國際原子能總署", "iaea"), ("IAEA", "iaea"),
    ("北韩", "north_korea"), ("朝鮮", "north_korea"), ("朝鲜半岛", "korean_peninsula"),
    ("核不扩散条约", "npt"), ("防扩散条约", "npt"), ("《不擴散核武器條約》", "npt"),
    ("北约", "nato"), ("北大西洋公约组织", "nato"), ("欧盟", "eu"), ("上合组织", "sco"), ("东盟", "asean"),
    ("刚果（金）", "dr_congo"), ("刚果(布)", "republic_of_the_congo"),
    ("多米尼克", "dominica"), ("多米尼加", "dominican_republic"),
    ("巴勒斯坦", "palestine"), ("教廷", "holy_see"),
    ("外交部发言人", "china_mfa_spokesperson"), ("美国国务卿", "us_secretary_of_state"),
    ("裁军谈判会议", "conference_on_disarmament"), ("瓦森纳安排", "wassenaar"),
])
def test_surfaces_resolve(find, surface, entity):
    hits = [(s, e) for s, e, blocked in find(surface) if not blocked]
    assert len(hits) == 1 and hits[0][1] == entity, hits


@pytest.mark.parametrize("text, surface", [
    ("中非合作论坛", "中非"), ("马里兰大学", "马里"), ("印度洋", "印度"), ("美国之音", "美国"),
    ("发展中国家", "中国"), ("沿海地区", "海地"), ("内蒙古", "蒙古"), ("几内亚湾", "几内亚"),
    ("约旦河西岸", "约旦"), ("韩国外交部", "外交部"), ("俄罗斯国防部长", "国防部长"), ("梵蒂冈国务卿", "国务卿"),
])
def test_blocked_contexts_stop_false_mentions(find, text, surface):
    hits = [(s, blocked) for s, _, blocked in find(text) if s == surface]
    assert hits and all(blocked for _, blocked in hits), hits


def test_a_sentence_keeps_its_real_mentions(find):
    text = "印度和印度尼西亚在印度洋举行演习，马里和乍得代表出席，中非共和国也在场。"
    kept = [entity for _, entity, blocked in find(text) if not blocked]
    assert kept == ["india", "indonesia", "mali", "chad", "central_african_republic"]
