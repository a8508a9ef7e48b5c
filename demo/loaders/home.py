"""The site, the Dutch and English home pages (``demo/data/site.json``) and the admin user."""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from core.base_url import site_address
from demo.utils import data, demo_password, locale, publish, rich, translate
from home.models import HomePage

FIELDS = ("title", "seo_title", "hero_heading", "featured_heading", "summary")


def load(stdout):
    texts = data("site.json")["home"]
    dutch = locale("nl")
    locale("en")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=dutch).first()
    if home is None:
        # Replace Wagtail's placeholder "Welcome" page by the real home page.
        for placeholder in Page.objects.child_of(root).filter(content_type__model="page", slug="home"):
            placeholder.delete()
        home = HomePage(
            slug="home",
            locale=dutch,
            hero_text=rich(*texts["nl"]["hero_text"]),
            **{field: texts["nl"][field] for field in FIELDS},
        )
        root.add_child(instance=home)
        publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    (site.hostname, site.port), site.site_name, site.root_page = site_address(), "Wiel", home
    site.save()
    translate(home, "en", hero_text=rich(*texts["en"]["hero_text"]), **{field: texts["en"][field] for field in FIELDS})

    user_model = get_user_model()
    username = settings.WIEL_DEMO_ADMIN_USERNAME
    if not user_model.objects.filter(username=username).exists():
        user_model.objects.create_superuser(username, "admin@wiel.example", demo_password())
        stdout.write(f"  admin user '{username}' created")
