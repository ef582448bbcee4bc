# %% [markdown]
# # 10 · Evaluation: how far to trust each extractor
#
# **Purpose.** Before you quote a number from these notebooks in a paper, know how often each
# extractor is right. This notebook scores every extractor against hand annotations: the seed
# article (annotated by the team in `tests/annotations/seed_*.csv`) and the team's own harder
# paragraphs (`tests/harder/*.txt`, invented in the styles of wire copy, regional outlets and
# international organisations, annotated in `tests/annotations/harder_*.csv`). The harder set is
# the honest measure: the rules were not written for its sentences.
#
# **Inputs.** Articles and annotation files, set in the next cell (papermill parameters: point
# them at your own annotated articles). **Outputs.** Precision, recall and F1 per extractor,
# the accuracy of each field on the records that were found, and every miss, false alarm and
# wrong field with its span. The annotation guidelines are in `docs/annotation.md`; the same
# table comes from `make eval` in a terminal.

# %% tags=["parameters"]
# Parameters (papermill): the article to score, its dateline, and where its annotation is.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's sidecar or header
annotations = "../tests/annotations"  # folder of <prefix>_<extractor>.csv files
prefix = "seed"
harder = "../tests/harder"  # the team's harder paragraphs, annotated as <annotations>/harder_*.csv

# %%
from pathlib import Path

import pandas as pd
from IPython.display import display

import karabakh as kb
from karabakh.output import evaluate as ev
from karabakh.output.plots import plot_scores, styled_table

analyses = [kb.analyze(kb.read_article(article_path, dateline=dateline))]
files = ev.annotation_files(annotations, prefix)
scores = ev.evaluate_articles(analyses, files)
seed_table = ev.scores_frame(scores)
if not files:
    print(f"no {prefix}_<extractor>.csv in {annotations!r}: annotate the article to score it "
          "(docs/annotation.md); the team's harder paragraphs are still scored below")
seed_table

# %% [markdown]
# ## Every error, with its words
#
# A miss is an annotated record the extractor did not find; a false alarm a record it found that
# the annotation does not hold; a wrong field a record found with one field different. The span
# (`start`, `end`) points into the article, so each row can be checked against the text.

# %%
errors = pd.concat([s.errors().assign(extractor=s.name) for s in scores], ignore_index=True)
if errors.empty:
    print("no errors")
else:
    cols = [c for c in ["extractor", "error", "start", "end", "text", "content", "expected", "got"]
            if c in errors.columns]
    display(styled_table(errors[cols].astype(str)))

# %% [markdown]
# ## The team's harder paragraphs
#
# The same scoring on the paragraphs the team wrote to test the rules on the way news is written
# rather than on the seed's sentences. An annotation file here may cover several paragraphs
# (its `article` column); each extractor is scored on the paragraphs its file covers.

# %%
harder_paths = sorted(Path(harder).glob("*.txt")) if harder else []
tables = {Path(article_path).stem: seed_table} if files else {}
if harder_paths and ev.annotation_files(annotations, "harder"):
    harder_analyses = [kb.analyze(p) for p in harder_paths]
    harder_scores = ev.evaluate_articles(harder_analyses, ev.annotation_files(annotations, "harder"))
    tables["team's harder paragraphs"] = ev.scores_frame(harder_scores)
    display(tables["team's harder paragraphs"])
else:
    print(f"no harder set found under {harder!r}")

# %%
fig = plot_scores(tables, title="Precision, recall and F1 per extractor (matched / annotated)")

# %% [markdown]
# ## Scoring your own articles
#
# Annotate an article as `docs/annotation.md` describes (one CSV file per extractor, named
# `<prefix>_<extractor>.csv`), then run this notebook with its parameters
# (`article_path`, `dateline`, `annotations`, `prefix`) pointing at it, or in a terminal:
#
# ```bash
# python -m karabakh.output.evaluate my/*.txt --annotations my/annotations --prefix mine --errors
# ```
#
# Quote annotations made with or for BBC R&D's Citron quote extractor (its JSON format, also used
# to share PARC-style annotations) are read by `ev.read_citron(path)` and scored on spans,
# speaker words and cue. Here the seed's quotes go out to that format and back:

# %%
citron = ev.to_citron(analyses[0].article.text, analyses[0].quotes)
rows = ev.read_citron(citron)
print(ev.score_extractor("quotes", analyses[0].quotes, rows, fields=("speaker_text", "cue")))

# %%
for name, table in tables.items():
    if table.empty:
        continue
    worst = table.sort_values("f1").iloc[0]
    print(f"{name}: {len(table)} extractors scored; lowest F1 {worst['f1']:.2f} ({worst['extractor']})")

# %% [markdown]
# ## Summary
#
# The tables above are the measure to cite: the seed's scores show what the rules do on the text
# they were developed with, the harder set what they do on new writing. Read the error list
# before trusting a field: a speaker right 9 times out of 10 still means one quote in ten is
# given to the wrong actor.
#
# **Next:** [11 · Corpus](11_corpus.ipynb), the same extractors over many articles at once.
