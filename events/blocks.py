"""The programme of an event: time slots with speakers, plenary parts and workshops."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ProgrammeItemBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("From"))
    ends = blocks.TimeBlock(label=_("Until"), required=False)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("plenair", _("plenary")), ("workshop", _("workshop")), ("pauze", _("break"))],
        default="plenair",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speakers = blocks.CharBlock(label=_("Speakers"), required=False, max_length=300)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Programme item")
        template = "events/blocks/programme_item.html"
        preview_value = {
            "starts": "13:00",
            "ends": "13:45",
            "kind": "plenair",
            "title": "Opening en terugspeeltheater",
            "speakers": "Dagvoorzitter",
        }
        description = _("One part of the programme, with its time and speakers.")


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()

    class Meta:
        icon = "list-ol"
        template = "events/blocks/programme.html"
