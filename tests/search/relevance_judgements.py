"""Relevance judgements for the search service: Danish queries and the demo ideas a person would want for each.

The corpus is `IDEA_SEEDS` from ideabank/demo/content/ideas.json (one published idea per seed); ideas are
named by their seed title. The judgements were made by reading the seeds, not by looking at what the search
returns, so a figure below 1.0 is a real miss (or a word the engine cannot know), not a judging error.
Each query is tagged with what it exercises: inflection, derivation, compound, typo, ascii (typed without
æ/ø/å/é), synonym (search/data/synonyms.txt), multi (several words) or sentence (a question or sentence as
people type it, where not every word is in the idea). The compound queries look for a compound whose parts
the ideas use apart or in other compounds, and for parts whose compound the ideas use.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Judgement:
    query: str
    kind: str
    relevant: frozenset


# Topics several queries share: the same need, asked in different words.
HOMELESS = frozenset(
    {
        "Bostøtten følger med ind i den nye bolig",
        "Morgenmad fra ladcykel som indgang til sundhedstjek for gadesovere",
        "Fast postadresse på herberget, så vigtige breve ikke forsvinder",
        "Hundepasning, når en gadesover skal indlægges eller i behandling",
        "Sofasurfere skal også tælles med: opsporing af unge uden bolig",
        "Skæve boliger med en vicevært, der kender beboerne",
    }
)
ANBRAGT = frozenset(
    {
        "En voksen, der bliver: fast kontaktperson frem til 23 år efter anbringelse",
        "Træningslejlighed før det fyldte 18. år",
        "Økonomikursus for unge på vej ud af anbringelse",
        "Søskendesamvær, når søskende er anbragt forskellige steder",
        "Netværksmøder, hvor den unge selv står for invitationen",
        "Fælles skolestartsplan for anbragte børn",
    }
)
PLEJE = frozenset(
    {
        "Fælles skolestartsplan for anbragte børn",
        "Søskendesamvær, når søskende er anbragt forskellige steder",
        "En voksen, der bliver: fast kontaktperson frem til 23 år efter anbringelse",
    }
)
ENSOM = frozenset(
    {
        "Spisevenner: fællesspisning for ensomme ældre",
        "Telefonkæde, hvor ældre ringer til hinanden hver morgen",
        "Spørg til ensomhed ved visitation til hjemmepleje",
        "Natcafé for borgere med psykisk sårbarhed",
        "Samtalegruppe for ældre med høretab",
    }
)
MISBRUG = frozenset(
    {
        "Samtale samme dag: åben rådgivning i misbrugscentret",
        "Én fælles plan for borgere med både psykisk lidelse og misbrug",
        "Sms-service til pårørende til borgere i misbrugsbehandling",
        "Alkoholbehandling for ældre i eget hjem",
        "Pårørendegruppe for forældre til unge med rusmiddelforbrug",
        "Gåture i stedet for kontorsamtaler med unge i hashbehandling",
    }
)
VOLD = frozenset(
    {
        "Spørg altid til vold i familiesager",
        "Efterværn efter krisecenter med bostøtte og juridisk hjælp",
        "Behandling til voldsudøvere efter politiets første udrykning",
        "Krisecenterpladser til mænd og deres børn",
        "Tjek af telefon og konti, når en voldsudsat flytter",
    }
)
KRISE = frozenset(
    {
        "Krisecenterpladser til mænd og deres børn",
        "Efterværn efter krisecenter med bostøtte og juridisk hjælp",
        "Tjek af telefon og konti, når en voldsudsat flytter",
    }
)
JUDGEMENTS = [
    Judgement("hjemløse", "inflection", HOMELESS),
    Judgement("hjemløshed", "inflection", HOMELESS),
    Judgement("plejefamilier", "inflection", PLEJE),
    Judgement("anbragte", "inflection", ANBRAGT),
    Judgement("krisecentre", "inflection", KRISE),
    Judgement(
        "forældrene",
        "inflection",
        frozenset(
            {
                "Pårørendegruppe for forældre til unge med rusmiddelforbrug",
                "Forældregrupper på modersmål med tolk",
                "Forældretræning for familier med børn med ADHD",
                "Nattevandring med forældre i weekenden",
            }
        ),
    ),
    Judgement("børnesamtalerne", "inflection", frozenset({"Børnesamtaler i bilen eller på gåtur"})),
    Judgement(
        "mentorer",
        "inflection",
        frozenset(
            {
                "Recovery-mentorer med egen erfaring med psykisk sygdom",
                "Virksomhedspraktik med en fast mentor fra arbejdspladsen",
                "Exit-forløb med mentor for unge i bandemiljø",
            }
        ),
    ),
    Judgement(
        "udskrivningen",
        "inflection",
        frozenset({"Fælles udskrivningsmøde, før borgeren forlader psykiatrisk afdeling"}),
    ),
    Judgement(
        "pårørendes",
        "inflection",
        frozenset(
            {
                "Pårørendegruppe for forældre til unge med rusmiddelforbrug",
                "Sms-service til pårørende til borgere i misbrugsbehandling",
                "Naloxon-kursus for personale og pårørende",
            }
        ),
    ),
    Judgement("ensomhed", "derivation", ENSOM),
    Judgement("ensomme", "derivation", ENSOM),
    Judgement("misbrug", "derivation", MISBRUG),
    Judgement("voldelig", "derivation", VOLD),
    Judgement(
        "sårbare",
        "derivation",
        frozenset(
            {
                "Ekstra hjemmebesøg af sundhedsplejersken hos sårbare gravide",
                "Natcafé for borgere med psykisk sårbarhed",
            }
        ),
    ),
    Judgement(
        "digital",
        "derivation",
        frozenset(
            {
                "Tablet og en frivillig makker til ældre, der vil være digitale",
                "Tjek af telefon og konti, når en voldsudsat flytter",
                "Fast postadresse på herberget, så vigtige breve ikke forsvinder",
            }
        ),
    ),
    Judgement("alkohol", "compound", frozenset({"Alkoholbehandling for ældre i eget hjem"})),
    Judgement(
        "tolk",
        "compound",
        frozenset({"Videotolk ved korte samtaler i borgerservice", "Forældregrupper på modersmål med tolk"}),
    ),
    Judgement(
        "tegnsprog",
        "compound",
        frozenset(
            {
                "Videotolk ved korte samtaler i borgerservice",
                "Tegnsprogskyndig kontaktperson til familier med døve børn",
            }
        ),
    ),
    Judgement(
        "bostøtte",
        "compound",
        frozenset(
            {
                "Bostøtten følger med ind i den nye bolig",
                "Bostøtte over video om aftenen",
                "Frivillig besøgsven til borgere i bostøtte",
                "Visuelle dagsplaner i bostøtten til borgere med autisme",
                "Efterværn efter krisecenter med bostøtte og juridisk hjælp",
            }
        ),
    ),
    Judgement(
        "jobcenter",
        "compound",
        frozenset(
            {
                "Stille venteværelse og faste tider i jobcentret",
                "Jobcafé i boligområdet i stedet for møder på jobcentret",
                "Korte møder med skriftlig opsummering til borgere med ADHD",
            }
        ),
    ),
    Judgement(
        "skole",
        "compound",
        frozenset(
            {
                "Fælles skolestartsplan for anbragte børn",
                "Brobygning i små trin fra folkeskole til ungdomsuddannelse for unge med autisme",
                "Lektiecafé med frivillige studerende i boligområdet",
                "Ungekonsulent i gymnasiet til elever i mistrivsel",
            }
        ),
    ),
    Judgement("natcafé", "compound", frozenset({"Natcafé for borgere med psykisk sårbarhed"})),
    Judgement(
        "praktik",
        "compound",
        frozenset(
            {
                "Virksomhedspraktik med en fast mentor fra arbejdspladsen",
                "Struktur-app og et ugentligt tjek hos jobkonsulenten",
            }
        ),
    ),
    Judgement("fleksjob", "compound", frozenset({"Tidlig afklaring af fleksjob for borgere i ressourceforløb"})),
    Judgement("ensomhd", "typo", ENSOM),
    Judgement("alkhol", "typo", frozenset({"Alkoholbehandling for ældre i eget hjem"})),
    Judgement("krisecentr", "typo", KRISE),
    Judgement(
        "tegnsporg",
        "typo",
        frozenset(
            {
                "Videotolk ved korte samtaler i borgerservice",
                "Tegnsprogskyndig kontaktperson til familier med døve børn",
            }
        ),
    ),
    Judgement("naloxn", "typo", frozenset({"Naloxon-kursus for personale og pårørende"})),
    Judgement("demns", "typo", frozenset({"Demensvenlige butikker i lokalsamfundet"})),
    Judgement("udviklingshemning", "typo", frozenset({"Fritidsjob med støtte for unge med udviklingshæmning"})),
    Judgement("hjemlos", "ascii", HOMELESS),
    Judgement("hjemlose", "ascii", HOMELESS),
    Judgement("lektiecafe", "ascii", frozenset({"Lektiecafé med frivillige studerende i boligområdet"})),
    Judgement("soskende", "ascii", frozenset({"Søskendesamvær, når søskende er anbragt forskellige steder"})),
    Judgement(
        "handleplanen",
        "ascii",
        frozenset({"Borgerens egne ord i handleplanen", "Søskendesamvær, når søskende er anbragt forskellige steder"}),
    ),
    Judgement("husvild", "synonym", HOMELESS),
    Judgement("gadesover", "synonym", HOMELESS),
    Judgement("isolation", "synonym", ENSOM),
    Judgement("spiritus", "synonym", frozenset({"Alkoholbehandling for ældre i eget hjem"})),
    Judgement("afhængighed", "synonym", MISBRUG),
    Judgement("overgreb", "synonym", VOLD),
    Judgement(
        "hørehæmmet",
        "synonym",
        frozenset(
            {
                "Samtalegruppe for ældre med høretab",
                "Videotolk ved korte samtaler i borgerservice",
                "Tegnsprogskyndig kontaktperson til familier med døve børn",
            }
        ),
    ),
    Judgement("familiepleje", "synonym", PLEJE),
    Judgement("plejebarn", "synonym", ANBRAGT),
    Judgement(
        "ensomme ældre",
        "multi",
        frozenset(
            {
                "Spisevenner: fællesspisning for ensomme ældre",
                "Telefonkæde, hvor ældre ringer til hinanden hver morgen",
                "Spørg til ensomhed ved visitation til hjemmepleje",
                "Samtalegruppe for ældre med høretab",
                "Tablet og en frivillig makker til ældre, der vil være digitale",
            }
        ),
    ),
    Judgement(
        "unge uden bolig",
        "multi",
        frozenset(
            {
                "Sofasurfere skal også tælles med: opsporing af unge uden bolig",
                "Træningslejlighed før det fyldte 18. år",
            }
        ),
    ),
    Judgement(
        "vold i familien",
        "multi",
        frozenset(
            {
                "Spørg altid til vold i familiesager",
                "Behandling til voldsudøvere efter politiets første udrykning",
                "Krisecenterpladser til mænd og deres børn",
                "Efterværn efter krisecenter med bostøtte og juridisk hjælp",
            }
        ),
    ),
    Judgement(
        "job med støtte",
        "multi",
        frozenset(
            {
                "Job først og behandling samtidig for borgere med psykiske lidelser",
                "Fritidsjob med støtte for unge med udviklingshæmning",
            }
        ),
    ),
    Judgement(
        "walk and talk",
        "multi",
        frozenset(
            {
                "Gåture i stedet for kontorsamtaler med unge i hashbehandling",
                "Samtaler på gåture for ledige med angst",
                "Børnesamtaler i bilen eller på gåtur",
            }
        ),
    ),
    Judgement(
        "fast kontaktperson efter anbringelse",
        "multi",
        frozenset({"En voksen, der bliver: fast kontaktperson frem til 23 år efter anbringelse"}),
    ),
    Judgement(
        "sårpleje gadesovere",
        "multi",
        frozenset({"Morgenmad fra ladcykel som indgang til sundhedstjek for gadesovere"}),
    ),
    Judgement("forældre til børn med ADHD", "multi", frozenset({"Forældretræning for familier med børn med ADHD"})),
    Judgement("døve børn", "multi", frozenset({"Tegnsprogskyndig kontaktperson til familier med døve børn"})),
    Judgement(
        "hund indlæggelse", "multi", frozenset({"Hundepasning, når en gadesover skal indlægges eller i behandling"})
    ),
    Judgement("exit bande", "multi", frozenset({"Exit-forløb med mentor for unge i bandemiljø"})),
    Judgement(
        "løsladelse bolig",
        "multi",
        frozenset({"Løsladelsesmøde: bolig, forsørgelse og kontaktperson klar før prøveløsladelse"}),
    ),
    Judgement(
        "frivillige ældre",
        "multi",
        frozenset(
            {
                "Spisevenner: fællesspisning for ensomme ældre",
                "Telefonkæde, hvor ældre ringer til hinanden hver morgen",
                "Tablet og en frivillig makker til ældre, der vil være digitale",
            }
        ),
    ),
    Judgement(
        "udskrivning psykiatri",
        "multi",
        frozenset({"Fælles udskrivningsmøde, før borgeren forlader psykiatrisk afdeling"}),
    ),
    # Compounds and their parts, both ways (search/data/compound_parts_da.txt).
    Judgement(
        "misbrugsbehandling",
        "compound",
        frozenset(
            {
                "Sms-service til pårørende til borgere i misbrugsbehandling",
                "Én fælles plan for borgere med både psykisk lidelse og misbrug",
                "Alkoholbehandling for ældre i eget hjem",
                "Løsladelsesmøde: bolig, forsørgelse og kontaktperson klar før prøveløsladelse",
            }
        ),
    ),
    Judgement("behandling af alkohol", "compound", frozenset({"Alkoholbehandling for ældre i eget hjem"})),
    Judgement("alkoholbehandlingen", "compound", frozenset({"Alkoholbehandling for ældre i eget hjem"})),
    Judgement("tolk via video", "compound", frozenset({"Videotolk ved korte samtaler i borgerservice"})),
    Judgement("videosamtale", "compound", frozenset({"Bostøtte over video om aftenen"})),
    Judgement(
        "samtale på video",
        "compound",
        frozenset({"Bostøtte over video om aftenen", "Videotolk ved korte samtaler i borgerservice"}),
    ),
    Judgement("krisecenterplads", "compound", frozenset({"Krisecenterpladser til mænd og deres børn"})),
    Judgement("pladser på krisecenter", "compound", frozenset({"Krisecenterpladser til mænd og deres børn"})),
    Judgement("skolestart", "compound", frozenset({"Fælles skolestartsplan for anbragte børn"})),
    Judgement("plan for skolestart", "compound", frozenset({"Fælles skolestartsplan for anbragte børn"})),
    Judgement(
        "gruppe for forældre",
        "compound",
        frozenset(
            {
                "Pårørendegruppe for forældre til unge med rusmiddelforbrug",
                "Forældregrupper på modersmål med tolk",
            }
        ),
    ),
    Judgement(
        "jobkonsulent",
        "compound",
        frozenset(
            {
                "Struktur-app og et ugentligt tjek hos jobkonsulenten",
                "Virksomhedspraktik med en fast mentor fra arbejdspladsen",
                "Jobcafé i boligområdet i stedet for møder på jobcentret",
                "Job først og behandling samtidig for borgere med psykiske lidelser",
                "Fritidsjob med støtte for unge med udviklingshæmning",
            }
        ),
    ),
    Judgement("ungekonsulent", "compound", frozenset({"Ungekonsulent i gymnasiet til elever i mistrivsel"})),
    Judgement(
        "ungdomsbolig", "compound", frozenset({"Sofasurfere skal også tælles med: opsporing af unge uden bolig"})
    ),
    Judgement(
        "sundhedsplejerske",
        "compound",
        frozenset({"Ekstra hjemmebesøg af sundhedsplejersken hos sårbare gravide"}),
    ),
    Judgement(
        "gadeteam",
        "compound",
        frozenset(
            {
                "Morgenmad fra ladcykel som indgang til sundhedstjek for gadesovere",
                "Hundepasning, når en gadesover skal indlægges eller i behandling",
            }
        ),
    ),
    Judgement("ressourceforløb", "compound", frozenset({"Tidlig afklaring af fleksjob for borgere i ressourceforløb"})),
    Judgement("pårørendegruppe", "compound", frozenset({"Pårørendegruppe for forældre til unge med rusmiddelforbrug"})),
    Judgement(
        "voldsudøver",
        "compound",
        frozenset(
            {
                "Behandling til voldsudøvere efter politiets første udrykning",
                "Tjek af telefon og konti, når en voldsudsat flytter",
            }
        ),
    ),
    Judgement(
        "netværksmøde",
        "compound",
        frozenset({"Netværksmøder, hvor den unge selv står for invitationen"}),
    ),
    Judgement("bostøttemedarbejder", "compound", frozenset({"Bostøtte over video om aftenen"})),
    Judgement(
        "besøgsven",
        "compound",
        frozenset(
            {
                "Frivillig besøgsven til borgere i bostøtte",
                "Spørg til ensomhed ved visitation til hjemmepleje",
            }
        ),
    ),
    Judgement("aktivitetscenter", "compound", frozenset({"Spisevenner: fællesspisning for ensomme ældre"})),
    Judgement(
        "ledighed",
        "derivation",
        frozenset(
            {
                "Virksomhedspraktik med en fast mentor fra arbejdspladsen",
                "Jobcafé i boligområdet i stedet for møder på jobcentret",
                "Samtaler på gåture for ledige med angst",
            }
        ),
    ),
    Judgement("stressede", "derivation", frozenset({"Visuelle dagsplaner i bostøtten til borgere med autisme"})),
    Judgement("mistrives", "derivation", frozenset({"Ungekonsulent i gymnasiet til elever i mistrivsel"})),
    Judgement(
        "tryghed",
        "derivation",
        frozenset({"Telefonkæde, hvor ældre ringer til hinanden hver morgen"}),
    ),
    # Sentences: most of the words, not all, are in the ideas.
    Judgement(
        "hvordan hjælper vi ensomme ældre der spiser alene",
        "sentence",
        frozenset({"Spisevenner: fællesspisning for ensomme ældre"}),
    ),
    Judgement(
        "støtte til unge der flytter fra anbringelse i egen bolig",
        "sentence",
        frozenset(
            {
                "En voksen, der bliver: fast kontaktperson frem til 23 år efter anbringelse",
                "Træningslejlighed før det fyldte 18. år",
                "Økonomikursus for unge på vej ud af anbringelse",
            }
        ),
    ),
    Judgement(
        "døve borgere venter længe på en tolk",
        "sentence",
        frozenset(
            {
                "Videotolk ved korte samtaler i borgerservice",
                "Tegnsprogskyndig kontaktperson til familier med døve børn",
            }
        ),
    ),
    Judgement(
        "hjælp til forældre hvis barnet har adhd",
        "sentence",
        frozenset({"Forældretræning for familier med børn med ADHD"}),
    ),
    Judgement(
        "borgere med autisme bliver stressede af ventetid på jobcentret",
        "sentence",
        frozenset(
            {
                "Stille venteværelse og faste tider i jobcentret",
                "Visuelle dagsplaner i bostøtten til borgere med autisme",
            }
        ),
    ),
    Judgement(
        "hvad gør vi når en hjemløs har en hund og skal på hospitalet",
        "sentence",
        frozenset({"Hundepasning, når en gadesover skal indlægges eller i behandling"}),
    ),
    Judgement(
        "kvinder der flytter fra krisecenter og mangler juridisk rådgivning",
        "sentence",
        frozenset({"Efterværn efter krisecenter med bostøtte og juridisk hjælp"}),
    ),
]
