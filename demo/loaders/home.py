"""Demo content of the home app: the site, the Dutch and English home pages, the admin user."""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from demo.utils import demo_password, locale, publish, rich, translate
from home.models import HomePage


def load(stdout):
    dutch = locale("nl")
    locale("en")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=dutch).first()
    if home is None:
        # Replace Wagtail's placeholder "Welcome" page by the real home page.
        for placeholder in Page.objects.child_of(root).filter(content_type__model="page", slug="home"):
            placeholder.delete()
        home = HomePage(
            title="Wiel",
            slug="home",
            locale=dutch,
            seo_title="Wiel: kennis uit de werkplaatsen jeugd",
            hero_heading="Leren van wat elders werkt, met oog voor je eigen regio",
            hero_text=rich(
                "Op Wiel delen de werkplaatsen jeugd wat zij leren: praktijkvoorbeelden met de regio "
                "waarin ze ontstonden, verslagen van bijeenkomsten en nieuws uit de leernetwerken.",
                "Gemeenten hoeven het wiel niet steeds opnieuw uit te vinden. Maar niet elk wiel past "
                "onder elke wagen: daarom vertelt Wiel ook waar en onder welke omstandigheden iets werkte.",
            ),
            featured_heading="Uitgelicht",
            summary="Kennis en praktijkvoorbeelden van de werkplaatsen jeugd, met hun regionale context.",
        )
        root.add_child(instance=home)
        publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "Wiel", home
    site.save()

    translate(
        home,
        "en",
        title="Wiel",
        seo_title="Wiel: knowledge from the Dutch youth-care workplaces",
        hero_heading="Learn from what works elsewhere, with an eye for your own region",
        hero_text=rich(
            "On Wiel the Dutch werkplaatsen jeugd (academic youth-care workplaces) share what they "
            "learn: practice examples with the region they came from, reports of meetings and news "
            "from the learning networks.",
            "Municipalities need not reinvent the wheel, but not every wheel fits every cart: Wiel "
            "also tells where and under which conditions something worked.",
        ),
        featured_heading="Featured",
        summary="Knowledge and practice examples of the Dutch youth-care workplaces, with their regional context.",
    )

    user_model = get_user_model()
    username = settings.WIEL_DEMO_ADMIN_USERNAME
    if not user_model.objects.filter(username=username).exists():
        user_model.objects.create_superuser(username, "admin@wiel.example", demo_password())
        stdout.write(f"  admin user '{username}' created")
