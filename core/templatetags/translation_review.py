from django import template

from core.translation_review import actions_for

register = template.Library()


@register.simple_tag
def translation_actions(translation, instance, user):
    """The translation editor's actions beyond wagtail-localize's footer (core/translation_review.py)."""
    return actions_for(translation, instance, user)
