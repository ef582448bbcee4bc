"""The charts read right: one colour per side, kinds in greys, nothing drawn where it misleads.

Sentences are our own (invented wording and numbers); each test checks what a
reader of the chart would see, on the artists of the returned Figure.
"""

import matplotlib

matplotlib.use("Agg")  # this test process only; notebook kernels keep the inline backend

import matplotlib.colors as mcolors
import pytest

import karabakh as kb
from karabakh.output import plots


def _hex(c):
    return mcolors.to_hex(c).upper()


def test_open_ended_figures_do_not_stretch_the_axis():
    figs = kb.find_figures("At least 32 people were killed and more than 200 were injured.",
                           mentions=[])
    ax = plots.plot_figure_ranges(figs).axes[0]
    assert ax.get_xlim()[1] <= 200 * 3 + 1  # was ~3e4: an arrow to the edge read as tens of thousands
    labels = {t.get_text() for t in ax.texts}
    assert {"≥ 32", "> 200"} <= labels


@pytest.mark.parametrize(("sentence", "note"), [
    ("Some soldiers were killed in the shelling.", "no number given (some)"),
    ("No one was hurt in the blast, officials said.", "zero"),
])
def test_figures_without_a_positive_number_are_not_points(sentence, note):
    figs = kb.find_figures(sentence, mentions=[])
    ax = plots.plot_figure_ranges(figs).axes[0]
    assert any(t.get_text().startswith(note) for t in ax.texts)
    assert not [ln for ln in ax.get_lines() if len(ln.get_xdata()) and ln.get_marker() not in {"None", None, ""}]


def test_a_side_has_one_colour_in_every_chart():
    text = "“We will not leave,” Pashinyan said. Baku said Yerevan lied. Aliyev claims that it won."
    analysis = kb.analyze(kb.Article.from_text(text))
    _, side_ax = plots.plot_mentions_by_side(analysis.mentions).axes
    bar_colours = {(lbl.get_text(), _hex(p.get_facecolor()))
                   for lbl, p in zip(side_ax.get_yticklabels(), side_ax.patches, strict=True)}
    for side, colour in bar_colours:
        assert colour == plots.side_colour(side).upper()
    quote_ax = plots.plot_quotes_by_side(analysis.quotes).axes[1]
    for lbl in quote_ax.get_xticklabels():
        if lbl.get_text() in plots.SIDE_COLOURS:
            assert _hex(lbl.get_color()) == plots.side_colour(lbl.get_text()).upper()
    kinds = {_hex(p.get_facecolor()) for p in quote_ax.patches}
    assert kinds <= {c.upper() for c in plots.KIND_SHADES.values()}  # kinds never borrow a side's colour
    assert not kinds & {c.upper() for c in plots.SIDE_COLOURS.values()}


def test_timeline_labels_are_words_and_the_unplaced_are_named():
    text = "The shelling began last night. It lasted just one day. Talks stalled in recent months."
    dates = kb.find_dates(text, "2023-09-20")
    fig = plots.plot_timeline(dates, kb.split_sentences(text), "2023-09-20")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels and labels[0].startswith("19 Sep 2023, night")
    assert not any("TNI" in lbl for lbl in labels)
    footnote = fig._supxlabel.get_text()
    assert "just one day" in footnote and "recent months" in footnote
    assert fig.axes[0].get_legend() is not None


@pytest.mark.parametrize("width", [20, 30, 45])
def test_excerpts_are_cut_between_words(width):
    text = "Residents of the mountain villages said yesterday that the roads were closed again."
    (ref,) = kb.find_dates(text, "2023-09-20")
    excerpt = plots._excerpt(ref, kb.split_sentences(text), width)
    words = set(text.replace(".", "").split())
    inner = excerpt.strip("…“”").replace("[", "").replace("]", "").rstrip(".")
    assert all(w in words for w in inner.split())


def test_places_map_lists_regions_and_says_there_is_no_nkao_outline():
    mentions = kb.tag_mentions("Fighting in Nagorno-Karabakh spread across the South Caucasus; "
                               "buses left Stepanakert for Goris.")
    ax = plots.plot_places_map(mentions, outlines=False).axes[0]
    note = "\n".join(t.get_text() for t in ax.texts)
    assert "South Caucasus" in note and plots.NKAO_NOTE.split(":")[0] in note.replace("\n", " ")
    assert ax.get_legend() is not None
    labels = [t.get_text() for t in ax.texts if "(" in t.get_text() and "\n" not in t.get_text()]
    assert any(lbl.startswith("Stepanakert") for lbl in labels)


def test_styled_table_left_aligns_and_keeps_whole_text():
    import pandas as pd

    long = "A sentence much longer than seventy characters, which the old tables cut with an ellipsis."
    html = plots.styled_table(pd.DataFrame({"start": [3], "text": [long]})).to_html()
    assert long in html and "text-align: left" in html and "…" not in html


def test_save_figure_writes_png_and_svg(tmp_path):
    fig = plots.plot_sentence_lengths(kb.analyze(kb.Article.from_text("One. Two words.")))
    png, svg = plots.save_figure(fig, "lengths", tmp_path)
    assert png.read_bytes()[:4] == b"\x89PNG" and svg.read_text().lstrip().startswith("<")
    with pytest.raises(ValueError, match="name"):
        plots.save_figure(fig, "../escape", tmp_path)
