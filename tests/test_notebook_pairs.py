"""Each notebook has one source: notebooks/NN_name.ipynb is paired by jupytext with notebooks/NN_name.md.

The .md (MyST Markdown) holds the cells' source, their tags and the notebook's summary; the .ipynb holds the same
cells with their outputs, which nbval checks.  JupyterLab with jupytext installed saves both files of a pair; after
editing one of them elsewhere, ``jupytext --sync notebooks/*.ipynb`` brings the other up to date.  It copies the
cells of the more recently modified file, so run it before ``python -m helpers build``, which rewrites the .ipynb.
These tests fail when the two have drifted apart, naming the notebook and the cell.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jupytext
import pytest

from helpers.paths import NOTEBOOKS
from helpers.publish.notebooks import notebook_paths, pair_differences, require_pairs_in_sync

FORMATS = "ipynb,md:myst"


def test_every_notebook_has_a_paired_markdown_file_in_sync():
    paths = notebook_paths()
    assert paths
    problems = [p for path in paths for p in pair_differences(path)]
    assert not problems, "\n".join(problems + [
        "Re-sync: `jupytext --sync notebooks/*.ipynb` copies the cells of the NEWER file of each pair to the other;",
        "after `python -m helpers build` the .ipynb is newer, so if you edited the .md say which side wins:",
        "`jupytext --to ipynb --update notebooks/NN_name.md` (the .md's cells, the .ipynb keeps its outputs) or",
        "`jupytext --to md:myst notebooks/NN_name.ipynb` (the .ipynb's cells)."])


def test_every_markdown_notebook_has_its_ipynb():
    """No orphan .md: a notebook renamed or deleted on one side only."""
    paired = {p.with_suffix(".md") for p in notebook_paths()}
    assert set(NOTEBOOKS.glob("[0-9][0-9]_*.md")) == paired


def test_the_pairing_is_declared_in_both_files():
    """The metadata jupytext (the command and JupyterLab's) reads to pair the files."""
    for path in notebook_paths():
        notebook = json.loads(path.read_text(encoding="utf-8"))
        assert notebook["metadata"].get("jupytext", {}).get("formats") == FORMATS, path.name
        text = jupytext.read(path.with_suffix(".md"))
        assert text.metadata["jupytext"]["formats"] == FORMATS, path.name
        assert text.metadata["jupytext"]["text_representation"]["format_name"] == "myst", path.name


def _copy_pair(tmp_path: Path) -> tuple[Path, int, str]:
    """A copy of the first notebook's pair in *tmp_path*, with the position and source of its setup cell."""
    source = notebook_paths()[0]
    ipynb = tmp_path / source.name
    shutil.copyfile(source, ipynb)
    shutil.copyfile(source.with_suffix(".md"), ipynb.with_suffix(".md"))
    cells = json.loads(ipynb.read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if "setup" in c["metadata"].get("tags", []))
    return ipynb, index, "".join(cells[index]["source"])


def test_a_cell_edited_in_the_markdown_file_only_is_reported(tmp_path):
    ipynb, index, source = _copy_pair(tmp_path)
    md = ipynb.with_suffix(".md")
    text = md.read_text(encoding="utf-8")
    assert text.count(source) == 1
    md.write_text(text.replace(source, source + "\nprint('edited')"), encoding="utf-8")
    assert pair_differences(ipynb) == [
        f"{ipynb.name}: cell {index} (id {json.loads(ipynb.read_text(encoding='utf-8'))['cells'][index]['id']}): "
        f"source differs from {md.name}"]


def test_a_cell_edited_in_the_ipynb_only_is_reported(tmp_path):
    ipynb, index, source = _copy_pair(tmp_path)
    notebook = json.loads(ipynb.read_text(encoding="utf-8"))
    notebook["cells"][index]["source"] = source + "\nprint('edited')"
    ipynb.write_text(json.dumps(notebook), encoding="utf-8")
    problems = pair_differences(ipynb)
    assert len(problems) == 1 and problems[0].startswith(f"{ipynb.name}: cell {index} ") and "source" in problems[0]


@pytest.mark.parametrize("edit", ["tag", "cell type", "new cell"])
def test_other_drift_is_reported(tmp_path, edit):
    ipynb, index, source = _copy_pair(tmp_path)
    md = ipynb.with_suffix(".md")
    text = md.read_text(encoding="utf-8")
    if edit == "tag":  # the setup cell loses its tag, so the report would no longer hide it
        changed = text.replace(":tags: [setup]\n", "", 1)
        expected = [f"cell {index} ", ": metadata differs"]
    elif edit == "cell type":  # the setup cell becomes Markdown
        opening = "```{code-cell} ipython3\n:tags: [setup]\n\n"
        changed = text.replace(opening + source + "\n```", "+++ {\"tags\": [\"setup\"]}\n\n" + source + "\n\n+++", 1)
        expected = [f"cell {index} ", ": cell type differs"]
    else:  # a cell appended to the .md only
        changed = text + "\n```{code-cell} ipython3\n1 + 1\n```\n"
        expected = [f"cell {len(json.loads(ipynb.read_text(encoding='utf-8'))['cells'])}: only in {md.name}"]
    assert changed != text
    md.write_text(changed, encoding="utf-8")
    problems = pair_differences(ipynb)
    assert problems and all(p.startswith(ipynb.name) for p in problems)
    assert any(all(part in p for part in expected) for p in problems), problems


def test_a_missing_markdown_file_is_reported(tmp_path):
    ipynb, _, _ = _copy_pair(tmp_path)
    ipynb.with_suffix(".md").unlink()
    assert pair_differences(ipynb) == [f"{ipynb.name}: no paired {ipynb.stem}.md (jupytext --sync {ipynb})"]


def test_the_build_refuses_a_pair_out_of_sync_before_rewriting_anything(tmp_path):
    from helpers.errors import HelpersError

    for suffix in (".ipynb", ".md"):
        shutil.copyfile(NOTEBOOKS / f"00_corpus{suffix}", tmp_path / f"00_corpus{suffix}")
    md = tmp_path / "00_corpus.md"
    require_pairs_in_sync([tmp_path / "00_corpus.ipynb"])  # in sync: nothing raised
    md.write_text(md.read_text(encoding="utf-8").replace("helpers.setup()", "helpers.setup()  # edited", 1),
                  encoding="utf-8")
    before = (tmp_path / "00_corpus.ipynb").read_bytes()
    with pytest.raises(HelpersError, match=r"00_corpus.ipynb: cell \d+ .*source differs.*jupytext --to ipynb --update"):
        require_pairs_in_sync([tmp_path / "00_corpus.ipynb"])
    assert (tmp_path / "00_corpus.ipynb").read_bytes() == before
