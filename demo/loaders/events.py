"""Demo events: the seeds' meetings as retrospectives, and upcoming ones dated from today.

Facts (dates, places, SKJ points, who spoke) come from ../shared/seeds; every sentence is ours.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from core.models import Leernetwerk, Theme, WerkplaatsPage
from demo.utils import create_child, generated_pdf, locale, rich, translate, working_day
from events.models import EventIndexPage, EventPage, EventPractice, Registration, Speaker
from practices.models import PracticePage

AMSTERDAM = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def at(day, start, end):
    """Aware start and end on ``day`` (a date) from "HH:MM" wall-clock times in Amsterdam."""
    begin = datetime.datetime.combine(day, datetime.time.fromisoformat(start), AMSTERDAM)
    finish = datetime.datetime.combine(day, datetime.time.fromisoformat(end), AMSTERDAM)
    return begin, finish


def item(starts, ends, title, speakers="", kind="plenair", description=""):
    return (
        "item",
        {
            "starts": datetime.time.fromisoformat(starts),
            "ends": datetime.time.fromisoformat(ends) if ends else None,
            "kind": kind,
            "title": title,
            "speakers": speakers,
            "description": description,
        },
    )


PAST = [
    {
        "slug": "leren-van-ervaringen-2020",
        "werkplaats": "groningen",
        "title": "Leren van Ervaringen",
        "day": datetime.date(2020, 2, 13),
        "times": ("13:00", "17:00"),
        "mode": "locatie",
        "venue": ("Hotel Faber", "", "", "Hoogezand"),
        "summary": "Inspiratiebijeenkomst van de Transformatieagenda Groningen met wethouders, professionals, "
        "jongeren en ouders.",
        "audience": "Wethouders, beleidsmedewerkers, professionals, jongeren en ouders uit de Groninger gemeenten.",
        "themes": ["Cultuurverandering", "Onderwijs en jeugdhulp"],
        "programme": [
            item("13:00", "14:00", "Terugspeeltheater: verhalen over een belangrijke beslissing", "Het eerste bedrijf"),
            item("14:00", "15:30", "Werksessie: verbetervoorstellen per gemeente", kind="workshop"),
            item("15:30", "16:30", "Presentaties van de voorstellen"),
            item("16:30", "17:00", "De handschoen oppakken en afsluiting", "Programmamanager Transformatieagenda"),
        ],
        "speakers": [("Alice Faber", "artistiek leider", "Het eerste bedrijf")],
        "report": [
            "Meer dan honderd deelnemers begonnen met verhalen over keuzes die zij kortgeleden maakten; de "
            "spelers gaven ze terug in muziek en poëzie.",
            "In gemengde groepen maakten gemeenten daarna een verbetervoorstel met stappen binnen hun eigen "
            "invloed, van een ondersteuner op school tot samenwerken met huisartsen.",
        ],
        "practices": [
            "ojg-at-school",
            "jongerenwerk-op-school",
            "samenwerken-op-recept",
            "een-gezin-een-plan-een-regisseur",
        ],
    },
    {
        "slug": "volgende-versnelling-2018",
        "werkplaats": "flevoland",
        "title": "Symposium Volgende versnelling",
        "day": datetime.date(2018, 11, 23),
        "times": ("09:30", "16:30"),
        "mode": "locatie",
        "venue": ("", "", "", "Lelystad"),
        "summary": "Interactief symposium over samen veranderen en verbeteren in de Flevolandse jeugdhulp.",
        "audience": "Professionals, onderzoekers en beleidsmakers uit Flevoland.",
        "themes": ["Cultuurverandering", "Ervaringskennis"],
        "programme": [
            item("09:30", "10:00", "Welkom namens de regio", "Wethouders van Lelystad en Almere"),
            item("10:00", "10:45", "De menselijke maat in de taal over hulp", "Annemarie van Dalen"),
            item("11:00", "12:15", "Eerste ronde workshops", kind="workshop"),
            item("13:15", "14:00", "Minidocumentaire: jongeren over hun plekken", "Jonge ervaringsdeskundigen"),
            item("14:00", "14:45", "Posterparade met praktijkvoorbeelden"),
            item("15:00", "16:00", "Tweede ronde workshops", kind="workshop"),
            item("16:00", "16:30", "De dag in tekeningen", "Felix Guérain"),
        ],
        "speakers": [("Annemarie van Dalen", "organisatie-antropoloog", ""), ("Felix Guérain", "tekenaar", "")],
        "report": [
            "De dag liet zien hoe jonge ervaringsdeskundigen en professionals samen naar de volgende stap kijken: "
            "minder regels waar die het werk hinderen, meer ruimte voor vakmanschap.",
        ],
        "practices": ["regionale-experttafel"],
    },
    {
        "slug": "thuiszittende-leerlingen-2024",
        "werkplaats": "den-haag-leiden",
        "title": "Online bijeenkomst: Thuiszittende leerlingen",
        "day": datetime.date(2024, 2, 13),
        "times": ("13:00", "15:00"),
        "mode": "online",
        "platform": "Microsoft Teams",
        "network": "Kwetsbare Gezinnen",
        "summary": "Een docent en een student sociaal werk over anders kijken naar leerlingen die thuiszitten.",
        "audience": "Docenten, zorgcoördinatoren, leerplichtambtenaren en hulpverleners.",
        "themes": ["Thuiszitters", "Onderwijs en jeugdhulp"],
        "programme": [
            item("13:00", "13:45", "Verhalen uit de praktijk", "Kalè Othman en Cleo Schaap"),
            item("13:45", "14:45", "In gesprek: hoe zou het ook kunnen?", kind="workshop"),
            item("14:45", "15:00", "Afsluiting"),
        ],
        "speakers": [
            ("Kalè Othman", "docent sociaal werk", ""),
            ("Cleo Schaap", "student sociaal werk", ""),
        ],
        "report": [
            "Deelnemers zagen hoe kleine, onverwachte stappen samen met de leerling en de ouders meer opleverden "
            "dan de zoveelste overlegronde tussen professionals.",
        ],
        "practices": ["anders-kijken-naar-thuiszitters"],
    },
    {
        "slug": "symposium-informele-steun-2023",
        "werkplaats": "samen",
        "title": "Van willen naar doen: symposium Informele steun",
        "day": datetime.date(2023, 11, 16),
        "times": ("12:30", "17:00"),
        "mode": "locatie",
        "venue": ("Hogeschool Leiden", "", "", "Leiden"),
        "network": "Kwetsbare Gezinnen",
        "skj": ("4", ""),
        "summary": "Bijna honderd deelnemers over gelijkwaardig samenwerken met informele steunfiguren.",
        "audience": "Hulpverleners, ambtenaren, docenten, studenten en ervaringsdeskundigen.",
        "themes": ["Informele steun", "Kwetsbare gezinnen"],
        "programme": [
            item("12:30", "13:15", "Wat betekent een JIM?", "Een JIM-jongere en leernetwerktrekker"),
            item(
                "13:30",
                "15:00",
                "Zeven workshops: ervaringscafé, School's Cool, Buurtgezinnen, morele dilemma's",
                kind="workshop",
            ),
            item("15:15", "16:30", "Zelf aan de slag met informele steun", "Elize Lam, dagvoorzitter"),
        ],
        "speakers": [("Elize Lam", "dagvoorzitter", "STEUNKRACHT"), ("Johannes Mol", "leernetwerktrekker", "SAMEN")],
        "report": [
            "In de workshops stonden de handreiking informele steun en de morele dilemma's van professionals "
            "centraal. Het laatste uur formuleerde iedereen een eigen kans om morgen mee te beginnen.",
        ],
        "document": (
            "Factsheet symposium informele steun",
            ["Van willen naar doen", "16 november 2023, Leiden", "4 SKJ-punten"],
        ),
        "practices": ["jim-jouw-informele-mentor", "ervaringscafe", "schools-cool", "buurtgezinnen"],
    },
    {
        "slug": "jaarconferentie-samen-2023",
        "werkplaats": "samen",
        "title": "13e Jaarconferentie SAMEN",
        "day": datetime.date(2023, 12, 12),
        "times": ("13:00", "17:30"),
        "mode": "locatie",
        "venue": ("", "", "", "Leiden"),
        "summary": "Duurzaam samen leren in de zorg voor jeugd, met workshops van alle leernetwerken.",
        "audience": "Leden en partners van Werkplaats SAMEN.",
        "themes": ["Leren en implementeren"],
        "programme": [
            item("13:00", "14:00", "Keynote: duurzaam blijven leren", "Peter Dijkshoorn"),
            item("14:00", "14:30", "Waarom we doen wat we doen", "ExpEx"),
            item("14:45", "16:15", "Workshops van de leernetwerken en Leren & implementeren", kind="workshop"),
        ],
        "speakers": [("Peter Dijkshoorn", "keynote", ""), ("Maaike Koning", "ervaringsdeskundige", "ExpEx")],
        "report": ["De factsheet vat de middag samen; de inzichten voeden de vervolgprogrammering van SAMEN."],
        "document": (
            "Factsheet Jaarconferentie 2023",
            ["Duurzaam samen leren in de zorg voor jeugd", "12 december 2023"],
        ),
        "practices": ["liso-framework"],
    },
    {
        "slug": "visiegroep-november-2023",
        "werkplaats": "samen",
        "title": "Visiegroep SAMEN, november",
        "day": datetime.date(2023, 11, 13),
        "times": ("15:00", "17:00"),
        "mode": "locatie",
        "venue": ("", "", "", "Leiden"),
        "summary": "De visiegroep besprak de teamwisselingen, het impactplan en de vervolgprogrammering.",
        "audience": "Bestuurlijk vertegenwoordigers van de leden van SAMEN.",
        "themes": ["Leren en implementeren"],
        "programme": [],
        "speakers": [],
        "report": ["Het verslag van de visiegroep staat in de bijlage."],
        "document": ("Verslag visiegroep november 2023", ["Teamwisselingen", "Impactplan", "Vervolgprogrammering"]),
        "practices": [],
    },
]

UPCOMING = [
    {
        "slug": "leernetwerk-kwetsbare-gezinnen-voorjaar",
        "werkplaats": "samen",
        "title": "Leernetwerk Kwetsbare Gezinnen: netwerken rond het gezin",
        "days_ahead": 12,
        "times": ("14:00", "16:30"),
        "mode": "hybride",
        "venue": ("Hogeschool Leiden", "Zernikedreef 11", "2333 CK", "Leiden"),
        "platform": "Microsoft Teams",
        "network": "Kwetsbare Gezinnen",
        "skj": ("2", "SKJ-DEMO-0001"),
        "summary": "Hoe betrek je het netwerk van een gezin als gelijkwaardige partner? Met praktijkvoorbeelden.",
        "registration": (20, 20, 3),  # places, taken, waiting: full, with a waiting list
        "audience": "Hulpverleners en wijkteams.",
        "themes": ["Informele steun", "Kwetsbare gezinnen"],
        "practices": ["jim-jouw-informele-mentor", "buurtgezinnen"],
    },
    {
        "slug": "online-thuiszitters-vervolg",
        "werkplaats": "den-haag-leiden",
        "title": "Online: thuiszitters, een jaar later",
        "days_ahead": 30,
        "times": ("13:00", "14:30"),
        "mode": "online",
        "platform": "Microsoft Teams",
        "summary": "Wat is er geworden van de kleine stappen? Een vervolg op de bijeenkomst over thuiszittende leerlingen.",
        "registration": (100, 12, 0),
        "join_url": "https://teams.example/wiel-demo-thuiszitters",
        "audience": "Docenten, leerplicht en jeugdhulp.",
        "themes": ["Thuiszitters"],
        "practices": ["anders-kijken-naar-thuiszitters"],
    },
    {
        "slug": "groningen-expertisenetwerk-onderwijs",
        "werkplaats": "groningen",
        "title": "Expertisenetwerk onderwijs en jeugdhulp",
        "days_ahead": 45,
        "times": ("09:30", "12:00"),
        "mode": "locatie",
        "venue": ("Gemeentehuis", "", "", "Veendam"),
        "summary": "Gemeenten en scholen wisselen uit wat werkt met een ondersteuner jeugd en gezin op school.",
        "registration": (30, 27, 0),
        "audience": "Beleidsmedewerkers, schoolcontactpersonen en ondersteuners.",
        "themes": ["Onderwijs en jeugdhulp"],
        "practices": ["ojg-at-school"],
    },
    {
        "slug": "jaarconferentie-samen-komend",
        "werkplaats": "samen",
        "title": "Jaarconferentie SAMEN",
        "days_ahead": 75,
        "times": ("13:00", "17:30"),
        "mode": "locatie",
        "venue": ("", "", "", "Leiden"),
        "skj": ("3", ""),
        "summary": "De jaarlijkse conferentie van Werkplaats SAMEN, met workshops van alle leernetwerken.",
        "audience": "Leden en partners van Werkplaats SAMEN.",
        "themes": ["Leren en implementeren"],
        "practices": ["liso-framework"],
    },
]


def _event(parent, data, start, end, collection):
    venue = data.get("venue", ("", "", "", ""))
    page = EventPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        start=start,
        end=end,
        mode=data["mode"],
        venue_name=venue[0],
        venue_address=venue[1],
        venue_postcode=venue[2],
        venue_city=venue[3],
        online_platform=data.get("platform", ""),
        audience=data["audience"],
        skj_points=data["skj"][0] if "skj" in data else None,
        skj_number=data["skj"][1] if "skj" in data else "",
        body=[("paragraph", rich(data["summary"]))],
        registration_enabled="registration" in data,
        capacity=data["registration"][0] if "registration" in data else None,
        join_url=data.get("join_url", ""),
        programme=data.get("programme", []),
    )
    report = [("paragraph", rich(text)) for text in data.get("report", [])]
    if "document" in data:
        title, lines = data["document"]
        document = generated_pdf(title, lines, collection)
        report.append(("documents", {"heading": "Downloads", "documents": [{"document": document, "description": ""}]}))
    page.report = report
    werkplaats = parent.get_parent().specific
    if "network" in data:
        page.leernetwerk = Leernetwerk.objects.filter(page=werkplaats, name__icontains=data["network"]).first()
    page.themes = list(Theme.objects.filter(name__in=data["themes"]))
    page.speakers = [
        Speaker(name=name, role=role, organisation=organisation)
        for name, role, organisation in data.get("speakers", [])
    ]
    practices = PracticePage.objects.filter(slug__in=data["practices"], locale=parent.locale)
    page.related_practices = [EventPractice(practice=practice) for practice in practices]
    page = create_child(parent, page)
    if "registration" in data:
        _, taken, waiting = data["registration"]
        statuses = [Registration.Status.CONFIRMED] * taken + [Registration.Status.WAITING] * waiting
        Registration.objects.bulk_create(
            Registration(
                event=page,
                name=f"Deelnemer {number}",
                email=f"deelnemer{number}@{data['slug']}.example.org",
                organisation="Demo-organisatie",
                status=status,
            )
            for number, status in enumerate(statuses, start=1)
        )
    return page


def load(stdout):
    dutch = locale("nl")
    home = Site.objects.get(is_default_site=True).root_page
    national = create_child(
        home,
        EventIndexPage(
            title="Agenda",
            slug="agenda",
            show_in_menus=True,
            summary="Bijeenkomsten van alle werkplaatsen jeugd: symposia, online sessies en leernetwerken.",
        ),
    )
    translate(national, "en", slug="events", title="Events", summary="Meetings of all the youth-care workplaces.")
    calendars = {}
    for werkplaats in WerkplaatsPage.objects.filter(locale=dutch):
        calendars[werkplaats.slug] = create_child(
            werkplaats,
            EventIndexPage(title="Agenda", slug="agenda", summary=f"Bijeenkomsten van {werkplaats.title}."),
        )
    today = timezone.localdate()
    count = 0
    for data in PAST:
        start, end = at(data["day"], *data["times"])
        parent = calendars[data["werkplaats"]]
        if not EventPage.objects.filter(slug=data["slug"], locale=dutch).exists():
            _event(parent, data, start, end, parent.get_parent().specific.collection)
        count += 1
    for data in UPCOMING:
        # Dated from the day the demo is loaded, so the demo always has a future; on a working day.
        start, end = at(working_day(today + datetime.timedelta(days=data["days_ahead"])), *data["times"])
        parent = calendars[data["werkplaats"]]
        if not EventPage.objects.filter(slug=data["slug"], locale=dutch).exists():
            _event(parent, data, start, end, parent.get_parent().specific.collection)
        count += 1
    stdout.write(f"  {count} events")
