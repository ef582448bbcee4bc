# ruff: noqa: B015  (a notebook source: imports after the parameters cell, tables shown as bare expressions)
# %% [markdown]
# # 08 · Positions: who holds what on each disputed question
#
# Discourse network analysis (Leifeld's Discourse Network Analyzer, DNA) codes each
# statement in a text as **(actor, concept, agreement)**: who speaks, on which disputed
# question, agreeing (+1) or rejecting (−1). The coded statements give an actor × concept
# matrix, an actor–concept network and networks of actors who agree or disagree. DNA is
# coded by hand; here `kb.find_statements` derives the statements from the quotations and
# claims of the earlier notebooks, keeps the words each one rests on, and lets you correct
# the coding.
#
# **Input**: the seed article (or your own, with `make report ARTICLE=...`). **Output**:
# the statements with their evidence, each actor's positions, the networks (GraphML for
# visone or Gephi, and a DNA-style statement table), four charts, and the same charts after
# a researcher's corrections.

# %% tags=["parameters"]
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None

# %%
import tempfile
from pathlib import Path

import pandas as pd

import karabakh as kb
from karabakh.output import plots

article = kb.read_article(article_path, dateline=dateline)
analysis = kb.analyze(article)
statements = analysis.statements
print(f"{len(analysis.quotes)} quotations and claims -> {len(statements)} statements")

# %% [markdown]
# ## The concepts
#
# The disputed questions are data (`karabakh/data/concepts.csv`): an id, a label, what
# agreeing means, and cue phrases that state the concept (`cues`) or its opposite
# (`counter_cues`). Add a row, or pass your own file with `kb.load_concepts(path)`.

# %%
pd.DataFrame([(c.concept_id, c.label, c.description) for c in kb.load_concepts()],
             columns=["concept_id", "label", "agreeing means"])

# %% [markdown]
# ## The statements and their evidence
#
# One row per statement. `text` is the evidence (the content of the quotation or claim,
# `start`/`end` into the article), `cue_text` the words that signal the concept, `rule`
# how the agreement was decided: `negation` ("are **not** targeted"), `stance:...` (a verb
# of agreeing or rejecting), `scare-quotes` (the term in marks after a determiner: agreement
# 0), `distancing` ("so-called": −1). `voice` tells the actor's own words from a position
# another speaker ascribes to it (`attributed`, with `reported_by`).

# %%
table = kb.statement_table(statements)  # DNA's column names; empty but shaped if none
table[["organization", "concept", "agreement", "voice", "reported_by", "cue", "rule",
       "start", "stop", "text"]]

# %% [markdown]
# Every statement points back to the words it comes from: the evidence is an exact slice
# of the article, so a reader can check each coding against the text.

# %%
for s in statements[:5]:
    assert article.text[s.start:s.end] == s.text
    print(f"{s.actor_id} / {s.concept_id} / {s.agreement:+d}: …{s.cue_text}… "
          f"(in: {s.text[:70]!r})")

# %% [markdown]
# ## Positions
#
# `kb.positions` averages each actor's own statements per concept: −1 rejects throughout,
# +1 agrees throughout, in between mixed; the counts say how many statements stand behind
# each cell. Rows are ordered by side.

# %%
kb.positions(statements)

# %%
fig = plots.plot_positions_heatmap(statements)

# %% [markdown]
# ## Networks
#
# As in DNA: the **affiliation** network links actors to the concepts they speak to
# (two-mode); the **congruence** network links actors who take the same stance on a concept,
# the **conflict** network actors who take opposite stances (the weight is the number of
# concepts).

# %%
fig = plots.plot_concept_network(statements)

# %%
kb.actor_network(statements, "congruence")

# %%
kb.actor_network(statements, "conflict")

# %% [markdown]
# The same networks as `networkx` graphs write to GraphML, which visone and Gephi open;
# the statement table is the raw statement export DNA users ask for.

# %%
out = Path(tempfile.mkdtemp(prefix="karabakh-positions-"))
for kind in ("congruence", "conflict", "affiliation"):
    kb.to_graphml(kb.actor_graph(statements, kind), out / f"{kind}.graphml")
kb.statement_table(statements).to_csv(out / "statements.csv", index=False)
sorted(p.name for p in out.iterdir())

# %% [markdown]
# ## A map of positions
#
# Principal component analysis of the actor × concept matrix: actors that take similar
# positions sit close together; the right panel shows which way each concept pulls.

# %%
fig = plots.plot_position_map(statements)

# %% [markdown]
# ## Tone between actors: a separate, lexical measure
#
# Not a position. VADER's lexicon scores the wording of each sentence in which a speaker
# names another actor (−1 negative … +1 positive). It measures the words, not what is
# claimed: "civilians are not targeted" reads as neutral-to-negative whoever says it.

# %%
tone = kb.actor_tone(article.masked_text, analysis.mentions, analysis.quotes)
fig = plots.plot_actor_tone(tone)

# %% [markdown]
# ## Correcting the coding
#
# The rules are a first coding. A researcher corrects them in a CSV file of their own,
# keyed by article and evidence span: `remove` a statement, `change` its agreement (or its
# actor), `add` one the rules missed, each with a note. The example shipped with the
# package (`karabakh/data/corrections_example.csv`) makes three decisions on the seed.

# %%
example = Path(kb.__file__).parent / "data" / "corrections_example.csv"
corrections = pd.read_csv(example, comment="#")
if set(corrections.article_id) == {article.id}:
    shown = corrections
else:  # keyed to another article: show the layout of the file, not its rows
    print(f"the example codes another article ({len(corrections)} rows); "
          "write a file with these columns for yours")
    shown = corrections.iloc[:0]
shown

# %% [markdown]
# The corrections apply on top of the rules' statements; nothing the rules said is lost:
# a removed statement stays, marked, and a changed one keeps `rule_agreement`.

# %%
if set(corrections.article_id) == {article.id}:
    corrected = kb.apply_corrections(statements, example, text=article.text)
else:  # the example is keyed to the seed; write your own file for your article
    corrected = list(statements)
kb.to_frame([s for s in corrected if s.status != "rules"] or corrected[:0])

# %% [markdown]
# The charts follow the corrected coding: the White House's "conquest" now rejects the
# counter-terrorism framing, the presidency's conditional threat is neutral, and Armenia's
# descriptive "on Azerbaijani territory" no longer counts as a position on sovereignty.

# %%
fig = plots.plot_positions_heatmap(corrected)

# %%
fig = plots.plot_position_map(corrected)

# %% [markdown]
# To keep your decisions, write them back in the same format; applying that file to the
# rules' statements again gives the same coding.

# %%
kb.corrections_table(corrected).to_csv(out / "my_corrections.csv", index=False)
kb.apply_corrections(statements, out / "my_corrections.csv", text=article.text) == corrected

# %% [markdown]
# ## How good is the coding?
#
# Against a hand annotation of the seed's statements, made before the rules were written
# (`tests/annotations/seed_statements.csv`), scored with the shared evaluation code: a
# statement matches a gold one of the same concept whose evidence overlaps its own.

# %%
from karabakh.output.evaluate import load_annotation

gold_path = Path("../tests/annotations/seed_statements.csv")
gold = load_annotation(gold_path) if gold_path.exists() else []
# the annotation is the seed's: it applies when its evidence spans are this article's words
fits = bool(gold) and all(
    article.text[int(g["evidence_start"]):int(g["evidence_end"])] == g["evidence"] for g in gold)
errors = None
if fits:
    score = kb.score_statements(statements, gold)
    print(score)
    errors = score.errors()
errors

# %% [markdown]
# ## Summing up
#
# On the seed, each actor's position comes from its own words: Azerbaijan's president
# and presidency (counter-terrorism, civilians not targeted, sovereignty restored, disarm
# and dissolve), Armenia's government and foreign minister (international intervention,
# Armenia not a party, ethnic cleansing), the de facto Karabakh authorities (disarm,
# ceasefire), Russia's defence ministry (its peacekeepers harmed), Germany's foreign
# minister (a diplomatic solution, safety of the population, a ceasefire) and the
# Armenian opposition (the government must go). Each statement keeps its evidence span;
# the researcher's corrections sit on top and keep what the rules said.
#
# **Next:** [09 · Your article](09_your_article.ipynb) runs the whole pipeline, positions
# included, on an article of your own.
