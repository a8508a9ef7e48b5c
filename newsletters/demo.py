"""Demo newsletters: the national list and one per werkplaats, and the subscribe page."""

from wagtail.models import Site

from core.demo_utils import create_child, locale, translate
from core.models import WerkplaatsPage

from .models import NewsletterIndexPage, NewsletterList


def load(stdout):
    home = Site.objects.get(is_default_site=True).root_page
    page = create_child(
        home,
        NewsletterIndexPage(
            title="Nieuwsbrieven",
            slug="nieuwsbrieven",
            show_in_menus=True,
            summary="Kies de nieuwsbrieven, thema's en regio's die u wilt volgen. U kunt zich altijd afmelden.",
        ),
    )
    translate(page, "en", slug="newsletters", title="Newsletters", summary="Choose the newsletters you want to follow.")
    NewsletterList.objects.get_or_create(
        slug="landelijk", defaults={"name": "Wiel landelijk", "description": "Het beste uit alle werkplaatsen."}
    )
    for werkplaats in WerkplaatsPage.objects.filter(locale=locale("nl")):
        NewsletterList.objects.get_or_create(
            slug=werkplaats.slug,
            defaults={"name": f"Nieuwsbrief {werkplaats.short_name}", "werkplaats": werkplaats},
        )
    stdout.write(f"  {NewsletterList.objects.count()} newsletters")
