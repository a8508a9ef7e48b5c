"""Demo search tools: the synonyms and abbreviations of the field, and one promoted result."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from practices.models import PracticePage

from .models import Synonym

SYNONYMS = [
    "JIM, Jouw Informele Mentor, informele mentor",
    "OJG, ondersteuner jeugd en gezin, ondersteuner jeugd",
    "SKJ, Stichting Kwaliteitsregister Jeugd, kwaliteitsregister jeugd",
    "POH, praktijkondersteuner, praktijkondersteuner huisarts",
    "thuiszitter, thuiszittende leerling, thuiszitters",
    "CJG, centrum voor jeugd en gezin",
    "wijkteam, sociaal wijkteam, buurtteam",
]


def load(stdout):
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
    jim = PracticePage.objects.filter(slug="jim-jouw-informele-mentor", locale=Locale.get_default()).first()
    if jim:
        query = Query.get("mentor")
        SearchPromotion.objects.get_or_create(
            query=query,
            page=jim,
            defaults={"sort_order": 0, "description": "Een vertrouwd volwassene uit het eigen netwerk van de jongere."},
        )
    stdout.write(f"  {len(SYNONYMS)} synonym groups; a promoted result for “mentor”")
