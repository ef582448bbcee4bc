"""Invented articles from sentence templates, for corpus runs, tests and benchmarks.

Every sentence here was written for this project: the actors and places are
real (so the dictionaries are exercised) but the wording, quotations and
numbers are made up and vary at random. Nothing is copied from news text.
The same ``seed`` always gives the same articles, so tests and benchmarks
are reproducible.

Five outlet styles (``wire``, ``armenian``, ``azerbaijani``, ``russian``,
``international``) change the vocabulary a little ("Stepanakert" or
"Khankendi", "offensive" or "anti-terror measures"). Datelines fall between
2023-09-19 and 2023-09-30; one article in five carries its dateline as a
``date YYYY-MM-DD`` header, the others in the metadata (the sidecar or the
``date`` column).

>>> a = next(generate_articles(1))
>>> a.id, a.dateline is not None, a.metadata["outlet"] in OUTLETS
('gen-000000', True, True)
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.articles import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["OUTLETS", "generate_articles", "templates_frame", "write_templates"]

#: The invented outlet styles, in the order they are drawn from.
OUTLETS = ("wire", "armenian", "azerbaijani", "russian", "international")

_FIRST_DAY = dt.date(2023, 9, 19)
_N_DAYS = 12
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Speakers by side: (words naming them, words introducing their quote).
_SPEAKERS: dict[str, tuple[str, ...]] = {
    "AZE": (
        "Azerbaijani President Ilham Aliyev",
        "Hikmet Hajiyev, a foreign policy adviser to the president of Azerbaijan,",
        "Azerbaijan's Foreign Minister Jeyhun Bayramov",
        "Elchin Amirbayov",
        "the Azerbaijani Foreign Ministry",
    ),
    "ARM": (
        "Armenian Prime Minister Nikol Pashinyan",
        "Armenia's Foreign Minister Ararat Mirzoyan",
        "Armen Grigoryan",
        "the Armenian Foreign Ministry",
    ),
    "NKR": (
        "Samvel Shahramanyan",
        "Ruben Vardanyan",
        "the Karabakh authorities",
    ),
    "RUS": (
        "Kremlin spokesman Dmitry Peskov",
        "Maria Zakharova",
        "Russian Foreign Minister Sergei Lavrov",
    ),
    "INT": (
        "UN Secretary-General Antonio Guterres",
        "Filippo Grandi",
        "Josep Borrell",
        "the ICRC",
    ),
}

# Invented quotations by side.
_CLAIMS: dict[str, tuple[str, ...]] = {
    "AZE": (
        "The measures have achieved their goals",
        "Civilians were not targeted and will not be targeted",
        "We are ready to guarantee the rights of the Armenian residents",
        "Our forces acted only against military positions",
        "The region will be reintegrated peacefully",
    ),
    "ARM": (
        "What is happening is ethnic cleansing",
        "We call on the international community to act now",
        "Armenia is ready to receive our brothers and sisters",
        "The peacekeepers must fulfil their obligations",
        "Armenia is not a party to these hostilities",
    ),
    "NKR": (
        "We have no choice but to accept the terms",
        "The humanitarian situation is catastrophic",
        "Our people need a safe passage out",
        "Talks on the future of the population will continue",
    ),
    "RUS": (
        "The peacekeepers are helping to evacuate civilians",
        "We urge both sides to stop the bloodshed",
        "Moscow remains in contact with Baku and Yerevan",
    ),
    "INT": (
        "Humanitarian access must be guaranteed without delay",
        "We are deeply concerned by the reports of civilian casualties",
        "The rights of the population must be respected",
    ),
}

# First words of claims that keep their capital in reported speech.
_PROPER = frozenset({"Armenia", "Moscow"})

_CUES = ("said", "told reporters", "said in a statement", "wrote on social media", "told a news briefing")

_CITY = {
    "wire": "Stepanakert",
    "armenian": "Stepanakert",
    "azerbaijani": "Khankendi",
    "russian": "Stepanakert",
    "international": "Stepanakert",
}
_OPERATION = {
    "wire": "the offensive",
    "armenian": "the military assault",
    "azerbaijani": "the anti-terror measures",
    "russian": "the military operation",
    "international": "the hostilities",
}
_REGION = {
    "wire": "Nagorno-Karabakh",
    "armenian": "Artsakh",
    "azerbaijani": "the Karabakh region",
    "russian": "Nagorno-Karabakh",
    "international": "Nagorno-Karabakh",
}
_VILLAGES = ("Martuni", "Askeran", "Martakert", "Shusha", "Aghdam", "Fuzuli", "Lachin")
_FIGURE_SOURCES = (
    "local officials said",
    "the region's human rights ombudsman said",
    "the Armenian health ministry said",
    "the Azerbaijani defence ministry said",
    "the ICRC said",
    "according to the Karabakh authorities",
)


def _weekday(day: dt.date, back: int) -> str:
    return _WEEKDAYS[(day - dt.timedelta(days=back)).weekday()]


def _article_text(rng: random.Random, outlet: str, day: dt.date) -> str:
    city, op, region = _CITY[outlet], _OPERATION[outlet], _REGION[outlet]
    back = rng.randint(1, 2)
    when = _weekday(day, back)
    village = rng.choice(_VILLAGES)
    paragraphs = [
        f"{city} — Fighting around {village} eased on {when} after {op} in {region}, "
        f"{rng.choice(_FIGURE_SOURCES)}."
    ]
    killed, injured = rng.randint(5, 400), rng.randint(10, 900)
    hedge = rng.choice(("At least", "More than", "Nearly", "About", ""))
    count = f"{hedge} {killed}".strip()
    paragraphs.append(
        f"{count[0].upper()}{count[1:]} people were killed and {injured} injured since {when}, "
        f"{rng.choice(_FIGURE_SOURCES)}."
    )
    sides = rng.sample(sorted(_SPEAKERS), k=rng.randint(2, 4))
    for side in sides:
        speaker = rng.choice(_SPEAKERS[side])
        claim = rng.choice(_CLAIMS[side])
        cue = rng.choice(_CUES)
        first = claim.split()[0]
        if first in ("We", "Our") or rng.random() < 0.5:
            paragraphs.append(f"“{claim},” {speaker} {cue} on {_weekday(day, rng.randint(0, 1))}.")
        else:
            if first not in _PROPER:
                claim = claim[0].lower() + claim[1:]
            paragraphs.append(f"{speaker[0].upper()}{speaker[1:]} {cue} that {claim}.")
    if rng.random() < 0.7:
        crossed = rng.randint(1, 120) * 500
        paragraphs.append(
            f"More than {crossed:,} people have crossed into Armenia since Sunday, "
            "the Armenian government said, and buses were waiting in Goris."
        )
    if rng.random() < 0.5:
        paragraphs.append(
            f"The {rng.choice(('UN Security Council', 'European Union', 'OSCE'))} was due to "
            f"discuss the situation on {_weekday(day, -1)}."
        )
    paragraphs.append(
        "The region has been at the centre of a decades-long dispute between Baku and Yerevan."
    )
    return "\n\n".join(paragraphs) + "\n"


def _one(seed: int, i: int) -> tuple[str, str, dt.date, str, bool]:
    rng = random.Random(f"{seed}:{i}")
    outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    day = _FIRST_DAY + dt.timedelta(days=rng.randrange(_N_DAYS))
    text = _article_text(rng, outlet, day)
    header = i % 5 == 0
    if header:
        text = f"date {day.isoformat()}\n{text}"
    return f"gen-{i:06d}", text, day, outlet, header


def generate_articles(n: int, *, seed: int = 0) -> Iterator[Article]:
    """Yield ``n`` invented articles, one at a time (never all in memory).

    Args:
        n: how many articles.
        seed: the random seed; the same seed gives the same articles.

    Yields:
        :class:`Article` objects with ids ``gen-000000``, ``gen-000001`` ...
        and ``metadata`` holding ``outlet``.

    >>> [a.id for a in generate_articles(2, seed=1)]
    ['gen-000000', 'gen-000001']
    """
    for i in range(n):
        aid, text, day, outlet, header = _one(seed, i)
        yield Article.from_text(
            text, None if header else day, id=aid, metadata={"outlet": outlet}
        )


def write_templates(folder: str | Path, n: int, *, seed: int = 0) -> Path:
    """Write ``n`` invented articles as ``.txt`` files with JSON sidecars.

    The sidecar holds ``id``, ``outlet`` and (except for the articles that
    carry a ``date`` header) ``dateline``, as :func:`read_article` reads it.

    Args:
        folder: where to write (created if needed).
        n: how many articles.
        seed: the random seed.

    Returns:
        The folder.

    >>> import tempfile
    >>> d = write_templates(tempfile.mkdtemp(), 3)
    >>> sorted(p.name for p in d.iterdir())[:2]
    ['gen-000000.json', 'gen-000000.txt']
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        aid, text, day, outlet, header = _one(seed, i)
        (out / f"{aid}.txt").write_text(text, encoding="utf-8")
        meta: dict[str, str] = {"id": aid, "outlet": outlet}
        if not header:
            meta["dateline"] = day.isoformat()
        (out / f"{aid}.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


def templates_frame(n: int, *, seed: int = 0) -> pd.DataFrame:
    """Return ``n`` invented articles as a table with ``id``, ``text``, ``date``, ``outlet``.

    ``date`` is ``None`` for the articles that carry a ``date`` header.

    >>> templates_frame(2).columns.tolist()
    ['id', 'text', 'date', 'outlet']
    """
    import pandas as pd

    rows = []
    for i in range(n):
        aid, text, day, outlet, header = _one(seed, i)
        rows.append(
            {"id": aid, "text": text, "date": None if header else day.isoformat(), "outlet": outlet}
        )
    return pd.DataFrame(rows, columns=["id", "text", "date", "outlet"])
