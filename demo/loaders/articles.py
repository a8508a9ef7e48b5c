"""Demo articles: retrospectives, news and interviews drawn from the seed texts, in our own words."""

import datetime

from wagtail.models import Site

from articles.models import ArticleIndexPage, ArticlePage
from core.models import Theme, WerkplaatsPage
from demo.utils import (
    create_child,
    generated_image,
    generated_pdf,
    locale,
    publish,
    rich,
    sync_translations,
    translate,
)

ARTICLES = [
    {
        "slug": "terugblik-leren-van-ervaringen",
        "werkplaats": "groningen",
        "date": datetime.date(2020, 2, 20),
        "kind": "terugblik",
        "title": "Terugblik: Leren van Ervaringen in Hoogezand",
        "summary": "Ruim honderd wethouders, beleidsmakers, professionals, jongeren en ouders zochten samen "
        "naar concrete verbeteringen in de jeugdhulp.",
        "themes": ["Cultuurverandering", "Onderwijs en jeugdhulp"],
        "body": [
            "Op donderdag 13 februari 2020 kwamen in Hoogezand meer dan honderd deelnemers bijeen voor de "
            "inspiratiebijeenkomst van de Transformatieagenda Groningen. Wat hen bond: hulp aan jongeren en "
            "gezinnen eenvoudiger en beter maken.",
            "Een terugspeeltheater opende de dag. Aanwezigen vertelden over een beslissing die zij kortgeleden "
            "namen, waarna de spelers die verhalen in muziek, monoloog en poëzie teruggaven. Zo vertelde een "
            "jonge vrouw hoe zij het aantal hulpverleners om haar heen terugbracht van vijftien naar twee.",
            "Daarna gingen groepen per gemeente aan de slag met echte ervaringsverhalen en maakten zij een "
            "verbetervoorstel met stappen binnen hun eigen invloed. Oldambt en Stadskanaal kozen voor een "
            "ondersteuner jeugd en gezin op school (OJG@school), Eemsdelta voor jongerenwerk op school, "
            "Westerkwartier voor samenwerken op recept met huisartsen en praktijkondersteuners, en de gemeente "
            "Groningen voor één gezin, één plan, één regisseur.",
            "Wie een voorstel wilde uitvoeren, pakte aan het eind letterlijk de handschoen op. Twee maanden "
            "later volgde een belronde: wat is er van de acties terechtgekomen?",
        ],
        "quote": (
            "Denkers, doeners en beslissers aan één tafel: besef dat je allemaal invloed hebt.",
            "Programmamanager Transformatieagenda Groningen",
        ),
    },
    {
        "slug": "jaarverslag-2020-cultuurverandering",
        "werkplaats": "groningen",
        "date": datetime.date(2021, 3, 1),
        "kind": "nieuws",
        "title": "Jaarverslag 2020: transformatie vraagt cultuurverandering",
        "summary": "Het Groninger programma blikt terug op een jaar van vertrouwen, expertisenetwerken, "
        "doorbraakprojecten en werken in coronatijd.",
        "themes": ["Cultuurverandering", "Dak- en thuisloze jongeren"],
        "body": [
            "In 2020 werd in Groningen duidelijk dat een andere manier van werken alleen lukt met een andere "
            "cultuur: vertrouwen krijgen en geven, lef tonen en van elkaar leren.",
            "De ambities waren stevig. Geen jongere zou in 2021 langer dan drie maanden thuiszitten zonder "
            "onderwijs of zorg, er zouden minder kinderen uit huis worden geplaatst dan in 2018 en geen "
            "jongere zou dak- of thuisloos zijn.",
            "Met vijf jongeren werden doorbraaktrajecten op maat gemaakt om dakloosheid te doorbreken of te "
            "voorkomen. In Midden-Groningen en Westerkwartier startten pilots met gezinsverzorging.",
            "Corona dwong tot improviseren: bijeenkomsten gingen online en zeven expertisenetwerken namen de "
            "plaats in van de maandelijkse leerbijeenkomsten. Het programma verstuurde zes nieuwsbrieven, die "
            "elk zo'n negenhonderd lezers bereikten.",
        ],
        "table": {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Het jaar in cijfers",
            "data": [
                ["Onderwerp", "2020"],
                ["Besteed aan transformatie", "circa 1 miljoen euro"],
                ["Expertisenetwerken", "7"],
                ["Nieuwsbrieven", "6, elk circa 900 lezers"],
            ],
        },
    },
    {
        "slug": "terugblik-volgende-versnelling",
        "werkplaats": "flevoland",
        "date": datetime.date(2018, 12, 5),
        "kind": "terugblik",
        "title": "Terugblik: symposium 'Volgende versnelling'",
        "summary": "Flevolandse professionals, jongeren en bestuurders verkenden hoe de regio samen verder "
        "verandert en verbetert.",
        "themes": ["Ervaringskennis", "Leren en implementeren"],
        "body": [
            "Op vrijdag 23 november 2018 opende het interactieve symposium met een welkom van de wethouders "
            "van Lelystad en Almere namens de regio.",
            "Een organisatieantropoloog vroeg aandacht voor menselijke taal: vraag een hulpverlener niet naar "
            "de caseload, maar naar de kinderen en gezinnen die zij helpt. Regels die het werk hinderen mogen "
            "best eens ter discussie staan.",
            "Jongeren uit de zes Flevolandse gemeenten lieten met CMO Flevoland een korte documentaire zien "
            "over plekken en mensen die voor hen belangrijk waren. Daarna volgden de plannen: pilots met "
            "gezinstraumabehandeling en deeltijdgezinshuizen, een Flevo-academie jeugd en een regionale "
            "experttafel voor complexe situaties.",
        ],
        "english": {
            "title": "Looking back: the 'Next gear' symposium",
            "summary": "Professionals, young people and councillors in Flevoland explored how the region keeps "
            "changing and improving together.",
            "body": [
                "On Friday 23 November 2018 the interactive symposium opened with a welcome from the councillors "
                "of Lelystad and Almere on behalf of the region.",
                "An organisational anthropologist pleaded for humane language: ask care workers about the "
                "children and families they help, not about their caseload.",
                "Young people from the six municipalities of Flevoland showed a short documentary made with CMO "
                "Flevoland, followed by the plans for the years ahead, including a Flevoland youth academy.",
            ],
        },
    },
    {
        "slug": "niet-elk-wiel-past-op-elke-wagen",
        "werkplaats": None,
        "signup": "Wilt u meer lezen over wat elders werkt? Kies de nieuwsbrieven die bij u passen.",
        "date": datetime.date(2020, 1, 10),
        "kind": "interview",
        "title": "Niet elk wiel past op elke wagen",
        "summary": "Kennis delen tussen regio's is essentieel, maar wat in de ene regio werkt, werkt niet "
        "vanzelf in een andere. Lessen uit het programma Academische Werkplaatsen Transformatie Jeugd.",
        "themes": ["Leren en implementeren", "Informele steun"],
        "body": [
            "Dertien academische werkplaatsen jeugd bundelen de krachten van gemeenten, kennis- en "
            "praktijkinstellingen, jongeren en ouders. Inzichten borgen en delen met andere regio's is een "
            "rode draad in hun werk.",
            "De voorzitter van het ZonMw-programma waarschuwt wel: een aanpak uit Brabant wordt in Friesland "
            "niet zomaar overgenomen. Regio's doen er goed aan een geslaagde aanpak te bestuderen en na te "
            "gaan wat zij moeten aanpassen om hem zelf te laten werken.",
            "Uit Friesland komt de dialoogtafel, waar betrokkenen samen terugkijken op een afgerond traject. "
            "Uit Utrecht komen JIM, een vertrouwd persoon uit de eigen omgeving van een jongere, en "
            "wijkacademies waar ouders van elkaar leren.",
        ],
        "english": {
            "title": "Not every wheel fits every cart",
            "summary": "Sharing knowledge between regions is essential, but what works in one region does not "
            "automatically work in another.",
            "body": [
                "Thirteen academic youth-care workplaces bring together municipalities, knowledge and practice "
                "organisations, young people and parents. Sharing what they learn with other regions runs "
                "through all their work.",
                "The chair of the ZonMw programme warns that an approach from Brabant is not simply adopted in "
                "Friesland: regions should study a successful approach and work out what to adapt.",
                "Friesland contributes the dialogue table, where everyone involved looks back together on "
                "finished support. Utrecht contributes JIM, a trusted person from a young person's own circle, "
                "and neighbourhood academies where parents learn from each other.",
            ],
            "signup": "Want to read more about what works elsewhere? Choose the newsletters that suit you.",
        },
    },
    {
        "slug": "dialoogtafel-leren-van-afgeronde-trajecten",
        "werkplaats": "friesland",
        "date": datetime.date(2020, 1, 12),
        "kind": "nieuws",
        "title": "Dialoogtafel: leren van afgeronde hulptrajecten",
        "summary": "Na 28 dialooggesprekken ziet de Friese werkplaats bekende knelpunten bevestigd en wil zij die "
        "inzichten terugbrengen in de praktijk.",
        "themes": ["Ervaringskennis", "Integraal werken"],
        "body": [
            "Aan de dialoogtafel kijken jongeren, ouders en hulpverleners samen terug op een hulpverleningstraject "
            "dat is afgesloten. Het doel is met en van elkaar te leren.",
            "De gesprekken bevestigen wat ook uit de literatuur bekend is: hulpverleners communiceren moeizaam "
            "met elkaar, de regie bij jongeren en ouders laten is lastig en gezamenlijk besluiten over één "
            "aanpak blijft ingewikkeld.",
            "Een beleidsregisseur uit Heerenveen noemt de methode een praktisch instrument om over de grenzen "
            "van disciplines heen hetzelfde gesprek te voeren.",
        ],
    },
    {
        "slug": "jim-en-wijkacademies",
        "werkplaats": "utrecht",
        "date": datetime.date(2020, 1, 14),
        "kind": "nieuws",
        "title": "JIM en wijkacademies: het netwerk van jongeren en ouders versterken",
        "summary": "Twee Utrechtse aanpakken die volgens de werkplaats het kopiëren waard zijn.",
        "themes": ["Informele steun", "Kwetsbare gezinnen"],
        "body": [
            "Bij JIM (Jouw Informele Mentor) kiest een jongere zelf iemand uit de eigen omgeving die hij of zij "
            "vertrouwt. Die persoon kan blijven steunen wanneer een hulpverlener stopt.",
            "In wijkacademies komen ouders van kinderen met gedragsproblemen samen om kennis en ervaring te "
            "delen. Gemeenten zoeken zulke vormen om ouders meer het initiatief in de wijk te geven.",
        ],
    },
    {
        "slug": "online-bijeenkomst-thuiszittende-leerlingen",
        "werkplaats": "den-haag-leiden",
        "date": datetime.date(2024, 1, 15),
        "kind": "nieuws",
        "title": "Online bijeenkomst over thuiszittende leerlingen",
        "summary": "Een docent en een student sociaal werk vertellen hoe zij thuiszitters anders benaderen: "
        "vanuit wat kan in plaats van wat moet.",
        "themes": ["Thuiszitters", "Onderwijs en jeugdhulp"],
        "body": [
            "Op dinsdag 13 februari 2024 van 13.00 tot 15.00 uur organiseren het leernetwerk Kwetsbare Gezinnen "
            "en de werkplaats een online bijeenkomst via Teams over leerlingen die niet meer naar school gaan.",
            "Rond één thuiszitter zijn soms wel tien professionals betrokken, die veel overleggen maar zelden "
            "het gewenste resultaat bereiken. Waarom is dat zo, en hoe kan het anders?",
            "Kalè Othman, docent sociaal werk, en Cleo Schaap, vierdejaars student, delen hoe kleine en "
            "onverwachte stappen leidden tot blijvende oplossingen, door echt te luisteren naar jongeren en "
            "hun ouders.",
        ],
    },
    {
        "slug": "terugblik-jaarconferentie-2023",
        "werkplaats": "samen",
        "date": datetime.date(2023, 12, 19),
        "kind": "terugblik",
        "title": "Terugblik: dertiende Jaarconferentie SAMEN",
        "summary": "Duurzaam samen leren in de zorg voor jeugd stond centraal op 12 december 2023.",
        "themes": ["Leren en implementeren", "Ervaringskennis"],
        "body": [
            "De dertiende jaarconferentie van SAMEN draaide om duurzaam samen leren. Keynotespreker Peter "
            "Dijkshoorn liet zien hoe hij blijvend ontwikkelen en leren bevordert; SAMEN gebruikt zijn inzichten "
            "voor het volgende programma.",
            "Maaike Koning en Sanne Dierick van ExpEx herinnerden de zaal eraan waarom iedereen dit werk doet. "
            "In workshops presenteerden de leernetwerken Integraal Werken, Kwetsbare Gezinnen en Normaliseren "
            "en het project Leren & implementeren hun werk.",
        ],
        "document": (
            "Factsheet Jaarconferentie SAMEN 2023",
            [
                "13e Jaarconferentie SAMEN, 12 december 2023",
                "Thema: duurzaam samen leren in de zorg voor jeugd",
                "Keynote over blijvend ontwikkelen en leren",
                "Bijdrage van ExpEx - Experienced Experts",
                "Workshops: Integraal Werken, Kwetsbare Gezinnen,",
                "Normaliseren, Leren & implementeren",
            ],
        ),
    },
    {
        "slug": "terugblik-symposium-informele-steun",
        "werkplaats": "samen",
        "date": datetime.date(2023, 11, 20),
        "kind": "terugblik",
        "title": "Van willen naar doen: terugblik op het symposium informele steun",
        "summary": "Bijna honderd deelnemers verkenden in Leiden hoe professionals gelijkwaardig samenwerken "
        "met informele steunfiguren.",
        "themes": ["Informele steun", "Kwetsbare gezinnen"],
        "body": [
            "Op 16 november 2023 kwamen bijna honderd ambtenaren, studenten, docenten, ervaringsdeskundigen en "
            "vooral hulpverleners naar de Hogeschool Leiden voor het symposium van het leernetwerk Kwetsbare "
            "Gezinnen.",
            "Een 22-jarige jongere vertelde hoe zijn JIM hem steunde toen zijn ouders er niet waren, en waarom "
            "die band de formele hulp pas echt liet werken. De trekker van het leernetwerk vertelde hoe hij "
            "van taalcoach uitgroeide tot buddy van een vluchteling.",
            "In zeven workshops ging het onder meer over het ervaringscafé, School's Cool, Buurtgezinnen en de "
            "morele dilemma's van samenwerken met informele steun. De Handreiking Informele Steun van de BPSW "
            "was de hele dag een leidraad. Deelname leverde 4 SKJ-punten op.",
        ],
        "callout": (
            "Wat een professional nodig heeft",
            "<ul><li>een taakopvatting waarin informele steun een plaats heeft;</li><li>een organisatie die daar tijd voor geeft;</li><li>de moed om steunfiguren te benaderen en een rol te geven.</li></ul>",
        ),
        "english": {
            "title": "From intention to action: the informal support symposium",
            "summary": "Almost a hundred participants in Leiden explored how professionals can work as equals "
            "with informal supporters.",
            "body": [
                "On 16 November 2023 almost a hundred civil servants, students, teachers, experts by experience "
                "and mostly care workers came to Leiden University of Applied Sciences.",
                "A 22-year-old explained how his informal mentor (JIM) supported him when his parents were absent, "
                "and why that bond made the formal help work. The network's lead told how he grew from language "
                "coach into the buddy of a refugee.",
                "Seven workshops covered, among others, the experience café, School's Cool, Buurtgezinnen and the "
                "moral dilemmas of working with informal support, guided by the BPSW's handbook on informal "
                "support. Taking part earned 4 SKJ accreditation points.",
            ],
            "callout": (
                "What a professional needs",
                "<ul><li>a view of the job in which informal support has a place;</li><li>an organisation that "
                "gives time for it;</li><li>the courage to approach supporters and give them a role.</li></ul>",
            ),
        },
    },
    {
        "slug": "interview-coordinatoren-samen",
        "werkplaats": "samen",
        "date": datetime.date(2023, 9, 1),
        "kind": "interview",
        "title": "Het stokje over: twee coördinatoren van SAMEN in gesprek",
        "summary": "Na zes jaar draagt Noortje Pannebakker het coördinatorschap over aan Claudia Vrijhof. Wat "
        "nemen zij mee, en welke kansen zien zij?",
        "themes": ["Ervaringskennis", "Leren en implementeren"],
        "body": [
            "Per 1 augustus heeft Claudia Vrijhof de rol van coördinator overgenomen. Zij kent SAMEN al van een "
            "project bij het leernetwerk Normaliseren en bracht ervaring mee van onder meer CJG Rijnmond en de "
            "Universiteit Leiden.",
            "Als hoogtepunt noemt Noortje de samenwerking met jongeren, die vast in de werkplaats is ingebed: "
            "wat professionals denken dat werkt, hoeft in een gezin niet zo te werken. Ook de banden met "
            "hogescholen groeiden, met workshops en gastcolleges voor studenten sociaal werk.",
            "Claudia ziet het personeelstekort en het verloop in de zorg voor jeugd als grote opgaven, en wil "
            "met de leden praten over een vervolgprogramma dat blijvend vernieuwt.",
        ],
        "quote": ("Jongeren zijn een onmisbaar perspectief bij kennis en innovatie.", "Noortje Pannebakker"),
    },
]


def _index(parent, title, slug, summary, show_in_menus=False):
    return create_child(parent, ArticleIndexPage(title=title, slug=slug, summary=summary, show_in_menus=show_in_menus))


HEADINGS = {
    "nl": {"downloads": "Downloads", "signup": "Blijf op de hoogte"},
    "en": {"downloads": "Downloads", "signup": "Stay informed"},
}


def _body(data, collection, language="nl"):
    headings = HEADINGS[language]
    body = [("paragraph", rich(text)) for text in data["body"]]
    if "quote" in data:
        body.insert(2, ("quote", {"quote": data["quote"][0], "attribution": data["quote"][1], "role": ""}))
    if "callout" in data:
        body.append(("callout", {"variant": "tip", "heading": data["callout"][0], "text": data["callout"][1]}))
    if "table" in data:
        body.append(("table", data["table"]))
    if "document" in data:
        title, lines = data["document"]
        document = generated_pdf(title, lines, collection)
        body.append(
            ("documents", {"heading": headings["downloads"], "documents": [{"document": document, "description": ""}]})
        )
    if "signup" in data:
        body.append(("newsletter_signup", {"heading": headings["signup"], "text": data["signup"], "newsletter": None}))
    return body


def load(stdout):
    dutch = locale("nl")
    home = Site.objects.get(is_default_site=True).root_page
    national = _index(
        home, "Nieuws", "nieuws", "Nieuws, interviews en terugblikken uit alle werkplaatsen jeugd.", show_in_menus=True
    )
    translate(
        national, "en", slug="news", title="News", summary="News, interviews and retrospectives from all workplaces."
    )
    indexes = {}
    for werkplaats in WerkplaatsPage.objects.filter(locale=dutch):
        indexes[werkplaats.slug] = _index(
            werkplaats, "Nieuws", "nieuws", f"Nieuws en terugblikken van {werkplaats.title}."
        )
    for data in ARTICLES:
        parent = indexes[data["werkplaats"]] if data["werkplaats"] else national
        if ArticlePage.objects.filter(slug=data["slug"], locale=dutch).exists():
            article = ArticlePage.objects.get(slug=data["slug"], locale=dutch)
        else:
            image = generated_image(
                data["title"],
                f"Illustratie bij: {data['title']}",
                parent.specific.werkplaats and parent.specific.werkplaats.collection,
            )
            article = create_child(
                parent,
                ArticlePage(
                    title=data["title"],
                    slug=data["slug"],
                    date=data["date"],
                    kind=data["kind"],
                    summary=data["summary"],
                    listing_image=image,
                    body=_body(data, image.collection),
                ),
            )
            article.themes.set(Theme.objects.filter(name__in=data["themes"]))
            article.save_revision().publish()
        if "english" in data:
            english = data["english"]
            translate(
                article,
                "en",
                title=english["title"],
                summary=english["summary"],
                body=_body(english, None, "en"),
            )
    featured = ArticlePage.objects.filter(
        slug__in=["niet-elk-wiel-past-op-elke-wagen", "terugblik-symposium-informele-steun"], locale=dutch
    )
    home = home.specific
    if not home.featured_items.exists():
        home.featured_items = [home.featured_items.model(page=page) for page in featured]
        publish(home)
        sync_translations(home)  # the English home shows the English versions of the same pages
