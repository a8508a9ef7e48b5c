from datetime import date, timedelta
from decimal import Decimal

import pytest

from ambitions.choices import Direction, Unit
from ambitions.factories import AmbitionIndexPageFactory, indicator, make_ambition
from ambitions.models import Measurement


@pytest.fixture
def ambitions(site_tree):
    """A national overview and Groningen's and SAMEN's own. Groningen has an ambition for its
    jeugdregio with two indicators: one on track (a count going down, measured recently) and one
    without a baseline; SAMEN one without places whose indicator reached its target."""
    from geography.models import Municipality

    national = AmbitionIndexPageFactory(parent=site_tree["home"])
    groningen = AmbitionIndexPageFactory(parent=site_tree["groningen"])
    samen = AmbitionIndexPageFactory(parent=site_tree["samen"])
    today = date.today()
    place = Municipality.objects.select_related("youth_region").get(slug="groningen")
    on_track = make_ambition(
        groningen,
        title="Minder thuiszitters",
        indicators=[
            indicator(
                1, name="Thuiszitters", baseline_on=today - timedelta(days=730), target_on=today + timedelta(days=730)
            ),
            indicator(
                2, name="Dakloze jongeren", baseline_value=None, baseline_on=None, not_measurable_why="Geen telling."
            ),
        ],
    )
    on_track.youth_regions = [place.youth_region]
    on_track.save_revision().publish()
    first = on_track.indicators.first()
    Measurement.objects.create(
        indicator_key=first.translation_key, measured_on=today - timedelta(days=30), value=Decimal(70), source="CBS"
    )
    reached = make_ambition(
        samen,
        title="Jongeren in elk leernetwerk",
        indicators=[
            indicator(
                1,
                name="Netwerken met een jongere",
                unit=Unit.COUNT,
                direction=Direction.HIGHER,
                baseline_value=Decimal(2),
                target_value=Decimal(4),
            )
        ],
    )
    Measurement.objects.create(
        indicator_key=reached.indicators.first().translation_key,
        measured_on=today - timedelta(days=10),
        value=Decimal(4),
        source="Ledenlijsten",
    )
    return {
        "national": national,
        "groningen": groningen,
        "samen": samen,
        "on_track": on_track,
        "reached": reached,
        "place": place,
    }
