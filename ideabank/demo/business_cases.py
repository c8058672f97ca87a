"""Demo business cases for `seed_demo`: a handful of the demo methods with costs, effects and payment-by-results
prices, so `make run` shows the business case, its warnings and payment by results.

Written for this project. The amounts are plausible orders of magnitude for Danish municipalities, not figures
from a real calculation; each effect's source is a study of the method in the (made-up) research library,
named by its title, and one effect is deliberately left without a source so the page's warning shows.
Costs left at null come from the adoptions' outcome reports.

Each case goes through services.set_business_case as the demo editor — the same rules and the same publishing
as the API — and only for methods that have no effects yet, so seeding twice changes nothing.
"""

import time

from ideabank.methods.models import MethodPage, ResearchItem
from ideabank.methods.services import set_business_case

from .content import read
from .people import demo_editor

# slug → {cost_per_citizen (None: from the adoptions' outcome reports), cost_source, horizon_years, effects,
# prices: {indicator name: {target, price, counting}}}; an effect's source is a research item's title.
CASES = read("business_cases")


def _source(title):
    if title is None:
        return None
    item = ResearchItem.objects.filter(title__startswith=title).order_by("pk").first()
    return item.pk if item else None


def seed_business_cases(stdout=None):
    """Give the demo methods in content/business_cases.json a business case where they have none; returns how many."""
    say = stdout or (lambda message: None)
    started = time.monotonic()
    methods = MethodPage.objects.live().filter(slug__in=CASES, effects__isnull=True).distinct()
    editor = demo_editor() if methods else None
    made = 0
    for method in methods:
        case = CASES[method.slug]
        prices = case["prices"]
        for indicator in method.indicators.filter(name__in=prices):
            fields = ["target", "price", "counting"]
            for name in fields:
                setattr(indicator, name, prices[indicator.name][name])
            indicator.save(update_fields=fields)
        set_business_case(
            editor,
            method,
            cost_per_citizen=case["cost_per_citizen"],
            cost_source=case["cost_source"],
            horizon_years=case["horizon_years"],
            discount_rate=0.04,
            effects=[{**given, "source": _source(given["source"])} for given in case["effects"]],
            factors={"low": 0.5, "expected": 1, "high": 1.5},
        )
        made += 1
    if made:
        say(f"  {made} business cases med kilder ({time.monotonic() - started:.1f} s)")
    return made
