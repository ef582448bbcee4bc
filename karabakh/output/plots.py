"""Charts for the notebooks; every function returns a matplotlib ``Figure``.

Plots take records (or the DataFrames of :func:`karabakh.to_frame`) and never
read files or the network. Import cost stays low: matplotlib is imported
inside each function.

One visual language across the charts: **colour means the side** of an actor
(:data:`SIDE_COLOURS`, the same in every chart; grey for no side or none
known). Everything else that is shown as a category (kinds of quotes,
granularities of dates, hedges of figures, sorts of places) is drawn in
shades of grey, markers or line styles, always with a legend. Labels are
wrapped or shortened at word boundaries, never cut mid-word.

:func:`save_figure` writes a chart as PNG and SVG for a paper;
:func:`styled_table` shows a DataFrame with text left-aligned and wrapped.

>>> from karabakh import analyze, Article
>>> fig = plot_sentence_lengths(analyze(Article.from_text("“Yes,” he said. No.")))
>>> len(fig.axes)
1
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import os
    from collections.abc import Hashable

    import pandas as pd
    from matplotlib.figure import Figure
    from pandas.io.formats.style import Styler

    from .analysis import Analysis

__all__ = [
    "KIND_SHADES",
    "SIDE_COLOURS",
    "plot_figure_ranges",
    "plot_mentions_by_side",
    "plot_places_map",
    "plot_quotes_by_side",
    "plot_scores",
    "plot_sentence_lengths",
    "plot_timeline",
    "save_figure",
    "side_colour",
    "styled_table",
]

#: The colour of each side, in every chart (Okabe-Ito colours first, which
#: colour-blind readers can tell apart; the rest for the less frequent sides).
SIDE_COLOURS: Mapping[str, str] = MappingProxyType({
    "AZE": "#0072B2",  # blue
    "ARM": "#D55E00",  # vermillion
    "NKR": "#E69F00",  # orange
    "RUS": "#CC79A7",  # reddish purple
    "USA": "#009E73",  # bluish green
    "EU": "#56B4E9",   # sky blue
    "UN": "#332288",   # indigo
    "DEU": "#8C564B",  # brown
    "FRA": "#117733",  # dark green
    "TUR": "#882255",  # wine
    "IRN": "#999933",  # olive
    "GEO": "#44AA99",  # teal
    "GBR": "#AA4499",  # purple
    "INT": "#555555",  # dark grey: other international bodies and media
})

#: Grey for a side that is not known (or no actor at all).
NO_SIDE = "#999999"

#: Shades of grey for the kinds of quotation (darker = closer to the words spoken).
KIND_SHADES: Mapping[str, str] = MappingProxyType({
    "direct": "#252525", "partial": "#7A7A7A", "indirect": "#C8C8C8",
})
_KIND_COLOURS = KIND_SHADES  # the name the corpus charts use

#: Shades of grey for the granularities of dates (darker = more precise).
_GRAN_SHADES = {
    "part_of_day": "#1A1A1A", "day": "#4D4D4D", "interval": "#6E6E6E", "week": "#808080",
    "month": "#969696", "season": "#A8A8A8", "year": "#B4B4B4", "decade": "#C8C8C8",
}

# Sentence-level quote marks, for the first chart (quote extraction proper is
# karabakh.extract.quotes; this only shades sentences that contain a quote mark).
_QUOTE_MARKS = "«»“”„\""


def side_colour(side: str | None) -> str:
    """The colour of a side in every chart; grey when the side is unknown.

    >>> side_colour("AZE"), side_colour(None)
    ('#0072B2', '#999999')
    """
    return SIDE_COLOURS.get(side or "", NO_SIDE)


def _wrap(label: str, width: int = 28, lines: int = 2) -> str:
    """Wrap a label at word boundaries into at most ``lines`` lines (``…`` if longer)."""
    return "\n".join(textwrap.wrap(label, width, max_lines=lines, placeholder=" …")) or label


def _shorten(text: str, width: int) -> str:
    """One-line text of at most ``width`` characters, shortened at a word boundary."""
    return textwrap.shorten(" ".join(text.split()), width, placeholder=" …")


def save_figure(
    fig: Figure, name: str, folder: str | os.PathLike[str] = "figures"
) -> tuple[Path, Path]:
    """Write a chart as ``<folder>/<name>.png`` (200 dpi) and ``<folder>/<name>.svg``.

    ``make report`` already saves every chart of the notebooks this way, into
    ``reports/figures/``; use this for charts of your own.

    Args:
        fig: the figure, as returned by a ``plot_*`` function.
        name: the file name without extension (letters, digits, ``_``, ``-``).
        folder: where to write; created if missing.

    Returns:
        The paths of the PNG and the SVG file.

    Raises:
        ValueError: if ``name`` is empty or holds other characters.

    >>> import tempfile
    >>> from karabakh import analyze, Article
    >>> fig = plot_sentence_lengths(analyze(Article.from_text("One. Two words.")))
    >>> png, svg = save_figure(fig, "lengths", tempfile.mkdtemp())
    >>> png.name, svg.name, png.stat().st_size > 0
    ('lengths.png', 'lengths.svg', True)
    """
    import re

    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ValueError(f"save_figure: name {name!r} must be letters, digits, '_' or '-'")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    png, svg = out / f"{name}.png", out / f"{name}.svg"
    fig.savefig(png, dpi=200, bbox_inches="tight")
    fig.savefig(svg, bbox_inches="tight")
    return png, svg


def styled_table(frame: pd.DataFrame, width: str = "36em", index: bool = False) -> Styler:
    """A DataFrame as a readable table: text left-aligned and wrapped, never cut.

    Numbers (offsets, counts) stay right-aligned in their own columns; text
    columns are left-aligned and wrap within ``width``, so a sentence is read
    whole in the notebook and in the HTML report.

    Args:
        frame: the table.
        width: the widest a text column may grow before it wraps (CSS length).
        index: show the index (hidden by default: the offsets identify rows).

    Returns:
        A pandas ``Styler``; Jupyter displays it as HTML.

    >>> import pandas as pd
    >>> html = styled_table(pd.DataFrame({"start": [0], "text": ["A long sentence."]})).to_html()
    >>> "text-align: left" in html and "A long sentence." in html
    True
    """
    text: list[Hashable] = [c for c in frame.columns if frame[c].dtype == object]
    styler = frame.style.set_properties(
        subset=text, **{"text-align": "left", "white-space": "pre-wrap", "max-width": width,
                        "vertical-align": "top"}
    ).set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
    if not index:
        styler = styler.hide(axis="index")
    return styler.format(na_rep="")


def plot_sentence_lengths(analysis: Analysis, title: str | None = None) -> Figure:
    """Bar chart of sentence lengths in words, sentences with quote marks shaded dark.

    Args:
        analysis: the result of :func:`karabakh.analyze`.
        title: the chart title (default: a description, not the file name).

    Returns:
        The matplotlib figure.

    >>> from karabakh import analyze, Article
    >>> plot_sentence_lengths(analyze(Article.from_text("One. Two words."))).axes[0].get_xlabel()
    'sentence (index in article)'
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    body = [s for s in analysis.sentences if not s.is_header]
    lengths = [len(s.text.split()) for s in body]
    quoted = [any(c in s.text for c in _QUOTE_MARKS) for s in body]
    fig, ax = plt.subplots(figsize=(10, 3.5))
    dark, light = KIND_SHADES["direct"], KIND_SHADES["indirect"]
    ax.bar([s.index for s in body], lengths, color=[dark if q else light for q in quoted])
    ax.set_xlabel("sentence (index in article)")
    ax.set_ylabel("words")
    ax.set_title(title or f"Sentence lengths: {len(body)} sentences, "
                 f"{sum(quoted)} with a quote mark")
    ax.legend(
        handles=[Patch(color=dark, label="has a quote mark"),
                 Patch(color=light, label="no quote mark")],
        loc="upper right",
    )
    fig.tight_layout()
    return fig


# --- mentions (issue 4): actors and places charts go below this line ---

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..records import Mention


def plot_mentions_by_side(mentions: Sequence[Mention], top: int = 15) -> Figure:
    """Two bar charts: the most mentioned actors, and actor mentions per side.

    Bars are coloured by side (:data:`SIDE_COLOURS`); long names are wrapped
    at word boundaries onto two lines.

    Args:
        mentions: the result of :func:`karabakh.text.actors.tag_mentions` (places
            and unknown names are ignored).
        top: how many actors the left chart shows.

    Returns:
        The matplotlib figure (two axes).

    >>> from karabakh.text.actors import tag_mentions
    >>> fig = plot_mentions_by_side(tag_mentions("Baku said Yerevan lied. Moscow agreed."))
    >>> [ax.get_title() for ax in fig.axes]
    ['Most mentioned actors', 'Actor mentions by side']
    """
    from collections import Counter

    import matplotlib.pyplot as plt

    actors = [m for m in mentions if m.kind == "actor"]
    by_actor = Counter((m.name or m.text, m.side or "?") for m in actors)
    by_side = Counter(m.side or "?" for m in actors)
    rows = by_actor.most_common(top)[::-1]
    fig, (ax1, ax2) = plt.subplots(
        1, 2, figsize=(12, 1.6 + 0.42 * max(len(rows), 4)),
        gridspec_kw={"width_ratios": [3, 2]},
    )
    ax1.barh(
        range(len(rows)), [n for _, n in rows],
        color=[side_colour(side) for (_, side), _ in rows],
    )
    ax1.set_yticks(range(len(rows)), [_wrap(f"{name} ({side})", 34) for (name, side), _ in rows],
                   fontsize=8)
    ax1.set_xlabel("mentions")
    ax1.set_title("Most mentioned actors")
    sides = by_side.most_common()[::-1]
    ax2.barh([s for s, _ in sides], [n for _, n in sides],
             color=[side_colour(s) for s, _ in sides])
    ax2.set_xlabel("mentions")
    ax2.set_title("Actor mentions by side")
    if not actors:
        ax1.text(0.5, 0.5, "no actor mentions", ha="center", transform=ax1.transAxes)
    fig.tight_layout()
    return fig


#: Markers of the sorts of place on the map (regions are listed, not drawn as points).
_PLACE_MARKERS = {
    "city": ("o", "city or town"), "town": ("o", "city or town"), "village": ("o", "village"),
    "border crossing": ("^", "border crossing"), "corridor": ("D", "corridor (a point on it)"),
}

#: Said on the map where the outline of the former NKAO would be.
NKAO_NOTE = ("no outline of the former Nagorno-Karabakh Autonomous Oblast: no documented "
             "public outline is available offline")


def plot_places_map(
    mentions: Sequence[Mention],
    bbox: tuple[float, float, float, float] = (43.0, 38.0, 51.0, 42.5),
    outlines: bool = True,
) -> Figure:
    """Map of the places named, on country outlines of the South Caucasus.

    Places named in ``mentions`` are black markers, sized by their number of
    mentions and labelled (labels are moved apart so that none overlaps
    another or a country name); the marker says the sort of place (see the
    legend). Other places of the dictionary inside ``bbox`` are small grey
    dots for orientation. Regions ("South Caucasus", "Nagorno-Karabakh") are
    areas, not points: they are listed in a note, as are the countries named
    and the places outside the map. Country outlines come from Natural Earth
    via :func:`karabakh.output.geo.country_outlines`; without it (or with
    ``outlines=False``) the map is a plain longitude/latitude plot.

    Args:
        mentions: the result of :func:`karabakh.text.actors.tag_mentions`.
        bbox: ``(lon_min, lat_min, lon_max, lat_max)`` of the map.
        outlines: draw country outlines when available.

    Returns:
        The matplotlib figure.

    >>> from karabakh.text.actors import tag_mentions
    >>> fig = plot_places_map(tag_mentions("Buses left Stepanakert for Goris."), outlines=False)
    >>> fig.axes[0].get_xlabel()
    'longitude'
    """
    from collections import Counter

    import matplotlib.pyplot as plt
    from adjustText import adjust_text
    from matplotlib.lines import Line2D

    from ..text.actors import load_places
    from .geo import country_outlines

    lon0, lat0, lon1, lat1 = bbox
    places = load_places()
    counts = Counter(m.entity_id for m in mentions if m.kind == "place" and m.entity_id)
    fig, ax = plt.subplots(figsize=(10, 6.5))
    shapes = country_outlines(bbox) if outlines else ()
    fixed = []
    for outline in shapes:
        for ring in outline.parts:
            ax.fill(
                [p[0] for p in ring], [p[1] for p in ring],
                facecolor="#f2efe6", edgecolor="#777777", linewidth=0.6, zorder=1,
            )
        inside = [p for ring in outline.parts for p in ring
                  if lon0 <= p[0] <= lon1 and lat0 <= p[1] <= lat1]
        if len(inside) > 20:
            cx = sum(p[0] for p in inside) / len(inside)
            cy = sum(p[1] for p in inside) / len(inside)
            fixed.append(ax.text(cx, cy, outline.name.upper(), color="#999999", fontsize=9,
                                 ha="center", va="center", zorder=2))
    outside, regions, countries = [], [], []
    texts, xs, ys, kinds_shown = [], [], [], {}
    for pid, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        place = places.get(pid)
        if place is None:
            continue
        if place.kind == "country":
            countries.append(f"{place.name} ({n})")
        elif place.kind == "region":
            regions.append(f"{place.name} ({n})")
        elif not (lon0 <= place.lon <= lon1 and lat0 <= place.lat <= lat1):
            outside.append(f"{place.name} ({n})")
    for pid, place in places.items():
        if place.kind in {"country", "region"} or counts.get(pid):
            continue
        if lon0 <= place.lon <= lon1 and lat0 <= place.lat <= lat1:
            ax.plot(place.lon, place.lat, "o", color="#bbbbbb", markersize=3, zorder=3)
    for pid, n in counts.items():
        place = places.get(pid)
        if place is None or place.kind in {"country", "region"}:
            continue
        if not (lon0 <= place.lon <= lon1 and lat0 <= place.lat <= lat1):
            continue
        marker, label = _PLACE_MARKERS.get(place.kind, ("o", place.kind))
        kinds_shown[label] = marker
        ax.plot(place.lon, place.lat, marker, color="#222222", markersize=5 + 3 * n**0.5,
                alpha=0.85, zorder=4)
        xs.append(place.lon)
        ys.append(place.lat)
        texts.append(ax.text(place.lon + 0.06, place.lat + 0.06, f"{place.name} ({n})",
                             fontsize=9, zorder=5,
                             bbox={"facecolor": "white", "alpha": 0.7, "edgecolor": "none",
                                   "pad": 0.5}))
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1.3)
    if texts:
        adjust_text(texts, x=xs, y=ys, objects=fixed or None, ax=ax, expand=(1.2, 1.4),
                    arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.5})
    notes = []
    if regions:
        notes.append("regions named (areas, not drawn as points): " + ", ".join(regions))
    if countries:
        notes.append("countries named: " + ", ".join(countries))
    if outside:
        notes.append("outside the map: " + ", ".join(outside))
    notes.append(NKAO_NOTE)
    ax.text(0.01, 0.01, "\n".join(_wrap(n, 95, 3) for n in notes), transform=ax.transAxes,
            fontsize=7.5, va="bottom",
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "#cccccc"}, zorder=6)
    handles = [Line2D([], [], marker=m, ls="none", color="#222222", label=f"{lab} named")
               for lab, m in kinds_shown.items()]
    handles.append(Line2D([], [], marker="o", ls="none", color="#bbbbbb", markersize=3,
                          label="in the dictionary, not named"))
    ax.legend(handles=handles, loc="upper right", fontsize=8,
              title="marker size: mentions", title_fontsize=8)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    source = "Natural Earth 1:10m admin-0" if shapes else "no outlines (coordinates only)"
    ax.set_title(f"Places named (number of mentions); country outlines: {source}", fontsize=10)
    fig.tight_layout()
    return fig


# --- quotes (issue 5): quote charts go below this line ---

if TYPE_CHECKING:
    from collections.abc import Sequence as _QuoteSeq

    from ..records import Quote


def plot_quotes_by_side(quotes: _QuoteSeq[Quote], top: int = 12) -> Figure:
    """Who is quoted, how much and how: words per speaker, quotes per side.

    Left: the words of content attributed to each speaker (the ``top`` most
    quoted, unresolved speakers pooled as "(unattributed)"), stacked by kind
    in shades of grey (:data:`KIND_SHADES`: direct darkest). Right: the
    number of quotes per side of the speaker, stacked the same way. Speaker
    and side labels are written in the colour of the side.

    Args:
        quotes: the result of :func:`karabakh.extract.quotes.extract_quotes`.
        top: how many speakers the left chart shows.

    Returns:
        The matplotlib figure (two axes, each with a legend of the kinds).

    >>> from karabakh.extract.quotes import extract_quotes
    >>> fig = plot_quotes_by_side(extract_quotes("“We wait,” Lavrov said. Baku claims that it won."))
    >>> [ax.get_title() for ax in fig.axes]
    ['Words quoted per speaker', 'Quotes per side of the speaker']
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['direct', 'partial', 'indirect']
    """
    import matplotlib.pyplot as plt

    from ..extract.quotes import quotes_table

    table = quotes_table(quotes)
    kinds = list(KIND_SHADES)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 5), gridspec_kw={"width_ratios": [3, 2]})
    ax1.set_title("Words quoted per speaker")
    ax2.set_title("Quotes per side of the speaker")
    if table.empty:
        ax1.text(0.5, 0.5, "no quotes", ha="center", transform=ax1.transAxes)
        fig.tight_layout()
        return fig
    attributed = [isinstance(sid, str) for sid in table["speaker_id"]]
    table["who"] = [
        f"{name} ({side})" if ok else "(unattributed)"
        for name, side, ok in zip(table["speaker"], table["side"], attributed, strict=True)
    ]
    table["side_label"] = [
        side if ok and isinstance(side, str) else "(unattributed)"
        for side, ok in zip(table["side"], attributed, strict=True)
    ]
    side_of = dict(zip(table["who"], table["side_label"], strict=True))
    words = table.pivot_table(index="who", columns="kind", values="words", aggfunc="sum",
                              fill_value=0).reindex(columns=kinds, fill_value=0)
    words = words.loc[words.sum(axis=1).sort_values(ascending=False).index[:top][::-1]]
    left = [0] * len(words)
    for kind in kinds:
        values = words[kind].tolist()
        ax1.barh(range(len(words)), values, left=left, color=KIND_SHADES[kind], label=kind,
                 edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax1.set_yticks(range(len(words)), [_wrap(w, 34) for w in words.index], fontsize=8)
    for tick, who in zip(ax1.get_yticklabels(), words.index, strict=True):
        tick.set_color(side_colour(side_of.get(who)))
    ax1.set_xlabel("words of content")
    ax1.legend(title="kind", loc="lower right", fontsize=8)
    counts = table.pivot_table(index="side_label", columns="kind", values="words",
                               aggfunc="count", fill_value=0).reindex(columns=kinds,
                                                                       fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index]
    bottom = [0] * len(counts)
    for kind in kinds:
        values = counts[kind].tolist()
        ax2.bar(range(len(counts)), values, bottom=bottom, color=KIND_SHADES[kind], label=kind,
                edgecolor="white", linewidth=0.5)
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    ax2.set_xticks(range(len(counts)), list(counts.index), rotation=45, ha="right")
    for tick, side in zip(ax2.get_xticklabels(), counts.index, strict=True):
        tick.set_color(side_colour(side))
        tick.set_fontweight("bold")
    ax2.set_ylabel("quotes and claims")
    ax2.legend(title="kind", loc="upper right", fontsize=8)
    fig.text(0.01, 0.01, "speaker and side labels are in the colour of the side",
             fontsize=7.5, color="#555555")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


# --- dates (issue 6): timeline charts go below this line ---

if TYPE_CHECKING:
    from collections.abc import Sequence as _DateSeq

    from ..records import DateRef, Sentence
    from ..text.articles import DatelineLike

_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def _readable(value: str | None) -> str:
    """A TIMEX3 value in words: ``2023-09-19TNI`` -> ``19 Sep 2023, night``.

    >>> [_readable(v) for v in ["2023-09-19TNI", "2023-09-20", "2022-11", "1992/1994", "2020"]]
    ['19 Sep 2023, night', '20 Sep 2023', 'Nov 2022', '1992–1994', '2020']
    """
    import datetime as dt
    import re

    if not value:
        return "?"
    if "/" in value:
        return "–".join(_readable(v) for v in value.split("/"))
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(MO|AF|EV|NI))?", value)
    if m:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        part = f", {_PARTS_OF_DAY[m.group(4)]}" if m.group(4) else ""
        return f"{day.day} {day:%b %Y}{part}"
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        return f"{dt.date(int(m.group(1)), int(m.group(2)), 1):%b %Y}"
    return value


def _excerpt(ref: DateRef, sentences: _DateSeq[Sentence], width: int) -> str:
    """An excerpt of the sentence holding ``ref``, the expression in brackets.

    The excerpt is cut at word boundaries, never inside a word.
    """
    for s in sentences:
        if s.start <= ref.start < s.end:
            text, a, b = s.text, ref.start - s.start, ref.end - s.start
            break
    else:
        return ref.text
    pad = max(0, (width - (b - a)) // 2)
    lo, hi = max(0, a - pad), min(len(text), b + pad)
    if lo > 0:
        space = text.find(" ", lo, a)
        lo = space + 1 if space >= 0 else a
    if hi < len(text):
        space = text.rfind(" ", b, hi)
        hi = space if space >= 0 else b
    out = (("…" if lo > 0 else "") + text[lo:a] + "[" + text[a:b] + "]" + text[b:hi]
           + ("…" if hi < len(text) else ""))
    return " ".join(out.split())


def plot_timeline(
    dates: _DateSeq[DateRef],
    sentences: _DateSeq[Sentence] = (),
    dateline: DatelineLike = None,
    *,
    window_days: int = 7,
    excerpt_chars: int = 56,
    title: str | None = None,
) -> Figure:
    """Timeline of the resolved dates: the days of the story, and the background.

    The top panel is the story's own time: every day-level, part-of-day or
    short (at most three days) date within ``window_days`` of the dateline,
    one row each in text order, drawn as the stretch of time it covers
    (a night runs 21-05 h) and labelled with an excerpt of its sentence. The
    dateline's day is shaded. The bottom panel is a second, compressed axis
    in years for everything else that has a value (years, months, ranges such
    as 1992-94, decades). Durations, sets, vague and unresolved expressions
    are not placed; a footnote counts them.

    Args:
        dates: the result of :func:`karabakh.extract.dates.find_dates`.
        sentences: the article's sentences, for the labels (without them
            the expression alone labels its row).
        dateline: the publication date; defaults to the middle of the dates.
        window_days: how far from the dateline a date may be and still be
            drawn in the top panel.
        excerpt_chars: the length of the sentence excerpts.
        title: the figure title.

    Returns:
        The matplotlib figure (two axes).

    >>> from karabakh.extract.dates import find_dates
    >>> text = "Shelling began last night. This morning they agreed. It recalled 1992-94."
    >>> fig = plot_timeline(find_dates(text, "2023-09-20"), dateline="2023-09-20")
    >>> [len(ax.get_yticks()) for ax in fig.axes]
    [2, 1]
    """
    import datetime as dt

    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from ..extract.dates import timex_span
    from ..text.articles import parse_dateline

    dl = parse_dateline(dateline, where="plot_timeline: dateline")
    placed = []
    for ref in dates:
        span = timex_span(ref.value) if ref.kind == "date" else None
        if span is not None:
            placed.append((ref, span))
    if dl is not None:
        centre = dt.datetime(dl.year, dl.month, dl.day, 12)
    elif placed:
        starts = sorted(s[0] for _, s in placed)
        centre = starts[len(starts) // 2]
    else:
        centre = dt.datetime(2000, 1, 1)
    window = dt.timedelta(days=window_days)
    focus = [
        (r, s) for r, s in placed
        if s[1] - s[0] <= dt.timedelta(days=3) and abs(s[0] - centre) <= window
    ]
    focus_ids = {id(r) for r, _ in focus}
    background = [(r, s) for r, s in placed if id(r) not in focus_ids]
    left_out = len(dates) - len(placed)

    fig, (ax, axb) = plt.subplots(
        2, 1, figsize=(13, 2.5 + 0.42 * (len(focus) + len(background))),
        gridspec_kw={"height_ratios": [max(2, len(focus)), max(1.5, len(background))]},
        layout="constrained",
    )
    labels = []
    shown: dict[str, str] = {}
    for i, (ref, (a, b)) in enumerate(focus):
        colour = _GRAN_SHADES.get(ref.granularity, "grey")
        shown[ref.granularity] = colour
        ax.plot([a, b], [i, i], lw=7, color=colour, solid_capstyle="butt")
        ax.plot([a + (b - a) / 2], [i], "o", color="white", mec=colour, ms=6)
        labels.append(f"{_readable(ref.value)}  “{_excerpt(ref, sentences, excerpt_chars)}”")
    ax.set_yticks(range(len(focus)), labels, fontsize=8)
    ax.set_ylim(len(focus) - 0.5, -0.5)
    if focus:
        lo = min(s[0] for _, s in focus) - dt.timedelta(hours=3)
        hi = max(s[1] for _, s in focus) + dt.timedelta(hours=3)
        ax.set_xlim(lo, hi)
        hours = mdates.HourLocator(byhour=[0, 6, 12, 18])  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(hours)
        hour_format = mdates.DateFormatter("%d %b\n%H:%M")  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_formatter(hour_format)
        ax.grid(axis="x", color="#dddddd")
    else:
        ax.text(0.5, 0.5, "no day-level dates", transform=ax.transAxes, ha="center")
    if dl is not None:
        day = dt.datetime(dl.year, dl.month, dl.day)
        ax.axvspan(day, day + dt.timedelta(days=1), color="#fff3c4", zorder=0)
        ax.text(day + dt.timedelta(hours=1), -0.45, f"dateline {dl.isoformat()}",
                fontsize=8, va="top", color="#8a6d00")
    ax.set_title("The story’s own time (one row per time expression, in text order)", fontsize=10)

    blabels = []
    if background:
        first = min(s[0] for _, s in background)
        last = max([s[1] for _, s in background] + [centre])
    for i, (ref, (a, b)) in enumerate(background):
        colour = _GRAN_SHADES.get(ref.granularity, "grey")
        shown[ref.granularity] = colour
        width = max(b - a, (last - first) / 120)
        axb.barh(i, width, left=a, height=0.5, color=colour, edgecolor="#444444", lw=0.5)
        blabels.append(f"{_readable(ref.value)}  “{_excerpt(ref, sentences, excerpt_chars)}”")
    axb.set_yticks(range(len(background)), blabels, fontsize=8)
    axb.set_ylim(max(len(background), 1) - 0.5, -0.5)
    if background:
        axb.set_xlim(first - dt.timedelta(days=365), last + dt.timedelta(days=365))
        step = max(1, (last.year - first.year) // 12)
        axb.xaxis.set_major_locator(mdates.YearLocator(base=step))  # type: ignore[no-untyped-call]
        axb.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
        axb.grid(axis="x", color="#dddddd")
        axb.axvline(centre, color="#8a6d00", lw=1)
    else:
        axb.text(0.5, 0.5, "no background dates", transform=axb.transAxes, ha="center")
    axb.set_title("Background (compressed axis, in years; the line marks the dateline)",
                  fontsize=10)
    if shown:
        from matplotlib.patches import Patch

        order = list(_GRAN_SHADES)
        handles = [Patch(color=c, label=g.replace("_", " "))
                   for g, c in sorted(shown.items(), key=lambda gc: order.index(gc[0])
                                      if gc[0] in order else len(order))]
        ax.legend(handles=handles, title="granularity", loc="upper left",
                  bbox_to_anchor=(1.01, 1), fontsize=8, title_fontsize=8)
    if left_out:
        unplaced = [r for r in dates if id(r) not in {id(p) for p, _ in placed}]
        items = "; ".join(
            f"“{_shorten(r.text, 40)}” ({r.kind}{', ' + r.value if r.value else ''})"
            for r in unplaced
        )
        fig.supxlabel(_wrap(f"not placed on a time axis ({left_out}: durations, sets, vague "
                            f"or unresolved expressions): {items}", 170, 4),
                      fontsize=8, color="#555555", x=0.01, ha="left")
    if title:
        fig.suptitle(title)
    return fig


# --- figures (issue 7): human-cost charts go below this line ---


if TYPE_CHECKING:
    from collections.abc import Sequence as _FigureSeq

    from ..records import Figure as _FigureRecord

#: Order of the categories in the human-cost chart (top to bottom).
_FIGURE_CATEGORIES = (
    "killed", "injured", "casualties", "missing", "detained", "evacuated", "displaced", "other"
)


def plot_figure_ranges(figures: _FigureSeq[_FigureRecord]) -> Figure:
    """Each figure as a range on a log scale, grouped by category, coloured by source.

    One row per figure, rows grouped by category (killed first). A closed
    range is a bar from ``low`` to ``high`` with end caps; an exact figure a
    dot; an approximation ("around", "nearly" ...) a diamond. An open-ended
    figure ("at least", "more than", "dozens of") is a tick at its
    bound with a short dotted arrow and the bound written above it ("≥ 32",
    "> 200"); the arrow is a direction, not a value. Figures with no number
    ("some", "unspecified", trends) are not placed on the axis at all: their
    row says "no number given" in italics; a zero ("no one") says "zero". The colour is the side of the
    source (:data:`SIDE_COLOURS`); the row label names the source.
    Subsets are indented under their parent with "↳".

    Args:
        figures: the result of :func:`karabakh.extract.casualties.find_figures`.

    Returns:
        The matplotlib figure (an empty chart with a note when there are
        no figures).

    >>> from karabakh.extract.casualties import find_figures
    >>> figs = find_figures("At least 32 people were killed and 20-30 were injured.",
    ...                     mentions=[])
    >>> plot_figure_ranges(figs).axes[0].get_xlabel()
    'number of people or things (log scale)'
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.transforms import blended_transform_factory

    from ..text.actors import actor_info

    order = {c: i for i, c in enumerate(_FIGURE_CATEGORIES)}
    rows = sorted(figures, key=lambda f: (order.get(f.category, len(order)), f.start))
    fig, ax = plt.subplots(figsize=(13, 1.6 + 0.45 * max(len(rows), 1)), layout="constrained")
    ax.set_xscale("log")
    ax.set_xlabel("number of people or things (log scale)")
    if not rows:
        ax.text(0.5, 0.5, "no figures found", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
        return fig
    values = [v for f in rows for v in (f.low, f.high) if v is not None and v > 0]
    lo_edge = min(values) / 3 if values else 1.0
    hi_edge = max(values) * 3 if values else 10.0
    ax.set_xlim(lo_edge, hi_edge)
    across = blended_transform_factory(ax.transAxes, ax.transData)

    def source(f: _FigureRecord) -> tuple[str, str | None]:
        if f.source_id:
            info = actor_info(f.source_id)
            return (info.name if info else f.source_id), (info.side if info else None)
        return (f"“{f.source_text}”" if f.source_text else "the article itself"), None

    sides: dict[str, str] = {}
    labels = []
    for y, f in enumerate(rows):
        name, side = source(f)
        c = side_colour(side)
        sides[side or "no side (unnamed source or the article)"] = c
        low, high = f.low, f.high
        if low == 0 and high in (0, None):  # "no one", "none": zero has no place on a log axis
            ax.axhspan(y - 0.4, y + 0.4, color="#f3f3f3", zorder=0)
            ax.text(0.5, y, f"zero ({f.qualifier})", transform=across, ha="center",
                    va="center", fontsize=8, style="italic", color=c if side else "#444444")
        elif low is not None and high is not None and low != high:
            ax.plot([low, high], [y, y], color=c, lw=3, solid_capstyle="butt")
            ax.plot([low, high], [y, y], "|", color=c, ms=12, mew=2)
        elif low is not None and high is not None:
            marker = "o" if f.qualifier == "exact" else "D"
            ax.plot([low], [y], marker, color=c, ms=8)
        elif low is not None:
            ax.plot([low], [y], "|", color=c, ms=14, mew=2.5)
            ax.annotate("", xy=(low * 2.5, y), xytext=(low, y),
                        arrowprops={"arrowstyle": "->", "color": c, "lw": 1.5, "ls": ":"})
            sign = ">" if f.qualifier in {"more than", "over", "above"} else "≥"
            ax.annotate(f"{sign} {low:,}", (low, y), xytext=(0, 7), textcoords="offset points",
                        ha="center", fontsize=8, color=c)
        elif high is not None:
            ax.plot([high], [y], "|", color=c, ms=14, mew=2.5)
            ax.annotate("", xy=(high / 2.5, y), xytext=(high, y),
                        arrowprops={"arrowstyle": "->", "color": c, "lw": 1.5, "ls": ":"})
            ax.annotate(f"≤ {high:,}", (high, y), xytext=(0, 7), textcoords="offset points",
                        ha="center", fontsize=8, color=c)
        else:
            ax.axhspan(y - 0.4, y + 0.4, color="#f3f3f3", zorder=0)
            note = f"trend: {f.trend}" if f.trend else f"no number given ({f.qualifier})"
            ax.text(0.5, y, note, transform=across, ha="center", va="center", fontsize=8,
                    style="italic", color=c if side else "#444444")
        group = f" [{f.group}]" if f.group else ""
        prefix = "  ↳ " if f.part_of is not None else f"{f.category}: "
        labels.append(f"{prefix}{_shorten(f.text, 34)}{group} — {_shorten(name, 30)}")
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for y in range(1, len(rows)):
        if rows[y].category != rows[y - 1].category:
            ax.axhline(y - 0.5, color="0.8", lw=0.8)
    grey = "#444444"
    handles = [Line2D([], [], color=c, lw=3, label=s) for s, c in sides.items()]
    handles += [
        Line2D([], [], marker="o", ls="none", color=grey, label="exact"),
        Line2D([], [], marker="D", ls="none", color=grey, label="approximate"),
        Line2D([], [], marker="|", ls="-", color=grey, lw=3, ms=10, mew=2, label="range"),
        Line2D([], [], marker="|", ls=":", color=grey, ms=10, mew=2,
               label="open-ended (≥, >, ≤): the arrow is a direction"),
    ]
    ax.legend(handles=handles, title="colour: side of the source; marker: hedge",
              loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, title_fontsize=8)
    ax.set_title("Figures as ranges, by category (rows: the words, then the source)")
    ax.grid(axis="x", which="both", alpha=0.2)
    return fig


# --- evaluation ---


def plot_scores(tables: dict[str, Any], title: str | None = None) -> Figure:
    """Precision, recall and F1 per extractor, one panel per annotated set.

    Args:
        tables: ``{set name: DataFrame}`` as returned by
            :func:`karabakh.output.evaluate.scores_frame` (columns ``extractor``,
            ``precision``, ``recall``, ``f1``, ``matched``, ``gold``).
        title: an overall title.

    >>> from karabakh.output.evaluate import score, scores_frame
    >>> t = scores_frame([score([{"start": 0, "end": 1}], [{"start": "0", "end": "1"}],
    ...                         name="dates")])
    >>> len(plot_scores({"seed": t}).axes)
    1
    """
    import matplotlib.pyplot as plt

    names = list(tables)
    fig, axes = plt.subplots(1, max(1, len(names)), figsize=(5.2 * max(1, len(names)), 3.6),
                             squeeze=False, sharey=True)
    metrics = (("precision", "#4c72b0"), ("recall", "#dd8452"), ("f1", "#55a868"))
    for ax, name in zip(axes[0], names, strict=False):
        table = tables[name]
        xs = range(len(table))
        width = 0.26
        for k, (metric, colour) in enumerate(metrics):
            ax.bar([x + (k - 1) * width for x in xs], table[metric], width,
                   label=metric, color=colour)
        ax.set_xticks(list(xs))
        ax.set_xticklabels([f"{e}\n({m}/{g})" for e, m, g in
                            zip(table["extractor"], table["matched"], table["gold"], strict=True)],
                           fontsize=8)
        ax.set_ylim(0, 1.05)
        ax.set_title(name, fontsize=10)
        ax.grid(axis="y", alpha=0.3)
    axes[0][0].set_ylabel("score")
    axes[0][0].legend(loc="lower left", fontsize=8, frameon=True)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


# --- corpus ---
# Charts of a corpus run (karabakh.output.corpus): each takes the DataFrames of
# karabakh.read_corpus and returns the Figure.

if TYPE_CHECKING:
    import pandas as _pd

__all__ += [
    "plot_corpus_counts_by_day",
    "plot_corpus_figures",
    "plot_corpus_positions",
    "plot_corpus_speakers",
]


def _with_day(records: _pd.DataFrame, articles: _pd.DataFrame, date_column: str | None) -> _pd.DataFrame:
    """``records`` with a ``day`` column: its own day-level date, else the article's dateline."""
    import pandas as pd

    datelines = articles.set_index("id")["dateline"]
    out = records.copy()
    day = pd.to_datetime(out["article_id"].map(datelines), errors="coerce")
    if date_column and date_column in out.columns:
        own = pd.to_datetime(
            out[date_column].where(out[date_column].astype("string").str.len() == 10),
            errors="coerce",
        )
        day = own.fillna(day)
    out["day"] = day.dt.normalize()
    return out


def plot_corpus_speakers(quotes: _pd.DataFrame, top: int = 5) -> Figure:
    """Who is quoted most, per side: the ``top`` speakers of each side by quotes.

    Args:
        quotes: the ``quotes`` table of a corpus run (``speaker_id``, ``kind``).
        top: how many speakers each side shows.

    Returns:
        The matplotlib figure, one panel per side (sides with most quotes first).

    >>> import pandas as pd
    >>> q = pd.DataFrame({"speaker_id": ["PASHINYAN_NIKOL", "ALIYEV_ILHAM", None],
    ...                   "kind": ["direct", "indirect", "direct"]})
    >>> sorted(ax.get_title() for ax in plot_corpus_speakers(q).axes)
    ['ARM: 1 quotes', 'AZE: 1 quotes']
    """
    import matplotlib.pyplot as plt

    from ..text.actors import actor_info

    rows = []
    for sid, kind in zip(quotes["speaker_id"], quotes["kind"], strict=True):
        info = actor_info(sid) if isinstance(sid, str) else None
        if info is not None:
            name = info.name if len(info.name) <= 30 else info.name[:29] + "…"
            rows.append((info.side or "(no side)", name, kind))
    kinds = list(_KIND_COLOURS)
    by_side: dict[str, dict[str, dict[str, int]]] = {}
    for side, name, kind in rows:
        by_side.setdefault(side, {}).setdefault(name, dict.fromkeys(kinds, 0))[kind] += 1
    sides = sorted(by_side, key=lambda s: -sum(sum(v.values()) for v in by_side[s].values()))
    n = max(1, len(sides))
    cols = min(3, n)
    nrows = -(-n // cols)
    fig, axes = plt.subplots(nrows, cols, figsize=(5 * cols, 2.6 * nrows), squeeze=False)
    for ax in axes.flat[len(sides):]:
        ax.remove()
    if not sides:
        fig.axes[0].text(0.5, 0.5, "no attributed quotes", ha="center")
        return fig
    for ax, side in zip(axes.flat, sides, strict=False):
        speakers = sorted(by_side[side].items(), key=lambda kv: -sum(kv[1].values()))[:top][::-1]
        left = [0] * len(speakers)
        for kind in kinds:
            values = [counts[kind] for _, counts in speakers]
            ax.barh([name for name, _ in speakers], values, left=left,
                    color=_KIND_COLOURS[kind], label=kind)
            left = [a + b for a, b in zip(left, values, strict=True)]
        total = sum(sum(v.values()) for v in by_side[side].values())
        ax.set_title(f"{side}: {total} quotes")
        ax.tick_params(axis="y", labelsize=8)
    fig.axes[0].legend(loc="lower right", fontsize=8)
    fig.suptitle("Who is quoted most, per side (quotes and claims, by kind)")
    fig.tight_layout()
    return fig


def plot_corpus_figures(
    figures: _pd.DataFrame,
    articles: _pd.DataFrame,
    category: str = "killed",
    by: str = "outlet",
) -> Figure:
    """How a casualty figure evolves by day and differs by source.

    Left: every stated lower bound (``low``) of ``category`` by day (the
    figure's own date, else the article's dateline), with the daily median.
    Right: the median by source (``source_id``, or the figure's
    ``source_text``, or "(the outlet itself)") and, beside it, by ``by``, a
    column of ``articles`` such as the outlet.

    Args:
        figures: the ``figures`` table of a corpus run.
        articles: the ``articles`` table (``read_corpus`` spreads metadata).
        category: the figure category to chart.
        by: a column of ``articles`` to compare (skipped if absent).

    Returns:
        The matplotlib figure.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"article_id": ["a", "b"], "category": ["killed"] * 2, "low": [5, 9],
    ...                   "date": [None, "2023-09-20"], "source_id": [None, "ICRC"],
    ...                   "source_text": [None, "the ICRC"]})
    >>> a = pd.DataFrame({"id": ["a", "b"], "dateline": ["2023-09-21", "2023-09-21"],
    ...                   "outlet": ["wire", "wire"]})
    >>> len(plot_corpus_figures(f, a).axes)
    3
    """
    import matplotlib.pyplot as plt

    sel = figures[(figures["category"] == category) & figures["low"].notna()]
    sel = _with_day(sel, articles, "date")
    panels = 3 if by in articles.columns else 2
    fig, axes = plt.subplots(1, panels, figsize=(5 * panels + 2, 4),
                             gridspec_kw={"width_ratios": [2] + [1] * (panels - 1)})
    ax = axes[0]
    ax.set_title(f"{category}: stated lower bounds by day")
    if sel.empty:
        ax.text(0.5, 0.5, f"no '{category}' figures", ha="center", transform=ax.transAxes)
        return fig
    ax.scatter(sel["day"], sel["low"], s=10, alpha=0.35, color="tab:gray", label="one figure")
    daily = sel.groupby("day")["low"].median()
    ax.plot(daily.index, daily.values, "o-", color="tab:red", label="median")
    ax.set_ylabel("people (low)")
    ax.legend(fontsize=8)
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    source = sel["source_id"].where(sel["source_id"].notna(), sel.get("source_text"))
    sel = sel.assign(source=source.fillna("(the outlet itself)"))
    for ax, col, title in ((axes[1], "source", "median by source"),
                           *(((axes[2], by, f"median by {by}"),) if panels == 3 else ())):
        if col == by:
            sel = sel.assign(**{by: sel["article_id"].map(articles.set_index("id")[by])})
        med = sel.groupby(col)["low"].median().sort_values()
        ax.barh([str(i) for i in med.index], med.values, color="tab:blue")
        ax.set_title(title)
        ax.tick_params(axis="y", labelsize=8)
    fig.tight_layout()
    return fig


def plot_corpus_counts_by_day(
    records: _pd.DataFrame,
    articles: _pd.DataFrame,
    by: str | None = None,
    date_column: str | None = "date",
    title: str = "Records per day",
    top: int = 8,
) -> Figure:
    """Records per day (their own day-level date, else the dateline), stacked by a column.

    Args:
        records: any record table of a corpus run (e.g. ``events``).
        articles: the ``articles`` table.
        by: a column to stack by (its ``top`` most frequent values, the rest
            pooled as "other"); ``None`` for one bar per day.
        date_column: the records' own date column, if they have one.
        title: the chart title.
        top: how many values of ``by`` to show.

    Returns:
        The matplotlib figure.

    >>> import pandas as pd
    >>> r = pd.DataFrame({"article_id": ["a", "a"], "kind": ["x", "y"]})
    >>> a = pd.DataFrame({"id": ["a"], "dateline": ["2023-09-21"]})
    >>> plot_corpus_counts_by_day(r, a, by="kind").axes[0].get_ylabel()
    'records'
    >>> plot_corpus_counts_by_day(pd.DataFrame(), a).axes[0].texts[0].get_text()
    'no records'
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4))
    ax.set_title(title)
    ax.set_ylabel("records")
    if records.empty or "article_id" not in records.columns:
        ax.text(0.5, 0.5, "no records", ha="center", transform=ax.transAxes)
        return fig
    table = _with_day(records, articles, date_column)
    if by is None or by not in table.columns:
        counts = table.groupby("day").size().to_frame("all")
    else:
        keep = table[by].value_counts().index[:top]
        table = table.assign(**{by: table[by].where(table[by].isin(keep), "other")})
        counts = table.groupby(["day", by]).size().unstack(fill_value=0)
    bottom = [0] * len(counts)
    labels = [d.strftime("%m-%d") for d in counts.index]
    for col in counts.columns:
        values = counts[col].tolist()
        ax.bar(labels, values, bottom=bottom, label=str(col))
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    if len(counts.columns) > 1:
        ax.legend(title=by, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set_xlabel("day (2023)")
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    fig.tight_layout()
    return fig


def plot_corpus_positions(
    statements: _pd.DataFrame,
    articles: _pd.DataFrame,
    actor: str = "actor_id",
    value: str = "agreement",
    top: int = 6,
) -> Figure:
    """Positions by actor over time: the mean of ``value`` per actor and day.

    Args:
        statements: the ``statements`` table of a corpus run.
        articles: the ``articles`` table.
        actor: the column naming the actor.
        value: a numeric column (e.g. agreement +1/-1).
        top: how many actors (those with most statements).

    Returns:
        The matplotlib figure.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"article_id": ["a", "a"], "actor_id": ["X", "Y"], "agreement": [1, -1]})
    >>> a = pd.DataFrame({"id": ["a"], "dateline": ["2023-09-21"]})
    >>> plot_corpus_positions(s, a).axes[0].get_ylabel()
    'mean agreement'
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4))
    ax.set_title(f"Positions by actor over time (mean {value} per day)")
    ax.set_ylabel(f"mean {value}")
    needed = {"article_id", actor, value}
    if statements.empty or not needed <= set(statements.columns):
        ax.text(0.5, 0.5, "no positions", ha="center", transform=ax.transAxes)
        return fig
    table = _with_day(statements, articles, None)
    table = table[table[actor].notna() & table[value].notna()]
    if table.empty:
        ax.text(0.5, 0.5, "no positions", ha="center", transform=ax.transAxes)
        return fig
    actors = table[actor].value_counts().index[:top]
    for who in actors:
        series = table[table[actor] == who].groupby("day")[value].mean()
        ax.plot(series.index, series.values, "o-", label=str(who))
    ax.axhline(0, color="0.7", lw=0.8)
    ax.legend(fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left")
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    fig.tight_layout()
    return fig


# --- positions ---
# Charts of actors' positions (issue 16): statements coded as discourse network
# analysis codes them (karabakh.extract.statements). Appended here; names added to __all__ below.

if TYPE_CHECKING:
    from collections.abc import Sequence as _StatementSeq

    import pandas as _pd

    from ..records import Statement

#: Colours of the sides in the positions charts.
_SIDE_COLOURS = {"AZE": "#1b9e77", "NKR": "#d95f02", "ARM": "#e6ab02", "RUS": "#7570b3",
                 "USA": "#1f78b4", "EU": "#e7298a", "DEU": "#66a61e", "FRA": "#a6761d",
                 "TUR": "#b15928", "IRN": "#6a3d9a", "UN": "#17becf", "INT": "#666666"}


def _actor_label(actor_id: str) -> str:
    """The actor's name (without a parenthesis, at most 30 characters) and side."""
    import re

    from ..text.actors import actor_info

    info = actor_info(actor_id)
    if info is None:
        return actor_id
    name = re.sub(r"\s*\(.*?\)", "", info.name).strip() or info.name
    if len(name) > 30:
        name = name[:28].rstrip() + "…"
    return f"{name} ({info.side})"


def _concept_labels() -> dict[str, str]:
    from ..extract.statements import load_concepts

    return {c.concept_id: c.label for c in load_concepts()}


def plot_positions_heatmap(statements: _StatementSeq[Statement]) -> Figure:
    """The actor x concept matrix: mean agreement of each actor's own statements.

    Rows are ordered by side (Azerbaijan, Karabakh, Armenia, then the others,
    with a line between sides), columns in the order of ``concepts.csv``;
    blue agrees, red rejects, white neutral, grey = said nothing. Each cell
    shows its number of statements. Removed statements are left out.

    >>> from karabakh.records import Statement
    >>> st = [Statement(0, 1, "x", "AZE", "x", 0, 1, "counter_terrorism", 1, "claim", 0, 1, "x")]
    >>> plot_positions_heatmap(st).axes[0].get_title()
    'Positions: mean agreement per actor and concept (own words)'
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from ..extract.statements import position_matrix, positions

    matrix = position_matrix(statements)
    labels = _concept_labels()
    fig, ax = plt.subplots(figsize=(max(7.0, 0.7 * max(1, matrix.shape[1]) + 4),
                                    max(4.5, 0.45 * max(1, matrix.shape[0]) + 2.5)))
    ax.set_title("Positions: mean agreement per actor and concept (own words)")
    if matrix.empty:
        ax.text(0.5, 0.5, "no statements", ha="center", transform=ax.transAxes)
        return fig
    data = np.ma.masked_invalid(matrix.to_numpy(dtype=float))
    cmap = plt.get_cmap("RdBu").with_extremes(bad="0.93")
    image = ax.imshow(data, cmap=cmap, vmin=-1, vmax=1, aspect="auto")
    counts = positions(statements).set_index(["actor_id", "concept_id"])["n"]
    for i, actor in enumerate(matrix.index):
        for j, concept in enumerate(matrix.columns):
            n = counts.get((actor, concept))
            if n is not None:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=8,
                        color="white" if abs(float(data[i, j])) > 0.6 else "black")
    ax.set_xticks(range(matrix.shape[1]), [labels.get(c, c) for c in matrix.columns],
                  rotation=40, ha="right", fontsize=9)
    ax.set_yticks(range(matrix.shape[0]), [_actor_label(a) for a in matrix.index], fontsize=9)
    from ..extract.statements import actor_side

    sides = [actor_side(a) or "" for a in matrix.index]
    for i in range(1, len(sides)):
        if sides[i] != sides[i - 1]:
            ax.axhline(i - 0.5, color="0.3", lw=1)
    fig.colorbar(image, ax=ax, label="agreement (-1 rejects .. +1 agrees); number = statements")
    fig.tight_layout()
    return fig


def plot_concept_network(statements: _StatementSeq[Statement]) -> Figure:
    """The two-mode actor-concept network (DNA's affiliation network).

    Actors (left, by side) are linked to the concepts (right) they made
    statements on: green agrees, red rejects, grey mixed or neutral; the
    line width grows with the number of statements.

    >>> from karabakh.records import Statement
    >>> st = [Statement(0, 1, "x", "AZE", "x", 0, 1, "counter_terrorism", 1, "claim", 0, 1, "x")]
    >>> plot_concept_network(st).axes[0].get_title()
    'Actors and the concepts they speak to (two-mode network)'
    """
    import matplotlib.pyplot as plt

    from ..extract.statements import actor_network, position_matrix

    edges = actor_network(statements, "affiliation")
    matrix = position_matrix(statements)
    actors, concepts = list(matrix.index), list(matrix.columns)
    labels = _concept_labels()
    height = max(4.0, 0.4 * max(len(actors), len(concepts)) + 1.5)
    fig, ax = plt.subplots(figsize=(11, height))
    ax.set_title("Actors and the concepts they speak to (two-mode network)")
    ax.axis("off")
    if edges.empty:
        ax.text(0.5, 0.5, "no statements", ha="center", transform=ax.transAxes)
        return fig

    def ys(n: int) -> list[float]:
        return [1 - (i + 0.5) / n for i in range(n)]

    ya = dict(zip(actors, ys(len(actors)), strict=True))
    yc = dict(zip(concepts, ys(len(concepts)), strict=True))
    for r in edges.to_dict("records"):
        mean = float(r["agreement"])
        colour = "#1a9850" if mean > 0 else "#d73027" if mean < 0 else "#999999"
        ax.plot([0.3, 0.7], [ya[r["source"]], yc[r["target"]]], color=colour,
                lw=0.8 + 1.2 * int(r["weight"]), alpha=0.7, solid_capstyle="round")
    from ..text.actors import actor_info

    for a, y in ya.items():
        info = actor_info(a)
        side = info.side if info else "INT"
        ax.plot([0.3], [y], "o", ms=9, color=_SIDE_COLOURS.get(side, "#666666"))
        ax.text(0.28, y, _actor_label(a), ha="right", va="center", fontsize=9)
    for c, y in yc.items():
        ax.plot([0.7], [y], "s", ms=9, color="0.4")
        ax.text(0.72, y, labels.get(c, c), ha="left", va="center", fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], color=c, lw=3, label=t) for c, t in
               (("#1a9850", "agrees"), ("#d73027", "rejects"), ("#999999", "mixed / neutral"))]
    ax.legend(handles=handles, loc="lower center", ncol=3, bbox_to_anchor=(0.5, -0.06),
              frameon=False)
    fig.tight_layout()
    return fig


def _overlaps(fig: Figure, texts: list[Any]) -> list[tuple[int, int]]:
    """Pairs of texts whose drawn boxes overlap."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [t.get_window_extent(renderer=renderer) for t in texts]
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i].overlaps(boxes[j])]


def _separate_labels(fig: Figure, ax: Any, texts: list[Any], points: list[tuple[float, float]]) -> None:
    """Move labels until none overlaps: adjustText first, then a vertical nudge."""
    from adjustText import adjust_text

    if len(texts) > 1:
        adjust_text(texts, x=[p[0] for p in points], y=[p[1] for p in points], ax=ax,
                    expand=(1.1, 1.3), time_lim=3,
                    arrowprops={"arrowstyle": "-", "color": "0.6", "lw": 0.5})
    # window extents follow set_position without a redraw once a renderer exists
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    inv = ax.transData.inverted()
    for _ in range(300):
        pairs = _overlaps(fig, texts)
        if not pairs:
            break
        for i, j in pairs:
            bi = texts[i].get_window_extent(renderer=renderer)
            bj = texts[j].get_window_extent(renderer=renderer)
            step = (min(bi.y1, bj.y1) - max(bi.y0, bj.y0)) / 2 + 1
            up, down = (j, i) if bj.y0 + bj.y1 >= bi.y0 + bi.y1 else (i, j)
            for k, sign in ((up, 1), (down, -1)):
                px, py = ax.transData.transform(texts[k].get_position())
                texts[k].set_position(tuple(inv.transform((px, py + sign * step))))


def plot_position_map(statements: _StatementSeq[Statement]) -> Figure:
    """Two-dimensional map of the actors' positions (PCA of the actor x concept matrix).

    Left: each actor is a dot coloured by side (its size grows with its
    statements) and labelled with its name; actors close together take
    similar positions. Right: the direction of each concept on the same
    axes (agreeing with a concept pulls an actor that way). Labels are
    placed with adjustText and then nudged until none overlaps.

    >>> from karabakh.records import Statement
    >>> st = [Statement(0, 1, "x", a, "x", 0, 1, c, g, "claim", 0, 1, "x")
    ...       for a, c, g in (("AZE", "counter_terrorism", 1), ("ARM", "counter_terrorism", -1),
    ...                       ("ARM", "ethnic_cleansing", 1))]
    >>> fig = plot_position_map(st)
    >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text())
    ['Armenia (ARM)', 'Azerbaijan (AZE)']
    """
    import matplotlib.pyplot as plt

    from ..extract.statements import position_map

    pmap = position_map(statements)
    fig, (ax, axc) = plt.subplots(1, 2, figsize=(13, 7), gridspec_kw={"width_ratios": [3, 2]})
    ex = pmap.attrs.get("explained", (0.0, 0.0))
    ax.set_title("Map of positions (PCA of actor x concept agreement)")
    axc.set_title("Direction of each concept")
    if pmap.empty:
        ax.text(0.5, 0.5, "no statements", ha="center", transform=ax.transAxes)
        return fig
    for a in (ax, axc):
        a.set_xlabel(f"first axis ({ex[0]:.0%} of variance)")
        a.axhline(0, color="0.85", lw=0.8, zorder=0)
        a.axvline(0, color="0.85", lw=0.8, zorder=0)
    ax.set_ylabel(f"second axis ({ex[1]:.0%} of variance)")
    seen: set[str] = set()
    texts, points = [], []
    for r in pmap.to_dict("records"):
        side = str(r["side"] or "INT")
        colour = _SIDE_COLOURS.get(side, "#666666")
        ax.scatter([r["x"]], [r["y"]], s=40 + 25 * int(r["n"]), color=colour, alpha=0.85,
                   edgecolor="white", label=side if side not in seen else None, zorder=3)
        seen.add(side)
        texts.append(ax.text(float(r["x"]), float(r["y"]), _actor_label(str(r["actor_id"])),
                             fontsize=9, zorder=4))
        points.append((float(r["x"]), float(r["y"])))
    ax.margins(x=0.4, y=0.3)
    ax.legend(title="side", loc="best", fontsize=8)
    labels = _concept_labels()
    ctexts, cpoints = [], []
    for concept, row in pmap.attrs["loadings"].iterrows():
        if abs(row.x) + abs(row.y) < 1e-9:
            continue
        axc.annotate("", xy=(row.x, row.y), xytext=(0, 0),
                     arrowprops={"arrowstyle": "->", "color": "0.5", "lw": 0.8})
        ctexts.append(axc.text(row.x, row.y, labels.get(str(concept), str(concept)), fontsize=8,
                               color="0.3"))
        cpoints.append((float(row.x), float(row.y)))
    axc.set_xlim(-1.2, 1.2)
    axc.set_ylim(-1.2, 1.2)
    fig.tight_layout()
    fig.canvas.draw()
    _separate_labels(fig, ax, texts, points)
    _separate_labels(fig, axc, ctexts, cpoints)
    return fig


def plot_actor_tone(tone: _pd.DataFrame) -> Figure:
    """A separate, lexical measure: each speaker's VADER tone toward each named actor.

    Not a position: the mean VADER compound score (-1 negative .. +1
    positive) of the sentences in which a speaker names another actor
    (:func:`karabakh.extract.statements.actor_tone`). Rows are speakers, columns the
    actors named; each cell shows its number of sentences.

    >>> import pandas as pd
    >>> tone = pd.DataFrame({"speaker_id": ["AZE"], "target_id": ["ARM"], "tone": [-0.5], "n": [1]})
    >>> plot_actor_tone(tone).axes[0].get_title()
    'Lexical tone (VADER) of each speaker toward the actors it names — not a position'
    """
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(11, 6))
    ax.set_title("Lexical tone (VADER) of each speaker toward the actors it names — not a position")
    ax.title.set_wrap(True)
    if tone.empty:
        ax.text(0.5, 0.5, "no speaker names another actor", ha="center", transform=ax.transAxes)
        return fig
    speakers = list(dict.fromkeys(tone.speaker_id))
    targets = list(dict.fromkeys(tone.target_id))
    grid = tone.pivot(index="speaker_id", columns="target_id", values="tone").reindex(
        index=speakers, columns=targets)
    image = ax.imshow(np.ma.masked_invalid(grid.to_numpy(dtype=float)), cmap="PuOr", vmin=-1,
                      vmax=1, aspect="auto")
    n = tone.set_index(["speaker_id", "target_id"])["n"]
    for i, a in enumerate(speakers):
        for j, b in enumerate(targets):
            if (a, b) in n.index:
                ax.text(j, i, str(int(n[(a, b)])), ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(targets)), [_actor_label(t) for t in targets], rotation=40,
                  ha="right", fontsize=8)
    ax.set_yticks(range(len(speakers)), [_actor_label(s) for s in speakers], fontsize=8)
    ax.set_xlabel("actor named")
    ax.set_ylabel("speaker")
    fig.colorbar(image, ax=ax, label="VADER compound (-1 .. +1)\nnumber in a cell = sentences")
    fig.tight_layout()
    return fig


__all__ += [
    "plot_actor_tone",
    "plot_concept_network",
    "plot_position_map",
    "plot_positions_heatmap",
]


# --- events ---

__all__ += ["plot_event_timeline", "plot_events_map", "plot_goldstein"]

_EVENT_MARKERS = {"ASSAULT": "X", "COERCE": "s", "REQUEST": "^", "ACCUSE": "v", "THREATEN": "D",
                  "DEMAND": "P", "RETREAT": "<", "CONCEDE": "<", "AGREE": "o", "SUPPORT": "o",
                  "CONSULT": "h", "AID": "*", "PROTEST": "p", "REJECT": ">", "MOBILIZE": "d",
                  "SANCTION": "8", "COOPERATE": "o"}
_DONE = ("happened", "reported", "announced")


def _event_groups(events: Sequence[Any]) -> list[list[Any]]:
    """Tellings grouped by ``event_id`` in order of the first telling."""
    groups: dict[str, list[Any]] = {}
    for e in events:
        groups.setdefault(e.event_id or f"{e.start}", []).append(e)
    return list(groups.values())


def _side_of(actor_id: str | None) -> str:
    from ..text.actors import actor_info

    info = actor_info(actor_id) if actor_id else None
    return info.side if info else ("unnamed" if actor_id is None else actor_id)


def plot_goldstein(events: Sequence[Any]) -> Figure:
    """Conflict and cooperation by actor dyad and day: mean Goldstein weight of the events.

    One value per merged event (its tellings count once), for events that
    happened or were reported or announced as done; threats, demands and
    conditions are left out, and so is the background (historical). Rows are
    dyads of sides (source side -> target side, ``unnamed`` when the text does
    not say), columns days; each cell shows the mean weight and the number of
    events.

    Args:
        events: the result of :func:`karabakh.find_events`.

    Returns:
        The matplotlib figure.

    >>> from karabakh.records import Event
    >>> e = Event(0, 6, "attack", 0, "noun", source_id="AZE", code="190", root_code="19",
    ...           goldstein=-10.0, date="2023-09-19", event_id="E1")
    >>> plot_goldstein([e]).axes[0].get_title()
    'Conflict (-10) and cooperation (+10) by dyad and day: mean Goldstein weight'
    """
    import matplotlib.pyplot as plt

    cells: dict[tuple[str, str], list[float]] = {}
    for tell in _event_groups(events):
        done = [t for t in tell if t.modality in _DONE and "historical" not in t.plover_context]
        if not done:
            continue
        first = done[0]
        src = next((t.source_id for t in done if t.source_id), None)
        tgt = next((t.target_id for t in done if t.target_id), None)
        day = next((t.date for t in done if t.date and len(t.date) == 10 and t.date_rule != "dateline"),
                   first.date) or "undated"
        dyad = f"{_side_of(src)} → {_side_of(tgt)}"
        cells.setdefault((dyad, day[:10]), []).append(first.goldstein)
    dyads = sorted({d for d, _ in cells})
    days = sorted({d for _, d in cells})
    fig, ax = plt.subplots(figsize=(3 + 1.6 * max(1, len(days)), 1.2 + 0.45 * max(1, len(dyads))))
    ax.set_title("Conflict (-10) and cooperation (+10) by dyad and day: mean Goldstein weight")
    if not cells:
        ax.text(0.5, 0.5, "no events", ha="center", transform=ax.transAxes)
        return fig
    grid = [[(sum(cells[(d, day)]) / len(cells[(d, day)])) if (d, day) in cells else float("nan")
             for day in days] for d in dyads]
    image = ax.imshow(grid, cmap="RdYlGn", vmin=-10, vmax=10, aspect="auto")
    for i, d in enumerate(dyads):
        for j, day in enumerate(days):
            if (d, day) in cells:
                vals = cells[(d, day)]
                ax.text(j, i, f"{sum(vals) / len(vals):+.1f}\n(n={len(vals)})", ha="center", va="center",
                        fontsize=8)
    ax.set_xticks(range(len(days)), days)
    ax.set_yticks(range(len(dyads)), dyads)
    ax.set_xlabel("day (the stated day of the event; the dateline when none is stated)")
    fig.colorbar(image, ax=ax, label="Goldstein weight", shrink=0.8)
    fig.tight_layout()
    return fig


def plot_event_timeline(events: Sequence[Any], days: Sequence[str] | None = None) -> Figure:
    """The events in order on a timeline, one lane per side, markers by event type.

    One marker per merged event at the day it happened (events of one day are
    spread in the order they are first told), in the lane of the side that did
    it (``unnamed`` when the text does not say); the marker's shape is the
    PLOVER type, filled for what happened (or was reported or announced as
    done) and hollow for threats, demands, conditions, plans and denials. Labels
    give the event id, the CAMEO label and the number of tellings. The
    background (events dated more than 30 days before the dateline) is drawn
    apart, in a left panel with its years.

    Args:
        events: the result of :func:`karabakh.find_events`.
        days: the days to show (``YYYY-MM-DD``); default: every stated day.

    Returns:
        The matplotlib figure.

    >>> from karabakh.records import Event
    >>> e = Event(0, 6, "attack", 0, "noun", source_id="AZE", code="190", root_code="19",
    ...           label="Use conventional military force", plover_type="ASSAULT",
    ...           date="2023-09-19", date_precision="day", event_id="E1")
    >>> [ax.get_title() for ax in plot_event_timeline([e]).axes]
    ['Background', 'Events by side, in the order told (filled: happened; hollow: threatened, demanded ...)']
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    groups = _event_groups(events)
    current: list[list[Any]] = []
    background: list[list[Any]] = []
    for tell in groups:
        (background if all("historical" in t.plover_context for t in tell) else current).append(tell)

    def day_of(tell: list[Any]) -> str | None:
        stated = [t.date for t in tell if t.date and len(t.date) == 10 and t.date_rule != "dateline"]
        dated = stated or [t.date for t in tell if t.date and len(t.date) == 10]
        return min(dated) if dated else None

    shown: list[tuple[str, list[Any]]] = []
    for t in current:
        d = day_of(t)
        if d is not None and (days is None or d in days):
            shown.append((d, t))
    all_days = sorted({d for d, _ in shown}) if days is None else list(days)
    lanes = sorted({_side_of(next((x.source_id for x in t if x.source_id), None)) for _, t in shown},
                   key=lambda s: (s == "unnamed", s))
    fig, (axb, ax) = plt.subplots(1, 2, figsize=(15, 1.8 + 1.1 * max(2, len(lanes))),
                                  gridspec_kw={"width_ratios": [1, 4]})
    ax.set_title("Events by side, in the order told (filled: happened; hollow: threatened, demanded ...)")
    axb.set_title("Background")
    per_day: dict[str, int] = {}
    totals = {d: sum(1 for dd, _ in shown if dd == d) for d in all_days}
    used: dict[tuple[int, int], int] = {}
    for d, tell in shown:
        k = per_day.get(d, 0)
        per_day[d] = k + 1
        x = all_days.index(d) + (k + 0.5) / (totals[d] + 0.5) * 0.9
        first = tell[0]
        side = _side_of(next((t.source_id for t in tell if t.source_id), None))
        y = lanes.index(side)
        done = any(t.modality in _DONE for t in tell)
        marker = _EVENT_MARKERS.get(first.plover_type, "o")
        color = "tab:red" if first.goldstein < -5 else "tab:orange" if first.goldstein < 0 else "tab:green"
        ax.plot(x, y, marker, markersize=11, color=color, markerfacecolor=color if done else "white",
                markeredgewidth=1.8, zorder=3)
        slot = (round(x * 4), y)
        n = used.get(slot, 0)
        used[slot] = n + 1
        dy = 0.28 + 0.2 * (n % 2) if k % 2 == 0 else -0.3 - 0.2 * (n % 2)
        label = f"{first.event_id} {first.label[:28]}" + (f" ×{len(tell)}" if len(tell) > 1 else "")
        ax.annotate(label, (x, y), xytext=(x, y + dy), fontsize=7, ha="center",
                    va="bottom" if dy > 0 else "top", rotation=0,
                    arrowprops={"arrowstyle": "-", "color": "#aaaaaa", "lw": 0.5})
    ax.set_yticks(range(len(lanes)), lanes)
    ax.set_ylim(-0.9, max(1, len(lanes)) - 0.1)
    ax.set_xlim(0, max(1, len(all_days)))
    ax.set_xticks([i + 0.5 for i in range(len(all_days))], all_days)
    for i in range(1, len(all_days)):
        ax.axvline(i, color="#dddddd", lw=1)
    ax.set_xlabel("day")
    types = sorted({t[0].plover_type for _, t in shown})
    handles = [Line2D([], [], marker=_EVENT_MARKERS.get(tp, "o"), ls="", color="0.3", label=tp)
               for tp in types]
    if handles:
        ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  title="PLOVER type", title_fontsize=7)
    years = []
    for tell in background:
        first = tell[0]
        year = (first.date or "?").split("/")[0][:4]
        years.append((year, first))
    years.sort(key=lambda p: p[0])
    for i, (_year, first) in enumerate(years):
        axb.plot(0, i, _EVENT_MARKERS.get(first.plover_type, "o"), color="0.4", markersize=9)
        axb.text(0.08, i, f"{first.date}: {first.text[:30]}", va="center", fontsize=8)
    axb.set_xlim(-0.1, 1.2)
    axb.set_ylim(-1, max(1, len(years)))
    axb.invert_yaxis()
    axb.axis("off")
    fig.tight_layout()
    return fig


def plot_events_map(events: Sequence[Any],
                    bbox: tuple[float, float, float, float] = (44.5, 39.2, 48.0, 41.0)) -> Figure:
    """Map of where the events happened: one marker per place, sized by its events.

    Args:
        events: the result of :func:`karabakh.find_events` (events with coordinates).
        bbox: ``(lon_min, lat_min, lon_max, lat_max)`` of the map.

    Returns:
        The matplotlib figure; places outside ``bbox`` are listed in a note.

    >>> from karabakh.records import Event
    >>> e = Event(0, 6, "attack", 0, "noun", code="190", root_code="19", place_id="STEPANAKERT",
    ...           place_text="Stepanakert", lat=39.82, lon=46.75, event_id="E1")
    >>> plot_events_map([e]).axes[0].get_xlabel()
    'longitude'
    """
    import matplotlib.pyplot as plt

    from ..text.actors import place_info
    from .geo import country_outlines

    places: dict[str, set[str]] = {}
    for e in events:
        if e.place_id and e.lat is not None and e.lon is not None:
            places.setdefault(e.place_id, set()).add(e.event_id or str(e.start))
    lon0, lat0, lon1, lat1 = bbox
    fig, ax = plt.subplots(figsize=(9, 5.5))
    shapes = country_outlines(bbox)
    for outline in shapes:
        for ring in outline.parts:
            ax.fill([p[0] for p in ring], [p[1] for p in ring], facecolor="#f2efe6",
                    edgecolor="#777777", linewidth=0.6, zorder=1)
    outside = []
    for pid, ids in sorted(places.items()):
        info = place_info(pid)
        if info is None:
            continue
        if not (lon0 <= info.lon <= lon1 and lat0 <= info.lat <= lat1):
            outside.append(f"{info.name} ({len(ids)})")
            continue
        marker = "s" if info.kind in ("region", "corridor", "country") else "o"
        ax.plot(info.lon, info.lat, marker, color="tab:red", alpha=0.75, markersize=6 + 4 * len(ids) ** 0.5,
                zorder=3)
        ax.annotate(f"{info.name}: {', '.join(sorted(ids))}", (info.lon, info.lat), xytext=(6, 6),
                    textcoords="offset points", fontsize=8, zorder=4)
    if outside:
        ax.text(0.01, 0.01, "outside the map: " + ", ".join(outside), transform=ax.transAxes, fontsize=8)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1.3)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_title("Where the events happened (squares: a region or corridor, not a point)")
    fig.tight_layout()
    return fig
