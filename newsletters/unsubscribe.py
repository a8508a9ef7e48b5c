"""One-click unsubscribe (RFC 8058), at a plain URL outside the page tree.

Every newsletter carries ``List-Unsubscribe: <https://.../nieuwsbrief/afmelden/<token>/>`` and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``. Mail programs then POST
``List-Unsubscribe=One-Click`` to that URL, without cookies or a CSRF token: the signed token is
the authorisation, so the view is exempt from CSRF. A person who follows the link gets a page
with a button; a GET never unsubscribes, since mail scanners follow links.
"""

from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt

from core.http.cache_policy import personal

from .subscription import subscription_from_unsubscribe_token, unsubscribe


@csrf_exempt
@personal
def one_click_unsubscribe(request, token):
    subscription = subscription_from_unsubscribe_token(token)
    if subscription is None:
        return TemplateResponse(request, "newsletters/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        unsubscribe(subscription)
        return TemplateResponse(request, "newsletters/unsubscribe.html", {"subscription": subscription, "done": True})
    return TemplateResponse(request, "newsletters/unsubscribe.html", {"subscription": subscription})
