"""Demo search tools: the field's synonyms and compounds (``search/data/demo_*.txt``), one promoted result."""

from django.core.exceptions import ValidationError
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from practices.models import PracticePage
from search.analysis import DATA_DIR
from search.models import CompoundWord, Synonym


def _lines(filename):
    text = (DATA_DIR / filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


SYNONYMS = _lines("demo_synonyms.txt")
COMPOUNDS = [tuple(part.strip() for part in line.split("=", 1)) for line in _lines("demo_compounds.txt")]


def load(stdout):
    for terms in SYNONYMS:
        synonym = Synonym(terms=terms)
        synonym.full_clean(validate_unique=False)  # the editors' own rules
        Synonym.objects.get_or_create(terms=synonym.terms)
    for word, parts in COMPOUNDS:
        compound = CompoundWord(word=word, parts=parts)
        try:
            compound.full_clean(validate_unique=False)
        except ValidationError as error:
            raise ValueError(f"demo_compounds.txt: {word}: {error}") from error
        CompoundWord.objects.get_or_create(word=compound.word, defaults={"parts": compound.parts})
    jim = PracticePage.objects.filter(slug="jim-jouw-informele-mentor", locale=Locale.get_default()).first()
    if jim:
        query = Query.get("mentor")
        SearchPromotion.objects.get_or_create(
            query=query,
            page=jim,
            defaults={"sort_order": 0, "description": "Een vertrouwd volwassene uit het eigen netwerk van de jongere."},
        )
    stdout.write(f"  {len(SYNONYMS)} synonym groups, {len(COMPOUNDS)} compound words; a promoted result for “mentor”")
