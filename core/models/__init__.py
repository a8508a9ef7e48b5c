from .geography import Municipality, Province, YouthRegion
from .pages import BasePage, ContentPage
from .taxonomy import CareSetting, TargetGroup, Theme
from .werkplaats import Leernetwerk, Partner, WerkplaatsIndexPage, WerkplaatsPage

__all__ = [
    "BasePage",
    "CareSetting",
    "ContentPage",
    "Leernetwerk",
    "Municipality",
    "Partner",
    "Province",
    "TargetGroup",
    "Theme",
    "WerkplaatsIndexPage",
    "WerkplaatsPage",
    "YouthRegion",
]
