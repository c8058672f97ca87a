"""Demo business cases for `seed_demo`: a handful of the demo methods with costs, effects and payment-by-results
prices, so `make run` shows the business case, its warnings and payment by results.

Written for this project. The amounts are plausible orders of magnitude for Danish municipalities, not figures
from a real calculation; each effect's source is a study of the method in the (made-up) research library,
named by its title, and one effect is deliberately left without a source so the page's warning shows.
Costs left at None come from the adoptions' outcome reports.

Each case goes through services.set_business_case as the demo editor — the same rules and the same publishing
as the API — and only for methods that have no effects yet, so seeding twice changes nothing.
"""

import time

from .demo import demo_editor
from .models import MethodPage, ResearchItem
from .services import set_business_case


def effect(label, value_per_year, share, years, study=None):
    return {"label": label, "value_per_year": value_per_year, "share": share, "years": years, "source": study}


# slug → (cost per citizen or None, its source, horizon, effects, {indicator name: (target, price, counting)})
CASES = {
    "housing-first-med-intensiv-bostoette": (
        100000,
        "Metodebeskrivelsen: 90.000–110.000 kr. pr. borger om året for en case manager med 8–10 borgere.",
        5,
        [
            effect(
                "Undgåede herbergsophold",
                145000,
                0.6,
                3,
                "Egen bolig først: boligfastholdelse efter to år i et lodtrækningsforsøg med 420 borgere",
            ),
            effect(
                "Færre akutte indlæggelser og skadestuebesøg",
                22000,
                0.3,
                3,
                "Hjemløseindsatsen på tværs af kommuner: erfaringer med bostøttemetoderne",
            ),
        ],
        {"Andel i egen bolig efter 12 måneder": (80, 60000, "share")},
    ),
    "ips-individuelt-planlagt-job-med-stoette": (
        27500,
        "Metodebeskrivelsen: en IPS-konsulent med 20 borgere koster omkring 550.000 kr. om året.",
        5,
        [
            effect(
                "I ordinært job i stedet for på offentlig forsørgelse",
                190000,
                0.2,
                4,
                "Job først: et dansk lodtrækningsforsøg med IPS for borgere med svær psykisk sygdom",
            ),
            effect("Bedre selvvurderet helbred", 4000, "measured", 2),  # no source: the page warns
        ],
        {"Andel i ordinært job eller uddannelse efter 18 måneder": (40, 45000, "share")},
    ),
    "multisystemisk-terapi": (
        150000,
        "Metodebeskrivelsen: et forløb koster omkring 150.000 kr. inkl. licens og supervision.",
        5,
        [
            effect(
                "Undgået anbringelse på institution",
                650000,
                0.15,
                2,
                "MST i Danmark: anbringelser og kriminalitet to år efter behandling",
            ),
            effect(
                "Færre sigtelser og retsmøder",
                30000,
                0.2,
                3,
                "MST i Danmark: anbringelser og kriminalitet to år efter behandling",
            ),
        ],
        {"Unge, der bor hjemme ved afslutning": (85, 80000, "share")},
    ),
    "familieraadslagning": (
        None,
        "",
        5,
        [
            effect(
                "Barnet forbliver i familie eller netværk i stedet for familiepleje",
                180000,
                0.12,
                2,
                "Familiens egen plan: resultater af familierådslagning i otte kommuner",
            ),
        ],
        {},
    ),
    "fast-mentor-for-unge-paa-vej-ud-af-anbringelse": (
        70000,
        "Metodebeskrivelsen: en mentor med 6–8 unge koster omkring 70.000 kr. pr. ung om året.",
        10,
        [
            effect(
                "I uddannelse eller job ved 20 år i stedet for på kontanthjælp",
                120000,
                0.15,
                8,
                "En voksen, der bliver: efterværn med fast mentor i fire kommuner",
            ),
        ],
        {"Unge i uddannelse eller job ved 20 år": (60, 35000, "share")},
    ),
    "critical-time-intervention": (
        50000,
        "Metodebeskrivelsen: et forløb koster omkring 45.000–55.000 kr. pr. borger.",
        3,
        [
            effect(
                "Undgåede genindlæggelser i psykiatrien",
                60000,
                0.25,
                1,
                "Ni måneder, der holder? CTI for borgere udskrevet fra psykiatrien",
            ),
        ],
        {},
    ),
}


def _source(title):
    if title is None:
        return None
    item = ResearchItem.objects.filter(title__startswith=title).order_by("pk").first()
    return item.pk if item else None


def seed_business_cases(stdout=None):
    """Give the demo methods listed above their business case, where they have none. Returns how many."""
    say = stdout or (lambda message: None)
    started = time.monotonic()
    methods = MethodPage.objects.live().filter(slug__in=CASES, effects__isnull=True).distinct()
    editor = demo_editor() if methods else None
    made = 0
    for method in methods:
        cost, cost_source, horizon, effects, prices = CASES[method.slug]
        for indicator in method.indicators.filter(name__in=prices):
            indicator.target, indicator.price, indicator.counting = prices[indicator.name]
            indicator.save(update_fields=["target", "price", "counting"])
        set_business_case(
            editor,
            method,
            cost_per_citizen=cost,
            cost_source=cost_source,
            horizon_years=horizon,
            discount_rate=0.04,
            effects=[{**given, "source": _source(given["source"])} for given in effects],
            factors={"low": 0.5, "expected": 1, "high": 1.5},
        )
        made += 1
    if made:
        say(f"  {made} business cases med kilder ({time.monotonic() - started:.1f} s)")
    return made
