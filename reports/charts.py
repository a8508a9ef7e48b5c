"""The charts of a report's ambitions, drawn from its frozen snapshot (not from today's figures)
with the ambitions' own chart (``ambitions.charts``)."""

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ambitions import values
from ambitions.charts import chart
from ambitions.choices import Status
from ambitions.status import Point, Reading


@dataclass(frozen=True)
class FrozenMeasurement:
    measured_on: datetime.date
    value: Decimal


class FrozenIndicator:
    """An indicator as a report's snapshot keeps it: enough for ``ambitions.charts.chart``."""

    def __init__(self, row):
        series = row["series"]
        self.translation_key = uuid.UUID(series["key"])
        self.unit = series["unit"]
        self.baseline = self._point(series["baseline"])
        self.target = self._point(series["target"])
        self.measurements = [
            FrozenMeasurement(point.on, point.value) for point in map(self._point, series["measurements"])
        ]
        self.baseline_on, self.baseline_value = (
            (self.baseline.on, self.baseline.value) if self.baseline else (None, None)
        )
        self.target_on, self.target_value = (self.target.on, self.target.value) if self.target else (None, None)
        self.read_as = Reading(Status(row["status"]))

    @staticmethod
    def _point(data):
        return Point(datetime.date.fromisoformat(data["on"]), Decimal(data["value"])) if data else None

    def shown(self, value):
        return values.with_unit(value, self.unit)


def charts_of(snapshot):
    """[(row, Chart or None)] of the snapshot's ambitions, drawn as of the end of its year."""
    year_end = datetime.date(snapshot["year"], 12, 31)
    drawn = []
    for row in snapshot.get("ambitions", []):
        until = _("End of %(year)s") % {"year": snapshot["year"]}
        found = chart(FrozenIndicator(row), year_end, today_label=until) if "series" in row else None
        drawn.append((row, found))
    return drawn
