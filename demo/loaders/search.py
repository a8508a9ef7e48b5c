"""Search tools (``demo/data/search.json``): the field's synonyms and compound words, promoted results."""

from django.core.exceptions import ValidationError
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from demo.utils import data
from search.models import CompoundWord, Synonym


def _checked(instance, name):
    """``instance`` checked by the editors' own rules; a bad line names itself."""
    try:
        instance.full_clean(validate_unique=False)
    except ValidationError as error:
        raise ValueError(f"search.json: {name}: {error}") from error
    return instance


def load(stdout):
    tools = data("search.json")
    for terms in tools["synonyms"]:
        Synonym.objects.get_or_create(terms=_checked(Synonym(terms=terms), terms).terms)
    for word, parts in tools["compounds"].items():
        compound = _checked(CompoundWord(word=word, parts=parts), word)
        CompoundWord.objects.get_or_create(word=compound.word, defaults={"parts": compound.parts})
    for promotion in tools["promotions"]:
        page = Page.objects.filter(slug=promotion["page"], locale=Locale.get_default()).first()
        SearchPromotion.objects.get_or_create(
            query=Query.get(promotion["query"]),
            page=page,
            defaults={"sort_order": 0, "description": promotion["description"]},
        )
    stdout.write(
        f"  {len(tools['synonyms'])} synonym groups, {len(tools['compounds'])} compound words, "
        f"{len(tools['promotions'])} promoted results"
    )
