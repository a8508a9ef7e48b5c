"""Demo practices with their regional-fit record, drawn from the seed texts in our own words.

Where a seed says a practice ran (a municipality, a region, a pilot), that becomes an
implementation. Evidence levels and cost bands are illustrative for the demo; they
are not the NJi's or anyone's official rating.
"""

import datetime

from wagtail.models import Site

from core.demo_utils import create_child, generated_pdf, locale, publish, rich, translate
from core.models import CareSetting, Municipality, TargetGroup, Theme, WerkplaatsPage

from .models import Implementation, PartnerType, PracticeIndexPage, PracticePage, PracticeSource, WorkingElement


def impl(places, started, ended=None, outcome="voortgezet", adapted="", partners=(), note="", why="", **context):
    return {
        "places": places,
        "started": started,
        "ended": ended,
        "outcome": outcome,
        "adaptations": adapted,
        "partners": partners,
        "partners_note": note,
        "why": why,
        **context,
    }


HANDREIKING = ("onderzoek", "BPSW, Handreiking Informele Steun", "")
LAM = ("onderzoek", "E. Lam, Risicokind of evenwichtskunstenaar? Kind zijn ondanks een moeilijke thuissituatie", "")
SYMPOSIUM = ("praktijk", "Werkplaats SAMEN, terugblik symposium Informele steun (16 november 2023)", "")
GRONINGEN_2020 = ("praktijk", "Transformatieagenda Groningen, jaarverslag 2020", "")
LEREN_VAN_ERVARINGEN = ("ervaring", "Werksessie Leren van Ervaringen, Hoogezand (13 februari 2020)", "")

PRACTICES = [
    {
        "slug": "jim-jouw-informele-mentor",
        "werkplaats": "utrecht",
        "title": "JIM: Jouw Informele Mentor",
        "summary": "De jongere kiest zelf een vertrouwd persoon uit het eigen netwerk, die naast de hulp gaat "
        "staan en blijft wanneer de hulpverlening stopt.",
        "aim": "Jongeren met complexe problemen houden een vaste, zelfgekozen steunfiguur, zodat zwaardere "
        "hulp en uithuisplaatsing minder nodig zijn en de steun niet ophoudt als een traject eindigt.",
        "themes": ["Informele steun", "Kwetsbare gezinnen"],
        "groups": ["Jongeren (12-18 jaar)", "Jongvolwassenen (18-23 jaar)"],
        "settings": ["Thuis", "Wijk"],
        "ages": (12, 23),
        "evidence": "goed-onderbouwd",
        "cost": 2,
        "cost_notes": "Vooral tijd van de hulpverlener om de JIM te vinden en te ondersteunen; de JIM zelf is een "
        "vrijwilliger uit het netwerk.",
        "staff": "Een hulpverlener die de methodiek beheerst en de JIM begeleidt.",
        "training": "Meerdaagse training in de JIM-aanpak voor hulpverleners.",
        "time": "Enkele maanden om samen met de jongere een JIM te vinden; daarna periodiek contact.",
        "needs": ["jeugdhulp", "wijkteam"],
        "approach": [
            "De hulpverlener vraagt de jongere wie hij of zij echt vertrouwt: een oom, een buurvrouw, een "
            "trainer. Die persoon wordt gevraagd om JIM te worden.",
            "De JIM schuift aan bij de gesprekken over de hulp en denkt mee over het plan. De professional "
            "ondersteunt de JIM, maar neemt het contact niet over.",
        ],
        "elements": [
            ("De jongere kiest", "Niet de hulpverlener maar de jongere bepaalt wie de mentor wordt."),
            ("Gelijkwaardig samenwerken", "De JIM is partner in het plan, geen uitvoerder van taken."),
            ("Continuïteit", "De JIM blijft als de formele hulp afloopt."),
        ],
        "research": "Onderzoek naar informele steun laat zien dat de aanwezigheid van betrokken naasten stress "
        "vermindert en hulp doeltreffender maakt; vaak kan die hulp eerder worden afgeschaald.",
        "professional": "Professionals vinden het spannend om regie te delen, zeker als er zorgen zijn over "
        "veiligheid. Teams die het lukt, maken daar bewust tijd voor.",
        "lived": "Een jonge JIM-jongere vertelde op het symposium in Leiden dat zijn mentor de formele hulp pas "
        "echt liet werken, juist omdat zijn ouders er niet waren.",
        "sources": [
            HANDREIKING,
            SYMPOSIUM,
            ("ervaring", "Verhaal van een JIM-jongere, symposium Informele steun 2023", ""),
        ],
        "contact": ("Marlies Kennis", "Werkplaats Utrecht"),
        "reviewed": datetime.date(2025, 3, 10),
        "implementations": [
            impl(
                ["Utrecht"],
                2018,
                None,
                "opgeschaald",
                "Ingebed in de lokale teams van de stad.",
                ["wijkteam", "jeugdhulp"],
            ),
            impl(["Zeist"], 2020, None, "voortgezet", "Kleinere caseload per hulpverlener afgesproken.", ["jeugdhulp"]),
            impl(
                ["Leiden", "Leiderdorp"],
                2022,
                None,
                "loopt",
                "Gekoppeld aan het leernetwerk Kwetsbare Gezinnen.",
                ["jeugdhulp", "kennisinstelling"],
                "Hogeschool Leiden",
            ),
        ],
        "english": {
            "title": "JIM: Your Informal Mentor",
            "summary": "The young person picks a trusted adult from their own circle, who stands beside the "
            "professional help and stays when that help ends.",
            "aim": "Young people with complex problems keep a steady mentor of their own choosing, so heavier care "
            "is needed less often and support does not stop when a care plan ends.",
        },
    },
    {
        "slug": "wijkacademie-voor-ouders",
        "werkplaats": "utrecht",
        "title": "Wijkacademie voor ouders",
        "summary": "Ouders van kinderen met gedragsproblemen komen in hun eigen wijk samen om kennis en "
        "ervaring uit te wisselen en nemen zelf het initiatief.",
        "aim": "Ouders versterken elkaar in de opvoeding, zodat zij minder snel op zware hulp aangewezen zijn en "
        "de wijk een plek wordt waar opvoedvragen gewoon besproken worden.",
        "themes": ["Normaliseren", "Ervaringskennis"],
        "groups": ["Ouders en gezinnen"],
        "settings": ["Wijk"],
        "ages": (4, 18),
        "evidence": "goed-beschreven",
        "cost": 1,
        "cost_notes": "Een ruimte in de wijk, koffie en enkele uren begeleiding per bijeenkomst.",
        "staff": "Een wijkprofessional die de groep op gang helpt en daarna op de achtergrond blijft.",
        "training": "Geen aparte training; wel intervisie voor de begeleider.",
        "time": "Een bijeenkomst per maand, doorlopend.",
        "needs": ["wijkteam"],
        "approach": [
            "Ouders bepalen zelf de onderwerpen. Soms schuift een deskundige aan, maar de ervaring van de ouders "
            "staat voorop.",
        ],
        "elements": [
            ("Eigenaarschap bij ouders", "Ouders organiseren en kiezen de thema's."),
            ("Dichtbij", "De bijeenkomsten zijn in de eigen wijk, zonder indicatie of wachtlijst."),
        ],
        "research": "",
        "professional": "Gemeenten zoeken manieren om ouders meer initiatief in de wijk te geven; de wijkacademie "
        "biedt daar houvast voor.",
        "lived": "Ouders waarderen dat ze niet als probleemgeval worden aangesproken maar als ervaringsdeskundige.",
        "sources": [("praktijk", "Binnenlands Bestuur, Krachten bundelen voor betere jeugdzorg", "")],
        "contact": ("Marlies Kennis", "Werkplaats Utrecht"),
        "reviewed": datetime.date(2023, 6, 1),
        "implementations": [
            impl(["Utrecht"], 2019, None, "voortgezet", "Per wijk een andere trekker.", ["wijkteam"]),
            impl(
                ["Nieuwegein"],
                2021,
                2023,
                "gestopt",
                "",
                ["wijkteam"],
                why="De trekker vertrok en er was geen "
                "ouder die het overnam; zonder vaste gastvrouw liep de groep leeg.",
            ),
        ],
    },
    {
        "slug": "dialoogtafel",
        "werkplaats": "friesland",
        "title": "Dialoogtafel",
        "summary": "Jongeren, ouders en hulpverleners blikken samen terug op een afgerond hulptraject om te "
        "leren wat beter kan.",
        "aim": "Knelpunten in de samenwerking rond gezinnen zichtbaar maken en de lessen terugbrengen in de "
        "praktijk en in het lerend netwerk van de regio.",
        "themes": ["Integraal werken", "Ervaringskennis", "Leren en implementeren"],
        "groups": ["Professionals", "Ouders en gezinnen", "Jongeren (12-18 jaar)"],
        "settings": ["Wijk"],
        "ages": (0, 23),
        "evidence": "goed-beschreven",
        "cost": 2,
        "cost_notes": "Voorbereiding en gespreksleiding per dialoog, plus de uren van de deelnemers.",
        "staff": "Een onafhankelijke gespreksleider en een notulist.",
        "training": "Training in de dialoogmethodiek voor gespreksleiders.",
        "time": "Per dialoog een dagdeel, plus voorbereiding.",
        "needs": ["gemeente", "jeugdhulp", "ervaringsdeskundigen"],
        "approach": [
            "Aan tafel zitten de jongere, de ouders en de hulpverleners die bij het traject betrokken waren. "
            "Samen lopen zij het traject achteraf door: wat hielp, wat zat in de weg?",
            "De opbrengst van alle dialogen wordt gebundeld en besproken in het lerend netwerk.",
        ],
        "elements": [
            ("Achteraf en samen", "Niemand wordt beoordeeld; het traject is al afgesloten."),
            ("Eén taal", "Deelnemers moeten elkaars taal leren spreken, over disciplines heen."),
        ],
        "research": "De dialogen bevestigen wat uit de literatuur bekend is: communicatie tussen hulpverleners is "
        "lastig en gezamenlijke besluitvorming moeilijk vorm te geven.",
        "professional": "Na 28 dialogen zien professionals dat ze te snel de regie overnemen van jongeren en ouders.",
        "lived": "Jongeren en ouders zeggen dat ze zich voor het eerst gehoord voelden over het hele traject, in "
        "plaats van over losse afspraken.",
        "sources": [("praktijk", "Binnenlands Bestuur, Krachten bundelen voor betere jeugdzorg", "")],
        "contact": ("Han Tuller", "Beleidsregisseur sociaal domein, gemeente Heerenveen"),
        "reviewed": datetime.date(2022, 9, 15),
        "implementations": [
            impl(["Heerenveen"], 2017, None, "voortgezet", "", ["gemeente", "jeugdhulp", "ervaringsdeskundigen"]),
            impl(
                ["Leeuwarden", "Smallingerland"],
                2019,
                None,
                "opgeschaald",
                "Dialogen per regio in plaats van per gemeente.",
                ["gemeente", "jeugdhulp"],
            ),
        ],
        "english": {
            "title": "Dialogue table",
            "summary": "Young people, parents and professionals look back together on a completed care "
            "trajectory to learn what could be done better.",
            "aim": "To bring problems in working together around families into the open and feed the lessons back "
            "into practice and into the region's learning network.",
        },
    },
    {
        "slug": "ojg-at-school",
        "werkplaats": "groningen",
        "title": "OJG@school",
        "summary": "Een ondersteuner jeugd en gezin werkt op school, zodat signalen vroeg worden opgepakt en "
        "zware zorg minder vaak nodig is.",
        "aim": "Vroeg ondersteunen waar kinderen elke dag zijn, zodat problemen niet escaleren en school en "
        "gemeente elkaar sneller vinden.",
        "themes": ["Onderwijs en jeugdhulp", "Thuiszitters"],
        "groups": ["Kinderen (0-12 jaar)", "Jongeren (12-18 jaar)", "Ouders en gezinnen"],
        "settings": ["School"],
        "ages": (4, 18),
        "evidence": "goed-beschreven",
        "cost": 3,
        "cost_notes": "Formatie van de ondersteuner (ongeveer 0,5 fte per grote school) en overleg met school.",
        "staff": "Een ondersteuner jeugd en gezin per school of scholengroep; een schoolcontactpersoon.",
        "training": "Kennismaking met de zorgstructuur van de school.",
        "time": "Een schooljaar om de rol in te bedden.",
        "needs": ["school", "gemeente", "wijkteam"],
        "approach": [
            "De gemeente wijst per school een contactpersoon aan en stelt samen met de school een profiel op. "
            "De ondersteuner is een vast gezicht op school en kan direct lichte hulp bieden.",
        ],
        "elements": [
            ("Vast gezicht", "Leerkrachten en ouders weten bij wie ze terechtkunnen."),
            ("Zonder verwijzing", "Lichte hulp kan starten zonder indicatie."),
        ],
        "research": "",
        "professional": "Scholen melden dat zorgen eerder besproken worden; de samenwerking met onderwijs blijft "
        "wel werk dat tijd kost.",
        "lived": "Verhalen uit het vertelpunt Passend onderwijs lieten zien hoe lang ouders soms moeten zoeken "
        "naar de juiste ingang.",
        "sources": [LEREN_VAN_ERVARINGEN, GRONINGEN_2020],
        "contact": ("Cynthia Schenk", "Programmamanager Transformatieagenda Groningen"),
        "reviewed": datetime.date(2024, 1, 20),
        "implementations": [
            impl(
                ["Oldambt"],
                2020,
                None,
                "voortgezet",
                "Profiel schoolcontactpersoon samen met de scholen opgesteld.",
                ["school", "gemeente"],
            ),
            impl(["Stadskanaal"], 2020, None, "voortgezet", "", ["school", "gemeente", "wijkteam"]),
            impl(
                ["Veendam", "Pekela"],
                2020,
                None,
                "loopt",
                "Afspraken via het openbare schoolbestuur.",
                ["school"],
                "OPRON",
            ),
        ],
        "english": {
            "title": "OJG@school",
            "summary": "A youth and family support worker works inside the school, so early signs are picked up "
            "and heavy care is needed less often.",
            "aim": "To offer support early, where children are every day, so problems do not escalate and schools "
            "and the municipality find each other faster.",
        },
    },
    {
        "slug": "jongerenwerk-op-school",
        "werkplaats": "groningen",
        "title": "Jongerenwerk op school",
        "summary": "Jongerenwerkers zoeken leerlingen op in het basis- en voortgezet onderwijs, laagdrempelig "
        "en zonder spreekuur.",
        "aim": "Jongeren hun verhaal laten vertellen en signalen oppikken voordat problemen groot worden.",
        "themes": ["Onderwijs en jeugdhulp", "Normaliseren"],
        "groups": ["Jongeren (12-18 jaar)", "Kinderen (0-12 jaar)"],
        "settings": ["School", "Jongerencentrum"],
        "ages": (10, 18),
        "evidence": "niet-beoordeeld",
        "cost": 2,
        "cost_notes": "Uren jongerenwerk op school.",
        "staff": "Jongerenwerkers die vaste dagdelen op school zijn.",
        "training": "",
        "time": "Vaste dagdelen per week, het hele schooljaar.",
        "needs": ["school", "jongerenwerk"],
        "approach": [
            "Naar het voorbeeld van 'de school als wijk' op het mbo is de jongerenwerker op school aanwezig in "
            "de pauzes en bij activiteiten, niet achter een bureau.",
        ],
        "elements": [("Laagdrempelig", "Geen spreekuur: de jongerenwerker is waar de leerlingen zijn.")],
        "research": "",
        "professional": "De aanpak is uitgewerkt na de werksessie in Hoogezand, waar Eemsdelta dit als "
        "verbetervoorstel koos.",
        "lived": "Jongeren vertelden dat ze hun verhaal eerder kwijt kunnen bij iemand die ze kennen dan bij een "
        "onbekende hulpverlener.",
        "sources": [LEREN_VAN_ERVARINGEN],
        "contact": ("", ""),
        "reviewed": datetime.date(2021, 5, 1),
        "implementations": [
            impl(
                ["Eemsdelta"],
                2020,
                None,
                "loopt",
                "Eerst in het voortgezet onderwijs, later het primair onderwijs.",
                ["school", "jongerenwerk"],
            ),
        ],
    },
    {
        "slug": "samenwerken-op-recept",
        "werkplaats": "groningen",
        "title": "Samenwerken op recept",
        "summary": "Gemeente, huisartsen en praktijkondersteuners jeugd werken samen, zodat gezinnen via de "
        "huisarts snel passende steun vinden.",
        "aim": "Minder onnodige verwijzingen naar specialistische hulp en kortere lijnen tussen huisarts en "
        "sociaal domein.",
        "themes": ["Integraal werken"],
        "groups": ["Ouders en gezinnen", "Jongeren (12-18 jaar)"],
        "settings": ["Huisartsenpraktijk"],
        "ages": (0, 18),
        "evidence": "goed-beschreven",
        "cost": 3,
        "cost_notes": "Uren van de praktijkondersteuner jeugd (POH) en overleg tussen huisarts en gemeente.",
        "staff": "Een POH-jeugd per huisartsenpraktijk of per cluster van praktijken.",
        "training": "Scholing voor de POH in de sociale kaart van de gemeente.",
        "time": "Een half jaar opbouw van de samenwerking.",
        "needs": ["huisarts", "gemeente"],
        "approach": [
            "De wethouder organiseert een bijeenkomst met de huisartsen en sluit aan bij casustafels. Daarna "
            "werken huisarts, POH en wijkteam met vaste afspraken.",
        ],
        "elements": [
            ("Ruimte om te doen wat nodig is", "Buiten de kaders stappen als een situatie daarom vraagt."),
            ("Blijven luisteren", "Naar ouders en jongeren, ook als regels iets anders zeggen."),
        ],
        "research": "",
        "professional": "Fouten maken mag: goede ervaringen delen hoort er net zo bij.",
        "lived": "",
        "sources": [LEREN_VAN_ERVARINGEN],
        "contact": ("", ""),
        "reviewed": datetime.date(2023, 11, 2),
        "implementations": [
            impl(
                ["Westerkwartier"],
                2020,
                None,
                "voortgezet",
                "De wethouder sluit zelf aan bij de casustafels.",
                ["huisarts", "gemeente", "wijkteam"],
            ),
            impl(
                ["Het Hogeland"],
                2021,
                2022,
                "gestopt",
                "",
                ["gemeente"],
                why="Te weinig huisartsen in de kleine kernen hadden ruimte voor een POH-jeugd.",
            ),
        ],
    },
    {
        "slug": "een-gezin-een-plan-een-regisseur",
        "werkplaats": "groningen",
        "title": "1 gezin, 1 plan, 1 regisseur",
        "summary": "Minder professionals rond een gezin: wie een klik heeft met het gezin, neemt de regie.",
        "aim": "Van aanbodgericht naar vraaggericht werken: uitgaan van wat het gezin echt nodig heeft, met één "
        "plan en één regisseur.",
        "themes": ["Integraal werken", "Kwetsbare gezinnen"],
        "groups": ["Ouders en gezinnen"],
        "settings": ["Thuis", "Online"],
        "ages": (0, 23),
        "evidence": "goed-onderbouwd",
        "cost": 3,
        "cost_notes": "Tijd voor afstemming tussen organisaties; geen extra aanbod.",
        "staff": "Een regisseur per gezin, gekozen op de relatie met het gezin.",
        "training": "Training in gezamenlijk plannen met gezinnen.",
        "time": "Doorlopend; het plan wordt steeds samen bijgesteld.",
        "needs": ["wijkteam", "jeugdhulp", "gemeente"],
        "approach": [
            "Het gezin bepaalt mee wie de regie krijgt. De andere professionals stemmen hun inzet af op dat ene plan.",
            "In coronatijd liep een pilot om dit ook in een online omgeving te doen.",
        ],
        "elements": [
            ("Eén plan", "Alle hulp staat in één plan dat het gezin kent."),
            ("Klik", "De regisseur is degene met wie het gezin het beste contact heeft."),
        ],
        "research": "Gezinnen met veel hulpverleners haken af; een jonge vrouw bracht het aantal hulpverleners om "
        "haar heen zelf terug van vijftien naar twee.",
        "professional": "Het ingewikkelde zit in het loslaten door de andere organisaties.",
        "lived": "Een moeder van vijf kinderen besloot na een vechtscheiding niet meer met hulpverleners te "
        "praten: te veel mensen, te weinig samenhang.",
        "sources": [LEREN_VAN_ERVARINGEN, GRONINGEN_2020],
        "contact": ("Cynthia Schenk", "Programmamanager Transformatieagenda Groningen"),
        "reviewed": datetime.date(2025, 6, 12),
        "implementations": [
            impl(["Groningen"], 2020, None, "voortgezet", "Online variant tijdens corona.", ["wijkteam", "jeugdhulp"]),
            impl(["Almere"], 2021, None, "loopt", "Regisseur vanuit het wijkteam.", ["wijkteam", "gemeente"]),
        ],
    },
    {
        "slug": "buurtgezinnen",
        "werkplaats": "samen",
        "title": "Buurtgezinnen",
        "summary": "Een gezin uit de buurt biedt een gezin dat het zwaar heeft praktische hulp en een tweede thuis "
        "voor de kinderen.",
        "aim": "Gezinnen ontlasten met gewone steun uit hun leefwereld, zodat problemen niet verergeren en "
        "kinderen een plek hebben om op adem te komen.",
        "themes": ["Informele steun", "Kwetsbare gezinnen"],
        "groups": ["Ouders en gezinnen", "Kinderen (0-12 jaar)"],
        "settings": ["Wijk", "Thuis"],
        "ages": (0, 18),
        "evidence": "effectief-eerste",
        "cost": 2,
        "cost_notes": "Werving, matching en begeleiding van steungezinnen door een coördinator.",
        "staff": "Een coördinator die steungezinnen werft, matcht en begeleidt.",
        "training": "Voorbereiding voor steungezinnen.",
        "time": "Een koppeling duurt gemiddeld een jaar of langer.",
        "needs": ["vrijwilligers", "wijkteam"],
        "approach": [
            "Een coördinator koppelt een vraaggezin aan een steungezin in de buurt. Het steungezin vangt de "
            "kinderen bijvoorbeeld een middag per week op.",
        ],
        "elements": [("Gewoon", "Het contact voelt als burenhulp, niet als hulpverlening.")],
        "research": "Ouders die steun kregen van Buurtgezinnen en vergelijkbare initiatieven beschreven het contact "
        "als vanzelfsprekend; dat schept vertrouwen.",
        "professional": "De workshop op het symposium liet zien dat professionals informele steun nog te vaak "
        "alleen inzetten om taken over te dragen.",
        "lived": "Hulpvragende ouders zeiden dat het contact met de organisatie zo gewoon aanvoelde.",
        "sources": [LAM, SYMPOSIUM],
        "contact": ("Johannes Mol", "Trekker leernetwerk Kwetsbare Gezinnen"),
        "reviewed": datetime.date(2024, 11, 16),
        "implementations": [
            impl(["Leiden", "Katwijk"], 2019, None, "voortgezet", "", ["vrijwilligers", "wijkteam"]),
            impl(["'s-Gravenhage"], 2021, None, "opgeschaald", "Per stadsdeel een coördinator.", ["vrijwilligers"]),
            impl(["Gouda"], 2022, None, "loopt", "", ["vrijwilligers", "jgz"]),
        ],
    },
    {
        "slug": "gezinsbuddy",
        "werkplaats": "samen",
        "title": "GezinsBuddy",
        "summary": "Een getrainde vrijwilliger trekt een tijd op met een gezin en helpt het eigen netwerk "
        "weer sterker te maken.",
        "aim": "Gezinnen minder afhankelijk maken van formele hulp door hun sociale netwerk te versterken.",
        "themes": ["Informele steun"],
        "groups": ["Ouders en gezinnen"],
        "settings": ["Thuis"],
        "ages": (0, 18),
        "evidence": "goed-beschreven",
        "cost": 2,
        "cost_notes": "Training en begeleiding van vrijwilligers.",
        "staff": "Een coördinator vrijwilligers.",
        "training": "Basistraining voor buddy's.",
        "time": "Een traject van zes tot twaalf maanden.",
        "needs": ["vrijwilligers"],
        "approach": ["De buddy komt wekelijks langs en helpt bij wat het gezin zelf belangrijk vindt."],
        "elements": [("Aansluiten bij het gezin", "De buddy volgt de vraag van het gezin, niet een protocol.")],
        "research": "Informele steun kan continuïteit bieden waar hulpverleners komen en gaan.",
        "professional": "",
        "lived": "Ouders ervaren de buddy als iemand naast hen, niet boven hen.",
        "sources": [LAM],
        "contact": ("", ""),
        "reviewed": datetime.date(2022, 2, 1),
        "implementations": [
            impl(["Zoetermeer"], 2020, None, "voortgezet", "", ["vrijwilligers"]),
            impl(
                ["Delft"],
                2021,
                2023,
                "gestopt",
                "",
                ["vrijwilligers"],
                why="Er meldden zich te weinig vrijwilligers; de werving liep via één kerk en dat bleek te smal.",
            ),
        ],
    },
    {
        "slug": "schools-cool",
        "werkplaats": "samen",
        "title": "School's Cool",
        "summary": "Een vrijwillige mentor begeleidt een kind bij de overstap van de basisschool naar het "
        "voortgezet onderwijs.",
        "aim": "Voorkomen dat kwetsbare leerlingen in het eerste jaar van de middelbare school vastlopen of uitvallen.",
        "themes": ["Informele steun", "Onderwijs en jeugdhulp", "Thuiszitters"],
        "groups": ["Kinderen (0-12 jaar)", "Jongeren (12-18 jaar)"],
        "settings": ["School", "Thuis"],
        "ages": (11, 14),
        "evidence": "effectief-goede",
        "cost": 2,
        "cost_notes": "Werving, training en begeleiding van mentoren.",
        "staff": "Een projectcoördinator per regio.",
        "training": "Training voor vrijwillige mentoren.",
        "time": "Twee schooljaren: groep 8 en de brugklas.",
        "needs": ["school", "vrijwilligers"],
        "approach": ["De mentor komt thuis en helpt met plannen, huiswerk en het wennen aan de nieuwe school."],
        "elements": [("Op tijd beginnen", "De begeleiding start al in groep 8.")],
        "research": "",
        "professional": "Op het symposium Informele steun was School's Cool een van de workshops.",
        "lived": "",
        "sources": [SYMPOSIUM],
        "contact": ("", ""),
        "reviewed": datetime.date(2024, 8, 30),
        "implementations": [
            impl(["Leiden"], 2018, None, "voortgezet", "", ["school", "vrijwilligers"]),
            impl(
                ["Alphen aan den Rijn"],
                2021,
                None,
                "loopt",
                "Mentoren geworven via de hogeschool.",
                ["school", "vrijwilligers", "kennisinstelling"],
            ),
        ],
    },
    {
        "slug": "ervaringscafe",
        "werkplaats": "samen",
        "title": "Ervaringscafé",
        "summary": "Ouders, jongeren en professionals ontmoeten elkaar informeel om ervaringen met de zorg voor "
        "jeugd te delen.",
        "aim": "Ervaringskennis een vaste plek geven naast kennis uit onderzoek en praktijk.",
        "themes": ["Ervaringskennis", "Informele steun"],
        "groups": ["Ouders en gezinnen", "Jongeren (12-18 jaar)", "Professionals"],
        "settings": ["Wijk"],
        "ages": (12, 27),
        "evidence": "niet-beoordeeld",
        "cost": 1,
        "cost_notes": "Zaalhuur en een vergoeding voor ervaringsdeskundigen.",
        "staff": "Twee ervaringsdeskundigen als gastheer of gastvrouw.",
        "training": "",
        "time": "Een avond per kwartaal.",
        "needs": ["ervaringsdeskundigen"],
        "approach": ["Een ervaringsdeskundige opent met een verhaal; daarna praten de aanwezigen in kleine groepen."],
        "elements": [("Gelijkwaardig", "Iedereen praat vanuit eigen ervaring, niet vanuit een functie.")],
        "research": "",
        "professional": "",
        "lived": "Samen met ExpEx is gezocht naar een vorm die voor jongeren niet als een vergadering voelt.",
        "sources": [("ervaring", "Factsheet bijeenkomst Samenwerken met gezinnen (maart 2023)", "")],
        "contact": ("Sanne Dierick", "Coördinator ontwikkellijn Samenwerken met gezinnen"),
        "reviewed": datetime.date(2025, 1, 15),
        "implementations": [impl(["Leiden"], 2022, None, "voortgezet", "", ["ervaringsdeskundigen"])],
    },
    {
        "slug": "doorbraakprojecten-dakloze-jongeren",
        "werkplaats": "groningen",
        "title": "Doorbraakprojecten dakloze jongeren",
        "summary": "Met en voor iedere jongere afzonderlijk een maatwerktraject maken om dakloosheid te "
        "doorbreken of te voorkomen.",
        "aim": "Geen dak- en thuisloze jongeren, en lessen over wat structureel moet veranderen.",
        "themes": ["Dak- en thuisloze jongeren"],
        "groups": ["Jongvolwassenen (18-23 jaar)"],
        "settings": ["Wijk"],
        "ages": (16, 27),
        "evidence": "niet-beoordeeld",
        "cost": 5,
        "cost_notes": "Maatwerk per jongere: huisvesting, inkomen en begeleiding, betaald uit een flexibel budget.",
        "staff": "Een doorbraakregisseur met mandaat over domeinen heen.",
        "training": "",
        "time": "Maanden per jongere.",
        "needs": ["gemeente", "jeugdhulp"],
        "approach": ["Per jongere wordt gezocht wat de regels in de weg staat en wie dat kan doorbreken."],
        "elements": [("Mandaat", "De regisseur kan knopen doorhakken over organisaties heen.")],
        "research": "",
        "professional": "De trajecten helpen zoeken naar structurele, persoonsgerichte oplossingen.",
        "lived": "Een vrijwilliger bij een opvang vertelde hoe hij na jaren op straat nu zelf andere jongeren helpt.",
        "sources": [GRONINGEN_2020],
        "contact": ("", ""),
        "reviewed": datetime.date(2021, 3, 1),
        "implementations": [
            impl(
                ["Groningen", "Midden-Groningen"],
                2020,
                2021,
                "voortgezet",
                "Vijf jongeren in het eerste jaar.",
                ["gemeente", "jeugdhulp"],
            ),
        ],
    },
    {
        "slug": "gezinsverzorging",
        "werkplaats": "groningen",
        "title": "Gezinsverzorging",
        "summary": "Een gezinsverzorgende helpt thuis met het huishouden en de dagelijkse structuur, zodat ouders "
        "weer grip krijgen.",
        "aim": "Gezinnen thuis praktisch ondersteunen, zodat kinderen veilig thuis kunnen blijven opgroeien.",
        "themes": ["Kwetsbare gezinnen"],
        "groups": ["Ouders en gezinnen"],
        "settings": ["Thuis"],
        "ages": (0, 18),
        "evidence": "goed-beschreven",
        "cost": 4,
        "cost_notes": "Uren van de gezinsverzorgende, meerdere dagdelen per week.",
        "staff": "Gezinsverzorgenden in dienst van een aanbieder.",
        "training": "",
        "time": "Drie tot twaalf maanden per gezin.",
        "needs": ["wijkteam", "jeugdhulp"],
        "approach": ["De gezinsverzorgende werkt naast de ouders in huis en bouwt de hulp af als het lukt."],
        "elements": [("Praktisch", "Hulp bij wat elke dag moet gebeuren.")],
        "research": "",
        "professional": "Midden-Groningen en Westerkwartier trokken de pilot; andere gemeenten volgen.",
        "lived": "",
        "sources": [GRONINGEN_2020],
        "contact": ("", ""),
        "reviewed": datetime.date(2022, 12, 1),
        "implementations": [
            impl(["Midden-Groningen"], 2020, None, "opgeschaald", "", ["wijkteam", "jeugdhulp"]),
            impl(["Westerkwartier"], 2020, None, "voortgezet", "", ["wijkteam"]),
        ],
    },
    {
        "slug": "liso-framework",
        "werkplaats": "samen",
        "title": "LISO-framework: leernetwerken in het sociaal domein",
        "summary": "Een raamwerk om leernetwerken op te zetten waarin beleid, praktijk, onderwijs, onderzoek en "
        "gezinnen samen leren.",
        "aim": "Leernetwerken zo inrichten dat kennis daadwerkelijk in de praktijk terechtkomt en blijft.",
        "themes": ["Leren en implementeren"],
        "groups": ["Professionals", "Gemeenten en beleid"],
        "settings": ["Online", "Wijk"],
        "ages": (0, 27),
        "evidence": "goed-beschreven",
        "cost": 1,
        "cost_notes": "Trainingsdagen voor trekkers van leernetwerken.",
        "staff": "Een trekker per leernetwerk.",
        "training": "Training in het framework.",
        "time": "Een jaar voor de opbouw van een leernetwerk.",
        "needs": ["kennisinstelling"],
        "approach": ["Het framework helpt trekkers stap voor stap: doel, deelnemers, werkvormen en borging."],
        "elements": [("Alle perspectieven", "Beleid, praktijk, onderwijs, onderzoek en gezinnen aan tafel.")],
        "research": "Ontwikkeld binnen het project Leren & implementeren van Werkplaats SAMEN.",
        "professional": "In de trainingen ontstaan de goede gesprekken over de zorg voor jeugd.",
        "lived": "",
        "sources": [("praktijk", "Werkplaats SAMEN, project Leren & implementeren", "")],
        "contact": ("Noortje Pannebakker", "Projectleider Leren & implementeren"),
        "reviewed": datetime.date(2024, 2, 1),
        "implementations": [
            impl(["Leiden", "Gouda", "'s-Gravenhage"], 2021, None, "voortgezet", "", ["kennisinstelling"], "TNO"),
        ],
    },
    {
        "slug": "maatwerk-rond-talent",
        "werkplaats": "groningen",
        "title": "Maatwerk rond talent",
        "summary": "Straatwerkers bouwen aanbod rond het talent van jongeren, zoals rappen of filmen, om hen in "
        "beeld te houden.",
        "aim": "Jongeren in beeld houden en voorkomen dat het misgaat, door aan te sluiten bij wat ze goed kunnen.",
        "themes": ["Normaliseren"],
        "groups": ["Jongeren (12-18 jaar)", "Jongvolwassenen (18-23 jaar)"],
        "settings": ["Jongerencentrum", "Wijk"],
        "ages": (12, 23),
        "evidence": "niet-beoordeeld",
        "cost": 2,
        "cost_notes": "Een direct inzetbaar budget voor het straatwerk.",
        "staff": "Straatwerkers met een eigen budget.",
        "training": "",
        "time": "Flexibel, per jongere.",
        "needs": ["jongerenwerk", "gemeente"],
        "approach": ["Straatwerk kan meteen iets organiseren als een jongere een talent laat zien."],
        "elements": [("Direct budget", "Geen aanvraagprocedure: het aanbod kan dezelfde week starten.")],
        "research": "Een krachtenveldanalyse moet laten zien wie last heeft van het ontbreken van zulk aanbod.",
        "professional": "",
        "lived": "",
        "sources": [LEREN_VAN_ERVARINGEN],
        "contact": ("", ""),
        "reviewed": None,
        "implementations": [impl(["Groningen"], 2020, None, "loopt", "", ["jongerenwerk"])],
    },
    {
        "slug": "vaste-schil-om-het-gezin",
        "werkplaats": "groningen",
        "title": "Vaste schil om het gezin",
        "summary": "Een kleine gemeente neemt zelf meer mensen aan, zodat gezinnen met minder en steeds dezelfde "
        "professionals te maken hebben.",
        "aim": "Het aantal wisselende professionals rond een gezin terugdringen.",
        "themes": ["Integraal werken", "Kwetsbare gezinnen"],
        "groups": ["Ouders en gezinnen"],
        "settings": ["Thuis", "School"],
        "ages": (0, 18),
        "evidence": "niet-beoordeeld",
        "cost": 4,
        "cost_notes": "Extra formatie bij de gemeente.",
        "staff": "Eigen medewerkers in het lokale team.",
        "training": "",
        "time": "",
        "needs": ["gemeente", "school"],
        "approach": ["Het college besloot tot extra formatie; de scholen zijn vanaf het begin betrokken."],
        "elements": [("Continuïteit", "Steeds dezelfde gezichten voor het gezin.")],
        "research": "",
        "professional": "",
        "lived": "",
        "sources": [LEREN_VAN_ERVARINGEN],
        "contact": ("", ""),
        "reviewed": datetime.date(2020, 6, 1),
        "implementations": [impl(["Pekela"], 2020, None, "loopt", "", ["gemeente", "school"])],
    },
    {
        "slug": "regionale-experttafel",
        "werkplaats": "flevoland",
        "title": "Regionale experttafel",
        "summary": "Bij vastgelopen, complexe situaties organiseren de Flevolandse gemeenten samen snel passende "
        "hulp aan één tafel.",
        "aim": "Snel een passend antwoord vinden voor jeugdigen voor wie het gewone aanbod niet volstaat.",
        "themes": ["Integraal werken"],
        "groups": ["Jongeren (12-18 jaar)", "Ouders en gezinnen", "Gemeenten en beleid"],
        "settings": ["Online"],
        "ages": (0, 23),
        "evidence": "niet-beoordeeld",
        "cost": 3,
        "cost_notes": "Tijd van de experts en een regionaal budget voor maatwerk.",
        "staff": "Vaste experts uit zorg, onderwijs en gemeenten.",
        "training": "",
        "time": "Binnen twee weken een advies.",
        "needs": ["gemeente", "jeugdhulp"],
        "approach": [
            "Een casus wordt ingebracht door het lokale team; de tafel geeft binnen korte tijd een advies "
            "en regelt de financiering."
        ],
        "elements": [("Regionaal", "De zes gemeenten delen de expertise en het risico.")],
        "research": "",
        "professional": "Twintig procent van de situaties is te complex voor systemen; die vragen maatwerk.",
        "lived": "Jongeren uit de zes gemeenten maakten een minidocumentaire over wat hen hielp.",
        "sources": [("praktijk", "Symposium Volgende versnelling, Flevoland (23 november 2018)", "")],
        "contact": ("", ""),
        "reviewed": datetime.date(2025, 9, 1),
        "implementations": [
            impl(
                ["Almere", "Lelystad", "Dronten", "Zeewolde", "Urk", "Noordoostpolder"],
                2019,
                None,
                "voortgezet",
                "",
                ["gemeente", "jeugdhulp"],
            ),
        ],
    },
    {
        "slug": "anders-kijken-naar-thuiszitters",
        "werkplaats": "den-haag-leiden",
        "title": "Anders kijken naar thuiszitters",
        "summary": "Niet denken vanuit wat er moet, maar vanuit wat er kan: kleine, onverwachte stappen met de "
        "leerling en de ouders.",
        "aim": "Thuiszittende leerlingen weer in beweging krijgen, met minder professionals en meer luisteren.",
        "themes": ["Thuiszitters", "Onderwijs en jeugdhulp"],
        "groups": ["Jongeren (12-18 jaar)", "Ouders en gezinnen"],
        "settings": ["School", "Thuis", "Online"],
        "ages": (12, 18),
        "evidence": "niet-beoordeeld",
        "cost": 1,
        "cost_notes": "Vooral anders werken; weinig extra kosten.",
        "staff": "Een vaste begeleider in plaats van tien overleggende professionals.",
        "training": "Een online leerbijeenkomst met docenten en studenten sociaal werk.",
        "time": "",
        "needs": ["school", "leerplicht"],
        "approach": [
            "De begeleider vraagt wat de leerling wel kan en zoekt een eerste kleine stap die bij de leerling past."
        ],
        "elements": [("Luisteren", "Echt horen wat de leerling en de ouders zeggen.")],
        "research": "",
        "professional": "Soms overleggen wel tien professionals rond één thuiszitter, vaak zonder het gewenste "
        "resultaat.",
        "lived": "Een docent en een student sociaal werk vertelden hoe kleine stapjes leidden tot een blijvende "
        "oplossing.",
        "sources": [("praktijk", "Online bijeenkomst Thuiszittende leerlingen (13 februari 2024)", "")],
        "contact": ("", ""),
        "reviewed": datetime.date(2024, 2, 20),
        "implementations": [impl(["'s-Gravenhage", "Leiden"], 2023, None, "loopt", "", ["school", "leerplicht"])],
    },
]


def _index(parent, title, slug, summary, show_in_menus=False):
    return create_child(parent, PracticeIndexPage(title=title, slug=slug, summary=summary, show_in_menus=show_in_menus))


def _practice(parent, data):
    page = PracticePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        aim=data["aim"],
        age_min=data["ages"][0],
        age_max=data["ages"][1],
        approach=[("paragraph", rich(text)) for text in data["approach"]],
        evidence_level=data["evidence"],
        research_knowledge=rich(data["research"]) if data["research"] else "",
        professional_knowledge=rich(data["professional"]) if data["professional"] else "",
        lived_experience_knowledge=rich(data["lived"]) if data["lived"] else "",
        cost_band=data["cost"],
        cost_notes=data["cost_notes"],
        staff_needed=data["staff"],
        training_needed=data["training"],
        time_needed=data["time"],
        contact_name=data["contact"][0],
        contact_role=data["contact"][1],
        last_reviewed=data["reviewed"],
    )
    page.themes = list(Theme.objects.filter(name__in=data["themes"]))
    page.target_groups = list(TargetGroup.objects.filter(name__in=data["groups"]))
    page.care_settings = list(CareSetting.objects.filter(name__in=data["settings"]))
    page.partners_needed = list(PartnerType.objects.filter(slug__in=data["needs"]))
    page.working_elements = [WorkingElement(name=name, explanation=text) for name, text in data["elements"]]
    page.sources = [
        PracticeSource(knowledge=kind, citation=citation, url=url) for kind, citation, url in data["sources"]
    ]
    implementations = []
    for item in data["implementations"]:
        implementation = Implementation(
            started=item["started"],
            ended=item["ended"],
            outcome=item["outcome"],
            adaptations=item["adaptations"],
            partners_note=item["partners_note"],
            why_not_carried_over=item["why"],
            urbanisation_class=item.get("urbanisation"),
            population=item.get("population"),
        )
        implementation.municipalities = list(Municipality.objects.filter(name__in=item["places"]))
        implementation.partners = list(PartnerType.objects.filter(slug__in=item["partners"]))
        implementations.append(implementation)
    page.implementations = implementations
    werkplaats = parent.get_parent().specific
    factsheet = generated_pdf(
        f"Factsheet {data['title']}",
        [data["title"], "", *_wrap(data["summary"]), "", f"Werkplaats: {werkplaats.title}"],
        getattr(werkplaats, "collection", None),
    )
    page.documents = [page.documents.model(document=factsheet, description="Samenvatting op één pagina")]
    return create_child(parent, page)


def _wrap(text, width=60):
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def load(stdout):
    dutch = locale("nl")
    home = Site.objects.get(is_default_site=True).root_page
    national = _index(
        home,
        "Praktijkvoorbeelden",
        "praktijkvoorbeelden",
        "Wat werkplaatsen jeugd in de praktijk beproefden, met waar het werkte en of het bij uw gemeente past.",
        show_in_menus=True,
    )
    translate(
        national,
        "en",
        slug="practices",
        title="Practices",
        summary="What the workplaces tried in practice, where it worked, and whether it fits your municipality.",
    )
    indexes = {}
    for werkplaats in WerkplaatsPage.objects.filter(locale=dutch):
        indexes[werkplaats.slug] = _index(
            werkplaats, "Praktijkvoorbeelden", "praktijkvoorbeelden", f"Praktijkvoorbeelden van {werkplaats.title}."
        )
    pages = {}
    for data in PRACTICES:
        page = PracticePage.objects.filter(slug=data["slug"], locale=dutch).first()
        pages[data["slug"]] = page or _practice(indexes[data["werkplaats"]], data)
    _relate(pages)
    for data in PRACTICES:
        if "english" in data:
            translate(
                indexes[data["werkplaats"]],
                "en",
                slug="practices",
                title="Practices",
                summary="Practices of this workplace.",
            )
            translate(pages[data["slug"]], "en", **data["english"])
    stdout.write(f"  {len(pages)} practices")


RELATED = {
    "jim-jouw-informele-mentor": ["buurtgezinnen", "gezinsbuddy"],
    "buurtgezinnen": ["jim-jouw-informele-mentor", "gezinsbuddy"],
    "ojg-at-school": ["jongerenwerk-op-school", "anders-kijken-naar-thuiszitters"],
    "dialoogtafel": ["ervaringscafe"],
}


def _relate(pages):
    for slug, related in RELATED.items():
        page = pages[slug]
        if page.related_pages.exists():
            continue
        page.related_pages = [page.related_pages.model(target=pages[other]) for other in related]
        publish(page)
