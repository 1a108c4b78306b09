"""Cell sources of notebooks/03_comparison.ipynb."""

SUMMARY = 'The two texts side by side with reusable methods (frequencies, keyness by G2 with a false-discovery-rate correction and by log-odds with a Dirichlet prior, KWIC, collocation, co-occurrence): multilateral arms control against bilateral nuclear politics, what each asks of whom, what links them, and where they agree and diverge.'

CELLS = [
("md", """# 03 · The two arguments side by side

**The texts.** A German view of China's place in *multilateral* arms control (Meier & Staack, FES 2024, `fes2024`),
and an American-based analyst's view of China's nuclear *politics* (Tong Zhao, Carnegie 2024, `carnegie2024`, a
machine-translated excerpt).

**Questions.** Which vocabulary is distinctive of each text, and which is shared? How does each frame China? What does
each ask of whom? What links the two texts? Where do they agree and where do they diverge?

**Methods.** Each method is a small function in `helpers.methods.analysis` that works on the export's tables, so a student
can reuse it on any corpus. Each section says what the method measures and when to trust it. All counts use the
**bodies** of the texts (no front matter, notes or bios); the Carnegie passage that the quality audit marks as
inserted is left out.

**Your own corpus.** `python -m helpers audit --corpus DIR --out DIR --compare A B` compares two documents of another
folder on a page whose prose is computed from them. You can also set the parameters below and re-run this notebook:
the methods then apply to those documents, while the hand-coded sections (themes, links, conclusion) and the
commentary stay about the study's two texts."""),
("code", """import helpers
from helpers import audit
from helpers.methods import analysis
from helpers.publish import plotting
from helpers.study import comparison as cp
from helpers.study.layer import STUDY

helpers.setup()""", "setup"),
("code", """CORPUS = None            # a folder with manifest.csv; None: the study's texts (data/raw)
DOC_A, DOC_B = "fes2024", "carnegie2024"   # the two documents to compare""", "parameters"),
("code", """study = audit.load_study(CORPUS or audit.RAW, STUDY)
DOCS = (DOC_A, DOC_B)
STUDY_PAIR = cp.is_study_pair(DOCS)  # the hand-coded sections apply to the study's own texts only"""),
("md", """## Summary of findings

- **Vocabulary.** Few of the more than a thousand words tested survive a correction for testing them all (§1). Those
  that do put the FES text on *arms control* as a multilateral practice, among them 军控 "arms control", 多边 "multilateral",
  俄罗斯 "Russia", 德国 "Germany"; and the Carnegie text on *politics and nuclear stability* between two powers: 政治
  "political", 美国 "United States", 关系 "relations", 核稳定 "nuclear stability", 核政策 "nuclear policy", among others (and 报告
  "report", a report referring to itself). Only 政治 and 美国 also pass the log-odds test at every prior strength
  tried, so read the rest as likely, not certain: two short texts are weak evidence. They share the vocabulary of
  nuclear weapons and risk reduction.
- **China's frame.** In FES, China shares its sentences with Germany and with Russia, with roles (great power,
  developing country) and obligations (responsibility, transparency) at issue, each in one to a few sentences; in
  Carnegie, China stands opposite the United States, named with China in a far larger share of its sentences, and
  the frame is threat perception and leadership politics. Neither text calls China "responsible".
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

Counts must be compared as **rates**, because the bodies differ in length. Every comparison below gives a rate (per
1,000 content tokens, or per 100 body sentences) with the raw count beside it:"""),
("code", """cp.sizes(study, DOCS)"""),
("md", """## 1. Which vocabulary is distinctive of each text, and which is shared?

**Frequency.** The simplest comparison: the most frequent content words of each text, with rates per 1,000 content
tokens. Content words exclude punctuation, the stopwords in `data/lexicon/stopwords_zh.txt`, numbers and dates.
*Trust it* for what a text talks about most; *not* for what distinguishes it, since frequent words are frequent
everywhere."""),
("code", """cp.top_words(study, DOCS)"""),
("md", """**Keyness** asks which words are *more* frequent in one text than in the other, beyond chance. Two measures, both
in `helpers.methods.analysis`:

- **Log-likelihood G²** (Dunning 1993) compares a word's observed counts with the counts expected if both texts used
  it at the same rate; its p-value comes from the χ² distribution with one degree of freedom (G² > 3.84: p < 0.05).
  G² says *how sure* we are, not *how big* the difference is, so it comes with the **log ratio** (Hardie 2014): log2
  of the ratio of the two relative frequencies (1 = twice as frequent; a zero count is taken as 0.5).
- **Log-odds ratio with an informative Dirichlet prior** (Monroe, Colaresi & Quinn 2008): the difference in the log
  odds of the word in the two texts, with pseudo-counts from a prior added to every count, divided by its standard
  error to give a z-score (|z| > 1.96 is the usual threshold). The prior pulls rare words towards no difference, so
  that a word seen twice in one text and never in the other is not declared distinctive.

**What the prior pools.** Here the prior is the pooled counts of *the two texts themselves*, scaled to a total weight
α0 (100 pseudo-counts by default): it knows only how common each word is in these two texts, and it uses the same
data twice. A **background corpus** (a large collection of Chinese policy writing on arms control) would give each
word pseudo-counts in proportion to its frequency in the genre: a word common in the genre (重要 "important") would
be pulled hard towards no difference, a word rare in the genre hardly at all, and the prior would no longer depend on
the two texts being compared. It would also allow a different question: what distinguishes each text from the genre,
rather than from the other text. The study has no such corpus, so the strength of the prior is a choice; the
sensitivity table below shows what it changes.

*Other caveats.* The texts differ in length, which both measures take into account, but also in how they were
written: the FES text is a fluent human translation and the Carnegie text a machine translation, so some differences
are the translators' word choices. And they differ in genre: 报告 "report" is distinctive of Carnegie because a report
refers to itself (carnegie2024-0078 「报告凸显了」). So keyness shows topic and genre as much as stance."""),
("code", """keyness = cp.keyness_table(study, DOCS)"""),
("md", """**A worked example: 军控 "arms control".** Every keyness statistic starts from a 2×2 table: the word's count and
the count of all other content tokens, in each text. The expected counts are those of a word used at the same rate in
both texts (row total × column total / grand total):"""),
("code", """import math

import pandas as pd

TERM = "军控" if "军控" in set(keyness["term"]) else keyness.iloc[0]["term"]  # another corpus: its top term
col_a, col_b = [c for c in keyness.columns if c.startswith("count_")]
a, b = keyness.set_index("term").loc[TERM, [col_a, col_b]]  # the word in each text
n_a, n_b = keyness[col_a].sum(), keyness[col_b].sum()  # all content tokens in each text
N = n_a + n_b
e_a, e_b = n_a * (a + b) / N, n_b * (a + b) / N  # expected counts if both texts used the word at one rate
pd.DataFrame({f"observed {cp.label(DOC_A)}": [a, n_a - a, n_a], f"observed {cp.label(DOC_B)}": [b, n_b - b, n_b],
              f"expected {cp.label(DOC_A)}": [e_a, n_a - e_a, n_a], f"expected {cp.label(DOC_B)}": [e_b, n_b - e_b, n_b]},
             index=[TERM, "all other tokens", "total"]).round(2)"""),
("md", """Then the three statistics by hand, a line each, checked against the helper (`tests/test_analysis.py` checks the
same numbers). The helper sums G² over the word's two cells, as corpus linguists' usual calculator does; a statistics
package summing all four cells of the table (the "all other tokens" row too) gets a slightly different value (for
军控, 38.21 against 37.87; `tests/test_analysis.py` checks both)."""),
("code", """g2 = 2 * sum(o * math.log(o / e) for o, e in ((a, e_a), (b, e_b)) if o > 0)  # a zero count adds nothing
p = math.erfc(math.sqrt(g2 / 2))  # P(χ² with one degree of freedom > G²)
ratio = math.log2(((a or 0.5) / n_a) / ((b or 0.5) / n_b))  # a zero count is taken as 0.5
alpha0 = 100  # the prior's total weight
alpha = alpha0 * (a + b) / N  # the word's pseudo-count: its share of the pooled texts × α0
delta = math.log((a + alpha) / (n_a + alpha0 - a - alpha)) - math.log((b + alpha) / (n_b + alpha0 - b - alpha))
z = delta / math.sqrt(1 / (a + alpha) + 1 / (b + alpha))
helper = keyness.set_index("term").loc[TERM]
pd.DataFrame({"by hand": [g2, p, ratio, z], "helper": [helper["g2"], helper["p_g2"], helper["log_ratio"], helper["z"]]},
             index=["G²", "p of G²", "log ratio", "log-odds z (α0 = 100)"]).map(lambda x: f"{x:.4g}")"""),
("md", """**Testing over a thousand words at once.** At p < 0.05, one word in twenty passes by chance even if the two texts
used every word at the same rate, so the uncorrected thresholds (the first rows below) can let dozens of flukes through.
The **Benjamini–Hochberg** procedure controls the *false discovery rate*: sort the m p-values, multiply the k-th
smallest by m/k to get its q (`q_bh`), and call a term distinctive when q < 0.05; then at most 5% of the terms called
distinctive are expected to be flukes.

We correct the p-values of **G²**, because G² is a test with a known distribution when the texts do not differ (χ²
with one degree of freedom) and no setting to choose. The log-odds z is a shrunken estimate whose size depends on the
prior we chose, so a p-value read off it answers a different question at every prior strength; corrected the same
way, the z-scores let no term through at all (the row marked "for comparison", and the last column of the
sensitivity table below). Two caveats remain. G² treats every token as an independent draw, but words come in bursts
(a paragraph about Russia names Russia again and again), so its p-values are optimistic; and its χ² approximation is
rough for small counts, so the terms whose q is close to 0.05 are the least secure."""),
("code", """cp.keyness_thresholds(keyness)"""),
("md", """**The headline: the words that survive the correction,** with their rates per 1,000 content tokens (raw counts at
the bars). In `keyness.csv` and the tables here, `distinctive_of` names the text for these terms and says `not
significant` for every other. A term seen in one text only, but too rarely for two short texts to tell, is *not
significant*, never "shared": the near misses below include such terms."""),
("code", """plotting.keyness_chart(keyness, cp.label(DOC_A), cp.label(DOC_B), 12,
                       "关键词 Keyness: the words that survive the correction (q < 0.05)", cp.glosses())"""),
("code", """cp.distinctive_terms(keyness)"""),
("code", """cp.near_misses(keyness)  # the closest to surviving: not significant"""),
("md", """**How much does the prior decide?** The log-odds z depends on α0, the total weight of the prior. The first table
counts the terms with |z| > 1.96 under priors of 10, 100 and 1,000 pseudo-counts and under the pooled counts
themselves (a prior as strong as the data), and how many of the headline terms pass at each; the second gives each
headline term's z at each strength. A weak prior is *not* a lenient one: a word absent from one text keeps a variance
of about 1/α_w there, so at α0 = 10 none of the words seen in one text only passes here, not even 军控; a strong
prior shrinks every difference towards zero. The words to lean on are those that pass at every strength (last
column); the others depend on a choice the data cannot make for us."""),
("code", """cp.keyness_sensitivity(study, DOCS)"""),
("code", """cp.headline_sensitivity(study, DOCS)"""),
("md", """The two measures agree on the *order* of the words more than on the threshold: the rank correlation of G² (signed
by the direction of the log ratio) with z:"""),
("code", """signed_g2 = keyness["g2"] * keyness["log_ratio"].apply(lambda r: 1 if r > 0 else -1)
float(round(signed_g2.rank().corr(keyness["z"].rank()), 3))  # Spearman's rho: Pearson's r on the ranks"""),
("md", """**Shared concepts after entity normalisation.** Counting words splits a concept over its spellings
(降低核风险 and 减少核风险, 战略稳定 and 战略稳定性). Counting *entities* merges them. Rates per 1,000 content tokens,
with the counts at the bars:"""),
("code", """concepts = cp.concept_rates(study, DOCS).head(16)
plotting.rate_chart(concepts, "label", cp.label(DOC_A), cp.label(DOC_B),
                    "概念频率 Concepts, treaties and initiatives in each body", "每千词 per 1,000 content tokens")"""),
("code", """concepts"""),
("md", """**Finding.** The texts share little vocabulary beyond 核武器 "nuclear weapons" and risk reduction: the FES
text speaks of 军控 "arms control" throughout (fes2024-0007 「在多边军控领域，德国和中国在重大问题上目标一致」) and never of
strategic stability; the Carnegie excerpt is built on the stability vocabulary (战略稳定, 核稳定, 政治稳定性; carnegie2024-0033
「许多中国核专家大多接受了西方提出的“战略稳定”这一术语」) and never uses 军控 in its body. Of the single words, 军控 has by far
the lowest q; it misses the log-odds threshold only at the weakest prior, which penalises every word absent from one
text. On the Carnegie side, 政治 "political" and 美国 "United States" hold at every prior strength, the stability
words only at some. The entities named in both bodies (countries aside), with the forms
each text uses:"""),
("code", """cp.shared_entities(study, DOCS)"""),
("md", """**Where the words occur.**

A **dispersion plot** shows whether a word is spread through a text or bunched in one
part; dashed lines mark where each text's sections start (§1, §2 …, named under each panel). *Trust it* to see
structure; a single tick is a single sentence, so do not read densities into few ticks."""),
("code", """labels = {"中国": "中国 China", "美国": "美国 United States", "俄罗斯": "俄罗斯 Russia", "政治": "政治 political",
          "对话": "对话 dialogue", "透明度": "透明度 transparency"}
plotting.dispersion_compare(cp.term_positions(study, list(labels), DOCS), labels,
                            "词汇分布 Where key words occur in each body", DOCS, cp.section_starts(study, DOCS))"""),
("md", """## 2. How does each text frame China?

**Method.** Take the body sentences that mention China (after entity linking: 中国, 中方, 北京 …) and count those that
also carry a framing cue (`data/coding/framing_cues.csv`): roles (大国 "great power", 发展中国家 "developing country"),
obligations (责任 "responsibility", 透明 "transparency", 不首先使用 "no first use" …) and relations (Russia, the
United States). A cue is matched as a string, so it can sit inside another word or carry another sense: before
counting, read its hits in a **keyword-in-context** (KWIC) concordance, each hit with its left and right context, and
set aside the sentences where it does not frame China. The texts differ in length, so counts come with rates per 100
body sentences. *Trust* the counts only together with the concordance, and not at all for cues seen once or twice.
About the same share of each body mentions China:"""),
("code", """cp.china_share(study, DOCS)"""),
("md", """**Checking a cue.** 责任 "responsibility" in the sentences that mention China, as the count sees it (a string,
not a token: the segmenter splits 负责任 into 负责 + 任, so a token concordance would miss it):"""),
("code", """cp.cue_kwic(study, "责任", DOCS)"""),
("md", """fes2024-0043 and fes2024-0044 are China's duties (fes2024-0043 「中国也有责任执行重要的裁军标准和规则」). The other
two are another sense: fes2024-0075 is 责任方, "the party responsible" for chemical attacks, and fes2024-0109 is
负责任 in "responsible behaviour" in cyberspace and outer space (fes2024-0109 「外层空间负责任行为规范和规则的对话」), the
only hit of the cue 负责任: neither text calls China "responsible". Both are set aside below; the 负责任 row stays
in the table, at zero, to record that finding."""),
("code", """OTHER_SENSE = {"责任": ["fes2024-0075", "fes2024-0109"],  # the party responsible; responsible behaviour
               "负责任": ["fes2024-0109"]}  # read in the concordance above
framing = cp.china_framing(study, DOCS, OTHER_SENSE)
framing"""),
("md", """A table says this better than a chart: most cues occur in one or two sentences, too few for bars. **Roles and
obligations** appear almost only in the FES text; the one Carnegie cue is 温和 "moderate" (glossed "restraint" in the cue table), for China's past strategy
(carnegie2024-0044 「中国坚持了温和的核战略」). The relation cues overlap with the co-occurrence counts below, which merge
every name of a country. Transparency, in FES, is something China owes (fes2024-0015 「必须有更多的透明度」); the
other hit, fes2024-0084, is about Russia:"""),
("code", """cp.kwic_both(study, "透明度", DOCS)"""),
("md", """Carnegie's own framing terms, 生存威胁 "existential threat" and 领导人 "leaders":"""),
("code", """cp.kwic_both(study, "生存威胁", DOCS)"""),
("code", """cp.kwic_both(study, "领导人", DOCS)"""),
("md", """**Relations.** Which actors share a sentence with China, per 100 body sentences, with the number of sentences at
the bars. An actor counts once per sentence, however many of its names the sentence holds; two-country compounds
count for both countries: 中德 "Sino-German" names China and Germany, 中美 "Sino-US" China and the United States.
Most actors share only one or two sentences with China, a tail that says nothing: only those that share at least
three in one of the texts are shown."""),
("code", """partners = cp.china_cooccurrence(study, DOCS, min_sentences=3)
plotting.rate_chart(partners, "label", cp.label(DOC_A), cp.label(DOC_B),
                    "与中国同句 Actors named in the same sentence as China", "每百句 per 100 body sentences")"""),
("code", """partners"""),
("md", """In FES, China shares its sentences with Germany and Russia far more than with anyone else; in Carnegie, with the
United States. A concordance can be **sorted** by the context on either side, as concordancers do, so that recurring
neighbours line up: 美国 "United States" in both texts, sorted by the words that follow it (`sort="left"` sorts by
the words before it, nearest first):"""),
("code", """cp.kwic_both(study, "美国", DOCS, sort="right")"""),
("md", """**Collocation.** The words that occur within four tokens of 中国 "China" more often than elsewhere in the same
text, scored by G² (words that *avoid* China are left out), per text, since the question is how each frames China.
On two short texts the strongest candidates are words seen two or three times near 中国 and never elsewhere, which no
test can tell from chance. So only words seen at least three times near the node are listed (`min_count`), and the
Benjamini–Hochberg correction counts every word seen near it (the column `significant`):"""),
("code", """cp.collocates_by_text(study, "中国", DOCS)"""),
("md", """No collocate survives the correction. That is the method failing on a small corpus, not a finding about how
either text frames China. What it would need, per text: the G² the strongest candidate must reach (`critical_g2`,
the correction's first step over all the words seen near 中国), the fewest occurrences a word would need, every one
of them beside 中国, to reach it (`min_exclusive`), and how many occurrences of 中国 the strongest listed collocate
would need, at the same proportions, to reach it (`node_needed`, against `node_occurrences`): well beyond either
text. Read the concordance instead."""),
("code", """cp.collocation_needs_by_text(study, "中国", DOCS)"""),
("md", """**Finding.** FES frames China as a **multilateral actor** whose roles and obligations are at issue, positioned
next to Germany and to Russia: responsibility (fes2024-0043 「中国也有责任执行重要的裁军标准和规则」) and transparency
(fes2024-0015 「必须有更多的透明度」). Carnegie frames China as the **counterpart of the United States**, with the
leadership's perceptions at the centre: the United States as an existential threat (carnegie2024-0067
「进一步巩固了中国领导层对于生存威胁的看法」). Each role and obligation cue rests on one to a few sentences, so this
is a reading of those sentences, not a measurement."""),
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
review its own policy and mind the other's insecurity (carnegie2024-0102 「加强内部核政策审查进程」); its
government-to-government channels are top-down talks on principles of behaviour and a strategic security dialogue
(carnegie2024-0103 「华盛顿和北京应构建一个对话机制」).
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
