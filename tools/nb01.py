"""Cell sources of notebooks/01_sino_german.ipynb."""

SUMMARY = "The FES paper's argument coded with evidence: where Germany and China converge (the core treaties, the JCPOA, biosecurity) and diverge (China's build-up and transparency, humanitarian arms control, governance, chemical and biological weapons); why China matters more as Russia obstructs; the obstacles and proposals; and a fact check in which one claim conflicts with the record."

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
from helpers import audit, plotting
from helpers import sino_german as sg

helpers.setup()""", "setup"),
("code", """study = audit.load_study()"""),
("md", """## Summary of findings

The counts below are computed from the coded tables; the sections that follow show the evidence for each.

- **Converge**: keeping the core treaties (NPT, BWC, CWC, CTBT) and the multilateral regimes alive, the Iran deal
  (JCPOA), and biosecurity (the China-led Tianjin Guidelines, which Germany supports). The paper itself warns that
  similar aims may hide different interests (fes2024-0009 「尽管双方支持背后的目标和利益可能有所不同」).
- **Diverge**: China's nuclear build-up and transparency, the scope of disarmament, humanitarian arms control, the
  multi-stakeholder governance of cyberspace and outer space, civil society, the OPCW's mandate and the
  biological-weapons allegations against Ukraine.
- **Unclear**: how far the agreement goes at all (fes2024-0019 「目前尚不清楚」), technology restrictions, and issues on
  which the paper states only one side's position (China's role, talks beyond economics, verification, emerging
  technologies).
- **Why China matters more**: Russia obstructs the multilateral forums, and China distances itself from Russia on the
  NPT review conference, nuclear threats, CEND and the Tianjin Guidelines; it sides with Russia on the OPCW's mandate
  and the biological-weapons allegations, and is ambivalent on nuclear testing, nuclear sharing and the "no limits"
  partnership.
- **Obstacles**: technology controls form the largest group; the others range from the chemical and biological weapons
  dispute to Chinese scepticism of civil society and the need for government authorisation.
- **Proposals**: mostly official channels (government talks, NATO–China, EU–China, the Sino-German dialogue on Iran),
  some multilateral forums (the IPNDV, the P5 exchanges), and Track 1.5 / Track 2 formats.
- **Facts**: most checkable claims are consistent with the reference facts; one conflicts: China taking up the
  Security Council presidency "in August 2025" (fes2024-0113), probably a mistranslated reference to the P5-process
  chair."""),
("code", """sg.summary_counts()"""),
("md", """## 1. Where do Germany and China converge, diverge, or remain unclear?

The paper frames itself in these three terms: **目标一致** "the same aims" (fes2024-0007), **分歧** "divergence"
(fes2024-0013) and **不清楚** "unclear" (fes2024-0019). One row per issue area; `germany` and `china` summarise each
side's position as the paper presents it, in English."""),
("md", """**Finding.** Convergence is about keeping the *existing* regimes alive: both want the core treaties and the
multilateral machinery to survive. Divergence is about what goes beyond them: membership of the newer humanitarian
treaties, transparency on nuclear forces, who takes part in governance, and how allegations and attribution are
handled. Even the convergence is qualified: on the JCPOA the paper adds that China is the only E3/EU+3 member still
implementing its terms (fes2024-0114 「中国是欧洲三国/欧盟+3中唯一仍在执行《联合全面行动计划》」), a claim the fact check
below cannot confirm. Where the paper states only one side's position, the relation is coded unclear."""),
("code", """positions = sg.positions_view()
positions"""),
("code", """plotting.coded_table_chart(positions, "issue_zh", "issue", "relation",
    "德中立场 Germany and China: where they converge and diverge",
    {"converge": "一致 converge", "unclear": "不清楚 unclear", "diverge": "分歧 diverge"})"""),
("md", """## 2. Why does China matter more to multilateral arms control now?

The paper's answer (section 中国对多边军控的重要性与日俱增, "China's growing importance"): without China multilateral
agreements can hardly be kept, let alone strengthened (fes2024-0041 「没有中国，多边军控协议就难以维持」), and since
Russia obstructs the forums, China's responsibility as Moscow's main partner grows (fes2024-0044). The table codes
each topic by whether China **distances** itself from Russia, **aligns** with it, or is **mixed**."""),
("md", """**Finding.** The distance is clearest on nuclear matters that threaten the regimes China relies on: the NPT
review conference, threats of nuclear use, CEND, and on the China-led Tianjin Guidelines. It vanishes on the OPCW's
mandate and the biological-weapons allegations, where China backs Russia (fes2024-0074 「中国继续支持俄罗斯毫无根据的指控」,
fes2024-0075). On nuclear sharing the paper records a shift:
China softened the line it once shared with Russia and now aims its criticism at US deployments in the Indo-Pacific
(fes2024-0067, fes2024-0068)."""),
("code", """russia = sg.china_russia_view()
russia"""),
("code", """plotting.coded_table_chart(russia, "topic_zh", "topic", "relation",
    "中俄之间 China and Russia: where China distances itself",
    {"distances": "保持距离 distances", "mixed": "摇摆 mixed", "aligns": "一致 aligns"})"""),
("md", """## 3. What stands in the way of a dialogue?"""),
("md", """**Finding.** The section headed 与中国开展军控对话的障碍 ("obstacles to an arms-control dialogue with China")
opens with economic competition (fes2024-0077 「毫无疑问，经济竞争会阻碍与中国开展军控问题对话」) and then gives about
equal space to technology controls and to the dispute over chemical and biological weapons (fes2024-0083 to
fes2024-0086). Technology controls are the largest group of obstacles; the others are spread through the paper."""),
("code", """obstacles = sg.obstacles_view()
obstacles"""),
("code", """plotting.count_chart(obstacles.assign(n=1), "kind", "kind", "对话的障碍 Obstacles to a dialogue, by kind",
                     "障碍数 number of obstacles")"""),
("md", """## 4. What does the paper propose, in what format, through which channel?

`format` is one of official (government to government), Track 1.5 (officials and experts), Track 2 (experts and
civil society) and multilateral forum."""),
("md", """**Finding.** The paper wants an open, issue-specific government dialogue (fes2024-0088
「公开、针对具体议题和具有建设性地开展政府层面的军控政策对话」) built on channels that
already exist, such as the directors-general talks of July 2023 (fes2024-0090), and widened step by step: technical
issues first (fes2024-0097), then transparency and risk reduction through NATO, the EU and the P5 exchanges, with
Track 1.5 and Track 2 dialogues to soften China's reservations about civil society (fes2024-0124)."""),
("code", """proposals = sg.proposals_view()
proposals"""),
("code", """plotting.count_chart(proposals, "topic", "format", "建议 Proposals by topic and format", "建议数 number of proposals")"""),
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

Each checkable claim (dates, who did what, which treaty, who is party to what) with a verdict: **consistent** with the
reference facts, in **conflict** with them, or **unverifiable** from them. The `sources` column gives the public
sources of the deciding reference rows. Some reference rows rest on secondary sources (Wikipedia or a wiki mirror,
document-sharing sites, newspapers); where a verdict depends on such a row, check the primary source before citing it."""),
("md", """**Finding.** Most checkable claims are consistent with the record; one is in conflict with it (fes2024-0113
「在中国于2025年8月开始担任安理会轮值主席国之后」) and is explained
below the table."""),
("code", """plotting.count_chart(sg.claims_view().assign(all="claims"), "verdict", "verdict",
                     "事实核查 Fact check of the paper's claims", "主张数 number of claims", plotting.RELATION_COLOURS)"""),
("code", """sg.claims_view()"""),
("md", """**The conflict.** fes2024-0113 「在中国于2025年8月开始担任安理会轮值主席国之后」: China held the Security Council
presidency in February 2025, and Panama in August 2025. The previous sentence is about Russia chairing the **P5
process** (fes2024-0112), and the reference shows that chair passing to China in the second half of 2024, so the
Chinese edition has probably turned "the P5 chair" into the Security Council presidency, with a wrong year (see also
the quality audit in notebook 00).

**Close calls.** The joint Sino-German warning of November 2022 is dated right, and the record has the US estimate of
a roughly 50 % risk of Russian nuclear use (late September 2022); but the paper's 确切证据 "firm evidence"
(fes2024-0059) overstates an estimate. The Xi–Biden summit was held at Woodside, about 40 km from San Francisco
(fes2024-0031). **Unverifiable** claims are not wrong; the reference simply does not decide them (for instance China
leaving the IPNDV in 2017, fes2024-0095, or China being "the only" E3/EU+3 member still implementing the JCPOA,
fes2024-0114, when the record lists Russia as a remaining participant too)."""),
("md", """## 7. Timeline and sources

**Dates.** The paper's dated events were coded by hand (`data/coding/fes_events.csv`), and the same dates are also
extracted by rule from the Chinese (`helpers.dates`): 2022年秋 "autumn 2022" becomes `2022-23` and 二十世纪八十年代中期
"the mid-1980s" becomes `1985~` (ISO 8601 with the EDTF qualifiers for seasons and approximate dates). On the
paper's events the rules agree with the hand coding, but those are the expressions the rules were written on:"""),
("code", """agreement = sg.date_agreement(study)
agreement"""),
("md", """A fairer test is held-out material the rules were not written on: every date in the FES notes and in the
Carnegie excerpt, coded by hand in `data/coding/dates_heldout.csv`. `matched` counts hand-coded dates that the rules
also find; `found` counts what the rules extract (so `found` above `matched` would be false alarms):"""),
("code", """heldout = sg.heldout_date_agreement(study)
heldout[["matched", "hand", "found"]].sum()"""),
("code", """plotting.timeline_chart(sg.events_table(), "时间线 Events the FES paper refers to")"""),
("md", """**Sources.** The paper leans on Chinese and German official statements and on English-language think-tank and
news sources; note 13 cites a report by Tong Zhao (赵通), the author of the Carnegie text studied in notebook 02. The
notes are parsed into authors, year, title and URL (notebook 00); their type and language are coded by hand in
`data/coding/fes_sources.csv`. Note 4 cites two items."""),
("code", """sources = sg.sources_view(study)
sources"""),
("code", """plotting.count_chart(sources, "year", "source_type", "脚注来源年份 The paper's sources, by year and type",
                     "来源数 number of sources")"""),
("code", """plotting.count_chart(sources, "source_type", "language", "脚注来源 The paper's sources, by type and language",
                     "来源数 number of sources")"""),
("md", """**Actors and treaties.** Mentions in the body, after entity linking (北京 counts as China, 柏林 as Germany, except
where they name a place). The entity linking is automated, so its quality is measured on hand-checked samples
(`data/annotations/entity_precision.csv`: randomly drawn mentions judged by hand; `entity_recall.csv`: randomly drawn
sentences with every entity a reader finds listed by hand):"""),
("code", """from helpers import evaluation

evaluation.entity_linking_evaluation(study)"""),
("code", """plotting.mentions_bar_chart(sg.key_actor_mentions(study), "主要行为体与条约 Actors and treaties named in the FES body")"""),
("md", """A **dispersion plot** shows *where* in the text each actor is mentioned (one tick per sentence), with the
section starts as dashed lines. Russia is concentrated in the section on China's growing importance, NATO in the
section on topics and approaches (the proposals); the table after the plot gives the counts."""),
("code", """labels = {"china": "中国 China", "germany": "德国 Germany", "russia": "俄罗斯 Russia",
          "united_states": "美国 United States", "nato": "北约 NATO", "eu": "欧盟 EU"}
hits, starts = sg.dispersion(study, list(labels))
plotting.dispersion_plot(hits, starts, labels, sg.body_length(study), "词汇分布 Where the actors appear in the FES body")"""),
("code", """sg.mentions_by_section(study, list(labels))"""),
]
