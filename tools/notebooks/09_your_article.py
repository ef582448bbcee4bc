# %% [markdown]
# # 09 · Your article: the whole pipeline in one place, and what the dictionaries did not know
#
# **Purpose.** Run every extractor on one article of your own in one notebook, see the results side by side, and get the to-do list for the data files: unknown names with a guessed type, unresolved speakers, unresolved dates and figures of category "other", each with its span, with the names that look like actors exported as rows for `karabakh/data/actors.csv`.
#
# **Input.** The article of the parameters cell: set `article_path` and `dateline` below (or run `make report ARTICLE=path DATELINE=YYYY-MM-DD`); by default the seed in `seeds/`. **Output.** Counts per extractor, the quotes with their speakers, the dated figures, the to-do list, and CSV rows to check and paste.

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line

# %%
import karabakh as kb

article = kb.read_article(article_path, dateline=dateline)
analysis = kb.analyze(article)
if article.dateline is None:
    print("No dateline: relative dates (yesterday, on Monday) stay unresolved; set `dateline`.")
counts = {key: len(value) for key, value in analysis.to_dict().items() if isinstance(value, list)}
print(f"{article.id}: dateline {article.dateline}, {article.n_words} words")
print(counts)

# %% [markdown]
# ## Everything at once
#
# One table per extractor, as `analysis.to_frames()` gives them; each row is a span of the verbatim text. Here: who is quoted, and the figures.

# %%
kb.plots.styled_table(kb.quotes_table(analysis.quotes)[["speaker", "side", "kind", "cue", "content", "problem"]],
                      width="40em")

# %%
kb.plots.styled_table(kb.to_frame(analysis.figures)[["start", "end", "text", "category", "low", "high",
                                                     "qualifier", "source_id", "date"]])

# %%
fig = kb.plots.plot_mentions_by_side(analysis.mentions)

# %% [markdown]
# ## The to-do list for the data files
#
# `kb.todo_list(analysis)` gathers what the dictionaries could not resolve, in text order: capitalised names that no dictionary knows (with a type guessed from the context: a title or apposition suggests a person, a head noun such as *Ministry* or *Fund* a body, a preposition of place a place), quotes whose speaker has words but no actor id, time expressions left without a value, and figures whose category is "other". Each keeps its span, so you can look at the words in the article.

# %%
items = kb.todo_list(analysis)
todo = kb.to_frame(items)
print(todo["item"].value_counts().to_dict() if len(todo) else "nothing to do")
kb.plots.styled_table(todo, width="40em") if len(todo) else None

# %% [markdown]
# ## Rows to paste into `karabakh/data/actors.csv`
#
# Names and speakers guessed to be a person or a body become rows in the columns of `actors.csv`: check the name, fill in `side` (and a `role` with its dates for an office holder), replace the `source` with a public reference, and append the rows below the file's header. Places are not exported: a place needs coordinates (`places.csv`, see `karabakh/data/README.md`). `tests/test_todo.py` checks that such rows load into the actor dictionary.

# %%
rows = kb.todo.actor_rows(items, article.id)
print(kb.todo.rows_csv(rows) if rows else "no names to add")

# %% [markdown]
# ## Summary
#
# One article, every extractor, and a list of what to teach the dictionaries, each item with its span: add the rows, rerun this notebook, and the names move from the to-do list into the tables above. To know how far to trust each extractor on your own material, annotate the article (`docs/annotation.md`) and run `make eval`.
#
# **Next:** how far to trust each extractor: [10 · Evaluation](10_evaluation.ipynb); then many articles at once: [11 · Corpus mode](11_corpus.ipynb).
