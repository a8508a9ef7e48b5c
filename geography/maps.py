"""Maps of the Netherlands drawn on the server as SVG, from the CBS/PDOK boundaries.

The boundaries are TopoJSON in RD New (EPSG:28992, metres, y pointing north) in
``geography/data`` (see its README for source and licence). They are decoded once per
process into SVG path data: one SVG unit is :data:`UNIT` metres, y is flipped, and each
shared arc is simplified (Douglas-Peucker) before rounding, so neighbours keep meeting
along the same line. Templates draw the paths; nothing is fetched at run time.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from .data import DATA_DIR

MUNICIPALITIES_FILE, MUNICIPALITIES_OBJECT = "gemeenten_2025_rd.topojson", "gemeenten"
PROVINCES_FILE, PROVINCES_OBJECT = "provincies_2025_rd.topojson", "provincies"
UNIT = 250  # metres per SVG unit
MARGIN = 4  # SVG units around the country
MUNICIPALITY_TOLERANCE = 1.0  # SVG units a simplified border may stray from the original
PROVINCE_TOLERANCE = 2.0


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    d: str  # SVG path data
    x: int  # a point inside (the centroid of its largest part), for a marker
    y: int


@dataclass(frozen=True)
class Frame:
    """Where RD coordinates land in the SVG."""

    min_x: float
    max_y: float
    width: int
    height: int

    @property
    def viewbox(self):
        return f"0 0 {self.width} {self.height}"

    def project(self, x, y):
        return (x - self.min_x) / UNIT + MARGIN, (self.max_y - y) / UNIT + MARGIN


def _load(filename):
    with open(DATA_DIR / filename, encoding="utf-8") as handle:
        return json.load(handle)


def _arcs_in_metres(topology):
    """Each arc as absolute RD coordinates (TopoJSON arcs are quantized and delta-encoded)."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


@lru_cache(maxsize=1)
def frame():
    """The frame that fits the whole country (the province layer's extent)."""
    points = [point for arc in _arcs_in_metres(_load(PROVINCES_FILE)) for point in arc]
    min_x, max_x = min(x for x, _y in points), max(x for x, _y in points)
    min_y, max_y = min(y for _x, y in points), max(y for _x, y in points)
    return Frame(
        min_x=min_x,
        max_y=max_y,
        width=math.ceil((max_x - min_x) / UNIT) + 2 * MARGIN,
        height=math.ceil((max_y - min_y) / UNIT) + 2 * MARGIN,
    )


def simplify(points, tolerance):
    """Douglas-Peucker: the fewest points within ``tolerance`` of the line; the ends are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _path(rings):
    """Compact SVG path data: an absolute move, then relative lines, for every ring."""
    parts = []
    for ring in rings:
        rounded = []
        for x, y in ring:
            point = (round(x), round(y))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(rounded) < 3:
            continue
        numbers = []
        previous = rounded[0]
        for point in rounded[1:]:
            numbers += [point[0] - previous[0], point[1] - previous[1]]
            previous = point
        parts.append(f"M{rounded[0][0]} {rounded[0][1]}l" + _join(numbers) + "z")
    return "".join(parts)


def _join(numbers):
    text = ""
    for number in numbers:
        text += str(number) if (not text or number < 0) else f" {number}"
    return text


def _centroid(points):
    """Area-weighted centroid of a ring (shoelace); the mean of its points if it has no area."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return sum(x for x, _y in points) / len(points), sum(y for _x, y in points) / len(points)
    return cx / (3 * area), cy / (3 * area)


def _ring_area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)))


@lru_cache(maxsize=2)
def _layer(filename, object_name, tolerance):
    topology = _load(filename)
    to_svg = frame().project
    projected = [[to_svg(x, y) for x, y in arc] for arc in _arcs_in_metres(topology)]
    simplified = [simplify(arc, tolerance) for arc in projected]
    areas = {}
    for geometry in topology["objects"][object_name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring for polygon in polygons for ring in polygon]
        largest = max((_ring_points(ring, projected) for ring in rings), key=_ring_area)
        x, y = _centroid(largest)
        code = geometry["properties"]["code"]
        areas[code] = Area(
            code=code,
            name=geometry["properties"]["name"],
            d=_path([_ring_points(ring, simplified) for ring in rings]),
            x=round(x),
            y=round(y),
        )
    return areas


def municipalities():
    """Every municipality's :class:`Area`, by CBS code (GMxxxx)."""
    return _layer(MUNICIPALITIES_FILE, MUNICIPALITIES_OBJECT, MUNICIPALITY_TOLERANCE)


def provinces():
    """Every province's :class:`Area`, by CBS code (PV20-PV31)."""
    return _layer(PROVINCES_FILE, PROVINCES_OBJECT, PROVINCE_TOLERANCE)


@lru_cache(maxsize=1)
def centres():
    """A point inside every municipality (the centroid of its largest part) in RD metres, by CBS code.

    What "how far apart" means for the similarity of ``geography.places``: the distance
    between two of these points, unsimplified.
    """
    topology = _load(MUNICIPALITIES_FILE)
    arcs = _arcs_in_metres(topology)
    points = {}
    for geometry in topology["objects"][MUNICIPALITIES_OBJECT]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        largest = max((_ring_points(polygon[0], arcs) for polygon in polygons), key=_ring_area)
        points[geometry["properties"]["code"]] = _centroid(largest)
    return points
