import datetime

import pytest
from django.utils import timezone

from opportunities.factories import (
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
    ProjectIndexPageFactory,
)
from opportunities.models import Criterion


def on(year, month=1, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@pytest.fixture
def log(site_tree):
    """Groningen's log with two criteria (reach weighs 3, feasibility 1) and its projects overview,
    the national log, and three published opportunities: two of 2020, one of 2021."""
    national = OpportunityIndexPageFactory(parent=site_tree["home"])
    groningen = OpportunityIndexPageFactory(parent=site_tree["groningen"])
    groningen.criteria = [
        Criterion(name="Bereik", weight=3, locale_id=groningen.locale_id),
        Criterion(name="Haalbaarheid", weight=1, locale_id=groningen.locale_id),
    ]
    groningen.save_revision().publish()
    projects = ProjectIndexPageFactory(parent=site_tree["groningen"])
    first = OpportunityPageFactory(parent=groningen, title="Maatwerk", received_at=on(2020, 1, 20))
    second = OpportunityPageFactory(parent=groningen, title="Gezinsverzorging", received_at=on(2020, 2, 10))
    third = OpportunityPageFactory(parent=groningen, title="Online leren", received_at=on(2021, 3, 5))
    return {
        "national": national,
        "groningen": groningen,
        "projects": projects,
        "first": first,
        "second": second,
        "third": third,
    }
