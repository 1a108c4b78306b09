"""The audit of a user's corpus: the tables and the sentences of its pages, computed from the corpus.

``python -m helpers audit`` builds notebooks (:mod:`helpers.publish.audit_notebook`) whose cells
call the functions here.  Each ``…_text`` function returns Markdown that describes *this* corpus
with numbers computed from its tables (how many documents, what cleaning removed, the worst
quality problems …); the other functions return the small tables shown beside that prose.
Nothing here knows the study's texts: it works on the generic tables of any corpus
(:func:`helpers.audit.load_study` without a layer).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .. import audit
from ..audit import Study
from ..methods import analysis
from ..text.quality import SEVERITIES

#: What each cleaning action does, in words (the log's ``action`` column).
ACTIONS: dict[str, str] = {
    "remove_boilerplate": "lines removed as web-page clutter",
    "remove_translation": "English lines of a parallel translation removed",
    "strip_note_marker": "note markers and note numbers taken out of the text",
    "convert_script": "runs of Traditional characters converted to Simplified",
    "join_line": "line breaks inside a paragraph joined",
    "join_page_break": "sentences joined across a page or note break",
    "remove_space": "stray spaces removed",
    "normalise_space": "unusual space characters normalised",
    "normalise_width": "punctuation, letters or digits set to the usual width",
    "normalise_line_end": "line ends normalised",
    "strip_markup": "left-over markup (HTML tags, Markdown emphasis) removed",
    "break_line": "line breaks restored where spaces or HTML tags stood for them",
}
#: Entity categories in the order the pages list them.
CATEGORY_ORDER: tuple[str, ...] = ("country", "person", "organisation", "treaty", "weapon", "concept")


# --------------------------------------------------------------------------- #
# Formatting
# --------------------------------------------------------------------------- #
def md(text: object) -> str:
    """*text* escaped for Markdown (a quotation may hold ``*``, ``_``, ``<`` or ``|``)."""
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", str(text)).replace("\n", " ")


def code(text: object) -> str:
    """*text* as inline code (shown as it is, no escapes)."""
    return "`" + str(text).replace("`", "'").replace("\n", " ") + "`"


def doc(doc_id: str) -> str:
    """A doc_id as it appears in the prose (bold)."""
    return f"**{md(doc_id)}**"


def number(n: int | float) -> str:
    """A count with thousands separators."""
    return f"{n:,}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``3 sentences``, ``1 sentence``."""
    return f"{number(n)} {one if n == 1 else (many or one + 's')}"


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def listing_more(items: Iterable[str], shown: int) -> str:
    """The first *shown* items listed, and how many more there are (``a, b, c and 4 more``)."""
    items = list(items)
    if len(items) <= shown:
        return listing(items)
    return ", ".join(items[:shown]) + f" and {number(len(items) - shown)} more"


def quote(text: str, limit: int = 40) -> str:
    """A short Chinese quotation in corner brackets, cut at *limit* characters."""
    text = str(text).replace("\n", " ")
    return "「" + md(text if len(text) <= limit else text[:limit] + "…") + "」"


def _doc_ids(study: Study) -> list[str]:
    return list(study.tables["documents"]["doc_id"])


# --------------------------------------------------------------------------- #
# Summary
# --------------------------------------------------------------------------- #
def summary_line(study: Study) -> str:
    """One line: documents, sentences, cleaning edits and quality problems (the index page shows it)."""
    docs = study.tables["documents"]
    sentences = study.tables["sentences"]
    edits = _edits(study)
    problems = audit.problem_passages(study.tables["quality_flags"], study.starts)
    worst = problems["severity"].value_counts()
    severe = [f"{number(int(worst[s]))} {s}" for s in SEVERITIES[:2] if worst.get(s, 0)]
    trust = f" ({listing(severe)})" if severe else " (none meaning-changing or naming)" if len(problems) else ""
    return (f"{plural(len(docs), 'document')} ({listing(md(d) for d in docs['doc_id'])}), "
            f"{plural(len(sentences), 'sentence')}, {plural(len(edits), 'cleaning edit')}, "
            f"{plural(len(problems), 'quality problem')}{trust}.")


def pair_summary_line(study: Study, doc_a: str, doc_b: str) -> str:
    """One line on the comparison of two documents (the index page shows it)."""
    table = distinctive_words(study, doc_a, doc_b, top=None)
    a = int((table["z"] > 1.96).sum())
    b = int((table["z"] < -1.96).sum())
    shared = entities_compared(study, doc_a, doc_b)
    both = int((shared["named_in"] == "both").sum())
    return (f"{md(doc_a)} against {md(doc_b)}: {plural(a, 'word')} distinctive of {md(doc_a)} and {number(b)} of "
            f"{md(doc_b)} (|z| > 1.96), {plural(both, 'entity', 'entities')} named in both.")


# --------------------------------------------------------------------------- #
# 1. Documents
# --------------------------------------------------------------------------- #
def documents_view(study: Study) -> pd.DataFrame:
    """One row per document: provenance (the manifest's columns that are filled) and size."""
    docs = study.tables["documents"]
    provenance = [c for c in ("title", "authors", "publisher", "date", "original_language", "translation",
                              "source_url") if docs[c].astype(str).str.strip().ne("").any()]
    view = docs[["doc_id", *provenance, "encoding", "script", "n_chars_raw", "n_sentences", "n_body_sentences",
                 "n_sections", "n_notes", "truncated"]]
    return view.rename(columns={"n_chars_raw": "characters", "n_sentences": "sentences",
                                "n_body_sentences": "body sentences", "n_sections": "sections", "n_notes": "notes"})


def documents_text(study: Study) -> str:
    """The documents in words: size, encoding, script, truncation and what the manifest leaves out."""
    docs = study.tables["documents"]
    log = study.tables["cleaning_log"]
    sentences = study.tables["sentences"]
    body = sentences[(sentences["part"] == "body") & (sentences["kind"] == "sentence")]
    lines = [f"The corpus holds **{plural(len(docs), 'document')}** with **{plural(len(sentences), 'sentence')}**"
             f" ({number(len(body))} of running text in the body) and {plural(int(docs['n_chars_raw'].sum()), 'character')}"
             " of raw text.", ""]
    for row in docs.itertuples():
        facts = [f"{plural(int(row.n_chars_raw), 'character')}, {plural(int(row.n_sentences), 'sentence')} "
                 f"({number(int(row.n_body_sentences))} in the body), {plural(int(row.n_notes), 'note')}"]
        encoding = str(row.encoding)
        facts.append("read as UTF-8" if encoding.lower() in ("utf-8", "utf8") else f"decoded as {md(encoding.upper())}")
        if str(row.script).startswith("traditional"):
            runs = int(((log["doc_id"] == row.doc_id) & (log["action"] == "convert_script")).sum())
            facts.append(f"**written in Traditional Chinese and converted to Simplified** ({plural(runs, 'run')} of "
                         "characters; offsets still point into the original)")
        elif str(row.script) and str(row.script) != "simplified":
            facts.append(f"script: {md(row.script)}")
        if bool(row.truncated):
            last = body[body["doc_id"] == row.doc_id]["text"]
            ending = f", its last sentence being {quote(last.iloc[-1][-30:], 30)}" if len(last) else ""
            facts.append(f"**appears to be cut off**: the body does not end with a full stop{ending}")
        title = f", {quote(row.title)}" if str(row.title).strip() else ""
        lines.append(f"- {doc(row.doc_id)}{title}: " + "; ".join(facts) + ".")
    missing = [d for d in docs.itertuples()
               if not any(str(getattr(d, c)).strip() for c in ("authors", "publisher", "date", "source_url"))]
    if missing:
        lines += ["", f"The manifest names no author, publisher, date or address for "
                      f"{listing(doc(d.doc_id) for d in missing)}. Add them as columns of `manifest.csv` (`authors`, "
                      "`publisher`, `date`, `source_url`) so that every quotation can be cited with its source."]
    unsummed = int((log["action"].eq("decode") & log["reason"].str.startswith("no sha256")).sum())
    if unsummed:
        lines += ["", f"{plural(unsummed, 'document')} {'has' if unsummed == 1 else 'have'} no checksum (`sha256`) in the "
                      "manifest; the checksum computed from the file is in the cleaning log (action `decode`). Copy it "
                      "into the manifest, and a file that changes later will be refused instead of silently giving "
                      "other numbers."]
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# 2. Cleaning
# --------------------------------------------------------------------------- #
def _edits(study: Study) -> pd.DataFrame:
    """The cleaning log without the notes on decoding (which edit nothing)."""
    log = study.tables["cleaning_log"]
    return log[log["action"] != "decode"]


def cleaning_counts(study: Study) -> pd.DataFrame:
    """Edits by action and reason (rows, most frequent first) and document (columns)."""
    edits = _edits(study)
    docs = _doc_ids(study)
    if edits.empty:
        return pd.DataFrame(columns=["action", "reason", *docs, "total"])
    table = (edits.groupby(["action", "reason", "doc_id"]).size().unstack(fill_value=0)
             .reindex(columns=docs, fill_value=0).rename_axis(columns=None))
    table["total"] = table.sum(axis=1)
    return table.reset_index().sort_values(["total", "action", "reason"], ascending=[False, True, True],
                                           kind="stable").reset_index(drop=True)


def cleaning_text(study: Study) -> str:
    """What cleaning removed or changed, in words: counts by action, the most frequent reasons."""
    edits = _edits(study)
    if edits.empty:
        return "Cleaning changed nothing in these texts: the cleaning log holds no edit."
    by_action = edits.groupby("action").size().sort_values(ascending=False)
    parts = []
    for action, count in by_action.items():
        reasons = edits[edits["action"] == action]["reason"].value_counts()
        what = ACTIONS.get(action) or str(reasons.index[0])  # an action without a description: its reason
        often = ""
        if len(reasons) > 1 and int(reasons.iloc[0]) > 1:
            often = f"; most often {md(reasons.index[0])} ({number(int(reasons.iloc[0]))})"
        docs = edits[edits["action"] == action]["doc_id"].value_counts()
        where = listing(f"{md(d)} {number(int(n))}" for d, n in docs.items())
        parts.append(f"- {what[0].upper() + what[1:]} ({code(action)}): **{number(int(count))}** ({where}){often}")
    per_doc = edits["doc_id"].value_counts().reindex(_doc_ids(study), fill_value=0)
    untouched = [d for d, n in per_doc.items() if n == 0]
    lines = [f"Cleaning made **{plural(len(edits), 'logged edit')}** in {plural(int((per_doc > 0).sum()), 'document')}:",
             "", *parts]
    if untouched:
        lines += ["", f"Nothing was edited in {listing(doc(d) for d in untouched)}."]
    removed = edits[edits["action"].isin(["remove_boilerplate", "remove_translation"])]
    if len(removed):
        chars = int((removed["raw_end"].astype(int) - removed["raw_start"].astype(int)).sum())
        lines += ["", f"Removing lines took out {plural(chars, 'character')} of raw text. Read the examples below: a "
                      "removed line that was in fact part of the text is a cleaning error to report."]
    return "\n".join(lines)


def cleaning_examples(study: Study, per_action: int = 2) -> pd.DataFrame:
    """A few examples of each cleaning action: the raw text with the edited span in ⟦ ⟧, and the cleaned
    sentence that now holds its place (:func:`helpers.audit.before_after`)."""
    frames = []
    for action in _edits(study)["action"].value_counts().index:
        examples = audit.before_after(study, action, limit=per_action)
        if len(examples):
            frames.append(examples.assign(action=action))
    if not frames:
        return pd.DataFrame(columns=["action", "doc_id", "reason", "raw (edited span in ⟦ ⟧)", "sentence_id", "cleaned"])
    table = pd.concat(frames, ignore_index=True)
    return table[["action", *[c for c in table.columns if c != "action"]]]


# --------------------------------------------------------------------------- #
# 3. Structure
# --------------------------------------------------------------------------- #
def sections_table(study: Study) -> pd.DataFrame:
    """The sections: document, part, heading and number of sentences."""
    return study.tables["sections"][["doc_id", "section_id", "part", "heading", "n_sentences"]]


def structure_text(study: Study) -> str:
    """How each document is built: its parts, headed sections and notes."""
    sections = study.tables["sections"]
    sentences = study.tables["sentences"]
    notes = study.tables["footnotes"]
    lines = []
    for doc_id in _doc_ids(study):
        own = sections[sections["doc_id"] == doc_id]
        parts = own.groupby("part", sort=False)["n_sentences"].sum()
        parts_text = listing(f"{p} {plural(int(n), 'sentence')}" for p, n in parts.items())
        headings = [h for h in own["heading"] if str(h).strip()]
        if headings:
            heads = f"{plural(len(headings), 'heading')} ({listing_more([quote(h, 20) for h in headings], 4)})"
        else:
            heads = "no heading found, so the body is one section"
        own_notes = notes[notes["doc_id"] == doc_id]
        note_text = ""
        if len(own_notes):
            linked = int(own_notes["marker_sentence_id"].astype(str).str.strip().ne("").sum())
            note_text = f"; {plural(len(own_notes), 'note')}, {number(linked)} linked to a marker in the text"
        metadata = int(((sentences["doc_id"] == doc_id) & (sentences["kind"] == "metadata")).sum())
        meta_text = f"; {plural(metadata, 'metadata line')} (keywords, abstract, affiliations) in the front" \
            if metadata else ""
        lines.append(f"- {doc(doc_id)}: {parts_text}; {heads}{note_text}{meta_text}.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# 4. Quality
# --------------------------------------------------------------------------- #
def quality_text(study: Study, worst: int = 5) -> str:
    """The quality flags in words: flags, problems by severity, the most frequent kinds, the worst problems."""
    flags = study.tables["quality_flags"]
    if flags.empty:
        return ("The rule-based audit raised no flag on these texts. That is not proof that they are sound: the rules "
                "find what can be seen in the text (clutter, cut-off text, stray markup, note markers), not a wrong "
                "translation or a wrong fact.")
    problems = audit.problem_passages(flags, study.starts)
    by_severity = problems["severity"].value_counts()
    severities = listing(f"{number(int(by_severity.get(s, 0)))} {s}" for s in SEVERITIES)
    kinds = flags["kind"].value_counts()
    kind_text = listing(f"{code(k)} ({number(int(n))})" for k, n in kinds.head(5).items())
    lines = [f"The rule-based audit raised **{plural(len(flags), 'flag')}**, which make "
             f"**{plural(len(problems), 'problem')}**: {severities}. The most frequent kinds are {kind_text}."]
    trust = audit.trust_summary(study)
    affected = trust.groupby("doc_id", sort=False).agg(body=("body_sentences", "first"),
                                                       hit=("body_sentences_affected", "sum"))
    touched = [f"{md(d)} {number(int(r.hit))} of {number(int(r.body))}" for d, r in affected.iterrows() if r.hit]
    if touched:
        lines.append(f"Body sentences with a problem: {listing(touched)}.")
    else:
        lines.append("No sentence of running text in a body carries a flag: the problems are in lines that cleaning "
                     "removed or in the front and back matter.")
    ranked = problems.assign(rank=problems["severity"].map(SEVERITIES.index)).sort_values("rank", kind="stable")
    lines += ["", f"The {'worst problem' if min(worst, len(ranked)) == 1 else 'worst problems'}, most severe first "
                  "(at most two of a kind):", ""]
    shown: dict[str, int] = {}
    picked = []
    for row in ranked.itertuples():  # the worst first, at most two of a kind, so that different problems show
        if len(picked) < worst and shown.get(row.kinds, 0) < 2:
            shown[row.kinds] = shown.get(row.kinds, 0) + 1
            picked.append(row)
    for row in picked:
        where = f"sentence {md(row.passage)}" if row.passage else "a removed or missing line"
        lines.append(f"- {row.severity}, {md(row.kinds)} in {doc(row.doc_id)}, {where}: {quote(row.evidence, 50)}")
    if len(ranked) > len(picked):
        lines.append(f"- … and {number(len(ranked) - len(picked))} more in the table below.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# 5. Vocabulary
# --------------------------------------------------------------------------- #
def _content(study: Study) -> pd.DataFrame:
    return analysis.content_tokens(study.tables["tokens"], study.tables["sentences"])


def top_words(study: Study, top: int = 15) -> pd.DataFrame:
    """The most frequent content words of each document (body text; no stopwords, punctuation or numbers):
    one column per document, each cell ``word count``."""
    freq = analysis.frequencies(_content(study))
    columns = {}
    for doc_id in _doc_ids(study):
        own = freq[freq["doc_id"] == doc_id].head(top)
        columns[doc_id] = [f"{t} {c}" for t, c in zip(own["token"], own["count"])]
    size = max([len(v) for v in columns.values()] + [0])
    table = pd.DataFrame({d: v + [""] * (size - len(v)) for d, v in columns.items()})
    table.index = pd.RangeIndex(1, size + 1, name="rank")
    return table


def vocabulary_text(study: Study, top: int = 5) -> str:
    """The most frequent content words of each document, in words."""
    content = _content(study)
    if content.empty:
        return "The bodies of these texts hold no content word to count."
    freq = analysis.frequencies(content)
    lines = [f"The bodies hold {plural(len(content), 'content word')} ({plural(content['token'].nunique(), 'distinct word')})"
             " once stopwords, punctuation and numbers are set aside. The most frequent in each document:", ""]
    for doc_id in _doc_ids(study):
        own = freq[freq["doc_id"] == doc_id]
        words = listing(f"{md(t)} ({number(int(c))})" for t, c in zip(own["token"].head(top), own["count"].head(top)))
        lines.append(f"- {doc(doc_id)}: {words or 'no content word in the body'}")
    word = top_word(study)
    if word:
        lines += ["", f"The concordance below shows every use of the corpus's most frequent content word, {md(word)}, in "
                      "its sentence."]
    return "\n".join(lines)


def top_word(study: Study) -> str:
    """The most frequent content word of the whole corpus (``""`` if there is none)."""
    content = _content(study)
    if content.empty:
        return ""
    counts = content["token"].value_counts()
    return str(sorted(counts.index, key=lambda w: (-counts[w], w))[0])


def concordance(study: Study, word: str | None = None, limit: int = 20) -> pd.DataFrame:
    """A keyword-in-context concordance of *word* (default: :func:`top_word`), sorted by the right context."""
    word = word if word is not None else top_word(study)
    table = analysis.kwic(study.tables["tokens"], study.tables["sentences"], word, sort="right")
    return table.head(limit)


# --------------------------------------------------------------------------- #
# 6. Entities
# --------------------------------------------------------------------------- #
def entity_counts(study: Study) -> pd.DataFrame:
    """Mentions of lexicon entities by category (rows) and document (columns)."""
    mentions = audit.linked(study.tables["mentions"])
    docs = _doc_ids(study)
    if mentions.empty:
        return pd.DataFrame(columns=docs).rename_axis(index="category")
    table = mentions.groupby(["category", "doc_id"]).size().unstack(fill_value=0).reindex(columns=docs, fill_value=0)
    order = [c for c in CATEGORY_ORDER if c in table.index] + sorted(set(table.index) - set(CATEGORY_ORDER))
    return table.reindex(order).rename_axis(columns=None)


def entity_table(study: Study, top: int = 25) -> pd.DataFrame:
    """The most mentioned entities: label, category, the surface forms found, and mentions per document."""
    mentions = audit.linked(study.tables["mentions"])
    docs = _doc_ids(study)
    columns = ["entity", "label_en", "category", "forms", *docs, "mentions"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    per = mentions.groupby(["entity", "doc_id"]).size().unstack(fill_value=0).reindex(columns=docs, fill_value=0)
    info = mentions.groupby("entity").agg(label_en=("label_en", "first"), category=("category", "first"),
                                          forms=("surface", lambda s: "、".join(dict.fromkeys(s))))
    table = info.join(per).assign(mentions=per.sum(axis=1)).reset_index()
    table = table.sort_values(["mentions", "entity"], ascending=[False, True]).head(top)
    return table[columns].reset_index(drop=True)


def unlinked_names(study: Study) -> pd.DataFrame:
    """Names found in the text that the lexicon does not know (mentions with ``form == "unlinked"``), with
    counts per document (an empty table when there are none)."""
    mentions = study.tables["mentions"]
    names = mentions[mentions["form"] == "unlinked"]
    docs = _doc_ids(study)
    if names.empty:
        return pd.DataFrame(columns=["surface", "category", "example", *docs, "mentions"])
    per = names.groupby(["surface", "doc_id"]).size().unstack(fill_value=0).reindex(columns=docs, fill_value=0)
    info = names.groupby("surface").agg(category=("category", "first"), example=("sentence_id", "first"))
    table = info.join(per).assign(mentions=per.sum(axis=1)).reset_index()
    return table.sort_values(["mentions", "surface"], ascending=[False, True]).reset_index(drop=True)


def entities_text(study: Study, top: int = 5) -> str:
    """The entities in words: mentions by category, the most named, and names the lexicon does not know."""
    mentions = audit.linked(study.tables["mentions"])
    if mentions.empty:
        lines = ["The lexicon recognised no entity in these texts."]
    else:
        categories = mentions["category"].value_counts()
        cats = listing(f"{number(int(n))} {md(c)}" for c, n in categories.items())
        table = entity_table(study, top)
        named = listing(f"{md(r.label_en or r.entity)} ({number(int(r.mentions))})" for r in table.itertuples())
        lines = [f"The lexicon recognised **{plural(len(mentions), 'mention')}** of "
                 f"**{plural(mentions['entity'].nunique(), 'entity', 'entities')}** ({cats} mentions). "
                 f"The most named: {named}."]
        per_doc = mentions.groupby("doc_id")["entity"].nunique().reindex(_doc_ids(study), fill_value=0)
        none = [d for d, n in per_doc.items() if n == 0]
        if none:
            lines.append(f"No entity was found in {listing(doc(d) for d in none)}.")
    unknown = unlinked_names(study)
    if unknown.empty:
        lines += ["", "Every name found is in the lexicon: no unlinked name."]
    else:
        shown = listing(md(s) for s in unknown["surface"].head(top))
        lines += ["", f"**{plural(len(unknown), 'string')}** that look like names are not in the lexicon (form "
                      f"`unlinked`), most often {shown}. They are listed below; a name that matters to your "
                      "question should be added to the lexicon so that its mentions are counted and linked."]
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# 7. Term candidates
# --------------------------------------------------------------------------- #
def term_candidates(study: Study, top: int = 30) -> pd.DataFrame:
    """Strings that recur in the corpus but that the segmenter splits (candidates for the user dictionary;
    :func:`helpers.methods.newwords.term_candidates`)."""
    from ..methods.newwords import term_candidates as discover

    return discover(study.tables, top=top)


def terms_text(study: Study, corpus: Path | str, top: int = 30) -> str:
    """The term candidates in words, and how to add terms to the corpus's user dictionary."""
    path = Path(corpus) / "user_dict.txt"
    how = (f"To keep a term whole, add it to {code(path)} (beside `manifest.csv`), one term a line, optionally "
           "followed by a tab and a frequency; `#` starts a comment. Then run the export or the audit again: the "
           "tokens, frequencies and keyness are counted with it.")
    if path.is_file():
        terms = [line for line in path.read_text(encoding="utf-8-sig").splitlines()
                 if line.strip() and not line.lstrip().startswith("#")]
        how += f" The corpus's user dictionary already lists {plural(len(terms), 'term')}, used for this audit."
    candidates = term_candidates(study, top)
    if candidates.empty:
        return "No string recurs often enough, and holds together well enough, to be proposed as a term. " + how
    first = candidates.iloc[0]
    split = f", which the segmenter now cuts as {md(first['split_as'])}"
    lines = [f"**{plural(len(candidates), 'candidate term')}**: strings that recur in the corpus and hold together, "
             "but that the segmenter splits into several tokens (`split_as`). Check each in its example sentence: a "
             "real term (a name, a technical expression) belongs in the user dictionary; a phrase that merely recurs "
             f"does not. The first is {md(first['term'])}{split}.", "", how, "",
             "In Python, the terms you accept can be appended to the file (kept if it exists):", "",
             "```python",
             "from helpers.methods.newwords import write_user_dictionary",
             f"write_user_dictionary([{str(first['term'])!r}], {str(path)!r})",
             "```"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# Comparison of two documents
# --------------------------------------------------------------------------- #
def pair_view(study: Study, doc_a: str, doc_b: str) -> pd.DataFrame:
    """The two documents side by side: size, script and content words."""
    docs = documents_view(study).set_index("doc_id").loc[[doc_a, doc_b]]
    content = _content(study)
    docs["content words"] = [int((content["doc_id"] == d).sum()) for d in (doc_a, doc_b)]
    docs["distinct content words"] = [content.loc[content["doc_id"] == d, "token"].nunique() for d in (doc_a, doc_b)]
    return docs.T


def distinctive_words(study: Study, doc_a: str, doc_b: str, top: int | None = 15,
                      strength: float = 100.0) -> pd.DataFrame:
    """Keyness of every content word of the two bodies (:func:`helpers.methods.analysis.keyness`), sorted by
    the log-odds z (most distinctive of *doc_a* first).  With *top*, the *top* words at each end."""
    table = analysis.keyness(_content(study), doc_a, doc_b, strength=strength)
    table = table.sort_values(["z", "token"], ascending=[False, True], kind="stable").reset_index(drop=True)
    if top is not None and len(table) > 2 * top:
        table = pd.concat([table.head(top), table.tail(top)], ignore_index=True)
    return table[["token", "count_a", "count_b", "rate_a", "rate_b", "z", "log_ratio", "g2", "q"]].rename(
        columns={"count_a": f"count {doc_a}", "count_b": f"count {doc_b}", "rate_a": f"per 1000 {doc_a}",
                 "rate_b": f"per 1000 {doc_b}"})


def keyness_text(study: Study, doc_a: str, doc_b: str) -> str:
    """What keyness finds for the two documents, in words, with the caution the text sizes call for."""
    content = _content(study)
    n_a, n_b = int((content["doc_id"] == doc_a).sum()), int((content["doc_id"] == doc_b).sum())
    if not n_a or not n_b:
        empty = doc(doc_a) if not n_a else doc(doc_b)
        return f"{empty} has no content word in its body, so there is nothing to compare."
    table = distinctive_words(study, doc_a, doc_b, top=None)
    a, b = table[table["z"] > 1.96], table[table["z"] < -1.96]
    q = int((table["q"] < 0.05).sum())
    lines = [f"The bodies hold {plural(n_a, 'content word')} in {doc(doc_a)} and {number(n_b)} in {doc(doc_b)}, "
             f"{plural(len(table), 'distinct word')} in all. With the log-odds measure, "
             f"**{plural(len(a), 'word')}** {'is' if len(a) == 1 else 'are'} distinctive of {doc(doc_a)} and "
             f"**{number(len(b))}** of {doc(doc_b)} (|z| > 1.96)."]
    if len(a):
        lines.append(f"Most distinctive of {doc(doc_a)}: {listing(md(t) for t in a['token'].head(5))}.")
    if len(b):
        lines.append(f"Most distinctive of {doc(doc_b)}: {listing(md(t) for t in b['token'][::-1].head(5))}.")
    lines.append(f"After correcting for testing {plural(len(table), 'word')} at once, "
                 f"{plural(q, 'word')} {'keeps' if q == 1 else 'keep'} a false-discovery-adjusted q below 0.05 by G².")
    if not len(a) and not len(b):
        lines.append("No word passes the threshold: at this length a difference in one word's rate cannot be told "
                     "apart from chance. The table still ranks the words by z; read it as leads to check in the "
                     "texts, not as findings.")
    elif min(n_a, n_b) < 2000:
        lines.append(f"The shorter body has only {plural(min(n_a, n_b), 'content word')}: treat the list as leads "
                     "and check each word in its sentences (the concordance below) before citing it.")
    return " ".join(lines)


def keyness_concordance(study: Study, doc_a: str, doc_b: str, limit: int = 10) -> pd.DataFrame:
    """Concordances of the most distinctive word of each document, in both documents."""
    table = distinctive_words(study, doc_a, doc_b, top=None)
    if table.empty:
        return pd.DataFrame(columns=analysis.KWIC_COLUMNS)
    words = list(dict.fromkeys([table["token"].iloc[0], table["token"].iloc[-1]]))
    tokens = study.tables["tokens"]
    tokens = tokens[tokens["doc_id"].isin([doc_a, doc_b])]
    frames = [analysis.kwic(tokens, study.tables["sentences"], w, sort="right").head(limit) for w in words]
    return pd.concat(frames, ignore_index=True)


def entities_compared(study: Study, doc_a: str, doc_b: str) -> pd.DataFrame:
    """Entities of the two documents: mentions in each and where they are named (both, or one only)."""
    mentions = audit.linked(study.tables["mentions"])
    mentions = mentions[mentions["doc_id"].isin([doc_a, doc_b])]
    columns = ["entity", "label_en", "category", doc_a, doc_b, "named_in"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    per = mentions.groupby(["entity", "doc_id"]).size().unstack(fill_value=0).reindex(columns=[doc_a, doc_b],
                                                                                        fill_value=0)
    info = mentions.groupby("entity").agg(label_en=("label_en", "first"), category=("category", "first"))
    table = info.join(per).reset_index()
    table["named_in"] = ["both" if x and y else f"{doc_a} only" if x else f"{doc_b} only"
                         for x, y in zip(table[doc_a], table[doc_b])]
    order = {"both": 0, f"{doc_a} only": 1, f"{doc_b} only": 2}
    table = table.assign(o=table["named_in"].map(order), n=table[doc_a] + table[doc_b])
    table = table.sort_values(["o", "n", "entity"], ascending=[True, False, True]).drop(columns=["o", "n"])
    return table[columns].reset_index(drop=True)


def entities_compared_text(study: Study, doc_a: str, doc_b: str, top: int = 6) -> str:
    """Shared and distinctive entities of the two documents, in words."""
    table = entities_compared(study, doc_a, doc_b)
    if table.empty:
        return f"The lexicon found no entity in {doc(doc_a)} or {doc(doc_b)}."

    def names(rows: pd.DataFrame) -> str:
        return listing_more([md(r.label_en or r.entity) for r in rows.itertuples()], top)

    both = table[table["named_in"] == "both"]
    only_a = table[table["named_in"] == f"{doc_a} only"]
    only_b = table[table["named_in"] == f"{doc_b} only"]
    lines = [f"- Named in both: {plural(len(both), 'entity', 'entities')}" + (f" ({names(both)})" if len(both) else ""),
             f"- Only in {doc(doc_a)}: {plural(len(only_a), 'entity', 'entities')}"
             + (f" ({names(only_a)})" if len(only_a) else ""),
             f"- Only in {doc(doc_b)}: {plural(len(only_b), 'entity', 'entities')}"
             + (f" ({names(only_b)})" if len(only_b) else "")]
    return "\n".join(lines)


def comparison_intro(doc_a: str, doc_b: str, chosen: bool) -> str:
    """Which two documents the page compares, and why these two."""
    why = ("chosen with `--compare`" if chosen else
           "the first two documents of the manifest, since no pair was chosen; run the audit with "
           "`--compare A B` to compare two others")
    return f"This page compares {doc(doc_a)} (A) with {doc(doc_b)} (B): {why}."
