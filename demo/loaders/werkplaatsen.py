"""Demo content of the core: taxonomies, the werkplaatsen and their editors.

Facts come from the public sources in ../shared/seeds; every sentence is our own.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Site

from core.models import CareSetting, Municipality, Province, TargetGroup, Theme, WerkplaatsIndexPage, WerkplaatsPage
from core.permissions import NATIONAL_EDITORS_GROUP
from demo.utils import create_child, demo_password, generated_image, locale, rich, translate

THEMES = [
    ("Informele steun", "Informal support"),
    ("Thuiszitters", "Children out of school"),
    ("Onderwijs en jeugdhulp", "Education and youth care"),
    ("Ervaringskennis", "Lived experience"),
    ("Kwetsbare gezinnen", "Vulnerable families"),
    ("Integraal werken", "Integrated working"),
    ("Normaliseren", "Normalising"),
    ("Dak- en thuisloze jongeren", "Homeless young people"),
    ("Cultuurverandering", "Culture change"),
    ("Leren en implementeren", "Learning and implementation"),
]
TARGET_GROUPS = [
    ("Kinderen (0-12 jaar)", "Children (0-12)"),
    ("Jongeren (12-18 jaar)", "Adolescents (12-18)"),
    ("Jongvolwassenen (18-23 jaar)", "Young adults (18-23)"),
    ("Ouders en gezinnen", "Parents and families"),
    ("Professionals", "Professionals"),
    ("Gemeenten en beleid", "Municipalities and policy"),
]
CARE_SETTINGS = [
    ("School", "School"),
    ("Wijk", "Neighbourhood"),
    ("Thuis", "Home"),
    ("Huisartsenpraktijk", "GP practice"),
    ("Jongerencentrum", "Youth centre"),
    ("Online", "Online"),
]

WERKPLAATSEN = [
    {
        "slug": "samen",
        "title": "Werkplaats SAMEN",
        "short_name": "SAMEN",
        "summary": "Sinds 2005 werken gemeenten, praktijk, onderwijs, onderzoek en gezinnen in Zuid-Holland "
        "samen aan betere zorg voor jeugd.",
        "intro": rich(
            "SAMEN begon in 2005 en werkt sinds 2010, met subsidie van ZonMw, als zelfstandige werkplaats. "
            "De werkplaats bestrijkt de regio's Midden-Holland, Haaglanden en Holland Rijnland en kijkt "
            "ook naar jeugd die alleen de jeugdgezondheidszorg ziet.",
            "TNO is trekker van de werkplaats; de coördinator verbindt beleid, praktijk, onderwijs, "
            "onderzoek en gezinnen.",
        ),
        "provinces": ["Zuid-Holland"],
        "regions": ["JZ27", "JZ24", "JZ18"],
        "themes": ["Informele steun", "Ervaringskennis", "Integraal werken", "Normaliseren"],
        "founded_year": 2005,
        "partners": [
            ("TNO", "kennisinstelling"),
            ("LUMC-Curium", "zorgaanbieder"),
            ("Hogeschool Leiden", "hogeschool"),
            ("De Haagse Hogeschool", "hogeschool"),
            ("ExpEx - Experienced Experts", "jongeren-ouders"),
        ],
        "networks": [
            (
                "Integraal Werken",
                "Professionals uit verschillende domeinen leren samen om gezinnen in één aanpak te helpen.",
            ),
            ("Kwetsbare Gezinnen", "Brengt kennis over informele netwerken rond gezinnen bij elkaar."),
            ("Normaliseren", "Hoe voorkomen we dat gewone opvoedvragen zorgvragen worden?"),
        ],
        "contact_name": "Claudia Vrijhof, coördinator",
        "english": {
            "title": "Werkplaats SAMEN",
            "short_name": "SAMEN",
            "contact_name": "Claudia Vrijhof, coordinator",
            "summary": "Since 2005 municipalities, practice, education, research and families in South Holland "
            "have worked together on better care for young people.",
            "intro": rich(
                "SAMEN started in 2005 and has been an independent workplace funded by ZonMw since 2010. "
                "It covers the Midden-Holland, Haaglanden and Holland Rijnland regions.",
                "TNO leads the workplace; its coordinator connects policy, practice, education, research and families.",
            ),
        },
    },
    {
        "slug": "groningen",
        "title": "Transformatie Jeugd Groningen",
        "short_name": "Groningen",
        "summary": "De tien Groninger gemeenten werken met aanbieders, cliënten en ervaringsdeskundigen aan "
        "een lerende jeugdhulp: samen doen wat werkt.",
        "intro": rich(
            "Het programma Transformatieagenda Groningen wil dat ieder kind in de provincie veilig opgroeit. "
            "Het zet in op cultuurverandering: vertrouwen krijgen en geven, lef tonen en van elkaar leren.",
            "Zeven expertisenetwerken vervingen in 2020 de maandelijkse leerbijeenkomsten.",
        ),
        "provinces": ["Groningen"],
        "regions": ["JZ01"],
        "themes": ["Cultuurverandering", "Dak- en thuisloze jongeren", "Onderwijs en jeugdhulp"],
        "partners": [
            ("Regionale Inkooporganisatie Groninger Gemeenten (RIGG)", "gemeente"),
            ("Hanzehogeschool Groningen", "hogeschool"),
            ("Jimmy's Groningen", "jongeren-ouders"),
        ],
        "networks": [
            ("Expertisenetwerken", "Zeven netwerken rond leerpunten uit de regio, van verblijf tot onderwijs."),
            ("Kopgroep doorontwikkeling verblijf", "Beleidsadviseurs en de RIGG over hoogspecialistische hulp."),
        ],
        "english": {
            "title": "Youth Care Transformation Groningen",
            "short_name": "Groningen",
            "summary": "The ten municipalities of Groningen work with providers, clients and experts by "
            "experience on youth care that learns: doing together what works.",
            "intro": rich(
                "The Groningen transformation programme wants every child in the province to grow up safely. "
                "It focuses on culture change: giving and receiving trust, daring and learning from each other.",
                "In 2020 seven expertise networks took the place of the monthly learning meetings.",
            ),
        },
    },
    {
        "slug": "flevoland",
        "title": "Werkplaats Jeugd Flevoland",
        "short_name": "Flevoland",
        "summary": "De zes Flevolandse gemeenten werken aan hulp die dichtbij is, aansluit bij wat gezinnen "
        "nodig hebben en zo min mogelijk wordt onderbroken.",
        "intro": rich(
            "In Flevoland moet elke jeugdige en elk gezin de juiste hulp kunnen krijgen. Met de Flevo-academie "
            "jeugd investeert de regio in onderzoek, lerend werken en vakmanschap.",
        ),
        "provinces": ["Flevoland"],
        "regions": ["JZ08"],
        "themes": ["Ervaringskennis", "Leren en implementeren"],
        "partners": [("CMO Flevoland", "overig"), ("Gemeente Almere", "gemeente"), ("Gemeente Lelystad", "gemeente")],
        "networks": [("Flevo-academie jeugd", "Onderzoek, lerend werken en het versterken van vakmanschap.")],
    },
    {
        "slug": "friesland",
        "title": "Werkplaats Jeugd Friesland",
        "short_name": "Friesland",
        "summary": "Friese gemeenten, hulpverleners, jongeren en ouders kijken samen terug op afgeronde "
        "hulptrajecten en leren daarvan.",
        "intro": rich(
            "Bekend van de dialoogtafel: jongeren, ouders en hulpverleners bespreken achteraf een afgesloten "
            "traject om met en van elkaar te leren.",
        ),
        "provinces": ["Fryslân"],
        "regions": ["JZ02"],
        "themes": ["Ervaringskennis", "Integraal werken"],
        "partners": [("Gemeente Heerenveen", "gemeente")],
        "networks": [("Dialoogtafels", "Terugkijken op hulpverlening, met alle betrokkenen aan één tafel.")],
    },
    {
        "slug": "utrecht",
        "title": "Werkplaats Jeugd Utrecht",
        "short_name": "Utrecht",
        "summary": "Utrechtse gemeenten zoeken naar manieren om het netwerk van jongeren en het initiatief van "
        "ouders in de wijk te versterken.",
        "intro": rich(
            "De werkplaats werkt onder meer met JIM (Jouw Informele Mentor) en met wijkacademies waar ouders "
            "kennis en ervaring uitwisselen.",
        ),
        "provinces": ["Utrecht"],
        "regions": ["JZ22", "JZ19", "JZ26", "JZ23", "JZ20"],
        "themes": ["Informele steun", "Kwetsbare gezinnen"],
        "partners": [("Universiteit Utrecht", "kennisinstelling")],
        "networks": [("Wijkacademies", "Ouders van kinderen met gedragsproblemen leren van elkaar in hun wijk.")],
    },
    {
        "slug": "den-haag-leiden",
        "title": "Werkplaats Sociaal Domein Den Haag-Leiden",
        "short_name": "Den Haag-Leiden",
        "summary": "Hogescholen en praktijk in Den Haag en Leiden leren samen over vraagstukken in het sociaal "
        "domein, zoals thuiszittende leerlingen.",
        "intro": rich(
            "De werkplaats verbindt onderwijs, onderzoek en praktijk van het sociaal werk in de regio's "
            "Haaglanden en Holland Rijnland.",
        ),
        "provinces": ["Zuid-Holland"],
        "regions": ["JZ24", "JZ18"],
        "themes": ["Thuiszitters", "Onderwijs en jeugdhulp"],
        "partners": [("Hogeschool Leiden", "hogeschool"), ("De Haagse Hogeschool", "hogeschool")],
        "networks": [],
    },
]


def _terms(model, pairs):
    for name, name_en in pairs:
        model.objects.update_or_create(slug=slugify(name), defaults={"name": name, "name_en": name_en})


def _werkplaats(index, data):
    page = WerkplaatsPage.objects.filter(slug=data["slug"], locale=index.locale).first()
    if page is None:
        logo = generated_image(f"Beeldmerk {data['short_name']}", f"Beeldmerk van {data['title']}")
        page = create_child(
            index,
            WerkplaatsPage(
                title=data["title"],
                slug=data["slug"],
                short_name=data["short_name"],
                summary=data["summary"],
                intro=data["intro"],
                logo=logo,
                listing_image=logo,
                founded_year=data.get("founded_year"),
                contact_name=data.get("contact_name", ""),
                contact_email=f"info@{data['slug']}.wiel.example",
            ),
        )
        page.provinces.set(Province.objects.filter(name__in=data["provinces"]))
        page.municipalities.set(Municipality.objects.filter(youth_region__code__in=data["regions"]))  # CBS codes
        page.themes.set(Theme.objects.filter(name__in=data["themes"]))
        for name, kind in data["partners"]:
            page.partners.create(name=name, kind=kind)
        for name, description in data["networks"]:
            page.leernetwerken.create(name=name, description=description)
        page.save_revision().publish()
    if "english" in data:
        translate(page, "en", **data["english"])
    return page


def _demo_users(stdout):
    user_model = get_user_model()
    password = demo_password()
    national, created = user_model.objects.get_or_create(
        username="landelijk", defaults={"email": "landelijk@wiel.example", "first_name": "Landelijke redactie"}
    )
    if created:
        national.set_password(password)
        national.save()
        national.groups.add(Group.objects.get(name=NATIONAL_EDITORS_GROUP))
        stdout.write("  national editor 'landelijk' created")
    for werkplaats in WerkplaatsPage.objects.filter(locale=locale("nl")):
        username = f"redactie-{werkplaats.slug}"
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@wiel.example", "first_name": werkplaats.short_name}
        )
        if created:
            user.set_password(password)
            user.save()
            user.groups.add(werkplaats.editor_group)


def load(stdout):
    _terms(Theme, THEMES)
    _terms(TargetGroup, TARGET_GROUPS)
    _terms(CareSetting, CARE_SETTINGS)

    home = Site.objects.get(is_default_site=True).root_page
    index = create_child(
        home,
        WerkplaatsIndexPage(
            title="Werkplaatsen",
            slug="werkplaatsen",
            show_in_menus=True,
            summary="De werkplaatsen jeugd die op Wiel publiceren, met de regio die zij bestrijken.",
            intro=rich(
                "Nederland telt dertien tot vijftien werkplaatsen jeugd. In elke werkplaats werken gemeenten, "
                "zorgaanbieders, kennisinstellingen, jongeren en ouders samen aan betere jeugdhulp."
            ),
        ),
    )
    translate(
        index,
        "en",
        slug="workplaces",
        title="Workplaces",
        summary="The youth-care workplaces that publish on Wiel, with the region each one covers.",
        intro=rich(
            "The Netherlands has thirteen to fifteen werkplaatsen jeugd. In each, municipalities, care "
            "providers, knowledge institutes, young people and parents work together on better youth care."
        ),
    )
    for data in WERKPLAATSEN:
        _werkplaats(index, data)
    _demo_users(stdout)
