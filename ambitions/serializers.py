"""How the API (v2) shows an ambition's indicators: their figures, status and sources; never who
entered a measurement."""

from rest_framework import serializers


class PointSerializer(serializers.Serializer):
    date = serializers.DateField(source="on")
    value = serializers.DecimalField(max_digits=15, decimal_places=2)


class MeasurementSerializer(serializers.Serializer):
    date = serializers.DateField(source="measured_on")
    value = serializers.DecimalField(max_digits=15, decimal_places=2)
    source = serializers.CharField()
    note = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    """One indicator as ``ambitions.models.read`` leaves it (``read_as`` is its reading)."""

    name = serializers.CharField()
    definition = serializers.CharField()
    unit = serializers.CharField()
    direction = serializers.CharField()
    tolerance = serializers.DecimalField(max_digits=15, decimal_places=2)
    source = serializers.CharField()
    baseline = PointSerializer()
    baseline_source = serializers.CharField()
    target = PointSerializer()
    status = serializers.CharField(source="read_as.status.value")
    why = serializers.CharField(source="read_as.why")
    latest = PointSerializer(source="read_as.latest")
    measurements = MeasurementSerializer(many=True)
