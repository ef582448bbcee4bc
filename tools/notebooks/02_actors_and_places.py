# %% [markdown]
# # 02 · Actors and places
#
# **Purpose.** Who is mentioned in the article, how often, and on which side; which places it names, on a map of the South Caucasus.
#
# **Input:** the article of the parameters cell (by default the seed in `seeds/`, dated 2023-09-20) and the dictionaries shipped in `karabakh/data/` (`actors.csv`, `roles.csv`, `places.csv`).
# **Output:** a table of every mention (actor, place, or unknown capitalised name) with its character span, a chart of mentions by actor and by side, and a map of the places named.
#
# The tagger's rules (longest match, actor vs place, titles resolved by date, unknown names) are in the docstring of `karabakh.text.actors`. In every chart of these notebooks, colour means the side of an actor (the same colour everywhere: `kb.plots.SIDE_COLOURS`).

# %% tags=["parameters"]
# Parameters (papermill): the article to read and its dateline; the defaults are the seed.
article_path = "../seeds/000_bf20561892d8202b.txt"
dateline = None  # "YYYY-MM-DD"; None: from the article's JSON sidecar or its `date` header line

# %%
import karabakh as kb
from karabakh.text import actors

article = kb.read_article(article_path, dateline=dateline)
mentions = kb.analyze(article).mentions  # the same as kb.tag_mentions(article.masked_text, on=article.dateline)
frame = kb.to_frame(mentions)
print(f"{len(mentions)} mentions in {article.n_words} words; the first 20:")
kb.plots.styled_table(frame[["start", "end", "text", "entity_id", "kind", "type", "side", "rule"]].head(20))

# %% [markdown]
# Every row is a span of the verbatim text (`article.text[start:end] == text`). `rule` says how it was resolved: `alias`, `adjective` ("Azerbaijani" -> the state), `possessive` ("Baku’s goal"), `actor-verb` / `default-actor` / `locative` (a name that is both an actor and a place), `role+name` (a title merged with the name that follows it).

# %%
frame.groupby(["kind", "rule"]).size().rename("mentions").to_frame()

# %% [markdown]
# ## Who is mentioned, and on which side

# %%
(frame[frame.kind == "actor"]
 .groupby(["side", "entity_id"]).size().rename("mentions")
 .sort_values(ascending=False).to_frame().head(15))

# %%
fig = kb.plots.plot_mentions_by_side(mentions)

# %% [markdown]
# Titles resolve by date: the same phrase names different people on different days.

# %%
for day in ["2022-06-01", "2023-09-20"]:
    print(day, actors.resolve_role("the Karabakh president", day),
          actors.resolve_role("the president of Azerbaijan", day))
info = actors.actor_info("SHAHRAMANYAN_SAMVEL")
info.name, info.type, info.side, info.role, info.valid_from

# %% [markdown]
# ## What the dictionary does not know
#
# Capitalised names without a dictionary entry are kept as `kind="unknown"`, so nothing vanishes. Each is a candidate row for `actors.csv` or `places.csv`, or a mistake of the text (a name glued to the next word by a translation tool); notebook 09 turns this list into rows to paste.

# %%
unknown = frame[frame.kind == "unknown"][["start", "end", "text"]]
print(len(unknown), "unknown name(s)")
kb.plots.styled_table(unknown)

# %% [markdown]
# ## Places named
#
# Towns, villages, crossings and corridors are drawn where they are, sized by their mentions; regions (an area such as "South Caucasus") are listed in the note rather than drawn as a point, as are countries and places outside the map.

# %%
places = frame[frame.kind == "place"]
places.groupby(["entity_id", "type"]).size().rename("mentions").to_frame()

# %%
fig = kb.plots.plot_places_map(mentions)

# %%
by_side = frame[frame.kind == "actor"]["side"].fillna("?").value_counts()
print("actor mentions by side:", ", ".join(f"{s} {n}" for s, n in by_side.items()))
print("places named:", ", ".join(sorted(set(places["entity_id"].dropna()))) or "none")
print("unknown names:", ", ".join(unknown["text"]) or "none")

# %% [markdown]
# ## Summary
#
# Every actor and place mention is a span with an id, or an unknown name kept with its words; the lines above say which sides dominate this article and which places it names. How far to trust the tagger is measured, not assumed: recall and precision against a hand annotation of the seed (`tests/annotations/seed_mentions.csv`) and the team's harder paragraphs, in `make eval`. The map has country outlines from Natural Earth; an outline of the former Nagorno-Karabakh Autonomous Oblast is not drawn because no documented public outline is available offline (see `karabakh/data/README.md`).
#
# **Next:** quotes, who says what: [03 · Quotes](03_quotes.ipynb).
