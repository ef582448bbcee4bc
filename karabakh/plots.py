"""Charts for the notebooks; every function returns a matplotlib ``Figure``.

Plots take records (or the DataFrames of :func:`karabakh.to_frame`) and never
read files or the network. Import cost stays low: matplotlib is imported
inside each function.

>>> from karabakh import analyze, Article
>>> fig = plot_sentence_lengths(analyze(Article.from_text("“Yes,” he said. No.")))
>>> len(fig.axes)
1
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .analysis import Analysis

__all__ = ["plot_sentence_lengths"]

# Sentence-level quote marks, for the first chart (quote extraction proper is
# karabakh.quotes; this only shades sentences that contain a quote mark).
_QUOTE_MARKS = "«»“”„\""


def plot_sentence_lengths(analysis: Analysis) -> Figure:
    """Bar chart of sentence lengths in words, sentences with quote marks shaded.

    Args:
        analysis: the result of :func:`karabakh.analyze`.

    Returns:
        The matplotlib figure.

    >>> from karabakh import analyze, Article
    >>> plot_sentence_lengths(analyze(Article.from_text("One. Two words."))).axes[0].get_xlabel()
    'sentence (index in article)'
    """
    import matplotlib.pyplot as plt

    body = [s for s in analysis.sentences if not s.is_header]
    lengths = [len(s.text.split()) for s in body]
    quoted = [any(c in s.text for c in _QUOTE_MARKS) for s in body]
    fig, ax = plt.subplots(figsize=(10, 3.5))
    colors = ["tab:orange" if q else "tab:gray" for q in quoted]
    ax.bar([s.index for s in body], lengths, color=colors)
    ax.set_xlabel("sentence (index in article)")
    ax.set_ylabel("words")
    ax.set_title(f"Sentence lengths in {analysis.article.id}")
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color="tab:orange", label="has a quote mark"), Patch(color="tab:gray", label="no quote mark")],
        loc="upper right",
    )
    fig.tight_layout()
    return fig


# --- mentions (issue 4): actors and places charts go below this line ---

# --- quotes (issue 5): quote charts go below this line ---

# --- dates (issue 6): timeline charts go below this line ---

# --- figures (issue 7): human-cost charts go below this line ---

