"""Cell sources of notebooks/00_corpus.ipynb."""

SUMMARY = ("What the two texts are, what cleaning did to them (every edit logged with its raw span), how each is "
           "built, how well the domain dictionary segments them, and a translation audit that counts problem "
           "passages by severity: the FES edition is a fluent human translation with a few substantive errors (a "
           "US estimate turned into 'conclusive evidence', the P5-process chair turned into the Security Council "
           "presidency); the Carnegie copy is a machine translation with many renderings that change the meaning, "
           "garbled names and an inserted passage that is not the report's.")

CELLS = [
("md", """# 00 · The corpus and its quality

**Questions.** What are the two texts of this study, where do they come from, what did cleaning do to them,
how is each built, and how far can each be trusted *as a text*?

The study reads two Chinese-language policy texts on arms control:

- **fes2024**: Oliver Meier and Michael Staack, *多边军控领域的德中合作* (German–Chinese cooperation in multilateral
  arms control), Friedrich-Ebert-Stiftung, February 2024, the foundation's Chinese edition of an FES short analysis
  ("Deutschland und China in der multilateralen Rüstungskontrolle"): a fluent human translation with a few
  substantive errors;
- **carnegie2024**: Tong Zhao, *Political Drivers of China's Changing Nuclear Policy*, Carnegie Endowment for
  International Peace, July 2024, in a **machine translation** scraped from a Chinese report aggregator (发现报告,
  "Discover Reports"), which covers only the front matter, the introduction and the start of chapter 1.

Everything below is computed by the `helpers` library from the raw files in `data/raw/`; the notebook only calls it.
Every quotation from the texts is given with its document and sentence id (`fes2024-0036`), so that it can be
found again in `sentences.csv`.

**Your own corpus.** `python -m helpers audit --corpus DIR --out DIR` audits another folder with pages of its own,
whose prose is computed from that corpus. You can also set `CORPUS` below to a folder and re-run this notebook: the
tables and charts are then computed for that corpus, while the commentary still describes the study's two texts, and
the cells that show particular sentences of those texts stay empty."""),
("code", """import helpers
from helpers import audit
from helpers.methods import evaluation
from helpers.publish import plotting
from helpers.study import comparison, reference
from helpers.study.layer import STUDY

helpers.setup()""", "setup"),
("code", """CORPUS = None  # a folder with manifest.csv; None: the study's two texts (data/raw)""", "parameters"),
("code", """study = audit.load_study(CORPUS or audit.RAW, STUDY)"""),
("md", """## Summary of findings

The figures are computed in the cell below; the sections that follow show the evidence for each point.

- **The texts.** Neither is an original. fes2024 is the Friedrich-Ebert-Stiftung's own Chinese edition of a German
  paper, a fluent human translation (fes2024-0007 「在多边军控领域，德国和中国在重大问题上目标一致」 "in multilateral arms
  control Germany and China share aims on the major issues"). carnegie2024 is a machine translation of an excerpt of
  Tong Zhao's Carnegie report, taken from a report aggregator's web page; it breaks off mid-sentence
  (carnegie2024-0113 「但这些操作层」 "but these operational le-").
- **Cleaning** repaired what the extraction broke and logged every edit with its raw span. In the FES PDF, footnote
  blocks had cut sentences, twice inside a word (fes2024-0036 「可预测性」 "predictability"), and Markdown bold markers
  survived (fes2024-0013 「分歧」 "divergence" was `**分歧**`). Around the Carnegie text it removed the web page's
  notices, and it stripped note numbers fused into the sentences (after carnegie2024-0026
  「着手继续讨论战略稳定问题」 "begin to carry forward discussions on strategic stability" stood a 1).
- **Structure.** The FES paper has an unheaded opening, headed sections such as
  fes2024-0040 「中国对多边军控的重要性与日俱增」 "China's growing importance to multilateral arms control", its notes and
  the authors' bios. The Carnegie excerpt has the report's front matter with a garbled table of contents
  (carnegie2024-0009 「致谢七」 "acknowledgments seven"), the introduction, which ends in a summary of recommendations
  (carnegie2024-0082 「以下是建议的总结」 "below is a summary of the recommendations"), and the start of chapter 1.
- **Notes.** Every FES note is parsed into authors, year, title and address (where it has one) and linked to its
  marker; the note on the 2022 NPT review conference (fes2024-0127 「《公告失败》」) renders its German title word by
  word as "announcement failure". The Carnegie excerpt keeps its note markers but none of the notes.
- **Methods.** The domain dictionary keeps nearly every domain term whole, and on randomly drawn sentences it improves
  word boundaries by a small margin whose 95 % interval excludes zero. Entity linking was right on every hand-checked
  mention of both texts and found most of the entities a reader finds; the misses are entities the lexicon lacks. The
  samples are small, so section 4 gives every score with its interval.
- **Trust, by severity.** Problems are counted by passage (flags on one sentence, or on one torn phrase or inserted
  list, count once) and ordered by severity. The Carnegie translation changes the meaning of many passages: it inserts
  a list that is not the report's (carnegie2024-0092 「1.保持战略透明度与沟通」), renders *launch on warning* as
  "counterattack launch" (carnegie2024-0045 「反击发射」), Xi's expectation that relations would deteriorate as
  relations being upgraded (carnegie2024-0066 「中美关系升级」), *manage* the rivalry as *settle* it
  (carnegie2024-0083 「解决他们的双边竞争」), *conventional* aggression as *traditional* (carnegie2024-0104
  「传统军事侵略」) and a US *counterforce* strike as China's counter-strike (carnegie2024-0111 「中国反制打击」). The FES
  edition is a fluent human translation with a few substantive errors: a US intelligence estimate given as
  "conclusive evidence" (fes2024-0059 「确切证据」), and the P5-process chair turned into the Security Council
  presidency in "August 2025" (fes2024-0113 「安理会轮值主席国」); its naming errors include the Convention on Cluster
  Munitions under the name of the Oslo Accords (fes2024-0017 「《奥斯陆协定》」) and two names for CEND
  (fes2024-0060 「为核裁军创造环境倡议」, fes2024-0107 「创造核裁军环境倡议」)."""),
("code", """audit.problem_counts(study)"""),
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
paragraphs of chapter 1, where it breaks off mid-sentence.

**How much of each text is argument?** Counts of words or entities only compare when they come from the same part,
so the chart shows how long each part is, in characters after cleaning."""),
("code", """plotting.parts_chart(study.tables["sentences"])"""),
("md", """About two thirds of the FES text is body (5,122 characters) and a quarter notes (2,014). The Carnegie excerpt
has no notes and a long front matter (1,139 characters: cover, contents, about the author, acknowledgments), and its
body (3,749) is shorter than the FES body. The later comparisons therefore use the body only, and rates rather than
counts."""),
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
("md", """Every score below comes with a **95 % interval**, because the samples are small: a proportion gets the Wilson
score interval (`evaluation.wilson_interval`), so that 40 right out of 40 reads "at least about 0.91", not "perfect";
boundary F1 gets a paired bootstrap over the gold sentences (`evaluation.boundary_bootstrap`: 2,000 resamples, fixed
seed, both tokenizers scored on the same resampled sentences).

**Term integrity**: the share of domain-term occurrences kept whole by each tokenizer."""),
("code", """integrity = evaluation.term_integrity(study.sentences)
evaluation.term_integrity_summary(integrity)"""),
("md", """jieba's default dictionary keeps about 0.74 of the FES term occurrences whole (95 % interval 0.70–0.77) and
0.70 of the Carnegie ones (0.65–0.75); with the domain dictionary the shares are 0.998 (0.990–1.000) and 0.993
(0.976–0.998). The intervals treat occurrences as independent, which they are not quite (a term that recurs is split
the same way each time), so they are if anything too narrow; and the measure only shows that the dictionary holds in
context, not that the segmentation is right. That is what boundary F1 measures:"""),
("code", """f1 = evaluation.boundary_bootstrap(study.sentences)
f1"""),
("code", """plotting.boundary_f1_chart(f1)"""),
("md", """**Does the domain dictionary segment better?** On the **random sample** (14 sentences, 7 per text), boundary
F1 rises from 0.952 (95 % interval 0.935–0.969) with jieba's default dictionary to 0.976 (0.962–0.988) with the domain
dictionary. The two intervals overlap, but the paired difference, the right comparison because both tokenizers
segment the same sentences, is 0.024 (0.007–0.042): a small gain whose interval excludes zero. Fourteen sentences are
few, so the intervals are wide, and a percentile bootstrap over so few sentences tends to give intervals that are too
narrow: read the gain as probable, not established. The random sample removes the selection of sentences for their
terms, not the rules the gold standard shares with the dictionary (docs/segmentation.md).

The **purposive sample** shows a larger gain (0.061, 0.042–0.078), but it is **not an independent test**: its six
sentences were chosen for their density of domain terms, and the standard makes the glossary's terms one token
(rule 6 in `docs/segmentation.md`), the same terms the dictionary adds, so there the dictionary is partly scored
against its own rules. With six sentences its bootstrap interval is also less reliable. Cite the random sample.

The remaining disagreements with the standard on the random sample are listed below; most are general-language
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
("code", """audit.shared_entities(study)"""),
("md", """**How well does the linking work on each text?** It was checked by hand on random samples of each document's
body (`data/annotations/entity_precision.csv` and `entity_recall.csv`; the Carnegie sample was drawn by
`evaluation.draw_linking_sample` with a fixed seed). Precision: is each sampled link the right entity? Recall: of
every entity a careful reader finds in the sampled sentences, how many does the linker find? `found` of `of`, with
the 95 % Wilson interval:"""),
("code", """evaluation.entity_linking_evaluation(study)"""),
("md", """Every sampled link is right in both texts: 40 of 40 in FES, so precision is at least about 0.91, and 30 of 30
in Carnegie, at least about 0.89. Recall is 39 of 42 in FES (0.93, interval 0.81–0.98) and 23 of 24 in Carnegie
(0.96, 0.80–0.99). On these samples the linking does not fail on the machine translation, because the lexicon lists
its renderings (反击发射 for *launch on warning*, 童招 and 汤赵 for Tong Zhao); the misses in both texts are entities
the lexicon lacks (nuclear testing, biological weapons, small arms, the Republican Party), not failed matches. The
samples are small: recall could be as low as about 0.80 in either text, and the two texts cannot be told apart.
The recall interval treats each entity as an independent trial, but the sample was drawn as sentences (12 and 8),
so the true uncertainty is larger still.

**Which kinds of entity does each text name, for its length?** The texts differ in length, so the chart shows
mentions per 1,000 characters of body text, not raw counts (a two-country compound such as 中美 counts once for each
country):"""),
("code", """inserted = comparison.excluded(study)  # the passage the audit marks as inserted (section 6) is not the report's
plotting.mention_rates(study.tables["mentions"], study.tables["sentences"], inserted)"""),
("code", """plotting.mention_rates_chart(study.tables["mentions"], study.tables["sentences"], inserted)"""),
("md", """Both texts name countries and concepts at similar rates (the inserted list in the Carnegie text is left out,
as everywhere in the analysis). They differ in the rest: the FES paper names organisations, treaties and initiatives
several times as often as the Carnegie excerpt, the multilateral frame of a paper on arms-control regimes. The
Carnegie excerpt names persons more often, mostly Xi Jinping, in a report on who decides China's nuclear policy; but
these are a handful of mentions in each text, a hint rather than a finding."""),
("md", """## 5. The translation audit

`quality_flags.csv` lists the defects of each text with their evidence. Rules find what can be found mechanically
(`source = rule`); careful reading of the Chinese adds the rest as reviewable data in
`data/annotations/quality_review.csv` (`source = review`), and a test checks that every reviewed row's sentence exists
and contains its quotation.

Every flag has a **severity**. *Meaning-changing*: a reader of the Chinese would understand something different from
what the original says (a wrong fact, a wrong actor, a reversed or distorted sense, text that does not belong).
*Naming*: a name, title or term is rendered wrongly or inconsistently, but the sense survives. *Cosmetic*: formatting,
spacing or extraction debris that does not change what is said. Rule-based flags take a default by kind
(`helpers.text.quality.KIND_SEVERITY`), reviewed flags a severity set by hand.

Flags are not problems: one sentence can carry several (carnegie2024-0106 「CHAPTER1 中国建筑的驱动力」 has an English
heading, glued Latin letters and *buildup* rendered as 建筑 "architecture"). The audit therefore counts **problem
passages**: the flags on one sentence are one problem, and so are those on a run of consecutive sentences that share
one defect, such as a phrase torn in two (carnegie2024-0073 「对获取升级的兴趣」 and carnegie2024-0074 「管理能力」) or the
inserted list; a problem takes the worst severity of its flags."""),
("code", """plotting.problems_chart(audit.problem_rates(study))"""),
("code", """audit.flag_counts(study)"""),
("md", """### The FES text

The FES edition is a fluent human translation with a few substantive errors. Its PDF-extraction damage is mechanical
and repaired (sentences cut by page breaks, Markdown bold markers, note markers). The errors are in the translation
(or, where the German original would be needed to tell, possibly in the paper itself):

**Finding.** Two renderings change what a reader learns. A US intelligence estimate that the risk of Russian
nuclear use had risen to 50% becomes "conclusive evidence" (fes2024-0059 「美国情报部门获得确切证据」); a probability is
an estimate, not a fact evidence can establish; whether the translation or the authors overstated it cannot be checked,
since the German original is not in the corpus. And the sentence after one on Russia's chair of the P5 process has
China take up 安理会轮值主席国 "the Security Council presidency" (fes2024-0113 「在中国于2025年8月开始担任安理会轮值主席国之后」),
which China held in February 2025, not August; the context is the P5-process chair, which passed to China in 2024.

**Finding.** The naming errors leave the sense intact but mislead a reader who looks things up: the P5 process's
rotating coordinator appears as the "rotating chair of the five permanent members" (fes2024-0112
「五常轮值主席国」), easily read as the Security Council presidency; the Convention on Cluster Munitions as
fes2024-0017 「《奥斯陆协定》」, the usual Chinese name of the Israeli–Palestinian Oslo *Accords*; a cited article's
German title (probably *Angekündigtes Scheitern*, "a failure foretold") as "announcement failure" and the journal
*Vereinte Nationen* as "United Nations" (fes2024-0127 「《公告失败》，载于：联合国 70」); and CEND under two names
(fes2024-0060 「为核裁军创造环境倡议」, fes2024-0107 「创造核裁军环境倡议」). Cosmetic: an English *and* left in the
Chinese (fes2024-0027 「私人 and 民间社会」) and note addresses broken at line ends."""),
("code", """audit.flags_view(study, "fes2024")"""),
("code", """audit.evidence(study, ["fes2024-0059", "fes2024-0112", "fes2024-0113", "fes2024-0017"])"""),
("md", """### The Carnegie text

The Carnegie copy is a different kind of source. Besides the web page's boilerplate and the truncation, the machine
translation garbles names (the author is 童招 on the cover, carnegie2024-0002, and 汤赵 on the about-the-author
page, carnegie2024-0011; *Carnegie* becomes 卡内基研究所, a different institution, carnegie2024-0005), mistranslates
terms (*buildup* as 建筑 "architecture", carnegie2024-0106; nuclear *views* as 核能 "nuclear energy" views,
carnegie2024-0062), tears phrases across sentences (升级 | 管理能力 "escalation | management capabilities",
carnegie2024-0073 and carnegie2024-0074), and, most seriously, **contains a passage that does not belong to the report**: a numbered list of
generic policy points, most of them on civil nuclear energy (from 1.保持战略透明度与沟通 in carnegie2024-0092 to
8.支持发展中国家的核能能力建设 in carnegie2024-0099), inserted between the lead-in 具体而言，北京应： "specifically,
Beijing should:" (carnegie2024-0091) and the report's own sub-points for Beijing (carnegie2024-0100 onwards). Any analysis of the
report's recommendations must leave it out.

**Finding.** Beyond these, a reading of the Chinese found renderings that change the meaning of a sentence and that
no rule can see. *Launch on warning*, a specific posture, becomes "counterattack launch" (carnegie2024-0045
「对新核姿态（如反击发射）日益浓厚的兴趣」), which reads as the plain retaliation China has always planned for. Xi's
expectation that relations would deteriorate becomes 关系升级, which in Chinese means relations being upgraded
(carnegie2024-0066 「习近平对中美关系升级的预期」), against the next sentence's 进一步恶化 "further deterioration". The
recommendation to *manage* the rivalry asks Washington and Beijing to settle it (carnegie2024-0083
「应当解决他们的双边竞争」). *Conventional* military aggression becomes *traditional* (carnegie2024-0104
「平息地区对传统军事侵略的担忧」), although the bullet's heading has 常规 right. And Beijing's fear of a US *counterforce*
strike becomes a fear of "China's counter-strike" (carnegie2024-0111 「这引发了北京对中国反制打击的担忧」).

**Finding.** More of the same kind: the decades after 1964 become "the coming decades" (carnegie2024-0044
「在未来几十年里，中国坚持了温和的核战略」); *remote* (improbable) threats become 远程 "long-range" threats
(carnegie2024-0088 「远程和低概率威胁」); and respect for China's core interests becomes a joint act
(carnegie2024-0037 「并与中国尊重所谓的核心利益」). *Empower experts* as 授权 "authorise" experts is a naming problem
(carnegie2024-0105 「授权专家」). The meaning-changing flags, worst first:"""),
("code", """audit.flags_view(study, "carnegie2024", severities=["meaning-changing"])"""),
("code", """audit.evidence(study, ["carnegie2024-0045", "carnegie2024-0066", "carnegie2024-0083", "carnegie2024-0111"])"""),
("md", """## Reference facts for the later notebooks

`data/reference/` holds curated facts copied unchanged from the study's shared reference folder: treaty status,
dated events, warhead estimates and a bilingual glossary. Every factual row carries the public source it was taken
from, and each table is validated when it is loaded (a source on every row, dates and numbers that parse). The later
notebooks use them to cross-check what the texts claim; here is what they hold:"""),
("code", """reference.overview()"""),
("md", """## 6. How far can each text be trusted?

The table counts, for each severity (worst first) and text, the problem passages, the flags of that severity, and the
running-text body sentences in those passages, with their share of the body. A passage counts once, under its worst
severity."""),
("code", """audit.trust_summary(study)"""),
("code", """audit.problems(study, severities=["meaning-changing"])"""),
("md", """**Reading.** The FES text can be quoted as the authors' argument in the foundation's own Chinese edition, a fluent
human translation: its extraction damage is repaired, and its few substantive errors are flagged where they occur.
Two sentences must be checked against the German original before they are cited, the "conclusive evidence" of
fes2024-0059 and the Security Council presidency of fes2024-0113, and names must be resolved through the entity
table. The Carnegie text
can be used for what the report argues in its introduction, **but not for its wording**: quotations are the
translation engine's, many passages change the meaning (the table above lists them, and each must be read against
the English report before it is cited), names must be resolved through the entity table, the inserted list must be excluded, and
anything about the later chapters must come from elsewhere, because the excerpt stops in chapter 1. The later notebooks
follow these rules."""),
]

