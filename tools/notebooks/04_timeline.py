# %% [markdown]
# # 04 · Timeline: every time expression resolved against the dateline
#
# **Purpose.** Reconstruct when things happened. News writes time relative to the day it is published ("yesterday’s attack", "last night", "this morning", "today") and mixes in background history ("the 1992-94 war", "the 2020 ceasefire agreement", "in November 2022"). Each expression is resolved to a TIMEX3-style value with its granularity and the rule that resolved it; durations ("in just one day") are durations, not dates, and vague expressions ("in recent months") keep no value.
#
# **Input.** The article of the parameters cell (by default the seed in `seeds/`, whose sidecar gives the dateline 2023-09-20). A leading `date` header is the dateline itself and is blanked before searching. Without a dateline, relative expressions cannot be resolved and stay without a value.
#
# **Output.** A table of every time expression with its value, a check against a hand annotation where one exists, the date each sentence inherits (used by the events and figures), and a timeline chart of the story's days with the background dates on a second, compressed axis.

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line
# The hand annotation of time expressions, and the article it annotates.
annotation = "../tests/annotations/seed_dates.csv"
annotated_article = "../seeds/000_bf20561892d8202b.txt"

# %%
from pathlib import Path

import pandas as pd

import karabakh as kb
from karabakh.extract.dates import article_dates, sentence_dates
from karabakh.output.plots import plot_timeline

article = kb.read_article(article_path, dateline=dateline)
dates = article_dates(article)
print("dateline:", article.dateline, "| time expressions found:", len(dates))

# %% [markdown]
# ## Every time expression, resolved
#
# `value` is the TIMEX3-style value (ISO 8601 dates such as `2023-09-19`, months `2022-11`, intervals `1992/1994`, durations `P1D`; a part of day carries a suffix: `TMO` morning, `TAF` afternoon, `TEV` evening, `TNI` night, also given as a word in `part_of_day`). `anchor` is the date it was resolved from (the dateline for relative expressions, empty for absolute ones); `attributive` marks a date that modifies a noun ("the 2020 war") rather than dating the clause. The chart below writes the values in words.

# %%
table = kb.to_frame(dates)[
    ["start", "end", "text", "value", "granularity", "kind", "rule", "anchor", "part_of_day",
     "mod", "attributive"]
]
kb.plots.styled_table(table)

# %% [markdown]
# The rules handle the usual traps: a possessive **yesterday’s** (curly apostrophe) resolves like *yesterday*; **last night** is the night before the dateline, not the night after it; **1992-94** is an interval, not the year 1992; **just one day** is a duration (`P1D`, modifier `EQUAL_OR_LESS`), never a date; **recent months** is vague (no value) rather than an invented interval.
#
# ## Checked against the hand annotation
#
# Where the article has a hand annotation (span, value, granularity, kind of every expression), recall, precision and value accuracy are computed here, as in `tests/test_dates.py`. For your own article, annotate it as `docs/annotation.md` says and `make eval` gives the same table.

# %%
if annotation and Path(article_path).resolve() == Path(annotated_article).resolve():
    gold = pd.read_csv(annotation, comment="#", keep_default_na=False)
    found = table.assign(value=table["value"].fillna(""))
    merged = gold.merge(found, on=["start", "end"], how="outer", suffixes=("_gold", "_found"),
                        indicator=True)
    matched = merged[merged["_merge"] == "both"]
    correct = matched[
        (matched["value_gold"] == matched["value_found"])
        & (matched["granularity_gold"] == matched["granularity_found"])
        & (matched["kind_gold"] == matched["kind_found"])
    ]
    check = pd.Series({
        "annotated": len(gold),
        "found": len(found),
        "recall": len(matched) / max(len(gold), 1),
        "precision": len(matched) / max(len(found), 1),
        "value accuracy": len(correct) / max(len(matched), 1),
    })
else:
    check = "no hand annotation of this article"
check

# %% [markdown]
# ## The date each sentence inherits
#
# Events and figures are dated by their sentence: a sentence's own day-level date wins (`explicit`); else an adverbial coarser date ("was blocked in November 2022", `explicit-coarse`); else the narrative date carried from an earlier sentence of the same paragraph (`carried`); else the dateline. Background years and ranges never carry forward, and attributive ones ("the 2020 war") do not date their sentence at all.

# %%
sentences = kb.split_sentences(article.text)
by_sentence = kb.to_frame(sentence_dates(sentences, dates, article.dateline))
kb.plots.styled_table(by_sentence[["sentence", "value", "rule", "narrative", "text"]], width="50em")

# %%
by_sentence["rule"].value_counts().rename("sentences").to_frame()

# %% [markdown]
# ## Timeline
#
# Top: the story's own time, one row per time expression in text order, drawn over the stretch of time it covers (a night runs 21:00–05:00) and labelled with the date in words and an excerpt of its sentence (the expression in brackets); the dateline's day is shaded. Bottom: the background dates on a compressed axis in years. Shades of grey give the granularity (legend); expressions that have no place on a time axis are listed under the chart.

# %%
fig = plot_timeline(dates, sentences, article.dateline,
                    title=f"Time expressions of {Path(article_path).name}, "
                          f"resolved against {article.dateline or 'no dateline'}")

# %%
placed = [d for d in dates if d.kind == "date" and kb.timex_span(d.value) is not None]
days = sorted({d.value[:10] for d in placed if d.granularity in {"day", "part_of_day"}})
print(f"{len(dates)} time expressions: {len(placed)} placed on the timeline, "
      f"{len(dates) - len(placed)} durations, sets, vague or unresolved.")
print("days of the story:", ", ".join(days) or "none")
print("sentence dates by rule:", dict(by_sentence["rule"].value_counts()))

# %% [markdown]
# ## Summary
#
# Every time expression is a span with a value resolved against the dateline, or a duration, a set or a vague expression that keeps no invented value; the lines above give the days this article's story covers. Background dates (earlier wars, agreements, blockades) are drawn apart and never date the sentences that follow them.
#
# **Next:** the human cost: [05 · Human cost](05_human_cost.ipynb).
