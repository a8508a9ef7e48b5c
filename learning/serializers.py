"""How the API (v2) shows stories and proposals: what the public page shows, never more. No
teller's or owner's e-mail address, and a name only where its owner agreed to show it."""

from rest_framework import serializers


class ActionSerializer(serializers.Serializer):
    """One action as ``ActionRow`` has it (the owner by role; by name only with consent)."""

    what = serializers.CharField(source="action.what")
    owner = serializers.CharField()
    municipality = serializers.CharField(source="action.municipality.name", default=None)
    starts_on = serializers.DateField(source="action.starts_on")
    follow_up_on = serializers.DateField(source="due_on")
    status = serializers.CharField(source="status.value")


class UpdateSerializer(serializers.Serializer):
    """One accepted update of the timeline (``TimelineEntry``)."""

    date = serializers.DateField(source="update.happened_on")
    status = serializers.CharField(source="update.status")
    text = serializers.CharField(source="update.text")
    why_stopped = serializers.CharField(source="update.why_stopped")
    action = serializers.CharField(source="action.what")
