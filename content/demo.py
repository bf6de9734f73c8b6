"""Demo content for the knowledge base: the documents of the RIEC Midden-Nederland theme page with
their metadata (type, author, page count as published; summaries in our own words; the source page
gives no dates, so the dates here are the publication months as far as known, else estimates), the
news items, the links and a theme page. Each document gets a generated PDF of a few pages of Dutch
text on its subject, so that search has something real to find."""

import datetime
import random

# Access: "public", "login" (logged-in professionals) or "partners" (a specific group).
D = datetime.date
DOCUMENTS = [
    {
        "title": "Dadermonitor mensenhandel 2017-2021",
        "type": "general",
        "publishers": ["Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen"],
        "date": D(2023, 1, 26),
        "pages": 143,
        "forms": ["sexual", "labour", "criminal"],
        "summary": "Ruim een derde van de daders van binnenlandse seksuele uitbuiting pleegt binnen "
        "twee jaar opnieuw een delict; vooral jonge daders recidiveren. Uit ruim honderd meldingen "
        "van arbeidsuitbuiting per jaar bij de Arbeidsinspectie volgen gemiddeld acht "
        "opsporingsonderzoeken.",
        "topic": ["daders", "recidive", "opsporing", "strafrechtketen"],
    },
    {
        "title": "Infographic Dadermonitor mensenhandel",
        "type": "infographic",
        "publishers": ["Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen"],
        "date": D(2023, 1, 26),
        "pages": 1,
        "forms": ["sexual", "labour", "criminal"],
        "summary": "De belangrijkste cijfers uit de Dadermonitor op één pagina.",
        "topic": ["daders", "cijfers"],
    },
    {
        "title": "Mensenhandel: wat kan de burgemeester doen?",
        "type": "general",
        "publishers": ["Magazine voor burgemeesters"],
        "date": D(2022, 6, 1),
        "pages": None,
        "forms": [],
        "summary": "Artikel over de bestuurlijke rol van burgemeesters bij de aanpak van mensenhandel.",
        "topic": ["burgemeester", "bestuurlijke aanpak", "gemeente"],
    },
    {
        "title": "Slachtoffermonitor mensenhandel 2016-2020",
        "type": "report",
        "publishers": ["Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen"],
        "date": D(2021, 10, 18),
        "pages": 119,
        "forms": ["sexual", "labour", "criminal"],
        "summary": "In 2020 kwamen er 984 meldingen van mogelijke slachtoffers binnen. Bijna de helft "
        "van de slachtoffers wordt binnen vijf jaar opnieuw slachtoffer van een misdrijf; "
        "minderjarigen en arbeidsmigranten zijn het kwetsbaarst.",
        "topic": ["slachtoffers", "herhaald slachtofferschap", "corona", "arbeidsmigranten"],
    },
    {
        "title": "Seksuele uitbuiting van minderjarigen tijdens de coronapandemie",
        "type": "report",
        "publishers": ["Centrum tegen Kinderhandel en Mensenhandel (CKM)"],
        "date": D(2021, 11, 1),
        "pages": 30,
        "forms": ["sexual"],
        "summary": "Seksuele uitbuiting van soms zeer jonge kinderen ging tijdens de pandemie door; "
        "technologie en sociale media spelen een steeds grotere rol bij het ronselen.",
        "topic": ["minderjarigen", "online ronselen", "sociale media"],
    },
    {
        "title": "Factsheet agenderen en borgen van de aanpak mensenhandel",
        "type": "factsheet",
        "publishers": ["CoMensha"],
        "date": D(2021, 3, 1),
        "pages": 3,
        "forms": [],
        "summary": "Hoe een gemeente mensenhandel op de agenda zet en de aanpak duurzaam borgt.",
        "topic": ["gemeentelijk beleid", "borging", "agendering"],
    },
    {
        "title": "Daders van binnenlandse seksuele uitbuiting",
        "type": "report",
        "publishers": ["Centrum tegen Kinderhandel en Mensenhandel (CKM)"],
        "date": D(2020, 9, 1),
        "pages": 120,
        "forms": ["sexual"],
        "summary": "Onderzoek in opdracht van de politie naar de achtergronden en werkwijze van "
        "daders van binnenlandse seksuele uitbuiting.",
        "topic": ["daders", "modus operandi", "loverboy"],
    },
    {
        "title": "Religie en spiritualiteit bij West-Afrikaanse migranten",
        "type": "report",
        "publishers": ["Centrum tegen Kinderhandel en Mensenhandel (CKM)"],
        "date": D(2022, 2, 1),
        "pages": 6,
        "forms": ["smuggling", "sexual"],
        "summary": "Welke rol religieuze ervaringen spelen in het leven van kwetsbare migranten uit "
        "West-Afrika, en wat professionals daarvan moeten weten.",
        "topic": ["migranten", "voodoo-eed", "mensensmokkel"],
    },
    {
        "title": "Seksueel geweld tegen kinderen en mensenhandel: cijfers en perspectief",
        "type": "report",
        "publishers": ["Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen"],
        "date": D(2020, 12, 1),
        "pages": 56,
        "forms": ["sexual"],
        "summary": "Cijfers over seksueel geweld tegen kinderen en mensenhandel, en wat nodig is om "
        "het te voorkomen en sneller te stoppen.",
        "topic": ["kinderen", "preventie", "seksueel geweld"],
    },
    {
        "title": "Criminele uitbuiting in dertien gemeenten: een verkenning",
        "type": "report",
        "publishers": ["Centrum tegen Kinderhandel en Mensenhandel (CKM)"],
        "date": D(2021, 6, 1),
        "pages": 126,
        "forms": ["criminal"],
        "summary": "Landelijke verkenning in dertien (middel)grote gemeenten: criminele uitbuiting "
        "is veel groter dan de officiële cijfers tonen en veel slachtoffers blijven buiten beeld.",
        "topic": ["criminele uitbuiting", "drugsrunners", "jongeren", "gemeenten"],
    },
    {
        "title": "Working paper online seksueel geweld en uitbuiting",
        "type": "general",
        "publishers": ["Centrum tegen Kinderhandel en Mensenhandel (CKM)"],
        "date": D(2019, 5, 1),
        "pages": 15,
        "forms": ["sexual"],
        "summary": "Voorbereiding op drie expertmeetings over de aard en omvang van online seksueel "
        "geweld en seksuele uitbuiting van minderjarigen.",
        "topic": ["online", "sexting", "grooming"],
    },
    {
        "title": "Jonge slachtoffers van seksueel geweld en uitbuiting",
        "type": "report",
        "publishers": ["Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen"],
        "date": D(2022, 10, 1),
        "pages": 104,
        "forms": ["sexual"],
        "summary": "Persoonlijke en omgevingsfactoren van jonge slachtoffers in kaart gebracht, zonder "
        "oorzakelijke verbanden te suggereren.",
        "topic": ["kwetsbaarheid", "jongeren", "hulpverlening"],
    },
    {
        "title": "Chat met Fier: slachtoffers bereiken",
        "type": "general",
        "publishers": ["Centrum tegen Kinderhandel en Mensenhandel (CKM)"],
        "date": D(2020, 4, 1),
        "pages": 20,
        "forms": ["sexual"],
        "summary": "Hoe een anonieme chat in drie jaar bijna achthonderd slachtoffers bereikte en "
        "ondersteunde.",
        "topic": ["chat", "laagdrempelige hulp", "vertrouwen"],
    },
    {
        "title": "Inspecties regeling Aziatische horeca",
        "type": "report",
        "publishers": ["Nederlandse Arbeidsinspectie (NLA)"],
        "date": D(2022, 11, 18),
        "pages": 24,
        "forms": ["labour"],
        "summary": "Resultaten van inspecties bij werkgevers die de regeling Aziatische horeca "
        "gebruikten; de regeling komt niet terug.",
        "topic": ["horeca", "tewerkstellingsvergunning", "onderbetaling"],
    },
    {
        "title": "Signalenkaart arbeidsuitbuiting",
        "type": "factsheet",
        "publishers": ["Gemeente Tilburg", "Sterk Huis"],
        "date": D(2021, 9, 1),
        "pages": 1,
        "forms": ["labour"],
        "summary": "Signalen die kunnen wijzen op arbeidsuitbuiting, voor professionals.",
        "topic": ["signalen", "werkgever", "huisvesting", "schulden"],
    },
    {
        "title": "Signalenkaart criminele uitbuiting",
        "type": "factsheet",
        "publishers": ["Gemeente Tilburg", "Sterk Huis"],
        "date": D(2021, 9, 1),
        "pages": 1,
        "forms": ["criminal"],
        "summary": "Signalen die kunnen wijzen op criminele uitbuiting, voor professionals.",
        "topic": ["signalen", "drugs", "schulden", "dreiging"],
    },
    {
        "title": "Signalenkaart seksuele uitbuiting",
        "type": "factsheet",
        "publishers": ["Gemeente Tilburg", "Sterk Huis"],
        "date": D(2021, 9, 1),
        "pages": 1,
        "forms": ["sexual"],
        "summary": "Signalen die kunnen wijzen op seksuele uitbuiting, voor professionals.",
        "topic": ["signalen", "prostitutie", "dure cadeaus", "oudere vriend"],
    },
    {
        "title": "RIEC Zebra: analyse mensenhandel in vakantieparken",
        "type": "report",
        "publishers": ["RIEC Midden-Nederland"],
        "date": D(2023, 3, 1),
        "pages": None,
        "forms": ["labour", "sexual"],
        "summary": "Analyse van signalen van uitbuiting op vakantieparken in de regio, met "
        "aanbevelingen voor bestuurlijke interventies.",
        "topic": ["vakantieparken", "huisvesting arbeidsmigranten", "bestuurlijke aanpak"],
        "access": "login",
    },
    {
        "title": "Field Lab Mensenhandel: resultaten",
        "type": "report",
        "publishers": ["Field Lab Mensenhandel"],
        "date": D(2022, 12, 1),
        "pages": None,
        "forms": ["labour", "criminal"],
        "summary": "Resultaten van een praktijkexperiment met gegevensdeling tussen ketenpartners.",
        "topic": ["informatiedeling", "ketenpartners", "casusoverleg"],
        "access": "login",
    },
    {
        "title": "Handreiking integrale aanpak arbeidsuitbuiting",
        "type": "handbook",
        "publishers": ["Centrum voor Criminaliteitspreventie en Veiligheid (CCV)"],
        "date": D(2022, 4, 1),
        "pages": 33,
        "forms": ["labour"],
        "summary": "Handvatten met voorbeelden en fictieve casussen om samen op te treden tegen "
        "arbeidsuitbuiting.",
        "topic": ["integrale aanpak", "toezicht", "handhaving"],
    },
    {
        "title": "Kader Aanpak Mensenhandel",
        "type": "handbook",
        "publishers": ["VNG", "CoMensha"],
        "date": D(2021, 2, 1),
        "pages": 8,
        "forms": [],
        "summary": "Bouwstenen voor gemeenten om beleid tegen mensenhandel in te richten en te "
        "monitoren, met ruimte voor lokale verschillen.",
        "topic": ["gemeentelijk beleid", "bouwstenen", "monitoring"],
    },
    {
        "title": "Handreiking gegevensdeling bij signalen van mensenhandel",
        "type": "handbook",
        "publishers": ["Ministerie van Justitie en Veiligheid"],
        "date": D(2022, 7, 1),
        "pages": 73,
        "forms": [],
        "summary": "Wanneer en hoe partners informatie mogen delen over signalen van mensenhandel.",
        "topic": ["AVG", "grondslag", "informatiedeling"],
    },
    {
        "title": "Programma Samen tegen Mensenhandel",
        "type": "general",
        "publishers": ["Ministeries van JenV, SZW, VWS en BuZa"],
        "date": D(2018, 11, 1),
        "pages": 44,
        "forms": ["sexual", "labour", "criminal"],
        "summary": "De integrale programma-aanpak om het aantal slachtoffers in Nederland omlaag te "
        "brengen.",
        "topic": ["landelijk programma", "samenwerking", "preventie"],
    },
    {
        "title": "Gemeentelijke aanpak mensenhandel: stand van zaken",
        "type": "report",
        "publishers": ["VNG", "Significant"],
        "date": D(2021, 12, 1),
        "pages": 16,
        "forms": [],
        "summary": "Waar gemeenten staan, welke ondersteuning zij nodig hebben en wat helpt of "
        "belemmert.",
        "topic": ["gemeenten", "ondersteuning", "onderzoek"],
    },
    {
        "title": "Infographic gemeentelijke aanpak Midden-Nederland, eerste kwartaal",
        "type": "infographic",
        "publishers": ["RIEC Midden-Nederland"],
        "date": D(2022, 4, 15),
        "pages": 1,
        "forms": [],
        "summary": "Stand van zaken van het gemeentelijk beleid op basis van 72% van de gemeenten in "
        "Midden-Nederland.",
        "topic": ["gemeentelijk beleid", "monitor", "Midden-Nederland"],
    },
    {
        "title": "Flyer voor vluchtelingen uit Oekraïne",
        "type": "flyer",
        "publishers": ["CoMensha"],
        "date": D(2022, 3, 15),
        "pages": 3,
        "forms": ["sexual", "labour"],
        "language": "uk",
        "summary": "Aandachtspunten over reizen, identiteitsbewijzen, verblijf, dwang en uitbuiting; "
        "in het Nederlands, Engels en Oekraïens.",
        "topic": ["vluchtelingen", "Oekraïne", "identiteitsdocumenten"],
    },
    {
        "title": "Strategisch Intelligence Beeld Oekraïne",
        "type": "general",
        "publishers": ["Expertisecentrum Mensenhandel en Mensensmokkel (EMM)"],
        "date": D(2022, 5, 1),
        "pages": None,
        "forms": ["smuggling", "sexual", "labour"],
        "summary": "Periodiek beeld van politie, KMar, NLA en IND over mensenhandel en "
        "mensensmokkel rond de vluchtelingen uit Oekraïne.",
        "topic": ["intelligence", "vluchtelingenstroom", "mensensmokkel"],
        "access": "partners",
    },
    {
        "title": "Toolbox arbeidsuitbuiting",
        "type": "toolbox",
        "publishers": ["RIEC Limburg"],
        "date": D(2022, 9, 1),
        "pages": 10,
        "forms": ["labour"],
        "summary": "Handreikingen en hulpmiddelen voor professionals, vrij te gebruiken.",
        "topic": ["hulpmiddelen", "controles", "uitzendbureaus"],
    },
    {
        "title": "Maandbeeld mensenhandel en mensensmokkel Oekraïne",
        "type": "general",
        "publishers": ["Expertisecentrum Mensenhandel en Mensensmokkel (EMM)"],
        "date": D(2022, 7, 1),
        "pages": 7,
        "forms": ["smuggling"],
        "summary": "Maandelijks landelijk beeld van mensensmokkel en mensenhandel na de Russische "
        "inval in Oekraïne.",
        "topic": ["vluchtelingen", "mensensmokkel", "maandbeeld"],
    },
    {
        "title": "Infosheet Middag tegen Mensenhandel Midden-Nederland",
        "type": "infographic",
        "publishers": ["RIEC Midden-Nederland"],
        "date": D(2022, 10, 20),
        "pages": 1,
        "forms": [],
        "summary": "Uitkomsten van de themamiddag: wat kun jij als professional doen voor een "
        "(mogelijk) slachtoffer?",
        "topic": ["themadag", "handelingsperspectief"],
    },
    {
        "title": "Voorbeeldbrief hotels: training No Room for Sex Trafficking",
        "type": "letter",
        "publishers": ["RIEC Midden-Nederland"],
        "date": D(2022, 11, 23),
        "pages": 1,
        "forms": ["sexual"],
        "summary": "Conceptbrief waarmee gemeenten hotels wijzen op de gratis training om seksuele "
        "uitbuiting te herkennen.",
        "topic": ["hotels", "training", "receptie"],
    },
    {
        "title": "Hand-out ronselen voor criminele uitbuiting",
        "type": "general",
        "publishers": ["Taskforce RIEC Zeeland-West-Brabant"],
        "date": D(2021, 5, 1),
        "pages": 5,
        "forms": ["criminal"],
        "summary": "Hoe criminelen jongeren ronselen, voor jongeren, ouders en professionals.",
        "topic": ["ronselen", "jongeren", "chantage"],
    },
    {
        "title": "Nieuwsbrief mensenhandel Midden-Nederland Q1",
        "type": "newsletter",
        "publishers": ["RIEC Midden-Nederland"],
        "date": D(2023, 4, 1),
        "pages": 5,
        "forms": [],
        "summary": "Eerste uitgave van de regionale nieuwsbrief over mensenhandel.",
        "topic": ["nieuwsbrief", "regio", "meldingen"],
    },
    {
        "title": "Nieuwsbrief mensenhandel Midden-Nederland Q2",
        "type": "newsletter",
        "publishers": ["RIEC Midden-Nederland"],
        "date": D(2023, 7, 1),
        "pages": 7,
        "forms": [],
        "summary": "Tweede uitgave van de regionale nieuwsbrief over mensenhandel.",
        "topic": ["nieuwsbrief", "regio", "webinar"],
    },
    {
        "title": "Nieuwsbrief Samen tegen mensenhandel Q1 2024",
        "type": "newsletter",
        "publishers": ["RIEC Midden-Nederland"],
        "date": D(2024, 4, 1),
        "pages": 10,
        "forms": ["sexual", "labour", "criminal"],
        "summary": "Cijfers van het Advies- en Meldpunt Mensenhandel over 2020-2023, nieuws en een "
        "enquête.",
        "topic": ["meldingen", "adviezen", "cijfers"],
    },
]

NEWS = [
    {
        "title": "E-learning BUIT voor professionals: bewustwording en signalering mensenhandel",
        "date": D(2023, 12, 20),
        "category": "security",
        "intro": "Een korte, praktische e-learning voor professionals die met jongeren werken, over "
        "criminele en seksuele uitbuiting.",
        "body": "Criminele en seksuele uitbuiting ontwrichten het leven van kinderen, jongeren en "
        "volwassenen die slachtoffer worden, en de samenleving als geheel. Jongeren zijn vaak "
        "slachtoffer, soms ook pleger. De aanpak begint met bewustwording en signalering: op "
        "school, op straat en in de zorg.",
    },
    {
        "title": "Trainingen signaalherkenning mensenhandel voor verschillende branches",
        "date": D(2022, 11, 23),
        "category": "tips",
        "intro": "Gratis trainingen voor hotels en andere branches om signalen van mensenhandel te "
        "herkennen.",
        "body": "De aanpak van mensenhandel is niet alleen een taak van de overheid. Gemeenten in "
        "Gooi en Vechtstreek stimuleren hotels om hun personeel te laten trainen in het herkennen "
        "van signalen van seksuele uitbuiting.",
    },
]

LINKS = [
    (
        "E-learning vakantieparken (Defence for Children)",
        "https://www.defenceforchildren.nl/",
        "Gratis e-learnings voor receptie, schoonmaak en technische dienst om signalen van illegale "
        "prostitutie en mensenhandel op vakantieparken te herkennen.",
    ),
    (
        "Waar meld je mensenhandel?",
        "https://www.comensha.nl/",
        "Melden helpt ook om zicht te krijgen op de aard en omvang van mensenhandel. Hier vind je de "
        "instanties.",
    ),
    (
        "Hulpmiddelen voor gemeenten (CCV)",
        "https://hetccv.nl/",
        "Baliemedewerkers, toezichthouders en inspecteurs pikken signalen op; hier staan "
        "hulpmiddelen om hen te ondersteunen.",
    ),
    (
        "Het Kompas",
        "https://www.hetkompas.nl/",
        "Digitaal handboek over aard en omvang, wetgeving en de rollen van gemeenten.",
    ),
    (
        "Verhalen van slachtoffers (CoMensha en VNG)",
        "https://www.comensha.nl/",
        "Een journalistieke longread voor gemeenten, bestuurders, professionals en alerte burgers.",
    ),
]

THEME_INTRO = (
    "Mensenhandel is een ernstige vorm van criminaliteit die diep ingrijpt in de vrijheid van "
    "mensen. Elke dag worden mannen, vrouwen en kinderen uitgebuit: seksueel, in arbeid en in "
    "criminaliteit."
)
THEME_SECTIONS = [
    (
        "Wat is mensenhandel?",
        "Mensenhandel is het werven, vervoeren, overbrengen, huisvesten of opnemen van een persoon "
        "met een dwangmiddel, met het oogmerk van uitbuiting (artikel 273f Wetboek van Strafrecht). "
        "Bij minderjarigen is geen dwangmiddel nodig: het oogmerk van uitbuiting is genoeg.",
    ),
    (
        "Vormen van uitbuiting",
        "Seksuele uitbuiting, arbeidsuitbuiting, criminele uitbuiting en gedwongen orgaanverwijdering. "
        "De Europese richtlijn van 2024 noemt daarnaast gedwongen draagmoederschap, gedwongen "
        "huwelijk en illegale adoptie.",
    ),
    (
        "Mensenhandel is geen mensensmokkel",
        "Bij mensensmokkel helpt iemand een ander, meestal tegen betaling, om illegaal een grens over "
        "te gaan; het slachtoffer is de staat. Bij mensenhandel draait het om uitbuiting, ook zonder "
        "dat er een grens wordt overgestoken. Gesmokkelde mensen lopen wel een groot risico om "
        "uitgebuit te worden.",
    ),
    (
        "De regionale aanpak",
        "Gemeenten, politie, Arbeidsinspectie, Veilig Thuis, zorg en het RIEC werken samen: inzicht "
        "in aard en omvang, signaleren en melden, daders en facilitators aanpakken, en slachtoffers "
        "opvangen en beschermen.",
    ),
]

# --- the text of the demo documents ----------------------------------------------------------
# Each demo document gets its own text: its summary, sentences about its topics and sentences on
# its forms of exploitation, drawn without repetition (no sentence occurs twice in a document, so
# search finds the documents by what they are about, not by repeated filler).

GENERAL_SENTENCES = [
    "Mensenhandel is het werven, vervoeren of huisvesten van mensen met het oogmerk van "
    "uitbuiting.",
    "De gemeente coördineert de zorg voor slachtoffers en werkt daarbij samen met politie, "
    "Veilig Thuis en het RIEC.",
    "Een slachtoffer heeft recht op bedenktijd, opvang en begeleiding, ook zonder aangifte.",
    "Professionals twijfelen vaak of wat zij zien genoeg is om te melden; bespreek het dan met "
    "een collega.",
    "Het zorg- en veiligheidshuis brengt partners samen rond casussen met een hoog risico.",
    "Naïeve aannames over wie slachtoffer kan zijn, staan het herkennen van signalen in de weg.",
    "Een integrale aanpak vraagt om heldere afspraken over wie wat doet na een signaal.",
    "Minderjarige slachtoffers hebben extra bescherming nodig en worden altijd besproken in het "
    "casusoverleg.",
    "De cijfers in dit stuk zijn afgerond en gaan over de laatste volledige jaren.",
    "Respondenten uit verschillende regio's beschreven vergelijkbare knelpunten.",
    "Wie uitgebuit wordt, ziet zichzelf lang niet altijd als slachtoffer.",
    "Schaamte en angst voor represailles houden veel mensen tegen om hulp te zoeken.",
    "Het dark number, de uitbuiting die niemand ziet, is vermoedelijk vele malen groter dan de "
    "registraties.",
    "De onderzoekers spraken met ervaringsdeskundigen, hulpverleners en rechercheurs.",
    "Daders passen hun werkwijze snel aan wanneer de handhaving toeneemt.",
    "Goede informatiedeling tussen partners is een voorwaarde voor een effectieve aanpak.",
    "De wet stelt mensenhandel strafbaar in artikel 273f van het Wetboek van Strafrecht.",
    "Terugval na de hulp komt vaak voor wanneer huisvesting en inkomen niet geregeld zijn.",
    "Ketenpartners gaven aan dat zij meer behoefte hebben aan terugkoppeling na een melding.",
    "Het rapport sluit af met aanbevelingen voor beleid en praktijk.",
    "Gemeenten verschillen sterk in de capaciteit die zij voor dit onderwerp vrijmaken.",
    "Een vaste contactpersoon maakt de drempel voor professionals lager.",
    "Er is weinig bekend over de lange termijn: hoe vergaat het slachtoffers na vijf jaar?",
    "In de interviews kwam steeds terug hoe belangrijk vertrouwen is.",
]
FORM_SENTENCES = {
    "sexual": [
        "Bij seksuele uitbuiting is de loverboymethode nog steeds een veelgebruikte werkwijze.",
        "Steeds meer prostitutie wordt online aangeboden en vindt plaats in hotels of "
        "vakantiewoningen.",
        "Jonge meisjes worden vaak benaderd via sociale media door iemand die zich als vriend "
        "voordoet.",
        "Naaktbeelden worden gebruikt om slachtoffers onder druk te zetten.",
        "In de vergunde raamprostitutie vinden controles plaats, in de thuisprostitutie nauwelijks.",
        "Klanten zien signalen soms wel, maar melden die zelden.",
        "Ook jongens en mannen worden slachtoffer van seksuele uitbuiting, al blijft dat vaker "
        "verborgen.",
    ],
    "labour": [
        "Signalen van arbeidsuitbuiting zijn onder meer lange werkdagen, ingehouden loon en "
        "afgepakte identiteitsbewijzen.",
        "Uitzendbureaus die huisvesting en werk koppelen, vergroten het risico op afhankelijkheid.",
        "Werkgevers die arbeidsmigranten via onderaannemers inhuren, blijven verantwoordelijk "
        "voor goede arbeidsomstandigheden.",
        "Inspecteurs van de Arbeidsinspectie troffen werknemers aan die op de werkplek sliepen.",
        "In de land- en tuinbouw, de bouw en de vleesverwerking komen de meeste meldingen vandaan.",
        "Wie zijn baan verliest, verliest bij een koppeling van werk en wonen ook zijn bed.",
        "Schulden bij de werkgever of bemiddelaar maken het vrijwel onmogelijk om te vertrekken.",
    ],
    "criminal": [
        "Criminele uitbuiting komt voor in de drugshandel, bij winkeldiefstal en bij het "
        "gebruik van geldezels.",
        "Jongeren worden geronseld met de belofte van snel geld en aanzien.",
        "Een kunstmatige schuld houdt jongeren vast in het criminele netwerk.",
        "Politie en justitie zien jonge slachtoffers van criminele uitbuiting vaak eerst als "
        "verdachte.",
        "Het non-punishment-beginsel beschermt slachtoffers tegen straf voor gedwongen delicten.",
        "Jeugdwerkers en scholen zijn vaak de eersten die een verandering bij een jongere "
        "opmerken.",
    ],
    "smuggling": [
        "Mensensmokkel en mensenhandel lopen in de praktijk geregeld in elkaar over.",
        "Gesmokkelde migranten raken door hun reisschuld afhankelijk van hun smokkelaar.",
        "Langs de migratieroutes worden vrouwen en kinderen vaak misbruikt.",
        "De Koninklijke Marechaussee ziet bij grenscontroles slechts een klein deel van de "
        "smokkel.",
        "Na aankomst belanden sommige migranten in de prostitutie of in illegaal werk.",
    ],
}
TOPIC_SENTENCES = [
    "Dit hoofdstuk gaat in op {topic}.",
    "Over {topic} bestaan weinig betrouwbare cijfers.",
    "Verschillende professionals noemden {topic} als belangrijk aandachtspunt.",
    "De aanbevelingen over {topic} richten zich op gemeenten en ketenpartners.",
    "Ook in eerder onderzoek kwam {topic} naar voren.",
    "Wat {topic} betekent voor de praktijk, verschilt per regio.",
]


def document_paragraphs(item, number, *, pages=None, per_page=4):
    """The demo text of a document: pages of paragraphs with its summary and keywords, sentences
    on its topics and forms of exploitation and general sentences, no sentence twice."""
    rng = random.Random(number)  # noqa: S311 - repeatable demo text, not security
    pages = pages or min(item["pages"] or 3, 4)
    templates = list(TOPIC_SENTENCES)
    rng.shuffle(templates)
    topical = [
        templates[position % len(templates)].format(topic=topic)
        for position, topic in enumerate(item["topic"])
    ]
    own = [sentence for form in item["forms"] for sentence in FORM_SENTENCES.get(form, [])]
    general = rng.sample(GENERAL_SENTENCES, k=min(len(GENERAL_SENTENCES), 6 + 4 * pages))
    sentences = topical + own + general
    rng.shuffle(sentences)
    first = [item["summary"], "Trefwoorden: " + ", ".join(item["topic"]) + "."]
    paragraphs = [first[0], first[1]]
    while sentences:
        size = rng.randint(3, 5)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    per_page = max(per_page, -(-len(paragraphs) // pages))
    return [paragraphs[start : start + per_page] for start in range(0, len(paragraphs), per_page)]


def document_text(item, number):
    """The text of document_paragraphs() as extraction would give it."""
    return "\n\n".join(
        paragraph for page in document_paragraphs(item, number) for paragraph in page
    )
