# %% [markdown]
# # 03 · Quotes: who says what
#
# **Purpose.** Extract every quotation and reported claim of the article with `karabakh.extract.quotes.extract_quotes` and attribute each to an actor of the dictionary (`karabakh/data/actors.csv`), or to nobody when the text does not say who spoke (never a guess).
#
# **Input:** the article of the parameters cell (by default the seed in `seeds/`).
# **Output:** a table of quotes (speaker, side, kind, cue, content, and any problem met), counts by kind, and a chart of who is quoted, how much and how, by side.
#
# Three kinds: **direct** (a quotation standing as its own sentence: `“...,” she said`), **partial** (a quoted fragment inside the writer's sentence: `defined the offensive as “an ethnic cleansing operation”`) and **indirect** (reported speech without marks: `Armenia claims that ...`, `according to the separatists, ...`). In the charts the kinds are shades of grey (darkest: direct) and colour is the side of the speaker, as in every notebook.

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line

# %%
import karabakh as kb

article = kb.read_article(article_path, dateline=dateline)
analysis = kb.analyze(article)  # mentions first, then quotes with speakers resolved to them
quotes = analysis.quotes
table = kb.quotes_table(quotes)
len(quotes)

# %% [markdown]
# ## How much of each kind
#
# News copy often mixes its quote marks (« closed by ”, a quotation whose closing mark is missing before the attribution); the extractor pairs them without changing the text, so every offset still indexes `article.text`, and says what it repaired in `problem`.

# %%
table["kind"].value_counts().rename("quotes").to_frame()

# %% [markdown]
# ## The quotes, in reading order
#
# `speaker` is the actor's canonical name; a speaker in brackets is the phrase the text uses when it names no actor of the dictionary. `speaker_rule` says how the speaker was found: a name in the cue clause, a pronoun (*he*, *she*), a description (*the ministry*, *the politician*), the quotation just before, or a cue coordinated with an earlier one. The content is shown whole.

# %%
kb.plots.styled_table(table[["speaker", "side", "kind", "cue", "speaker_rule", "content"]], width="44em")

# %% [markdown]
# ## Who is quoted, how much, how
#
# Left: words of content per speaker, split by kind. Right: number of quotes and claims per side of the speaker. Speaker and side labels are in the colour of the side.

# %%
fig = kb.plots.plot_quotes_by_side(quotes)

# %% [markdown]
# ## What could not be resolved
#
# A `problem` says why a speaker is `None`, or what was repaired in the quote marks. Unnamed sources ("initial estimates", "all analysts") stay unattributed.

# %%
kb.plots.styled_table(table.loc[table["problem"].notna(), ["speaker", "kind", "content", "problem"]],
                      width="44em")

# %% [markdown]
# ## Speakers by side, in words
#
# The same numbers as the chart, as a table: who gets the most words, and in which form.

# %%
by_side = (
    table.assign(side=table["side"].fillna("(unattributed)"))
    .pivot_table(index="side", columns="kind", values="words", aggfunc="sum", fill_value=0)
    .assign(total=lambda t: t.sum(axis=1))
    .sort_values("total", ascending=False)
)
by_side

# %%
kinds = table["kind"].value_counts()
unattributed = int(table["speaker_id"].isna().sum())
top = table[table["speaker_id"].notna()].groupby("speaker")["words"].sum().nlargest(3)
print(f"{len(table)} quotes and claims: " + ", ".join(f"{n} {k}" for k, n in kinds.items())
      + f"; {unattributed} without a speaker id.")
print("most words:", "; ".join(f"{s} ({n})" for s, n in top.items()) or "nobody")

# %% [markdown]
# ## Summing up
#
# Every quotation and claim is a span with its content, cue and speaker; a speaker the text does not name, or names in words the dictionary does not know, stays `None` with the words kept, and `problem` says why. The lines above count the kinds and name who gets the most words in this article; the table by side shows whether a side speaks in its own words (direct) or through the writer's (partial, indirect).
#
# **Next:** the timeline of the events: [04 · Timeline](04_timeline.ipynb).
