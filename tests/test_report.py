"""The rendered report, tested in a real (headless) browser, and the audit of a user's corpus."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.errors import HelpersError
from helpers.paths import NOTEBOOKS
from helpers.publish.report import build_report

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "site"
    build_report(out, execute=False)  # nbval executes the notebooks; here we render what is committed
    return out


def test_the_site_is_self_contained(site):
    pages = sorted(p.name for p in site.glob("*.html"))
    assert pages == ["00_corpus.html", "01_sino_german.html", "02_sino_us.html", "03_comparison.html", "index.html"]
    assert (site / "fonts" / "NotoSansSC-Regular.otf").stat().st_size > 1_000_000
    for page in site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html), page.name
    notebook = (site / "01_sino_german.html").read_text(encoding="utf-8")
    assert notebook.count("data:image/png;base64") >= 5
    text = re.sub(r"<[^>]+>", "", notebook)
    assert "helpers.setup()" not in text and "sg.positions_view()" in text  # setup hidden, analysis kept


def test_the_index_links_every_notebook_with_a_summary(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Two Chinese texts on arms control" in index
    assert index.count('<li><h2><a href="') == 4 and index.count("<p>") >= 5


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
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--window-size=1280,1600", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


IMAGES_LOADED = "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"


def test_in_a_browser_pages_load_images_load_and_links_resolve(site, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    assert "Two Chinese texts on arms control" in browser.title
    index_shot = tmp_path / "index.png"
    assert browser.save_screenshot(str(index_shot)) and index_shot.stat().st_size > 10_000
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")]
    assert len(links) == 4
    for link in links:
        browser.get(link)
        assert browser.execute_script("return document.readyState") == "complete"
        assert browser.find_elements(By.CSS_SELECTOR, "h1"), link
        images = browser.execute_script("return document.images.length")
        assert images >= 3 and browser.execute_script(IMAGES_LOADED), link  # charts that add nothing were removed
        assert browser.execute_script("return document.fonts.check('12px \"Noto Sans SC\"', '中')")
    page_shot = tmp_path / "notebook.png"
    browser.get(links[1])
    assert browser.save_screenshot(str(page_shot)) and page_shot.stat().st_size > 10_000


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
        build_report(out, folder=folder)
    message = str(info.value)
    assert "01_broken.ipynb" in message and "cell 1" in message and "ZeroDivisionError" in message
    assert "\n" not in message and not out.exists()


def test_the_audit_runs_on_a_users_corpus(tmp_path):
    corpus = Path(__file__).parent / "fixtures" / "corpus"
    out = tmp_path / "audit"
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    result = subprocess.run([sys.executable, "-m", "helpers", "audit", "--corpus", str(corpus), "--out", str(out)],
                            capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == ["comparison.html", "comparison.ipynb", "corpus.html",
                                                     "corpus.ipynb", "fonts", "index.html"]
    audit = (out / "corpus.html").read_text(encoding="utf-8")
    assert "webpage" in audit and "traditional (converted)" in audit and "parallel_translation" in audit
    assert "Two Chinese texts on arms control" not in audit and "fes2024" not in audit
    comparison = (out / "comparison.html").read_text(encoding="utf-8")
    assert "Comparison: webpage and academic" in comparison  # the manifest's first two, and the page says so
    assert "first two documents of the manifest" in comparison
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before  # nothing written into the study's notebooks/


def test_addresses_in_table_cells_become_links_and_prose_is_left_alone():
    from helpers.publish.report import link_urls

    page = '<p>see https://x.org</p><td>a https://a.org/b ; https://c.org</td><td><a href="https://d.org">d</a></td>'
    out = link_urls(page)
    assert '<a href="https://a.org/b">https://a.org/b</a> ; <a href="https://c.org">https://c.org</a>' in out
    assert out.startswith("<p>see https://x.org</p>") and out.count('href="https://d.org"') == 1
    assert "href" not in link_urls("<td>https://cut.org/long-addr...</td>")
