import wagtail_factories

from .models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Wiel"
    slug = "home"
    hero_heading = "Leren van wat elders werkt"
    hero_text = "<p>Kennis uit de werkplaatsen jeugd.</p>"

    class Meta:
        model = HomePage
