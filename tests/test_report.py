"""The rendered report (a Sphinx site), tested as files and in a real (headless) browser, and the audit site.

The study's site is built once for the module from the committed notebooks and tables (nothing is executed:
nbval executes the notebooks); the audit site once, by the command line, on tests/fixtures/corpus.  Screenshots
of the index, a notebook page and a reader page are saved in the test's output folder and in /tmp/site_shots/.
"""

from __future__ import annotations

from html import unescape
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.errors import HelpersError
from helpers.paths import NOTEBOOKS
from helpers.publish.report import build_report

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
NOTEBOOK_PAGES = ["00_corpus.html", "01_sino_german.html", "02_sino_us.html", "03_comparison.html"]
READER_PAGES = ["reader_carnegie2024.html", "reader_fes2024.html"]
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SHOTS = Path("/tmp/site_shots")
#: An element of a page that loads something: none may point to the web.
EXTERNAL = re.compile(r'<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|href|data)='
                      r'"(?:https?:)?//', re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "site"
    start = time.perf_counter()
    build_report(out)  # the committed notebooks and tables, as they are; a Sphinx warning fails the build
    print(f"\nstudy site built in {time.perf_counter() - start:.1f} s")
    return out


@pytest.fixture(scope="module")
def audit_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("audit")
    out = work / "audit"
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "helpers", "audit", "--corpus", str(CORPUS), "--out", str(out)],
                            capture_output=True, text=True, check=False, cwd=work)
    print(f"\naudit site built in {time.perf_counter() - start:.1f} s (executing its two notebooks included)")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning of Sphinx either
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before  # nothing written into the study's notebooks/
    return out


def _pages(folder: Path) -> list[Path]:
    """The pages of a site (not the theme's template files in _static/)."""
    return sorted(p for p in folder.rglob("*.html") if p.relative_to(folder).parts[0] not in ("_static", "_sources"))


def _text(page: Path) -> str:
    return re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- #
# The files
# --------------------------------------------------------------------------- #
def test_the_site_has_every_page_and_ships_its_font(site):
    top = sorted(p.name for p in site.glob("*.html"))
    assert top == sorted(["index.html", *NOTEBOOK_PAGES, *READER_PAGES, "genindex.html", "py-modindex.html",
                          "search.html"])
    assert (site / "_static" / "fonts" / "NotoSansSC-Regular.otf").stat().st_size > 1_000_000
    assert (site / "_static" / "fonts" / "OFL.txt").exists()
    css = (site / "_static" / "site.css").read_text(encoding="utf-8")
    assert '@font-face' in css and 'url("fonts/NotoSansSC-Regular.otf")' in css
    assert "text-align: left" in css and "overflow-wrap: anywhere" in css  # tables: left-aligned, wrapped
    assert len(list((site / "api").glob("helpers*.html"))) >= 30
    assert not list(site.rglob("*.md.html")) and not (site / "_sources" / "00_corpus.md.txt").exists()  # no twins


def test_every_page_has_a_real_title_a_viewport_and_loads_nothing_from_the_web(site):
    titles = set()
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and title.group(1).strip() and "Notebook" not in title.group(1), page
        titles.add(title.group(1))
        assert re.search(r'<meta name="viewport" content="width=device-width', html), page
        assert not EXTERNAL.search(html), (page, EXTERNAL.search(html).group(0))
    assert len(titles) == len(_pages(site))  # every page its own title
    assert "<title>Two Chinese texts on arms control: a reproducible study</title>" in (
        site / "index.html").read_text(encoding="utf-8")
    for css in site.rglob("*.css"):
        assert not re.search(r"(?:url\(|@import)\s*['\"]?(?:https?:)?//", css.read_text(encoding="utf-8")), css


def test_folders_and_files_are_readable_by_others(site):
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    for path in site.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path


def test_the_index_has_every_notebook_with_its_summary_and_every_text(site):
    from helpers.publish.report import notebook_info

    index = (site / "index.html").read_text(encoding="utf-8")
    text = _text(site / "index.html")
    assert "Two Chinese texts on arms control" in text
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        title, summary = notebook_info(path)
        assert f'href="{path.stem}.html"' in index and summary and summary[:60] in unescape(text)
    for page in READER_PAGES:
        assert f'href="{page}"' in index
    assert 'href="api/index.html"' in index


def test_a_notebook_page_hides_only_the_setup_cell(site):
    page = site / "01_sino_german.html"
    text = _text(page)
    assert "helpers.setup()" not in text and "sg.positions_view()" in text  # setup hidden, analysis kept
    images = re.findall(r'<img[^>]+src="(_images/[^"]+)"', page.read_text(encoding="utf-8"))
    assert len(images) >= 5 and all((site / image).stat().st_size > 1000 for image in images)


def test_the_reader_pages_hold_every_sentence_as_an_anchor_with_notes_and_flags(site, tmp_path):
    """Against the study's tables exported independently of the site (the report needs no data/processed)."""
    import pandas as pd

    from helpers.export import export_corpus
    from helpers.paths import RAW
    from helpers.study.layer import STUDY

    export_corpus(RAW, tmp_path / "tables", layer=STUDY)
    sentences = pd.read_csv(tmp_path / "tables" / "sentences.csv", keep_default_na=False)
    flags = pd.read_csv(tmp_path / "tables" / "quality_flags.csv", keep_default_na=False)
    notes = pd.read_csv(tmp_path / "tables" / "footnotes.csv", keep_default_na=False)
    for doc_id, rows in sentences.groupby("doc_id"):
        html = (site / f"reader_{doc_id}.html").read_text(encoding="utf-8")
        ids = re.findall(r'<span class="sentence[^"]*" id="([^"]+)"', html)
        assert ids == list(rows["sentence_id"])  # every sentence, in order, its id the sentence id
        texts = re.findall(r'<span class="sentence-text" lang="zh">(.*?)</span>', html, re.S)
        assert [unescape(t) for t in texts] == list(rows["text"])  # the cleaned text, character for character
        marks = re.findall(r'<abbr class="flag flag-([a-z-]+)" title="', html)
        flagged = flags[(flags["doc_id"] == doc_id) & (flags["sentence_id"] != "")]
        assert sorted(marks) == sorted(flagged["severity"])  # one mark per flag, with its severity
        assert "<h2>Body" in html.replace('<h2 class="', "<h2>") or re.search(r"<h2[^>]*>Body", html)
    fes = (site / "reader_fes2024.html").read_text(encoding="utf-8")
    assert 'id="fes2024-0059"' in fes
    for marker, note in zip(notes["marker_sentence_id"], notes["note_sentence_id"]):
        if marker and note and marker.startswith("fes2024"):
            assert f'href="#{note}"' in fes and f'href="#{marker}"' in fes  # both ways
    for heading in ("军备控制仍然是国际秩序不可或缺的组成部分", "与中国开展军控对话的障碍"):
        assert re.search(rf"<h3>{heading}<a class=\"headerlink\"", fes)


def test_sentence_ids_cited_in_prose_tables_and_code_link_to_their_sentence(site):
    import nbformat

    notebook = nbformat.read(NOTEBOOKS / "01_sino_german.ipynb", as_version=4)
    cited = set(re.findall(r"\bfes2024-\d{4}\b", "\n".join(c.source for c in notebook.cells
                                                            if c.cell_type == "markdown")))
    assert "fes2024-0059" in cited
    html = (site / "01_sino_german.html").read_text(encoding="utf-8")
    for sid in cited:
        assert f'<a class="sentence-link" href="reader_fes2024.html#{sid}">{sid}</a>' in html, sid
    # in a table's evidence column, and no id is left as plain text outside a link
    assert re.search(r'<td>[^<]*<a class="sentence-link" href="reader_fes2024.html#fes2024-\d{4}">', html)
    plain = re.sub(r"<a\b[^>]*>.*?</a>", "", re.sub(r"<(script|style|head)\b.*?</\1>", "", html, flags=re.S),
                   flags=re.S)
    assert not re.findall(r">[^<]*\b(?:fes2024|carnegie2024)-\d{4}\b", plain)
    comparison = (site / "03_comparison.html").read_text(encoding="utf-8")
    assert 'href="reader_carnegie2024.html#carnegie2024-' in comparison


def test_links_from_a_subfolder_and_only_in_text():
    from helpers.publish.site import finish_page, sentence_pattern

    pattern = sentence_pattern(["fes2024", "doc"])
    page = ('<html><head><title>fes2024-0001</title><script>var x = "fes2024-0001 <a";</script></head><body>'
            '<p title="fes2024-0001">see fes2024-0001, doc-0002; fes2024-0003x, fes2024-9999</p>'
            '<a href="#">fes2024-0001</a><td>https://a.org/x</td></body></html>')
    out = finish_page(page, "api/helpers.audit.html", pattern, {"fes2024-0001", "doc-0002"},
                      {"fes2024": "reader_fes2024.html", "doc": "reader_doc.html"})
    assert out.count('class="sentence-link"') == 2  # not in the title, the script, the attribute or a link
    assert '<a class="sentence-link" href="../reader_fes2024.html#fes2024-0001">fes2024-0001</a>' in out
    assert 'href="../reader_doc.html#doc-0002"' in out and "fes2024-0003x" in out and "fes2024-9999</p>" in out
    assert '<td><a href="https://a.org/x">https://a.org/x</a></td>' in out


def test_the_search_index_holds_the_chinese_words(site):
    index = (site / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert "军控" in terms and "核稳定" in terms  # jieba with the domain dictionary
    docnames = json.loads(index[index.index("(") + 1:index.rindex(")")])["docnames"]
    found = {docnames[i] for mapping in ("terms", "titleterms")
             for i in _ids(json.loads(index[index.index("(") + 1:index.rindex(")")])[mapping].get("军控"))}
    assert {"reader_fes2024", "01_sino_german", "03_comparison"} <= found


def _ids(value) -> list[int]:
    return [] if value is None else value if isinstance(value, list) else [value]


def test_the_api_reference_has_every_helper_a_notebook_calls_with_an_example(site):
    from helpers.publish.notebooks import notebook_paths
    from helpers.publish.site import notebook_calls

    calls = notebook_calls(notebook_paths())
    assert "helpers.study.sino_german.positions_view" in calls and len(calls) > 50
    pages = {p.name: p.read_text(encoding="utf-8") for p in (site / "api").glob("*.html")}
    for name in calls:
        module = next((m for m in sorted(pages, key=len, reverse=True) if name.startswith(m[:-5] + ".")), None)
        assert module and f'id="{name}"' in pages[module], name
        entry = pages[module].split(f'id="{name}"', 1)[1].split('<dl class="py', 1)[0]
        assert "Example, from the notebooks" in entry, name
    assert 'href="../01_sino_german.html"' in pages["helpers.study.sino_german.html"]


def test_addresses_in_table_cells_become_links_and_prose_is_left_alone():
    from helpers.publish.report import link_urls

    page = '<p>see https://x.org</p><td>a https://a.org/b ; https://c.org</td><td><a href="https://d.org">d</a></td>'
    out = link_urls(page)
    assert '<a href="https://a.org/b">https://a.org/b</a> ; <a href="https://c.org">https://c.org</a>' in out
    assert out.startswith("<p>see https://x.org</p>") and out.count('href="https://d.org"') == 1
    assert "href" not in link_urls("<td>https://cut.org/long-addr...</td>")


def test_a_failing_notebook_stops_the_report_with_its_name_and_cell(tmp_path):
    import nbformat

    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"),
                                               nbformat.v4.new_code_cell("1 / 0")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, folder / "01_broken.ipynb")
    out = tmp_path / "site"
    with pytest.raises(HelpersError) as info:
        build_report(out, execute=True, folder=folder)
    message = str(info.value)
    assert "01_broken.ipynb" in message and "cell 1" in message and "ZeroDivisionError" in message
    assert "\n" not in message and not out.exists()


def test_the_site_refuses_to_replace_a_folder_of_other_files(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("mine")
    with pytest.raises(HelpersError, match="thesis.docx"):
        build_report(out)  # refused before anything is built
    assert (out / "thesis.docx").read_text() == "mine"


# --------------------------------------------------------------------------- #
# The audit of a user's corpus
# --------------------------------------------------------------------------- #
def test_the_audit_builds_the_same_kind_of_site_with_its_own_reader_pages(audit_site):
    names = sorted(p.name for p in audit_site.iterdir())
    for name in ("index.html", "corpus.html", "corpus.ipynb", "comparison.html", "comparison.ipynb", "search.html",
                 "searchindex.js", "_static", "api", "reader_webpage.html", "reader_academic.html",
                 "reader_bilingual.html", "reader_traditional.html"):
        assert name in names, name
    assert "fonts" not in names and (audit_site / "_static" / "fonts" / "NotoSansSC-Regular.otf").exists()
    audit = (audit_site / "corpus.html").read_text(encoding="utf-8")
    text = _text(audit_site / "corpus.html")
    assert "webpage" in text and "traditional (converted)" in text and "parallel_translation" in text
    assert "Two Chinese texts on arms control" not in audit and "fes2024" not in audit
    comparison = _text(audit_site / "comparison.html")
    assert "Comparison: webpage and academic" in comparison  # the manifest's first two, and the page says so
    assert "first two documents of the manifest" in comparison
    linked = set(re.findall(r'<a class="sentence-link" href="(reader_\w+\.html)#([\w-]+)">', audit))
    assert len(linked) >= 5
    for page, sid in linked:
        assert '<span class="sentence' in (audit_site / page).read_text(encoding="utf-8")
        assert f'id="{sid}"' in (audit_site / page).read_text(encoding="utf-8"), sid
    nb = json.loads((audit_site / "corpus.ipynb").read_text(encoding="utf-8"))
    assert any(cell.get("outputs") for cell in nb["cells"])  # the executed notebook, kept beside its page
    for page in _pages(audit_site):
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html) and "<title>" in html, page
    assert all(stat.S_IMODE(p.stat().st_mode) in (0o644, 0o755) for p in audit_site.rglob("*"))


# --------------------------------------------------------------------------- #
# In a browser
# --------------------------------------------------------------------------- #
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are needed in CI (apt-get install chromium chromium-driver)")
        pytest.skip("headless Chromium not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--window-size=1280,1000", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _open(browser, url: str) -> None:
    """Load *url*, wait until its fonts are ready, and clear the logs of the page before."""
    browser.get_log("browser")
    browser.get_log("performance")
    browser.get(url)
    browser.execute_async_script("const done = arguments[0]; document.fonts.ready.then(() => done())")


def _problems(browser) -> list[str]:
    """Console errors, and failed or outgoing requests of the site's pages, since :func:`_open` (the browser's
    own pages, such as its new-tab page, are left out)."""
    problems = [f"console: {e['message']}" for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    ours: dict[str, str] = {}
    failed = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent" and params.get("documentURL", "").startswith("file:"):
            ours[params["requestId"]] = params["request"]["url"]
        elif message["method"] == "Network.loadingFailed":
            failed.append(params)
    problems += [f"request to the network: {url}" for url in ours.values()
                 if not url.startswith(("file:", "data:", "blob:", "about:"))]
    problems += [f"failed request: {ours[f['requestId']]} ({f.get('errorText')})" for f in failed
                 if f["requestId"] in ours]
    return problems


FONT_LOADED = """return Array.from(document.fonts).some(f => f.family.replace(/["']/g, '') === 'Noto Sans SC'
                                                        && f.status === 'loaded')
                 && document.fonts.check('16px "Noto Sans SC"', '军控')"""
IMAGES_LOADED = "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"


def _shot(browser, folder: Path, name: str) -> Path:
    path = folder / name
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    SHOTS.mkdir(exist_ok=True)
    shutil.copyfile(path, SHOTS / name)
    return path


def test_in_a_browser_every_page_loads_without_an_error_and_chinese_uses_the_shipped_font(site, browser):
    pages = [p.relative_to(site).as_posix() for p in _pages(site)]
    assert len(pages) > 40  # the API reference's pages included
    for page in pages:
        _open(browser, (site / page).as_uri())
        assert browser.execute_script("return document.readyState") == "complete"
        assert browser.find_elements("css selector", "h1"), page
        assert browser.execute_script(IMAGES_LOADED), page
        assert _problems(browser) == [], page
        if page in ("index.html", *NOTEBOOK_PAGES, *READER_PAGES):
            assert browser.execute_script(FONT_LOADED), page  # Chinese is set in Noto Sans SC, loaded from _static


def test_in_a_browser_the_sidebar_reaches_every_page(site, browser):
    expected = {p.relative_to(site).as_posix() for p in _pages(site)} - {"genindex.html", "py-modindex.html",
                                                                          "search.html"}
    for start in ("index.html", "reader_fes2024.html"):
        _open(browser, (site / start).as_uri())
        hrefs = browser.execute_script(
            "return Array.from(document.querySelectorAll('#pst-primary-sidebar a[href]')).map(a => a.href)")
        reached = {Path(h.split("#")[0].removeprefix("file://")).resolve().relative_to(site.resolve()).as_posix()
                   for h in hrefs if h.startswith("file://")}
        assert expected <= reached, sorted(expected - reached)
    # previous/next links and the in-page contents
    _open(browser, (site / "01_sino_german.html").as_uri())
    assert browser.find_elements("css selector", "a.left-prev[href='00_corpus.html']")
    assert browser.find_elements("css selector", "a.right-next[href='02_sino_us.html']")
    assert len(browser.find_elements("css selector", "#pst-page-toc-nav a.nav-link")) >= 5


def test_in_a_browser_a_search_for_junkong_finds_the_texts(site, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, (site / "search.html").as_uri() + "?q=军控")
    WebDriverWait(browser, 30).until(lambda d: d.find_elements("css selector", "#search-results ul.search li"))
    results = browser.execute_script(
        "return Array.from(document.querySelectorAll('#search-results ul.search li a')).map(a => a.href)")
    assert any("reader_fes2024.html" in r for r in results) and any("01_sino_german.html" in r for r in results)
    assert _problems(browser) == []


def test_in_a_browser_a_citation_lands_on_its_sentence(site, browser, tmp_path):
    _open(browser, (site / "01_sino_german.html").as_uri())
    link = browser.find_element("css selector", 'a.sentence-link[href="reader_fes2024.html#fes2024-0059"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    browser.execute_async_script("const done = arguments[0]; document.fonts.ready.then(() => setTimeout(done, 300))")
    assert browser.current_url.endswith("reader_fes2024.html#fes2024-0059")
    assert browser.execute_script("return location.hash") == "#fes2024-0059"
    top, bottom, height, header = browser.execute_script(
        "const r = document.getElementById('fes2024-0059').getBoundingClientRect();"
        "const h = document.querySelector('.bd-header-article'); "
        "return [r.top, r.bottom, window.innerHeight, h ? h.getBoundingClientRect().bottom : 0]")
    assert header - 1 <= top and bottom <= height  # in view, below the sticky bar
    assert browser.execute_script("return document.querySelector(':target').id") == "fes2024-0059"
    assert _problems(browser) == []
    _shot(browser, tmp_path, "reader_fes2024.png")


def test_in_a_browser_the_index_fits_a_phone_and_screenshots(site, browser, tmp_path):
    try:
        browser.set_window_size(390, 844)
        _open(browser, (site / "index.html").as_uri())
        width = browser.execute_script("return window.innerWidth")
        assert width <= 390
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        _shot(browser, tmp_path, "index_390.png")
    finally:
        browser.set_window_size(1280, 1000)
    _open(browser, (site / "index.html").as_uri())
    _shot(browser, tmp_path, "index.png")
    _open(browser, (site / "01_sino_german.html").as_uri())
    # a table with quotations and cited sentence ids: wrapped, left-aligned, the ids links
    browser.execute_script("document.querySelector('td a.sentence-link').closest('table').scrollIntoView()")
    _shot(browser, tmp_path, "notebook_01_sino_german.png")


def test_in_a_browser_the_audit_site_loads_and_its_citations_land(audit_site, browser, tmp_path):
    for page in ("index.html", "corpus.html", "comparison.html", "reader_webpage.html", "reader_traditional.html"):
        _open(browser, (audit_site / page).as_uri())
        assert _problems(browser) == [], page
        assert browser.execute_script(FONT_LOADED), page
    _open(browser, (audit_site / "corpus.html").as_uri())
    link = browser.find_element("css selector", "a.sentence-link")
    target = link.get_attribute("href").split("#")[1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    assert browser.execute_script("return document.querySelector(':target').id") == target
    _shot(browser, tmp_path, "audit_corpus.png")


def test_audit_and_report_refuse_a_folder_of_other_files_before_any_work(tmp_path, monkeypatch):
    from helpers.__main__ import main
    from helpers.publish import audit_notebook

    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("mine", encoding="utf-8")
    monkeypatch.setattr(audit_notebook, "execute_notebook",
                        lambda *a, **k: pytest.fail("a notebook ran before the folder was checked"))
    corpus = Path(__file__).parent / "fixtures" / "corpus"
    with pytest.raises(HelpersError, match="thesis.docx"):
        audit_notebook.run_audit(corpus, out)
    monkeypatch.setattr("helpers.__main__._build", lambda: pytest.fail("built before the folder was checked"))
    assert main(["report", "--execute", "--out", str(out)]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["thesis.docx"]


def test_a_quoted_attribute_holding_a_closing_bracket_is_not_linked_into():
    from helpers.publish.site import link_sentence_ids, sentence_pattern

    page = '<div title="see > fes2024-0059">fes2024-0059</div>'
    linked = link_sentence_ids(page, sentence_pattern(["fes2024"]), {"fes2024-0059"}, lambda i: f"reader.html#{i}")
    assert linked.startswith('<div title="see > fes2024-0059">')  # the attribute untouched
    assert linked.count("<a ") == 1 and 'href="reader.html#fes2024-0059"' in linked
