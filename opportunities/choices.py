"""The fixed answers of the opportunities log: where an opportunity stands, and a project's status."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """Where an opportunity stands, in the order it moves (``rank``). Worked out, never typed
    (``opportunities.stages``): published, chosen by the werkplaats, a project funded for it, that
    project finished or stopped."""

    SUBMITTED = "ingediend", _("submitted")
    PRIORITISED = "geprioriteerd", _("prioritised")
    FUNDED = "gefinancierd", _("funded")
    FINISHED = "afgerond", _("finished")

    @property
    def rank(self):
        return list(Stage).index(self)


class ProjectStatus(models.TextChoices):
    PREPARING = "voorbereiding", _("preparing")
    RUNNING = "loopt", _("running")
    FINISHED = "afgerond", _("finished")
    STOPPED = "gestopt", _("stopped")

    @property
    def ended(self):
        return self in (ProjectStatus.FINISHED, ProjectStatus.STOPPED)
