# %% [markdown]
# # 07 · Reconstruction of 19–20 September 2023
#
# What happened, in order, told from the merged events of notebook 06 alone: each step
# with the sentences it comes from, who tells it, and where the sides disagree. A
# timeline puts each side in its own lane; the background (the wars of 1992–94 and 2020,
# the 2020 ceasefire, the Lachin corridor blocked since November 2022) is shown apart;
# a map shows where the events happened.
#
# **Input**: the article of the parameters cell (by default the seed). **Output**: tables and two charts; nothing is written.

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line

# %%
import pandas as pd

import karabakh as kb
from karabakh.output import plots

pd.set_option("display.max_colwidth", 80)
analysis = kb.analyze(kb.read_article(article_path, dateline=dateline))
events = analysis.events
sentences = {s.index: s.text for s in analysis.sentences}
steps = kb.event_table(events)
current = steps[~steps["historical"]].copy()
current["when"] = current["day"].str[:10]
current = current.sort_values(["when", "sentences"], key=lambda c: c.map(min) if c.name == "sentences" else c,
                              kind="stable")
current[["when", "event_id", "label", "source_id", "target_id", "place_id", "modalities", "reported_by",
         "n_tellings", "sentences"]]

# %% [markdown]
# ## The two days, in order
#
# Each step is one merged event: what, by whom, to whom, where, how sure (the modalities
# of its tellings), who tells it, and the sentence it is first told in. Acts that are
# threatened, demanded, conditional or planned are marked as such: they did not happen.

# %%
for when, day in current.groupby("when", sort=True):
    print(f"=== {when}")
    for _, row in day.iterrows():
        who = row["source_id"] or "(actor not named)"
        to = f" → {row['target_id']}" if row["target_id"] else ""
        where = f" in {row['place_id']}" if row["place_id"] else ""
        how = "/".join(row["modalities"])
        tellers = ", ".join(row["reported_by"])
        first = row["sentences"][0]
        print(f"{row['event_id']:>4} {row['label']}: {who}{to}{where} [{how}; told by {tellers}; "
              f"{row['n_tellings']} telling(s), sentences {row['sentences']}]")
        print(f"       “{sentences[first][:150]}”")

# %% [markdown]
# ## Who claims what
#
# Where the sides disagree, the same deed is told differently by each: the attack is
# Azerbaijan's "anti-terrorism measures" in which civilians "are not targeted" (denied, by
# Aliyev) and, for Armenia's foreign minister, "an ethnic cleansing operation" (an
# accusation); Armenia denies taking part in the agreement that Pashinyan says the
# Karabakh authorities made. The table lists every telling that a party to the conflict
# tells inside its own quote or claim, and every denial and accusation.

# %%
tellings = kb.to_frame(events)
party = tellings["reported_by"].notna() | tellings["modality"].eq("denied") | tellings["root_code"].eq("11")
tellings[party][["event_id", "sentence", "text", "source_id", "label", "target_id", "modality", "reported_by"]]

# %% [markdown]
# ## Timeline
#
# One lane per side (the side of the actor that did it; "unnamed" when the text does not
# say), one marker per merged event at its day, in the order it is first told; the shape is
# the PLOVER type, filled for what happened and hollow for what was only threatened,
# demanded, promised on a condition, planned or denied. The background is on the left.

# %%
plots.plot_event_timeline(events, days=["2023-09-19", "2023-09-20"])

# %% [markdown]
# The background, apart: events dated more than 30 days before the dateline. Their years
# never date the events of 19–20 September.

# %%
steps[steps["historical"]][["event_id", "day", "label", "source_id", "tellings", "sentences"]]

# %% [markdown]
# ## Where

# %%
plots.plot_events_map(events)

# %% [markdown]
# ## Summing up
#
# On 19 September Azerbaijan attacked in Nagorno-Karabakh with drones and artillery
# ("yesterday's massive military attack", announced as a "counter-terrorism operation");
# that night the Azerbaijani presidency demanded that the Armenian forces lay down their
# weapons and the "illegal regime" dissolve, threatening that the operations would
# otherwise continue. On 20 September a car of Russian peacekeepers came under small arms
# fire near Dzhanyatag (told by the Russian defence ministry); the Karabakh Armenians
# appealed for a ceasefire and talks; the separatist authorities announced they would lay
# down their weapons under a ceasefire agreement reached with Azerbaijan and brokered by the
# Russian peacekeepers; Armenia called for the intervention of the UN Security Council and
# accused Azerbaijan of ethnic cleansing; in Yerevan the opposition announced impeachment
# proceedings. Every step links to its sentences; the figures of the dead are in notebook 05.
#
# **Next:** [08 · Positions](08_positions.ipynb): what each actor holds on each disputed question, from their own words.
