"""Read an article verbatim, with its dateline, header and body spans.

The text is kept exactly as decoded from UTF-8: CRLF line ends stay CRLF, a
leading UTF-8 byte-order mark is removed by the decoder (and recorded as
``had_bom``), nothing else is touched. Every offset the package reports is an
index into :attr:`Article.text`.

The dateline is taken, in this order, from the ``dateline`` argument, the
JSON sidecar beside the file (``<stem>.json``, key ``"dateline"``), or a
leading header ``date YYYY-MM-DD``. When none is found it is ``None`` and any
step that needs it calls :meth:`Article.require_dateline`, which raises.

>>> a = Article.from_text("date 2023-09-20 Baku said so.")
>>> a.dateline, a.body
(datetime.date(2023, 9, 20), 'Baku said so.')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["Article", "parse_dateline", "read_article"]

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
        had_bom: True when the file began with a UTF-8 byte-order mark.
        metadata: the sidecar's contents (read-only), empty when there is none.

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
                bytes, or a dateline (argument or header) cannot be parsed.

        >>> a = Article.from_text("date 2023-09-20 “Peace,” he said.", dateline="2023-09-21")
        >>> a.dateline.isoformat(), a.dateline_source, a.text[a.body_start:]
        ('2023-09-21', 'argument', '“Peace,” he said.')
        """
        where = path or "text"
        if text.startswith("\ufeff"):
            text = text[1:]
            had_bom = True
        if not text.strip():
            raise ValueError(f"{where}: empty article (no text)")
        nul = text.find("\x00")
        if nul >= 0:
            line = text.count("\n", 0, nul) + 1
            raise ValueError(f"{where}: binary data (NUL character at offset {nul}, line {line})")

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
            id = "text-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
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
    return text, had_bom


def read_article(path: str | os.PathLike[str], dateline: DatelineLike = None) -> Article:
    """Read an article file verbatim, with its dateline.

    Args:
        path: a UTF-8 text file. A sidecar ``<stem>.json`` beside it, if
            present, supplies ``id``, ``dateline`` and other metadata.
        dateline: explicit dateline (``YYYY-MM-DD`` or a date); it wins over
            the sidecar, which wins over a leading ``date`` header.

    Returns:
        The frozen :class:`Article`.

    Raises:
        ValueError: for a missing file, an empty file, bytes that are not
            UTF-8 (with the byte offset), binary data, a malformed sidecar or
            an unparseable dateline. The message names the file.

    >>> a = read_article("seeds/000_bf20561892d8202b.txt")
    >>> a.id, a.dateline.isoformat(), a.dateline_source
    ('000_bf20561892d8202b', '2023-09-20', 'sidecar')
    >>> a.text[a.header_start:a.header_end]
    'date 2023-09-20'
    """
    p = Path(path)
    where = str(p)
    if not p.exists():
        raise ValueError(f"{where}: no such file")
    if p.is_dir():
        raise ValueError(f"{where}: is a directory, not an article file")
    text, had_bom = _decode(p.read_bytes(), where)

    metadata: dict[str, Any] = {}
    sidecar_path = p.with_suffix(".json")
    if sidecar_path.exists() and sidecar_path != p:
        try:
            metadata = json.loads(sidecar_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{sidecar_path}: sidecar is not valid UTF-8 JSON ({exc})") from None
        if not isinstance(metadata, dict):
            raise ValueError(f"{sidecar_path}: sidecar must hold a JSON object")
    return Article.from_text(
        text,
        dateline,
        id=str(metadata.get("id") or p.stem),
        metadata=metadata,
        path=where,
        had_bom=had_bom,
        _sidecar_dateline=metadata.get("dateline"),
    )
