from wagtail.snippets.models import register_snippet

from core.wagtail_hooks import TermViewSet

from .models import PartnerType


class PartnerTypeViewSet(TermViewSet):
    model = PartnerType
    menu_icon = "group"
    add_to_admin_menu = False


register_snippet(PartnerTypeViewSet)
