"""The fit check answers for every one of the 342 municipalities, from the CBS figures, on the demo practices."""

import pytest
from django.test import Client
from django.utils import translation

from geography.places import Geography
from practices.fit import AGAINST, FOR, FitLevel, assess
from practices.listing import partner_labels
from practices.models import PracticePage
from practices.question import FitQuestion


@pytest.mark.django_db
def test_every_municipality_gets_an_answer_with_the_figures_compared():
    geography = Geography.load()
    assert len(geography.places) == 342 and all(place.has_figures for place in geography.places)
    labels = partner_labels()
    practices = [page for page in PracticePage.objects.filter(locale__language_code="nl") if page.municipality_ids_used]
    assert len(practices) >= 15
    levels = set()
    with translation.override("en"):
        for practice in practices:
            for home in geography.places:
                fit = assess(practice.fit_profile, practice.cost_band, FitQuestion(home), geography, labels)
                assert fit.level != FitLevel.UNKNOWN, (practice.slug, home.name)
                levels.add(fit.level)
                assert fit.home.startswith(f"{home.name} (") and "per km²" in fit.home
                track = [reason.text for reason in fit.reasons if reason.tone in (FOR, AGAINST)]
                assert any("per km²" in text or text.startswith("Already used in") for text in track), (
                    practice.slug,
                    home.name,
                    track,
                )
    assert levels == {"goed", "deels", "zwak"}  # the answers differ from place to place

    # The same on the pages, for a sample of places people name in their own words.
    client = Client()
    jim = PracticePage.objects.get(slug="jim-jouw-informele-mentor", locale__language_code="nl")
    for typed in ["Vaals", "Amsterdam", "Den Bosch", "Schiermonnikoog", "Súdwest-Fryslân", "Uden"]:
        response = client.get(jim.url, {"gemeente": typed})
        assert response.context["fit"].level != FitLevel.UNKNOWN, typed
        assert "onbekend" not in response.context["fit"].label
    municipality = client.get("/gemeenten/s-gravenhage/")
    assert "Buurtgezinnen" in [item["page"].title for item in municipality.context["practices"]]
