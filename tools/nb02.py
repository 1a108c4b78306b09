"""Cell sources of notebooks/02_sino_us.ipynb."""

SUMMARY = "The Carnegie excerpt: its reconstructed table of contents, the two senses of 'strategic stability', the drivers of China's nuclear change coded as threat response, ambition and domestic politics (with a second coder's agreement), who decides in Beijing, the recommendations rebuilt into a hierarchy without the inserted list, and the published warhead estimates as context."

CELLS = [
("md", """# 02 · The Sino-US argument

**The report.** Tong Zhao, *Political Drivers of China's Changing Nuclear Policy: Implications for U.S.-China Nuclear
Relations and International Security*, Carnegie Endowment for International Peace, July 2024 (`carnegie2024`).

**What we have, and what we do not.** Our copy is a **machine translation** scraped from a Chinese report
aggregator. It holds the front matter, the introduction (with the summary of recommendations) and the first
paragraphs of chapter 1, then breaks off mid-sentence. Chapters 2 to 4 and the notes are missing. This notebook
analyses the excerpt only: where it reports what later chapters argue, it is the introduction's summary of them, and
its Chinese wording is the translation engine's, not the author's (notebook 00 lists the translation defects).

**Questions.** How is the report built and what does the excerpt cover? What vocabulary does the argument rest on?
Does the report see technical threats or politics behind China's nuclear expansion? Who decides in Beijing? What does
it recommend, to whom? How do its statements sit beside the published warhead estimates?"""),
("code", """import helpers
from helpers import audit
from helpers.publish import plotting
from helpers.study import sino_us as su
from helpers.study.layer import load_study

helpers.setup()""", "setup"),
("code", """study = load_study()"""),
("md", """## Summary of findings

- **Scope.** The excerpt is the front matter, the introduction and the start of chapter 1 of a report whose table of
  contents goes on to three more chapters, the notes and back matter; the contents page itself is garbled, and is
  reconstructed below with its uncertainties.
- **Vocabulary.** The argument turns on a split meaning of 战略稳定 "strategic stability": for Western and many Chinese
  experts it is mutual nuclear vulnerability; for China's political leaders it is the stability of the political
  relationship (carnegie2024-0035 「但中国政治领袖从未接受西方对战略稳定的定义」). The report therefore says
  **political stability** for the leaders' sense and **nuclear stability** (arms-race plus crisis stability) for the
  experts' sense.
- **Drivers.** The introduction weighs two explanations of the expansion, a response to new US military threats and
  a more ambitious security agenda (carnegie2024-0050 「抑或是由一种寻求改变的安全议程驱动的观点存在分歧」), finds both
  incomplete, and answers with domestic political dynamics (carnegie2024-0054
  「当前中国核政策的转变主要源于政治考量的变化」). In its own voice the report names domestic politics most. Threat enters in
  two forms: in the chapter summaries as the leadership's perception of a worsening, even existential, relationship
  (carnegie2024-0067 「进一步巩固了中国领导层对于生存威胁的看法」), and at the opening of chapter 1 as US capabilities that
  the author grants did affect China's thinking, just before the excerpt breaks off. An independent second coder
  agreed closely (kappa with its interval in section 3).
- **Who decides.** Xi and the PLA gain, traditional nuclear-policy experts are marginalised in a more closed system.
- **Recommendations.** Top-level recommendations and their sub-points, rebuilt from flattened bullets: most to both
  capitals, the others to Washington or to Beijing. A numbered list inserted under the Beijing recommendation is not
  the report's and is not counted.
- **Context.** The published estimates of China's warheads (SIPRI, FAS, US DoD; different measures kept apart)
  show the expansion the report explains: SIPRI's total inventory was flat from 2021 to 2022 and then grew each
  year; the DoD's 2030 projection rose once, from about 400 to over 1,000, and then stayed at "over 1,000" in two
  later reports. Several figures were published after the report and are set apart. The excerpt itself gives no
  numbers.
- **Scope of every finding.** The excerpt is the introduction of a report of about 123 pages and the first lines of
  chapter 1: what it says of chapters 1 to 4 is the author's own summary of them, not their argument.

The counts behind these findings:"""),
("code", """su.summary_counts(study)"""),
("md", """## 1. What is the report and how is it built?

The excerpt's table of contents is garbled by the translation: `TABLEOFCONTENTS` followed by entries such as 致谢七
(the roman page number *vii* translated as the word "seven") and chapter titles cut to their last word (政治 "politics",
关系 "relationship"). Printed entries:"""),
("code", """su.toc_entries(study)"""),
("md", """The reconstruction (`data/coding/carnegie_toc.csv`) gives each entry its page, an English title and how certain
that title is, with the evidence it rests on: the heading in the excerpt where there is one, otherwise the
introduction's description of the chapter. `covered` says how much of each part the excerpt holds."""),
("code", """toc = su.toc_view()
toc.drop(columns="page_start")"""),
("code", """plotting.coverage_chart(toc, "报告结构 The report's parts and what the excerpt covers")"""),
("md", """The last part's length is unknown (the excerpt does not say where the report ends), so the chart ends where the
contents end, at page 123, with a hatched stub. Note that the introduction *summarises* chapters 1 to 3 and the recommendations, so the excerpt
reports their conclusions without their arguments."""),
("md", """How the excerpt's own text is distributed over its sections, in characters after cleaning:"""),
("code", """su.coverage(study)"""),
("md", """## 2. What vocabulary does the argument rest on?

**Finding.** The report separates two meanings of 战略稳定 "strategic stability" and gives each its own name: the
narrow, classic Western meaning becomes 核稳定 "nuclear stability" (carnegie2024-0041 「报告中使用“核稳定”这一术语」), the Chinese leaders' broad
meaning becomes 政治稳定性 "political stability" (carnegie2024-0039
「它采用“政治稳定性”来描述」). The table gives each term, its English label and
how the text defines or uses it (`concepts.csv`)."""),
("code", """su.concepts_view()"""),
("md", """Where the stability terms occur in the excerpt (one tick per sentence; dashed line: chapter 1 starts). The
definitions cluster at the start of the introduction; political stability returns in the summary of chapter 3."""),
("code", """labels = {"strategic_stability": "战略稳定 strategic stability", "political_stability": "政治稳定性 political stability",
          "nuclear_stability": "核稳定 nuclear stability", "arms_race_stability": "军备竞赛稳定性 arms-race stability",
          "crisis_stability": "危机稳定性 crisis stability", "mutual_vulnerability": "相互脆弱性 mutual vulnerability",
          "second_strike": "二次打击能力 second strike"}
hits, starts = audit.dispersion(study, "carnegie2024", list(labels))
plotting.dispersion_plot(hits, starts, labels, audit.body_length(study, "carnegie2024"),
                         "稳定概念的分布 Where the stability vocabulary appears")"""),
("md", """## 3. What drives the change in China's nuclear policy?

The introduction sets two explanations against each other: China's expansion as "a response to perceived new
military threats (such as US missile defence and conventional precision weapons)", or as driven by "a security agenda
that seeks change" (carnegie2024-0050 「是否是对感知到的新军事威胁（如美国的导弹防御系统和常规精确武器）的回应」). It finds
both incomplete (carnegie2024-0053 「这两种观点都无法完全捕捉到推动中国核扩张的复杂内部动态」) and answers with domestic
politics. The coding follows that argument. It can be read against the standard frame for why states build nuclear
weapons, Scott Sagan's three models (security, domestic politics, norms; *International Security* 21(3), 1996/97),
by analogy only, since Sagan explains acquiring nuclear weapons and the report the expansion of an arsenal:

- `threat_response` (Sagan's security model): the change answers threats China perceives, military-technical or a
  relationship seen as hostile;
- `ambition` (the report's "more ambitious agenda", largely outside Sagan's typology): a more aggressive strategy,
  shaping how the US sees the balance of power, nuclear strength for political ends;
- `domestic_politics`: the leader's views and power, decision-making, the roles of the military and of experts;
- `other`: the sentence names no cause of the change (terminology, method, dialogue, recommendations).

One row per sentence and driver, so a sentence that names insecurity *and* ambition counts under both; `stance` says
whether the explanation is the report's own or a view it reports in order to weigh it (`drivers.csv`; the criterion
and what does not count are in `docs/codebook.md`). The inserted list is left out."""),
("md", """**Finding.** In the report's own voice, domestic politics is the driver it names most, concentrated in its
summaries of chapters 1 and 2 (carnegie2024-0070 「中国的传统核政策专家在更加封闭和保密的政策制定体系中逐渐边缘化」).
Threat enters in two forms. In the chapter summaries it is perception: Xi's expectation of worse relations and the
leadership's view of an existential threat (carnegie2024-0067). At the opening of chapter 1 it is US capabilities:
the conventional view (carnegie2024-0107 「传统观点」), which the author then partly grants (carnegie2024-0108
「确实影响了中国的思考」) and details; the excerpt breaks off at 但这些操作层 "but these operational…" (carnegie2024-0113),
just where the chapter turns from them, so the excerpt cannot show how far he discounts them. Ambition appears in the
report's voice twice, beside insecurity (carnegie2024-0068 「不安全感与雄心共同推动了」) and as using nuclear strength to
obtain political stability (carnegie2024-0076). Most sentences name no driver at all."""),
("code", """su.drivers_by_segment(study)"""),
("md", """The same count for the report's own voice only (without the views it reports in order to weigh them). A fragment
that the translation split off a sentence counts only for a driver its host lacks:"""),
("code", """su.drivers_by_segment(study, stance="report")"""),
("md", """The sentences that carry a driver:"""),
("code", """drivers = su.drivers_view(study)
drivers[drivers["driver"] != "other"][["sentence_id", "segment", "driver", "stance", "note", "text"]]"""),
("md", """**Reliability.** The drivers were coded a second time by an independent reader who saw only the codebook and the
sentences. Agreement per sentence (the set of drivers), and per driver (present or absent), with Cohen's kappa and
its 95 % interval (paragraphs resampled); the row *without codebook examples* leaves out the sentences the codebook
used as examples, which the first coder wrote and which settle some hard cases for the second. Read the per-driver
rows with the number of sentences each coder gave the driver: a kappa of 1.0 on four ambition sentences says little.
The two disagreements and their adjudication (by the first coder; there was no third reader) follow."""),
("code", """from helpers.study import reliability

table = reliability.reliability_table(study.tables["sentences"])
table[table["table"].str.startswith("carnegie_drivers")]"""),
("code", """reliability.driver_positives(study.tables["sentences"])"""),
("code", """adjudication = reliability.adjudication()
adjudication[adjudication["table"] == "carnegie_drivers"]"""),
("md", """**A baseline, not reliability.** A cue-phrase coder (`data/coding/driver_cues.csv`: 政治, 领导人, 习近平 … as
domestic politics; 导弹防御, 拦截器, 二次打击 … as threat response; it has no cues for ambition) codes the same sentences.
Its agreement with the hand coding shows what word lists miss: sentences about terminology or the report's method
contain 政治 "political" without naming a driver, and threat perception is expressed without technical words. The
cues were written with these texts in view, so the agreement is an upper bound for new texts."""),
("code", """su.driver_agreement(study)"""),
("code", """sets = su.driver_sets(study)
sets[sets["drivers"] != sets["baseline"]][["sentence_id", "drivers", "baseline", "text"]]"""),
("md", """## 4. Who decides?

**Finding.** Power over nuclear policy has moved up and to the military: Xi Jinping raised the political importance
of nuclear weapons and lifted his predecessors' limits on the military's nuclear modernisation (carnegie2024-0071
「习近平推翻了前任领导人对军队核现代化的限制」); the PLA, shielded by that endorsement, decides at the operational level
(carnegie2024-0072); the traditional nuclear-policy experts are marginalised (carnegie2024-0070). Much of this is the
introduction's summary of chapter 2, which the excerpt does not hold."""),
("code", """actors = su.actors_view()
actors"""),
("code", """plotting.coded_table_chart(actors, "actor_zh", "actor", "shift",
    "谁来决策 Who decides: domestic actors and their shifting roles",
    {"earlier": "早期 earlier", "constant": "不变 constant", "loses": "减弱 loses", "gains": "增强 gains"}, width=None)"""),
("md", """## 5. What does the report recommend, and to whom?

The summary of recommendations reaches us as a flat run of bullets (•). Rebuilt into a hierarchy
(`recommendations.csv`): a bullet with a colon-headed title is a top-level recommendation; the bullets after
具体来说，华盛顿应该： "specifically, Washington should:" (carnegie2024-0086) and 具体而言，北京应： "specifically,
Beijing should:" (carnegie2024-0091) are its sub-points. The addressee is the capital the bullet names."""),
("code", """recommendations = su.recommendations_view()
recommendations"""),
("md", """The seven top-level recommendations by addressee (sub-points elaborate their parent and are not counted apart):"""),
("code", """top = recommendations[recommendations["level"] == "recommendation"]
top.groupby("addressee")["rec_id"].agg(["count", ", ".join])"""),
("md", """**Not a recommendation.** Between the Beijing lead-in 具体而言，北京应： (carnegie2024-0091) and its bulleted sub-points
(carnegie2024-0100 to carnegie2024-0102) the text carries a numbered list. The structure shows it does not belong: the
Washington recommendation has the same lead-in followed directly by three bullets (carnegie2024-0086 to
carnegie2024-0089), the report uses bullets, not numbers, throughout, and most of the list's items are about civil
nuclear energy (safety management, peaceful uses, energy governance), which the report never discusses; the rest are
generic. The quality audit flags it (notebook 00) and it is left out of the table above:"""),
("code", """su.excluded_passages(study)"""),
("md", """## 6. Context from sourced facts: warhead estimates

The report speaks of China's nuclear expansion without figures in the excerpt:"""),
("code", """audit.evidence(study, list(su.buildup_statements()["sentence_id"]))"""),
("md", """The chart below sets the published estimates beside the report's date of publication (a dotted line; the date
comes from the reference events):"""),
("code", """published, published_year, published_source = su.publication()
published, published_source"""),
("md", """The estimates come from `data/reference/warhead_estimates.csv`. Different **measures** are different quantities and are kept
on separate lines: total inventory (SIPRI, FAS), military stockpile, operational and deployed warheads; US DoD
projections are separate points, because each comes from a different annual report. DoD figures are published as
bounds ("more than 400"): ▲ marks a lower bound, ▼ an upper bound, ◆ an approximate value. A line joins only
estimates for consecutive years; hollow markers are estimates published after the report (July 2024), which it could
not have used. The excerpt's own statements, quoted above, give no numbers, so the chart does not place them on it.
Sources follow the chart."""),
("code", """estimates = su.warheads()
plotting.warhead_chart(estimates, published_year, f"report {published}",
                       "核弹头估计 Published warhead estimates, China and the United States")"""),
("md", """Every estimate with its measure, the report it comes from (for DoD figures) and its sources. `source_kind` classes the
best source of each row (`data/annotations/source_domains.csv`): *primary* (SIPRI, FAS, a government), *research or
NGO*, *news*, or *secondary or aggregator* (re-posting sites, wikis), which must be checked against the primary
source before a figure is cited:"""),
("code", """estimates[["year", "country", "estimate", "measure", "measure_kind", "bound", "report", "publisher",
           "source_kind", "source_url"]]"""),
("code", """estimates.groupby(["country", "source_kind"]).size()"""),
("md", """**Reading.** Year-on-year changes are computed only within a series of point estimates, never across measures
and never from bounds: "more than 500" minus "more than 400" is not 100, because both are only floors."""),
("code", """su.changes(estimates)"""),
("md", """The DoD's bounded figures and projections, report by report, with what each says relative to the previous report's
figure for the same year (a bound can be the same, higher or lower than an earlier bound, nothing more):"""),
("code", """su.bounds(estimates)"""),
("md", """What the estimates show: SIPRI's estimate of China's total inventory was flat from 2021 to 2022 and grew in each
year after; the DoD's floor for operational warheads rose in each report; its projection for 2030 rose once, from
"at least double the low-200s" to "at least 1,000", and then stayed at "over 1,000" in the two later reports in the
table: a plateau, not a forecast that keeps rising. US totals in SIPRI's series fell in most years from a far higher
level. The rows published after the report appeared (July 2024) could not inform it:"""),
("code", """estimates[estimates["after_report"]][["year", "country", "estimate", "measure_kind", "publisher", "released"]]"""),
("md", """Many rows rest on news reports or re-posting sites rather than on SIPRI's or the Pentagon's own publications (table
above); one DoD row even cites a news page on an unrelated subject beside its main source, so check the primary
source before citing a figure:"""),
("code", """estimates[estimates["source_url"].str.contains("timesofisrael")][["year", "estimate", "measure", "source_url"]]"""),
("md", """## 7. Timeline

Dated events in the excerpt (hand-coded, `events.csv`), and events the excerpt refers to without a date, dated from the
sourced reference events (the SM-3 Block IIA test of carnegie2024-0110, the "strong system of strategic deterrence"
goal of carnegie2024-0045).
峰会将近三年之后 "nearly three years after the summit" (carnegie2024-0029) is a relative date and is coded as
approximately 2024."""),
("code", """plotting.timeline_chart(su.timeline(), "时间线 Events the Carnegie excerpt refers to", start=2018.5)"""),
("md", """Each event is drawn once: where the text dates an event itself (the INF withdrawal "in 2019"), the reference gives
its exact date beside it:"""),
("code", """timeline = su.timeline()
timeline[timeline["reference_date"] != ""][["date", "reference_date", "event"]]"""),
("code", """su.reference_events().drop(columns="year")"""),
]
