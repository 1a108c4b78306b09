"""Cell sources of notebooks/00_corpus.ipynb."""

SUMMARY = ("What the two texts are, what cleaning did to them (every edit logged with its raw span), how each is "
           "built, how well the domain dictionary segments them, and a quality audit: the FES edition is a careful "
           "translation with repaired PDF damage; the Carnegie copy is a machine translation with garbled names, "
           "mistranslated terms and an inserted passage that is not the report's.")

CELLS = [
("md", """# 00 · The corpus and its quality

**Questions.** What are the two texts of this study, where do they come from, what did cleaning do to them,
how is each built, and how far can each be trusted *as a text*?

The study reads two Chinese-language policy texts on arms control:

- **fes2024**: Oliver Meier and Michael Staack, *多边军控领域的德中合作* (German–Chinese cooperation in multilateral
  arms control), Friedrich-Ebert-Stiftung, February 2024, the Chinese edition of an FES short analysis
  ("Deutschland und China in der multilateralen Rüstungskontrolle");
- **carnegie2024**: Tong Zhao, *Political Drivers of China's Changing Nuclear Policy*, Carnegie Endowment for
  International Peace, July 2024, in a **machine translation** scraped from a Chinese report aggregator (发现报告,
  "Discover Reports"), which covers only the front matter, the introduction and the start of chapter 1.

Everything below is computed by the `helpers` library from the raw files in `data/raw/`; the notebook only calls it.
Every quotation from the texts is given with its document and sentence id (`fes2024-0036`), so that it can be
found again in `sentences.csv`.

**Your own corpus.** The parameter `CORPUS` below selects the corpus; `python -m helpers audit --corpus DIR --out DIR`
runs this notebook on another folder. The tables and charts are then computed for that corpus, while the commentary
still describes the study's two texts, and the cells that show particular sentences of those texts stay empty."""),
("code", """import helpers
from helpers import audit, evaluation, plotting

helpers.setup()""", "setup"),
("code", """CORPUS = None  # a folder with manifest.csv; None: the study's two texts (data/raw)""", "parameters"),
("code", """study = audit.load_study(CORPUS or audit.RAW)"""),
("md", """## 1. What the two documents are

`data/raw/manifest.csv` records each text's provenance. Note the column `translation`: neither text is an original.
The FES text is the foundation's own Chinese edition of a German paper; the Carnegie text is a machine translation of
an English report, taken from a web page, so its wording is the translation engine's, not the author's."""),
("code", """audit.overview(study)"""),
("code", """study.tables["documents"][["doc_id", "translation", "source_url"]]"""),
("md", """Before anything else, the loader checks each raw file's SHA-256 checksum against the manifest and stops with a
one-line error naming the file if they differ; the raw files are never written to. The checksums and the encoding
the bytes were decoded with:"""),
("code", """study.tables["documents"][["doc_id", "file", "sha256", "encoding"]]"""),
("md", """## 2. What cleaning did

Cleaning never edits the raw file. It builds a cleaned copy in which **every character remembers its offset in the
raw text**, and it writes every removal and repair to a log (`cleaning_log.csv`) with the raw span it touched and the
reason. Any sentence can therefore be traced back to `raw[raw_start:raw_end]`.

The counts of logged edits by action:"""),
("code", """audit.cleaning_summary(study)"""),
("code", """plotting.cleaning_chart(study.tables["cleaning_log"])"""),
("md", """The two texts need different repairs. The FES text was extracted from a PDF: footnote blocks sit where the page
breaks were, cutting sentences in two and, twice, a word (可预|测性 "predictability" in fes2024-0036 and 更值|得
"more worth" in fes2024-0072), and Markdown bold markers (`**…**`)
survive. The Carnegie text came from a web page: the whole report is one line, the page's own notices surround it,
half-width punctuation (`,` `:` `()`) runs through the Chinese, and note numbers are fused into the running text.

**Sentences rejoined across page breaks.** The edited raw span (here the footnote blocks between the two halves) is
shown between ⟦ ⟧; the cleaned column shows the sentence that now holds that place."""),
("code", """audit.before_after(study, "join_page_break")"""),
("md", """**Note markers.** The FES text marks its notes with superscript digits (¹ … ¹³); the Carnegie text has plain
digits fused into the text (…问题”。1这一结果…). Both are stripped from the sentence and recorded, so that each note can
be linked to its sentence. A fused number only counts as a marker if it is the next note number expected and is
not followed by a unit, a list dot or a measure word (2022年, 1., 2名), so that years, list numbers and quantities are
not taken for markers."""),
("code", """audit.before_after(study, "strip_note_marker", limit=2, doc_id="fes2024")"""),
("code", """audit.before_after(study, "strip_note_marker", limit=2, doc_id="carnegie2024")"""),
("md", """**Markup, boilerplate, width and spacing.**"""),
("code", """audit.before_after(study, "strip_markup", limit=2)"""),
("code", """audit.before_after(study, "remove_boilerplate", limit=2)"""),
("code", """audit.before_after(study, "normalise_width", limit=3, doc_id="carnegie2024")"""),
("code", """audit.before_after(study, "remove_space", limit=3, doc_id="carnegie2024")"""),
("md", """**Tracing a sentence back.** This sentence was cut by a page break in the PDF; its raw span includes the two
footnotes that sat inside it:"""),
("code", """audit.trace(study, "fes2024-0036")"""),
("md", """## 3. How each text is built

Each text is divided into **parts**: *front* (cover, title lines, table of contents, about the author),
*body* (the argument), *notes* and *back* (author bios, contact). Within the front matter and the body, headings
start **sections**; the English glosses come from `data/annotations/section_glosses.csv`."""),
("code", """audit.sections_view(study)"""),
("md", """The FES paper has an unheaded opening and the headed sections listed above, then its notes (parsed below) and
the authors' bios. The Carnegie excerpt has the report's front matter (cover, a garbled table of contents, about the
author, acknowledgments), the introduction, which ends with a bulleted summary of recommendations, and the first
paragraphs of chapter 1, where it breaks off mid-sentence."""),
("code", """plotting.composition_chart(study.tables["sentences"])"""),
("code", """plotting.sentence_length_chart(study.tables["sentences"], study.tables["sections"], audit.heading_glosses())"""),
("md", """**Notes.** Each FES note is parsed into authors, year, title and URL, and linked to the sentence that carries its
marker. The Carnegie excerpt keeps its note markers in the text, but the endnotes themselves are not in the excerpt:
their rows have a marker sentence and no text."""),
("code", """audit.footnotes_view(study, "fes2024")"""),
("code", """audit.footnotes_view(study, "carnegie2024")"""),
("md", """## 4. Words and names

**Segmentation.** Chinese is written without spaces, so words must be found by a segmenter. jieba's general
dictionary does not know this domain: it reads 中德军控 ("Sino-German arms control") as 中 / 德军 ("German army") / 控,
and splits treaty names and concepts such as 二次打击 ("second strike") or 核共享 ("nuclear sharing") apart. The study
therefore uses a dedicated jieba tokenizer with a versioned domain dictionary (`data/lexicon/domain_dict.txt`).
Compare the two on three sentences:"""),
("code", """audit.segmentation_examples(study, ["fes2024-0020", "fes2024-0067", "fes2024-0092"])"""),
("md", """How we measured (details in `docs/segmentation.md`). **Boundary F1** compares each tokenizer's word
boundaries with a hand segmentation (`data/annotations/segmentation_gold.tsv`) that follows a written standard:
sentences drawn at random from both texts, plus a few chosen on purpose for their density of domain terms, reported
apart. Precision is the share of predicted boundaries that are right, recall the share of true boundaries found.
**Term integrity** counts, for every term of the domain dictionary, its occurrences in the texts and how many come
out as one token (or inside one longer token) with each tokenizer: it shows that the dictionary holds in context,
not that the segmentation is right."""),
("code", """integrity = evaluation.term_integrity(study.sentences)
integrity.groupby("doc_id")[["occurrences", "whole_default", "whole_domain"]].sum()"""),
("code", """evaluation.boundary_evaluation(study.sentences)"""),
("md", """On the random sample the domain dictionary helps less than on domain-dense sentences, as it should: most
words are ordinary Chinese. The remaining disagreements with the standard are listed below; most are general-language
choices of jieba's own dictionary (两国 read as 两 / 国, 深入探讨 and 深远影响 kept as one word, 核政策 kept whole
where the standard splits 核 / 政策), not errors on domain terms."""),
("code", """evaluation.segmentation_errors(study.sentences)"""),
("md", """The occurrences that the domain tokenizer still does not keep whole are listed here. Some are not real
occurrences of the term but substrings of other words (中导 inside 中导致, 外长 inside 此外长期); one is a real miss:
in carnegie2024-0042 the tokenizer reads 军备竞赛 / 稳定 where the same sentence keeps 危机稳定 whole."""),
("code", """integrity[integrity["whole_domain"] < integrity["occurrences"]]"""),
("md", """**Entity linking.** Every surface form in `data/lexicon/` (full name, short name, abbreviation, with or without
《》, translation variants, mistranslations) resolves to one canonical entity with an English label and a category.
Where the two texts name the same entity differently, they resolve to the same entity: Tong Zhao is 赵通 in an FES
note but 童招 and 汤赵 in the machine translation."""),
("code", """plotting.mentions_chart(study.tables["mentions"])"""),
("code", """audit.shared_entities(study)"""),
("md", """## 5. The quality audit

`quality_flags.csv` lists the defects of each text with their evidence. Rules find what can be found mechanically
(`source = rule`); careful reading adds the rest as reviewable data in `data/annotations/quality_review.csv`
(`source = review`), and a test checks that every reviewed row's sentence exists and contains its quotation."""),
("code", """plotting.flags_chart(study.tables["quality_flags"])"""),
("code", """audit.flag_counts(study)"""),
("md", """### The FES text

The FES edition is a careful translation with PDF-extraction damage. The extraction damage is mechanical and is
repaired: sentences cut by page breaks, Markdown bold markers, note markers. What remains are wording and content
problems, each flagged where it occurs: an
English *and* left in the Chinese (私人 and 民间社会, fes2024-0027), two renderings of the CEND initiative
(为核裁军创造环境倡议 in fes2024-0060, 创造核裁军环境倡议 in fes2024-0107), the Convention on Cluster Munitions given as
《奥斯陆协定》 (fes2024-0017), the usual Chinese name of the Oslo *Accords*, note addresses broken at line ends
(fes2024-0126, fes2024-0128, fes2024-0133), the German journal *Vereinte Nationen* rendered as 联合国 "United
Nations" in a note (联合国 70, fes2024-0127), and one sentence whose body or date is probably wrong: that China
在中国于2025年8月开始担任安理会轮值主席国之后 "begins to hold the rotating presidency of the Security Council in
August 2025" (fes2024-0113; see the review note)."""),
("code", """audit.flags_view(study, "fes2024")"""),
("code", """audit.evidence(study, ["fes2024-0027", "fes2024-0017", "fes2024-0113"])"""),
("md", """### The Carnegie text

The Carnegie copy is a different kind of source. Besides the web page's boilerplate and the truncation, the machine
translation garbles names (the author is 童招 on the cover, carnegie2024-0002, and 汤赵 on the about-the-author
page, carnegie2024-0011; *Carnegie* becomes 卡内基研究所, a different institution, carnegie2024-0005), mistranslates
terms (*buildup* as 建筑 "architecture", carnegie2024-0106; nuclear *views* as 核能 "nuclear energy" views,
carnegie2024-0062), scrambles sentences across page breaks (升级 | 管理能力 "escalation | management capabilities",
carnegie2024-0073 and carnegie2024-0074), and, most seriously, **contains a passage that does not belong to the report**: a numbered list of
generic policy points, most of them on civil nuclear energy (from 1.保持战略透明度与沟通 in carnegie2024-0092 to
8.支持发展中国家的核能能力建设 in carnegie2024-0099), inserted between the lead-in 具体而言，北京应： "specifically,
Beijing should:" (carnegie2024-0091) and the report's own sub-points for Beijing (carnegie2024-0100 onwards). Any analysis of the
report's recommendations must leave it out."""),
("code", """audit.flags_view(study, "carnegie2024", kinds=["interpolated_passage", "translation_error", "mangled_structure"])"""),
("code", """audit.evidence(study, ["carnegie2024-0091", "carnegie2024-0092", "carnegie2024-0100", "carnegie2024-0106"])"""),
("md", """## Reference facts for the later notebooks

`data/reference/` holds curated facts copied unchanged from the study's shared reference folder: treaty status,
dated events, warhead estimates and a bilingual glossary. Every factual row carries the public source it was taken
from, and each table is validated when it is loaded (a source on every row, dates and numbers that parse). The later
notebooks use them to cross-check what the texts claim; here is what they hold:"""),
("code", """audit.reference_overview()"""),
("md", """## 6. How far can each text be trusted?

The table counts, for each text, the body sentences touched by at least one flag, and the flags that affect meaning
(translation errors, mangled structure, interpolated passages) as opposed to form."""),
("code", """audit.trust_summary(study)"""),
("md", """**Reading.** The FES text can be quoted as the authors' argument in the foundation's own Chinese edition: its
extraction damage is repaired, and its few wording and content problems are flagged where they occur (the date in
fes2024-0113 needs checking against the German original before it is cited). The Carnegie text
can be used for what the report argues in its introduction, **but not for its wording**: quotations are the
translation engine's, names must be resolved through the entity table, the inserted list must be excluded, and
anything about the later chapters must come from elsewhere, because the excerpt stops in chapter 1. The later notebooks
follow these rules."""),
]

