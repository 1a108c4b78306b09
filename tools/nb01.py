"""Cell sources of notebooks/01_sino_german.ipynb."""

SUMMARY = "The FES paper's argument coded at its own units, with a second coder's agreement: where Germany and China converge (mostly with the paper's own qualifications) and diverge (transparency, humanitarian arms control, governance, CBW, and by inference nuclear sharing); why China matters more as Russia obstructs; the two obstacles the paper argues; its proposals, which rank expert dialogue as more promising; and a graded fact check in which several claims are overstated and one conflicts with the record."

CELLS = [
("md", """# 01 · The Sino-German argument

**The paper.** Oliver Meier and Michael Staack, *多边军控领域的德中合作：潜在对话的目标与形式* ("German–Chinese
cooperation in multilateral arms control: aims and formats of a potential dialogue"), Friedrich-Ebert-Stiftung,
February 2024 (`fes2024`). The Chinese edition of "Deutschland und China in der multilateralen Rüstungskontrolle".

**Questions.** Where do Germany and China converge and diverge in multilateral arms control, and where is it unclear?
Why does China matter more to arms control now? What stands in the way of a dialogue, and what does the paper propose?
Do its factual claims hold up?

**Method.** The paper's argument is coded by hand into reviewable tables in `data/coding/` (codebook:
`docs/codebook.md`). Every row cites its evidence as sentence ids with the Chinese phrase it rests on, shown here as
`fes2024-0009 「是北京和柏林均支持的重要条约」`; a test checks that each cited sentence exists and contains that
phrase. Facts are checked against the sourced reference tables in `data/reference/`."""),
("code", """import helpers
from helpers import audit
from helpers.methods import evaluation
from helpers.publish import plotting
from helpers.study import sino_german as sg
from helpers.study.layer import load_study

helpers.setup()""", "setup"),
("code", """study = load_study()"""),
("md", """## Summary of findings

The counts behind each point are computed in the cell after this list; the sections that follow show the evidence.

- **Converge**, but mostly with a qualification the paper itself adds: the multilateral agreements and the core
  treaties (fes2024-0009 「尽管双方支持背后的目标和利益可能有所不同」, "although the aims and interests behind the support may
  differ"), the JCPOA (agreement on the aim, not on practice), biosecurity (China's interest is "complicated",
  fes2024-0071 「中方对于国际生物安全规则和规范的兴趣是复杂的」), and preventing nuclear use, where the two acted together
  (fes2024-0059 「中德两国国家元首和政府首脑发出联合警告」).
- **Diverge**: China's build-up and transparency, the scope of disarmament, humanitarian arms control, the governance
  of cyberspace and outer space, civil society, the OPCW's mandate, the biological-weapons allegations, and, read with
  a fact the paper takes for granted (sourced in `data/annotations/context_facts.csv`), nuclear sharing: China's principle that nuclear weapons stay on their owner's
  territory (fes2024-0066 「即核武器只能部署在拥有国的领土上」) targets an arrangement Germany takes part in.
- **Unclear**, in the paper's own words, is only how far the agreement goes overall (fes2024-0019 「目前尚不清楚」).
  Where the paper states only one side's position, that is a gap in the text, counted apart and never as "unclear".
- **Why China matters more**: Russia obstructs the forums; China keeps its distance on nuclear matters (the NPT review
  conference, nuclear threats, CEND) and backs Russia on the OPCW's mandate and the biological-weapons allegations
  (fes2024-0074 「中国继续支持俄罗斯毫无根据的指控」).
- **Obstacles**: the paper's own section argues two, economic and technology competition (fes2024-0077
  「经济竞争会阻碍与中国开展军控问题对话」) and the chemical and biological weapons dispute; the others it names in passing.
- **Proposals**: one row per proposal the paper makes. The largest group is about the dialogue itself (its level,
  partners, sequence); the paper sees better prospects (fes2024-0093 「更有望」) for an expert-level, bottom-up track than for the
  official one it has just described, would begin with technical issues, and calls civil society a complement.
- **Facts**: graded, not pass/fail. One claim conflicts with the record (China's Security Council presidency "in
  August 2025", fes2024-0113). Three are *overstated*: US intelligence "firm evidence" of a 50 % risk (fes2024-0059
  「确切证据」, an estimate; whether the word is the authors' or the translation's, the German original would show),
  Russia obstructing "all" forums, and China "the only" JCPOA member still implementing. Others are right in substance
  but *imprecise* in a place, a date or a name, such as the "China-led" Tianjin Guidelines (fes2024-0117 「由中国主导的」),
  which China drafted and tabled with partners.
- **Reliability**: positions, proposals and obstacles were coded a second time by an independent reader; Cohen's kappa
  with its interval, and the limits of that figure, are in section 8."""),
("code", """sg.summary_counts()"""),
("md", """## 1. Where do Germany and China converge, diverge, or remain unclear?

The paper frames itself in these terms: **目标一致** "the same aims" (fes2024-0007), **分歧** "divergence"
(fes2024-0013) and **不清楚** "unclear" (fes2024-0019). One row per issue area on which the paper states at least one
side's position. `relation` has four values (codebook: `docs/codebook.md`): *converge*, *diverge*, *unclear* (the paper
itself says so) and *one side only* (the paper states one side's position, so no relation can be coded: a gap in the
text, not a finding). `qualified` marks a convergence the paper itself qualifies; `basis` is *inferred* where one
side's position rests on a fact the paper takes for granted."""),
("md", """**Finding.** Convergence is about keeping the *existing* regimes alive, and the paper qualifies it more often than not:
the shared support for the core treaties may rest on different aims (fes2024-0009
「尽管双方支持背后的目标和利益可能有所不同」), on the JCPOA China alone is said to still implement the terms (fes2024-0114
「中国是欧洲三国/欧盟+3中唯一仍在执行《联合全面行动计划》」), and China's interest in biosecurity rules is "complicated". The
unqualified convergence is the narrowest: preventing nuclear use, where the two leaders warned together. Divergence
runs through the regimes as well as beyond them: inside them on transparency (tied to the NPT, fes2024-0015), on
attribution under the CWC and on the allegations under the BWC; beyond them on the newer humanitarian treaties and on
who takes part in governance. Nuclear sharing belongs here too, though the paper frames it as China
against Russia: China's principle (fes2024-0066 「即核武器只能部署在拥有国的领土上」) rules out NATO's nuclear sharing, in
which Germany hosts US weapons; the row is marked *inferred* because the paper never states Germany's side."""),
("code", """positions = sg.positions_view()
positions"""),
("code", """plotting.coded_table_chart(positions, "issue_zh", "issue", "relation",
    "德中立场 Germany and China: where they converge and diverge",
    {"converge": "一致 converge", "unclear": "不清楚 unclear (the paper says so)",
     "one side only": "仅一方 one side only (a gap)", "diverge": "分歧 diverge"})"""),
("md", """**Coverage of the coding.** Every body sentence of the paper was read once for this coding. A sentence cited by
no coded table is listed, with the reason, in `data/coding/fes_uncoded.csv`; the test suite checks that every body
sentence is one or the other, never both."""),
("code", """sg.coverage_summary(study)"""),
("code", """coverage = sg.coverage(study)
coverage[coverage["coded_in"] == ""][["sentence_id", "reason_uncoded", "note"]]"""),
("md", """The *authors' view* sentences are the paper's own argument about arms control: that it must never depend on solving
other problems (fes2024-0038 「决不能使其依赖于其他实质性问题的解决」) and why China is indispensable (fes2024-0041). They
state no side's position, propose nothing and claim no checkable fact; notebook 03 uses the first of them."""),
("md", """## 2. Why does China matter more to multilateral arms control now?

The paper's answer (section 中国对多边军控的重要性与日俱增, "China's growing importance"): without China multilateral
agreements can hardly be kept, let alone strengthened (fes2024-0041 「没有中国，多边军控协议就难以维持」), and since
Russia obstructs the forums, China's responsibility as Moscow's main partner grows (fes2024-0044). The table codes
each topic by whether China **distances** itself from Russia, **aligns** with it, or is **mixed**."""),
("md", """**Finding.** The distance is clearest on nuclear matters that threaten the regimes China relies on: the NPT
review conference, threats of nuclear use and CEND, and on the Tianjin Guidelines. It vanishes on the OPCW's
mandate and the biological-weapons allegations, where China backs Russia (fes2024-0074 「中国继续支持俄罗斯毫无根据的指控」,
fes2024-0075). On nuclear sharing the paper reports a shift, China criticising US deployments in the Indo-Pacific
(fes2024-0068 「尤其指向美国在印太地区部署核武器」); China's own statements in the record show the shift of emphasis but
cannot confirm "softened" (fact check below)."""),
("code", """russia = sg.china_russia_view()
russia"""),
("code", """plotting.coded_table_chart(russia, "topic_zh", "topic", "relation",
    "中俄之间 China and Russia: where China distances itself",
    {"distances": "保持距离 distances", "mixed": "摇摆 mixed", "aligns": "一致 aligns"})"""),
("md", """## 3. What stands in the way of a dialogue?

One row per obstacle as the paper argues it; `where` says whether it is argued in the section headed
与中国开展军控对话的障碍 ("obstacles to an arms-control dialogue with China") or named in passing elsewhere. A demand that
China may bring to a dialogue (fes2024-0082 「中国可能会敦促德国及欧盟采取更为明确的立场」) is an agenda item, not an
obstacle."""),
("md", """**Finding.** The paper's obstacles section argues two obstacles, each in one paragraph: economic and technology
competition, with US trade restrictions, possible EU restrictions and likely US secondary sanctions as its elements
(fes2024-0077 「毫无疑问，经济竞争会阻碍与中国开展军控问题对话」), and the dispute over chemical and biological weapons, in
which China sides with Russia. Neither is "the largest": counted as the paper argues them, each is one obstacle. The
others it names in passing elsewhere; some are Chinese positions that it says stand in the way, such as the
scepticism of civil society that Track 1.5 and Track 2 are to reduce, and one is a constraint on the format, the need
for government authorisation that makes technical issues a good start (fes2024-0097 「中方人员通常需要政府授权才能参与」)."""),
("code", """sg.obstacles_view()"""),
("md", """## 4. What does the paper propose, in what format, through which channel?

One row per proposal the paper makes, however many sentences it takes; an existing channel the paper reports (the
directors-general talks of July 2023, NATO's working-level channel) is context, not a proposal. `theme` and `format`
use the same categories as the Carnegie recommendations in notebooks 02 and 03; `ranking` records where the paper
itself ranks a proposal."""),
("md", """**Finding.** The largest group of proposals is about the dialogue itself: its level, partners, sequence and
duration. The paper
asks for an open, issue-specific government dialogue on existing channels (fes2024-0088
「公开、针对具体议题和具有建设性地开展政府层面的军控政策对话」) and then, "on the other hand", sees better prospects for a bottom-up dialogue at
expert level (fes2024-0093 「未来也更有望在专家层面上开展“自下而上”的对话」; 更有望 can also be read as "more likely to come
about", so the ranking is implicit), technical issues are the place to start, and civil-society contacts, Track 1.5 and Track 2 are "a useful, sometimes necessary complement" (fes2024-0121
「民间社会的接触是对官方对话渠道的有益」). The substantive proposals are on transparency, risk reduction through CEND and
the P5, verification, treaty implementation and Iran."""),
("code", """proposals = sg.proposals_view()
proposals"""),
("code", """proposals.groupby(["theme", "format"]).size().unstack(fill_value=0)"""),
("md", """## 5. Which treaties does the paper invoke, and what is each side's actual status?

Treaty mentions in the paper joined with `data/reference/treaty_status.csv`. A ✓ marks a cell where what the paper
says of that country (coded in `data/coding/fes_treaty_statements.csv`) matches the record; "not in record" means the
reference has no row (a bilateral US–Russian treaty, or a European treaty China is not part of)."""),
("md", """**Finding.** Each of the paper's statements about the two countries' treaty status that has a row in the record
matches it. Note the CTBT: "both support" it (fes2024-0009 「是北京和柏林均支持的重要条约」), but China has only signed it, while Germany has
ratified. For the IPNDV, which China left according to the paper (fes2024-0095), the record has no row for China."""),
("code", """status = sg.treaty_status(study)
plotting.status_grid(status[status["status"] != "not in record"],
                     "条约地位 Treaty status of China and Germany (✓: the paper matches the record)")"""),
("code", """status[status["paper_says"] != ""][["treaty", "country", "paper_says", "sentence_id", "status", "match", "source_url"]]"""),
("md", """## 6. Do the paper's factual claims hold up?

Each checkable claim (dates, who did what, which treaty, who is party to what), in the body and in the notes, gets a
graded verdict (codebook: `docs/codebook.md`, with an example of each): **consistent** with the reference facts;
**imprecise**, right in substance but wrong in a detail (a place, a date, a name); **overstated**, the record supports
a weaker claim; in **conflict** with the record; or **unverifiable** from it. `knowable` says whether the facts that
decide the verdict were public before the paper appeared (February 2024): a verdict reached with later sources is not
an error the authors could have avoided. Some reference rows rest on secondary sources (`sources`); check the primary
source before citing a verdict that depends on one."""),
("md", """**Finding.** Most checkable claims hold. Where the edition goes wrong, it more often says more than the record
supports than it gets a fact wrong outright. "Firm evidence" of a 50 % risk of Russian nuclear use was an intelligence
estimate (fes2024-0059 「在美国情报部门获得确切证据」), and the record of it appeared only after the paper; Russia did not
block "all" forums (the BWC review conference reached consensus in December 2022); and the E3's own letter puts
Russia beside China as a remaining JCPOA participant. The one conflict is a date and an office (fes2024-0113
「在中国于2025年8月开始担任安理会轮值主席国之后」). The verdicts grade the Chinese edition, not the German original, which
the corpus does not hold."""),
("code", """sg.verdict_counts()"""),
("md", """Every claim with its verdict and the note in full (the notes carry the decisive caveats):"""),
("code", """claims = sg.claims_view()
claims[["sentence_id", "quote", "claim", "verdict", "knowable", "note"]]"""),
("md", """The reference rows behind each verdict, with their public sources:"""),
("code", """claims[["sentence_id", "verdict", "reference facts", "sources"]]"""),
("md", """**The conflict.** fes2024-0113 「在中国于2025年8月开始担任安理会轮值主席国之后」: China held the Security Council
presidency in February 2025, and Panama in August 2025. The previous sentence is about Russia chairing the **P5
process** (fes2024-0112), and the reference shows that chair passing to China in the second half of 2024, so the
Chinese edition has probably turned "the P5 chair" into the Security Council presidency, with a wrong year (see also
the translation audit in notebook 00). The authors wrote before any of this happened; a P5 handover to China after
Russia was foreseeable to them, a Security Council presidency in August 2025 was not.

**The notes** are checked too: their dates against the events they cite and against the dates their own addresses
carry. Two are a little off: Sun Xiaobo's statement (fes2024-0132 「2023年8月」) is dated 31 July 2023 in the record, and
the embassy page of note 11 (fes2024-0135 「2023年7月3日」) carries 19 July 2023 in its address, 3 July being the
meeting's date. **Unverifiable** claims are not wrong; the reference does not decide them (China leaving the IPNDV in
2017, fes2024-0095; Russia leaving CEND in autumn 2022, fes2024-0061; China "softening" its line on nuclear sharing,
fes2024-0067 「中国软化了此前与俄罗斯共持的立场」)."""),
("md", """## 7. Timeline and sources

**Dates.** The paper's dated events were coded by hand (`data/coding/fes_events.csv`), and the same dates are also
extracted by rule from the Chinese (`helpers.language.dates`): 2022年秋 "autumn 2022" becomes `2022-23` and 二十世纪八十年代中期
"the mid-1980s" becomes `1985~` (ISO 8601 with the EDTF qualifiers for seasons and approximate dates). On the
paper's events the rules agree with the hand coding, but those are the expressions the rules were written on:"""),
("code", """agreement = sg.date_agreement(study)
agreement"""),
("code", """evaluation.date_scores(agreement)"""),
("md", """A fairer test is held-out material the rules were not written on: every date in the FES notes and in the
Carnegie excerpt, coded by hand in `data/coding/dates_heldout.csv`. Per measure, `found` of `of` with the 95 % Wilson
interval:"""),
("code", """heldout = sg.heldout_date_agreement(study)
evaluation.date_scores(heldout)"""),
("md", """`recall` is the share of hand-coded dates the rules find, `precision` the share of extracted dates that are right;
the interval shows how little a perfect score on a couple of dozen dates proves."""),
("md", """The timeline starts in 2017, where all but one event fall (the earlier one is named under the axis), and marks
each event by the fact check of the claim that reports it: a green dot where the record supports it, a yellow dot
where it is right in substance but imprecise, an orange diamond where it is overstated, a red cross where it
conflicts, an open grey circle where the record cannot decide it, and an open square where no claim was checked. The last event, China's chair "in August 2025", is the
conflict: it did not happen as the edition says."""),
("code", """plotting.timeline_chart(sg.events_table(), "时间线 Events the FES paper refers to", start=2016.5)"""),
("md", """**Sources.** The paper leans on Chinese official statements, on its own earlier FES study and on English-language
think-tank and news sources (its one German government source is the Federal Government's English page); note 13 cites a report by Tong Zhao (赵通), the author of the Carnegie text studied in notebook 02. The
notes are parsed into authors, year, title and URL (notebook 00); their type and language are coded by hand in
`data/coding/fes_sources.csv`. Note 4 cites two items."""),
("code", """sources = sg.sources_view(study)
sources"""),
("md", """What kinds of source, in which language? (de German, en English, zh Chinese; the language of the cited item,
inferred from its address and publisher.) The sources are recent, all from 2022 and 2023:"""),
("code", """plotting.count_chart(sources.assign(language=sources["language"].map(
    {"de": "de German", "en": "en English", "zh": "zh Chinese"})), "source_type", "language",
    "脚注来源 The paper's sources, by type and language", "来源数 number of sources")"""),
("md", """**Actors and treaties.** Mentions in the body, after entity linking (北京 counts as China, 柏林 as Germany, except
where they name a place). The entity linking is automated, so its quality is measured on hand-checked samples from
both texts (`data/annotations/entity_precision.csv`: randomly drawn mentions judged by hand; `entity_recall.csv`:
randomly drawn sentences with every entity a reader finds listed by hand), each proportion with its 95 % Wilson
interval: a sample in which every mention is right shows a precision of *at least* the lower bound, not a perfect
linker. The misses are entities the lexicon lacks."""),
("code", """evaluation.entity_linking_evaluation(study)"""),
("code", """plotting.mentions_bar_chart(sg.key_actor_mentions(study), "主要行为体与条约 Actors and treaties named in the FES body")"""),
("md", """A **dispersion plot** shows *where* in the text each actor is mentioned (one tick per sentence), with the
section starts as dashed lines. Russia is concentrated in the section on China's growing importance, NATO in the
section on topics and approaches (the proposals); the table after the plot gives the counts."""),
("code", """labels = {"china": "中国 China", "germany": "德国 Germany", "russia": "俄罗斯 Russia",
          "united_states": "美国 United States", "nato": "北约 NATO", "eu": "欧盟 EU"}
hits, starts = sg.dispersion(study, list(labels))
plotting.dispersion_plot(hits, starts, labels, sg.body_length(study), "词汇分布 Where the actors appear in the FES body")"""),
("code", """sg.mentions_by_section(study, list(labels))"""),
("md", """## 8. How reliable is the coding?

A figure from one reader's coding is not reliability. The positions, proposals and obstacles were coded a second
time by an independent reader who saw only the codebook and the sentences, never the first coding
(`data/coding/second/`, with the codebook as briefed; the first coding is frozen in `data/coding/first/`). Both
codings are turned into one label per sentence (the relation, proposal theme or obstacle kind of the rows that cite
it, or *none*), and the labels are compared with Cohen's kappa, which discounts the agreement two coders would reach
by chance. The 95 % interval comes from 2,000 bootstrap resamples of whole paragraphs, since one coding decision
usually covers several sentences of a paragraph (`helpers.study.reliability`). Values above about 0.6 are conventionally
read as substantial, above 0.8 as almost perfect; the intervals are wide on one short paper."""),
("code", """from helpers.study import reliability

table = reliability.reliability_table(study.tables["sentences"])
table[table["table"].str.startswith("fes_")]"""),
("md", """**Two limits.** First, the codebook's examples were written by the first coder and settle some hard cases for the
second, so agreement on those sentences is not independent: the rows *without codebook examples* leave them out, and
the figures barely move. Second, sentence labels cannot see whether the coders cut the paper into the same rows: two
rows with the same relation look like one. Matching rows (a row of one coder matched by a row of the other that cites
one of its sentences with the same label) shows where they cut differently:"""),
("code", """reliability.unit_agreement()"""),
("md", """The counts in this notebook depend on that cut. Rows per category in each coding (the table above the charts in
section 1 is the adjudicated one, which merges the first coding's two rows on keeping the regimes alive and drops its
second *unclear* row):"""),
("code", """reliability.category_counts("fes_positions")"""),
("md", """Each disagreement was adjudicated, and the decision and its reason logged (`data/coding/adjudication.csv`). There was
no third reader: the first coder adjudicated, which favours the first coding. The second reader found a convergence
the first coding had missed, the joint Sino-German warning against nuclear escalation:"""),
("code", """adjudication = reliability.adjudication()
adjudication[adjudication["table"] != "carnegie_drivers"]"""),
("md", """Not measured: the fact-check verdicts and the translation audit's severities were coded by one reader only. They rest
on the notes and the sourced reference rows shown with them, which a reader can check row by row, but no agreement
figure stands behind them."""),
]
