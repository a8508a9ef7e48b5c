"""A project that proved itself becomes a practice example with one action.

The new practice is a draft below the werkplaats' practice overview (the national one when the
werkplaats has none), in the project's language. It takes over the project's title, summary,
description (as the approach), themes and results (as what professionals learned), and its
municipalities and period as the first implementation of the regional-fit record. The project
keeps a link to it (``ProjectPage.became_practice``) and the practice page names the project
(a section through ``core.sections``). Editors complete the record (working elements, evidence,
costs) and publish it; doing it twice opens the same draft.
"""

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page

from practices.models import Implementation, PracticeIndexPage, PracticePage

from .choices import ProjectStatus
from .models import ProjectPage

OUTCOMES = {
    ProjectStatus.PREPARING: Implementation.Outcome.ONGOING,
    ProjectStatus.RUNNING: Implementation.Outcome.ONGOING,
    ProjectStatus.FINISHED: Implementation.Outcome.CONTINUED,
    ProjectStatus.STOPPED: Implementation.Outcome.STOPPED,
}


def practice_index_for(project):
    werkplaats = project.werkplaats
    own = PracticeIndexPage.objects.child_of(werkplaats).first() if werkplaats else None
    return own or next(
        index for index in PracticeIndexPage.objects.filter(locale_id=project.locale_id) if index.is_national
    )


def free_slug(parent, slug):
    taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def paragraphs_html(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


@transaction.atomic
def make_practice(project, user):
    """The draft practice example made of ``project`` (the same one when it was made before)."""
    project = ProjectPage.objects.select_for_update().get(pk=project.pk)
    if project.became_practice_id:
        return project.became_practice
    index = practice_index_for(project)
    updates = sorted(project.updates.all(), key=lambda update: update.happened_on)
    practice = PracticePage(
        title=project.title,
        slug=free_slug(index, slugify(project.title)[:80] or "praktijk"),
        summary=project.summary,
        aim=project.summary or (project.paragraphs[0] if project.paragraphs else project.title),
        approach=[("paragraph", paragraphs_html(project.paragraphs))],
        professional_knowledge=paragraphs_html(f"{update.happened_on:%d-%m-%Y}: {update.text}" for update in updates),
        contact_name="",
        live=False,
        locale_id=project.locale_id,
    )
    practice.themes = list(project.themes.all())
    places = list(project.municipalities.all())
    if places:
        outcome = OUTCOMES[ProjectStatus(project.status)]
        practice.implementations = [
            Implementation(
                locale_id=project.locale_id,
                municipalities=places,
                started=project.starts_on.year,
                ended=project.ends_on.year if project.ends_on and ProjectStatus(project.status).ended else None,
                outcome=outcome,
                why_not_carried_over=project.why_stopped if outcome == Implementation.Outcome.STOPPED else "",
            )
        ]
    index.add_child(instance=practice)
    practice.save_revision(user=user, log_action=True)
    ProjectPage.objects.filter(pk=project.pk).update(became_practice=practice)
    return practice
