"""A draft saved in the editor while a moderator publishes the page leaves it published
(core/publication_guard.py): the race of Wagtail 8's autosave with an approval."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from core.publication_guard import mark_draft_save
from core.request_memo import RequestMemoMiddleware


def in_request(post, work):
    """``work(request)`` inside a request of its own, with its memo (as the middleware gives it)."""
    request = RequestFactory().post("/admin/pages/1/edit/", post)
    return RequestMemoMiddleware(work)(request)


@pytest.mark.django_db
@pytest.mark.parametrize(("post", "stays_live"), [({}, True), ({"action-publish": "1"}, False)])
def test_a_draft_saved_meanwhile_does_not_unpublish(site_tree, post, stays_live):
    page = site_tree["article"]
    page.unpublish()
    stale = Page.objects.get(pk=page.pk).specific  # what the editor's autosave loaded: a draft
    page.refresh_from_db()
    page.save_revision().publish()  # the moderator approves meanwhile

    def autosave(request):
        mark_draft_save(request, stale)
        stale.title = "Terugblik, bijgewerkt"
        stale.save()  # as Wagtail's edit view saves a draft that is not live: the whole instance

    in_request(post, autosave)
    page.refresh_from_db()
    # A draft save keeps what the approval published; a publish in the same request is left to Wagtail
    # (here it writes the instance as it holds it, which the guard must not prevent).
    assert page.live is stays_live
    assert page.title == "Terugblik, bijgewerkt"
    if stays_live:
        assert page.live_revision_id is not None and page.first_published_at is not None
