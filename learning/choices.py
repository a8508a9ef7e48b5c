"""The fixed answers of the learning loop: of a story (who tells it, about what age, from where,
what may be published) and of a proposal's actions (where they stand, how a practice is taken up)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Teller(models.TextChoices):
    YOUNG_PERSON = "jongere", _("young person")
    PARENT = "ouder", _("parent or carer")
    PROFESSIONAL = "professional", _("professional")
    OTHER = "anders", _("someone else")


class AgeBand(models.TextChoices):
    UNDER_4 = "0-3", _("0 to 3 years")
    PRIMARY = "4-11", _("4 to 11 years")
    TEENAGER = "12-17", _("12 to 17 years")
    YOUNG_ADULT = "18-23", _("18 to 23 years")


class Source(models.TextChoices):
    MEETING = "bijeenkomst", _("told at a meeting")
    SITE = "website", _("sent through the site")
    PLATFORM = "ander-platform", _("from another platform, with permission")


class Publication(models.TextChoices):
    WITHOUT_NAME = "zonder-naam", _("the story, without a name")
    WITH_FIRST_NAME = "met-voornaam", _("the story, with the teller's first name")
    NOT_PUBLIC = "niet-openbaar", _("nothing: only for the werkplaats to learn from")


class ActionStatus(models.TextChoices):
    """Where an action of an improvement proposal stands, in the order a follow-up moves it."""

    ANNOUNCED = "aangekondigd", _("announced")
    STARTED = "gestart", _("started")
    DONE = "klaar", _("done")
    STOPPED = "gestopt", _("stopped")
    NO_ANSWER = "geen-antwoord", _("no answer")


class Adoption(models.TextChoices):
    """How a proposal relates to the practice it names."""

    ADOPTS = "overnemen", _("adopts the practice")
    ADAPTS = "aanpassen", _("adapts the practice")
    NEW = "nieuw", _("starts it as a new practice")
