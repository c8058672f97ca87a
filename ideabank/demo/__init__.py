"""Demo data for `make run`, the tests and the benchmark: the `seed_demo` command and its generators.

No production app imports this package; it uses the apps the way an editor or a user would (their models and
services). The hand-written Danish content lives as JSON under content/; the generators read it:

- people.py: the demo organisations and one login per role; two_factor.py: their shared authenticator key.
- plans.py and writing.py: a plan of ideas with their votes, comments, tried reports and reports, decided
  from a seed before anything is written, then written in bulk; ideas.py: the hand-written set and the
  generated bulk set (`seed_demo --ideas N`) built with them.
- methods.py and business_cases.py: the method catalogue, published, assessed and credited to demo ideas.
- spread.py: the methods taken into use across the country, with outcome reports and encounters.
"""

import random

SEED = 2026
GENERATED_DOMAIN = "idebanken.example"  # never deliverable (RFC 2606), so demo users get no real mail


def rng_for(*parts):
    """A Random seeded from a string, so the same parts give the same demo data on every run."""
    return random.Random(":".join(str(part) for part in parts))  # noqa: S311 - demo content, not secrets
