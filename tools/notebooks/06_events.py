# %% [markdown]
# # 06 · Events: who did what to whom, when and where
#
# Event-data projects (CAMEO coded by PETRARCH, PLOVER in POLECAT, ACLED) turn news into
# rows of *who did what to whom, when and where*. This notebook shows the events
# `kb.analyze` codes in the seed article: every telling of an event (a verb, a passive,
# a noun phrase such as "yesterday's massive military attack", or a speech act such as
# "launched an appeal for a ceasefire") with its CAMEO code and Goldstein weight, its
# PLOVER type, mode and context, its modality (happened, reported, announced, planned,
# threatened, conditional, demanded, denied), its date and place; then the tellings merged
# into events, the conflict-cooperation picture by dyad and day, and an ACLED-style table.
#
# **Input**: the article of the parameters cell (by default the seed). **Output**: tables and one chart; nothing is written.

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line

# %%
import pandas as pd

import karabakh as kb
from karabakh.output import evaluate as ev
from karabakh.output import plots

pd.set_option("display.max_colwidth", 60)
analysis = kb.analyze(kb.read_article(article_path, dateline=dateline))
events = analysis.events
table = kb.to_frame(events)
columns = ["event_id", "sentence", "text", "source_id", "code", "label", "target_id", "date",
           "modality", "reported_by", "plover_type", "plover_mode", "goldstein"]
table[columns]

# %% [markdown]
# Each row is one telling with the exact words (`text` is `article.text[start:end]`), who
# did it (`source_id`; empty when the text does not name the actor, with the words kept
# in `source_text` when there are any), to whom (`target_id`), and the CAMEO code with
# its label from `karabakh/data/event_verbs.csv`. `reported_by` is the speaker when the
# event is told inside a quote or a claim: "Baku says" and "Yerevan says" stay apart.
#
# The modality matters most: a promise, a threat, a demand or a condition is never a deed.

# %%
table.groupby(["modality", "plover_type"]).size().unstack(fill_value=0)

# %% [markdown]
# The acts that are *not* deeds: what was promised on a condition, demanded, threatened,
# planned or denied, with who says so.

# %%
table[~table["modality"].isin(["happened", "reported", "announced"])][
    ["sentence", "text", "source_id", "code", "label", "modality", "reported_by"]]

# %% [markdown]
# ## One event, many tellings
#
# The seed tells the attack of 19 September many times: "yesterday's massive military
# attack", "the offensive", "anti-terrorism measures", "the Azerbaijani military
# operation", "a counter-terrorism operation". Tellings with the same CAMEO root, a
# compatible modality, compatible dates, places and actors share one `event_id`;
# `kb.explain_merges` shows each telling with the rule that merged it, and
# `kb.unmerge(events, ["E1"])` undoes a merge a researcher disagrees with.

# %%
merges = kb.explain_merges(events)
merges[merges["event_id"] == merges["event_id"].iloc[0]][
    ["event_id", "sentence", "text", "source_id", "date", "date_rule", "modality", "reported_by", "merge_rule"]]

# %%
kb.event_table(events)[["event_id", "day", "historical", "source_id", "target_id", "label",
                        "modalities", "reported_by", "n_tellings", "sentences"]]

# %% [markdown]
# ## Conflict and cooperation by dyad and day
#
# Each merged event counts once with the Goldstein weight of its CAMEO code (-10 the most
# conflictual, +10 the most cooperative), by the sides of its source and target. Threats,
# demands and conditions are left out, and so is the background.

# %%
plots.plot_goldstein(events)

# %% [markdown]
# ## The ACLED table
#
# One row per merged event that ACLED would record (acts, not statements), with ACLED's
# column names; event and sub-event types come from `karabakh/data/cameo_acled.csv`.
# Fatalities follow ACLED's rule, the lowest figure reported, and every figure with its
# hedge is kept in `notes`. An act of force with no named source is "Unidentified armed
# group", as ACLED writes it.

# %%
kb.to_acled(events, source="seed article")

# %% [markdown]
# ## How well the coder does on the seed
#
# Against the hand annotation `tests/annotations/seed_events.csv` (55 tellings, made before
# the coder was measured), tellings are matched by the overlap of their spans; the table
# gives the share of matched tellings whose source, CAMEO root, target, date and modality
# agree. `tests/test_events.py` also scores the team's harder paragraphs.

# %%
gold = ev.load_annotation("../tests/annotations/seed_events.csv")
text = analysis.article.text
if not all(text[int(g["start"]):int(g["end"])] == g["text"] for g in gold):
    print("the seed's annotation does not fit this article: nothing to score "
          "(docs/annotation.md says how to annotate your own)")
else:
    score = ev.score_extractor("events", events, gold)
    print(score)
    key = ("source_id", "root_code", "target_id", "date")
    right = sum(all(ev.cell(f.get(k)) == (g.get(k) or "") for k in key) for g, f in score.pairs)
    print(f"(source, root, target, date) all right: precision {right / max(1, len(events)):.2f}, "
          f"recall {right / len(gold):.2f}")

# %% [markdown]
# ## Summing up
#
# On the seed, the 56 tellings code into 37 events: the Azerbaijani offensive of 19 September
# (eleven tellings, merged), the ambush of the Russian peacekeepers' car (five tellings,
# reported by the Russian defence ministry), the appeals, accusations and the ceasefire
# agreement of 20 September, and the background (the 1992–94 and 2020 wars, the 2020
# ceasefire, the blockade of the Lachin corridor since November 2022) marked historical.
# Promises on a condition, demands and threats are kept, and never counted as deeds.
#
# **Next:** [07 · Reconstruction of 19–20 September](07_reconstruction.ipynb): the two days
# told in order from the merged events, with who claims what.
