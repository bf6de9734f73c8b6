"""Seed data for the indicator catalogue: signals (signalen), premises types, sectors and contact
points. Plain Python data, loaded by indicators.actions.load_seed (manage.py
load_indicator_catalogue). Source: the team's domain reference (shared/domain/reference.md),
§2.2-2.7 for the indicators and §3.1-3.2 for the contact points. The wording is our own; the IDs
follow the reference.

The strength scale is a proposal for triage, not an official Dutch classification: a single signal
proves nothing, and it is the combination that counts. Contact details marked "verify" must be
checked before they are published.
"""

DOMAINS = {
    "UIT": "appearance",
    "GED": "behaviour",
    "WW": "work_housing",
    "GLD": "money",
    "DOC": "documents",
    "SOC": "social",
    "ONL": "online",
    "SCH": "school",
    "LOC": "location",
    "GEZ": "health",
}
STRENGTHS = {"S": "strong", "M": "moderate", "W": "weak"}

# The codes an indicator's "forms" may contain (indicators.exploitation.ExploitationForm).
FORMS = [
    "sexual",
    "labour",
    "criminal",
    "organ_removal",
    "surrogacy",
    "forced_marriage",
    "illegal_adoption",
    "other",
    "smuggling",
]

# subject: "person" when the signal is about someone you can identify (route 1, zorgroute),
# "location" when it is about premises without an identifiable victim (route 2, locatieroute).
# The reference gives no domain tag for the §2.7 tables; they all get "location".
INDICATORS = [
    # --- §2.2 Seksuele uitbuiting (sexual exploitation) ---
    {
        "code": "SU-01",
        "text_nl": "Moet geld dat met seks is verdiend (deels) inleveren bij iemand anders",
        "text_en": "Has to hand over (part of) the money earned from sex to another person",
        "text_pl": "Musi oddawać (część) pieniędzy zarobionych na seksie komuś innemu",
        "text_ro": "Trebuie să predea (o parte din) banii câștigați din sex altei persoane",
        "text_bg": "Трябва да дава (част от) парите, изкарани от секс, на друг човек",
        "text_uk": "Мусить віддавати (частину) грошей, зароблених сексом, іншій людині",
        "domain": "money",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-02",
        "text_nl": (
            "Wordt onder druk gezet of gedwongen om seks te hebben met anderen, betaald of "
            "onbetaald"
        ),
        "text_en": "Is pressured or forced to have sex with others, whether paid or not",
        "text_pl": "Jest naciskana lub zmuszana do seksu z innymi, za pieniądze lub bez",
        "text_ro": "Este pus sub presiune sau obligat să facă sex cu alții, plătit sau nu",
        "text_bg": (
            "Подлаган е на натиск или е принуждаван да прави секс с други, срещу заплащане или не"
        ),
        "text_uk": "На неї тиснуть або змушують займатися сексом з іншими, за гроші чи без",
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-03",
        "text_nl": (
            "Minderjarige heeft seks in ruil voor geld, spullen, drugs of een plek om te slapen"
        ),
        "text_en": "A minor has sex in return for money, goods, drugs or somewhere to sleep",
        "text_pl": (
            "Osoba niepełnoletnia uprawia seks w zamian za pieniądze, rzeczy, narkotyki lub "
            "miejsce do spania"
        ),
        "text_ro": (
            "Un minor face sex în schimbul banilor, al unor lucruri, al drogurilor sau al unui loc"
            " de dormit"
        ),
        "text_bg": "Непълнолетен прави секс срещу пари, вещи, наркотици или място за спане",
        "text_uk": (
            "Неповнолітня особа займається сексом в обмін на гроші, речі, наркотики або місце для "
            "ночівлі"
        ),
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": True,
    },
    # Control over ID papers points to all three main forms, not only sexual exploitation.
    {
        "code": "SU-04",
        "text_nl": "Heeft eigen identiteitsbewijs, paspoort of telefoon niet zelf in handen",
        "text_en": "Does not have their own ID card, passport or phone in their own hands",
        "text_pl": "Nie ma przy sobie własnego dowodu osobistego, paszportu ani telefonu",
        "text_ro": "Nu are în mână propriul act de identitate, pașaport sau telefon",
        "text_bg": "Личната карта, паспортът или телефонът му не са в собствените му ръце",
        "text_uk": "Не тримає при собі власного посвідчення особи, паспорта чи телефону",
        "domain": "documents",
        "strength": "strong",
        "forms": ["sexual", "labour", "criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-05",
        "text_nl": (
            "Heeft een groeiende schuld bij een 'vriend', pooier of tussenpersoon, bijvoorbeeld "
            "voor reis, kamer of advertenties"
        ),
        "text_en": (
            "Owes a growing debt to a 'boyfriend', pimp or go-between, for example for travel, a "
            "room or adverts"
        ),
        "text_pl": (
            "Ma rosnący dług wobec „chłopaka”, sutenera lub pośrednika, na przykład za podróż, "
            "pokój lub ogłoszenia"
        ),
        "text_ro": (
            "Are o datorie tot mai mare față de un „iubit”, un proxenet sau un intermediar, de "
            "exemplu pentru drum, cameră sau anunțuri"
        ),
        "text_bg": (
            "Има растящ дълг към „приятел“, сводник или посредник, например за пътуване, стая или "
            "обяви"
        ),
        "text_uk": (
            "Має дедалі більший борг перед «хлопцем», сутенером або посередником, наприклад за "
            "дорогу, кімнату чи оголошення"
        ),
        "domain": "money",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-06",
        "text_nl": (
            "Wordt bedreigd, mishandeld of gechanteerd, bijvoorbeeld met intieme foto's of video's"
        ),
        "text_en": (
            "Is threatened, assaulted or blackmailed, for example with intimate photos or videos"
        ),
        "text_pl": (
            "Jest zastraszana, bita lub szantażowana, na przykład intymnymi zdjęciami lub filmami"
        ),
        "text_ro": "Este amenințat, bătut sau șantajat, de exemplu cu fotografii sau filme intime",
        "text_bg": "Заплашван е, бит или изнудван, например с интимни снимки или видеа",
        "text_uk": "Їй погрожують, її б'ють або шантажують, наприклад інтимними фото чи відео",
        "domain": "behaviour",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-07",
        "text_nl": (
            "Een ander bepaalt waar hij of zij is, houdt steeds contact of kijkt de telefoon na"
        ),
        "text_en": (
            "Someone else decides where they are, stays in constant contact or checks their phone"
        ),
        "text_pl": (
            "Ktoś inny decyduje, gdzie przebywa, stale się z nią kontaktuje lub sprawdza jej "
            "telefon"
        ),
        "text_ro": (
            "Altcineva hotărăște unde se află, ține legătura cu el tot timpul sau îi verifică "
            "telefonul"
        ),
        "text_bg": (
            "Някой друг решава къде да бъде, постоянно го държи под връзка или проверява телефона "
            "му"
        ),
        "text_uk": (
            "Хтось інший вирішує, де вона перебуває, постійно з нею на зв'язку або перевіряє її "
            "телефон"
        ),
        "domain": "social",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-08",
        "text_nl": (
            "Wordt online aangeboden in advertenties die een ander beheert; bepaalt zelf niet "
            "welke klanten of wat er gebeurt"
        ),
        "text_en": (
            "Is offered online in adverts run by someone else; has no say over which clients or "
            "which acts"
        ),
        "text_pl": (
            "Jest oferowana w internecie w ogłoszeniach, którymi zarządza ktoś inny; nie decyduje "
            "o klientach ani o tym, co się dzieje"
        ),
        "text_ro": (
            "Este oferit pe internet în anunțuri administrate de altcineva; nu hotărăște el ce "
            "clienți are sau ce se întâmplă"
        ),
        "text_bg": (
            "Предлаган е онлайн в обяви, които управлява някой друг; не решава сам кои клиенти и "
            "какво да се случва"
        ),
        "text_uk": (
            "Її пропонують в інтернеті в оголошеннях, якими керує хтось інший; сама не вирішує, "
            "які клієнти і що відбувається"
        ),
        "domain": "online",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-09",
        "text_nl": (
            "Kan niet zeggen waar hij of zij woont of slaapt; moet vaak verhuizen naar een andere "
            "stad, hotel of woning"
        ),
        "text_en": (
            "Does not know the address where they are staying; is often moved to another city, "
            "hotel or home"
        ),
        "text_pl": (
            "Nie zna adresu, pod którym przebywa; często jest przenoszona do innego miasta, hotelu"
            " lub mieszkania"
        ),
        "text_ro": (
            "Nu știe adresa unde stă; este mutat des în alt oraș, alt hotel sau altă locuință"
        ),
        "text_bg": "Не знае адреса, на който живее; често го местят в друг град, хотел или жилище",
        "text_uk": "Не знає адреси, де живе; її часто перевозять до іншого міста, готелю чи житла",
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-10",
        "text_nl": "Moet dag en nacht klaarstaan; slaapt op de plek waar klanten worden ontvangen",
        "text_en": (
            "Has to be available day and night; sleeps at the place where clients are received"
        ),
        "text_pl": "Musi być dostępna dzień i noc; śpi w miejscu, w którym przyjmuje klientów",
        "text_ro": (
            "Trebuie să fie disponibil zi și noapte; doarme în locul unde sunt primiți clienții"
        ),
        "text_bg": (
            "Трябва да е на разположение денем и нощем; спи на мястото, където се приемат клиенти"
        ),
        "text_uk": "Мусить бути доступною вдень і вночі; спить там, де приймають клієнтів",
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-11",
        "text_nl": "Wordt afgezet en opgehaald door (oudere) mannen of door steeds andere auto's",
        "text_en": "Is dropped off and collected by (older) men or by different cars each time",
        "text_pl": (
            "Jest przywożona i odbierana przez (starszych) mężczyzn lub za każdym razem przez inne"
            " samochody"
        ),
        "text_ro": (
            "Este adus și luat de bărbați (mai în vârstă) sau de fiecare dată de alte mașini"
        ),
        "text_bg": "Докарват го и го прибират (по-възрастни) мъже или всеки път различни коли",
        "text_uk": "Її привозять і забирають (старші) чоловіки або щоразу інші автомобілі",
        "domain": "social",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-12",
        "text_nl": (
            "Heeft een relatie met een duidelijk oudere of overheersende partner die hem of haar "
            "afsluit van familie en vrienden"
        ),
        "text_en": (
            "Is in a relationship with a clearly older or controlling partner who cuts them off "
            "from family and friends"
        ),
        "text_pl": (
            "Jest w związku z wyraźnie starszym lub kontrolującym partnerem, który odcina ją od "
            "rodziny i przyjaciół"
        ),
        "text_ro": (
            "Are o relație cu un partener vizibil mai în vârstă sau dominator, care îl izolează de"
            " familie și prieteni"
        ),
        "text_bg": (
            "Има връзка с явно по-възрастен или контролиращ партньор, който го откъсва от "
            "семейството и приятелите"
        ),
        "text_uk": (
            "Має стосунки з помітно старшим або контролюючим партнером, який відрізає її від "
            "родини й друзів"
        ),
        "domain": "social",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-13",
        "text_nl": (
            "Verwondingen, brandplekken of zelfbeschadiging; een tatoeage die op 'eigendom' van "
            "iemand lijkt te wijzen"
        ),
        "text_en": (
            "Injuries, burns or self-harm; a tattoo that seems to mark them as someone's 'property'"
        ),
        "text_pl": (
            "Obrażenia, oparzenia lub samookaleczenia; tatuaż, który wygląda jak znak czyjejś "
            "„własności”"
        ),
        "text_ro": (
            "Răni, arsuri sau autovătămare; un tatuaj care pare să-l marcheze drept „proprietatea”"
            " cuiva"
        ),
        "text_bg": (
            "Наранявания, изгаряния или самонараняване; татуировка, която изглежда като знак, че е"
            " нечия „собственост“"
        ),
        "text_uk": (
            "Травми, опіки або самоушкодження; татуювання, яке ніби позначає її як чиюсь "
            "«власність»"
        ),
        "domain": "appearance",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-14",
        "text_nl": (
            "Heeft op jonge leeftijd soa's, is vaak zwanger (of doet vaak een test) of heeft "
            "abortussen gehad"
        ),
        "text_en": (
            "At a young age: sexually transmitted infections, frequent pregnancies or pregnancy "
            "tests, or abortions"
        ),
        "text_pl": (
            "W młodym wieku: choroby przenoszone drogą płciową, częste ciąże lub testy ciążowe "
            "albo aborcje"
        ),
        "text_ro": (
            "La o vârstă fragedă: infecții cu transmitere sexuală, sarcini sau teste de sarcină "
            "dese, ori avorturi"
        ),
        "text_bg": (
            "В ранна възраст: полово предавани инфекции, чести бременности или тестове за "
            "бременност, или аборти"
        ),
        "text_uk": (
            "У молодому віці: інфекції, що передаються статевим шляхом, часті вагітності чи тести "
            "на вагітність або аборти"
        ),
        "domain": "health",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-15",
        "text_nl": "Loopt weg of is vermist; blijft slapen op adressen die niemand kent",
        "text_en": "Runs away or goes missing; spends nights at addresses nobody knows",
        "text_pl": "Ucieka z domu lub zaginęła; nocuje pod adresami, których nikt nie zna",
        "text_ro": "Fuge de acasă sau dispare; doarme la adrese pe care nu le cunoaște nimeni",
        "text_bg": "Бяга от дома или изчезва; нощува на адреси, които никой не знае",
        "text_uk": "Тікає з дому або зникає; ночує за адресами, яких ніхто не знає",
        "domain": "behaviour",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-16",
        "text_nl": (
            "Voelt zich gedwongen naaktfoto's te sturen, of wordt daarmee afgeperst (sextortion)"
        ),
        "text_en": "Sends nude images under pressure, or is extorted with such images (sextortion)",
        "text_pl": "Pod presją wysyła nagie zdjęcia albo jest nimi szantażowana (sextortion)",
        "text_ro": (
            "Trimite imagini nud sub presiune sau este șantajat cu astfel de imagini (sextortion)"
        ),
        "text_bg": "Под натиск изпраща голи снимки или е изнудван с такива снимки (секстортия)",
        "text_uk": (
            "Під тиском надсилає оголені фото або її шантажують такими фото (секс-вимагання)"
        ),
        "domain": "online",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-17",
        "text_nl": (
            "Is bang, mag niet alleen met iemand praten, of een ander praat voor hem of haar"
        ),
        "text_en": "Is afraid, may not talk to anyone alone, or someone else speaks for them",
        "text_pl": "Boi się, nie może z nikim rozmawiać sama albo ktoś inny mówi za nią",
        "text_ro": (
            "Îi este frică, nu are voie să vorbească singur cu nimeni sau altcineva vorbește în "
            "locul lui"
        ),
        "text_bg": (
            "Страх го е, не му позволяват да говори насаме с никого или някой друг говори вместо "
            "него"
        ),
        "text_uk": "Боїться, не може ні з ким говорити наодинці, або хтось інший говорить за неї",
        "domain": "behaviour",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-18",
        "text_nl": (
            "Sekswerker uit het buitenland kent taal en stad niet, reist met een begeleider en "
            "woont op de werkplek"
        ),
        "text_en": (
            "A sex worker from abroad who knows neither the language nor the city, travels with a "
            "minder and lives where she works"
        ),
        "text_pl": (
            "Osoba świadcząca usługi seksualne z zagranicy nie zna ani języka, ani miasta, "
            "podróżuje z opiekunem i mieszka tam, gdzie pracuje"
        ),
        "text_ro": (
            "O persoană din străinătate care practică munca sexuală nu cunoaște nici limba, nici "
            "orașul, călătorește cu un însoțitor și locuiește unde lucrează"
        ),
        "text_bg": (
            "Секс работник от чужбина, който не знае нито езика, нито града, пътува с придружител "
            "и живее там, където работи"
        ),
        "text_uk": (
            "Секс-працівниця з-за кордону не знає ні мови, ні міста, їздить із супровідником і "
            "живе там, де працює"
        ),
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-19",
        "text_nl": (
            "Uiterlijk opvallend veranderd: uitdagende kleding, zware make-up, ziet er ouder uit"
        ),
        "text_en": "Noticeably changed appearance: provocative clothes, heavy make-up, looks older",
        "text_pl": (
            "Wyraźnie zmieniony wygląd: wyzywające ubrania, mocny makijaż, wygląda na starszą"
        ),
        "text_ro": (
            "Aspect schimbat vizibil: haine provocatoare, machiaj puternic, pare mai în vârstă"
        ),
        "text_bg": (
            "Видимо променен външен вид: предизвикателни дрехи, силен грим, изглежда по-възрастен"
        ),
        "text_uk": "Помітно змінена зовнішність: зухвалий одяг, яскравий макіяж, виглядає старшою",
        "domain": "appearance",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-20",
        "text_nl": (
            "Heeft ineens veel geld, dure kleren of cadeaus en kan niet uitleggen waar die "
            "vandaan komen"
        ),
        "text_en": (
            "Suddenly has a lot of money, expensive clothes or gifts and cannot explain where "
            "they came from"
        ),
        "text_pl": (
            "Nagle ma dużo pieniędzy, drogie ubrania lub prezenty i nie umie wyjaśnić, skąd je ma"
        ),
        "text_ro": (
            "Are dintr-odată mulți bani, haine scumpe sau cadouri și nu poate explica de unde "
            "provin"
        ),
        "text_bg": (
            "Изведнъж има много пари, скъпи дрехи или подаръци и не може да обясни откъде са"
        ),
        "text_uk": (
            "Раптом має багато грошей, дорогий одяг або подарунки і не може пояснити, звідки вони"
        ),
        "domain": "money",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-21",
        "text_nl": "Moe, afgevallen, lichamelijke klachten door spanning, somber",
        "text_en": "Tired, has lost weight, physical complaints caused by stress, depressed",
        "text_pl": "Zmęczona, schudła, dolegliwości fizyczne ze stresu, przygnębiona",
        "text_ro": "Obosit, a slăbit, are dureri fizice din cauza stresului, este abătut",
        "text_bg": "Уморен, отслабнал, физически оплаквания от стрес, потиснат",
        "text_uk": "Втомлена, схудла, фізичні скарги через стрес, пригнічена",
        "domain": "appearance",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-22",
        "text_nl": "Zit voortdurend aan de telefoon; heeft meerdere telefoons of simkaarten",
        "text_en": "Is on the phone all the time; has more than one phone or SIM card",
        "text_pl": "Ciągle rozmawia przez telefon; ma więcej niż jeden telefon lub kartę SIM",
        "text_ro": "Vorbește tot timpul la telefon; are mai multe telefoane sau cartele SIM",
        "text_bg": "Постоянно говори по телефона; има повече от един телефон или SIM карта",
        "text_uk": "Постійно розмовляє по телефону; має більше ніж один телефон або SIM-картку",
        "domain": "online",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-23",
        "text_nl": "Spijbelt of haakt af op school; wordt bij school opgewacht",
        "text_en": "Skips school or drops out; someone waits for them outside school",
        "text_pl": "Wagaruje lub rzuca szkołę; ktoś czeka na nią przed szkołą",
        "text_ro": "Chiulește sau abandonează școala; cineva îl așteaptă la ieșirea din școală",
        "text_bg": "Бяга от училище или го зарязва; някой го чака пред училището",
        "text_uk": "Прогулює або кидає школу; біля школи її хтось чекає",
        "domain": "school",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SU-24",
        "text_nl": "Gebruikt alcohol of drugs; praat de 'vriend' goed of verdedigt hem",
        "text_en": "Uses alcohol or drugs; plays down what the 'boyfriend' does or defends him",
        "text_pl": (
            "Pije alkohol lub bierze narkotyki; bagatelizuje to, co robi „chłopak”, albo go broni"
        ),
        "text_ro": "Consumă alcool sau droguri; minimalizează ce face „iubitul” sau îl apără",
        "text_bg": (
            "Употребява алкохол или наркотици; омаловажава какво прави „приятелят“ или го защитава"
        ),
        "text_uk": (
            "Вживає алкоголь або наркотики; применшує те, що робить «хлопець», або захищає його"
        ),
        "domain": "behaviour",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "person",
        "minors": False,
    },
    # --- §2.3 Arbeidsuitbuiting (labour exploitation) ---
    {
        "code": "AU-01",
        "text_nl": "Werkgever of tussenpersoon houdt paspoort, ID-kaart of verblijfsdocument vast",
        "text_en": (
            "The employer or recruiter holds on to the passport, ID card or residence document"
        ),
        "text_pl": (
            "Pracodawca lub pośrednik przetrzymuje paszport, dowód osobisty lub dokument pobytowy"
        ),
        "text_ro": (
            "Angajatorul sau recrutorul îi ține pașaportul, buletinul sau permisul de ședere"
        ),
        "text_bg": (
            "Работодателят или посредникът задържа паспорта, личната карта или документа за "
            "пребиваване"
        ),
        "text_uk": (
            "Роботодавець або вербувальник тримає в себе паспорт, посвідчення особи чи документ на"
            " проживання"
        ),
        "domain": "documents",
        "strength": "strong",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-02",
        "text_nl": (
            "Heeft geen zeggenschap over eigen bankpas of rekening; het loon gaat naar iemand "
            "anders"
        ),
        "text_en": (
            "Has no control over their own bank card or account; the wages are paid to someone else"
        ),
        "text_pl": (
            "Nie ma kontroli nad własną kartą lub kontem bankowym; wynagrodzenie trafia do kogoś "
            "innego"
        ),
        "text_ro": (
            "Nu are control asupra propriului card sau cont bancar; salariul este plătit altcuiva"
        ),
        "text_bg": (
            "Няма контрол върху собствената си банкова карта или сметка; заплатата се плаща на "
            "някой друг"
        ),
        "text_uk": (
            "Не розпоряджається власною банківською карткою чи рахунком; зарплату виплачують "
            "комусь іншому"
        ),
        "domain": "money",
        "strength": "strong",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-03",
        "text_nl": (
            "Zit vast aan een grote schuld bij werkgever of bureau, voor reis, bemiddeling of "
            "huur, en die schuld slinkt niet"
        ),
        "text_en": (
            "Has to pay off a large debt to the employer or agency (travel, placement fee, rent) "
            "that never goes down"
        ),
        "text_pl": (
            "Musi spłacać duży dług wobec pracodawcy lub agencji (podróż, opłata za pośrednictwo, "
            "czynsz), który nigdy nie maleje"
        ),
        "text_ro": (
            "Trebuie să plătească angajatorului sau agenției o datorie mare (drum, comision de "
            "plasare, chirie) care nu scade niciodată"
        ),
        "text_bg": (
            "Трябва да изплаща голям дълг към работодателя или агенцията (пътуване, такса за "
            "посредничество, наем), който никога не намалява"
        ),
        "text_uk": (
            "Мусить сплачувати роботодавцю чи агентству великий борг (дорога, плата за "
            "працевлаштування, оренда), який ніколи не меншає"
        ),
        "domain": "money",
        "strength": "strong",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-04",
        "text_nl": "Naar Nederland gehaald met beloftes over werk of loon die niet waar bleken",
        "text_en": (
            "Was brought to the Netherlands with promises about the job or pay that turned out to "
            "be false"
        ),
        "text_pl": (
            "Została sprowadzona do Holandii obietnicami dotyczącymi pracy lub zarobków, które "
            "okazały się fałszywe"
        ),
        "text_ro": (
            "A fost adus în Țările de Jos cu promisiuni despre muncă sau salariu care s-au dovedit"
            " false"
        ),
        "text_bg": (
            "Доведен е в Нидерландия с обещания за работа или заплащане, които се оказват лъжа"
        ),
        "text_uk": (
            "Приїхала до Нідерландів через обіцянки щодо роботи чи заробітку, які виявилися "
            "неправдою"
        ),
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-05",
        "text_nl": (
            "Krijgt te maken met bedreiging, geweld of intimidatie, soms via familie in het land "
            "van herkomst"
        ),
        "text_en": (
            "Faces threats, violence or intimidation, sometimes through family in the country of "
            "origin"
        ),
        "text_pl": (
            "Doświadcza gróźb, przemocy lub zastraszania, czasem przez rodzinę w kraju pochodzenia"
        ),
        "text_ro": "Este amenințat, agresat sau intimidat, uneori prin familia din țara de origine",
        "text_bg": (
            "Сблъсква се със заплахи, насилие или сплашване, понякога чрез семейството в родината"
        ),
        "text_uk": (
            "Стикається з погрозами, насильством або залякуванням, іноді через родину на "
            "батьківщині"
        ),
        "domain": "behaviour",
        "strength": "strong",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-06",
        "text_nl": (
            "Kan niet vrij komen en gaan: wordt opgesloten of bewaakt, is buiten het werk nooit "
            "alleen"
        ),
        "text_en": (
            "Cannot come and go freely: is locked in or guarded, and never alone outside work"
        ),
        "text_pl": (
            "Nie może swobodnie wychodzić i wracać: jest zamykana lub pilnowana i poza pracą nigdy"
            " nie jest sama"
        ),
        "text_ro": (
            "Nu poate pleca și veni liber: este încuiat sau păzit și în afara muncii nu este "
            "niciodată singur"
        ),
        "text_bg": (
            "Не може свободно да излиза и да се връща: заключват го или го пазят и извън работа "
            "никога не е сам"
        ),
        "text_uk": (
            "Не може вільно виходити й повертатися: її зачиняють або стережуть, і поза роботою "
            "вона ніколи не буває сама"
        ),
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-07",
        "text_nl": "Kent het adres van de eigen woning of werkplek niet",
        "text_en": "Does not know the address of where they live or work",
        "text_pl": "Nie zna adresu miejsca, w którym mieszka lub pracuje",
        "text_ro": "Nu știe adresa locului unde locuiește sau lucrează",
        "text_bg": "Не знае адреса на мястото, където живее или работи",
        "text_uk": "Не знає адреси місця, де живе чи працює",
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-08",
        "text_nl": "Verdient (ver) onder het minimumloon, wordt niet of pas veel te laat betaald",
        "text_en": "Earns (far) below the minimum wage, or is not paid or paid only much later",
        "text_pl": (
            "Zarabia (dużo) poniżej płacy minimalnej albo nie dostaje wynagrodzenia lub dostaje je"
            " z dużym opóźnieniem"
        ),
        "text_ro": (
            "Câștigă (mult) sub salariul minim, nu este plătit deloc sau este plătit cu mare "
            "întârziere"
        ),
        "text_bg": "Получава (много) под минималната заплата, не му плащат или плащат много късно",
        "text_uk": (
            "Заробляє (набагато) менше мінімальної зарплати, або їй не платять чи платять із "
            "великим запізненням"
        ),
        "domain": "money",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-09",
        "text_nl": (
            "Er gaat veel van het loon af aan inhoudingen of 'boetes' voor wonen, vervoer of regels"
        ),
        "text_en": (
            "Large amounts are taken off the wages as deductions or 'fines' for housing, "
            "transport or rules"
        ),
        "text_pl": (
            "Z wynagrodzenia potrąca się duże kwoty lub „kary” za mieszkanie, transport albo "
            "regulamin"
        ),
        "text_ro": (
            "Din salariu i se rețin sume mari sau „amenzi” pentru cazare, transport sau reguli"
        ),
        "text_bg": (
            "От заплатата се удържат големи суми или „глоби“ за жилище, транспорт или правила"
        ),
        "text_uk": "Із зарплати утримують великі суми чи «штрафи» за житло, транспорт або правила",
        "domain": "money",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-10",
        "text_nl": "Werkt stelselmatig extreem lange dagen, zes of zeven dagen per week",
        "text_en": "Routinely works extremely long days, six or seven days a week",
        "text_pl": "Regularnie pracuje wyjątkowo długo, sześć lub siedem dni w tygodniu",
        "text_ro": (
            "Lucrează în mod obișnuit zile extrem de lungi, șase sau șapte zile pe săptămână"
        ),
        "text_bg": "Редовно работи изключително дълги дни, шест или седем дни в седмицата",
        "text_uk": "Постійно працює надзвичайно довгі дні, шість або сім днів на тиждень",
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-11",
        "text_nl": "Doet gevaarlijk of ongezond werk zonder beschermingsmiddelen of uitleg",
        "text_en": "Does hazardous or unhealthy work with no safety equipment and no explanation",
        "text_pl": (
            "Wykonuje niebezpieczną lub szkodliwą dla zdrowia pracę bez środków ochrony i bez "
            "instruktażu"
        ),
        "text_ro": (
            "Face muncă periculoasă sau nesănătoasă fără echipament de protecție și fără instruire"
        ),
        "text_bg": "Върши опасна или вредна работа без предпазни средства и без обяснение",
        "text_uk": "Виконує небезпечну чи шкідливу роботу без засобів захисту та без інструктажу",
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-12",
        "text_nl": (
            "Slaapt op het bedrijf, op het erf of in een woning van de werkgever waar te veel "
            "mensen wonen"
        ),
        "text_en": (
            "Lives in the business premises, on the farmyard or in an overcrowded house provided "
            "by the employer"
        ),
        "text_pl": (
            "Mieszka w zakładzie pracy, na terenie gospodarstwa lub w przepełnionym mieszkaniu "
            "pracodawcy"
        ),
        "text_ro": (
            "Locuiește în clădirea firmei, în curtea fermei sau într-o casă supraaglomerată pusă "
            "la dispoziție de angajator"
        ),
        "text_bg": (
            "Живее в сградата на фирмата, в двора на стопанството или в пренаселено жилище, "
            "осигурено от работодателя"
        ),
        "text_uk": (
            "Живе на території підприємства, на фермі або в переповненому житлі від роботодавця"
        ),
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-13",
        "text_nl": (
            "Werkgever regelt alles (reis, woning, werk, verzekering); wie het werk verliest, "
            "verliest ook het onderdak"
        ),
        "text_en": (
            "The employer arranges everything (travel, housing, job, insurance); losing the job "
            "also means losing the home"
        ),
        "text_pl": (
            "Pracodawca załatwia wszystko (podróż, mieszkanie, pracę, ubezpieczenie); utrata pracy"
            " oznacza też utratę dachu nad głową"
        ),
        "text_ro": (
            "Angajatorul aranjează totul (drum, locuință, loc de muncă, asigurare); cine își "
            "pierde munca își pierde și locuința"
        ),
        "text_bg": (
            "Работодателят урежда всичко (пътуване, жилище, работа, осигуровка); който загуби "
            "работата си, губи и жилището си"
        ),
        "text_uk": (
            "Роботодавець влаштовує все (дорогу, житло, роботу, страховку); втрата роботи означає "
            "і втрату житла"
        ),
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-14",
        "text_nl": (
            "Bij een bezoek aan dokter of ziekenhuis is de werkgever erbij en praat die; kan niet "
            "zelf zorg zoeken"
        ),
        "text_en": (
            "The employer comes along to the doctor or hospital and does the talking; no free "
            "access to care"
        ),
        "text_pl": (
            "Pracodawca przychodzi z nią do lekarza lub szpitala i mówi za nią; nie ma swobodnego "
            "dostępu do opieki zdrowotnej"
        ),
        "text_ro": (
            "Angajatorul vine cu el la medic sau la spital și vorbește în locul lui; nu are acces "
            "liber la îngrijiri medicale"
        ),
        "text_bg": (
            "Работодателят идва с него при лекаря или в болницата и говори вместо него; няма "
            "свободен достъп до медицинска помощ"
        ),
        "text_uk": (
            "Роботодавець приходить із нею до лікаря чи в лікарню і говорить за неї; немає "
            "вільного доступу до медичної допомоги"
        ),
        "domain": "health",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-15",
        "text_nl": "Woont in als huishoudhulp, zonder vrije tijd, een eigen kamer of eigen geld",
        "text_en": (
            "Live-in domestic worker with no time off, no room of their own or no money of their "
            "own"
        ),
        "text_pl": (
            "Pomoc domowa mieszkająca u pracodawcy, bez czasu wolnego, bez własnego pokoju lub bez"
            " własnych pieniędzy"
        ),
        "text_ro": (
            "Lucrător casnic care locuiește la angajator, fără timp liber, fără cameră proprie sau"
            " fără bani proprii"
        ),
        "text_bg": (
            "Домашна помощница, която живее при работодателя, без почивни дни, без собствена стая "
            "или без собствени пари"
        ),
        "text_uk": (
            "Домашня працівниця, яка живе в роботодавця, без вихідних, без власної кімнати чи без "
            "власних грошей"
        ),
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-16",
        "text_nl": "Zit onbetaald te wachten in een 'wachtwoning' totdat er werk komt",
        "text_en": "Has to wait without pay in a 'waiting house' until there is work",
        "text_pl": "Musi bez wynagrodzenia czekać w „mieszkaniu do czekania”, aż pojawi się praca",
        "text_ro": "Trebuie să aștepte neplătit într-o „casă de așteptare” până apare de lucru",
        "text_bg": "Трябва да чака без заплащане в „къща за чакане“, докато се появи работа",
        "text_uk": "Мусить без оплати чекати в «житлі очікування», доки з'явиться робота",
        "domain": "work_housing",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-17",
        "text_nl": (
            "Staat er alleen voor: kent de taal niet, heeft buiten het werk niemand, de telefoon "
            "is ingenomen"
        ),
        "text_en": (
            "Lives in isolation: does not speak the language, has no contacts outside work, phone "
            "taken away"
        ),
        "text_pl": (
            "Żyje w izolacji: nie zna języka, poza pracą nie ma żadnych kontaktów, odebrano jej "
            "telefon"
        ),
        "text_ro": (
            "Trăiește izolat: nu vorbește limba, nu are relații în afara muncii, i s-a luat "
            "telefonul"
        ),
        "text_bg": (
            "Живее в изолация: не говори езика, няма контакти извън работата, телефонът му е взет"
        ),
        "text_uk": "Живе в ізоляції: не знає мови, поза роботою не має знайомих, телефон відібрали",
        "domain": "social",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-18",
        "text_nl": (
            "Heeft verwondingen die niet behandeld zijn, of ongelukken op het werk worden verzwegen"
        ),
        "text_en": "Has injuries that were not treated, or accidents at work are kept quiet",
        "text_pl": "Ma nieleczone obrażenia albo wypadki przy pracy są ukrywane",
        "text_ro": (
            "Are răni care nu au fost tratate sau accidentele de muncă sunt ținute sub tăcere"
        ),
        "text_bg": "Има наранявания, които не са лекувани, или трудовите злополуки се премълчават",
        "text_uk": "Має травми, які не лікували, або нещасні випадки на роботі замовчують",
        "domain": "appearance",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-19",
        "text_nl": (
            "Heeft geen contract of een contract in een taal die hij of zij niet begrijpt; zwart "
            "betaald, onverzekerd"
        ),
        "text_en": (
            "Has no contract, or one in a language they do not understand; paid off the books, "
            "without insurance"
        ),
        "text_pl": (
            "Nie ma umowy albo ma umowę w języku, którego nie rozumie; pracuje na czarno, bez "
            "ubezpieczenia"
        ),
        "text_ro": (
            "Nu are contract sau are unul într-o limbă pe care nu o înțelege; este plătit la "
            "negru, fără asigurare"
        ),
        "text_bg": (
            "Няма договор или има договор на език, който не разбира; плащат му на черно, без "
            "осигуровки"
        ),
        "text_uk": (
            "Не має договору або має договір мовою, якої не розуміє; отримує оплату «в конверті», "
            "без страховки"
        ),
        "domain": "documents",
        "strength": "weak",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-20",
        "text_nl": (
            "Gaat vroeg in de ochtend met een busje naar het werk en komt laat terug; wie de baas "
            "is, blijft vaag"
        ),
        "text_en": "Is picked up by van early and brought back late; it is unclear who the boss is",
        "text_pl": (
            "Wcześnie rano jest zabierana busem do pracy i późno odwożona; nie wiadomo, kto jest "
            "szefem"
        ),
        "text_ro": (
            "Este luat cu microbuzul devreme și adus înapoi târziu; nu e clar cine este șeful"
        ),
        "text_bg": "Рано сутрин го взимат с бус и го връщат късно; не е ясно кой е шефът",
        "text_uk": "Рано вранці її забирає бус і пізно привозить назад; незрозуміло, хто керівник",
        "domain": "location",
        "strength": "weak",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-21",
        "text_nl": "Mag alleen in Nederland blijven zolang hij of zij voor deze werkgever werkt",
        "text_en": "Can only stay in the country as long as they work for this employer",
        "text_pl": "Może zostać w kraju tylko tak długo, jak pracuje dla tego pracodawcy",
        "text_ro": "Poate rămâne în țară doar atât timp cât lucrează pentru acest angajator",
        "text_bg": "Може да остане в страната само докато работи за този работодател",
        "text_uk": "Може залишатися в країні лише доки працює на цього роботодавця",
        "domain": "documents",
        "strength": "weak",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "AU-22",
        "text_nl": (
            "Vreest politie of uitzetting; heeft geen geldige verblijfsvergunning of "
            "tewerkstellingsvergunning"
        ),
        "text_en": (
            "Is afraid of the police or deportation; works without a valid residence or work permit"
        ),
        "text_pl": (
            "Boi się policji lub deportacji; pracuje bez ważnego zezwolenia na pobyt lub na pracę"
        ),
        "text_ro": (
            "Se teme de poliție sau de expulzare; lucrează fără permis de ședere sau de muncă "
            "valabil"
        ),
        "text_bg": (
            "Страх го е от полицията или от експулсиране; работи без валидно разрешение за "
            "пребиваване или за работа"
        ),
        "text_uk": (
            "Боїться поліції чи депортації; працює без чинного дозволу на проживання або на роботу"
        ),
        "domain": "behaviour",
        "strength": "weak",
        "forms": ["labour"],
        "subject": "person",
        "minors": False,
    },
    # --- §2.4 Criminele uitbuiting (criminal exploitation) ---
    {
        "code": "CU-01",
        "text_nl": (
            "Minderjarige vervoert of verkoopt drugs, of doet 'klusjes' voor ouderen zoals "
            "explosieven plaatsen of drugs uithalen in de haven"
        ),
        "text_en": (
            "A minor transports or sells drugs, or does 'jobs' for older people such as placing "
            "explosives or retrieving drugs from the port"
        ),
        "text_pl": (
            "Osoba niepełnoletnia przewozi lub sprzedaje narkotyki albo wykonuje „zlecenia” dla "
            "starszych, na przykład podkłada materiały wybuchowe lub wynosi narkotyki z portu"
        ),
        "text_ro": (
            "Un minor transportă sau vinde droguri ori face „treburi” pentru persoane mai în "
            "vârstă, cum ar fi plasarea de explozibili sau scoaterea drogurilor din port"
        ),
        "text_bg": (
            "Непълнолетен превозва или продава наркотици или върши „задачи“ за по-възрастни, "
            "например поставя експлозиви или изнася наркотици от пристанището"
        ),
        "text_uk": (
            "Неповнолітня особа перевозить чи продає наркотики або виконує «доручення» старших, "
            "наприклад закладає вибухівку чи виносить наркотики з порту"
        ),
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["criminal"],
        "subject": "person",
        "minors": True,
    },
    {
        "code": "CU-02",
        "text_nl": (
            "Staat in de schuld bij een criminele groep, moet een 'straatboete' betalen of in "
            "beslag genomen drugs vergoeden"
        ),
        "text_en": (
            "Owes money to a criminal group, got a 'street fine' or has to pay back drugs that "
            "were taken away"
        ),
        "text_pl": (
            "Jest winna pieniądze grupie przestępczej, dostała „karę uliczną” lub musi oddać "
            "wartość zabranych narkotyków"
        ),
        "text_ro": (
            "Datorează bani unui grup infracțional, a primit o „amendă de stradă” sau trebuie să "
            "plătească drogurile care i-au fost luate"
        ),
        "text_bg": (
            "Дължи пари на престъпна група, получил е „улична глоба“ или трябва да изплати "
            "наркотици, които са му били взети"
        ),
        "text_uk": (
            "Винна гроші злочинній групі, отримала «вуличний штраф» або мусить відшкодувати "
            "відібрані наркотики"
        ),
        "domain": "money",
        "strength": "strong",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-03",
        "text_nl": (
            "Wordt bedreigd of mishandeld bij een poging om te stoppen, of de familie wordt "
            "bedreigd"
        ),
        "text_en": "Is threatened or beaten when trying to quit, or the family is threatened",
        "text_pl": (
            "Jest zastraszana lub bita, gdy próbuje się wycofać, albo grozi się jej rodzinie"
        ),
        "text_ro": (
            "Este amenințat sau bătut când încearcă să se retragă, sau familia lui este amenințată"
        ),
        "text_bg": (
            "Заплашват го или го бият, когато се опита да се откаже, или заплашват семейството му"
        ),
        "text_uk": (
            "Їй погрожують або її б'ють, коли вона намагається вийти з цього, або погрожують її "
            "родині"
        ),
        "domain": "behaviour",
        "strength": "strong",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-04",
        "text_nl": "Wordt gechanteerd met foto's of video's, of met strafbare feiten van vroeger",
        "text_en": "Is blackmailed with photos or videos, or with offences committed in the past",
        "text_pl": (
            "Jest szantażowana zdjęciami lub filmami albo przestępstwami popełnionymi w przeszłości"
        ),
        "text_ro": "Este șantajat cu fotografii sau filme ori cu infracțiuni comise în trecut",
        "text_bg": "Изнудват го със снимки или видеа или с престъпления, извършени в миналото",
        "text_uk": "Її шантажують фото чи відео або злочинами, скоєними в минулому",
        "domain": "behaviour",
        "strength": "strong",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-05",
        "text_nl": "Moet stelen, zakkenrollen of bedelen en de opbrengst afgeven",
        "text_en": "Is made to steal, pickpocket or beg and to hand over what it brings in",
        "text_pl": (
            "Jest zmuszana do kradzieży, kieszonkowstwa lub żebrania i do oddawania tego, co "
            "zdobędzie"
        ),
        "text_ro": "Este pus să fure, să buzunărească sau să cerșească și să predea ce obține",
        "text_bg": "Карат го да краде, да джебчийства или да проси и да предава изкараното",
        "text_uk": "Її змушують красти, обкрадати кишені чи жебракувати і віддавати здобуте",
        "domain": "money",
        "strength": "strong",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    # Listed under criminal exploitation; disappearing from reception is also a known route
    # into sexual exploitation.
    {
        "code": "CU-06",
        "text_nl": (
            "Een jong of kwetsbaar iemand raakt zoek uit de (asiel)opvang, of wordt daar door "
            "anderen opgehaald"
        ),
        "text_en": (
            "A young or vulnerable person goes missing from an (asylum) reception centre, or "
            "others come to pick them up there"
        ),
        "text_pl": (
            "Młoda lub bezbronna osoba znika z ośrodka dla cudzoziemców (azylowego) albo inni "
            "przychodzą ją stamtąd zabrać"
        ),
        "text_ro": (
            "O persoană tânără sau vulnerabilă dispare dintr-un centru de primire (pentru "
            "solicitanți de azil) sau alții vin să o ia de acolo"
        ),
        "text_bg": (
            "Млад или уязвим човек изчезва от център за настаняване (на търсещи убежище) или други"
            " идват да го вземат оттам"
        ),
        "text_uk": (
            "Молода чи вразлива людина зникає з центру тимчасового розміщення (шукачів притулку), "
            "або інші приходять її звідти забрати"
        ),
        "domain": "location",
        "strength": "strong",
        "forms": ["criminal", "sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-07",
        "text_nl": (
            "Aangetroffen in een hennepkwekerij of drugslab, vaak met een slaapplaats op die plek"
        ),
        "text_en": "Found at a cannabis farm or drugs lab, often with somewhere to sleep there",
        "text_pl": (
            "Znaleziona na plantacji konopi lub w laboratorium narkotyków, często z miejscem do "
            "spania na miejscu"
        ),
        "text_ro": (
            "Găsit într-o plantație de canabis sau într-un laborator de droguri, adesea cu un loc "
            "de dormit acolo"
        ),
        "text_bg": (
            "Открит в оранжерия за канабис или в нарколаборатория, често с място за спане там"
        ),
        "text_uk": (
            "Виявлена на плантації коноплі чи в нарколабораторії, часто з місцем для ночівлі там же"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-08",
        "text_nl": (
            "Stelt bankpas met pincode of rekening beschikbaar aan anderen (geldezel), al dan "
            "niet onder druk"
        ),
        "text_en": (
            "Lets others use their bank card and PIN or account (money mule), whether under "
            "pressure or not"
        ),
        "text_pl": (
            "Udostępnia innym swoją kartę bankową z PIN-em lub konto (słup, „muł finansowy”), pod "
            "presją lub bez"
        ),
        "text_ro": (
            "Le dă altora cardul bancar cu PIN sau contul (cărăuș de bani), sub presiune sau nu"
        ),
        "text_bg": (
            "Дава на други банковата си карта с ПИН или сметката си („парично муле“), под натиск "
            "или не"
        ),
        "text_uk": (
            "Дає іншим свою банківську картку з PIN-кодом або рахунок («грошовий мул»), під тиском"
            " чи без"
        ),
        "domain": "money",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-09",
        "text_nl": (
            "Op eigen naam zijn abonnementen, leningen, auto's of bedrijven afgesloten voor "
            "iemand anders (katvanger)"
        ),
        "text_en": (
            "Contracts, loans, cars or companies are put in their name for someone else (straw "
            "person)"
        ),
        "text_pl": (
            "Na jej nazwisko zawierane są umowy, pożyczki, rejestrowane samochody lub firmy dla "
            "kogoś innego (słup)"
        ),
        "text_ro": (
            "Pe numele lui sunt încheiate contracte, împrumuturi, mașini sau firme pentru "
            "altcineva (om de paie)"
        ),
        "text_bg": (
            "На негово име са сключени договори, заеми, коли или фирми за някой друг (подставено "
            "лице)"
        ),
        "text_uk": (
            "На її ім'я оформлюють договори, позики, автомобілі чи фірми для когось іншого "
            "(підставна особа)"
        ),
        "domain": "documents",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-10",
        "text_nl": (
            "Een kwetsbaar iemand raakt de eigen woning kwijt aan anderen die er criminele zaken "
            "doen (woningovername)"
        ),
        "text_en": "Others use a vulnerable person's home for criminal activity (cuckooing)",
        "text_pl": (
            "Inni używają mieszkania bezbronnej osoby do działalności przestępczej (przejęcie "
            "mieszkania, cuckooing)"
        ),
        "text_ro": (
            "Alții folosesc locuința unei persoane vulnerabile pentru activități infracționale "
            "(preluarea locuinței, cuckooing)"
        ),
        "text_bg": (
            "Други използват дома на уязвим човек за престъпна дейност (завземане на жилището, "
            "cuckooing)"
        ),
        "text_uk": (
            "Інші використовують житло вразливої людини для злочинної діяльності (захоплення "
            "житла, cuckooing)"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-11",
        "text_nl": "Gaat naar onbekende plaatsen, blijft dagen weg en komt gewond terug",
        "text_en": "Goes to unfamiliar places, stays away for days and comes back injured",
        "text_pl": "Jeździ w nieznane miejsca, znika na kilka dni i wraca z obrażeniami",
        "text_ro": "Merge în locuri necunoscute, lipsește zile întregi și se întoarce rănit",
        "text_bg": "Ходи на непознати места, отсъства с дни и се връща наранен",
        "text_uk": "Їздить у незнайомі місця, зникає на кілька днів і повертається з травмами",
        "domain": "behaviour",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-12",
        "text_nl": (
            "Wordt steeds opnieuw opgepakt voor vergelijkbare feiten; lijkt door anderen te "
            "worden ingezet"
        ),
        "text_en": (
            "Is arrested again and again for similar offences; seems to be used as a tool by others"
        ),
        "text_pl": (
            "Raz po raz jest zatrzymywana za podobne czyny; wygląda na to, że inni się nią "
            "posługują"
        ),
        "text_ro": (
            "Este arestat iar și iar pentru fapte asemănătoare; pare să fie folosit de alții"
        ),
        "text_bg": "Задържан е отново и отново за подобни деяния; изглежда, че други го използват",
        "text_uk": (
            "Її знову і знову затримують за схожі правопорушення; схоже, що нею користуються інші"
        ),
        "domain": "behaviour",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-13",
        "text_nl": (
            "Moet altijd bereikbaar zijn, heeft meerdere telefoons en wordt 's nachts opgeroepen"
        ),
        "text_en": (
            "Has to answer the phone at all hours, carries more than one phone and gets called "
            "out at night"
        ),
        "text_pl": (
            "Musi odbierać telefon o każdej porze, nosi kilka telefonów i jest wzywana w nocy"
        ),
        "text_ro": (
            "Trebuie să răspundă la telefon la orice oră, are mai multe telefoane și este chemat "
            "noaptea"
        ),
        "text_bg": (
            "Трябва да вдига телефона по всяко време, носи няколко телефона и го викат през нощта"
        ),
        "text_uk": (
            "Мусить відповідати на дзвінки будь-коли, носить кілька телефонів, її викликають уночі"
        ),
        "domain": "online",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-14",
        "text_nl": (
            "Jongeren worden bij school, hangplek of instelling aangesproken door onbekende "
            "(oudere) personen"
        ),
        "text_en": (
            "Unfamiliar (older) people approach young people near a school, hang-out or care "
            "institution"
        ),
        "text_pl": (
            "Nieznane (starsze) osoby zaczepiają młodzież przy szkole, miejscu spotkań lub "
            "placówce opiekuńczej"
        ),
        "text_ro": (
            "Persoane necunoscute (mai în vârstă) abordează tineri lângă școală, în locuri de "
            "întâlnire sau lângă o instituție de îngrijire"
        ),
        "text_bg": (
            "Непознати (по-възрастни) хора заговарят младежи край училище, място за събиране или "
            "социално заведение"
        ),
        "text_uk": (
            "Незнайомі (старші) люди заговорюють до молоді біля школи, місця зустрічей чи закладу "
            "опіки"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-15",
        "text_nl": "Benaderd via sociale media met aanbiedingen om 'snel geld' te verdienen",
        "text_en": "Was approached on social media with offers to make 'quick money'",
        "text_pl": "W mediach społecznościowych dostała propozycje „szybkiego zarobku”",
        "text_ro": "A fost abordat pe rețelele sociale cu oferte de „bani ușori”",
        "text_bg": "Потърсен е в социалните мрежи с предложения за „бързи пари“",
        "text_uk": "У соцмережах їй пропонували «швидкі гроші»",
        "domain": "online",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-16",
        "text_nl": (
            "Heeft ineens geld of dure spullen, maar kan daar zelf niet vrij over beschikken"
        ),
        "text_en": (
            "Suddenly has money or expensive things but cannot actually use them as they please"
        ),
        "text_pl": "Nagle ma pieniądze lub drogie rzeczy, ale nie może nimi swobodnie dysponować",
        "text_ro": "Are dintr-odată bani sau lucruri scumpe, dar nu poate dispune liber de ele",
        "text_bg": "Изведнъж има пари или скъпи вещи, но не може свободно да разполага с тях",
        "text_uk": "Раптом має гроші чи дорогі речі, але не може вільно ними розпоряджатися",
        "domain": "money",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-17",
        "text_nl": (
            "Gaat om met nieuwe, oudere vrienden, is geheimzinnig over wie dat zijn en laat oude "
            "vrienden los"
        ),
        "text_en": (
            "Has new, older friends; is secretive about contacts; drifts away from old friends"
        ),
        "text_pl": (
            "Ma nowych, starszych znajomych; ukrywa, z kim się spotyka; odsuwa się od dawnych "
            "przyjaciół"
        ),
        "text_ro": (
            "Are prieteni noi, mai în vârstă; ține secret cu cine se vede; se îndepărtează de "
            "prietenii vechi"
        ),
        "text_bg": (
            "Има нови, по-възрастни приятели; крие с кого се среща; отдалечава се от старите си "
            "приятели"
        ),
        "text_uk": (
            "Має нових, старших друзів; приховує, з ким спілкується; віддаляється від старих друзів"
        ),
        "domain": "social",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-18",
        "text_nl": (
            "Spijbelt, valt uit op school of is 's nachts weg; cijfers of gedrag op school "
            "veranderen plotseling"
        ),
        "text_en": (
            "Skips school, drops out or is out at night; grades or behaviour at school change "
            "suddenly"
        ),
        "text_pl": (
            "Wagaruje, rzuca szkołę lub znika w nocy; oceny lub zachowanie w szkole nagle się "
            "zmieniają"
        ),
        "text_ro": (
            "Chiulește, abandonează școala sau lipsește noaptea; notele sau comportamentul la "
            "școală se schimbă brusc"
        ),
        "text_bg": (
            "Бяга от училище, отпада или изчезва през нощта; оценките или поведението в училище "
            "внезапно се променят"
        ),
        "text_uk": (
            "Прогулює, кидає школу або зникає вночі; оцінки чи поведінка в школі раптово змінюються"
        ),
        "domain": "school",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-19",
        "text_nl": "Is angstig en gespannen, slaapt slecht en is moe",
        "text_en": "Is anxious and tense, sleeps badly and is tired",
        "text_pl": "Jest lękliwa i spięta, źle śpi i jest zmęczona",
        "text_ro": "Este anxios și încordat, doarme prost și este obosit",
        "text_bg": "Тревожен и напрегнат е, спи лошо и е уморен",
        "text_uk": "Тривожна і напружена, погано спить і втомлена",
        "domain": "behaviour",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "CU-20",
        "text_nl": "Verhardt: praat anders, wordt agressief, heeft wapens bij zich",
        "text_en": "Becomes harder: talks differently, turns aggressive, carries weapons",
        "text_pl": "Staje się twardsza: inaczej mówi, zachowuje się agresywnie, nosi broń",
        "text_ro": "Se înăsprește: vorbește altfel, devine agresiv, poartă arme",
        "text_bg": "Ожесточава се: говори различно, става агресивен, носи оръжие",
        "text_uk": "Стає жорсткішою: говорить інакше, поводиться агресивно, носить зброю",
        "domain": "behaviour",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "person",
        "minors": False,
    },
    # A general vulnerability factor (strength 'W (context)' in the reference); it applies
    # to every form.
    {
        "code": "CU-21",
        "text_nl": (
            "Is kwetsbaar door bijvoorbeeld een licht verstandelijke beperking, verslaving, "
            "psychische problemen, schulden of problemen thuis"
        ),
        "text_en": (
            "Is vulnerable because of, for example, a mild intellectual disability, addiction, "
            "mental health problems, debts or trouble at home"
        ),
        "text_pl": (
            "Jest bezbronna, na przykład z powodu lekkiej niepełnosprawności intelektualnej, "
            "uzależnienia, problemów psychicznych, długów lub problemów w domu"
        ),
        "text_ro": (
            "Este vulnerabil, de exemplu din cauza unei dizabilități intelectuale ușoare, a unei "
            "dependențe, a problemelor psihice, a datoriilor sau a problemelor de acasă"
        ),
        "text_bg": (
            "Уязвим е например заради лека интелектуална затрудненост, зависимост, психични "
            "проблеми, дългове или проблеми вкъщи"
        ),
        "text_uk": (
            "Вразлива, наприклад через легку інтелектуальну недостатність, залежність, психічні "
            "проблеми, борги чи проблеми вдома"
        ),
        "domain": "behaviour",
        "strength": "weak",
        "forms": ["criminal", "sexual", "labour"],
        "subject": "person",
        "minors": False,
    },
    # --- §2.5 Gedwongen orgaanverwijdering (forced organ removal) ---
    {
        "code": "OV-01",
        "text_nl": (
            "Recent litteken van een operatie aan flank of buik, in het buitenland uitgevoerd, "
            "zonder medische gegevens"
        ),
        "text_en": (
            "Recent surgical scar on the side or abdomen after an operation abroad, with no "
            "medical records"
        ),
        "text_pl": (
            "Świeża blizna po operacji na boku lub brzuchu, przeprowadzonej za granicą, bez "
            "dokumentacji medycznej"
        ),
        "text_ro": (
            "Cicatrice recentă pe flanc sau pe abdomen după o operație în străinătate, fără acte "
            "medicale"
        ),
        "text_bg": (
            "Пресен белег от операция отстрани или на корема, направена в чужбина, без медицинска "
            "документация"
        ),
        "text_uk": (
            "Свіжий шрам після операції на боці чи животі, зробленої за кордоном, без медичних "
            "документів"
        ),
        "domain": "appearance",
        "strength": "moderate",
        "forms": ["organ_removal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "OV-02",
        "text_nl": "Heeft het over een nier 'verkopen' of over betaald krijgen voor een donatie",
        "text_en": "Mentions 'selling' a kidney or receiving money for donating one",
        "text_pl": "Mówi o „sprzedaży” nerki albo o pieniądzach za oddanie narządu",
        "text_ro": (
            "Vorbește despre „vânzarea” unui rinichi sau despre bani primiți pentru o donare"
        ),
        "text_bg": "Говори за „продаване“ на бъбрек или за пари срещу даряване",
        "text_uk": "Говорить про «продаж» нирки або про гроші за донорство",
        "domain": "money",
        "strength": "strong",
        "forms": ["organ_removal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "OV-03",
        "text_nl": "Laat op verzoek van anderen bloed- of weefseltesten doen",
        "text_en": "Has blood or tissue-matching tests done at the request of others",
        "text_pl": "Na prośbę innych robi badania krwi lub zgodności tkankowej",
        "text_ro": "Face analize de sânge sau de compatibilitate tisulară la cererea altora",
        "text_bg": (
            "По искане на други си прави кръвни изследвания или тестове за тъканна съвместимост"
        ),
        "text_uk": "На прохання інших здає аналізи крові чи на тканинну сумісність",
        "domain": "health",
        "strength": "moderate",
        "forms": ["organ_removal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "OV-04",
        "text_nl": (
            "Wordt door een (medische) begeleider meegenomen naar een buitenlandse kliniek, soms "
            "op vervalste papieren"
        ),
        "text_en": (
            "Is taken to a clinic abroad by a (medical) escort, sometimes travelling on false "
            "papers"
        ),
        "text_pl": (
            "Jest zabierana przez (medycznego) opiekuna do kliniki za granicą, czasem na "
            "fałszywych dokumentach"
        ),
        "text_ro": (
            "Este dus la o clinică din străinătate de un însoțitor (medical), uneori cu acte false"
        ),
        "text_bg": (
            "(Медицински) придружител го води в клиника в чужбина, понякога с фалшиви документи"
        ),
        "text_uk": (
            "(Медичний) супровідник везе її до клініки за кордоном, іноді з підробленими "
            "документами"
        ),
        "domain": "documents",
        "strength": "strong",
        "forms": ["organ_removal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "OV-05",
        "text_nl": (
            "Vluchteling of asielzoeker met een smokkelschuld noemt een orgaan als manier om te "
            "'betalen'"
        ),
        "text_en": (
            "A refugee or asylum seeker with a smuggling debt mentions an organ as a way to 'pay'"
        ),
        "text_pl": (
            "Uchodźca lub osoba ubiegająca się o azyl z długiem za przemyt wspomina o narządzie "
            "jako sposobie „zapłaty”"
        ),
        "text_ro": (
            "Un refugiat sau solicitant de azil cu o datorie pentru trecerea ilegală a frontierei "
            "pomenește un organ ca mod de „plată”"
        ),
        "text_bg": (
            "Бежанец или търсещ убежище с дълг към каналджии споменава орган като начин да „плати“"
        ),
        "text_uk": (
            "Біженець чи шукач притулку з боргом перед перевізниками згадує орган як спосіб "
            "«розрахуватися»"
        ),
        "domain": "money",
        "strength": "strong",
        "forms": ["organ_removal", "smuggling"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "OV-06",
        "text_nl": "Heeft klachten na het verwijderen van een nier en krijgt geen nazorg",
        "text_en": "Has health problems after a kidney was removed and gets no aftercare",
        "text_pl": "Ma dolegliwości po usunięciu nerki i nie dostaje opieki pooperacyjnej",
        "text_ro": (
            "Are probleme de sănătate după scoaterea unui rinichi și nu primește îngrijire "
            "ulterioară"
        ),
        "text_bg": (
            "Има здравословни проблеми след отстраняване на бъбрек и не получава следоперативни "
            "грижи"
        ),
        "text_uk": (
            "Має проблеми зі здоров'ям після видалення нирки і не отримує післяопераційного догляду"
        ),
        "domain": "health",
        "strength": "moderate",
        "forms": ["organ_removal"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "OV-07",
        "text_nl": (
            "Minderjarigen reizen met een volwassene die geen familie is en medische papieren bij "
            "zich heeft"
        ),
        "text_en": "Minors travel with an adult who is not a relative and carries medical papers",
        "text_pl": (
            "Osoby niepełnoletnie podróżują z dorosłym, który nie jest krewnym i ma przy sobie "
            "dokumenty medyczne"
        ),
        "text_ro": (
            "Minori călătoresc cu un adult care nu le este rudă și care are acte medicale la el"
        ),
        "text_bg": (
            "Непълнолетни пътуват с възрастен, който не им е роднина и носи медицински документи"
        ),
        "text_uk": (
            "Неповнолітні подорожують із дорослим, який не є родичем і має при собі медичні "
            "документи"
        ),
        "domain": "documents",
        "strength": "strong",
        "forms": ["organ_removal"],
        "subject": "person",
        "minors": True,
    },
    {
        "code": "OV-08",
        "text_nl": "Geworven via online oproepen die geld bieden aan 'donoren'",
        "text_en": "Recruited through online calls that offer money to 'donors'",
        "text_pl": "Zwerbowana przez ogłoszenia w internecie, które oferują pieniądze „dawcom”",
        "text_ro": "Recrutat prin anunțuri pe internet care oferă bani „donatorilor”",
        "text_bg": "Вербуван чрез онлайн обяви, които предлагат пари на „донори“",
        "text_uk": "Завербована через оголошення в інтернеті, які пропонують гроші «донорам»",
        "domain": "online",
        "strength": "moderate",
        "forms": ["organ_removal"],
        "subject": "person",
        "minors": False,
    },
    # --- §2.6 EU-2024 forms: forced surrogacy (DM), forced marriage (GH), illegal adoption (IA) ---
    {
        "code": "DM-01",
        "text_nl": (
            "Vrouw wordt onder dwang of met bedrog zwanger en moet het kind tegen betaling afstaan"
        ),
        "text_en": (
            "A woman is forced or tricked into pregnancy and into giving up the child for money"
        ),
        "text_pl": (
            "Kobieta jest zmuszana lub podstępem nakłaniana do zajścia w ciążę i oddania dziecka "
            "za pieniądze"
        ),
        "text_ro": (
            "O femeie este obligată sau păcălită să rămână însărcinată și să cedeze copilul pe bani"
        ),
        "text_bg": "Жена е принудена или подмамена да забременее и да даде детето срещу пари",
        "text_uk": "Жінку змушують або обманом схиляють завагітніти і віддати дитину за гроші",
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["surrogacy"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "DM-02",
        "text_nl": (
            "Zwangere vrouw staat onder toezicht van een 'bureau', haar papieren zijn ingenomen "
            "en ze beslist niet zelf over medische zorg"
        ),
        "text_en": (
            "A pregnant woman is controlled by an 'agency', her papers have been taken and she "
            "has no say over medical decisions"
        ),
        "text_pl": (
            "Ciężarna kobieta jest kontrolowana przez „agencję”, odebrano jej dokumenty i nie "
            "decyduje o opiece medycznej"
        ),
        "text_ro": (
            "O femeie însărcinată este controlată de o „agenție”, i s-au luat actele și nu decide "
            "ea asupra îngrijirii medicale"
        ),
        "text_bg": (
            "Бременна жена е под контрола на „агенция“, документите ѝ са взети и тя не решава сама"
            " за медицинските грижи"
        ),
        "text_uk": (
            "Вагітну жінку контролює «агентство», її документи забрали, і вона сама не вирішує "
            "щодо медичної допомоги"
        ),
        "domain": "documents",
        "strength": "strong",
        "forms": ["surrogacy"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "DM-03",
        "text_nl": "Wordt steeds kort na elkaar zwanger; baby's 'verdwijnen' na de geboorte",
        "text_en": (
            "Becomes pregnant again and again in quick succession; babies 'disappear' after birth"
        ),
        "text_pl": "Raz po raz zachodzi w ciążę w krótkich odstępach; dzieci „znikają” po porodzie",
        "text_ro": "Rămâne însărcinată iar și iar, la scurt timp; bebelușii „dispar” după naștere",
        "text_bg": (
            "Забременява отново и отново в кратки интервали; бебетата „изчезват“ след раждането"
        ),
        "text_uk": (
            "Знову і знову вагітніє з короткими перервами; немовлята «зникають» після пологів"
        ),
        "domain": "health",
        "strength": "moderate",
        "forms": ["surrogacy", "illegal_adoption"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "GH-01",
        "text_nl": (
            "Jongere (vaak minderjarig) wordt zonder vrije toestemming uitgehuwelijkt, soms "
            "tijdens een 'vakantie' in het buitenland"
        ),
        "text_en": (
            "A young person, often under 18, is married off without freely agreeing, sometimes "
            "during a 'holiday' abroad"
        ),
        "text_pl": (
            "Młoda osoba, często niepełnoletnia, zostaje wydana za mąż bez swobodnej zgody, czasem"
            " podczas „wakacji” za granicą"
        ),
        "text_ro": (
            "Un tânăr, adesea sub 18 ani, este căsătorit fără consimțământ liber, uneori în timpul"
            " unei „vacanțe” în străinătate"
        ),
        "text_bg": (
            "Млад човек, често под 18 години, е омъжен или оженен без свободно съгласие, понякога "
            "по време на „ваканция“ в чужбина"
        ),
        "text_uk": (
            "Молоду людину, часто до 18 років, видають заміж чи одружують без вільної згоди, іноді"
            " під час «канікул» за кордоном"
        ),
        "domain": "social",
        "strength": "strong",
        "forms": ["forced_marriage"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "GH-02",
        "text_nl": (
            "Heeft sinds het huwelijk geen eigen geld of paspoort en mag niet vrij weg; moet "
            "werken of seks 'leveren'"
        ),
        "text_en": (
            "After the marriage has no money, passport or freedom of movement of their own; is "
            "made to work or 'provide' sex"
        ),
        "text_pl": (
            "Od ślubu nie ma własnych pieniędzy, paszportu ani swobody poruszania się; musi "
            "pracować lub „dawać” seks"
        ),
        "text_ro": (
            "De la căsătorie nu are bani proprii, pașaport sau libertate de mișcare; este pus să "
            "muncească sau să „ofere” sex"
        ),
        "text_bg": (
            "След брака няма собствени пари, паспорт или свобода на движение; принуждават го да "
            "работи или да „осигурява“ секс"
        ),
        "text_uk": (
            "Після шлюбу не має власних грошей, паспорта чи свободи пересування; її змушують "
            "працювати або «надавати» секс"
        ),
        "domain": "documents",
        "strength": "strong",
        "forms": ["forced_marriage", "labour", "sexual"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "GH-03",
        "text_nl": "Wordt bedreigd met eergerelateerd geweld of met achterlating in het buitenland",
        "text_en": "Is threatened with honour-based violence or with being abandoned abroad",
        "text_pl": "Grozi się jej przemocą w imię honoru lub pozostawieniem za granicą",
        "text_ro": "Este amenințat cu violență în numele onoarei sau cu abandonarea în străinătate",
        "text_bg": "Заплашват го с насилие в името на честта или с изоставяне в чужбина",
        "text_uk": "Їй погрожують насильством в ім'я честі або тим, що залишать за кордоном",
        "domain": "behaviour",
        "strength": "moderate",
        "forms": ["forced_marriage"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "IA-01",
        "text_nl": (
            "Kind zonder kloppende papieren over afstamming of adoptie; er is betaald aan een "
            "tussenpersoon"
        ),
        "text_en": (
            "A child without consistent papers on parentage or adoption; money was paid to an "
            "intermediary"
        ),
        "text_pl": (
            "Dziecko bez zgodnych dokumentów o pochodzeniu lub adopcji; pośrednikowi zapłacono "
            "pieniądze"
        ),
        "text_ro": (
            "Un copil fără acte coerente privind filiația sau adopția; s-au plătit bani unui "
            "intermediar"
        ),
        "text_bg": (
            "Дете без съгласувани документи за произход или осиновяване; платено е на посредник"
        ),
        "text_uk": (
            "Дитина без узгоджених документів про походження чи усиновлення; посереднику заплатили"
            " гроші"
        ),
        "domain": "documents",
        "strength": "moderate",
        "forms": ["illegal_adoption"],
        "subject": "person",
        "minors": True,
    },
    {
        "code": "IA-02",
        "text_nl": (
            "Een 'adoptief'kind wordt ingezet voor huishoudelijk werk of op een andere manier "
            "uitgebuit"
        ),
        "text_en": (
            "An 'adopted' child turns out to be used for housework or exploited in another way"
        ),
        "text_pl": (
            "„Adoptowane” dziecko jest wykorzystywane do prac domowych lub wyzyskiwane w inny "
            "sposób"
        ),
        "text_ro": "Un copil „adoptat” este folosit la treburile casei sau exploatat în alt mod",
        "text_bg": (
            "„Осиновено“ дете се използва за домакинска работа или се експлоатира по друг начин"
        ),
        "text_uk": "«Усиновлену» дитину використовують для хатньої роботи або експлуатують інакше",
        "domain": "work_housing",
        "strength": "strong",
        "forms": ["illegal_adoption", "labour"],
        "subject": "person",
        "minors": True,
    },
    # --- §2.7 Locations: hotels and holiday parks ---
    {
        "code": "LH-01",
        "text_nl": (
            "Bij één kamer of chalet komt een reeks steeds andere, vaak mannelijke, bezoekers langs"
        ),
        "text_en": "A stream of different (male) visitors go to the same room or chalet",
        "text_pl": "Do tego samego pokoju lub domku przychodzi wielu różnych (męskich) gości",
        "text_ro": "Un șir de vizitatori diferiți (bărbați) merg în aceeași cameră sau căsuță",
        "text_bg": "Поредица от различни (мъже) посетители влизат в една и съща стая или бунгало",
        "text_uk": "До однієї кімнати чи будиночка приходить низка різних відвідувачів (чоловіків)",
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LH-02",
        "text_nl": (
            "Gasten vragen opvallend vaak om extra handdoeken of beddengoed; condooms in de "
            "prullenbak"
        ),
        "text_en": "Unusually many requests for towels or bed linen; condoms in the rubbish",
        "text_pl": "Wyjątkowo częste prośby o ręczniki lub pościel; prezerwatywy w śmieciach",
        "text_ro": (
            "Cereri neobișnuit de dese de prosoape sau lenjerie de pat; prezervative în coșul de "
            "gunoi"
        ),
        "text_bg": "Необичайно много искания за кърпи или спално бельо; презервативи в боклука",
        "text_uk": (
            "Незвично часті прохання про рушники чи постільну білизну; презервативи у смітті"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LH-03",
        "text_nl": (
            "Een ander heeft de kamer geboekt; er wordt contant betaald, per nacht verlengd en "
            "niet ontbeten"
        ),
        "text_en": (
            "Room booked by someone else, paid in cash, extended one night at a time, no breakfast"
        ),
        "text_pl": (
            "Pokój zarezerwowany przez kogoś innego, płatność gotówką, przedłużany z nocy na noc, "
            "bez śniadania"
        ),
        "text_ro": (
            "Camera rezervată de altcineva, plătită cash, prelungită de la o noapte la alta, fără "
            "micul dejun"
        ),
        "text_bg": (
            "Стаята е резервирана от друг, платена в брой, удължава се всяка нощ поотделно, без "
            "закуска"
        ),
        "text_uk": "Номер забронював хтось інший, оплата готівкою, подовження щоночі, без сніданку",
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LH-04",
        "text_nl": (
            "Bezoekers komen binnen via garage, achterdeur of bijgebouw en lopen zo de receptie mis"
        ),
        "text_en": (
            "Visitors come in through the garage, back door or an annex, so that they avoid "
            "reception"
        ),
        "text_pl": (
            "Goście wchodzą przez garaż, tylne drzwi lub przybudówkę, tak że omijają recepcję"
        ),
        "text_ro": (
            "Vizitatorii intră prin garaj, pe ușa din spate sau printr-o anexă, ca să evite "
            "recepția"
        ),
        "text_bg": (
            "Посетителите влизат през гаража, задната врата или пристройка, за да заобиколят "
            "рецепцията"
        ),
        "text_uk": "Відвідувачі заходять через гараж, задні двері чи прибудову, оминаючи рецепцію",
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    # Reference strength is 'S (if minor)': the signal is about a young guest who may be a
    # minor, so it is strong, marked as about minors and about the guest (a person).
    {
        "code": "LH-05",
        "text_nl": (
            "Jonge gast die niet bij de boeker lijkt te horen: weinig kleding aan, geen bagage, "
            "angstig"
        ),
        "text_en": (
            "A young guest who does not seem to go with the person who made the booking: few "
            "clothes, no luggage, frightened"
        ),
        "text_pl": (
            "Młody gość, który nie pasuje do osoby, która zrobiła rezerwację: skąpo ubrany, bez "
            "bagażu, przestraszony"
        ),
        "text_ro": (
            "Un oaspete tânăr care nu pare să fie împreună cu cel care a făcut rezervarea: sumar "
            "îmbrăcat, fără bagaj, speriat"
        ),
        "text_bg": (
            "Млад гост, който не изглежда да е с човека, направил резервацията: оскъдно облечен, "
            "без багаж, уплашен"
        ),
        "text_uk": (
            "Молодий гість, який ніби не належить до того, хто бронював: мало одягу, без багажу, "
            "наляканий"
        ),
        "domain": "location",
        "strength": "strong",
        "forms": ["sexual"],
        "subject": "person",
        "minors": True,
    },
    {
        "code": "LH-06",
        "text_nl": "'Feestjes' met lachgas of drugs; veel mensen in een kleine kamer",
        "text_en": "'Parties' with nitrous oxide or drugs; many people in a small room",
        "text_pl": "„Imprezy” z gazem rozweselającym lub narkotykami; dużo ludzi w małym pokoju",
        "text_ro": "„Petreceri” cu gaz ilariant sau droguri; mulți oameni într-o cameră mică",
        "text_bg": "„Купони“ с райски газ или наркотици; много хора в малка стая",
        "text_uk": (
            "«Вечірки» зі звеселяючим газом чи наркотиками; багато людей у маленькій кімнаті"
        ),
        "domain": "location",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LH-07",
        "text_nl": "Weigert lange tijd schoonmaak; dagenlang 'niet storen' aan de deur",
        "text_en": "Refuses room cleaning for a long time; 'do not disturb' on the door for days",
        "text_pl": (
            "Długo odmawia sprzątania pokoju; przez wiele dni „nie przeszkadzać” na drzwiach"
        ),
        "text_ro": "Refuză mult timp curățenia camerei; zile întregi „nu deranjați” pe ușă",
        "text_bg": "Дълго отказва почистване на стаята; с дни „не безпокойте“ на вратата",
        "text_uk": (
            "Довго відмовляється від прибирання номера; кілька днів на дверях «не турбувати»"
        ),
        "domain": "location",
        "strength": "weak",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    # --- §2.7 Locations: homes, massage salons, unlicensed sex work ---
    {
        "code": "LM-01",
        "text_nl": (
            "Woning of salon krijgt veel steeds andere mannen op bezoek, ook midden in de nacht"
        ),
        "text_en": "Many different men visit a home or salon, also at night",
        "text_pl": "Mieszkanie lub salon odwiedza wielu różnych mężczyzn, także w nocy",
        "text_ro": "Mulți bărbați diferiți vin la o locuință sau un salon, și noaptea",
        "text_bg": "Много различни мъже посещават жилище или салон, и през нощта",
        "text_uk": "Житло чи салон відвідує багато різних чоловіків, і вночі теж",
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    # Reference strength is 'S (handles) / M': windows and cameras are moderate; removed
    # door handles alone would be strong (locked in, compare AU-06). Kept at moderate because
    # the entry combines them; split it if the handles need their own strong signal.
    {
        "code": "LM-02",
        "text_nl": "Ramen dichtgeplakt of geblindeerd, camera's, deurklinken weggehaald",
        "text_en": "Windows taped over or blacked out, cameras, door handles removed",
        "text_pl": "Okna zaklejone lub zaciemnione, kamery, zdjęte klamki",
        "text_ro": "Ferestre acoperite sau întunecate, camere video, clanțe scoase",
        "text_bg": "Облепени или затъмнени прозорци, камери, свалени дръжки на вратите",
        "text_uk": "Вікна заклеєні чи затемнені, камери, зняті дверні ручки",
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LM-03",
        "text_nl": "Medewerkers wonen en slapen in de salon zelf, op matrassen op de grond",
        "text_en": "Workers live and sleep in the salon itself, on mattresses on the floor",
        "text_pl": "Pracownice mieszkają i śpią w samym salonie, na materacach na podłodze",
        "text_ro": "Lucrătoarele locuiesc și dorm chiar în salon, pe saltele pe jos",
        "text_bg": "Работничките живеят и спят в самия салон, на дюшеци на пода",
        "text_uk": "Працівниці живуть і сплять у самому салоні, на матрацах на підлозі",
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual", "labour"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LM-04",
        "text_nl": (
            "Online recensies of advertenties wekken de indruk dat er bij een 'massage' seks "
            "wordt geboden"
        ),
        "text_en": "Online reviews or adverts suggest that sex is on offer with a 'massage'",
        "text_pl": (
            "Opinie lub ogłoszenia w internecie sugerują, że przy „masażu” oferowany jest seks"
        ),
        "text_ro": "Recenziile sau anunțurile de pe internet sugerează că la „masaj” se oferă sex",
        "text_bg": "Онлайн отзиви или обяви внушават, че с „масажа“ се предлага и секс",
        "text_uk": (
            "Відгуки чи оголошення в інтернеті натякають, що разом із «масажем» пропонують секс"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LM-05",
        "text_nl": "Elke week andere vrouwen (roulatie), die uit een koffer leven",
        "text_en": "The women change every week (rotation) and live out of a suitcase",
        "text_pl": "Co tydzień są inne kobiety (rotacja), które żyją na walizkach",
        "text_ro": "Femeile se schimbă în fiecare săptămână (rotație) și trăiesc din valiză",
        "text_bg": "Всяка седмица има други жени (ротация), които живеят на куфар",
        "text_uk": "Щотижня інші жінки (ротація), які живуть на валізах",
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LM-06",
        "text_nl": (
            "Huis is 'voor arbeidsmigranten' verhuurd, maar dient in werkelijkheid als bordeel"
        ),
        "text_en": "A house rented out 'to labour migrants' is in fact used as a brothel",
        "text_pl": (
            "Dom wynajęty „dla pracowników migrujących” w rzeczywistości służy jako dom publiczny"
        ),
        "text_ro": "O casă închiriată „pentru muncitori migranți” este folosită de fapt ca bordel",
        "text_bg": "Къща, наета „за трудови мигранти“, всъщност се използва като публичен дом",
        "text_uk": (
            "Будинок, здаваний «для трудових мігрантів», насправді використовують як бордель"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual"],
        "subject": "location",
        "minors": False,
    },
    # --- §2.7 Locations: restaurants, nail bars, car washes, shops ---
    {
        "code": "LR-01",
        "text_nl": (
            "Personeel slaapt boven of in de zaak; lange diensten, zes of zeven dagen per week"
        ),
        "text_en": (
            "Workers sleep at the business or upstairs, with long shifts on six or seven days a "
            "week"
        ),
        "text_pl": (
            "Pracownicy śpią w lokalu lub nad nim, pracują na długich zmianach sześć lub siedem "
            "dni w tygodniu"
        ),
        "text_ro": (
            "Lucrătorii dorm în local sau deasupra lui, cu ture lungi șase sau șapte zile pe "
            "săptămână"
        ),
        "text_bg": (
            "Работниците спят в заведението или над него, с дълги смени шест или седем дни в "
            "седмицата"
        ),
        "text_uk": (
            "Працівники сплять у закладі чи над ним, працюють довгими змінами шість або сім днів "
            "на тиждень"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LR-02",
        "text_nl": "Medewerkers spreken geen Nederlands of Engels; alle contact loopt via de baas",
        "text_en": "Staff speak neither Dutch nor English and communicate only through the boss",
        "text_pl": (
            "Personel nie mówi ani po niderlandzku, ani po angielsku i porozumiewa się tylko przez"
            " szefa"
        ),
        "text_ro": (
            "Personalul nu vorbește nici neerlandeză, nici engleză și comunică doar prin șef"
        ),
        "text_bg": "Персоналът не говори нито нидерландски, нито английски и общува само чрез шефа",
        "text_uk": (
            "Персонал не говорить ні нідерландською, ні англійською і спілкується лише через "
            "керівника"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LR-03",
        "text_nl": (
            "Zaak met opvallend lage prijzen en veel contante betalingen, maar weinig personeel "
            "op de loonlijst"
        ),
        "text_en": (
            "A business with strikingly low prices and many cash payments, but few staff on the "
            "payroll"
        ),
        "text_pl": (
            "Firma z uderzająco niskimi cenami i wieloma płatnościami gotówką, ale z niewielką "
            "liczbą pracowników na liście płac"
        ),
        "text_ro": (
            "O afacere cu prețuri izbitor de mici și multe plăți cash, dar cu puțini angajați pe "
            "statul de plată"
        ),
        "text_bg": (
            "Заведение с поразително ниски цени и много плащания в брой, но с малко служители на "
            "ведомост"
        ),
        "text_uk": (
            "Заклад із разюче низькими цінами і багатьма оплатами готівкою, але з малою кількістю "
            "офіційно оформлених працівників"
        ),
        "domain": "location",
        "strength": "weak",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LR-04",
        "text_nl": "Medewerkers worden met een busje afgezet en weer opgehaald",
        "text_en": "Staff are dropped off and collected by van",
        "text_pl": "Personel jest przywożony i odbierany busem",
        "text_ro": "Personalul este adus și luat cu microbuzul",
        "text_bg": "Персоналът е докарван и прибиран с бус",
        "text_uk": "Персонал привозять і забирають бусом",
        "domain": "location",
        "strength": "weak",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    # --- §2.7 Locations: farms, greenhouses, distribution centres ---
    {
        "code": "LA-01",
        "text_nl": (
            "Overvolle huisvesting op het terrein, bijvoorbeeld in caravans, containers of een "
            "schuur"
        ),
        "text_en": (
            "Overcrowded housing on the premises, for example in caravans, containers or a barn"
        ),
        "text_pl": (
            "Przepełnione zakwaterowanie na terenie zakładu, na przykład w przyczepach, "
            "kontenerach lub stodole"
        ),
        "text_ro": (
            "Cazare supraaglomerată pe teren, de exemplu în rulote, containere sau într-un hambar"
        ),
        "text_bg": "Пренаселено жилище на терена, например в каравани, контейнери или плевня",
        "text_uk": "Переповнене житло на території, наприклад у караванах, контейнерах чи сараї",
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LA-02",
        "text_nl": (
            "Er wordt gewerkt zonder beschermingsmiddelen; het stukloon ligt ver onder het "
            "minimumloon"
        ),
        "text_en": (
            "Work is done without safety equipment, and piece rates are well below the minimum wage"
        ),
        "text_pl": (
            "Praca bez środków ochrony, a stawki akordowe są dużo niższe niż płaca minimalna"
        ),
        "text_ro": (
            "Se lucrează fără echipament de protecție, iar plata la bucată este mult sub salariul "
            "minim"
        ),
        "text_bg": (
            "Работи се без предпазни средства, а заплащането на бройка е далеч под минималната "
            "заплата"
        ),
        "text_uk": (
            "Працюють без засобів захисту, а відрядна оплата значно нижча за мінімальну зарплату"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LA-03",
        "text_nl": (
            "'Coördinatoren' van het uitzendbureau komen de woning controleren en geven boetes"
        ),
        "text_en": "'Coordinators' from the agency inspect the housing and hand out fines",
        "text_pl": "„Koordynatorzy” z agencji kontrolują mieszkania i wymierzają kary",
        "text_ro": "„Coordonatori” de la agenție verifică locuința și dau amenzi",
        "text_bg": "„Координатори“ от агенцията проверяват жилището и раздават глоби",
        "text_uk": "«Координатори» агентства перевіряють житло і виписують штрафи",
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LA-04",
        "text_nl": "Werkers kunnen niet zeggen bij welk bedrijf ze in dienst zijn",
        "text_en": "The workers cannot say which company they are employed by",
        "text_pl": "Pracownicy nie potrafią powiedzieć, w jakiej firmie są zatrudnieni",
        "text_ro": "Lucrătorii nu pot spune la ce firmă sunt angajați",
        "text_bg": "Работниците не могат да кажат в коя фирма са наети",
        "text_uk": "Працівники не можуть сказати, на яку фірму працюють",
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour"],
        "subject": "location",
        "minors": False,
    },
    # --- §2.7 Locations: municipal counter / BRP signals ---
    {
        "code": "LB-01",
        "text_nl": "Op één adres staan veel mensen ingeschreven, en de namen wisselen steeds",
        "text_en": "Many people registered at one address, with names that keep changing",
        "text_pl": (
            "Pod jednym adresem zameldowanych jest wiele osób, a nazwiska ciągle się zmieniają"
        ),
        "text_ro": "Multe persoane înregistrate la o singură adresă, cu nume care se schimbă mereu",
        "text_bg": "На един адрес са регистрирани много хора, а имената постоянно се сменят",
        "text_uk": "За однією адресою зареєстровано багато людей, і їхні імена постійно змінюються",
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour", "sexual", "criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LB-02",
        "text_nl": (
            "Verschillende inschrijvingen delen één contactpersoon, telefoonnummer of 'tolk'"
        ),
        "text_en": (
            "Different registrations share one contact person, phone number or 'interpreter'"
        ),
        "text_pl": (
            "Różne zgłoszenia meldunkowe mają tę samą osobę kontaktową, numer telefonu lub "
            "„tłumacza”"
        ),
        "text_ro": (
            "Înregistrări diferite au aceeași persoană de contact, același număr de telefon sau "
            "același „interpret”"
        ),
        "text_bg": "Различни регистрации имат едно и също лице за контакт, телефон или „преводач“",
        "text_uk": (
            "Різні реєстрації мають ту саму контактну особу, номер телефону чи «перекладача»"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["labour", "sexual", "criminal"],
        "subject": "location",
        "minors": False,
    },
    # About the person at the counter, so subject 'person' (route 1), unlike the other
    # location signals.
    {
        "code": "LB-03",
        "text_nl": (
            "Iemand komt aan de balie met een begeleider die de papieren beheert en het gesprek "
            "voert"
        ),
        "text_en": (
            "Someone comes to the counter with a companion who holds the documents and does the "
            "talking"
        ),
        "text_pl": (
            "Ktoś przychodzi do okienka z osobą towarzyszącą, która trzyma dokumenty i prowadzi "
            "rozmowę"
        ),
        "text_ro": (
            "Cineva vine la ghișeu cu un însoțitor care ține actele și vorbește în locul lui"
        ),
        "text_bg": "Някой идва на гишето с придружител, който държи документите и води разговора",
        "text_uk": (
            "Людина приходить до віконця із супровідником, який тримає документи і веде розмову"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["sexual", "labour", "criminal"],
        "subject": "person",
        "minors": False,
    },
    # About the applicant, so subject 'person'.
    {
        "code": "LB-04",
        "text_nl": (
            "Aanvraag voor uitkering, toeslag of bankrekening waarbij het geld bij een ander "
            "terecht lijkt te komen"
        ),
        "text_en": (
            "An application for a benefit, allowance or bank account where the money seems to end "
            "up with someone else"
        ),
        "text_pl": (
            "Wniosek o zasiłek, dodatek lub konto bankowe, przy którym pieniądze wydają się "
            "trafiać do kogoś innego"
        ),
        "text_ro": (
            "O cerere de ajutor social, alocație sau cont bancar în care banii par să ajungă la "
            "altcineva"
        ),
        "text_bg": (
            "Заявление за помощ, добавка или банкова сметка, при което парите изглежда отиват при "
            "някой друг"
        ),
        "text_uk": (
            "Заява на допомогу, виплату чи банківський рахунок, за якою гроші, схоже, потрапляють "
            "до когось іншого"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal", "labour", "sexual"],
        "subject": "person",
        "minors": False,
    },
    # --- Added for issue 18: criminal exploitation seen at a location (§2.4 CU-07, CU-10, CU-14
    # seen from the outside), human smuggling as such (§1.4; contact points KMar and police AVIM,
    # §3.2), and one location signal for each of the other forms, so that every form can be
    # recognised in both modes. A smuggling signal never points to organ removal. ---
    {
        "code": "LC-01",
        "text_nl": (
            "In een woning worden drugs, veel contant geld, wapens of gestolen spullen bewaard"
        ),
        "text_en": "Drugs, large amounts of cash, weapons or stolen goods are kept in a home",
        "text_pl": (
            "W mieszkaniu przechowuje się narkotyki, duże ilości gotówki, broń lub kradzione rzeczy"
        ),
        "text_ro": (
            "Într-o locuință sunt ținute droguri, sume mari de bani în numerar, arme sau "
            "bunuri furate"
        ),
        "text_bg": "В жилище се държат наркотици, големи суми в брой, оръжие или крадени вещи",
        "text_uk": "У житлі зберігають наркотики, великі суми готівки, зброю або крадені речі",
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LC-02",
        "text_nl": (
            "Vanuit een woning of pand wordt gedeald: veel korte bezoekjes aan de deur, ook "
            "'s nachts (drugspand)"
        ),
        "text_en": (
            "Drugs are dealt from a home or building: many short visits at the door, also at "
            "night (drug premises)"
        ),
        "text_pl": (
            "Z mieszkania lub budynku prowadzi się handel narkotykami: wiele krótkich wizyt "
            "przy drzwiach, także w nocy"
        ),
        "text_ro": (
            "Dintr-o locuință sau clădire se vând droguri: multe vizite scurte la ușă, și noaptea"
        ),
        "text_bg": (
            "От жилище или сграда се продават наркотици: много кратки посещения на вратата, "
            "също и през нощта"
        ),
        "text_uk": (
            "З житла чи будівлі торгують наркотиками: багато коротких візитів до дверей, "
            "також уночі"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LC-03",
        "text_nl": (
            "Een (kwetsbare) bewoner lijkt niet meer de baas in eigen huis: anderen hebben de "
            "sleutel, wonen er of doen er hun zaken (woningovername)"
        ),
        "text_en": (
            "A (vulnerable) resident no longer seems in charge of their own home: others have "
            "the key, stay there or run their business from it (cuckooing)"
        ),
        "text_pl": (
            "Mieszkaniec (często w trudnym położeniu) nie jest już panem we własnym domu: inni "
            "mają klucz, mieszkają tam lub załatwiają tam swoje sprawy (przejęcie mieszkania)"
        ),
        "text_ro": (
            "Un locatar (adesea vulnerabil) pare să nu mai fie stăpân în propria casă: alții au "
            "cheia, locuiesc acolo sau își fac afacerile de acolo (preluarea locuinței)"
        ),
        "text_bg": (
            "Обитател (често уязвим) вече не изглежда господар в собствения си дом: други имат "
            "ключ, живеят там или вършат там своите работи (завземане на жилището)"
        ),
        "text_uk": (
            "Мешканець (часто вразливий) ніби вже не господар у власному домі: інші мають ключ, "
            "живуть там або ведуть звідти свої справи (захоплення житла)"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LC-04",
        "text_nl": (
            "Jongeren, soms minderjarig, komen op vreemde tijden af en aan, blijven kort en "
            "brengen of halen pakketjes"
        ),
        "text_en": (
            "Young people, sometimes minors, come and go at odd hours, stay briefly and drop "
            "off or collect packages"
        ),
        "text_pl": (
            "Młodzi ludzie, czasem niepełnoletni, przychodzą i wychodzą o dziwnych porach, "
            "zostają krótko i przynoszą lub odbierają paczki"
        ),
        "text_ro": (
            "Tineri, uneori minori, vin și pleacă la ore ciudate, stau puțin și aduc sau iau "
            "pachete"
        ),
        "text_bg": (
            "Млади хора, понякога непълнолетни, идват и си отиват в странни часове, остават "
            "за кратко и носят или взимат пакети"
        ),
        "text_uk": (
            "Молоді люди, іноді неповнолітні, приходять і йдуть у дивний час, залишаються "
            "ненадовго і приносять або забирають пакунки"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LC-05",
        "text_nl": (
            "De bewoner wordt bedreigd, mishandeld of onder druk gezet door de mensen die in de "
            "woning komen, en durft hen niet weg te sturen"
        ),
        "text_en": (
            "The resident is threatened, hurt or put under pressure by the people who come to "
            "the home, and does not dare send them away"
        ),
        "text_pl": (
            "Mieszkaniec jest zastraszany, bity lub naciskany przez ludzi, którzy przychodzą do "
            "mieszkania, i nie odważy się ich wyprosić"
        ),
        "text_ro": (
            "Locatarul este amenințat, lovit sau pus sub presiune de oamenii care vin în "
            "locuință și nu îndrăznește să-i dea afară"
        ),
        "text_bg": (
            "Обитателят е заплашван, малтретиран или притискан от хората, които идват в "
            "жилището, и не смее да ги изгони"
        ),
        "text_uk": (
            "Мешканцю погрожують, його б'ють або тиснуть на нього люди, які приходять до "
            "житла, і він не наважується їх вигнати"
        ),
        "domain": "location",
        "strength": "strong",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LC-06",
        "text_nl": (
            "Iemand lijkt te wonen of te slapen waar hennep wordt gekweekt of drugs worden "
            "gemaakt, en komt zelden naar buiten"
        ),
        "text_en": (
            "Someone seems to live or sleep where cannabis is grown or drugs are made, and "
            "rarely comes outside"
        ),
        "text_pl": (
            "Ktoś zdaje się mieszkać lub spać tam, gdzie uprawia się konopie lub produkuje "
            "narkotyki, i rzadko wychodzi na zewnątrz"
        ),
        "text_ro": (
            "Cineva pare să locuiască sau să doarmă acolo unde se cultivă canabis sau se "
            "produc droguri și iese rar afară"
        ),
        "text_bg": (
            "Някой изглежда живее или спи там, където се отглежда канабис или се произвеждат "
            "наркотици, и рядко излиза навън"
        ),
        "text_uk": (
            "Хтось, схоже, живе або ночує там, де вирощують коноплі чи виготовляють "
            "наркотики, і рідко виходить надвір"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LC-07",
        "text_nl": (
            "Er komen post, bankpassen of pakketten binnen op naam van veel verschillende "
            "mensen die er niet wonen"
        ),
        "text_en": (
            "Post, bank cards or parcels arrive in the names of many different people who do "
            "not live there"
        ),
        "text_pl": (
            "Przychodzą listy, karty bankowe lub paczki na nazwiska wielu różnych osób, które "
            "tam nie mieszkają"
        ),
        "text_ro": (
            "Sosesc scrisori, carduri bancare sau colete pe numele multor persoane diferite "
            "care nu locuiesc acolo"
        ),
        "text_bg": (
            "Пристигат писма, банкови карти или колети на името на много различни хора, "
            "които не живеят там"
        ),
        "text_uk": (
            "Надходять листи, банківські картки чи посилки на імена багатьох різних людей, "
            "які там не живуть"
        ),
        "domain": "location",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LC-08",
        "text_nl": (
            "Buurtbewoners voelen zich geïntimideerd door de mensen die het pand bezoeken; er "
            "is overlast, ruzie of geweld"
        ),
        "text_en": (
            "Neighbours feel intimidated by the people visiting the premises; there is "
            "nuisance, fighting or violence"
        ),
        "text_pl": (
            "Sąsiedzi czują się zastraszeni przez ludzi odwiedzających ten budynek; są "
            "uciążliwości, kłótnie lub przemoc"
        ),
        "text_ro": (
            "Vecinii se simt intimidați de oamenii care vin la clădirea respectivă; există "
            "deranj, certuri sau violență"
        ),
        "text_bg": (
            "Съседите се чувстват сплашени от хората, които посещават сградата; има "
            "безпокойство, скандали или насилие"
        ),
        "text_uk": (
            "Сусіди почуваються заляканими людьми, які відвідують будівлю; є галас, сварки "
            "або насильство"
        ),
        "domain": "location",
        "strength": "weak",
        "forms": ["criminal"],
        "subject": "location",
        "minors": False,
    },
    # Human smuggling (mensensmokkel, art. 197a Sr) is not exploitation: the migrant usually
    # agrees and pays. Smuggled people can become victims, e.g. through a smuggling debt (SM-04).
    {
        "code": "SM-01",
        "text_nl": (
            "Vertelt iemand te hebben betaald (of nog te moeten betalen) om zonder geldige "
            "papieren over de grens of naar Nederland te worden gebracht"
        ),
        "text_en": (
            "Says they paid (or still owe) someone to be taken across a border or to the "
            "Netherlands without valid papers"
        ),
        "text_pl": (
            "Opowiada, że zapłacono komuś (lub wciąż jest się mu winnym) za przewiezienie "
            "przez granicę lub do Holandii bez ważnych dokumentów"
        ),
        "text_ro": (
            "Povestește că a plătit (sau încă datorează) cuiva ca să fie trecut peste graniță "
            "sau adus în Țările de Jos fără acte valabile"
        ),
        "text_bg": (
            "Разказва, че е платено (или още се дължи) на някого за превеждане през границата "
            "или до Нидерландия без валидни документи"
        ),
        "text_uk": (
            "Розповідає, що комусь заплатили (або ще винні) за перевезення через кордон чи до "
            "Нідерландів без дійсних документів"
        ),
        "domain": "money",
        "strength": "strong",
        "forms": ["smuggling"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SM-02",
        "text_nl": (
            "Reist met een vals of andermans paspoort, of zonder papieren; een begeleider "
            "regelt de reis en de documenten"
        ),
        "text_en": (
            "Travels on a false or someone else's passport, or without papers; a companion "
            "arranges the journey and the documents"
        ),
        "text_pl": (
            "Podróżuje na fałszywym lub cudzym paszporcie albo bez dokumentów; podróż i "
            "dokumenty załatwia osoba towarzysząca"
        ),
        "text_ro": (
            "Călătorește cu un pașaport fals sau al altcuiva, ori fără acte; un însoțitor se "
            "ocupă de drum și de documente"
        ),
        "text_bg": (
            "Пътува с фалшив или чужд паспорт или без документи; придружител урежда "
            "пътуването и документите"
        ),
        "text_uk": (
            "Подорожує з фальшивим або чужим паспортом чи без документів; подорож і "
            "документи влаштовує супровідник"
        ),
        "domain": "documents",
        "strength": "moderate",
        "forms": ["smuggling"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SM-03",
        "text_nl": (
            "Is verstopt vervoerd in een vrachtwagen, busje of kofferbak, of met anderen "
            "afgezet langs de weg of bij een station"
        ),
        "text_en": (
            "Was moved hidden in a lorry, van or car boot, or dropped off with others by the "
            "roadside or at a station"
        ),
        "text_pl": (
            "Przewożono tę osobę w ukryciu w ciężarówce, busie lub bagażniku albo wysadzono ją "
            "z innymi przy drodze lub na dworcu"
        ),
        "text_ro": (
            "A fost transportat ascuns într-un camion, o dubă sau un portbagaj, ori lăsat cu "
            "alții la marginea drumului sau într-o gară"
        ),
        "text_bg": (
            "Превозван е скрит в камион, бус или багажник на кола или е оставен с други край "
            "пътя или на гара"
        ),
        "text_uk": (
            "Цю людину перевозили прихованою у вантажівці, бусі чи багажнику або висадили "
            "разом з іншими на узбіччі чи біля вокзалу"
        ),
        "domain": "behaviour",
        "strength": "moderate",
        "forms": ["smuggling"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SM-04",
        "text_nl": (
            "Moet een schuld aan de smokkelaars afbetalen door voor hen of voor anderen te werken"
        ),
        "text_en": "Has to pay off a debt to the smugglers by working for them or for others",
        "text_pl": "Musi spłacić dług wobec przemytników, pracując dla nich lub dla innych",
        "text_ro": (
            "Trebuie să-și plătească datoria față de călăuze muncind pentru ele sau pentru alții"
        ),
        "text_bg": "Трябва да изплати дълг към каналджиите, като работи за тях или за други",
        "text_uk": "Мусить сплатити борг переправникам, працюючи на них або на інших",
        "domain": "money",
        "strength": "strong",
        "forms": ["smuggling", "labour"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SM-05",
        "text_nl": (
            "Weet niet in welk land of welke stad hij of zij is en volgt via de telefoon "
            "aanwijzingen van een 'reisregelaar'"
        ),
        "text_en": (
            "Does not know which country or town they are in and follows instructions by "
            "phone from a 'travel organiser'"
        ),
        "text_pl": (
            "Nie wie, w jakim kraju lub mieście się znajduje, i wykonuje telefoniczne "
            "polecenia „organizatora podróży”"
        ),
        "text_ro": (
            "Nu știe în ce țară sau oraș se află și urmează instrucțiunile primite la telefon "
            "de la un „organizator de călătorie”"
        ),
        "text_bg": (
            "Не знае в коя държава или град се намира и следва указания по телефона от "
            "„организатор на пътуването“"
        ),
        "text_uk": (
            "Не знає, в якій країні чи місті перебуває, і виконує вказівки «організатора "
            "поїздки» по телефону"
        ),
        "domain": "behaviour",
        "strength": "moderate",
        "forms": ["smuggling"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SM-06",
        "text_nl": (
            "Is pas aangekomen zonder geld, bagage of adres, en wacht tot iemand hem of haar "
            "ophaalt om verder te reizen"
        ),
        "text_en": (
            "Has just arrived without money, luggage or an address, and waits for someone to "
            "collect them to travel on"
        ),
        "text_pl": (
            "Dopiero co przybyła bez pieniędzy, bagażu i adresu i czeka, aż ktoś ją zabierze "
            "w dalszą podróż"
        ),
        "text_ro": (
            "Abia a sosit, fără bani, bagaje sau adresă, și așteaptă să fie luat de cineva "
            "pentru a merge mai departe"
        ),
        "text_bg": (
            "Току-що е пристигнал без пари, багаж или адрес и чака някой да го вземе, за да "
            "продължи пътя си"
        ),
        "text_uk": (
            "Щойно прибув без грошей, багажу чи адреси і чекає, поки хтось забере, щоб їхати далі"
        ),
        "domain": "social",
        "strength": "weak",
        "forms": ["smuggling"],
        "subject": "person",
        "minors": False,
    },
    {
        "code": "SM-07",
        "text_nl": (
            "Minderjarige reist zonder ouders, zonder papieren of met een volwassene die geen "
            "familie is, op weg naar een ander land"
        ),
        "text_en": (
            "A minor travels without parents, without papers or with an adult who is not "
            "family, on the way to another country"
        ),
        "text_pl": (
            "Osoba niepełnoletnia podróżuje bez rodziców, bez dokumentów lub z dorosłym spoza "
            "rodziny, w drodze do innego kraju"
        ),
        "text_ro": (
            "Un minor călătorește fără părinți, fără acte sau cu un adult care nu îi este rudă, "
            "în drum spre altă țară"
        ),
        "text_bg": (
            "Непълнолетен пътува без родители, без документи или с възрастен, който не му е "
            "роднина, на път за друга държава"
        ),
        "text_uk": (
            "Неповнолітній подорожує без батьків, без документів або з дорослим, який не є "
            "родичем, дорогою до іншої країни"
        ),
        "domain": "documents",
        "strength": "moderate",
        "forms": ["smuggling"],
        "subject": "person",
        "minors": True,
    },
    {
        "code": "LS-01",
        "text_nl": (
            "Groepjes mensen zonder bagage worden op vreemde tijden afgezet of opgehaald bij een "
            "parkeerplaats, tankstation of langs de snelweg"
        ),
        "text_en": (
            "Small groups of people without luggage are dropped off or picked up at odd hours "
            "at a car park, petrol station or along the motorway"
        ),
        "text_pl": (
            "Małe grupy ludzi bez bagażu są wysadzane lub zabierane o dziwnych porach na "
            "parkingu, stacji benzynowej lub przy autostradzie"
        ),
        "text_ro": (
            "Grupuri mici de oameni fără bagaje sunt lăsate sau luate la ore ciudate dintr-o "
            "parcare, o benzinărie sau de lângă autostradă"
        ),
        "text_bg": (
            "Малки групи хора без багаж биват оставяни или взимани в странни часове на "
            "паркинг, бензиностанция или край магистралата"
        ),
        "text_uk": (
            "Невеликі групи людей без багажу висаджують або забирають у дивний час на "
            "парковці, заправці чи біля автомагістралі"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["smuggling"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LS-02",
        "text_nl": (
            "Een woning of kamer wordt gebruikt voor korte verblijven van steeds andere groepen "
            "buitenlanders die wachten om verder te reizen"
        ),
        "text_en": (
            "A house or room is used for short stays by ever-changing groups of foreigners "
            "waiting to travel on"
        ),
        "text_pl": (
            "Dom lub pokój służy do krótkich pobytów coraz to innych grup cudzoziemców, którzy "
            "czekają na dalszą podróż"
        ),
        "text_ro": (
            "O locuință sau o cameră este folosită pentru șederi scurte ale unor grupuri mereu "
            "diferite de străini care așteaptă să plece mai departe"
        ),
        "text_bg": (
            "Жилище или стая се използва за кратък престой на все нови групи чужденци, които "
            "чакат да продължат пътя си"
        ),
        "text_uk": (
            "Житло чи кімнату використовують для короткого перебування щоразу інших груп "
            "іноземців, які чекають, щоб їхати далі"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["smuggling"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LS-03",
        "text_nl": (
            "Er zitten mensen verstopt in de laadruimte van een vrachtwagen, busje of container"
        ),
        "text_en": "People are hidden in the cargo space of a lorry, van or container",
        "text_pl": ("W przestrzeni ładunkowej ciężarówki, busa lub kontenera ukrywają się ludzie"),
        "text_ro": (
            "În spațiul de marfă al unui camion, al unei dube sau al unui container sunt "
            "ascunși oameni"
        ),
        "text_bg": "В товарното отделение на камион, бус или контейнер са скрити хора",
        "text_uk": "У вантажному відсіку вантажівки, буса чи контейнера ховаються люди",
        "domain": "location",
        "strength": "strong",
        "forms": ["smuggling"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LO-01",
        "text_nl": (
            "Een bureau, kliniek of adres werft 'donoren' tegen betaling of regelt voor hen "
            "reizen naar een kliniek in het buitenland"
        ),
        "text_en": (
            "An agency, clinic or address recruits paid 'donors' or arranges their trips to a "
            "clinic abroad"
        ),
        "text_pl": (
            "Agencja, klinika lub jakiś adres werbuje płatnych „dawców” albo organizuje im "
            "wyjazdy do kliniki za granicą"
        ),
        "text_ro": (
            "O agenție, o clinică sau o adresă recrutează „donatori” plătiți sau le "
            "organizează călătorii la o clinică din străinătate"
        ),
        "text_bg": (
            "Агенция, клиника или някакъв адрес набира платени „донори“ или им урежда "
            "пътувания до клиника в чужбина"
        ),
        "text_uk": (
            "Агенція, клініка чи якась адреса вербує платних «донорів» або організовує їм "
            "поїздки до клініки за кордоном"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["organ_removal"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LD-01",
        "text_nl": (
            "In één woning verblijven meerdere zwangere vrouwen onder toezicht van een "
            "'bureau'; ze gaan zelden alleen naar buiten"
        ),
        "text_en": (
            "Several pregnant women stay in one house under the supervision of an 'agency'; "
            "they rarely go out alone"
        ),
        "text_pl": (
            "W jednym domu przebywa kilka kobiet w ciąży pod nadzorem „agencji”; rzadko "
            "wychodzą same"
        ),
        "text_ro": (
            "Într-o singură locuință stau mai multe femei însărcinate sub supravegherea unei "
            "„agenții”; rareori ies singure"
        ),
        "text_bg": (
            "В едно жилище живеят няколко бременни жени под надзора на „агенция“; рядко "
            "излизат сами"
        ),
        "text_uk": (
            "В одному житлі перебувають кілька вагітних жінок під наглядом «агенції»; вони "
            "рідко виходять самі"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["surrogacy"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LG-01",
        "text_nl": (
            "In een gebedshuis, zaal of woning worden minderjarigen getrouwd, of huwelijken "
            "gesloten buiten de burgerlijke stand om"
        ),
        "text_en": (
            "At a place of worship, hall or home, minors are married, or marriages are "
            "concluded outside the civil registry"
        ),
        "text_pl": (
            "W domu modlitwy, sali lub mieszkaniu udziela się ślubów osobom niepełnoletnim albo "
            "zawiera małżeństwa z pominięciem urzędu stanu cywilnego"
        ),
        "text_ro": (
            "Într-un lăcaș de cult, o sală sau o locuință se căsătoresc minori sau se încheie "
            "căsătorii fără înregistrare la starea civilă"
        ),
        "text_bg": (
            "В молитвен дом, зала или жилище се женят непълнолетни или се сключват бракове без "
            "регистрация в гражданското състояние"
        ),
        "text_uk": (
            "У молитовному домі, залі чи житлі одружують неповнолітніх або укладають шлюби без "
            "державної реєстрації"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["forced_marriage"],
        "subject": "location",
        "minors": False,
    },
    {
        "code": "LI-01",
        "text_nl": (
            "Een bureau of adres biedt baby's of kinderen 'ter adoptie' aan tegen betaling, "
            "buiten de officiële weg om"
        ),
        "text_en": (
            "An agency or address offers babies or children 'for adoption' for money, outside "
            "the official channels"
        ),
        "text_pl": (
            "Agencja lub jakiś adres oferuje niemowlęta lub dzieci „do adopcji” za pieniądze, "
            "z pominięciem oficjalnej drogi"
        ),
        "text_ro": (
            "O agenție sau o adresă oferă bebeluși sau copii „spre adopție” contra cost, în "
            "afara căilor oficiale"
        ),
        "text_bg": (
            "Агенция или някакъв адрес предлага бебета или деца „за осиновяване“ срещу пари, "
            "извън официалния ред"
        ),
        "text_uk": (
            "Агенція чи якась адреса пропонує немовлят або дітей «для усиновлення» за гроші, "
            "в обхід офіційного порядку"
        ),
        "domain": "location",
        "strength": "moderate",
        "forms": ["illegal_adoption"],
        "subject": "location",
        "minors": False,
    },
]

# Premises types, with the forms of exploitation the reference associates with them.
PREMISES_TYPES = [
    {
        "code": "hotel",
        "name_nl": "Hotel",
        "name_en": "Hotel",
        "name_pl": "Hotel",
        "name_ro": "Hotel",
        "name_bg": "Хотел",
        "name_uk": "Готель",
        "forms": ["sexual"],
    },
    {
        "code": "holiday_park",
        "name_nl": "Vakantiepark",
        "name_en": "Holiday park",
        "name_pl": "Park wypoczynkowy",
        "name_ro": "Parc de vacanță",
        "name_bg": "Ваканционно селище",
        "name_uk": "Курортне містечко (парк відпочинку)",
        "forms": ["sexual"],
    },
    {
        "code": "home",
        "name_nl": "Woning (particulier adres)",
        "name_en": "Private home (residential address)",
        "name_pl": "Mieszkanie prywatne (adres zamieszkania)",
        "name_ro": "Locuință privată (adresă de domiciliu)",
        "name_bg": "Частно жилище (адрес на живеене)",
        "name_uk": "Приватне житло (адреса проживання)",
        "forms": ["sexual", "labour", "criminal"],
    },
    {
        "code": "massage_salon",
        "name_nl": "Massagesalon",
        "name_en": "Massage salon",
        "name_pl": "Salon masażu",
        "name_ro": "Salon de masaj",
        "name_bg": "Масажен салон",
        "name_uk": "Масажний салон",
        "forms": ["sexual", "labour"],
    },
    {
        "code": "restaurant",
        "name_nl": "Restaurant of andere horecazaak",
        "name_en": "Restaurant or other catering business",
        "name_pl": "Restauracja lub inny lokal gastronomiczny",
        "name_ro": "Restaurant sau alt local de alimentație publică",
        "name_bg": "Ресторант или друго заведение",
        "name_uk": "Ресторан чи інший заклад харчування",
        "forms": ["labour"],
    },
    {
        "code": "nail_bar",
        "name_nl": "Nagelstudio",
        "name_en": "Nail bar",
        "name_pl": "Salon manicure",
        "name_ro": "Salon de manichiură",
        "name_bg": "Салон за маникюр",
        "name_uk": "Манікюрний салон",
        "forms": ["labour"],
    },
    {
        "code": "car_wash",
        "name_nl": "Wasstraat",
        "name_en": "Car wash",
        "name_pl": "Myjnia samochodowa",
        "name_ro": "Spălătorie auto",
        "name_bg": "Автомивка",
        "name_uk": "Автомийка",
        "forms": ["labour"],
    },
    {
        "code": "shop",
        "name_nl": "Winkel",
        "name_en": "Shop",
        "name_pl": "Sklep",
        "name_ro": "Magazin",
        "name_bg": "Магазин",
        "name_uk": "Магазин",
        "forms": ["labour"],
    },
    {
        "code": "farm_greenhouse",
        "name_nl": "Agrarisch bedrijf of kas",
        "name_en": "Farm or greenhouse",
        "name_pl": "Gospodarstwo rolne lub szklarnia",
        "name_ro": "Fermă sau seră",
        "name_bg": "Ферма или оранжерия",
        "name_uk": "Ферма чи теплиця",
        "forms": ["labour"],
    },
    {
        "code": "distribution_centre",
        "name_nl": "Distributiecentrum",
        "name_en": "Distribution centre",
        "name_pl": "Centrum dystrybucyjne",
        "name_ro": "Centru de distribuție",
        "name_bg": "Дистрибуторски център",
        "name_uk": "Розподільчий центр",
        "forms": ["labour"],
    },
    {
        "code": "construction_site",
        "name_nl": "Bouwplaats",
        "name_en": "Construction site",
        "name_pl": "Plac budowy",
        "name_ro": "Șantier",
        "name_bg": "Строителна площадка",
        "name_uk": "Будівельний майданчик",
        "forms": ["labour"],
    },
    {
        "code": "cleaning",
        "name_nl": "Schoonmaaklocatie",
        "name_en": "Cleaning location",
        "name_pl": "Miejsce sprzątania",
        "name_ro": "Loc de curățenie",
        "name_bg": "Място за почистване",
        "name_uk": "Місце прибирання",
        "forms": ["labour"],
    },
    {
        "code": "river_cruise",
        "name_nl": "Riviercruiseschip",
        "name_en": "River cruise ship",
        "name_pl": "Statek wycieczkowy rzeczny",
        "name_ro": "Navă de croazieră fluvială",
        "name_bg": "Речен круизен кораб",
        "name_uk": "Річковий круїзний корабель",
        "forms": ["labour"],
    },
    {
        "code": "sex_business",
        "name_nl": "Seksbedrijf (club of raamprostitutie)",
        "name_en": "Sex business (club or window prostitution)",
        "name_pl": "Lokal z usługami seksualnymi (klub lub prostytucja w oknach)",
        "name_ro": "Afacere cu sex (club sau prostituție în vitrină)",
        "name_bg": "Секс бизнес (клуб или проституция на витрина)",
        "name_uk": "Секс-бізнес (клуб чи проституція у вітринах)",
        "forms": ["sexual"],
    },
    {
        "code": "cannabis_farm",
        "name_nl": "Hennepkwekerij of drugslab",
        "name_en": "Cannabis farm or drugs lab",
        "name_pl": "Plantacja konopi lub laboratorium narkotyków",
        "name_ro": "Plantație de canabis sau laborator de droguri",
        "name_bg": "Оранжерия за канабис или нарколаборатория",
        "name_uk": "Плантація коноплі чи нарколабораторія",
        "forms": ["criminal"],
    },
    {
        "code": "reception_centre",
        "name_nl": "(Asiel)opvang",
        "name_en": "(Asylum) reception centre",
        "name_pl": "Ośrodek dla cudzoziemców (azylowy)",
        "name_ro": "Centru de primire (pentru solicitanți de azil)",
        "name_bg": "Център за настаняване (на търсещи убежище)",
        "name_uk": "Центр тимчасового розміщення (шукачів притулку)",
        "forms": ["criminal", "sexual"],
    },
    {
        "code": "municipal_counter",
        "name_nl": "Gemeentebalie (burgerzaken)",
        "name_en": "Municipal counter (civil affairs)",
        "name_pl": "Okienko w urzędzie gminy (sprawy obywatelskie)",
        "name_ro": "Ghișeu la primărie (evidența populației)",
        "name_bg": "Общинско гише (гражданско състояние)",
        "name_uk": "Віконце в муніципалітеті (реєстрація населення)",
        "forms": ["sexual", "labour", "criminal"],
    },
    {
        "code": "other",
        "name_nl": "Overig",
        "name_en": "Other",
        "name_pl": "Inne",
        "name_ro": "Altceva",
        "name_bg": "Друго",
        "name_uk": "Інше",
        "forms": [],
    },
    {
        "code": "transit_point",
        "name_nl": "Parkeerplaats, tankstation of vervoersknooppunt",
        "name_en": "Car park, petrol station or transport hub",
        "name_pl": "Parking, stacja benzynowa lub węzeł przesiadkowy",
        "name_ro": "Parcare, benzinărie sau nod de transport",
        "name_bg": "Паркинг, бензиностанция или транспортен възел",
        "name_uk": "Парковка, заправка або транспортний вузол",
        "forms": ["smuggling"],
    },
]

SECTORS = [
    {
        "code": "agriculture",
        "name_nl": "Land- en tuinbouw",
        "name_en": "Agriculture and horticulture",
        "name_pl": "Rolnictwo i ogrodnictwo",
        "name_ro": "Agricultură și horticultură",
        "name_bg": "Селско стопанство и градинарство",
        "name_uk": "Сільське господарство і садівництво",
    },
    {
        "code": "logistics",
        "name_nl": "Logistiek en distributie",
        "name_en": "Logistics and distribution",
        "name_pl": "Logistyka i dystrybucja",
        "name_ro": "Logistică și distribuție",
        "name_bg": "Логистика и дистрибуция",
        "name_uk": "Логістика і дистрибуція",
    },
    {
        "code": "hospitality",
        "name_nl": "Horeca",
        "name_en": "Hospitality",
        "name_pl": "Gastronomia i hotelarstwo",
        "name_ro": "Hoteluri și restaurante",
        "name_bg": "Хотелиерство и ресторантьорство",
        "name_uk": "Готельно-ресторанна сфера",
    },
    {
        "code": "construction",
        "name_nl": "Bouw",
        "name_en": "Construction",
        "name_pl": "Budownictwo",
        "name_ro": "Construcții",
        "name_bg": "Строителство",
        "name_uk": "Будівництво",
    },
    {
        "code": "cleaning",
        "name_nl": "Schoonmaak",
        "name_en": "Cleaning",
        "name_pl": "Sprzątanie",
        "name_ro": "Curățenie",
        "name_bg": "Почистване",
        "name_uk": "Прибирання",
    },
    {
        "code": "meat_processing",
        "name_nl": "Vleesverwerking",
        "name_en": "Meat processing",
        "name_pl": "Przetwórstwo mięsa",
        "name_ro": "Procesarea cărnii",
        "name_bg": "Преработка на месо",
        "name_uk": "М'ясопереробка",
    },
    {
        "code": "beauty",
        "name_nl": "Schoonheidsbranche (nagelstudio, massage)",
        "name_en": "Beauty (nail bars, massage)",
        "name_pl": "Branża kosmetyczna (salony manicure, masaż)",
        "name_ro": "Înfrumusețare (saloane de manichiură, masaj)",
        "name_bg": "Козметичен бранш (маникюр, масаж)",
        "name_uk": "Індустрія краси (манікюрні салони, масаж)",
    },
    {
        "code": "car_wash",
        "name_nl": "Wasstraten",
        "name_en": "Car washes",
        "name_pl": "Myjnie samochodowe",
        "name_ro": "Spălătorii auto",
        "name_bg": "Автомивки",
        "name_uk": "Автомийки",
    },
    {
        "code": "domestic_work",
        "name_nl": "Huishoudelijk werk in particuliere huishoudens",
        "name_en": "Domestic work in private households",
        "name_pl": "Praca domowa w prywatnych gospodarstwach domowych",
        "name_ro": "Muncă casnică în gospodării private",
        "name_bg": "Домашна работа в частни домакинства",
        "name_uk": "Хатня робота в приватних домогосподарствах",
    },
    {
        "code": "sex_work",
        "name_nl": "Seksbranche",
        "name_en": "Sex industry",
        "name_pl": "Branża seksualna",
        "name_ro": "Industria sexului",
        "name_bg": "Секс индустрия",
        "name_uk": "Секс-індустрія",
    },
    {
        "code": "retail",
        "name_nl": "Detailhandel",
        "name_en": "Retail",
        "name_pl": "Handel detaliczny",
        "name_ro": "Comerț cu amănuntul",
        "name_bg": "Търговия на дребно",
        "name_uk": "Роздрібна торгівля",
    },
    {
        "code": "transport",
        "name_nl": "Transport en binnenvaart (onder meer riviercruises)",
        "name_en": "Transport and inland shipping (including river cruises)",
        "name_pl": "Transport i żegluga śródlądowa (w tym rejsy rzeczne)",
        "name_ro": "Transport și navigație fluvială (inclusiv croaziere fluviale)",
        "name_bg": "Транспорт и вътрешно корабоплаване (включително речни круизи)",
        "name_uk": "Транспорт і внутрішнє судноплавство (зокрема річкові круїзи)",
    },
    {
        "code": "temporary_agency",
        "name_nl": "Uitzendbureaus",
        "name_en": "Temporary employment agencies",
        "name_pl": "Agencje pracy tymczasowej",
        "name_ro": "Agenții de muncă temporară",
        "name_bg": "Агенции за временна работа",
        "name_uk": "Агентства тимчасового працевлаштування",
    },
    {
        "code": "other",
        "name_nl": "Overig",
        "name_en": "Other",
        "name_pl": "Inne",
        "name_ro": "Altceva",
        "name_bg": "Друго",
        "name_uk": "Інше",
    },
]

# Contact points (reference §3.2). "forms": [] means any form. "verify": True where the reference
# marks the number as unconfirmed or gives no contact details; check before publishing.
# "audience" is informational (everyone, professionals, victims, young_people, children, workers).
CONTACT_POINTS = [
    {
        "code": "emergency",
        "name": "Alarmnummer 112",
        "phone": "112",
        "website": "",
        "hours": "24/7",
        "purpose_nl": (
            "Bij direct gevaar voor iemands leven of veiligheid: bel meteen 112 voor politie of "
            "ambulance."
        ),
        "purpose_en": (
            "When someone's life or safety is in immediate danger: call 112 at once for the "
            "police or an ambulance."
        ),
        "forms": [],
        "audience": "everyone",
        "acute": True,
    },
    {
        "code": "veilig_thuis",
        "name": "Veilig Thuis",
        "phone": "0800-2000",
        "website": "",
        "hours": "24/7",
        "purpose_nl": (
            "Voor advies of een melding over huiselijk geweld en kindermishandeling; gratis. In "
            "veel regio's ook het advies- en meldpunt voor (binnenlandse) mensenhandel en "
            "jeugdprostitutie, dat signalen beoordeelt en doorverwijst. Route voor een (mogelijk) "
            "slachtoffer dat u kunt benoemen."
        ),
        "purpose_en": (
            "For advice or a report about domestic violence and child abuse; free of charge. In "
            "many regions it is also the advice and reporting point for (domestic) human "
            "trafficking and child prostitution, which assesses signals and refers them on. The "
            "route when there is a (possible) victim you can identify."
        ),
        "forms": [],
        "audience": "everyone",
        "acute": False,
    },
    {
        "code": "police",
        "name": "Politie",
        "phone": "0900-8844",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Voor aangifte en voor informatie over mensenhandel, ook over een verdachte locatie. "
            "Na een aangifte of gerichte informatie volgt altijd onderzoek; een slachtoffer "
            "krijgt eerst een informatief gesprek. Rechercheurs mensenhandel zitten bij de AVIM. "
            "Een buitenlands slachtoffer kan via de politie bedenktijd krijgen (B8/3)."
        ),
        "purpose_en": (
            "To report a crime or pass on information about human trafficking, including about a "
            "suspect location. A report or targeted information is always investigated; a victim "
            "is first offered an informative interview. Certified trafficking detectives work at "
            "the AVIM unit. A foreign victim can be offered a reflection period (B8/3) via the "
            "police."
        ),
        "forms": [],
        "audience": "everyone",
        "acute": False,
    },
    {
        "code": "mma",
        "name": "Meld Misdaad Anoniem",
        "phone": "0800-7000",
        "website": "https://www.meldmisdaadanoniem.nl",
        "hours": "",
        "purpose_nl": (
            "Om anoniem een tip over een misdrijf door te geven, bijvoorbeeld over een pand of "
            "bedrijf waar uitbuiting wordt vermoed."
        ),
        "purpose_en": (
            "To pass on a tip about a crime anonymously, for example about premises or a business "
            "where exploitation is suspected."
        ),
        "forms": [],
        "audience": "everyone",
        "acute": False,
    },
    {
        "code": "nla",
        "name": "Nederlandse Arbeidsinspectie",
        "phone": "0800-5151",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Voor signalen van arbeidsuitbuiting; de opsporingsdienst van de inspectie beoordeelt "
            "de melding. Anoniem melden kan. Vanuit het buitenland: +31 70 333 44 44."
        ),
        "purpose_en": (
            "For signs of labour exploitation; the inspectorate's investigation service assesses "
            "the report. Reports can be made anonymously. From abroad: +31 70 333 44 44."
        ),
        "forms": ["labour"],
        "audience": "everyone",
        "acute": False,
    },
    {
        "code": "kmar",
        "name": "Koninklijke Marechaussee",
        "phone": "",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Voor signalen aan de grens en op luchthavens. Biedt op Schiphol de bedenktijd (B8/3) "
            "aan en heeft daarbij dezelfde bevoegdheden als de politie; geeft signalen door aan "
            "de politie. Bereikbaar via de KMar of de politie."
        ),
        "purpose_en": (
            "For signals at the border and at airports. At Schiphol it offers the reflection "
            "period (B8/3), with the same powers as the police; it passes signals on to the "
            "police. Reach it through the KMar or the police."
        ),
        "forms": [],
        "audience": "professionals",
        "acute": False,
    },
    {
        "code": "comensha",
        "name": "CoMensha",
        "phone": "033-448 11 86",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Landelijk coördinatiecentrum: registreert mogelijke slachtoffers, regelt opvang en "
            "heeft een helpdesk. Verzorgt de zorgcoördinatie op afstand waar geen regionale "
            "zorgcoördinator is."
        ),
        "purpose_en": (
            "National coordination centre: registers possible victims, arranges shelter and runs "
            "a helpdesk. Provides care coordination remotely where there is no regional care "
            "coordinator."
        ),
        "forms": [],
        "audience": "professionals",
        "acute": False,
        "verify": True,
    },
    {
        "code": "care_coordinator",
        "name": "Zorgcoördinator mensenhandel (regio)",
        "phone": "",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Eerste aanspreekpunt in de regio voor slachtoffers: regelt zorg, opvang en "
            "procedures en bundelt signalen. Bereikbaar via de gemeente, het Zorg- en "
            "Veiligheidshuis of Veilig Thuis."
        ),
        "purpose_en": (
            "First regional point of contact for victims: arranges care, shelter and procedures "
            "and brings signals together. Reached through the municipality, the Zorg- en "
            "Veiligheidshuis or Veilig Thuis."
        ),
        "forms": [],
        "audience": "professionals",
        "acute": False,
    },
    {
        "code": "focal_point",
        "name": "Aandachtsfunctionaris mensenhandel (gemeente)",
        "phone": "",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Intern aanspreekpunt voor gemeentemedewerkers om een signaal te bespreken. Vult "
            "signalen over een locatie aan (adres, BRP, vergunningen, eerdere maatregelen) en "
            "brengt ze in bij het RIEC."
        ),
        "purpose_en": (
            "Internal contact for municipal staff to discuss a signal. Adds information to "
            "signals about a location (address, population register, permits, earlier measures) "
            "and takes them to the RIEC."
        ),
        "forms": [],
        "audience": "professionals",
        "acute": False,
    },
    {
        "code": "riec",
        "name": "RIEC (via de gemeente)",
        "phone": "",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Weegt signalen over een locatie of bedrijf integraal en adviseert over bestuurlijke "
            "maatregelen. Signalen gaan via de gemeente naar het RIEC."
        ),
        "purpose_en": (
            "Assesses signals about a location or business in an integrated way and advises on "
            "administrative measures. Signals reach the RIEC through the municipality."
        ),
        "forms": [],
        "audience": "professionals",
        "acute": False,
    },
    {
        "code": "chat_fier",
        "name": "Chat met Fier",
        "phone": "",
        "website": "https://www.fier.nl/chat",
        "hours": "",
        "purpose_nl": "Anonieme chat voor slachtoffers van (seksueel) geweld en uitbuiting.",
        "purpose_en": "Anonymous chat for victims of (sexual) violence and exploitation.",
        "forms": [],
        "audience": "victims",
        "acute": False,
    },
    {
        "code": "keerpunt",
        "name": "Keerpunt",
        "phone": "",
        "website": "https://keerpunt.chat",
        "hours": "",
        "purpose_nl": (
            "Online hulp voor slachtoffers van criminele uitbuiting en kwetsbare jongeren: "
            "anonieme chat, actief contact zoeken en een kennisportaal."
        ),
        "purpose_en": (
            "Online help for victims of criminal exploitation and vulnerable young people: "
            "anonymous chat, active outreach and a knowledge portal."
        ),
        "forms": ["criminal"],
        "audience": "young_people",
        "acute": False,
    },
    {
        "code": "kindertelefoon",
        "name": "De Kindertelefoon",
        "phone": "0800-0432",
        "website": "",
        "hours": "",
        "purpose_nl": "Voor kinderen en jongeren die met iemand willen praten.",
        "purpose_en": "For children and young people who want to talk to someone.",
        "forms": [],
        "audience": "children",
        "acute": False,
    },
    {
        "code": "fairwork",
        "name": "FairWork",
        "phone": "",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Maatschappelijke organisatie die zich inzet tegen arbeidsuitbuiting buiten de "
            "seksbranche, onder meer bij arbeidsmigranten."
        ),
        "purpose_en": (
            "Non-governmental organisation working on labour exploitation outside the sex "
            "industry, including among labour migrants."
        ),
        "forms": ["labour"],
        "audience": "workers",
        "acute": False,
        "verify": True,
    },
    {
        "code": "meldpunt_minderjarigen",
        "name": "Meldpunt Uitbuiting Minderjarigen",
        "phone": "",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Meldpunt voor uitbuiting van minderjarigen, van Terre des Hommes en CoMensha."
        ),
        "purpose_en": (
            "Reporting point for the exploitation of minors, run by Terre des Hommes and CoMensha."
        ),
        "forms": [],
        "audience": "everyone",
        "acute": False,
        "verify": True,
    },
    {
        "code": "slachtofferhulp",
        "name": "Slachtofferhulp Nederland",
        "phone": "",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "Praktische, juridische en emotionele steun voor slachtoffers, ook via een anonieme "
            "chat."
        ),
        "purpose_en": (
            "Practical, legal and emotional support for victims, also through an anonymous chat."
        ),
        "forms": [],
        "audience": "victims",
        "acute": False,
        "verify": True,
    },
    {
        "code": "avim",
        "name": "Politie – AVIM",
        "phone": "0900-8844",
        "website": "",
        "hours": "",
        "purpose_nl": (
            "De Afdeling Vreemdelingen, Identificatie en Mensenhandel (AVIM) van de politie "
            "onderzoekt mensenhandel en mensensmokkel. Bereikbaar via het algemene nummer van "
            "de politie; vraag naar de AVIM."
        ),
        "purpose_en": (
            "The police's Aliens, Identification and Human Trafficking Department (AVIM) "
            "investigates human trafficking and human smuggling. Reached through the police's "
            "general number; ask for the AVIM."
        ),
        "forms": ["smuggling"],
        "audience": "everyone",
        "acute": False,
    },
]
