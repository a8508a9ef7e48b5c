from .documents import DocumentText
from .editing import CreatedDraft
from .geography import Municipality, Province, YouthRegion
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
    "Municipality",
    "Partner",
    "Province",
    "SectionIndexPage",
    "SitePages",
    "TargetGroup",
    "Term",
    "Theme",
    "WerkplaatsIndexPage",
    "WerkplaatsContentPage",
    "WerkplaatsPage",
    "YouthRegion",
    "reading_english",
]
