"""The sign-up form any page's body may hold (registered with the core's body blocks)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.http.visibility import active_locale

from .forms import SubscribeForm
from .models import NewsletterIndexPage


class NewsletterSignupBlock(blocks.StructBlock):
    """A short subscription form editors can place in any page body.

    It posts to the newsletter page, which does the double opt-in; errors are shown there with
    everything the reader typed kept.
    """

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Stay informed"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    newsletter = SnippetChooserBlock(
        "newsletters.NewsletterList",
        label=_("Newsletter"),
        required=False,
        help_text=_("The newsletter this form subscribes to. Leave empty to let readers choose."),
    )

    class Meta:
        label = _("Newsletter sign-up")
        icon = "mail"
        template = "newsletters/blocks/signup.html"
        preview_value = {"heading": "Blijf op de hoogte", "text": "Ontvang zes keer per jaar het nieuws uit de regio."}
        description = _("A short form to subscribe to a newsletter.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        locale = {"locale_id": page.locale_id} if page is not None else {"locale": active_locale()}
        index = NewsletterIndexPage.objects.live().filter(**locale).first()
        context["subscribe_url"] = index.url if index else None
        chosen = value.get("newsletter")
        context["form"] = SubscribeForm(auto_id="signup-%s", initial={"lists": [chosen] if chosen else []})
        context["chosen"] = chosen if chosen and chosen.is_active else None
        return context
