from .documents import DocumentText
from .editing import CreatedDraft
from .pages import BasePage, ContentPage, SectionIndexPage, WerkplaatsContentPage, WerkplaatsIndexPage, WerkplaatsPage
from .settings import SitePages
from .taxonomy import CareSetting, TargetGroup, Term, Theme, reading_english
from .werkplaats import Leernetwerk, Partner

__all__ = [
    "BasePage",
    "CareSetting",
    "ContentPage",
    "CreatedDraft",
    "DocumentText",
    "Leernetwerk",
    "Partner",
    "SectionIndexPage",
    "SitePages",
    "TargetGroup",
    "Term",
    "Theme",
    "WerkplaatsIndexPage",
    "WerkplaatsContentPage",
    "WerkplaatsPage",
    "reading_english",
]
