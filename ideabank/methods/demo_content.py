"""Hand-written Danish demo methods for `seed_demo`: about thirty methods from the social sector, each with
a description in steps, roles and materials, outcome indicators, a knowledge declaration, research and a
Lovende praksis assessment.

Written for this project. The people quoted and the studies listed are made up (plausible, never real):
no study here links to a real journal, only to example.org. Target groups and themes use the short keys
of the ideas' demo content (ideabank.ideas.demo_content.TARGET_GROUPS / THEMES), and origin ideas are
named by the title of an idea seed there, so methods are credited to ideas about the same practice.

Plain text throughout: blank lines separate paragraphs (see demo.rich_text). Goals are either one
paragraph or a list of bullets.
"""

from dataclasses import dataclass

UP, DOWN = "up", "down"
PROMISING, NOT_YET = "promising", "not_yet"
RCT, QUASI, PRE_POST, QUALITATIVE, PRACTICE = "rct", "quasi", "pre_post", "qualitative", "practice"


@dataclass(frozen=True)
class Study:
    title: str
    authors: str
    year: int
    design: str
    findings: str
    link: str = ""


@dataclass(frozen=True)
class MethodSeed:
    slug: str
    title: str
    summary: str
    problem: str
    theory_of_change: str
    steps: tuple  # (title, what to do, duration or "")
    roles: tuple  # (role, responsibilities)
    materials: tuple  # (title, description)
    quote: tuple  # (text, who says it)
    goals: str | tuple  # a paragraph, or bullets
    indicators: tuple  # (name, unit, UP | DOWN)
    resources: str
    groups: tuple
    themes: tuple
    tags: tuple
    declaration: dict  # dimension key → (level A–D, justification)
    research: tuple  # Study
    scores: tuple  # 11 × (score 0–3, justification), in the elements' official order
    conclusion: str
    origins: tuple  # titles of idea seeds in ideabank.ideas.demo_content


def declare(*, maalgruppe, metode, implementering, effekt, oekonomi):
    return {
        "maalgruppe": maalgruppe,
        "metode": metode,
        "implementering": implementering,
        "effekt": effekt,
        "oekonomi": oekonomi,
    }


def method(**fields):
    for name in ("steps", "roles", "materials", "indicators", "groups", "themes", "tags", "research", "scores"):
        fields[name] = tuple(fields[name])
    fields["origins"] = tuple(fields.get("origins", ()))
    if not isinstance(fields["goals"], str):
        fields["goals"] = tuple(fields["goals"])
    return MethodSeed(**fields)


# Shared by several methods: kept once in the research library.
NATIONAL_HOMELESSNESS_PROGRAMME = Study(
    "Hjemløseindsatsen på tværs af kommuner: erfaringer med bostøttemetoderne",
    "Vestergaard, M., Juhl, A. & Søndergaard, L.",
    2022,
    PRE_POST,
    "Opgørelse fra 24 kommuner over tre år. Ni ud af ti borgere i de intensive bostøttemetoder var fortsat i egen "
    "bolig efter et år, når støtten blev givet med den beskrevne intensitet. Kommuner med mere end tre måneders "
    "ventetid på en bolig havde markant flere, der faldt fra.",
    "https://example.org/rapporter/hjemloeseindsatsen-paa-tvaers",
)
RECOVERY_INTERVIEWS = Study(
    "Det, der hjalp: 32 borgeres fortællinger om recovery i kommunal socialpsykiatri",
    "Bech, H. & Thorsen, L.",
    2021,
    QUALITATIVE,
    "Borgerne fremhævede tre ting: en fast person, der ikke giver op, at blive mødt som andet end en diagnose, og "
    "at have indflydelse på egen plan. Skift af kontaktperson blev oftest nævnt som et tilbageslag.",
)
LONELY_ELDERLY_SURVEY = Study(
    "Ensomhed blandt hjemmeboende ældre: en opgørelse fra seks kommuner",
    "Kragh, E., Mortensen, B. & Laursen, J.",
    2023,
    PRE_POST,
    "Hver sjette ældre med hjemmehjælp svarede, at de ofte var uønsket alene. Efter et halvt år i et fast "
    "fællesskab faldt andelen blandt deltagerne fra 61 til 38 procent. Der var ingen sammenligningsgruppe.",
)


METHOD_SEEDS = [
    # ---- bolig og hjemløshed ----
    method(
        slug="housing-first-med-intensiv-bostoette",
        title="Housing First med intensiv bostøtte (ICM)",
        summary=(
            "Borgere i hjemløshed får en selvstændig bolig med egen lejekontrakt så hurtigt som muligt, uden krav "
            "om først at være stoffri eller 'boligparat'. En fast case manager følger borgeren i hjemmet og "
            "koordinerer støtten fra misbrugsbehandling, psykiatri, jobcenter og egen læge. Støtten varer, så "
            "længe borgeren har brug for den, og følger med, hvis borgeren mister boligen."
        ),
        problem=(
            "Mange borgere i hjemløshed har både misbrug, psykiske vanskeligheder og gæld. Når en bolig "
            "forudsætter, at de først bliver 'klar' på herberget, går der år, og mange falder ud undervejs.\n\n"
            "Uden en fast person at holde fast i mister borgerne ofte boligen igen i de første måneder, fordi "
            "husleje, post og naboforhold bliver uoverskuelige."
        ),
        theory_of_change=(
            "Boligen er et stabilt udgangspunkt, ikke en belønning. Når borgeren har et sted at være, kan kræfterne "
            "bruges på behandling, økonomi og relationer. Den intensive og fleksible støtte gør det muligt at "
            "fastholde boligen, og borgerens egne valg giver ejerskab og motivation. Kortere tid i hjemløshed "
            "betyder mindre slid, færre indlæggelser og mindre kriminalitet."
        ),
        steps=[
            (
                "Første samtale, dér hvor borgeren er",
                "Borgeren henvises fra herberg, gadeteam eller udslusning. Case manageren mødes med borgeren på "
                "herberget, på gaden eller på værestedet og taler om ønsker til bolig og område. Der stilles ingen "
                "krav om behandling.",
                "1–2 uger",
            ),
            (
                "Find boligen sammen",
                "Boliganvisningen og boligselskaberne reserverer boliger spredt i almindelige opgange. Case "
                "manageren tager med til fremvisning og hjælper med indskud, boligstøtte og lejekontrakt.",
                "2–12 uger",
            ),
            (
                "Indflytning med fast tjekliste",
                "De første fire uger gennemgår case manageren og borgeren husleje over betalingsservice, el, "
                "internet, Digital Post, lægeskift og et værested i nærheden. Besøg to til tre gange om ugen.",
                "1 måned",
            ),
            (
                "Koordineret støtte i hjemmet",
                "Case manageren er borgerens faste person og koordinerer med misbrugscenter, psykiatri, jobcenter "
                "og egen læge. Borgeren vælger selv, hvad der skal arbejdes med først.",
                "Så længe behovet er der",
            ),
            (
                "Nedtrapning og plan ved kriser",
                "Når borgeren er stabil, trappes besøgene ned. Sammen laver I en plan for, hvad der sker ved "
                "tilbagefald, udsættelsessag eller indlæggelse. Mister borgeren boligen, følger støtten med.",
                "",
            ),
        ],
        roles=[
            (
                "Case manager",
                "Har 8–10 borgere, er borgerens faste kontakt og koordinerer alle andre indsatser. Kan kontaktes i "
                "dagtimerne og har et aftalt beredskab ved kriser.",
            ),
            (
                "Boligkoordinator",
                "Har overblik over ledige boliger og samarbejdet med boligselskaberne og hjælper ved naboklager og "
                "udsættelsessager.",
            ),
        ],
        materials=[
            (
                "Tjekliste til de første fire uger i boligen",
                "Et skema med de praktiske opgaver ved indflytning, som case manager og borger krydser af sammen.",
            ),
        ],
        quote=(
            "Det første, jeg gjorde, var at sove en hel nat med låst dør. Så kunne jeg begynde at tænke på alt det "
            "andet.",
            "Michael, 52 år, har boet i egen bolig i tre år",
        ),
        goals=[
            "Borgeren bor stabilt i egen bolig efter et år.",
            "Færre akutte indlæggelser og skadestuebesøg.",
            "Borgeren oplever mere kontrol over eget liv.",
        ],
        indicators=[
            ("Andel i egen bolig efter 12 måneder", "procent", UP),
            ("Nætter uden egen bolig det seneste halve år", "nætter", DOWN),
            ("Selvvurderet livskvalitet", "point på skala 1-10", UP),
        ],
        resources=(
            "En case manager kan følge 8–10 borgere. Med løn, kørsel og ledelse koster det omkring 90.000–110.000 "
            "kr. pr. borger om året. Dertil kommer kommunens udgifter til indskud og garanti. Udgiften opvejes "
            "delvist af færre herbergsophold, indlæggelser og politiudrykninger."
        ),
        groups=["hjemløse", "misbrug", "psykisk"],
        themes=["bolig", "misbrugsbehandling"],
        tags=["Housing First", "bostøtte", "case management"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen og kriterierne for at blive henvist er klart beskrevet."),
            metode=("A", "Principper, intensitet og støtteform er beskrevet i en manual og brugt i mange kommuner."),
            implementering=(
                "B",
                "Der er gode danske erfaringer, men adgangen til billige boliger varierer meget mellem kommunerne.",
            ),
            effekt=("A", "Flere lodtrækningsforsøg viser markant bedre boligstabilitet end en trappemodel."),
            oekonomi=(
                "B",
                "Analyser tyder på, at udgiften delvist opvejes af sparede udgifter, men tallene er usikre.",
            ),
        ),
        research=[
            Study(
                "Egen bolig først: boligfastholdelse efter to år i et lodtrækningsforsøg med 420 borgere",
                "Lindholm, K., Ravn, S. & Bakke, T.",
                2019,
                RCT,
                "Efter 24 måneder boede 78 procent i Housing First-gruppen stadig i egen bolig mod 41 procent i "
                "kontrolgruppen. Der var ingen forskel i misbrug, men færre akutte indlæggelser.",
            ),
            NATIONAL_HOMELESSNESS_PROGRAMME,
        ],
        scores=[
            (3, "Bygger på en veldefineret teori om boligen som fundament og et stort internationalt vidensgrundlag."),
            (3, "Lodtrækningsforsøg viser klart bedre boligstabilitet."),
            (3, "Målgruppe, støtteform og intensitet er beskrevet i en manual."),
            (3, "Klare og målbare mål for boligstabilitet og livskvalitet."),
            (2, "Kan overføres, men forudsætter billige boliger, som mangler i nogle kommuner."),
            (2, "Høj udgift pr. borger, som dog delvist opvejes af sparede udgifter andre steder."),
            (3, "Faste teammøder og supervision er en del af modellen."),
            (3, "Den faste case manager og borgerens egne valg er kernen i indsatsen."),
            (3, "Borgeren bestemmer rækkefølgen af indsatserne."),
            (2, "Boligstatus følges tæt, men livskvalitet måles ikke alle steder."),
            (2, "Modeltroskaben følges op i de fleste kommuner, men ikke overalt."),
        ],
        conclusion=PROMISING,
        origins=["Bostøtten følger med ind i den nye bolig"],
    ),
    method(
        slug="critical-time-intervention",
        title="Critical Time Intervention (CTI) ved udskrivning og udflytning",
        summary=(
            "CTI er en tidsafgrænset bostøtte på ni måneder til borgere, der flytter fra herberg, psykiatrisk "
            "afdeling eller fængsel til egen bolig. En CTI-medarbejder bygger bro i den kritiske overgang, "
            "etablerer et netværk af faste hjælpere omkring borgeren og trapper planlagt ned i tre faser, så "
            "borgeren står med sit eget netværk, når forløbet slutter."
        ),
        problem=(
            "Overgangen fra en institution til egen bolig er det tidspunkt, hvor flest mister fodfæstet. Støtten "
            "fra institutionen slutter den dag, borgeren flytter, og den nye støtte er ofte ikke kommet i gang.\n\n"
            "Mange borgere ender derfor tilbage på herberget eller bliver genindlagt inden for få måneder."
        ),
        theory_of_change=(
            "Ved at være til stede i netop overgangen og bevidst overdrage opgaverne til varige hjælpere, fx "
            "bostøtte, egen læge, familie og foreninger, får borgeren et netværk, der holder efter forløbet. Den "
            "faste tidsramme holder fokus på at bygge netværket op i stedet for at blive borgerens eneste hjælper."
        ),
        steps=[
            (
                "Kontakt før udflytningen",
                "CTI-medarbejderen møder borgeren, mens borgeren stadig bor på herberget eller er indlagt, og "
                "laver en plan for de første uger sammen med borgeren og institutionen.",
                "2–4 uger før",
            ),
            (
                "Fase 1: Overgangen",
                "Hyppige besøg i den nye bolig. Medarbejderen følger med til de første aftaler og introducerer "
                "borgeren til de hjælpere, der skal være der bagefter.",
                "Måned 1–3",
            ),
            (
                "Fase 2: Afprøvning",
                "Borgeren og netværket klarer mere selv. Medarbejderen træder et skridt tilbage og justerer, hvor "
                "netværket ikke holder.",
                "Måned 4–6",
            ),
            (
                "Fase 3: Overdragelse",
                "Ansvaret overdrages formelt på et afslutningsmøde med borgeren og netværket. Alle ved, hvem der "
                "gør hvad, når CTI-forløbet slutter.",
                "Måned 7–9",
            ),
        ],
        roles=[
            (
                "CTI-medarbejder",
                "Følger 10–12 borgere i hver sin fase, bygger netværket op og overdrager ansvaret planlagt.",
            ),
            (
                "Kontaktperson på institutionen",
                "Deltager i planlægningen før udflytning og giver viden om borgeren videre med borgerens samtykke.",
            ),
        ],
        materials=[
            ("Faseplan for CTI", "Skema med mål og aftaler for hver af de tre faser, udfyldt sammen med borgeren."),
            ("Netværkskort", "Et kort over de personer og steder, borgeren kan støtte sig til efter forløbet."),
        ],
        quote=(
            "Det var rart, at hun sagde fra starten, at det var ni måneder. Så vidste jeg, at vi skulle nå at finde "
            "nogen andre, jeg kunne ringe til.",
            "Jannie, 34 år, flyttede fra forsorgshjem",
        ),
        goals=[
            "Borgeren bor stadig i egen bolig ni måneder efter udflytning.",
            "Borgeren har mindst to faste hjælpere eller personer i netværket ved afslutning.",
            "Færre genindlæggelser og færre, der vender tilbage til herberget.",
        ],
        indicators=[
            ("Andel i egen bolig ved forløbets afslutning", "procent", UP),
            ("Genindlæggelser inden for ni måneder", "antal", DOWN),
            ("Faste personer i netværket ved afslutning", "antal", UP),
        ],
        resources=(
            "En CTI-medarbejder kan følge 10–12 borgere. Et forløb koster omkring 45.000–55.000 kr. pr. borger. "
            "Metoden kræver uddannelse i CTI og fast supervision, men ingen særlige lokaler."
        ),
        groups=["hjemløse", "psykisk", "kriminalitet"],
        themes=["bolig", "psykiatri"],
        tags=["CTI", "overgange", "bostøtte", "udskrivning"],
        declaration=declare(
            maalgruppe=("A", "Metoden er udviklet til en klart afgrænset gruppe i overgang fra institution."),
            metode=("A", "Faserne, intensiteten og varigheden er beskrevet i en manual."),
            implementering=("B", "Flere danske kommuner har implementeret metoden med fidelitetsmålinger."),
            effekt=(
                "B",
                "Et lodtrækningsforsøg og flere kontrollerede studier viser færre tilbagefald til hjemløshed.",
            ),
            oekonomi=("C", "Der er kun enkelte og usikre danske beregninger af økonomien."),
        ),
        research=[
            Study(
                "Ni måneder, der holder? CTI for borgere udskrevet fra psykiatrien",
                "Kjeldsen, P., Holm, R. & Nyborg, S.",
                2020,
                RCT,
                "Borgere i CTI havde 35 procent færre nætter i hjemløshed i det første år end borgere med "
                "almindelig opfølgning. Forskellen holdt 18 måneder efter start.",
            ),
            NATIONAL_HOMELESSNESS_PROGRAMME,
        ],
        scores=[
            (3, "Tydelig teori om kritiske overgange og et solidt vidensgrundlag."),
            (2, "Effektstudier viser færre tilbagefald, men kun få danske studier."),
            (3, "Faser, opgaver og varighed er beskrevet i detaljer."),
            (3, "Klare mål for bolig og netværk ved afslutning."),
            (3, "Er overført til flere målgrupper og kommuner."),
            (2, "Moderat udgift pr. forløb; økonomien er ikke grundigt belyst."),
            (2, "Supervision er beskrevet, men ikke alle teams har den fast."),
            (3, "Medarbejderen bygger bro mellem borgeren og nye hjælpere."),
            (2, "Planen lægges med borgeren, men tidsrammen er fast."),
            (2, "Fasemålene følges op, men data samles ikke ens alle steder."),
            (2, "Fidelitetsmålinger bruges i nogle kommuner."),
        ],
        conclusion=PROMISING,
        origins=["Fælles udskrivningsmøde, før borgeren forlader psykiatrisk afdeling"],
    ),
    method(
        slug="skaeve-boliger-med-social-vicevaert",
        title="Skæve boliger med en social vicevært",
        summary=(
            "Små, robuste boliger til borgere, der ikke kan bo i en almindelig opgang, med en social vicevært, der "
            "kender beboerne og er til stede i hverdagen. Viceværten tager sig både af huset og af naboskabet, "
            "griber ind tidligt ved konflikter og bygger bro til bostøtte og behandling."
        ),
        problem=(
            "Nogle borgere med langvarig hjemløshed, misbrug og psykisk sygdom bliver gentagne gange sat ud af "
            "almindelige boliger på grund af larm, besøgende og konflikter med naboer. De ender på herberget igen."
        ),
        theory_of_change=(
            "En bolig, der tåler en anderledes livsstil, og en voksen, der er til stede dagligt, forebygger de "
            "konflikter, der ellers fører til udsættelse. Viceværtens relation til beboerne gør det muligt at "
            "opdage kriser tidligt og bygge bro til anden hjælp."
        ),
        steps=[
            (
                "Placering og byggeri",
                "Find en grund lidt væk fra tæt bebyggelse, men tæt på indkøb og offentlig transport. Boligerne "
                "bygges i robuste materialer med egen indgang.",
                "",
            ),
            (
                "Visitation med blik for sammensætningen",
                "Boligerne tildeles med opmærksomhed på, hvordan beboerne passer sammen. Borgeren får en "
                "almindelig lejekontrakt.",
                "",
            ),
            (
                "Daglig tilstedeværelse",
                "Viceværten er på stedet hver hverdag, drikker kaffe med beboerne, ordner små reparationer og "
                "holder øje med, hvordan det går.",
                "Løbende",
            ),
            (
                "Tidlig indgriben ved konflikter",
                "Viceværten tager fat i konflikter, før de bliver til klager, og kontakter bostøtten eller "
                "misbrugscentret, når en beboer har brug for mere hjælp.",
                "",
            ),
        ],
        roles=[
            (
                "Social vicevært",
                "Har ansvar for bygninger og naboskab, kender beboerne og bygger bro til bostøtte og behandling.",
            ),
            (
                "Bostøttemedarbejder",
                "Giver den individuelle støtte efter serviceloven til beboere, der har brug for det.",
            ),
        ],
        materials=[
            ("Husregler lavet med beboerne", "Få og enkle aftaler, som beboerne selv har været med til at formulere."),
        ],
        quote=(
            "Han banker på, hvis han ikke har set mig i to dage. Det er ikke kontrol, det er bare, fordi han gider.",
            "Beboer i en skæv bolig",
        ),
        goals=[
            "Beboerne bliver boende.",
            "Færre naboklager og udsættelsessager.",
            "Beboerne har kontakt til relevant behandling.",
        ],
        indicators=[
            ("Beboere, der stadig bor der efter to år", "procent", UP),
            ("Naboklager pr. år", "antal", DOWN),
        ],
        resources=(
            "Byggeri af 6–8 boliger koster typisk 6–9 mio. kr. med statslig støtte. En social vicevært i fuld tid "
            "koster omkring 450.000 kr. om året og dækker 8–12 boliger."
        ),
        groups=["hjemløse", "misbrug", "psykisk"],
        themes=["bolig"],
        tags=["skæve boliger", "vicevært", "naboskab"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet, men kriterierne varierer mellem kommunerne."),
            metode=("B", "Byggeri og viceværtens rolle er beskrevet, mens den daglige praksis varierer."),
            implementering=("B", "Der er mange års erfaringer med skæve boliger i Danmark."),
            effekt=("C", "Opgørelser viser, at mange bliver boende, men der er ingen sammenligningsgruppe."),
            oekonomi=("C", "Byggeudgifterne er kendte, mens gevinsterne kun er skønnet."),
        ),
        research=[
            Study(
                "Skæve huse, lige liv? En opfølgning på beboerne i 14 skæve boligprojekter",
                "Frandsen, K. & Olesen, M.",
                2018,
                PRE_POST,
                "Tre ud af fire beboere boede der stadig efter to år. Beboerne fremhævede viceværten som den "
                "vigtigste grund til, at de blev boende.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om, at nogle borgere har brug for en anden boform."),
            (2, "Opgørelser viser høj boligfastholdelse, men uden sammenligning."),
            (2, "Byggeri og viceværtfunktion er beskrevet, praksis mindre."),
            (2, "Målene for boligfastholdelse er klare, de sociale mål mindre."),
            (2, "Kan overføres, men kræver en egnet grund og byggeri."),
            (1, "Store anlægsudgifter og usikre gevinster."),
            (1, "Viceværten står ofte alene uden fast faglig sparring."),
            (3, "Den daglige relation er bærende."),
            (2, "Støtten tilpasses den enkelte via bostøtten."),
            (1, "Kun boligstatus følges systematisk."),
            (2, "Tilbuddene justeres efter beboermøder og klager."),
        ],
        conclusion=NOT_YET,
        origins=["Skæve boliger med en vicevært, der kender beboerne"],
    ),
    method(
        slug="gadeplansarbejde-med-sundhedsfokus",
        title="Opsøgende gadeplansarbejde med sundhedsfokus",
        summary=(
            "Et gadeplansteam med en sygeplejerske møder borgere i hjemløshed, hvor de opholder sig, på faste "
            "tider og steder. Kontakten starter med noget konkret, fx morgenmad eller sårpleje, og uden krav om "
            "registrering. Når tilliden er der, følger teamet med til læge, tandlæge, behandling eller kommunen."
        ),
        problem=(
            "Gadesovere kommer sjældent til egen læge, og mange går med ubehandlede sår, infektioner og dårlige "
            "tænder, til det bliver akut. Mødet med systemet opleves som krav og venteværelser, og mange bliver væk."
        ),
        theory_of_change=(
            "Faste, forudsigelige møder på borgerens præmisser skaber tillid. Konkret hjælp her og nu viser, at "
            "kontakten er til for borgerens skyld, og tilliden gør det muligt at bygge bro til det øvrige system."
        ),
        steps=[
            (
                "Kortlæg, hvor borgerne er",
                "Teamet går ruter på forskellige tider af døgnet og taler med politi, butikker og væresteder om, "
                "hvor borgerne opholder sig.",
                "Første måned",
            ),
            (
                "Faste tider og steder",
                "Teamet er samme sted på samme tid hver uge, fx med morgenmad fra en ladcykel. Forudsigelighed er "
                "vigtigere end mange timer.",
                "Ugentligt",
            ),
            (
                "Sundhed her og nu",
                "Sygeplejersken tilbyder sårpleje, blodtryksmåling og en snak. Intet skrives ned, medmindre "
                "borgeren selv ønsker det.",
                "",
            ),
            (
                "Følg med videre",
                "Når borgeren er klar, følger en medarbejder med til læge, tandlæge, misbrugscenter eller "
                "borgerservice og venter sammen med borgeren.",
                "",
            ),
        ],
        roles=[
            ("Gadeplansmedarbejder", "Skaber og holder kontakten og følger borgere videre i systemet."),
            ("Sygeplejerske", "Giver enkel sundhedshjælp på gaden og vurderer, hvornår der skal mere til."),
        ],
        materials=[
            ("Sårplejetaske", "En fast pakkeliste til sårpleje og førstehjælp på gaden."),
        ],
        quote=(
            "Jeg kom for kaffen. Tredje gang spurgte hun til mit ben, og så fik hun lov at kigge på det.",
            "Gæst ved morgenmaden",
        ),
        goals=[
            "Flere gadesovere får behandlet sår og sygdomme, før de bliver akutte.",
            "Flere har kontakt til egen læge.",
        ],
        indicators=[
            ("Borgere fulgt til læge, tandlæge eller behandling", "antal pr. halvår", UP),
            ("Skadestuebesøg blandt kendte borgere", "antal pr. halvår", DOWN),
        ],
        resources=(
            "To gadeplansmedarbejdere og en sygeplejerske på deltid, samlet omkring 1,3 mio. kr. om året. "
            "Morgenmaden koster få tusinde kroner om måneden og kan ofte sponseres af en lokal bager."
        ),
        groups=["hjemløse", "misbrug"],
        themes=["bolig", "misbrugsbehandling"],
        tags=["gadeplan", "sundhed", "opsøgende arbejde"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er tydelig, men svær at afgrænse og tælle."),
            metode=("C", "Metoden er beskrevet af de enkelte teams, ikke i en fælles manual."),
            implementering=("C", "Erfaringer fra få byer."),
            effekt=("D", "Der er ingen effektmålinger, kun optællinger af kontakter."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            Study(
                "Kaffe først: erfaringer med sundhedsrettet gadeplansarbejde",
                "Winther, S. & Gade, P.",
                2023,
                PRACTICE,
                "Efter et halvt år kom omkring 35 faste gæster, og 11 var fulgt til læge eller tandlæge. "
                "Medarbejderne peger på faste tider og en sygeplejerske som det afgørende.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om opsøgende arbejde og tillid som forudsætning."),
            (1, "Kun optællinger af kontakter; ingen målinger af borgernes sundhed."),
            (2, "Rutiner og tider er beskrevet lokalt."),
            (2, "Målene er forståelige, men ikke alle er målbare."),
            (2, "Kan overføres til andre byer med gadesovere."),
            (1, "Udgiften er kendt, gevinsten ikke."),
            (2, "Teamet reflekterer sammen efter hver vagt."),
            (3, "Relationen og tilliden er hele grundlaget."),
            (3, "Kontakten sker helt på borgerens præmisser."),
            (1, "Ingen systematisk registrering ud over antal kontakter."),
            (1, "Tilbuddet justeres uformelt."),
        ],
        conclusion=NOT_YET,
        origins=[
            "Morgenmad fra ladcykel som indgang til sundhedstjek for gadesovere",
            "Hundepasning, når en gadesover skal indlægges eller i behandling",
        ],
    ),
    # ---- psykiatri og misbrug ----
    method(
        slug="act-team",
        title="ACT-team: udgående behandling og støtte til de mest udsatte",
        summary=(
            "Et tværfagligt team med psykiater, sygeplejerske, socialrådgiver, misbrugsbehandler og "
            "bostøttemedarbejder følger borgere med svær psykisk sygdom og misbrug i deres eget hjem. Teamet deler "
            "ansvaret for alle borgere, har højst ti borgere pr. medarbejder og er tilgængeligt hele ugen, så "
            "borgeren ikke skal rundt mellem mange systemer."
        ),
        problem=(
            "Borgere med både svær psykisk sygdom og misbrug bliver tabt mellem psykiatri, misbrugsbehandling og "
            "kommunens socialindsats. De udebliver fra aftaler, bliver udskrevet til ingenting og bliver "
            "genindlagt, ofte akut og med tvang."
        ),
        theory_of_change=(
            "Når ét team samler behandling og social støtte og kommer til borgeren, forsvinder de overgange, hvor "
            "borgerne falder fra. Det fælles ansvar gør teamet robust over for sygdom og ferie, og den lave "
            "borgerbelastning giver tid til at skabe tillid."
        ),
        steps=[
            (
                "Fælles henvisning",
                "Region og kommune henviser via et fælles visitationsforum ud fra klare kriterier: svær psykisk "
                "sygdom, gentagne indlæggelser og manglende kontakt til andre tilbud.",
                "",
            ),
            (
                "Daglig morgenkonference",
                "Teamet gennemgår alle borgere hver morgen og fordeler dagens besøg. Alle kender alle borgere.",
                "15–30 minutter dagligt",
            ),
            (
                "Behandling og støtte i hjemmet",
                "Medicin, misbrugsbehandling, økonomi og praktisk hjælp gives, hvor borgeren er. Teamet kommer "
                "igen, også når borgeren ikke åbner døren.",
                "",
            ),
            (
                "Kriseberedskab",
                "Teamet er tilgængeligt alle ugens dage og kender borgerens kriseplan, så indlæggelse kan "
                "undgås eller planlægges.",
                "",
            ),
            (
                "Overgang til mindre intensiv støtte",
                "Når borgeren er stabil, planlægges en gradvis overgang til distriktspsykiatri og almindelig bostøtte.",
                "Efter 2–4 år",
            ),
        ],
        roles=[
            ("Teamleder", "Leder morgenkonferencen, fordeler opgaverne og holder fidelitet med modellen."),
            ("Psykiater og sygeplejerske", "Står for den psykiatriske behandling og medicin i hjemmet."),
            ("Socialrådgiver og misbrugsbehandler", "Tager sig af økonomi, bolig, sager og misbrugsbehandling."),
        ],
        materials=[
            ("Fidelitetsskala for ACT", "Bruges hvert år til at tjekke, om teamet arbejder efter modellen."),
        ],
        quote=(
            "Før havde jeg syv forskellige, der ringede. Nu er det teamet. De ved, hvem jeg er, også når jeg har det "
            "skidt.",
            "Borger, som har været tilknyttet et ACT-team i fire år",
        ),
        goals=[
            "Færre akutte indlæggelser og tvangsindlæggelser.",
            "Borgeren bevarer kontakten til behandling.",
            "Borgeren bor stabilt.",
        ],
        indicators=[
            ("Akutte indlæggelsesdage pr. år", "dage", DOWN),
            ("Borgere med fast kontakt efter et år", "procent", UP),
            ("Andel i egen bolig", "procent", UP),
        ],
        resources=(
            "Et team på 8–10 medarbejdere følger 80–100 borgere. Det koster omkring 120.000 kr. pr. borger om "
            "året, delt mellem region og kommune. Færre indlæggelsesdage opvejer en del af udgiften."
        ),
        groups=["psykisk", "misbrug", "hjemløse"],
        themes=["psykiatri", "misbrugsbehandling"],
        tags=["ACT", "dobbeltdiagnose", "udgående team", "samarbejde"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen og visitationskriterierne er klart beskrevet."),
            metode=("A", "Modellen er beskrevet i detaljer og har en anerkendt fidelitetsskala."),
            implementering=("B", "Flere danske teams har arbejdet efter modellen i mange år."),
            effekt=("B", "Internationale forsøg viser færre indlæggelser og bedre fastholdelse i behandling."),
            oekonomi=("B", "Studier tyder på, at sparede indlæggelser dækker en stor del af udgiften."),
        ),
        research=[
            Study(
                "Færre dage på afdelingen: et kvasi-eksperimentelt studie af tre danske ACT-teams",
                "Søgaard, N., Friis, J. & Ahmadi, L.",
                2017,
                QUASI,
                "Borgere i ACT havde 42 procent færre akutte indlæggelsesdage over to år end en matchet gruppe i "
                "almindelig distriktspsykiatri. Flere bevarede kontakten til behandling.",
            ),
            RECOVERY_INTERVIEWS,
        ],
        scores=[
            (3, "Veldefineret model med et stærkt internationalt vidensgrundlag."),
            (3, "Studier viser færre indlæggelser og bedre fastholdelse."),
            (3, "Modellen er beskrevet i detaljer med fidelitetsskala."),
            (3, "Klare mål for indlæggelser, kontakt og bolig."),
            (2, "Kræver samarbejde mellem region og kommune, som ikke findes overalt."),
            (2, "Høj udgift, men delvist opvejet af færre indlæggelser."),
            (3, "Daglig morgenkonference og fælles ansvar."),
            (3, "Vedholdende kontakt er en del af metoden."),
            (2, "Støtten tilpasses, men rammen er fast."),
            (2, "Indlæggelser følges systematisk, trivsel mindre."),
            (3, "Årlige fidelitetsmålinger og justering."),
        ],
        conclusion=PROMISING,
        origins=["Én fælles plan for borgere med både psykisk lidelse og misbrug"],
    ),
    method(
        slug="recovery-mentorer",
        title="Recovery-mentorer med egen erfaring",
        summary=(
            "Ansatte recovery-mentorer med egen erfaring med psykisk sygdom støtter borgere i socialpsykiatrien. "
            "Mentoren deler sine erfaringer, går med til aftaler og hjælper borgeren med at finde håb og egne "
            "mål. Mentorerne er uddannet til rollen, får løn og supervision og indgår i teamet på lige fod med "
            "de øvrige medarbejdere."
        ),
        problem=(
            "Mange borgere med psykisk sygdom oplever at blive mødt som en diagnose. De har svært ved at se en vej "
            "frem, og professionelle kan ikke altid give det håb, som det at møde en, der selv har været der, kan."
        ),
        theory_of_change=(
            "At møde en, der selv er kommet videre, giver håb og gør recovery konkret. Mentorens erfaring gør det "
            "lettere at tale om skam, medicin og tilbagefald, og mentoren kan oversætte mellem borgeren og systemet."
        ),
        steps=[
            (
                "Rekruttering og uddannelse",
                "Rekruttér mentorer med egen erfaring og et stykke tid i stabil bedring. Giv dem et uddannelsesforløb "
                "om rollen, grænser og at bruge egen erfaring bevidst.",
                "2–3 måneder",
            ),
            (
                "Forbered teamet",
                "Teamet aftaler, hvad mentoren gør, og hvad mentoren ikke gør, og hvordan tavshedspligt og "
                "journalføring håndteres.",
                "",
            ),
            (
                "Match med borgeren",
                "Borgeren får tilbudt en mentor og vælger selv. Første møde sker et sted, borgeren vælger.",
                "",
            ),
            (
                "Forløb med fælles mål",
                "Mentor og borger mødes ugentligt i 6–12 måneder og arbejder med borgerens egne mål, fx at komme "
                "ud blandt andre, tage bussen eller starte på et kursus.",
                "6–12 måneder",
            ),
            (
                "Supervision",
                "Mentorerne får supervision hver måned, både hver for sig og i gruppe.",
                "Månedligt",
            ),
        ],
        roles=[
            ("Recovery-mentor", "Støtter borgeren med afsæt i egen erfaring og deltager i teamets møder."),
            ("Leder", "Sikrer, at mentorrollen er tydelig, og at mentorerne har de samme vilkår som andre ansatte."),
        ],
        materials=[
            (
                "Rollebeskrivelse for recovery-mentorer",
                "Hvad mentoren gør, hvad mentoren ikke gør, og hvem man kan spørge.",
            ),
        ],
        quote=(
            "Hun sagde: 'Jeg har også ligget i sengen i tre måneder.' Det var første gang, nogen sagde noget, jeg "
            "kunne genkende.",
            "Borger i socialpsykiatrien",
        ),
        goals=[
            "Borgeren oplever mere håb og mestring.",
            "Borgeren deltager i flere aktiviteter uden for hjemmet.",
        ],
        indicators=[
            ("Oplevet recovery (spørgeskema)", "point", UP),
            ("Aktiviteter uden for hjemmet pr. uge", "antal", UP),
        ],
        resources=(
            "En mentor på 25 timer om ugen følger 8–12 borgere og koster omkring 330.000 kr. om året. Dertil kommer "
            "uddannelse (ca. 20.000 kr. pr. mentor) og supervision."
        ),
        groups=["psykisk"],
        themes=["psykiatri"],
        tags=["recovery", "peer-støtte", "mentor"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er bred, men kriterierne er beskrevet."),
            metode=("B", "Rollen og forløbet er beskrevet, og der findes danske uddannelsesforløb."),
            implementering=("B", "Flere kommuner og regioner har ansat mentorer og beskrevet erfaringerne."),
            effekt=("C", "Studierne peger på mere håb og empowerment, men effekten på indlæggelser er uklar."),
            oekonomi=("C", "Udgiften er kendt, gevinsterne er ikke opgjort."),
        ),
        research=[
            Study(
                "Én, der har været der: effekten af peer-støtte i kommunal socialpsykiatri",
                "Nørgaard, T., Berg, I. & Rasmussen, K.",
                2021,
                QUASI,
                "Deltagere med en recovery-mentor scorede højere på håb og empowerment efter et år end en "
                "sammenligningsgruppe. Der var ingen sikker forskel i antallet af indlæggelser.",
            ),
            RECOVERY_INTERVIEWS,
        ],
        scores=[
            (3, "Bygger på recovery-tænkning og et voksende vidensgrundlag om peer-støtte."),
            (2, "Studier viser mere håb og empowerment."),
            (2, "Rolle og forløb er beskrevet, men varierer mellem steder."),
            (2, "Målene er meningsfulde, men ikke altid målbare."),
            (3, "Bruges allerede i mange kommuner og regioner."),
            (2, "Rimelig udgift i forhold til indsatsen."),
            (3, "Mentorerne får fast supervision, og teamet reflekterer sammen."),
            (3, "Den ligeværdige relation er kernen."),
            (3, "Borgeren sætter selv målene."),
            (1, "Kun få steder måles udviklingen systematisk."),
            (2, "Forløbene justeres ved supervision."),
        ],
        conclusion=PROMISING,
        origins=["Recovery-mentorer med egen erfaring med psykisk sygdom"],
    ),
    method(
        slug="aaben-dialog",
        title="Åben Dialog ved psykisk krise",
        summary=(
            "Ved en psykisk krise samles borgeren, familien og netværket med et fast behandlerteam inden for 24 "
            "timer, helst i hjemmet. Alle beslutninger træffes åbent på møderne, og samme team følger borgeren "
            "gennem hele forløbet. Tilgangen vægter at tåle usikkerhed og lytte til alle stemmer frem for hurtige "
            "diagnoser."
        ),
        problem=(
            "Ved en første psykose eller svær krise møder borgeren og familien skiftende behandlere, lange ventetider "
            "og beslutninger, der træffes uden dem. Familien står alene med bekymringen, og krisen bliver ofte "
            "forværret, før hjælpen kommer."
        ),
        theory_of_change=(
            "Hurtig hjælp, hvor hele netværket er med, forebygger, at krisen vokser. Når alle stemmer bliver hørt, "
            "og beslutninger tages åbent, øges tilliden til behandlingen, og familien kan støtte i stedet for at "
            "blive holdt udenfor."
        ),
        steps=[
            (
                "Første møde inden for 24 timer",
                "Teamet mødes med borgeren og de personer, borgeren ønsker med, helst i hjemmet.",
                "Inden for et døgn",
            ),
            (
                "Netværksmøder med to behandlere",
                "To faste behandlere deltager i alle møder. Behandlerne reflekterer højt over det, de hører, mens "
                "familien lytter med.",
                "Dagligt i krisen, siden efter behov",
            ),
            (
                "Åbne beslutninger",
                "Medicin, indlæggelse og andre beslutninger drøftes på møderne med borgeren og netværket til stede.",
                "",
            ),
            (
                "Samme team hele vejen",
                "Teamet følger borgeren, også hvis borgeren bliver indlagt, så kontinuiteten bevares.",
                "",
            ),
        ],
        roles=[
            ("Behandlerteam", "To eller tre faste behandlere, der leder møderne og følger hele forløbet."),
            ("Borgerens netværk", "Familie, venner og andre, som borgeren ønsker med."),
        ],
        materials=[
            ("Mødeguide til netværksmøder", "Spørgsmål og faser i et netværksmøde, til nye teammedlemmer."),
        ],
        quote=(
            "For første gang talte de med os i stedet for om os. Min søn kunne høre, hvad vi var bange for, og vi "
            "kunne høre ham.",
            "Mor til en ung mand med en første psykose",
        ),
        goals=[
            "Borgeren får hjælp inden for et døgn.",
            "Færre og kortere indlæggelser.",
            "Familien oplever at være inddraget.",
        ],
        indicators=[
            ("Tid fra henvendelse til første møde", "timer", DOWN),
            ("Indlæggelsesdage det første år", "dage", DOWN),
            ("Familiens oplevelse af inddragelse", "point på skala 1-10", UP),
        ],
        resources=(
            "Kræver en treårig efteruddannelse af behandlerne og en organisering, der kan rykke ud inden for et "
            "døgn. Driften svarer nogenlunde til almindelig ambulant behandling, men opstarten er dyr."
        ),
        groups=["psykisk", "familier"],
        themes=["psykiatri", "familie"],
        tags=["Åben Dialog", "netværksmøde", "psykose", "pårørende"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet, men bruges bredere end oprindeligt tænkt."),
            metode=("B", "Principperne er veldefinerede, men praksis varierer meget."),
            implementering=("C", "Danske erfaringer er begrænsede og fra få steder."),
            effekt=("C", "Lovende observationsstudier, men ingen afsluttede danske lodtrækningsforsøg."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            Study(
                "Alle stemmer i rummet: erfaringer med Åben Dialog i to danske psykiatriske teams",
                "Kristoffersen, A. & Dalgaard, N.",
                2020,
                QUALITATIVE,
                "Familier beskrev møderne som første gang, de følte sig inddraget. Behandlerne fandt det krævende "
                "at tåle usikkerheden, men oplevede færre konflikter om medicin.",
            ),
        ],
        scores=[
            (3, "Klart formuleret teori om dialog og netværk."),
            (1, "Kun observationsstudier; ingen danske effektmålinger."),
            (2, "Principperne er beskrevet, praksis varierer."),
            (2, "Målene er tydelige, men ikke alle måles."),
            (1, "Kræver omfattende uddannelse og organisering."),
            (1, "Dyr opstart og uklar økonomi."),
            (3, "Refleksion er en del af selve møderne."),
            (3, "Relationen til borgeren og netværket er kernen."),
            (3, "Borgeren og netværket er med i alle beslutninger."),
            (1, "Kun få steder følges udviklingen systematisk."),
            (2, "Teamene følger op i supervision."),
        ],
        conclusion=NOT_YET,
        origins=["Kriseplan, som borgeren selv har skrevet"],
    ),
    method(
        slug="stoettekontaktperson",
        title="Støttekontaktperson til borgere, der ikke kan bruge andre tilbud",
        summary=(
            "En støttekontaktperson (SKP) opsøger og holder kontakten til borgere med psykiske vanskeligheder og "
            "ofte misbrug, som ikke kan eller vil bruge kommunens øvrige tilbud. Kontakten er frivillig, uden "
            "visitation og uden tidsbegrænsning, og SKP'en hjælper med det, borgeren selv synes er vigtigst."
        ),
        problem=(
            "En gruppe borgere har mistillid til systemet efter mange dårlige oplevelser. De dukker ikke op til "
            "aftaler og kan ikke visiteres til bostøtte, og derfor får de ingen hjælp, før der opstår en krise."
        ),
        theory_of_change=(
            "En kontakt uden krav og papirer gør det muligt at opbygge tillid over tid. Gennem tilliden kan SKP'en "
            "hjælpe med det mest presserende og efterhånden bygge bro til mere hjælp."
        ),
        steps=[
            (
                "Opsøgende kontakt",
                "SKP'en får henvendelser fra naboer, politi, læger og borgerne selv og opsøger borgeren, hvor "
                "borgeren er.",
                "",
            ),
            (
                "Hjælp med det, der brænder",
                "Start med det, borgeren selv peger på, fx en regning, et brev eller en tur til lægen.",
                "",
            ),
            (
                "Hold kontakten",
                "Kom igen, også når borgeren har afvist. Aftal, hvordan borgeren kan få fat i SKP'en.",
                "Så længe det giver mening",
            ),
        ],
        roles=[
            ("Støttekontaktperson", "Har 15–20 borgere og er tilgængelig uden visitation."),
        ],
        materials=[
            ("Kort registrering uden journal", "En enkel log over kontakter, som borgeren kan se."),
        ],
        quote=(
            "Hun har aldrig bedt mig udfylde noget. Hun kom bare igen.",
            "Borger, der har haft kontakt til en SKP i fem år",
        ),
        goals="Borgeren har mindst én stabil kontakt til kommunen og får hjælp, før problemerne bliver til kriser.",
        indicators=[
            ("Borgere med kontakt mindst hver måned", "antal", UP),
            ("Henvisninger til anden hjælp, som borgeren tager imod", "antal pr. år", UP),
        ],
        resources=(
            "En SKP koster omkring 520.000 kr. om året inkl. kørsel og telefon og har kontakt med 15–20 borgere."
        ),
        groups=["psykisk", "misbrug", "ensomhed"],
        themes=["psykiatri"],
        tags=["støttekontaktperson", "opsøgende arbejde", "tillid"],
        declaration=declare(
            maalgruppe=("C", "Målgruppen er beskrevet bredt og afgrænses forskelligt."),
            metode=("C", "Arbejdet er beskrevet i lovgivningen, men metoden er ikke standardiseret."),
            implementering=("C", "Ordningen findes i mange kommuner, men med meget forskellig praksis."),
            effekt=("D", "Der findes ingen effektstudier."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            Study(
                "Den kontakt, der ikke giver op: interview med borgere og støttekontaktpersoner",
                "Lykke, M. & Andersen, P.",
                2019,
                QUALITATIVE,
                "Borgerne beskrev SKP'en som den eneste kontakt til systemet, de stolede på. Medarbejderne savnede "
                "en fælles beskrivelse af, hvad de skal og ikke skal.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om tillid og opsøgende arbejde."),
            (1, "Ingen målinger af virkningen."),
            (1, "Praksis er kun beskrevet i korte retningslinjer."),
            (1, "Målene er vage."),
            (2, "Ordningen findes allerede i mange kommuner."),
            (1, "Udgiften er kendt, gevinsten er ukendt."),
            (2, "SKP'erne mødes og drøfter sager, men uden fast struktur."),
            (3, "Relationen er det bærende."),
            (3, "Hjælpen tager helt udgangspunkt i borgerens ønsker."),
            (0, "Der registreres kun kontakter."),
            (1, "Der følges sjældent systematisk op."),
        ],
        conclusion=NOT_YET,
        origins=["Natcafé for borgere med psykisk sårbarhed"],
    ),
    method(
        slug="bostoette-over-video",
        title="Bostøtte over video i aftentimerne",
        summary=(
            "Borgere i bostøtte kan få korte, planlagte videosamtaler med en bostøttemedarbejder om aftenen, hvor "
            "mange har det sværest. Videosamtalerne kommer oven i de fysiske besøg og bruges til at tjekke ind, "
            "planlægge næste dag og tale om det, der fylder."
        ),
        problem=(
            "Mange borgere med psykiske vanskeligheder oplever, at aftenerne er de sværeste, men bostøtten er der "
            "kun i dagtimerne. Det giver uro, ensomhed og henvendelser til den akutte psykiatri."
        ),
        theory_of_change=(
            "En kort, forudsigelig kontakt om aftenen giver ro og struktur og kan forebygge, at små problemer "
            "vokser i løbet af natten. Video gør kontakten billig nok til at kunne gives ofte."
        ),
        steps=[
            (
                "Tilbud og aftale",
                "Tilbyd borgeren videosamtaler, og aftal faste tider. Borgeren vælger selv, om kameraet skal være "
                "tændt.",
                "",
            ),
            (
                "Hjælp til teknikken",
                "Installer appen sammen med borgeren ved et fysisk besøg og lav en prøvesamtale.",
                "1 besøg",
            ),
            (
                "Korte samtaler om aftenen",
                "Samtalerne varer 10–20 minutter og handler om dagen, aftenen og næste dag.",
                "2–4 gange om ugen",
            ),
            (
                "Følg op ved næste besøg",
                "Det, der kom frem i videosamtalerne, tages op ved det næste fysiske besøg.",
                "",
            ),
        ],
        roles=[
            ("Aftenmedarbejder", "Tager de planlagte videosamtaler og giver besked videre til den faste bostøtte."),
        ],
        materials=[
            ("Guide til sikre videosamtaler", "Hvilken app, hvordan samtykke gives, og hvad der ikke må deles."),
        ],
        quote=(
            "Det er ikke lang tid, men jeg ved, at klokken otte ser jeg et menneske. Så kan jeg godt holde aftenen ud.",
            "Borger i bostøtte",
        ),
        goals="Færre akutte henvendelser om aftenen og mere ro i hverdagen for borgeren.",
        indicators=[
            ("Akutte henvendelser om aftenen", "antal pr. måned", DOWN),
            ("Oplevet tryghed om aftenen", "point på skala 1-10", UP),
        ],
        resources=(
            "En aftenmedarbejder på 20 timer om ugen kan have 40–60 korte samtaler om ugen. Dertil kommer en "
            "sikker videoløsning og tablets til borgere, der ikke selv har en."
        ),
        groups=["psykisk", "ensomhed"],
        themes=["psykiatri", "digitalisering"],
        tags=["videosamtaler", "bostøtte", "aftentimer"],
        declaration=declare(
            maalgruppe=("C", "Målgruppen er beskrevet lokalt."),
            metode=("C", "Metoden er beskrevet i en kort lokal vejledning."),
            implementering=("D", "Kun afprøvet i to kommuner."),
            effekt=("D", "Ingen effektmålinger endnu."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            Study(
                "Aftenerne er de sværeste: erfaringer fra et pilotforsøg med videobostøtte",
                "Bruun, C. & Hedegaard, O.",
                2024,
                PRACTICE,
                "21 borgere deltog i et halvt år. De fleste ville fortsætte, og antallet af akutte opkald om "
                "aftenen faldt fra 34 til 19 i perioden. Tre borgere ønskede ikke video.",
                "https://example.org/rapporter/videobostoette-pilot",
            ),
        ],
        scores=[
            (1, "Bygger på erfaringer, ikke en beskrevet teori."),
            (1, "Et enkelt pilotforsøg uden sammenligning."),
            (2, "Beskrevet i en lokal vejledning."),
            (2, "Klare mål for henvendelser og tryghed."),
            (2, "Kan let overføres til andre bostøttetilbud."),
            (2, "Lav udgift pr. samtale."),
            (1, "Aftenmedarbejderen står ofte alene."),
            (2, "Bygger på en eksisterende relation."),
            (3, "Borgeren vælger tider og form."),
            (1, "Kun antal henvendelser følges."),
            (1, "Der er endnu ikke fulgt systematisk op."),
        ],
        conclusion=NOT_YET,
        origins=["Bostøtte over video om aftenen"],
    ),
    method(
        slug="feedback-informeret-behandling-fit",
        title="Feedback-informeret behandling (FIT)",
        summary=(
            "Ved hver samtale udfylder borgeren to korte skalaer: hvordan det går i livet, og hvordan samtalen "
            "var. Behandleren bruger svarene til at justere indsatsen med det samme og til at opdage forløb, der "
            "ikke rykker. Metoden bruges i misbrugsbehandling, familiebehandling og socialpsykiatri."
        ),
        problem=(
            "Behandlere er ofte for optimistiske om, hvordan det går, og forløb, der ikke virker, fortsætter for "
            "længe. Borgere, der er utilfredse, siger det sjældent direkte, men bliver bare væk."
        ),
        theory_of_change=(
            "Alliancen mellem borger og behandler er en af de stærkeste forudsigere for resultatet. Når borgerens "
            "vurdering af fremgang og samarbejde måles hver gang, kan behandleren rette kursen tidligt, og borgeren "
            "oplever at blive taget alvorligt."
        ),
        steps=[
            (
                "Introducér skalaerne",
                "Forklar borgeren ved første samtale, at svarene bruges til at gøre behandlingen bedre, og at kritik "
                "er velkommen.",
                "5 minutter",
            ),
            (
                "Mål fremgang i starten",
                "Borgeren scorer, hvordan det går med sig selv, i relationer, socialt og samlet. Tal om scoren.",
                "Hver samtale",
            ),
            (
                "Mål samarbejdet til sidst",
                "Borgeren scorer samtalen: blev jeg hørt, talte vi om det vigtige, passede måden? Spørg ind til lave "
                "scorer.",
                "Hver samtale",
            ),
            (
                "Drøft forløb, der ikke rykker",
                "Forløb uden fremgang efter 3–4 samtaler tages op i teamet, og planen ændres sammen med borgeren.",
                "Ugentlig teamkonference",
            ),
        ],
        roles=[
            ("Behandler", "Bruger skalaerne i hver samtale og tager svarene alvorligt."),
            ("FIT-koordinator", "Følger data, træner nye kolleger og tager forløb uden fremgang op i teamet."),
        ],
        materials=[
            ("De to korte skalaer", "Fire spørgsmål om fremgang og fire om samarbejdet, på papir eller i en app."),
        ],
        quote=(
            "Første gang jeg gav en lav score, troede jeg, hun ville blive sur. I stedet spurgte hun, hvad vi "
            "skulle gøre anderledes.",
            "Borger i misbrugsbehandling",
        ),
        goals=[
            "Færre borgere afbryder behandlingen.",
            "Flere borgere oplever fremgang.",
        ],
        indicators=[
            ("Borgere, der afbryder behandlingen", "procent", DOWN),
            ("Fremgang på den samlede skala", "point", UP),
        ],
        resources=(
            "Uddannelse af medarbejdere tager 2–3 dage plus løbende træning. Et it-værktøj til skalaerne koster "
            "omkring 300 kr. pr. medarbejder om måneden. Ellers bruger metoden få minutter pr. samtale."
        ),
        groups=["misbrug", "psykisk", "familier"],
        themes=["misbrugsbehandling", "psykiatri"],
        tags=["FIT", "feedback", "alliance", "monitorering"],
        declaration=declare(
            maalgruppe=("B", "Bruges bredt; målgruppen er beskrevet for hvert område."),
            metode=("A", "Metoden er enkel og præcist beskrevet."),
            implementering=("B", "Implementeret i mange danske tilbud med kendte faldgruber."),
            effekt=("B", "Flere kontrollerede studier viser færre frafald og bedre resultater."),
            oekonomi=("C", "Lav udgift, men gevinsten er ikke opgjort i Danmark."),
        ),
        research=[
            Study(
                "Når borgeren giver karakter: FIT i fire misbrugscentre",
                "Holst, A., Munk, D. & Petersen, V.",
                2018,
                RCT,
                "Borgere i centre med FIT afbrød behandlingen sjældnere (22 mod 34 procent) og rapporterede "
                "større fremgang efter seks måneder.",
            ),
            Study(
                "Feedback i familiebehandlingen: en før-efter-måling",
                "Iversen, L. & Kjær, B.",
                2022,
                PRE_POST,
                "Efter indførelsen af FIT steg andelen af forløb med fremgang fra 48 til 61 procent. Medarbejderne "
                "beskrev skalaerne som en hjælp til svære samtaler.",
            ),
        ],
        scores=[
            (3, "Bygger på solid forskning om alliance og feedback."),
            (3, "Studier viser færre frafald og bedre resultater."),
            (3, "Metoden er præcist beskrevet."),
            (2, "Målene er klare, men afhænger af det tilbud, metoden bruges i."),
            (3, "Kan bruges i mange slags tilbud."),
            (3, "Lav udgift i forhold til gevinsten."),
            (3, "Data drøftes systematisk i teamet."),
            (3, "Styrker samarbejdet med borgeren direkte."),
            (3, "Borgerens egen vurdering styrer justeringerne."),
            (3, "Fremgang måles ved hver samtale."),
            (3, "Forløb uden fremgang tages op fast."),
        ],
        conclusion=PROMISING,
        origins=["Borgerens egne ord i handleplanen"],
    ),
    method(
        slug="naloxon-til-personale-og-paaroerende",
        title="Naloxon og overdosisforebyggelse for personale og pårørende",
        summary=(
            "Personale på herberger, væresteder og i bostøtte samt pårørende og borgere selv lærer at genkende en "
            "opioidoverdosis og at give naloxon som næsespray. Kurset tager halvanden time, deltagerne får naloxon "
            "med hjem, og forbruget registreres, så nye doser kan udleveres."
        ),
        problem=(
            "Hvert år dør borgere af opioidoverdoser, mange af dem i nærheden af andre, der ikke vidste, hvad de "
            "skulle gøre. Ambulancen når ikke altid frem i tide."
        ),
        theory_of_change=(
            "Naloxon ophæver en opioidoverdosis i løbet af minutter. Når de mennesker, der er til stede, kan "
            "genkende en overdosis og har naloxon ved hånden, kan de redde liv, før ambulancen kommer."
        ),
        steps=[
            (
                "Kursus på halvanden time",
                "Tegn på overdosis, førstehjælp, stabilt sideleje og hvordan naloxon gives. Deltagerne øver på "
                "hinanden med en øvespray.",
                "1,5 time",
            ),
            (
                "Udlevering",
                "Deltagerne får to doser naloxon med og et kort med, hvad de skal gøre.",
                "",
            ),
            (
                "Registrering og ny dosis",
                "Når naloxon er brugt, registreres det anonymt, og der udleveres en ny dosis.",
                "",
            ),
            (
                "Genopfrisk hvert år",
                "Tilbyd et kort genopfriskningskursus, især til personale.",
                "Årligt",
            ),
        ],
        roles=[
            ("Sygeplejerske eller misbrugsbehandler", "Underviser og udleverer naloxon."),
        ],
        materials=[
            ("Lommekort om overdosis", "De fem trin ved en overdosis på et kort, der kan ligge i pungen."),
        ],
        quote=(
            "Jeg havde sprayen i lommen, fordi vi havde været på kursus ugen før. Han trak vejret igen, inden "
            "ambulancen kom.",
            "Medarbejder på et værested",
        ),
        goals="Færre dødsfald ved overdosis blandt borgere, der bruger opioider.",
        indicators=[
            ("Personer uddannet i at give naloxon", "antal pr. år", UP),
            ("Registrerede redningsforsøg med naloxon", "antal pr. år", UP),
            ("Overdosisdødsfald i kommunen", "antal pr. år", DOWN),
        ],
        resources="Et kursus koster under 1.000 kr. pr. deltager inkl. to doser naloxon.",
        groups=["misbrug", "hjemløse"],
        themes=["misbrugsbehandling"],
        tags=["naloxon", "overdosis", "skadesreduktion"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen er klart afgrænset."),
            metode=("A", "Kursus og udlevering er enkle og præcist beskrevet."),
            implementering=("A", "Udbredt i Danmark med gode erfaringer."),
            effekt=("B", "Studier viser, at uddannede lægfolk redder liv med naloxon."),
            oekonomi=("B", "Meget lav udgift pr. reddet liv."),
        ),
        research=[
            Study(
                "Lægfolk med naloxon: en opgørelse af 400 redningsforsøg",
                "Pallesen, J. & Hauge, C.",
                2020,
                QUASI,
                "I 93 procent af de registrerede redningsforsøg overlevede personen. Områder med udlevering havde "
                "færre overdosisdødsfald end sammenlignelige områder uden.",
            ),
        ],
        scores=[
            (3, "Velkendt farmakologisk og skadesreducerende grundlag."),
            (3, "Studier viser, at naloxon fra lægfolk redder liv."),
            (3, "Kursus og udlevering er præcist beskrevet."),
            (3, "Ét klart mål: færre dødsfald."),
            (3, "Kan bruges overalt, hvor borgere bruger opioider."),
            (3, "Meget lav udgift."),
            (2, "Personalet drøfter hændelser, men ikke systematisk."),
            (2, "Kurset styrker personalets tryghed i mødet med borgerne."),
            (2, "Kurset tilpasses deltagerne."),
            (2, "Brugte doser registreres."),
            (2, "Kurset opdateres efter erfaringerne."),
        ],
        conclusion=PROMISING,
        origins=["Naloxon-kursus for personale og pårørende"],
    ),
    method(
        slug="paaroerendeforloeb-i-misbrugsbehandling",
        title="Pårørendeforløb, der hjælper den nærmeste i behandling",
        summary=(
            "Pårørende til en borger med misbrug får et forløb på 10–12 samtaler, hvor de lærer at kommunikere "
            "uden konflikt, belønne de gode perioder, passe på sig selv og invitere til behandling på det rette "
            "tidspunkt. Forløbet hjælper både den pårørende og øger chancen for, at borgeren begynder i behandling."
        ),
        problem=(
            "Pårørende lever ofte i årevis med bekymring, konflikter og skam. De ved ikke, hvordan de kan hjælpe, "
            "og misbrugscentret taler kun med borgeren selv, som ofte ikke er klar til behandling."
        ),
        theory_of_change=(
            "Den pårørende påvirker borgeren hver dag. Når den pårørende ændrer, hvordan misbruget bliver mødt, "
            "falder konfliktniveauet, og motivationen for behandling stiger. Samtidig får den pårørende det bedre, "
            "uanset om borgeren starter i behandling."
        ),
        steps=[
            (
                "Første samtale",
                "Kortlæg familiens situation, sikkerhed og den pårørendes egne behov.",
                "1 samtale",
            ),
            (
                "Kommunikation og konflikter",
                "Øv nye måder at tale om misbruget på, og lær at genkende situationer, der fører til konflikt.",
                "3–4 samtaler",
            ),
            (
                "Pas på dig selv",
                "Den pårørende planlægger aktiviteter for sin egen skyld og finder støtte i sit netværk.",
                "2–3 samtaler",
            ),
            (
                "Invitation til behandling",
                "Planlæg, hvornår og hvordan borgeren inviteres til behandling, og aftal, hvad misbrugscentret kan "
                "tilbyde med det samme.",
                "2–3 samtaler",
            ),
        ],
        roles=[
            (
                "Pårørendebehandler",
                "Gennemfører forløbet og sørger for, at borgeren hurtigt kan få tid, når døren åbnes.",
            ),
        ],
        materials=[
            ("Arbejdshæfte til pårørende", "Øvelser og skemaer mellem samtalerne."),
        ],
        quote=(
            "Jeg holdt op med at råbe og begyndte at spørge. Efter fire måneder sagde han selv, at han ville tale "
            "med nogen.",
            "Mor til en søn på 24",
        ),
        goals=[
            "Den pårørende oplever mindre belastning.",
            "Flere borgere starter i behandling.",
        ],
        indicators=[
            ("Pårørendes belastning (spørgeskema)", "point", DOWN),
            ("Borgere, der starter i behandling inden for et år", "procent", UP),
        ],
        resources=(
            "Et forløb tager omkring 15 timer af en behandlers tid og koster cirka 10.000 kr. Uddannelse i metoden "
            "tager fire dage."
        ),
        groups=["misbrug", "familier"],
        themes=["misbrugsbehandling", "familie"],
        tags=["pårørende", "familie", "motivation"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen er tydeligt afgrænset."),
            metode=("A", "Forløbet er beskrevet i en manual."),
            implementering=("B", "Flere danske misbrugscentre har indført forløbet."),
            effekt=("B", "Forsøg viser, at flere borgere starter i behandling, og at pårørende får det bedre."),
            oekonomi=("C", "Lav udgift, men gevinsten er ikke beregnet i Danmark."),
        ),
        research=[
            Study(
                "Døren åbnes hjemmefra: et lodtrækningsforsøg med pårørendeforløb",
                "Sørensen, E., Lauridsen, H. & Bak, M.",
                2019,
                RCT,
                "Inden for et år startede 58 procent af borgerne i behandling, når deres pårørende havde fået "
                "forløbet, mod 27 procent i kontrolgruppen. De pårørende rapporterede mindre belastning.",
            ),
        ],
        scores=[
            (3, "Bygger på adfærdsteori og velafprøvede principper."),
            (3, "Forsøg viser, at flere starter i behandling."),
            (3, "Manualbaseret forløb."),
            (3, "Klare mål for både den pårørende og borgeren."),
            (3, "Kan bruges i alle misbrugscentre."),
            (2, "Lav udgift; gevinsten er ikke beregnet."),
            (2, "Supervision er anbefalet, men ikke altid fast."),
            (3, "Bygger på en tæt relation til den pårørende."),
            (3, "Forløbet tilpasses familiens situation."),
            (2, "Belastning måles før og efter."),
            (2, "Forløbet justeres løbende med den pårørende."),
        ],
        conclusion=PROMISING,
        origins=["Sms-service til pårørende til borgere i misbrugsbehandling"],
    ),
    method(
        slug="ungebehandling-paa-gaaben",
        title="Hashbehandling for unge med samtaler på gåben",
        summary=(
            "Unge med hashforbrug får et kort, motiverende behandlingsforløb, hvor samtalerne foregår på gåture, i "
            "bilen eller et sted, den unge vælger. Forløbet kombinerer motiverende samtale med konkrete mål for "
            "skole, søvn og venner, og forældrene inviteres til to af samtalerne."
        ),
        problem=(
            "Unge med hashforbrug udebliver ofte fra samtaler på et kontor, som de forbinder med skole og "
            "myndigheder. Mange afbryder behandlingen efter første eller anden gang."
        ),
        theory_of_change=(
            "Når rammen føles mindre formel, og samtalen foregår side om side, taler de unge mere frit. Korte, "
            "konkrete mål giver hurtige succeser, som styrker motivationen for at ændre forbruget."
        ),
        steps=[
            (
                "Første kontakt",
                "Den unge vælger mødested. Tal om, hvad den unge selv vil have ud af forløbet.",
                "",
            ),
            (
                "Samtaler på gåben",
                "Motiverende samtaler på gåture eller i bilen, hvor der arbejdes med forbrug, søvn, skole og venner.",
                "8–10 gange",
            ),
            (
                "Forældresamtaler",
                "Forældrene inviteres til to samtaler om, hvordan de kan støtte uden at kontrollere.",
                "2 gange",
            ),
        ],
        roles=[
            ("Ungebehandler", "Gennemfører samtalerne og holder kontakten, også via sms."),
        ],
        materials=[
            ("Forbrugsdagbog", "En enkel app eller et kort, hvor den unge noterer forbrug og situationer."),
        ],
        quote=(
            "Det er nemmere at sige noget ærligt, når man ikke skal kigge på hinanden.",
            "Dreng, 17 år",
        ),
        goals="Den unge mindsker eller stopper forbruget og fastholder skole eller arbejde.",
        indicators=[
            ("Dage med hashforbrug den seneste måned", "dage", DOWN),
            ("Unge, der gennemfører forløbet", "procent", UP),
        ],
        resources="Samme ressourcer som et almindeligt ungeforløb; gåturene kræver ingen lokaler.",
        groups=["misbrug", "udsatte_unge"],
        themes=["misbrugsbehandling", "børn_unge"],
        tags=["hash", "walk and talk", "unge", "motiverende samtale"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet."),
            metode=("B", "Motiverende samtale er velbeskrevet; gåturene er beskrevet lokalt."),
            implementering=("C", "Erfaringer fra tre kommuner."),
            effekt=("C", "Færre frafald i en lokal opgørelse, men ingen sammenligning."),
            oekonomi=("C", "Samme udgift som almindelig ungebehandling."),
        ),
        research=[
            Study(
                "Ud af kontoret: frafald i ungebehandling før og efter samtaler på gåben",
                "Nielsen, F. & Quist, R.",
                2022,
                PRE_POST,
                "Andelen, der gennemførte forløbet, steg fra 52 til 71 procent, efter at samtalerne blev flyttet "
                "ud af kontoret. Forbruget faldt i begge perioder.",
            ),
        ],
        scores=[
            (2, "Bygger på motiverende samtale, som er velbeskrevet."),
            (2, "Færre frafald i en lokal opgørelse."),
            (2, "Forløbet er beskrevet lokalt."),
            (2, "Konkrete mål for forbrug og hverdag."),
            (2, "Kan overføres til andre ungetilbud."),
            (2, "Ingen ekstra udgift."),
            (2, "Behandlerne drøfter forløbene ugentligt."),
            (3, "Rammen er lagt an på at styrke relationen."),
            (3, "Den unge vælger sted og mål."),
            (2, "Forbrug registreres ved start og slut."),
            (1, "Ingen fast opfølgning efter forløbet."),
        ],
        conclusion=PROMISING,
        origins=["Gåture i stedet for kontorsamtaler med unge i hashbehandling"],
    ),
    # ---- beskæftigelse ----
    method(
        slug="ips-individuelt-planlagt-job-med-stoette",
        title="IPS – individuelt planlagt job med støtte",
        summary=(
            "Borgere med psykiske lidelser, der ønsker at arbejde, får hjælp til at finde et ordinært job eller en "
            "uddannelse hurtigt, uden lange forberedende forløb. En IPS-konsulent samarbejder tæt med "
            "behandlingen, opsøger arbejdsgivere ud fra borgerens ønsker og giver støtte, så længe det er nødvendigt, "
            "også efter ansættelsen."
        ),
        problem=(
            "Mange borgere med psykiske lidelser vil gerne arbejde, men sendes gennem lange afklarings- og "
            "praktikforløb, hvor de mister modet. Beskæftigelsesindsatsen og behandlingen arbejder hver for sig."
        ),
        theory_of_change=(
            "Arbejde er en del af recovery. Når jobsøgningen begynder med det samme og tager afsæt i borgerens "
            "egne ønsker, og når støtten fortsætter på arbejdspladsen, kommer flere i job og bliver der. "
            "Samarbejdet med behandlingen gør det muligt at tage højde for sygdommen."
        ),
        steps=[
            (
                "Alle, der ønsker det, kan deltage",
                "Ingen krav om at være 'klar'. Ønsket om at arbejde er nok.",
                "",
            ),
            (
                "Karriereprofil",
                "IPS-konsulenten og borgeren kortlægger erfaringer, interesser og ønsker til job.",
                "2–3 møder",
            ),
            (
                "Hurtig jobsøgning",
                "Kontakt til arbejdsgivere begynder inden for en måned. Konsulenten opsøger arbejdsgivere ud fra "
                "borgerens ønsker.",
                "Inden for 30 dage",
            ),
            (
                "Tæt samarbejde med behandlingen",
                "Konsulenten deltager i behandlingsteamets møder, så job og behandling hænger sammen.",
                "Ugentligt",
            ),
            (
                "Støtte i jobbet",
                "Borgeren og arbejdsgiveren får støtte efter ansættelsen, så længe der er behov for det.",
                "Tidsubegrænset",
            ),
        ],
        roles=[
            ("IPS-konsulent", "Har højst 20 borgere og bruger det meste af tiden ude hos borgere og arbejdsgivere."),
            ("Behandler i psykiatrien", "Samarbejder med konsulenten om, hvordan behandlingen støtter jobbet."),
        ],
        materials=[
            ("Karriereprofil", "Skabelon til at kortlægge borgerens erfaringer og ønsker."),
            ("Fidelitetsskala for IPS", "Til årlig måling af, om indsatsen følger modellen."),
        ],
        quote=(
            "Alle andre talte om, hvornår jeg var klar. Hun spurgte, hvad jeg gerne ville lave. Tre uger efter var "
            "jeg til samtale i et bageri.",
            "Sara, 29 år, har været ansat i et bageri i to år",
        ),
        goals=[
            "Borgeren får et ordinært job eller starter på en uddannelse.",
            "Borgeren fastholder jobbet.",
        ],
        indicators=[
            ("Andel i ordinært job eller uddannelse efter 18 måneder", "procent", UP),
            ("Arbejdstimer pr. uge", "timer", UP),
            ("Uger i job det seneste år", "uger", UP),
        ],
        resources=(
            "En IPS-konsulent med 20 borgere koster omkring 550.000 kr. om året. Metoden kræver en aftale om "
            "samarbejde mellem jobcenter og psykiatri."
        ),
        groups=["psykisk", "ledige"],
        themes=["beskæftigelse", "psykiatri"],
        tags=["IPS", "job med støtte", "recovery"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen er klart defineret."),
            metode=("A", "Modellens otte principper og fidelitetsskalaen er velbeskrevne."),
            implementering=("A", "Implementeret i mange danske kommuner med fidelitetsmålinger."),
            effekt=("A", "Flere lodtrækningsforsøg, også danske, viser, at flere kommer i job."),
            oekonomi=("B", "Danske beregninger tyder på en positiv samfundsøkonomi."),
        ),
        research=[
            Study(
                "Job først: et dansk lodtrækningsforsøg med IPS for borgere med svær psykisk sygdom",
                "Mikkelsen, S., Andreasen, G. & Lund, J.",
                2018,
                RCT,
                "Efter 18 måneder var 44 procent i IPS-gruppen i ordinært job eller uddannelse mod 25 procent i "
                "kontrolgruppen. Der var ingen negative virkninger på symptomerne.",
            ),
            Study(
                "IPS i kommunerne: fidelitet og resultater i 12 jobcentre",
                "Holm, T. & Wagner, K.",
                2023,
                PRE_POST,
                "Jobcentre med høj fidelitet havde næsten dobbelt så mange i job som jobcentre med lav fidelitet.",
                "https://example.org/rapporter/ips-i-kommunerne",
            ),
        ],
        scores=[
            (3, "Veldefineret model med et stærkt vidensgrundlag."),
            (3, "Flere lodtrækningsforsøg viser klar effekt."),
            (3, "Principperne og fidelitetsskalaen er velbeskrevne."),
            (3, "Klare og målbare mål."),
            (3, "Overført til mange kommuner og målgrupper."),
            (3, "Positiv samfundsøkonomi."),
            (2, "Supervision og fidelitetsmålinger støtter refleksionen."),
            (3, "Samarbejdet med borger, arbejdsgiver og behandling er kernen."),
            (3, "Borgerens ønsker styrer jobsøgningen."),
            (3, "Job og timer følges systematisk."),
            (3, "Årlige fidelitetsmålinger."),
        ],
        conclusion=PROMISING,
        origins=["Job først og behandling samtidig for borgere med psykiske lidelser"],
    ),
    method(
        slug="virksomhedspraktik-med-fast-mentor",
        title="Virksomhedspraktik med en fast mentor på arbejdspladsen",
        summary=(
            "Ledige på kanten af arbejdsmarkedet kommer i praktik med en fast kollega som mentor. Mentoren bliver "
            "klædt på af jobcentret, får løntimer til opgaven og har en direkte linje til en jobkonsulent. "
            "Praktikken har fra start en plan for, hvordan den kan blive til løntimer."
        ),
        problem=(
            "Mange praktikker ender uden job, fordi den ledige står alene på arbejdspladsen, og problemer først "
            "opdages, når praktikken bryder sammen. Arbejdsgiverne savner en fast kontakt i jobcentret."
        ),
        theory_of_change=(
            "En fast kollega giver tryghed og hjælper den ledige ind i arbejdsfællesskabet. Når mentoren og "
            "jobkonsulenten taler sammen, kan problemer løses tidligt, og vejen til løntimer bliver tydelig."
        ),
        steps=[
            (
                "Match med virksomheden",
                "Jobkonsulenten finder en virksomhed ud fra den lediges ønsker og aftaler, hvem der er mentor.",
                "",
            ),
            (
                "Mentorintroduktion",
                "Mentoren får en kort introduktion til rollen og aftaler med den ledige, hvordan de første uger "
                "skal se ud.",
                "2 timer",
            ),
            (
                "Ugentlig status",
                "Mentoren og den ledige taler kort sammen hver uge, og jobkonsulenten ringer hver anden uge.",
                "8–13 uger",
            ),
            (
                "Plan for løntimer",
                "Midtvejs aftales, om og hvordan praktikken kan blive til løntimer eller et job.",
                "",
            ),
        ],
        roles=[
            ("Virksomhedsmentor", "En kollega, der har løntimer til at støtte den ledige i hverdagen."),
            ("Jobkonsulent", "Fast kontakt for virksomheden og den ledige."),
        ],
        materials=[
            ("Mentoraftale", "Én side med forventninger, mål og kontaktoplysninger."),
        ],
        quote=(
            "Jeg vidste, at jeg kunne spørge Bente om alt. Også om de dumme ting.",
            "Tidligere ledig, nu ansat på et lager",
        ),
        goals="Den ledige kommer i løntimer eller job efter praktikken.",
        indicators=[
            ("Praktikker, der ender i løntimer eller job", "procent", UP),
            ("Afbrudte praktikker", "procent", DOWN),
        ],
        resources="Mentortimer kan dækkes med mentorstøtte. En jobkonsulent kan følge 25–30 praktikker.",
        groups=["ledige"],
        themes=["beskæftigelse"],
        tags=["virksomhedspraktik", "mentor", "arbejdsplads"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet."),
            metode=("B", "Forløbet er beskrevet, men mentorrollen varierer."),
            implementering=("B", "Mange jobcentre bruger metoden."),
            effekt=("B", "Registerstudier viser, at flere kommer i job efter virksomhedsrettede forløb."),
            oekonomi=("B", "Lave udgifter og en positiv beregnet samfundsøkonomi."),
        ),
        research=[
            Study(
                "Virksomhedsrettede forløb og beskæftigelse: et registerstudie",
                "Pedersen, J., Hald, E. & Christiansen, U.",
                2019,
                QUASI,
                "Ledige i virksomhedspraktik med mentor havde 9 procentpoint højere beskæftigelse efter et år end "
                "sammenlignelige ledige i andre forløb.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om virksomhedsrettede indsatser."),
            (3, "Registerstudier viser højere beskæftigelse."),
            (2, "Beskrevet, men mentorrollen varierer."),
            (3, "Klart mål om job eller løntimer."),
            (3, "Kan bruges i alle jobcentre."),
            (3, "Lav udgift og positiv samfundsøkonomi."),
            (1, "Mentorerne får sjældent sparring."),
            (2, "Relationen mellem mentor og ledig er bærende."),
            (2, "Virksomheden vælges ud fra den lediges ønsker."),
            (2, "Udfaldet registreres."),
            (2, "Der følges op hver anden uge."),
        ],
        conclusion=PROMISING,
        origins=["Virksomhedspraktik med en fast mentor fra arbejdspladsen"],
    ),
    # ---- børn, unge og familier ----
    method(
        slug="tidlig-indsats-med-faerre-sager",
        title="Tidlig indsats med færre sager pr. socialrådgiver",
        summary=(
            "Socialrådgivere i familieafdelingen får højst 25 sager hver mod typisk 40–50, og den frigjorte tid "
            "bruges på hyppig kontakt med børn og forældre og på tidlige, forebyggende indsatser. Metoden kræver "
            "en investering i flere rådgivere de første år, men sigter mod færre anbringelser og lavere udgifter "
            "på sigt."
        ),
        problem=(
            "Med mange sager når socialrådgiverne kun at reagere på akutte situationer. Børn og forældre ser sjældent "
            "deres rådgiver, problemerne vokser, og når der endelig handles, er en anbringelse ofte eneste mulighed."
        ),
        theory_of_change=(
            "Færre sager giver tid til at kende familien og reagere tidligt. Tætte relationer og tidlige, lettere "
            "indsatser i hjemmet kan forebygge, at problemerne vokser, og dermed mindske behovet for anbringelser."
        ),
        steps=[
            (
                "Politisk beslutning og investering",
                "Kommunalbestyrelsen beslutter en investering i flere rådgivere med en plan for, hvordan udgifterne "
                "til anbringelser følges.",
                "",
            ),
            (
                "Nedbring sagstallet",
                "Fordel sagerne, så ingen rådgiver har over 25. Nye rådgivere får en erfaren makker.",
                "3–6 måneder",
            ),
            (
                "Hyppig kontakt",
                "Rådgiveren ser barnet mindst hver sjette uge og forældrene oftere efter behov.",
                "Løbende",
            ),
            (
                "Tidlige indsatser",
                "Brug lettere indsatser tidligt, fx familiebehandling i hjemmet eller netværksmøder, frem for at "
                "vente på en større sag.",
                "",
            ),
            (
                "Følg økonomi og resultater",
                "Følg anbringelser, udgifter og børnenes trivsel hvert halve år, og drøft tallene med politikerne.",
                "Halvårligt",
            ),
        ],
        roles=[
            ("Socialrådgiver", "Har højst 25 sager og tid til at kende barnet og familien."),
            ("Afdelingsleder", "Holder sagstallet nede og følger økonomien og resultaterne."),
        ],
        materials=[
            ("Investeringsmodel", "Et regneark, der følger udgifter og besparelser år for år."),
        ],
        quote=(
            "Nu kender jeg børnene. Jeg kan mærke, når noget er ved at gå galt, og jeg har tid til at gøre noget ved "
            "det.",
            "Socialrådgiver i en familieafdeling",
        ),
        goals=[
            "Færre anbringelser uden for hjemmet.",
            "Bedre trivsel hos børnene.",
            "Lavere samlede udgifter efter 3–4 år.",
        ],
        indicators=[
            ("Anbringelser pr. 1.000 børn", "antal", DOWN),
            ("Børnenes trivsel (spørgeskema)", "point", UP),
            ("Udgifter til foranstaltninger pr. barn", "kr.", DOWN),
        ],
        resources=(
            "Kræver omkring 30–40 procent flere rådgivere i familieafdelingen de første år, dvs. flere millioner "
            "kroner i en mellemstor kommune. Erfaringerne viser, at udgifterne til anbringelser kan falde mere, "
            "end investeringen koster, efter tre til fire år."
        ),
        groups=["familier", "udsatte_unge"],
        themes=["familie", "børn_unge"],
        tags=["tidlig indsats", "sagstal", "socialrådgivning", "investering"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er alle familier i familieafdelingen."),
            metode=("B", "Rammerne er beskrevet; de tidlige indsatser varierer."),
            implementering=("B", "Afprøvet i flere danske kommuner."),
            effekt=("B", "Kvasi-eksperimentelle studier viser færre anbringelser."),
            oekonomi=("B", "Beregninger viser, at investeringen tjener sig hjem efter nogle år."),
        ),
        research=[
            Study(
                "Færre sager, færre anbringelser? Et kvasi-eksperimentelt studie i seks kommuner",
                "Andersen, R., Kofoed, M. & Toft, S.",
                2021,
                QUASI,
                "Kommuner med lave sagstal havde 18 procent færre nye anbringelser efter tre år end "
                "sammenlignelige kommuner. Udgifterne pr. barn faldt fra år tre.",
            ),
            Study(
                "Tid til familien: socialrådgivernes og forældrenes oplevelser",
                "Lassen, P. & Holmberg, A.",
                2020,
                QUALITATIVE,
                "Forældrene beskrev rådgiverne som mere tilgængelige og mindre skiftende. Rådgiverne oplevede "
                "mindre stress og lavere personaleomsætning.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om relationer og tidlig indsats."),
            (3, "Studier viser færre anbringelser."),
            (2, "Rammerne er beskrevet, indsatserne varierer."),
            (3, "Klare mål for anbringelser og økonomi."),
            (2, "Kræver politisk vilje og investering."),
            (3, "Investeringen tjener sig hjem på sigt."),
            (2, "Mere tid giver mere faglig sparring."),
            (3, "Tætte relationer er hele pointen."),
            (2, "Indsatserne vælges ud fra familiens behov."),
            (3, "Anbringelser og udgifter følges systematisk."),
            (3, "Tallene drøftes hvert halve år."),
        ],
        conclusion=PROMISING,
        origins=["Supervision for nye socialrådgivere i de første seks måneder"],
    ),
    method(
        slug="familieraadslagning",
        title="Familierådslagning",
        summary=(
            "Når der er bekymring for et barn, samler en uafhængig koordinator familien og netværket til et møde, "
            "hvor de selv laver en plan for barnet. Fagpersonerne fortæller om bekymringen og går derefter ud, så "
            "familien kan tale alene. Planen godkendes af kommunen, hvis barnet er sikret, og følges op efter en "
            "aftalt periode."
        ),
        problem=(
            "Familier oplever, at beslutninger om deres børn træffes af fagfolk uden dem. Netværket, fx "
            "bedsteforældre, onkler og naboer, bliver sjældent spurgt, selv om de ofte kan og vil hjælpe."
        ),
        theory_of_change=(
            "Familien og netværket kender barnet bedst. Når de får ansvaret for planen, bliver den mere realistisk "
            "og holder bedre, og netværket bliver aktiveret som støtte i hverdagen."
        ),
        steps=[
            (
                "Forberedelse",
                "Koordinatoren taler med barnet, forældrene og netværket om, hvem der skal med, og hvad bekymringen "
                "er.",
                "2–4 uger",
            ),
            (
                "Information fra fagpersoner",
                "Socialrådgiveren og andre fagfolk fortæller om bekymringen og de krav, planen skal opfylde.",
                "1 time",
            ),
            (
                "Familiens egen tid",
                "Familien og netværket laver planen alene, uden fagfolk i rummet.",
                "1–3 timer",
            ),
            (
                "Godkendelse af planen",
                "Socialrådgiveren godkender planen, hvis barnets sikkerhed er tilgodeset.",
                "",
            ),
            (
                "Opfølgningsmøde",
                "Familien og koordinatoren mødes igen og justerer planen.",
                "Efter 3 måneder",
            ),
        ],
        roles=[
            ("Uafhængig koordinator", "Forbereder og leder mødet og er ikke ansat i familieafdelingen."),
            ("Socialrådgiver", "Formulerer bekymringen og godkender planen."),
        ],
        materials=[
            ("Invitation til netværket", "Et brev, familien selv kan sende til netværket."),
        ],
        quote=(
            "Jeg troede ikke, min bror ville hjælpe. Men da han hørte, hvordan det stod til, tilbød han at hente "
            "pigerne hver onsdag.",
            "Mor, der deltog i en familierådslagning",
        ),
        goals=[
            "Barnet bliver i familien eller netværket, når det er forsvarligt.",
            "Familien oplever at være inddraget.",
        ],
        indicators=[
            ("Børn, der forbliver i familie eller netværk efter et år", "procent", UP),
            ("Familiens oplevelse af inddragelse", "point på skala 1-10", UP),
        ],
        resources=(
            "En familierådslagning koster omkring 20.000–25.000 kr. inkl. koordinatorens tid og forplejning. "
            "Koordinatorerne skal uddannes."
        ),
        groups=["familier", "udsatte_unge", "anbragte"],
        themes=["familie", "børn_unge"],
        tags=["familierådslagning", "netværk", "inddragelse"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet."),
            metode=("A", "Mødets faser er velbeskrevne og brugt i mange lande."),
            implementering=("B", "Mange danske kommuner bruger metoden."),
            effekt=("C", "Studierne er blandede: familierne er tilfredse, men effekten på anbringelser er usikker."),
            oekonomi=("C", "Udgifterne er kendte; besparelser er ikke dokumenteret."),
        ),
        research=[
            Study(
                "Familiens egen plan: resultater af familierådslagning i otte kommuner",
                "Kirkegaard, H. & Bisgaard, L.",
                2018,
                QUASI,
                "Børn, hvis familier havde holdt rådslagning, var oftere placeret i netværket, men der var ingen "
                "sikker forskel i antallet af anbringelser efter to år.",
            ),
            Study(
                "At blive spurgt: familiers oplevelse af familierådslagning",
                "Thomsen, B.",
                2016,
                QUALITATIVE,
                "Familierne oplevede at blive taget alvorligt, og de fleste syntes, at planen var deres egen. Nogle "
                "savnede opfølgning fra kommunen.",
            ),
        ],
        scores=[
            (3, "Bygger på en tydelig teori om inddragelse og netværk."),
            (2, "Nogle studier viser fordele, men resultaterne er blandede."),
            (3, "Faserne er velbeskrevne."),
            (2, "Målene er tydelige, men måles ikke overalt."),
            (3, "Brugt i mange kommuner og lande."),
            (2, "Rimelig udgift pr. møde."),
            (2, "Koordinatorerne har netværk og supervision."),
            (3, "Respekt for familien er kernen."),
            (3, "Familien laver selv planen."),
            (1, "Udfaldet registreres sjældent."),
            (2, "Der holdes opfølgningsmøde."),
        ],
        conclusion=PROMISING,
        origins=["Familierådslagning, før en anbringelse besluttes"],
    ),
    method(
        slug="multisystemisk-terapi",
        title="Multisystemisk terapi (MST) for unge med alvorlige adfærdsproblemer",
        summary=(
            "MST er en intensiv familiebehandling i hjemmet for unge på 12–17 år med alvorlige adfærdsproblemer, "
            "kriminalitet eller misbrug. En terapeut arbejder med hele den unges omgivelser, familie, skole, "
            "venner og nærmiljø, og er tilgængelig døgnet rundt i 3–5 måneder. Målet er, at den unge kan blive "
            "boende hjemme."
        ),
        problem=(
            "Unge med alvorlige adfærdsproblemer bliver ofte anbragt på institution, hvor de møder andre unge med "
            "samme problemer. Efter anbringelsen vender de hjem til de samme forhold, og problemerne fortsætter."
        ),
        theory_of_change=(
            "Den unges adfærd opstår og opretholdes i samspillet med familie, skole og venner. Når forældrene "
            "bliver styrket til at sætte grænser og følge op, og når den unge kommer væk fra negative venskaber, "
            "ændrer adfærden sig, og ændringen holder, fordi den sker i den unges eget miljø."
        ),
        steps=[
            (
                "Henvisning og afklaring",
                "Den unge henvises fra familieafdelingen. Terapeuten kortlægger styrker og problemer i alle den "
                "unges systemer.",
                "1–2 uger",
            ),
            (
                "Intensiv behandling i hjemmet",
                "Terapeuten kommer flere gange om ugen og arbejder med forældrenes opdragelse, skolen og den unges "
                "venner.",
                "3–5 måneder",
            ),
            (
                "Døgnberedskab",
                "Familien kan ringe til teamet hele døgnet.",
                "",
            ),
            (
                "Ugentlig supervision",
                "Teamet gennemgår alle forløb hver uge med en supervisor og en ekstern konsulent.",
                "Ugentligt",
            ),
        ],
        roles=[
            ("MST-terapeut", "Har 4–6 familier ad gangen og arbejder i familiens hjem."),
            ("MST-supervisor", "Leder teamet og sikrer, at metoden følges."),
        ],
        materials=[
            ("Analyse af den unges systemer", "Skema til at kortlægge styrker og risici i familie, skole og venner."),
        ],
        quote=(
            "Terapeuten sagde, at det var os, der skulle kunne klare det, når hun var væk. Det var hårdt, men hun "
            "havde ret.",
            "Far til en dreng på 15",
        ),
        goals=[
            "Den unge bor hjemme.",
            "Den unge går i skole eller er i arbejde.",
            "Ingen ny kriminalitet.",
        ],
        indicators=[
            ("Unge, der bor hjemme ved afslutning", "procent", UP),
            ("Unge i skole eller arbejde", "procent", UP),
            ("Nye sigtelser inden for et år", "antal", DOWN),
        ],
        resources=(
            "Et forløb koster omkring 150.000 kr. og kræver licens, uddannelse og ekstern supervision. Det er "
            "væsentligt billigere end en anbringelse på institution."
        ),
        groups=["udsatte_unge", "kriminalitet", "familier"],
        themes=["børn_unge", "familie", "kriminalitet"],
        tags=["MST", "familiebehandling", "adfærdsproblemer"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen er præcist defineret."),
            metode=("A", "Manualbaseret med et fast kvalitetssikringssystem."),
            implementering=("A", "Implementeret i Danmark i mange år med fidelitetsmålinger."),
            effekt=("A", "Mange lodtrækningsforsøg viser færre anbringelser og mindre kriminalitet."),
            oekonomi=("B", "Forløbet er billigere end en anbringelse."),
        ),
        research=[
            Study(
                "MST i Danmark: anbringelser og kriminalitet to år efter behandling",
                "Bro, K., Holt, I. & Jessen, N.",
                2016,
                RCT,
                "Unge i MST blev anbragt sjældnere (19 mod 38 procent) og havde færre nye sigtelser end unge i "
                "almindelige foranstaltninger.",
            ),
        ],
        scores=[
            (3, "Bygger på en veldefineret systemisk teori."),
            (3, "Mange lodtrækningsforsøg viser effekt."),
            (3, "Manualbaseret."),
            (3, "Klare mål."),
            (2, "Kræver licens og et team af en vis størrelse."),
            (3, "Billigere end anbringelse."),
            (3, "Ugentlig supervision."),
            (3, "Samarbejdet med forældrene er kernen."),
            (2, "Tilpasses familien inden for manualens rammer."),
            (3, "Fast måling af resultater."),
            (3, "Kvalitetssikringssystem med løbende opfølgning."),
        ],
        conclusion=PROMISING,
        origins=["Pårørendegruppe for forældre til unge med rusmiddelforbrug"],
    ),
    method(
        slug="foraeldretraening-i-grupper",
        title="Forældretræning i grupper",
        summary=(
            "Forældre til børn med adfærdsproblemer, fx ved ADHD, mødes i grupper på 8–12 over 12–14 uger og træner "
            "positiv opmærksomhed, klare beskeder, rutiner og rolige konsekvenser. Gruppen ledes af to uddannede "
            "gruppeledere, og der er tolk eller gruppe på modersmål, når det er nødvendigt."
        ),
        problem=(
            "Forældre til børn med adfærdsproblemer ender ofte i en negativ spiral af skæld ud og konflikter. De "
            "føler sig alene og magtesløse, og barnets problemer vokser i skole og fritid."
        ),
        theory_of_change=(
            "Børns adfærd påvirkes af, hvordan de voksne reagerer. Når forældrene lærer at give opmærksomhed til "
            "det, der går godt, og at sætte rolige grænser, falder konfliktniveauet. Gruppen giver forældrene "
            "støtte fra andre i samme situation."
        ),
        steps=[
            (
                "Rekruttering",
                "Forældre henvises fra sundhedspleje, skole, PPR eller familieafdelingen og har en samtale før start.",
                "",
            ),
            (
                "Ugentlige gruppemøder",
                "Hver gang har et tema. Forældrene ser videoeksempler, øver i rollespil og får en hjemmeopgave.",
                "12–14 uger",
            ),
            (
                "Opringning mellem møderne",
                "Gruppelederne ringer til hver forælder og hører, hvordan hjemmeopgaven gik.",
                "Ugentligt",
            ),
            (
                "Opfølgningsmøde",
                "Gruppen mødes igen og genopfrisker det vigtigste.",
                "Efter 3 måneder",
            ),
        ],
        roles=[
            ("Gruppeleder", "Uddannet i programmet; to ledere pr. gruppe."),
            ("Tolk", "Deltager, når forældre har brug for tolkning."),
        ],
        materials=[
            ("Forældrehæfte", "Temaer, øvelser og hjemmeopgaver."),
            ("Videoeksempler", "Korte klip af hverdagssituationer, der drøftes i gruppen."),
        ],
        quote=(
            "Jeg troede, jeg skulle lære at være strengere. I stedet lærte jeg at lægge mærke til, når han gjorde "
            "noget godt.",
            "Mor til en dreng på 7 med ADHD",
        ),
        goals=[
            "Færre adfærdsproblemer hos barnet.",
            "Forældrene føler sig mere kompetente.",
            "Færre konflikter i hjemmet.",
        ],
        indicators=[
            ("Adfærdsproblemer (forældrenes vurdering)", "point", DOWN),
            ("Forældrenes oplevede kompetence", "point", UP),
        ],
        resources=(
            "Et forløb for 10 familier koster omkring 120.000 kr. inkl. gruppeledernes tid, materialer, "
            "børnepasning og mad. Gruppelederne skal certificeres."
        ),
        groups=["familier", "adhd"],
        themes=["familie", "børn_unge"],
        tags=["forældretræning", "ADHD", "rutiner", "forældregrupper"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen er klart beskrevet."),
            metode=("A", "Manualbaseret med certificering."),
            implementering=("A", "Udbredt i mange danske kommuner."),
            effekt=("A", "Mange lodtrækningsforsøg viser færre adfærdsproblemer."),
            oekonomi=("B", "Udgiften er moderat, og gevinsten er beregnet i udlandet."),
        ),
        research=[
            Study(
                "Forældretræning i grupper: et dansk lodtrækningsforsøg",
                "Frederiksen, J., Bang, C. & Ottesen, D.",
                2017,
                RCT,
                "Børn, hvis forældre deltog, havde færre adfærdsproblemer efter seks måneder. Effekten var størst "
                "for de børn, der havde flest problemer fra start.",
            ),
            Study(
                "Forældregrupper på modersmål: erfaringer fra tre boligområder",
                "Yilmaz, S. & Madsen, K.",
                2022,
                PRACTICE,
                "Grupper på modersmål havde langt færre frafald end blandede grupper med tolk.",
            ),
        ],
        scores=[
            (3, "Bygger på social læringsteori."),
            (3, "Mange forsøg viser effekt."),
            (3, "Manualbaseret."),
            (3, "Klare mål."),
            (3, "Udbredt i mange kommuner."),
            (2, "Moderat udgift."),
            (3, "Gruppelederne får supervision."),
            (2, "Gruppen er et fællesskab for forældrene."),
            (2, "Hjemmeopgaverne tilpasses familien."),
            (3, "Måling før og efter."),
            (2, "Opfølgningsmøde efter tre måneder."),
        ],
        conclusion=PROMISING,
        origins=["Forældretræning for familier med børn med ADHD", "Forældregrupper på modersmål med tolk"],
    ),
    method(
        slug="sundhedsplejerskens-ekstra-besoeg",
        title="Sundhedsplejerskens ekstra besøg hos sårbare familier",
        summary=(
            "Sårbare gravide og nybagte forældre, fx meget unge, forældre med psykisk sygdom eller uden netværk, "
            "får ekstra hjemmebesøg af sundhedsplejersken fra graviditeten, til barnet er to år. Besøgene har fokus "
            "på samspillet mellem forælder og barn og på at bygge bro til andre tilbud."
        ),
        problem=(
            "Sårbare familier har ofte mest brug for støtte i barnets første år, men får den samme støtte som alle "
            "andre. Problemer opdages sent, når barnet begynder i dagtilbud."
        ),
        theory_of_change=(
            "Det tidlige samspil har stor betydning for barnets udvikling. Ekstra besøg fra en kendt fagperson kan "
            "styrke forældrenes tryghed og samspil med barnet og opdage problemer tidligt."
        ),
        steps=[
            (
                "Opsporing i graviditeten",
                "Jordemoderen og egen læge henviser sårbare gravide, og sundhedsplejersken kommer på besøg inden "
                "fødslen.",
                "",
            ),
            (
                "Ekstra hjemmebesøg",
                "Op til 12 ekstra besøg det første år med fokus på samspil, søvn, amning og forældrenes trivsel.",
                "Første leveår",
            ),
            (
                "Bro til andre tilbud",
                "Sundhedsplejersken følger med til første møde i fx forældregruppe eller familiebehandling.",
                "",
            ),
        ],
        roles=[
            ("Sundhedsplejerske", "Har et mindre antal familier og ekstra tid til hver familie."),
        ],
        materials=[
            ("Samspilsguide", "Spørgsmål og observationspunkter til besøgene."),
        ],
        quote=(
            "Hun kom, også da jeg sagde, at alt var fint. Det var det ikke, og det vidste hun godt.",
            "Mor, 19 år",
        ),
        goals="Godt samspil mellem forældre og barn og tidlig hjælp, når der er behov.",
        indicators=[
            ("Familier henvist videre i barnets første år", "antal", UP),
            ("Forældrenes oplevede tryghed", "point på skala 1-10", UP),
        ],
        resources="Omkring 15–20 ekstra timer pr. familie det første år, dvs. cirka 12.000 kr. pr. familie.",
        groups=["familier"],
        themes=["familie", "børn_unge"],
        tags=["sundhedspleje", "graviditet", "tidlig indsats"],
        declaration=declare(
            maalgruppe=("B", "Kriterierne for sårbarhed er beskrevet, men varierer."),
            metode=("C", "Antal besøg og indhold varierer mellem kommunerne."),
            implementering=("B", "Mange kommuner tilbyder ekstra besøg."),
            effekt=("C", "Udenlandske studier er lovende, men de danske er få."),
            oekonomi=("C", "Udgiften er kendt, gevinsten er ikke opgjort."),
        ),
        research=[
            Study(
                "Ekstra besøg, bedre start? En opgørelse fra fem kommuner",
                "Pilegaard, M. & Skov, E.",
                2021,
                PRE_POST,
                "Familier med ekstra besøg blev oftere henvist videre i barnets første år, og mødrene rapporterede "
                "større tryghed. Der var ingen sammenligningsgruppe.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om tidligt samspil."),
            (1, "Kun en før-efter-opgørelse i Danmark."),
            (2, "Beskrevet lokalt."),
            (2, "Målene er tydelige."),
            (3, "Kan bruges i alle kommuner."),
            (2, "Moderat udgift."),
            (2, "Sundhedsplejerskerne har faglig sparring."),
            (3, "Relationen til familien er kernen."),
            (3, "Besøgene tilpasses familiens behov."),
            (1, "Udviklingen registreres ikke ensartet."),
            (1, "Ingen fast opfølgning."),
        ],
        conclusion=PROMISING,
        origins=["Ekstra hjemmebesøg af sundhedsplejersken hos sårbare gravide"],
    ),
    method(
        slug="tidlig-opsporing-af-mistrivsel-i-dagtilbud",
        title="Tidlig opsporing af mistrivsel i dagtilbud",
        summary=(
            "Pædagogerne i dagtilbuddet vurderer hvert halve år alle børns trivsel med et kort skema i tre farver. "
            "Børn i gult eller rødt drøftes på et tværfagligt møde med sundhedsplejerske, PPR og socialrådgiver, "
            "og forældrene inviteres med fra start. Målet er at handle, mens problemerne er små."
        ),
        problem=(
            "Pædagoger opdager ofte mistrivsel tidligt, men ved ikke, hvem de skal gå til, eller venter, fordi de er "
            "usikre. Når der endelig handles, er barnets problemer vokset."
        ),
        theory_of_change=(
            "En fælles og systematisk måde at se på børnenes trivsel gør det lettere at handle tidligt. Et fast "
            "tværfagligt forum giver pædagogerne et sted at gå hen, og tidlige, små indsatser forebygger større "
            "problemer."
        ),
        steps=[
            (
                "Trivselsvurdering af alle børn",
                "Pædagogerne vurderer hvert barn i grønt, gult eller rødt ud fra fem områder.",
                "Hvert halve år",
            ),
            (
                "Samtale med forældrene",
                "Forældre til børn i gult eller rødt inviteres til en samtale om, hvad de ser derhjemme.",
                "",
            ),
            (
                "Tværfagligt møde",
                "Barnet drøftes med sundhedsplejerske, PPR og socialrådgiver, og forældrene deltager.",
                "Månedligt",
            ),
            (
                "Handleplan og opfølgning",
                "Der aftales konkrete tiltag i dagtilbud og hjem, som følges op efter tre måneder.",
                "3 måneder",
            ),
        ],
        roles=[
            ("Pædagog", "Vurderer trivslen og er forældrenes første kontakt."),
            ("Tværfagligt team", "Rådgiver og sætter hurtigt ind med lette indsatser."),
        ],
        materials=[
            ("Trivselsskema i tre farver", "Fem områder, der vurderes ud fra konkrete eksempler."),
        ],
        quote=(
            "Før gik jeg og tvivlede i månedsvis. Nu ved jeg, at vi tager det op på næste møde.",
            "Pædagog i en børnehave",
        ),
        goals="Børn i mistrivsel får hjælp tidligere.",
        indicators=[
            ("Børn vurderet i gult eller rødt, der får en plan inden for en måned", "procent", UP),
            ("Børn, der går fra gult eller rødt til grønt inden for et år", "procent", UP),
        ],
        resources=(
            "Vurderingen tager omkring 10 minutter pr. barn hvert halve år. Det tværfaglige møde kræver to timer "
            "om måneden af hver fagperson."
        ),
        groups=["udsatte_unge", "familier"],
        themes=["børn_unge", "familie"],
        tags=["dagtilbud", "tidlig opsporing", "trivsel", "tværfagligt samarbejde"],
        declaration=declare(
            maalgruppe=("B", "Alle børn i dagtilbud; kriterierne for gult og rødt er beskrevet."),
            metode=("B", "Skema og mødestruktur er beskrevet."),
            implementering=("C", "Erfaringer fra få kommuner."),
            effekt=("C", "Flere børn opspores, men effekten på trivsel er ikke målt."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            Study(
                "Grønt, gult, rødt: erfaringer med systematisk trivselsvurdering i 20 børnehaver",
                "Jakobsen, L. & Rask, T.",
                2022,
                PRE_POST,
                "Antallet af børn, der blev drøftet tværfagligt, blev fordoblet, og tiden fra bekymring til handling "
                "faldt fra i gennemsnit fem til halvanden måned.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om tidlig indsats."),
            (1, "Kun målinger af opsporing, ikke af trivsel."),
            (3, "Skema og møder er velbeskrevne."),
            (2, "Målene er tydelige."),
            (3, "Kan bruges i alle dagtilbud."),
            (2, "Lav udgift."),
            (3, "Det tværfaglige møde er et fast refleksionsrum."),
            (2, "Forældrene inddrages fra start."),
            (2, "Planen tilpasses barnet."),
            (3, "Alle børn vurderes systematisk."),
            (2, "Planerne følges op efter tre måneder."),
        ],
        conclusion=PROMISING,
        origins=["Børnesamtaler i bilen eller på gåtur"],
    ),
    method(
        slug="netvaerksmoeder-med-den-unge-som-vaert",
        title="Netværksmøder, hvor den anbragte unge selv er vært",
        summary=(
            "Anbragte unge inviterer selv de voksne, de vil have med, til et netværksmøde om deres plan: familie, "
            "venner, lærere og fagfolk. Den unge forbereder mødet med sin kontaktperson, bestemmer dagsordenen og "
            "leder en del af mødet. Møderne holdes to gange om året og før store overgange."
        ),
        problem=(
            "Anbragte unge oplever, at møder om deres liv handler om dem, ikke med dem. De kender ikke altid de "
            "voksne omkring bordet, og de mister kontakten til familie og venner, som kunne støtte dem."
        ),
        theory_of_change=(
            "Når den unge selv inviterer og leder, bliver planen den unges egen. Netværket bliver synligt og "
            "forpligtet, og de unge lærer at bede om hjælp, hvilket de får brug for, når anbringelsen slutter."
        ),
        steps=[
            (
                "Forberedelse med kontaktpersonen",
                "Den unge og kontaktpersonen taler om, hvad mødet skal handle om, og hvem der skal inviteres.",
                "2–3 samtaler",
            ),
            (
                "Invitationen",
                "Den unge sender selv invitationen, gerne med hjælp til formuleringen.",
                "",
            ),
            (
                "Mødet",
                "Den unge byder velkommen og fortæller, hvad der er vigtigt lige nu. En neutral mødeleder styrer "
                "tiden.",
                "1,5–2 timer",
            ),
            (
                "Aftaler på skrift",
                "Aftalerne skrives ned med navn på, og den unge får dem med.",
                "",
            ),
        ],
        roles=[
            ("Kontaktperson", "Forbereder mødet med den unge og følger op på aftalerne."),
            ("Mødeleder", "Holder mødet på sporet og sikrer, at den unge bliver hørt."),
        ],
        materials=[
            ("Skabelon til invitation", "En enkel invitation, den unge selv kan tilpasse."),
        ],
        quote=(
            "Det var første gang, min moster og min lærer var i samme rum. Nu ved de begge to, hvad jeg har brug for.",
            "Pige, 16 år, anbragt i plejefamilie",
        ),
        goals="Den unge oplever at have indflydelse og har et netværk, der støtter efter anbringelsen.",
        indicators=[
            ("Personer i netværket, der har en konkret aftale", "antal", UP),
            ("Den unges oplevelse af indflydelse", "point på skala 1-10", UP),
        ],
        resources="Omkring 6 timer pr. møde for kontaktperson og mødeleder. Ingen særlige udgifter.",
        groups=["anbragte", "udsatte_unge"],
        themes=["børn_unge"],
        tags=["netværksmøde", "inddragelse", "ungeperspektiv"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er anbragte unge fra 12 år."),
            metode=("B", "Forberedelse og mødeform er beskrevet."),
            implementering=("C", "Brugt på få anbringelsessteder."),
            effekt=("C", "De unge oplever mere indflydelse, men effekten på efterværn er ikke målt."),
            oekonomi=("C", "Lav udgift; ingen beregning af gevinster."),
        ),
        research=[
            Study(
                "Mit møde: anbragte unges oplevelser af at lede deres egne netværksmøder",
                "Olsen, J. & Hvid, S.",
                2021,
                QUALITATIVE,
                "De unge beskrev møderne som første gang, de følte sig i centrum. Nogle fandt det svært at invitere "
                "forældre, de var i konflikt med.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om inddragelse og netværk."),
            (1, "Kun kvalitative erfaringer."),
            (2, "Forberedelse og mødeform er beskrevet."),
            (2, "Målene er tydelige, men bløde."),
            (3, "Kan bruges på alle anbringelsessteder."),
            (3, "Lav udgift."),
            (2, "Kontaktpersonerne drøfter møderne i teamet."),
            (3, "Bygger på relationen mellem den unge og kontaktpersonen."),
            (3, "Den unge bestemmer indholdet."),
            (1, "Ingen systematisk måling."),
            (2, "Aftalerne følges op på næste møde."),
        ],
        conclusion=PROMISING,
        origins=["Netværksmøder, hvor den unge selv står for invitationen"],
    ),
    method(
        slug="fast-mentor-for-unge-paa-vej-ud-af-anbringelse",
        title="Fast mentor for unge på vej ud af anbringelse",
        summary=(
            "Unge, der forlader en anbringelse, får en fast mentor fra de er 17 til 23 år. Mentoren hjælper med "
            "bolig, økonomi, uddannelse og alt det, forældre normalt hjælper med, og er en voksen, der bliver, når "
            "de øvrige voksne skifter. Mentoren starter, mens den unge stadig er anbragt."
        ),
        problem=(
            "Når anbringelsen slutter ved 18 år, mister mange unge alle de voksne, de kendte. De står alene med "
            "bolig, budget og uddannelse, og mange falder fra uddannelse eller får gæld det første år."
        ),
        theory_of_change=(
            "En stabil voksen, som den unge selv har valgt, giver tryghed i overgangen til voksenlivet. Når mentoren "
            "starter før anbringelsen slutter, er relationen på plads, når der er mest brug for den."
        ),
        steps=[
            (
                "Match før det fyldte 17. år",
                "Den unge møder to eller tre mulige mentorer og vælger selv.",
                "",
            ),
            (
                "Fælles plan for overgangen",
                "Mentoren, den unge og socialrådgiveren laver en plan for bolig, økonomi og uddannelse.",
                "Fra 17 år",
            ),
            (
                "Ugentlig kontakt",
                "Mentoren og den unge mødes eller skriver sammen hver uge, oftere i kriser.",
                "17–23 år",
            ),
            (
                "Økonomikursus",
                "Den unge deltager i et kort kursus om budget, gæld og skat sammen med andre unge.",
                "4 aftener",
            ),
        ],
        roles=[
            ("Mentor", "Fast voksen for 6–8 unge med fleksible arbejdstider."),
            ("Socialrådgiver", "Sikrer efterværnet og samarbejder med mentoren."),
        ],
        materials=[
            ("Overgangsplan", "Skema med de praktiske opgaver fra 17 til 19 år."),
        ],
        quote=(
            "Hun var der, da jeg fik nøglen til min første lejlighed, og hun var der, da jeg droppede ud. Hun gik "
            "ikke.",
            "Ung kvinde, 21 år, tidligere anbragt",
        ),
        goals=[
            "Den unge har en stabil bolig.",
            "Den unge er i uddannelse eller job.",
            "Den unge undgår gæld.",
        ],
        indicators=[
            ("Unge i uddannelse eller job ved 20 år", "procent", UP),
            ("Unge med restancer eller inkasso", "procent", DOWN),
        ],
        resources="En mentor med 6–8 unge koster omkring 70.000 kr. pr. ung om året.",
        groups=["anbragte", "udsatte_unge"],
        themes=["børn_unge"],
        tags=["efterværn", "mentor", "overgang til voksenlivet"],
        declaration=declare(
            maalgruppe=("A", "Målgruppen er klart afgrænset."),
            metode=("B", "Mentorrollen og overgangsplanen er beskrevet."),
            implementering=("C", "Brugt i nogle kommuner med forskellig praksis."),
            effekt=("C", "Lovende før-efter-målinger uden sammenligning."),
            oekonomi=("C", "Udgiften er kendt; gevinsten er ikke beregnet."),
        ),
        research=[
            Study(
                "En voksen, der bliver: efterværn med fast mentor i fire kommuner",
                "Hansen, R. & Mørk, V.",
                2020,
                PRE_POST,
                "Af 64 unge var 70 procent i uddannelse eller job ved 20 år mod 52 procent blandt tidligere årgange "
                "i de samme kommuner.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om relationer og overgange."),
            (2, "Lovende før-efter-målinger."),
            (2, "Beskrevet, men praksis varierer."),
            (3, "Klare mål for bolig, uddannelse og økonomi."),
            (2, "Kan overføres, men kræver fleksible mentorer."),
            (2, "Rimelig udgift."),
            (2, "Mentorerne mødes og deler erfaringer."),
            (3, "Relationen er kernen."),
            (3, "Den unge vælger mentor og mål."),
            (2, "Uddannelse og bolig følges."),
            (1, "Ingen fast opfølgning på metoden."),
        ],
        conclusion=PROMISING,
        origins=[
            "En voksen, der bliver: fast kontaktperson frem til 23 år efter anbringelse",
            "Økonomikursus for unge på vej ud af anbringelse",
        ],
    ),
    method(
        slug="exit-forloeb-med-mentor",
        title="Exit-forløb med mentor for unge i bandemiljøer",
        summary=(
            "Unge, der vil ud af et bandemiljø, får en mentor, hjælp til bolig et andet sted, uddannelse eller job "
            "og en sikkerhedsvurdering. Mentoren er tilgængelig døgnet rundt de første måneder. Forløbet er "
            "frivilligt og forudsætter, at den unge selv vil ud."
        ),
        problem=(
            "Unge, der vil ud af en bande, står med trusler, gæld og et netværk, der kun består af bandemedlemmer. "
            "Uden hjælp til en ny bolig og et nyt liv vender mange tilbage."
        ),
        theory_of_change=(
            "Et brud med miljøet kræver både sikkerhed, et nyt sted at bo og noget at stå op til. En mentor, der er "
            "der hele tiden i starten, hjælper den unge gennem de sværeste måneder."
        ),
        steps=[
            (
                "Afklaring og sikkerhed",
                "Politi og kommune vurderer sikkerheden og den unges motivation.",
                "1–2 uger",
            ),
            (
                "Ny bolig og plan",
                "Den unge får en bolig et andet sted og en plan for uddannelse eller job.",
                "",
            ),
            (
                "Mentorstøtte",
                "Mentoren er tilgængelig døgnet rundt de første måneder og følger den unge i hverdagen.",
                "6–18 måneder",
            ),
        ],
        roles=[
            ("Exit-mentor", "Følger højst fem unge og har døgnberedskab."),
            ("SSP- eller exit-koordinator", "Koordinerer med politi, kriminalforsorg og kommune."),
        ],
        materials=[
            ("Sikkerhedsplan", "Hvad den unge gør, hvis der kommer trusler."),
        ],
        quote=(
            "Det sværeste var ikke at flytte. Det var at have ingen venner bagefter. Min mentor var den eneste i "
            "lang tid.",
            "Ung mand, 22 år",
        ),
        goals="Den unge forlader miljøet og begår ikke ny kriminalitet.",
        indicators=[
            ("Unge uden nye domme efter to år", "procent", UP),
            ("Unge i uddannelse eller job", "procent", UP),
        ],
        resources="Et forløb koster 150.000–300.000 kr. afhængigt af bolig og sikkerhed.",
        groups=["kriminalitet", "udsatte_unge"],
        themes=["kriminalitet"],
        tags=["exit", "bander", "mentor"],
        declaration=declare(
            maalgruppe=("C", "Målgruppen er svær at afgrænse og lille."),
            metode=("C", "Forløbene tilpasses meget individuelt."),
            implementering=("C", "Erfaringer fra få kommuner."),
            effekt=("D", "Ingen effektstudier; få deltagere."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            Study(
                "Ud af miljøet: 18 forløb med exit-mentor",
                "Ebbesen, T. & Rahimi, A.",
                2022,
                PRACTICE,
                "12 af 18 unge havde ikke fået nye domme efter to år. Mentorerne fremhævede døgnberedskabet som "
                "afgørende i de første måneder.",
            ),
        ],
        scores=[
            (1, "Bygger mest på praksiserfaring."),
            (1, "Få deltagere og ingen sammenligning."),
            (1, "Forløbene er kun beskrevet overordnet."),
            (2, "Klare mål."),
            (1, "Kræver særlige ressourcer og samarbejde med politi."),
            (1, "Høj udgift og usikker gevinst."),
            (2, "Mentorerne har fast sparring."),
            (3, "Relationen er bærende."),
            (3, "Forløbet er helt individuelt."),
            (1, "Kun domme registreres."),
            (1, "Ingen fast opfølgning."),
        ],
        conclusion=NOT_YET,
        origins=["Exit-forløb med mentor for unge i bandemiljø"],
    ),
    # ---- handicap ----
    method(
        slug="social-faerdighedstraening-i-grupper",
        title="Social færdighedstræning i grupper",
        summary=(
            "Unge og voksne med autisme, udviklingshæmning eller psykisk sårbarhed træner sociale situationer i små "
            "grupper: at starte en samtale, sige fra, være kæreste, klare en jobsamtale. Træningen bygger på "
            "rollespil, video og hjemmeopgaver, og deltagerne øver det lærte i virkelige situationer mellem møderne."
        ),
        problem=(
            "Mange med kognitive eller sociale vanskeligheder ønsker venner, kærester og arbejde, men sociale "
            "situationer føles uforudsigelige og angstprovokerende. De trækker sig, og ensomheden vokser."
        ),
        theory_of_change=(
            "Sociale færdigheder kan læres som andre færdigheder: ved at få dem forklaret, se dem vist, øve dem trygt "
            "og derefter bruge dem i hverdagen. Gruppen giver både øvebane og fællesskab."
        ),
        steps=[
            (
                "Individuel samtale",
                "Deltageren vælger to eller tre situationer, der er vigtige at blive bedre til.",
                "",
            ),
            (
                "Gruppemøder med rollespil",
                "Hver gang gennemgås én færdighed, lederne viser den, og deltagerne øver i rollespil.",
                "Ugentligt i 12–16 uger",
            ),
            (
                "Hjemmeopgave i virkeligheden",
                "Deltagerne afprøver færdigheden i hverdagen og fortæller om det næste gang.",
                "",
            ),
            (
                "Afslutning og plan",
                "Deltageren og en støtteperson laver en plan for at holde færdighederne ved lige.",
                "",
            ),
        ],
        roles=[
            ("Gruppeleder", "Uddannet i metoden; to pr. gruppe."),
            ("Støtteperson", "Bostøtte eller forælder, der hjælper med hjemmeopgaverne."),
        ],
        materials=[
            ("Færdighedskort", "Hver færdighed beskrevet i korte trin med billeder."),
        ],
        quote=(
            "Vi øvede at spørge, om man vil drikke kaffe. Så gjorde jeg det på arbejdet. Hun sagde ja.",
            "Deltager, 26 år",
        ),
        goals="Deltagerne bliver bedre til de sociale situationer, de selv har valgt, og føler sig mindre ensomme.",
        indicators=[
            ("Sociale færdigheder (vurderingsskema)", "point", UP),
            ("Oplevet ensomhed", "point", DOWN),
        ],
        resources="Et forløb for 8 deltagere koster omkring 60.000 kr. inkl. to gruppelederes tid.",
        groups=["autisme", "handicap", "psykisk"],
        themes=["handicap", "psykiatri"],
        tags=["social færdighedstræning", "relationer", "kognitivt handicap"],
        declaration=declare(
            maalgruppe=("A", "Målgrupperne er klart beskrevet."),
            metode=("A", "Manualbaseret med detaljerede gruppemøder."),
            implementering=("B", "Brugt i mange tilbud."),
            effekt=("B", "Forsøg viser bedre sociale færdigheder; effekten på ensomhed er usikker."),
            oekonomi=("C", "Lav udgift, men ingen økonomisk analyse."),
        ),
        research=[
            Study(
                "Øvebane for hverdagen: et lodtrækningsforsøg med social færdighedstræning for unge med autisme",
                "Vinther, K., Schmidt, L. & Boye, M.",
                2019,
                RCT,
                "Deltagerne forbedrede deres sociale færdigheder mere end kontrolgruppen efter 16 uger. Effekten "
                "var stadig til stede efter seks måneder.",
            ),
        ],
        scores=[
            (3, "Bygger på social læringsteori."),
            (3, "Forsøg viser effekt."),
            (3, "Manualbaseret."),
            (3, "Deltagerne sætter klare mål."),
            (3, "Kan bruges i mange tilbud."),
            (2, "Lav udgift."),
            (2, "Gruppelederne har supervision."),
            (2, "Gruppen er et trygt fællesskab."),
            (3, "Deltagerne vælger selv situationerne."),
            (2, "Færdigheder måles før og efter."),
            (2, "Der laves en plan for at fastholde."),
        ],
        conclusion=PROMISING,
        origins=["Kæresteskole for unge med kognitive handicap"],
    ),
    method(
        slug="visuel-struktur-i-bostoetten",
        title="Visuel struktur i bostøtten til borgere med autisme",
        summary=(
            "Borgere med autisme får visuelle dagsplaner, tjeklister og kalendere, som de laver sammen med "
            "bostøtten. Strukturen gør hverdagen forudsigelig, og planerne bruges på papir, på en tavle eller i "
            "en app, efter hvad borgeren foretrækker."
        ),
        problem=(
            "Uforudsigelige hverdage giver stress og nedsmeltninger for mange borgere med autisme. Mundtlige "
            "aftaler glemmes, og borgeren bliver afhængig af, at bostøtten er der."
        ),
        theory_of_change=(
            "Visuel information er lettere at bearbejde for mange med autisme. Når borgeren kan se, hvad der skal "
            "ske, falder stressniveauet, og borgeren kan klare flere ting selv."
        ),
        steps=[
            (
                "Kortlæg hverdagen",
                "Bostøtten og borgeren finder de situationer, der skaber mest uro.",
                "1–2 besøg",
            ),
            (
                "Lav planerne sammen",
                "Borgeren vælger form: tavle, papir eller app. Planerne laves sammen.",
                "",
            ),
            (
                "Brug og justér",
                "Planerne bruges dagligt og justeres ved hvert besøg.",
                "Løbende",
            ),
        ],
        roles=[
            ("Bostøttemedarbejder", "Laver planerne sammen med borgeren og justerer dem."),
        ],
        materials=[
            ("Billedbibliotek", "Symboler og fotos til dagsplaner."),
            ("Skabelon til ugeplan", "En fast skabelon, borgeren kan genkende."),
        ],
        quote=(
            "Når jeg kan se det på tavlen, behøver jeg ikke at tænke på det hele tiden.",
            "Borger med autisme, 31 år",
        ),
        goals="Mindre stress og flere gøremål, som borgeren klarer selv.",
        indicators=[
            ("Gøremål borgeren klarer uden hjælp", "antal pr. uge", UP),
            ("Oplevet stress", "point på skala 1-10", DOWN),
        ],
        resources="Ingen ekstra udgifter ud over materialer og evt. en app.",
        groups=["autisme", "handicap"],
        themes=["handicap"],
        tags=["visuel støtte", "struktur", "forudsigelighed", "bostøtte"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet."),
            metode=("B", "Principperne for visuel støtte er velbeskrevne."),
            implementering=("B", "Udbredt i mange tilbud."),
            effekt=("C", "Praksiserfaringer og enkelte studier er lovende."),
            oekonomi=("C", "Meget lav udgift, men ingen analyser."),
        ),
        research=[
            Study(
                "Se dagen: visuel støtte i bostøtte til voksne med autisme",
                "Dam, L. & Eskildsen, H.",
                2021,
                PRE_POST,
                "Efter et halvt år klarede borgerne i gennemsnit tre flere gøremål om ugen selv, og de rapporterede "
                "mindre stress.",
            ),
        ],
        scores=[
            (3, "Bygger på viden om autisme og visuel bearbejdning."),
            (2, "Lovende før-efter-målinger."),
            (2, "Principperne er beskrevet."),
            (2, "Målene er konkrete."),
            (3, "Kan bruges i alle bostøttetilbud."),
            (3, "Meget lav udgift."),
            (2, "Medarbejderne deler materialer og erfaringer."),
            (2, "Planerne laves sammen med borgeren."),
            (3, "Form og indhold tilpasses borgeren."),
            (2, "Gøremål registreres."),
            (2, "Planerne justeres ved hvert besøg."),
        ],
        conclusion=PROMISING,
        origins=["Visuelle dagsplaner i bostøtten til borgere med autisme"],
    ),
    # ---- vold i nære relationer ----
    method(
        slug="behandling-af-voldsudoevere",
        title="Behandling af voldsudøvere efter politiets første udrykning",
        summary=(
            "Når politiet har været ude til vold i hjemmet, kontakter en behandler den voldsudøvende part inden for "
            "to døgn og tilbyder et behandlingsforløb på 15–25 samtaler, individuelt og i gruppe. Den voldsudsatte "
            "partner tilbydes samtidig støtte og bliver orienteret om forløbet, og børnenes situation vurderes."
        ),
        problem=(
            "Vold i nære relationer gentager sig ofte. Efter politiets udrykning får den voldsudsatte ofte tilbud om "
            "hjælp, men den voldsudøvende part får sjældent hjælp til at stoppe, og børnene lever videre med volden."
        ),
        theory_of_change=(
            "Tidspunktet lige efter politiets udrykning er et vindue, hvor mange er motiverede for at ændre sig. "
            "Behandling, der giver voldsudøveren redskaber til at genkende og stoppe volden, og som tager ansvar "
            "for volden frem for at bortforklare den, kan mindske gentagen vold."
        ),
        steps=[
            (
                "Kontakt inden for to døgn",
                "Politiet videregiver kontaktoplysninger med samtykke. Behandleren ringer og tilbyder en samtale.",
                "Inden for 48 timer",
            ),
            (
                "Risikovurdering",
                "Behandleren vurderer risikoen for ny vold og laver en sikkerhedsplan med den voldsudsatte.",
                "",
            ),
            (
                "Individuelle samtaler og gruppe",
                "Voldsudøveren arbejder med ansvar, følelser, konflikthåndtering og konsekvenser for børnene.",
                "15–25 samtaler",
            ),
            (
                "Støtte til partner og børn",
                "Partneren får samtaler og information, og børnenes situation vurderes af familieafdelingen.",
                "",
            ),
        ],
        roles=[
            ("Voldsbehandler", "Gennemfører samtaler og risikovurderinger."),
            ("Partnerkontakt", "Støtter den voldsudsatte og følger sikkerheden."),
        ],
        materials=[
            ("Sikkerhedsplan", "Konkrete aftaler om, hvad den voldsudsatte gør, hvis volden gentager sig."),
        ],
        quote=(
            "Jeg troede, det var hende, der provokerede. Det tog lang tid at se, at det var mig, der valgte at slå.",
            "Mand, 41 år, deltager i et behandlingsforløb",
        ),
        goals=[
            "Volden stopper.",
            "Partneren og børnene føler sig trygge.",
        ],
        indicators=[
            ("Nye anmeldelser om vold inden for et år", "antal", DOWN),
            ("Partnerens oplevede tryghed", "point på skala 1-10", UP),
        ],
        resources="Et forløb koster omkring 25.000–35.000 kr. inkl. partnerkontakt.",
        groups=["vold", "kriminalitet", "familier"],
        themes=["vold", "kriminalitet"],
        tags=["voldsudøvere", "politi", "behandling"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet."),
            metode=("B", "Forløbet er beskrevet i en manual."),
            implementering=("C", "Den tidlige kontakt efter udrykning er kun afprøvet få steder."),
            effekt=("C", "Studier af behandling af voldsudøvere viser blandede resultater."),
            oekonomi=("C", "Udgiften er kendt; gevinsten er ikke opgjort."),
        ),
        research=[
            Study(
                "Efter udrykningen: deltagelse og gentagen vold i et dansk behandlingsprojekt",
                "Riis, C. & Lauritsen, O.",
                2023,
                QUASI,
                "Halvdelen af de kontaktede tog imod behandling. Blandt dem, der gennemførte, var der færre nye "
                "anmeldelser end i en sammenligningsgruppe, men forskellen var usikker.",
            ),
        ],
        scores=[
            (3, "Bygger på en tydelig teori om ansvar og ændring."),
            (1, "Blandede resultater."),
            (3, "Manualbaseret."),
            (3, "Klare mål."),
            (2, "Kræver samarbejde med politiet."),
            (2, "Rimelig udgift."),
            (3, "Behandlerne har fast supervision."),
            (2, "Relationen balanceres med en tydelig holdning til volden."),
            (2, "Forløbet tilpasses risiko og behov."),
            (2, "Anmeldelser følges."),
            (2, "Forløbene evalueres løbende."),
        ],
        conclusion=PROMISING,
        origins=["Behandling til voldsudøvere efter politiets første udrykning"],
    ),
    method(
        slug="spoerg-til-vold-i-familiesager",
        title="Spørg altid til vold i familiesager",
        summary=(
            "Socialrådgivere i familieafdelingen stiller altid de samme tre spørgsmål om vold i hjemmet, når en ny "
            "sag åbnes, og de taler med hver forælder alene. Ved et ja bruges en fast risikovurdering, og der "
            "laves en plan for sikkerhed for både voksne og børn."
        ),
        problem=(
            "Vold i familien bliver ofte først opdaget sent, fordi ingen spørger, og fordi forældrene sjældent taler "
            "om det, når partneren er til stede."
        ),
        theory_of_change=(
            "Når alle bliver spurgt på samme måde, bliver det lettere at svare ærligt, og volden opdages tidligere. "
            "En fast risikovurdering sikrer, at der handles ens og hurtigt."
        ),
        steps=[
            (
                "Tre faste spørgsmål",
                "Stil spørgsmålene til hver forælder alene ved sagens start.",
                "5 minutter",
            ),
            (
                "Risikovurdering ved ja",
                "Brug et fast vurderingsskema og tal med en kollega samme dag.",
                "",
            ),
            (
                "Plan for sikkerhed",
                "Lav en sikkerhedsplan og henvis til krisecenter, voldsbehandling eller rådgivning.",
                "",
            ),
        ],
        roles=[
            ("Socialrådgiver", "Stiller spørgsmålene og handler på svarene."),
            ("Voldskonsulent", "Rådgiver kollegerne og deltager i svære sager."),
        ],
        materials=[
            ("Spørgekort", "De tre spørgsmål og hvad du gør ved et ja."),
        ],
        quote=(
            "Ingen havde spurgt mig før. Da hun gjorde det, mens han var ude, kunne jeg endelig sige det.",
            "Mor i en familiesag",
        ),
        goals="Vold i familier opdages tidligere, og børn og voksne får hjælp.",
        indicators=[
            ("Sager, hvor der er spurgt til vold", "procent", UP),
            ("Opdagede voldssager pr. år", "antal", UP),
        ],
        resources="Et halvt dags kursus for alle rådgivere og en voksenkonsulent på deltid.",
        groups=["vold", "familier"],
        themes=["vold", "familie"],
        tags=["screening", "voldsopsporing", "familiesager"],
        declaration=declare(
            maalgruppe=("B", "Alle familier i familieafdelingen."),
            metode=("B", "Spørgsmål og risikovurdering er beskrevet."),
            implementering=("C", "Erfaringer fra få kommuner."),
            effekt=("C", "Flere sager opdages, men effekten for familierne er ikke målt."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            Study(
                "Når vi spørger: opsporing af vold i tre familieafdelinger",
                "Winkel, J. & Moos, B.",
                2022,
                PRE_POST,
                "Antallet af opdagede voldssager blev mere end fordoblet det første år. Rådgiverne fandt "
                "spørgsmålene lettere at stille, når de var en fast rutine.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om opsporing."),
            (1, "Kun målinger af opsporing."),
            (3, "Spørgsmål og rutine er præcist beskrevet."),
            (2, "Klare mål for opsporing."),
            (3, "Kan bruges i alle kommuner."),
            (3, "Meget lav udgift."),
            (2, "Svære sager drøftes med voldskonsulenten."),
            (2, "Samtalen med hver forælder alene skaber tryghed."),
            (2, "Planen tilpasses familien."),
            (2, "Andelen af sager med spørgsmål følges."),
            (1, "Ingen fast opfølgning endnu."),
        ],
        conclusion=PROMISING,
        origins=["Spørg altid til vold i familiesager"],
    ),
    method(
        slug="eftervaern-efter-krisecenter",
        title="Efterværn efter krisecenter med bostøtte og juridisk hjælp",
        summary=(
            "Kvinder og mænd, der flytter fra krisecenter til egen bolig, får et efterværn på 6–12 måneder: en fast "
            "kontaktperson, hjælp til bolig og økonomi, juridisk rådgivning om skilsmisse og samvær samt "
            "gruppeforløb for børnene. Målet er at undgå, at familien vender tilbage til volden."
        ),
        problem=(
            "Mange voldsudsatte vender tilbage til den voldelige partner, fordi de står alene med økonomi, "
            "samværssager og ensomhed efter krisecentret."
        ),
        theory_of_change=(
            "Praktisk, juridisk og følelsesmæssig støtte i overgangen gør det muligt at etablere et nyt liv. Når "
            "barrierer som bolig, økonomi og samvær bliver håndteret, falder risikoen for at vende tilbage."
        ),
        steps=[
            (
                "Plan før udflytning",
                "Kontaktpersonen møder familien på krisecentret og laver en plan for de første måneder.",
                "",
            ),
            (
                "Bostøtte i den nye bolig",
                "Ugentlige besøg med hjælp til økonomi, skole og sikkerhed.",
                "6–12 måneder",
            ),
            (
                "Juridisk rådgivning",
                "Hjælp til skilsmisse, samvær og bodeling.",
                "",
            ),
            (
                "Børnegruppe",
                "Børnene deltager i en gruppe med andre børn, der har oplevet vold.",
                "10 gange",
            ),
        ],
        roles=[
            ("Efterværnsmedarbejder", "Fast kontaktperson for familien."),
            ("Advokat eller jurist", "Rådgiver om skilsmisse og samvær."),
        ],
        materials=[
            ("Sikkerhedstjek i den nye bolig", "Tjekliste for adressebeskyttelse, telefon og konti."),
        ],
        quote=(
            "Det var ikke volden, der fik mig til at overveje at tage tilbage. Det var regningerne og ensomheden. "
            "Efterværnet hjalp med begge dele.",
            "Kvinde, 38 år",
        ),
        goals="Familien bor trygt i egen bolig og vender ikke tilbage til volden.",
        indicators=[
            ("Familier uden nyt krisecenterophold efter et år", "procent", UP),
            ("Oplevet tryghed", "point på skala 1-10", UP),
        ],
        resources="Et efterværnsforløb koster omkring 60.000–80.000 kr. pr. familie.",
        groups=["vold", "familier"],
        themes=["vold", "bolig"],
        tags=["efterværn", "krisecenter", "juridisk rådgivning"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet."),
            metode=("B", "Elementerne er beskrevet, men sammensætningen varierer."),
            implementering=("C", "Brugt af nogle krisecentre."),
            effekt=("C", "Lovende opgørelser uden sammenligning."),
            oekonomi=("C", "Udgiften er kendt."),
        ),
        research=[
            Study(
                "Livet efter krisecentret: en opfølgning på 120 familier",
                "Rosendahl, A. & Krogh, I.",
                2019,
                PRE_POST,
                "Blandt familier med efterværn havde 85 procent ikke et nyt krisecenterophold efter et år. Tallet "
                "var lavere blandt familier uden efterværn, men grupperne var ikke sammenlignelige.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om barrierer efter krisecenter."),
            (2, "Lovende opgørelser."),
            (2, "Elementerne er beskrevet."),
            (3, "Klare mål."),
            (2, "Kan overføres til andre krisecentre."),
            (2, "Rimelig udgift."),
            (2, "Medarbejderne har supervision."),
            (3, "Den faste kontaktperson er kernen."),
            (3, "Planen tilpasses familien."),
            (1, "Kun genophold registreres."),
            (2, "Forløbene evalueres med familien."),
        ],
        conclusion=PROMISING,
        origins=["Efterværn efter krisecenter med bostøtte og juridisk hjælp"],
    ),
    # ---- ældre og ensomhed ----
    method(
        slug="demensvenlig-hverdag-i-plejeboliger",
        title="Demensvenlig hverdag i plejeboliger",
        summary=(
            "Plejeboliger indretter hverdagen efter beboere med demens: små enheder, faste medarbejdere, "
            "genkendelige aktiviteter fra beboernes eget liv og en fælles livshistorie for hver beboer. "
            "Medarbejderne lærer at forstå uro som kommunikation og at forebygge den frem for at bruge medicin."
        ),
        problem=(
            "Beboere med demens bliver ofte urolige, når hverdagen er uforudsigelig, og når de ikke forstår, hvad der "
            "sker. Uroen bliver ofte mødt med beroligende medicin, som giver fald og sløvhed."
        ),
        theory_of_change=(
            "Adfærd hos mennesker med demens er ofte et udtryk for et behov. Når medarbejderne kender beboerens "
            "livshistorie og hverdagen er genkendelig, kan de forstå og imødekomme behovet, og uroen falder."
        ),
        steps=[
            (
                "Livshistorie for hver beboer",
                "Pårørende og beboer fortæller om vaner, arbejde og interesser. Historien ligger synligt for "
                "medarbejderne.",
                "Ved indflytning",
            ),
            (
                "Faste medarbejdere i små enheder",
                "Beboerne møder de samme medarbejdere, og enhederne har højst 8–10 beboere.",
                "",
            ),
            (
                "Genkendelige aktiviteter",
                "Dagen bygges op om aktiviteter, beboerne kender: kaffe, avis, madlavning, havearbejde.",
                "Dagligt",
            ),
            (
                "Refleksion over uro",
                "Ved uro spørger teamet: hvad forsøger beboeren at fortælle? Og hvad kan vi gøre anderledes?",
                "Ugentligt teammøde",
            ),
        ],
        roles=[
            ("Demenskoordinator", "Underviser og vejleder medarbejderne og leder refleksionsmøderne."),
            ("Kontaktperson", "Har ansvar for beboerens livshistorie og kontakten til pårørende."),
        ],
        materials=[
            ("Livshistorieskema", "Spørgsmål til beboer og pårørende om vaner og interesser."),
        ],
        quote=(
            "Min mor var urolig hver eftermiddag. Da de fandt ud af, at hun altid havde hentet børn klokken tre, "
            "begyndte de at gå en tur med hende på det tidspunkt.",
            "Datter til en beboer",
        ),
        goals=[
            "Mindre uro blandt beboerne.",
            "Mindre brug af beroligende medicin.",
            "Pårørende oplever, at beboeren bliver set.",
        ],
        indicators=[
            ("Beboere i behandling med beroligende medicin", "procent", DOWN),
            ("Registrerede episoder med uro", "antal pr. måned", DOWN),
        ],
        resources=(
            "Kræver uddannelse af medarbejderne (to dage) og en demenskoordinator på deltid. Små enheder kan kræve "
            "ændret indretning."
        ),
        groups=["ældre"],
        themes=["ældre"],
        tags=["demens", "demensvenlig", "plejebolig", "livshistorie"],
        declaration=declare(
            maalgruppe=("A", "Beboere med demens i plejeboliger."),
            metode=("B", "Principperne er beskrevet, men indholdet varierer."),
            implementering=("B", "Mange plejeboliger arbejder efter principperne."),
            effekt=("C", "Studier tyder på mindre uro, men resultaterne er usikre."),
            oekonomi=("C", "Ingen økonomiske analyser."),
        ),
        research=[
            Study(
                "Uro som sprog: indførelse af demensvenlig praksis på fire plejecentre",
                "Kristensen, A., Vad, E. & Hornbech, S.",
                2020,
                PRE_POST,
                "Andelen af beboere i behandling med beroligende medicin faldt fra 34 til 22 procent på et år. "
                "Medarbejderne oplevede færre konflikter.",
            ),
        ],
        scores=[
            (3, "Bygger på veldefineret viden om demens og personcentreret omsorg."),
            (2, "Før-efter-målinger viser mindre medicin."),
            (2, "Principperne er beskrevet."),
            (2, "Målene er klare."),
            (3, "Kan bruges i alle plejeboliger."),
            (2, "Moderate udgifter."),
            (3, "Faste refleksionsmøder."),
            (3, "Relationen til beboer og pårørende er kernen."),
            (3, "Hverdagen bygges på beboerens historie."),
            (2, "Medicin og uro registreres."),
            (2, "Praksis justeres på teammøder."),
        ],
        conclusion=PROMISING,
        origins=["Demensvenlige butikker i lokalsamfundet"],
    ),
    method(
        slug="faste-faellesskaber-for-ensomme-aeldre",
        title="Faste fællesskaber for ensomme ældre",
        summary=(
            "Ældre, der føler sig ensomme, bliver inviteret ind i et fast, lille fællesskab, der mødes hver uge, fx "
            "om fællesspisning, gåture eller en telefonkæde om morgenen. Frivillige står for møderne, og en "
            "koordinator i kommunen sørger for, at ingen bliver væk uden at blive savnet."
        ),
        problem=(
            "Mange ældre lever alene og har mistet ægtefælle og venner. De tør ikke selv opsøge nye fællesskaber, "
            "og ensomheden øger risikoen for depression og sygdom."
        ),
        theory_of_change=(
            "Et lille, fast fællesskab, hvor man bliver savnet, hvis man ikke kommer, giver tilhørsforhold. "
            "Frivillige og en koordinator gør det trygt at komme første gang og fastholder de ældre."
        ),
        steps=[
            (
                "Personlig invitation",
                "Hjemmeplejen, egen læge eller pårørende peger på ældre, der kunne have glæde af et fællesskab. "
                "Koordinatoren ringer eller kommer på besøg.",
                "",
            ),
            (
                "Følgeskab første gang",
                "En frivillig henter den ældre første gang.",
                "",
            ),
            (
                "Faste ugentlige møder",
                "Samme tid, samme sted, samme mennesker. Højst 10 deltagere.",
                "Ugentligt",
            ),
            (
                "Savnet, hvis man ikke kommer",
                "Den frivillige ringer, hvis en deltager udebliver.",
                "",
            ),
        ],
        roles=[
            ("Frivillig værtsperson", "Står for møderne og kender deltagerne."),
            ("Koordinator", "Rekrutterer deltagere og frivillige og holder kontakten til hjemmeplejen."),
        ],
        materials=[
            ("Invitationskort", "Et personligt kort, den ældre kan få med hjem."),
        ],
        quote=(
            "Om torsdagen har jeg noget at tage tøj på til. Og hvis jeg ikke kommer, ringer Grethe.",
            "Enke, 84 år",
        ),
        goals="Færre ældre føler sig ensomme.",
        indicators=[
            ("Deltagere, der ofte føler sig uønsket alene", "procent", DOWN),
            ("Deltagere, der stadig kommer efter et halvt år", "procent", UP),
        ],
        resources=(
            "En koordinator på 20 timer kan understøtte 8–10 fællesskaber. Mad og lokaler koster omkring 2.000 kr. "
            "om måneden pr. fællesskab."
        ),
        groups=["ældre", "ensomhed"],
        themes=["ældre", "frivillighed"],
        tags=["fællesspisning", "ensomhed", "frivillige", "telefonkæde"],
        declaration=declare(
            maalgruppe=("B", "Målgruppen er beskrevet."),
            metode=("C", "Formen varierer meget mellem fællesskaberne."),
            implementering=("B", "Mange kommuner og foreninger har gode erfaringer."),
            effekt=("C", "Før-efter-målinger viser mindre ensomhed, men uden sammenligning."),
            oekonomi=("C", "Lave udgifter; ingen analyser af gevinsten."),
        ),
        research=[
            LONELY_ELDERLY_SURVEY,
            Study(
                "At blive savnet: ældres oplevelser af faste fællesskaber",
                "Lorenzen, G.",
                2021,
                QUALITATIVE,
                "Deltagerne fremhævede, at nogen ringede, hvis de ikke kom, som det vigtigste. Mange havde ikke "
                "turdet komme uden en personlig invitation.",
            ),
        ],
        scores=[
            (2, "Bygger på viden om ensomhed og fællesskab."),
            (2, "Lovende før-efter-målinger."),
            (1, "Formen varierer meget."),
            (2, "Klart mål om mindre ensomhed."),
            (3, "Kan overføres overalt."),
            (3, "Lave udgifter."),
            (1, "De frivillige har kun lidt sparring."),
            (3, "Relationer er hele pointen."),
            (2, "Den ældre vælger fællesskab."),
            (1, "Ensomhed måles kun få steder."),
            (2, "Koordinatoren følger op på fremmødet."),
        ],
        conclusion=NOT_YET,
        origins=[
            "Spisevenner: fællesspisning for ensomme ældre",
            "Telefonkæde, hvor ældre ringer til hinanden hver morgen",
        ],
    ),
    method(
        slug="opsporing-af-ensomhed-ved-visitation",
        title="Opsporing af ensomhed ved visitation til hjemmepleje",
        summary=(
            "Visitatorer spørger systematisk til ensomhed, når ældre visiteres til hjemmepleje, med to enkle "
            "spørgsmål. Ældre, der svarer ja, får tilbud om en samtale med en forebyggende medarbejder, der hjælper "
            "med at finde et fællesskab, en besøgsven eller en aktivitet."
        ),
        problem=(
            "Visitationen handler om praktisk hjælp, og ensomhed bliver sjældent opdaget. Ældre taler sjældent om "
            "ensomhed af sig selv."
        ),
        theory_of_change=(
            "Når spørgsmålet bliver stillet som en fast del af visitationen, bliver det lettere at svare ærligt. Et "
            "konkret tilbud om hjælp gør opsporingen meningsfuld."
        ),
        steps=[
            (
                "To faste spørgsmål",
                "Visitatoren spørger, hvor ofte den ældre føler sig alene, og om det er et problem.",
                "2 minutter",
            ),
            (
                "Tilbud om samtale",
                "Ved ja tilbydes en samtale med en forebyggende medarbejder inden for to uger.",
                "",
            ),
            (
                "Bro til fællesskab",
                "Den forebyggende medarbejder finder et tilbud og følger med første gang.",
                "",
            ),
        ],
        roles=[
            ("Visitator", "Stiller spørgsmålene."),
            ("Forebyggende medarbejder", "Tager samtalen og bygger bro."),
        ],
        materials=[
            ("Oversigt over fællesskaber", "En opdateret liste over tilbud i lokalområdet."),
        ],
        quote=(
            "Hun spurgte, om jeg savnede nogen at tale med. Jeg begyndte at græde. Der var ingen, der havde spurgt.",
            "Mand, 79 år",
        ),
        goals="Ensomme ældre opdages og får tilbudt hjælp.",
        indicators=[
            ("Visitationer, hvor der er spurgt til ensomhed", "procent", UP),
            ("Ældre, der tager imod et tilbud", "antal pr. år", UP),
        ],
        resources="Få minutter pr. visitation og en forebyggende medarbejder på deltid.",
        groups=["ældre", "ensomhed"],
        themes=["ældre"],
        tags=["visitation", "ensomhed", "opsporing"],
        declaration=declare(
            maalgruppe=("B", "Alle ældre, der visiteres."),
            metode=("C", "Spørgsmålene er faste, men opfølgningen varierer."),
            implementering=("D", "Kun afprøvet i en enkelt kommune."),
            effekt=("D", "Ingen målinger af effekten."),
            oekonomi=("D", "Økonomien er ikke undersøgt."),
        ),
        research=[
            LONELY_ELDERLY_SURVEY,
        ],
        scores=[
            (2, "Bygger på viden om ensomhed blandt ældre."),
            (0, "Ingen målinger af virkningen."),
            (2, "Spørgsmålene er beskrevet."),
            (2, "Klart mål."),
            (2, "Kan let overføres."),
            (2, "Lav udgift."),
            (1, "Ingen fast refleksion."),
            (2, "Samtalen bygger på tillid."),
            (2, "Tilbuddet vælges med den ældre."),
            (1, "Kun andelen af spørgsmål registreres."),
            (1, "Ingen opfølgning endnu."),
        ],
        conclusion=NOT_YET,
        origins=["Spørg til ensomhed ved visitation til hjemmepleje"],
    ),
]
