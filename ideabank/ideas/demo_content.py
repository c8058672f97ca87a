"""Hand-written Danish demo content for `seed_demo`: idea seeds from everyday social work, and the
comments, replies, "we tried it" notes and names the generator combines them with.

Written for this project. Target groups and themes are referred to by short keys (mapped to the
vocabulary names below), so renaming a slug in the admin does not break the demo.
"""

from dataclasses import dataclass

TARGET_GROUPS = {
    "hjemløse": "Hjemløse",
    "misbrug": "Borgere med misbrug",
    "anbragte": "Anbragte børn og unge",
    "udsatte_unge": "Udsatte børn og unge",
    "familier": "Udsatte familier",
    "vold": "Voldsudsatte",
    "psykisk": "Borgere med psykiske vanskeligheder",
    "handicap": "Borgere med handicap",
    "autisme": "Borgere med autisme",
    "adhd": "Borgere med ADHD",
    "høretab": "Døve og hørehæmmede",
    "ledige": "Ledige på kanten af arbejdsmarkedet",
    "kriminalitet": "Kriminalitetstruede",
    "ældre": "Ældre",
    "ensomhed": "Borgere med ensomhed",
}

THEMES = {
    "bolig": "Bolig og hjemløshed",
    "misbrugsbehandling": "Misbrugsbehandling",
    "børn_unge": "Børn og unge",
    "familie": "Familie og forældreskab",
    "vold": "Vold i nære relationer",
    "psykiatri": "Psykiatri og mental sundhed",
    "handicap": "Handicap",
    "beskæftigelse": "Beskæftigelse og uddannelse",
    "kriminalitet": "Kriminalitetsforebyggelse",
    "ældre": "Ældreområdet",
    "frivillighed": "Frivillighed og civilsamfund",
    "digitalisering": "Digitalisering og velfærdsteknologi",
}


@dataclass(frozen=True)
class IdeaSeed:
    title: str
    problem: str
    solution: str
    context: str
    results: str
    tags: tuple
    groups: tuple
    themes: tuple


def seed(title, problem, solution, context, results, tags, groups, themes):
    return IdeaSeed(title, problem, solution, context, results, tuple(tags), tuple(groups), tuple(themes))


IDEA_SEEDS = [
    # ---- hjemløshed ----
    seed(
        "Bostøtten følger med ind i den nye bolig",
        "Borgere, der flytter fra herberg til egen bolig, mister ofte kontakten til den medarbejder, de kendte på "
        "herberget. De første måneder i boligen er sårbare: regninger, naboer og ensomhed. Mange ender tilbage på "
        "herberget inden for et år.",
        "Den kontaktperson, borgeren havde på herberget, følger med over i bostøtten de første seks måneder. Vi "
        "kommer i boligen to gange om ugen i starten og trapper gradvist ned. Vi har en fast tjekliste til de "
        "første fire uger: el, internet, husleje over betalingsservice, lægeskift og en aftale med et værested "
        "i nærheden.",
        "Herberg og bostøtteteam i samme afdeling. Borgere mellem 25 og 60 år med længerevarende hjemløshed.",
        "Af de første 14 borgere boede 12 stadig i deres bolig efter et år. Før var det omtrent halvdelen.",
        ["Housing First", "bostøtte", "overgange"],
        ["hjemløse", "misbrug"],
        ["bolig"],
    ),
    seed(
        "Morgenmad fra ladcykel som indgang til sundhedstjek for gadesovere",
        "Gadesovere kommer sjældent til egen læge, og mange går med ubehandlede sår, dårlige tænder og "
        "infektioner. Når de endelig kommer på skadestuen, er det ofte blevet alvorligt.",
        "Vi serverer morgenmad fra en ladcykel to faste morgener om ugen på samme sted. En sygeplejerske fra "
        "gadeteamet er med og tilbyder sårpleje, blodtryksmåling og en snak. Vi skriver intet ned, medmindre "
        "borgeren selv ønsker det. Når tilliden er der, følger vi med til læge eller tandklinik.",
        "Gadeplansteam og en sygeplejerske fra kommunens sundhedsteam. En lokal bager leverer brød.",
        "Efter et halvt år kom omkring 35 faste gæster, og 11 var fulgt til læge eller tandlæge.",
        ["gadeplan", "sundhed", "sårpleje"],
        ["hjemløse", "misbrug"],
        ["bolig", "misbrugsbehandling"],
    ),
    seed(
        "Fast postadresse på herberget, så vigtige breve ikke forsvinder",
        "Borgere uden fast adresse går glip af breve fra kommunen, jobcentret og sygehuset. Det giver sanktioner "
        "og aflyste behandlinger, som gør situationen værre.",
        "Borgere kan få c/o-adresse på herberget og en fast postkasse i receptionen. Vi hjælper med at sætte "
        "Digital Post op på borgerens telefon og gennemgår posten sammen med borgeren én gang om ugen, hvis de "
        "ønsker det.",
        "Forsorgshjem med 40 pladser. Tilbuddet gælder også borgere, der ikke bor hos os.",
        "Færre udeblivelser fra jobcentret og sygehuset. To borgere undgik en sanktion allerede den første måned.",
        ["Digital Post", "adresse", "herberg"],
        ["hjemløse"],
        ["bolig", "digitalisering"],
    ),
    seed(
        "Hundepasning, når en gadesover skal indlægges eller i behandling",
        "Nogle hjemløse siger nej til indlæggelse eller afrusning, fordi der ikke er nogen til at passe deres "
        "hund. Hunden er ofte deres vigtigste relation.",
        "Vi har en aftale med en frivillig dyreværnsforening og et par plejefamilier, der passer hunden gratis "
        "i op til fire uger. Gadeteamet sørger for transport og et dyrlægetjek. Borgeren får billeder af hunden "
        "undervejs.",
        "Gadeplansarbejde i en større by i samarbejde med en frivillig forening.",
        "Syv borgere har taget imod behandling, som de ellers havde afvist.",
        ["hunde", "indlæggelse", "frivillige"],
        ["hjemløse", "misbrug"],
        ["bolig", "frivillighed"],
    ),
    seed(
        "Sofasurfere skal også tælles med: opsporing af unge uden bolig",
        "Unge, der sover hos skiftende venner, opfattes ikke som hjemløse og falder mellem to stole. De har ofte "
        "ingen voksen, der holder fast i dem, og de dukker først op, når noget er gået helt galt.",
        "Vi spørger systematisk til boligsituationen ved alle samtaler i ungeindsatsen. Unge, der sofasurfer, "
        "får tilbud om en fast kontaktperson og hjælp til at søge ungdomsbolig via kommunal anvisning. Ungeindsats, "
        "boligsocialt team og SSP mødes én gang om måneden.",
        "Ungeenhed for 18-29-årige.",
        "Vi fandt 23 sofasurfere, som ikke var kendt som hjemløse. 15 af dem har nu egen bolig.",
        ["sofasurfing", "unge hjemløse", "boliganvisning"],
        ["hjemløse", "udsatte_unge"],
        ["bolig", "børn_unge"],
    ),
    seed(
        "Skæve boliger med en vicevært, der kender beboerne",
        "Nogle borgere kan ikke bo i en almindelig opgang uden konflikter med naboerne. De bliver sat ud gang på "
        "gang og ender på gaden igen.",
        "Vi har otte små huse på en grund i udkanten af byen. Viceværten har en socialfaglig baggrund og er der "
        "hver formiddag. Hver fredag er der kaffe i fælleshuset, hvor beboerne selv bestemmer dagsordenen. "
        "Konflikter tages op med det samme og ikke først, når der er klaget.",
        "Kommunen og et almennyttigt boligselskab har bygget husene sammen.",
        "Ingen udsættelser på to år, og flere beboere deltager nu i havearbejdet.",
        ["skæve boliger", "vicevært", "naboskab"],
        ["hjemløse", "psykisk", "misbrug"],
        ["bolig"],
    ),
    # ---- misbrug ----
    seed(
        "Samtale samme dag: åben rådgivning i misbrugscentret",
        "Når en borger endelig beder om hjælp til sit misbrug, går der ofte to-tre uger før første samtale. I "
        "mellemtiden forsvinder motivationen.",
        "Vi har åben rådgivning alle hverdage fra kl. 9 til 11, hvor man kan møde op uden tid. En behandler tager "
        "en kort samtale med det samme og aftaler næste skridt inden for en uge. Pårørende er også velkomne.",
        "Kommunalt misbrugscenter for voksne.",
        "Andelen, der kom til den anden samtale, steg fra 55 til 80 procent.",
        ["åben rådgivning", "ventetid", "motivation"],
        ["misbrug"],
        ["misbrugsbehandling"],
    ),
    seed(
        "Gåture i stedet for kontorsamtaler med unge i hashbehandling",
        "Unge i behandling for hashforbrug udebliver ofte fra samtaler på kontoret. De oplever stedet som "
        "endnu en instans, der vil dem noget.",
        "Vi mødes med de unge, hvor de er, og tager samtalen på en gåtur eller i en bil. Aftaler bekræftes med en "
        "sms dagen før og samme morgen. Hver samtale slutter med ét konkret mål til næste gang.",
        "Ungebehandling for 15-25-årige.",
        "Fremmødet steg markant, og flere unge gennemførte hele forløbet.",
        ["hash", "walk and talk", "unge"],
        ["misbrug", "udsatte_unge"],
        ["misbrugsbehandling", "børn_unge"],
    ),
    seed(
        "Pårørendegruppe for forældre til unge med rusmiddelforbrug",
        "Forældre til unge med rusmidler føler sig alene og skamfulde. De ved ikke, hvordan de skal tale med "
        "deres barn, og konflikterne derhjemme fylder det hele.",
        "En gruppe for forældre mødes otte aftener med en behandler. Vi arbejder med konkrete situationer, som "
        "forældrene selv tager med, og med at sætte grænser uden at bryde kontakten. Efter forløbet fortsætter "
        "mange i en selvkørende netværksgruppe.",
        "Misbrugscentrets ungeafdeling. Grupperne holdes om aftenen, så forældre kan deltage efter arbejde.",
        "Forældrene beskriver færre konflikter og mere ro derhjemme. Flere unge er selv kommet i behandling.",
        ["pårørende", "forældre", "netværk"],
        ["misbrug", "familier", "udsatte_unge"],
        ["misbrugsbehandling", "familie"],
    ),
    seed(
        "Naloxon-kursus for personale og pårørende",
        "Overdoser sker ofte der, hvor der ikke er sundhedspersonale til stede: på herberget, i bostøtten eller "
        "hjemme hos familien.",
        "Vi underviser personale på herberger, væresteder og i bostøtten samt pårørende i at genkende en "
        "overdosis og give naloxon som næsespray. Alle, der har været på kurset, får et sæt med hjem. Kurset "
        "tager to timer og gentages hvert halve år.",
        "Samarbejde mellem misbrugscentret, sundhedsteamet og de sociale tilbud i kommunen.",
        "Naloxon er givet flere gange af personale og pårørende, og alle de berørte borgere overlevede.",
        ["naloxon", "overdosis", "skadesreduktion"],
        ["misbrug", "hjemløse"],
        ["misbrugsbehandling"],
    ),
    seed(
        "Alkoholbehandling for ældre i eget hjem",
        "Ældre med et stort alkoholforbrug kommer sjældent i behandling. De skammer sig, har svært ved at komme "
        "afsted, og hjemmeplejen ved ikke, hvordan de skal tage emnet op.",
        "En behandler fra misbrugscentret kommer hjem til borgeren. Hjemmeplejen har fået en kort uddannelse i at "
        "spørge til alkohol og henvise. Behandlingen foregår i borgerens eget tempo og inddrager gerne pårørende.",
        "Hjemmeplejen og misbrugscentret i samarbejde.",
        "Flere ældre har taget imod behandling, og hjemmeplejen oplever færre fald og akutte indlæggelser.",
        ["alkohol", "hjemmebehandling", "hjemmepleje"],
        ["misbrug", "ældre"],
        ["misbrugsbehandling", "ældre"],
    ),
    seed(
        "Én fælles plan for borgere med både psykisk lidelse og misbrug",
        "Borgere med dobbeltdiagnose bliver sendt frem og tilbage mellem psykiatrien og misbrugsbehandlingen. "
        "Hver sektor vil have den anden problemstilling løst først.",
        "Borgeren får én fælles plan, som psykiatrien, misbrugscentret og bostøtten laver sammen med borgeren på "
        "et møde. Planen har én tovholder, og den følges op hver tredje måned på et nyt fælles møde.",
        "Regional psykiatri, kommunalt misbrugscenter og socialpsykiatrisk bostøtte.",
        "Færre akutte indlæggelser og færre afbrudte forløb blandt de deltagende borgere.",
        ["dobbeltdiagnose", "samarbejde", "koordinering"],
        ["psykisk", "misbrug"],
        ["psykiatri", "misbrugsbehandling"],
    ),
    # ---- anbragte unge og efterværn ----
    seed(
        "En voksen, der bliver: fast kontaktperson frem til 23 år efter anbringelse",
        "Unge, der forlader en anbringelse som 18-årige, mister deres voksne kontakter på én gang. Mange står "
        "alene med bolig, økonomi og uddannelse og falder fra.",
        "Hver ung får en fast kontaktperson, som de selv har været med til at vælge, senest et halvt år før de "
        "fylder 18. Kontaktpersonen følger dem frem til 23 år med et fast ugentligt tjek og kan kontaktes på sms "
        "om aftenen.",
        "Efterværn i en mellemstor kommune, i samarbejde med opholdssteder og plejefamilier.",
        "Færre frafald fra ungdomsuddannelse, og de unge siger, at de har nogen at ringe til.",
        ["efterværn", "kontaktperson", "overgang til voksenlivet"],
        ["anbragte"],
        ["børn_unge"],
    ),
    seed(
        "Træningslejlighed før det fyldte 18. år",
        "Unge på institution har sjældent prøvet at bo for sig selv, før de skal. Indkøb, tøjvask og at stå op "
        "til tiden kommer som et chok.",
        "Institutionen har en lille lejlighed i byen, hvor unge fra 17 år bor i perioder på en til tre måneder. "
        "En pædagog kommer forbi dagligt i starten og sjældnere, når det går godt. Den unge har sit eget budget.",
        "Døgninstitution for unge mellem 14 og 18 år.",
        "De unge, der har boet i træningslejligheden, klarer overgangen til egen bolig markant bedre.",
        ["træningslejlighed", "selvstændighed", "efterværn"],
        ["anbragte"],
        ["børn_unge", "bolig"],
    ),
    seed(
        "Økonomikursus for unge på vej ud af anbringelse",
        "Mange unge, der har været anbragt, kommer hurtigt i gæld, fordi de aldrig har haft ansvar for husleje, "
        "mobilabonnement og regninger.",
        "Et kursus over fem aftener med mad, hvor de unge lærer at lave budget, forstå en lønseddel og undgå "
        "kviklån. En frivillig fra en bank er med, og de unge laver deres eget første budget i en app.",
        "Efterværn i samarbejde med en frivillig forening.",
        "Deltagerne har færre restancer det første år i egen bolig.",
        ["økonomi", "gæld", "budget"],
        ["anbragte", "udsatte_unge"],
        ["børn_unge", "frivillighed"],
    ),
    seed(
        "Søskendesamvær, når søskende er anbragt forskellige steder",
        "Søskende, der anbringes hvert sit sted, ser ofte hinanden for sjældent. Relationen til søskende er for "
        "mange den mest stabile i livet.",
        "Vi planlægger søskendesamvær én gang om måneden som en fast del af handleplanen. Samværet foregår et "
        "neutralt sted med en aktivitet, som børnene selv vælger. Transport og udgifter er afklaret fra starten.",
        "Familieafdelingen i samarbejde med plejefamilier og institutioner.",
        "Børnene giver udtryk for mere tryghed, og samværet bliver sjældnere aflyst.",
        ["søskende", "samvær", "handleplan"],
        ["anbragte"],
        ["børn_unge", "familie"],
    ),
    seed(
        "Netværksmøder, hvor den unge selv står for invitationen",
        "På mange netværksmøder om anbragte unge sidder der flere professionelle end personer fra den unges eget "
        "liv. Den unge oplever, at møderne handler om dem uden dem.",
        "Den unge laver selv listen over, hvem der skal inviteres, og får hjælp til at skrive invitationen. Mødet "
        "holdes et sted, den unge vælger. Den unge åbner mødet og bestemmer det første punkt.",
        "Anbringelsesområdet for unge på 14 år og derover.",
        "Flere fra den unges netværk møder op, og de unge oplever møderne som deres egne.",
        ["netværksmøde", "inddragelse", "ungeperspektiv"],
        ["anbragte", "udsatte_unge"],
        ["børn_unge"],
    ),
    seed(
        "Fælles skolestartsplan for anbragte børn",
        "Anbragte børn skifter ofte skole, og informationerne følger ikke med. Lærerne mangler viden, og "
        "plejefamilien ved ikke, hvad skolen har brug for.",
        "Inden skolestart mødes skole, plejefamilie, sagsbehandler og barnet og laver en kort fælles plan på én "
        "side: hvad hjælper barnet, hvad er svært, og hvem gør hvad. Planen følges op efter seks uger.",
        "Skoleområdet og familieafdelingen.",
        "Færre skoleskift og et bedre samarbejde mellem skole og plejefamilie.",
        ["skole", "plejefamilie", "tværfagligt samarbejde"],
        ["anbragte"],
        ["børn_unge"],
    ),
    # ---- udsatte børn og familier ----
    seed(
        "Familierådslagning, før en anbringelse besluttes",
        "Familiens eget netværk bliver ofte inddraget for sent, når en anbringelse er på tale. Mulighederne i "
        "familien bliver ikke undersøgt ordentligt.",
        "Vi tilbyder altid familierådslagning, før vi indstiller til anbringelse. En uafhængig koordinator "
        "samler familien og netværket, og familien laver selv en plan uden fagpersoner i rummet. Planen godkendes "
        "bagefter af sagsbehandleren.",
        "Børne- og familieafdelingen.",
        "Flere børn er anbragt i netværket eller har kunnet blive hjemme med støtte.",
        ["familierådslagning", "netværk", "inddragelse"],
        ["familier", "udsatte_unge"],
        ["familie", "børn_unge"],
    ),
    seed(
        "Ekstra hjemmebesøg af sundhedsplejersken hos sårbare gravide",
        "Sårbare gravide får ofte først kontakt med kommunen, når barnet er født. Så er der gået værdifuld tid.",
        "Jordemoderen henviser sårbare gravide til sundhedsplejen allerede i graviditeten. Sundhedsplejersken "
        "kommer på tre ekstra hjemmebesøg før fødslen og tager, med den gravides samtykke, en socialrådgiver med "
        "til det sidste.",
        "Samarbejde mellem fødeafdelingen, sundhedsplejen og familieafdelingen.",
        "Tidligere og bedre støtte, og færre akutte underretninger i barnets første leveår.",
        ["sundhedspleje", "graviditet", "tidlig indsats"],
        ["familier"],
        ["familie"],
    ),
    seed(
        "Lektiecafé med frivillige studerende i boligområdet",
        "Børn i udsatte boligområder får ofte ikke hjælp til lektier derhjemme. De kommer bagud i skolen og "
        "mister lysten.",
        "To eftermiddage om ugen holder frivillige studerende lektiecafé i beboerhuset. Der er frugt og en fast "
        "voksen fra boligsocialt team. Forældre er velkomne og får hjælp til skolens intranet.",
        "Boligsocial helhedsplan i samarbejde med lokale uddannelsesinstitutioner.",
        "Omkring 40 børn kommer fast, og skolen oplever bedre fremmøde og flere afleverede opgaver.",
        ["lektiecafé", "frivillige", "boligområde"],
        ["udsatte_unge", "familier"],
        ["børn_unge", "frivillighed"],
    ),
    seed(
        "Forældregrupper på modersmål med tolk",
        "Forældre, der ikke taler godt dansk, deltager sjældent i forældrekurser. De føler sig misforståede, og "
        "vigtig viden om børns trivsel når ikke frem.",
        "Vi holder forældregrupper på arabisk, somali og tigrinya med en fast tolk og en medarbejder, der kender "
        "kulturen. Emnerne vælger forældrene selv: skole, søvn, skærm og opdragelse.",
        "Familieafdelingen og en lokal frivillig forening.",
        "Grupperne er fuldt booket, og flere forældre er nu aktive i skolebestyrelsen.",
        ["tolk", "forældre", "integration"],
        ["familier"],
        ["familie", "frivillighed"],
    ),
    seed(
        "Børnesamtaler i bilen eller på gåtur",
        "Mange børn har svært ved at tale om det, der er svært, når de sidder over for en voksen ved et bord.",
        "Vi tager børnesamtaler på en gåtur, i bilen eller mens vi laver noget sammen. Vi har små kort med "
        "spørgsmål, som barnet kan trække. Samtalen skrives ned bagefter sammen med barnet, så barnet kan "
        "genkende sine egne ord.",
        "Familiebehandling og myndighed i samme afdeling.",
        "Børnene fortæller mere, og deres egne ord står nu i sagerne.",
        ["børnesamtale", "barnets perspektiv", "samtaleteknik"],
        ["udsatte_unge", "familier"],
        ["børn_unge", "familie"],
    ),
    # ---- vold i nære relationer ----
    seed(
        "Krisecenterpladser til mænd og deres børn",
        "Mænd, der er udsat for vold i hjemmet, har få steder at gå hen, især hvis de har børn med.",
        "Vi har indrettet tre lejligheder som krisecenterpladser til mænd med og uden børn. Der er rådgivning, "
        "hjælp til politianmeldelse og en fast kontaktperson til børnene.",
        "Kommunalt krisecenter i samarbejde med en landsdækkende organisation.",
        "Pladserne er næsten altid optaget, og behovet er tydeligvis større end forventet.",
        ["krisecenter", "mænd", "børn"],
        ["vold"],
        ["vold"],
    ),
    seed(
        "Spørg altid til vold i familiesager",
        "Vold i familien opdages ofte sent, fordi ingen spørger direkte. Familier kan være i kontakt med "
        "kommunen i årevis, uden at volden kommer frem.",
        "Alle rådgivere i familieafdelingen spørger til vold ved første samtale ud fra tre faste spørgsmål. Ved "
        "et ja er der en klar vej: samtale med voldskonsulent inden for en uge og en plan for sikkerheden.",
        "Familieafdelingen med en voldskonsulent tilknyttet.",
        "Vi har opdaget vold i flere sager, og familierne fik hjælp tidligere.",
        ["screening", "voldsopsporing", "familiesager"],
        ["vold", "familier"],
        ["vold", "familie"],
    ),
    seed(
        "Efterværn efter krisecenter med bostøtte og juridisk hjælp",
        "Kvinder, der flytter fra krisecenter til egen bolig, står ofte alene med økonomi, skilsmisse og "
        "samværssager. Nogle vender tilbage til den voldelige partner.",
        "Kvinderne får bostøtte i et år efter udflytning og adgang til gratis juridisk rådgivning. En "
        "netværksgruppe mødes hver anden uge med børnepasning.",
        "Krisecenter og kommunens bostøtte.",
        "Færre vender tilbage til den voldelige partner, og flere kommer i job eller uddannelse.",
        ["efterværn", "krisecenter", "juridisk rådgivning"],
        ["vold", "familier"],
        ["vold", "bolig"],
    ),
    seed(
        "Behandling til voldsudøvere efter politiets første udrykning",
        "Når politiet har været ude i en sag om vold i hjemmet, sker der ofte ikke mere med den, der har udøvet "
        "volden. Volden fortsætter.",
        "Politiet spørger, om udøveren vil kontaktes af et behandlingstilbud. Ved et ja ringer en behandler "
        "inden for 48 timer. Forløbet er individuelle samtaler og en gruppe, og den udsatte part får tilbud om "
        "støtte samtidig.",
        "Samarbejde mellem politikredsen, kommunen og et behandlingstilbud.",
        "Mange har takket ja, og gentagne udrykninger til de samme adresser er faldet.",
        ["voldsudøvere", "politi", "behandling"],
        ["vold", "kriminalitet"],
        ["vold", "kriminalitet"],
    ),
    seed(
        "Tjek af telefon og konti, når en voldsudsat flytter",
        "Voldsudøvere følger ofte med digitalt: gennem delte konti, sporing på telefonen og adgang til "
        "MitID-apps. Det gør en ny adresse utryg.",
        "Ved udflytning fra krisecenter gennemgår en medarbejder telefon, konti og apps sammen med borgeren: "
        "nye adgangskoder, slå placeringsdeling fra og sikre, at adressen er beskyttet i offentlige registre.",
        "Krisecenter i samarbejde med en frivillig it-forening.",
        "Borgerne føler sig mere trygge, og flere tilfælde af sporing er opdaget og stoppet.",
        ["digital vold", "sikkerhed", "adressebeskyttelse"],
        ["vold"],
        ["vold", "digitalisering"],
    ),
    # ---- psykiatri ----
    seed(
        "Recovery-mentorer med egen erfaring med psykisk sygdom",
        "Borgere med psykiske vanskeligheder møder mest fagpersoner. De mangler nogen, der ved, hvordan det er "
        "at stå i det selv, og som kan vise, at det kan blive bedre.",
        "Vi har ansat tre recovery-mentorer med egen erfaring. De går sammen med borgeren til møder, på "
        "aktiviteter og i hverdagen. Mentorerne får supervision og er en del af personalegruppen.",
        "Socialpsykiatrisk bostøtte og et værested.",
        "Borgerne beskriver mere håb og flere aktiviteter uden for hjemmet.",
        ["recovery", "peer-støtte", "mentor"],
        ["psykisk"],
        ["psykiatri"],
    ),
    seed(
        "Kriseplan, som borgeren selv har skrevet",
        "Når en borger får det dårligt, ved personalet ofte ikke, hvad der hjælper. Borgeren kan ikke selv sige "
        "det midt i krisen.",
        "Sammen med borgeren laver vi en kriseplan i gode perioder: tegn på, at det går den forkerte vej, hvad "
        "der hjælper, hvem der skal kontaktes, og hvad der ikke må ske. Planen ligger hos borgeren, i bostøtten "
        "og i psykiatrien.",
        "Bostøtte og regionens psykiatriske ambulatorium.",
        "Kriser bliver opdaget tidligere, og der er sket færre tvangsindlæggelser.",
        ["kriseplan", "recovery", "forebyggelse"],
        ["psykisk"],
        ["psykiatri"],
    ),
    seed(
        "Natcafé for borgere med psykisk sårbarhed",
        "Nætterne er lange og ensomme for mange med psykiske vanskeligheder. Angst og tanker tager over, og "
        "mange ringer til vagtlægen eller den psykiatriske skadestue.",
        "Et værested holder åbent fra kl. 22 til 2 fredag og lørdag. Der er en medarbejder og to frivillige, te "
        "og mulighed for en snak eller bare for at være der.",
        "Socialpsykiatrisk værested i samarbejde med frivillige.",
        "Omkring 15 gæster per aften. Gæsterne siger, at de er mindre utrygge om natten.",
        ["natcafé", "værested", "ensomhed"],
        ["psykisk", "ensomhed"],
        ["psykiatri", "frivillighed"],
    ),
    seed(
        "Bostøtte over video om aftenen",
        "Mange borgere har mest brug for støtte om aftenen, men bostøtten arbejder i dagtimerne. Det giver "
        "ensomme aftener og akutte henvendelser.",
        "Borgere kan få en kort videosamtale mellem kl. 18 og 21 med en bostøttemedarbejder, de kender. Samtalen "
        "aftales i forvejen, men borgeren kan også ringe op, hvis der er brug for det.",
        "Socialpsykiatrisk bostøtte med en aftenvagt.",
        "Færre akutte henvendelser om natten, og borgerne føler sig mindre alene.",
        ["videosamtaler", "bostøtte", "aftentimer"],
        ["psykisk"],
        ["psykiatri", "digitalisering"],
    ),
    seed(
        "Fælles udskrivningsmøde, før borgeren forlader psykiatrisk afdeling",
        "Borgere udskrives fra psykiatrien, uden at kommunen er klar. Der mangler bolig, bostøtte eller "
        "medicinhjælp, og mange genindlægges hurtigt.",
        "Vi holder altid et udskrivningsmøde med afdelingen, bostøtten og borgeren senest tre dage før "
        "udskrivning. Første besøg i hjemmet aftales på mødet og ligger senest dagen efter udskrivning.",
        "Regional psykiatri og kommunens socialpsykiatri.",
        "Færre genindlæggelser inden for 30 dage efter udskrivning.",
        ["udskrivning", "sammenhæng", "genindlæggelser"],
        ["psykisk"],
        ["psykiatri"],
    ),
    # ---- autisme ----
    seed(
        "Visuelle dagsplaner i bostøtten til borgere med autisme",
        "Borgere med autisme bliver stressede af uforudsigelighed: aflyste aftaler, ukendte medarbejdere og "
        "mundtlige beskeder, der er svære at huske.",
        "Hver borger har en visuel dagsplan på væggen eller på tablet med billeder af de medarbejdere, der "
        "kommer. Ændringer varsles så tidligt som muligt og vises altid på planen.",
        "Bostøtte til voksne med autisme.",
        "Færre konflikter og nedsmeltninger, og borgerne deltager mere i planlægningen.",
        ["visuel støtte", "struktur", "forudsigelighed"],
        ["autisme"],
        ["handicap"],
    ),
    seed(
        "Stille venteværelse og faste tider i jobcentret",
        "For borgere med autisme kan et travlt venteværelse med lys, lyde og mange mennesker være nok til, at "
        "mødet går i stå, før det er begyndt.",
        "Vi har indrettet et lille stille rum med dæmpet lys. Borgeren får altid første tid om morgenen, samme "
        "rådgiver og en skriftlig dagsorden dagen før.",
        "Jobcenter i en mellemstor kommune.",
        "Flere møder bliver gennemført, og borgerne kommer bedre forberedt.",
        ["sansevenligt", "jobcenter", "tilgængelighed"],
        ["autisme", "ledige"],
        ["beskæftigelse", "handicap"],
    ),
    seed(
        "Brobygning i små trin fra folkeskole til ungdomsuddannelse for unge med autisme",
        "Unge med autisme falder ofte fra i starten af en ungdomsuddannelse. Nye lokaler, mange mennesker og "
        "uklare forventninger bliver for meget.",
        "Den unge besøger uddannelsesstedet mange gange i det sidste skoleår: først en tom bygning, så en enkelt "
        "time, så en halv dag. En fast kontaktperson på uddannelsen er med fra første besøg.",
        "UU-vejledning, specialklasse og en erhvervsskole.",
        "Alle unge i det første hold var stadig i gang efter et halvt år.",
        ["brobygning", "ungdomsuddannelse", "overgange"],
        ["autisme", "udsatte_unge"],
        ["beskæftigelse", "børn_unge"],
    ),
    # ---- høretab og tegnsprog ----
    seed(
        "Videotolk ved korte samtaler i borgerservice",
        "Døve borgere skal ofte vente dage på en tegnsprogstolk for at få svar på et kort spørgsmål i borgerservice.",
        "Borgerservice har en tablet med adgang til videotolk. Døve borgere kan møde op uden aftale og få hjælp "
        "med det samme. Længere samtaler aftales stadig med fremmødetolk.",
        "Borgerservice i samarbejde med et tolkefirma.",
        "Døve borgere kan nu klare en del henvendelser på én dag i stedet for at vente.",
        ["tegnsprog", "videotolk", "tilgængelighed"],
        ["høretab"],
        ["handicap", "digitalisering"],
    ),
    seed(
        "Samtalegruppe for ældre med høretab",
        "Ældre, der mister hørelsen, trækker sig fra fællesskaber, fordi det er anstrengende at følge med. "
        "Mange bliver ensomme.",
        "En gruppe mødes hver uge i et lokale med teleslynge. En hørekonsulent giver gode råd om høreapparater, "
        "og resten af tiden bruges på samtale i små grupper med gode lydforhold.",
        "Ældreområdet i samarbejde med høreforeningens lokalafdeling.",
        "Deltagerne bruger deres høreapparater mere og deltager i flere aktiviteter.",
        ["høretab", "teleslynge", "fællesskab"],
        ["høretab", "ældre", "ensomhed"],
        ["ældre", "handicap"],
    ),
    seed(
        "Tegnsprogskyndig kontaktperson til familier med døve børn",
        "Hørende forældre til døve børn står ofte alene med valg om sprog, skole og hjælpemidler, og "
        "informationen kommer fra mange sider.",
        "Familien får én kontaktperson, der kan tegnsprog og kender området. Kontaktpersonen hjælper med at "
        "koordinere mellem hospital, skole og kommune og formidler kontakt til andre familier.",
        "Handicapområdet for børn.",
        "Forældrene oplever et bedre overblik og mere ro i valgene.",
        ["tegnsprog", "døve børn", "koordinering"],
        ["høretab", "familier"],
        ["handicap", "familie"],
    ),
    # ---- ADHD ----
    seed(
        "Korte møder med skriftlig opsummering til borgere med ADHD",
        "Borgere med ADHD husker ofte ikke, hvad der blev aftalt på lange møder, og misser derfor frister og aftaler.",
        "Møderne varer højst 30 minutter og har tre punkter. Til sidst skriver rådgiveren og borgeren sammen en "
        "kort opsummering, som sendes som sms med det samme. Påmindelser sendes dagen før hver frist.",
        "Jobcenter og socialafdeling.",
        "Færre udeblivelser og færre overskredne frister.",
        ["ADHD", "mødeform", "påmindelser"],
        ["adhd", "ledige"],
        ["beskæftigelse"],
    ),
    seed(
        "Struktur-app og et ugentligt tjek hos jobkonsulenten",
        "Unge med ADHD kommer i praktik, men falder fra, fordi det er svært at holde styr på tider, transport og "
        "opgaver.",
        "Den unge får hjælp til at sætte en struktur-app op med faste påmindelser. Hver mandag er der et kort "
        "tjek med jobkonsulenten om ugens aftaler. Arbejdspladsen får en kort vejledning i at give tydelige "
        "beskeder.",
        "Ungeindsats i jobcentret.",
        "Flere unge gennemfører praktikken og går videre i job eller uddannelse.",
        ["ADHD", "app", "praktik"],
        ["adhd", "ledige", "udsatte_unge"],
        ["beskæftigelse", "digitalisering"],
    ),
    seed(
        "Forældretræning for familier med børn med ADHD",
        "Forældre til børn med ADHD er ofte udmattede. Konflikter om morgenen og ved sengetid fylder, og "
        "søskende bliver overset.",
        "Et forløb på ti gange, hvor forældre lærer konkrete redskaber: tydelige beskeder, ros og faste rutiner. "
        "Forældrene filmer en situation derhjemme og får vejledning på den.",
        "Familieafdelingen og PPR.",
        "Forældrene oplever færre konflikter og mere overskud i hverdagen.",
        ["ADHD", "forældretræning", "rutiner"],
        ["adhd", "familier"],
        ["familie"],
    ),
    # ---- beskæftigelse ----
    seed(
        "Virksomhedspraktik med en fast mentor fra arbejdspladsen",
        "Ledige med komplekse problemer falder ofte fra deres praktik i de første uger. Der er ingen på "
        "arbejdspladsen, der har tid til at tage imod dem.",
        "Før praktikken starter, udpeger virksomheden en fast kollega som mentor. Mentoren får et kort kursus og "
        "en lille kompensation. Jobkonsulenten besøger praktikken hver anden uge.",
        "Jobcentret og lokale virksomheder.",
        "Langt flere gennemfører praktikken, og flere bliver ansat bagefter.",
        ["virksomhedspraktik", "mentor", "arbejdsplads"],
        ["ledige"],
        ["beskæftigelse"],
    ),
    seed(
        "Jobcafé i boligområdet i stedet for møder på jobcentret",
        "Mange ledige i boligområdet møder ikke op på jobcentret. De oplever det som et sted, hvor de bliver "
        "kontrolleret.",
        "Hver tirsdag holder jobkonsulenter jobcafé i beboerhuset med kaffe og computere. Man kan få hjælp til "
        "CV, jobsøgning og Jobnet uden tidsbestilling. Lokale virksomheder kommer på besøg en gang om måneden.",
        "Jobcenter og boligsocial helhedsplan.",
        "Flere beboere er kommet i job eller uddannelse, og tilliden til jobcentret er steget.",
        ["jobcafé", "boligområde", "uddannelse"],
        ["ledige"],
        ["beskæftigelse", "bolig"],
    ),
    seed(
        "Job først og behandling samtidig for borgere med psykiske lidelser",
        "Borgere med psykiske lidelser bliver ofte bedt om at blive raske først, før de kan begynde at arbejde. "
        "Det kan tage år, og imens mister de troen på sig selv.",
        "Med individuelt planlagt job med støtte hjælper en jobkonsulent borgeren i ordinært job så hurtigt som "
        "muligt. Konsulenten samarbejder tæt med behandlingen og følger borgeren på arbejdspladsen.",
        "Jobcenter og regional psykiatri.",
        "Markant flere fik job eller begyndte på en uddannelse inden for et år.",
        ["IPS", "job med støtte", "recovery"],
        ["psykisk", "ledige"],
        ["beskæftigelse", "psykiatri"],
    ),
    seed(
        "Samtaler på gåture for ledige med angst",
        "Ledige med angst har svært ved at møde op på et kontor og sidde ansigt til ansigt. Samtalerne giver "
        "ofte mere angst end fremdrift.",
        "Samtalerne foregår på en gåtur i en park tæt på borgerens bopæl. Rådgiveren starter med en kort "
        "gåtur uden dagsorden og tager derefter de faglige emner.",
        "Jobcentrets indsats for sygemeldte og ledige med psykiske vanskeligheder.",
        "Færre aflyste samtaler og bedre kontakt mellem borger og rådgiver.",
        ["walk and talk", "angst", "samtaler"],
        ["ledige", "psykisk"],
        ["beskæftigelse", "psykiatri"],
    ),
    seed(
        "Tidlig afklaring af fleksjob for borgere i ressourceforløb",
        "Borgere i ressourceforløb venter ofte længe på afklaring, selv når det er tydeligt, at et fleksjob er "
        "realistisk.",
        "Vi gennemgår alle ressourceforløb efter et år med en fast tjekliste. Hvor fleksjob er realistisk, "
        "starter vi med det samme en virksomhedspraktik med henblik på fleksjob.",
        "Jobcentrets team for ressourceforløb.",
        "Flere er kommet i fleksjob, og forløbene er blevet kortere.",
        ["fleksjob", "ressourceforløb", "afklaring"],
        ["ledige", "handicap"],
        ["beskæftigelse"],
    ),
    # ---- ældre og ensomhed ----
    seed(
        "Spisevenner: fællesspisning for ensomme ældre",
        "Mange ældre spiser alene hver dag. Appetitten forsvinder, og ensomheden vokser.",
        "To gange om ugen inviterer vi til fællesspisning i aktivitetscentret. Frivillige henter dem, der har "
        "svært ved at komme afsted, og maden laves af køkkenet i plejecentret. Hjemmeplejen inviterer personligt.",
        "Ældreområdet i samarbejde med frivillige.",
        "Deltagerne spiser mere, og mange har fået nye bekendtskaber.",
        ["fællesspisning", "ensomhed", "frivillige"],
        ["ældre", "ensomhed"],
        ["ældre", "frivillighed"],
    ),
    seed(
        "Telefonkæde, hvor ældre ringer til hinanden hver morgen",
        "Ensomme ældre kan gå flere dage uden at tale med nogen. Det går ud over både humøret og sikkerheden.",
        "Deltagerne er delt i små kæder på fem. Hver morgen ringer de til den næste i kæden. Hvis nogen ikke "
        "svarer, kontakter den sidste i kæden en frivillig koordinator.",
        "En frivillig forening i samarbejde med kommunens forebyggende hjemmebesøg.",
        "Deltagerne har fået nye relationer, og et fald blev opdaget tidligt.",
        ["telefonkæde", "ensomhed", "tryghed"],
        ["ældre", "ensomhed"],
        ["ældre", "frivillighed"],
    ),
    seed(
        "Spørg til ensomhed ved visitation til hjemmepleje",
        "Ensomhed opdages sjældent ved visitationen, hvor fokus er på praktisk hjælp.",
        "Visitatorerne stiller to faste spørgsmål om kontakt med andre. Ved tegn på ensomhed formidles kontakt "
        "til en besøgsven eller et aktivitetstilbud, og det følges op ved næste revisitation.",
        "Visitation og ældreområdets forebyggende team.",
        "Flere ældre er kommet i kontakt med aktiviteter og besøgsvenner.",
        ["visitation", "ensomhed", "opsporing"],
        ["ældre", "ensomhed"],
        ["ældre"],
    ),
    seed(
        "Tablet og en frivillig makker til ældre, der vil være digitale",
        "Mange ældre føler sig udenfor, når alt foregår digitalt. De kan ikke se billeder fra familien eller "
        "bruge Digital Post.",
        "Ældre kan låne en tablet i tre måneder og få en frivillig makker, der kommer hjem en gang om ugen. De "
        "starter med det, den ældre selv gerne vil: videoopkald med børnebørnene eller aviser.",
        "Biblioteket og ældreområdet i samarbejde med en frivillig forening.",
        "Deltagerne er mere i kontakt med familien, og flere har selv købt en tablet.",
        ["tablets", "digital inklusion", "frivillige"],
        ["ældre", "ensomhed"],
        ["ældre", "digitalisering"],
    ),
    seed(
        "Demensvenlige butikker i lokalsamfundet",
        "Borgere med demens bliver usikre i butikker, og personalet ved ikke, hvordan de skal hjælpe.",
        "Vi tilbyder et kort kursus til personale i lokale butikker, apoteker og banker. Butikkerne får et "
        "mærke i vinduet og et telefonnummer til demenskoordinatoren.",
        "Demenskoordinatorer og lokale handlende.",
        "Mange butikker deltager, og borgere med demens handler længere selv.",
        ["demens", "demensvenlig", "lokalsamfund"],
        ["ældre"],
        ["ældre", "frivillighed"],
    ),
    # ---- kriminalitet ----
    seed(
        "Exit-forløb med mentor for unge i bandemiljø",
        "Unge, der vil ud af et bandemiljø, står uden venner, bolig og job og er ofte utrygge.",
        "Et exit-forløb med en mentor, der er til rådighed døgnet rundt i starten. Vi hjælper med bolig, "
        "uddannelse og job og samarbejder med politiet om sikkerheden.",
        "SSP, politiet og kommunens exit-team.",
        "De fleste unge i forløbet har ikke begået ny kriminalitet.",
        ["exit", "bander", "mentor"],
        ["kriminalitet", "udsatte_unge"],
        ["kriminalitet"],
    ),
    seed(
        "Løsladelsesmøde: bolig, forsørgelse og kontaktperson klar før prøveløsladelse",
        "Mange løslades uden bolig eller forsørgelse. Risikoen for ny kriminalitet er størst de første uger.",
        "Et møde i fængslet to måneder før løsladelse med kriminalforsorgen, kommunen og den indsatte. Vi aftaler "
        "bolig, forsørgelse, misbrugsbehandling og en kontaktperson, der møder op på løsladelsesdagen.",
        "Kriminalforsorgen og kommunens socialafdeling.",
        "Alle løsladte i forløbet havde bolig og forsørgelse på plads fra første dag.",
        ["løsladelse", "kriminalforsorgen", "overgange"],
        ["kriminalitet", "hjemløse"],
        ["kriminalitet", "bolig"],
    ),
    seed(
        "Nattevandring med forældre i weekenden",
        "Unge samles om aftenen i bydelen, og nogle gange udvikler det sig til uro og hærværk.",
        "Forældre og andre frivillige går i grupper fredag og lørdag aften. De har en fast rute, snakker med de "
        "unge og ringer til SSP, hvis der er brug for det.",
        "SSP og lokale forældre.",
        "Mindre uro i weekenderne og bedre kontakt mellem unge og voksne i området.",
        ["nattevandring", "forældre", "SSP"],
        ["kriminalitet", "udsatte_unge"],
        ["kriminalitet", "frivillighed"],
    ),
    # ---- handicap ----
    seed(
        "Kæresteskole for unge med kognitive handicap",
        "Unge med kognitive handicap har de samme drømme om kærester og sex som andre, men mangler ofte viden og "
        "nogen at tale med om det.",
        "Et forløb med otte gange om venskab, kærester, grænser og sikkerhed på nettet. Vi bruger billeder, "
        "rollespil og små film. Forældre og bosteder får en kort introduktion.",
        "Bosteder og specialskoler.",
        "De unge taler mere åbent om relationer, og personalet er mere trygge ved emnet.",
        ["seksualitet", "relationer", "kognitivt handicap"],
        ["handicap", "udsatte_unge"],
        ["handicap"],
    ),
    seed(
        "Fritidsjob med støtte for unge med udviklingshæmning",
        "Unge med udviklingshæmning får sjældent et fritidsjob og går glip af erfaringer og fællesskab.",
        "Vi matcher de unge med lokale arbejdspladser til et fritidsjob på nogle timer om ugen. En jobkonsulent "
        "er med de første gange, og arbejdspladsen har en fast kontaktperson.",
        "Specialskole og kommunens ungeindsats.",
        "Flere unge har fået fritidsjob og fortsætter efter sommerferien.",
        ["fritidsjob", "udviklingshæmning", "inklusion"],
        ["handicap"],
        ["handicap", "beskæftigelse"],
    ),
    # ---- på tværs ----
    seed(
        "Én plan for borgeren på tværs af forvaltninger",
        "Borgere med mange sager har mange planer og mange kontaktpersoner. Ingen har overblikket, og borgeren "
        "skal fortælle det samme igen og igen.",
        "Borgeren får én fælles plan og én koordinator. Planen laves på et møde med alle involverede og borgeren "
        "selv, og den er skrevet i borgerens eget sprog.",
        "Samarbejde mellem social-, beskæftigelses- og sundhedsområdet.",
        "Færre møder, mere sammenhæng og mere tilfredse borgere.",
        ["helhedsorienteret", "koordinering", "borgerinddragelse"],
        ["ledige", "psykisk", "familier"],
        ["beskæftigelse", "familie"],
    ),
    seed(
        "Supervision for nye socialrådgivere i de første seks måneder",
        "Nye socialrådgivere står alene med svære sager og bliver hurtigt udbrændte. Mange skifter job inden for "
        "det første år.",
        "Nye medarbejdere får en erfaren kollega som makker og supervision i en lille gruppe hver anden uge. "
        "Sagstallet øges gradvist i løbet af de første seks måneder.",
        "Børne- og familieafdelingen.",
        "Færre nye medarbejdere stopper i det første år.",
        ["supervision", "fastholdelse", "nye medarbejdere"],
        ["familier"],
        ["familie"],
    ),
    seed(
        "Borgerens egne ord i handleplanen",
        "Handleplaner er skrevet i et fagsprog, som borgeren ikke genkender. Borgeren oplever ikke planen som sin "
        "egen.",
        "Mål i handleplanen skrives med borgerens egne ord, som de blev sagt på mødet. Fagpersonens vurdering "
        "står for sig. Borgeren får planen i en kort version på én side.",
        "Socialafdelingen for voksne.",
        "Borgerne kan forklare deres egne mål og arbejder mere aktivt med dem.",
        ["handleplan", "borgerinddragelse", "sprog"],
        ["psykisk", "handicap", "misbrug"],
        ["psykiatri", "handicap"],
    ),
    seed(
        "Frivillig besøgsven til borgere i bostøtte",
        "Bostøtten fylder de praktiske ting i hverdagen, men mange borgere mangler en at være sammen med, der "
        "ikke er ansat.",
        "Vi formidler en frivillig besøgsven, som kommer hver anden uge og laver noget, borgeren har lyst til: "
        "en tur, et spil eller en kop kaffe. Bostøtten hjælper med den første kontakt.",
        "Bostøtte og en frivillig forening.",
        "Mange venskaber har holdt i mere end et år.",
        ["besøgsven", "frivillige", "bostøtte"],
        ["psykisk", "ensomhed"],
        ["psykiatri", "frivillighed"],
    ),
    seed(
        "Sms-service til pårørende til borgere i misbrugsbehandling",
        "Pårørende ved ikke, hvad der sker i behandlingen, og kan ikke støtte ordentligt.",
        "Med borgerens samtykke får en pårørende en kort sms efter hver behandlingsfase med et forslag til, "
        "hvordan de kan støtte. Pårørende kan også selv skrive og få svar inden for et døgn.",
        "Misbrugscentret.",
        "De pårørende føler sig mere inddraget, og borgerne oplever mere støtte derhjemme.",
        ["pårørende", "sms", "samtykke"],
        ["misbrug", "familier"],
        ["misbrugsbehandling", "digitalisering"],
    ),
    seed(
        "Åbent hus hos bostedet for naboer og lokale foreninger",
        "Naboer til bosteder for borgere med psykiske lidelser er ofte bekymrede. Beboerne mærker det og bliver "
        "mere isolerede.",
        "Bostedet holder åbent hus to gange om året med kaffe og kage, hvor beboerne selv viser rundt. Lokale "
        "foreninger inviteres, og der laves aftaler om fælles aktiviteter.",
        "Socialpsykiatrisk bosted i et villakvarter.",
        "Færre klager og flere beboere, der deltager i lokale foreninger.",
        ["naboskab", "åbenhed", "foreninger"],
        ["psykisk"],
        ["psykiatri", "frivillighed"],
    ),
    seed(
        "Ungekonsulent i gymnasiet til elever i mistrivsel",
        "Elever, der mistrives, falder fra gymnasiet, før nogen når at hjælpe. Vejen til kommunens tilbud er lang.",
        "En ungekonsulent fra kommunen har fast kontortid på gymnasiet to dage om ugen. Lærere og studievejledere "
        "kan henvise direkte, og eleverne kan selv møde op.",
        "Kommunens ungeindsats og et gymnasium.",
        "Færre frafald, og elever får hjælp, før problemerne vokser.",
        ["gymnasium", "mistrivsel", "frafald"],
        ["udsatte_unge", "psykisk"],
        ["børn_unge", "psykiatri"],
    ),
]

# Sentences the generator adds, so ideas from different places do not read word for word alike.
PROBLEM_ADDITIONS = [
    "Hos os i {place} har vi set problemet vokse de seneste år.",
    "I {place} rammer det især borgere i de mindre byer, hvor tilbuddene ligger langt væk.",
    "Problemet blev tydeligt for os i {place}, da vi gennemgik sagerne fra sidste år.",
    "Medarbejderne i {place} har længe peget på det samme.",
    "Vi hører det samme fra borgerne i {place}: de føler sig overladt til sig selv.",
]
SOLUTION_ADDITIONS = [
    "Vi har tilpasset modellen, så den passer til vores organisering.",
    "Det kræver ikke nye stillinger, men vi har omprioriteret nogle timer.",
    "Vi startede i ét team og har siden udvidet til hele afdelingen.",
    "Borgerne var med til at forme idéen fra starten.",
    "Vi har skrevet en kort drejebog, så nye kolleger hurtigt kan komme i gang.",
]
CONTEXT_ADDITIONS = [
    "Afprøvet i {place} fra {month} {year}.",
    "Vi har kørt det i {place} siden {month} {year}.",
    "Startet som et lille forsøg i {place} i {month} {year}.",
]
RESULT_ADDITIONS = [
    "I {place} har {count} borgere deltaget indtil videre.",
    "Vi følger op efter et år og deler resultaterne her.",
    "Borgerne giver forløbet en høj vurdering i vores opfølgning.",
    "",
]
TITLE_PATTERNS = [
    "{title}",
    "{title} – erfaringer fra {place}",
    "{title}: sådan gør vi i {place}",
    "{title} – vores version i {place}",
    "{title}: det har vi lært i {place}",
    "{title} (afprøvet i {place})",
]
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
EXTRA_TAGS = [
    "tværfagligt samarbejde",
    "borgerinddragelse",
    "tidlig indsats",
    "pårørende",
    "samskabelse",
    "frivillige",
    "relationsarbejde",
    "opfølgning",
]

COMMENTS = [
    "Det minder meget om noget, vi har gang i. Hvor mange timer om ugen bruger I på det?",
    "Tak for en god beskrivelse. Hvordan fik I ledelsen med på idéen?",
    "Vi prøvede noget lignende for et par år siden, men det gik i stå, da nøglepersonen stoppede. Hvordan sikrer "
    "I, at det ikke hænger på én medarbejder?",
    "Har I spurgt borgerne, om de selv oplever det som en forbedring?",
    "Hvordan håndterer I samtykke og databeskyttelse i den del?",
    "Spændende! Må jeg kontakte dig for at høre mere om opstarten?",
    "Vi har gode erfaringer med at inddrage frivillige i den del. Det aflaster personalet.",
    "Hvad gør I, når borgeren ikke møder op? Det er vores største udfordring.",
    "Hvordan er det finansieret hos jer? Puljemidler eller drift?",
    "Jeg har delt idéen på vores personalemøde, og der var stor interesse.",
    "Jeg savner lidt om, hvordan I samarbejder med regionen. Kan du uddybe?",
    "Hvor lang tid gik der, før I kunne se en forskel?",
    "Det lyder enkelt, men jeg forestiller mig, at det kræver meget koordinering. Hvem er tovholder?",
    "Vi overvejer at prøve det i vores team efter sommerferien.",
    "Godt at se, at borgernes egne erfaringer er med i beskrivelsen.",
    "Hvordan har I fået det til at passe med arbejdstiden? Det er ofte det, der stopper os.",
    "Fungerer det også for borgere, der ikke taler dansk?",
    "Vi har lignende resultater, men det tog længere tid hos os. Måske fordi vi er en landkommune.",
    "Hvor mange borgere er der tilknyttet per medarbejder?",
    "Super idé. Vi har et par erfaringer, der måske kan bruges – jeg skriver dem ned til dig.",
    "Er der nogen, der har prøvet det sammen med en frivillig forening?",
    "Det her burde være standard alle steder. Tak fordi du deler.",
    "Hvilke fagpersoner er med? Hos os ville det nok være sundhedsplejen, der skulle med.",
    "Hvordan dokumenterer I det, uden at det bliver en stor ekstra opgave?",
    "Vi kørte et lignende forsøg, men fik ikke målt ordentligt på det. Har I en skabelon?",
    "Har I oplevet nogen ulemper eller utilsigtede konsekvenser?",
    "Hvordan tager I imod nye medarbejdere i indsatsen?",
    "Det her vil jeg tage med til vores næste temadag.",
]
REPLIES = [
    "Vi bruger omkring fire timer om ugen, fordelt på to medarbejdere.",
    "Ledelsen var med fra starten, fordi vi kunne vise, at det sparede genindlæggelser.",
    "Vi har lavet en drejebog, så flere kan tage over. Jeg sender den gerne.",
    "Ja, vi spørger borgerne ved opstart og efter tre måneder med et kort skema.",
    "Borgeren giver samtykke ved første møde, og vi gemmer intet uden for journalen.",
    "Skriv endelig til mig, så tager vi en snak.",
    "Vi ringer dagen før og sender en sms om morgenen. Det har hjulpet meget.",
    "Det var puljemidler de første to år, og nu er det en del af driften.",
    "Godt spørgsmål. Det har vi ikke fundet en god løsning på endnu.",
    "Tak, det tager jeg med videre.",
    "Samme erfaring her. Det tog næsten et halvt år, før det kørte.",
    "Vi har en fast tovholder, men to kolleger kan træde til.",
    "Ja, med tolk. Det kræver lidt ekstra planlægning, men det virker.",
    "Vi har lavet en enkel skabelon i et regneark. Jeg deler den gerne.",
    "Den største ulempe er, at det er sårbart ved sygdom. Vi arbejder på det.",
]
DEEP_REPLIES = [
    "Tak for svaret, det giver god mening.",
    "Må jeg også få drejebogen?",
    "Det prøver vi også. Jeg vender tilbage med, hvordan det går.",
    "Fint, så skriver jeg til dig i næste uge.",
    "Det var lige det, jeg havde brug for at vide.",
]
TRIED_NOTES = [
    "Vi afprøvede idéen i et af vores teams med otte borgere. Det krævede lidt tilpasning, men borgerne tog godt "
    "imod det, og vi fortsætter.",
    "Vi har kørt det i et halvt år. Flere borgere møder stabilt op, og medarbejderne oplever færre akutte "
    "henvendelser.",
    "Det virkede godt for de yngste, mens de ældre borgere havde brug for mere støtte i starten.",
    "Vi startede småt og har nu udvidet til hele afdelingen. Den største gevinst er et bedre samarbejde med de "
    "andre forvaltninger.",
    "Resultaterne er blandede: halvdelen af borgerne fik meget ud af det, men vi manglede tid til opfølgning.",
    "Vi har tilpasset idéen til en landkommune med lange afstande. Det fungerer, men transporten er en udfordring.",
    "Borgerne var glade for det, og vi har skrevet det ind i vores nye strategi.",
    "Vi stoppede efter tre måneder, fordi vi ikke kunne bemande det. Idéen er god, men kræver faste ressourcer.",
    "Det har givet mere ro i hverdagen for både borgere og personale. Vi fortsætter næste år.",
    "Vi har prøvet det sammen med en frivillig forening, og det har givet mange nye kontakter for borgerne.",
]
# For the moderation queue in the demo: content someone reported, with the reporters' notes.
SPAM_COMMENT = "Køb billige kurser i coaching på vores hjemmeside – halv pris i denne uge! Skriv til os for et tilbud."
HARSH_COMMENT = "Det her er spild af skattekroner. Folk skal bare tage sig sammen."
REPORT_NOTES = {
    "spam": "Reklame for et privat firma.",
    "offensive": "Tonen er nedladende over for borgerne.",
    "off_topic": "Har ikke noget med socialt arbejde at gøre.",
}

FIRST_NAMES = [
    "Anne",
    "Mette",
    "Hanne",
    "Susanne",
    "Lene",
    "Marianne",
    "Camilla",
    "Louise",
    "Maria",
    "Sara",
    "Julie",
    "Ida",
    "Emma",
    "Freja",
    "Signe",
    "Karina",
    "Tina",
    "Pia",
    "Birgitte",
    "Nadia",
    "Amina",
    "Fatima",
    "Lars",
    "Jens",
    "Peter",
    "Michael",
    "Søren",
    "Thomas",
    "Martin",
    "Henrik",
    "Rasmus",
    "Mads",
    "Jonas",
    "Kasper",
    "Mikkel",
    "Anders",
    "Kim",
    "Ali",
    "Omar",
    "Jesper",
]
LAST_NAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Olesen",
    "Frederiksen",
    "Laursen",
    "Henriksen",
    "Lund",
    "Holm",
    "Schmidt",
    "Kjær",
    "Dahl",
    "Bach",
    "Vestergaard",
    "Ahmed",
    "Hussein",
]
JOB_TITLES = [
    "Socialrådgiver",
    "Pædagog",
    "Socialpædagog",
    "Misbrugsbehandler",
    "Gadeplansmedarbejder",
    "Bostøttemedarbejder",
    "Familiebehandler",
    "SSP-konsulent",
    "Jobkonsulent",
    "Sagsbehandler",
    "Sundhedsplejerske",
    "Sygeplejerske",
    "Ergoterapeut",
    "Psykolog",
    "Mentor",
    "Koordinator",
    "Afdelingsleder",
    "Voldskonsulent",
    "Demenskoordinator",
    "Hjemmevejleder",
]

# Forty municipalities across all five regions for the hand-written set (the demo logins' five included).
DEMO_MUNICIPALITIES = [
    101,
    147,
    151,
    157,
    159,
    167,
    217,
    219,
    400,
    259,
    265,
    316,
    330,
    370,
    376,
    390,
    410,
    430,
    461,
    479,
    510,
    540,
    561,
    621,
    630,
    607,
    615,
    657,
    661,
    730,
    740,
    751,
    760,
    791,
    787,
    813,
    846,
    851,
    860,
    727,
]
