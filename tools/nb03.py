"""Cell sources of notebooks/03_comparison.ipynb."""

SUMMARY = 'The two texts side by side with reusable methods (frequencies, keyness by G2 and by log-odds with a Dirichlet prior, KWIC, collocation, co-occurrence): multilateral arms control against bilateral nuclear politics, what each asks of whom, what links them, and where they agree and diverge.'

CELLS = [
("md", """# 03 · The two arguments side by side

**The texts.** A German view of China's place in *multilateral* arms control (Meier & Staack, FES 2024, `fes2024`),
and an American-based analyst's view of China's nuclear *politics* (Tong Zhao, Carnegie 2024, `carnegie2024`, a
machine-translated excerpt).

**Questions.** Which vocabulary is distinctive of each text, and which is shared? How does each frame China? What does
each ask of whom? What links the two texts? Where do they agree and where do they diverge?

**Methods.** Each method is a small function in `helpers.analysis` that works on the export's tables, so a student
can reuse it on any corpus. Each section says what the method measures and when to trust it. All counts use the
**bodies** of the texts (no front matter, notes or bios); the Carnegie passage that the quality audit marks as
inserted is left out.

**Your own corpus.** The parameters below choose the corpus and the two documents; `python -m helpers audit --corpus
DIR --out DIR` runs this notebook on the first two documents of another folder. The methods then apply to those
documents; the hand-coded sections (themes, links, conclusion) and the commentary stay about the study's two texts."""),
("code", """import helpers
from helpers import analysis, audit, plotting
from helpers import comparison as cp

helpers.setup()""", "setup"),
("code", """CORPUS = None            # a folder with manifest.csv; None: the study's texts (data/raw)
DOC_A, DOC_B = "fes2024", "carnegie2024"   # the two documents to compare""", "parameters"),
("code", """study = audit.load_study(CORPUS or audit.RAW)
DOCS = (DOC_A, DOC_B)
STUDY_PAIR = cp.is_study_pair(DOCS)  # the hand-coded sections apply to the study's own texts only"""),
("md", """## Summary of findings

- **Vocabulary.** The FES text is about *arms control* as a multilateral practice: 军控 "arms control", 多边
  "multilateral", 俄罗斯 "Russia", 德国 "Germany", 对话 "dialogue" are its most distinctive words. The Carnegie text is
  about *politics and nuclear stability* between two powers: 政治 "political", 美国 "United States", 核 "nuclear",
  关系 "relations", 核稳定 "nuclear stability". They share the vocabulary of nuclear weapons and risk reduction.
- **China's frame.** In FES, China stands with Germany and with Russia, with roles (great power, developing country)
  and obligations (responsibility, transparency) at issue; in Carnegie, China stands opposite the United States, and
  the frame is threat perception and leadership politics.
- **Headline: linkage.** The sharpest difference is whether arms control may depend on the political relationship.
  FES holds, as a norm, that it must not (fes2024-0038 「决不能使其依赖于其他实质性问题的解决」); Carnegie reports that
  Beijing wants the political relationship stabilised first, grants that insulating the nuclear relationship is not
  unreasonable, and finds separating the two harder than expected (carnegie2024-0078
  「将双边核问题与政治问题分开处理比一般预期要困难得多」).
- **Shared scepticism, with caveats.** Both doubt Chinese doctrinal reassurance, in different words: FES calls the
  claim that no first use and minimum deterrence survive the build-up "not self-evident" (fes2024-0103
  「然而这一论断并非是不证自明的」), Carnegie reads a marked change of strategic intent (carnegie2024-0045
  「表明了其战略意图发生了显著变化」) while calling the "more aggressive strategy" account incomplete.
- **Core interests, tentatively.** FES makes respect for 核心利益 "core interests" a precondition in its own voice;
  Carnegie's machine translation attributes them to Beijing as "so-called" (carnegie2024-0037 「与中国尊重所谓的核心利益」),
  a sentence the translation audit flags.
- **What they ask.** Counted in one set of categories, the dialogue itself is the largest theme of both; both also ask
  for transparency, risk reduction and norms of behaviour; FES adds technical cooperation and Iran, Carnegie the
  political relationship and each side's own policy-making, which it mostly asks each capital to do on its own.
- **Scope.** The Carnegie side of every finding comes from the introduction of a report of about 123 pages (its
  own summary of its chapters) or the first lines of chapter 1.
- **Links.** Tong Zhao, the Carnegie author, is cited in the FES notes; both texts name Xi, Biden, the INF Treaty,
  Sandia and core interests, sometimes in different words, which entity linking resolves.
- **Agreement and difference** are set out at the end, each finding with evidence from both texts."""),
("md", """## 0. Two texts of unequal size

Counts must be compared as **rates**, because the bodies differ in length:"""),
("code", """cp.sizes(study, DOCS)"""),
("md", """## 1. Which vocabulary is distinctive of each text, and which is shared?

**Frequency.** The simplest comparison: the most frequent content words of each text, with rates per 1,000 content
tokens. Content words exclude punctuation, the stopwords in `data/lexicon/stopwords_zh.txt`, numbers and dates.
*Trust it* for what a text talks about most; *not* for what distinguishes it, since frequent words are frequent
everywhere."""),
("code", """cp.top_words(study, DOCS)"""),
("md", """**Keyness** asks which words are *more* frequent in one text than in the other, beyond chance. Two measures:

- **Log-likelihood G²** (Dunning 1993) compares a word's observed counts with the counts expected if both texts used
  it at the same rate; above 3.84 the difference is significant at p < 0.05. G² says *how sure* we are, not *how
  big* the difference is, so it comes with the **log ratio** (Hardie 2014): log2 of the ratio of the two relative
  frequencies (1 = twice as frequent).
- **Log-odds ratio with an informative Dirichlet prior** (Monroe, Colaresi & Quinn 2008): the difference in the log
  odds of the word in the two texts, with pseudo-counts from a prior (here the pooled counts of both texts, scaled
  to 100) added to every count, divided by its standard error to give a z-score. The prior pulls rare words towards
  zero, so a word seen twice in one text and never in the other is not declared distinctive; |z| > 1.96 is the usual
  threshold.

*Caveats.* The texts are short (see the sizes above), so the z-scores are modest, and the two measures disagree on how
much is significant (table below): G² passes many more terms than the log-odds z, whose prior discounts words that are
rare in both texts. With over a thousand words tested and no correction for multiple comparisons, some of the terms
that pass either threshold do so by chance; read the top of the list, not its edge. The texts differ in length, which
both measures take into account, but also in how they were written: the FES text is a fluent human translation and
the Carnegie text a machine translation, so some differences are the translators' word choices. And they differ in
genre: 报告 "report" is distinctive of Carnegie because a report refers to itself (carnegie2024-0078 「报告凸显了」). So
keyness shows topic and genre as much as stance. The full table is exported as `keyness.csv`, where a term with
|z| < 1.96 is marked `shared`."""),
("code", """keyness = cp.keyness_table(study, DOCS)
plotting.keyness_chart(keyness, cp.label(DOC_A), cp.label(DOC_B), 12, "关键词 Keyness: words distinctive of each text",
                       cp.glosses())"""),
("code", """cp.keyness_thresholds(keyness)"""),
("code", """keyness.head(10)"""),
("code", """keyness.tail(10).iloc[::-1]"""),
("md", """The two measures agree on the *order* of the words more than on the threshold: the rank correlation of G² (signed
by the direction of the log ratio) with z:"""),
("code", """signed_g2 = keyness["g2"] * keyness["log_ratio"].apply(lambda r: 1 if r > 0 else -1)
round(signed_g2.rank().corr(keyness["z"].rank()), 3)  # Spearman's rho: Pearson's r on the ranks"""),
("md", """**Shared concepts after entity normalisation.** Counting words splits a concept over its spellings
(降低核风险 and 减少核风险, 战略稳定 and 战略稳定性). Counting *entities* merges them. Rates per 10,000 body characters:"""),
("code", """concepts = cp.concept_rates(study, DOCS).head(16)
plotting.paired_bar_chart(list(concepts["label"].str.slice(0, 40)), list(concepts["per_10k_a"]),
                          list(concepts["per_10k_b"]), cp.label(DOC_A), cp.label(DOC_B),
                          "概念频率 Concepts, treaties and initiatives per 10,000 characters", "每万字 per 10,000 characters")"""),
("code", """concepts"""),
("md", """**Finding.** The texts share little vocabulary beyond 核武器 "nuclear weapons" and risk reduction: the FES
text speaks of 军控 "arms control" throughout (fes2024-0007 「在多边军控领域，德国和中国在重大问题上目标一致」) and never of
strategic stability; the Carnegie excerpt is built on the stability vocabulary (战略稳定, 核稳定, 政治稳定性; carnegie2024-0033
「许多中国核专家大多接受了西方提出的“战略稳定”这一术语」) and never uses 军控 in its body. The entities named in both bodies
(countries aside), with the forms each text uses:"""),
("code", """cp.shared_entities(study, DOCS)"""),
("md", """**Where the words occur.**

A **dispersion plot** shows whether a word is spread through a text or bunched in one
part. *Trust it* to see structure; a single tick is a single sentence, so do not read densities into few ticks."""),
("code", """labels = {"中国": "中国 China", "美国": "美国 United States", "俄罗斯": "俄罗斯 Russia", "政治": "政治 political",
          "对话": "对话 dialogue", "透明度": "透明度 transparency"}
plotting.dispersion_compare(cp.term_positions(study, list(labels), DOCS), labels,
                            "词汇分布 Where key words occur in each body", DOCS)"""),
("md", """## 2. How does each text frame China?

**Method.** Take the body sentences that mention China (after entity linking: 中国, 中方, 北京 …) and count those that
also carry a framing cue (`data/coding/framing_cues.csv`): roles (大国 "great power", 发展中国家 "developing country"),
obligations (责任 "responsibility", 透明 "transparency", 不首先使用 "no first use" …) and relations (Russia, the
United States). Then read the sentences in a **keyword-in-context** (KWIC) concordance: each hit with its left and
right context, located by the token offsets. *Trust* the counts only together with the concordance: a cue word can
occur without framing China."""),
("code", """framing = cp.china_framing(study, DOCS)
framing"""),
("code", """cp.china_sentences(study, DOCS).groupby("doc_id").size()  # the sentences that mention China"""),
("code", """plotting.paired_bar_chart(list(framing["cue"] + " " + framing["label_en"]), list(framing[DOC_A]),
                          list(framing[DOC_B]), cp.label(DOC_A), cp.label(DOC_B),
                          "中国的框架 How China is framed: cues in sentences that mention China", "句子数 sentences")"""),
("md", """**Roles and obligations** appear almost only in the FES text; the one Carnegie cue is 温和 "moderate", for
China's past strategy (carnegie2024-0044 「中国坚持了温和的核战略」). Neither text calls China a "responsible
stakeholder": 负责任 occurs only in "responsible behaviour" in cyberspace and outer space. The concordances show
which hits frame China. Of the FES hits for 责任 "responsibility", fes2024-0043 and fes2024-0044 are China's duties,
fes2024-0012 concerns the JCPOA participants, and fes2024-0075 is 责任方, "the responsible party" for chemical
attacks:"""),
("code", """cp.kwic_both(study, "责任", DOCS)"""),
("code", """cp.kwic_both(study, "透明度", DOCS)"""),
("md", """Carnegie's own framing terms, 生存威胁 "existential threat" and 领导人 "leaders":"""),
("code", """cp.kwic_both(study, "生存威胁", DOCS)"""),
("code", """cp.kwic_both(study, "领导人", DOCS)"""),
("md", """**Relations.** Which actors share a sentence with China (co-occurrence counts, per text). Two-country
compounds count for both countries: 中德 "Sino-German" names China and Germany, 中美 "Sino-US" China and the
United States."""),
("code", """partners = cp.china_cooccurrence(study, DOCS)
plotting.paired_bar_chart(list(partners["label"].str.slice(0, 36)), list(partners[DOC_A]),
                          list(partners[DOC_B]), cp.label(DOC_A), cp.label(DOC_B),
                          "与中国同句 Actors named in the same sentence as China", "句子数 sentences")"""),
("code", """partners.head(6)"""),
("md", """In FES, China shares its sentences with Germany and Russia far more than with anyone else; in Carnegie, with the
United States. KWIC of 美国 "United States" in both texts:"""),
("code", """cp.kwic_both(study, "美国", DOCS)"""),
("md", """**Collocation.** The words that occur within four tokens of 中国 "China" more often than elsewhere in the same
text, scored by G² (words that *avoid* China are left out). Computed per text, since the question is how each frames
China. *Trust it* for frequent node words only; with counts this small, read it as a pointer to the concordance:"""),
("code", """cp.collocates_by_text(study, "中国", DOCS)"""),
("md", """**Finding.** FES frames China as a **multilateral actor** whose roles and obligations are at issue, positioned
next to Germany and to Russia: responsibility (fes2024-0043 「中国也有责任执行重要的裁军标准和规则」) and transparency
(fes2024-0015 「必须有更多的透明度」). Carnegie frames China as the **counterpart of the United States**, with the
leadership's perceptions at the centre: the United States as an existential threat (carnegie2024-0067
「进一步巩固了中国领导层对于生存威胁的看法」)."""),
("md", """## 3. What does each ask of whom?

The FES proposals (notebook 01) and the Carnegie top-level recommendations (notebook 02) are coded in **one set of
categories** (codebook: `docs/codebook.md`, `fes_proposals.csv`): a `theme` (what the item is about) and a `format`
(the channel: official, Track 1.5, Track 2, multilateral forum, unilateral, unspecified). Each row is one thing a text
asks for; Carnegie's sub-points elaborate their parent and are left out. The two texts make different numbers of
requests, so compare **shares**, not counts."""),
("code", """alignment = cp.theme_alignment() if STUDY_PAIR else cp.NOT_CODED
alignment"""),
("code", """cp.ask_shares("format") if STUDY_PAIR else cp.NOT_CODED"""),
("md", """**Finding.** The dialogue itself is the largest theme of both texts, and both ask for transparency, risk reduction
and norms of behaviour
(fes2024-0060 「旨在减少核风险」; carnegie2024-0027 「减少核武器使用的风险是两国最明显的共同利益」). They differ in the channel:
FES asks for talks between governments, at expert level and in multilateral bodies (fes2024-0093
「在专家层面上开展“自下而上”的对话」), whereas most Carnegie recommendations ask each capital to act on its own, to
review its own policy and mind the other's insecurity (carnegie2024-0102 「加强内部核政策审查进程」); its one
government-to-government channel is a strategic security dialogue (carnegie2024-0103 「华盛顿和北京应构建一个对话机制」).
Only FES proposes technical cooperation and a regional initiative (Iran); only Carnegie addresses the political
relationship and each side's internal policy-making."""),
("md", """## 4. What links the two texts?

People, works, institutions and concepts that appear in both, as each text names them
(`data/coding/links.csv`). The same person or work is often named differently: the entity linking resolves 赵通,
童招 and 汤赵 to Tong Zhao."""),
("code", """cp.links_view() if STUDY_PAIR else cp.NOT_CODED"""),
("md", """**Who cites whom.** The FES paper cites Tong Zhao's 2022 Sandia report on China's approach to arms-control
verification (fes2024-0137 「参见赵通（2022）：《中国的军备控制核查方法》，桑迪亚报告」) in support of its call to bring
China into nuclear disarmament verification; the Carnegie text, written later in 2024, is by the same author. No
citation of the FES paper is visible in the Carnegie excerpt, whose endnotes are missing."""),
("md", """## 5. Conclusion: where the two texts agree and where they diverge

Each finding cites sentences from both texts (`data/coding/conclusions.csv`; a test checks every quotation). The
headline finding comes first. `carnegie_source` tags where its Carnegie evidence comes from: the introduction's own
argument, its summary of the chapters or of the recommendations, or the opening of chapter 1. None of it is from the
chapters' own argument, which the excerpt does not hold."""),
("code", """cp.conclusions_view() if STUDY_PAIR else cp.NOT_CODED"""),
("md", """**Finding.** The headline is linkage. FES holds, as a norm, that arms control must never depend on solving other substantive
problems (fes2024-0038 「决不能使其依赖于其他实质性问题的解决」), though it asks a minimum of respect for each other's
core interests (fes2024-0039 「各方必须有尊重对方核心利益的起码意愿」). Carnegie reports that Chinese officials want
political relations stabilised first (carnegie2024-0030 「在处理核问题之前，美国和中国首先应稳定他们的政治关系」), grants
that insulating the nuclear relationship from politics is not unreasonable (carnegie2024-0059 「并非毫无道理」), and finds
that separating nuclear from political issues is harder than expected (carnegie2024-0078
「将双边核问题与政治问题分开处理比一般预期要困难得多」). So the contrast is between FES's norm and Beijing's
position as Carnegie reports and weighs it. The two texts agree on the build-up as a concern, on doubting (with the
caveats in the table) Chinese doctrinal reassurance (fes2024-0103 「然而这一论断并非是不证自明的」; carnegie2024-0046
「对中国是否仍致力于与美国传统上有限的目标」), on openness, risk reduction and expert dialogue. They differ on the frame
(multilateral against bilateral), on what explains China's conduct (interests and shifting roles, fes2024-0025,
against domestic politics and the top leader, carnegie2024-0055 「尤其是习近平，提升了核武器的政治重要性」), on Russia,
and, tentatively, on the distance they keep from Beijing's 核心利益 "core interests" (carnegie2024-0037
「与中国尊重所谓的核心利益」).

The comparison has limits: one text is an excerpt in machine translation, the other a short paper in a fluent human
translation with a few substantive errors (notebook 00); differences of wording can be the translators' as much as
the authors'. And the Carnegie side rests on the introduction's summary of a long report."""),
]
