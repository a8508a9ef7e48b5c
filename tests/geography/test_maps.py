"""The boundaries decoded into SVG paths (geography.maps)."""

import re

import pytest

from geography import maps
from geography.models import Municipality

PATH = re.compile(r"^(M-?\d+ -?\d+l(-?\d+)( ?-?\d+)*z)+$")


def test_every_municipality_and_province_has_a_path():
    municipalities, provinces = maps.municipalities(), maps.provinces()
    assert len(municipalities) == 342 and len(provinces) == 12
    assert sorted(provinces) == [f"PV{number}" for number in range(20, 32)]
    frame = maps.frame()
    for area in [*municipalities.values(), *provinces.values()]:
        assert PATH.match(area.d), area.code
        assert 0 < area.x < frame.width and 0 < area.y < frame.height, area.code


@pytest.mark.django_db
def test_the_boundaries_join_on_the_cbs_codes():
    assert set(maps.municipalities()) == set(Municipality.objects.values_list("cbs_code", flat=True))


def test_north_is_up_and_west_is_left():
    areas = maps.municipalities()
    groningen, maastricht, den_helder, enschede = (areas[code] for code in ("GM0014", "GM0935", "GM0400", "GM0153"))
    assert groningen.y < maastricht.y  # SVG y grows downwards: RD's y is flipped
    assert den_helder.x < enschede.x


def test_each_municipality_lies_within_its_province():
    """The centroid of each municipality falls inside its province's outline (ray casting on the path)."""
    provinces = {code: _rings(area.d) for code, area in maps.provinces().items()}
    province_of = {"GM0014": "PV20", "GM0363": "PV27", "GM0935": "PV31", "GM0546": "PV28", "GM0153": "PV23"}
    municipalities = maps.municipalities()
    for municipality, province in province_of.items():
        area = municipalities[municipality]
        assert _inside(area.x, area.y, provinces[province]), municipality


def test_simplification_keeps_the_ends_and_stays_within_tolerance():
    line = [(0, 0), (1, 0.2), (2, -0.1), (3, 5), (4, 6), (5, 7.1), (6, 8)]
    kept = maps.simplify(line, 0.5)
    assert kept[0] == line[0] and kept[-1] == line[-1]
    assert (3, 5) in kept and (1, 0.2) not in kept
    assert maps.simplify(line, 0) == line
    assert maps.simplify(line[:2], 10) == line[:2]


def test_paths_are_small_enough_to_inline():
    """The province layer is drawn on every practice page; the municipalities only where a practice ran."""
    assert sum(len(area.d) for area in maps.provinces().values()) < 8_000
    assert max(len(area.d) for area in maps.municipalities().values()) < 1_000


def _rings(d):
    rings = []
    for move in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", d):
        x, y = int(move[0]), int(move[1])
        ring = [(x, y)]
        numbers = [int(n) for n in re.findall(r"-?\d+", move[2])]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def _inside(x, y, rings):
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1
