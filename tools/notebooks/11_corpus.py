# %% [markdown]
# # 11 · Corpus mode: a week of coverage at once
#
# A researcher's material is rarely one article: a week of coverage from many outlets is
# thousands of articles. This notebook runs `kb.analyze_corpus` over a corpus and asks of
# it the questions one asks of a corpus: who is quoted most on each side, how the
# casualty figures evolve by day and by source, and (once those extractors exist)
# events per day and actors' positions over time.
#
# **Input**: 200 articles generated from the project's own sentence templates
# (`kb.write_templates`: real actors and places, invented wording and numbers, no news
# text), written as `.txt` files with JSON sidecars, as a scraper would leave them.
# **Output**: one Parquet table per extractor, plus `articles` and `failures`, in a
# temporary folder. The same call takes a CSV, JSON Lines or Parquet table of articles,
# and runs on a Dask cluster with `scheduler="tcp://host:8786"`.

# %%
import tempfile
from pathlib import Path

import pandas as pd

import karabakh as kb
from karabakh.output import plots

work = Path(tempfile.mkdtemp(prefix="karabakh-corpus-"))
source = kb.write_templates(work / "articles", 200, seed=11)
print(kb.read_article(source / "gen-000001.txt").text)

# %% [markdown]
# ## The run
#
# Every article goes through `kb.analyze()` on two worker processes, in batches of 50;
# each batch is written as soon as it is done (one Parquet file per table), so memory
# stays flat however large the corpus. From the command line the same run is
# `python -m karabakh corpus articles/ --out out/ --processes 2`.

# %%
out = work / "out"
run = kb.analyze_corpus(source, out=out, processes=2, progress=False)
print(run)

# %% [markdown]
# A run that is interrupted is resumed by running it again: finished articles are
# skipped. A broken file does not stop the run either: here two files are added to the
# folder, a new article and one whose bytes are not UTF-8. The second run analyses only
# the new article and records the broken file in `failures` (and on standard error).

# %%
(source / "extra-000002.txt").write_bytes(b"\xff\xfe broken")
(source / "extra-000001.txt").write_text(next(kb.generate_articles(1, seed=99)).text,
                                          encoding="utf-8")
again = kb.analyze_corpus(source, out=out, processes=1, progress=False)
(again.n_done, again.n_failed, again.n_skipped), kb.read_corpus(out, "failures")

# %% [markdown]
# ## The tables
#
# Each table is a folder of Parquet files and reads in one line with pandas
# (`pd.read_parquet(out / "quotes")`) or DuckDB
# (`duckdb.sql("SELECT * FROM 'out/quotes/*.parquet'")`). `kb.read_corpus` does the same
# and spreads the sidecar metadata (here the outlet) into columns of `articles`.

# %%
articles = kb.read_corpus(out, "articles")
quotes = pd.read_parquet(out / "quotes")
figures = kb.read_corpus(out, "figures")
print({name: len(kb.read_corpus(out, name)) for name in run.tables})
articles.head()

# %% [markdown]
# ## Who is quoted most, per side
#
# The speaker's side comes from the actor dictionary (`kb.actor_info`). Quotes whose
# speaker is not resolved are left out of the chart, and counted below: they are not
# dropped from the table.

# %%
quotes["side"] = [
    kb.actor_info(s).side if isinstance(s, str) and kb.actor_info(s) else None
    for s in quotes["speaker_id"]
]
print(f"{quotes['speaker_id'].isna().sum()} of {len(quotes)} quotes have no resolved speaker")
quotes.groupby(["side", "speaker_id"]).size().sort_values(ascending=False).groupby(
    level=0
).head(2).to_frame("quotes")

# %%
fig = plots.plot_corpus_speakers(quotes, top=5)

# %% [markdown]
# ## Casualty figures by day and by source
#
# Each figure is dated by its own day-level date when the sentence has one, else by the
# article's dateline. The lower bound (`low`) is the number the text states ("at least
# 32" gives 32). Sources are the actor the figure is attributed to, or the words naming
# an unknown source, or the outlet itself.

# %%
killed = figures[figures["category"] == "killed"]
killed.merge(articles[["id", "outlet"]], left_on="article_id", right_on="id").groupby(
    "outlet"
)["low"].describe()[["count", "min", "50%", "max"]]

# %%
fig = plots.plot_corpus_figures(figures, articles, category="killed", by="outlet")

# %% [markdown]
# ## Events per day and positions over time
#
# Corpus mode writes every record list `analyze()` returns, so the coded events (CAMEO
# root codes) and the actors' statements (`actor_id`, `concept_id`, `agreement` +1/-1)
# are tables like the others. Events are dated by their own day-level date, else the
# dateline; a run whose `analyze()` has no such table prints so and charts "no records".
# The generated articles give each side one stance, so the positions here are flat by
# construction: the chart shows the method, not a finding.

# %%
events = kb.read_corpus(out, "events")
if events.empty:
    print("no events table in this run: analyze() does not return events yet")
by = next((c for c in ("root_code", "plover_type", "code") if c in events.columns), None)
fig = plots.plot_corpus_counts_by_day(events, articles, by=by, title="Events per day")

# %%
statements = kb.read_corpus(out, "statements")
if statements.empty:
    print("no statements table in this run: analyze() does not return statements yet")
fig = plots.plot_corpus_positions(statements, articles, actor="actor_id", value="agreement")

# %% [markdown]
# ## Summing up
#
# `kb.analyze_corpus` takes a folder of article files or a table of articles and writes
# one tidy Parquet table per extractor, keyed by `article_id`, with every record's
# character span, plus `articles` (dateline, counts, time per article, metadata) and
# `failures` (the file and the error). It runs on every local core, or on a Dask cluster
# through the same code path, in batches, so memory stays flat, and a second run resumes
# where the first stopped. On this generated corpus the questions a researcher asks of a
# week of coverage become short pandas expressions: who is quoted on each side, how the
# stated death tolls differ between outlets and sources and move from day to day, how
# many events of each kind are reported per day, where each actor stands. The
# corpus is invented, so the numbers here say nothing about the real events: run the
# same cells on your own articles.
#
# This is the last notebook of the series.
