# %% [markdown]
# # 05 · Human cost: casualty and displacement figures
#
# **Purpose.** Find every count of people (and of places and things) in the article with `karabakh.extract.casualties.find_figures` and keep what a researcher needs to weigh it: the **category** (killed, injured, evacuated, displaced, missing, detained, or other), the **range** (`low`, `high`), the **hedge** ("at least", "around", "some"), the **group** counted (children, soldiers ...), the **subset** link ("including two children"), the **source** (a quote's speaker, "according to X", "X said"), the **date** and any **trend** ("the death toll could rise"). The human cost is the most quoted and most disputed part of a conflict report.
#
# **Input:** the article of the parameters cell (by default the seed in `seeds/`); actor mentions (`karabakh.text.actors`), quotes (`karabakh.extract.quotes`) and dates (`karabakh.extract.dates`) feed the sources and dates. **Output:** a table of the figures, each with the date of its sentence, and a chart of each figure as a range, grouped by category and coloured by the side of its source.

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line

# %%
import karabakh as kb
from karabakh.output.plots import plot_figure_ranges

article = kb.read_article(article_path, dateline=dateline)
# analyze() tags mentions, quotes and dates first and passes them to find_figures,
# which uses them for sources (who said it) and dates (when).
analysis = kb.analyze(article)
figures = analysis.figures
assert all(article.text[f.start : f.end] == f.text for f in figures)
len(figures)

# %% [markdown]
# ## The figures
#
# One row per figure. `low`/`high` are the stated bounds: "at least 32" keeps 32 as `low` and leaves `high` empty (ACLED's practice for hedged counts: code the lowest figure, keep the hedge); "around 7 thousand" is 7000–7000 with the hedge in `qualifier`; "some soldiers" has no number at all, so both bounds are empty. `part_of` is the `start` offset of the enclosing figure. `source_id` is empty when the source is not a known actor; `source_text` then still shows the words ("initial estimates").
#
# **Dates.** `date` is filled by the extractor only when the figure's own sentence names a day. Notebook 04 dates every sentence (its own date, else the one the narrative carries, else the dateline), so the table adds that as `sentence_date` with the rule that gave it: a figure is then dated even when its sentence is not.
#
# **"Dozens".** ACLED's codebook, which this notebook follows for hedged figures, codes a vague plural at its unit: "dozens" as 12, "hundreds" as 100. The library keeps the literal lower bound instead ("dozens" means at least two dozen: `low` 24, qualifier `dozens of`), so that the hedge is never lost and `low` is never below what the words say. Both readings are shown: `acled_low` is ACLED's, computed from the same word list (`karabakh/data/figure_words.csv`).

# %%
sentence_date = {d.sentence: d for d in kb.sentence_dates(analysis.sentences, analysis.dates,
                                                          article.dateline)}
sentence_of = {f.start: next((s.index for s in analysis.sentences if s.start <= f.start < s.end), None)
               for f in figures}
units = {qualifier: unit for unit, qualifier in kb.figure_words().magnitudes.values()}
table = kb.to_frame(figures)[
    ["start", "end", "text", "category", "low", "high", "qualifier", "group", "part_of",
     "source_id", "source_text", "trend", "date"]
].astype({"low": "Int64", "high": "Int64", "part_of": "Int64"})
table["sentence_date"] = [
    sentence_date[sentence_of[s]].value if sentence_of[s] in sentence_date else None
    for s in table["start"]
]
table["date_rule"] = [
    sentence_date[sentence_of[s]].rule if sentence_of[s] in sentence_date else None
    for s in table["start"]
]
table["acled_low"] = [units.get(q, low) for q, low in zip(table["qualifier"], table["low"], strict=True)]
table = table.astype({"acled_low": "Int64"})
kb.plots.styled_table(table)

# %% [markdown]
# ## Each figure as a range
#
# Rows are grouped by category; each row gives the words, then the source. A dot is an exact number, a diamond an approximation, a bar with end caps a range. An open end ("at least", "more than") is a tick at the bound with the bound written above it ("≥ 32") and a short dotted arrow that gives the direction only: the true number is somewhere beyond, not at the arrow's tip. Figures with no number ("some", a bare "soldiers were killed", a trend) are not placed on the axis: their row says "no number given". The colour is the side of the source (grey: an unnamed source or the article itself), as in every notebook.

# %%
fig = plot_figure_ranges(figures)

# %% [markdown]
# ## The hedges on sentences of our own
#
# The same rules on sentences written for this notebook (not from any article), to show how ranges, vague plurals and upper bounds come out.

# %%
examples = (
    "Between 20 and 30 fighters were captured near the river. "
    "Dozens of soldiers were wounded, the ministry said. "
    "Up to 50 peacekeepers may have been hurt. "
    "Nearly 2,000 refugees crossed into Armenia on Sunday."
)
own = kb.to_frame(kb.find_figures(examples, mentions=[]))[
    ["text", "category", "low", "high", "qualifier", "group"]
].astype({"low": "Int64", "high": "Int64"})
own["acled_low"] = [units.get(q, low) for q, low in zip(own["qualifier"], own["low"], strict=True)]
kb.plots.styled_table(own)

# %%
counted = table[table["low"].notna() | table["high"].notna()]
print(f"{len(table)} figures: {len(counted)} with a number, {len(table) - len(counted)} without.")
print("by category:", dict(table["category"].value_counts()))
print("exact counts:", int((table["qualifier"] == "exact").sum()),
      "| attributed to a known actor:", int(table["source_id"].notna().sum()),
      "| sources:", ", ".join(sorted(set(table["source_id"].dropna()))) or "none")

# %% [markdown]
# ## Summing up
#
# Every figure keeps its words, bounds, hedge, group, source and date; a figure without a number is recorded as such, never given an invented one. The lines above count this article's figures by category and say how many are exact and how many are attributed to a party: a reader can see at once which counts rest on a named source and which on the article's own words.
#
# **Next:** the whole pipeline on your own article, with the to-do list for the dictionaries: [09 · Your article](09_your_article.ipynb).
