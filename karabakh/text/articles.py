"""Read an article verbatim, with its dateline, header and body spans.

The text is kept exactly as decoded from UTF-8: CRLF line ends stay CRLF, a
leading UTF-8 byte-order mark is removed by the decoder (and recorded as
``had_bom``), nothing else is touched. Every offset the package reports is an
index into :attr:`Article.text`.

The dateline is taken, in this order, from the ``dateline`` argument, the
JSON sidecar beside the file (``<stem>.json``; the first of the keys in
:data:`SIDECAR_DATE_KEYS` that it holds: ``dateline``, ``datePublished``,
``date_published``, ``published_at``, ``publishedAt``, ``published``,
``pubdate``, ``pub_date``, ``publication_date``, ``date``), or a leading header
``date YYYY-MM-DD``. When none is found it is ``None``, the article carries a
warning saying what stays unresolved (:attr:`Article.warnings`, repeated by
``analyze()`` and on stderr by the command line), and a step that cannot work
without it calls :meth:`Article.require_dateline`, which raises.

Markup is refused, never coded: a text holding HTML tags or character
entities raises a ``ValueError`` naming the line and span (see
``docs/design/0007-hostile-input.md``).

>>> a = Article.from_text("date 2023-09-20 Baku said so.")
>>> a.dateline, a.body
(datetime.date(2023, 9, 20), 'Baku said so.')
"""

from __future__ import annotations

import datetime as dt
import email.utils
import errno
import hashlib
import html.entities
import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["SIDECAR_DATE_KEYS", "Article", "find_markup", "parse_dateline", "read_article"]

#: Sidecar keys read as the dateline, in order of precedence: the first one
#: present wins. ``dateline`` is this project's own key; the others are what
#: news scrapers and corpora use (schema.org ``datePublished``, RSS
#: ``pubDate`` lower-cased, newspaper3k / news-please ``date_publish`` ...).
#: A value may be a ``YYYY-MM-DD`` date, an ISO 8601 date-time (its date
#: part is taken as written, without converting time zones) or an RFC 2822
#: date as in RSS (``Wed, 20 Sep 2023 10:00:00 GMT``).
SIDECAR_DATE_KEYS = (
    "dateline",
    "datePublished",
    "date_published",
    "date_publish",
    "published_at",
    "publishedAt",
    "published",
    "pubDate",
    "pubdate",
    "pub_date",
    "publication_date",
    "date",
)

#: The warning an article without a dateline carries (``{id}`` filled in).
NO_DATELINE_WARNING = (
    "article {id!r}: no dateline; relative dates ('yesterday', 'on Tuesday'), figure dates, "
    "role titles ('the president') and the speakers reached through them stay unresolved "
    "(None). Pass dateline='YYYY-MM-DD' (--dateline), add \"dateline\" to the sidecar JSON "
    "or start the text with 'date YYYY-MM-DD'"
)

# Markup that must not be coded as prose: an HTML element tag (a known element
# name, so "x <y" or "<5 dead>" in prose is not markup), a comment or doctype,
# a numeric character reference (with or without its ";"), or a named entity
# with its ";" ("AT&T" is prose, "&amp;" is markup).
_HTML_ELEMENTS = (
    "a abbr address article aside audio b blockquote body br button caption center cite "
    "code dd del details div dl dt em embed figcaption figure font footer form h1 h2 h3 h4 "
    "h5 h6 head header hr html i iframe img input ins label li link main mark meta nav "
    "noscript object ol option p picture pre q s script section select small source span "
    "strike strong style sub summary sup svg table tbody td textarea tfoot th thead time "
    "title tr u ul video wbr"
).split()
_MARKUP = re.compile(
    r"<!--|<!doctype\b|<\?xml\b"
    r"|</?(?:" + "|".join(sorted(_HTML_ELEMENTS, key=len, reverse=True)) + r")(?=[\s/>])[^<>]{0,2000}>"
    r"|&#[0-9]{1,7};?|&#[xX][0-9a-fA-F]{1,6};?"
    r"|&[A-Za-z][A-Za-z0-9]{1,31};",
    re.IGNORECASE,
)
_NAMED_ENTITIES = frozenset(k for k in html.entities.html5 if k.endswith(";"))


# A header is the word "date" at the very start of the text (after optional
# spaces) followed by a date-like token. The token must then be a valid
# ISO date, or the article is rejected: a malformed header is bad input.
_HEADER = re.compile(r"\A[ \t]*(date[ \t]+(\d[\d./-]*\d))[ \t]*(?:\r?\n)?")

DatelineLike = dt.date | str | None


def header_match(text: str) -> re.Match[str] | None:
    r"""Match a leading ``date YYYY-MM-DD`` header (the one helper every module asks).

    Group 1 is the header's words, group 2 its date token; ``m.end()`` is
    where the body may start (after the header's line break, if any).

    >>> m = header_match("date 2023-09-20\nCalm.")
    >>> m.group(1), m.group(2), m.end()
    ('date 2023-09-20', '2023-09-20', 16)
    >>> header_match("Calm.") is None
    True
    """
    return _HEADER.match(text)


def parse_dateline(value: DatelineLike, *, where: str = "dateline") -> dt.date | None:
    """Parse a dateline given as a date or an ISO ``YYYY-MM-DD`` string.

    Args:
        value: a :class:`datetime.date`, a ``YYYY-MM-DD`` string, or ``None``.
        where: words naming where the value came from, for the error message.

    Returns:
        The date, or ``None`` when ``value`` is ``None``.

    Raises:
        ValueError: if the string is not a valid ``YYYY-MM-DD`` date.

    >>> parse_dateline("2023-09-20")
    datetime.date(2023, 9, 20)
    >>> parse_dateline("20/09/2023")
    Traceback (most recent call last):
    ...
    ValueError: dateline: unparseable dateline '20/09/2023' (expected YYYY-MM-DD)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            try:
                return dt.date.fromisoformat(s)
            except ValueError:
                pass
        raise ValueError(f"{where}: unparseable dateline {value!r} (expected YYYY-MM-DD)")
    raise ValueError(f"{where}: dateline must be a date or a YYYY-MM-DD string, not {type(value).__name__}")


def find_markup(text: str) -> tuple[int, int] | None:
    """Return the span of the first HTML tag or character entity, or ``None``.

    Only markup is found: a tag must name an HTML element (``<p>``,
    ``</div>``, ``<span class="q">``), a comment or a doctype; an entity must
    be numeric (``&#171;``, ``&#171``, ``&#xAB;``) or a named HTML entity
    with its semicolon (``&laquo;``, ``&amp;``). Prose such as "fewer than
    <5", "x < y > z" or "AT&T" is not markup.

    Args:
        text: the text to look in.

    Returns:
        ``(start, end)`` of the first piece of markup, or ``None``.

    >>> find_markup('He said <q class="x">no</q>.')
    (8, 21)
    >>> find_markup("&#171;Peace&#187;"), find_markup("AT&T said <5 died & more"), find_markup("&laquo;")
    ((0, 6), None, (0, 7))
    """
    for m in _MARKUP.finditer(text):
        if m.group().startswith("&") and not m.group().startswith("&#"):
            if m.group()[1:] not in _NAMED_ENTITIES:
                continue
        return m.span()
    return None


def _refuse_markup(text: str, where: str) -> None:
    span = find_markup(text)
    if span is None:
        return
    start, end = span
    line = text.count("\n", 0, start) + 1
    shown = text[start:end] if end - start <= 40 else text[start : start + 37] + "..."
    raise ValueError(
        f"{where}: line {line}, offset {start}-{end}: HTML markup {shown!r}; karabakh reads "
        "plain text and does not code markup: extract the article's text first (e.g. with "
        "html.parser or BeautifulSoup's get_text()) and analyse that"
    )


def _dateline_from_sidecar(metadata: Mapping[str, Any], where: str) -> tuple[str | None, dt.date | None]:
    """The first dateline key of a sidecar and its date (see SIDECAR_DATE_KEYS)."""
    for key in SIDECAR_DATE_KEYS:
        value = metadata.get(key)
        if value is None or value == "":
            continue
        here = f"{where}: sidecar key {key!r}"
        if isinstance(value, str):
            s = value.strip()
            m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?", s)
            if m:
                return key, parse_dateline(m.group(1), where=here)
            if key != "dateline" and re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", s):
                try:
                    return key, email.utils.parsedate_to_datetime(s).date()
                except (TypeError, ValueError):
                    pass
            raise ValueError(
                f"{here}: unparseable dateline {value!r} (expected YYYY-MM-DD, an ISO 8601 "
                "date-time or an RFC 2822 date)"
            )
        return key, parse_dateline(value, where=here)
    return None, None


@dataclass(frozen=True)
class Article:
    """An article's verbatim text with its dateline and spans.

    Attributes:
        id: an identifier (the sidecar's ``id``, the file stem, or a hash).
        text: the text exactly as decoded; all offsets index into it.
        dateline: the publication date, or ``None`` when unknown.
        body_start: offset where the body begins (after any header).
        body_end: offset where the body ends (``len(text)``).
        header_start: offset of the ``date`` header, or ``None``.
        header_end: offset one past the header, or ``None``.
        path: the file it was read from, or ``None``.
        dateline_source: ``"argument"``, ``"sidecar"``, ``"header"`` or ``None``.
        had_bom: True when the file began with a UTF-8 byte-order mark. The
            mark is not part of :attr:`text`, so offsets count code points of
            the text after it: a reader who decodes the file with
            ``encoding="utf-8-sig", newline=""`` gets the same string.
        metadata: the sidecar's contents (read-only), empty when there is none.
        warnings: what the reader should know about results from this
            article (no dateline, an empty sidecar ignored ...), one line each.

    >>> Article.from_text("Baku said so.").dateline is None
    True
    """

    id: str
    text: str
    dateline: dt.date | None
    body_start: int
    body_end: int
    header_start: int | None = None
    header_end: int | None = None
    path: str | None = None
    dateline_source: str | None = None
    had_bom: bool = False
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        r"""The text without the dateline header.

        >>> Article.from_text("date 2023-09-20\nHello.").body
        'Hello.'
        """
        return self.text[self.body_start : self.body_end]

    @property
    def masked_text(self) -> str:
        """The text with the ``date`` header blanked by spaces (same length).

        Extractors run on this, so offsets still index :attr:`text` but the
        header's date is not reported as something the article says.

        >>> a = Article.from_text("date 2023-09-20 Calm.")
        >>> a.masked_text, len(a.masked_text) == len(a.text)
        ('                Calm.', True)
        """
        if self.header_start is None or self.header_end is None:
            return self.text
        hs, he = self.header_start, self.header_end
        return self.text[:hs] + " " * (he - hs) + self.text[he:]

    @property
    def n_words(self) -> int:
        """The number of whitespace-separated words in the body.

        >>> Article.from_text("date 2023-09-20 Baku said so.").n_words
        3
        """
        return len(self.body.split())

    def require_dateline(self, step: str = "this step") -> dt.date:
        """Return the dateline or raise a ``ValueError`` naming the article.

        >>> Article.from_text("No date here.", id="x").require_dateline("dates")
        Traceback (most recent call last):
        ...
        ValueError: article 'x': dates needs a dateline; pass dateline='YYYY-MM-DD', add it to the sidecar JSON or start the text with 'date YYYY-MM-DD'
        """
        if self.dateline is None:
            raise ValueError(
                f"article {self.id!r}: {step} needs a dateline; pass dateline='YYYY-MM-DD', "
                "add it to the sidecar JSON or start the text with 'date YYYY-MM-DD'"
            )
        return self.dateline

    @classmethod
    def from_text(
        cls,
        text: str,
        dateline: DatelineLike = None,
        *,
        id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        path: str | None = None,
        had_bom: bool = False,
        _sidecar_dateline: DatelineLike = None,
        _warnings: tuple[str, ...] = (),
    ) -> Article:
        r"""Build an article from text already in memory.

        Args:
            text: the article text; offsets will index into it unchanged
                (except that a leading ``\ufeff`` is treated as a BOM and
                removed).
            dateline: explicit dateline; wins over a ``date`` header.
            id: an identifier; defaults to ``text-`` plus a hash of the text.
            metadata: optional metadata to keep with the article.
            path: the file the text came from, if any.
            had_bom: whether the decoder already removed a BOM.

        Returns:
            The article.

        Raises:
            ValueError: if the text is empty or only whitespace, contains NUL
                bytes, holds HTML markup (tags or character entities; the
                message gives line and span), or a dateline (argument or
                header) cannot be parsed.

        >>> a = Article.from_text("date 2023-09-20 “Peace,” he said.", dateline="2023-09-21")
        >>> a.dateline.isoformat(), a.dateline_source, a.text[a.body_start:]
        ('2023-09-21', 'argument', '“Peace,” he said.')
        """
        where = path or "text"
        if text.startswith("\ufeff") and not had_bom:  # a decoder removes one BOM, not two
            text = text[1:]
            had_bom = True
        if not text.strip():
            raise ValueError(f"{where}: empty article (no text)")
        nul = text.find("\x00")
        if nul >= 0:
            line = text.count("\n", 0, nul) + 1
            raise ValueError(f"{where}: binary data (NUL character at offset {nul}, line {line})")
        _refuse_markup(text, where)

        header_start = header_end = None
        header_date: dt.date | None = None
        m = _HEADER.match(text)
        if m:
            header_date = parse_dateline(m.group(2), where=f"{where}: line 1 header")
            header_start, header_end = m.span(1)
        body_start = m.end(0) if m else 0
        # Skip spaces between the header and the body so the body starts on a word.
        while body_start < len(text) and text[body_start] in " \t\r\n":
            body_start += 1

        explicit = parse_dateline(dateline, where=f"{where}: dateline argument")
        sidecar = parse_dateline(_sidecar_dateline, where=f"{where}: sidecar dateline")
        chosen: dt.date | None
        if explicit is not None:
            chosen, source = explicit, "argument"
        elif sidecar is not None:
            chosen, source = sidecar, "sidecar"
        elif header_date is not None:
            chosen, source = header_date, "header"
        else:
            chosen, source = None, None

        if id is None:
            id = "text-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        warnings = tuple(_warnings)
        if chosen is None:
            warnings += (NO_DATELINE_WARNING.format(id=id),)
        return cls(
            id=id,
            text=text,
            dateline=chosen,
            body_start=body_start,
            body_end=len(text),
            header_start=header_start,
            header_end=header_end,
            path=path,
            dateline_source=source,
            had_bom=had_bom,
            metadata=MappingProxyType(dict(metadata or {})),
            warnings=warnings,
        )


def _decode(data: bytes, where: str) -> tuple[str, bool]:
    """Decode UTF-8 strictly, naming the byte offset and line of a bad byte."""
    if not data.strip():
        raise ValueError(f"{where}: empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ValueError(f"{where}: binary data (NUL byte at byte offset {nul}, line {line})")
    had_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ValueError(
            f"{where}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at byte offset "
            f"{exc.start}, line {line})"
        ) from None
    if not text.strip():
        raise ValueError(f"{where}: empty file")
    return text, had_bom


def _os_problem(exc: OSError) -> str:
    """A short reason for an OS error, without the path (the caller names it)."""
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long for this system"
    return exc.strerror or type(exc).__name__


def _read_sidecar(
    sidecar: Path, exclude: tuple[int, int] | None
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Read a sidecar file; an absent, empty or excluded one gives ``{}`` and why."""
    try:
        st = sidecar.stat()
    except FileNotFoundError:
        return {}, ()
    except OSError as exc:
        if exc.errno in (errno.ENOTDIR, errno.ELOOP):
            return {}, ()
        raise ValueError(f"{sidecar}: cannot read the sidecar ({_os_problem(exc)})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ValueError(f"{sidecar}: sidecar is a directory, not a JSON file")
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"{sidecar}: sidecar is not a regular file")
    if exclude is not None and (st.st_dev, st.st_ino) == exclude:
        return {}, (f"{sidecar}: not read as the sidecar, it is the output being written",)
    try:
        raw = sidecar.read_bytes()
    except OSError as exc:
        raise ValueError(f"{sidecar}: cannot read the sidecar ({_os_problem(exc)})") from None
    if not raw.strip():
        return {}, (f"{sidecar}: empty sidecar ignored",)
    try:
        metadata = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{sidecar}: sidecar is not valid UTF-8 JSON ({exc})") from None
    if not isinstance(metadata, dict):
        raise ValueError(f"{sidecar}: sidecar must hold a JSON object")
    return metadata, ()


def _not_text(path: object) -> None:
    """Raise a short error when a "path" that names no file is article text.

    ``analyze(text)`` and ``read_article(text)`` otherwise fail with the whole
    text echoed as a file name ("file name too long").
    """
    if isinstance(path, str) and ("\n" in path or len(path) > 4096):
        head = " ".join(path[:40].split())
        raise ValueError(
            f"{head!r}...: not a file name but text ({len(path):,} characters); "
            "for text in memory use Article.from_text(text)"
        ) from None


def read_article(
    path: str | os.PathLike[str],
    dateline: DatelineLike = None,
    *,
    sidecar: str | os.PathLike[str] | bool = True,
    exclude: tuple[int, int] | None = None,
) -> Article:
    """Read an article file verbatim, with its dateline.

    Args:
        path: a UTF-8 text file.
        dateline: explicit dateline (``YYYY-MM-DD`` or a date); it wins over
            the sidecar, which wins over a leading ``date`` header.
        sidecar: ``True`` (default) reads ``<stem>.json`` beside the file
            when it is a non-empty regular file; a path reads that file
            (which must exist); ``False`` reads none. The sidecar supplies
            ``id``, the dateline (first key of :data:`SIDECAR_DATE_KEYS`)
            and other metadata. An empty sidecar is ignored, with a warning.
        exclude: ``(st_dev, st_ino)`` of a file that must never be read as
            the sidecar: the command line passes its standard output, so
            ``analyze a.txt --json > a.json`` does not read ``a.json``.

    Returns:
        The frozen :class:`Article`.

    Raises:
        ValueError: for a missing or unreadable file (a directory, a name
            too long for the system, no permission), an empty file, bytes
            that are not UTF-8 (with the byte offset), binary data, HTML
            markup, a malformed sidecar (not JSON, a directory) or an
            unparseable dateline. The message names the file; article text
            passed for the path (it holds a line break) is named as text,
            with its first words.

    >>> a = read_article("seeds/000_bf20561892d8202b.txt")
    >>> a.id, a.dateline.isoformat(), a.dateline_source
    ('000_bf20561892d8202b', '2023-09-20', 'sidecar')
    >>> a.text[a.header_start:a.header_end]
    'date 2023-09-20'
    """
    p = Path(path)
    where = str(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        _not_text(path)
        raise ValueError(f"{where}: no such file") from None
    except OSError as exc:
        _not_text(path)
        raise ValueError(f"{where}: cannot read ({_os_problem(exc)})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ValueError(f"{where}: is a directory, not an article file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ValueError(f"{where}: cannot read ({_os_problem(exc)})") from None
    text, had_bom = _decode(data, where)

    metadata: dict[str, Any] = {}
    warnings: tuple[str, ...] = ()
    if sidecar is True:
        sidecar_path = p.with_suffix(".json") if p.suffix != ".json" else None
        if sidecar_path is not None:
            metadata, warnings = _read_sidecar(sidecar_path, exclude)
    elif sidecar is not False:
        sidecar_path = Path(sidecar)
        if not sidecar_path.exists():
            raise ValueError(f"{sidecar_path}: no such sidecar file")
        metadata, warnings = _read_sidecar(sidecar_path, exclude)
    else:
        sidecar_path = None
    _, side_date = (
        _dateline_from_sidecar(metadata, str(sidecar_path)) if metadata else (None, None)
    )
    return Article.from_text(
        text,
        dateline,
        id=str(metadata.get("id") or p.stem),
        metadata=metadata,
        path=where,
        had_bom=had_bom,
        _sidecar_dateline=side_date,
        _warnings=warnings,
    )
