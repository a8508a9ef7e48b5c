from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import static
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from .translation_status import STATUS_LABELS, UP_TO_DATE, translation_statuses


@permission_required("wagtailadmin.access_admin")
def translation_report(request):
    wanted = request.GET.get("status", "")
    statuses = translation_statuses("en")
    counts = {key: sum(1 for item in statuses if item.status == key) for key in STATUS_LABELS}
    if wanted in STATUS_LABELS:
        statuses = [item for item in statuses if item.status == wanted]
    return TemplateResponse(
        request,
        "core/admin/translation_report.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "globe",
            "statuses": statuses,
            "counts": counts,
            "labels": STATUS_LABELS,
            "wanted": wanted,
            "attention": sum(count for key, count in counts.items() if key != UP_TO_DATE),
        },
    )


@permission_required("wagtailadmin.access_admin")
def editors_guide(request):
    """The editors' guide, in Dutch, from the admin's Help menu (docs/permissions.md has the table too)."""
    return TemplateResponse(request, "core/admin/editors_guide.html", {})


@permission_required("wagtailadmin.access_admin")
def submit_translation(request, translation_id):
    """Send a page's translation to moderation, for an editor who may not publish.

    wagtail-localize's translation editor offers "Publish" only to those who may publish.
    A werkplaats editor translates there, then comes here: the translated strings are saved
    as a draft revision of the English page and the page's workflow (the national
    editors' approval) starts, or resumes after a request for changes.
    """
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(
            request,
            "core/admin/submit_translation.html",
            {"page_title": _("Submit translation for approval"), "header_icon": "globe", "page": page},
        )
    translation.save_target(user=request.user, publish=False)
    page = page.specific_class.objects.get(pk=page.pk)
    workflow = page.get_workflow()
    state = page.current_workflow_state
    if workflow is None:
        messages.error(request, _("This page has no approval workflow; ask a national editor to publish it."))
    elif state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
        messages.success(request, _("The translation has been submitted for approval again."))
    elif state:
        messages.success(request, _("The translation has been saved; it is still waiting for approval."))
    else:
        workflow.start(page, request.user)
        messages.success(request, _("The translation has been submitted for approval."))
    return redirect("wagtailadmin_pages:edit", page.pk)


def translation_awaiting_submission(page, user):
    """The enabled wagtail-localize translation behind ``page``, if ``user`` may edit but not publish it.

    Called for every row of the admin's page listing: Dutch is the source language, so a Dutch
    page (the listing has their locale already) is answered without a query.
    """
    if page.alias_of_id or page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit() or permissions.can_publish():
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .first()
    )


def serve_media(request, path, document_root):
    """Uploads from this host's disk (``SERVE_MEDIA``): Django's ``static.serve``, with a name the
    disk cannot even look up (too long, a name part too long) answered 404, not 500."""
    try:
        return static.serve(request, path, document_root=document_root)
    except OSError as error:
        raise Http404(_("No such file")) from error


@requires_csrf_token
def server_error(request):
    """The 500 page in the language of the address (English below /en/), from a template that
    needs no database and no context processor: whatever failed may fail again."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        home = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
        html = loader.render_to_string("500.html", {"language": language, "home": home})
    return HttpResponseServerError(html)


# The icons browsers and home screens ask for at the site's root, whatever the page links.
ROOT_ICONS = {"favicon.ico": "img/favicon.ico", "apple-touch-icon.png": "img/apple-touch-icon.png"}


@cache_control(max_age=86400, public=True)
def root_icon(request, name):
    """``/favicon.ico`` and ``/apple-touch-icon.png``: a lasting redirect to the static file."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url(ROOT_ICONS[name]))
